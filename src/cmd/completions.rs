//! `prize completions SHELL` and `prize man`: generated from the clap definition.

use std::io::Write;

use clap::CommandFactory;

use super::Outcome;
use crate::cli::Cli;

/// Arguments of `prize completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script.
pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "prize", out);
    Ok(Outcome::Success)
}

/// Prints the man page.
pub fn man(out: &mut dyn Write) -> anyhow::Result<Outcome> {
    clap_mangen::Man::new(Cli::command()).render(out)?;
    Ok(Outcome::Success)
}
