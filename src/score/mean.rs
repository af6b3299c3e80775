//! `mean`: the plain mean of an application's totals.

use super::{Method, RoundTotals, Scores, per_application};

/// S(a) = mean of T(j,a) over J(a).
pub struct Mean;

impl Method for Mean {
    fn name(&self) -> &'static str {
        "mean"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        Scores {
            score: per_application(round, super::mean),
            detail: super::Detail::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, lenient_and_strict};
    use super::*;

    #[test]
    fn the_worked_example_puts_e2_above_e1() {
        let s = Mean.score(&lenient_and_strict()).score;
        // E1: (65 + 80)/2 = 72.5; E2: (85 + 70)/2 = 77.5; E3: 60; E4: 50.
        assert!(close(s[0], 72.5) && close(s[1], 77.5) && close(s[2], 60.0) && close(s[3], 50.0));
        assert!(s[1] > s[0], "the mean wrongly ranks E2 above E1");
    }
}
