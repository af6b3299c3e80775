//! Spec section 8: `prize stability` — how much a round's result depends on which judges
//! happened to serve: a bootstrap over the jury, and the round without each judge in turn.

use rayon::prelude::*;

use crate::award::{self, Decision};
use crate::load::Archive;
use crate::model::config::Config;
use crate::ranking::{self, RoundResult};
use crate::score::{RoundTotals, Total};

/// The most samples `--samples` accepts.
pub const MAX_SAMPLES: usize = 1_000_000;

/// The default number of samples.
pub const DEFAULT_SAMPLES: usize = 1000;

/// The default seed.
pub const DEFAULT_SEED: u64 = 1;

/// SplitMix64 (Steele, Lea and Flood, 2014): a 64-bit state stepped by a constant and mixed.
/// Written here rather than taken from a crate so that its output can never change with a
/// dependency's version (the same `--seed` must give the same bytes for good), and because
/// each sample's stream can start from a state derived from (seed, sample), which lets the
/// samples run in parallel in any order.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    /// The stream of sample `sample` under `seed`.
    pub fn for_sample(seed: u64, sample: u64) -> SplitMix64 {
        let mut outer = SplitMix64(seed);
        let base = outer.next_u64();
        SplitMix64(base ^ SplitMix64(sample).next_u64())
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A uniform integer in `0..n`, without bias (Lemire's multiply-and-reject); 0 when n is 0.
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        let n = n as u64;
        let threshold = n.wrapping_neg() % n;
        loop {
            let m = u128::from(self.next_u64()) * u128::from(n);
            if (m as u64) >= threshold {
                return (m >> 64) as usize;
            }
        }
    }

    /// Shuffles `items` uniformly (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One application's stability.
#[derive(Clone, Debug, PartialEq)]
pub struct ApplicationStability {
    /// Index of the application in the archive.
    pub application: usize,
    /// Its track id.
    pub track: String,
    /// Its rank in the full result (`None` when unranked there).
    pub rank: Option<usize>,
    /// The 5th percentile of its rank over the samples that rank it (nearest-rank).
    pub rank_low: Option<usize>,
    /// The 95th percentile likewise.
    pub rank_high: Option<usize>,
    /// The share of samples that leave it unranked.
    pub p_unranked: f64,
    /// In a round that advances: the share of samples in which it advances.
    pub p_advance: Option<f64>,
    /// In the last round: per award (index in prize.toml) the share of samples it wins it;
    /// every award of its track, and any other it wins in some sample.
    pub p_award: Option<Vec<(usize, f64)>>,
    /// In the last round: the share of samples in which it wins some award.
    pub p_any_award: Option<f64>,
}

/// What leaving a judge out changes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum ChangeKind {
    /// Advances in the full result, not without the judge.
    NoLongerAdvances,
    /// Advances without the judge, not in the full result.
    NowAdvances,
    /// Wins the award in the full result, not without the judge.
    LosesAward,
    /// Wins the award without the judge, not in the full result.
    WinsAward,
}

impl ChangeKind {
    /// The kind as the output writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeKind::NoLongerAdvances => "no-longer-advances",
            ChangeKind::NowAdvances => "now-advances",
            ChangeKind::LosesAward => "loses-award",
            ChangeKind::WinsAward => "wins-award",
        }
    }
}

/// One difference from the full result.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// What changes.
    pub kind: ChangeKind,
    /// Index of the application.
    pub application: usize,
    /// The award (index in prize.toml), for the award kinds.
    pub award: Option<usize>,
}

/// The round without one judge.
#[derive(Clone, Debug, PartialEq)]
pub struct LeftOut {
    /// Index of the judge in the roster.
    pub judge: usize,
    /// What differs from the full result: advancing first (no longer, then now), then each
    /// award in prize.toml order (loses, then wins), each by application id.
    pub changes: Vec<Change>,
}

/// `prize stability`'s result.
#[derive(Debug)]
pub struct Stability<'a> {
    /// The archive the applications come from.
    pub archive: &'a Archive,
    /// Its configuration.
    pub config: &'a Config,
    /// Index of the round.
    pub round: usize,
    /// The method every sample is scored with.
    pub method: String,
    /// How many samples.
    pub samples: usize,
    /// The seed.
    pub seed: u64,
    /// Whether the round advances (so `p_advance` is given).
    pub advances: bool,
    /// Whether it is the last round (so `p_award` is given).
    pub last: bool,
    /// Every competing application: by track (prize.toml order), then full rank, then id;
    /// those unranked in the full result last in their track.
    pub applications: Vec<ApplicationStability>,
    /// Each judge with a total in the round, by judge id.
    pub leave_one_out: Vec<LeftOut>,
}

/// The ranks an application got over the samples: a list of them while that is shorter than
/// the window of ranks they span, then counts over that window (which grows as needed), so that
/// it takes the smaller of the samples and the window — a mid-table application of a large
/// track may wander over thousands of ranks in a few samples, a leader over two in a million.
#[derive(Clone, Debug, Default)]
struct Histogram {
    /// The ranks one by one, while they are listed.
    list: Vec<usize>,
    /// The lowest and the highest of `list`.
    low: usize,
    high: usize,
    /// The rank `counts[0]` counts, once counted.
    offset: usize,
    counts: Vec<u32>,
}

impl Histogram {
    /// A list this short is never worth counting.
    const SHORT: usize = 32;

    fn add(&mut self, value: usize, times: u32) {
        if !self.counts.is_empty() {
            self.count(value, times);
            return;
        }
        if self.list.is_empty() {
            (self.low, self.high) = (value, value);
        }
        (self.low, self.high) = (self.low.min(value), self.high.max(value));
        self.list.extend(std::iter::repeat_n(value, times as usize));
        if self.list.len() > Self::SHORT && self.list.len() > self.high - self.low + 1 {
            let list = std::mem::take(&mut self.list);
            // The window first, so that counting allocates once.
            self.offset = self.low;
            self.counts = vec![0; self.high - self.low + 1];
            for v in list {
                self.count(v, 1);
            }
        }
    }

    fn count(&mut self, value: usize, times: u32) {
        if self.counts.is_empty() {
            self.offset = value;
        } else if value < self.offset {
            let grow = self.offset - value;
            self.counts.splice(0..0, std::iter::repeat_n(0, grow));
            self.offset = value;
        }
        let i = value - self.offset;
        if i >= self.counts.len() {
            self.counts.resize(i + 1, 0);
        }
        self.counts[i] += times;
    }

    fn merge(&mut self, other: &Histogram) {
        for &v in &other.list {
            self.add(v, 1);
        }
        for (i, &c) in other.counts.iter().enumerate().filter(|(_, c)| **c > 0) {
            self.add(other.offset + i, c);
        }
    }

    /// The nearest-rank `p`-th percentile (0 < p ≤ 100): the smallest value with at least
    /// ⌈p·m/100⌉ of the m values at or below it.
    fn percentile(&self, p: u64) -> Option<usize> {
        let m = self.list.len() as u64 + self.counts.iter().map(|&c| u64::from(c)).sum::<u64>();
        if m == 0 {
            return None;
        }
        let ordinal = (p * m).div_ceil(100).max(1);
        if !self.list.is_empty() {
            let mut sorted = self.list.clone();
            sorted.sort_unstable();
            return sorted.get(ordinal as usize - 1).copied();
        }
        let mut seen = 0u64;
        for (i, &c) in self.counts.iter().enumerate() {
            seen += u64::from(c);
            if seen >= ordinal {
                return Some(self.offset + i);
            }
        }
        None
    }
}

/// What the samples add up to, per competing application (by position in `competing`).
#[derive(Clone, Debug)]
struct Tally {
    awards: usize,
    unranked: Vec<u32>,
    advanced: Vec<u32>,
    /// Position × awards + award.
    won: Vec<u32>,
    any_award: Vec<u32>,
    ranks: Vec<Histogram>,
}

impl Tally {
    fn new(applications: usize, awards: usize) -> Tally {
        Tally {
            awards,
            unranked: vec![0; applications],
            advanced: vec![0; applications],
            won: vec![0; applications * awards],
            any_award: vec![0; applications],
            ranks: vec![Histogram::default(); applications],
        }
    }

    fn merge(mut self, other: Tally) -> Tally {
        let add = |a: &mut Vec<u32>, b: &[u32]| a.iter_mut().zip(b).for_each(|(x, y)| *x += y);
        add(&mut self.unranked, &other.unranked);
        add(&mut self.advanced, &other.advanced);
        add(&mut self.won, &other.won);
        add(&mut self.any_award, &other.any_award);
        for (h, o) in self.ranks.iter_mut().zip(&other.ranks) {
            h.merge(o);
        }
        self
    }
}

/// The round's totals and what a sample needs to redraw its jury.
struct Jury<'a> {
    archive: &'a Archive,
    config: &'a Config,
    judged: &'a RoundResult,
    method: &'a str,
    /// Roster indices of the judges with a total, by judge id.
    pool: Vec<usize>,
    /// Per total of `judged.totals`: its judge's position in `pool`.
    slot: Vec<usize>,
    /// Archive index → position in `judged.competing` (`usize::MAX` when not competing).
    position: Vec<usize>,
    advances: bool,
    last: bool,
    /// Whether a `criterion:` tie-break key reads the totals' criteria (else a sample's copies
    /// go without them, sparing an allocation per total).
    criteria: bool,
}

impl Jury<'_> {
    /// The round judged from `totals` with the analysis' method.
    fn judge(&self, totals: RoundTotals) -> RoundResult {
        ranking::judge_totals(
            self.archive,
            self.config,
            self.judged.round,
            self.judged.competing.clone(),
            totals,
            self.method,
        )
    }

    /// The totals of a jury in which the judge at `pool[k]` sits `counts[k]` times, each seat a
    /// judge of its own (so min_judges, medians, z-scores and the bias fit all see k judges),
    /// seats numbered in judge-id order, totals by application then seat.
    fn redrawn(&self, counts: &[u32], seat: &mut Vec<usize>, into: &mut Vec<Total>) -> RoundTotals {
        seat.clear();
        let mut next = 0;
        for &c in counts {
            seat.push(next);
            next += c as usize;
        }
        into.clear();
        for (t, &k) in self.judged.totals.totals.iter().zip(&self.slot) {
            for copy in 0..counts[k] as usize {
                into.push(Total {
                    judge: seat[k] + copy,
                    application: t.application,
                    value: t.value,
                    criteria: if self.criteria { t.criteria.clone() } else { Vec::new() },
                });
            }
        }
        RoundTotals {
            judges: next,
            applications: self.judged.totals.applications,
            totals: std::mem::take(into),
        }
    }

    /// Draws, judges and awards sample `i`, adding it to `tally`.
    fn sample(&self, seed: u64, i: usize, tally: &mut Tally, scratch: &mut Scratch) {
        let mut rng = SplitMix64::for_sample(seed, i as u64);
        let j = self.pool.len();
        scratch.counts.clear();
        scratch.counts.resize(j, 0);
        for _ in 0..j {
            scratch.counts[rng.below(j)] += 1;
        }
        let totals = self.redrawn(&scratch.counts, &mut scratch.seat, &mut scratch.totals);
        let result = self.judge(totals);
        scratch.ranked.clear();
        scratch.ranked.resize(self.judged.competing.len(), false);
        for g in &result.groups {
            for p in &g.ranking {
                let pos = self.position[p.candidate.application];
                scratch.ranked[pos] = true;
                tally.ranks[pos].add(p.rank, 1);
            }
        }
        for (pos, &ranked) in scratch.ranked.iter().enumerate() {
            tally.unranked[pos] += u32::from(!ranked);
        }
        if self.advances {
            for &app in &result.advanced {
                tally.advanced[self.position[app]] += 1;
            }
        }
        if self.last {
            let decisions = award::decide_settled(self.archive, self.config, &result, &mut |g: &mut [usize]| {
                rng.shuffle(g)
            });
            scratch.ranked.iter_mut().for_each(|r| *r = false);
            for d in &decisions {
                for w in &d.winners {
                    let Some(&pos) = self.position.get(w.application).filter(|&&p| p != usize::MAX) else {
                        continue;
                    };
                    tally.won[pos * tally.awards + d.award] += 1;
                    if !scratch.ranked[pos] {
                        scratch.ranked[pos] = true;
                        tally.any_award[pos] += 1;
                    }
                }
            }
        }
        // The sample's totals go back to the scratch buffer for the next one.
        scratch.totals = result.totals.totals;
    }
}

/// A worker's buffers, reused from one sample to the next.
#[derive(Default)]
struct Scratch {
    counts: Vec<u32>,
    seat: Vec<usize>,
    totals: Vec<Total>,
    ranked: Vec<bool>,
}

/// The winners of each award as a set of archive indices (the provisional ones when tied).
fn winner_sets(decisions: &[Decision]) -> Vec<Vec<usize>> {
    decisions
        .iter()
        .map(|d| {
            let mut w: Vec<usize> = d.winners.iter().map(|w| w.application).collect();
            w.sort_unstable();
            w
        })
        .collect()
}

/// The bootstrap over the jury and the leave-one-judge-out of round `judged.round` (as judged
/// with its own method, whose competing applications and totals it holds), scored with
/// `method`, `samples` samples drawn from `seed`.
pub fn stability<'a>(
    archive: &'a Archive,
    config: &'a Config,
    judged: &RoundResult,
    method: &str,
    samples: usize,
    seed: u64,
) -> Stability<'a> {
    let round = judged.round;
    let roster: &[crate::model::roster::Judge] = archive.roster.as_ref().map_or(&[], |r| r.judges.as_slice());
    let judge_id = |j: usize| roster.get(j).map_or("", |x| x.id.as_str());
    let mut pool: Vec<usize> = judged.totals.totals.iter().map(|t| t.judge).collect();
    pool.sort_by(|&a, &b| (judge_id(a), a).cmp(&(judge_id(b), b)));
    pool.dedup();
    let mut slot_of = vec![usize::MAX; judged.totals.judges.max(pool.iter().max().map_or(0, |m| m + 1))];
    for (k, &j) in pool.iter().enumerate() {
        slot_of[j] = k;
    }
    let slot = judged.totals.totals.iter().map(|t| slot_of[t.judge]).collect();
    let mut position = vec![usize::MAX; archive.applications.len()];
    for (pos, &app) in judged.competing.iter().enumerate() {
        position[app] = pos;
    }
    let jury = Jury {
        archive,
        config,
        judged,
        method,
        pool,
        slot,
        position,
        advances: config.rounds[round].advance.is_some(),
        last: round + 1 == config.rounds.len(),
        criteria: config
            .scoring
            .tie_break
            .iter()
            .any(|k| matches!(k, crate::model::config::TieBreak::Criterion(_))),
    };
    let n = judged.competing.len();
    let awards = config.awards.len();
    // One contiguous run of samples per thread, each with one tally and one set of buffers: a
    // tally holds a rank histogram per application, too big to make one per rayon task.
    let runs = rayon::current_num_threads().clamp(1, samples.max(1));
    let per_run = samples.div_ceil(runs);
    let tally = (0..runs)
        .into_par_iter()
        .map(|r| {
            let (mut tally, mut scratch) = (Tally::new(n, awards), Scratch::default());
            for i in r * per_run..((r + 1) * per_run).min(samples) {
                jury.sample(seed, i, &mut tally, &mut scratch);
            }
            tally
        })
        .reduce(|| Tally::new(n, awards), Tally::merge);

    let full = jury.judge(judged.totals.clone());
    let full_decisions = jury.last.then(|| award::decide(archive, config, &full));
    let applications = applications(&jury, &full, &tally, samples);
    let leave_one_out = jury
        .pool
        .par_iter()
        .map(|&j| {
            let mut kept = Vec::with_capacity(judged.totals.totals.len());
            kept.extend(judged.totals.totals.iter().filter(|t| t.judge != j).cloned());
            let totals = RoundTotals {
                judges: judged.totals.judges,
                applications: judged.totals.applications,
                totals: kept,
            };
            let without = jury.judge(totals);
            LeftOut {
                judge: j,
                changes: changes(&jury, &full, full_decisions.as_deref(), &without),
            }
        })
        .collect();
    Stability {
        archive,
        config,
        round,
        method: method.to_string(),
        samples,
        seed,
        advances: jury.advances,
        last: jury.last,
        applications,
        leave_one_out,
    }
}

/// Per competing application, the tally as shares of `samples`, in the output's order.
fn applications(jury: &Jury<'_>, full: &RoundResult, tally: &Tally, samples: usize) -> Vec<ApplicationStability> {
    let (archive, config) = (jury.archive, jury.config);
    let share = |count: u32| {
        if samples == 0 {
            0.0
        } else {
            f64::from(count) / samples as f64
        }
    };
    let mut out = Vec::new();
    for g in &full.groups {
        let ranked = g.ranking.iter().map(|p| (p.candidate.application, Some(p.rank)));
        let unranked = g.unranked.iter().map(|u| (u.application, None));
        for (app, rank) in ranked.chain(unranked) {
            let pos = jury.position[app];
            let track = archive.applications[app].track_id();
            let p_award = jury.last.then(|| {
                (0..config.awards.len())
                    .filter(|&a| {
                        let award = &config.awards[a];
                        (award.picks.is_none() && award.track.as_deref() == Some(track))
                            || tally.won[pos * tally.awards + a] > 0
                    })
                    .map(|a| (a, share(tally.won[pos * tally.awards + a])))
                    .collect()
            });
            out.push(ApplicationStability {
                application: app,
                track: g.track.clone(),
                rank,
                rank_low: tally.ranks[pos].percentile(5),
                rank_high: tally.ranks[pos].percentile(95),
                p_unranked: share(tally.unranked[pos]),
                p_advance: jury.advances.then(|| share(tally.advanced[pos])),
                p_award,
                p_any_award: jury.last.then(|| share(tally.any_award[pos])),
            });
        }
    }
    out
}

/// What the round without a judge changes from the full result.
fn changes(
    jury: &Jury<'_>,
    full: &RoundResult,
    full_decisions: Option<&[Decision]>,
    without: &RoundResult,
) -> Vec<Change> {
    let archive = jury.archive;
    let id = |app: &usize| archive.applications[*app].id.as_str();
    let mut out = Vec::new();
    let mut push = |kind, mut apps: Vec<usize>, award: Option<usize>| {
        apps.sort_by(|a, b| (id(a), a).cmp(&(id(b), b)));
        out.extend(apps.into_iter().map(|application| Change {
            kind,
            application,
            award,
        }));
    };
    let minus = |a: &[usize], b: &[usize]| -> Vec<usize> { a.iter().copied().filter(|x| !b.contains(x)).collect() };
    if jury.advances {
        push(
            ChangeKind::NoLongerAdvances,
            minus(&full.advanced, &without.advanced),
            None,
        );
        push(ChangeKind::NowAdvances, minus(&without.advanced, &full.advanced), None);
    }
    if let Some(full_decisions) = full_decisions {
        let before = winner_sets(full_decisions);
        let after = winner_sets(&award::decide(archive, jury.config, without));
        for (a, (b, w)) in before.iter().zip(&after).enumerate() {
            push(ChangeKind::LosesAward, minus(b, w), Some(a));
            push(ChangeKind::WinsAward, minus(w, b), Some(a));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_matches_its_reference_output() {
        // The first outputs of SplitMix64 seeded with 1234567, computed by a transcription of
        // the reference C code (Vigna's splitmix64.c) into Python: a change to the generator
        // would change every result.
        let mut rng = SplitMix64(1234567);
        assert_eq!(rng.next_u64(), 6457827717110365317);
        assert_eq!(rng.next_u64(), 3203168211198807973);
    }

    #[test]
    fn below_is_in_range_and_shuffle_is_a_permutation() {
        let mut rng = SplitMix64::for_sample(1, 0);
        let mut seen = [0u32; 3];
        for _ in 0..3000 {
            seen[rng.below(3)] += 1;
        }
        assert!(seen.iter().all(|&c| (900..1100).contains(&c)), "{seen:?}");
        let mut items = [1, 2, 3, 4, 5];
        rng.shuffle(&mut items);
        let mut sorted = items;
        sorted.sort_unstable();
        assert_eq!(sorted, [1, 2, 3, 4, 5]);
    }

    #[test]
    fn nearest_rank_percentiles() {
        // Ranks 1 ×10, 2 ×80, 3 ×10 over 100 samples: the 5th is the 5th value (1), the 95th
        // the 95th (3); ranks 4 and 5 once each: the 5th of 2 is the 1st, the 95th the 2nd.
        let mut h = Histogram::default();
        h.add(2, 80);
        h.add(3, 10);
        h.add(1, 10);
        assert_eq!((h.percentile(5), h.percentile(95)), (Some(1), Some(3)));
        let mut g = Histogram::default();
        g.add(5, 1);
        g.add(4, 1);
        assert_eq!((g.percentile(5), g.percentile(95)), (Some(4), Some(5)));
        assert_eq!(Histogram::default().percentile(5), None);
        let mut merged = Histogram::default();
        merged.merge(&g);
        merged.merge(&h);
        // 102 values: 10 ones, 80 twos, 10 threes, a four and a five; the 95th is the 97th.
        assert_eq!((merged.percentile(5), merged.percentile(95)), (Some(1), Some(3)));
    }

    #[test]
    fn listed_and_counted_ranks_give_the_same_percentiles() {
        // Ranks 1..=40, then 1..=40 again: the list turns into counts past 40 values. Of 80,
        // the 5th percentile is the 4th value (2), the 95th the 76th (38).
        let mut h = Histogram::default();
        for r in (1..=40).chain(1..=40) {
            h.add(r, 1);
        }
        assert!(h.list.is_empty() && h.counts.len() == 40);
        assert_eq!((h.percentile(5), h.percentile(95)), (Some(2), Some(38)));
        // Ranks 1000 apart stay listed.
        let mut wide = Histogram::default();
        for r in 0..40 {
            wide.add(1 + 1000 * r, 1);
        }
        assert_eq!((wide.list.len(), wide.counts.len()), (40, 0));
        // Of 40, the 5th percentile is the 2nd value, the 95th the 38th.
        assert_eq!((wide.percentile(5), wide.percentile(95)), (Some(1001), Some(37001)));
    }
}
