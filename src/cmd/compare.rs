//! `prize compare`: every method side by side on one round.

use std::io::Write;

use anyhow::bail;

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;
use crate::trust::compare;

/// Arguments of `prize compare`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
    /// The methods to compare, separated by commas (default: all six).
    #[arg(long, value_delimiter = ',', value_name = "M1,M2,...",
          value_parser = clap::builder::PossibleValuesParser::new(crate::score::names()))]
    pub methods: Vec<String>,
}

/// Runs `prize compare`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("compare", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let methods: Vec<String> = if args.methods.is_empty() {
        crate::score::names().into_iter().map(str::to_string).collect()
    } else {
        args.methods.clone()
    };
    if let Some(twice) = methods.iter().enumerate().find(|(i, m)| methods[..*i].contains(m)) {
        bail!("--methods names `{}` twice", twice.1);
    }
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "nothing is compared")? else {
        return Ok(Outcome::Failure);
    };
    let (_round, judged) = super::shown_round(archive, config, rounds, args.round.as_deref())?;
    let comparison = compare::compare(archive, config, judged, &methods);
    ctx.renderer(format).comparison(out, &comparison)?;
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
