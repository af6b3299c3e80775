//! `prize progress`: how far the jury is with a round.

use std::io::Write;

use super::{Context, Outcome, outcome_of, round_index};
use crate::render::table::Table;
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::progress;
use crate::report::validation::Validation;

/// Arguments of `prize progress`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round with an assignment, else the last with score sheets).
    #[arg(long)]
    pub round: Option<String>,
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
        None => progress::default_round(&archive, config),
    };
    let round_id = config.rounds[round].id.as_str();
    let progress = progress::of(&archive, config, &rounds, round);
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
