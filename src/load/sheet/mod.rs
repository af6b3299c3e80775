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

use crate::diagnostics::source::SourceFile;
use crate::model::config::Criterion;
use crate::model::sheet::{ScoreSheet, SheetRow};

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
                sheet.text = source.text;
            }
            Err(finding) => sheet.findings.push(*finding),
        }
        sheet
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
    &crate::load::files::STRAY_FILE,
];

/// The two criteria the sheet modules' unit tests use: impact (1–10, weight 2) and design
/// (0–10, weight 1, named "Project design").
#[cfg(test)]
pub(crate) fn test_criteria() -> Vec<crate::model::config::Criterion> {
    use crate::model::config::Criterion;
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
