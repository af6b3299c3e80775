//! Bad input never panics: every malformed, unreadable or surprising file gives findings or one
//! clear error, with the exit code of the spec (0 done, 1 the archive has errors, 2 the command
//! could not run). Lines and columns are counted by hand from the text written here.

mod common;

use std::fs;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command as StdCommand, Stdio};
use std::time::Instant;

use common::{
    Archive, BASE_APPLICATION, Output, assert_no_panic, base_application, finding_keys, json, messages_with, prize,
    run_cmd, validate_json,
};
use serde_json::Value;

/// (code, severity, file, line, column), as `finding_keys` gives them.
type Key = (String, String, String, u64, u64);

/// Changes to the base application: (1-based line, new text).
type Changes = &'static [(usize, &'static str)];

fn key(code: &str, severity: &str, file: &str, line: u64, column: u64) -> Key {
    (code.to_string(), severity.to_string(), file.to_string(), line, column)
}

/// The base application (18 lines, `id` on line 1 and `applicant.name` on line 9) with `id` and
/// an applicant name of its own (so that copies are not duplicate applicants), then `changes`
/// applied: (1-based line, new text); lines past the end are added, with blank lines in between.
fn application(id: &str, changes: &[(usize, &str)]) -> String {
    let mut lines: Vec<String> = base_application(id).lines().map(String::from).collect();
    for &(line, text) in changes {
        if line > lines.len() {
            lines.resize(line, String::new());
        }
        lines[line - 1] = text.to_string();
    }
    lines.join("\n") + "\n"
}

/// The findings of `report` about `file`.
fn findings_in(report: &Value, file: &str) -> Vec<Key> {
    finding_keys(report).into_iter().filter(|f| f.2 == file).collect()
}

/// Writes `n` copies of the base application under `applications/gen/`, each with an id and an
/// applicant of its own, 1000 to a folder (folders written on several threads: creating files
/// is most of the time).
fn write_applications(root: &Path, n: usize) {
    let folders: Vec<usize> = (0..=n / 1000).collect();
    std::thread::scope(|scope| {
        for share in folders.chunks(folders.len().div_ceil(4)) {
            scope.spawn(move || {
                for &folder in share {
                    let dir = root.join(format!("applications/gen/{folder:03}"));
                    fs::create_dir_all(&dir).unwrap();
                    for i in (folder * 1000).max(1)..((folder + 1) * 1000).min(n + 1) {
                        fs::write(dir.join(format!("g{i:06}.toml")), application(&format!("G-{i}"), &[])).unwrap();
                    }
                }
            });
        }
    });
}

#[test]
fn malformed_toml_is_one_toml_syntax_finding_per_file() {
    let archive = Archive::base();
    // (file stem, changes, line, column when the offending spot is unambiguous)
    let cases: &[(&str, Changes, u64, Option<u64>)] = &[
        ("unquoted", &[(2, "title = Safe Routes")], 2, Some(9)),
        ("unclosed-string", &[(2, "title = \"Safe Routes")], 2, None), // see the next test
        ("unclosed-header", &[(7, "[applicant")], 7, None),
        ("duplicate-key", &[(3, "title = \"Again\"")], 3, Some(1)),
        ("no-value", &[(2, "title =")], 2, None),
        ("prose", &[(6, "this is not toml")], 6, None),
        // `title = "Bogotá" ` is 17 characters (18 bytes): the stray x is at column 18
        ("after-accent", &[(2, "title = \"Bogotá\" x")], 2, Some(18)),
        // the array is still open at the end of the file
        (
            "unclosed-array",
            &[(17, "beneficiaries = [\"older adults\","), (18, "")],
            17,
            None,
        ),
    ];
    for (stem, changes, ..) in cases {
        fs::write(
            archive.path().join(format!("applications/{stem}.toml")),
            application(stem, changes),
        )
        .unwrap();
    }
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    for (stem, _, line, column) in cases {
        let file = format!("applications/{stem}.toml");
        let found = findings_in(&report, &file);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        let (code, severity, _, l, c) = &found[0];
        assert_eq!((code.as_str(), severity.as_str()), ("toml-syntax", "error"), "{file}");
        assert_eq!(*l, *line, "{file}: line\n{report:#}");
        if let Some(column) = column {
            assert_eq!(c, column, "{file}: column\n{report:#}");
        }
        let app = report["applications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["file"] == file.as_str());
        let app = app.unwrap_or_else(|| panic!("{file} is not listed"));
        assert_eq!(app["status"], "invalid", "{file}");
        assert_eq!(app["id"], *stem, "{file}: an unparsed file's id is its stem");
    }
    assert_eq!(findings_in(&report, "applications/app-1.toml"), vec![]);
}

#[test]
fn an_unclosed_string_is_reported_where_it_opens() {
    // Findings point at the offending value (spec 3): `title = ` is 8 characters, so the string
    // that never ends opens at column 9 (the end of the line, column 21, is only where the
    // parser gave up).
    let archive = Archive::base();
    let file = "applications/unclosed-string.toml";
    fs::write(
        archive.path().join(file),
        application("unclosed-string", &[(2, "title = \"Safe Routes")]),
    )
    .unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    assert_eq!(
        findings_in(&report, file),
        vec![key("toml-syntax", "error", file, 2, 9)]
    );
}

#[test]
fn a_date_that_does_not_exist_is_reported_at_the_value() {
    // Month 13 and 30 February: TOML rejects the first; either code is an error at the value.
    let archive = Archive::base();
    let write = |stem: &str, changes: &[(usize, &str)]| {
        fs::write(
            archive.path().join(format!("applications/{stem}.toml")),
            application(stem, changes),
        )
        .unwrap();
    };
    write("month-13", &[(5, "submitted = 2026-13-05T14:03:00+09:00")]);
    write("february-30", &[(16, "started = 2023-02-30")]);
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    for (file, line, column) in [
        ("applications/month-13.toml", 5, 13),
        ("applications/february-30.toml", 16, 11),
    ] {
        let found = findings_in(&report, file);
        assert_eq!(found.len(), 1, "{file}: {found:?}");
        assert!(
            ["toml-syntax", "invalid-value"].contains(&found[0].0.as_str()),
            "{found:?}"
        );
        assert_eq!((found[0].3, found[0].4), (line, column), "{file}");
    }
}

#[test]
fn wrong_types_are_invalid_values_at_the_value() {
    let archive = Archive::base();
    // (file stem, changes, line and column of the invalid value); columns count the characters
    // of `key = ` before the value. Line 6 of the base is blank and comes before the first table:
    // a top-level key put there is read as one.
    let cases: &[(&str, Changes, u64, u64)] = &[
        ("id-integer", &[(1, "id = 42")], 1, 6),
        ("title-integer", &[(2, "title = 42")], 2, 9),
        ("track-array", &[(3, "track = [\"projects\"]")], 3, 9),
        ("sector-table", &[(4, "sector = { id = \"mobility\" }")], 4, 10),
        (
            "submitted-string",
            &[(5, "submitted = \"2026-05-20T14:03:00+09:00\"")],
            5,
            13,
        ),
        ("submitted-date", &[(5, "submitted = 2026-05-20")], 5, 13),
        ("submitted-time", &[(5, "submitted = 14:03:00")], 5, 13),
        ("type-boolean", &[(8, "type = true")], 8, 8),
        ("name-integer", &[(9, "name = 7")], 9, 8),
        ("country-integer", &[(10, "country = 170")], 10, 11),
        ("country-lower-case", &[(10, "country = \"co\"")], 10, 11),
        ("email-array", &[(11, "email = [\"a@example.org\"]")], 11, 9),
        ("summary-float", &[(14, "summary = 3.5")], 14, 11),
        ("status-boolean", &[(15, "status = false")], 15, 10),
        ("status-unknown", &[(15, "status = \"finished\"")], 15, 10),
        ("started-string", &[(16, "started = \"2023-04-01\"")], 16, 11),
        (
            "started-datetime",
            &[(16, "started = 2023-04-01T10:00:00+09:00")],
            16,
            11,
        ),
        (
            "beneficiaries-string",
            &[(17, "beneficiaries = \"older adults\"")],
            17,
            17,
        ),
        // `beneficiaries = ["older adults", ` is 33 characters
        (
            "beneficiaries-integer-item",
            &[(17, "beneficiaries = [\"older adults\", 3]")],
            17,
            34,
        ),
        ("website-integer", &[(18, "website = 8080")], 18, 11),
        (
            "applicant-string",
            &[
                (6, "applicant = \"Bogotá\""),
                (7, ""),
                (8, ""),
                (9, ""),
                (10, ""),
                (11, ""),
            ],
            6,
            13,
        ),
        (
            "project-integer",
            &[
                (6, "project = 5"),
                (13, ""),
                (14, ""),
                (15, ""),
                (16, ""),
                (17, ""),
                (18, ""),
            ],
            6,
            11,
        ),
        ("extra-string", &[(6, "extra = \"notes\"")], 6, 9),
        ("decision-integer", &[(20, "[screening]"), (21, "decision = 1")], 21, 12),
        (
            "reason-array",
            &[
                (20, "[screening]"),
                (21, "decision = \"reject\""),
                (22, "reason = [\"no results\"]"),
            ],
            22,
            10,
        ),
        (
            "waive-string",
            &[
                (20, "[screening]"),
                (21, "waive = \"late-submission\""),
                (22, "waive_reason = \"outage\""),
            ],
            21,
            9,
        ),
    ];
    let mut want = vec![key(
        "screening-rejected",
        "ineligible",
        "applications/reason-array.toml",
        21,
        12,
    )];
    for (stem, changes, line, column) in cases {
        let file = format!("applications/{stem}.toml");
        fs::write(archive.path().join(&file), application(stem, changes)).unwrap();
        want.push(key("invalid-value", "error", &file, *line, *column));
    }
    // Consequences that are true but say nothing new: with `applicant` or `project` not a
    // table, their required keys are missing too; with `beneficiaries` not a list, there are
    // none. Tolerated, not required.
    let tolerated = [
        ("applications/applicant-string.toml", "missing-field"),
        ("applications/project-integer.toml", "missing-field"),
        ("applications/beneficiaries-string.toml", "no-beneficiaries"),
    ];
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    let got = finding_keys(&report);
    let missing: Vec<_> = want.iter().filter(|k| !got.contains(k)).collect();
    let unexpected: Vec<_> = got
        .iter()
        .filter(|k| !want.contains(k) && !tolerated.contains(&(k.2.as_str(), k.0.as_str())))
        .collect();
    assert!(
        missing.is_empty() && unexpected.is_empty(),
        "missing: {missing:#?}\nunexpected: {unexpected:#?}"
    );
}

#[test]
fn an_empty_application_lacks_every_required_field_at_line_1() {
    let archive = Archive::base()
        .file("applications/empty.toml", "")
        .file("applications/comment.toml", "# to be filled in\n");
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    // title, track, sector, submitted, applicant.{type,name,country,email}, project.{summary,status}
    for file in ["applications/comment.toml", "applications/empty.toml"] {
        assert_eq!(
            findings_in(&report, file),
            vec![key("missing-field", "error", file, 1, 1); 10],
            "{report:#}"
        );
        let missing = messages_with(&report, "file", file);
        for field in [
            "`title`",
            "`track`",
            "`sector`",
            "`submitted`",
            "`applicant.type`",
            "`applicant.name`",
            "`applicant.country`",
            "`applicant.email`",
            "`project.summary`",
            "`project.status`",
        ] {
            assert!(
                missing.iter().any(|m| m.contains(field)),
                "{file}: nothing says {field} is missing: {missing:#?}"
            );
        }
    }
    assert_eq!(report["summary"]["invalid"], 2);
    assert_eq!(report["summary"]["applications"], 3);
}

#[test]
fn an_empty_prize_toml_is_findings_not_a_crash() {
    let archive = Archive::base().file("prize.toml", "");
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1, "{report:#}");
    let config = findings_in(&report, "prize.toml");
    assert!(
        config.contains(&key("missing-field", "error", "prize.toml", 1, 1)),
        "[prize] is missing: {config:?}"
    );
    assert!(
        config.contains(&key("config-invalid", "error", "prize.toml", 1, 1)),
        "no tracks: {config:?}"
    );
    let messages = messages_with(&report, "file", "prize.toml").join("\n");
    for what in ["track", "criteri", "round"] {
        assert!(messages.contains(what), "nothing says there is no {what}: {messages}");
    }
}

#[test]
fn a_prize_toml_that_is_not_toml_is_a_finding() {
    let archive = Archive::base();
    let config = archive.path().join("prize.toml");
    fs::write(&config, "The rules of this edition are in the PDF.\n").unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    let found = findings_in(&report, "prize.toml");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].3), ("toml-syntax", 1));

    // A binary file saved as prize.toml (the start of a PNG).
    fs::write(&config, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    assert_eq!(
        findings_in(&report, "prize.toml"),
        vec![key("not-utf8", "error", "prize.toml", 1, 1)]
    );
}

/// Whether `chmod 000` keeps this process out of `path` (it does not for root).
#[cfg(unix)]
fn permissions_enforced(path: &Path) -> bool {
    let locked_out = if path.is_dir() {
        fs::read_dir(path).is_err()
    } else {
        fs::read(path).is_err()
    };
    if !locked_out {
        eprintln!(
            "note: {} is still readable after chmod 000 (root?): assertion skipped",
            path.display()
        );
    }
    locked_out
}

#[cfg(unix)]
fn chmod(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    fs::set_permissions(path, fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn an_unreadable_application_file_is_exit_2_naming_it() {
    let archive = Archive::base();
    let file = archive.path().join("applications/locked.toml");
    fs::write(&file, application("LOCKED", &[])).unwrap();
    chmod(&file, 0o000);
    if permissions_enforced(&file) {
        let mut cmd = prize();
        cmd.arg("-C").arg(archive.path()).arg("validate");
        let Output { code, stdout, stderr } = run_cmd(cmd);
        assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
        assert!(stderr.contains("locked.toml"), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one clear error: {stderr}");
        assert_eq!(
            stderr.matches("Permission denied").count(),
            1,
            "the reason, once: {stderr}"
        );
    }
    chmod(&file, 0o644);
}

#[cfg(unix)]
#[test]
fn an_unreadable_applications_subfolder_is_exit_2_naming_it() {
    let archive = Archive::base();
    let dir = archive.path().join("applications/locked");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("inside.toml"), application("INSIDE", &[])).unwrap();
    chmod(&dir, 0o000);
    if permissions_enforced(&dir) {
        let mut cmd = prize();
        cmd.arg("-C").arg(archive.path()).arg("validate");
        let Output { code, stdout, stderr } = run_cmd(cmd);
        assert_eq!(code, 2, "stdout: {stdout}\nstderr: {stderr}");
        assert!(stderr.contains("locked"), "{stderr}");
        assert_eq!(stderr.trim().lines().count(), 1, "one clear error: {stderr}");
        assert_eq!(
            stderr.matches("Permission denied").count(),
            1,
            "the reason, once: {stderr}"
        );
    }
    chmod(&dir, 0o755);
}

#[test]
fn a_folder_named_like_a_toml_file_is_walked_not_read() {
    let archive = Archive::base();
    let dir = archive.path().join("applications/x.toml");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("inner.toml"), application("INNER", &[])).unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 0, "{report:#}");
    assert_eq!(finding_keys(&report), vec![]);
    assert_eq!(report["summary"]["applications"], 2);
    let files: Vec<&str> = report["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["applications/app-1.toml", "applications/x.toml/inner.toml"]);
}

#[cfg(unix)]
#[test]
fn a_symlink_loop_is_skipped_with_a_warning() {
    let archive = Archive::base();
    std::os::unix::fs::symlink(".", archive.path().join("applications/loop")).unwrap();
    std::os::unix::fs::symlink("..", archive.path().join("applications/up")).unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 0, "warnings only");
    assert_eq!(
        finding_keys(&report),
        vec![
            key("symlink-skipped", "warning", "applications/loop", 1, 1),
            key("symlink-skipped", "warning", "applications/up", 1, 1),
        ]
    );
    assert_eq!(report["summary"]["applications"], 1);
}

#[test]
fn not_utf8_names_the_line_and_the_byte_offset() {
    let archive = Archive::base();
    // After the BOM (3 bytes) and `id = "NOT-UTF8"\n` (16 bytes), `title = "Bogotá Caf` is 20
    // bytes but 19 characters: the Latin-1 é (0xE9) is byte 39, line 2, column 20.
    let mut bytes = b"\xEF\xBB\xBFid = \"NOT-UTF8\"\ntitle = \"Bogot\xC3\xA1 Caf\xE9\"\n".to_vec();
    bytes.extend(
        application("NOT-UTF8", &[])
            .lines()
            .skip(2)
            .flat_map(|l| format!("{l}\n").into_bytes()),
    );
    let archive = archive
        .file("applications/latin1.toml", bytes)
        .file("applications/first-byte.toml", b"\xFFid = \"X\"\n");
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    assert_eq!(
        findings_in(&report, "applications/latin1.toml"),
        vec![key("not-utf8", "error", "applications/latin1.toml", 2, 20)]
    );
    let message = &messages_with(&report, "file", "applications/latin1.toml")[0];
    assert!(message.contains("byte 39"), "{message}");
    assert_eq!(
        findings_in(&report, "applications/first-byte.toml"),
        vec![key("not-utf8", "error", "applications/first-byte.toml", 1, 1)]
    );
    let message = &messages_with(&report, "file", "applications/first-byte.toml")[0];
    assert!(message.contains("byte 0"), "{message}");
}

#[test]
fn a_fifty_megabyte_file_is_too_large_and_not_read() {
    let archive = Archive::base();
    let file = fs::File::create(archive.path().join("applications/scan.toml")).unwrap();
    file.set_len(50 * 1024 * 1024).unwrap(); // sparse: nothing is written
    drop(file);
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    assert_eq!(
        finding_keys(&report),
        vec![key("file-too-large", "error", "applications/scan.toml", 1, 1)]
    );
    let message = &messages_with(&report, "file", "applications/scan.toml")[0];
    assert!(message.contains("52428800"), "the size is named: {message}");
}

/// `text` with a UTF-8 byte-order mark and CRLF line ends.
fn bom_crlf(text: &str) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(text.replace('\n', "\r\n").into_bytes());
    bytes
}

#[test]
fn a_bom_and_crlf_line_ends_validate_clean_with_columns_unchanged() {
    let archive = Archive::base();
    for file in ["prize.toml", "judges.toml", "applications/app-1.toml"] {
        let path = archive.path().join(file);
        let text = fs::read_to_string(&path).unwrap();
        fs::write(&path, bom_crlf(&text)).unwrap();
    }
    let (exit, report) = validate_json(archive.path());
    assert_eq!((exit, finding_keys(&report)), (0, vec![]), "{report:#}");
    assert_eq!(report["summary"]["eligible"], 1);

    // The BOM is not a column of line 1, and a CR is not a column of anything.
    let text = application(
        "CRLF",
        &[
            (1, "id = \"bad id!\""),
            (10, "country = \"UK\""),
            (
                14,
                "summary = \"\"\"\nEleven words, over two lines, and the line ends\nare CRLF.\"\"\"",
            ),
        ],
    );
    let archive = archive.file("applications/crlf.toml", bom_crlf(&text));
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    let file = "applications/crlf.toml";
    assert_eq!(
        finding_keys(&report),
        vec![
            key("invalid-value", "error", file, 1, 6),
            key("invalid-value", "error", file, 10, 11),
            key("summary-too-long", "ineligible", file, 14, 11),
        ]
    );
}

#[test]
fn an_archive_option_without_prize_toml_is_exit_2_naming_the_folder() {
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = prize();
    cmd.arg("-C").arg(empty.path()).arg("validate");
    let Output { code, stdout, stderr } = run_cmd(cmd);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains(&empty.path().display().to_string()), "{stderr}");
    assert!(stderr.contains("prize.toml"), "{stderr}");
}

#[test]
fn no_archive_at_or_above_the_working_directory_is_exit_2() {
    let empty = tempfile::tempdir().unwrap();
    let mut cmd = prize();
    cmd.current_dir(empty.path()).arg("list");
    let Output { code, stdout, stderr } = run_cmd(cmd);
    assert_eq!(code, 2);
    assert_eq!(stdout, "");
    assert!(stderr.contains("prize.toml"), "{stderr}");
}

#[test]
fn the_archive_is_found_from_a_subfolder() {
    let archive = Archive::base();
    let deep = archive.path().join("applications/x");
    fs::create_dir(&deep).unwrap();
    let mut cmd = prize();
    cmd.current_dir(&deep).args(["validate", "--format", "json"]);
    let Output { code, stdout, stderr } = run_cmd(cmd);
    assert_eq!(code, 0, "{stderr}");
    let report = json(&stdout);
    assert_eq!(report["summary"]["applications"], 1);
    assert_eq!(
        report["applications"][0]["file"], "applications/app-1.toml",
        "paths are relative to the root"
    );
}

#[test]
fn prize_archive_names_the_archive_and_dash_c_wins_over_it() {
    let archive = Archive::base();
    let elsewhere = tempfile::tempdir().unwrap();
    let mut cmd = prize();
    cmd.current_dir(elsewhere.path())
        .env("PRIZE_ARCHIVE", archive.path())
        .args(["validate", "--format", "json"]);
    let Output { code, stdout, stderr } = run_cmd(cmd);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("\"applications\": 1"), "{stdout}");

    let mut cmd = prize();
    cmd.current_dir(elsewhere.path())
        .env("PRIZE_ARCHIVE", elsewhere.path())
        .arg("-C")
        .arg(archive.path())
        .arg("validate");
    let Output { code, stderr, .. } = run_cmd(cmd);
    assert_eq!(code, 0, "-C comes first: {stderr}");

    let mut cmd = prize();
    cmd.current_dir(archive.path())
        .env("PRIZE_ARCHIVE", elsewhere.path())
        .arg("validate");
    let Output { code, stderr, .. } = run_cmd(cmd);
    assert_eq!(code, 2, "PRIZE_ARCHIVE comes before discovery: {stderr}");
    assert!(stderr.contains(&elsewhere.path().display().to_string()), "{stderr}");
}

#[test]
fn a_format_a_command_does_not_support_is_exit_2() {
    let archive = Archive::base();
    for args in [
        &["validate", "--format", "csv"][..],
        &["validate", "--format", "markdown"],
        &["list", "--format", "github"],
        &["validate", "--format", "xml"],
    ] {
        let mut cmd = prize();
        cmd.arg("-C").arg(archive.path()).args(args);
        let Output { code, stdout, stderr } = run_cmd(cmd);
        assert_eq!(code, 2, "{args:?}: {stderr}");
        assert_eq!(stdout, "", "{args:?}");
        assert!(
            stderr.contains(args[2]),
            "{args:?}: the error names the format: {stderr}"
        );
    }
}

#[test]
fn a_closed_stdout_pipe_ends_quietly_with_0() {
    let archive = Archive::base();
    write_applications(archive.path(), 2000);
    for format in ["human", "csv"] {
        let mut child = StdCommand::new(env!("CARGO_BIN_EXE_prize"))
            .arg("-C")
            .arg(archive.path())
            .args(["list", "--format", format])
            .env_remove("PRIZE_ARCHIVE")
            .env("TERM", "dumb")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut first)
            .unwrap();
        assert!(!first.trim().is_empty(), "{format}: no first line");
        // The reader is dropped: the pipe is closed with most of the output unread.
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&stderr);
        assert!(out.status.success(), "{format}: {:?}\n{stderr}", out.status);
        assert!(!stderr.to_lowercase().contains("broken pipe"), "{format}: {stderr}");
    }
}

#[test]
fn a_hundred_thousand_applications() {
    let archive = Archive::base();
    let start = Instant::now();
    write_applications(archive.path(), 99_999); // and the base's APP-1
    let written = start.elapsed();
    let start = Instant::now();
    let mut cmd = prize();
    cmd.arg("-C").arg(archive.path()).arg("validate");
    let Output { code, stdout, stderr } = run_cmd(cmd);
    let validated = start.elapsed();
    eprintln!("note: 100000 applications written in {written:.1?}, validated in {validated:.1?}");
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "100000 applications: 100000 eligible, 0 ineligible, 0 invalid; 0 errors, 0 warnings\n"
    );
}

#[test]
fn carriage_returns_without_line_feeds_do_not_crash() {
    let archive = Archive::base().file("applications/cr.toml", "title = \"x\"\r");
    fs::write(
        archive.path().join("applications/mac.toml"),
        BASE_APPLICATION.replace('\n', "\r"),
    )
    .unwrap();
    let archive = archive.file("applications/quote.toml", "'id = 1\r\nx = 2\r\n");
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 1);
    for file in [
        "applications/cr.toml",
        "applications/mac.toml",
        "applications/quote.toml",
    ] {
        let codes: Vec<String> = findings_in(&report, file).into_iter().map(|k| k.0).collect();
        assert_eq!(codes, ["toml-syntax"], "{file}");
    }
    // A CR after the value on line 1 of cr.toml: the parser stops at byte 11, column 12.
    assert_eq!(findings_in(&report, "applications/cr.toml")[0].4, 12);
}

#[test]
fn twenty_thousand_findings_on_one_line() {
    // Each unknown key is a finding on the same 170 kB line: positions must stay exact, and
    // time and memory linear (each finding once cost a copy of the whole line).
    let archive = Archive::base();
    let keys: Vec<String> = (0..20_000).map(|i| format!("k{i}=1")).collect();
    let inline = format!(
        "applicant = {{ type = \"city\", name = \"Long\", country = \"CO\", email = \"a@b.org\", {} }}",
        keys.join(", ")
    );
    let text = BASE_APPLICATION.replace("id = \"APP-1\"", "id = \"LONG\"").replace(
        "[applicant]\ntype = \"city\"\nname = \"Bogotá D.C.\"\ncountry = \"CO\"\nemail = \"smartcity@example.org\"",
        &inline,
    );
    assert!(text.contains("k19999=1"));
    let archive = archive.file("applications/long.toml", &text);
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 0, "unknown fields in an application are warnings");
    let found = findings_in(&report, "applications/long.toml");
    assert_eq!(found.len(), 20_000);
    let line = text.lines().position(|l| l.starts_with("applicant = {")).unwrap() as u64 + 1;
    let column = |key: &str| inline.find(&format!(" {key}=")).unwrap() as u64 + 2;
    assert!(found.iter().all(|f| f.0 == "unknown-field" && f.3 == line));
    assert_eq!(found.iter().map(|f| f.4).min(), Some(column("k0")));
    assert_eq!(found.iter().map(|f| f.4).max(), Some(column("k19999")));
}

#[test]
fn configuration_traps_the_review_found() {
    let archive = Archive::base();
    let config = fs::read_to_string(archive.path().join("prize.toml")).unwrap();
    // Line numbers below count the lines added at the end of the base prize.toml (63 lines).
    let base_lines = config.lines().count() as u64;
    let extra = "\n[[rules]]\nid = \"conflict-of-interest\"\nmessage = \"m\"\neffect = \"warning\"\nfield = \"title\"\ncheck = \"required\"\n\n[[rules]]\nid = \"sneaky\"\nmessage = \"m\"\neffect = \"error\"\nfield = \"title\"\ncheck = \"matches\"\nvalue = \"zzz)|(?:.*\"\n";
    let with_rules = config.replace("min_operating_months = 6", "min_operating_months = 300000") + extra;
    let archive = archive.file("prize.toml", with_rules);
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 1);
    let lines: Vec<(String, u64, u64)> = findings_in(&report, "prize.toml")
        .into_iter()
        .map(|k| (k.0, k.3, k.4))
        .collect();
    assert_eq!(
        lines,
        [
            ("config-invalid".to_string(), 22, 24),
            ("config-invalid".to_string(), base_lines + 3, 6),
            ("config-invalid".to_string(), base_lines + 15, 9),
        ]
    );
    // An empty list of tracks is no tracks.
    let empty = config
        .replace("[[tracks]]", "[[old-tracks]]")
        .replacen("[prize]", "tracks = []\n[prize]", 1);
    let archive = archive.file("prize.toml", empty);
    let (_, report) = validate_json(archive.path());
    let messages = messages_with(&report, "file", "prize.toml");
    assert!(
        messages.iter().any(|m| m == "prize.toml defines no tracks"),
        "{messages:?}"
    );
}

#[test]
fn an_assignment_over_one_mebibyte_is_read() {
    // 100,000 applications × 5 judges make a 13 MB assignment: the applications' 1 MiB limit
    // must not apply to it.
    let mut text = String::from("application,judge\nAPP-1,j-silva\n");
    for i in 0..80_000 {
        text.push_str(&format!("X-{i:06},j-silva\n"));
    }
    assert!(text.len() > 1024 * 1024);
    let archive = Archive::base().assignment("first", &text);
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 0, "{report:#}");
    assert!(finding_keys(&report).is_empty(), "{report:#}");
}
