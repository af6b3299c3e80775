//! Reading a form or portal export: a CSV file in any encoding and delimiter that `scores
//! import` reads, or the first worksheet (or the one named) of a workbook, into a header and
//! rows of text, each row numbered as a spreadsheet numbers it (the header is row 1).

use std::path::Path;

use encoding_rs::Encoding;

use crate::diagnostics::finding::Finding;
use crate::diagnostics::source::SourceFile;
use crate::load::sheet::cells;
use crate::load::sheet::decode;
use crate::load::sheet::read::{CSV_SYNTAX, MISSING_COLUMN, syntax_finding};
use crate::load::sheet::spreadsheet::{self, Grid};

/// One row of an export.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The row as a spreadsheet numbers it (the header is row 1 when it is the first line).
    pub number: usize,
    /// The cells, trimmed, one per header column ("" when blank or missing).
    pub cells: Vec<String>,
}

/// An export, read.
#[derive(Clone, Debug, Default)]
pub struct Export {
    /// The file as given on the command line.
    pub file: String,
    /// Whether it is a workbook (findings then name the cell, `E7`).
    pub workbook: bool,
    /// The header's cells, trimmed.
    pub headers: Vec<String>,
    /// The rows after the header that hold a value, in order.
    pub rows: Vec<Row>,
    /// Why the file, or some of its rows, could not be read (each an error).
    pub findings: Vec<Finding>,
}

/// Reads a CSV export from its bytes: decoded as `scores import` decodes a sheet (a byte-order
/// mark decides, else `encoding`, else UTF-8), its delimiter detected, read strictly.
pub fn from_csv(file: &str, bytes: &[u8], encoding: Option<&'static Encoding>) -> Export {
    let mut export = Export {
        file: file.to_string(),
        ..Export::default()
    };
    let text = match decode::decode(file, bytes, encoding) {
        Ok(text) => decode::normalise_line_ends(&text),
        Err(mut finding) => {
            // The advice names the command the user ran.
            finding.help = finding
                .help
                .map(|h| h.replace("prize scores import", "prize applications import"));
            export.findings.push(*finding);
            return export;
        }
    };
    let source = SourceFile::new(file, text);
    let delimiter = cells::detect_delimiter(&source.text);
    let (records, broken) = cells::records(&source.text, delimiter);
    export
        .findings
        .extend(broken.iter().map(|b| syntax_finding(&source, b.syntax)));
    let rows = RowNumbers::of(&source.text);
    let mut records = records.into_iter();
    let Some(header) = records.next() else {
        if export.findings.is_empty() {
            export
                .findings
                .push(MISSING_COLUMN.at(&source, 0..0, "the export is empty: it has no header row"));
        }
        return export;
    };
    export.headers = header.cells.iter().map(|c| c.trimmed().to_string()).collect();
    let width = export.headers.len();
    for record in records {
        if record.is_blank() {
            continue;
        }
        if let Some((i, cell)) = record
            .cells
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.trimmed().is_empty())
        {
            export.findings.push(
                CSV_SYNTAX
                    .at(
                        &source,
                        cell.span.clone(),
                        format!(
                            "this row has a value in column {}, but the header has {width} columns",
                            i + 1
                        ),
                    )
                    .with_help("quote a cell that holds the delimiter (`\"Seoul, Korea\"`), or delete the value"),
            );
            continue;
        }
        let mut cells: Vec<String> = record
            .cells
            .iter()
            .take(width)
            .map(|c| c.trimmed().to_string())
            .collect();
        cells.resize(width, String::new());
        export.rows.push(Row {
            number: rows.at(record.start()),
            cells,
        });
    }
    export
}

/// Reads a workbook's worksheet (see [`spreadsheet::open`]): the first row with a value is the
/// header; a column with values but no header is named by its letter.
pub fn from_grid(file: &str, grid: &Grid) -> Export {
    let mut export = Export {
        file: file.to_string(),
        workbook: true,
        ..Export::default()
    };
    let blank = |r: &Vec<String>| r.iter().all(String::is_empty);
    let Some(first) = grid.rows.iter().position(|r| !blank(r)) else {
        export.findings.push(MISSING_COLUMN.in_file(
            file,
            format!("the worksheet `{}` is empty: it has no header row", grid.sheet),
        ));
        return export;
    };
    let width = grid.rows.iter().map(Vec::len).max().unwrap_or(0);
    export.headers = (0..width)
        .map(|i| grid.rows[first].get(i).cloned().unwrap_or_default())
        .collect();
    for (i, row) in grid.rows.iter().enumerate().skip(first + 1) {
        if blank(row) {
            continue;
        }
        let mut cells = row.clone();
        cells.resize(width, String::new());
        export.rows.push(Row { number: i + 1, cells });
    }
    export
}

/// Reads `path` (its bytes already read) as a workbook or as CSV, by its extension.
pub fn read(
    path: &Path,
    shown: &str,
    bytes: Vec<u8>,
    encoding: Option<&'static Encoding>,
    sheet: Option<&str>,
) -> Result<Export, spreadsheet::OpenError> {
    if spreadsheet::is_workbook(path) {
        Ok(from_grid(shown, &spreadsheet::open(path, bytes, sheet)?))
    } else {
        Ok(from_csv(shown, &bytes, encoding))
    }
}

/// Where each spreadsheet row of a CSV text starts: after every line end outside quotes, so
/// that a cell holding line breaks stays one row, as a spreadsheet shows it.
struct RowNumbers(Vec<usize>);

impl RowNumbers {
    fn of(text: &str) -> RowNumbers {
        let mut starts = vec![0];
        let mut quoted = false;
        for (i, b) in text.bytes().enumerate() {
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => starts.push(i + 1),
                _ => {}
            }
        }
        RowNumbers(starts)
    }

    /// The 1-based row that starts at or before `offset`.
    fn at(&self, offset: usize) -> usize {
        self.0.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_numbered_as_a_spreadsheet_numbers_them() {
        let csv = "Name;Summary\n\nA;\"two\nlines\"\nB;x\n";
        let export = from_csv("e.csv", csv.as_bytes(), None);
        assert!(export.findings.is_empty(), "{:?}", export.findings);
        assert_eq!(export.headers, ["Name", "Summary"]);
        // Row 2 is empty; A's summary spans two lines but is one row (3); B is row 4.
        assert_eq!(
            export.rows,
            [
                Row {
                    number: 3,
                    cells: vec!["A".into(), "two\nlines".into()]
                },
                Row {
                    number: 4,
                    cells: vec!["B".into(), "x".into()]
                },
            ]
        );
    }

    #[test]
    fn a_value_beyond_the_header_is_a_syntax_error() {
        let export = from_csv("e.csv", b"a,b\n1,2,3\n", None);
        assert_eq!(export.findings.len(), 1);
        assert_eq!(export.findings[0].code, "csv-syntax");
        assert_eq!((export.findings[0].line, export.findings[0].column), (2, 5));
        assert!(export.rows.is_empty());
    }
}
