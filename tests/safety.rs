//! Section 1.5, the reading and writing half: only regular files are read, only `<judge>.csv`
//! is a sheet, CSV is strict, nothing is written through a symbolic link on the way to a
//! default output folder, and temporary files left by an interrupted write are cleaned up.
//!
//! The archive is `tests/fixtures/base`: one eligible application APP-1, judges j-kim
//! (conflicted with APP-1, first round only) and j-silva, rounds `first` and `final`, criteria
//! impact (1–10) and design (0–10).

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Command as Process;
use std::time::Duration;

use common::{Archive, Output, finding_keys, json, names, prize, run, run_within, validate_json, write};
use serde_json::Value;

/// A clean sheet of j-silva for APP-1.
const SHEET: &str = "application,impact,design,comment\nAPP-1,8,7,\n";

/// A line no output may ever show: it lives outside the archive, behind a link.
const SECRET: &str = "root:x:0:0:SECRET-LINE-7731:/root:/bin/bash";

fn mkfifo(path: &Path) {
    let status = Process::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// `prize -C dir ARGS` that must end within ten seconds (a reader blocked on a pipe would not).
fn run_bounded(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = prize();
    cmd.arg("-C").arg(dir).args(args);
    run_within(cmd, Duration::from_secs(10))
}

/// The findings with this code, as (severity, file, line, column).
fn findings_of(report: &Value, code: &str) -> Vec<(String, String, u64, u64)> {
    finding_keys(report)
        .into_iter()
        .filter(|f| f.0 == code)
        .map(|(_, severity, file, line, column)| (severity, file, line, column))
        .collect()
}

fn error_at(file: &str, line: u64, column: u64) -> (String, String, u64, u64) {
    ("error".to_string(), file.to_string(), line, column)
}

fn warning_at(file: &str) -> (String, String, u64, u64) {
    ("warning".to_string(), file.to_string(), 1, 1)
}

fn store_sheet(dir: &Path, name: &str, text: &str) {
    write(&dir.join("scores/first").join(name), text.as_bytes());
}

/// The number of judges behind APP-1's score in the first round.
fn judges_of_app_1(dir: &Path) -> u64 {
    let Output { code, stdout, stderr } = run(dir, &["rank", "--round", "first", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let rank = json(&stdout);
    rank["groups"][0]["ranking"][0]["judges"].as_u64().unwrap()
}

// ---- only regular files are read ----

#[test]
fn a_symlinked_prize_toml_is_refused_without_reading_it() {
    let archive = Archive::base();
    let elsewhere = tempfile::tempdir().unwrap();
    let real = elsewhere.path().join("prize.toml");
    fs::rename(archive.path().join("prize.toml"), &real).unwrap();
    symlink(&real, archive.path().join("prize.toml")).unwrap();
    let Output { code, stdout, stderr } = run_bounded(archive.path(), &["validate"]);
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("prize.toml"), "{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
}

#[test]
fn a_fifo_or_a_folder_as_prize_toml_is_refused_without_a_hang() {
    let archive = Archive::base();
    let config = archive.path().join("prize.toml");
    fs::remove_file(&config).unwrap();
    mkfifo(&config);
    let Output { code, stderr, .. } = run_bounded(archive.path(), &["validate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("prize.toml") && stderr.contains("named pipe"),
        "{stderr}"
    );

    fs::remove_file(&config).unwrap();
    fs::create_dir(&config).unwrap();
    let Output { code, stderr, .. } = run_bounded(archive.path(), &["validate"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("prize.toml") && stderr.contains("folder"), "{stderr}");
}

#[test]
fn a_fifo_judges_toml_is_a_finding_not_a_hang() {
    let archive = Archive::base();
    let roster = archive.path().join("judges.toml");
    fs::remove_file(&roster).unwrap();
    mkfifo(&roster);
    let Output { code, stdout, stderr } = run_bounded(archive.path(), &["validate", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let report = json(&stdout);
    assert_eq!(
        findings_of(&report, "not-a-regular-file"),
        vec![error_at("judges.toml", 1, 1)]
    );
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("named pipe"),
        "{report:#}"
    );
}

#[test]
fn a_folder_judges_toml_is_a_finding() {
    let archive = Archive::base();
    let roster = archive.path().join("judges.toml");
    fs::remove_file(&roster).unwrap();
    fs::create_dir(&roster).unwrap();
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&report, "not-a-regular-file"),
        vec![error_at("judges.toml", 1, 1)]
    );
}

/// A character device (as /dev/null is) needs the right to make one: skipped without it.
#[test]
fn a_device_judges_toml_is_a_finding() {
    let archive = Archive::base();
    let roster = archive.path().join("judges.toml");
    fs::remove_file(&roster).unwrap();
    let made = Process::new("mknod")
        .arg(&roster)
        .args(["c", "1", "3"])
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !made {
        eprintln!("skipped: cannot make a device node here");
        return;
    }
    let Output { code, stdout, .. } = run_bounded(archive.path(), &["validate", "--format", "json"]);
    assert_eq!(code, 1);
    let report = json(&stdout);
    assert_eq!(
        findings_of(&report, "not-a-regular-file"),
        vec![error_at("judges.toml", 1, 1)]
    );
}

#[test]
fn links_to_a_secret_never_show_it_in_any_format() {
    let archive = Archive::base();
    let elsewhere = tempfile::tempdir().unwrap();
    let secret = elsewhere.path().join("passwd");
    fs::write(&secret, format!("{SECRET}\n")).unwrap();
    let root = archive.path();
    fs::remove_file(root.join("judges.toml")).unwrap();
    symlink(&secret, root.join("judges.toml")).unwrap();
    fs::create_dir_all(root.join("scores/first")).unwrap();
    symlink(&secret, root.join("scores/first/j-silva.csv")).unwrap();
    fs::create_dir_all(root.join("assignments")).unwrap();
    symlink(&secret, root.join("assignments/first.csv")).unwrap();
    for format in ["human", "json", "github"] {
        let Output { code, stdout, stderr } = run_bounded(root, &["validate", "--format", format]);
        assert_eq!(code, 1, "{format}: {stdout}{stderr}");
        assert!(!stdout.contains("SECRET-LINE"), "{format}: {stdout}");
        assert!(!stderr.contains("SECRET-LINE"), "{format}: {stderr}");
    }
    let (_, report) = validate_json(root);
    assert_eq!(
        findings_of(&report, "not-a-regular-file"),
        vec![
            error_at("assignments/first.csv", 1, 1),
            error_at("judges.toml", 1, 1),
            error_at("scores/first/j-silva.csv", 1, 1),
        ]
    );
}

// ---- only `<judge>.csv` is a sheet ----

#[test]
fn anything_but_judge_dot_csv_in_a_round_folder_is_a_stray_file_and_not_read() {
    let archive = Archive::base();
    let root = archive.path();
    store_sheet(root, "j-silva.csv", SHEET);
    store_sheet(root, "j-silva.CSV", SHEET);
    store_sheet(root, "j-silva.csv.bak", SHEET);
    store_sheet(root, "notes.txt", "call Ana about APP-1\n");
    fs::create_dir(root.join("scores/first/old")).unwrap();
    // Dot files stay skipped, temporary files of an interrupted write among them.
    store_sheet(root, ".prize-tmp-a1b2c3", SHEET);
    store_sheet(root, ".j-silva.csv", SHEET);
    let (code, report) = validate_json(root);
    assert_eq!(code, 0, "warnings only: {report:#}");
    assert_eq!(
        findings_of(&report, "stray-file"),
        vec![
            warning_at("scores/first/j-silva.CSV"),
            warning_at("scores/first/j-silva.csv.bak"),
            warning_at("scores/first/notes.txt"),
            warning_at("scores/first/old"),
        ]
    );
    assert_eq!(report["findings"].as_array().unwrap().len(), 4, "{report:#}");
    // j-silva is one judge, counted once.
    assert_eq!(judges_of_app_1(root), 1);
}

#[test]
fn an_upper_case_extension_alone_is_not_read_either() {
    let archive = Archive::base();
    store_sheet(archive.path(), "j-silva.CSV", SHEET);
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 0);
    let help = report["findings"][0]["help"].as_str().unwrap();
    assert!(help.contains("j-silva.csv"), "{help}");
    let Output { code, stdout, .. } = run(archive.path(), &["rank", "--round", "first", "--format", "json"]);
    assert_eq!(code, 0);
    let rank = json(&stdout);
    assert!(rank["groups"][0]["ranking"].as_array().unwrap().is_empty(), "{rank:#}");
}

// ---- strict CSV ----

/// Stored sheets whose CSV is broken, and where: (name, text, line, column), counted by hand.
const BROKEN: &[(&str, &str, u64, u64)] = &[
    // `APP-1,8,7,` is 10 characters: the quoted comment opens at 11, closes at 15, `b` is 16.
    (
        "text after a closing quote",
        "application,impact,design,comment\nAPP-1,8,7,\"abc\"b\n",
        2,
        16,
    ),
    // The quote is the 12th character.
    (
        "a quote inside an unquoted cell",
        "application,impact,design,comment\nAPP-1,8,7,a\"b\n",
        2,
        12,
    ),
    // The fifth cell starts after `APP-1,8,7,ok,` (13 characters).
    (
        "a row with more cells than the header",
        "application,impact,design,comment\nAPP-1,8,7,ok,too many\n",
        2,
        14,
    ),
];

#[test]
fn a_stored_sheet_with_broken_csv_is_csv_syntax_at_line_and_column() {
    for (what, text, line, column) in BROKEN {
        let archive = Archive::base();
        store_sheet(archive.path(), "j-silva.csv", text);
        let (code, report) = validate_json(archive.path());
        assert_eq!(code, 1, "{what}: {report:#}");
        assert_eq!(
            finding_keys(&report),
            vec![(
                "csv-syntax".to_string(),
                "error".to_string(),
                "scores/first/j-silva.csv".to_string(),
                *line,
                *column
            )],
            "{what}"
        );
    }
}

#[test]
fn trailing_empty_cells_are_not_too_many() {
    let archive = Archive::base();
    store_sheet(
        archive.path(),
        "j-silva.csv",
        "application,impact,design,comment\nAPP-1,8,7,ok,,\n",
    );
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 0, "{report:#}");
    assert_eq!(judges_of_app_1(archive.path()), 1);
}

#[test]
fn one_stray_quote_does_not_merge_rows_into_a_comment() {
    let archive = Archive::base();
    // Row 2's comment opens a quote that is never meant to close; the next quote, on line 4
    // (`APP-9,5,5,the ` is 14 characters, so the quote is at 15), closes it, and `best` at 16
    // is text after a closing quote.
    let text = "application,impact,design,comment\n\
                APP-1,8,7,\"Strong uptake\n\
                APP-8,6,5,fine\n\
                APP-9,5,5,the \"best\" one\n";
    store_sheet(archive.path(), "j-silva.csv", text);
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 1);
    assert_eq!(
        findings_of(&report, "csv-syntax"),
        vec![error_at("scores/first/j-silva.csv", 4, 16)]
    );
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("line 2"), "names where the cell opened: {message}");
}

#[test]
fn scores_import_refuses_broken_csv_and_writes_nothing() {
    for (what, text, line, column) in BROKEN {
        let archive = Archive::base();
        let sent = archive.path().join("sent.csv");
        fs::write(&sent, text).unwrap();
        let Output { code, stdout, stderr } = run(
            archive.path(),
            &[
                "scores",
                "import",
                sent.to_str().unwrap(),
                "--round",
                "first",
                "--judge",
                "j-silva",
            ],
        );
        assert_eq!(code, 1, "{what}: {stdout}{stderr}");
        assert!(stdout.contains("csv-syntax"), "{what}: {stdout}");
        assert!(
            stdout.contains(&format!("sent.csv:{line}:{column}")),
            "{what}: {stdout}"
        );
        assert!(!archive.path().join("scores").exists(), "{what}: nothing written");
    }
}

// ---- nothing written through a link on the way to a default folder ----

#[test]
fn sheets_refuses_a_symlinked_sheets_folder_or_round_folder() {
    for link in ["sheets", "sheets/first"] {
        let archive = Archive::base();
        let outside = tempfile::tempdir().unwrap();
        let path = archive.path().join(link);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(outside.path(), &path).unwrap();
        let Output { code, stdout, stderr } = run(archive.path(), &["sheets", "--round", "first"]);
        assert_eq!(code, 2, "{link}: {stdout}{stderr}");
        assert!(stderr.contains(link) && stderr.contains("symbolic link"), "{stderr}");
        assert!(
            names(outside.path()).is_empty(),
            "{link}: nothing written at the link's target"
        );
    }
}

#[test]
fn a_symlinked_out_folder_named_by_the_user_is_followed() {
    let archive = Archive::base();
    let outside = tempfile::tempdir().unwrap();
    let link = archive.path().join("to-judges");
    symlink(outside.path(), &link).unwrap();
    let Output { code, stderr, .. } = run(
        archive.path(),
        &["sheets", "--round", "first", "--out", link.to_str().unwrap()],
    );
    assert_eq!(code, 0, "{stderr}");
    // j-kim serves in the first round but is conflicted with APP-1; j-silva serves in all.
    assert_eq!(names(outside.path()), vec!["j-kim.csv", "j-silva.csv"]);
}

#[test]
fn scores_import_refuses_a_symlinked_scores_or_round_folder() {
    for link in ["scores", "scores/first"] {
        let archive = Archive::base();
        let outside = tempfile::tempdir().unwrap();
        let path = archive.path().join(link);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        symlink(outside.path(), &path).unwrap();
        let sent = archive.path().join("j-silva.csv");
        fs::write(&sent, SHEET).unwrap();
        let Output { code, stdout, stderr } = run(
            archive.path(),
            &["scores", "import", sent.to_str().unwrap(), "--round", "first"],
        );
        assert_eq!(code, 2, "{link}: {stdout}{stderr}");
        assert!(stderr.contains("symbolic link"), "{stderr}");
        assert!(
            names(outside.path()).is_empty(),
            "{link}: nothing written at the link's target"
        );
    }
}

#[test]
fn assign_refuses_a_symlinked_assignments_folder() {
    let archive = Archive::base();
    let outside = tempfile::tempdir().unwrap();
    symlink(outside.path(), archive.path().join("assignments")).unwrap();
    let Output { code, stdout, stderr } = run(
        archive.path(),
        &["assign", "--round", "first", "--per-application", "1"],
    );
    assert_eq!(code, 2, "{stdout}{stderr}");
    assert!(stderr.contains("symbolic link"), "{stderr}");
    assert!(names(outside.path()).is_empty());
}

// ---- temporary files of an interrupted write ----

#[test]
fn the_next_write_removes_leftover_temporary_files() {
    let archive = Archive::base();
    let root = archive.path();
    // What an import killed between writing its temporary file and renaming it leaves.
    store_sheet(root, ".prize-tmp-Xy12Ab", "application,impact,design,comment\nAPP-1,1,");
    store_sheet(root, ".notes", "kept: not ours\n");
    let sent = root.join("j-silva.csv");
    fs::write(&sent, SHEET).unwrap();
    let Output { code, stdout, stderr } = run(root, &["scores", "import", sent.to_str().unwrap(), "--round", "first"]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(names(&root.join("scores/first")), vec![".notes", "j-silva.csv"]);

    fs::create_dir_all(root.join("sheets/first")).unwrap();
    fs::write(root.join("sheets/first/.prize-tmp-old"), "half a template").unwrap();
    let Output { code, stderr, .. } = run(root, &["sheets", "--round", "first"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(names(&root.join("sheets/first")), vec!["j-kim.csv", "j-silva.csv"]);
}

#[test]
fn a_pipe_where_a_file_is_to_be_written_is_refused_not_waited_on() {
    let archive = Archive::base();
    let root = archive.path();
    fs::create_dir_all(root.join("scores/first")).unwrap();
    mkfifo(&root.join("scores/first/j-silva.csv"));
    let sent = root.join("sent.csv");
    fs::write(&sent, SHEET).unwrap();
    let Output { code, stderr, .. } = run_bounded(
        root,
        &[
            "scores",
            "import",
            sent.to_str().unwrap(),
            "--round",
            "first",
            "--judge",
            "j-silva",
        ],
    );
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("scores/first/j-silva.csv") && stderr.contains("named pipe"),
        "{stderr}"
    );

    fs::create_dir_all(root.join("assignments")).unwrap();
    mkfifo(&root.join("assignments/first.csv"));
    let Output { code, stderr, .. } = run_bounded(root, &["assign", "--round", "first", "--per-application", "1"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("assignments/first.csv") && stderr.contains("named pipe"),
        "{stderr}"
    );

    fs::create_dir_all(root.join("sheets/first")).unwrap();
    mkfifo(&root.join("sheets/first/j-silva.csv"));
    let Output { code, stderr, .. } = run_bounded(root, &["sheets", "--round", "first"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(
        stderr.contains("sheets/first/j-silva.csv") && stderr.contains("named pipe"),
        "{stderr}"
    );
}

// ---- found in review: links and pipes that hid data behind a warning ----

#[test]
fn a_symlinked_scores_or_round_folder_is_an_error_not_a_silent_loss_of_scores() {
    // A link where the round's sheets should be would drop every score of the round: exit 0,
    // an empty award. Like a linked sheet, it is an error naming the path, and not followed.
    for link in ["scores", "scores/first"] {
        let archive = Archive::base();
        let root = archive.path();
        store_sheet(root, "j-silva.csv", SHEET);
        let outside = tempfile::tempdir().unwrap();
        let target = outside.path().join("moved");
        fs::rename(root.join(link), &target).unwrap();
        symlink(&target, root.join(link)).unwrap();
        let (code, report) = validate_json(root);
        assert_eq!(code, 1, "{link}: {report:#}");
        assert_eq!(
            findings_of(&report, "not-a-regular-file"),
            vec![error_at(link, 1, 1)],
            "{link}"
        );
        assert!(
            report["findings"]
                .as_array()
                .unwrap()
                .iter()
                .all(|f| f["code"] != "symlink-skipped"),
            "{link}: {report:#}"
        );
    }
}

#[test]
fn a_pipe_or_an_upper_case_toml_under_applications_is_reported_not_skipped_silently() {
    let archive = Archive::base();
    let root = archive.path();
    mkfifo(&root.join("applications/pipe.toml"));
    write(&root.join("applications/LOUD.TOML"), b"title = \"x\"\n");
    let Output { code, stdout, stderr } = run_bounded(root, &["validate", "--format", "json"]);
    assert_eq!(code, 1, "{stderr}");
    let report = json(&stdout);
    assert_eq!(
        findings_of(&report, "not-a-regular-file"),
        vec![error_at("applications/pipe.toml", 1, 1)]
    );
    assert_eq!(
        findings_of(&report, "stray-file"),
        vec![warning_at("applications/LOUD.TOML")]
    );
}

#[test]
fn a_roster_that_cannot_be_read_is_one_finding_not_one_per_sheet() {
    // With judges.toml unreadable no sheet's judge can be known: the one finding about the
    // roster says so, instead of an `unknown-judge` for every stored sheet.
    let archive = Archive::base();
    let root = archive.path();
    store_sheet(root, "j-silva.csv", SHEET);
    store_sheet(root, "j-kim.csv", "application,impact,design,comment\n");
    write(&root.join("judges.toml"), b"[[judges]\nid = \n");
    let (code, report) = validate_json(root);
    assert_eq!(code, 1, "{report:#}");
    let codes: Vec<&str> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|f| f["code"].as_str())
        .collect();
    assert_eq!(codes, ["toml-syntax"], "{report:#}");
}
