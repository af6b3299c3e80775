//! Score sheets as read: one judge's rows for one round.

use crate::diagnostics::finding::{Finding, Position};
use crate::diagnostics::source::capped_excerpt;

/// One judge's sheet for one round, as read.
#[derive(Clone, Debug, Default)]
pub struct ScoreSheet {
    /// Path relative to the archive root (`scores/first/j-kim.csv`), or as given to `import`.
    pub file: String,
    /// Round id.
    pub round: String,
    /// Judge id.
    pub judge: String,
    /// The rows that parsed without error, in sheet order; the second row for an application
    /// already scored in this sheet is not among them (it is a `duplicate-score` finding).
    pub rows: Vec<SheetRow>,
    /// Rows with an error in a cell, kept (with `scores: None`) so that their application ids
    /// are still checked; never scored.
    pub rejected: Vec<SheetRow>,
    /// Every problem of the sheet, with the sheet's own line numbers.
    pub findings: Vec<Finding>,
    /// The sheet's text as read (empty for a worksheet): a row's line is cut from it only for
    /// the rows a later finding names, not copied for every row.
    pub text: String,
}

/// One row of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// 1-based line of the row in the sheet.
    pub line: usize,
    /// The application id, trimmed.
    pub application: String,
    /// 1-based character column of the application cell, for findings made later (conflicts,
    /// not competing): [`ScoreSheet::position`] makes their position.
    pub column: usize,
    /// The application cell's bytes in the sheet's text.
    pub span: std::ops::Range<usize>,
    /// The scores, one per criterion in prize.toml order; `None` when the row is not scored
    /// (every criterion cell blank).
    pub scores: Option<Vec<f64>>,
    /// The judge's comment, kept as written.
    pub comment: String,
}

impl ScoreSheet {
    /// Where a row's application cell is, with the row's line of the sheet as its excerpt.
    pub fn position(&self, row: &SheetRow) -> Position {
        Position {
            line: row.line,
            column: row.column,
            excerpt: (!self.text.is_empty())
                .then(|| capped_excerpt(&self.text, &row.span))
                .flatten(),
        }
    }

    /// Rows with a score (every criterion filled in, no error).
    pub fn scored(&self) -> impl Iterator<Item = &SheetRow> {
        self.rows.iter().filter(|r| r.scores.is_some())
    }
}
