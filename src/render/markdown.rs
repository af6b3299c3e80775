//! Markdown: headings and pipe tables to paste into an issue, a wiki or minutes.

use std::io::{self, Write};

use super::Renderer;
use crate::report::awards::Awarded;
use crate::report::progress::Progress;

/// Markdown output.
pub struct Markdown;

impl Renderer for Markdown {
    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::human::progress_text(out, progress, true)
    }

    fn winners(&self, out: &mut dyn Write, w: &Awarded<'_>) -> io::Result<()> {
        super::csv::winner_rows(out, w, false)
    }
}
