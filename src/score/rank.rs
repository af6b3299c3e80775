//! `rank`: each judge's totals replaced by their rank among that judge's totals.

use super::{Detail, Method, RoundTotals, Scores};

/// r(j,a) = rank of T(j,a) among the judge's totals (1 = lowest, ties averaged);
/// u = (r − 0.5)/n_j; S(a) = 100 · mean_j u(j,a).
pub struct Rank;

/// Average ranks (1 = lowest) of `values`, in their order.
pub fn average_ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        // Positions i..=j share the mean of ranks i+1..=j+1.
        let shared = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            ranks[k] = shared;
        }
        i = j + 1;
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
