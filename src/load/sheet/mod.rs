//! Score sheets (`scores/<round>/<judge>.csv`, and the files judges send to `prize scores
//! import`): decoding, delimiter and header detection, and the checks of each cell.
//!
//! [`decode`] turns bytes into text, [`cells`] splits it into cells with their positions,
//! [`read`] checks the header and every cell against the criteria, [`load`] finds and reads the
//! archive's sheets, [`write`] gives the canonical form, and [`import`] stores a judge's file.
//! [`spreadsheet`] reads the workbooks judges send (`.xlsx`, `.ods`) through the same checks, and
//! [`template`] writes the blank sheets judges are sent.

pub mod cells;
pub mod decode;
pub mod load;
pub mod read;
pub mod spreadsheet;

use encoding_rs::Encoding;

use crate::diagnostics::finding::{Finding, Position};
use crate::diagnostics::source::SourceFile;
use crate::load::config::Criterion;

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
}

/// One row of a sheet.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetRow {
    /// 1-based line of the row in the sheet.
    pub line: usize,
    /// The application id, trimmed.
    pub application: String,
    /// Where the application cell is, for findings made later (conflicts, not competing).
    pub position: Position,
    /// The scores, one per criterion in prize.toml order; `None` when the row is not scored
    /// (every criterion cell blank).
    pub scores: Option<Vec<f64>>,
    /// The judge's comment, kept as written.
    pub comment: String,
}

impl ScoreSheet {
    /// Reads a sheet from its bytes: decoded (see [`decode::decode`]; `encoding` is used when
    /// there is no byte-order mark), then read against the criteria. `file` is the path findings
    /// name.
    pub fn from_bytes(
        file: &str,
        round: &str,
        judge: &str,
        bytes: &[u8],
        encoding: Option<&'static Encoding>,
        criteria: &[Criterion],
    ) -> ScoreSheet {
        let mut sheet = ScoreSheet {
            file: file.to_string(),
            round: round.to_string(),
            judge: judge.to_string(),
            ..ScoreSheet::default()
        };
        match decode::decode(file, bytes, encoding) {
            Ok(text) => {
                let source = SourceFile::new(file, decode::normalise_line_ends(&text));
                let parsed = read::read(&source, criteria);
                sheet.rows = parsed.rows;
                sheet.rejected = parsed.rejected;
                sheet.findings = parsed.findings;
            }
            Err(finding) => sheet.findings.push(*finding),
        }
        sheet
    }

    /// Rows with a score (every criterion filled in, no error).
    pub fn scored(&self) -> impl Iterator<Item = &SheetRow> {
        self.rows.iter().filter(|r| r.scores.is_some())
    }
}

/// The finding codes made while reading a score sheet and while finding it (the checks of a
/// sheet against the roster and the assignments define their own, in `check::sheets`).
pub const CODES: &[&crate::diagnostics::codes::Code] = &[
    &read::UNKNOWN_COLUMN,
    &read::MISSING_COLUMN,
    &read::DUPLICATE_SCORE,
    &read::SCORE_NOT_NUMBER,
    &read::SCORE_OUT_OF_RANGE,
    &read::INCOMPLETE_SCORES,
    &read::CSV_SYNTAX,
    &load::UNKNOWN_JUDGE,
    &load::STRAY_FILE,
];

/// The two criteria the sheet modules' unit tests use: impact (1–10, weight 2) and design
/// (0–10, weight 1, named "Project design").
#[cfg(test)]
pub(crate) fn test_criteria() -> Vec<crate::load::config::Criterion> {
    use crate::load::config::Criterion;
    vec![
        Criterion {
            id: "impact".into(),
            name: "Impact".into(),
            weight: 2.0,
            min: 1.0,
            max: 10.0,
        },
        Criterion {
            id: "design".into(),
            name: "Project design".into(),
            weight: 1.0,
            min: 0.0,
            max: 10.0,
        },
    ]
}
