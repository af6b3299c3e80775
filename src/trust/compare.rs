//! Spec section 8: `prize compare` — every method side by side on one round: each ranked
//! application's rank and score under each method, Kendall's τ-b between the methods, and what
//! changes with the method (who advances, who wins each award).

use crate::award;
use crate::load::Archive;
use crate::model::config::Config;
use crate::ranking::{self, RoundResult};
use crate::score;

/// One application's place under each method (in the comparison's method order).
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    /// Index of the application in the archive.
    pub application: usize,
    /// Its rank under each method (`None` where the method left it unranked).
    pub ranks: Vec<Option<usize>>,
    /// Its score under each method (`None` likewise).
    pub scores: Vec<Option<f64>>,
    /// Whether it advances under each method (all false in a round that does not advance).
    pub advances: Vec<bool>,
}

/// Kendall's τ-b between two methods' scores.
#[derive(Clone, Debug, PartialEq)]
pub struct Tau {
    /// The first method (index in the comparison's methods).
    pub a: usize,
    /// The second method.
    pub b: usize,
    /// τ-b over the applications both rank; `None` with fewer than 2 of them or when one
    /// method's scores are all equal.
    pub tau: Option<f64>,
}

/// One track compared.
#[derive(Clone, Debug, PartialEq)]
pub struct TrackComparison {
    /// Track id.
    pub track: String,
    /// Every application ranked by some method: by rank under the first method, then id;
    /// those the first method leaves unranked last, by id.
    pub rows: Vec<Row>,
    /// τ-b for each pair of methods, in method order.
    pub tau: Vec<Tau>,
}

/// An application that advances under some methods but not all.
#[derive(Clone, Debug, PartialEq)]
pub struct Advancing {
    /// Index of the application.
    pub application: usize,
    /// The methods (indices) under which it advances.
    pub methods: Vec<usize>,
}

/// One award under each method.
#[derive(Clone, Debug, PartialEq)]
pub struct AwardComparison {
    /// Index of the award in prize.toml.
    pub award: usize,
    /// Its (provisional, when tied) winners under each method, in ranking order.
    pub winners: Vec<Vec<usize>>,
    /// The set G of a tie at its cutoff under each method (empty when decided).
    pub tie_at_cutoff: Vec<Vec<usize>>,
    /// The applications that win it under some methods but not all, by id.
    pub changes: Vec<usize>,
}

/// `prize compare`'s result.
#[derive(Debug)]
pub struct Comparison<'a> {
    /// The archive the applications come from.
    pub archive: &'a Archive,
    /// Its configuration.
    pub config: &'a Config,
    /// Index of the round.
    pub round: usize,
    /// The methods compared, in order.
    pub methods: Vec<String>,
    /// One track per prize.toml track.
    pub tracks: Vec<TrackComparison>,
    /// In a round that advances, who advances under some methods but not all (by id); `None`
    /// when the round does not advance.
    pub advancing: Option<Vec<Advancing>>,
    /// In the last round, every award under each method; `None` in an earlier round.
    pub awards: Option<Vec<AwardComparison>>,
}

/// Compares `methods` on round `round`, whose competing applications `judged` (the round as
/// judged with its own method) holds. Each method ranks exactly as `prize rank --method` does.
pub fn compare<'a>(
    archive: &'a Archive,
    config: &'a Config,
    judged: &RoundResult,
    methods: &[String],
) -> Comparison<'a> {
    let round = judged.round;
    let results: Vec<RoundResult> = methods
        .iter()
        .map(|m| {
            ranking::judge_totals(
                archive,
                config,
                round,
                judged.competing.clone(),
                judged.totals.clone(),
                m,
            )
        })
        .collect();
    let id = |app: usize| archive.applications[app].id.as_str();
    let tracks = config
        .tracks
        .iter()
        .enumerate()
        .map(|(t, track)| track_comparison(&track.id, t, &results, &id))
        .collect();
    let advancing = config.rounds[round].advance.as_ref().map(|_| {
        let mut all: Vec<usize> = results.iter().flat_map(|r| r.advanced.iter().copied()).collect();
        all.sort_unstable();
        all.dedup();
        let mut out: Vec<Advancing> = all
            .into_iter()
            .filter_map(|app| {
                let under: Vec<usize> = (0..results.len())
                    .filter(|&m| results[m].advanced.binary_search(&app).is_ok())
                    .collect();
                (under.len() < results.len()).then_some(Advancing {
                    application: app,
                    methods: under,
                })
            })
            .collect();
        out.sort_by(|x, y| (id(x.application), x.application).cmp(&(id(y.application), y.application)));
        out
    });
    let awards = (round + 1 == config.rounds.len()).then(|| {
        let decisions: Vec<Vec<award::Decision>> = results.iter().map(|r| award::decide(archive, config, r)).collect();
        (0..config.awards.len())
            .map(|a| {
                let winners: Vec<Vec<usize>> = decisions
                    .iter()
                    .map(|d| d[a].winners.iter().map(|w| w.application).collect())
                    .collect();
                let tie_at_cutoff = decisions.iter().map(|d| d[a].tie_at_cutoff.clone()).collect();
                let mut changes: Vec<usize> = winners.iter().flatten().copied().collect();
                changes.sort_by(|&x, &y| (id(x), x).cmp(&(id(y), y)));
                changes.dedup();
                changes.retain(|app| !winners.iter().all(|w| w.contains(app)));
                AwardComparison {
                    award: a,
                    winners,
                    tie_at_cutoff,
                    changes,
                }
            })
            .collect()
    });
    Comparison {
        archive,
        config,
        round,
        methods: methods.to_vec(),
        tracks,
        advancing,
        awards,
    }
}

/// One track: the rows and τ-b per pair. `t` is the track's index in prize.toml, which is its
/// group's index in every result.
fn track_comparison<'a>(
    track: &str,
    t: usize,
    results: &[RoundResult],
    id: &impl Fn(usize) -> &'a str,
) -> TrackComparison {
    let n = results.len();
    let mut rows: Vec<Row> = Vec::new();
    // Archive index → row, filled method by method.
    let mut at: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    for (m, result) in results.iter().enumerate() {
        let Some(group) = result.groups.get(t) else { continue };
        for p in &group.ranking {
            let app = p.candidate.application;
            let row = *at.entry(app).or_insert_with(|| {
                rows.push(Row {
                    application: app,
                    ranks: vec![None; n],
                    scores: vec![None; n],
                    advances: results.iter().map(|r| r.advanced.binary_search(&app).is_ok()).collect(),
                });
                rows.len() - 1
            });
            rows[row].ranks[m] = Some(p.rank);
            rows[row].scores[m] = Some(p.candidate.score);
        }
    }
    rows.sort_by(|x, y| {
        let first = |r: &Row| r.ranks.first().copied().flatten().unwrap_or(usize::MAX);
        (first(x), id(x.application), x.application).cmp(&(first(y), id(y.application), y.application))
    });
    let mut tau = Vec::new();
    for a in 0..n {
        for b in a + 1..n {
            let pairs: Vec<(f64, f64)> = rows.iter().filter_map(|r| Some((r.scores[a]?, r.scores[b]?))).collect();
            let (x, y): (Vec<f64>, Vec<f64>) = pairs.into_iter().unzip();
            tau.push(Tau {
                a,
                b,
                tau: tau_b(&x, &y),
            });
        }
    }
    TrackComparison {
        track: track.to_string(),
        rows,
        tau,
    }
}

/// Each value's class of equal values (section 5's equality, as runs of the sorted values):
/// 0 for the lowest run, 1 for the next, and so on.
fn classes(values: &[f64]) -> Vec<u32> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&i, &j| values[i].total_cmp(&values[j]));
    let mut class = vec![0u32; values.len()];
    for (c, run) in score::runs(&order, |&i| values[i]).into_iter().enumerate() {
        for &i in &order[run] {
            class[i] = c as u32;
        }
    }
    class
}

/// The number of pairs among the members of the runs of equal keys of `sorted`.
fn tied_pairs<T: PartialEq>(sorted: &[T]) -> u64 {
    let mut pairs = 0u64;
    let mut start = 0;
    for i in 1..=sorted.len() {
        if i == sorted.len() || sorted[i] != sorted[i - 1] {
            let t = (i - start) as u64;
            pairs += t * (t - 1) / 2;
            start = i;
        }
    }
    pairs
}

/// Sorts `v` ascending by merge sort and gives the number of swaps an exchange sort would make
/// (the discordant pairs of Knight's algorithm).
fn sort_counting_swaps(v: &mut [u32], scratch: &mut Vec<u32>) -> u64 {
    let n = v.len();
    if n < 2 {
        return 0;
    }
    let mid = n / 2;
    let mut swaps = sort_counting_swaps(&mut v[..mid], scratch) + sort_counting_swaps(&mut v[mid..], scratch);
    scratch.clear();
    let (mut i, mut j) = (0, mid);
    while i < mid && j < n {
        if v[j] < v[i] {
            // Every element left in the first half is above v[j].
            swaps += (mid - i) as u64;
            scratch.push(v[j]);
            j += 1;
        } else {
            scratch.push(v[i]);
            i += 1;
        }
    }
    scratch.extend_from_slice(&v[i..mid]);
    scratch.extend_from_slice(&v[j..n]);
    v.copy_from_slice(scratch);
    swaps
}

/// Kendall's τ-b of two paired lists, as `scipy.stats.kendalltau(x, y)` (variant b) computes
/// it, with values compared by section 5's equality: `(C − D) / √((n₀ − n₁)(n₀ − n₂))`, n₀ the
/// pairs, n₁ and n₂ those tied in x and in y. `None` with fewer than 2 values or when either
/// list is all equal. Knight's O(n log n) algorithm, as scipy's.
pub fn tau_b(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len().min(y.len());
    if n < 2 {
        return None;
    }
    let (cx, cy) = (classes(&x[..n]), classes(&y[..n]));
    let mut pairs: Vec<(u32, u32)> = cx.into_iter().zip(cy).collect();
    pairs.sort_unstable();
    let n0 = (n as u64) * (n as u64 - 1) / 2;
    let xs: Vec<u32> = pairs.iter().map(|p| p.0).collect();
    let x_ties = tied_pairs(&xs);
    let joint_ties = tied_pairs(&pairs);
    let mut ys: Vec<u32> = pairs.iter().map(|p| p.1).collect();
    let discordant = sort_counting_swaps(&mut ys, &mut Vec::with_capacity(n));
    let y_ties = tied_pairs(&ys);
    if x_ties == n0 || y_ties == n0 {
        return None;
    }
    let concordant_minus_discordant =
        n0 as i128 - x_ties as i128 - y_ties as i128 + joint_ties as i128 - 2 * discordant as i128;
    let tau = concordant_minus_discordant as f64 / ((n0 - x_ties) as f64).sqrt() / ((n0 - y_ties) as f64).sqrt();
    Some(tau.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// τ-b by its definition, pair by pair: an independent check of Knight's algorithm.
    fn tau_by_pairs(x: &[f64], y: &[f64]) -> Option<f64> {
        let (mut s, mut tx, mut ty, mut n0) = (0i64, 0i64, 0i64, 0i64);
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                n0 += 1;
                let dx = if score::equal(x[i], x[j]) {
                    0
                } else if x[i] < x[j] {
                    -1
                } else {
                    1
                };
                let dy = if score::equal(y[i], y[j]) {
                    0
                } else if y[i] < y[j] {
                    -1
                } else {
                    1
                };
                s += dx * dy;
                tx += i64::from(dx == 0);
                ty += i64::from(dy == 0);
            }
        }
        (n0 > 0 && tx < n0 && ty < n0).then(|| s as f64 / (((n0 - tx) * (n0 - ty)) as f64).sqrt())
    }

    #[test]
    fn knight_agrees_with_the_definition() {
        // A small deterministic generator of scores with many ties.
        let mut state = 12345u64;
        let mut next = || {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) % 7) as f64 * 10.0
        };
        for n in [2, 3, 5, 10, 40] {
            for _ in 0..20 {
                let x: Vec<f64> = (0..n).map(|_| next()).collect();
                let y: Vec<f64> = (0..n).map(|_| next()).collect();
                let (a, b) = (tau_b(&x, &y), tau_by_pairs(&x, &y));
                match (a, b) {
                    (Some(a), Some(b)) => assert!((a - b).abs() < 1e-12, "{x:?} {y:?}: {a} {b}"),
                    (a, b) => assert_eq!(a, b, "{x:?} {y:?}"),
                }
            }
        }
    }

    #[test]
    fn equal_in_the_last_bits_is_a_tie() {
        // 49.99999999999999 and 50 are one value: x is all equal, so τ is undefined.
        assert_eq!(tau_b(&[49.99999999999999, 50.0], &[1.0, 2.0]), None);
        assert_eq!(tau_b(&[1.0], &[1.0]), None);
        assert_eq!(tau_b(&[1.0, 2.0, 3.0], &[3.0, 2.0, 1.0]), Some(-1.0));
    }
}
