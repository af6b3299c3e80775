//! `prize progress`: how far the jury is with a round.

use std::io::Write;

use super::{Context, Outcome, outcome_of, round_index};
use crate::render::Format;
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
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no progress is shown")? else {
        return Ok(Outcome::Failure);
    };
    let round = match &args.round {
        Some(r) => round_index(config, r)?,
        None => progress::default_round(archive, config),
    };
    let progress = progress::of(archive, config, rounds, round);
    ctx.renderer(format).progress(out, &progress)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
