//! `prize judges`: each judge's leniency and consistency in a round (spec section 8).

use std::io::Write;

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;
use crate::trust::judges;

/// Arguments of `prize judges`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
}

/// Runs `prize judges`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("judges", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no judge is assessed")? else {
        return Ok(Outcome::Failure);
    };
    let (_round, judged) = super::shown_round(archive, config, rounds, args.round.as_deref())?;
    let started = std::time::Instant::now();
    let report = judges::of(archive, config, judged);
    ctx.note(&format!(
        "assessed {} judges from {} totals of round `{}` in {:.1?}",
        report.judges.len(),
        judged.totals.totals.len(),
        report.round,
        started.elapsed()
    ));
    ctx.renderer(format).judges(out, &report)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
