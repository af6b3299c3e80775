//! Section 1.5 of the spec, the limits and the escaping: every number finite, archive text
//! printed as text, output and memory linear in the input.

mod common;

use std::path::Path;

use common::{
    Application, Archive, Output, at as finding, json, positions_in as findings_in, run, scores_import, validate_json,
};

/// A one-round prize whose criteria are `criteria` (TOML), with one award.
fn prize_toml(criteria: &str, award_extra: &str) -> String {
    format!(
        r#"[prize]
name = "Limits Prize"
edition = "2026"
sectors = ["mobility"]
applicant_types = ["city"]

[[tracks]]
id = "projects"
name = "Projects"
applicant_types = ["city"]

{criteria}

[scoring]
method = "mean"

[[rounds]]
id = "first"
name = "First"

[[awards]]
id = "gold"
name = "Gold"
track = "projects"
count = 1
{award_extra}
"#
    )
}

/// The usual criterion `impact`, 0 to 10.
const IMPACT: &str = "[[criteria]]\nid = \"impact\"\nname = \"Impact\"\n";

const JUDGES: &str = common::THREE_JUDGES;

/// An eligible application of the track `projects`.
fn application(id: &str, title: &str, applicant: &str) -> String {
    Application::new(id)
        .title(title)
        .name(applicant)
        .country("CO")
        .email("smartcity@example.org")
        .summary("Crossings that give older pedestrians more time.")
        .beneficiaries(Some("[\"older adults\"]"))
        .toml()
}

/// An archive with `prize.toml`, the three judges, applications P1 and P2, and no sheets.
fn archive(prize: &str) -> Archive {
    let archive = Archive::new().config(prize).judges(JUDGES);
    [("P1", "Bogotá D.C."), ("P2", "Lisboa")]
        .into_iter()
        .fold(archive, |archive, (id, applicant)| {
            archive.application(&format!("{id}.toml"), &application(id, "Safe Routes", applicant))
        })
}

/// Writes judge `judge`'s sheet of round `first`: `rows` below the header `header`.
fn sheet(archive: Archive, judge: &str, header: &str, rows: &[&str]) -> Archive {
    archive.sheet("first", judge, &format!("{header}\n{}\n", rows.join("\n")))
}

/// The line and column of the first `needle` in `text`, both 1-based.
fn position(text: &str, needle: &str) -> (u64, u64) {
    let at = text.find(needle).unwrap();
    let line = text[..at].matches('\n').count() + 1;
    let column = at - text[..at].rfind('\n').map_or(0, |n| n + 1) + 1;
    (line as u64, column as u64)
}

#[test]
fn a_criterion_whose_range_overflows_is_config_invalid_and_nothing_is_ranked() {
    // max − min = 2e308 is beyond f64::MAX (about 1.8e308): today every total is NaN.
    let criteria = "[[criteria]]\nid = \"impact\"\nname = \"Impact\"\nmin = -1e308\nmax = 1e308\n";
    let prize = prize_toml(criteria, "");
    let dir = sheet(archive(&prize), "ja", "application,impact", &["P1,1e307", "P2,5"]);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    let (min_line, min_col) = position(&prize, "-1e308");
    let (max_line, max_col) = position(&prize, " 1e308");
    let max_col = max_col + 1;
    assert_eq!(
        findings_in(&report, "prize.toml"),
        [
            finding("config-invalid", min_line, min_col),
            finding("config-invalid", max_line, max_col)
        ]
    );
    for args in [&["rank", "--format", "json"][..], &["winners", "--format", "json"]] {
        let Output { code, stdout, .. } = run(dir.path(), args);
        assert_eq!(code, 1, "{args:?}");
        assert!(!stdout.to_lowercase().contains("nan"), "{args:?}: {stdout}");
    }
}

#[test]
fn weights_whose_sum_overflows_are_config_invalid_at_their_span() {
    // Two weights of 1e308 and 1.5e308 sum to 2.5e308, beyond f64::MAX (about 1.8e308).
    let criteria = "[[criteria]]\nid = \"impact\"\nname = \"Impact\"\nweight = 1e308\n\n\
                    [[criteria]]\nid = \"design\"\nname = \"Design\"\nweight = 1.5e308\n";
    let prize = prize_toml(criteria, "");
    let dir = archive(&prize);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    let at = |needle: &str| {
        let (line, column) = position(&prize, needle);
        finding("config-invalid", line, column)
    };
    assert_eq!(findings_in(&report, "prize.toml"), [at("1e308\n\n"), at("1.5e308")]);
    let Output { code, stdout, .. } = run(dir.path(), &["winners", "--format", "json"]);
    assert_eq!(code, 1);
    assert!(!stdout.to_lowercase().contains("nan"), "{stdout}");
}

#[test]
fn large_but_finite_arithmetic_is_a_valid_configuration() {
    // The spec makes only overflow config-invalid: max − min and the weight sum must be finite
    // doubles. A range of 0 to 1.7e308, a single weight of 1e308 beside a weight of 1, and a
    // min_score of 1e300 (which no score reaches) are all valid. With scores 1.7e308 and
    // 0.85e308 on that range, P1's total is 100 · (1e308/(1e308 + 1)) · 1 + 0 ≈ 100 and P2's
    // ≈ 50: both finite, and P1 ranks first.
    let criteria = "[[criteria]]\nid = \"impact\"\nname = \"Impact\"\nweight = 1e308\nmin = 0\nmax = 1.7e308\n\n\
                    [[criteria]]\nid = \"design\"\nname = \"Design\"\nweight = 1\nmax = 1e16\n";
    let prize = prize_toml(criteria, "min_score = 1e300");
    let dir = sheet(
        archive(&prize),
        "ja",
        "application,impact,design",
        &["P1,1.7e308,0", "P2,0.85e308,0"],
    );
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 0, "{report:#}");
    let Output { code, stdout, .. } = run(dir.path(), &["rank", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    let ranking = &json(&stdout)["groups"][0]["ranking"];
    assert_eq!(ranking[0]["id"], "P1");
    let s1 = ranking[0]["score"].as_f64().unwrap();
    let s2 = ranking[1]["score"].as_f64().unwrap();
    assert!((s1 - 100.0).abs() < 1e-9 && (s2 - 50.0).abs() < 1e-9, "{s1} {s2}");
    // No winner reaches a min_score of 1e300: one unfilled place, decided, exit 0.
    let Output { code, stdout, .. } = run(dir.path(), &["winners", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}");
    assert_eq!(json(&stdout)["awards"][0]["unfilled"], 1);
}

#[test]
fn non_finite_weights_and_bounds_are_config_invalid_at_their_span() {
    let criteria = "[[criteria]]\nid = \"impact\"\nname = \"Impact\"\nweight = inf\nmin = nan\nmax = -inf\n";
    let prize = prize_toml(criteria, "min_score = nan");
    let dir = archive(&prize);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    let at = |needle: &str| {
        let (line, column) = position(&prize, needle);
        finding("config-invalid", line, column + needle.len() as u64)
    };
    assert_eq!(
        findings_in(&report, "prize.toml"),
        [at("weight = "), at("min = "), at("max = "), at("min_score = ")]
    );
}

#[test]
fn a_score_beyond_the_largest_double_is_reported_not_taken_for_infinity() {
    let dir = sheet(
        archive(&prize_toml(IMPACT, "")),
        "ja",
        "application,impact",
        &["P1,1e309", "P2,5"],
    );
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        findings_in(&report, "scores/first/ja.csv"),
        [finding("score-not-number", 2, 4)]
    );
    let Output { stdout, .. } = run(dir.path(), &["rank", "--format", "json"]);
    assert!(!stdout.contains("inf") && !stdout.contains("null"), "{stdout}");
}

#[test]
fn duplicate_id_findings_grow_linearly_with_the_files() {
    let n = 2_000;
    let copy = application("SAME", "Copy", "Lisboa");
    let dir = archive(&prize_toml(IMPACT, "")).files((0..n).map(|i| (format!("applications/copy-{i:04}.toml"), &copy)));
    let out = run(dir.path(), &["validate", "--format", "json"]);
    assert_eq!(out.code, 1);
    // Naming every other file in every finding would be n² ≈ 4e6 file names, some 100 MB; a
    // finding and an application entry of a few hundred bytes each stay far below 1,000 a file.
    assert!(out.stdout.len() < 1_000 * n, "{} bytes", out.stdout.len());
    let report = out.json();
    let messages = common::messages_with(&report, "code", "duplicate-id");
    assert_eq!(messages.len(), n);
    // The first file names the second, every other file names the first; all count the rest.
    assert_eq!(
        messages[0],
        "application id `SAME` is also used by applications/copy-0001.toml and 1998 other files"
    );
    assert_eq!(
        messages[1],
        "application id `SAME` is also used by applications/copy-0000.toml and 1998 other files"
    );
}

#[test]
fn two_files_with_one_id_name_each_other() {
    let dir = archive(&prize_toml(IMPACT, "")).application("P1-copy.toml", &application("P1", "Copy", "Lisboa"));
    let (_, report) = validate_json(dir.path());
    let messages = common::messages_with(&report, "code", "duplicate-id");
    assert_eq!(
        messages,
        [
            "application id `P1` is also used by applications/P1.toml",
            "application id `P1` is also used by applications/P1-copy.toml"
        ]
    );
}

#[test]
fn a_per_application_count_beyond_the_judges_is_refused_at_once() {
    let dir = archive(&prize_toml(IMPACT, ""));
    for k in ["4", "18446744073709551615"] {
        let Output { code, stdout, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", k]);
        assert_eq!(code, 1, "{k}: {stdout}");
        assert_eq!(
            stdout,
            format!(
                "error: --per-application {k} asks for more judges than the 3 serving in round `first`; \
                 nothing written to assignments/first.csv\n"
            )
        );
    }
    assert!(!dir.path().join("assignments").exists());
    // The JSON report lists every application as short, each with its 3 free judges.
    let Output { code, stdout, .. } = run(
        dir.path(),
        &[
            "assign",
            "--round",
            "first",
            "--per-application",
            "18446744073709551615",
            "--format",
            "json",
        ],
    );
    assert_eq!(code, 1);
    let report = json(&stdout);
    assert_eq!(report["status"], "impossible");
    let free: Vec<u64> = report["shortfalls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["free"].as_u64().unwrap())
        .collect();
    assert_eq!(free, [3, 3]);
}

#[test]
fn many_huge_rule_expressions_are_refused_not_compiled() {
    // Each `\w{200}` expands to two hundred copies of the Unicode word class, megabytes once
    // compiled but under regex's own 10 MiB limit for one expression: forty of them took some
    // 600 MB and many seconds, far more than the 10 MiB all rules share.
    let mut prize = prize_toml(IMPACT, "");
    for i in 0..40 {
        prize.push_str(&format!(
            "\n[[rules]]\nid = \"huge-{i}\"\nmessage = \"m\"\neffect = \"warning\"\nfield = \"title\"\n\
             check = \"matches\"\nvalue = '\\w{{200}}'\n"
        ));
    }
    let dir = archive(&prize);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 1);
    let found = findings_in(&report, "prize.toml");
    assert_eq!(found.len(), 40, "{found:?}");
    assert!(found.iter().all(|(code, _, _)| code == "config-invalid"), "{found:?}");
    let first = position(&prize, "'\\w{200}'");
    assert_eq!((found[0].1, found[0].2), first);
}

#[test]
fn a_small_rule_expression_still_compiles() {
    let mut prize = prize_toml(IMPACT, "");
    prize.push_str(
        "\n[[rules]]\nid = \"safe-title\"\nmessage = \"titles start with Safe\"\neffect = \"warning\"\n\
         field = \"title\"\ncheck = \"matches\"\nvalue = 'Safe \\w+'\n",
    );
    let dir = archive(&prize);
    let (code, report) = validate_json(dir.path());
    assert_eq!(code, 0, "{report}");
}

/// Every control character an application's text carries in the tests below: ESC starting a
/// colour, BEL, the C1 CSI and DEL.
const CONTROLS: [char; 4] = ['\u{1b}', '\u{7}', '\u{9b}', '\u{7f}'];

/// An archive whose P1 has a title and an applicant name full of control characters, and so has
/// judge C's name (written as TOML escapes), an application file and a score sheet with raw ones, and sheets from all
/// three judges.
fn archive_with_controls() -> Archive {
    let dir = archive(&prize_toml(IMPACT, ""))
        .application(
            "P1.toml",
            &application(
                "P1",
                "Safe \\u001b[31mRoutes\\u0007\\u009b\\u007f",
                "Bogot\\u00e1 \\u001b[2J\\u0007\\u009b\\u007f",
            ),
        )
        .judges(&JUDGES.replace("Judge C", "Judge \\u001b[31mC\\u009b"))
        // TOML allows no raw control character in a string: a toml-syntax finding quotes the line.
        .application("P3.toml", "id = \"P3\"\ntitle = \"\u{1b}[31mRed\u{7f}\"\n");
    // A score that is no number is quoted in the finding's message and excerpt.
    let dir = sheet(dir, "ja", "application,impact", &["P1,8", "P2,\u{1b}[31m5\u{9b}\u{7}"]);
    let dir = sheet(dir, "jb", "application,impact", &["P1,9", "P2,4"]);
    sheet(dir, "jc", "application,impact", &["P1,7", "P2,6"])
}

/// The control characters in `text` other than the line breaks.
fn raw_controls(text: &str) -> Vec<char> {
    text.chars().filter(|c| c.is_control() && *c != '\n').collect()
}

#[test]
fn control_characters_from_the_archive_are_printed_escaped() {
    let dir = archive_with_controls();
    let runs: &[(&[&str], &[&str])] = &[
        (&["rank"], &["human", "markdown"]),
        (&["winners"], &["human", "markdown"]),
        (&["list"], &["human", "markdown"]),
        (&["explain", "P1"], &["human"]),
        (&["validate"], &["human", "github"]),
        (&["progress"], &["human", "markdown"]),
    ];
    for (command, formats) in runs {
        for format in *formats {
            let mut args = command.to_vec();
            args.extend(["--format", format]);
            let Output { code, stdout, stderr } = run(dir.path(), &args);
            assert!(code == 0 || code == 1, "{args:?}: {code}\n{stderr}");
            assert_eq!(raw_controls(&stdout), [], "{args:?}:\n{stdout}");
            assert_eq!(raw_controls(&stderr), [], "{args:?}:\n{stderr}");
            assert!(stdout.contains("\\u{1b}"), "{args:?}:\n{stdout}");
        }
    }
    // Every kind of control character is shown the way Rust writes it.
    let Output { stdout, .. } = run(dir.path(), &["explain", "P1"]);
    assert!(
        stdout.starts_with("P1 — Safe \\u{1b}[31mRoutes\\u{7}\\u{9b}\\u{7f}\n"),
        "{stdout}"
    );
    let Output { stdout, .. } = run(dir.path(), &["validate"]);
    for c in CONTROLS {
        assert!(stdout.contains(&c.escape_unicode().to_string()), "{c:?}: {stdout}");
    }
}

#[test]
fn csv_output_keeps_the_text_as_it_is() {
    let dir = archive_with_controls();
    let Output { code, stdout, .. } = run(dir.path(), &["list", "--format", "csv"]);
    assert_eq!(code, 1);
    assert!(stdout.contains("Safe \u{1b}[31mRoutes\u{7}\u{9b}\u{7f}"), "{stdout}");
}

/// An .xlsx file with one worksheet whose XML is `sheet`, the parts calamine needs and no more.
fn xlsx(sheet: &[u8]) -> Vec<u8> {
    use std::io::Write as _;
    let parts: [(&str, &[u8]); 4] = [
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            br#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Scores" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (name, text) in parts.iter().chain([&("xl/worksheets/sheet1.xml", sheet)]) {
        zip.start_file(*name, options).unwrap();
        zip.write_all(text).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A worksheet's XML: `dimension` (an A1 range, if any), then `cells` inside `sheetData`.
fn worksheet(dimension: Option<&str>, cells: &str) -> Vec<u8> {
    let dimension = dimension.map_or(String::new(), |d| format!(r#"<dimension ref="{d}"/>"#));
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">{dimension}<sheetData>{cells}</sheetData></worksheet>"#
    )
    .into_bytes()
}

/// The header row of a score sheet, as inline strings.
const HEADER_ROW: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>application</t></is></c><c r="B1" t="inlineStr"><is><t>impact</t></is></c></row>"#;

/// Imports `bytes` as judge A's workbook: exit code and stderr.
fn import_workbook(dir: &Path, bytes: &[u8]) -> (i32, String) {
    import_as(dir, "ja.xlsx", bytes)
}

/// Imports `bytes`, written to `name` in the archive's folder, as judge A's sheet of round
/// `first`: exit code and stderr.
fn import_as(dir: &Path, name: &str, bytes: &[u8]) -> (i32, String) {
    let file = common::attachment(dir, name, bytes);
    let Output { code, stderr, .. } = scores_import(dir, &["--round", "first", "--judge", "ja"], &[&file]);
    (code, stderr)
}

#[test]
fn a_workbook_within_the_caps_is_imported() {
    let dir = archive(&prize_toml(IMPACT, ""));
    let cells =
        format!(r#"{HEADER_ROW}<row r="2"><c r="A2" t="inlineStr"><is><t>P1</t></is></c><c r="B2"><v>7</v></c></row>"#);
    let (code, stderr) = import_workbook(dir.path(), &xlsx(&worksheet(Some("A1:B2"), &cells)));
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("scores/first/ja.csv").exists());
}

#[test]
fn a_cell_beyond_the_caps_is_refused_before_anything_is_allocated_for_it() {
    // A1 and XFD1048576 span 1,048,576 × 16,384 cells: some 550 GB as calamine's dense range.
    let far = r#"<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#;
    let dir = archive(&prize_toml(IMPACT, ""));
    let file = xlsx(&worksheet(None, &format!("{HEADER_ROW}{far}")));
    assert!(file.len() < 2_000, "{} bytes", file.len());
    let (code, stderr) = import_workbook(dir.path(), &file);
    // A refused sheet is exit 1 (spec, exit codes); 2 is for what stops the command itself.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.xlsx: refused: cell XFD1048576 is beyond the 100000 rows and 1000 columns"),
        "{stderr}"
    );
    // The same cell alone, declared as the sheet's dimension.
    let file = xlsx(&worksheet(Some("A1:XFD1048576"), far));
    let (code, stderr) = import_workbook(dir.path(), &file);
    // A refused sheet is exit 1 (spec, exit codes); 2 is for what stops the command itself.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.xlsx: refused: the worksheet declares the range A1:XFD1048576, beyond"),
        "{stderr}"
    );
    assert!(!dir.path().join("scores").exists());
}

#[test]
fn a_zip_bomb_is_refused_by_its_declared_and_by_its_real_size() {
    // 65 MiB of one cell written over and over: more than the 64 MiB of XML a workbook may hold,
    // compressed to some 100 KB.
    let cell = r#"<c r="B2"><v>7</v></c>"#;
    let cells = format!(
        "{HEADER_ROW}<row r=\"2\">{}</row>",
        cell.repeat((65 << 20) / cell.len())
    );
    let mut file = xlsx(&worksheet(None, &cells));
    assert!(file.len() < 3_000_000, "{} bytes", file.len());
    let dir = archive(&prize_toml(IMPACT, ""));
    let (code, stderr) = import_workbook(dir.path(), &file);
    // A refused sheet is exit 1 (spec, exit codes); 2 is for what stops the command itself.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.xlsx: refused: its parts decompress to more than 64 MiB"),
        "{stderr}"
    );
    // The same, its sizes rewritten to say 1,000 bytes (offset 22 of a local header, 24 of a
    // central directory entry): found out while decompressing, it is refused all the same.
    let declared = file.len();
    for (signature, offset) in [(b"PK\x03\x04", 22), (b"PK\x01\x02", 24)] {
        let starts: Vec<usize> = (0..declared - 4).filter(|&i| &file[i..i + 4] == signature).collect();
        for start in starts {
            file[start + offset..start + offset + 4].copy_from_slice(&1_000u32.to_le_bytes());
        }
    }
    let (code, stderr) = import_workbook(dir.path(), &file);
    // A refused sheet is exit 1 (spec, exit codes); 2 is for what stops the command itself.
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.xlsx: not a readable workbook: File is larger than its declared uncompressed size")
            || stderr.contains("ja.xlsx: refused: its parts decompress to more than 64 MiB"),
        "{stderr}"
    );
    assert!(!dir.path().join("scores").exists());
}

/// An .ods file whose `content.xml` holds one worksheet with the rows `rows` (XML).
fn ods(rows: &str) -> Vec<u8> {
    use std::io::Write as _;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Scores">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let deflated = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("mimetype", stored).unwrap();
    zip.write_all(b"application/vnd.oasis.opendocument.spreadsheet")
        .unwrap();
    for (name, text) in [("META-INF/manifest.xml", manifest), ("content.xml", content.as_str())] {
        zip.start_file(name, deflated).unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// An ods cell holding `text`, or the number `n`.
fn ods_text(text: &str) -> String {
    format!(r#"<table:table-cell office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#)
}

fn ods_number(n: &str, attributes: &str) -> String {
    format!(
        r#"<table:table-cell office:value-type="float" office:value="{n}" {attributes}><text:p>{n}</text:p></table:table-cell>"#
    )
}

/// Imports `bytes` as judge A's ods workbook: exit code and stderr.
fn import_ods(dir: &Path, bytes: &[u8]) -> (i32, String) {
    import_as(dir, "ja.ods", bytes)
}

#[test]
fn an_ods_within_the_caps_is_imported_with_its_empty_repeats() {
    // What spreadsheet programs write: the rest of the sheet as repeated empty rows and cells.
    let rows = format!(
        "<table:table-row>{}{}<table:table-cell table:number-columns-repeated=\"1022\"/></table:table-row>\
         <table:table-row>{}{}<table:table-cell table:number-columns-repeated=\"1022\"/></table:table-row>\
         <table:table-row table:number-rows-repeated=\"1048574\"><table:table-cell table:number-columns-repeated=\"1024\"/></table:table-row>",
        ods_text("application"),
        ods_text("impact"),
        ods_text("P1"),
        ods_number("7", "")
    );
    let dir = archive(&prize_toml(IMPACT, ""));
    let (code, stderr) = import_ods(dir.path(), &ods(&rows));
    assert_eq!(code, 0, "{stderr}");
    assert!(dir.path().join("scores/first/ja.csv").exists());
}

#[test]
fn an_ods_whose_repeats_stand_for_millions_of_cells_is_refused() {
    // One number repeated over 1,000 columns and 1,000,000 rows: a billion cells, some 32 GB as
    // calamine's range, from a file of about a kilobyte.
    let rows = format!(
        "<table:table-row>{}{}</table:table-row><table:table-row table:number-rows-repeated=\"1000000\">{}</table:table-row>",
        ods_text("application"),
        ods_text("impact"),
        ods_number("7", "table:number-columns-repeated=\"1000\"")
    );
    let dir = archive(&prize_toml(IMPACT, ""));
    let (code, stderr) = import_ods(dir.path(), &ods(&rows));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.ods: refused: cell ALL1000001 is beyond the 100000 rows"),
        "{stderr}"
    );
    // Within the rows and columns, but a box of 50,000 × 1,000 cells.
    let rows = rows.replace("1000000", "50000");
    let (code, stderr) = import_ods(dir.path(), &ods(&rows));
    assert_eq!(code, 1, "{stderr}");
    assert!(
        stderr.contains("ja.ods: refused: the worksheet's rows cover more than 500000 cells"),
        "{stderr}"
    );
    assert!(!dir.path().join("scores").exists());
}
