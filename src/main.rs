//! The `prize` binary: parse arguments, run the command, map the result to an exit code.

use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = prize::cmd::cli::parse();
    match prize::cmd::run(cli) {
        Ok(outcome) => outcome.exit_code(),
        Err(error) if prize::cmd::is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            // The message may name a path or a value from the archive: escape each line.
            let text = format!("{error:#}");
            let lines: Vec<_> = text.lines().map(prize::render::escape).collect();
            eprintln!("error: {}", lines.join("\n"));
            ExitCode::from(2)
        }
    }
}
