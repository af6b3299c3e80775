//! `prize applications import`: a realistic 30-row form export, as a UTF-8 CSV with a byte-order
//! mark, as an Excel workbook and as a windows-1252 CSV with semicolons, imported into a fresh
//! `prize init` archive. Every expected value is the export's own data (or, for the submission
//! times, Seoul's fixed +09:00 written out by hand); the written files are read back with the
//! `toml` crate, not with `prize`.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{Output, prize, run, run_cmd};
use serde_json::Value;

const HEADER: [&str; 17] = [
    "Timestamp",
    "Project title",
    "Track",
    "Sector",
    "Applicant type",
    "Applicant name",
    "Country code",
    "City",
    "Organization",
    "Contact e-mail",
    "Project summary",
    "Project status",
    "Operating since",
    "Who benefits",
    "Website",
    "Budget (USD)",
    "How did you hear about the prize?",
];

/// One row of the form, with what each cell must become.
#[derive(Clone, Debug)]
struct Form {
    /// Day, month, year, hour, minute, second, Seoul time.
    when: (u32, u32, u32, u32, u32, u32),
    title: String,
    track: (&'static str, &'static str),
    sector: (&'static str, &'static str),
    kind: (&'static str, &'static str),
    name: String,
    country: &'static str,
    city: &'static str,
    organization: &'static str,
    email: String,
    summary: String,
    status: (&'static str, &'static str),
    started: (u32, u32, u32),
    beneficiaries: &'static str,
    expected_beneficiaries: Vec<&'static str>,
    website: String,
    budget: u32,
    heard: &'static str,
}

impl Form {
    fn timestamp(&self) -> String {
        let (d, m, y, hh, mm, ss) = self.when;
        format!("{d:02}/{m:02}/{y} {hh:02}:{mm:02}:{ss:02}")
    }

    /// The TOML offset date-time: Seoul has kept +09:00 all year since 1988.
    fn submitted(&self) -> String {
        let (d, m, y, hh, mm, ss) = self.when;
        format!("{y}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}+09:00")
    }

    fn started(&self) -> String {
        let (y, m, d) = self.started;
        format!("{y}-{m:02}-{d:02}")
    }

    fn cells(&self) -> Vec<String> {
        vec![
            self.timestamp(),
            self.title.clone(),
            self.track.0.into(),
            self.sector.0.into(),
            self.kind.0.into(),
            self.name.clone(),
            self.country.into(),
            self.city.into(),
            self.organization.into(),
            self.email.clone(),
            self.summary.clone(),
            self.status.0.into(),
            self.started(),
            self.beneficiaries.into(),
            self.website.clone(),
            self.budget.to_string(),
            self.heard.into(),
        ]
    }
}

const TRACKS: [(&str, &str); 3] = [
    ("Tech-InnovaCity", "tech-innovacity"),
    ("Human-CentriCity", "human-centricity"),
    ("Leadership", "leadership"),
];
const SECTORS: [(&str, &str); 7] = [
    ("Mobility / Transport", "mobility"),
    ("Safety / Security", "safety"),
    ("Welfare / Health", "welfare"),
    ("Environment", "environment"),
    ("Energy", "energy"),
    ("Culture / Tourism", "culture"),
    ("Governance / Participation", "governance"),
];
const KINDS: [(&str, &str); 3] = [
    ("City government", "city"),
    ("Public institution", "institution"),
    ("Company", "corporation"),
];
const PLACES: [(&str, &str); 10] = [
    ("CO", "Bogotá"),
    ("KR", "Seoul"),
    ("BR", "São Paulo"),
    ("CA", "Montréal"),
    ("CH", "Zürich"),
    ("PT", "Lisboa"),
    ("ES", "A Coruña"),
    ("FR", "Besançon"),
    ("DE", "Köln"),
    ("MX", "Mérida"),
];
const SUMMARIES: [&str; 5] = [
    "Crossings timed for older residents, with \"slow walk\" buttons; 40 intersections so far.",
    "Cooling shelters mapped in real time.\nOpen 24 hours in heat waves — 312 shelters, 18 districts.",
    "Touch-screen kiosks that show where the city's money goes (C:\\budget\\2026 is the open data folder).",
    "A 'one-stop' desk: residents' requests answered within 48 h; 95% satisfaction.",
    "Sensors on 1,200 street lights; the data is published every night.",
];
const BENEFICIARIES: [(&str, &[&str]); 4] = [
    (
        "older adults; people with disabilities;",
        &["older adults", "people with disabilities"],
    ),
    ("residents", &["residents"]),
    (" commuters ;; cyclists ; ", &["commuters", "cyclists"]),
    (
        "informal workers;street vendors",
        &["informal workers", "street vendors"],
    ),
];

/// The 30 rows: every track, sector and applicant type; blank optional cells; quotes, line
/// breaks, delimiters and backslashes in the text; two rows submitted at the same second; the
/// last submitted one second after the deadline (ineligible, which does not refuse the import).
fn rows() -> Vec<Form> {
    (0..30)
        .map(|i| {
            let track = TRACKS[i % 3];
            let kind = if track.1 == "leadership" {
                ("Individual", "individual")
            } else {
                KINDS[(i / 3) % 3]
            };
            let (country, city) = PLACES[i % 10];
            let name = if kind.1 == "individual" {
                format!("Ana María Pérez-{i}")
            } else {
                format!("{city} Smart Office {i}")
            };
            let day = 1 + (i * 7) % 27;
            let mut when = (
                day as u32,
                5,
                2026,
                ((i * 5) % 24) as u32,
                ((i * 13) % 60) as u32,
                ((i * 29) % 60) as u32,
            );
            if i == 5 {
                // The same second as row 4 (index 4): the earlier row gets the lower id.
                when = (1 + (4 * 7) % 27, 5, 2026, 20, 52, 56);
            }
            if i == 29 {
                when = (29, 5, 2026, 18, 0, 1);
            }
            let (beneficiaries, expected) = BENEFICIARIES[i % 4];
            Form {
                when,
                title: format!(
                    "Project {i}: \"{}\"",
                    [
                        "Safe Routes",
                        "Heat Shelters",
                        "Open Budget",
                        "One Desk",
                        "Bright Streets"
                    ][i % 5]
                ),
                track,
                sector: SECTORS[i % 7],
                kind,
                name,
                country,
                city: if kind.1 == "individual" && i % 2 == 0 { "" } else { city },
                organization: if i % 5 == 0 { "" } else { "Secretaría de Innovación" },
                email: format!("contact{i}@example.org"),
                summary: SUMMARIES[i % 5].to_string(),
                status: if i % 2 == 0 {
                    ("In operation", "operational")
                } else {
                    ("Pilot", "pilot")
                },
                started: (2024, 1 + (i % 12) as u32, 1),
                beneficiaries,
                expected_beneficiaries: expected.to_vec(),
                website: if i % 4 == 3 {
                    String::new()
                } else {
                    format!("https://project{i}.example.org")
                },
                budget: 50_000 * (i as u32 + 1),
                heard: ["WeGO newsletter", "", "Search engine"][i % 3],
            }
        })
        .collect()
}

/// Sets row 4 (index 4) to the time that row 5 copies.
fn with_tie(mut forms: Vec<Form>) -> Vec<Form> {
    forms[4].when = forms[5].when;
    forms
}

fn forms() -> Vec<Form> {
    with_tie(rows())
}

fn csv_cell(cell: &str, delimiter: char) -> String {
    if cell.contains(['"', '\n', delimiter]) || cell.trim() != cell {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

fn csv(forms: &[Form], delimiter: char, line_end: &str) -> String {
    let mut out = String::new();
    let mut line = |cells: Vec<String>| {
        let cells: Vec<String> = cells.iter().map(|c| csv_cell(c, delimiter)).collect();
        out.push_str(&cells.join(&delimiter.to_string()));
        out.push_str(line_end);
    };
    line(HEADER.iter().map(|h| h.to_string()).collect());
    for f in forms {
        line(f.cells());
    }
    out
}

/// The UTF-8 export with a byte-order mark, as many portals write it.
fn utf8_bom(forms: &[Form]) -> Vec<u8> {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend(csv(forms, ',', "\n").into_bytes());
    bytes
}

/// The windows-1252 export with semicolons and CRLF, as Excel on Windows saves it.
fn windows_1252(forms: &[Form]) -> Vec<u8> {
    let text = csv(forms, ';', "\r\n");
    let (bytes, _, lossy) = encoding_rs::WINDOWS_1252.encode(&text);
    assert!(!lossy, "the export's text is all in windows-1252");
    bytes.into_owned()
}

/// The workbook: the timestamp and the start date as date cells, the budget as a number.
fn workbook(forms: &[Form]) -> Vec<u8> {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let stamp = Format::new().set_num_format("dd/mm/yyyy hh:mm:ss");
    let day = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in HEADER.iter().enumerate() {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    for (r, f) in forms.iter().enumerate() {
        let row = r as u32 + 1;
        for (c, cell) in f.cells().iter().enumerate() {
            let c = c as u16;
            match c {
                0 => {
                    let (d, m, y, hh, mm, ss) = f.when;
                    let t = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8)
                        .unwrap()
                        .and_hms(hh as u16, mm as u8, ss as f64)
                        .unwrap();
                    sheet.write_datetime_with_format(row, c, &t, &stamp).unwrap();
                }
                12 => {
                    let (y, m, d) = f.started;
                    let t = ExcelDateTime::from_ymd(y as u16, m as u8, d as u8).unwrap();
                    sheet.write_datetime_with_format(row, c, &t, &day).unwrap();
                }
                15 => {
                    sheet.write_number(row, c, f64::from(f.budget)).unwrap();
                }
                _ if cell.is_empty() => {}
                _ => {
                    sheet.write_string(row, c, cell).unwrap();
                }
            }
        }
    }
    book.save_to_buffer().unwrap()
}

/// A fresh `prize init` archive (the Seoul Smart City Prize defaults, with intake.toml).
fn fresh() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = prize();
    cmd.arg("init").arg(dir.path().join("prize"));
    let out = run_cmd(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    dir
}

fn root(dir: &tempfile::TempDir) -> std::path::PathBuf {
    dir.path().join("prize")
}

fn import(archive: &Path, file: &Path, extra: &[&str]) -> Output {
    let map = archive.join("intake.toml");
    let mut args = vec![
        "--format",
        "json",
        "applications",
        "import",
        "--map",
        map.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    args.push(file.to_str().unwrap());
    run(archive, &args)
}

/// Every file below applications/, by path relative to it.
fn files(archive: &Path) -> BTreeMap<String, String> {
    let base = archive.join("applications");
    walkdir::WalkDir::new(&base)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e
                .path()
                .strip_prefix(&base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            (rel, std::fs::read_to_string(e.path()).unwrap())
        })
        .collect()
}

/// The ids the rows must get: numbered from 1 by submission time (Seoul), ties by row order.
fn expected_ids(forms: &[Form]) -> Vec<String> {
    let mut order: Vec<usize> = (0..forms.len()).collect();
    let key = |f: &Form| {
        let (d, m, y, hh, mm, ss) = f.when;
        (y, m, d, hh, mm, ss)
    };
    order.sort_by_key(|&i| (key(&forms[i]), i));
    let mut ids = vec![String::new(); forms.len()];
    for (n, &i) in order.iter().enumerate() {
        ids[i] = format!("SSCP-2026-{:04}", n + 1);
    }
    ids
}

fn statuses(report: &Value) -> Vec<String> {
    report["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["status"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn three_forms_of_one_export_give_the_same_files_and_every_field_as_exported() {
    let forms = forms();
    let exports: [(&str, Vec<u8>, &[&str]); 3] = [
        ("form.csv", utf8_bom(&forms), &[]),
        ("form.xlsx", workbook(&forms), &[]),
        ("form-excel.csv", windows_1252(&forms), &["--encoding", "windows-1252"]),
    ];
    let mut written: Vec<BTreeMap<String, String>> = Vec::new();
    for (name, bytes, args) in &exports {
        let dir = fresh();
        let archive = root(&dir);
        let file = dir.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let out = import(&archive, &file, args);
        assert_eq!(out.code, 0, "{name}: {}\n{}", out.stdout, out.stderr);
        let report = out.json();
        assert_eq!(report["rows"], 30, "{name}");
        assert_eq!(statuses(&report), vec!["imported"; 30], "{name}");
        // The late row is reported, and refuses nothing.
        let late: Vec<&Value> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "late-submission")
            .collect();
        assert_eq!(late.len(), 1, "{name}: {report}");
        assert_eq!(
            (late[0]["line"].as_u64(), late[0]["column"].as_u64()),
            (Some(31), Some(1))
        );
        let (code, validation) = common::validate_json(&archive);
        assert_eq!(code, 0, "{name}: {validation}");
        assert_eq!(validation["summary"]["applications"], 30);
        assert_eq!(validation["summary"]["errors"], 0);
        assert_eq!(validation["summary"]["ineligible"], 1);
        written.push(files(&archive));
    }
    assert_eq!(written[0], written[1], "the workbook gives the CSV's files");
    assert_eq!(written[0], written[2], "the windows-1252 export gives the same files");

    let ids = expected_ids(&forms);
    let number = |id: &str| id["SSCP-2026-".len()..].parse::<u32>().unwrap();
    assert_eq!(number(&ids[4]) + 1, number(&ids[5]), "a tie goes by row order: {ids:?}");
    for (f, id) in forms.iter().zip(&ids) {
        let path = format!("{}/{id}.toml", f.track.1);
        let text = written[0].get(&path).unwrap_or_else(|| panic!("no {path}"));
        let doc: toml::Table = text.parse().unwrap();
        let s = |v: &toml::Value| v.as_str().unwrap().to_string();
        assert_eq!(s(&doc["id"]), *id);
        assert_eq!(s(&doc["title"]), f.title);
        assert_eq!(s(&doc["track"]), f.track.1);
        assert_eq!(s(&doc["sector"]), f.sector.1);
        assert_eq!(
            doc["submitted"].as_datetime().unwrap().to_string(),
            f.submitted(),
            "{id}"
        );
        let a = doc["applicant"].as_table().unwrap();
        assert_eq!(s(&a["type"]), f.kind.1);
        assert_eq!(s(&a["name"]), f.name);
        assert_eq!(s(&a["country"]), f.country);
        assert_eq!(a.get("city").map(s), (!f.city.is_empty()).then(|| f.city.to_string()));
        assert_eq!(
            a.get("organization").map(s),
            (!f.organization.is_empty()).then(|| f.organization.to_string())
        );
        assert_eq!(s(&a["email"]), f.email);
        let p = doc["project"].as_table().unwrap();
        assert_eq!(s(&p["summary"]), f.summary);
        assert_eq!(s(&p["status"]), f.status.1);
        assert_eq!(p["started"].as_datetime().unwrap().to_string(), f.started());
        let list: Vec<String> = p["beneficiaries"].as_array().unwrap().iter().map(s).collect();
        assert_eq!(list, f.expected_beneficiaries);
        assert_eq!(
            p.get("website").map(s),
            (!f.website.is_empty()).then(|| f.website.clone())
        );
        let e = doc["extra"].as_table().unwrap();
        assert_eq!(s(&e["budget_usd_"]), f.budget.to_string());
        assert_eq!(
            e.get("how_did_you_hear_about_the_prize_").map(s),
            (!f.heard.is_empty()).then(|| f.heard.to_string())
        );
        assert_eq!(
            e.len(),
            1 + usize::from(!f.heard.is_empty()),
            "{id}: only unmapped columns"
        );
        // The keys in the order of section 1.3.
        let keys: Vec<&str> = doc.keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            [
                "id",
                "title",
                "track",
                "sector",
                "submitted",
                "applicant",
                "project",
                "extra"
            ]
        );
    }
    // Midnight in Seoul is the day before in UTC: 01/05 00:00:00 +09:00 is 30/04 15:00 UTC.
    let first = forms.iter().position(|f| f.when.0 == 1 && f.when.3 == 0).unwrap();
    assert_eq!(forms[first].submitted(), "2026-05-01T00:00:00+09:00");
    let dt: toml::value::Datetime = forms[first].submitted().parse().unwrap();
    assert_eq!(dt.offset, Some(toml::value::Offset::Custom { minutes: 540 }));
}

#[test]
fn importing_again_changes_nothing_and_hand_edits_are_kept_unless_replace() {
    let forms = forms();
    let dir = fresh();
    let archive = root(&dir);
    let file = dir.path().join("form.csv");
    std::fs::write(&file, utf8_bom(&forms)).unwrap();
    assert_eq!(import(&archive, &file, &[]).code, 0);
    let before = files(&archive);
    let again = import(&archive, &file, &[]);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(statuses(&again.json()), vec!["unchanged"; 30]);
    assert_eq!(files(&archive), before);

    // The secretariat screens one application by hand: the screening is the file's own, so
    // importing again leaves the file as it is.
    let ids = expected_ids(&forms);
    let edited = format!("{}/{}.toml", forms[0].track.1, ids[0]);
    let on_disk = archive.join("applications").join(&edited);
    let screened = format!("{}\n[screening]\ndecision = \"accept\"\n", before[&edited]);
    std::fs::write(&on_disk, &screened).unwrap();
    let kept = import(&archive, &file, &[]);
    assert_eq!(kept.code, 0, "{}", kept.stdout);
    assert_eq!(statuses(&kept.json()), vec!["unchanged"; 30]);
    assert_eq!(std::fs::read_to_string(&on_disk).unwrap(), screened);

    // A title corrected by hand is a different file: refused, and kept, unless --replace.
    let corrected = screened.replacen("title = ", "title = \"Corrected\"\n# was: ", 1);
    std::fs::write(&on_disk, &corrected).unwrap();
    let refused = import(&archive, &file, &[]);
    assert_eq!(refused.code, 1, "{}", refused.stdout);
    let report = refused.json();
    let refused_files: Vec<&Value> = report["files"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["status"] == "refused")
        .collect();
    assert_eq!(refused_files.len(), 1);
    assert_eq!(refused_files[0]["file"], format!("applications/{edited}"));
    assert_eq!(refused_files[0]["row"], 2);
    assert_eq!(std::fs::read_to_string(&on_disk).unwrap(), corrected);
    let human = run(
        &archive,
        &[
            "applications",
            "import",
            "--map",
            archive.join("intake.toml").to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    );
    assert!(
        human.stdout.contains("refused: a different file is there"),
        "{}",
        human.stdout
    );
    assert!(human.stdout.contains("29 unchanged, 1 refused"), "{}", human.stdout);

    let dry = import(&archive, &file, &["--replace", "--dry-run"]);
    assert_eq!(dry.code, 0);
    assert_eq!(
        statuses(&dry.json()).iter().filter(|s| *s == "would-replace").count(),
        1
    );
    assert_eq!(std::fs::read_to_string(&on_disk).unwrap(), corrected);
    // --replace writes the export's values and keeps the screening, before [extra].
    let replaced = import(&archive, &file, &["--replace"]);
    assert_eq!(replaced.code, 0);
    assert_eq!(
        statuses(&replaced.json()).iter().filter(|s| *s == "replaced").count(),
        1
    );
    let now = std::fs::read_to_string(&on_disk).unwrap();
    let mut doc: toml::Table = now.parse().unwrap();
    assert_eq!(doc["title"].as_str(), Some(forms[0].title.as_str()));
    let screening = doc.remove("screening").expect("the screening is kept");
    assert_eq!(screening["decision"].as_str(), Some("accept"));
    assert_eq!(doc, before[&edited].parse::<toml::Table>().unwrap());
    assert!(now.find("[screening]").unwrap() < now.find("[extra]").unwrap(), "{now}");
    let (code, validation) = common::validate_json(&archive);
    assert_eq!(
        (code, validation["summary"]["errors"].as_u64()),
        (0, Some(0)),
        "{validation}"
    );
    let mut others = files(&archive);
    others.remove(&edited);
    let mut expected = before.clone();
    expected.remove(&edited);
    assert_eq!(others, expected);
}

#[test]
fn a_bad_row_refuses_everything_and_names_its_row_and_column() {
    let mut forms = forms();
    forms[6].email = "not-an-email".into();
    forms[10].sector = ("Space exploration", "Space exploration");
    forms[12].when.0 = 31;
    forms[12].when.1 = 4;
    forms[20].name = String::new();
    let dir = fresh();
    let archive = root(&dir);
    let file = dir.path().join("form.csv");
    std::fs::write(&file, utf8_bom(&forms)).unwrap();
    let out = import(&archive, &file, &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let report = out.json();
    assert_eq!(report["refused"], true);
    assert!(report["files"].as_array().unwrap().is_empty());
    let errors: Vec<(String, u64, u64, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
                f["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let at: Vec<(&str, u64, u64)> = errors.iter().map(|(c, l, col, _)| (c.as_str(), *l, *col)).collect();
    // Row = index + 2 (the header is row 1); columns as in HEADER, from 1.
    assert_eq!(
        at,
        [
            ("invalid-value", 8, 10),
            ("unknown-sector", 12, 4),
            ("invalid-value", 14, 1),
            ("missing-field", 22, 6),
        ],
        "{errors:#?}"
    );
    assert!(
        errors[0].3.starts_with("row 8, column \"Contact e-mail\": "),
        "{}",
        errors[0].3
    );
    assert!(
        errors[1].3.starts_with("row 12, column \"Sector\": "),
        "{}",
        errors[1].3
    );
    assert!(errors[2].3.contains("\"31/04/2026"), "{}", errors[2].3);
    assert!(
        errors[3].3.starts_with("row 22, column \"Applicant name\": "),
        "{}",
        errors[3].3
    );
    assert!(files(&archive).is_empty(), "nothing is written");
    assert_eq!(report["findings"][0]["file"], file.to_str().unwrap());
}

#[test]
fn dry_run_writes_nothing() {
    let dir = fresh();
    let archive = root(&dir);
    let file = dir.path().join("form.xlsx");
    std::fs::write(&file, workbook(&forms())).unwrap();
    let out = import(&archive, &file, &["--dry-run"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(statuses(&out.json()), vec!["would-import"; 30]);
    assert!(files(&archive).is_empty());
    let human = run(
        &archive,
        &[
            "applications",
            "import",
            "--dry-run",
            "--map",
            archive.join("intake.toml").to_str().unwrap(),
            file.to_str().unwrap(),
        ],
    );
    assert!(human.stdout.contains("30 rows: 30 would import"), "{}", human.stdout);
    assert!(human.stdout.contains("nothing written (--dry-run)"), "{}", human.stdout);
    assert!(files(&archive).is_empty());
}

#[test]
fn errors_in_the_map_are_findings_with_line_and_column() {
    let dir = fresh();
    let archive = root(&dir);
    let map = archive.join("intake.toml");
    let text = std::fs::read_to_string(&map).unwrap();
    let text = text
        .replace("timezone = \"Asia/Seoul\"", "timezone = \"Asia/Seol\"")
        .replace("email = \"Contact e-mail\"", "emial = \"Contact e-mail\"");
    std::fs::write(&map, &text).unwrap();
    let file = dir.path().join("form.csv");
    std::fs::write(&file, utf8_bom(&forms())).unwrap();
    let out = import(&archive, &file, &[]);
    assert_eq!(out.code, 1);
    let report = out.json();
    let line_of = |needle: &str| text.lines().position(|l| l.contains(needle)).unwrap() as u64 + 1;
    let col_of = |needle: &str, part: &str| {
        let line = text.lines().find(|l| l.contains(needle)).unwrap();
        line[..line.find(part).unwrap()].chars().count() as u64 + 1
    };
    let keys = common::positions(&report);
    assert!(
        keys.contains(&common::at(
            "invalid-value",
            line_of("Asia/Seol"),
            col_of("Asia/Seol", "\"Asia/Seol\"")
        )),
        "{keys:?}"
    );
    assert!(
        keys.contains(&common::at("unknown-field", line_of("emial"), 1)),
        "{keys:?}"
    );
    assert!(files(&archive).is_empty());
    // A map naming a column the export lacks points at the name in the map.
    std::fs::write(&map, json_free_map()).unwrap();
    let out = import(&archive, &file, &[]);
    assert_eq!(out.code, 1);
    let report = out.json();
    assert_eq!(common::positions(&report), [common::at("missing-column", 2, 9)]);
    assert!(
        report["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("Project title")
    );
}

/// A map whose `title` names a column that is not in the export.
fn json_free_map() -> String {
    std::fs::read_to_string(common::fixtures().join("intake/intake.toml"))
        .unwrap()
        .replace("title = \"Project title\"", "title = \"Project tilte\"")
}

#[test]
fn the_sample_export_imports_cleanly() {
    let dir = fresh();
    let archive = root(&dir);
    let out = import(&archive, &common::fixtures().join("intake/export.csv"), &[]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let (code, report) = common::validate_json(&archive);
    assert_eq!((code, report["summary"]["eligible"].as_u64()), (0, Some(3)), "{report}");
}

/// The sample export with `column` (header, then one cell per row) added in front.
fn with_column(header: &str, cells: &[&str]) -> String {
    let mut reader = csv::Reader::from_path(common::fixtures().join("intake/export.csv")).unwrap();
    let mut out = csv::Writer::from_writer(Vec::new());
    let mut head = vec![header.to_string()];
    head.extend(reader.headers().unwrap().iter().map(String::from));
    out.write_record(&head).unwrap();
    for (record, cell) in reader.records().zip(cells) {
        let mut row = vec![cell.to_string()];
        row.extend(record.unwrap().iter().map(String::from));
        out.write_record(&row).unwrap();
    }
    String::from_utf8(out.into_inner().unwrap()).unwrap()
}

#[test]
fn ids_from_a_column_are_unique_and_a_mapped_header_is_unambiguous() {
    let dir = fresh();
    let archive = root(&dir);
    let map = archive.join("intake.toml");
    let text = std::fs::read_to_string(&map).unwrap();
    let by_column = text.replace(
        "id = { prefix = \"SSCP-2026-\", digits = 4 }",
        "id = \"Application no.\"",
    );
    std::fs::write(&map, &by_column).unwrap();
    let file = dir.path().join("form.csv");
    std::fs::write(&file, with_column("Application no.", &["A-1", "A-2", "A-1"])).unwrap();
    let out = import(&archive, &file, &[]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let report = out.json();
    assert_eq!(common::positions(&report), [common::at("duplicate-id", 4, 1)]);
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(message.contains("row 2 of"), "{message}");
    assert!(files(&archive).is_empty());

    // Distinct ids: the files are named by them, and the id column is not kept in [extra].
    std::fs::write(&file, with_column("Application no.", &["A-1", "A-2", "A-3"])).unwrap();
    assert_eq!(import(&archive, &file, &[]).code, 0);
    let written = files(&archive);
    let names: Vec<&str> = written.keys().map(String::as_str).collect();
    assert_eq!(
        names,
        [
            "human-centricity/A-1.toml",
            "tech-innovacity/A-2.toml",
            "tech-innovacity/A-3.toml"
        ]
    );
    assert!(!written["tech-innovacity/A-2.toml"].contains("application_no"));

    // Two columns named "Track": which one feeds `track` is unclear.
    std::fs::write(&map, &text).unwrap();
    std::fs::write(&file, with_column("Track", &["x", "y", "z"])).unwrap();
    let out = import(&archive, &file, &["--dry-run"]);
    assert_eq!(out.code, 1);
    let report = out.json();
    let line = text.lines().position(|l| l.starts_with("track = ")).unwrap() as u64 + 1;
    assert_eq!(common::positions(&report), [common::at("missing-column", line, 9)]);
    assert!(
        report["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("has 2 columns named \"Track\"")
    );
}

#[test]
fn in_a_workbook_a_problem_also_names_its_cell() {
    let mut forms = forms();
    forms[6].email = "not-an-email".into();
    let dir = fresh();
    let archive = root(&dir);
    let file = dir.path().join("form.xlsx");
    std::fs::write(&file, workbook(&forms)).unwrap();
    let out = import(&archive, &file, &[]);
    assert_eq!(out.code, 1);
    let report = out.json();
    assert_eq!(common::positions(&report)[0], common::at("invalid-value", 8, 10));
    let message = report["findings"][0]["message"].as_str().unwrap();
    assert!(
        message.starts_with("row 8, column \"Contact e-mail\" (J8): "),
        "{message}"
    );
    assert!(files(&archive).is_empty());
}

#[test]
fn an_unreadable_export_is_one_finding_and_a_header_alone_imports_nothing() {
    let dir = fresh();
    let archive = root(&dir);
    let empty = dir.path().join("empty.csv");
    std::fs::write(&empty, b"").unwrap();
    let out = import(&archive, &empty, &[]);
    assert_eq!(out.code, 1);
    assert_eq!(common::positions(&out.json()), [common::at("missing-column", 1, 1)]);
    let latin = dir.path().join("latin.csv");
    std::fs::write(&latin, windows_1252(&forms())).unwrap();
    let out = import(&archive, &latin, &[]);
    assert_eq!(out.code, 1, "windows-1252 without --encoding is not UTF-8");
    let report = out.json();
    assert_eq!(report["findings"].as_array().unwrap().len(), 1, "{report}");
    assert_eq!(report["findings"][0]["code"], "not-utf8");
    assert!(
        report["findings"][0]["help"]
            .as_str()
            .unwrap()
            .contains("prize applications import --encoding"),
        "{report}"
    );
    let header = dir.path().join("header.csv");
    std::fs::write(&header, format!("{}\n", HEADER.join(","))).unwrap();
    let out = import(&archive, &header, &[]);
    assert_eq!(out.code, 0);
    assert_eq!(out.json()["rows"], 0);
    assert!(files(&archive).is_empty());
}

#[test]
fn several_exports_import_as_one_numbered_together() {
    let forms = forms();
    let whole = fresh();
    let file = whole.path().join("form.csv");
    std::fs::write(&file, utf8_bom(&forms)).unwrap();
    assert_eq!(import(&root(&whole), &file, &[]).code, 0);

    let split = fresh();
    let archive = root(&split);
    let first = split.path().join("first.csv");
    let second = split.path().join("second.xlsx");
    std::fs::write(&first, utf8_bom(&forms[..12])).unwrap();
    std::fs::write(&second, workbook(&forms[12..])).unwrap();
    let map = archive.join("intake.toml");
    let out = run(
        &archive,
        &[
            "--format",
            "json",
            "applications",
            "import",
            "--map",
            map.to_str().unwrap(),
            first.to_str().unwrap(),
            second.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let report = out.json();
    assert_eq!(report["rows"], 30);
    // Rows are named by their own export and row.
    let last = &report["files"][29];
    assert_eq!(
        (last["export"].as_str(), last["row"].as_u64()),
        (second.to_str(), Some(19))
    );
    assert_eq!(files(&archive), files(&root(&whole)));
}

#[test]
fn a_refused_import_reads_like_validate() {
    let mut forms = forms();
    forms[6].email = "not-an-email".into();
    forms[20].name = String::new();
    let dir = fresh();
    std::fs::write(dir.path().join("form.csv"), utf8_bom(&forms)).unwrap();
    let mut cmd = prize();
    cmd.current_dir(dir.path()).args([
        "-C",
        "prize",
        "applications",
        "import",
        "--map",
        "prize/intake.toml",
        "form.csv",
    ]);
    let out = run_cmd(cmd);
    assert_eq!(out.code, 1);
    insta::assert_snapshot!(out.stdout);
}
