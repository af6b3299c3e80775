//! Awards as section 6 decides them — the tie at the cutoff, committee picks — what `explain`
//! says about them and about the judges' comments, and who conflicts under
//! `same_organization`. Every archive is written by its test: one round, one criterion on
//! 0–10 of weight 1, so a judge's total is 10 · the score and, with one judge, S = that total.

mod common;

use std::path::Path;

use common::{Application, Archive, Output, run};
use serde_json::{Value, json};

/// prize.toml up to its awards: 26 lines (the last one blank), so the awards begin on line 27.
const PRIZE: &str = r#"[prize]
name = "Awards Test"
edition = "2026"
sectors = ["mobility", "welfare"]
applicant_types = ["city", "corporation"]

[[tracks]]
id = "projects"
name = "Projects"
applicant_types = ["city", "corporation"]

[[criteria]]
id = "impact"
name = "Impact"
weight = 1

[scoring]
method = "mean"
min_judges = 1
tie_break = []
jury_order = []

[[rounds]]
id = "final"
name = "Final"

"#;

/// An application of the projects track by a city.
fn application(id: &str, country: &str) -> String {
    Application::new(id).country(country).toml()
}

/// An archive with `awards` after [`PRIZE`], one application per (id, country, score) and one
/// judge, `ja`, who scored them all.
fn archive(awards: &str, apps: &[(&str, &str, f64)]) -> Archive {
    let mut sheet = "application,impact,comment\n".to_string();
    let mut archive = Archive::new()
        .config(&format!("{PRIZE}{awards}"))
        .judges("[[judges]]\nid = \"ja\"\nname = \"Judge A\"\ncountry = \"FR\"\n");
    for (id, country, score) in apps {
        archive = archive.application(&format!("{id}.toml"), &application(id, country));
        sheet += &format!("{id},{score},\n");
    }
    archive.sheet("final", "ja", &sheet)
}

/// Rejects an application at screening, which makes it ineligible.
fn reject(archive: Archive, id: &str) -> Archive {
    archive.edit(&format!("applications/{id}.toml"), |text| {
        text + "\n[screening]\ndecision = \"reject\"\nreason = \"no results yet\"\n"
    })
}

/// `prize -C dir ARGS --format json`: the exit code and the report.
fn json_of(dir: &Path, args: &[&str]) -> (i32, Value) {
    run(dir, &[args, &["--format", "json"]].concat()).code_json()
}

fn ids(list: &Value) -> Vec<&str> {
    list.as_array()
        .unwrap_or_else(|| panic!("not a list: {list}"))
        .iter()
        .map(|x| x.as_str().or_else(|| x["id"].as_str()).unwrap())
        .collect()
}

/// The verdict `explain ID` gives for award `award`: (result, reason).
fn verdict(dir: &Path, id: &str, award: &str) -> (String, String) {
    let (_, e) = json_of(dir, &["explain", id]);
    let line = e["awards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == award)
        .unwrap_or_else(|| panic!("no verdict on {award}: {e:#}"));
    (
        line["result"].as_str().unwrap().to_string(),
        line["reason"].as_str().unwrap().to_string(),
    )
}

const GOLD_ONE_PER_COUNTRY: &str =
    "[[awards]]\nid = \"gold\"\nname = \"Gold\"\ntrack = \"projects\"\ncount = 1\nmax_per_country = 1\n";

#[test]
fn a_tie_that_a_country_limit_would_hide_is_undecided() {
    // A1 and A2 of KR both scored 8 → S = 80, tied at rank 1; A3 6 → 60. Taking A1 bars A2
    // by the limit, but before either was taken both could win: G = {A1, A2}, one place.
    let dir = archive(
        GOLD_ONE_PER_COUNTRY,
        &[("A1", "KR", 8.0), ("A2", "KR", 8.0), ("A3", "CO", 6.0)],
    );
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1, "{w:#}");
    let gold = &w["awards"][0];
    assert_eq!(ids(&gold["tie_at_cutoff"]), ["A1", "A2"]);
    assert_eq!(
        ids(&gold["winners"]),
        ["A1"],
        "the provisional winner is the first by id"
    );
    let Output { stdout: human, .. } = run(dir.path(), &["winners"]);
    assert!(human.contains("jury_order = [\"A1\", \"A2\"]"), "{human}");
    assert_eq!(verdict(dir.path(), "A2", "gold").0, "tie");

    // The jury's order settles it.
    let dir = dir.replace("prize.toml", "jury_order = []", "jury_order = [\"A2\", \"A1\"]");
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 0, "{w:#}");
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A2"]);
    assert_eq!(w["awards"][0]["tie_at_cutoff"], json!([]));
}

#[test]
fn the_tie_set_is_judged_with_the_limits_before_it_was_taken() {
    // Two places; A1, A2 (KR) and A3 (CO) all 8 → 80, A4 5 → 50. Walking in id order takes A1,
    // skips A2 (KR is full) and takes A3; but three of rank 1 could have won two places.
    let pair = "[[awards]]\nid = \"pair\"\nname = \"Pair\"\ntrack = \"projects\"\ncount = 2\nmax_per_country = 1\n";
    let four = [
        ("A1", "KR", 8.0),
        ("A2", "KR", 8.0),
        ("A3", "CO", 8.0),
        ("A4", "PT", 5.0),
    ];
    let dir = archive(pair, &four);
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1, "{w:#}");
    assert_eq!(ids(&w["awards"][0]["tie_at_cutoff"]), ["A1", "A2", "A3"]);
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A1", "A3"]);

    // Two tied of one country for one place and nothing else to take: one place is filled
    // and one unfilled, but which of the two fills it is still the ties' choice.
    let dir = archive(pair, &[("A1", "KR", 8.0), ("A2", "KR", 8.0)]);
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1, "{w:#}");
    assert_eq!(ids(&w["awards"][0]["tie_at_cutoff"]), ["A1", "A2"]);
    assert_eq!(w["awards"][0]["unfilled"], 1);

    // Limits from an earlier award stand before the tie: Gold takes A0 (KR, 9 → 90), and with
    // one award per country neither A1 nor A2 (KR, 80) can win Silver, so A4 (50) wins it and
    // their tie decides nothing.
    let two = "[[awards]]\nid = \"gold\"\nname = \"Gold\"\ntrack = \"projects\"\ncount = 1\n\n\
               [[awards]]\nid = \"silver\"\nname = \"Silver\"\ntrack = \"projects\"\ncount = 1\n\n\
               [winners]\nmax_per_country = 1\n";
    let dir = archive(
        two,
        &[
            ("A0", "KR", 9.0),
            ("A1", "KR", 8.0),
            ("A2", "KR", 8.0),
            ("A4", "PT", 5.0),
        ],
    );
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 0, "{w:#}");
    assert_eq!(ids(&w["awards"][1]["winners"]), ["A4"]);
    assert_eq!(w["awards"][1]["tie_at_cutoff"], json!([]));

    // A tied application that fails the award's filter is not in G: A2 is a corporation.
    let city = "[[awards]]\nid = \"city\"\nname = \"City Prize\"\ntrack = \"projects\"\ncount = 1\n\
                applicant_types = [\"city\"]\n";
    let dir = archive(city, &[("A1", "KR", 8.0), ("A2", "CO", 8.0)]);
    let dir = dir.replace("applications/A2.toml", "type = \"city\"", "type = \"corporation\"");
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 0, "{w:#}");
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A1"]);
}

/// Gold from the ranking, then a Special Mention picked by the committee.
fn gold_and_mention(picks: &str) -> String {
    format!(
        "[[awards]]\nid = \"gold\"\nname = \"Gold\"\ntrack = \"projects\"\ncount = 1\n\n\
         [[awards]]\nid = \"mention\"\nname = \"Special Mention\"\npicks = {picks}\n"
    )
}

const THREE: [(&str, &str, f64); 3] = [("A1", "KR", 9.0), ("A2", "CO", 7.0), ("A3", "PT", 5.0)];

#[test]
fn a_pick_of_no_application_leaves_only_its_award_undecided() {
    let dir = archive(&gold_and_mention("[\"A3\", \"A9\"]"), &THREE);
    // Gold takes lines 27–31, then a blank line, the mention's `[[awards]]`, id and name
    // (33–35) and `picks = ["A3", "A9"]` on line 36: `picks = [` is 9 characters, so "A3"
    // starts at column 10 and "A9" at 10 + 6 = 16.
    let (code, report) = common::validate_json(dir.path());
    assert_eq!(code, 1);
    assert_eq!(
        common::finding_keys(&report),
        [(
            "unknown-application".to_string(),
            "error".to_string(),
            "prize.toml".to_string(),
            36,
            16
        )]
    );
    // Ranking is not stopped: A1 90, A2 70, A3 50.
    let (_, r) = json_of(dir.path(), &["rank"]);
    assert_eq!(ids(&r["groups"][0]["ranking"]), ["A1", "A2", "A3"]);
    // Gold is decided; the mention is not, and says why.
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1);
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A1"]);
    assert_eq!(w["awards"][1]["problems"], json!(["pick `A9` is not an application"]));
    let Output { stdout: human, .. } = run(dir.path(), &["winners"]);
    assert!(
        human.contains("Special Mention is undecided: pick `A9` is not an application"),
        "{human}"
    );
    // A3 is a pick: explain says so, not that it ranked 3rd, and that the award waits.
    let (result, reason) = verdict(dir.path(), "A3", "mention");
    assert_eq!(result, "won");
    assert!(reason.starts_with("picked by the committee (provisionally"), "{reason}");
    assert!(reason.contains("`A9` is not an application"), "{reason}");
    // A2 is not a pick: no ranking reason for an award the ranking does not decide.
    let (result, reason) = verdict(dir.path(), "A2", "mention");
    assert_eq!(result, "not-picked");
    assert!(reason.contains("not among the committee's picks"), "{reason}");
}

#[test]
fn a_pick_that_is_not_eligible_is_an_error_at_the_pick() {
    let dir = archive(&gold_and_mention("[\"A2\"]"), &THREE);
    let dir = reject(dir, "A2");
    // `picks = ["A2"]` on line 36 (see above): "A2" starts at column 10.
    let (code, report) = common::validate_json(dir.path());
    assert_eq!(code, 1);
    let pick_findings: Vec<_> = common::finding_keys(&report)
        .into_iter()
        .filter(|f| f.2 == "prize.toml")
        .collect();
    assert_eq!(
        pick_findings,
        [(
            "pick-not-eligible".to_string(),
            "error".to_string(),
            "prize.toml".to_string(),
            36,
            10
        )]
    );
    let message = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "pick-not-eligible")
        .unwrap()["message"]
        .clone();
    assert_eq!(message, "pick `A2` is ineligible (screening-rejected)");
    let Output { code, stdout: out, .. } = run(dir.path(), &["explain-code", "pick-not-eligible"]);
    assert_eq!(code, 0);
    assert!(out.contains("### How to fix"), "{out}");

    // A2 no longer competes; A1 (90) and A3 (50) are ranked and Gold is decided.
    let (_, r) = json_of(dir.path(), &["rank"]);
    assert_eq!(ids(&r["groups"][0]["ranking"]), ["A1", "A3"]);
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1);
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A1"]);
    assert_eq!(w["awards"][1]["problems"], json!(["pick `A2` is ineligible"]));
    let (result, reason) = verdict(dir.path(), "A2", "mention");
    assert_eq!(result, "pick-refused");
    assert!(
        reason.starts_with("picked by the committee, but it is ineligible (screening-rejected)"),
        "{reason}"
    );
}

#[test]
fn a_pick_that_already_won_an_award_decided_before_it_is_refused() {
    // Gold goes to A1 (90); the committee then picks A1 again.
    let dir = archive(&gold_and_mention("[\"A1\"]"), &THREE);
    let (code, report) = common::validate_json(dir.path());
    assert_eq!(
        (code, report["findings"].as_array().unwrap().len()),
        (0, 0),
        "not an archive error"
    );
    let (code, w) = json_of(dir.path(), &["winners"]);
    assert_eq!(code, 1);
    assert_eq!(ids(&w["awards"][0]["winners"]), ["A1"]);
    assert_eq!(w["awards"][1]["winners"], json!([]));
    assert_eq!(w["awards"][1]["problems"], json!(["pick `A1` has already won Gold"]));
    let (result, reason) = verdict(dir.path(), "A1", "mention");
    assert_eq!(result, "pick-refused");
    assert!(reason.contains("it has already won Gold"), "{reason}");
    assert_eq!(verdict(dir.path(), "A1", "gold").0, "won");
}

#[test]
fn explain_shows_each_judges_comment() {
    let dir = archive(GOLD_ONE_PER_COUNTRY, &[("A1", "KR", 8.0)]);
    let dir = dir.sheet(
        "final",
        "ja",
        "application,impact,comment\nA1,8,\"Clear uptake, \u{1b}[31mwell measured\"\n",
    );
    let (_, e) = json_of(dir.path(), &["explain", "A1"]);
    assert_eq!(
        e["rounds"][0]["judges"][0]["comment"],
        "Clear uptake, \u{1b}[31mwell measured"
    );
    let Output { stdout: human, .. } = run(dir.path(), &["explain", "A1"]);
    // The comment follows the judge's scores, its escape character shown, not sent.
    let at = human.find("ja           [8] total 80.00").expect(&human);
    assert!(
        human[at..]
            .lines()
            .nth(1)
            .is_some_and(|l| l.trim() == "comment: \"Clear uptake, \\u{1b}[31mwell measured\""),
        "{human}"
    );
    assert!(!human.contains('\u{1b}'), "{human}");
}

#[test]
fn same_organization_compares_the_names_and_organizations_both_ways() {
    // A1's applicant is "City of Lisbon" of "Lisbon Mobility Agency"; each of j1–j4 matches
    // one of the four pairs (judge name or organization = applicant name or organization),
    // with other case and surrounding space; j5's organization only contains a word of them.
    // A2's organization is written in capitals by j6: STRASSE is Straße upper-cased.
    let dir = archive(GOLD_ONE_PER_COUNTRY, &[("A1", "PT", 8.0), ("A2", "DE", 6.0)]);
    let dir = dir.replace(
        "applications/A1.toml",
        "name = \"City A1\"",
        "name = \"City of Lisbon\"\norganization = \"Lisbon Mobility Agency\"",
    );
    let dir = dir.replace(
        "applications/A2.toml",
        "name = \"City A2\"",
        "name = \"Munich\"\norganization = \"Münchner Straße GmbH\"",
    );
    let judges = [
        ("j1", "  CITY OF LISBON ", None),
        ("j2", "lisbon mobility agency", None),
        ("j3", "Judge Three", Some(" city of lisbon")),
        ("j4", "Judge Four", Some("LISBON MOBILITY AGENCY ")),
        ("j5", "Judge Five", Some("Lisbon")),
        ("j6", "Judge Six", Some("MÜNCHNER STRASSE GMBH")),
    ];
    let mut roster = String::new();
    let mut dir = dir;
    for (id, name, organization) in judges {
        roster += &format!("[[judges]]\nid = \"{id}\"\nname = \"{name}\"\ncountry = \"FR\"\n");
        if let Some(o) = organization {
            roster += &format!("organization = \"{o}\"\n");
        }
        roster += "\n";
        dir = dir.sheet("final", id, "application,impact,comment\nA1,5,\nA2,5,\n");
    }
    let dir = dir.remove("scores/final/ja.csv").judges(&roster);
    let conflicted = |dir: &Path| -> Vec<(String, u64)> {
        let (_, report) = common::validate_json(dir);
        let mut found: Vec<(String, u64)> = report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "conflict-of-interest")
            .map(|f| (f["file"].as_str().unwrap().to_string(), f["line"].as_u64().unwrap()))
            .collect();
        found.sort();
        found
    };
    // Line 2 of a sheet is A1's row, line 3 A2's.
    let sheet = |j: &str, line: u64| (format!("scores/final/{j}.csv"), line);
    assert_eq!(
        conflicted(dir.path()),
        [
            sheet("j1", 2),
            sheet("j2", 2),
            sheet("j3", 2),
            sheet("j4", 2),
            sheet("j6", 3)
        ]
    );
    let (_, e) = json_of(dir.path(), &["explain", "A1"]);
    let counted: Vec<(&str, bool)> = e["rounds"][0]["judges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["judge"].as_str().unwrap(), j["counted"].as_bool().unwrap()))
        .collect();
    assert!(counted.contains(&("j5", true)), "{counted:?}");
    for j in ["j1", "j2", "j3", "j4"] {
        assert!(counted.contains(&(j, false)), "{j}: {counted:?}");
    }

    // Without the rule nobody conflicts.
    let dir = dir.replace(
        "prize.toml",
        "[[rounds]]",
        "[conflicts]\nsame_organization = false\n\n[[rounds]]",
    );
    assert_eq!(conflicted(dir.path()), []);
}

#[test]
fn an_award_with_no_picks_yet_prints_no_empty_table() {
    // The committee has not chosen its Special Mentions yet (`picks = []`, no count): the
    // human output shows the ranked award and no header-only "Committee picks" table.
    let awards = "[[awards]]\nid = \"gold\"\nname = \"Gold\"\ntrack = \"projects\"\ncount = 1\n\n\
                  [[awards]]\nid = \"mention\"\nname = \"Special Mention\"\npicks = []\n";
    let archive = archive(awards, &[("P1", "KR", 8.0), ("P2", "FR", 6.0)]);
    let Output { code, stdout, stderr } = run(archive.path(), &["winners"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Gold") && stdout.contains("P1"), "{stdout}");
    assert!(!stdout.contains("Committee picks"), "{stdout}");
}
