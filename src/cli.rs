//! The command line: global options and one subcommand per file in `cmd/`.

use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::cmd;
use crate::render::Format;

/// Run an award programme from a folder of plain files.
#[derive(Debug, Parser)]
#[command(
    name = "prize",
    version,
    about = "Run an award programme from a folder of plain files: validate, score, rank, award.",
    long_about = "Run an award programme from a folder of plain files kept in git: applications as TOML, \
                  the jury's score sheets as CSV, the rules in one prize.toml.\n\n\
                  Exit codes: 0 done, no errors; 1 the archive has errors (or, with --deny-warnings, warnings); \
                  2 the command could not run (bad usage, no archive found, an unreadable path).",
    after_help = "Run `prize explain-code CODE` for the explanation of a finding code."
)]
pub struct Cli {
    /// The archive folder (default: $PRIZE_ARCHIVE, else the nearest folder with a prize.toml).
    #[arg(
        short = 'C',
        long = "archive",
        global = true,
        env = "PRIZE_ARCHIVE",
        value_name = "DIR"
    )]
    pub archive: Option<PathBuf>,
    /// Output format; each command supports those that make sense for it.
    #[arg(long, global = true, value_enum, default_value = "human")]
    pub format: Format,
    /// When to colour human output.
    #[arg(long, global = true, value_enum, default_value = "auto", value_name = "WHEN")]
    pub color: ColorChoice,
    /// Print less: only errors and results.
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// Print more: timings and notes on stderr.
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// `--color`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal, `NO_COLOR` is unset and `TERM` is not `dumb`.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// Whether to colour, given the environment.
    pub fn resolve(self) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
                !no_color && !dumb && std::io::stdout().is_terminal()
            }
        }
    }
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a new archive with the Seoul Smart City Prize defaults (refuses to overwrite).
    Init(cmd::init::Args),
    /// Check everything: files, configuration, roster, eligibility, custom rules.
    Validate(cmd::validate::Args),
    /// List applications with their status.
    List(cmd::list::Args),
    /// Counts by track and sector, applicant type, country and status.
    Stats(cmd::stats::Args),
    /// Score sheets: `prize scores import FILE...` checks judges' sheets and stores them.
    Scores(cmd::scores::Args),
    /// The ranking of a round, per track.
    Rank(cmd::rank::Args),
    /// The awards, decided from the last round's ranking.
    Winners(cmd::winners::Args),
    /// Every number behind one application's result.
    Explain(cmd::explain::Args),
    /// Give every competing application of a round K judges, evenly and without conflicts.
    Assign(cmd::assign::Args),
    /// Write one score-sheet template per judge (CSV, or Excel with --xlsx).
    #[command(long_about = cmd::sheets::LONG_ABOUT)]
    Sheets(cmd::sheets::Args),
    /// Per judge: assigned, scored and remaining; applications still short of min_judges.
    Progress(cmd::progress::Args),
    /// Explain a finding code, with an example (as `rustc --explain`).
    ExplainCode(cmd::explain_code::Args),
    /// Print a shell completion script.
    Completions(cmd::completions::Args),
    /// Print the man page (roff).
    Man,
}
