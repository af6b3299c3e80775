//! Renderers: the same result values printed as human text, JSON, CSV, Markdown or GitHub
//! workflow commands.

pub mod csv;
pub mod diagnostics;
pub mod github;
pub mod html;
pub mod human;
pub mod intake;
pub mod json;
pub mod markdown;
pub mod svg;
pub mod table;

use std::io::{self, Write};

use clap::ValueEnum;

use crate::jury::assigned::Assigned;
use crate::jury::import::Report;
use crate::jury::template::TemplatesWritten;
use crate::report::awards::Awarded;
use crate::report::explanation::Explanation;
use crate::report::listing::Listing;
use crate::report::progress::Progress;
use crate::report::standings::Standings;
use crate::report::stats::Stats;
use crate::report::validation::Validation;
use crate::trust::agreement::Agreement;
use crate::trust::compare::Comparison;
use crate::trust::judges::Judges;
use crate::trust::stability::Stability;

pub use crate::diagnostics::escape::{escape, escape_excerpt};

/// Output formats (`--format`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Tables and rustc-style diagnostics for people.
    Human,
    /// JSON for scripts.
    Json,
    /// CSV, safe to open in a spreadsheet.
    Csv,
    /// Markdown tables.
    Markdown,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

impl Format {
    /// The name as written on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Github => "github",
        }
    }
}

/// Writes pretty JSON followed by a newline.
pub fn json(out: &mut dyn std::io::Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    // The serializer writes each token on its own: into a buffer of its own type, not through
    // `dyn Write` a million times for a large edition.
    let mut buffered = io::BufWriter::with_capacity(64 * 1024, &mut *out);
    serde_json::to_writer_pretty(&mut buffered, value)?;
    buffered.flush()?;
    drop(buffered);
    writeln!(out)
}

/// One output format: how it prints each result value. A command asks for the renderer of the
/// format given on the command line and hands it its result; a format that has no form for a
/// value (checked by the command before any work) says so.
pub trait Renderer {
    /// `prize validate`: the findings and the summary.
    fn validation(&self, _out: &mut dyn Write, _validation: &Validation<'_>) -> io::Result<()> {
        Err(unsupported("validate"))
    }

    /// `prize progress`: the jury's progress with a round.
    fn progress(&self, _out: &mut dyn Write, _progress: &Progress<'_>) -> io::Result<()> {
        Err(unsupported("progress"))
    }

    /// `prize list`: the applications a filter keeps.
    fn listing(&self, _out: &mut dyn Write, _listing: &Listing<'_>) -> io::Result<()> {
        Err(unsupported("list"))
    }

    /// `prize stats`: the counts and the scoring coverage; `top` reasons of each kind.
    fn stats(&self, _out: &mut dyn Write, _stats: &Stats, _top: usize) -> io::Result<()> {
        Err(unsupported("stats"))
    }

    /// `prize assign`: the plan for a round and what became of its file.
    fn assigned(&self, _out: &mut dyn Write, _assigned: &Assigned<'_>) -> io::Result<()> {
        Err(unsupported("assign"))
    }

    /// `prize sheets`: the templates written for a round.
    fn templates_written(&self, _out: &mut dyn Write, _written: &TemplatesWritten<'_>) -> io::Result<()> {
        Err(unsupported("sheets"))
    }

    /// `prize scores import`: what became of each sheet, with its findings.
    fn sheets_imported(&self, _out: &mut dyn Write, _reports: &[Report]) -> io::Result<()> {
        Err(unsupported("scores import"))
    }

    /// `prize rank`: one round's ranking, per track or per group.
    fn ranking(&self, _out: &mut dyn Write, _standings: &Standings<'_>) -> io::Result<()> {
        Err(unsupported("rank"))
    }

    /// `prize winners`: every award decided from the last round.
    fn winners(&self, _out: &mut dyn Write, _awarded: &Awarded<'_>) -> io::Result<()> {
        Err(unsupported("winners"))
    }

    /// `prize explain`: every number behind one application's result.
    fn explanation(&self, _out: &mut dyn Write, _explanation: &Explanation) -> io::Result<()> {
        Err(unsupported("explain"))
    }

    /// `prize judges`: each judge's totals, leniency, offset, correlation, fit and flags.
    fn judges(&self, _out: &mut dyn Write, _judges: &Judges) -> io::Result<()> {
        Err(unsupported("judges"))
    }

    /// `prize agreement`: Krippendorff's α overall and per track, and the largest disagreements.
    fn agreement(&self, _out: &mut dyn Write, _agreement: &Agreement) -> io::Result<()> {
        Err(unsupported("agreement"))
    }

    /// `prize compare`: every method side by side on one round.
    fn comparison(&self, _out: &mut dyn Write, _comparison: &Comparison<'_>) -> io::Result<()> {
        Err(unsupported("compare"))
    }

    /// `prize stability`: the bootstrap over the jury and the leave-one-judge-out.
    fn stability(&self, _out: &mut dyn Write, _stability: &Stability<'_>) -> io::Result<()> {
        Err(unsupported("stability"))
    }

    /// `prize applications import`: what became of each row's file, with every problem.
    fn applications_imported(
        &self,
        _out: &mut dyn Write,
        _imported: &crate::intake::import::Imported,
    ) -> io::Result<()> {
        Err(unsupported("applications import"))
    }

    /// `prize feedback`: the letters written.
    fn feedback_written(&self, _out: &mut dyn Write, _letters: &crate::intake::feedback::Letters) -> io::Result<()> {
        Err(unsupported("feedback"))
    }
}

fn unsupported(command: &str) -> io::Error {
    io::Error::new(
        io::ErrorKind::Unsupported,
        format!("`prize {command}` has no form in this format"),
    )
}

/// The renderer of `format`; `color` and `quiet` shape the human form.
pub fn renderer(format: Format, color: bool, quiet: bool) -> Box<dyn Renderer> {
    match format {
        Format::Human => Box::new(human::Human { color, quiet }),
        Format::Json => Box::new(json::Json),
        Format::Csv => Box::new(csv::Csv),
        Format::Markdown => Box::new(markdown::Markdown { quiet }),
        Format::Github => Box::new(github::Github),
    }
}
