//! Renderers: the same result values printed as human text, JSON, CSV, Markdown or GitHub
//! workflow commands.

pub mod diagnostics;
pub mod github;
pub mod table;

use clap::ValueEnum;

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
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}
