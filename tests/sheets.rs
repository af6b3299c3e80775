//! `prize sheets` (score-sheet templates, CSV and Excel) and `prize scores import` of workbooks:
//! the templates' exact content, the Excel template read back, the round trip from an assignment
//! through a workbook filled in by a program to the ranking, and the refusals. The archive is
//! tests/fixtures/judging without its sheets; every expected score is worked out by hand below.

mod common;

use std::fs;
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::process::Command as Process;

use calamine::{Data, Reader, Xlsx, open_workbook_from_rs};
use common::{Archive, Output, attachment, json, run, scores_import};
use rust_xlsxwriter::{Formula, Workbook};
use serde_json::Value;

/// The judging fixture without score sheets: criteria impact (1–10, weight 2) and design (0–10,
/// weight 1), so a total is T = 100 · (2/3 · (impact − 1)/9 + 1/3 · design/10); rounds `first`
/// and `final`; judges ja (conflicted with P5), jb, jc (first round only); applications L1
/// (leadership) and P1–P5 (projects), all eligible. P1's title starts with `=` and holds Hangul.
fn archive() -> Archive {
    Archive::judging()
        .remove("scores")
        .edit("applications/P1.toml", |text| {
            text.replace("title = \"Project P1\"", "title = \"=서울 Safe Routes\"")
        })
}

/// The assignment of the first round, written as `prize assign` writes it (sorted pairs).
const ASSIGNMENT: &str = "application,judge\n\
                          L1,jc\nP1,ja\nP1,jb\nP2,ja\nP2,jb\nP2,jc\nP3,ja\nP3,jb\nP4,jb\nP4,jc\n";

const BOM: &str = "\u{FEFF}";
const HEADER: &str = "application,title,applicant,impact,design,comment\r\n";

#[test]
fn csv_templates_without_an_assignment_list_every_application_free_of_conflict() {
    let dir = archive();
    let Output { code, stdout, stderr } = run(dir.path(), &["sheets", "--round", "first"]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        stdout,
        "sheets/first/ja.csv: written (5 rows)\n\
         sheets/first/jb.csv: written (6 rows)\n\
         sheets/first/jc.csv: written (6 rows)\n\
         3 templates for round `first` in sheets/first: no assignments/first.csv, so each lists every \
         competing application the judge has no conflict with\n"
    );
    let ja = fs::read_to_string(dir.path().join("sheets/first/ja.csv")).unwrap();
    // ja declared a conflict with P5; rows sorted by id; the `=` title defused with a `'`.
    assert_eq!(
        ja,
        format!(
            "{BOM}{HEADER}\
             L1,Project L1,Applicant L1,,,\r\n\
             P1,'=서울 Safe Routes,Applicant P1,,,\r\n\
             P2,Project P2,Applicant P2,,,\r\n\
             P3,Project P3,Applicant P3,,,\r\n\
             P4,Project P4,Applicant P4,,,\r\n"
        )
    );
    // jc serves in the first round only.
    let Output { code, stdout, .. } = run(dir.path(), &["sheets", "--round", "final", "--format", "json"]);
    assert_eq!(code, 0);
    let report = json(&stdout);
    let judges: Vec<&str> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["judge"].as_str().unwrap())
        .collect();
    assert_eq!(judges, ["ja", "jb"]);
    assert_eq!(report["assignment"], Value::Null);
    assert_eq!(
        report["notes"][0],
        "no application advances to round `final` yet (round `first` has no ranking): the templates are empty"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("sheets/final/ja.csv")).unwrap(),
        format!("{BOM}{HEADER}")
    );
}

#[test]
fn csv_templates_follow_the_assignment_and_note_what_they_leave_out() {
    let dir = archive().assignment("first", ASSIGNMENT);
    // Three pairs that cannot be used: a conflict, an unknown application, an unknown judge.
    let mut text = ASSIGNMENT.to_string();
    text.push_str("P5,ja\nP9,jb\nP1,jz\n");
    let dir = dir.assignment("first", &text);
    let out = tempfile::tempdir().unwrap();
    let out_dir = out.path().join("to-judges");
    let Output { code, stdout, stderr } = run(
        dir.path(),
        &[
            "sheets",
            "--round",
            "first",
            "--out",
            out_dir.to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    let report = json(&stdout);
    assert_eq!(report["assignment"], "assignments/first.csv");
    assert_eq!(report["format"], "csv");
    let files: Vec<(String, u64, String)> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["judge"].as_str().unwrap().to_string(),
                f["rows"].as_u64().unwrap(),
                f["status"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        files,
        [
            ("ja".to_string(), 3, "written".to_string()),
            ("jb".to_string(), 4, "written".to_string()),
            ("jc".to_string(), 3, "written".to_string()),
        ]
    );
    assert_eq!(
        report["notes"],
        serde_json::json!([
            "assignments/first.csv gives `P5` to `ja`, who may not score it (ja declared a conflict of interest with P5): left out",
            "assignments/first.csv names `P9`, which is no application: left out",
            "assignments/first.csv names `jz`, who is not a judge serving in round `first`: no template",
        ])
    );
    assert_eq!(
        fs::read_to_string(out_dir.join("jc.csv")).unwrap(),
        format!(
            "{BOM}{HEADER}\
             L1,Project L1,Applicant L1,,,\r\n\
             P2,Project P2,Applicant P2,,,\r\n\
             P4,Project P4,Applicant P4,,,\r\n"
        )
    );
    assert!(!dir.path().join("sheets").exists(), "--out replaces the default folder");
    // Human output says where the rows come from, and the notes go to stderr.
    let Output { code, stdout, stderr } = run(
        dir.path(),
        &["sheets", "--round", "first", "--out", out_dir.to_str().unwrap()],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.ends_with(&format!(
            "3 templates for round `first` in {}: the applications assignments/first.csv gives each judge\n",
            out_dir.display()
        )),
        "{stdout}"
    );
    assert!(stdout.contains(": unchanged (3 rows)\n"), "{stdout}");
    assert!(
        stderr.contains("note: assignments/first.csv names `P9`, which is no application: left out\n"),
        "{stderr}"
    );
}

#[test]
fn a_different_template_already_there_is_kept_unless_replace() {
    let dir = archive().assignment("first", ASSIGNMENT);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first"]).code, 0);
    let ja = dir.path().join("sheets/first/ja.csv");
    let blank = fs::read(&ja).unwrap();
    let filled = format!("{BOM}{HEADER}P1,x,y,8,7,\r\n");
    fs::write(&ja, &filled).unwrap();
    let Output { code, stdout, .. } = run(dir.path(), &["sheets", "--round", "first"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "sheets/first/ja.csv: refused: a different file is there (filled in already?); nothing written; \
         use --replace to overwrite it\n\
         sheets/first/jb.csv: unchanged (4 rows)\n\
         sheets/first/jc.csv: unchanged (3 rows)\n\
         3 templates for round `first` in sheets/first: the applications assignments/first.csv gives each judge\n"
    );
    assert_eq!(
        fs::read_to_string(&ja).unwrap(),
        filled,
        "the filled-in sheet is untouched"
    );
    let Output { code, stdout, .. } = run(dir.path(), &["sheets", "--round", "first", "--replace"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("sheets/first/ja.csv: replaced (3 rows)\n"),
        "{stdout}"
    );
    assert_eq!(fs::read(&ja).unwrap(), blank);
    let leftovers: Vec<String> = fs::read_dir(dir.path().join("sheets/first"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left: {leftovers:?}");
}

#[test]
fn sheets_refuses_an_unknown_round_and_other_formats() {
    let dir = archive();
    let Output { code, stderr, .. } = run(dir.path(), &["sheets", "--round", "frist"]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("unknown round `frist`: did you mean `first`?"),
        "{stderr}"
    );
    let Output { code, stderr, .. } = run(dir.path(), &["sheets"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("name one with --round"), "{stderr}");
    let Output { code, .. } = run(dir.path(), &["sheets", "--round", "first", "--format", "csv"]);
    assert_eq!(code, 2);
}

/// A workbook's worksheet names and the text of each of its cells.
fn workbook(path: &Path) -> (Vec<String>, Xlsx<Cursor<Vec<u8>>>) {
    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(fs::read(path).unwrap())).unwrap();
    (book.sheet_names(), book)
}

fn cells(book: &mut Xlsx<Cursor<Vec<u8>>>, sheet: &str) -> Vec<Vec<Data>> {
    let range = book.worksheet_range(sheet).unwrap();
    assert_eq!(range.start(), Some((0, 0)));
    range.rows().map(<[Data]>::to_vec).collect()
}

fn s(text: &str) -> Data {
    Data::String(text.to_string())
}

/// The text of a part of an .xlsx file, when the `unzip` tool is there to read it.
fn part(path: &Path, name: &str) -> Option<String> {
    let out = Process::new("unzip").arg("-p").arg(path).arg(name).output().ok()?;
    out.status.success().then(|| String::from_utf8(out.stdout).unwrap())
}

#[test]
fn the_excel_template_reads_back_with_its_rows_protection_and_instructions() {
    let dir = archive().assignment("first", ASSIGNMENT);
    let Output { code, stdout, stderr } = run(dir.path(), &["sheets", "--round", "first", "--xlsx"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stdout.starts_with("sheets/first/ja.xlsx: written (3 rows)\n"),
        "{stdout}"
    );
    let path = dir.path().join("sheets/first/ja.xlsx");
    let (names, mut book) = workbook(&path);
    assert_eq!(names, ["Scores", "Instructions"]);
    let header = [
        s("application"),
        s("title"),
        s("applicant"),
        s("impact"),
        s("design"),
        s("comment"),
    ];
    let rows = cells(&mut book, "Scores");
    assert_eq!(rows[0], header);
    let ids: Vec<&Data> = rows[1..].iter().map(|r| &r[0]).collect();
    assert_eq!(ids, [&s("P1"), &s("P2"), &s("P3")]);
    // In a workbook a title is text, never a formula: no `'` is needed.
    assert_eq!(rows[1][..3], [s("P1"), s("=서울 Safe Routes"), s("Applicant P1")]);
    assert!(rows[1..].iter().all(|r| r[3..].iter().all(|c| *c == Data::Empty)));
    // The informational cells are locked, the score and comment cells unlocked.
    let styles = book.worksheet_style("Scores").unwrap();
    let locked = |row: u32, col: u32| {
        styles
            .get((row, col))
            .and_then(|s| s.protection.as_ref())
            .is_none_or(|p| p.locked)
    };
    for row in 1..=3 {
        assert!(locked(row, 0) && locked(row, 1) && locked(row, 2), "row {row}");
        assert!(!locked(row, 3) && !locked(row, 4) && !locked(row, 5), "row {row}");
    }
    assert!(locked(0, 3), "the header is locked too");
    let instructions = cells(&mut book, "Instructions");
    assert_eq!(instructions[0][0], s("Judging Fixture 2026: score sheet"));
    assert_eq!(instructions[2][..2], [s("Judge"), s("Judge A (ja)")]);
    assert_eq!(instructions[3][..2], [s("Round"), s("First round (first)")]);
    assert_eq!(instructions[4][..2], [s("Applications"), Data::Float(3.0)]);
    assert_eq!(
        instructions[6][..4],
        [s("Criterion"), s("Name"), s("Weight"), s("Range")]
    );
    assert_eq!(
        instructions[7][..4],
        [s("impact"), s("Impact"), Data::Float(2.0 / 3.0), s("1 to 10")]
    );
    assert_eq!(
        instructions[8][..4],
        [s("design"), s("Design"), Data::Float(1.0 / 3.0), s("0 to 10")]
    );
    // Protection, validation and the frozen header are in the worksheet's XML, which calamine
    // does not read: look at it directly when `unzip` is there.
    match part(&path, "xl/worksheets/sheet1.xml") {
        None => eprintln!("note: `unzip` not found; the worksheet's XML is not checked"),
        Some(xml) => {
            assert!(
                xml.contains(
                    r#"<pane xSplit="1" ySplit="1" topLeftCell="B2" activePane="bottomRight" state="frozen"/>"#
                ),
                "{xml}"
            );
            assert!(xml.contains("<sheetProtection sheet=\"1\""), "{xml}");
            assert!(
                xml.contains(
                    r#"<dataValidation type="decimal" allowBlank="1" showInputMessage="1" showErrorMessage="1""#
                ),
                "{xml}"
            );
            assert!(
                xml.contains(r#"sqref="D2:D4"><formula1>1</formula1><formula2>10</formula2>"#),
                "{xml}"
            );
            assert!(
                xml.contains(r#"sqref="E2:E4"><formula1>0</formula1><formula2>10</formula2>"#),
                "{xml}"
            );
            assert!(
                xml.contains(r#"<col min="6" max="6" width="60.7109375" customWidth="1"/>"#),
                "{xml}"
            );
        }
    }
    // The same archive writes the same bytes, so a second run changes nothing.
    let before = fs::read(&path).unwrap();
    let Output { code, stdout, .. } = run(dir.path(), &["sheets", "--round", "first", "--xlsx"]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("sheets/first/ja.xlsx: unchanged (3 rows)\n"),
        "{stdout}"
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn an_unfilled_template_imports_as_a_sheet_with_nothing_scored() {
    let dir = archive().assignment("first", ASSIGNMENT);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first", "--xlsx"]).code, 0);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first"]).code, 0);
    let xlsx = dir.path().join("sheets/first/ja.xlsx");
    let Output { code, stdout, stderr } = scores_import(dir.path(), &["--round", "first"], &[&xlsx]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "scores/first/ja.csv: imported 3 rows (0 scored)\n");
    let stored = "application,impact,design,comment\nP1,,,\nP2,,,\nP3,,,\n";
    assert_eq!(
        fs::read_to_string(dir.path().join("scores/first/ja.csv")).unwrap(),
        stored
    );
    // The CSV template is the same sheet.
    let csv = dir.path().join("sheets/first/ja.csv");
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first"], &[&csv]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "scores/first/ja.csv: unchanged (3 rows, 0 scored)\n");
}

/// One cell of a workbook filled in by a program.
enum Fill {
    Text(&'static str),
    Number(f64),
    /// A formula and the value Excel computed for it.
    Formula(&'static str, &'static str),
    Blank,
}

/// Writes a workbook as a judge's spreadsheet program would save a filled-in template: the
/// template's worksheet (header and informational cells as read back from it) with `fills` put
/// in the score and comment cells, row by row, and a second worksheet.
fn filled(template: &Path, fills: &[&[Fill]], to: &Path) {
    let (_, mut book) = workbook(template);
    let rows = cells(&mut book, "Scores");
    let mut out = Workbook::new();
    let sheet = out.add_worksheet();
    sheet.set_name("Scores").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if let Data::String(text) = cell {
                sheet.write_string(r as u32, c as u16, text).unwrap();
            }
        }
    }
    for (r, row) in fills.iter().enumerate() {
        for (c, fill) in row.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16 + 3);
            match fill {
                Fill::Text(text) => sheet.write_string(r, c, *text).map(|_| ()),
                Fill::Number(x) => sheet.write_number(r, c, *x).map(|_| ()),
                Fill::Formula(f, value) => sheet
                    .write_formula(r, c, Formula::new(f).set_result(*value))
                    .map(|_| ()),
                Fill::Blank => Ok(()),
            }
            .unwrap();
        }
    }
    out.add_worksheet().set_name("Instructions").unwrap();
    out.save(to).unwrap();
}

fn filled_dir() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().to_path_buf();
    (dir, path)
}

#[test]
fn assignment_to_excel_templates_to_filled_workbooks_to_ranking() {
    use Fill::{Blank, Formula, Number, Text};
    // `prize assign` is another command's work; the assignment it would write is used as is.
    let dir = archive().assignment("first", ASSIGNMENT);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first", "--xlsx"]).code, 0);
    let templates = dir.path().join("sheets/first");
    let (_keep, mail) = filled_dir();
    // ja: P1, P2, P3 — P3 left unscored.
    filled(
        &templates.join("ja.xlsx"),
        &[
            &[Number(10.0), Number(10.0), Text("  Strong uptake  ")],
            &[Number(1.0), Number(0.0)],
            &[Blank, Blank, Blank],
        ],
        &mail.join("ja.xlsx"),
    );
    // jb: P1, P2, P3, P4 — P1's impact a formula whose cached value is 5.5.
    filled(
        &templates.join("jb.xlsx"),
        &[
            &[Formula("=2+3.5", "5.5"), Number(5.0)],
            &[Number(10.0), Number(5.0), Text("=not a formula")],
            &[Number(10.0), Number(0.0)],
            &[Number(5.5), Number(5.0)],
        ],
        &mail.join("jb.xlsx"),
    );
    // jc: L1, P2, P4 — L1 left unscored.
    filled(
        &templates.join("jc.xlsx"),
        &[&[], &[Number(5.5), Number(10.0)], &[Number(10.0), Number(5.0)]],
        &mail.join("jc.xlsx"),
    );
    let files: Vec<String> = ["ja", "jb", "jc"]
        .iter()
        .map(|j| mail.join(format!("{j}.xlsx")).display().to_string())
        .collect();
    let mut args = vec!["scores", "import", "--round", "first"];
    args.extend(files.iter().map(String::as_str));
    let Output { code, stdout, stderr } = run(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(
        stdout,
        "scores/first/ja.csv: imported 3 rows (2 scored)\n\
         scores/first/jb.csv: imported 4 rows (4 scored)\n\
         scores/first/jc.csv: imported 3 rows (2 scored)\n"
    );
    // Canonical storage: 10.0 is `10`, text trimmed, a comment starting with `=` defused.
    let stored = |j: &str| fs::read_to_string(dir.path().join(format!("scores/first/{j}.csv"))).unwrap();
    assert_eq!(
        stored("ja"),
        "application,impact,design,comment\nP1,10,10,Strong uptake\nP2,1,0,\nP3,,,\n"
    );
    assert_eq!(
        stored("jb"),
        "application,impact,design,comment\nP1,5.5,5,\nP2,10,5,'=not a formula\nP3,10,0,\nP4,5.5,5,\n"
    );
    // Totals T = 100 · (2/3 · (impact − 1)/9 + 1/3 · design/10), then the mean per application:
    // P1: ja 100, jb 50 → 75. P2: ja 0, jb 83.33, jc 66.67 → 50. P4: jb 50, jc 83.33 → 66.67.
    // P3 has one total and P5 none (min_judges = 2); L1 was not scored.
    let Output { code, stdout, stderr } = run(dir.path(), &["rank", "--round", "first", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let ranking = json(&stdout);
    let projects = &ranking["groups"][0];
    assert_eq!(projects["track"], "projects");
    let got: Vec<(String, f64)> = projects["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["id"].as_str().unwrap().to_string(), p["score"].as_f64().unwrap()))
        .collect();
    let expected = [("P1", 75.0), ("P4", 200.0 / 3.0), ("P2", 50.0)];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((id, score), (want_id, want)) in got.iter().zip(expected) {
        assert_eq!(id, want_id, "{got:?}");
        assert!((score - want).abs() < 1e-9, "{id}: {score} != {want}");
    }
    let unranked: Vec<(&str, u64)> = projects["unranked"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| (u["id"].as_str().unwrap(), u["judges"].as_u64().unwrap()))
        .collect();
    assert_eq!(unranked, [("P3", 1), ("P5", 0)]);
    // Importing the same workbook again changes nothing.
    let Output { code, stdout, .. } = run(dir.path(), &["scores", "import", "--round", "first", &files[0]]);
    assert_eq!(code, 0);
    assert_eq!(stdout, "scores/first/ja.csv: unchanged (3 rows, 2 scored)\n");
}

/// The application ids of a template, in its order.
fn template_ids(path: &Path) -> Vec<String> {
    let (_, mut book) = workbook(path);
    cells(&mut book, "Scores")[1..]
        .iter()
        .map(|r| match &r[0] {
            Data::String(id) => id.clone(),
            other => panic!("not an id: {other:?}"),
        })
        .collect()
}

#[test]
fn prize_assign_then_excel_templates_then_import_then_rank() {
    let dir = archive();
    let Output { code, stdout, stderr } = run(
        dir.path(),
        &["assign", "--round", "first", "--per-application", "2", "--seed", "7"],
    );
    assert_eq!(code, 0, "{stdout}{stderr}");
    let assignment = fs::read_to_string(dir.path().join("assignments/first.csv")).unwrap();
    assert_eq!(run(dir.path(), &["sheets", "--round", "first", "--xlsx"]).code, 0);
    // Every judge gives an application the same scores, so its mean is its total whoever the
    // assignment picked: T = 100 · (2/3 · (impact − 1)/9 + 1/3 · design/10).
    let scores = |id: &str| match id {
        "L1" => (10.0, 10.0), // 100
        "P1" => (10.0, 5.0),  // 83.33
        "P2" => (5.5, 5.0),   // 50
        "P3" => (1.0, 0.0),   // 0
        "P4" => (5.5, 10.0),  // 66.67
        "P5" => (8.5, 0.0),   // 55.56
        other => panic!("unexpected application {other}"),
    };
    let (_keep, mail) = filled_dir();
    let mut files = Vec::new();
    for judge in ["ja", "jb", "jc"] {
        let template = dir.path().join(format!("sheets/first/{judge}.xlsx"));
        let ids = template_ids(&template);
        // The template lists exactly the judge's applications of the assignment, sorted.
        let assigned: Vec<&str> = assignment
            .lines()
            .skip(1)
            .filter_map(|l| l.split_once(','))
            .filter(|(_, j)| *j == judge)
            .map(|(a, _)| a)
            .collect();
        assert_eq!(ids, assigned, "{judge}");
        let fills: Vec<Vec<Fill>> = ids
            .iter()
            .map(|id| {
                let (impact, design) = scores(id);
                vec![Fill::Number(impact), Fill::Number(design)]
            })
            .collect();
        let rows: Vec<&[Fill]> = fills.iter().map(Vec::as_slice).collect();
        let file = mail.join(format!("{judge}.xlsx"));
        filled(&template, &rows, &file);
        files.push(file.display().to_string());
    }
    let mut args = vec!["scores", "import", "--round", "first"];
    args.extend(files.iter().map(String::as_str));
    let Output { code, stdout, stderr } = run(dir.path(), &args);
    assert_eq!(code, 0, "{stdout}{stderr}");
    let Output { code, stdout, stderr } = run(dir.path(), &["rank", "--round", "first", "--format", "json"]);
    assert_eq!(code, 0, "{stderr}");
    let ranking = json(&stdout);
    let mut got: Vec<(String, f64, u64)> = Vec::new();
    for group in ranking["groups"].as_array().unwrap() {
        assert_eq!(group["unranked"], serde_json::json!([]), "{group:#}");
        for p in group["ranking"].as_array().unwrap() {
            got.push((
                p["id"].as_str().unwrap().to_string(),
                p["score"].as_f64().unwrap(),
                p["judges"].as_u64().unwrap(),
            ));
        }
    }
    let expected = [
        ("P1", 250.0 / 3.0),
        ("P4", 200.0 / 3.0),
        ("P5", 500.0 / 9.0),
        ("P2", 50.0),
        ("P3", 0.0),
        ("L1", 100.0),
    ];
    assert_eq!(got.len(), expected.len(), "{got:?}");
    for ((id, score, judges), (want_id, want)) in got.iter().zip(expected) {
        assert_eq!(id, want_id, "{got:?}");
        assert!((score - want).abs() < 1e-9, "{id}: {score} != {want}");
        assert_eq!(*judges, 2, "{id}");
    }
}

#[test]
fn an_out_of_range_cell_refuses_the_workbook_and_names_the_cell() {
    use Fill::Number;
    let dir = archive().assignment("first", ASSIGNMENT);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first", "--xlsx"]).code, 0);
    let (_keep, mail) = filled_dir();
    let file = mail.join("ja.xlsx");
    filled(
        &dir.path().join("sheets/first/ja.xlsx"),
        &[
            &[Number(8.0), Number(7.0)],
            &[Number(11.0), Number(5.0)],
            &[Number(7.0)],
        ],
        &file,
    );
    let shown = file.display().to_string();
    let Output { code, stdout, .. } = run(
        dir.path(),
        &["scores", "import", "--round", "first", "--format", "json", &shown],
    );
    assert_eq!(code, 1);
    let report = json(&stdout);
    assert_eq!(report[0]["status"], "refused");
    let findings: Vec<(&str, u64, u64, &str)> = report[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["message"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (
                "score-out-of-range",
                3,
                4,
                "score 11 for `impact` is outside 1–10 (cell D3)"
            ),
            ("incomplete-scores", 4, 5, "no score for `design` (cell E4)"),
        ]
    );
    assert!(!dir.path().join("scores").exists(), "nothing is written");
    // People read the same, pointing at the row and column.
    let Output { code, stdout, .. } = run(dir.path(), &["scores", "import", "--round", "first", &shown]);
    assert_eq!(code, 1);
    assert!(
        stdout.contains(&format!(
            "error[score-out-of-range]: score 11 for `impact` is outside 1–10 (cell D3)\n--> {shown}:3:4\n"
        )),
        "{stdout}"
    );
    assert!(stdout.ends_with(&format!(
        "{shown}: refused: 2 errors; nothing written to scores/first/ja.csv\n"
    )));
}

#[test]
fn a_conflicted_row_in_a_workbook_names_its_application_cell() {
    let dir = archive();
    // Without an assignment ja's template leaves P5 out; a judge adds it in a workbook of their own.
    let (_keep, mail) = filled_dir();
    let file = mail.join("ja.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    for (c, h) in ["application", "impact", "design"].iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "P1").unwrap();
    sheet.write_number(1, 1, 8).unwrap();
    sheet.write_number(1, 2, 7).unwrap();
    sheet.write_string(4, 0, "P5").unwrap();
    sheet.write_number(4, 1, 8).unwrap();
    sheet.write_number(4, 2, 7).unwrap();
    book.save(&file).unwrap();
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first", "--format", "json"], &[&file]);
    assert_eq!(code, 1);
    let f = &json(&stdout)[0]["findings"][0];
    assert_eq!(f["code"], "conflict-of-interest");
    assert_eq!((f["line"].as_u64(), f["column"].as_u64()), (Some(5), Some(1)));
    assert_eq!(
        f["message"],
        "conflicted score: ja declared a conflict of interest with P5 (cell A5)"
    );
}

#[test]
fn sheet_names_a_worksheet_and_a_missing_one_is_a_usage_error() {
    let dir = archive().assignment("first", ASSIGNMENT);
    assert_eq!(run(dir.path(), &["sheets", "--round", "first", "--xlsx"]).code, 0);
    let template = dir.path().join("sheets/first/ja.xlsx");
    let shown = template.display().to_string();
    let Output { code, stderr, .. } = run(
        dir.path(),
        &["scores", "import", "--round", "first", "--sheet", "Score", &shown],
    );
    assert_eq!(code, 2);
    assert_eq!(
        stderr,
        format!(
            "error: {shown}: no worksheet is named `Score` (did you mean `Scores`?); the worksheets are \
             `Scores`, `Instructions`\n"
        )
    );
    assert!(!dir.path().join("scores").exists());
    // Names match ignoring case.
    let Output { code, stdout, .. } = run(
        dir.path(),
        &[
            "scores",
            "import",
            "--round",
            "first",
            "--sheet",
            "scores",
            "--dry-run",
            &shown,
        ],
    );
    assert_eq!(code, 0, "{stdout}");
    // The instructions are no score sheet: the findings say which worksheet was read.
    let Output { code, stdout, .. } = run(
        dir.path(),
        &[
            "scores",
            "import",
            "--round",
            "first",
            "--sheet",
            "Instructions",
            "--format",
            "json",
            &shown,
        ],
    );
    assert_eq!(code, 1);
    let messages: Vec<String> = json(&stdout)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect();
    assert!(
        messages.contains(&"the sheet has no `application` column (worksheet `Instructions`)".to_string()),
        "{messages:?}"
    );
    // --sheet is for workbooks only.
    let csv = attachment(dir.path(), "ja.csv", "application,impact,design\n");
    let Output { code, stderr, .. } = scores_import(dir.path(), &["--round", "first", "--sheet", "Scores"], &[&csv]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("--sheet names a worksheet of a workbook, but"),
        "{stderr}"
    );
}

#[test]
fn a_file_that_is_no_workbook_is_a_usage_error() {
    let dir = archive();
    let file = attachment(dir.path(), "ja.xlsx", "application,impact,design\nP1,8,7\n");
    let Output { code, stderr, .. } = scores_import(dir.path(), &["--round", "first"], &[&file]);
    assert_eq!(code, 2);
    assert!(stderr.contains("ja.xlsx: not a readable workbook: "), "{stderr}");
}

/// CRC-32 (IEEE), as a zip file records it.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip file holding `files` uncompressed (enough for an OpenDocument file).
fn zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in files {
        let offset = out.len() as u32;
        let (crc, size) = (crc32(data), data.len() as u32);
        // Version 2.0, no flags, stored, 1980-01-01 00:00.
        let fields = |v: &mut Vec<u8>| {
            for n in [20u16, 0, 0, 0, 0x21] {
                v.extend(n.to_le_bytes());
            }
            for n in [crc, size, size] {
                v.extend(n.to_le_bytes());
            }
            v.extend((name.len() as u16).to_le_bytes());
            v.extend(0u16.to_le_bytes());
        };
        out.extend(0x0403_4b50u32.to_le_bytes());
        fields(&mut out);
        out.extend(name.as_bytes());
        out.extend(*data);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        fields(&mut central);
        // Comment length, disk, internal and external attributes, then the local header's offset.
        for n in [0u16, 0, 0] {
            central.extend(n.to_le_bytes());
        }
        central.extend(0u32.to_le_bytes());
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let start = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    let count = files.len() as u16;
    for n in [0u16, 0, count, count] {
        out.extend(n.to_le_bytes());
    }
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(start.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// An OpenDocument spreadsheet with one worksheet "Scores": `"text"` cells are strings, cells
/// that parse as numbers are numbers, "" cells are empty.
fn ods(rows: &[&[&str]]) -> Vec<u8> {
    let mut table = String::new();
    for row in rows {
        table.push_str("<table:table-row>");
        for cell in *row {
            if cell.is_empty() {
                table.push_str("<table:table-cell/>");
            } else if let Ok(x) = cell.parse::<f64>() {
                table.push_str(&format!(
                    r#"<table:table-cell office:value-type="float" office:value="{x}"><text:p>{x}</text:p></table:table-cell>"#
                ));
            } else {
                table.push_str(&format!(
                    r#"<table:table-cell office:value-type="string"><text:p>{cell}</text:p></table:table-cell>"#
                ));
            }
        }
        table.push_str("</table:table-row>");
    }
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Scores">{table}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip(&[
        ("mimetype", b"application/vnd.oasis.opendocument.spreadsheet"),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

#[test]
fn an_ods_sheet_is_read_and_checked_like_a_workbook() {
    let dir = archive();
    let (_keep, mail) = filled_dir();
    let good = mail.join("jb.ods");
    fs::write(
        &good,
        ods(&[
            &["application", "title", "impact", "design", "comment"],
            &["P1", "Project P1", "7", "7.5", "Solid"],
            &[],
            &["P2", "Project P2", "", "", ""],
        ]),
    )
    .unwrap();
    let Output { code, stdout, stderr } = scores_import(dir.path(), &["--round", "first"], &[&good]);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert_eq!(stdout, "scores/first/jb.csv: imported 2 rows (1 scored)\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("scores/first/jb.csv")).unwrap(),
        "application,impact,design,comment\nP1,7,7.5,Solid\nP2,,,\n"
    );
    let bad = mail.join("jc.ods");
    fs::write(
        &bad,
        ods(&[
            &["application", "impact", "design"],
            &["P2", "0", "5"],
            &["P4", "8", "n/a"],
        ]),
    )
    .unwrap();
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first", "--format", "json"], &[&bad]);
    assert_eq!(code, 1);
    let messages: Vec<(u64, u64, String)> = json(&stdout)[0]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        messages,
        [
            (2, 2, "score 0 for `impact` is outside 1–10 (cell B2)".to_string()),
            (3, 3, "`n/a` for `design` is not a number (cell C3)".to_string()),
        ]
    );
    assert!(!dir.path().join("scores/first/jc.csv").exists());
}
