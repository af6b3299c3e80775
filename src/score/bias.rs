//! `bias`: a least-squares fit of each total as the application's quality plus the judge's bias.

use super::{Detail, Method, RoundTotals, Scores};

/// The fit of T(j,a) = q(a) + b(j) over all totals of the round, with Σ b(j) = 0 over the
/// judges of each connected part of the judge–application graph; S(a) = q(a).
pub struct Bias;

/// Connected parts of the judge graph (two judges are linked when they scored the same
/// application): the part of each judge (`None` for a judge with no total) and their count.
pub fn parts(round: &RoundTotals) -> (Vec<Option<usize>>, usize) {
    let mut parent: Vec<usize> = (0..round.judges).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for idx in round.by_application() {
        if let Some((&first, rest)) = idx.split_first() {
            let a = find(&mut parent, round.totals[first].judge);
            for &i in rest {
                let b = find(&mut parent, round.totals[i].judge);
                parent[b] = a;
            }
        }
    }
    let mut active = vec![false; round.judges];
    for t in &round.totals {
        active[t.judge] = true;
    }
    let mut label: Vec<Option<usize>> = vec![None; round.judges];
    let mut roots: Vec<usize> = Vec::new();
    for j in 0..round.judges {
        if !active[j] {
            continue;
        }
        let root = find(&mut parent, j);
        let part = match roots.iter().position(|&r| r == root) {
            Some(p) => p,
            None => {
                roots.push(root);
                roots.len() - 1
            }
        };
        label[j] = Some(part);
    }
    (label, roots.len())
}

/// Solves for the biases b with the conjugate-gradient method on the normal equations, after
/// eliminating q: n_j b_j − Σ_{a∈A(j)} (1/n_a) Σ_{k∈J(a)} b_k = Σ_{a∈A(j)} (T(j,a) − mean T(a)),
/// plus Σ_{k in j's part} b_k, which makes the system definite and forces Σ b = 0 per part.
///
/// The iteration runs over the judges in the order of their first total, not in roster order:
/// with the totals in a canonical order (see `judging::judge_round`), every sum and dot product
/// then adds its terms in the same order, and the fit is bit for bit the same whatever the
/// order of the roster. A judge with no total keeps b = 0.
fn biases(round: &RoundTotals, part: &[Option<usize>], parts: usize) -> Vec<f64> {
    let mut local: Vec<Option<usize>> = vec![None; round.judges];
    let mut order: Vec<usize> = Vec::new();
    for t in &round.totals {
        if local[t.judge].is_none() {
            local[t.judge] = Some(order.len());
            order.push(t.judge);
        }
    }
    // Each total's judge as a position in `order`; every judge there has a total.
    let judge_of: Vec<usize> = round.totals.iter().map(|t| local[t.judge].unwrap_or(0)).collect();
    let part_of: Vec<usize> = order.iter().map(|&j| part[j].unwrap_or(0)).collect();
    let n = order.len();
    let by_app = round.by_application();
    let app_mean: Vec<f64> = by_app
        .iter()
        .map(|idx| super::mean(&idx.iter().map(|&i| round.totals[i].value).collect::<Vec<_>>()))
        .collect();
    let mut count = vec![0.0; n];
    let mut rhs = vec![0.0; n];
    for (t, &j) in round.totals.iter().zip(&judge_of) {
        count[j] += 1.0;
        rhs[j] += t.value - app_mean[t.application];
    }
    let apply = |x: &[f64]| -> Vec<f64> {
        let mut part_sum = vec![0.0; parts];
        for (&p, &xj) in part_of.iter().zip(x) {
            part_sum[p] += xj;
        }
        let share: Vec<f64> = by_app
            .iter()
            .map(|idx| {
                if idx.is_empty() {
                    0.0
                } else {
                    idx.iter().map(|&i| x[judge_of[i]]).sum::<f64>() / idx.len() as f64
                }
            })
            .collect();
        let mut y: Vec<f64> = (0..n).map(|j| count[j] * x[j] + part_sum[part_of[j]]).collect();
        for (t, &j) in round.totals.iter().zip(&judge_of) {
            y[j] -= share[t.application];
        }
        y
    };
    let dot = |a: &[f64], b: &[f64]| a.iter().zip(b).map(|(x, y)| x * y).sum::<f64>();
    let mut x = vec![0.0; n];
    let mut r = rhs.clone();
    let mut p = r.clone();
    let mut rr = dot(&r, &r);
    let target = 1e-28 * dot(&rhs, &rhs).max(1e-300);
    for _ in 0..(20 * n + 100) {
        if rr <= target {
            break;
        }
        let ap = apply(&p);
        let alpha = rr / dot(&p, &ap);
        for j in 0..n {
            x[j] += alpha * p[j];
            r[j] -= alpha * ap[j];
        }
        let next = dot(&r, &r);
        let beta = next / rr;
        rr = next;
        for j in 0..n {
            p[j] = r[j] + beta * p[j];
        }
    }
    let mut bias = vec![0.0; round.judges];
    for (&j, b) in order.iter().zip(x) {
        bias[j] = b;
    }
    bias
}

impl Method for Bias {
    fn name(&self) -> &'static str {
        "bias"
    }

    fn score(&self, round: &RoundTotals) -> Scores {
        let (part, count) = parts(round);
        let bias = biases(round, &part, count);
        let score = round
            .by_application()
            .into_iter()
            .map(|idx| {
                let residual: Vec<f64> = idx
                    .iter()
                    .map(|&i| round.totals[i].value - bias[round.totals[i].judge])
                    .collect();
                (!residual.is_empty()).then(|| super::mean(&residual))
            })
            .collect();
        Scores {
            score,
            detail: Detail::Bias { bias, parts: count },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::{close, lenient_and_strict, round};
    use super::*;

    #[test]
    fn the_worked_example_is_exact() {
        let s = Bias.score(&lenient_and_strict());
        let q = &s.score;
        assert!(
            close(q[0], 80.0) && close(q[1], 70.0) && close(q[2], 60.0) && close(q[3], 50.0),
            "{q:?}"
        );
        // A is 15 points lenient, B 15 points strict, C fair: b = (15, −15, 0), summing to 0.
        let Detail::Bias { bias, parts } = s.detail else {
            panic!("bias detail")
        };
        assert_eq!(parts, 1);
        assert!((bias[0] - 15.0).abs() < 1e-9 && (bias[1] + 15.0).abs() < 1e-9 && bias[2].abs() < 1e-9);
    }

    #[test]
    fn each_part_is_centred_on_its_own() {
        // Judges 0 and 1 share application 0; judges 2 and 3 share application 1: two parts.
        let r = round(4, 2, &[(0, 0, 70.0), (1, 0, 50.0), (2, 1, 90.0), (3, 1, 30.0)]);
        let s = Bias.score(&r);
        let Detail::Bias { bias, parts } = &s.detail else {
            panic!()
        };
        assert_eq!(*parts, 2);
        assert!((bias[0] - 10.0).abs() < 1e-9 && (bias[1] + 10.0).abs() < 1e-9);
        assert!((bias[2] - 30.0).abs() < 1e-9 && (bias[3] + 30.0).abs() < 1e-9);
        assert!(close(s.score[0], 60.0) && close(s.score[1], 60.0));
    }

    #[test]
    fn a_least_squares_residual_is_orthogonal() {
        // Not an exact fit: the normal equations must still hold (Σ residuals = 0 per judge
        // and per application).
        let r = round(
            3,
            3,
            &[
                (0, 0, 80.0),
                (0, 1, 60.0),
                (1, 0, 70.0),
                (1, 2, 40.0),
                (2, 1, 75.0),
                (2, 2, 35.0),
                (2, 0, 90.0),
            ],
        );
        let s = Bias.score(&r);
        let Detail::Bias { bias, .. } = &s.detail else { panic!() };
        let mut per_judge = [0.0; 3];
        let mut per_app = [0.0; 3];
        for t in &r.totals {
            let e = t.value - s.score[t.application].unwrap() - bias[t.judge];
            per_judge[t.judge] += e;
            per_app[t.application] += e;
        }
        assert!(
            per_judge.iter().chain(&per_app).all(|e| e.abs() < 1e-8),
            "{per_judge:?} {per_app:?}"
        );
        assert!(bias.iter().sum::<f64>().abs() < 1e-9);
    }
}
