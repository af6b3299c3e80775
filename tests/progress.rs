//! `prize progress` on `tests/fixtures/judging` with an assignment written by hand.

mod common;

use common::{Archive, run};
use serde_json::{Value, json};

#[test]
fn progress_per_judge_and_applications_short_of_judges() {
    let dir = Archive::judging().assignment(
        "first",
        "application,judge\nL1,jb\nL1,jc\nP1,ja\nP1,jb\nP2,ja\nP2,jc\nP3,ja\nP3,jb\nP4,jb\nP4,jc\nP5,jb\nP5,jc\n",
    );
    let out = run(dir.path(), &["progress", "--format", "json"]);
    assert_eq!(out.code, 0, "not-assigned is only a warning");
    let p: Value = out.json();
    assert_eq!(p["round"], "first", "the last round with an assignment");
    // ja: assigned P1 P2 P3, scored P1–P4 → 3 done, P4 not assigned.
    // jb: assigned P1 P3 P4 P5 L1, scored P1–P5 → 4 done, L1 left, P2 not assigned.
    // jc: assigned P2 P4 P5 L1, scored P2 P5 L1 → 3 done, P4 left.
    let judges: Vec<(String, u64, u64, u64, u64)> = p["judges"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| {
            let n = |k: &str| j[k].as_u64().unwrap();
            (
                j["judge"].as_str().unwrap().to_string(),
                n("assigned"),
                n("scored"),
                n("remaining"),
                n("unassigned"),
            )
        })
        .collect();
    assert_eq!(
        judges,
        [
            ("ja".to_string(), 3, 3, 0, 1),
            ("jb".to_string(), 5, 4, 1, 1),
            ("jc".to_string(), 4, 3, 1, 0)
        ]
    );
    assert_eq!((p["assigned"].as_u64(), p["scored"].as_u64()), (Some(12), Some(10)));
    assert!((p["completion"].as_f64().unwrap() - 10.0 / 12.0).abs() < 1e-12);
    // L1 has one counted total; min_judges is 2.
    assert_eq!(
        p["short"],
        json!([{"id": "L1", "track": "leadership", "judges": 1, "needed": 1}])
    );

    let text = run(dir.path(), &["progress"]).stdout;
    assert!(text.contains("10 of 12 assigned scores in (83.3%)"), "{text}");
    assert!(
        text.contains("1 application(s) short of min_judges = 2: L1 (1/2)"),
        "{text}"
    );
    let md = run(dir.path(), &["progress", "--format", "markdown"]).stdout;
    assert!(md.contains("| ja | Judge A | 3 | 3 | 0 | 1 |"));
}

#[test]
fn a_round_name_with_control_characters_is_printed_escaped_when_nothing_competes() {
    // The one application is rejected at screening, so nothing competes; the round's name from
    // prize.toml carries an escape sequence that must not reach the terminal in either format.
    let dir = Archive::base()
        .edit("applications/app-1.toml", |a| {
            a + "\n[screening]\ndecision = \"reject\"\nreason = \"no results yet\"\n"
        })
        .replace(
            "prize.toml",
            "name = \"First round\"",
            "name = \"First \\u001b[31mround\"",
        );
    for format in ["human", "markdown"] {
        let out = run(dir.path(), &["progress", "--round", "first", "--format", format]);
        assert_eq!(out.code, 0, "{format}: {}", out.stderr);
        assert!(out.stdout.contains("nothing competes"), "{format}: {}", out.stdout);
        assert!(!out.stdout.contains('\u{1b}'), "{format}: {}", out.stdout);
        assert!(
            out.stdout.contains("First \\u{1b}[31mround"),
            "{format}: {}",
            out.stdout
        );
    }
}
