//! One file per command: parse its arguments, call the library, render the result.

pub mod assign;
pub mod completions;
pub mod explain;
pub mod explain_code;
pub mod init;
pub mod list;
pub mod progress;
pub mod rank;
pub mod scores;
pub mod sheets;
pub mod stats;
pub mod validate;
pub mod winners;

use std::io::{self, BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, bail};

use crate::archive::{self, Archive};
use crate::cli::{Cli, Command};
use crate::render::Format;
use crate::validation::Validation;

/// How a command ended, when it could run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Done, no errors (exit 0).
    Success,
    /// The archive has errors, or warnings were denied (exit 1).
    Failure,
}

impl Outcome {
    /// The process exit code.
    pub fn exit_code(self) -> ExitCode {
        match self {
            Outcome::Success => ExitCode::SUCCESS,
            Outcome::Failure => ExitCode::from(1),
        }
    }
}

/// What every command gets from the global options.
#[derive(Debug)]
pub struct Context {
    /// `-C` / `PRIZE_ARCHIVE`.
    pub archive: Option<PathBuf>,
    /// `--format`.
    pub format: Format,
    /// Whether to colour human output.
    pub color: bool,
    /// `-q`.
    pub quiet: bool,
    /// `-v` count.
    pub verbose: u8,
}

impl Context {
    /// Refuses a `--format` the command does not support (exit 2).
    pub fn formats(&self, command: &str, allowed: &[Format]) -> anyhow::Result<Format> {
        if allowed.contains(&self.format) {
            return Ok(self.format);
        }
        let names: Vec<&str> = allowed.iter().map(|f| f.name()).collect();
        bail!(
            "`prize {command}` does not support --format {} (use {})",
            self.format.name(),
            names.join(", ")
        )
    }

    /// Finds and loads the archive, reporting timings with `-v`.
    pub fn load(&self) -> anyhow::Result<Archive> {
        let cwd = std::env::current_dir().context("cannot read the working directory")?;
        let root = archive::discover(self.archive.as_deref(), &cwd)?;
        let start = Instant::now();
        let loaded = archive::load(&root)?;
        self.note(&format!(
            "loaded {} applications from {} in {:.0?}",
            loaded.applications.len(),
            root.display(),
            start.elapsed()
        ));
        Ok(loaded)
    }

    /// A note on stderr, shown with `-v`.
    pub fn note(&self, text: &str) {
        if self.verbose > 0 {
            let _ = writeln!(io::stderr(), "note: {}", crate::render::escape(text));
        }
    }

    /// The validation summary line on stderr, as ranking commands always print it (not with `-q`).
    pub fn summary_always(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        out.flush()?;
        if !self.quiet {
            let _ = writeln!(io::stderr(), "{}", validation.summary.line());
        }
        Ok(())
    }

    /// The validation summary line on stderr, for commands other than `validate` (not with `-q`,
    /// nor when there is nothing to say).
    pub fn summary_to_stderr(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        // Results first, so that a terminal shows the summary after them.
        out.flush()?;
        let s = &validation.summary;
        if !self.quiet && (s.errors > 0 || s.warnings > 0 || self.verbose > 0) {
            let _ = writeln!(io::stderr(), "{}", s.line());
            if s.errors > 0 {
                let _ = writeln!(io::stderr(), "run `prize validate` to see the errors");
            }
        }
        Ok(())
    }
}

/// Runs the command line.
pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    let ctx = Context {
        archive: cli.archive,
        format: cli.format,
        color: cli.color.resolve(),
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    let stdout = io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let outcome = match cli.command {
        Command::Init(args) => init::run(&ctx, &args, &mut out),
        Command::Validate(args) => validate::run(&ctx, &args, &mut out),
        Command::List(args) => list::run(&ctx, &args, &mut out),
        Command::Stats(args) => stats::run(&ctx, &args, &mut out),
        Command::Scores(args) => scores::run(&ctx, &args, &mut out),
        Command::Rank(args) => rank::run(&ctx, &args, &mut out),
        Command::Winners(args) => winners::run(&ctx, &args, &mut out),
        Command::Explain(args) => explain::run(&ctx, &args, &mut out),
        Command::Assign(args) => assign::run(&ctx, &args, &mut out),
        Command::Sheets(args) => sheets::run(&ctx, &args, &mut out),
        Command::Progress(args) => progress::run(&ctx, &args, &mut out),
        Command::ExplainCode(args) => explain_code::run(&ctx, &args, &mut out),
        Command::Completions(args) => completions::run(&args, &mut out),
        Command::Man => completions::man(&mut out),
    }?;
    out.flush()?;
    Ok(outcome)
}

/// Whether an error comes from writing to a closed pipe (`prize list | head`).
pub fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|e| {
        e.downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// Exit 1 when the archive has errors.
pub fn outcome_of(validation: &Validation<'_>) -> Outcome {
    if validation.summary.errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    }
}
