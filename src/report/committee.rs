//! `prize report`'s result: the whole edition for the committee (spec section 9), gathered
//! from the values the other commands print — the statistics, each round's ranking and
//! stability, the awards, the judges, the agreement, the methods compared and one explanation
//! per finalist. Nothing here is computed anew except what no other command shows: the counts
//! per track of the screening, and the smallest and largest total of each judge.

use std::collections::BTreeMap;

use crate::load::Archive;
use crate::model::Status;
use crate::model::config::{Advance, Config};
use crate::model::status::reasons;
use crate::ranking::RoundResult;
use crate::report::awards::{self, Awarded};
use crate::report::explanation::{self, Explanation};
use crate::report::stats::{self, Stats};
use crate::trust::agreement::{self, Agreement};
use crate::trust::compare::{self, Comparison};
use crate::trust::judges::{self, Judges};
use crate::trust::stability::{self, Stability};

/// The screening of one track: how many applications each status, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackScreening {
    /// The track id (empty for applications that name no known track).
    pub track: String,
    /// The track's name, or `(no track)`.
    pub name: String,
    /// Eligible applications.
    pub eligible: usize,
    /// Ineligible applications.
    pub ineligible: usize,
    /// Each reason for ineligibility with how many applications have it, by code.
    pub ineligible_by_reason: Vec<(String, usize)>,
    /// Invalid applications.
    pub invalid: usize,
}

/// An application whose eligibility findings the secretariat waived.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Waiver {
    /// The application's index in the archive.
    pub application: usize,
    /// The codes waived.
    pub codes: Vec<String>,
    /// The `waive_reason` given (empty when none).
    pub reason: String,
}

/// The spread of one judge's totals in a round.
#[derive(Clone, Debug, PartialEq)]
pub struct Spread {
    /// The judge's index in the roster.
    pub judge: usize,
    /// The smallest total.
    pub min: f64,
    /// The largest total.
    pub max: f64,
}

/// One finalist: an application competing in the last round, explained.
#[derive(Debug)]
pub struct Finalist {
    /// The application's index in the archive.
    pub application: usize,
    /// Everything behind its result, as `prize explain` gives it.
    pub explanation: Explanation,
}

/// One judged round with its stability.
#[derive(Debug)]
pub struct RoundReport<'a> {
    /// The round as judged with its own method.
    pub result: &'a RoundResult,
    /// The bootstrap over its jury (and the leave-one-judge-out).
    pub stability: Stability<'a>,
}

/// The committee's report of one edition.
pub struct Committee<'a> {
    /// The archive reported on.
    pub archive: &'a Archive,
    /// Its configuration.
    pub config: &'a Config,
    /// The date to print (`--date`), none without it.
    pub date: Option<String>,
    /// How many bootstrap samples the stability figures draw.
    pub samples: usize,
    /// Their seed.
    pub seed: u64,
    /// The counts of `prize stats`: applications, countries, statuses, each round's coverage.
    pub stats: Stats,
    /// The screening per track, in prize.toml order (then applications without a known track).
    pub screening: Vec<TrackScreening>,
    /// Every waiver, by application id.
    pub waivers: Vec<Waiver>,
    /// Each judged round with its stability, in order.
    pub rounds: Vec<RoundReport<'a>>,
    /// The awards decided from the last round; `None` without rounds.
    pub awarded: Option<Awarded<'a>>,
    /// The judges of the last round; `None` without rounds.
    pub judges: Option<Judges>,
    /// The spread of each judge's totals in the last round, in the order of `judges`.
    pub spreads: Vec<Spread>,
    /// The agreement of the last round's judges; `None` without rounds.
    pub agreement: Option<Agreement>,
    /// Every method compared on the last round; `None` without rounds.
    pub comparison: Option<Comparison<'a>>,
    /// One page per application competing in the last round, by track then rank, unranked last.
    pub finalists: Vec<Finalist>,
}

/// The advance cutoff of `round` for `track`, if the round advances.
pub fn cutoff(advance: Option<&Advance>, track: &str) -> Option<usize> {
    match advance? {
        Advance::All(n) => Some(*n),
        Advance::PerTrack(map) => map.get(track).copied(),
    }
}

/// Gathers the committee's report from the judged `rounds`; stability from `samples` samples
/// drawn from `seed`.
pub fn of<'a>(
    archive: &'a Archive,
    config: &'a Config,
    rounds: &'a [RoundResult],
    samples: usize,
    seed: u64,
    date: Option<String>,
) -> Committee<'a> {
    let last = rounds.last();
    let judges = last.map(|r| judges::of(archive, config, r));
    let spreads = match (last, &judges) {
        (Some(r), Some(j)) => spreads(r, j),
        _ => Vec::new(),
    };
    let methods: Vec<String> = crate::score::names().into_iter().map(str::to_string).collect();
    Committee {
        archive,
        config,
        date,
        samples,
        seed,
        stats: stats::of(archive, rounds),
        screening: screening(archive, config),
        waivers: waivers(archive),
        rounds: rounds
            .iter()
            .map(|r| RoundReport {
                result: r,
                stability: stability::stability(archive, config, r, &r.method, samples, seed),
            })
            .collect(),
        awarded: awards::of(archive, config, rounds),
        judges,
        spreads,
        agreement: last.map(|r| agreement::of(archive, config, r)),
        comparison: last.map(|r| compare::compare(archive, config, r, &methods)),
        finalists: last.map_or(Vec::new(), |r| finalists(archive, config, rounds, r)),
    }
}

/// The screening of each track of `config`, and of applications naming no known track.
fn screening(archive: &Archive, config: &Config) -> Vec<TrackScreening> {
    let mut tracks: Vec<TrackScreening> = config
        .tracks
        .iter()
        .map(|t| TrackScreening {
            track: t.id.clone(),
            name: t.name.clone(),
            ..TrackScreening::default()
        })
        .collect();
    let mut other = TrackScreening {
        name: "(no known track)".to_string(),
        ..TrackScreening::default()
    };
    let mut by_reason: Vec<BTreeMap<String, usize>> = vec![BTreeMap::new(); tracks.len() + 1];
    for app in &archive.applications {
        let k = config
            .tracks
            .iter()
            .position(|t| t.id == app.track_id())
            .unwrap_or(tracks.len());
        let row = tracks.get_mut(k).unwrap_or(&mut other);
        match app.status {
            Status::Eligible => row.eligible += 1,
            Status::Invalid => row.invalid += 1,
            Status::Ineligible => {
                row.ineligible += 1;
                for code in reasons(&app.findings, app.status) {
                    *by_reason[k].entry(code).or_default() += 1;
                }
            }
        }
    }
    let has_other = other.eligible + other.ineligible + other.invalid > 0;
    tracks.push(other);
    for (row, reasons) in tracks.iter_mut().zip(by_reason) {
        row.ineligible_by_reason = reasons.into_iter().collect();
    }
    if !has_other {
        tracks.pop();
    }
    tracks
}

/// Every application with waived eligibility codes, by id.
fn waivers(archive: &Archive) -> Vec<Waiver> {
    let mut out: Vec<Waiver> = archive
        .applications
        .iter()
        .enumerate()
        .filter_map(|(i, a)| Some((i, a.screening.as_ref().filter(|s| !s.waive.is_empty())?)))
        .map(|(i, s)| Waiver {
            application: i,
            codes: s.waive.iter().map(|(c, _)| c.clone()).collect(),
            reason: s.waive_reason.clone().unwrap_or_default(),
        })
        .collect();
    out.sort_by(|a, b| {
        archive.applications[a.application]
            .id
            .cmp(&archive.applications[b.application].id)
    });
    out
}

/// The smallest and largest total of each judge of `judges`, from the round's totals.
fn spreads(result: &RoundResult, judges: &Judges) -> Vec<Spread> {
    let by_judge = result.totals.by_judge();
    judges
        .judges
        .iter()
        .filter_map(|row| {
            let values = by_judge.get(row.judge)?.iter().map(|&i| result.totals.totals[i].value);
            let (min, max) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
            (min <= max).then_some(Spread {
                judge: row.judge,
                min,
                max,
            })
        })
        .collect()
}

/// The applications competing in the last round `last`, by track (prize.toml order) then as
/// ranked, the unranked after, each explained.
fn finalists(archive: &Archive, config: &Config, rounds: &[RoundResult], last: &RoundResult) -> Vec<Finalist> {
    let mut order: Vec<usize> = Vec::new();
    for group in &last.groups {
        order.extend(group.ranking.iter().map(|p| p.candidate.application));
        order.extend(group.unranked.iter().map(|u| u.application));
    }
    // A competitor in no group (a track the configuration lost) still gets its page.
    let mut listed = vec![false; archive.applications.len()];
    for &a in &order {
        listed[a] = true;
    }
    let mut rest: Vec<usize> = last.competing.iter().copied().filter(|&a| !listed[a]).collect();
    rest.sort_by(|&a, &b| archive.applications[a].id.cmp(&archive.applications[b].id));
    order.extend(rest);
    order
        .into_iter()
        .map(|application| Finalist {
            application,
            explanation: explanation::explain(archive, rounds, Some(config), application),
        })
        .collect()
}
