//! Spec section 8: `prize agreement`: how far the judges agree, as Krippendorff's α over the
//! round's totals (applications as units, judges as coders), for the round and for each track.
//!
//! α is computed exactly as the `krippendorff` package's `alpha(reliability_data,
//! level_of_measurement=...)` defines it, without its coincidence matrix: the package's
//! `1 − Σ o·d / Σ e·d` with d(c, k) = (v_c − v_k)² reduces to sums of squares,
//!
//! ```text
//! Σ o·d = Σ_u 2·m_u·SS_u / (m_u − 1),   Σ e·d = 2·n·SS / (n − 1),
//! α = 1 − (n − 1)/n · Σ_u (m_u/(m_u − 1)·SS_u) / SS,
//! ```
//!
//! where m_u is the number of values of unit u (units with fewer than 2 add nothing), n = Σ m_u,
//! SS_u the sum of squared deviations from the unit's mean and SS that of all n values. The
//! package's ordinal distance is `(Σ_{g=c..k} n_g − (n_c + n_k)/2)²` over the sorted domain with
//! the pairable counts n_g, which is `(P_k − P_c)²` with `P_g = Σ_{h<g} n_h + n_g/2`: ordinal α
//! is interval α with each value replaced by the P of its domain value. Both are linear in the
//! number of totals after one sort. The domain's values are the groups of equal values of
//! spec section 5 (runs), each standing for its smallest member.

use std::collections::HashMap;

use crate::load::Archive;
use crate::model::config::Config;
use crate::ranking::RoundResult;
use crate::score;

/// How many disagreements each scope lists.
pub const DISAGREEMENTS: usize = 10;

/// Krippendorff's α of one set of units, interval and ordinal, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub struct Alpha {
    /// Interval α; `None` with a `note`.
    pub interval: Option<f64>,
    /// Ordinal α; `None` with a `note`.
    pub ordinal: Option<f64>,
    /// The number of values in units with at least 2.
    pub pairable: usize,
    /// Why α is absent.
    pub note: Option<String>,
}

/// α over `units`, each the values one unit received from its coders (in any order).
pub fn alpha(units: &[Vec<f64>]) -> Alpha {
    // (value, unit) of every pairable value, sorted by value.
    let mut values: Vec<(f64, usize)> = units
        .iter()
        .enumerate()
        .filter(|(_, v)| v.len() >= 2)
        .flat_map(|(u, v)| v.iter().map(move |&x| (x, u)))
        .collect();
    let pairable = values.len();
    let absent = |note: &str| Alpha {
        interval: None,
        ordinal: None,
        pairable,
        note: Some(note.to_string()),
    };
    if pairable == 0 {
        return absent("no application has totals from 2 judges, so α cannot be computed");
    }
    values.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let groups = score::runs(&values, |v| v.0);
    if groups.len() < 2 {
        return absent("every total that can be paired is the same: without variation α is 0/0");
    }
    let unit_of: Vec<usize> = values.iter().map(|v| v.1).collect();
    // Interval: each value is its group's smallest; ordinal: its group's P.
    let mut interval = Vec::with_capacity(pairable);
    let mut ordinal = Vec::with_capacity(pairable);
    let mut below = 0.0;
    for g in &groups {
        let count = g.len() as f64;
        let p = below + count / 2.0;
        for _ in g.clone() {
            interval.push(values[g.start].0);
            ordinal.push(p);
        }
        below += count;
    }
    let interval = from_sums(units.len(), &unit_of, &interval);
    let ordinal = from_sums(units.len(), &unit_of, &ordinal);
    let note = (interval.is_none() || ordinal.is_none()).then(|| "α cannot be computed from these totals".to_string());
    Alpha {
        interval,
        ordinal,
        pairable,
        note,
    }
}

/// `1 − (n − 1)/n · Σ_u (m_u/(m_u − 1)·SS_u) / SS` over `values` (each of unit `unit_of[i]`,
/// every unit with at least 2); `None` when it is not a finite number.
fn from_sums(units: usize, unit_of: &[usize], values: &[f64]) -> Option<f64> {
    let n = values.len() as f64;
    let mut sum = vec![0.0; units];
    let mut count = vec![0usize; units];
    for (&u, &x) in unit_of.iter().zip(values) {
        sum[u] += x;
        count[u] += 1;
    }
    let grand = values.iter().sum::<f64>() / n;
    let mut within = vec![0.0; units];
    let mut total = 0.0;
    for (&u, &x) in unit_of.iter().zip(values) {
        let e = x - sum[u] / count[u] as f64;
        within[u] += e * e;
        total += (x - grand) * (x - grand);
    }
    let observed: f64 = (0..units)
        .filter(|&u| count[u] >= 2)
        .map(|u| count[u] as f64 / (count[u] - 1) as f64 * within[u])
        .sum();
    let alpha = 1.0 - (n - 1.0) / n * observed / total;
    alpha.is_finite().then_some(alpha)
}

/// An application whose judges disagree: the spread of its totals.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// Index of the application in the archive.
    pub application: usize,
    /// Its id.
    pub id: String,
    /// Its track's id.
    pub track: String,
    /// Population standard deviation of its totals.
    pub sd: f64,
    /// The lowest total.
    pub min: f64,
    /// The highest total.
    pub max: f64,
    /// How many totals (judges).
    pub judges: usize,
}

/// The agreement of one scope: the round as a whole (`track` is `None`) or one track.
#[derive(Clone, Debug, PartialEq)]
pub struct Scope {
    /// The track's id, or `None` for the whole round.
    pub track: Option<String>,
    /// The track's name, or `None` for the whole round.
    pub track_name: Option<String>,
    /// α over the scope's applications.
    pub alpha: Alpha,
    /// k: the mean number of totals of the ranked applications; `None` without any.
    pub judges_per_application: Option<f64>,
    /// Spearman–Brown: k·α/(1 + (k − 1)·α) for interval α.
    pub panel_reliability: Option<f64>,
    /// The ranked applications with the largest spread, at most [`DISAGREEMENTS`].
    pub disagreements: Vec<Disagreement>,
}

/// `prize agreement`: the round's agreement overall and per track (prize.toml order).
#[derive(Clone, Debug, PartialEq)]
pub struct Agreement {
    /// The round's id.
    pub round: String,
    /// The round's name.
    pub round_name: String,
    /// The round as a whole.
    pub overall: Scope,
    /// Each track.
    pub tracks: Vec<Scope>,
}

/// The agreement of the judged round `result`.
pub fn of(archive: &Archive, config: &Config, result: &RoundResult) -> Agreement {
    let values = result.totals.values_by_application();
    let position: HashMap<usize, usize> = result.competing.iter().enumerate().map(|(p, &a)| (a, p)).collect();
    let track_of = |pos: usize| archive.applications[result.competing[pos]].track_id();
    // Positions of the ranked applications, per track.
    let ranked: Vec<(&str, Vec<usize>)> = result
        .groups
        .iter()
        .map(|g| {
            let positions = g
                .ranking
                .iter()
                .filter_map(|p| position.get(&p.candidate.application).copied())
                .collect();
            (g.track.as_str(), positions)
        })
        .collect();
    let scope = |track: Option<&str>| {
        let keep = |pos: usize| track.is_none_or(|t| track_of(pos) == t);
        let units: Vec<Vec<f64>> = (0..values.len())
            .filter(|&pos| keep(pos) && !values[pos].is_empty())
            .map(|pos| values[pos].clone())
            .collect();
        let mut ranked_here: Vec<usize> = ranked
            .iter()
            .filter(|(t, _)| track.is_none_or(|want| *t == want))
            .flat_map(|(_, p)| p.iter().copied())
            .collect();
        ranked_here.sort_unstable();
        ranked_here.dedup();
        let alpha = alpha(&units);
        let judges_per_application = (!ranked_here.is_empty())
            .then(|| ranked_here.iter().map(|&p| values[p].len()).sum::<usize>() as f64 / ranked_here.len() as f64);
        let panel_reliability = match (alpha.interval, judges_per_application) {
            (Some(a), Some(k)) => spearman_brown(k, a),
            _ => None,
        };
        Scope {
            track: track.map(str::to_string),
            track_name: track.map(|t| config.track(t).map_or(t, |t| t.name.as_str()).to_string()),
            alpha,
            judges_per_application,
            panel_reliability,
            disagreements: disagreements(archive, result, &values, &ranked_here),
        }
    };
    let round = &config.rounds[result.round];
    Agreement {
        round: round.id.clone(),
        round_name: round.name.clone(),
        overall: scope(None),
        tracks: config.tracks.iter().map(|t| scope(Some(&t.id))).collect(),
    }
}

/// How reliable the mean of k judges is, from the reliability α of one: k·α/(1 + (k − 1)·α);
/// `None` when the denominator is 0.
pub fn spearman_brown(k: f64, alpha: f64) -> Option<f64> {
    let denominator = 1.0 + (k - 1.0) * alpha;
    if score::equal(denominator, 0.0) {
        return None;
    }
    let r = k * alpha / denominator;
    r.is_finite().then_some(r)
}

/// The [`DISAGREEMENTS`] applications among `ranked` (positions) with the largest population sd
/// of their totals, sds compared with the spec's equality, equal ones by id.
fn disagreements(archive: &Archive, result: &RoundResult, values: &[Vec<f64>], ranked: &[usize]) -> Vec<Disagreement> {
    let id = |p: usize| archive.applications[result.competing[p]].id.as_str();
    // (sd, position), largest first, then by id; only the ones listed are built.
    let mut all: Vec<(f64, usize)> = ranked
        .iter()
        .filter(|&&p| !values[p].is_empty())
        .map(|&p| (score::population_sd(&values[p]), p))
        .collect();
    all.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| id(a.1).cmp(id(b.1)))
            .then(a.1.cmp(&b.1))
    });
    let mut out: Vec<Disagreement> = Vec::new();
    for run in score::runs(&all, |d| d.0) {
        let mut group = all[run].to_vec();
        group.sort_by(|a, b| id(a.1).cmp(id(b.1)).then(a.1.cmp(&b.1)));
        for (sd, p) in group {
            let v = &values[p];
            let application = result.competing[p];
            out.push(Disagreement {
                application,
                id: id(p).to_string(),
                track: archive.applications[application].track_id().to_string(),
                sd,
                min: v.iter().copied().fold(f64::INFINITY, f64::min),
                max: v.iter().copied().fold(f64::NEG_INFINITY, f64::max),
                judges: v.len(),
            });
        }
        if out.len() >= DISAGREEMENTS {
            break;
        }
    }
    out.truncate(DISAGREEMENTS);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units(matrix: &[&[Option<f64>]]) -> Vec<Vec<f64>> {
        let columns = matrix[0].len();
        (0..columns)
            .map(|u| matrix.iter().filter_map(|coder| coder[u]).collect())
            .collect()
    }

    #[test]
    fn two_coders_two_units_by_hand() {
        // Units (1, 2) and (3, 3): n = 4, SS = (1−2.25)² + (2−2.25)² + 2·(3−2.25)² = 2.75;
        // unit SS 0.5 and 0, m/(m−1) = 2: α = 1 − 3/4 · 1/2.75 = 1 − 3/11 = 8/11.
        let a = alpha(&[vec![1.0, 2.0], vec![3.0, 3.0]]);
        assert!((a.interval.unwrap() - 8.0 / 11.0).abs() < 1e-12, "{a:?}");
        // Ordinal: counts 1, 1, 2 for values 1, 2, 3 give P = 0.5, 1.5, 3: units (0.5, 1.5) and
        // (3, 3); SS = (0.5−2)² + (1.5−2)² + 2·1² = 4.5; α = 1 − 3/4 · 1/4.5 = 5/6.
        assert!((a.ordinal.unwrap() - 5.0 / 6.0).abs() < 1e-12, "{a:?}");
        assert_eq!((a.pairable, a.note), (4, None));
    }

    #[test]
    fn a_unit_with_one_value_adds_nothing() {
        let n = None;
        let with = units(&[&[Some(1.0), Some(3.0), Some(9.0)], &[Some(2.0), Some(3.0), n]]);
        let a = alpha(&with);
        let b = alpha(&[vec![1.0, 2.0], vec![3.0, 3.0]]);
        assert_eq!(a, b);
    }

    #[test]
    fn no_pairs_or_no_variation_is_absent_with_a_note() {
        let none = alpha(&[vec![50.0], vec![60.0]]);
        assert_eq!((none.interval, none.ordinal, none.pairable), (None, None, 0));
        assert!(none.note.is_some());
        // 49.99999999999999 is 50: one domain value, the package's 0/0.
        let flat = alpha(&[vec![50.0, 49.99999999999999], vec![50.0, 50.0], vec![70.0]]);
        assert_eq!((flat.interval, flat.ordinal, flat.pairable), (None, None, 4));
        assert!(flat.note.unwrap().contains("same"));
    }

    #[test]
    fn spearman_brown_by_hand() {
        // k = 3, α = 0.5: 1.5 / 2 = 0.75.
        assert_eq!(spearman_brown(3.0, 0.5), Some(0.75));
        // k = 3, α = −0.5: the denominator is 0.
        assert_eq!(spearman_brown(3.0, -0.5), None);
    }
}
