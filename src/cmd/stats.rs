//! `prize stats`: counts by track × sector, applicant type, country and status, and the scoring
//! coverage of each round.

use std::io::Write;

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::stats;
use crate::report::validation::Validation;

/// Arguments of `prize stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many of the most frequent reasons to show (human, csv and markdown).
    #[arg(long, default_value_t = 5)]
    pub top: usize,
}

/// Runs `prize stats`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("stats", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let stats = stats::of(archive, rounds);
    ctx.renderer(format).stats(out, &stats, args.top)?;
    ctx.summary_to_stderr(out, &validation)?;
    Ok(outcome_of(&validation))
}
