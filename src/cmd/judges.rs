//! `prize judges`: each judge's leniency and consistency in a round (spec section 8).

use std::io::Write;

use anyhow::bail;

use super::{Context, Outcome, outcome_of, round_index};
use crate::ranking;
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
    let round = match &args.round {
        Some(r) => round_index(config, r)?,
        None => ranking::default_round(archive, config),
    };
    let Some(judged) = rounds.get(round) else {
        bail!("prize.toml defines no rounds");
    };
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
