//! One equality and no dependence on order (spec section 5, "Equality, everywhere"): totals
//! that are mathematically equal compare equal, and no ranking, advance or award changes when
//! the rows of a sheet, the application files or the roster come in another order.

mod common;

use common::{Application, Archive, Output, json, run};
use proptest::prelude::*;
use std::fmt::Write as _;

/// Every scoring method of section 5.
const METHODS: [&str; 6] = ["mean", "median", "trimmed", "zscore", "rank", "bias"];

/// Scores of the three criteria c1, c2, c3 (each 0–10) that one judge gave one application.
type Row = [u8; 3];

/// One application of a generated edition.
#[derive(Clone, Debug)]
struct Entry {
    /// Index of its track (`t1`, `t2`, ...).
    track: usize,
    /// Index into `COUNTRIES`.
    country: usize,
}

/// Two countries, so that `max_per_country` has something to do.
const COUNTRIES: [&str; 2] = ["KR", "CO"];

/// A generated edition: its applications and, per round, per judge, per application, the row
/// the judge gave (`None`: not scored). With two rounds, three advance per track.
#[derive(Clone, Debug)]
struct Edition {
    /// How many tracks.
    tracks: usize,
    /// The criteria's weights.
    weights: [u8; 3],
    /// The applications; their ids are `A01`, `A02`, ...
    entries: Vec<Entry>,
    /// `scores[round][judge][application]`, rounds `first` then (when there are two) `final`.
    scores: Vec<Vec<Vec<Option<Row>>>>,
}

/// The orders in which one copy of an edition is written.
#[derive(Clone, Debug)]
struct Orders {
    /// `slots[k]` is where application k comes in path order.
    slots: Vec<usize>,
    /// Per round and judge: the order of the rows of the judge's sheet.
    rows: Vec<Vec<Vec<usize>>>,
    /// The order of the judges in `judges.toml`.
    roster: Vec<usize>,
}

fn id(application: usize) -> String {
    format!("A{:02}", application + 1)
}

/// The rounds' ids.
const ROUNDS: [&str; 2] = ["first", "final"];

/// The `prize.toml` of an edition scored with `method`: its rounds, a Gold with `min_score = 50` and two Silvers with one per country in each track.
fn config(edition: &Edition, method: &str) -> String {
    let mut toml = String::from(
        "[prize]\nname = \"Order\"\nedition = \"2026\"\nsectors = [\"mobility\"]\napplicant_types = [\"city\"]\n\n",
    );
    for t in 0..edition.tracks {
        let _ = writeln!(
            toml,
            "[[tracks]]\nid = \"t{t}\"\nname = \"Track {t}\"\napplicant_types = [\"city\"]\n"
        );
    }
    for (c, w) in edition.weights.iter().enumerate() {
        let _ = writeln!(
            toml,
            "[[criteria]]\nid = \"c{}\"\nname = \"C{}\"\nweight = {w}\n",
            c + 1,
            c + 1
        );
    }
    let _ = writeln!(
        toml,
        "[scoring]\nmethod = \"{method}\"\ntrim = 1\nmin_judges = 2\ntie_break = [\"criterion:c2\", \"min\"]\n"
    );
    let rounds = edition.scores.len();
    for round in &ROUNDS[..rounds] {
        let advance = if *round == ROUNDS[rounds - 1] {
            ""
        } else {
            "advance = 3\n"
        };
        let _ = writeln!(
            toml,
            "[[rounds]]\nid = \"{round}\"\nname = \"Round {round}\"\n{advance}"
        );
    }
    for t in 0..edition.tracks {
        let _ = writeln!(
            toml,
            "[[awards]]\nid = \"gold-{t}\"\nname = \"Gold {t}\"\ntrack = \"t{t}\"\ncount = 1\nmin_score = 50\n\n\
             [[awards]]\nid = \"silver-{t}\"\nname = \"Silver {t}\"\ntrack = \"t{t}\"\ncount = 2\nmax_per_country = 1\n"
        );
    }
    toml
}

/// An application file; the id is written out, so the file's name does not matter.
fn application(edition: &Edition, a: usize) -> String {
    let e = &edition.entries[a];
    let id = id(a);
    Application::new(&id)
        .track(&format!("t{}", e.track))
        .name(&format!("Applicant {id}"))
        .country(COUNTRIES[e.country])
        .email(&format!("a@{id}.example.org"))
        .toml()
}

/// Writes `edition` into `archive` with `method`, in the given orders (`None`: the plain one,
/// each application at `applications/<id>.toml`, rows and judges in index order).
fn write(archive: Archive, edition: &Edition, method: &str, orders: Option<&Orders>) -> Archive {
    let mut archive = archive.config(&config(edition, method));
    let judges = edition.scores[0].len();
    let roster: Vec<usize> = orders.map_or_else(|| (0..judges).collect(), |o| o.roster.clone());
    let mut toml = String::new();
    for j in roster {
        let _ = writeln!(
            toml,
            "[[judges]]\nid = \"j{j}\"\nname = \"Judge {j}\"\ncountry = \"PT\"\n"
        );
    }
    archive = archive.judges(&toml);
    for a in 0..edition.entries.len() {
        // Shuffled, application k sits in folder `s<slot>` under a name that is not its id.
        let rel = match orders {
            None => format!("{}.toml", id(a)),
            Some(o) => format!("s{:02}/entry.toml", o.slots[a]),
        };
        archive = archive.application(&rel, &application(edition, a));
    }
    for (r, round) in ROUNDS.iter().take(edition.scores.len()).enumerate() {
        for (j, rows) in edition.scores[r].iter().enumerate() {
            let order: Vec<usize> = orders.map_or_else(|| (0..rows.len()).collect(), |o| o.rows[r][j].clone());
            let mut csv = String::from("application,c1,c2,c3\n");
            for a in order {
                if let Some([x, y, z]) = rows[a] {
                    let _ = writeln!(csv, "{},{x},{y},{z}", id(a));
                }
            }
            archive = archive.sheet(round, &format!("j{j}"), &csv);
        }
    }
    archive
}

/// What a user and a script see for each method: exit code and stdout of each command.
fn outputs(edition: &Edition, orders: Option<&Orders>) -> Vec<(String, i32, String)> {
    let mut out = Vec::new();
    let mut dir = Archive::new();
    for method in METHODS {
        dir = write(dir, edition, method, orders);
        for args in [
            &["rank", "--round", "first", "--format", "json"][..],
            &["rank", "--format", "json"],
            &["rank", "--format", "csv"],
            &["winners", "--format", "json"],
        ] {
            let Output { code, stdout, .. } = run(dir.path(), args);
            out.push((format!("{method}: {}", args.join(" ")), code, stdout));
        }
    }
    out
}

/// A row of scores: often one of the rows that total 50 in different last bits (5,5,5 and
/// 10,5,0 total 49.99999999999999 with equal weights, 6,5,4 totals 50), else any.
fn row() -> impl Strategy<Value = Row> {
    prop_oneof![
        3 => prop::sample::select(vec![[5, 5, 5], [10, 5, 0], [6, 5, 4], [4, 6, 5], [0, 5, 10]]),
        2 => [0u8..=10, 0u8..=10, 0u8..=10],
    ]
}

fn sheets(judges: usize, applications: usize) -> impl Strategy<Value = Vec<Vec<Option<Row>>>> {
    prop::collection::vec(
        prop::collection::vec(prop::option::weighted(0.8, row()), applications),
        judges,
    )
}

fn edition() -> impl Strategy<Value = Edition> {
    (1usize..=2, 3usize..=5, 3usize..=7)
        .prop_flat_map(|(tracks, judges, applications)| {
            (
                Just(tracks),
                // Equal weights most of the time, so that last-bit ties are frequent.
                prop_oneof![2 => Just([1u8, 1, 1]), 1 => [1u8..=3, 1u8..=3, 1u8..=3]],
                prop::collection::vec(
                    (0..tracks, 0..COUNTRIES.len()).prop_map(|(track, country)| Entry { track, country }),
                    applications,
                ),
                sheets(judges, applications),
                sheets(judges, applications),
            )
        })
        .prop_map(|(tracks, weights, entries, first, last)| Edition {
            tracks,
            weights,
            entries,
            scores: vec![first, last],
        })
}

fn permutation(n: usize) -> impl Strategy<Value = Vec<usize>> {
    Just((0..n).collect::<Vec<_>>()).prop_shuffle()
}

fn edition_and_orders() -> impl Strategy<Value = (Edition, Orders)> {
    edition().prop_flat_map(|edition| {
        let (judges, applications) = (edition.scores[0].len(), edition.entries.len());
        let rows = || prop::collection::vec(permutation(applications), judges);
        (
            Just(edition),
            (permutation(applications), rows(), rows(), permutation(judges)).prop_map(
                |(slots, first, last, roster)| Orders {
                    slots,
                    rows: vec![first, last],
                    roster,
                },
            ),
        )
    })
}

proptest! {
    // Each case runs the binary 48 times (six methods, four commands, two archives): sixteen
    // cases keep the file near 15 s in a debug build. `PROPTEST_CASES=200` searches deeper.
    #![proptest_config(ProptestConfig {
        cases: std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(16),
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    #[test]
    fn rank_and_winners_do_not_depend_on_the_order_of_rows_files_or_judges(
        (edition, orders) in edition_and_orders()
    ) {
        let want = outputs(&edition, None);
        let got = outputs(&edition, Some(&orders));
        for ((what, code, stdout), (_, shuffled_code, shuffled_stdout)) in want.iter().zip(&got) {
            // The generated archives are valid: ranking them succeeds (`winners` may exit 1
            // for a tie at an award's cutoff).
            if what.contains(": rank ") {
                prop_assert_eq!(*code, 0, "{}\n{}", what, stdout);
            }
            prop_assert_eq!(code, shuffled_code, "{}", what);
            prop_assert_eq!(stdout, shuffled_stdout, "{}", what);
        }
    }
}

#[test]
fn a_score_of_fifty_in_its_last_bits_reaches_min_score_fifty() {
    // One round; three judges give A01 5, 5, 5 of 10 on three equal-weight criteria: each total
    // is 100 · 3 · (1/3 · 5/10) = 50 (computed as 49.99999999999999), so the mean is 50 and A01
    // takes the Gold with `min_score = 50`.
    let edition = Edition {
        tracks: 1,
        weights: [1, 1, 1],
        entries: vec![Entry { track: 0, country: 0 }],
        scores: vec![vec![vec![Some([5, 5, 5])]; 3]],
    };
    let dir = write(Archive::new(), &edition, "mean", None);
    let Output { code, stdout, stderr } = run(dir.path(), &["winners", "--format", "json"]);
    assert_eq!(code, 0, "{stdout}\n{stderr}");
    let w = json(&stdout);
    let gold = &w["awards"][0];
    assert_eq!(gold["id"], "gold-0");
    assert_eq!(gold["winners"][0]["id"], "A01", "{stdout}");
    assert_eq!(gold["unfilled"], 0);
    assert!((gold["winners"][0]["score"].as_f64().unwrap() - 50.0).abs() < 1e-9);
}
