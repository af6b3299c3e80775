//! The `prize` binary: parse arguments, run the command, map the result to an exit code.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = prize::cli::parse();
    match prize::cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if prize::cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(2)
        }
    }
}
