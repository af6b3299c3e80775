//! `prize stability`: how much a round's result depends on which judges served.

use std::io::Write;

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;
use crate::trust::stability::{self, MAX_SAMPLES};

/// Arguments of `prize stability`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
    /// How many bootstrap samples to draw (1 to 1,000,000).
    #[arg(long, value_name = "N", default_value_t = stability::DEFAULT_SAMPLES as u64,
          value_parser = clap::value_parser!(u64).range(1..=MAX_SAMPLES as u64))]
    pub samples: u64,
    /// The seed of the draws: the same seed gives the same output.
    #[arg(long, value_name = "S", default_value_t = stability::DEFAULT_SEED)]
    pub seed: u64,
    /// Score every sample with this method (default: the round's own).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(crate::score::names()))]
    pub method: Option<String>,
}

/// Runs `prize stability`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats(
        "stability",
        &[Format::Human, Format::Json, Format::Csv, Format::Markdown],
    )?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "nothing is resampled")? else {
        return Ok(Outcome::Failure);
    };
    let (round, judged) = super::shown_round(archive, config, rounds, args.round.as_deref())?;
    let method = args.method.as_deref().unwrap_or(&judged.method);
    let started = std::time::Instant::now();
    let busy = ctx.busy("resampling the jury");
    let result = stability::stability(archive, config, judged, method, args.samples as usize, args.seed);
    drop(busy);
    ctx.note(&format!(
        "{} bootstrap samples and {} leave-one-out rounds of round `{}` in {:.0?}",
        args.samples,
        result.leave_one_out.len(),
        config.rounds[round].id,
        started.elapsed()
    ));
    ctx.renderer(format).stability(out, &result)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
