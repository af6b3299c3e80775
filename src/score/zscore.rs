//! `zscore`: each judge's totals standardised, then mapped back onto the round's scale.

use super::{Detail, JudgeStats, Method, RoundTotals, Scores};

/// z(j,a) = (T − μ_j)/σ_j (0 when σ_j = 0 or the judge gave fewer than 2 totals);
/// S(a) = M + D · mean_j z(j,a), with M and D the mean and population deviation of all totals.
pub struct ZScore;

/// The population deviation, exactly 0 when the largest and the smallest value are equal:
/// totals that differ only in their last bits must not become z-scores of ±1.
fn deviation(values: &[f64]) -> f64 {
    if super::flat(values) {
        0.0
    } else {
        super::population_sd(values)
    }
}

impl Method for ZScore {
    fn name(&self) -> &'static str {
        "zscore"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        let judges: Vec<JudgeStats> = round
            .by_judge()
            .into_iter()
            .map(|idx| {
                let values: Vec<f64> = idx.iter().map(|&i| round.totals[i].value).collect();
                JudgeStats {
                    count: values.len(),
                    mean: super::mean(&values),
                    sd: deviation(&values),
                }
            })
            .collect();
        let z: Vec<f64> = round
            .totals
            .iter()
            .map(|t| {
                let j = judges[t.judge];
                if j.count < 2 || j.sd == 0.0 {
                    0.0
                } else {
                    (t.value - j.mean) / j.sd
                }
            })
            .collect();
        let all: Vec<f64> = round.totals.iter().map(|t| t.value).collect();
        let (m, d) = (super::mean(&all), deviation(&all));
        let score = round
            .by_application()
            .into_iter()
            .map(|idx| {
                let zs: Vec<f64> = idx.iter().map(|&i| z[i]).collect();
                (!zs.is_empty()).then(|| if d == 0.0 { m } else { m + d * super::mean(&zs) })
            })
            .collect();
        Scores {
            score,
            detail: Detail::ZScore {
                judges,
                z,
                mean: m,
                sd: d,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, lenient_and_strict, round};
    use super::*;

    #[test]
    fn the_worked_example_by_hand() {
        let s = ZScore.score(&lenient_and_strict()).score;
        // Judge A: 85, 75, 65 → μ 75, σ √(200/3). B: 65, 45, 35 → μ 145/3, σ √(4200/27).
        // C: 80, 70 → μ 75, σ 5. All eight totals: M = 520/8 = 65, D = √(2050/8).
        let (sa, sb, sc) = ((200.0f64 / 3.0).sqrt(), (4200.0f64 / 27.0).sqrt(), 5.0);
        let d = (2050.0f64 / 8.0).sqrt();
        let z_b = |t: f64| (t - 145.0 / 3.0) / sb;
        let e1 = 65.0 + d * (z_b(65.0) + (80.0 - 75.0) / sc) / 2.0;
        let e2 = 65.0 + d * ((85.0 - 75.0) / sa + (70.0 - 75.0) / sc) / 2.0;
        let e3 = 65.0 + d * (0.0 + z_b(45.0)) / 2.0;
        let e4 = 65.0 + d * ((65.0 - 75.0) / sa + z_b(35.0)) / 2.0;
        assert!(
            close(s[0], e1) && close(s[1], e2) && close(s[2], e3) && close(s[3], e4),
            "{s:?}"
        );
        assert!(s[0] > s[1], "normalising puts E1 above E2");
    }

    #[test]
    fn flat_judges_and_single_totals_give_zero() {
        // Judge 0 gives 50 twice (σ = 0); judge 1 gives one total. All z are 0, so S = M.
        let r = round(2, 2, &[(0, 0, 50.0), (0, 1, 50.0), (1, 0, 80.0)]);
        let s = ZScore.score(&r).score;
        assert!(close(s[0], 60.0) && close(s[1], 60.0));
        // Every total equal: D = 0 gives S = M.
        let flat = round(2, 1, &[(0, 0, 40.0), (1, 0, 40.0)]);
        assert!(close(ZScore.score(&flat).score[0], 40.0));
    }

    #[test]
    fn a_judge_whose_totals_are_equal_but_for_the_last_bits_has_sigma_zero() {
        // Judge 0 gives 5,5,5 / 10,5,0 / 6,5,4 on three equal-weight criteria: every total is 50,
        // though the sums come out as 49.99999999999999, 49.99999999999999 and 50. So σ_0 = 0
        // and z = 0. Judge 1 gives 20 and 80: μ 50, σ 30, z = ∓1. All five totals: M = 250/5 = 50,
        // D = √((0 + 0 + 0 + 900 + 900)/5) = √360. Applications 0–2 only have judge 0: S = M = 50.
        let criteria = crate::score::tests::equal_weight_criteria();
        let t = |x: [f64; 3]| crate::score::total(&criteria, &x).0;
        let r = round(
            2,
            5,
            &[
                (0, 0, t([5.0, 5.0, 5.0])),
                (0, 1, t([10.0, 5.0, 0.0])),
                (0, 2, t([6.0, 5.0, 4.0])),
                (1, 3, 20.0),
                (1, 4, 80.0),
            ],
        );
        let s = ZScore.score(&r);
        let Detail::ZScore { judges, z, sd, .. } = &s.detail else {
            panic!("zscore detail")
        };
        assert_eq!(judges[0].sd, 0.0);
        assert_eq!(&z[..3], &[0.0, 0.0, 0.0]);
        assert!((sd - 360f64.sqrt()).abs() < 1e-9);
        for a in 0..3 {
            assert!(close(s.score[a], 50.0), "{:?}", s.score);
        }
        assert!(close(s.score[3], 50.0 - 360f64.sqrt()) && close(s.score[4], 50.0 + 360f64.sqrt()));
    }

    #[test]
    fn a_round_whose_totals_are_all_equal_but_for_the_last_bits_has_d_zero() {
        // 49.99999999999999 and 50 are equal: D = 0 and S = M for both applications.
        let criteria = crate::score::tests::equal_weight_criteria();
        let t = |x: [f64; 3]| crate::score::total(&criteria, &x).0;
        let r = round(2, 2, &[(0, 0, t([5.0, 5.0, 5.0])), (1, 1, t([6.0, 5.0, 4.0]))]);
        let s = ZScore.score(&r);
        let Detail::ZScore { sd, mean, .. } = s.detail else {
            panic!("zscore detail")
        };
        assert_eq!(sd, 0.0);
        assert_eq!(s.score, vec![Some(mean), Some(mean)]);
        assert!(close(Some(mean), 50.0));
    }
}
