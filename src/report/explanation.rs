//! `prize explain`'s result: every number behind one application's result, round by round,
//! and each award's verdict on it.

use serde::Serialize;

use crate::award::{self, Decision};
use crate::load::Archive;
use crate::model::config::{Advance, Config};
use crate::model::status::reasons;
use crate::ranking::order::Split;
use crate::ranking::{NotCounted, RoundResult, tie_break_name};
use crate::score::Detail;

/// One judge's total, or a row that did not count.
#[derive(Debug, Serialize)]
pub struct JudgeLine {
    /// The judge id.
    pub judge: String,
    /// Raw scores in criterion order.
    pub scores: Vec<f64>,
    /// T(j,a) on 0–100.
    pub total: Option<f64>,
    /// Whether the total counts in the round.
    pub counted: bool,
    /// Why it does not count.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// What the method made of it, in words (z, u, bias...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub method: Option<String>,
    /// The judge's comment on the sheet's row, as written (empty when none).
    pub comment: String,
}

/// One round of the explanation.
#[derive(Debug, Serialize)]
pub struct RoundLine {
    /// The round id.
    pub round: String,
    /// The round's name.
    #[serde(skip)]
    pub name: String,
    /// The round's method.
    pub method: String,
    /// Whether the application competes in the round.
    pub competing: bool,
    /// Each judge's total, or why it does not count.
    pub judges: Vec<JudgeLine>,
    /// S(a), when there is one.
    pub score: Option<f64>,
    /// How the score was made from the totals, in words.
    pub formula: Option<String>,
    /// Its rank in its track, when ranked.
    pub rank: Option<usize>,
    /// How many are ranked in its track.
    pub of: usize,
    /// Whether it shares its rank.
    pub tied: bool,
    /// The tie-break that decided its place, if one did.
    pub decided_by: Option<String>,
    /// Why it is not ranked, if it is not.
    pub unranked: Option<String>,
    /// Whether it advanced (none on the last round).
    pub advanced: Option<bool>,
}

/// One award's verdict.
#[derive(Debug, Serialize)]
pub struct AwardLine {
    /// The award id.
    pub id: String,
    /// The award's name.
    pub name: String,
    /// The verdict in one word or two (`won`, `not eligible`, ...).
    pub result: &'static str,
    /// Why, in words.
    pub reason: String,
}

/// Where an application competes and who applied.
#[derive(Debug, Default)]
pub struct Entry {
    /// Track id (empty when none).
    pub track: String,
    /// Sector id (empty when none).
    pub sector: String,
    /// Applicant type (empty when none).
    pub kind: String,
    /// The applicant's name (empty when none).
    pub applicant: String,
    /// Country code (empty when none).
    pub country: String,
}

/// The whole explanation.
#[derive(Debug, Serialize)]
pub struct Explanation {
    /// The application id.
    pub id: String,
    /// Where it competes and who applied, for the human form's second line.
    #[serde(skip)]
    pub entry: Entry,
    /// The criteria ids, in the order of each judge's scores (none without a configuration).
    #[serde(skip)]
    pub criteria: Vec<String>,
    /// Its title.
    pub title: Option<String>,
    /// Its track id.
    pub track: Option<String>,
    /// Its status after the checks.
    pub status: crate::model::Status,
    /// The codes behind an `ineligible` or `invalid` status.
    pub reasons: Vec<String>,
    /// Its findings, one line each.
    pub findings: Vec<String>,
    /// One entry per round judged.
    pub rounds: Vec<RoundLine>,
    /// Each award's verdict (last round only).
    pub awards: Vec<AwardLine>,
    /// How sure its result is ([`stability_line`]); `None` until the command asks for it, or
    /// when it competes in no judged round.
    pub stability: Option<StabilityLine>,
}

/// One award's chance in the bootstrap.
#[derive(Debug, Serialize)]
pub struct AwardChance {
    /// The award id.
    pub id: String,
    /// The award's name.
    pub name: String,
    /// The share of samples in which the application wins it.
    pub p: f64,
}

/// The application's line of `prize stability`: the bootstrap over the jury of the last round
/// it competes in (up to the round `prize rank` shows), with that round's method.
#[derive(Debug, Serialize)]
pub struct StabilityLine {
    /// The round id.
    pub round: String,
    /// The method every sample is scored with.
    pub method: String,
    /// How many samples.
    pub samples: usize,
    /// The seed.
    pub seed: u64,
    /// Its rank in the full result.
    pub rank: Option<usize>,
    /// The 5th percentile of its rank over the samples that rank it.
    pub rank_low: Option<usize>,
    /// The 95th percentile.
    pub rank_high: Option<usize>,
    /// The share of samples that leave it unranked.
    pub p_unranked: f64,
    /// In a round that advances: the share of samples in which it advances.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_advance: Option<f64>,
    /// In the last round: its chance of each award it could win.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_award: Option<Vec<AwardChance>>,
    /// In the last round: its chance of some award.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p_any_award: Option<f64>,
}

/// The stability line of application `app`: `samples` bootstrap samples from `seed` over the
/// jury of the last round it competes in, up to the round `prize rank` shows.
pub fn stability_line(
    archive: &Archive,
    rounds: &[RoundResult],
    config: &Config,
    app: usize,
    samples: usize,
    seed: u64,
) -> Option<StabilityLine> {
    let shown = crate::ranking::default_round(archive, config);
    let judged = rounds
        .iter()
        .take(shown + 1)
        .rev()
        .find(|r| r.competing.contains(&app))?;
    let result = crate::trust::stability::stability(archive, config, judged, &judged.method, samples, seed);
    let line = result.applications.iter().find(|a| a.application == app)?;
    Some(StabilityLine {
        round: config.rounds[judged.round].id.clone(),
        method: result.method.clone(),
        samples,
        seed,
        rank: line.rank,
        rank_low: line.rank_low,
        rank_high: line.rank_high,
        p_unranked: line.p_unranked,
        p_advance: line.p_advance,
        p_award: line.p_award.as_ref().map(|p| {
            p.iter()
                .map(|&(a, p)| AwardChance {
                    id: config.awards[a].id.clone(),
                    name: config.awards[a].name.clone(),
                    p,
                })
                .collect()
        }),
        p_any_award: line.p_any_award,
    })
}

/// A number as the explanation writes it: two decimals.
pub fn fmt(x: f64) -> String {
    format!("{x:.2}")
}

fn round_line(archive: &Archive, config: &Config, result: &RoundResult, app: usize) -> RoundLine {
    let round = &config.rounds[result.round];
    let pos = result.competing.iter().position(|&a| a == app);
    let id = &archive.applications[app].id;
    let mut judges = Vec::new();
    let mut values = Vec::new();
    if let Some(pos) = pos {
        for (i, t) in result
            .totals
            .totals
            .iter()
            .enumerate()
            .filter(|(_, t)| t.application == pos)
        {
            let (s, r) = result.sources[i];
            let judge = archive.sheets[s].judge.clone();
            let method = match &result.scores.detail {
                Detail::ZScore { judges, z, .. } => {
                    let j = judges[t.judge];
                    Some(format!(
                        "judge mean {} sd {} over {} totals, z = {:+.3}",
                        fmt(j.mean),
                        fmt(j.sd),
                        j.count,
                        z[i]
                    ))
                }
                Detail::Rank { rank, u } => Some(format!("rank {} among the judge's totals, u = {:.3}", rank[i], u[i])),
                Detail::Bias { bias, .. } => Some(format!(
                    "judge bias {:+.2}, T − b = {}",
                    bias[t.judge],
                    fmt(t.value - bias[t.judge])
                )),
                Detail::None => None,
            };
            values.push(t.value);
            judges.push(JudgeLine {
                judge,
                scores: archive.sheets[s].rows[r].scores.clone().unwrap_or_default(),
                total: Some(t.value),
                counted: true,
                reason: None,
                method,
                comment: archive.sheets[s].rows[r].comment.clone(),
            });
        }
    }
    for ignored in &result.ignored {
        let sheet = &archive.sheets[ignored.sheet];
        let row = &sheet.rows[ignored.row];
        if &row.application != id {
            continue;
        }
        let reason = match &ignored.reason {
            NotCounted::Conflict(why) => format!("conflict of interest: {why}"),
            NotCounted::NotCompeting => "not competing in this round".to_string(),
            NotCounted::NotServing => "the judge does not serve in this round".to_string(),
            NotCounted::UnknownJudge => "the judge is not in the roster".to_string(),
            NotCounted::UnknownApplication => "unknown application".to_string(),
        };
        let scores = row.scores.clone().unwrap_or_default();
        let total = (!scores.is_empty()).then(|| crate::score::total(&config.criteria, &scores).0);
        judges.push(JudgeLine {
            judge: sheet.judge.clone(),
            scores,
            total,
            counted: false,
            reason: Some(reason),
            method: None,
            comment: row.comment.clone(),
        });
    }
    let score = pos.and_then(|p| result.scores.score.get(p).copied().flatten());
    let formula = score.map(|s| match (&result.scores.detail, result.method.as_str()) {
        (Detail::ZScore { z, mean, sd, .. }, _) => {
            let zs: Vec<f64> = result
                .totals
                .totals
                .iter()
                .enumerate()
                .filter(|(_, t)| Some(t.application) == pos)
                .map(|(i, _)| z[i])
                .collect();
            format!(
                "M + D · mean z = {} + {} · {:.4} = {}",
                fmt(*mean),
                fmt(*sd),
                crate::score::mean(&zs),
                fmt(s)
            )
        }
        (Detail::Rank { .. }, _) => format!("100 · mean u = {}", fmt(s)),
        (Detail::Bias { .. }, _) => format!("mean of T − b over {} judges = {}", values.len(), fmt(s)),
        (_, "median") => format!("median of {} totals = {}", values.len(), fmt(s)),
        (_, "trimmed") => format!(
            "mean after dropping the {} lowest and highest of {} totals = {}",
            config.scoring.trim,
            values.len(),
            fmt(s)
        ),
        _ => format!("mean of {} totals = {}", values.len(), fmt(s)),
    });
    let track = archive.applications[app].track_id();
    let group = result.groups.iter().find(|g| g.track == track);
    let placed = group.and_then(|g| g.ranking.iter().find(|p| p.candidate.application == app));
    let decided_by = placed.and_then(|p| {
        let key = |split: &Split| match split {
            Split::Key(k) => config.scoring.tie_break.get(*k).map(tie_break_name),
            Split::JuryOrder => Some("jury_order".to_string()),
            _ => None,
        };
        match (key(&p.above), key(&p.below)) {
            (Some(k), _) => Some(format!("equal score with the application above; {k} placed it below")),
            (None, Some(k)) => Some(format!("equal score with the application below; {k} placed it above")),
            _ => None,
        }
    });
    let unranked = group
        .and_then(|g| g.unranked.iter().find(|u| u.application == app))
        .map(|u| {
            format!(
                "{}: scored by {} judge(s), fewer than min_judges = {}",
                u.reason, u.judges, config.scoring.min_judges
            )
        });
    let advanced = round.advance.as_ref().map(|a| {
        let _: &Advance = a;
        result.advanced.binary_search(&app).is_ok()
    });
    RoundLine {
        round: round.id.clone(),
        name: round.name.clone(),
        method: result.method.clone(),
        competing: pos.is_some(),
        judges,
        score,
        formula,
        rank: placed.map(|p| p.rank),
        of: group.map_or(0, |g| g.ranking.len()),
        tied: placed.is_some_and(|p| p.tied),
        decided_by,
        unranked,
        advanced: pos.and(advanced),
    }
}

fn award_lines(
    archive: &Archive,
    config: &Config,
    decisions: &[Decision],
    last: &RoundResult,
    app: usize,
) -> Vec<AwardLine> {
    let a = &archive.applications[app];
    let ranked = last
        .groups
        .iter()
        .any(|g| g.ranking.iter().any(|p| p.candidate.application == app));
    let mut out = Vec::new();
    for d in decisions {
        let award = &config.awards[d.award];
        let line = |result: &'static str, reason: String| AwardLine {
            id: award.id.clone(),
            name: award.name.clone(),
            result,
            reason,
        };
        if award.picks.is_some() {
            let (result, reason) = pick_verdict(archive, d, app);
            out.push(line(result, reason));
        } else if let Some(w) = d.winners.iter().find(|w| w.application == app) {
            let how = if d.tie_at_cutoff.contains(&app) {
                " (provisionally: a tie at the cutoff)"
            } else {
                ""
            };
            out.push(line(
                "won",
                format!("{}{how}", w.rank.map_or(String::new(), |r| format!("rank {r}"))),
            ));
        } else if d.tie_at_cutoff.contains(&app) {
            out.push(line(
                "tie",
                "tied at the cutoff; the jury's order will decide".to_string(),
            ));
        } else if let Some(p) = d.passed_over.iter().find(|p| p.application == app) {
            out.push(line("passed-over", p.reason.clone()));
        } else if award.track.as_deref() == Some(a.track_id()) {
            if let Some(types) = award
                .applicant_types
                .as_ref()
                .filter(|t| !t.iter().any(|x| x == a.type_id()))
            {
                out.push(line("not-eligible", format!("for {} only", types.join(", "))));
            } else if let Some(sectors) = award.sectors.as_ref().filter(|t| !t.iter().any(|x| x == a.sector_id())) {
                out.push(line("not-eligible", format!("for sectors {} only", sectors.join(", "))));
            } else if !ranked {
                out.push(line("not-ranked", "not ranked in the last round".to_string()));
            } else {
                let last = d
                    .winners
                    .last()
                    .and_then(|w| w.rank)
                    .map_or(String::new(), |r| format!(" (the last winner is ranked {r})"));
                out.push(line("below-cutoff", format!("ranked below the cutoff{last}")));
            }
        }
    }
    out
}

/// The verdict of an award decided by the committee's picks: the ranking plays no part in it,
/// so no ranking reason is given.
fn pick_verdict(archive: &Archive, d: &Decision, app: usize) -> (&'static str, String) {
    let undecided = || {
        let problems: Vec<String> = d.pick_problems.iter().map(award::PickProblem::message).collect();
        format!("the award is undecided: {}", problems.join("; "))
    };
    if d.winners.iter().any(|w| w.application == app) {
        let mut reason = "picked by the committee".to_string();
        if d.undecided() {
            reason += &format!(" (provisionally: {})", undecided());
        }
        return ("won", reason);
    }
    if let Some(p) = d.pick_problems.iter().find(|p| p.application == Some(app)) {
        let a = &archive.applications[app];
        let why = reasons(&a.findings, a.status);
        let why = if a.status == crate::model::Status::Eligible || why.is_empty() {
            String::new()
        } else {
            format!(" ({})", why.join(", "))
        };
        return (
            "pick-refused",
            format!("picked by the committee, but it {}{why}; {}", p.reason, undecided()),
        );
    }
    (
        "not-picked",
        "not among the committee's picks (the ranking is not used for this award)".to_string(),
    )
}

/// Builds the explanation of one application.
pub fn explain(archive: &Archive, rounds: &[RoundResult], config: Option<&Config>, app: usize) -> Explanation {
    let a = &archive.applications[app];
    let mut explanation = Explanation {
        id: a.id.clone(),
        entry: Entry {
            track: a.track_id().to_string(),
            sector: a.sector_id().to_string(),
            kind: a.type_id().to_string(),
            applicant: a.applicant.name.clone().unwrap_or_default(),
            country: a.country().to_string(),
        },
        criteria: config.map_or(Vec::new(), |c| c.criteria.iter().map(|c| c.id.clone()).collect()),
        title: a.title.clone(),
        track: a.track.as_ref().map(|t| t.value.clone()),
        status: a.status,
        reasons: reasons(&a.findings, a.status),
        findings: a
            .findings
            .iter()
            .map(|f| format!("{}[{}] {}:{}: {}", f.severity, f.code, f.line, f.column, f.message))
            .collect(),
        rounds: Vec::new(),
        awards: Vec::new(),
        stability: None,
    };
    let Some(config) = config else { return explanation };
    let results = rounds;
    explanation.rounds = results.iter().map(|r| round_line(archive, config, r, app)).collect();
    if let Some(last) = results.last().filter(|r| r.round + 1 == config.rounds.len()) {
        let decisions = award::decide(archive, config, last);
        explanation.awards = award_lines(archive, config, &decisions, last, app);
    }
    explanation
}
