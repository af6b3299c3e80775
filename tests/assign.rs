//! `prize assign` on `tests/fixtures/judging`, where everything can be counted by hand: six
//! eligible applications (L1, P1–P5), judges ja (KR, declared conflict with P5), jb (PT) and
//! jc (CO, first round only). The first round advances P1 and P2 of the projects track (P3 and P4
//! tie third); L1, with one score, is not ranked.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

use common::{Archive, Output, run, strings as ids};
use serde_json::Value;

/// The fixture with more judges, serving in every round, without conflicts.
fn archive_with_judges(ids: &[&str]) -> Archive {
    Archive::judging().edit("judges.toml", |mut roster| {
        for (i, id) in ids.iter().enumerate() {
            roster += &format!("\n[[judges]]\nid = \"{id}\"\nname = \"Extra Judge {i}\"\ncountry = \"FR\"\n");
        }
        roster
    })
}

/// `prize -C dir assign --format json ARGS`: the exit code and the report.
fn assign_json(dir: &Path, args: &[&str]) -> (i32, Value) {
    run(dir, &[&["assign", "--format", "json"], args].concat()).code_json()
}

fn stored(dir: &Path, round: &str) -> Option<String> {
    fs::read_to_string(dir.join("assignments").join(format!("{round}.csv"))).ok()
}

/// The stored pairs as application → judges.
fn judges_of(text: &str) -> BTreeMap<String, Vec<String>> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("application,judge"));
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let rows: Vec<&str> = lines.collect();
    let mut sorted = rows.clone();
    sorted.sort();
    assert_eq!(rows, sorted, "rows are sorted");
    for row in rows {
        let (a, j) = row.split_once(',').unwrap();
        out.entry(a.to_string()).or_default().push(j.to_string());
    }
    out
}

fn loads(of: &BTreeMap<String, Vec<String>>) -> BTreeMap<String, usize> {
    let mut out = BTreeMap::new();
    for judges in of.values() {
        for j in judges {
            *out.entry(j.clone()).or_default() += 1;
        }
    }
    out
}

#[test]
fn every_application_gets_two_judges_and_every_pair_of_judges_shares_two() {
    let dir = Archive::judging();
    let Output { code, stdout, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "2"]);
    assert_eq!(code, 0);
    // 6 applications × 2 = 12 places for 3 judges: 4 each. Each application takes one of the 3
    // pairs; with loads 4, 4, 4 each pair is taken twice (ab + ac = 4, ab + bc = 4, ac + bc = 4).
    assert_eq!(
        stdout,
        "assignments/first.csv: written: 6 applications × 2 judges = 12 assignments among 3 judges\n  \
         load: 4 applications each\n  \
         most-repeated pair: two judges share 2 applications (3 pairs)\n  \
         judge–application graph: connected\n"
    );
    let of = judges_of(&stored(dir.path(), "first").unwrap());
    assert_eq!(
        of.keys().cloned().collect::<Vec<_>>(),
        ids(&["L1", "P1", "P2", "P3", "P4", "P5"])
    );
    assert!(of.values().all(|j| j.len() == 2 && j[0] != j[1]));
    // ja declared a conflict with P5, so P5 has the other two.
    assert_eq!(of["P5"], ids(&["jb", "jc"]));
    assert_eq!(loads(&of).into_values().collect::<Vec<_>>(), [4, 4, 4]);
    let mut pairs: BTreeMap<(String, String), usize> = BTreeMap::new();
    for j in of.values() {
        *pairs.entry((j[0].clone(), j[1].clone())).or_default() += 1;
    }
    assert_eq!(pairs.into_values().collect::<Vec<_>>(), [2, 2, 2]);
}

#[test]
fn the_json_report() {
    let dir = Archive::judging();
    let (code, r) = assign_json(
        dir.path(),
        &["--round", "first", "--per-application", "2", "--seed", "3"],
    );
    assert_eq!(code, 0);
    assert_eq!(r["round"], "first");
    assert_eq!(r["file"], "assignments/first.csv");
    assert_eq!(r["status"], "written");
    assert_eq!(r["seed"], 3);
    assert_eq!(r["per_application"], 2);
    assert_eq!(r["max_per_judge"], Value::Null);
    assert_eq!(r["applications"], 6);
    assert_eq!(r["judges"], 3);
    assert_eq!(r["assignments"], 12);
    assert_eq!(r["load"], serde_json::json!({"min": 4, "max": 4}));
    assert_eq!((r["max_pair"].as_u64(), r["pairs_at_max"].as_u64()), (Some(2), Some(3)));
    assert_eq!((r["connected"].as_bool(), r["parts"].as_u64()), (Some(true), Some(1)));
    assert_eq!(r["changes"], Value::Null);
    assert_eq!(
        r["loads"],
        serde_json::json!([
            {"judge": "ja", "applications": 4},
            {"judge": "jb", "applications": 4},
            {"judge": "jc", "applications": 4}
        ])
    );
    assert_eq!(r["shortfalls"], serde_json::json!([]));
}

#[test]
fn loads_differ_by_at_most_one_and_no_conflict_is_assigned() {
    // 5 judges for 12 places: 2, 2, 2, 3, 3.
    let dir = archive_with_judges(&["jd", "je"]);
    for seed in ["0", "1", "2", "3"] {
        let (code, r) = assign_json(
            dir.path(),
            &[
                "--round",
                "first",
                "--per-application",
                "2",
                "--seed",
                seed,
                "--dry-run",
            ],
        );
        assert_eq!(code, 0);
        assert_eq!(r["load"], serde_json::json!({"min": 2, "max": 3}), "seed {seed}");
        let mut per_judge: Vec<u64> = r["loads"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["applications"].as_u64().unwrap())
            .collect();
        per_judge.sort_unstable();
        assert_eq!(per_judge, [2, 2, 2, 3, 3]);
    }
    run(dir.path(), &["assign", "--round", "first", "--per-application", "2"]);
    let of = judges_of(&stored(dir.path(), "first").unwrap());
    assert!(!of["P5"].contains(&"ja".to_string()));
}

#[test]
fn the_conflict_rules_count_too() {
    // With same_country: ja (KR) may not judge P1 and P4 (KR), jb (PT) not P5 (PT), jc (CO) not
    // P2 (CO). P5 is left with jc alone.
    let dir = Archive::judging().config_edit(|text| text + "\n[conflicts]\nsame_country = true\n");
    let (code, r) = assign_json(dir.path(), &["--round", "first", "--per-application", "2"]);
    assert_eq!(code, 1);
    assert_eq!(r["status"], "impossible");
    assert_eq!(
        r["shortfalls"],
        serde_json::json!([{
            "application": "P5",
            "free": 1,
            "reason": "conflicts",
            "message": "only 1 of the 3 judges serving in round `first` is free of conflicts with it (it needs 2)",
            "conflicts": ["ja declared a conflict of interest with P5", "jb and the applicant are both from PT"]
        }])
    );
    assert_eq!(stored(dir.path(), "first"), None);
    // One judge each is possible: 2 each, and no one judges their own country. The assignment
    // is written, and the exit is 1 as for every command: under the new rule the stored sheets
    // hold conflicted scores, so the archive has errors.
    let (code, _) = assign_json(dir.path(), &["--round", "first", "--per-application", "1"]);
    assert_eq!(code, 1);
    let of = judges_of(&stored(dir.path(), "first").unwrap());
    assert_eq!(of["P5"], ids(&["jc"]));
    assert_ne!(of["P1"], ids(&["ja"]));
    assert_ne!(of["P4"], ids(&["ja"]));
    assert_ne!(of["P2"], ids(&["jc"]));
    assert_eq!(loads(&of).into_values().collect::<Vec<_>>(), [2, 2, 2]);
}

#[test]
fn an_impossible_k_lists_every_application_writes_nothing_and_exits_1() {
    let dir = Archive::judging();
    let Output { code, stdout, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "3"]);
    assert_eq!(code, 1);
    assert_eq!(
        stdout,
        "error: 1 application of round `first` cannot get 3 judges; nothing written to assignments/first.csv\n  \
         P5: only 2 of the 3 judges serving in round `first` are free of conflicts with it (it needs 3)\n      \
         ja declared a conflict of interest with P5\n"
    );
    assert!(!dir.path().join("assignments").exists());
    // Four judges for three places each: every application short, by how many are free.
    let (code, r) = assign_json(dir.path(), &["--round", "first", "--per-application", "4"]);
    assert_eq!(code, 1);
    let short: Vec<(String, u64)> = r["shortfalls"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["application"].as_str().unwrap().to_string(),
                s["free"].as_u64().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, u64)> = [("L1", 3), ("P1", 3), ("P2", 3), ("P3", 3), ("P4", 3), ("P5", 2)]
        .iter()
        .map(|(a, f)| (a.to_string(), *f))
        .collect();
    assert_eq!(short, want);
}

#[test]
fn max_per_judge() {
    let dir = Archive::judging();
    // 12 places: 3 judges × 4 is just enough.
    let (code, r) = assign_json(
        dir.path(),
        &[
            "--round",
            "first",
            "--per-application",
            "2",
            "--max-per-judge",
            "4",
            "--dry-run",
        ],
    );
    assert_eq!((code, r["status"].as_str()), (0, Some("would-write")));
    // 3 × 3 = 9 places for 12: every application is caught in the shortage.
    let (code, r) = assign_json(
        dir.path(),
        &["--round", "first", "--per-application", "2", "--max-per-judge", "3"],
    );
    assert_eq!(code, 1);
    let shortfalls = r["shortfalls"].as_array().unwrap();
    assert_eq!(shortfalls.len(), 6);
    assert!(shortfalls.iter().all(|s| s["reason"] == "max-per-judge"));
    assert_eq!(
        shortfalls[0]["message"],
        "its free judges are all among 3 judges who, with --max-per-judge 3, can take 9 assignments but would need 12"
    );
    assert_eq!(stored(dir.path(), "first"), None);
    let Output { code, stdout, .. } = run(
        dir.path(),
        &[
            "assign",
            "--round",
            "first",
            "--per-application",
            "2",
            "--max-per-judge",
            "3",
        ],
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with(
        "error: 6 applications of round `first` cannot get 2 judges; nothing written to assignments/first.csv\n  \
         with --max-per-judge 3, 3 judges (every judge serving in the round) can take 9 assignments, but these \
         applications, whose free judges are all among them, need 12; allow more per judge or add judges:\n    \
         L1 (3 judges free of conflicts)\n"
    ));
}

#[test]
fn the_same_seed_gives_the_same_bytes_and_seeds_differ() {
    let files: Vec<String> = (0..6)
        .map(|seed| {
            let dir = archive_with_judges(&["jd", "je", "jf"]);
            let seed = seed.to_string();
            let Output { code, .. } = run(
                dir.path(),
                &["assign", "--round", "first", "--per-application", "2", "--seed", &seed],
            );
            assert_eq!(code, 0);
            stored(dir.path(), "first").unwrap()
        })
        .collect();
    let again = archive_with_judges(&["jd", "je", "jf"]);
    run(
        again.path(),
        &["assign", "--round", "first", "--per-application", "2", "--seed", "0"],
    );
    assert_eq!(stored(again.path(), "first").unwrap(), files[0]);
    let distinct: BTreeSet<&String> = files.iter().collect();
    assert!(distinct.len() > 1, "six seeds gave one assignment");
}

#[test]
fn unchanged_refused_replaced_and_dry_run() {
    let dir = archive_with_judges(&["jd", "je", "jf"]);
    let args = |seed: &'static str| ["--round", "first", "--per-application", "2", "--seed", seed];
    let (code, r) = assign_json(dir.path(), &args("0"));
    assert_eq!((code, r["status"].as_str()), (0, Some("written")));
    let first = stored(dir.path(), "first").unwrap();
    let (code, r) = assign_json(dir.path(), &args("0"));
    assert_eq!((code, r["status"].as_str()), (0, Some("unchanged")));
    // A seed that gives another assignment.
    let other = ["1", "2", "3", "4", "5", "6", "7", "8"]
        .into_iter()
        .find(|seed| assign_json(dir.path(), &args(seed)).1["status"] == "refused")
        .expect("some seed gives another assignment");
    let Output { code, stdout, .. } = run(
        dir.path(),
        &["assign", "--round", "first", "--per-application", "2", "--seed", other],
    );
    assert_eq!(code, 1);
    assert!(stdout.starts_with("assignments/first.csv: refused: a different assignment is stored ("));
    assert!(stdout.contains("nothing written; use --replace to write over it"));
    assert_eq!(stored(dir.path(), "first").unwrap(), first);
    // --dry-run --replace says what would change and writes nothing.
    let mut dry = args(other).to_vec();
    dry.extend(["--replace", "--dry-run"]);
    let (code, r) = assign_json(dir.path(), &dry);
    assert_eq!((code, r["status"].as_str()), (0, Some("would-replace")));
    assert_eq!(stored(dir.path(), "first").unwrap(), first);
    let mut replace = args(other).to_vec();
    replace.push("--replace");
    let (code, r) = assign_json(dir.path(), &replace);
    assert_eq!((code, r["status"].as_str()), (0, Some("replaced")));
    let now = stored(dir.path(), "first").unwrap();
    assert_ne!(now, first);
    // Added and removed pairs, counted from the two files.
    let set = |text: &str| text.lines().skip(1).map(str::to_string).collect::<BTreeSet<_>>();
    let (before, after) = (set(&first), set(&now));
    assert_eq!(r["changes"]["added"], after.difference(&before).count());
    assert_eq!(r["changes"]["removed"], before.difference(&after).count());
}

#[test]
fn dry_run_writes_nothing() {
    let dir = Archive::judging();
    let Output { code, stdout, .. } = run(
        dir.path(),
        &["assign", "--round", "first", "--per-application", "2", "--dry-run"],
    );
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with(
            "assignments/first.csv: would write: 6 applications × 2 judges = 12 assignments among 3 judges; \
             nothing written (--dry-run)\n"
        ),
        "{stdout}"
    );
    assert!(!dir.path().join("assignments").exists());
}

#[test]
fn the_final_round_assigns_the_finalists_to_the_judges_serving_in_it() {
    let dir = Archive::judging();
    let (code, r) = assign_json(dir.path(), &["--round", "final", "--per-application", "2"]);
    assert_eq!(code, 0);
    // P1 and P2 advanced; jc serves in the first round only.
    assert_eq!((r["applications"].as_u64(), r["judges"].as_u64()), (Some(2), Some(2)));
    assert_eq!(
        stored(dir.path(), "final").unwrap(),
        "application,judge\nP1,ja\nP1,jb\nP2,ja\nP2,jb\n"
    );
    assert_eq!((r["max_pair"].as_u64(), r["pairs_at_max"].as_u64()), (Some(2), Some(1)));
    // Without the first round's sheets nobody advanced: nothing to assign.
    let dir = Archive::judging();
    let dir = dir.remove("scores/first");
    let Output { code, stdout, stderr } = run(dir.path(), &["assign", "--round", "final", "--per-application", "2"]);
    assert_eq!(code, 1);
    assert_eq!(stdout, "");
    assert!(
        stderr.contains(
            "error: nothing to assign in round `final`: no application advanced from round `first` \
             (are its score sheets in?); nothing written"
        ),
        "{stderr}"
    );
    assert_eq!(stored(dir.path(), "final"), None);
}

#[test]
fn a_judge_serving_only_later_is_not_assigned_earlier() {
    let dir = Archive::judging().edit("judges.toml", |roster| {
        roster + "\n[[judges]]\nid = \"jz\"\nname = \"Judge Z\"\ncountry = \"FR\"\nrounds = [\"final\"]\n"
    });
    let (code, r) = assign_json(dir.path(), &["--round", "first", "--per-application", "1"]);
    assert_eq!(code, 0);
    assert_eq!(r["judges"], 3);
    assert!(!stored(dir.path(), "first").unwrap().contains("jz"));
    let (code, r) = assign_json(dir.path(), &["--round", "final", "--per-application", "3"]);
    assert_eq!(code, 0);
    assert_eq!(loads(&judges_of(&stored(dir.path(), "final").unwrap())).len(), 3);
    assert_eq!(r["load"], serde_json::json!({"min": 2, "max": 2}));
}

#[test]
fn validate_warns_about_scores_outside_the_assignment() {
    let dir = Archive::judging();
    let Output { code, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "2"]);
    assert_eq!(code, 0);
    let assigned: BTreeSet<(String, String)> = judges_of(&stored(dir.path(), "first").unwrap())
        .into_iter()
        .flat_map(|(a, js)| js.into_iter().map(move |j| (a.clone(), j)))
        .collect();
    // The scored rows of the first round's sheets.
    let mut scored = BTreeSet::new();
    for judge in ["ja", "jb", "jc"] {
        let text = fs::read_to_string(dir.path().join(format!("scores/first/{judge}.csv"))).unwrap();
        for line in text.lines().skip(1) {
            scored.insert((line.split(',').next().unwrap().to_string(), judge.to_string()));
        }
    }
    let outside: BTreeSet<(String, String)> = scored.difference(&assigned).cloned().collect();
    // jb scored five applications but has four.
    assert!(!outside.is_empty());
    let (_, report) = common::validate_json(dir.path());
    let warned: BTreeSet<(String, String)> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == "not-assigned")
        .map(|f| {
            assert_eq!(f["severity"], "warning");
            let file = f["file"].as_str().unwrap();
            let judge = file.trim_start_matches("scores/first/").trim_end_matches(".csv");
            // "P3 was not assigned to jb in round `first`"
            let message = f["message"].as_str().unwrap();
            let application = message.split(' ').next().unwrap();
            assert_eq!(
                message,
                format!("{application} was not assigned to {judge} in round `first`")
            );
            (application.to_string(), judge.to_string())
        })
        .collect();
    assert_eq!(warned, outside);
}

#[test]
fn usage_errors_and_a_broken_archive() {
    let dir = Archive::judging();
    let Output { code, stderr, .. } = run(dir.path(), &["assign", "--round", "semi", "--per-application", "2"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("unknown round `semi`"), "{stderr}");
    let Output { code, stderr, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "0"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("--per-application"), "{stderr}");
    let Output { code, stderr, .. } = run(
        dir.path(),
        &[
            "assign",
            "--round",
            "first",
            "--per-application",
            "2",
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 2);
    assert!(stderr.contains("does not support --format csv"), "{stderr}");
    // prize.toml with an error: nothing is assigned.
    let dir = dir.config_edit(|text| text.replace("weight = 1\n", "weight = 1\nmax = -5\n"));
    let Output { code, stderr, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "2"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("prize.toml has errors, so nothing is assigned"),
        "{stderr}"
    );
    assert_eq!(stored(dir.path(), "first"), None);
}

#[test]
fn a_roster_with_errors_is_refused() {
    let dir = Archive::judging().edit("judges.toml", |roster| {
        roster + "\n[[judges]]\nid = \"jq\"\nname = \"Judge Q\"\nshoe = 44\n"
    });
    let Output { code, stderr, .. } = run(dir.path(), &["assign", "--round", "first", "--per-application", "2"]);
    assert_eq!(code, 1);
    assert!(
        stderr.contains("judges.toml has errors, so nothing is assigned"),
        "{stderr}"
    );
    assert_eq!(stored(dir.path(), "first"), None);
}
