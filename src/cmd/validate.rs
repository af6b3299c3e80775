//! `prize validate`: check everything and report every finding.

use std::io::Write;

use super::{Context, Outcome};
use crate::render::Format;
use crate::report::validation::Validation;

/// Arguments of `prize validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// Runs `prize validate`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("validate", &[Format::Human, Format::Json, Format::Github])?;
    let archive = &ctx.load()?.archive;
    let validation = Validation::of(archive);
    ctx.renderer(format).validation(out, &validation)?;
    let s = validation.summary;
    Ok(if s.errors > 0 || (args.deny_warnings && s.warnings > 0) {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
