//! Ranking, advancing, winners and explanations on `tests/fixtures/judging`, where every total
//! is computed by hand: T = 100 · (2/3 · (impact − 1)/9 + 1/3 · design/10), so impact 10 → 100,
//! 5.5 → 50, 1 → 0 and design 10 → 100, 5 → 50, 0 → 0 before weighting.

mod common;

use common::{Archive, Output, run};
use serde_json::{Value, json};

fn close(v: &Value, want: f64) -> bool {
    v.as_f64().is_some_and(|x| (x - want).abs() < 1e-9)
}

/// (id, rank, tied) of a group's ranking.
fn places(group: &Value) -> Vec<(String, u64, bool)> {
    group["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["id"].as_str().unwrap().to_string(),
                r["rank"].as_u64().unwrap(),
                r["tied"].as_bool().unwrap(),
            )
        })
        .collect()
}

fn p(id: &str, rank: u64, tied: bool) -> (String, u64, bool) {
    (id.to_string(), rank, tied)
}

#[test]
fn first_round_mean_ranking_by_hand() {
    let dir = Archive::judging();
    let (code, r) = run(dir.path(), &["rank", "--round", "first", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    assert_eq!(
        (r["round"].as_str(), r["method"].as_str()),
        (Some("first"), Some("mean"))
    );
    let projects = &r["groups"][0];
    assert_eq!(projects["track"], "projects");
    // P3 and P4 both total 200/3 from each judge and have the same design mean (50): tied.
    assert_eq!(
        places(projects),
        [
            p("P1", 1, false),
            p("P2", 2, false),
            p("P3", 3, true),
            p("P4", 3, true),
            p("P5", 5, false)
        ]
    );
    let rows = projects["ranking"].as_array().unwrap();
    assert!(close(&rows[0]["score"], (100.0 + 250.0 / 3.0) / 2.0));
    assert!(close(&rows[1]["score"], (50.0 + 100.0 + 250.0 / 3.0) / 3.0));
    assert!(close(&rows[2]["score"], 200.0 / 3.0));
    // P5: Judge A declared a conflict and did not score it; B gives 0 and C 50.
    assert!(close(&rows[4]["score"], 25.0));
    assert_eq!(rows[4]["judges"], 2);
    assert_eq!(
        (rows[0]["advanced"].as_bool(), rows[2]["advanced"].as_bool()),
        (Some(true), Some(false))
    );
    // L1 has one judge, fewer than min_judges = 2.
    assert_eq!(
        r["groups"][1]["unranked"],
        json!([{"id": "L1", "reason": "insufficient-scores", "judges": 1}])
    );
}

#[test]
fn jury_order_settles_a_tie_and_median_reorders() {
    let dir = Archive::judging().config_edit(|config| {
        config.replace(
            "tie_break = [\"criterion:design\"]",
            "tie_break = [\"criterion:design\"]\njury_order = [\"P4\"]",
        )
    });
    let (_, r) = run(dir.path(), &["rank", "--round", "first", "--format", "json"]).code_json();
    assert_eq!(places(&r["groups"][0])[2..4], [p("P4", 3, false), p("P3", 4, false)]);
    // Median: P2's totals 50, 83.33, 100 → 83.33; P1's two → their mean 91.67.
    let (_, m) = run(
        dir.path(),
        &["rank", "--round", "first", "--method", "median", "--format", "json"],
    )
    .code_json();
    assert_eq!(m["method"], "median");
    assert!(close(&m["groups"][0]["ranking"][1]["score"], 250.0 / 3.0));
}

#[test]
fn the_final_round_is_the_default_and_only_finalists_compete() {
    let dir = Archive::judging();
    let (code, r) = run(dir.path(), &["rank", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    assert_eq!(r["round"], "final");
    // P1: 100 and 50 → 75; P2: 50 and 100 → 75; design means 75 and 75: tied.
    assert_eq!(places(&r["groups"][0]), [p("P1", 1, true), p("P2", 1, true)]);
    assert!(close(&r["groups"][0]["ranking"][0]["score"], 75.0));
    assert_eq!(r["groups"][1]["ranking"], json!([]));
}

#[test]
fn a_tie_at_the_cutoff_is_exit_1_until_jury_order_settles_it() {
    let dir = Archive::judging();
    let (code, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(code, 1);
    let gold = &w["awards"][0];
    assert_eq!(gold["id"], "gold");
    assert_eq!(gold["tie_at_cutoff"], json!(["P1", "P2"]));
    assert_eq!(gold["winners"][0]["id"], "P1", "provisional winner: first by id");
    assert_eq!(w["awards"][1]["unfilled"], 1, "no corporation reached the final");
    assert_eq!(w["awards"][2]["unfilled"], 1, "no leader was ranked");
    let Output { stdout: human, .. } = run(dir.path(), &["winners"]);
    assert!(human.contains("jury_order = [\"P1\", \"P2\"]"), "{human}");

    let dir = dir.config_edit(|config| {
        config.replace(
            "tie_break = [\"criterion:design\"]",
            "tie_break = [\"criterion:design\"]\njury_order = [\"P2\", \"P1\"]",
        )
    });
    let (code, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    assert_eq!(w["awards"][0]["winners"][0]["id"], "P2");
    assert_eq!(w["awards"][0]["tie_at_cutoff"], json!([]));
}

#[test]
fn explain_names_the_conflict_and_the_tie() {
    // A row from a judge with a declared conflict: an error for validate, never counted.
    let dir = Archive::judging().edit("scores/first/ja.csv", |sheet| sheet + "P5,10,10,declared conflict\n");
    let Output { code, .. } = run(dir.path(), &["validate"]);
    assert_eq!(code, 1);
    let (_, e) = run(dir.path(), &["explain", "P5", "--format", "json"]).code_json();
    let first = &e["rounds"][0];
    let judges = first["judges"].as_array().unwrap();
    let ja = judges.iter().find(|j| j["judge"] == "ja").unwrap();
    assert_eq!(ja["counted"], false);
    assert!(ja["reason"].as_str().unwrap().contains("conflict"));
    assert!(close(&first["score"], 25.0));
    assert_eq!(first["advanced"], false);
    let Output { stdout: text, .. } = run(dir.path(), &["explain", "P3"]);
    assert!(text.contains("rank 3 of 5, tied"), "{text}");
}

#[test]
fn by_type_top_and_formats() {
    let dir = Archive::judging();
    let (_, r) = run(
        dir.path(),
        &[
            "rank", "--round", "first", "--by", "type", "--track", "projects", "--format", "json",
        ],
    )
    .code_json();
    let groups = r["groups"].as_array().unwrap();
    assert_eq!(groups.len(), 2);
    assert_eq!(
        (groups[0]["key"].as_str(), groups[1]["key"].as_str()),
        (Some("city"), Some("corporation"))
    );
    assert_eq!(
        places(&groups[0]),
        [
            p("P1", 1, false),
            p("P2", 2, false),
            p("P4", 3, false),
            p("P5", 4, false)
        ]
    );
    let Output { stdout: csv, .. } = run(
        dir.path(),
        &["rank", "--round", "first", "--top", "2", "--format", "csv"],
    );
    assert_eq!(csv.lines().count(), 3, "{csv}");
    assert!(
        csv.lines()
            .nth(1)
            .unwrap()
            .starts_with("first,mean,projects,,1,P1,Applicant P1,KR,mobility,91.66666666666")
    );
    let Output { stdout: md, .. } = run(dir.path(), &["rank", "--round", "first", "--format", "markdown"]);
    assert!(md.contains("| 3= | P3 |"), "{md}");
}

#[test]
fn what_people_read() {
    let dir = Archive::judging();
    let Output { stdout: rank, .. } = run(dir.path(), &["rank", "--round", "first"]);
    insta::assert_snapshot!("rank_first", rank);
    let Output { stdout: winners, .. } = run(dir.path(), &["winners"]);
    insta::assert_snapshot!("winners_tied", winners);
    let Output { stdout: explain, .. } = run(dir.path(), &["explain", "P2"]);
    insta::assert_snapshot!("explain_p2", explain);
}

/// The fixture with `jury_order` settling the final (P2 first, then P1) and its awards
/// replaced by `awards`.
fn with_awards(awards: &str) -> Archive {
    Archive::judging().config_edit(|config| {
        let head = config.split("[[awards]]").next().unwrap().replace(
            "tie_break = [\"criterion:design\"]",
            "tie_break = [\"criterion:design\"]\njury_order = [\"P2\", \"P1\"]",
        );
        head + awards
    })
}

fn winners_of(w: &Value, award: usize) -> Vec<String> {
    w["awards"][award]["winners"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn one_award_per_application_caps_and_min_score() {
    let two = "[[awards]]\nid = \"gold\"\nname = \"Gold\"\ntrack = \"projects\"\ncount = 1\n\n\
               [[awards]]\nid = \"silver\"\nname = \"Silver\"\ntrack = \"projects\"\ncount = 1\n";
    let dir = with_awards(two);
    let (code, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    // P2 wins Gold, so Silver walks past it to P1.
    assert_eq!(
        (winners_of(&w, 0), winners_of(&w, 1)),
        (vec!["P2".to_string()], vec!["P1".to_string()])
    );

    // Across awards: at most one award per country, and P1 and P2 both from KR.
    let dir = with_awards(&format!("{two}\n[winners]\nmax_per_country = 1\n"));
    let dir = dir.edit("applications/P2.toml", |text| {
        text.replace("country = \"CO\"", "country = \"KR\"")
    });
    let (_, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(winners_of(&w, 0), ["P2"]);
    assert_eq!(w["awards"][1]["winners"], json!([]));
    assert_eq!(w["awards"][1]["unfilled"], 1);
    let (_, e) = run(dir.path(), &["explain", "P1", "--format", "json"]).code_json();
    let silver = e["awards"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "silver")
        .unwrap();
    assert_eq!(silver["result"], "passed-over");
    assert!(
        silver["reason"].as_str().unwrap().contains("max_per_country = 1"),
        "{silver}"
    );

    // Within one award, and a min_score that neither 75 reaches.
    let dir = with_awards(
        "[[awards]]\nid = \"pair\"\nname = \"Pair\"\ntrack = \"projects\"\ncount = 2\nmax_per_country = 1\n\n\
         [[awards]]\nid = \"high\"\nname = \"High\"\ntrack = \"projects\"\ncount = 1\nmin_score = 80\n",
    );
    let dir = dir.edit("applications/P2.toml", |text| {
        text.replace("country = \"CO\"", "country = \"KR\"")
    });
    let (_, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(
        (winners_of(&w, 0), w["awards"][0]["unfilled"].as_u64()),
        (vec!["P2".to_string()], Some(1))
    );
    assert_eq!(w["awards"][1]["unfilled"], 1);
}

#[test]
fn committee_picks_are_taken_as_they_are() {
    let dir = with_awards("[[awards]]\nid = \"mention\"\nname = \"Special Mention\"\npicks = [\"P3\", \"L1\"]\n");
    let (code, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(code, 0);
    assert_eq!(winners_of(&w, 0), ["P3", "L1"]);
    assert_eq!(
        w["awards"][0]["winners"][0]["rank"],
        Value::Null,
        "not ranked in the final"
    );
    // An ineligible pick is refused: exit 1.
    let dir = dir.edit("applications/L1.toml", |text| {
        text + "\n[screening]\ndecision = \"reject\"\nreason = \"no results yet\"\n"
    });
    let (code, w) = run(dir.path(), &["winners", "--format", "json"]).code_json();
    assert_eq!(code, 1);
    assert_eq!(w["awards"][0]["problems"], json!(["pick `L1` is ineligible"]));
}

#[test]
fn a_tie_at_the_advance_cutoff_sends_all_and_method_changes_only_the_display() {
    let dir = Archive::judging().config_edit(|config| config.replace("advance = 2", "advance = 3"));
    let (_, r) = run(dir.path(), &["rank", "--round", "first", "--format", "json"]).code_json();
    let advanced: Vec<&str> = r["groups"][0]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|x| x["advanced"] == true)
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    assert_eq!(advanced, ["P1", "P2", "P3", "P4"], "P3 and P4 share rank 3");
    // `--method` changes the ranking shown, not who competes: the final's competitors still come
    // from the first round's own method (mean), and only P1 and P2 have final-round scores.
    let (_, f) = run(
        dir.path(),
        &["rank", "--round", "final", "--method", "rank", "--format", "json"],
    )
    .code_json();
    assert_eq!(f["method"], "rank");
    let ids: Vec<&str> = f["groups"][0]["ranking"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(sorted, ["P1", "P2"], "only P1 and P2 were scored in the final");
}

#[test]
fn rank_method_bias_on_the_command_line_warns_of_disconnected_judging() {
    // j-silva scored only APP-1 and j-kim only APP-2: the judge–application graph has two
    // parts. The archive's method is `mean`, so `validate` has nothing to say; `rank --method
    // bias` fits the biases per part, and says so as section 5 asks.
    let fixture = common::fixtures().join("codes/disconnected-judging");
    let archive = Archive::base()
        .config_edit(|c| c.replace("method = \"bias\"", "method = \"mean\""))
        .application(
            "applications/app-2.toml",
            &common::read(&fixture.join("applications/app-2.toml")),
        )
        .sheet("first", "j-silva", "application,impact,design,comment\nAPP-1,8,7,\n")
        .sheet("first", "j-kim", "application,impact,design,comment\nAPP-2,6,7,\n");
    let plain = run(archive.path(), &["rank", "--round", "first"]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(!plain.stderr.contains("disconnected-judging"), "{}", plain.stderr);
    let bias = run(archive.path(), &["rank", "--round", "first", "--method", "bias"]);
    assert_eq!(bias.code, 0, "{}", bias.stderr);
    assert!(bias.stderr.contains("warning[disconnected-judging]"), "{}", bias.stderr);
}
