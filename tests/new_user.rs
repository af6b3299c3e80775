//! What a new user tripped on in the commands' output (issue 7, item 4): rows-only CSV and
//! Markdown from `winners`, the warnings `scores import` owes, blank sheets over stored scores,
//! `progress` before anything competes, one finding for a broken criterion, `explain-code` for
//! every code, and the scoring coverage of `stats`.
//!
//! Every archive is written by its test. One criterion, `impact`, from 0 to 10 with weight 1,
//! makes a judge's total T = 100 · x / 10 = 10 · x, so a 10 is 100 and a 5 is 50 exactly.

mod common;

use std::fs;
use std::path::Path;

use common::{Application, Archive, Output, attachment, json, run, scores_import};
use serde_json::Value;

const PRIZE: &str = r#"
[prize]
name = "New User Prize"
edition = "2026"
sectors = ["mobility"]
applicant_types = ["city", "corporation"]

[[tracks]]
id = "projects"
name = "Projects"
applicant_types = ["city", "corporation"]

[[criteria]]
id = "impact"
name = "Impact"
weight = 1
min = 0
max = 10

[scoring]
method = "mean"
min_judges = 2
"#;

/// Two rounds: `first` sends one application on to `final`.
const ROUNDS: &str = r#"
[[rounds]]
id = "first"
name = "First round"
advance = 1

[[rounds]]
id = "final"
name = "Final"

[[awards]]
id = "gold"
name = "Gold"
track = "projects"
count = 1
"#;

/// The roster, after a blank line.
fn judges() -> String {
    format!("\n{}", common::THREE_JUDGES)
}

/// An application of the `projects` track by a city; `screening` is appended as written.
fn application(id: &str, screening: &str) -> String {
    Application::new(id)
        .name(&format!("Applicant {id}"))
        .email(&format!("a@{id}.example.org"))
        .beneficiaries(None)
        .extra(&format!("{screening}\n"))
        .toml()
}

const REJECTED: &str = "\n[screening]\ndecision = \"reject\"\nreason = \"out of scope\"\n";

/// A1, A2, A3 compete in `first`; X1 is rejected at screening. `ja` scored A1 10, A2 5, A3 10;
/// `jb` scored A1 10, A2 5. Means: A1 100 (2 judges), A2 50 (2 judges), A3 unranked (1 judge
/// of the 2 needed), so A1 alone advances to `final`, where `ja` gave it an 8.
fn two_rounds() -> Archive {
    Archive::new()
        .config(&format!("{PRIZE}{ROUNDS}"))
        .judges(&judges())
        .application("A1.toml", &application("A1", ""))
        .application("A2.toml", &application("A2", ""))
        .application("A3.toml", &application("A3", ""))
        .application("X1.toml", &application("X1", REJECTED))
        .sheet("first", "ja", "application,impact,comment\nA1,10,\nA2,5,\nA3,10,\n")
        .sheet("first", "jb", "application,impact,comment\nA1,10,\nA2,5,\n")
        .sheet("final", "ja", "application,impact,comment\nA1,8,\n")
        .assignment("first", "application,judge\nA1,ja\nA1,jb\nA2,ja\nA2,jb\nA3,ja\n")
}

/// (code, line) of every finding of a JSON list of findings, sorted.
fn codes_and_lines(findings: &Value) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = findings
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["code"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
        .collect();
    out.sort();
    out
}

// --- winners ---------------------------------------------------------------------------------

/// One round. `ja` and `jb` both gave A1 and A2 a 10 (mean 100, tied) and A3 a 5 (mean 50).
/// Gold (count 1) is tied at its cutoff: A1 and A2, A1 the provisional winner by id. The
/// Corporate Prize is for corporations only, and every applicant is a city: 1 place unfilled.
fn tied_gold() -> Archive {
    let awards = r#"
[[rounds]]
id = "final"
name = "Final"

[[awards]]
id = "gold"
name = "Gold"
track = "projects"
count = 1

[[awards]]
id = "corporate"
name = "Corporate Prize"
track = "projects"
count = 1
applicant_types = ["corporation"]
"#;
    let sheet = "application,impact,comment\nA1,10,\nA2,10,\nA3,5,\n";
    Archive::new()
        .config(&format!("{PRIZE}{awards}"))
        .judges(&judges())
        .application("A1.toml", &application("A1", ""))
        .application("A2.toml", &application("A2", ""))
        .application("A3.toml", &application("A3", ""))
        .sheet("final", "ja", sheet)
        .sheet("final", "jb", sheet)
}

#[test]
fn winners_csv_is_rows_only_with_numbers_and_a_tied_column() {
    let dir = tied_gold();
    let Output { code, stdout, stderr } = run(dir.path(), &["winners", "--format", "csv"]);
    assert_eq!(
        code, 1,
        "a tie at Gold's cutoff is undecided: exit 1 as before\n{stderr}"
    );
    let mut reader = csv::Reader::from_reader(stdout.as_bytes());
    let headers: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let column = |name: &str| {
        headers
            .iter()
            .position(|h| h == name)
            .unwrap_or_else(|| panic!("no column `{name}` in {headers:?}"))
    };
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 1, "one row per winner, nothing else:\n{stdout}");
    let row = &rows[0];
    assert_eq!(&row[column("award")], "gold");
    assert_eq!(&row[column("id")], "A1");
    assert_eq!(row[column("rank")].parse::<u64>().ok(), Some(1), "{stdout}");
    let score: f64 = row[column("score")].parse().unwrap();
    assert!((score - 100.0).abs() < 1e-9, "{stdout}");
    assert_eq!(&row[column("tied")], "true");
    // The ceremony's columns (spec section 10), from A1's file.
    assert_eq!(&row[column("title")], "Project A1");
    assert_eq!(&row[column("email")], "a@A1.example.org");
    assert!(row[column("country_name")].starts_with("Korea"), "{stdout}");
    for prose in ["jury_order", "unfilled", "undecided", "applications:"] {
        assert!(!stdout.contains(prose), "`{prose}` is not a row:\n{stdout}");
    }
    assert!(stderr.contains("jury_order = [\"A1\", \"A2\"]"), "{stderr}");
    assert!(stderr.contains("Corporate Prize: 1 place unfilled"), "{stderr}");
}

#[test]
fn winners_markdown_is_one_table_and_advice_goes_to_stderr() {
    let dir = tied_gold();
    let Output { code, stdout, stderr } = run(dir.path(), &["winners", "--format", "markdown"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "header, rule, one winner:\n{stdout}");
    assert!(lines.iter().all(|l| l.starts_with('|')), "{stdout}");
    assert!(lines[0].contains("| tied |"), "{stdout}");
    assert!(
        lines[2].contains("| Gold |") && lines[2].contains("| A1 |") && lines[2].contains("| 100.00 |"),
        "{stdout}"
    );
    assert!(lines[2].ends_with("| true |"), "{stdout}");
    assert!(stderr.contains("jury_order = [\"A1\", \"A2\"]"), "{stderr}");
    assert!(stderr.contains("Corporate Prize: 1 place unfilled"), "{stderr}");
}

// --- scores import ---------------------------------------------------------------------------

#[test]
fn import_prints_the_warnings_the_stored_sheet_will_give() {
    let dir = two_rounds();
    let mail = tempfile::tempdir().unwrap();
    // jc has no assignment in `first`: both scored rows are not-assigned (lines 2 and 3); X1 was
    // rejected at screening, so its row is also not-competing (line 3). A2's blank row is no score.
    let sheet = attachment(
        mail.path(),
        "jc.csv",
        "application,impact,comment\nA1,5,\nX1,5,\nA2,,\n",
    );
    let Output { code, stdout, stderr } =
        scores_import(dir.path(), &["--round", "first", "--format", "json"], &[&sheet]);
    assert_eq!(code, 0, "warnings do not refuse a sheet\n{stderr}");
    let report = json(&stdout);
    assert_eq!(report[0]["status"], "imported");
    let expected = vec![
        ("not-assigned".to_string(), 2),
        ("not-assigned".to_string(), 3),
        ("not-competing".to_string(), 3),
    ];
    assert_eq!(codes_and_lines(&report[0]["findings"]), expected);
    // The same warnings, at the same lines, as validate gives for the stored sheet.
    let Output { stdout: validate, .. } = run(dir.path(), &["validate", "--format", "json"]);
    let all = json(&validate);
    let stored: Vec<Value> = all["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["file"] == "scores/first/jc.csv")
        .cloned()
        .collect();
    assert_eq!(codes_and_lines(&Value::Array(stored)), expected);

    // Human output shows them too, before the line that says it was imported.
    let again = attachment(
        mail.path(),
        "jc.csv",
        "application,impact,comment\nA1,6,\nX1,5,\nA2,,\n",
    );
    let Output {
        code, stdout: human, ..
    } = scores_import(dir.path(), &["--round", "first", "--replace"], &[&again]);
    assert_eq!(code, 0);
    assert!(human.contains("warning[not-competing]"), "{human}");
    assert!(human.contains("warning[not-assigned]"), "{human}");
    assert!(human.contains("scores/first/jc.csv: replaced"), "{human}");
}

#[test]
fn import_into_a_later_round_warns_about_applications_that_did_not_advance() {
    let dir = two_rounds();
    let mail = tempfile::tempdir().unwrap();
    // Only A1 advanced to `final` (see two_rounds): A2's score is not counted there.
    let sheet = attachment(mail.path(), "jb.csv", "application,impact,comment\nA1,7,\nA2,9,\n");
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "final", "--format", "json"], &[&sheet]);
    assert_eq!(code, 0);
    let report = json(&stdout);
    assert_eq!(report[0]["status"], "imported");
    assert_eq!(
        codes_and_lines(&report[0]["findings"]),
        vec![("not-competing".to_string(), 3)]
    );
    assert!(
        report[0]["findings"][0]["message"]
            .as_str()
            .unwrap()
            .contains("did not advance"),
        "{stdout}"
    );
}

#[test]
fn a_blank_sheet_over_stored_scores_says_how_many_it_removes() {
    let dir = two_rounds();
    let mail = tempfile::tempdir().unwrap();
    let before = fs::read(dir.path().join("scores/first/ja.csv")).unwrap();
    // ja's stored sheet scores A1, A2 and A3: a template with every cell blank removes all 3.
    let blank = attachment(mail.path(), "ja.csv", "application,impact,comment\nA1,,\nA2,,\nA3,,\n");
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first"], &[&blank]);
    assert_eq!(code, 1, "refused without --replace, as before\n{stdout}");
    assert!(stdout.contains("removes 3 scores"), "{stdout}");
    assert!(stdout.contains("refused"), "{stdout}");
    assert_eq!(fs::read(dir.path().join("scores/first/ja.csv")).unwrap(), before);

    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first", "--format", "json"], &[&blank]);
    assert_eq!(code, 1);
    assert_eq!(json(&stdout)[0]["scores_removed"], 3);

    // With --replace it is stored, and still says what it removed. Dropping A3's row and
    // blanking A2 removes 2 scores; A1 keeps its 10.
    let fewer = attachment(mail.path(), "ja.csv", "application,impact,comment\nA1,10,\nA2,,\n");
    let Output { code, stdout, .. } = scores_import(dir.path(), &["--round", "first", "--replace"], &[&fewer]);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.contains("replaced") && stdout.contains("removes 2 scores"),
        "{stdout}"
    );
}

// --- progress --------------------------------------------------------------------------------

#[test]
fn progress_says_when_nothing_competes_yet() {
    // Only X1, rejected at screening: nothing competes in `first`, and no sheet exists, so
    // nothing has advanced to `final` either.
    let dir = Archive::new()
        .config(&format!("{PRIZE}{ROUNDS}"))
        .judges(&judges())
        .application("X1.toml", &application("X1", REJECTED));
    let Output { code, stdout, .. } = run(dir.path(), &["progress", "--round", "first"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("nothing competes in round `first` yet: no application is eligible"),
        "{stdout}"
    );
    assert!(!stdout.contains("every competing application"), "{stdout}");
    assert!(!stdout.contains('┌'), "no empty table:\n{stdout}");

    let Output { code, stdout, .. } = run(dir.path(), &["progress", "--round", "final"]);
    assert_eq!(code, 0);
    assert!(
        stdout.contains("nothing competes in round `final` yet: no application has advanced from round `first`"),
        "{stdout}"
    );

    let Output { stdout, .. } = run(dir.path(), &["progress", "--round", "first", "--format", "json"]);
    assert_eq!(json(&stdout)["competing"], 0);
}

// --- a broken criterion ----------------------------------------------------------------------

#[test]
fn a_broken_criterion_is_one_finding_not_one_per_sheet() {
    let dir = two_rounds();
    // A second criterion whose max (5) is not above its min (10), named by a tie-break key;
    // every stored sheet has a `design` column for it.
    let prize = PRIZE.replace("min_judges = 2", "min_judges = 2\ntie_break = [\"criterion:design\"]");
    let broken =
        format!("{prize}\n[[criteria]]\nid = \"design\"\nname = \"Design\"\nweight = 1\nmin = 10\nmax = 5\n{ROUNDS}");
    let mut dir = dir.config(&broken);
    for (round, judge, rows) in [
        ("first", "ja", "A1,10,10,\nA2,5,10,\n"),
        ("first", "jb", "A1,10,10,\n"),
        ("final", "ja", "A1,8,10,\n"),
    ] {
        dir = dir.sheet(round, judge, &format!("application,impact,design,comment\n{rows}"));
    }
    let Output { code, stdout, .. } = run(dir.path(), &["validate", "--format", "json"]);
    assert_eq!(code, 1);
    let report = json(&stdout);
    let found: Vec<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
            )
        })
        // X1's screening-rejected is about X1, not about the configuration or the sheets.
        .filter(|(_, file)| !file.starts_with("applications/"))
        .collect();
    assert_eq!(
        found,
        vec![("config-invalid".to_string(), "prize.toml".to_string())],
        "{stdout}"
    );
}

// --- explain-code ----------------------------------------------------------------------------

/// Codes other engineers are adding: expected in the registry once defined in the source.
const EXPECTED_SOON: &[&str] = &["stray-file", "pick-not-eligible"];

/// Every code string the source gives a finding or a reason: the `name` of each `Code`
/// definition (written out, or through a `*_code!` macro) and each `reason: "..."`.
fn codes_in_source() -> Vec<String> {
    let mut codes = Vec::new();
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    for entry in walkdir::WalkDir::new(src) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = ["Code {", "_code!(", "reason: \""]
            .iter()
            .filter_map(|m| rest.find(m).map(|i| (i, *m)))
            .min()
        {
            let (i, marker) = at;
            let after = &rest[i + marker.len()..];
            rest = after;
            if marker == "_code!(" && rest.trim_start().starts_with('$') {
                continue;
            }
            let literal = match marker {
                "reason: \"" => Some(after),
                // The name within the definition's braces (not a later struct's `name`).
                "Code {" => {
                    let body = &after[..after.find('}').unwrap_or(after.len())];
                    body.find("name: \"").map(|j| &after[j + 7..])
                }
                _ => after.find('"').map(|j| &after[j + 1..]),
            };
            let Some(literal) = literal else { continue };
            let name: String = literal.chars().take_while(|c| *c != '"').collect();
            let kebab = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
            if kebab && !codes.contains(&name) {
                codes.push(name);
            }
        }
    }
    codes.sort();
    codes
}

#[test]
fn explain_code_knows_every_code_in_the_source() {
    let codes = codes_in_source();
    // 39 codes are defined today (section 3's 36, not-competing, disconnected-judging and
    // not-assigned) plus the reason insufficient-scores: a scan that finds far fewer is broken.
    assert!(codes.len() >= 38, "{codes:?}");
    for must in [
        "insufficient-scores",
        "not-competing",
        "disconnected-judging",
        "late-submission",
    ] {
        assert!(codes.iter().any(|c| c == must), "the scan missed `{must}`: {codes:?}");
    }
    for soon in EXPECTED_SOON {
        if !codes.iter().any(|c| c == soon) {
            println!("note: `{soon}` is not defined yet; skipped until it is");
        }
    }
    let Output { stdout: listing, .. } = run(Path::new("."), &["explain-code"]);
    for code in &codes {
        let Output {
            code: status,
            stdout: text,
            stderr,
        } = run(Path::new("."), &["explain-code", code]);
        assert_eq!(status, 0, "`prize explain-code {code}`: {stderr}");
        assert!(text.starts_with(&format!("{code} (")), "{text}");
        assert!(text.lines().count() > 3, "a real explanation for `{code}`:\n{text}");
        assert!(
            listing.lines().any(|l| l.split_whitespace().next() == Some(code)),
            "`prize explain-code` lists `{code}`"
        );
    }
}

// --- stats -----------------------------------------------------------------------------------

#[test]
fn stats_shows_the_scoring_coverage_of_each_round() {
    let dir = two_rounds();
    // By hand (see two_rounds): `first`: 3 compete (X1 is rejected), A1 and A2 have the 2
    // totals min_judges asks for, 5 totals count (3 from ja, 2 from jb), 2 judges scored.
    // `final`: A1 alone competes, with 1 total from 1 judge: none has 2.
    let Output { code, stdout, .. } = run(dir.path(), &["stats", "--format", "json"]);
    assert_eq!(code, 0);
    let coverage = &json(&stdout)["coverage"];
    let rows: Vec<(String, u64, u64, u64, u64)> = coverage
        .as_array()
        .unwrap_or_else(|| panic!("no coverage: {stdout}"))
        .iter()
        .map(|r| {
            let n = |k: &str| r[k].as_u64().unwrap_or_else(|| panic!("no `{k}`: {r}"));
            (
                r["round"].as_str().unwrap().to_string(),
                n("competing"),
                n("with_min_judges"),
                n("totals"),
                n("judges"),
            )
        })
        .collect();
    assert_eq!(
        rows,
        vec![("first".to_string(), 3, 2, 5, 2), ("final".to_string(), 1, 0, 1, 1)]
    );

    let Output { stdout: human, .. } = run(dir.path(), &["stats"]);
    assert!(human.contains("Scoring coverage (min_judges = 2)"), "{human}");
    let Output { stdout: csv, .. } = run(dir.path(), &["stats", "--format", "csv"]);
    assert!(
        csv.contains(
            "round,name,competing,with_min_judges,totals,judges\nfirst,First round,3,2,5,2\nfinal,Final,1,0,1,1\n"
        ),
        "{csv}"
    );
    let Output { stdout: md, .. } = run(dir.path(), &["stats", "--format", "markdown"]);
    assert!(md.contains("| first | First round | 3 | 2 | 5 | 2 |"), "{md}");
}
