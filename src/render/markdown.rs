//! Markdown: headings and pipe tables to paste into an issue, a wiki or minutes.

use std::io::{self, Write};

use super::{Format, Renderer};
use crate::report::awards::Awarded;
use crate::report::listing::Listing;
use crate::report::progress::Progress;
use crate::report::standings::Standings;
use crate::report::stats::Stats;
use crate::trust::agreement::Agreement;
use crate::trust::compare::Comparison;
use crate::trust::judges::Judges;
use crate::trust::stability::Stability;

/// Markdown output; `quiet` (`-q`) leaves out the legends.
pub struct Markdown {
    /// `-q`.
    pub quiet: bool,
}

impl Renderer for Markdown {
    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::human::progress_text(out, progress, true)
    }

    fn listing(&self, out: &mut dyn Write, listing: &Listing<'_>) -> io::Result<()> {
        super::human::listing_table(out, listing, Format::Markdown, self.quiet)
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats, top: usize) -> io::Result<()> {
        super::human::stats_tables(out, stats, top, Format::Markdown)
    }

    fn ranking(&self, out: &mut dyn Write, standings: &Standings<'_>) -> io::Result<()> {
        super::human::ranking_text(out, standings, Format::Markdown, self.quiet)
    }

    fn winners(&self, out: &mut dyn Write, w: &Awarded<'_>) -> io::Result<()> {
        super::csv::winner_rows(out, w, false)
    }

    fn judges(&self, out: &mut dyn Write, judges: &Judges) -> io::Result<()> {
        super::human::judges_text(out, judges, Format::Markdown, self.quiet)
    }

    fn agreement(&self, out: &mut dyn Write, agreement: &Agreement) -> io::Result<()> {
        super::human::agreement_text(out, agreement, Format::Markdown, self.quiet)
    }

    fn comparison(&self, out: &mut dyn Write, c: &Comparison<'_>) -> io::Result<()> {
        super::human::comparison_text(out, c, Format::Markdown)
    }

    fn stability(&self, out: &mut dyn Write, s: &Stability<'_>) -> io::Result<()> {
        super::human::stability_text(out, s, Format::Markdown)
    }
}
