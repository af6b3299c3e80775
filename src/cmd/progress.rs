//! `prize progress`: how far the jury is with a round.

use std::collections::HashSet;
use std::io::Write;

use serde::Serialize;

use super::{Context, Outcome, outcome_of, round_index};
use crate::ranking;
use crate::render::table::Table;
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize progress`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round with an assignment, else the last with score sheets).
    #[arg(long)]
    pub round: Option<String>,
}

/// One judge's progress.
#[derive(Debug, Serialize)]
struct JudgeProgress<'a> {
    judge: &'a str,
    name: &'a str,
    assigned: usize,
    scored: usize,
    remaining: usize,
    /// Scored applications that were not assigned to the judge.
    unassigned: usize,
}

/// A competing application with fewer counted totals than `min_judges`.
#[derive(Debug, Serialize)]
struct Short<'a> {
    id: &'a str,
    track: &'a str,
    judges: usize,
    needed: usize,
}

#[derive(Debug, Serialize)]
struct Progress<'a> {
    round: &'a str,
    /// How many applications compete in the round.
    competing: usize,
    /// Whether `assignments/<round>.csv` exists.
    assignment: bool,
    judges: Vec<JudgeProgress<'a>>,
    short: Vec<Short<'a>>,
    assigned: usize,
    scored: usize,
    /// Scored assigned pairs over assigned pairs, 0–1 (null without an assignment).
    completion: Option<f64>,
}

/// Runs `prize progress`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("progress", &[Format::Human, Format::Json, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(config) = ctx.usable_config(out, &archive, &validation, "no progress is shown")? else {
        return Ok(Outcome::Failure);
    };
    let round = match &args.round {
        Some(r) => round_index(config, r)?,
        None => config
            .rounds
            .iter()
            .rposition(|r| archive.assignments.iter().any(|a| a.round == r.id))
            .unwrap_or_else(|| ranking::default_round(&archive, config)),
    };
    let round_id = config.rounds[round].id.as_str();
    let assignment = archive.assignments.iter().find(|a| a.round == round_id);
    let judges = archive.roster.as_ref().map_or(&[][..], |r| r.judges.as_slice());
    let mut rows = Vec::new();
    let (mut assigned_total, mut scored_total) = (0, 0);
    for judge in judges.iter().filter(|j| ranking::serves(j, round_id)) {
        let scored: HashSet<&str> = archive
            .sheets
            .iter()
            .filter(|s| s.round == round_id && s.judge == judge.id)
            .flat_map(|s| {
                s.rows
                    .iter()
                    .filter(|r| r.scores.is_some())
                    .map(|r| r.application.as_str())
            })
            .collect();
        let mine: HashSet<&str> = assignment
            .map(|a| {
                a.pairs
                    .iter()
                    .filter(|(_, j)| *j == judge.id)
                    .map(|(app, _)| app.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let done = if assignment.is_some() {
            mine.intersection(&scored).count()
        } else {
            scored.len()
        };
        assigned_total += mine.len();
        scored_total += done;
        rows.push(JudgeProgress {
            judge: &judge.id,
            name: &judge.name,
            assigned: mine.len(),
            scored: done,
            remaining: mine.len() - mine.intersection(&scored).count(),
            unassigned: if assignment.is_some() {
                scored.difference(&mine).count()
            } else {
                0
            },
        });
    }
    let results = &rounds[..rounds.len().min(round + 1)];
    let mut short = Vec::new();
    let competing = results.last().map_or(0, |r| r.competing.len());
    if let Some(result) = results.last() {
        let counts = result.totals.by_application();
        for (pos, &app) in result.competing.iter().enumerate() {
            let n = counts[pos].len();
            if n < config.scoring.min_judges {
                let a = &archive.applications[app];
                short.push(Short {
                    id: &a.id,
                    track: a.track_id(),
                    judges: n,
                    needed: config.scoring.min_judges - n,
                });
            }
        }
    }
    short.sort_by(|a, b| a.id.cmp(b.id));
    let progress = Progress {
        round: round_id,
        competing,
        assignment: assignment.is_some(),
        judges: rows,
        short,
        assigned: assigned_total,
        scored: scored_total,
        completion: (assignment.is_some() && assigned_total > 0).then(|| scored_total as f64 / assigned_total as f64),
    };
    if format == Format::Json {
        render::json(out, &progress)?;
    } else if progress.competing == 0 {
        // A table of judges with nothing to score, and "every competing application has enough
        // judges", would both be true and both mislead.
        let why = match round.checked_sub(1) {
            None => "no application is eligible (`prize validate` says why)".to_string(),
            Some(before) => format!(
                "no application has advanced from round `{}` (its scores decide who does)",
                config.rounds[before].id
            ),
        };
        let name = &config.rounds[round].name;
        if format == Format::Markdown {
            writeln!(out, "### Round {round_id} — {name}\n")?;
        } else {
            writeln!(out, "Round {round_id} — {name}")?;
        }
        writeln!(out, "nothing competes in round `{round_id}` yet: {why}")?;
    } else {
        let mut table = if progress.assignment {
            Table::new(&["judge", "name", "assigned", "scored", "remaining", "not assigned"])
        } else {
            Table::new(&["judge", "name", "scored"])
        };
        for j in &progress.judges {
            table.push(if progress.assignment {
                vec![
                    j.judge.into(),
                    j.name.into(),
                    j.assigned.into(),
                    j.scored.into(),
                    j.remaining.into(),
                    j.unassigned.into(),
                ]
            } else {
                vec![j.judge.into(), j.name.into(), j.scored.into()]
            });
        }
        let name = render::escape(&config.rounds[round].name);
        let overall = match progress.completion {
            Some(c) => format!(
                "{} of {} assigned scores in ({:.1}%)",
                progress.scored,
                progress.assigned,
                100.0 * c
            ),
            None => format!("no assignment for round `{round_id}`; {} scores in", progress.scored),
        };
        if format == Format::Markdown {
            writeln!(out, "### Round {round_id} — {name}\n")?;
            table.markdown(out)?;
            writeln!(out)?;
        } else {
            writeln!(out, "Round {round_id} — {name}")?;
            table.human(out)?;
        }
        writeln!(out, "{overall}")?;
        if progress.short.is_empty() {
            writeln!(
                out,
                "every competing application has at least {} judge(s)",
                config.scoring.min_judges
            )?;
        } else {
            // People read the first few; scripts get them all with --format json.
            const SHOWN: usize = 12;
            let mut list: Vec<String> = progress
                .short
                .iter()
                .take(SHOWN)
                .map(|s| format!("{} ({}/{})", render::escape(s.id), s.judges, config.scoring.min_judges))
                .collect();
            if progress.short.len() > SHOWN {
                list.push(format!(
                    "and {} more (--format json lists them all)",
                    progress.short.len() - SHOWN
                ));
            }
            writeln!(
                out,
                "{} application(s) short of min_judges = {}: {}",
                progress.short.len(),
                config.scoring.min_judges,
                list.join(", ")
            )?;
        }
    }
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
