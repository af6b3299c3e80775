//! Score sheets judges send as workbooks (`.xlsx`, `.xlsm`, `.xlsb`, `.xls`, `.ods`), read with
//! calamine and checked exactly as a CSV sheet is.
//!
//! A worksheet's cells become the [`Record`]s the CSV reader makes, and
//! [`read::read_records`] checks them: the header mapping, the cell checks and the findings are
//! the CSV path's own. The records' spans point into a stand-in text with one line per worksheet
//! row and one character per column, so that every position the reader works out is the cell's
//! own row and column (both 1-based). Findings then name the cell (`D7`) in their message and
//! carry no source excerpt, since a workbook has no source line to show.
//!
//! A workbook is small text packed tight, so its size on disk says little about the memory it
//! takes: before anything is allocated for it, the zip's parts are held to [`MAX_XML_BYTES`]
//! decompressed, and a worksheet's declared dimension and each of its cells to [`MAX_ROWS`] and
//! [`MAX_COLUMNS`], and the cells its rows cover to [`MAX_CELLS`].

use std::borrow::Cow;
use std::fmt;
use std::io::{self, Cursor, Read};
use std::path::Path;

use calamine::{Data, Dimensions, ExcelDateTime, Reader, SheetType, Sheets, open_workbook_from_rs};

use super::cells::{Cell, Record};
use super::{ScoreSheet, read};
use crate::diagnostics::finding::Finding;
use crate::diagnostics::source::SourceFile;
use crate::model::config::Criterion;

/// The file extensions read as workbooks (any case); every other file is read as CSV.
pub const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Whether `path` names a workbook, by its extension.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|known| known.eq_ignore_ascii_case(e)))
}

/// The most rows a worksheet may declare or fill: a score sheet has one row per application.
pub const MAX_ROWS: u32 = 100_000;

/// The most columns a worksheet may declare or fill: a score sheet has one per criterion and a few.
pub const MAX_COLUMNS: u32 = 1_000;

/// The most cells a worksheet's rows may cover, each row counted up to its last value (10,000
/// applications of 50 columns, say): a sheet is read as a grid of that many cells at most.
pub const MAX_CELLS: usize = 500_000;

/// The most bytes a workbook's parts (its XML) may decompress to, all together.
pub const MAX_XML_BYTES: u64 = 64 << 20;

/// One worksheet's cells, as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Grid {
    /// The worksheet's name.
    pub sheet: String,
    /// The names of every worksheet of the workbook, in workbook order.
    pub sheets: Vec<String>,
    /// The rows from row 1, each with its cells from column A: a number in its shortest form
    /// (`7`, `7.5`), text trimmed, "" for an empty cell. Trailing empty cells are left out.
    pub rows: Vec<Vec<String>>,
}

/// Why a workbook gives no worksheet to read.
#[derive(Debug, PartialEq, Eq)]
pub enum OpenError {
    /// `--sheet` names no worksheet of the workbook.
    NoSuchSheet {
        /// The name asked for.
        name: String,
        /// The worksheets there are.
        sheets: Vec<String>,
    },
    /// The workbook holds no worksheet (only chart sheets, say).
    NoWorksheet,
    /// The file is not a workbook of the kind its extension says, or is damaged.
    Unreadable(String),
    /// The workbook is beyond one of the caps on its size; says which.
    TooLarge(String),
    /// A part of the workbook stopped decompressing: it holds more than its header declares
    /// (the zip reader stops at the declared size) or its data is damaged. Found while the
    /// sizes are checked, so it is a refused sheet as [`OpenError::TooLarge`] is.
    Damaged(String),
}

impl OpenError {
    /// Whether the workbook is a sheet refused for what it holds (exit 1), rather than a file
    /// the command could not read as a workbook at all (exit 2).
    pub fn refuses_sheet(&self) -> bool {
        matches!(self, OpenError::TooLarge(_) | OpenError::Damaged(_))
    }
}

/// The worksheets' names and calamine's reasons come from the file, so they are escaped.
impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use crate::diagnostics::escape::escape;
        match self {
            OpenError::NoSuchSheet { name, sheets } => {
                let names: Vec<String> = sheets.iter().map(|s| format!("`{}`", escape(s))).collect();
                let close = crate::load::fields::suggest(name, sheets.iter().map(String::as_str))
                    .map(|c| format!(" (did you mean `{}`?)", escape(c)))
                    .unwrap_or_default();
                let name = escape(name);
                write!(
                    f,
                    "no worksheet is named `{name}`{close}; the worksheets are {}",
                    names.join(", ")
                )
            }
            OpenError::NoWorksheet => f.write_str("the workbook has no worksheet"),
            OpenError::Unreadable(reason) | OpenError::Damaged(reason) => {
                write!(f, "not a readable workbook: {}", escape(reason))
            }
            OpenError::TooLarge(reason) => write!(f, "refused: {reason}"),
        }
    }
}

impl std::error::Error for OpenError {}

/// Reads the worksheet named `sheet` (its name as written, else the only one that matches
/// ignoring case), else the first worksheet, of the workbook in `bytes`. `path` says which kind
/// of workbook it is, by its extension. Formulas give their cached values.
pub fn open(path: &Path, bytes: Vec<u8>, sheet: Option<&str>) -> Result<Grid, OpenError> {
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_ascii_lowercase();
    let unreadable = |e: &dyn fmt::Display| OpenError::Unreadable(e.to_string());
    if extension != "xls" {
        // Every other kind is a zip; an xls is not compressed, so its size is its file's.
        check_zip(&bytes)?;
    }
    if extension == "ods" {
        check_ods(&bytes)?;
    }
    let cursor = Cursor::new(bytes);
    let mut book = match extension.as_str() {
        "xls" => Sheets::Xls(open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?),
        "xlsb" => Sheets::Xlsb(open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?),
        "ods" => Sheets::Ods(open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?),
        _ => Sheets::Xlsx(open_workbook_from_rs(cursor).map_err(|e| unreadable(&e))?),
    };
    let sheets: Vec<String> = book
        .sheets_metadata()
        .iter()
        .filter(|s| s.typ == SheetType::WorkSheet)
        .map(|s| s.name.clone())
        .collect();
    let name = match sheet {
        None => sheets.first().cloned().ok_or(OpenError::NoWorksheet)?,
        Some(wanted) => {
            let folded: Vec<&String> = sheets
                .iter()
                .filter(|s| s.to_lowercase() == wanted.to_lowercase())
                .collect();
            match (sheets.iter().find(|s| *s == wanted), folded.as_slice()) {
                (Some(exact), _) => exact.clone(),
                (None, [only]) => (*only).clone(),
                _ => {
                    return Err(OpenError::NoSuchSheet {
                        name: wanted.to_string(),
                        sheets,
                    });
                }
            }
        }
    };
    let cells = match &mut book {
        Sheets::Xlsx(x) => {
            let mut reader = x.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
            check_dimensions(reader.dimensions())?;
            let mut cells = Cells::default();
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                cells.push(cell.get_position(), &Data::from(cell.get_value().clone()))?;
            }
            cells
        }
        Sheets::Xlsb(x) => {
            let mut reader = x.worksheet_cells_reader(&name).map_err(|e| unreadable(&e))?;
            check_dimensions(reader.dimensions())?;
            let mut cells = Cells::default();
            while let Some(cell) = reader.next_cell().map_err(|e| unreadable(&e))? {
                cells.push(cell.get_position(), &Data::from(cell.get_value().clone()))?;
            }
            cells
        }
        // calamine offers no cell-by-cell reader for these: an ods was measured above, before
        // calamine built its ranges; an xls (not compressed, at most 65,536 × 256 cells) is
        // held to the caps once read.
        book => {
            let range = book.worksheet_range(&name).map_err(|e| unreadable(&e))?;
            let (Some(start), Some(end)) = (range.start(), range.end()) else {
                return Ok(Grid {
                    sheet: name,
                    sheets,
                    rows: Vec::new(),
                });
            };
            check_dimensions(Dimensions { start, end })?;
            let mut cells = Cells::default();
            for (r, row) in range.rows().enumerate() {
                for (c, value) in row.iter().enumerate() {
                    cells.push((start.0 + r as u32, start.1 + c as u32), value)?;
                }
            }
            cells
        }
    };
    let rows = cells.into_rows()?;
    Ok(Grid {
        sheet: name,
        sheets,
        rows,
    })
}

/// Refuses a zip whose parts decompress to more than [`MAX_XML_BYTES`]: first by the sizes its
/// directory declares, then by counting the bytes while decompressing, since a declared size
/// can lie. Nothing is kept of what is decompressed.
fn check_zip(bytes: &[u8]) -> Result<(), OpenError> {
    let unreadable = |e: &dyn fmt::Display| OpenError::Unreadable(e.to_string());
    let too_large = || {
        OpenError::TooLarge(format!(
            "its parts decompress to more than {} MiB, more than a score sheet can hold",
            MAX_XML_BYTES >> 20
        ))
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
        declared = declared.saturating_add(part.size());
        if declared > MAX_XML_BYTES {
            return Err(too_large());
        }
    }
    let mut left = MAX_XML_BYTES;
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let read =
            io::copy(&mut part.take(left + 1), &mut io::sink()).map_err(|e| OpenError::Damaged(e.to_string()))?;
        left = left.checked_sub(read).ok_or_else(too_large)?;
    }
    Ok(())
}

/// Refuses an ods whose worksheets calamine would build as ranges beyond the caps. calamine
/// reads every worksheet when it opens the file, each as the dense box around its values, and
/// `table:number-rows-repeated` and `table:number-columns-repeated` let a few bytes stand for
/// millions of cells; so the boxes are measured here first, streaming `content.xml` tag by tag.
fn check_ods(bytes: &[u8]) -> Result<(), OpenError> {
    let unreadable = |e: &dyn fmt::Display| OpenError::Unreadable(e.to_string());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let Ok(content) = zip.by_name("content.xml") else {
        // calamine says what is missing.
        return Ok(());
    };
    let mut reader = io::BufReader::new(content.take(MAX_XML_BYTES));
    let mut tag = Vec::new();
    let mut box_ = OdsBox::default();
    loop {
        let skipped = io::BufRead::skip_until(&mut reader, b'<').map_err(|e| unreadable(&e))?;
        if skipped == 0 {
            return Ok(());
        }
        tag.clear();
        io::BufRead::read_until(&mut reader, b'>', &mut tag).map_err(|e| unreadable(&e))?;
        let is = |name: &[u8]| {
            tag.strip_prefix(name)
                .is_some_and(|rest| matches!(rest.first(), Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/')))
        };
        if is(b"table:table") {
            box_ = OdsBox::default();
        } else if is(b"table:table-row") {
            box_.row_repeats = repeats(&tag, b"table:number-rows-repeated");
            box_.column = 0;
        } else if is(b"/table:table-row") {
            box_.row = box_.row.saturating_add(box_.row_repeats);
        } else if is(b"table:table-cell") || is(b"table:covered-table-cell") {
            let columns = repeats(&tag, b"table:number-columns-repeated");
            // A cell with a value, or with content inside it, may be taken for one.
            let empty = tag.ends_with(b"/>") && !contains(&tag, b"office:value-type=");
            if !empty {
                box_.take(box_.column, box_.column.saturating_add(columns - 1))?;
            }
            box_.column = box_.column.saturating_add(columns);
        }
    }
}

/// The box around the values of one ods worksheet so far, 0-based and inclusive.
#[derive(Default)]
struct OdsBox {
    /// The row the current `table:table-row` starts at.
    row: u64,
    /// How many rows the current `table:table-row` stands for.
    row_repeats: u64,
    /// The column the next cell starts at.
    column: u64,
    /// (first row, last row, first column, last column) of the values.
    values: Option<(u64, u64, u64, u64)>,
}

impl OdsBox {
    /// Takes values in columns `first..=last` of the current row (and its repeats).
    fn take(&mut self, first: u64, last: u64) -> Result<(), OpenError> {
        let bottom = self.row.saturating_add(self.row_repeats.max(1) - 1);
        let (top, _, left, right) = self.values.unwrap_or((self.row, bottom, first, last));
        let values = (top.min(self.row), bottom, left.min(first), right.max(last));
        self.values = Some(values);
        if values.1 >= u64::from(MAX_ROWS) || values.3 >= u64::from(MAX_COLUMNS) {
            let (row, column) = if values.1 >= u64::from(MAX_ROWS) {
                (values.1, last)
            } else {
                (bottom, values.3)
            };
            return Err(OpenError::TooLarge(format!(
                "cell {} is beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns a score sheet may have",
                cell_name(row as usize + 1, column as usize + 1)
            )));
        }
        let area = (values.1 - values.0 + 1).saturating_mul(values.3 - values.2 + 1);
        if area > MAX_CELLS as u64 {
            return Err(cover_error());
        }
        Ok(())
    }
}

/// The whole number of the attribute `name` in the tag `tag`, 1 when it is absent or no number
/// (calamine refuses what is no number).
fn repeats(tag: &[u8], name: &[u8]) -> u64 {
    let Some(at) = tag
        .windows(name.len() + 2)
        .position(|w| w.starts_with(name) && w.ends_with(b"=\""))
    else {
        return 1;
    };
    let digits = tag[at + name.len() + 2..].iter().take_while(|b| b.is_ascii_digit());
    let n = digits.fold(0u64, |n, &d| n.saturating_mul(10).saturating_add(u64::from(d - b'0')));
    n.max(1)
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// The A1 range of a dimension (`A1:XFD1048576`).
fn range_name(d: &Dimensions) -> String {
    let corner = |(row, column): (u32, u32)| cell_name(row as usize + 1, column as usize + 1);
    format!("{}:{}", corner(d.start), corner(d.end))
}

/// Refuses a worksheet that declares more rows or columns than [`MAX_ROWS`] and [`MAX_COLUMNS`].
fn check_dimensions(d: Dimensions) -> Result<(), OpenError> {
    if d.end.0 < MAX_ROWS && d.end.1 < MAX_COLUMNS {
        return Ok(());
    }
    Err(OpenError::TooLarge(format!(
        "the worksheet declares the range {}, beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns a score sheet \
         may have",
        range_name(&d)
    )))
}

/// The cells of a worksheet with a value, as text, checked against the caps as they come.
#[derive(Default)]
struct Cells {
    /// (row, column, text), both 0-based.
    cells: Vec<(u32, u32, String)>,
}

impl Cells {
    /// Takes the cell at `(row, column)`, 0-based; an empty one is left out.
    fn push(&mut self, (row, column): (u32, u32), value: &Data) -> Result<(), OpenError> {
        if row >= MAX_ROWS || column >= MAX_COLUMNS {
            return Err(OpenError::TooLarge(format!(
                "cell {} is beyond the {MAX_ROWS} rows and {MAX_COLUMNS} columns a score sheet may have",
                cell_name(row as usize + 1, column as usize + 1)
            )));
        }
        let text = text(value);
        if text.is_empty() {
            return Ok(());
        }
        if self.cells.len() >= MAX_CELLS {
            return Err(cover_error());
        }
        self.cells.push((row, column, text));
        Ok(())
    }

    /// The rows from row 1, each with its cells from column A up to its last value.
    fn into_rows(mut self) -> Result<Vec<Vec<String>>, OpenError> {
        self.cells.sort_by_key(|&(row, column, _)| (row, column));
        let height = self.cells.last().map_or(0, |&(row, _, _)| row as usize + 1);
        let mut widths = vec![0usize; height];
        for &(row, column, _) in &self.cells {
            widths[row as usize] = widths[row as usize].max(column as usize + 1);
        }
        if widths.iter().sum::<usize>() > MAX_CELLS {
            return Err(cover_error());
        }
        let mut rows: Vec<Vec<String>> = widths.iter().map(|&w| vec![String::new(); w]).collect();
        for (row, column, text) in self.cells {
            rows[row as usize][column as usize] = text;
        }
        Ok(rows)
    }
}

fn cover_error() -> OpenError {
    OpenError::TooLarge(format!(
        "the worksheet's rows cover more than {MAX_CELLS} cells, more than a score sheet has"
    ))
}

/// A cell's text, as the CSV reader would see it in a sheet.
fn text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.trim().to_string(),
        // The shortest form that reads back as the same number: 7.0 is `7`, as when stored.
        // Adding 0.0 makes -0 read `0`.
        Data::Float(x) => format!("{}", x + 0.0),
        Data::Int(n) => n.to_string(),
        Data::Bool(b) => (if *b { "TRUE" } else { "FALSE" }).to_string(),
        Data::DateTime(d) => date_text(d),
        Data::Error(e) => e.to_string(),
    }
}

/// A date or a time as text, so that it is never taken for a score (Excel turns `7.5` typed in
/// some locales into the 7th of May).
fn date_text(d: &ExcelDateTime) -> String {
    if d.is_duration() {
        let seconds = (d.as_f64() * 86_400.0).round();
        let whole = seconds.abs() as u64;
        let sign = if seconds < 0.0 { "-" } else { "" };
        return format!("{sign}{}:{:02}:{:02}", whole / 3600, whole / 60 % 60, whole % 60);
    }
    let (year, month, day, hour, minute, second, _) = d.to_ymd_hms_milli();
    if (hour, minute, second) == (0, 0, 0) {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
    }
}

/// The A1 name of a cell from its 1-based row and column (`D7`).
pub fn cell_name(row: usize, column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        n -= 1;
        letters.push(char::from(b'A' + (n % 26) as u8));
        n /= 26;
    }
    letters.iter().rev().collect::<String>() + &row.to_string()
}

/// Names the cell a finding points at in its message: `... (cell D7)`.
pub fn cite(finding: &mut Finding) {
    finding.excerpt = None;
    let cell = cell_name(finding.line, finding.column);
    finding.message = format!("{} (cell {cell})", finding.message);
}

fn is_blank(row: &[String]) -> bool {
    row.iter().all(String::is_empty)
}

/// Reads a worksheet's cells against the criteria, as [`ScoreSheet::from_bytes`] reads a CSV
/// file's: the same header mapping, cell checks and findings, at the worksheet's rows and
/// columns. Blank rows are skipped; the first row with a value is the header. A text cell `7,5`
/// is 7.5, as in a sheet whose delimiter is not a comma.
pub fn read(file: &str, round: &str, judge: &str, grid: &Grid, criteria: &[Criterion]) -> ScoreSheet {
    let header_width = grid.rows.iter().find(|r| !is_blank(r)).map_or(0, Vec::len);
    // Rows as wide as the header at least, so that a cell left out at the end of a short row
    // still has its own column.
    let widths: Vec<usize> = grid
        .rows
        .iter()
        .map(|r| if is_blank(r) { 0 } else { r.len().max(header_width) })
        .collect();
    let mut text = String::with_capacity(widths.iter().map(|w| w + 1).sum());
    let mut starts = Vec::with_capacity(widths.len());
    for &width in &widths {
        starts.push(text.len());
        text.extend(std::iter::repeat_n('.', width));
        text.push('\n');
    }
    let source = SourceFile::new(file, text);
    let records: Vec<Record<'_>> = grid
        .rows
        .iter()
        .zip(starts.iter().zip(&widths))
        .filter(|(row, _)| !is_blank(row))
        .map(|(row, (&start, &width))| Record {
            cells: (0..width)
                .map(|c| Cell {
                    value: Cow::Borrowed(row.get(c).map_or("", String::as_str)),
                    span: start + c..start + c + 1,
                    quoted: false,
                })
                .collect(),
            end: start + width,
        })
        .collect();
    let mut parsed = read::read_records(&source, criteria, records, true);
    for finding in &mut parsed.findings {
        if finding.code == read::MISSING_COLUMN.name {
            finding.excerpt = None;
            finding.message = format!("{} (worksheet `{}`)", finding.message, grid.sheet);
            if grid.sheets.len() > 1 {
                let others: Vec<String> = grid
                    .sheets
                    .iter()
                    .filter(|s| **s != grid.sheet)
                    .map(|s| format!("`{s}`"))
                    .collect();
                let help = finding.help.take().unwrap_or_default();
                finding.help = Some(format!(
                    "{help}; or name the worksheet to read with --sheet (the workbook also has {})",
                    others.join(", ")
                ));
            }
        } else {
            // The reader counts lines; a worksheet has rows.
            finding.message = finding.message.replace("(first on line ", "(first in row ");
            cite(finding);
        }
    }
    ScoreSheet {
        file: file.to_string(),
        round: round.to_string(),
        judge: judge.to_string(),
        rows: parsed.rows,
        rejected: parsed.rejected,
        findings: parsed.findings,
        // No text: a worksheet's rows are shown by their cells, not by a line.
        text: String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria() -> Vec<Criterion> {
        crate::load::sheet::test_criteria()
    }

    fn grid(rows: &[&[&str]]) -> Grid {
        Grid {
            sheet: "Scores".into(),
            sheets: vec!["Scores".into(), "Instructions".into()],
            rows: rows.iter().map(|r| r.iter().map(|c| c.to_string()).collect()).collect(),
        }
    }

    /// (code, row, column, message) of each finding.
    fn keys(sheet: &ScoreSheet) -> Vec<(&str, usize, usize, &str)> {
        sheet
            .findings
            .iter()
            .map(|f| (f.code.as_ref(), f.line, f.column, f.message.as_str()))
            .collect()
    }

    #[test]
    fn cell_names() {
        assert_eq!(cell_name(7, 3), "C7");
        assert_eq!(cell_name(1, 26), "Z1");
        assert_eq!(cell_name(1, 27), "AA1");
        assert_eq!(cell_name(2, 52), "AZ2");
        assert_eq!(cell_name(2, 53), "BA2");
        assert_eq!(cell_name(1, 16_384), "XFD1");
    }

    #[test]
    fn cells_become_text_as_a_csv_holds_it() {
        assert_eq!(text(&Data::Float(7.0)), "7");
        assert_eq!(text(&Data::Float(7.5)), "7.5");
        assert_eq!(text(&Data::Float(-0.0)), "0");
        assert_eq!(text(&Data::Float(0.1 + 0.2)), "0.30000000000000004");
        assert_eq!(text(&Data::Int(8)), "8");
        assert_eq!(text(&Data::String("  Good work \n".into())), "Good work");
        assert_eq!(text(&Data::Bool(true)), "TRUE");
        assert_eq!(text(&Data::Empty), "");
        assert_eq!(text(&Data::Error(calamine::CellErrorType::Div0)), "#DIV/0!");
        let may_7 = ExcelDateTime::new(46_149.0, calamine::ExcelDateTimeType::DateTime, false);
        assert_eq!(text(&Data::DateTime(may_7)), "2026-05-07");
        let half_day = ExcelDateTime::new(0.5, calamine::ExcelDateTimeType::TimeDelta, false);
        assert_eq!(text(&Data::DateTime(half_day)), "12:00:00");
    }

    #[test]
    fn a_clean_worksheet_with_blank_rows_and_informational_columns() {
        let g = grid(&[
            &[],
            &["application", "title", "impact", "design", "comment"],
            &["APP-1", "Safe routes", "8", "7.5", "Clear"],
            &[],
            &["APP-2"],
            &["APP-3", "", "7,5", "10"],
        ]);
        let sheet = read("ja.xlsx", "first", "ja", &g, &criteria());
        assert!(sheet.findings.is_empty(), "{:?}", sheet.findings);
        let rows: Vec<(usize, &str, Option<Vec<f64>>)> = sheet
            .rows
            .iter()
            .map(|r| (r.line, r.application.as_str(), r.scores.clone()))
            .collect();
        assert_eq!(
            rows,
            vec![
                (3, "APP-1", Some(vec![8.0, 7.5])),
                (5, "APP-2", None),
                (6, "APP-3", Some(vec![7.5, 10.0]))
            ]
        );
        assert_eq!(sheet.rows[0].comment, "Clear");
        let position = sheet.position(&sheet.rows[0]);
        assert_eq!((position.line, position.column), (3, 1));
        assert_eq!(position.excerpt, None);
    }

    #[test]
    fn findings_point_at_rows_and_columns_and_name_the_cell() {
        let g = grid(&[
            &["", "application", "impact", "design", "comment"],
            &["", "APP-1", "11", "5"],
            &["", "APP-2", "8"],
            &["", "APP-3", "abc", "5", "", "x"],
            &["", "APP-1", "1", "1"],
        ]);
        let sheet = read("ja.xlsx", "first", "ja", &g, &criteria());
        assert_eq!(
            keys(&sheet),
            vec![
                (
                    "score-out-of-range",
                    2,
                    3,
                    "score 11 for `impact` is outside 1–10 (cell C2)"
                ),
                ("incomplete-scores", 3, 4, "no score for `design` (cell D3)"),
                (
                    "unknown-column",
                    4,
                    6,
                    "this row has a value in column 6, but the header has 5 columns (cell F4)"
                ),
                ("score-not-number", 4, 3, "`abc` for `impact` is not a number (cell C4)"),
                (
                    "duplicate-score",
                    5,
                    2,
                    "`APP-1` is scored twice in this sheet (first in row 2) (cell B5)"
                ),
            ]
        );
        assert!(sheet.findings.iter().all(|f| f.excerpt.is_none()));
    }

    #[test]
    fn a_worksheet_without_the_header_names_itself_and_the_others() {
        let g = grid(&[&["Criterion", "Name"], &["impact", "Impact"]]);
        let sheet = read("ja.xlsx", "first", "ja", &g, &criteria());
        let f = &sheet.findings[0];
        assert_eq!((f.code.as_ref(), f.line, f.column), ("unknown-column", 1, 1));
        let missing: Vec<&Finding> = sheet.findings.iter().filter(|f| f.code == "missing-column").collect();
        assert_eq!(missing.len(), 3);
        assert_eq!(
            missing[0].message,
            "the sheet has no `application` column (worksheet `Scores`)"
        );
        assert!(
            missing[0]
                .help
                .as_deref()
                .unwrap_or_default()
                .ends_with("or name the worksheet to read with --sheet (the workbook also has `Instructions`)"),
            "{:?}",
            missing[0].help
        );
        let empty = read("ja.xlsx", "first", "ja", &grid(&[&[], &[""]]), &criteria());
        assert_eq!(
            keys(&empty),
            vec![(
                "missing-column",
                1,
                1,
                "the sheet is empty: it has no header line (worksheet `Scores`)"
            )]
        );
    }

    #[test]
    fn workbooks_by_extension() {
        assert!(is_workbook(Path::new("ja.xlsx")));
        assert!(is_workbook(Path::new("dir/JA.ODS")));
        assert!(!is_workbook(Path::new("ja.csv")));
        assert!(!is_workbook(Path::new("xlsx")));
    }

    #[test]
    fn worksheet_names_are_printed_escaped() {
        let err = OpenError::NoSuchSheet {
            name: "Scores".into(),
            sheets: vec!["\u{1b}[31mScores".into()],
        };
        assert_eq!(
            err.to_string(),
            "no worksheet is named `Scores`; the worksheets are `\\u{1b}[31mScores`"
        );
    }

    #[test]
    fn a_file_that_is_no_workbook() {
        let err = open(Path::new("ja.xlsx"), b"application,impact\n".to_vec(), None).unwrap_err();
        assert!(matches!(err, OpenError::Unreadable(_)), "{err:?}");
    }
}
