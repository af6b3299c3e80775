//! `prize completions SHELL` and `prize man`: generated from the clap definition.

use std::io::Write;

use clap_mangen::Man;
use clap_mangen::roff::{Roff, bold, roman};

use super::Outcome;
use crate::cmd::cli::{self, ColorChoice};

/// Arguments of `prize completions`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// Prints the completion script.
pub fn run(args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let mut command = cli::command(ColorChoice::Never);
    // clap_complete panics when its writer fails (`prize completions bash | true`), so the
    // script is made in memory and written here, where a closed pipe is an ordinary error.
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, "prize", &mut script);
    out.write_all(&script)?;
    Ok(Outcome::Success)
}

/// What the exit codes mean (SPEC section 2), for the man page.
const EXIT_STATUS: [(&str, &str); 3] = [
    (
        "0",
        "Done; no finding of severity error (and none of severity warning with --deny-warnings). \
         A closed output pipe (prize rank | head) also ends with 0.",
    ),
    (
        "1",
        "The archive has errors, a score sheet was refused, or a winner could not be decided \
         (a tie at an award's cutoff).",
    ),
    (
        "2",
        "The command could not run: bad usage, no archive found, an unreadable path.",
    ),
];

/// Prints the man page: clap's sections, then the commands, exit status and examples. Only
/// this one page is installed, so the commands are described here rather than referred to
/// pages of their own (which would not exist).
pub fn man(out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let command = cli::command(ColorChoice::Never);
    let page = Man::new(command.clone());
    let mut text = Vec::new();
    page.render_title(&mut text)?;
    page.render_name_section(&mut text)?;
    page.render_synopsis_section(&mut text)?;
    page.render_description_section(&mut text)?;
    page.render_options_section(&mut text)?;

    let mut roff = Roff::default();
    roff.control("SH", ["COMMANDS"]);
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        roff.control("TP", []);
        roff.text([bold(format!("prize {}", sub.get_name()))]);
        let about = sub.get_about().map(ToString::to_string).unwrap_or_default();
        roff.text([roman(about)]);
    }
    roff.control("PP", []);
    roff.text([
        roman("Each command's own options: "),
        bold("prize COMMAND --help"),
        roman(". The explanation of a finding code: "),
        bold("prize explain-code CODE"),
        roman("."),
    ]);

    roff.control("SH", ["EXIT STATUS"]);
    for (code, meaning) in EXIT_STATUS {
        roff.control("TP", []);
        roff.text([bold(code)]);
        roff.text([roman(meaning)]);
    }

    roff.control("SH", ["EXAMPLES"]);
    roff.text([roman(
        "Run from the root of the prize repository, where the sample archive is data/sscp-2026.",
    )]);
    let mut shown: Vec<&str> = Vec::new();
    for (_, examples) in cli::EXAMPLES {
        for (what, line) in *examples {
            if shown.contains(line) {
                continue;
            }
            shown.push(line);
            if !what.is_empty() {
                roff.control("PP", []);
                roff.text([roman(*what)]);
            }
            roff.control("RS", ["4"]);
            roff.control("nf", []);
            roff.text([roman(*line)]);
            roff.control("fi", []);
            roff.control("RE", []);
        }
    }
    roff.to_writer(&mut text)?;
    page.render_version_section(&mut text)?;
    out.write_all(&text)?;
    Ok(Outcome::Success)
}
