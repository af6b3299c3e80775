//! Ordering a track's scores into a ranking (spec section 5, "Order and ties"): higher first,
//! equality within the spec's tolerance, the `tie_break` keys, `jury_order`, then shared ranks.

use crate::score::runs;

/// An application to be placed.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index of the application in the archive.
    pub application: usize,
    /// Its id, the last resort of the listing order.
    pub id: String,
    /// S(a).
    pub score: f64,
    /// n(a): how many totals counted.
    pub judges: usize,
    /// The value of each `tie_break` key, in order.
    pub keys: Vec<f64>,
    /// Position in `scoring.jury_order`, if listed.
    pub jury: Option<usize>,
}

/// What separates an application from the one ranked just above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Split {
    /// A higher score (the first in the ranking has this too).
    Score,
    /// Equal scores; the `tie_break` key at this index decided.
    Key(usize),
    /// Equal on every key; `scoring.jury_order` decided.
    JuryOrder,
    /// Nothing did: they share the rank.
    Tied,
}

/// One place in a ranking.
#[derive(Clone, Debug, PartialEq)]
pub struct Placed {
    /// The candidate.
    pub candidate: Candidate,
    /// Standard competition rank (1, 2, 2, 4).
    pub rank: usize,
    /// Whether it shares its rank.
    pub tied: bool,
    /// What separated it from the application above.
    pub above: Split,
    /// What separated it from the application below (`Score` for the last).
    pub below: Split,
}

/// Sorts `items` by one level of keys, splits them into runs of equal values, and sorts each
/// run by the next level. `splits[i]` records what separates position i from position i − 1.
fn arrange(items: &mut [Candidate], offset: usize, level: usize, keys: usize, splits: &mut [Split]) {
    if level > keys {
        items.sort_by(|a, b| (a.jury.unwrap_or(usize::MAX), &a.id).cmp(&(b.jury.unwrap_or(usize::MAX), &b.id)));
        for i in 1..items.len() {
            let (a, b) = (&items[i - 1], &items[i]);
            splits[offset + i] = if a.jury != b.jury {
                Split::JuryOrder
            } else {
                Split::Tied
            };
        }
        return;
    }
    let value = |c: &Candidate| if level == 0 { c.score } else { c.keys[level - 1] };
    items.sort_by(|a, b| value(b).total_cmp(&value(a)).then_with(|| a.id.cmp(&b.id)));
    for run in runs(items, value) {
        if run.start > 0 {
            splits[offset + run.start] = if level == 0 {
                Split::Score
            } else {
                Split::Key(level - 1)
            };
        }
        if run.len() > 1 {
            arrange(&mut items[run.clone()], offset + run.start, level + 1, keys, splits);
        }
    }
}

/// Ranks candidates: higher score first, equal scores separated by the tie-break keys, then by
/// the jury's order; still equal, they share the rank and are listed by id.
pub fn rank(mut candidates: Vec<Candidate>) -> Vec<Placed> {
    let keys = candidates.first().map_or(0, |c| c.keys.len());
    let mut splits = vec![Split::Score; candidates.len() + 1];
    arrange(&mut candidates, 0, 0, keys, &mut splits);
    let n = candidates.len();
    let mut placed: Vec<Placed> = Vec::with_capacity(n);
    for (i, candidate) in candidates.into_iter().enumerate() {
        let above = if i == 0 { Split::Score } else { splits[i].clone() };
        let below = if i + 1 < n { splits[i + 1].clone() } else { Split::Score };
        let rank = match placed.last() {
            Some(prev) if above == Split::Tied => prev.rank,
            _ => i + 1,
        };
        placed.push(Placed {
            candidate,
            rank,
            tied: above == Split::Tied || below == Split::Tied,
            above,
            below,
        });
    }
    placed
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(id: &str, score: f64, keys: &[f64], jury: Option<usize>) -> Candidate {
        Candidate {
            application: 0,
            id: id.into(),
            score,
            judges: 3,
            keys: keys.to_vec(),
            jury,
        }
    }

    fn ranks(placed: &[Placed]) -> Vec<(String, usize, bool)> {
        placed
            .iter()
            .map(|p| (p.candidate.id.clone(), p.rank, p.tied))
            .collect()
    }

    #[test]
    fn standard_competition_ranking_with_ids_for_ties() {
        let placed = rank(vec![
            c("d", 50.0, &[], None),
            c("c", 70.0, &[], None),
            c("b", 70.0 + 1e-12, &[], None),
            c("a", 90.0, &[], None),
        ]);
        let want = [("a", 1, false), ("b", 2, true), ("c", 2, true), ("d", 4, false)];
        assert_eq!(ranks(&placed), want.map(|(id, r, t)| (id.to_string(), r, t)));
    }

    #[test]
    fn tie_break_keys_then_jury_order() {
        // Equal scores; the first key separates x from the others; y and z are equal on it too,
        // and the jury listed z.
        let placed = rank(vec![
            c("y", 80.0, &[60.0], None),
            c("z", 80.0, &[60.0], Some(0)),
            c("x", 80.0 - 1e-11, &[75.0], None),
        ]);
        assert_eq!(
            ranks(&placed),
            [
                ("x".to_string(), 1, false),
                ("z".to_string(), 2, false),
                ("y".to_string(), 3, false)
            ]
        );
        assert_eq!(placed[1].above, Split::Key(0));
        assert_eq!(placed[2].above, Split::JuryOrder);
    }

    #[test]
    fn a_tiny_score_difference_does_not_beat_a_key() {
        // |S1 − S2| is within 1e-9 · 80: the scores are equal and the key decides, even though
        // "p" has the (numerically) higher score.
        let placed = rank(vec![c("p", 80.0 + 1e-8, &[10.0], None), c("q", 80.0, &[20.0], None)]);
        assert_eq!(placed[0].candidate.id, "q");
        assert_eq!(placed[1].above, Split::Key(0));
    }

    #[test]
    fn equal_scores_form_runs() {
        // At 50 the tolerance is 5e-8: 50.00000008 equals 50.00000004, which equals 50, so all
        // three share rank 1 although the ends are 8e-8 apart; 49 is 4th.
        let placed = rank(vec![
            c("a", 50.0, &[], None),
            c("b", 50.00000004, &[], None),
            c("c", 50.00000008, &[], None),
            c("d", 49.0, &[], None),
        ]);
        let want = [("a", 1, true), ("b", 1, true), ("c", 1, true), ("d", 4, false)];
        assert_eq!(ranks(&placed), want.map(|(id, r, t)| (id.to_string(), r, t)));
    }

    #[test]
    fn a_key_equal_but_for_the_last_bits_does_not_decide() {
        // Equal scores; the first key is 49.99999999999999 against 50 (5, 5, 5 against 6, 5, 4
        // of 10), which is equal, so the second key decides: q (20) above p (10).
        let placed = rank(vec![
            c("p", 70.0, &[50.0, 10.0], None),
            c("q", 70.0, &[49.99999999999999, 20.0], None),
        ]);
        assert_eq!(placed[0].candidate.id, "q");
        assert_eq!(placed[1].above, Split::Key(1));
    }

    #[test]
    fn listed_before_unlisted_in_list_order() {
        let placed = rank(vec![
            c("a", 1.0, &[], None),
            c("b", 1.0, &[], Some(3)),
            c("c", 1.0, &[], Some(1)),
        ]);
        assert_eq!(
            ranks(&placed),
            [
                ("c".to_string(), 1, false),
                ("b".to_string(), 2, false),
                ("a".to_string(), 3, false)
            ]
        );
    }
}
