//! `prize feedback [--round R] [--out DIR]`: one Markdown letter per application.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Outcome};
use crate::intake::feedback::{self, FEEDBACK_DIR};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize feedback`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round whose scores and comments the letters give (default: each application's last round competed in).
    #[arg(long)]
    pub round: Option<String>,
    /// Where to write the letters (default: feedback/ in the archive).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

/// Runs `prize feedback`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("feedback", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no letter is written")? else {
        return Ok(Outcome::Failure);
    };
    let round = match &args.round {
        Some(r) => Some(super::round_index(config, r)?),
        None => None,
    };
    let mut letters = feedback::letters(archive, config, rounds, round);
    let dir = match &args.out {
        Some(dir) => dir.clone(),
        None => {
            crate::jury::atomic::refuse_links(&archive.root, &[Path::new(FEEDBACK_DIR)])?;
            archive.root.join(FEEDBACK_DIR)
        }
    };
    letters.dir = match &args.out {
        Some(dir) => dir.display().to_string(),
        None => format!("{FEEDBACK_DIR}/"),
    };
    feedback::write(&dir, &letters)?;
    ctx.renderer(format).feedback_written(out, &letters)?;
    ctx.summary_to_stderr(out, &validation)?;
    Ok(super::outcome_of(&validation))
}
