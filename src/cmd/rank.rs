//! `prize rank`: the ranking of a round, per track.

use std::io::Write;

use super::{Context, Outcome, known, outcome_of};
use crate::ranking;
use crate::render::Format;
use crate::report::Edition;
use crate::report::standings::{self, By, Standings};
use crate::report::validation::Validation;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
    /// Rank with this method instead of the round's own (who advances does not change).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::score::names()))]
    pub method: Option<String>,
    /// Only this track.
    #[arg(long)]
    pub track: Option<String>,
    /// Rank separately within each track by sector, applicant type or country.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Show only the applications ranked N or better in each group.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
}

/// Runs `prize rank`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("rank", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "nothing is ranked")? else {
        return Ok(Outcome::Failure);
    };
    if let Some(track) = &args.track {
        let ids = config.tracks.iter().map(|t| t.id.as_str()).collect();
        known("track", &Some(track.clone()), ids)?;
    }
    let (round, judged) = super::shown_round(archive, config, rounds, args.round.as_deref())?;
    // Only the printed round is scored again with another method; who advanced stays its own.
    let rescored;
    let shown = match args.method.as_ref().filter(|m| **m != judged.method) {
        Some(method) => {
            let index = ranking::id_index(archive);
            let mut result = ranking::judge_round(archive, config, round, judged.competing.clone(), method, &index);
            result.advanced = judged.advanced.clone();
            // The archive's findings know only the round's own method: a fit that `--method
            // bias` made is warned of here, as `validate` warns of the configured one.
            if let Some(warning) = ranking::disconnected(config, &result)
                && !ctx.quiet
            {
                eprintln!("{}\n", crate::render::diagnostics::render(&warning, false));
            }
            rescored = result;
            &rescored
        }
        None => judged,
    };
    ctx.note(&format!(
        "{} scored {} totals of round `{}` in {:.0?}",
        shown.method,
        shown.totals.totals.len(),
        config.rounds[round].id,
        shown.scoring_time
    ));
    let standings = Standings {
        archive,
        config,
        round: &config.rounds[round],
        result: shown,
        groups: standings::groups(archive, config, shown, args.track.as_deref(), args.by),
        by: args.by,
        top: args.top,
    };
    ctx.renderer(format).ranking(out, &standings)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
