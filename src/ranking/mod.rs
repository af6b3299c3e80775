//! Judging a round (spec section 5): who competes, which totals count, the method's scores,
//! the ranking of each track, and who advances to the next round.

use std::collections::HashMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::load::Archive;
use crate::model::Status;
use crate::model::config::{Advance, Config, TieBreak};
pub mod order;

use crate::model::roster::Judge;
use crate::score::{self, RoundTotals, Scores, Total};
use order::{Candidate, Placed};

/// Why a scored row does not count.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NotCounted {
    /// The sheet's judge is not in the roster.
    UnknownJudge,
    /// The judge does not serve in this round.
    NotServing,
    /// No application has this id.
    UnknownApplication,
    /// The application does not compete in this round.
    NotCompeting,
    /// The judge has a conflict of interest with the application (the reason).
    Conflict(String),
}

/// A scored row that does not count, and why.
#[derive(Clone, Debug, PartialEq)]
pub struct Ignored {
    /// Index of the sheet in `Archive::sheets`.
    pub sheet: usize,
    /// Index of the row in the sheet.
    pub row: usize,
    /// Why.
    pub reason: NotCounted,
}

/// A competing application that is not ranked.
#[derive(Clone, Debug, PartialEq)]
pub struct Unranked {
    /// Index of the application in the archive.
    pub application: usize,
    /// How many totals counted.
    pub judges: usize,
    /// Why (`insufficient-scores`).
    pub reason: &'static str,
}

/// The ranking of one track (or, with `--by`, of one part of a track).
#[derive(Clone, Debug, PartialEq)]
pub struct Group {
    /// Track id.
    pub track: String,
    /// With `--by`: the value of the grouping key.
    pub key: Option<String>,
    /// The ranked applications, best first.
    pub ranking: Vec<Placed>,
    /// Competing applications without enough totals, by id.
    pub unranked: Vec<Unranked>,
}

/// Everything computed for one round.
#[derive(Debug)]
pub struct RoundResult {
    /// Index of the round in `prize.toml`.
    pub round: usize,
    /// The method that scored it.
    pub method: String,
    /// Archive indices of the competing applications, in id order; the position is the index
    /// in `totals`.
    pub competing: Vec<usize>,
    /// The totals that count (judge index = roster index), by application, then judge id.
    pub totals: RoundTotals,
    /// Where each total came from: (sheet index, row index).
    pub sources: Vec<(usize, usize)>,
    /// The method's scores.
    pub scores: Scores,
    /// How long the method took (reported with `-v`).
    pub scoring_time: std::time::Duration,
    /// One group per track, in prize.toml order.
    pub groups: Vec<Group>,
    /// Archive indices of the applications that advance to the next round.
    pub advanced: Vec<usize>,
    /// Scored rows that do not count.
    pub ignored: Vec<Ignored>,
}

/// Application id → index in the archive, with a fast hash (FxHash): every score row is
/// looked up in it.
pub type IdIndex<'a> = FxHashMap<&'a str, usize>;

/// Application id → index in the archive (the first file, when an id is used twice).
pub fn id_index(archive: &Archive) -> IdIndex<'_> {
    let mut index = IdIndex::with_capacity_and_hasher(archive.applications.len(), Default::default());
    for (i, a) in archive.applications.iter().enumerate().rev() {
        index.insert(a.id.as_str(), i);
    }
    index
}

/// Whether a judge serves in a round.
pub fn serves(judge: &Judge, round: &str) -> bool {
    judge
        .rounds
        .as_ref()
        .is_none_or(|rounds| rounds.iter().any(|r| r.value == round))
}

/// The round `prize rank` (and the commands that follow it) shows by default: the last with any
/// score sheet, else the first (spec section 5, "Which round").
pub fn default_round(archive: &Archive, config: &Config) -> usize {
    config
        .rounds
        .iter()
        .rposition(|r| archive.sheets.iter().any(|s| s.round == r.id))
        .unwrap_or(0)
}

/// The applications competing in round `round`, given the rounds judged before it: the eligible
/// ones in the first round, else those the round before advanced.
pub fn competing(archive: &Archive, judged: &[RoundResult], round: usize) -> Vec<usize> {
    if round == 0 {
        (0..archive.applications.len())
            .filter(|&i| archive.applications[i].status == Status::Eligible)
            .collect()
    } else {
        judged.get(round - 1).map(|r| r.advanced.clone()).unwrap_or_default()
    }
}

/// The rounds up to and including `last`, each judged with its own method, so that who
/// advances never depends on a method asked for on the command line.
pub fn rounds(archive: &Archive, config: &Config, last: usize) -> Vec<RoundResult> {
    let index = id_index(archive);
    let mut results: Vec<RoundResult> = Vec::new();
    for r in 0..=last.min(config.rounds.len().saturating_sub(1)) {
        let competing = competing(archive, &results, r);
        let method = config.rounds[r]
            .method
            .clone()
            .unwrap_or_else(|| config.scoring.method.clone());
        results.push(judge_round(archive, config, r, competing, &method, &index));
    }
    results
}

/// Scores one round with `method` and ranks each track.
///
/// The computation is canonical: the competing applications are taken in id order and the
/// totals by application, then judge id, so that every sum runs in the same order and the
/// scores come out bit for bit the same whatever the order of the files, rows and roster.
pub fn judge_round(
    archive: &Archive,
    config: &Config,
    round: usize,
    mut competing: Vec<usize>,
    method: &str,
    index: &IdIndex<'_>,
) -> RoundResult {
    let round_id = config.rounds[round].id.as_str();
    let judges: &[Judge] = archive.roster.as_ref().map_or(&[], |r| r.judges.as_slice());
    competing.par_sort_unstable_by(|&a, &b| {
        (archive.applications[a].id.as_str(), a).cmp(&(archive.applications[b].id.as_str(), b))
    });
    // Archive index → position among the competing (NOT_COMPETING for the others).
    let applicants = crate::check::conflicts::Applicants::new(&archive.applications);
    let mut local = vec![NOT_COMPETING_HERE; archive.applications.len()];
    for (pos, &app) in competing.iter().enumerate() {
        local[app] = pos;
    }
    let mut totals = RoundTotals {
        judges: judges.len(),
        applications: competing.len(),
        totals: Vec::new(),
    };
    // Each sheet's rows are counted on their own (in parallel), then put together in sheet order.
    let per_sheet: Vec<SheetCount> = archive
        .sheets
        .par_iter()
        .enumerate()
        .filter(|(_, sheet)| sheet.round == round_id)
        .map(|(s, sheet)| count_sheet(archive, config, round_id, judges, index, &applicants, &local, s, sheet))
        .collect();
    // Room for every total at once: grown row by row, half a million totals would leave the
    // copies they outgrew behind.
    let mut counted: Vec<Counted> = Vec::with_capacity(per_sheet.iter().map(|(rows, _)| rows.len()).sum());
    let mut ignored = Vec::new();
    for (rows, skipped) in per_sheet {
        counted.extend(rows);
        ignored.extend(skipped);
    }
    // By application, then judge id; the value last, for a judge with two rows for one
    // application (a `duplicate-score`). The sort is stable, so equal rows stay in path order.
    let mut by_id: Vec<usize> = (0..judges.len()).collect();
    by_id.sort_by(|&a, &b| (judges[a].id.as_str(), a).cmp(&(judges[b].id.as_str(), b)));
    let mut judge_rank = vec![0; judges.len()];
    for (rank, &j) in by_id.iter().enumerate() {
        judge_rank[j] = rank;
    }
    counted.par_sort_by(|(a, _), (b, _)| {
        (a.application, judge_rank[a.judge])
            .cmp(&(b.application, judge_rank[b.judge]))
            .then(a.value.total_cmp(&b.value))
    });
    let sources = counted.iter().map(|(_, source)| *source).collect();
    totals.totals = counted.into_iter().map(|(total, _)| total).collect();
    let mut result = judge_totals(archive, config, round, competing, totals, method);
    result.sources = sources;
    result.ignored = ignored;
    result
}

/// Scores the totals of round `round` with `method`, ranks each track and decides who
/// advances, as [`judge_round`] does once it has gathered the totals: what a bootstrap sample
/// or a round without one judge needs. `competing` is in id order and indexes `totals`; the
/// result has no `sources` nor `ignored` rows.
pub fn judge_totals(
    archive: &Archive,
    config: &Config,
    round: usize,
    competing: Vec<usize>,
    totals: RoundTotals,
    method: &str,
) -> RoundResult {
    let started = std::time::Instant::now();
    let scores = score::method(method, config.scoring.trim)
        .map(|m| m.score(&totals))
        .unwrap_or_default();
    let scoring_time = started.elapsed();
    let mut result = RoundResult {
        round,
        method: method.to_string(),
        competing,
        totals,
        sources: Vec::new(),
        scores,
        scoring_time,
        groups: Vec::new(),
        advanced: Vec::new(),
        ignored: Vec::new(),
    };
    let by_app = result.totals.by_application();
    result.groups = config
        .tracks
        .par_iter()
        .map(|t| group_of(archive, config, &result, &by_app, &t.id, None, |_| true))
        .collect();
    if let Some(advance) = &config.rounds[round].advance {
        let mut advanced: Vec<usize> = Vec::new();
        for g in &result.groups {
            let n = match advance {
                Advance::All(n) => *n,
                Advance::PerTrack(per) => per.get(&g.track).copied().unwrap_or(0),
            };
            advanced.extend(
                g.ranking
                    .iter()
                    .filter(|p| p.rank <= n)
                    .map(|p| p.candidate.application),
            );
        }
        advanced.sort_unstable();
        result.advanced = advanced;
    }
    result
}

/// In the position index of a round's applications, one that does not compete.
const NOT_COMPETING_HERE: usize = usize::MAX;

/// A total that counts, with where it came from: (sheet index, row index).
type Counted = (Total, (usize, usize));

/// One sheet's totals that count, and its rows that do not.
type SheetCount = (Vec<Counted>, Vec<Ignored>);

/// The totals of one sheet that count in the round (archive index `s`), with where each came
/// from, and the rows that do not count.
#[allow(clippy::too_many_arguments)]
fn count_sheet(
    archive: &Archive,
    config: &Config,
    round_id: &str,
    judges: &[Judge],
    index: &IdIndex<'_>,
    applicants: &crate::check::conflicts::Applicants,
    local: &[usize],
    s: usize,
    sheet: &crate::model::sheet::ScoreSheet,
) -> SheetCount {
    let judge = judges.iter().position(|j| j.id == sheet.judge);
    let tie_break = score::tie_break_criteria(&config.criteria, &config.scoring.tie_break);
    // Whether the sheet's judge counts at all is one question per sheet, not per row.
    let judge_skipped = match judge {
        None => Some(NotCounted::UnknownJudge),
        Some(j) if !serves(&judges[j], round_id) => Some(NotCounted::NotServing),
        Some(_) => None,
    };
    let conflicts =
        judge.map(|j| crate::check::conflicts::JudgeConflicts::new(&judges[j], &config.conflicts, applicants));
    let mut counted = Vec::new();
    let mut ignored = Vec::new();
    for (row_index, row) in sheet.rows.iter().enumerate() {
        let Some(values) = &row.scores else { continue };
        let mut skip = |reason| {
            ignored.push(Ignored {
                sheet: s,
                row: row_index,
                reason,
            })
        };
        let (Some(j), None) = (judge, &judge_skipped) else {
            skip(judge_skipped.clone().unwrap_or(NotCounted::UnknownJudge));
            continue;
        };
        let Some(&app) = index.get(row.application.as_str()) else {
            skip(NotCounted::UnknownApplication);
            continue;
        };
        let pos = local[app];
        if pos == NOT_COMPETING_HERE {
            skip(NotCounted::NotCompeting);
            continue;
        }
        if let Some(why) = conflicts
            .as_ref()
            .and_then(|c| c.with(&config.conflicts, app, &archive.applications[app]))
        {
            skip(NotCounted::Conflict(why));
            continue;
        }
        let value = score::total_value(&config.criteria, values);
        let criteria = tie_break
            .iter()
            .map(|&c| {
                values
                    .get(c)
                    .map_or(0.0, |&x| score::normalised(&config.criteria[c], x))
            })
            .collect();
        counted.push((
            Total {
                judge: j,
                application: pos,
                value,
                criteria,
            },
            (s, row_index),
        ));
    }
    (counted, ignored)
}

/// Ranks the competing applications of `track` for which `keep` holds.
pub fn group(
    archive: &Archive,
    config: &Config,
    result: &RoundResult,
    track: &str,
    key: Option<String>,
    keep: impl Fn(usize) -> bool,
) -> Group {
    group_of(
        archive,
        config,
        result,
        &result.totals.by_application(),
        track,
        key,
        keep,
    )
}

/// [`group`], given the indices of each application's totals (computed once for every track).
fn group_of(
    archive: &Archive,
    config: &Config,
    result: &RoundResult,
    by_app: &[Vec<usize>],
    track: &str,
    key: Option<String>,
    keep: impl Fn(usize) -> bool,
) -> Group {
    let jury: HashMap<&str, usize> = config
        .scoring
        .jury_order
        .iter()
        .enumerate()
        .map(|(i, id)| (id.value.as_str(), i))
        .collect();
    let carried = score::tie_break_criteria(&config.criteria, &config.scoring.tie_break);
    // Each `criterion:` key's place among the criteria the totals carry, found once.
    let places: Vec<usize> = config
        .scoring
        .tie_break
        .iter()
        .map(|key| match key {
            TieBreak::Criterion(id) => {
                let c = config.criteria.iter().position(|c| &c.id == id);
                carried.iter().position(|&i| Some(i) == c).unwrap_or(0)
            }
            _ => 0,
        })
        .collect();
    // One application's values at a time, in buffers kept from one to the next.
    let (mut values, mut per) = (Vec::new(), Vec::new());
    let mut candidates = Vec::new();
    let mut unranked = Vec::new();
    for (pos, &app) in result.competing.iter().enumerate() {
        let application = &archive.applications[app];
        if application.track_id() != track || !keep(app) {
            continue;
        }
        let judges = by_app[pos].len();
        match result.scores.score.get(pos).copied().flatten() {
            Some(score) if judges >= config.scoring.min_judges => {
                values.clear();
                values.extend(by_app[pos].iter().map(|&i| result.totals.totals[i].value));
                let keys = config
                    .scoring
                    .tie_break
                    .iter()
                    .zip(&places)
                    .map(|(k, &place)| {
                        tie_break_value(
                            k,
                            place,
                            &values,
                            by_app[pos].iter().map(|&i| &result.totals.totals[i]),
                            &mut per,
                        )
                    })
                    .collect();
                candidates.push(Candidate {
                    application: app,
                    id: application.id.clone(),
                    score,
                    judges,
                    keys,
                    jury: jury.get(application.id.as_str()).copied(),
                });
            }
            _ => unranked.push(Unranked {
                application: app,
                judges,
                reason: "insufficient-scores",
            }),
        }
    }
    unranked.sort_by(|a, b| {
        archive.applications[a.application]
            .id
            .cmp(&archive.applications[b.application].id)
    });
    Group {
        track: track.to_string(),
        key,
        ranking: order::rank(candidates),
        unranked,
    }
}

/// The value of one tie-break key for an application (higher is better), from its `values`
/// and its `totals`. `place`: for a `criterion:` key, the criterion's place among those the
/// totals carry (see `Total::criteria`); `per`: a buffer to use.
fn tie_break_value<'t>(
    key: &TieBreak,
    place: usize,
    values: &[f64],
    totals: impl Iterator<Item = &'t Total>,
    per: &mut Vec<f64>,
) -> f64 {
    match key {
        TieBreak::Criterion(_) => {
            per.clear();
            per.extend(totals.map(|t| t.criteria.get(place).copied().unwrap_or(0.0)));
            score::mean(per)
        }
        TieBreak::Median => score::median(values),
        TieBreak::Min => values.iter().copied().fold(f64::INFINITY, f64::min),
        TieBreak::Max => values.iter().copied().fold(f64::NEG_INFINITY, f64::max),
    }
}

/// The name of a tie-break key as written in prize.toml.
pub fn tie_break_name(key: &TieBreak) -> String {
    match key {
        TieBreak::Criterion(id) => format!("criterion:{id}"),
        TieBreak::Median => "median".to_string(),
        TieBreak::Min => "min".to_string(),
        TieBreak::Max => "max".to_string(),
    }
}

/// `not-competing`: a score for an application that does not compete in the round.
pub static NOT_COMPETING: crate::diagnostics::codes::Code = crate::diagnostics::codes::Code {
    name: "not-competing",
    severity: crate::diagnostics::finding::Severity::Warning,
    summary: "a score for an application that does not compete in this round",
    explanation: "\
In the first round every eligible application competes; in each later round only those that
advanced from the round before. A score row for any other application (an ineligible one, or
one that did not advance) is ignored with this warning: it is kept in the sheet but never
counted.

### Example

    scores/final/j-kim.csv:   SSCP-2026-0042,8,7,6,9,7,8,    # 0042 did not advance

### How to fix

Remove the row, or check that the right sheet was filed under the right round.
",
};

/// `disconnected-judging`: the `bias` fit of a round has more than one connected part.
pub static DISCONNECTED_JUDGING: crate::diagnostics::codes::Code = crate::diagnostics::codes::Code {
    name: "disconnected-judging",
    severity: crate::diagnostics::finding::Severity::Warning,
    summary: "the bias method's judge–application graph falls into separate parts",
    explanation: "\
The `bias` method separates each judge's leniency from each application's quality by
comparing judges who scored the same applications. When the judges fall into groups that share
no application, each group's biases are only known relative to each other (they are set to sum
to 0 within each group), so scores from different groups are not strictly comparable.

### Example

    judges A and B scored applications 1–40, judges C and D applications 41–80, and no
    application was scored by both groups.

### How to fix

Give a few applications to judges of both groups (`prize assign` spreads judges so that the
graph stays connected).
",
};

/// The warnings that judging makes: scores for applications that do not compete, and rounds
/// whose `bias` fit falls into separate parts.
pub fn findings(
    archive: &Archive,
    config: &Config,
    rounds: &[RoundResult],
) -> Vec<crate::diagnostics::finding::Finding> {
    let mut out = Vec::new();
    for result in rounds {
        let round = &config.rounds[result.round];
        for ignored in result.ignored.iter().filter(|i| i.reason == NotCounted::NotCompeting) {
            let sheet = &archive.sheets[ignored.sheet];
            let row = &sheet.rows[ignored.row];
            out.push(not_competing(sheet, row, &round.id, result.round == 0));
        }
        out.extend(disconnected(config, result));
    }
    out
}

/// The `disconnected-judging` warning of a round judged with `bias` whose fit has more than
/// one part, whether `bias` is the round's method or the one `rank --method` asked for.
pub fn disconnected(config: &Config, result: &RoundResult) -> Option<crate::diagnostics::finding::Finding> {
    let crate::score::Detail::Bias { parts, .. } = result.scores.detail else {
        return None;
    };
    let round = &config.rounds[result.round];
    (parts > 1).then(|| {
        DISCONNECTED_JUDGING
            .in_file(
                format!("scores/{}", round.id),
                format!(
                    "the judges of round `{}` fall into {parts} groups that share no application",
                    round.id
                ),
            )
            .with_help(
                "bias scores are comparable only within a group; give some applications to judges of several groups",
            )
    })
}

/// The `not-competing` warning for a scored row of `sheet` in round `round` (`first`: the first
/// round, where only eligible applications compete), as `validate` and `scores import` word it.
pub fn not_competing(
    sheet: &crate::model::sheet::ScoreSheet,
    row: &crate::model::sheet::SheetRow,
    round: &str,
    first: bool,
) -> crate::diagnostics::finding::Finding {
    let why = if first {
        "is not eligible"
    } else {
        "did not advance to this round"
    };
    crate::diagnostics::finding::Finding::at(
        NOT_COMPETING.severity,
        NOT_COMPETING.name,
        sheet.file.clone(),
        &sheet.position(row),
        format!("{} {why}: its score in round `{round}` is not counted", row.application),
    )
    .with_help("remove the row, or check the sheet's round")
}
