//! A review of `prize applications import` and `prize feedback` (spec section 10): each test
//! here failed on the code as first merged.

mod common;

use std::path::{Path, PathBuf};

use common::{prize, run, run_cmd};

/// The mapped headers of tests/fixtures/intake/intake.toml, and nothing else: an export
/// whose every column is mapped, so a file it gives has no `[extra]`.
const HEADER: &str = "Timestamp,Project title,Track,Sector,Applicant type,Applicant name,Country code,City,\
Organization,Contact e-mail,Project summary,Project status,Operating since,Who benefits,Website";

fn row(title: &str) -> String {
    format!(
        "20/05/2026 14:03:00,{title},Human-CentriCity,Mobility / Transport,City government,Bogotá D.C.,CO,\
         Bogotá,Secretaría,smartcity@bogota.example.org,Crossings.,In operation,2023-04-01,older adults,\
         https://bogota.example.org"
    )
}

/// A fresh `prize init` archive in a temporary folder, and its root.
fn fresh() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("prize");
    let mut cmd = prize();
    cmd.arg("init").arg(&root);
    let out = run_cmd(cmd);
    assert_eq!(out.code, 0, "{}", out.stderr);
    (dir, root)
}

fn import(root: &Path, export: &Path, extra: &[&str]) -> common::Output {
    let map = common::fixtures().join("intake/intake.toml");
    let mut args = vec!["applications", "import", "--map", map.to_str().unwrap()];
    args.extend_from_slice(extra);
    args.push(export.to_str().unwrap());
    run(root, &args)
}

#[test]
fn replace_keeps_the_screening_of_a_file_without_extra() {
    let (dir, root) = fresh();
    let export = dir.path().join("form.csv");
    std::fs::write(&export, format!("{HEADER}\n{}\n", row("Safe Routes"))).unwrap();
    assert_eq!(import(&root, &export, &[]).code, 0);
    let file = root.join("applications/human-centricity/SSCP-2026-0001.toml");
    let written = std::fs::read_to_string(&file).unwrap();
    assert!(!written.contains("[extra]"), "{written}");
    // The secretariat screens it; then the applicant corrects the title in the portal.
    std::fs::write(&file, format!("{written}\n[screening]\ndecision = \"accept\"\n")).unwrap();
    std::fs::write(&export, format!("{HEADER}\n{}\n", row("Safe Routes Now"))).unwrap();
    let out = import(&root, &export, &["--replace"]);
    assert_eq!(out.code, 0, "{}", out.stdout);
    let text = std::fs::read_to_string(&file).unwrap();
    // Read like a hand-written file: ending with a line end.
    assert!(text.ends_with("\"accept\"\n"), "{text:?}");
    let now: toml::Table = text.parse().unwrap();
    assert_eq!(now["title"].as_str(), Some("Safe Routes Now"));
    let screening = now
        .get("screening")
        .unwrap_or_else(|| panic!("the screening is lost: {now}"));
    assert_eq!(screening["decision"].as_str(), Some("accept"));
}

const TRUST_PRIZE: &str = include_str!("fixtures/trust/prize.toml");

/// An archive of one application, P1, and three judges whose ids and names are `names` in
/// roster order, giving (score, comment) in turn.
fn jury(names: [&str; 3], rows: [(u32, &str); 3]) -> common::Archive {
    let app = common::Application::new("P1").track("projects").toml();
    let mut a = common::Archive::new().config(TRUST_PRIZE).application("P1.toml", &app);
    let mut roster = String::new();
    for (name, (score, comment)) in names.iter().zip(rows) {
        roster += &format!("[[judges]]\nid = \"{name}\"\nname = \"Judge {name}\"\ncountry = \"FR\"\n\n");
        a = a.sheet(
            "first",
            name,
            &format!("application,score,comment\nP1,{score},\"{comment}\"\n"),
        );
    }
    a.judges(&roster)
}

fn letter(archive: &common::Archive) -> String {
    let out = run(archive.path(), &["feedback"]);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    std::fs::read_to_string(archive.join("feedback/P1.md")).unwrap()
}

#[test]
fn the_order_of_the_reviewers_does_not_depend_on_who_they_are() {
    // The same three sheets, written by judges with other ids: anyone who can list the judges
    // (or guess their ids) must not be able to tell from the letter which one is Reviewer 1.
    let rows = [(70, "Strong evidence."), (60, "Budget unclear."), (50, "Too early.")];
    let first = letter(&jury(["kim", "lee", "ahn"], rows));
    for names in [["lee", "kim", "ahn"], ["ahn", "lee", "kim"], ["x1", "x2", "x3"]] {
        let other = letter(&jury(names, rows));
        assert_eq!(other, first, "judges {names:?}");
    }
    // Still every comment, and the mean 60 of 70, 60 and 50.
    for (_, comment) in rows {
        assert!(first.contains(comment), "{first}");
    }
    assert!(first.contains("| 60.00 |"), "{first}");
}

/// An archive of applications P1 and P2 with the rounds `rounds` (prize.toml text) and no
/// score sheet at all.
fn unjudged(rounds: &str) -> common::Archive {
    let first = "[[rounds]]\nid = \"first\"\nname = \"First round\"\n";
    assert!(TRUST_PRIZE.contains(first));
    let config = TRUST_PRIZE.replace(first, rounds);
    let mut a = common::Archive::new()
        .config(&config)
        .judges("[[judges]]\nid = \"kim\"\nname = \"Judge kim\"\ncountry = \"FR\"\n");
    for id in ["P1", "P2"] {
        a = a.application(&format!("{id}.toml"), &common::Application::new(id).toml());
    }
    a
}

#[test]
fn before_any_score_no_letter_says_the_application_lost() {
    let one = unjudged("[[rounds]]\nid = \"first\"\nname = \"First round\"\n");
    let two = unjudged(
        "[[rounds]]\nid = \"first\"\nname = \"First round\"\nadvance = 1\n\n\
         [[rounds]]\nid = \"final\"\nname = \"Final\"\n",
    );
    for archive in [one, two] {
        let out = run(archive.path(), &["--format", "json", "feedback"]);
        assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
        let report = out.json();
        for letter in report["letters"].as_array().unwrap() {
            assert_eq!(letter["outcome"], "eligible", "{report}");
        }
        let text = std::fs::read_to_string(archive.join("feedback/P1.md")).unwrap();
        assert!(text.contains("its assessment is not finished"), "{text}");
        assert!(
            !text.contains("did not win") && !text.contains("not shortlisted"),
            "{text}"
        );
    }
}

#[test]
fn a_row_too_large_for_an_application_file_is_refused() {
    // validate does not read an application file over 1 MiB (file-too-large), so the import
    // must not write one: a summary of 1,100,000 bytes is over 1,048,576 on its own.
    let (dir, root) = fresh();
    let export = dir.path().join("form.csv");
    let huge = "x".repeat(1_100_000);
    let text = format!("{HEADER}\n{}\n", row("Safe Routes")).replace(",Crossings.,", &format!(",{huge},"));
    std::fs::write(&export, text).unwrap();
    let out = import(&root, &export, &["--format", "json"]);
    assert_eq!(out.code, 1, "{}", out.stdout);
    let report = out.json();
    let findings = report["findings"].as_array().unwrap();
    let large: Vec<_> = findings.iter().filter(|f| f["code"] == "file-too-large").collect();
    assert_eq!(large.len(), 1, "{report:#}");
    // Row 2, column 11 ("Project summary").
    assert_eq!(
        (&large[0]["line"], &large[0]["column"]),
        (&2.into(), &11.into()),
        "{report:#}"
    );
    assert!(!root.join("applications/human-centricity").exists());
}

#[test]
fn an_application_tied_at_an_award_cutoff_is_not_told_it_won_nothing() {
    // P1 and P2 both total 70 for the one Gold: the award is undecided (P1 the provisional
    // winner, by id), so P2 may still win it.
    let mut a = common::Archive::new()
        .config(TRUST_PRIZE)
        .judges("[[judges]]\nid = \"kim\"\nname = \"Judge kim\"\ncountry = \"FR\"\n");
    for id in ["P1", "P2", "P3"] {
        a = a.application(&format!("{id}.toml"), &common::Application::new(id).toml());
    }
    let a = a.sheet("first", "kim", "application,score\nP1,70\nP2,70\nP3,50\n");
    let out = run(a.path(), &["--format", "json", "feedback"]);
    let report = out.json();
    let outcome = |id: &str| {
        report["letters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|l| l["id"] == id)
            .unwrap()["outcome"]
            .clone()
    };
    assert_eq!(outcome("P1"), "award", "{report}");
    assert_eq!(outcome("P2"), "tied", "{report}");
    assert_eq!(outcome("P3"), "finalist", "{report}");
    let p2 = std::fs::read_to_string(a.join("feedback/P2.md")).unwrap();
    assert!(!p2.contains("did not win"), "{p2}");
    assert!(p2.contains("tied for the Gold"), "{p2}");
    let p3 = std::fs::read_to_string(a.join("feedback/P3.md")).unwrap();
    assert!(p3.contains("did not win an award"), "{p3}");
}

#[test]
fn a_utc_time_in_iso_form_is_read_without_a_format() {
    // Portals often export RFC 3339 times in UTC: 05:03 UTC is 14:03 in Seoul (UTC+9).
    let (dir, root) = fresh();
    let map_text = std::fs::read_to_string(common::fixtures().join("intake/intake.toml")).unwrap();
    let with_format =
        "submitted = { column = \"Timestamp\", format = \"%d/%m/%Y %H:%M:%S\", timezone = \"Asia/Seoul\" }";
    assert!(map_text.contains(with_format));
    let map = dir.path().join("map.toml");
    std::fs::write(
        &map,
        map_text.replace(
            with_format,
            "submitted = { column = \"Timestamp\", timezone = \"Asia/Seoul\" }",
        ),
    )
    .unwrap();
    let export = dir.path().join("form.csv");
    let line = row("Safe Routes").replace("20/05/2026 14:03:00", "2026-05-20T05:03:00Z");
    std::fs::write(&export, format!("{HEADER}\n{line}\n")).unwrap();
    let out = run(
        &root,
        &[
            "applications",
            "import",
            "--map",
            map.to_str().unwrap(),
            export.to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stdout);
    let text = std::fs::read_to_string(root.join("applications/human-centricity/SSCP-2026-0001.toml")).unwrap();
    assert!(text.contains("\nsubmitted = 2026-05-20T14:03:00+09:00\n"), "{text}");
}
