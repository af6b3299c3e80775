//! `prize compare` (spec section 8): Kendall's τ-b against scipy, and what changes with the
//! method on an archive where mean and median advance and award different applications.

mod common;

use common::{Application, Archive, Output, THREE_JUDGES, run};
use prize::trust::compare::tau_b;
use serde_json::{Value, json};

/// τ-b of the lists of tests/reference/kendall.py, as scipy 1.17.1 printed them.
#[test]
fn tau_b_is_scipys_variant_b() {
    let cases: [(&[f64], &[f64], f64); 5] = [
        (&[1., 2., 3., 4., 5.], &[5., 6., 7., 8., 7.], 0.7378647873726218),
        (&[12., 2., 1., 12., 2.], &[1., 4., 7., 1., 0.], -0.4714045207910316),
        (
            &[1., 1., 2., 2., 3., 3., 4.],
            &[1., 2., 1., 3., 3., 2., 4.],
            0.6111111111111113,
        ),
        (
            &[80., 80., 75., 70., 70., 60.],
            &[90., 85., 85., 70., 71., 60.],
            0.8894991799933215,
        ),
        (&[50., 50., 50., 40.], &[1., 2., 3., 4.], -0.7071067811865477),
    ];
    for (x, y, want) in cases {
        let got = tau_b(x, y).unwrap();
        assert!((got - want).abs() < 1e-12, "{x:?} {y:?}: {got} against scipy's {want}");
    }
}

#[test]
fn tau_b_compares_scores_with_the_spec_equality() {
    // 49.99999999999999 is 50 (section 5): the first three are tied, as in scipy's last case.
    let x = [50.0, 49.99999999999999, 50.0, 40.0];
    let got = tau_b(&x, &[1., 2., 3., 4.]).unwrap();
    assert!((got - -0.7071067811865477).abs() < 1e-12, "{got}");
    // All equal (by that equality) in one list: undefined; fewer than two: undefined.
    assert_eq!(tau_b(&[50.0, 49.99999999999999, 50.0], &[1., 2., 3.]), None);
    assert_eq!(tau_b(&[1.0], &[2.0]), None);
}

/// One criterion 0–10, so a judge's total is 10 × the score. Rounds `first` (two advance) and
/// `final`; a Gold in the final; min_judges 2, no tie-break keys.
const CONFIG: &str = r#"[prize]
name = "Compare"
edition = "2026"
sectors = ["mobility"]
applicant_types = ["city"]

[[tracks]]
id = "projects"
name = "Projects"

[[criteria]]
id = "impact"
name = "Impact"
weight = 1
min = 0
max = 10

[scoring]
method = "mean"
min_judges = 2
trim = 1

[[rounds]]
id = "first"
name = "First round"
advance = 2

[[rounds]]
id = "final"
name = "Final"

[[awards]]
id = "gold"
name = "Gold"
track = "projects"
count = 1
"#;

/// First round, scores × 10:   A: 100 100 10   B: 80 80 80   C: 90 90 20   D: 50 50 50
/// mean:   B 80, A 70, C 66.67, D 50  → B and A advance
/// median: A 100, C 90, B 80, D 50    → A and C advance
/// Final (A and B, who advanced under the round's own method, mean):
///         A: 100 100 10   B: 80 100 100
/// mean:   B 93.33, A 70 → B wins Gold; median: A 100, B 100, tied → G = {A, B}, A provisional.
fn archive() -> Archive {
    let sheet = |rows: &[(&str, u32)]| {
        let mut text = "application,impact\n".to_string();
        for (id, x) in rows {
            text += &format!("{id},{x}\n");
        }
        text
    };
    let mut archive = Archive::new().config(CONFIG).judges(THREE_JUDGES);
    for id in ["A", "B", "C", "D"] {
        archive = archive.application(&format!("{id}.toml"), &Application::new(id).toml());
    }
    archive
        .sheet("first", "ja", &sheet(&[("A", 10), ("B", 8), ("C", 9), ("D", 5)]))
        .sheet("first", "jb", &sheet(&[("A", 10), ("B", 8), ("C", 9), ("D", 5)]))
        .sheet("first", "jc", &sheet(&[("A", 1), ("B", 8), ("C", 2), ("D", 5)]))
        .sheet("final", "ja", &sheet(&[("A", 10), ("B", 8)]))
        .sheet("final", "jb", &sheet(&[("A", 10), ("B", 10)]))
        .sheet("final", "jc", &sheet(&[("A", 1), ("B", 10)]))
}

fn compare(archive: &Archive, args: &[&str]) -> Value {
    let out = run(archive.path(), &[&["compare", "--format", "json"], args].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

#[test]
fn who_advances_depends_on_the_method() {
    let archive = archive();
    let c = compare(&archive, &["--round", "first", "--methods", "mean,median"]);
    assert_eq!(c["round"], "first");
    assert_eq!(c["methods"], json!(["mean", "median"]));
    let track = &c["tracks"][0];
    assert_eq!(track["track"], "projects");
    // Rows by the first method's rank: B, A, C, D.
    let ids: Vec<&str> = track["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["B", "A", "C", "D"]);
    let row = |id: &str| {
        track["ranking"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(row("A")["ranks"], json!({"mean": 2, "median": 1}));
    assert_eq!(row("C")["ranks"], json!({"mean": 3, "median": 2}));
    let mean_c = row("C")["scores"]["mean"].as_f64().unwrap();
    assert!((mean_c - 200.0 / 3.0).abs() < 1e-9, "{mean_c}");
    assert_eq!(row("A")["scores"]["median"].as_f64(), Some(100.0));
    // Pairs (A,B) and (B,C) are discordant, the other four concordant: τ = (4 − 2)/6.
    let tau = &track["tau"][0];
    assert_eq!((&tau["a"], &tau["b"]), (&json!("mean"), &json!("median")));
    assert!((tau["tau"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-12, "{tau}");
    assert_eq!(
        c["advancing"],
        json!([{"id": "B", "methods": ["mean"]}, {"id": "C", "methods": ["median"]}])
    );
    // Not the last round: no award is decided from it.
    assert_eq!(c["awards"], json!([]));
}

#[test]
fn the_gold_depends_on_the_method_and_a_tie_is_reported_not_an_error() {
    let archive = archive();
    // The final is the last round with sheets: the default.
    let c = compare(&archive, &["--methods", "mean,median"]);
    assert_eq!(c["round"], "final");
    let gold = &c["awards"][0];
    assert_eq!(gold["id"], "gold");
    assert_eq!(gold["winners"], json!({"mean": ["B"], "median": ["A"]}));
    assert_eq!(gold["tie_at_cutoff"], json!({"mean": [], "median": ["A", "B"]}));
    assert_eq!(gold["changes"], json!(["A", "B"]));
    // The final does not advance.
    assert_eq!(c["advancing"], json!([]));
    // Both tied at 100 under the median share rank 1.
    let ranks: Vec<&Value> = c["tracks"][0]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| &r["ranks"]["median"])
        .collect();
    assert_eq!(ranks, [&json!(1), &json!(1)]);
}

#[test]
fn every_method_by_default_in_every_format() {
    let archive = archive();
    let c = compare(&archive, &[]);
    assert_eq!(
        c["methods"],
        json!(["mean", "median", "trimmed", "zscore", "rank", "bias"])
    );
    // Six methods, fifteen pairs.
    assert_eq!(c["tracks"][0]["tau"].as_array().unwrap().len(), 15);
    let Output { code, stdout, .. } = run(archive.path(), &["compare", "--round", "first"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("Advancing"), "{stdout}");
    assert!(stdout.contains("τ-b"), "{stdout}");
    let Output { code, stdout, .. } = run(
        archive.path(),
        &[
            "compare",
            "--round",
            "first",
            "--methods",
            "mean,median",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[0],
        "round,track,id,applicant,rank_mean,score_mean,rank_median,score_median,advances_under,wins"
    );
    assert!(
        lines[1].starts_with("first,projects,B,City B,1,80,3,80,mean,"),
        "{}",
        lines[1]
    );
    let Output { code, stdout, .. } = run(archive.path(), &["compare", "--format", "markdown"]);
    assert_eq!(code, 0);
    assert!(stdout.contains("### Gold — winners under each method"), "{stdout}");
    // The same archive gives the same bytes.
    assert_eq!(run(archive.path(), &["compare", "--format", "markdown"]).stdout, stdout);
}

#[test]
fn bad_methods_are_usage_errors() {
    let archive = archive();
    for methods in ["mean,average", "mean,mean"] {
        let out = run(archive.path(), &["compare", "--methods", methods]);
        assert_eq!(out.code, 2, "{methods}: {}", out.stderr);
    }
}
