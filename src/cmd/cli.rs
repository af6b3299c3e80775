//! The command line: global options and one subcommand per file in `cmd/`.

use std::ffi::OsString;
use std::io::IsTerminal;
use std::path::PathBuf;

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

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
    /// The same choice for clap's own messages (usage errors, help).
    fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        }
    }

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
    /// Per judge: totals, leniency (the bias fit), offset, correlation, fit and flags.
    Judges(cmd::judges::Args),
    /// Krippendorff's α overall and per track, and the applications the judges disagree on most.
    Agreement(cmd::agreement::Args),
    /// Every method side by side: ranks, rank correlations, and what changes with the method.
    Compare(cmd::compare::Args),
    /// How sure the result is: a bootstrap over the jury, and the round without each judge.
    Stability(cmd::stability::Args),
    /// The committee's report: the whole edition in one self-contained HTML file, to read or print.
    Report(cmd::report::Args),
    /// Applications: `prize applications import FILE... --map MAP.toml` turns a form export into application files.
    Applications(cmd::applications::Args),
    /// Write one Markdown feedback letter per application, the judges' comments anonymised.
    Feedback(cmd::feedback::Args),
    /// Explain a finding code, with an example (as `rustc --explain`).
    ExplainCode(cmd::explain_code::Args),
    /// Print a shell completion script.
    Completions(cmd::completions::Args),
    /// Print the man page (roff).
    Man,
}

/// One example of a command's help: what it does, and the command line (`\` continues a line).
type Example = (&'static str, &'static str);

/// The examples that end each command's help and fill the man page's EXAMPLES, by command
/// (`""` is `prize` itself). Every line works as printed from the repository's root, on the
/// sample archive; `tests/conventions.rs` runs them all.
pub const EXAMPLES: &[(&str, &[Example])] = &[
    (
        "",
        &[
            (
                "Start an archive with the Seoul Smart City Prize defaults, then check it",
                "prize init my-prize",
            ),
            ("", "prize -C my-prize validate"),
            (
                "The sample edition's final ranking and its winners",
                "prize -C data/sscp-2026 rank",
            ),
            ("", "prize -C data/sscp-2026 winners"),
        ],
    ),
    (
        "init",
        &[
            (
                "A new archive with the Seoul Smart City Prize defaults",
                "prize init sscp-2027",
            ),
            (
                "A bare archive for another programme: one track, criterion and round",
                "prize init hackathon --template minimal",
            ),
        ],
    ),
    (
        "validate",
        &[
            (
                "Check the sample archive; exit 1 when it has errors",
                "prize -C data/sscp-2026 validate",
            ),
            (
                "In CI: one annotation per finding on the pull request",
                "prize -C data/sscp-2026 validate --format github",
            ),
            ("Only the errors, nothing else", "prize -C data/sscp-2026 -q validate"),
        ],
    ),
    (
        "list",
        &[
            (
                "The applications of one track",
                "prize -C data/sscp-2026 list --track leadership",
            ),
            (
                "The ineligible ones and why, for a spreadsheet",
                "prize -C data/sscp-2026 list --status ineligible --format csv",
            ),
        ],
    ),
    (
        "stats",
        &[
            (
                "Counts by track, sector, type and country; scoring coverage",
                "prize -C data/sscp-2026 stats",
            ),
            (
                "The ten biggest countries, as Markdown",
                "prize -C data/sscp-2026 stats --top 10 --format markdown",
            ),
        ],
    ),
    (
        "scores",
        &[(
            "Check a judge's sheet without storing it (the judge comes from the file name)",
            "prize -C data/sscp-2026 scores import --round first --dry-run \\\n      data/sscp-2026/scores/first/j-chen.csv",
        )],
    ),
    (
        "scores import",
        &[(
            "Check a judge's sheet without storing it (the judge comes from the file name)",
            "prize -C data/sscp-2026 scores import --round first --dry-run \\\n      data/sscp-2026/scores/first/j-chen.csv",
        )],
    ),
    (
        "rank",
        &[
            (
                "The last round that has score sheets, per track",
                "prize -C data/sscp-2026 rank",
            ),
            (
                "The first round's six best in one track",
                "prize -C data/sscp-2026 rank --round first --track leadership --top 6",
            ),
            (
                "Another method, per sector, for a script",
                "prize -C data/sscp-2026 rank --method median --by sector --format json",
            ),
        ],
    ),
    (
        "winners",
        &[
            ("Every award, its winners and why", "prize -C data/sscp-2026 winners"),
            (
                "One row per winner for the ceremony, to open in a spreadsheet",
                "prize -C data/sscp-2026 winners --format csv > winners.csv",
            ),
        ],
    ),
    (
        "explain",
        &[
            (
                "Every number behind one finalist's result",
                "prize -C data/sscp-2026 explain SSCP-2026-0180",
            ),
            (
                "The same, for a script",
                "prize -C data/sscp-2026 explain SSCP-2026-0180 --format json",
            ),
        ],
    ),
    (
        "assign",
        &[
            (
                "Four judges per application in the first round: what would change (nothing is written)",
                "prize -C data/sscp-2026 assign --round first --per-application 4 \\\n      --dry-run --replace",
            ),
            (
                "Five per finalist, at most 20 applications per judge, another seed",
                "prize -C data/sscp-2026 assign --round final --per-application 5 \\\n      --max-per-judge 20 --seed 7 --dry-run --replace",
            ),
        ],
    ),
    (
        "sheets",
        &[
            (
                "One CSV template per judge of the final round, in a folder of your choice",
                "prize -C data/sscp-2026 sheets --round final --out final-sheets",
            ),
            (
                "Excel templates that accept only scores in range",
                "prize -C data/sscp-2026 sheets --round first --xlsx --out first-sheets",
            ),
        ],
    ),
    (
        "progress",
        &[
            (
                "Who still has sheets to send in the final round",
                "prize -C data/sscp-2026 progress --round final",
            ),
            (
                "The first round, as Markdown for the jury's chat",
                "prize -C data/sscp-2026 progress --round first --format markdown",
            ),
        ],
    ),
    (
        "judges",
        &[
            (
                "Which judges of the first round are lenient, severe, erratic or flat",
                "prize -C data/sscp-2026 judges --round first",
            ),
            (
                "The same for a spreadsheet, one row per judge",
                "prize -C data/sscp-2026 judges --round first --format csv",
            ),
        ],
    ),
    (
        "agreement",
        &[
            (
                "How far the judges of the last scored round agree, overall and per track",
                "prize -C data/sscp-2026 agreement",
            ),
            (
                "The first round, for a script",
                "prize -C data/sscp-2026 agreement --round first --format json",
            ),
        ],
    ),
    (
        "compare",
        &[
            (
                "The final round under all six methods: ranks, τ-b, and whose award depends on the method",
                "prize -C data/sscp-2026 compare",
            ),
            (
                "The first round under two methods, for a script",
                "prize -C data/sscp-2026 compare --round first --methods mean,median --format json",
            ),
        ],
    ),
    (
        "stability",
        &[
            (
                "How sure the final result is: award chances, rank intervals, each judge left out",
                "prize -C data/sscp-2026 stability",
            ),
            (
                "The first round with 2,000 samples and another seed, as a spreadsheet",
                "prize -C data/sscp-2026 stability --round first --samples 2000 --seed 7 --format csv",
            ),
        ],
    ),
    (
        "report",
        &[
            (
                "The committee's report, written to report.html in the archive",
                "prize -C data/sscp-2026 report --date 2026-09-30",
            ),
            (
                "Faster stability figures, to another file",
                "prize -C data/sscp-2026 report --samples 200 --out committee.html",
            ),
        ],
    ),
    (
        "applications",
        &[(
            "A new archive, then the application form's export imported into it",
            "prize init my-edition \\\n      && prize -C my-edition applications import --map my-edition/intake.toml \\\n      data/sscp-2026/intake/form-export.csv",
        )],
    ),
    (
        "applications import",
        &[
            (
                "What importing the form's export would write, without writing anything",
                "prize init try-edition \\\n      && prize -C try-edition applications import --dry-run --map try-edition/intake.toml \\\n      data/sscp-2026/intake/form-export.csv",
            ),
            (
                "The same, as JSON for a script: every row's file and status, every finding",
                "prize init json-edition \\\n      && prize -C json-edition applications import --dry-run --format json \\\n      --map json-edition/intake.toml data/sscp-2026/intake/form-export.csv",
            ),
        ],
    ),
    (
        "feedback",
        &[
            (
                "One letter per application in a folder of your choice",
                "prize -C data/sscp-2026 feedback --out letters",
            ),
            (
                "The first round's scores and comments, listed for a script",
                "prize -C data/sscp-2026 feedback --round first --out letters --format json",
            ),
        ],
    ),
    (
        "explain-code",
        &[
            (
                "Every finding code, its severity and what it means",
                "prize explain-code",
            ),
            (
                "One code in full, with an example and the fix",
                "prize explain-code late-submission",
            ),
        ],
    ),
    (
        "completions",
        &[
            (
                "bash: completions for this shell (add the line to ~/.bashrc to keep them)",
                "eval \"$(prize completions bash)\"",
            ),
            (
                "zsh: write _prize, then move it into a folder of your $fpath",
                "prize completions zsh > _prize",
            ),
            (
                "fish",
                "mkdir -p ~/.config/fish/completions \\\n      && prize completions fish > ~/.config/fish/completions/prize.fish",
            ),
        ],
    ),
    (
        "man",
        &[(
            "Install the page for your user, then read it with `man prize`",
            "mkdir -p ~/.local/share/man/man1 \\\n      && prize man > ~/.local/share/man/man1/prize.1",
        )],
    ),
];

/// The examples of `path` (`""`, `"rank"`, `"scores import"`).
pub fn examples_of(path: &str) -> &'static [Example] {
    EXAMPLES.iter().find(|(p, _)| *p == path).map_or(&[], |(_, e)| e)
}

/// The `Examples:` section of a help text, with clap's header style.
fn examples_section(examples: &[Example]) -> String {
    let header = *clap::builder::Styles::default().get_header();
    let mut text = format!("{}Examples:{}", header.render(), header.render_reset());
    for (what, line) in examples {
        if !what.is_empty() {
            text.push_str(&format!("\n  # {what}"));
        }
        text.push_str(&format!("\n  {line}"));
    }
    text
}

/// Ends the help of `command` (at `path`) and of its subcommands with their examples, keeping
/// any help already there.
fn with_examples(command: clap::Command, path: &str) -> clap::Command {
    let mut command = command.mut_subcommands(|sub| {
        let sub_path = format!("{path} {}", sub.get_name());
        with_examples(sub, sub_path.trim())
    });
    let examples = examples_of(path);
    if examples.is_empty() {
        return command;
    }
    let section = examples_section(examples);
    let short = match command.get_after_help() {
        Some(text) => format!("{text}\n\n{section}"),
        None => section.clone(),
    };
    command = command.after_help(short);
    // `--help` shows the long text alone when there is one, so it needs the examples too.
    if let Some(long) = command.get_after_long_help().map(ToString::to_string) {
        command = command.after_long_help(format!("{long}\n\n{section}"));
    }
    command
}

/// The command-line definition: the derived one, with examples and the colour of clap's messages.
pub fn command(color: ColorChoice) -> clap::Command {
    with_examples(Cli::command(), "").color(color.for_clap())
}

/// The `--color` named on the command line (the last one wins), read before clap parses so
/// that clap's own usage errors follow it too; `auto` when none is named or the value is wrong.
pub fn color_in(args: &[OsString]) -> ColorChoice {
    let mut choice = ColorChoice::Auto;
    let mut rest = args.iter().skip(1);
    while let Some(arg) = rest.next() {
        let value = if arg == "--" {
            break;
        } else if arg == "--color" {
            rest.next().and_then(|v| v.to_str())
        } else {
            arg.to_str().and_then(|a| a.strip_prefix("--color="))
        };
        if let Some(parsed) = value.and_then(|v| ColorChoice::from_str(v, true).ok()) {
            choice = parsed;
        }
    }
    choice
}

/// Parses the process's arguments, exiting with clap's message (exit 2) on bad usage.
pub fn parse() -> Cli {
    let args: Vec<OsString> = std::env::args_os().collect();
    let mut command = command(color_in(&args));
    let parsed = command
        .try_get_matches_from_mut(args)
        .and_then(|matches| Cli::from_arg_matches(&matches));
    parsed.unwrap_or_else(|error| error.format(&mut command).exit())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn the_colour_is_read_before_parsing() {
        assert_eq!(color_in(&args(&["prize", "rank"])), ColorChoice::Auto);
        assert_eq!(
            color_in(&args(&["prize", "--color", "never", "rank"])),
            ColorChoice::Never
        );
        assert_eq!(
            color_in(&args(&["prize", "rank", "--color=always"])),
            ColorChoice::Always
        );
        assert_eq!(color_in(&args(&["prize", "--color", "sometimes"])), ColorChoice::Auto);
        assert_eq!(color_in(&args(&["prize", "--color"])), ColorChoice::Auto);
        // After `--` it is an argument, not an option.
        assert_eq!(
            color_in(&args(&["prize", "explain", "--", "--color=never"])),
            ColorChoice::Auto
        );
    }

    #[test]
    fn the_definition_is_consistent() {
        command(ColorChoice::Never).debug_assert();
    }

    #[test]
    fn every_example_names_a_command_that_exists() {
        let root = command(ColorChoice::Never);
        for (path, examples) in EXAMPLES {
            let mut at = &root;
            for word in path.split_whitespace() {
                at = at
                    .find_subcommand(word)
                    .unwrap_or_else(|| panic!("no command `{path}`"));
            }
            assert!(!examples.is_empty(), "{path}");
        }
    }
}
