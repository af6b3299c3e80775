//! `prize scores import`: every way judges send sheets (encodings, delimiters, decimal commas,
//! CRLF, headers by name), every outcome (imported, unchanged, refused, replaced, dry run), the
//! checks on judge and round before they become paths, and every bad cell as a finding with its
//! own line and column. Positions and expected bytes are worked out by hand from the inputs
//! written here and in `tests/fixtures/sheets/`.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use common::{
    Archive, Output, at, base_application, finding_keys, fixtures, names, positions, prize, read, run_cmd,
    scores_import, validate_json, write,
};
use serde_json::Value;

const HEADER: &str = "application,impact,design,comment\n";

/// The base archive (criteria impact 1–10 and design 0–10; rounds first and final; judges
/// j-kim, conflicted with APP-1 and serving in the first round only, and j-silva) with
/// APP-2 … APP-8 added, each with an applicant of its own.
fn archive() -> Archive {
    (2..=8).fold(Archive::base(), |archive, n| {
        archive.application(&format!("app-{n}.toml"), &base_application(&format!("APP-{n}")))
    })
}

fn sheet(name: &str) -> PathBuf {
    fixtures().join("sheets").join(name)
}

/// Writes `bytes` to a file named `name` outside the archive, as a judge's e-mail attachment.
fn attachment(name: &str, bytes: &[u8]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = common::attachment(dir.path(), name, bytes);
    (dir, path)
}

/// The same with `--format json`: exit code and the report array.
fn import_json(dir: &Path, args: &[&str], files: &[&Path]) -> (i32, Vec<Value>) {
    let (code, json) = scores_import(dir, &[&["--format", "json"], args].concat(), files).code_json();
    (code, json.as_array().unwrap().clone())
}

fn stored(dir: &Path, round: &str, judge: &str) -> PathBuf {
    dir.join("scores").join(round).join(format!("{judge}.csv"))
}

const SILVA_FIRST: &[&str] = &["--round", "first", "--judge", "j-silva"];

/// plain.csv in its canonical form: `7.5` and `8` as written, the blank row kept, a quoted
/// comment re-quoted, and `=1+1` defused with a `'`.
const PLAIN_CANONICAL: &str = "application,impact,design,comment\n\
                               APP-1,8,7.5,\"Clear, \"\"strong\"\" uptake\"\n\
                               APP-2,,,\n\
                               APP-3,10,0,'=1+1\n";

#[test]
fn utf8_sheet_is_stored_in_canonical_form_and_validates() {
    let dir = archive();
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "scores/first/j-silva.csv: imported 3 rows (2 scored)\n");
    assert_eq!(read(&stored(dir.path(), "first", "j-silva")), PLAIN_CANONICAL);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 0, "{report:#}");
    assert!(finding_keys(&report).is_empty(), "{report:#}");
    // The stored sheet, imported again, is the same content: the `'` reads back off.
    let copy = tempfile::tempdir().unwrap();
    let again = copy.path().join("j-silva.csv");
    fs::copy(stored(dir.path(), "first", "j-silva"), &again).unwrap();
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first"], &[&again]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: unchanged (3 rows, 2 scored)\n")
    );
}

#[test]
fn utf8_with_a_byte_order_mark() {
    let dir = archive();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(fs::read(sheet("plain.csv")).unwrap());
    let (_tmp, file) = attachment("scores.csv", &bytes);
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&file]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: imported 3 rows (2 scored)\n")
    );
    assert_eq!(read(&stored(dir.path(), "first", "j-silva")), PLAIN_CANONICAL);
}

/// What Excel's "Unicode text" writes: UTF-16 with a byte-order mark, tab-delimited, CRLF.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian { vec![0xFE, 0xFF] } else { vec![0xFF, 0xFE] };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

#[test]
fn utf16_little_and_big_endian_tab_delimited() {
    let text = "application\timpact\tdesign\tcomment\r\nAPP-1\t8\t7,5\t보행 안전 개선\r\nAPP-2\t\t\t\r\n";
    for big_endian in [false, true] {
        let dir = archive();
        let (_tmp, file) = attachment("j-silva.txt", &utf16(text, big_endian));
        let Output { code, stdout, stderr } = scores_import(dir.path(), &["--round", "first"], &[&file]);
        assert_eq!(code, 0, "{stdout}{stderr}");
        assert_eq!(stdout, "scores/first/j-silva.csv: imported 2 rows (1 scored)\n");
        assert_eq!(
            read(&stored(dir.path(), "first", "j-silva")),
            "application,impact,design,comment\nAPP-1,8,7.5,보행 안전 개선\nAPP-2,,,\n"
        );
    }
}

#[test]
fn euc_kr_needs_its_label() {
    let dir = archive();
    let text = "application,impact,design,comment\r\nAPP-1,9,8,심사위원 의견: 우수\r\n";
    let (bytes, _, unmappable) = encoding_rs::EUC_KR.encode(text);
    assert!(!unmappable);
    let (_tmp, file) = attachment("j-silva.csv", &bytes);
    // Without the label, the first Korean byte is not UTF-8: line 2, after "APP-1,9,8,".
    let (code, reports) = import_json(dir.path(), &["--round", "first"], &[&file]);
    assert_eq!(code, 1);
    assert_eq!(positions(&reports[0]), vec![at("not-utf8", 2, 11)]);
    let finding = &reports[0]["findings"][0];
    assert!(finding["message"].as_str().unwrap().contains("line 2"), "{finding}");
    assert!(finding["help"].as_str().unwrap().contains("--encoding"), "{finding}");
    assert!(!dir.path().join("scores").exists(), "nothing written");
    let Output { code, stdout, .. } =
        scores_import(dir.path(), &["--round", "first", "--encoding", "euc-kr"], &[&file]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: imported 1 row (1 scored)\n")
    );
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        "application,impact,design,comment\nAPP-1,9,8,심사위원 의견: 우수\n"
    );
}

#[test]
fn windows_1252_by_label() {
    let dir = archive();
    let (_tmp, file) = attachment(
        "j-silva.csv",
        b"application,impact,design,comment\nAPP-1,9,8,\"tr\xE8s bien, caf\xE9\"\n",
    );
    let Output { code, .. } = scores_import(
        dir.path(),
        &["--round", "first", "--encoding", "windows-1252"],
        &[&file],
    );
    assert_eq!(code, 0);
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        "application,impact,design,comment\nAPP-1,9,8,\"très bien, café\"\n"
    );
    // An unknown label is a usage error.
    let Output { code, stderr, .. } =
        scores_import(dir.path(), &["--round", "first", "--encoding", "latin-9000"], &[&file]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown encoding `latin-9000`"), "{stderr}");
}

#[test]
fn invalid_bytes_name_the_line_and_suggest_encoding() {
    let dir = archive();
    let (_tmp, file) = attachment(
        "j-silva.csv",
        b"application,impact,design,comment\nAPP-1,9,8,\nAPP-2,7,7,Bogot\xE1\n",
    );
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first"], &[&file]);
    assert_eq!(code, 1);
    // "APP-2,7,7,Bogot" is 15 characters: the byte 0xE1 is at line 3, column 16, byte 60
    // (34 bytes of header, 11 of line 2, 15 before it).
    assert!(
        stdout.contains("error[not-utf8]: byte 60 (0xE1) on line 3 is not valid UTF-8"),
        "{stdout}"
    );
    assert!(stdout.contains("j-silva.csv:3:16"), "{stdout}");
    assert!(stdout.contains("--encoding windows-1252"), "{stdout}");
    assert!(
        stdout.ends_with("j-silva.csv: refused: 1 error; nothing written to scores/first/j-silva.csv\n"),
        "{stdout}"
    );
    assert!(!dir.path().join("scores").exists());
}

#[test]
fn semicolons_decimal_commas_and_crlf() {
    let dir = archive();
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("semicolon-crlf.csv")]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: imported 3 rows (2 scored)\n")
    );
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        "application,impact,design,comment\nAPP-1,8,7.5,Clear\nAPP-2,,,\nAPP-3,10,0.25,two; parts\n"
    );
}

#[test]
fn headers_by_name_in_any_order() {
    let dir = archive();
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("by-name.csv")]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: imported 1 row (1 scored)\n")
    );
    // Criteria in prize.toml order; title and applicant dropped.
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        "application,impact,design,comment\nAPP-1,9,7.5,reordered\n"
    );
}

#[test]
fn the_same_content_again_is_unchanged_and_untouched() {
    let dir = archive();
    assert_eq!(scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]).code, 0);
    let path = stored(dir.path(), "first", "j-silva");
    let old = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000_000);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    // The same scores sent with semicolons and CRLF are the same content.
    let (_tmp, file) = attachment(
        "again.csv",
        "application;impact;design;comment\r\nAPP-1;8;7,5;\"Clear, \"\"strong\"\" uptake\"\r\nAPP-2;;;\r\nAPP-3;10;0;=1+1\r\n"
            .as_bytes(),
    );
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&file]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: unchanged (3 rows, 2 scored)\n")
    );
    assert_eq!(fs::metadata(&path).unwrap().modified().unwrap(), old, "not rewritten");
    assert_eq!(read(&path), PLAIN_CANONICAL);
}

#[test]
fn a_different_sheet_is_refused_and_the_stored_one_kept_byte_for_byte() {
    let dir = archive();
    assert_eq!(scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]).code, 0);
    let path = stored(dir.path(), "first", "j-silva");
    let before = fs::read(&path).unwrap();
    let (_tmp, file) = attachment("new.csv", format!("{HEADER}APP-1,9,7.5,\n").as_bytes());
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&file]);
    assert_eq!(code, 1);
    // APP-1 changed; APP-2 and APP-3 are gone, and of them only APP-3 had scores.
    assert_eq!(
        stdout,
        format!(
            "scores/first/j-silva.csv: refused: a different sheet is stored (0 rows added, 1 changed, 2 removed; \
             removes 1 score); \
             nothing written; use --replace to store {} over it\n",
            file.display()
        )
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(
        names(path.parent().unwrap()),
        vec!["j-silva.csv"],
        "no temporary file left"
    );
    // A sheet with an error over a stored one: the same.
    let (_tmp2, bad) = attachment("bad.csv", format!("{HEADER}APP-1,99,7.5,\n").as_bytes());
    let Output { code, .. } = scores_import(
        dir.path(),
        &["--round", "first", "--judge", "j-silva", "--replace"],
        &[&bad],
    );
    assert_eq!(code, 1);
    assert_eq!(fs::read(&path).unwrap(), before);
    assert_eq!(names(path.parent().unwrap()), vec!["j-silva.csv"]);
}

#[test]
fn replace_counts_rows_added_changed_and_removed() {
    let dir = archive();
    assert_eq!(scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]).code, 0);
    // Stored: APP-1 8/7.5 with a comment, APP-2 unscored, APP-3 10/0 "=1+1".
    // New: APP-3 as before (moved first), APP-1 with another comment (changed), APP-2 gone
    // (removed), APP-4 and APP-5 new (added).
    let new = format!("{HEADER}APP-3,10,0,=1+1\nAPP-1,8,7.5,revised\nAPP-4,5,5,\nAPP-5,,,\n");
    let (_tmp, file) = attachment("new.csv", new.as_bytes());
    let args = ["--round", "first", "--judge", "j-silva", "--replace"];
    let Output { code, stdout, .. } = scores_import(dir.path(), &args, &[&file]);
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "scores/first/j-silva.csv: replaced: 2 rows added, 1 changed, 1 removed (4 rows, 3 scored)\n"
    );
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        "application,impact,design,comment\nAPP-3,10,0,'=1+1\nAPP-1,8,7.5,revised\nAPP-4,5,5,\nAPP-5,,,\n"
    );
    let (code, reports) = import_json(dir.path(), &args, &[&sheet("plain.csv")]);
    assert_eq!(code, 0);
    let r = &reports[0];
    assert_eq!(r["status"], "replaced");
    assert_eq!(
        (r["added"].as_u64(), r["changed"].as_u64(), r["removed"].as_u64()),
        (Some(1), Some(1), Some(2))
    );
    assert_eq!(read(&stored(dir.path(), "first", "j-silva")), PLAIN_CANONICAL);
}

#[test]
fn dry_run_writes_nothing() {
    let dir = archive();
    let Output { code, stdout, .. } = scores_import(
        dir.path(),
        &["--round", "first", "--judge", "j-silva", "--dry-run"],
        &[&sheet("plain.csv")],
    );
    assert_eq!(code, 0);
    assert_eq!(
        stdout,
        "scores/first/j-silva.csv: would import 3 rows (2 scored); nothing written (--dry-run)\n"
    );
    assert!(!dir.path().join("scores").exists());
    assert_eq!(scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]).code, 0);
    let path = stored(dir.path(), "first", "j-silva");
    let (code, reports) = import_json(
        dir.path(),
        &["--round", "first", "--judge", "j-silva", "--replace", "--dry-run"],
        &[&sheet("header-only.csv")],
    );
    assert_eq!(code, 0);
    assert_eq!(reports[0]["status"], "would-replace");
    assert_eq!(
        (reports[0]["added"].as_u64(), reports[0]["removed"].as_u64()),
        (Some(0), Some(3))
    );
    assert_eq!(read(&path), PLAIN_CANONICAL);
    assert_eq!(names(path.parent().unwrap()), vec!["j-silva.csv"]);
}

#[test]
fn judge_and_round_are_checked_before_they_become_paths() {
    let dir = archive();
    let plain = sheet("plain.csv");
    for args in [
        &["--round", "first", "--judge", "../x"][..],
        &["--round", "first", "--judge", "J-SILVA"],
        &["--round", "first", "--judge", "nobody"],
        &["--round", "../first", "--judge", "j-silva"],
        &["--round", "second", "--judge", "j-silva"],
        // Two rounds: --round is needed.
        &["--judge", "j-silva"],
        // plain.csv is not a judge's name.
        &["--round", "first"],
    ] {
        let Output { code, stdout, stderr } = scores_import(dir.path(), args, &[&plain]);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.starts_with("error: "), "{stderr}");
    }
    let Output { stderr, .. } = scores_import(dir.path(), &["--round", "first", "--judge", "j-silvaa"], &[&plain]);
    assert_eq!(stderr, "error: unknown judge `j-silvaa`: did you mean `j-silva`?\n");
    let Output { stderr, .. } = scores_import(dir.path(), &["--judge", "j-silva"], &[&plain]);
    assert_eq!(
        stderr,
        "error: this prize has 2 rounds (first, final): name one with --round\n"
    );
    // --judge with several files.
    let Output { code, stderr, .. } = scores_import(
        dir.path(),
        &["--round", "first", "--judge", "j-silva"],
        &[&plain, &plain],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("--judge names the judge of one file"), "{stderr}");
    assert!(!dir.path().join("scores").exists());
    assert!(!dir.path().join("x.csv").exists() && !dir.path().parent().unwrap().join("x.csv").exists());
}

#[test]
fn one_round_needs_no_round_and_file_names_name_judges() {
    let dir = archive();
    let dir = dir.config_edit(|text| {
        text.replace("advance = 2\n", "")
            .replace("[[rounds]]\nid = \"final\"\nname = \"Final\"\n", "")
    });
    let tmp = tempfile::tempdir().unwrap();
    let silva = tmp.path().join("j-silva.csv");
    let kim = tmp.path().join("j-kim.csv");
    fs::copy(sheet("plain.csv"), &silva).unwrap();
    // j-kim may not score APP-1, and leaves it blank.
    fs::write(&kim, format!("{HEADER}APP-1,,,conflict\nAPP-2,5,5,\n")).unwrap();
    let Output { code, stdout, stderr } = scores_import(dir.path(), &[], &[&kim, &silva]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "scores/first/j-kim.csv: imported 2 rows (1 scored)\nscores/first/j-silva.csv: imported 3 rows (2 scored)\n"
    );
}

#[test]
fn bad_cells_each_a_clear_finding_with_its_line() {
    let dir = archive();
    let (code, reports) = import_json(dir.path(), SILVA_FIRST, &[&sheet("bad-cells.csv")]);
    assert_eq!(code, 1);
    let r = &reports[0];
    assert_eq!(r["status"], "refused");
    assert_eq!(r["reason"], "8 errors");
    assert_eq!(
        positions(r),
        vec![
            at("score-not-number", 2, 7),    // nan
            at("score-not-number", 3, 7),    // inf
            at("score-not-number", 4, 7),    // 1e400
            at("incomplete-scores", 5, 9),   // APP-4,8,,
            at("score-not-number", 7, 7),    // "7,5" with a comma delimiter
            at("csv-syntax", 8, 12),         // APP-7,8,5,,extra: "APP-7,8,5,," is 11 characters
            at("duplicate-score", 9, 1),     // APP-1 again (its first row has an error too)
            at("score-out-of-range", 10, 7)  // 11 > 10
        ]
    );
    let messages: Vec<&str> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        vec![
            "`nan` for `impact` is not a finite number",
            "`inf` for `impact` is not a finite number",
            "`1e400` for `impact` is not a finite number",
            "no score for `design`",
            "`7,5` for `impact` is not a number",
            "this row has a value in column 5, but the header has 4 columns",
            "`APP-1` is scored twice in this sheet (first on line 2)",
            "score 11 for `impact` is outside 1–10",
        ]
    );
    assert_eq!(
        r["findings"][4]["help"],
        "this sheet is comma-separated, so decimals take a point: `7.5`"
    );
    assert_eq!(r["findings"][7]["help"], "`impact` takes a number from 1 to 10");
    assert_eq!(r["findings"][0]["application"], "APP-1");
    assert_eq!(r["findings"][0]["file"], sheet("bad-cells.csv").display().to_string());
    assert!(!dir.path().join("scores").exists());
    // Line 6, padded and with -0, is fine on its own.
    let (_tmp, file) = attachment(
        "j-silva.csv",
        format!("{HEADER}  APP-5  ,  8  ,  -0  ,  padded  \n").as_bytes(),
    );
    assert_eq!(scores_import(dir.path(), &["--round", "first"], &[&file]).code, 0);
    assert_eq!(
        read(&stored(dir.path(), "first", "j-silva")),
        format!("{HEADER}APP-5,8,0,padded\n")
    );
}

#[test]
fn duplicate_columns_header_only_and_empty_files() {
    let dir = archive();
    let (code, reports) = import_json(dir.path(), SILVA_FIRST, &[&sheet("duplicate-columns.csv")]);
    assert_eq!(code, 1);
    // "application,impact,design," is 26 characters.
    assert_eq!(positions(&reports[0]), vec![at("unknown-column", 1, 27)]);
    assert_eq!(
        reports[0]["findings"][0]["message"],
        "criterion `impact` appears twice (column 2 and column 4)"
    );
    let (code, reports) = import_json(dir.path(), SILVA_FIRST, &[&sheet("empty.csv")]);
    assert_eq!(code, 1);
    assert_eq!(positions(&reports[0]), vec![at("missing-column", 1, 1)]);
    assert_eq!(
        reports[0]["findings"][0]["message"],
        "the sheet is empty: it has no header line"
    );
    assert!(!dir.path().join("scores").exists());
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("header-only.csv")]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: imported 0 rows (0 scored)\n")
    );
    assert_eq!(read(&stored(dir.path(), "first", "j-silva")), HEADER);
}

#[test]
fn archive_checks_unknown_applications_conflicts_and_rounds() {
    let dir = archive();
    // The roster gains j-gomez, whose organization is APP-1's applicant (case and space aside),
    // and j-lee from Colombia, like APP-1's applicant.
    let dir = dir.edit("judges.toml", |text| {
        text + "\n[[judges]]\nid = \"j-gomez\"\nname = \"Ana Gómez\"\ncountry = \"ES\"\norganization = \"  BOGOTÁ D.C. \"\n\
                \n[[judges]]\nid = \"j-lee\"\nname = \"Lee Min\"\ncountry = \"CO\"\n"
    });
    let scores = format!("{HEADER}APP-9,8,7,\nAPP-1,8,7,\n");
    let (_tmp, file) = attachment("sheet.csv", scores.as_bytes());
    let expect = |judge: &str, round: &str, want: Vec<(String, u64, u64)>| {
        let (code, reports) = import_json(dir.path(), &["--round", round, "--judge", judge], &[&file]);
        assert_eq!(code, 1, "{judge}");
        assert_eq!(positions(&reports[0]), want, "{judge}: {:#}", reports[0]);
        reports[0].clone()
    };
    // APP-9 does not exist (line 2); j-kim declared a conflict with APP-1 (line 3).
    let r = expect(
        "j-kim",
        "first",
        vec![at("unknown-application", 2, 1), at("conflict-of-interest", 3, 1)],
    );
    assert_eq!(r["findings"][0]["help"], "did you mean `APP-1`?");
    assert!(
        r["findings"][1]["message"]
            .as_str()
            .unwrap()
            .contains("declared a conflict of interest")
    );
    let r = expect(
        "j-gomez",
        "first",
        vec![at("unknown-application", 2, 1), at("conflict-of-interest", 3, 1)],
    );
    assert!(
        r["findings"][1]["message"].as_str().unwrap().contains("Bogotá D.C."),
        "{r:#}"
    );
    // j-lee is free to score APP-1 until same_country is set.
    expect("j-lee", "first", vec![at("unknown-application", 2, 1)]);
    let config = dir.join("prize.toml");
    write(
        &config,
        (read(&config) + "\n[conflicts]\nsame_country = true\n").as_bytes(),
    );
    let r = expect(
        "j-lee",
        "first",
        vec![at("unknown-application", 2, 1), at("conflict-of-interest", 3, 1)],
    );
    assert!(r["findings"][1]["message"].as_str().unwrap().contains("CO"), "{r:#}");
    // j-kim serves in the first round only: one finding at the start of the sheet.
    let (_tmp2, blank) = attachment("blank.csv", HEADER.as_bytes());
    let (code, reports) = import_json(dir.path(), &["--round", "final", "--judge", "j-kim"], &[&blank]);
    assert_eq!(code, 1);
    assert_eq!(positions(&reports[0]), vec![at("judge-not-in-round", 1, 1)]);
    assert!(!dir.path().join("scores").exists());
}

#[test]
fn several_files_each_get_a_line_and_a_refusal_stops_only_its_own() {
    let dir = archive();
    let tmp = tempfile::tempdir().unwrap();
    let kim = tmp.path().join("j-kim.csv");
    let silva = tmp.path().join("j-silva.csv");
    fs::write(&kim, format!("{HEADER}APP-1,8,7,\n")).unwrap();
    fs::copy(sheet("plain.csv"), &silva).unwrap();
    let (code, reports) = import_json(dir.path(), &["--round", "first"], &[&kim, &silva]);
    assert_eq!(code, 1);
    assert_eq!(reports.len(), 2);
    assert_eq!(reports[0]["status"], "refused");
    assert_eq!(reports[0]["judge"], "j-kim");
    assert_eq!(
        reports[0]["added"],
        Value::Null,
        "no comparison for a sheet with errors"
    );
    assert_eq!(reports[1]["status"], "imported");
    assert!(!stored(dir.path(), "first", "j-kim").exists());
    assert_eq!(read(&stored(dir.path(), "first", "j-silva")), PLAIN_CANONICAL);
}

#[test]
fn json_report_shape() {
    let dir = archive();
    let (code, reports) = import_json(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]);
    assert_eq!(code, 0);
    let r = reports[0].as_object().unwrap();
    let mut keys: Vec<&str> = r.keys().map(String::as_str).collect();
    keys.sort_unstable();
    assert_eq!(
        keys,
        vec![
            "added",
            "changed",
            "file",
            "findings",
            "judge",
            "reason",
            "removed",
            "round",
            "rows",
            "scored",
            "scores_removed",
            "status",
            "stored"
        ]
    );
    assert_eq!(r["file"], sheet("plain.csv").display().to_string());
    assert_eq!(r["stored"], "scores/first/j-silva.csv");
    assert_eq!(
        (r["round"].as_str(), r["judge"].as_str()),
        (Some("first"), Some("j-silva"))
    );
    assert_eq!((r["rows"].as_u64(), r["scored"].as_u64()), (Some(3), Some(2)));
    assert_eq!(
        (r["added"].as_u64(), r["changed"].as_u64(), r["removed"].as_u64()),
        (Some(3), Some(0), Some(0))
    );
    assert_eq!(r["findings"], Value::Array(Vec::new()));
    let (_, reports) = import_json(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]);
    assert_eq!(reports[0]["status"], "unchanged");
}

#[test]
fn validate_reads_stored_sheets_with_their_own_positions() {
    let dir = archive();
    let dir = dir
        .sheet("first", "j-silva", &format!("{HEADER}APP-1,8,7,\nAPP-2,8,x,\n"))
        .sheet("first", "j_kim", HEADER)
        .file("scores/first/README.md", "not a sheet")
        .sheet("semi-final", "j-silva", HEADER);
    let scores = dir.join("scores");
    #[cfg(unix)]
    std::os::unix::fs::symlink("j-silva.csv", scores.join("first/j-kim.csv")).unwrap();
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    let key = |code: &str, severity: &str, file: &str, line, column| {
        (code.to_string(), severity.to_string(), file.to_string(), line, column)
    };
    let mut want = vec![
        key("score-not-number", "error", "scores/first/j-silva.csv", 3, 9),
        key("unknown-judge", "error", "scores/first/j_kim.csv", 1, 1),
        key("unknown-round", "error", "scores/semi-final", 1, 1),
        key("stray-file", "warning", "scores/first/README.md", 1, 1),
    ];
    if cfg!(unix) {
        // A sheet that is a link is never opened.
        want.push(key("not-a-regular-file", "error", "scores/first/j-kim.csv", 1, 1));
    }
    want.sort();
    assert_eq!(finding_keys(&report), want, "{report:#}");
    let kim = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "unknown-judge")
        .unwrap();
    assert_eq!(kim["help"], "did you mean `j-kim`?");
}

#[test]
fn what_stops_the_command_is_exit_2_with_nothing_written() {
    let dir = archive();
    let missing = dir.path().join("no-such-sheet.csv");
    let Output { code, stderr, .. } = scores_import(dir.path(), SILVA_FIRST, &[&missing]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: cannot read "), "{stderr}");
    let Output { code, stderr, .. } = scores_import(
        dir.path(),
        &["--format", "csv", "--round", "first"],
        &[&sheet("plain.csv")],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("does not support --format csv"), "{stderr}");
    assert!(!dir.path().join("scores").exists());
}

#[test]
fn a_broken_prize_toml_imports_nothing_and_exits_1_like_rank() {
    // A broken prize.toml (a criterion with max below min) would store sheets with the wrong
    // columns: nothing is imported until it is fixed, and the archive's errors are exit 1 with
    // the summary on stderr, as for every command that needs the archive.
    let dir = archive();
    let dir = dir.config_edit(|text| text.replace("max = 10\n", "max = 0\n"));
    let Output { code, stderr, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]);
    assert_eq!(code, 1);
    let last = stderr.lines().last().unwrap_or_default();
    assert_eq!(
        last,
        "error: prize.toml has errors, so no sheet is imported; run `prize validate` to see them"
    );
    assert!(
        stderr
            .lines()
            .next()
            .unwrap_or_default()
            .ends_with("1 error, 0 warnings"),
        "{stderr}"
    );
    assert!(!dir.path().join("scores").exists());
}

#[test]
fn a_refused_sheet_reads_like_validate() {
    let dir = archive();
    let mut cmd = prize();
    cmd.current_dir(fixtures().join("sheets"))
        .arg("-C")
        .arg(dir.path())
        .args([
            "scores",
            "import",
            "--round",
            "first",
            "--judge",
            "j-silva",
            "bad-cells.csv",
        ]);
    let out = run_cmd(cmd);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}

#[test]
fn a_stored_sheet_written_by_hand_with_the_same_scores_is_unchanged() {
    let dir = archive();
    let path = stored(dir.path(), "first", "j-silva");
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    // Not the canonical bytes (semicolons, CRLF, a title column, criteria by name), same content.
    let by_hand = "Application;Design;Impact;title;comment\r\nAPP-1;7,5;8;Safe;\"Clear, \"\"strong\"\" uptake\"\r\n\
                   APP-2;;;;\r\nAPP-3;0;10;;'=1+1\r\n";
    fs::write(&path, by_hand).unwrap();
    let Output { code, stdout, .. } = scores_import(dir.path(), SILVA_FIRST, &[&sheet("plain.csv")]);
    assert_eq!(
        (code, stdout.as_str()),
        (0, "scores/first/j-silva.csv: unchanged (3 rows, 2 scored)\n")
    );
    assert_eq!(read(&path), by_hand, "left as it was");
}
