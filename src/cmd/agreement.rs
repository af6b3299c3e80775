//! `prize agreement`: how far the judges agree in a round, overall and per track (spec section 8).

use std::io::Write;

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;
use crate::trust::agreement;

/// Arguments of `prize agreement`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
}

/// Runs `prize agreement`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats(
        "agreement",
        &[Format::Human, Format::Json, Format::Csv, Format::Markdown],
    )?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no agreement is measured")? else {
        return Ok(Outcome::Failure);
    };
    let (_round, judged) = super::shown_round(archive, config, rounds, args.round.as_deref())?;
    let started = std::time::Instant::now();
    let report = agreement::of(archive, config, judged);
    ctx.note(&format!(
        "measured the agreement of {} totals of round `{}` in {:.1?}",
        judged.totals.totals.len(),
        report.round,
        started.elapsed()
    ));
    ctx.renderer(format).agreement(out, &report)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
