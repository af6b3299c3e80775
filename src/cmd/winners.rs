//! `prize winners`: the awards, decided from the last round.

use std::io::Write;

use super::{Context, Outcome};
use crate::render::Format;
use crate::report::Edition;
use crate::report::awards;
use crate::report::validation::Validation;

/// Arguments of `prize winners`.
#[derive(Debug, clap::Args)]
pub struct Args {}

/// Runs `prize winners`.
pub fn run(ctx: &Context, _args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("winners", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no award is decided")? else {
        return Ok(Outcome::Failure);
    };
    let Some(awarded) = awards::of(archive, config, rounds) else {
        anyhow::bail!("prize.toml defines no rounds");
    };
    ctx.renderer(format).winners(out, &awarded)?;
    ctx.summary_always(out, &validation)?;
    let undecided = awarded.undecided();
    Ok(if undecided || validation.summary.errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
