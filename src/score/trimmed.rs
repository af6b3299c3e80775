//! `trimmed`: drop the `trim` lowest and highest totals, then the mean.

use super::{Method, RoundTotals, Scores, per_application};

/// S(a) = mean after dropping `trim` totals at each end; the plain mean when n < 2·trim + 1.
pub struct Trimmed {
    /// How many totals to drop at each end.
    pub trim: usize,
}

/// The trimmed mean of `values`.
pub fn trimmed_mean(values: &[f64], trim: usize) -> f64 {
    if values.len() < 2 * trim + 1 {
        return super::mean(values);
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    super::mean(&sorted[trim..sorted.len() - trim])
}

impl Method for Trimmed {
    fn name(&self) -> &'static str {
        "trimmed"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        Scores {
            score: per_application(round, |v| trimmed_mean(v, self.trim)),
            detail: super::Detail::None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drops_both_ends_or_falls_back_to_the_mean() {
        // 10, 50, 60, 70, 100 → drop 10 and 100 → (50 + 60 + 70)/3 = 60.
        assert_eq!(trimmed_mean(&[100.0, 50.0, 10.0, 70.0, 60.0], 1), 60.0);
        // Two totals with trim 1: fewer than 3, so the plain mean.
        assert_eq!(trimmed_mean(&[10.0, 30.0], 1), 20.0);
        // Exactly 2·trim + 1 = 3: the middle one.
        assert_eq!(trimmed_mean(&[10.0, 30.0, 90.0], 1), 30.0);
        assert_eq!(trimmed_mean(&[10.0, 30.0, 90.0], 0), 130.0 / 3.0);
    }
}
