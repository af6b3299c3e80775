//! Scoring (spec section 5): judges' totals on 0–100, then one method turns the totals of a
//! round into a score per application. Each method is one small module behind [`Method`].

mod bias;
mod judge_ranks;
mod mean;
mod median;
mod trimmed;
mod zscore;

use crate::model::config::Criterion;

pub use bias::Bias;
pub use judge_ranks::Rank;
pub use mean::Mean;
pub use median::Median;
pub use trimmed::Trimmed;
pub use zscore::ZScore;

/// One judge's total for one application, on 0–100.
#[derive(Clone, Debug, PartialEq)]
pub struct Total {
    /// Index of the judge in the round's judge list.
    pub judge: usize,
    /// Index of the application in the round's application list.
    pub application: usize,
    /// `T(j,a) = 100 · Σ_c w_c · (x − min_c)/(max_c − min_c)`.
    pub value: f64,
    /// `100 · (x − min_c)/(max_c − min_c)` for each criterion a `criterion:` tie-break key
    /// names, in the order of [`tie_break_criteria`] (empty when no key names one: half a
    /// million totals do not each carry every criterion).
    pub criteria: Vec<f64>,
}

/// The totals that count in one round.
#[derive(Clone, Debug, Default)]
pub struct RoundTotals {
    /// How many judges the indices in `totals` range over.
    pub judges: usize,
    /// How many applications the indices in `totals` range over.
    pub applications: usize,
    /// Every total that counts.
    pub totals: Vec<Total>,
}

impl RoundTotals {
    /// The indices of the totals of each application.
    pub fn by_application(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.applications];
        for (i, t) in self.totals.iter().enumerate() {
            out[t.application].push(i);
        }
        out
    }

    /// The indices of the totals of each judge.
    pub fn by_judge(&self) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new(); self.judges];
        for (i, t) in self.totals.iter().enumerate() {
            out[t.judge].push(i);
        }
        out
    }

    /// The values of the totals of each application.
    pub fn values_by_application(&self) -> Vec<Vec<f64>> {
        self.by_application()
            .into_iter()
            .map(|idx| idx.into_iter().map(|i| self.totals[i].value).collect())
            .collect()
    }
}

/// A judge's statistics over the round, as `zscore` uses them.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct JudgeStats {
    /// Number of totals the judge gave.
    pub count: usize,
    /// Their mean.
    pub mean: f64,
    /// Their population standard deviation.
    pub sd: f64,
}

/// What a method computed on the way, for `prize explain`.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Detail {
    /// Nothing beyond the totals.
    #[default]
    None,
    /// `zscore`: each judge's statistics, each total's z, and the round's mean and deviation.
    ZScore {
        /// Per judge.
        judges: Vec<JudgeStats>,
        /// Per total, in the order of `RoundTotals::totals`.
        z: Vec<f64>,
        /// Mean of all totals (M).
        mean: f64,
        /// Population standard deviation of all totals (D).
        sd: f64,
    },
    /// `rank`: each total's rank among its judge's totals and its share u = (r − 0.5)/n.
    Rank {
        /// Per total: the rank r (1 = lowest, ties averaged).
        rank: Vec<f64>,
        /// Per total: u.
        u: Vec<f64>,
    },
    /// `bias`: each judge's fitted bias b(j) and the number of connected parts.
    Bias {
        /// Per judge.
        bias: Vec<f64>,
        /// Connected parts of the judge–application graph.
        parts: usize,
    },
}

/// What a method gives: a score per application (None without totals) and its workings.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    /// S(a) per application index.
    pub score: Vec<Option<f64>>,
    /// The method's intermediate values.
    pub detail: Detail,
}

/// A scoring method.
pub trait Method: Sync {
    /// The name in `prize.toml` and on the command line.
    fn name(&self) -> &'static str;
    /// S(a) for every application of the round.
    fn score(&self, round: &RoundTotals) -> Scores;
}

/// Every scoring method, in the spec's order: the one registry. prize.toml's check, the
/// command line's choices and `compare`'s default all read it, so a seventh method is one file
/// and one line here (`trim` is used by `trimmed`).
pub fn all(trim: usize) -> [Box<dyn Method>; 6] {
    [
        Box::new(Mean),
        Box::new(Median),
        Box::new(Trimmed { trim }),
        Box::new(ZScore),
        Box::new(Rank),
        Box::new(Bias),
    ]
}

/// The methods' names, in the registry's order.
pub fn names() -> Vec<&'static str> {
    all(0).iter().map(|m| m.name()).collect()
}

/// The method called `name`.
pub fn method(name: &str, trim: usize) -> Option<Box<dyn Method>> {
    all(trim).into_iter().find(|m| m.name() == name)
}

/// `T(j,a)` and the per-criterion normalised scores, from raw scores in criterion order.
pub fn total(criteria: &[Criterion], scores: &[f64]) -> (f64, Vec<f64>) {
    let normalised: Vec<f64> = criteria.iter().zip(scores).map(|(c, &x)| normalised(c, x)).collect();
    (total_value(criteria, scores), normalised)
}

/// `T(j,a)` alone, from raw scores in criterion order, without a list of the normalised
/// scores: the same sum, term for term, as [`total`]'s.
pub fn total_value(criteria: &[Criterion], scores: &[f64]) -> f64 {
    let weight_sum: f64 = criteria.iter().map(|c| c.weight).sum();
    criteria
        .iter()
        .zip(scores)
        .map(|(c, &x)| c.weight / weight_sum * normalised(c, x))
        .sum()
}

/// `100 · (x − min_c)/(max_c − min_c)`, divided before it is scaled: `100 · (x − min)` alone may
/// overflow when `max − min` does not.
pub fn normalised(c: &Criterion, x: f64) -> f64 {
    100.0 * ((x - c.min) / (c.max - c.min))
}

/// The indices (in prize.toml's order of criteria) of the criteria that `criterion:` tie-break
/// keys name, each once, in the order the keys first name them: what [`Total::criteria`]
/// holds.
pub fn tie_break_criteria(criteria: &[Criterion], tie_break: &[crate::model::config::TieBreak]) -> Vec<usize> {
    let mut out = Vec::new();
    for key in tie_break {
        if let crate::model::config::TieBreak::Criterion(id) = key
            && let Some(c) = criteria.iter().position(|c| &c.id == id)
            && !out.contains(&c)
        {
            out.push(c);
        }
    }
    out
}

/// Mean of a non-empty slice (0 for an empty one).
pub fn mean(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    values.iter().sum::<f64>() / values.len() as f64
}

/// Population standard deviation.
pub fn population_sd(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let m = mean(values);
    (values.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / values.len() as f64).sqrt()
}

/// Median (mean of the middle two when the count is even).
pub fn median(values: &[f64]) -> f64 {
    if values.is_empty() {
        return 0.0;
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let n = sorted.len();
    if n % 2 == 1 {
        sorted[n / 2]
    } else {
        (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0
    }
}

/// Whether two totals or scores are equal under the spec's tolerance:
/// `|x − y| ≤ 1e-9 · max(1, |x|, |y|)`. The one equality of the tool: every comparison of
/// totals or scores goes through it (or through [`ge`], [`flat`] and [`runs`], built on it).
pub fn equal(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * 1f64.max(a.abs()).max(b.abs())
}

/// `x ≥ y` under the spec's equality: x > y, or x and y are equal (so 49.99999999999999
/// reaches a `min_score` of 50).
pub fn ge(x: f64, y: f64) -> bool {
    x > y || equal(x, y)
}

/// Whether the largest and the smallest of `values` are equal (true for none or one): the
/// spec's test for σ = 0, which a computed deviation of 3e-15 must not fail.
pub fn flat(values: &[f64]) -> bool {
    let (lo, hi) = values.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
        (lo.min(v), hi.max(v))
    });
    values.is_empty() || equal(lo, hi)
}

/// The groups of equal values of `sorted` (sorted either way), as ranges of positions: each
/// value equal to the one before it is in that one's group, so a group is a run and may span
/// more than the tolerance from end to end.
pub fn runs<T>(sorted: &[T], value: impl Fn(&T) -> f64) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=sorted.len() {
        if i == sorted.len() || !equal(value(&sorted[i - 1]), value(&sorted[i])) {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// Applies a per-application function to the values of each application with totals.
pub(crate) fn per_application(round: &RoundTotals, f: impl Fn(&[f64]) -> f64) -> Vec<Option<f64>> {
    round
        .values_by_application()
        .into_iter()
        .map(|v| (!v.is_empty()).then(|| f(&v)))
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn totals_carry_the_criteria_tie_breaks_name_once_each_in_their_order() {
        use crate::model::config::TieBreak;
        let criteria: Vec<Criterion> = ["a", "b", "c"]
            .iter()
            .map(|id| Criterion {
                id: id.to_string(),
                name: id.to_string(),
                weight: 1.0,
                min: 0.0,
                max: 10.0,
            })
            .collect();
        let keys = [
            TieBreak::Criterion("c".into()),
            TieBreak::Median,
            TieBreak::Criterion("a".into()),
            TieBreak::Criterion("c".into()),
        ];
        assert_eq!(tie_break_criteria(&criteria, &keys), [2, 0]);
        assert!(tie_break_criteria(&criteria, &[TieBreak::Median]).is_empty());
        // 4, 7, 10 of 10 with equal weights: (40 + 70 + 100) / 3, the same sum either way.
        let (t, n) = total(&criteria, &[4.0, 7.0, 10.0]);
        assert_eq!(n, [40.0, 70.0, 100.0]);
        assert_eq!(t.to_bits(), total_value(&criteria, &[4.0, 7.0, 10.0]).to_bits());
        assert!(equal(t, 70.0));
    }

    #[test]
    fn the_registry_holds_the_six_methods_of_the_spec_each_found_by_its_name() {
        assert_eq!(names(), ["mean", "median", "trimmed", "zscore", "rank", "bias"]);
        for name in names() {
            assert_eq!(method(name, 1).map(|m| m.name()), Some(name));
        }
        assert!(method("average", 1).is_none());
    }

    /// A round from (judge, application, total) triples.
    pub fn round(judges: usize, applications: usize, totals: &[(usize, usize, f64)]) -> RoundTotals {
        RoundTotals {
            judges,
            applications,
            totals: totals
                .iter()
                .map(|&(judge, application, value)| Total {
                    judge,
                    application,
                    value,
                    criteria: vec![value],
                })
                .collect(),
        }
    }

    /// The worked example of the issue: A (lenient) scores E2, E3, E4 as 85, 75, 65; B (strict)
    /// E1, E3, E4 as 65, 45, 35; C scores E1, E2 as 80, 70.
    pub fn lenient_and_strict() -> RoundTotals {
        let (a, b, c) = (0, 1, 2);
        round(
            3,
            4,
            &[
                (a, 1, 85.0),
                (a, 2, 75.0),
                (a, 3, 65.0),
                (b, 0, 65.0),
                (b, 2, 45.0),
                (b, 3, 35.0),
                (c, 0, 80.0),
                (c, 1, 70.0),
            ],
        )
    }

    /// Three criteria of equal weight scored 0–10: 5, 5, 5 totals 49.99999999999999, not 50.
    pub fn equal_weight_criteria() -> Vec<Criterion> {
        ["c1", "c2", "c3"]
            .map(|id| Criterion {
                id: id.into(),
                name: id.into(),
                weight: 1.0,
                min: 0.0,
                max: 10.0,
            })
            .to_vec()
    }

    pub fn close(a: Option<f64>, b: f64) -> bool {
        a.is_some_and(|a| (a - b).abs() < 1e-9)
    }

    #[test]
    fn totals_are_weighted_and_on_0_to_100() {
        let c = |id: &str, weight: f64, min: f64, max: f64| Criterion {
            id: id.into(),
            name: id.into(),
            weight,
            min,
            max,
        };
        let criteria = [c("a", 2.0, 1.0, 10.0), c("b", 1.0, 0.0, 10.0)];
        // a: 100·(7−1)/9 = 66.666…; b: 100·5/10 = 50; weights 2/3 and 1/3.
        let (t, n) = total(&criteria, &[7.0, 5.0]);
        assert!((n[0] - 600.0 / 9.0).abs() < 1e-12);
        assert!((t - (2.0 / 3.0 * 600.0 / 9.0 + 50.0 / 3.0)).abs() < 1e-12);
        assert!(close(Some(total(&criteria, &[10.0, 10.0]).0), 100.0));
        assert_eq!(total(&criteria, &[1.0, 0.0]).0, 0.0);
    }

    #[test]
    fn equality_tolerance() {
        assert!(equal(80.0, 80.0 + 5e-8));
        assert!(!equal(80.0, 80.0 + 1e-6));
        assert!(equal(0.0, 1e-9));
        assert!(!equal(0.0, 2e-9));
    }

    #[test]
    fn greater_or_equal_includes_the_last_bits() {
        // 5, 5, 5 of 10 on three equal weights: 49.99999999999999 is 50, so it reaches 50.
        let (t, _) = total(&equal_weight_criteria(), &[5.0, 5.0, 5.0]);
        assert!(t < 50.0 && ge(t, 50.0));
        assert!(ge(50.1, 50.0) && !ge(49.9, 50.0));
    }

    #[test]
    fn flat_compares_the_largest_with_the_smallest() {
        assert!(flat(&[]) && flat(&[7.0]) && flat(&[49.99999999999999, 50.0, 50.0]));
        // 50 and 50.00000008 are 8e-8 apart, beyond 50's tolerance of 5e-8, even with a value
        // in between that is equal to both.
        assert!(!flat(&[50.0, 50.00000004, 50.00000008]));
    }

    #[test]
    fn runs_chain_each_value_to_the_one_before() {
        // 50, 50.00000004, 50.00000008 at tolerance 5e-8 are one run; 51 starts another.
        let v = [50.0, 50.00000004, 50.00000008, 51.0, 51.0];
        assert_eq!(runs(&v, |x| *x), vec![0..3, 3..5]);
        assert_eq!(runs(&[3.0, 2.0, 1.0], |x: &f64| *x), vec![0..1, 1..2, 2..3]);
        assert!(runs(&[] as &[f64], |x| *x).is_empty());
    }

    #[test]
    fn median_and_sd() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), 2.5);
        // Values 2, 4, 4, 4, 5, 5, 7, 9: mean 5, population variance 4.
        assert_eq!(population_sd(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]), 2.0);
    }
}
