//! The `prize` binary: parse arguments, run the command, map the result to an exit code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = prize::cli::Cli::parse();
    match prize::cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if prize::cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
