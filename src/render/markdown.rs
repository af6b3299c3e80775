//! Markdown: headings and pipe tables to paste into an issue, a wiki or minutes.

use std::io::{self, Write};

use super::Renderer;
use crate::report::progress::Progress;

/// Markdown output.
pub struct Markdown;

impl Renderer for Markdown {
    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::human::progress_text(out, progress, true)
    }
}
