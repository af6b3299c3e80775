//! `prize judges` (spec section 8) on archives built so that every number is worked out by hand:
//! one criterion on 0–100 of weight 1 (tests/fixtures/trust/prize.toml), so a total is the score
//! itself, and totals made as T(j,a) = q(a) + b(j) + e(j,a) with residuals e that sum to 0 over
//! every judge's and every application's totals: the least-squares `bias` fit then gives back
//! exactly q, b (Σb = 0) and e, whatever the round's own method.

mod common;

use common::{Archive, run};
use serde_json::{Value, json};

const PRIZE_TOML: &str = include_str!("fixtures/trust/prize.toml");

fn application(id: &str) -> String {
    format!(
        "id = \"{id}\"\ntitle = \"Project {id}\"\ntrack = \"projects\"\nsector = \"mobility\"\n\
         submitted = 2026-05-20T14:03:00+09:00\n\n[applicant]\ntype = \"city\"\nname = \"City {id}\"\n\
         country = \"KR\"\nemail = \"a@example.org\"\n\n[project]\nsummary = \"A project.\"\n\
         status = \"operational\"\nstarted = 2023-04-01\nbeneficiaries = [\"residents\"]\n"
    )
}

/// An archive with applications P1…Pn and, per judge (in roster order), a sheet of round
/// `first` with its total for each application (none where `None`).
fn archive(judges: &[(&str, &[Option<f64>])]) -> Archive {
    let mut roster = String::new();
    let mut a = Archive::new().config(PRIZE_TOML);
    let n = judges[0].1.len();
    for i in 1..=n {
        a = a.application(&format!("P{i}.toml"), &application(&format!("P{i}")));
    }
    for (id, totals) in judges {
        roster += &format!("[[judges]]\nid = \"{id}\"\nname = \"Judge {id}\"\ncountry = \"FR\"\n\n");
        let mut sheet = "application,score\n".to_string();
        for (i, t) in totals.iter().enumerate() {
            if let Some(t) = t {
                sheet += &format!("P{},{t}\n", i + 1);
            }
        }
        a = a.sheet("first", id, &sheet);
    }
    a.judges(&roster)
}

/// The three judges of the issue: q = (70, 60, 50, 40); kim lenient (b = +12), lee severe
/// (b = −12), ahn fair (b = 0) and without a score for P4; residuals +3 (kim, P1), −3 (kim, P2),
/// −3 (lee, P1), +3 (lee, P2), 0 elsewhere — each judge's and each application's sum to 0.
///
/// | judge | P1 | P2 | P3 | P4 |
/// | kim   | 85 | 69 | 62 | 52 |
/// | lee   | 55 | 51 | 38 | 28 |
/// | ahn   | 70 | 60 | 50 | –  |
fn three_judges() -> Archive {
    let s = Some;
    archive(&[
        ("kim", &[s(85.0), s(69.0), s(62.0), s(52.0)]),
        ("lee", &[s(55.0), s(51.0), s(38.0), s(28.0)]),
        ("ahn", &[s(70.0), s(60.0), s(50.0), None]),
    ])
}

fn close(what: &str, got: &Value, want: f64) {
    let g = got.as_f64().unwrap_or_else(|| panic!("{what}: {got} is not a number"));
    assert!((g - want).abs() <= 1e-9, "{what}: {g} ≠ {want}");
}

fn row<'a>(out: &'a Value, id: &str) -> &'a Value {
    out["judges"]
        .as_array()
        .unwrap()
        .iter()
        .find(|j| j["id"] == id)
        .unwrap_or_else(|| panic!("no judge {id}: {out}"))
}

#[test]
fn three_judges_by_hand() {
    let dir = three_judges();
    let (code, out) = run(dir.path(), &["judges", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    assert_eq!(out["round"], "first");
    // By id, not in roster order.
    let ids: Vec<&str> = out["judges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["ahn", "kim", "lee"]);

    let (kim, lee, ahn) = (row(&out, "kim"), row(&out, "lee"), row(&out, "ahn"));
    assert_eq!(
        (&kim["name"], &kim["totals"], &ahn["totals"]),
        (&json!("Judge kim"), &json!(4), &json!(3))
    );
    // Means 268/4, 172/4, 180/3; population sds √(578/4), √(458/4), √(200/3) (deviations
    // 18, 2, −5, −15; 12, 8, −5, −15; 10, 0, −10).
    close("kim mean", &kim["mean"], 67.0);
    close("lee mean", &lee["mean"], 43.0);
    close("ahn mean", &ahn["mean"], 60.0);
    close("kim sd", &kim["sd"], (578.0f64 / 4.0).sqrt());
    close("lee sd", &lee["sd"], (458.0f64 / 4.0).sqrt());
    close("ahn sd", &ahn["sd"], (200.0f64 / 3.0).sqrt());
    // The fit gives back b.
    close("kim leniency", &kim["leniency"], 12.0);
    close("lee leniency", &lee["leniency"], -12.0);
    close("ahn leniency", &ahn["leniency"], 0.0);
    // kim against the others' means: P1 85 − (55+70)/2 = 22.5, P2 69 − 55.5 = 13.5,
    // P3 62 − 44 = 18, P4 52 − 28 = 24 (lee alone): offset 78/4 = 19.5. lee: the mirror, −19.5.
    // ahn: 70 − 70, 60 − 60, 50 − 50: 0.
    close("kim offset", &kim["offset"], 19.5);
    close("lee offset", &lee["offset"], -19.5);
    close("ahn offset", &ahn["offset"], 0.0);
    // kim: x = 85, 69, 62, 52 (dx 18, 2, −5, −15), y = 62.5, 55.5, 44, 28 (dy 15, 8, −3.5,
    // −19.5): Σdxdy = 596, Σdx² = 578, Σdy² = 681.5.
    close(
        "kim correlation",
        &kim["correlation"],
        596.0 / (578.0f64 * 681.5).sqrt(),
    );
    // lee: x = 55, 51, 38, 28 (dx 12, 8, −5, −15), y = 77.5, 64.5, 56, 52 (dy 15, 2, −6.5,
    // −10.5): Σdxdy = 386, Σdx² = 458, Σdy² = 381.5.
    close(
        "lee correlation",
        &lee["correlation"],
        386.0 / (458.0f64 * 381.5).sqrt(),
    );
    // ahn's totals are the others' means: r = 1.
    close("ahn correlation", &ahn["correlation"], 1.0);
    // N − A − J + P = 11 − 4 − 3 + 1 = 5; Σe² = 4 · 9 = 36; s² = 7.2; z² = 9/7.2 = 1.25 on
    // kim's and lee's first two totals, 0 elsewhere: fit 2.5/4 = 0.625, 0.625 and 0.
    close("kim fit", &kim["fit"], 0.625);
    close("lee fit", &lee["fit"], 0.625);
    close("ahn fit", &ahn["fit"], 0.0);
    assert_eq!(kim["flags"], json!(["lenient"]));
    assert_eq!(lee["flags"], json!(["severe"]));
    assert_eq!(ahn["flags"], json!([]));
}

#[test]
fn the_fit_is_the_same_whatever_the_rounds_method() {
    let mean = run(three_judges().path(), &["judges", "--format", "json"]).stdout;
    for method in ["bias", "zscore", "median"] {
        let dir = three_judges().config_edit(|c| c.replace("method = \"mean\"", &format!("method = \"{method}\"")));
        let other = run(dir.path(), &["judges", "--format", "json"]).json();
        let mean = common::json(&mean);
        for (a, b) in mean["judges"]
            .as_array()
            .unwrap()
            .iter()
            .zip(other["judges"].as_array().unwrap())
        {
            for key in ["leniency", "offset", "correlation", "fit"] {
                close(&format!("{method} {key}"), &b[key], a[key].as_f64().unwrap());
            }
            assert_eq!(a["flags"], b["flags"]);
        }
    }
}

#[test]
fn every_flag_in_order_with_the_thresholds_reached_exactly() {
    // Five judges, six applications, every total given: q = (60, 80, 62, 82, 64, 84);
    // bold: b = +10, residuals ±12 (+ on P1, P3, P5); harsh: b = −10; a, b, c fair: b = 0; the
    // four of them residuals ∓3 (each application's residuals sum to 12 − 4·3 = 0).
    let s = Some;
    let bold = [82.0, 78.0, 84.0, 80.0, 86.0, 82.0].map(s);
    let harsh = [47.0, 73.0, 49.0, 75.0, 51.0, 77.0].map(s);
    let fair = [57.0, 83.0, 59.0, 85.0, 61.0, 87.0].map(s);
    let dir = archive(&[
        ("x-bold", &bold),
        ("y-harsh", &harsh),
        ("a-fair", &fair),
        ("b-fair", &fair),
        ("c-fair", &fair),
    ]);
    let out = run(dir.path(), &["judges", "--format", "json"]).json();
    let bold = row(&out, "x-bold");
    // Leniency exactly 10 is lenient and −10 severe (as the fit computes them, to the last bits).
    close("bold leniency", &bold["leniency"], 10.0);
    close("harsh leniency", &row(&out, "y-harsh")["leniency"], -10.0);
    // bold's totals: mean 82, deviations 0, −4, 2, −2, 4, 0: sd √(40/6) ≈ 2.58 < 5 over 6: flat.
    close("bold sd", &bold["sd"], (40.0f64 / 6.0).sqrt());
    // The others' means for bold: (harsh + 3·fair)/4 = 54.5, 80.5, 56.5, 82.5, 58.5, 84.5 (mean
    // 69.5, deviations −15, 11, −13, 13, −11, 15): bold − others = 27.5, −2.5, … : offset 12.5;
    // Σdxdy = −44 − 26 − 26 − 44 = −140, Σdx² = 40, Σdy² = 1030: contrarian over 6 applications.
    close("bold offset", &bold["offset"], 12.5);
    close(
        "bold correlation",
        &bold["correlation"],
        -140.0 / (40.0f64 * 1030.0).sqrt(),
    );
    // N − A − J + P = 30 − 6 − 5 + 1 = 20; Σe² = 6·144 + 24·9 = 1080; s² = 54: bold's z² are
    // 144/54 = 8/3 (erratic), the others' 9/54 = 1/6.
    close("bold fit", &bold["fit"], 8.0 / 3.0);
    assert_eq!(bold["flags"], json!(["lenient", "erratic", "flat", "contrarian"]));
    let harsh = row(&out, "y-harsh");
    close("harsh fit", &harsh["fit"], 1.0 / 6.0);
    // harsh against (bold + 3·fair)/4 = q + 2.5 ± 0.75: harsh − others = −12.5 ∓ 3.75.
    close("harsh offset", &harsh["offset"], -12.5);
    assert_eq!(harsh["flags"], json!(["severe"]));
    // A fair judge against (bold + harsh + 2·fair)/4 = q ± 0.75: offset 0; x deviations −15, 11,
    // −13, 13, −11, 15, y deviations −11.25, 7.25, −9.25, 9.25, −7.25, 11.25.
    let fair = row(&out, "a-fair");
    close("fair offset", &fair["offset"], 0.0);
    close(
        "fair correlation",
        &fair["correlation"],
        737.5 / (1030.0f64 * 529.375).sqrt(),
    );
    close("fair sd", &fair["sd"], (1030.0f64 / 6.0).sqrt());
    assert_eq!(fair["flags"], json!([]));
    let ids: Vec<&str> = out["judges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| j["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["a-fair", "b-fair", "c-fair", "x-bold", "y-harsh"]);
}

#[test]
fn an_exact_fit_has_no_fit_and_a_lone_judge_no_comparison() {
    // Without the ±3 residuals T = q + b exactly: every residual is 0, so fit is absent.
    let s = Some;
    let exact = archive(&[
        ("kim", &[s(82.0), s(72.0), s(62.0), s(52.0)]),
        ("lee", &[s(58.0), s(48.0), s(38.0), s(28.0)]),
        ("ahn", &[s(70.0), s(60.0), s(50.0), None]),
    ]);
    let out = run(exact.path(), &["judges", "--format", "json"]).json();
    for j in out["judges"].as_array().unwrap() {
        assert!(j["fit"].is_null(), "{j}");
    }
    close("kim leniency", &row(&out, "kim")["leniency"], 12.0);
    // One judge: N − A − J + P = 3 − 3 − 1 + 1 = 0, and no other judge to compare with.
    let alone = archive(&[("kim", &[s(80.0), s(60.0), s(40.0)])]);
    let out = run(alone.path(), &["judges", "--format", "json"]).json();
    let kim = row(&out, "kim");
    assert!(
        kim["offset"].is_null() && kim["correlation"].is_null() && kim["fit"].is_null(),
        "{kim}"
    );
    close("kim leniency", &kim["leniency"], 0.0);
    // People see a dash where a number is absent, and the flags.
    let human = run(alone.path(), &["judges"]).stdout;
    assert!(human.contains("│ kim") && human.contains('–'), "{human}");
    let human = run(three_judges().path(), &["judges"]).stdout;
    assert!(
        human.contains("lenient") && human.contains("severe") && human.contains("19.50"),
        "{human}"
    );
}

#[test]
fn csv_and_markdown_have_one_row_per_judge() {
    let dir = three_judges();
    let csv = run(dir.path(), &["judges", "--format", "csv"]).stdout;
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(
        lines[0],
        "round,judge,name,totals,mean,sd,leniency,offset,correlation,fit,flags"
    );
    assert_eq!(lines.len(), 4, "{csv}");
    assert!(lines[1].starts_with("first,ahn,Judge ahn,3,60,"), "{csv}");
    assert!(lines[2].ends_with(",lenient"), "{csv}");
    let md = run(dir.path(), &["judges", "--format", "markdown"]).stdout;
    assert!(
        md.contains("| judge | name | totals |") && md.contains("| kim | Judge kim | 4 |"),
        "{md}"
    );
}

#[test]
fn a_broken_archive_assesses_no_judge() {
    let dir = three_judges().config_edit(|c| c.replace("max = 100", "max = 0"));
    let out = run(dir.path(), &["judges"]);
    assert_eq!(out.code, 1);
    assert_eq!(out.stdout, "");
    assert!(
        out.stderr.contains("prize.toml has errors, so no judge is assessed"),
        "{}",
        out.stderr
    );
    let unknown = run(three_judges().path(), &["judges", "--round", "finale"]);
    assert_eq!(unknown.code, 2, "{}", unknown.stderr);
}

#[test]
fn what_a_secretariat_reads() {
    let human = run(three_judges().path(), &["judges"]).stdout;
    insta::assert_snapshot!("judges_three", human);
    let markdown = run(three_judges().path(), &["judges", "--format", "markdown", "-q"]).stdout;
    insta::assert_snapshot!("judges_three_markdown", markdown);
}

#[test]
fn a_judges_name_is_escaped_for_people_and_defused_in_csv() {
    let dir = three_judges().edit("judges.toml", |t| {
        t.replacen("name = \"Judge kim\"", "name = \"=HYPERLINK(1)\\u001b[31m\"", 1)
    });
    let human = run(dir.path(), &["judges"]).stdout;
    assert!(!human.contains('\u{1b}') && human.contains("\\u{1b}"), "{human}");
    let csv = run(dir.path(), &["judges", "--format", "csv"]).stdout;
    assert!(csv.contains(",'=HYPERLINK(1)\u{1b}[31m,"), "{csv}");
}

#[test]
fn the_order_of_the_roster_and_of_the_rows_changes_no_byte() {
    let s = Some;
    let forward = three_judges();
    // The same totals with the roster reversed and each sheet's rows reversed.
    let backward = archive(&[
        ("ahn", &[s(70.0), s(60.0), s(50.0), None]),
        ("lee", &[s(55.0), s(51.0), s(38.0), s(28.0)]),
        ("kim", &[s(85.0), s(69.0), s(62.0), s(52.0)]),
    ]);
    for judge in ["ahn", "lee", "kim"] {
        let path = format!("scores/first/{judge}.csv");
        let backward_path = backward.join(&path);
        let text = common::read(&backward_path);
        let mut lines: Vec<&str> = text.lines().collect();
        lines[1..].reverse();
        common::write(&backward_path, (lines.join("\n") + "\n").as_bytes());
    }
    for command in ["judges", "agreement"] {
        let a = run(forward.path(), &[command, "--format", "json"]).stdout;
        let b = run(backward.path(), &[command, "--format", "json"]).stdout;
        assert_eq!(a, b, "{command}");
    }
}
