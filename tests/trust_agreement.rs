//! `prize agreement` (spec section 8) against numbers computed by another implementation:
//! each reliability matrix of tests/fixtures/trust/*.json becomes an archive whose totals are
//! the matrix's values (one criterion on 0–100 of weight 1), and prize's α, pairable, k, panel
//! reliability and disagreements must match tests/fixtures/trust/expected.json, which
//! tests/reference/reference.py computed with the PyPI `krippendorff` package and numpy.

mod common;

use common::{Archive, run};
use serde_json::Value;

const PRIZE_TOML: &str = include_str!("fixtures/trust/prize.toml");

fn fixture(name: &str) -> Value {
    common::json(&common::read(&common::fixtures().join(format!("trust/{name}.json"))))
}

/// Application `id` of `track` (a city in `projects`, an individual in `leadership`).
fn application(id: &str, track: &str) -> String {
    let kind = if track == "leadership" { "individual" } else { "city" };
    format!(
        "id = \"{id}\"\ntitle = \"Project {id}\"\ntrack = \"{track}\"\nsector = \"mobility\"\n\
         submitted = 2026-05-20T14:03:00+09:00\n\n[applicant]\ntype = \"{kind}\"\nname = \"Applicant {id}\"\n\
         country = \"KR\"\nemail = \"a@example.org\"\n\n[project]\nsummary = \"A project.\"\n\
         status = \"operational\"\nstarted = 2023-04-01\nbeneficiaries = [\"residents\"]\n"
    )
}

/// The id of column `u`, as reference.py names it.
fn unit_id(u: usize) -> String {
    format!("A{:03}", u + 1)
}

/// An archive whose round `first` has judge `j{i+1}`'s total `data[i][u]` for application
/// `unit_id(u)` (none where the value is null), each application in `tracks[u]`.
fn archive_of(data: &[Vec<Option<f64>>], tracks: &[String]) -> Archive {
    let mut roster = String::new();
    let mut archive = Archive::new().config(PRIZE_TOML);
    for (j, row) in data.iter().enumerate() {
        roster += &format!(
            "[[judges]]\nid = \"j{}\"\nname = \"Judge {}\"\ncountry = \"FR\"\n\n",
            j + 1,
            j + 1
        );
        let mut sheet = "application,score\n".to_string();
        for (u, value) in row.iter().enumerate() {
            if let Some(x) = value {
                sheet += &format!("{},{x}\n", unit_id(u));
            }
        }
        archive = archive.sheet("first", &format!("j{}", j + 1), &sheet);
    }
    for (u, track) in tracks.iter().enumerate() {
        archive = archive.application(&format!("{}.toml", unit_id(u)), &application(&unit_id(u), track));
    }
    archive.judges(&roster)
}

fn matrix(fixture: &Value) -> Vec<Vec<Option<f64>>> {
    fixture["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row.as_array().unwrap().iter().map(Value::as_f64).collect())
        .collect()
}

fn tracks(fixture: &Value, units: usize) -> Vec<String> {
    match fixture["tracks"].as_array() {
        Some(list) => list.iter().map(|t| t.as_str().unwrap().to_string()).collect(),
        None => vec!["projects".to_string(); units],
    }
}

/// Two numbers (or two nulls) that agree to 1e-9.
fn same(what: &str, got: &Value, want: &Value) {
    match (got.as_f64(), want.as_f64()) {
        (Some(g), Some(w)) => assert!((g - w).abs() <= 1e-9, "{what}: {g} ≠ {w}"),
        _ => assert!(got.is_null() && want.is_null(), "{what}: {got} ≠ {want}"),
    }
}

/// A scope of prize's output against reference.py's.
fn same_scope(what: &str, got: &Value, want: &Value) {
    for key in [
        "alpha_interval",
        "alpha_ordinal",
        "judges_per_application",
        "panel_reliability",
    ] {
        same(&format!("{what} {key}"), &got[key], &want[key]);
    }
    assert_eq!(got["pairable"], want["pairable"], "{what} pairable");
    assert_eq!(got["note"].is_null(), !want["alpha_interval"].is_null(), "{what} note");
    let (g, w) = (
        got["disagreements"].as_array().unwrap(),
        want["disagreements"].as_array().unwrap(),
    );
    let ids = |list: &[Value]| list.iter().map(|d| d["id"].clone()).collect::<Vec<_>>();
    assert_eq!(ids(g), ids(w), "{what} disagreements");
    for (g, w) in g.iter().zip(w) {
        for key in ["sd", "min", "max"] {
            same(&format!("{what} {} {key}", w["id"]), &g[key], &w[key]);
        }
        assert_eq!(g["judges"], w["judges"]);
    }
}

#[test]
fn every_reference_matrix_agrees_with_the_krippendorff_package() {
    let expected = fixture("expected");
    let names: Vec<&String> = expected.as_object().unwrap().keys().collect();
    assert!(names.len() >= 5, "{names:?}");
    for name in names {
        let f = fixture(name);
        let data = matrix(&f);
        let tracks = tracks(&f, data[0].len());
        let archive = archive_of(&data, &tracks);
        let (code, out) = run(archive.path(), &["agreement", "--format", "json"]).code_json();
        assert_eq!(code, 0, "{name}");
        assert_eq!(out["round"], "first");
        let want = &expected[name];
        same_scope(&format!("{name} overall"), &out["overall"], &want["overall"]);
        assert!(
            out["overall"].get("track").is_none(),
            "the overall scope names no track"
        );
        let got_tracks = out["tracks"].as_array().unwrap();
        let order: Vec<&str> = got_tracks.iter().map(|t| t["track"].as_str().unwrap()).collect();
        assert_eq!(order, ["projects", "leadership"], "prize.toml order");
        for t in got_tracks {
            let track = t["track"].as_str().unwrap();
            match want["tracks"].get(track) {
                Some(w) => same_scope(&format!("{name} {track}"), t, w),
                None => {
                    // A track without applications: nothing to measure.
                    assert_eq!((t["pairable"].as_u64(), t["alpha_interval"].is_null()), (Some(0), true));
                    assert!(t["note"].is_string() && t["judges_per_application"].is_null());
                    assert_eq!(t["disagreements"], serde_json::json!([]));
                }
            }
        }
    }
}

#[test]
fn the_published_examples_to_six_decimals() {
    // Krippendorff (2011) p. 8 and Wikipedia, as the package's documentation rounds them.
    let expected = fixture("expected");
    let round6 = |v: &Value| (v.as_f64().unwrap() * 1e6).round() / 1e6;
    let k = &expected["krippendorff-2011"]["overall"];
    assert_eq!(
        (round6(&k["alpha_interval"]), round6(&k["alpha_ordinal"])),
        (0.849107, 0.815388)
    );
    assert_eq!(round6(&expected["wikipedia"]["overall"]["alpha_interval"]), 0.810845);
    // And prize prints them.
    let f = fixture("krippendorff-2011");
    let data = matrix(&f);
    let archive = archive_of(&data, &tracks(&f, data[0].len()));
    let out = run(archive.path(), &["agreement", "--format", "json"]).json();
    assert_eq!(round6(&out["overall"]["alpha_interval"]), 0.849107);
    assert_eq!(round6(&out["overall"]["alpha_ordinal"]), 0.815388);
    // Column 12 has one value and adds nothing: 40 pairable of 41 values.
    assert_eq!(out["overall"]["pairable"], 40);
}

#[test]
fn no_variation_is_null_with_a_note() {
    // Every pairable total is 50 (A003's single 70 cannot be paired): the package's 0/0.
    let n = None;
    let data = vec![
        vec![Some(50.0), Some(50.0), Some(70.0)],
        vec![Some(50.0), Some(50.0), n],
    ];
    let archive = archive_of(
        &data,
        &["projects".to_string(), "projects".to_string(), "projects".to_string()],
    );
    let (code, out) = run(archive.path(), &["agreement", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    let overall = &out["overall"];
    assert!(overall["alpha_interval"].is_null() && overall["alpha_ordinal"].is_null());
    assert!(overall["panel_reliability"].is_null());
    assert!(overall["note"].as_str().unwrap().contains("same"), "{overall}");
    assert_eq!(overall["pairable"], 4);
    // k: 2, 2 and 1 totals over the three ranked applications.
    same("k", &overall["judges_per_application"], &serde_json::json!(5.0 / 3.0));
    // The human table shows the absence and says why.
    let human = run(archive.path(), &["agreement"]).stdout;
    assert!(human.contains('–') && human.contains("without variation"), "{human}");
}

#[test]
fn no_application_with_two_judges_is_null_with_a_note() {
    let n = None;
    let data = vec![vec![Some(50.0), n], vec![n, Some(70.0)]];
    let archive = archive_of(&data, &["projects".to_string(), "projects".to_string()]);
    let out = run(archive.path(), &["agreement", "--format", "json"]).json();
    assert!(out["overall"]["alpha_interval"].is_null());
    assert_eq!(out["overall"]["pairable"], 0);
    assert!(out["overall"]["note"].as_str().unwrap().contains("2 judges"));
}

#[test]
fn disagreements_are_the_ten_largest_sds_ties_by_id() {
    // Twelve applications, two judges: application u gets 50 ± d(u), so sd = d(u).
    // d = 1, 2, …, 9, and A010, A011, A012 all 10 (equal sds: listed by id), so the top ten are
    // A010, A011, A012 (sd 10), then A009 … A003 (sd 9 … 3).
    let d: Vec<f64> = (1..=12).map(|u| f64::from(u.min(10))).collect();
    let data = vec![
        d.iter().map(|d| Some(50.0 + d)).collect(),
        d.iter().map(|d| Some(50.0 - d)).collect(),
    ];
    let archive = archive_of(&data, &vec!["projects".to_string(); 12]);
    let out = run(archive.path(), &["agreement", "--format", "json"]).json();
    let list = out["overall"]["disagreements"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|x| x["id"].as_str().unwrap()).collect();
    assert_eq!(
        ids,
        [
            "A010", "A011", "A012", "A009", "A008", "A007", "A006", "A005", "A004", "A003"
        ]
    );
    same("sd", &list[0]["sd"], &serde_json::json!(10.0));
    same("min", &list[0]["min"], &serde_json::json!(40.0));
    same("max", &list[0]["max"], &serde_json::json!(60.0));
    assert_eq!(list[0]["judges"], 2);
    // The CSV row of the round lists them in that order.
    let csv = run(archive.path(), &["agreement", "--format", "csv"]).stdout;
    let overall = csv.lines().nth(1).unwrap();
    assert!(overall.starts_with("first,,"), "{csv}");
    assert!(
        overall.ends_with(",A010 A011 A012 A009 A008 A007 A006 A005 A004 A003"),
        "{csv}"
    );
}

#[test]
fn the_same_archive_gives_the_same_bytes_in_every_format() {
    let f = fixture("random-decimals");
    let data = matrix(&f);
    let archive = archive_of(&data, &tracks(&f, data[0].len()));
    for format in ["human", "json", "csv", "markdown"] {
        let a = run(archive.path(), &["agreement", "--format", format]);
        let b = run(archive.path(), &["agreement", "--format", format]);
        assert_eq!((a.code, &a.stdout), (0, &b.stdout), "{format}");
        assert!(!a.stdout.is_empty());
    }
}

#[test]
fn what_a_secretariat_reads() {
    let f = fixture("random-decimals");
    let data = matrix(&f);
    let archive = archive_of(&data, &tracks(&f, data[0].len()));
    let human = run(archive.path(), &["agreement"]).stdout;
    insta::assert_snapshot!("agreement_random_decimals", human);
    let markdown = run(archive.path(), &["agreement", "--format", "markdown", "-q"]).stdout;
    insta::assert_snapshot!("agreement_random_decimals_markdown", markdown);
}
