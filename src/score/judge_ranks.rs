//! `rank`: each judge's totals replaced by their rank among that judge's totals.

use super::{Detail, Method, RoundTotals, Scores};

/// r(j,a) = rank of T(j,a) among the judge's totals (1 = lowest, ties averaged);
/// u = (r − 0.5)/n_j; S(a) = 100 · mean_j u(j,a).
pub struct Rank;

/// Average ranks (1 = lowest) of `values`, in their order; totals equal under the spec's
/// equality (a run of them) share the mean of their positions.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    for run in super::runs(&order, |&k| values[k]) {
        // Positions start..end share the mean of ranks start+1..=end.
        let shared = (run.start + run.end + 1) as f64 / 2.0;
        for &k in &order[run] {
            ranks[k] = shared;
        }
    }
    ranks
}

impl Method for Rank {
    fn name(&self) -> &'static str {
        "rank"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        let mut rank = vec![0.0; round.totals.len()];
        let mut u = vec![0.0; round.totals.len()];
        for idx in round.by_judge() {
            let values: Vec<f64> = idx.iter().map(|&i| round.totals[i].value).collect();
            let n = values.len() as f64;
            for (&i, r) in idx.iter().zip(average_ranks(&values)) {
                rank[i] = r;
                u[i] = (r - 0.5) / n;
            }
        }
        let score = round
            .by_application()
            .into_iter()
            .map(|idx| {
                let us: Vec<f64> = idx.iter().map(|&i| u[i]).collect();
                (!us.is_empty()).then(|| 100.0 * super::mean(&us))
            })
            .collect();
        Scores {
            score,
            detail: Detail::Rank { rank, u },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, lenient_and_strict};
    use super::*;

    #[test]
    fn ties_share_the_average_rank() {
        assert_eq!(average_ranks(&[20.0, 10.0, 30.0, 20.0]), vec![2.5, 1.0, 4.0, 2.5]);
        assert_eq!(average_ranks(&[5.0, 5.0, 5.0]), vec![2.0, 2.0, 2.0]);
    }

    #[test]
    fn totals_equal_but_for_the_last_bits_share_a_rank() {
        // 5, 5, 5 of 10 on three equal-weight criteria sums to 49.99999999999999 and 6, 5, 4 to
        // 50: both are 50, so they share ranks 2 and 3 (average 2.5) above the 30.
        let criteria = super::super::tests::equal_weight_criteria();
        let (a, b) = (
            super::super::total(&criteria, &[5.0, 5.0, 5.0]).0,
            super::super::total(&criteria, &[6.0, 5.0, 4.0]).0,
        );
        assert_ne!(a, b, "the sums differ in their last bits");
        assert_eq!(average_ranks(&[a, b, 30.0]), vec![2.5, 2.5, 1.0]);
        // Runs: 50, 50.00000004, 50.00000008 are one group at 50's tolerance (5e-8), although
        // the first and the last are 8e-8 apart: ranks 1–3 average to 2.
        assert_eq!(average_ranks(&[50.00000008, 50.0, 50.00000004]), vec![2.0, 2.0, 2.0]);
    }

    #[test]
    fn the_worked_example_by_hand() {
        let s = Rank.score(&lenient_and_strict()).score;
        // A ranks E4, E3, E2 as 1, 2, 3 → u 1/6, 1/2, 5/6; B ranks E4, E3, E1 the same way;
        // C ranks E2, E1 as 1, 2 → u 1/4, 3/4.
        assert!(close(s[0], 100.0 * (5.0 / 6.0 + 0.75) / 2.0));
        assert!(close(s[1], 100.0 * (5.0 / 6.0 + 0.25) / 2.0));
        assert!(close(s[2], 50.0));
        assert!(close(s[3], 100.0 / 6.0));
    }
}
