//! Spec section 8: `prize judges`: each judge's totals in a round, how lenient the judge is
//! (the `bias` fit of section 5), how the judge compares with the others on the same
//! applications, and how well the fit explains the judge's totals.

use crate::load::Archive;
use crate::model::config::Config;
use crate::model::roster::Judge;
use crate::ranking::RoundResult;
use crate::score::{self, Detail, Method, Scores};

/// Leniency at or above this many points is `lenient` (at or below its negative, `severe`).
pub const LENIENT: f64 = 10.0;
/// A fit at or above this is `erratic`.
pub const ERRATIC: f64 = 2.0;
/// An sd below this over at least [`FLAT_TOTALS`] totals is `flat`.
pub const FLAT_SD: f64 = 5.0;
/// How many totals `flat` needs.
pub const FLAT_TOTALS: usize = 5;
/// How many applications with another judge `contrarian` needs.
pub const CONTRARIAN_APPLICATIONS: usize = 5;

/// One judge's row.
#[derive(Clone, Debug, PartialEq)]
pub struct JudgeRow {
    /// Index of the judge in the roster.
    pub judge: usize,
    /// Judge id.
    pub id: String,
    /// Judge name.
    pub name: String,
    /// How many totals the judge gave in the round.
    pub totals: usize,
    /// Their mean.
    pub mean: f64,
    /// Their population standard deviation.
    pub sd: f64,
    /// b(j) of the round's `bias` fit.
    pub leniency: Option<f64>,
    /// Mean of T(j,a) minus the mean of the other judges' totals for a, over the judge's
    /// applications that have another judge.
    pub offset: Option<f64>,
    /// Pearson correlation between the judge's totals and the others' means on those applications.
    pub correlation: Option<f64>,
    /// Mean z² of the judge's residuals in the bias fit.
    pub fit: Option<f64>,
    /// `lenient`, `severe`, `erratic`, `flat`, `contrarian`, in that order, those that hold.
    pub flags: Vec<&'static str>,
}

/// `prize judges`: every judge serving in the round with at least one total, by id.
#[derive(Clone, Debug, PartialEq)]
pub struct Judges {
    /// The round's id.
    pub round: String,
    /// The round's name.
    pub round_name: String,
    /// The rows, by judge id.
    pub judges: Vec<JudgeRow>,
}

/// The judges of the judged round `result`.
pub fn of(archive: &Archive, config: &Config, result: &RoundResult) -> Judges {
    let roster: &[Judge] = archive.roster.as_ref().map_or(&[], |r| r.judges.as_slice());
    let round = &config.rounds[result.round];
    Judges {
        round: round.id.clone(),
        round_name: round.name.clone(),
        judges: rows(roster, result),
    }
}

/// One row per judge with a total in `result`, by judge id.
pub fn rows(roster: &[Judge], result: &RoundResult) -> Vec<JudgeRow> {
    let round = &result.totals;
    // The round's own fit when its method is `bias`; else the same fit made here.
    let refitted;
    let fit: &Scores = match result.scores.detail {
        Detail::Bias { .. } => &result.scores,
        _ => {
            refitted = score::Bias.score(round);
            &refitted
        }
    };
    let (bias, parts) = match &fit.detail {
        Detail::Bias { bias, parts } => (bias.as_slice(), *parts),
        _ => (&[][..], 0),
    };
    let by_app = round.by_application();
    let by_judge = round.by_judge();
    // (T(j,a), q(a) + b(j)) per total.
    let fitted: Vec<Option<(f64, f64)>> = round
        .totals
        .iter()
        .map(|t| {
            let q = fit.score.get(t.application).copied().flatten()?;
            let b = bias.get(t.judge).copied()?;
            Some((t.value, q + b))
        })
        .collect();
    let residual: Vec<Option<f64>> = fitted.iter().map(|p| p.map(|(t, f)| t - f)).collect();
    let s2 = residual_variance(round, &by_app, &by_judge, parts, &fitted);
    let mut rows: Vec<JudgeRow> = by_judge
        .iter()
        .enumerate()
        .filter(|(j, idx)| !idx.is_empty() && *j < roster.len())
        .map(|(j, idx)| {
            let values: Vec<f64> = idx.iter().map(|&i| round.totals[i].value).collect();
            // (T(j,a), mean of the others' totals for a) over the applications with another judge.
            let pairs: Vec<(f64, f64)> = idx
                .iter()
                .filter_map(|&i| {
                    let t = &round.totals[i];
                    let others: Vec<f64> = by_app[t.application]
                        .iter()
                        .map(|&k| &round.totals[k])
                        .filter(|o| o.judge != j)
                        .map(|o| o.value)
                        .collect();
                    (!others.is_empty()).then(|| (t.value, score::mean(&others)))
                })
                .collect();
            let offset =
                (!pairs.is_empty()).then(|| pairs.iter().map(|(x, y)| x - y).sum::<f64>() / pairs.len() as f64);
            let correlation = pearson(&pairs);
            let leniency = bias.get(j).copied().filter(|b| b.is_finite());
            let fit = s2.and_then(|s2| {
                let z2: Option<Vec<f64>> = idx.iter().map(|&i| residual[i].map(|e| e * e / s2)).collect();
                z2.map(|z2| score::mean(&z2)).filter(|f| f.is_finite())
            });
            let sd = score::population_sd(&values);
            let mut flags = Vec::new();
            if leniency.is_some_and(|b| score::ge(b, LENIENT)) {
                flags.push("lenient");
            }
            if leniency.is_some_and(|b| score::ge(-LENIENT, b)) {
                flags.push("severe");
            }
            if fit.is_some_and(|f| score::ge(f, ERRATIC)) {
                flags.push("erratic");
            }
            if values.len() >= FLAT_TOTALS && !score::ge(sd, FLAT_SD) {
                flags.push("flat");
            }
            if pairs.len() >= CONTRARIAN_APPLICATIONS && correlation.is_some_and(|r| !score::ge(r, 0.0)) {
                flags.push("contrarian");
            }
            JudgeRow {
                judge: j,
                id: roster[j].id.clone(),
                name: roster[j].name.clone(),
                totals: values.len(),
                mean: score::mean(&values),
                sd,
                leniency,
                offset,
                correlation,
                fit,
                flags,
            }
        })
        .collect();
    rows.sort_by(|a, b| (&a.id, a.judge).cmp(&(&b.id, b.judge)));
    rows
}

/// s² = Σe² / (N − A − J + P) over the round, from each total and its fitted value; `None` when
/// the denominator is not positive, a fitted value is unknown, or every residual is 0 (each
/// total equal to its fitted value by the spec's equality).
fn residual_variance(
    round: &score::RoundTotals,
    by_app: &[Vec<usize>],
    by_judge: &[Vec<usize>],
    parts: usize,
    fitted: &[Option<(f64, f64)>],
) -> Option<f64> {
    let n = round.totals.len();
    let a = by_app.iter().filter(|i| !i.is_empty()).count();
    let j = by_judge.iter().filter(|i| !i.is_empty()).count();
    let free = (n + parts) as i64 - (a + j) as i64;
    if free <= 0 {
        return None;
    }
    let fitted: Option<Vec<(f64, f64)>> = fitted.iter().copied().collect();
    let fitted = fitted?;
    if fitted.iter().all(|&(t, f)| score::equal(t, f)) {
        return None;
    }
    let s2 = fitted.iter().map(|(t, f)| (t - f) * (t - f)).sum::<f64>() / free as f64;
    (s2.is_finite() && s2 > 0.0).then_some(s2)
}

/// Pearson's r over (x, y) pairs; `None` with fewer than 3 or when either side has no variance
/// (its largest and smallest values equal by the spec's equality).
pub fn pearson(pairs: &[(f64, f64)]) -> Option<f64> {
    if pairs.len() < 3 {
        return None;
    }
    let xs: Vec<f64> = pairs.iter().map(|p| p.0).collect();
    let ys: Vec<f64> = pairs.iter().map(|p| p.1).collect();
    if score::flat(&xs) || score::flat(&ys) {
        return None;
    }
    let (mx, my) = (score::mean(&xs), score::mean(&ys));
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (x, y) in pairs {
        sxy += (x - mx) * (y - my);
        sxx += (x - mx) * (x - mx);
        syy += (y - my) * (y - my);
    }
    let r = sxy / (sxx * syy).sqrt();
    r.is_finite().then(|| r.clamp(-1.0, 1.0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pearson_by_hand() {
        // y = 2x + 1: r = 1; reversed: r = −1.
        assert_eq!(pearson(&[(1.0, 3.0), (2.0, 5.0), (3.0, 7.0)]), Some(1.0));
        assert_eq!(pearson(&[(1.0, 7.0), (2.0, 5.0), (3.0, 3.0)]), Some(-1.0));
        // x = 1, 2, 3, y = 1, 3, 2: Σdxdy = (−1)(−1) + 0 + (1)(0) = 1, Σdx² = 2, Σdy² = 2: r = 1/2.
        assert!((pearson(&[(1.0, 1.0), (2.0, 3.0), (3.0, 2.0)]).unwrap() - 0.5).abs() < 1e-15);
        assert_eq!(pearson(&[(1.0, 1.0), (2.0, 3.0)]), None);
        // 49.99999999999999 is 50: no variance.
        assert_eq!(pearson(&[(50.0, 1.0), (49.99999999999999, 3.0), (50.0, 2.0)]), None);
    }
}
