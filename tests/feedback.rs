//! `prize feedback`: one letter per application of the sample archive. The expected means are
//! computed here from the score sheets with the `csv` crate; the judges' ids and names come from
//! judges.toml read with the `toml` crate.

mod common;

use std::collections::BTreeMap;
use std::path::Path;

use common::{copy_tree, run};

fn sample() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sscp-2026"),
        dir.path(),
    );
    dir
}

/// Every letter in `dir`, by file name.
fn letters(dir: &Path) -> BTreeMap<String, String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap())
        .map(|e| {
            (
                e.file_name().to_string_lossy().into_owned(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect()
}

/// (judge id, application, scores, comment) of every scored row of a round's sheets.
fn rows(root: &Path, round: &str) -> Vec<(String, String, Vec<f64>, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root.join("scores").join(round)).unwrap() {
        let path = entry.unwrap().path();
        let judge = path.file_stem().unwrap().to_string_lossy().into_owned();
        let mut reader = csv::Reader::from_path(&path).unwrap();
        for record in reader.records() {
            let record = record.unwrap();
            let scores: Vec<f64> = (1..=6).filter_map(|i| record[i].trim().parse().ok()).collect();
            if scores.len() == 6 {
                out.push((judge.clone(), record[0].to_string(), scores, record[7].to_string()));
            }
        }
    }
    out
}

fn judges(root: &Path) -> Vec<(String, String)> {
    let roster: toml::Table = std::fs::read_to_string(root.join("judges.toml"))
        .unwrap()
        .parse()
        .unwrap();
    roster["judges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            (
                j["id"].as_str().unwrap().to_string(),
                j["name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn letters_name_no_judge_and_give_each_criterion_mean_on_its_scale() {
    let dir = sample();
    let root = dir.path();
    // A judge signs a comment with their name: the letter must not carry it.
    let sheet = root.join("scores/final/j-al-suwaidi.csv");
    let text = std::fs::read_to_string(&sheet).unwrap();
    let signed = text.replacen(
        "\"Promising pilot, too early to judge the impact.\"",
        "\"Promising pilot, too early to judge the impact. (Sultan Al Suwaidi, j-al-suwaidi)\"",
        1,
    );
    assert_ne!(signed, text);
    std::fs::write(&sheet, signed).unwrap();

    let out_dir = tempfile::tempdir().unwrap();
    let out = run(
        root,
        &[
            "feedback",
            "--out",
            out_dir.path().to_str().unwrap(),
            "--format",
            "json",
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let report = out.json();
    let written = letters(out_dir.path());
    let applications = walkdir::WalkDir::new(root.join("applications"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "toml"))
        .count();
    assert_eq!(written.len(), applications, "one letter per application");
    assert_eq!(report["letters"].as_array().unwrap().len(), applications);

    let roster = judges(root);
    assert!(roster.len() > 5);
    for (name, letter) in &written {
        let lower = letter.to_lowercase();
        for (id, judge) in &roster {
            assert!(
                !lower.contains(&id.to_lowercase()),
                "{name} names judge {id}:\n{letter}"
            );
            assert!(
                !lower.contains(&judge.to_lowercase()),
                "{name} names {judge}:\n{letter}"
            );
        }
    }
    let letter = &written["SSCP-2026-0005.md"];
    assert!(
        letter.contains("> Promising pilot, too early to judge the impact. ([a reviewer], [a reviewer])"),
        "{letter}"
    );

    // The means of SSCP-2026-0005 over the final round's sheets, by hand.
    let final_rows: Vec<_> = rows(root, "final")
        .into_iter()
        .filter(|r| r.1 == "SSCP-2026-0005")
        .collect();
    assert_eq!(final_rows.len(), 4);
    assert!(letter.contains("over the 4 reviewers"), "{letter}");
    let names = [
        "Problem recognition & innovation",
        "Project design",
        "Feasible budget & planning",
        "Implementation",
        "Learning & improvement",
        "Value generation",
    ];
    for (c, name) in names.iter().enumerate() {
        let mean = final_rows.iter().map(|r| r.2[c]).sum::<f64>() / 4.0;
        let line = format!("| {name} | {mean:.2} | 1 to 10 |");
        assert!(letter.contains(&line), "{line} in\n{letter}");
    }
    // Reviewers are numbered over the comments the letter shows.
    let comments = final_rows.iter().filter(|r| !r.3.trim().is_empty()).count();
    assert!(comments >= 2);
    assert!(letter.contains(&format!("**Reviewer {comments}**")), "{letter}");
    assert!(!letter.contains(&format!("**Reviewer {}**", comments + 1)), "{letter}");

    // The same archive gives the same letters, byte for byte.
    let again = tempfile::tempdir().unwrap();
    assert_eq!(
        run(root, &["-q", "feedback", "--out", again.path().to_str().unwrap()]).code,
        0
    );
    assert_eq!(letters(again.path()), written);
}

#[test]
fn the_outcome_is_the_archive_s() {
    let dir = sample();
    let root = dir.path();
    let out = run(root, &["-q", "feedback"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.trim(), "wrote 244 letters to feedback/");
    let written = letters(&root.join("feedback"));
    // Screening rejected (read from the application files): ineligible, with the reason.
    let mut rejected = 0;
    for entry in walkdir::WalkDir::new(root.join("applications")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let doc: toml::Table = std::fs::read_to_string(entry.path()).unwrap().parse().unwrap();
        let reject = doc
            .get("screening")
            .and_then(|s| s.get("decision"))
            .is_some_and(|d| d.as_str() == Some("reject"));
        if reject {
            rejected += 1;
            let id = doc["id"].as_str().unwrap();
            let letter = &written[&format!("{id}.md")];
            assert!(letter.contains("The application was found ineligible:"), "{letter}");
            assert!(letter.contains("rejected the application at screening"), "{letter}");
            assert!(!letter.contains("## Scores"), "{letter}");
        }
    }
    assert!(rejected > 0);
    // Scored in the first round and in no final sheet: not shortlisted; its scores are the first
    // round's.
    let finals: std::collections::HashSet<String> = rows(root, "final").into_iter().map(|r| r.1).collect();
    let first_only: Vec<String> = rows(root, "first")
        .into_iter()
        .map(|r| r.1)
        .filter(|id| !finals.contains(id))
        .collect();
    let shortlisted_out = first_only
        .iter()
        .filter(|id| written[&format!("{id}.md")].contains("was not shortlisted"))
        .count();
    assert!(shortlisted_out > 100, "{shortlisted_out} of {}", first_only.len());
    // The winners' letters name their award.
    let winners = run(root, &["--format", "json", "winners"]).json();
    for award in winners["awards"].as_array().unwrap() {
        for w in award["winners"].as_array().unwrap() {
            let letter = &written[&format!("{}.md", w["id"].as_str().unwrap())];
            assert!(
                letter.contains(award["name"].as_str().unwrap()),
                "{} in\n{letter}",
                award["name"]
            );
        }
    }
}

#[test]
fn round_names_the_round_whose_scores_the_letters_give() {
    let dir = sample();
    let root = dir.path();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(
        root,
        &[
            "-q",
            "feedback",
            "--round",
            "first",
            "--out",
            out_dir.path().to_str().unwrap(),
        ],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let letter = &letters(out_dir.path())["SSCP-2026-0005.md"];
    assert!(letter.contains("## Scores in the Expert review"), "{letter}");
    // Still a finalist: the outcome is the edition's, whatever the round shown.
    assert!(letter.contains("The application was a finalist."), "{letter}");
    let first: Vec<_> = rows(root, "first")
        .into_iter()
        .filter(|r| r.1 == "SSCP-2026-0005")
        .collect();
    assert!(
        letter.contains(&format!("over the {} reviewers", first.len())),
        "{letter}"
    );
    let mean = first.iter().map(|r| r.2[5]).sum::<f64>() / first.len() as f64;
    assert!(
        letter.contains(&format!("| Value generation | {mean:.2} | 1 to 10 |")),
        "{letter}"
    );
    let unknown = run(
        root,
        &["feedback", "--round", "semi", "--out", out_dir.path().to_str().unwrap()],
    );
    assert_eq!(unknown.code, 2);
}

#[test]
fn a_finalist_s_letter_reads_as_the_applicant_will_read_it() {
    let dir = sample();
    let out_dir = tempfile::tempdir().unwrap();
    let out = run(
        dir.path(),
        &["-q", "feedback", "--out", out_dir.path().to_str().unwrap()],
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    insta::assert_snapshot!(letters(out_dir.path())["SSCP-2026-0005.md"]);
}
