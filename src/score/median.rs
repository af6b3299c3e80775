//! `median`: the middle total (mean of the middle two when the count is even).

use super::{Method, RoundTotals, Scores, per_application};

/// S(a) = median of T(j,a) over J(a).
pub struct Median;

impl Method for Median {
    fn name(&self) -> &'static str {
        "median"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        Scores {
            score: per_application(round, super::median),
            detail: super::Detail::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, round};
    use super::*;

    #[test]
    fn odd_and_even_counts() {
        let r = round(
            4,
            2,
            &[
                (0, 0, 10.0),
                (1, 0, 90.0),
                (2, 0, 40.0),
                (0, 1, 10.0),
                (1, 1, 20.0),
                (2, 1, 60.0),
                (3, 1, 90.0),
            ],
        );
        let s = Median.score(&r).score;
        assert!(close(s[0], 40.0));
        assert!(close(s[1], 40.0), "(20 + 60) / 2");
    }
}
