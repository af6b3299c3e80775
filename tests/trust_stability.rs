//! `prize stability` (spec section 8): the bootstrap against the exact bootstrap value, computed
//! here by enumerating every draw of a three-judge jury; the same seed, the same bytes;
//! leave-one-judge-out on an archive where one judge alone decides the Gold; `--samples` bounds;
//! the stability line of `prize explain`.

mod common;

use common::{Application, Archive, Output, THREE_JUDGES, run};
use serde_json::{Value, json};

/// One criterion 0–10, so a judge's total is 10 × the score. `first` sends two on; the Gold is
/// decided in `final`. min_judges 2, the mean, no tie-break keys.
const CONFIG: &str = r#"[prize]
name = "Stability"
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

const APPS: [&str; 4] = ["A1", "A2", "A3", "A4"];

/// The totals of the first round, per judge (ja, jb, jc) and application (A1..A4); jc did not
/// score A4. Means: A1 73.33, A2 76.67, A3 56.67, A4 75 → A2, A4 advance.
const FIRST: [[Option<f64>; 4]; 3] = [
    [Some(90.0), Some(60.0), Some(70.0), Some(50.0)],
    [Some(50.0), Some(80.0), Some(60.0), Some(100.0)],
    [Some(80.0), Some(90.0), Some(40.0), None],
];

/// The totals of the final (A2 and A4 compete): A2 80, A4 73.33 → A2 wins the Gold. Without ja:
/// A2 70, A4 80, so ja alone decides it; without jb or jc, A2 85 against A4 70.
const FINAL: [[Option<f64>; 4]; 3] = [
    [None, Some(100.0), None, Some(60.0)],
    [None, Some(70.0), None, Some(80.0)],
    [None, Some(70.0), None, Some(80.0)],
];

fn sheet(totals: &[Option<f64>; 4]) -> String {
    let mut text = "application,impact\n".to_string();
    for (id, t) in APPS.iter().zip(totals) {
        if let Some(t) = t {
            text += &format!("{id},{}\n", t / 10.0);
        }
    }
    text
}

fn archive() -> Archive {
    let mut archive = Archive::new().config(CONFIG).judges(THREE_JUDGES);
    for id in APPS {
        archive = archive.application(&format!("{id}.toml"), &Application::new(id).toml());
    }
    for (j, judge) in ["ja", "jb", "jc"].iter().enumerate() {
        archive = archive
            .sheet("first", judge, &sheet(&FIRST[j]))
            .sheet("final", judge, &sheet(&FINAL[j]));
    }
    archive
}

/// The exact bootstrap of one application: the average over all 27 equally likely draws of
/// three judges from three.
#[derive(Debug, Default, Clone)]
struct Exact {
    p_unranked: f64,
    p_advance: f64,
    p_gold: f64,
    /// Probability of each rank (index = rank), over all draws.
    rank: Vec<f64>,
}

fn equal(x: f64, y: f64) -> bool {
    (x - y).abs() <= 1e-9 * 1f64.max(x.abs()).max(y.abs())
}

/// Every draw (i, j, k) of judges, each 1/27: a judge drawn k times counts k times in n(a) and
/// in the mean; n(a) < 2 leaves a unranked; ranks are standard competition ranks; the best `advance`
/// ranks advance; the Gold goes to one of those of rank 1, each as likely.
fn exact(totals: &[[Option<f64>; 4]; 3], advance: usize) -> Vec<Exact> {
    let mut out = vec![
        Exact {
            rank: vec![0.0; 5],
            ..Exact::default()
        };
        4
    ];
    let w = 1.0 / 27.0;
    for draw in 0..27 {
        let mut counts = [0u32; 3];
        for d in [draw % 3, draw / 3 % 3, draw / 9] {
            counts[d] += 1;
        }
        let score: Vec<Option<f64>> = (0..4)
            .map(|a| {
                let (mut n, mut sum) = (0u32, 0.0);
                for j in 0..3 {
                    if let Some(t) = totals[j][a] {
                        n += counts[j];
                        sum += f64::from(counts[j]) * t;
                    }
                }
                (n >= 2).then(|| sum / f64::from(n))
            })
            .collect();
        // Only the applications that compete in the round (those with some total).
        let competing: Vec<usize> = (0..4).filter(|&a| (0..3).any(|j| totals[j][a].is_some())).collect();
        let rank = |a: usize| -> Option<usize> {
            let s = score[a]?;
            Some(
                1 + competing
                    .iter()
                    .filter(|&&b| score[b].is_some_and(|t| t > s && !equal(t, s)))
                    .count(),
            )
        };
        let firsts = competing.iter().filter(|&&a| rank(a) == Some(1)).count();
        for &a in &competing {
            match rank(a) {
                None => out[a].p_unranked += w,
                Some(r) => {
                    out[a].rank[r] += w;
                    if r <= advance {
                        out[a].p_advance += w;
                    }
                    if r == 1 {
                        out[a].p_gold += w / firsts as f64;
                    }
                }
            }
        }
    }
    out
}

/// The nearest-rank percentile `p` of a rank distribution, and whether it is safe to compare
/// with a sampled one (no cumulative share within 0.02 of p, where sampling could go either way).
fn percentile(dist: &[f64], p: f64) -> (usize, bool) {
    let total: f64 = dist.iter().sum();
    let mut cumulative = 0.0;
    let mut safe = true;
    let mut found = None;
    for (r, &q) in dist.iter().enumerate().skip(1) {
        cumulative += q / total;
        if q > 0.0 && (cumulative - p).abs() < 0.02 {
            safe = false;
        }
        if found.is_none() && cumulative >= p - 1e-12 {
            found = Some(r);
        }
    }
    (found.unwrap(), safe)
}

fn stability(archive: &Archive, args: &[&str]) -> Value {
    let out = run(archive.path(), &[&["stability", "--format", "json"], args].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.json()
}

fn entry<'a>(s: &'a Value, id: &str) -> &'a Value {
    s["applications"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == id)
        .unwrap_or_else(|| panic!("no {id} in {s}"))
}

fn close(got: &Value, want: f64, tolerance: f64, what: &str) {
    let got = got.as_f64().unwrap_or_else(|| panic!("{what}: {got} is not a number"));
    assert!(
        (got - want).abs() <= tolerance,
        "{what}: {got} against the exact {want}"
    );
}

#[test]
fn the_bootstrap_agrees_with_the_exact_bootstrap_in_a_round_that_advances() {
    let archive = archive();
    let s = stability(&archive, &["--round", "first", "--samples", "10000"]);
    assert_eq!(
        (&s["round"], &s["method"], &s["samples"], &s["seed"]),
        (&json!("first"), &json!("mean"), &json!(10000), &json!(1))
    );
    // The full result: A2 76.67, A4 75, A1 73.33, A3 56.67, listed in that order.
    let ids: Vec<&str> = s["applications"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["A2", "A4", "A1", "A3"]);
    let exact = exact(&FIRST, 2);
    // A4 is unranked whenever ja and jb are drawn at most once together: 7 draws of 27.
    assert!((exact[3].p_unranked - 7.0 / 27.0).abs() < 1e-12);
    for (a, id) in APPS.iter().enumerate() {
        let e = entry(&s, id);
        assert_eq!(e["track"], "projects");
        assert_eq!(e["rank"], json!([3, 1, 4, 2][a]), "{id}");
        close(&e["p_unranked"], exact[a].p_unranked, 0.04, &format!("{id} p_unranked"));
        close(&e["p_advance"], exact[a].p_advance, 0.04, &format!("{id} p_advance"));
        assert!(e.get("p_award").is_none() && e.get("p_any_award").is_none(), "{e}");
        for (key, p) in [("rank_low", 0.05), ("rank_high", 0.95)] {
            let (want, safe) = percentile(&exact[a].rank, p);
            if safe {
                assert_eq!(e[key], json!(want), "{id} {key}");
            }
        }
    }
}

#[test]
fn the_bootstrap_agrees_with_the_exact_bootstrap_in_the_last_round() {
    let archive = archive();
    let s = stability(&archive, &["--samples", "10000", "--seed", "42"]);
    assert_eq!(s["round"], "final");
    let exact = exact(&FINAL, 0);
    // A2 wins whenever ja is drawn: 1 − (2/3)³ = 19/27.
    assert!((exact[1].p_gold - 19.0 / 27.0).abs() < 1e-12);
    for a in [1, 3] {
        let e = entry(&s, APPS[a]);
        close(&e["p_award"]["gold"], exact[a].p_gold, 0.04, "p_award");
        close(&e["p_any_award"], exact[a].p_gold, 0.04, "p_any_award");
        close(&e["p_unranked"], 0.0, 0.0, "p_unranked");
        assert!(e.get("p_advance").is_none(), "{e}");
    }
}

#[test]
fn a_tie_at_the_cutoff_is_settled_at_random_in_each_sample() {
    // The judging fixture's final: ja gives P1 100 and P2 50, jb the reverse. Drawn (ja, ja),
    // P1 wins; (jb, jb), P2; (ja, jb) or (jb, ja), both 75 with equal design, a tie that each
    // wins half the time: P2's exact chance is 1/4 + 1/2 · 1/2 = 1/2.
    let archive = Archive::judging();
    let s = stability(&archive, &["--samples", "10000"]);
    close(&entry(&s, "P2")["p_award"]["gold"], 0.5, 0.04, "P2");
    close(&entry(&s, "P1")["p_award"]["gold"], 0.5, 0.04, "P1");
}

#[test]
fn the_same_seed_gives_the_same_bytes() {
    let archive = archive();
    for format in ["json", "human", "csv", "markdown"] {
        let args = ["stability", "--round", "first", "--samples", "300", "--format", format];
        let a = run(archive.path(), &args);
        let b = run(archive.path(), &args);
        assert_eq!(a.code, 0, "{}", a.stderr);
        assert_eq!(a.stdout, b.stdout, "{format}");
    }
    let one = run(
        archive.path(),
        &["stability", "--round", "first", "--samples", "300", "--format", "json"],
    );
    let other = run(
        archive.path(),
        &[
            "stability",
            "--round",
            "first",
            "--samples",
            "300",
            "--seed",
            "2",
            "--format",
            "json",
        ],
    );
    assert_ne!(one.stdout, other.stdout, "another seed, other samples");
    // The samples are shared among threads: one thread gives the same bytes as several.
    let mut single = common::prize();
    single
        .env("RAYON_NUM_THREADS", "1")
        .arg("-C")
        .arg(archive.path())
        .args(["stability", "--round", "first", "--samples", "300", "--format", "json"]);
    assert_eq!(common::run_cmd(single).stdout, one.stdout);
    let mut three = common::prize();
    three.env("RAYON_NUM_THREADS", "3").arg("-C").arg(archive.path()).args([
        "stability",
        "--round",
        "first",
        "--samples",
        "300",
        "--format",
        "json",
    ]);
    assert_eq!(common::run_cmd(three).stdout, one.stdout);
}

#[test]
fn leaving_out_the_judge_who_decides_the_gold() {
    let archive = archive();
    let s = stability(&archive, &["--samples", "10"]);
    assert_eq!(
        s["leave_one_out"],
        json!([
            {"judge": "ja", "changes": [
                {"kind": "loses-award", "id": "A2", "award": "gold"},
                {"kind": "wins-award", "id": "A4", "award": "gold"},
            ]},
            {"judge": "jb", "changes": []},
            {"judge": "jc", "changes": []},
        ])
    );
    let Output { stdout, .. } = run(archive.path(), &["stability", "--samples", "10"]);
    let rows: Vec<Vec<&str>> = stdout
        .lines()
        .skip_while(|l| !l.starts_with("Leave one judge out"))
        .filter(|l| l.starts_with('│'))
        .map(|l| l.trim_matches('│').split('┆').map(str::trim).collect())
        .collect();
    assert_eq!(
        rows,
        [
            vec!["without", "id", "what changes"],
            vec!["ja", "A2", "loses Gold"],
            vec!["ja", "A4", "wins Gold"],
            vec!["jb", "", "nothing"],
            vec!["jc", "", "nothing"],
        ],
        "{stdout}"
    );
}

#[test]
fn leaving_out_a_judge_changes_who_advances() {
    // Without ja: A1 65, A2 85, A3 50, A4 unranked (one judge) → A2, A1 advance.
    // Without jb: A1 85, A2 75, A3 55, A4 unranked → A1, A2.
    // Without jc: A1 70, A2 70, A3 65, A4 75 → A4 first, A1 and A2 share second: all three.
    let archive = archive();
    let s = stability(&archive, &["--round", "first", "--samples", "10"]);
    let changes =
        |kinds: &[(&str, &str)]| -> Value { kinds.iter().map(|(kind, id)| json!({"kind": kind, "id": id})).collect() };
    assert_eq!(
        s["leave_one_out"],
        json!([
            {"judge": "ja", "changes": changes(&[("no-longer-advances", "A4"), ("now-advances", "A1")])},
            {"judge": "jb", "changes": changes(&[("no-longer-advances", "A4"), ("now-advances", "A1")])},
            {"judge": "jc", "changes": changes(&[("now-advances", "A1")])},
        ])
    );
}

#[test]
fn samples_out_of_bounds_are_refused() {
    let archive = archive();
    for n in ["0", "1000001", "-3", "many"] {
        let out = run(archive.path(), &["stability", "--samples", n]);
        assert_eq!(out.code, 2, "--samples {n}: {}", out.stderr);
        assert_eq!(out.stdout, "");
    }
    assert_eq!(run(archive.path(), &["stability", "--samples", "1"]).code, 0);
}

#[test]
fn another_method_scores_every_sample() {
    // Under the median the final is A2 70 (100, 70, 70) against A4 80: the full result flips,
    // and without ja (70, 70 against 80, 80) nothing changes, while without jb or jc A2's
    // median is 85 against A4's 70.
    let archive = archive();
    let s = stability(&archive, &["--samples", "10", "--method", "median"]);
    assert_eq!(s["method"], "median");
    assert_eq!(entry(&s, "A4")["rank"], json!(1));
    let loo = &s["leave_one_out"];
    assert_eq!(loo[0]["changes"], json!([]));
    assert_eq!(
        loo[1]["changes"],
        json!([
            {"kind": "loses-award", "id": "A4", "award": "gold"},
            {"kind": "wins-award", "id": "A2", "award": "gold"},
        ])
    );
}

#[test]
fn explain_shows_the_stability_line() {
    let archive = archive();
    let out = run(archive.path(), &["explain", "A2", "--format", "json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let line = &out.json()["stability"];
    assert_eq!(
        (&line["round"], &line["samples"], &line["seed"]),
        (&json!("final"), &json!(1000), &json!(1))
    );
    assert_eq!(line["p_award"][0]["id"], "gold");
    // 1000 samples: four standard errors of 19/27 are 0.058.
    close(&line["p_award"][0]["p"], 19.0 / 27.0, 0.06, "explain's P(Gold)");
    let Output { stdout, .. } = run(archive.path(), &["explain", "A2"]);
    assert!(
        stdout.contains("stability (round final, 1000 samples of the jury, seed 1, mean)"),
        "{stdout}"
    );
    assert!(stdout.contains("P(any award)"), "{stdout}");
    // A3 went out in the first round: its line is that round's chance of advancing.
    let out = run(archive.path(), &["explain", "A3", "--format", "json"]);
    let line = &out.json()["stability"];
    assert_eq!(line["round"], "first");
    close(
        &line["p_advance"],
        exact(&FIRST, 2)[2].p_advance,
        0.06,
        "A3's P(advance)",
    );
}

#[test]
fn errors_in_the_archive_make_exit_1_and_a_broken_configuration_stops_both_commands() {
    // An application file with only an id is invalid: an error, yet the rest is judged.
    let with_error = archive().application("broken.toml", "id = \"X1\"\n");
    for args in [
        &["compare", "--format", "json"][..],
        &["stability", "--samples", "20", "--format", "json"],
    ] {
        let out = run(with_error.path(), args);
        assert_eq!(out.code, 1, "{args:?}: {}", out.stderr);
        assert!(out.json()["round"] == "final", "{args:?}");
        assert!(
            out.stderr.contains("run `prize validate` to see the errors"),
            "{}",
            out.stderr
        );
    }
    let broken = Archive::base().config_edit(|text| text.replacen("max = 10", "max = 0", 1));
    for args in [&["compare"][..], &["stability"]] {
        let out = run(broken.path(), args);
        assert_eq!((out.code, out.stdout.as_str()), (1, ""), "{args:?}: {}", out.stderr);
        assert!(out.stderr.contains("prize.toml has errors"), "{}", out.stderr);
    }
    // No GitHub form: a usage error.
    assert_eq!(run(archive().path(), &["stability", "--format", "github"]).code, 2);
}
