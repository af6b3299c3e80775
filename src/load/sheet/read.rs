//! Reading a decoded sheet against the criteria: the header's columns, then every row's cells.

use std::borrow::Cow;

use rustc_hash::FxHashMap;

use super::SheetRow;
use super::cells::{self, Cell, Record};
use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::fields;
use crate::load::ids::UNKNOWN_APPLICATION;
use crate::model::config::Criterion;

/// `unknown-column`: a header cell that names nothing, a column twice, or cells past the header.
pub static UNKNOWN_COLUMN: Code = Code {
    name: "unknown-column",
    severity: Severity::Error,
    summary: "a sheet column that is not a criterion, `application` or `comment`, or a column twice",
    explanation: "\
A score sheet's header holds `application` (or `id`, `application_id`), one column per
criterion named by its id or its name (case and surrounding space ignored), and optionally
`comment`, `title` and `applicant`. Any other column is an error, since a misspelt criterion
would otherwise be read as no score at all; the closest known column is suggested. The same
column twice (say a criterion by its id and again by its name) is an error too, and so is a
row with a value past the last column of the header, or under a column with no header.

### Example

    application,impact,desing,comment
    SSCP-2026-0001,8,7,

### How to fix

    application,impact,design,comment
",
};

/// `missing-column`: a criterion (or the application) has no column.
pub static MISSING_COLUMN: Code = Code {
    name: "missing-column",
    severity: Severity::Error,
    summary: "a score sheet lacks the `application` column or a criterion's column",
    explanation: "\
Every criterion of prize.toml needs a column in every score sheet, and the sheet needs an
`application` column to say which application each row scores. An empty file has no header at
all. The finding points at the header line.

### Example

    application,impact,comment          # prize.toml also defines `design`

### How to fix

Add the column, and a score in it for every scored row:

    application,impact,design,comment
",
};

/// `duplicate-score`: the same application twice in one sheet.
pub static DUPLICATE_SCORE: Code = Code {
    name: "duplicate-score",
    severity: Severity::Error,
    summary: "a sheet scores the same application twice",
    explanation: "\
A judge gives one set of scores per application and round. When a sheet has two rows for the
same application, the second is reported (the first is kept as read) and the sheet cannot be
imported until one is removed, since `prize` cannot know which the judge meant.

### Example

    application,impact,design,comment
    SSCP-2026-0001,8,7,
    SSCP-2026-0001,6,7,second thoughts

### How to fix

Keep the row the judge meant and delete the other.
",
};

/// `score-not-number`: a score cell that is not a finite number.
pub static SCORE_NOT_NUMBER: Code = Code {
    name: "score-not-number",
    severity: Severity::Error,
    summary: "a score that is not a finite number",
    explanation: "\
A criterion cell holds text that is not a number (`abc`, `8/10`), or a number that is not finite
(`nan`, `inf`, `1e400`). Decimals take a point (`7.5`); a decimal comma (`7,5`) is accepted
only when the sheet's delimiter is a semicolon or a tab, since with commas `7,5` is two cells
(or, quoted, text).

### Example

    application,impact,design
    SSCP-2026-0001,\"7,5\",n/a

### How to fix

    SSCP-2026-0001,7.5,6
",
};

/// `score-out-of-range`: a score outside the criterion's `[min, max]`.
pub static SCORE_OUT_OF_RANGE: Code = Code {
    name: "score-out-of-range",
    severity: Severity::Error,
    summary: "a score outside its criterion's [min, max]",
    explanation: "\
Each criterion has a `min` (default 0) and a `max` (default 10) in prize.toml, both included.
A score outside them is usually a slip (`80` for `8`) or a sheet filled in on another scale.

### Example

    [[criteria]]
    id = \"impact\"
    min = 1
    max = 10

    application,impact
    SSCP-2026-0001,80

### How to fix

    SSCP-2026-0001,8
",
};

/// `incomplete-scores`: a row with some criterion cells blank.
pub static INCOMPLETE_SCORES: Code = Code {
    name: "incomplete-scores",
    severity: Severity::Error,
    summary: "a row scores some criteria and leaves others blank",
    explanation: "\
A row whose criterion cells are all blank means \"not scored\" and is skipped (templates list
every assigned application). A row with some cells filled and others blank cannot be totalled:
the finding points at the first blank cell and names every criterion left blank.

### Example

    application,impact,design,comment
    SSCP-2026-0001,8,,

### How to fix

Give every criterion a score, or clear the row's scores to leave it unscored.
",
};

/// `csv-syntax`: the sheet is not strict CSV.
pub static CSV_SYNTAX: Code = Code {
    name: "csv-syntax",
    severity: Severity::Error,
    summary: "a score sheet is not strict CSV: a quote out of place, or more cells than the header",
    explanation: "\
Score sheets are read strictly (RFC 4180), because a reader that guesses can lose scores
without a word: one stray double quote would otherwise turn the rows after it into one long
comment. So each of these is an error at its line and column, and the row is not read:

- a quoted cell that is never closed (the rest of the file would be one cell, so reading
  stops there; rows before it are still checked);
- text after a quoted cell's closing quote (`\"good\" work`), often the end of a cell that a
  quote lines before opened by mistake: the message names the line where it opened;
- a quote inside a cell that does not start with one (`the \"best\" one`);
- a row with more cells than the header (empty cells at the end of a row aside), usually a
  comment holding the delimiter without quotes.

Spaces before an opening quote and after a closing one are allowed.

### Example

    application,impact,design,comment
    SSCP-2026-0001,8,7,\"Strong uptake
    SSCP-2026-0002,6,5,the \"best\" one
    SSCP-2026-0003,6,5,good, not great

### How to fix

Quote a cell that holds a quote, the delimiter or a line break, and double every quote inside
it:

    SSCP-2026-0001,8,7,Strong uptake
    SSCP-2026-0002,6,5,\"the \"\"best\"\" one\"
    SSCP-2026-0003,6,5,\"good, not great\"
",
};

/// What a header cell names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Application,
    Criterion(usize),
    Comment,
    /// `title`, `applicant`: for the judge's convenience, never checked.
    Informational,
    /// A header cell left empty: its cells must be blank.
    Unnamed,
    /// Reported in the header (unknown, or twice): its cells are not read.
    Refused,
}

/// A sheet read against the criteria.
#[derive(Debug, Default)]
pub struct Parsed {
    /// Rows without any error, in sheet order.
    pub rows: Vec<SheetRow>,
    /// Rows with an error in a cell (scores `None`), kept so their application ids are still
    /// checked; the second row of a duplicated application is in neither list.
    pub rejected: Vec<SheetRow>,
    /// The delimiter found (0 for a worksheet's rows).
    pub delimiter: u8,
    /// Every problem, in sheet order.
    pub findings: Vec<Finding>,
}

/// The header's columns.
struct Header {
    columns: Vec<Column>,
    application: Option<usize>,
    /// The column of each criterion, in prize.toml order.
    criteria: Vec<Option<usize>>,
    comment: Option<usize>,
}

const APPLICATION_HEADERS: &[&str] = &["application", "id", "application_id"];
const INFORMATIONAL_HEADERS: &[&str] = &["title", "applicant"];

/// Reads a sheet whose text has `\n` line ends (see [`super::decode::normalise_line_ends`]).
/// A record that is not strict CSV is a `csv-syntax` finding and is not read; when it is the
/// header, that finding is the only one.
pub fn read(file: &SourceFile, criteria: &[Criterion]) -> Parsed {
    let delimiter = cells::detect_delimiter(&file.text);
    let (mut records, broken) = cells::records(&file.text, delimiter);
    let header_broken = broken
        .first()
        .is_some_and(|b| records.first().is_none_or(|header| b.record < header.start()));
    let mut syntax: Vec<Finding> = broken.iter().map(|b| syntax_finding(file, b.syntax)).collect();
    if header_broken {
        syntax.truncate(1);
        return Parsed {
            delimiter,
            findings: syntax,
            ..Parsed::default()
        };
    }
    // Cells past the header's are a delimiter too many, not a column: the row is not read.
    let width = records.first().map_or(0, |header| header.cells.len());
    records.retain(|record| {
        let extra = record
            .cells
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.trimmed().is_empty());
        let Some((i, cell)) = extra else { return true };
        syntax.push(
            CSV_SYNTAX
                .at(
                    file,
                    cell.span.clone(),
                    format!(
                        "this row has a value in column {}, but the header has {width} columns",
                        i + 1
                    ),
                )
                .with_help("quote a cell that holds the delimiter (`\"good, not great\"`), or delete the value"),
        );
        false
    });
    let mut parsed = read_records(file, criteria, records, delimiter != b',');
    parsed.delimiter = delimiter;
    parsed.findings.extend(syntax);
    parsed
}

/// The `csv-syntax` finding of a record that is not strict CSV.
pub fn syntax_finding(file: &SourceFile, syntax: cells::Syntax) -> Finding {
    const DOUBLED: &str =
        "a cell that holds a quote is quoted, and the quote written twice: `\"the \"\"best\"\" one\"`";
    match syntax {
        cells::Syntax::Unclosed { quote } => CSV_SYNTAX
            .at(file, quote..quote + 1, "this quoted cell is never closed")
            .with_help("close it with `\"`; a quote inside a quoted cell is written twice (`\"\"`)"),
        cells::Syntax::AfterQuote { at, quote } => {
            let (opened, _) = file.line_col(quote);
            let (line, _) = file.line_col(at);
            let width = file.text[at..].chars().next().map_or(1, char::len_utf8);
            let finding = if opened == line {
                CSV_SYNTAX.at(file, at..at + width, "text after the closing quote of a quoted cell")
            } else {
                CSV_SYNTAX.at(
                    file,
                    at..at + width,
                    format!(
                        "text after the closing quote of a cell that opened on line {opened}: the lines between \
                         were read as that one cell"
                    ),
                )
            };
            let help = if opened == line {
                DOUBLED.to_string()
            } else {
                format!("if the quote on line {opened} is not meant to open a quoted cell, {DOUBLED}")
            };
            finding.with_help(help)
        }
        cells::Syntax::StrayQuote { at } => CSV_SYNTAX
            .at(file, at..at + 1, "a quote inside a cell that is not quoted")
            .with_help(DOUBLED),
    }
}

/// Reads a sheet already split into records, the first being the header: a CSV's lines, or a
/// worksheet's rows (see [`super::spreadsheet`]). `file` is what the records' spans point into;
/// with `decimal_comma`, `7,5` is 7.5.
pub fn read_records<'t>(
    file: &SourceFile,
    criteria: &[Criterion],
    records: Vec<Record<'t>>,
    decimal_comma: bool,
) -> Parsed {
    let mut parsed = Parsed::default();
    let mut records = records.into_iter();
    match records.next() {
        None => parsed.findings.push(
            MISSING_COLUMN
                .at(file, 0..0, "the sheet is empty: it has no header line")
                .with_help(header_help(criteria)),
        ),
        Some(first) => {
            let header = header(file, criteria, &first, &mut parsed.findings);
            let mut rows = Rows {
                file,
                criteria,
                header: &header,
                decimal_comma,
                seen: FxHashMap::default(),
            };
            for record in records {
                rows.row(&record, &mut parsed);
            }
        }
    }
    // A large edition keeps half a million rows in memory.
    parsed.rows.shrink_to_fit();
    parsed
}

fn header_help(criteria: &[Criterion]) -> String {
    let ids: Vec<&str> = criteria.iter().map(|c| c.id.as_str()).collect();
    format!(
        "the first line must name the columns: application,{},comment",
        ids.join(",")
    )
}

fn header(file: &SourceFile, criteria: &[Criterion], record: &Record, findings: &mut Vec<Finding>) -> Header {
    let mut header = Header {
        columns: Vec::with_capacity(record.cells.len()),
        application: None,
        criteria: vec![None; criteria.len()],
        comment: None,
    };
    let known: Vec<&str> = APPLICATION_HEADERS[..1]
        .iter()
        .copied()
        .chain(criteria.iter().flat_map(|c| [c.id.as_str(), c.name.as_str()]))
        .chain(["comment", "title", "applicant"])
        .collect();
    for (i, cell) in record.cells.iter().enumerate() {
        let name = cell.trimmed();
        let key = name.to_lowercase();
        let column = if key.is_empty() {
            Column::Unnamed
        } else if APPLICATION_HEADERS.contains(&key.as_str()) {
            Column::Application
        } else if key == "comment" {
            Column::Comment
        } else if INFORMATIONAL_HEADERS.contains(&key.as_str()) {
            Column::Informational
        } else if let Some(c) = criteria
            .iter()
            .position(|c| c.id.to_lowercase() == key)
            .or_else(|| criteria.iter().position(|c| c.name.trim().to_lowercase() == key))
        {
            Column::Criterion(c)
        } else {
            let help = fields::did_you_mean(name, known.iter().copied(), || header_help(criteria));
            findings.push(
                UNKNOWN_COLUMN
                    .at(file, cell.span.clone(), format!("unknown column `{name}`"))
                    .with_help(help),
            );
            Column::Refused
        };
        let first = match column {
            Column::Application => header.application.replace(i),
            Column::Criterion(c) => header.criteria[c].replace(i),
            Column::Comment => header.comment.replace(i),
            Column::Informational => record.cells[..i]
                .iter()
                .position(|earlier| earlier.trimmed().to_lowercase() == key),
            Column::Unnamed | Column::Refused => None,
        };
        let column = match first {
            Some(earlier) => {
                // Keep the first: put back what `replace` took.
                match column {
                    Column::Application => header.application = Some(earlier),
                    Column::Criterion(c) => header.criteria[c] = Some(earlier),
                    Column::Comment => header.comment = Some(earlier),
                    _ => {}
                }
                let what = match column {
                    Column::Criterion(c) => format!("criterion `{}`", criteria[c].id),
                    _ => format!("column `{key}`"),
                };
                findings.push(
                    UNKNOWN_COLUMN
                        .at(
                            file,
                            cell.span.clone(),
                            format!("{what} appears twice (column {} and column {})", earlier + 1, i + 1),
                        )
                        .with_help("delete one of the two columns"),
                );
                Column::Refused
            }
            None => column,
        };
        header.columns.push(column);
    }
    let span = record.start()..record.end;
    if header.application.is_none() {
        findings.push(
            MISSING_COLUMN
                .at(file, span.clone(), "the sheet has no `application` column")
                .with_help(header_help(criteria)),
        );
    }
    for (criterion, column) in criteria.iter().zip(&header.criteria) {
        if column.is_none() {
            let named = if criterion.name == criterion.id {
                String::new()
            } else {
                format!(" ({})", criterion.name)
            };
            findings.push(
                MISSING_COLUMN
                    .at(
                        file,
                        span.clone(),
                        format!("no column for criterion `{}`{named}", criterion.id),
                    )
                    .with_help(header_help(criteria)),
            );
        }
    }
    header
}

/// Why a cell is not a score.
#[derive(Debug, PartialEq, Eq)]
enum NotNumber {
    /// `nan`, `inf`, `1e400`.
    NotFinite,
    /// `7,5` in a comma-separated sheet.
    DecimalComma,
    /// Anything else.
    Text,
}

/// Reads a score: a finite number, with a decimal comma when the delimiter is not a comma.
/// `-0` is 0.
fn number(text: &str, decimal_comma: bool) -> Result<f64, NotNumber> {
    let owned;
    let text = if decimal_comma && text.matches(',').count() == 1 && !text.contains('.') {
        owned = text.replace(',', ".");
        owned.as_str()
    } else {
        text
    };
    match text.parse::<f64>() {
        Ok(x) if x.is_finite() => Ok(x + 0.0),
        Ok(_) => Err(NotNumber::NotFinite),
        Err(_) if text.contains(',') && text.replacen(',', ".", 1).parse::<f64>().is_ok_and(f64::is_finite) => {
            Err(NotNumber::DecimalComma)
        }
        Err(_) => Err(NotNumber::Text),
    }
}

fn range_help(c: &Criterion) -> String {
    use crate::diagnostics::number;
    format!("`{}` takes a number from {} to {}", c.id, number(c.min), number(c.max))
}

struct Rows<'a, 't> {
    file: &'a SourceFile,
    criteria: &'a [Criterion],
    header: &'a Header,
    decimal_comma: bool,
    /// Application id (borrowed from the sheet when it can be) → the line of its first row.
    seen: FxHashMap<Cow<'t, str>, usize>,
}

impl<'t> Rows<'_, 't> {
    fn row(&mut self, record: &Record<'t>, parsed: &mut Parsed) {
        if record.is_blank() {
            return;
        }
        let file = self.file;
        let Some(app_column) = self.header.application else {
            return;
        };
        let id = record
            .cells
            .get(app_column)
            .map_or(Cow::Borrowed(""), Cell::trimmed_text);
        let application = id.to_string();
        let app_span = record.span(app_column);
        if application.is_empty() {
            parsed.findings.push(
                UNKNOWN_APPLICATION
                    .at(file, app_span, "this row has no application id")
                    .with_help("write the application's id in the `application` column, or delete the row"),
            );
            return;
        }
        let mut findings = Vec::new();
        // Cells past the header, or under a column without a header.
        let extra = record.cells.iter().enumerate().find(|(i, c)| {
            !c.trimmed().is_empty() && self.header.columns.get(*i).is_none_or(|col| *col == Column::Unnamed)
        });
        if let Some((i, cell)) = extra {
            let message = if i < self.header.columns.len() {
                format!("a value in column {}, which has no header", i + 1)
            } else {
                format!(
                    "this row has a value in column {}, but the header has {} columns",
                    i + 1,
                    self.header.columns.len()
                )
            };
            findings.push(
                UNKNOWN_COLUMN
                    .at(file, cell.span.clone(), message)
                    .with_help("name the column in the header, or delete the value (a comma too many?)"),
            );
        }
        let mut scores = Vec::with_capacity(self.criteria.len());
        let mut blank = Vec::new();
        let mut filled = 0;
        let complete_header = self.header.criteria.iter().all(Option::is_some);
        for (criterion, column) in self.criteria.iter().zip(&self.header.criteria) {
            let Some(column) = *column else { continue };
            let text = record.text(column);
            if text.is_empty() {
                blank.push((criterion, column));
                continue;
            }
            filled += 1;
            let span = record.span(column);
            match number(text, self.decimal_comma) {
                Ok(x) if x < criterion.min || x > criterion.max => findings.push(
                    SCORE_OUT_OF_RANGE
                        .at(
                            file,
                            span,
                            format!(
                                "score {x} for `{}` is outside {}–{}",
                                criterion.id, criterion.min, criterion.max
                            ),
                        )
                        .with_help(range_help(criterion)),
                ),
                Ok(x) => scores.push(x),
                Err(why) => {
                    let (message, help) = match why {
                        NotNumber::NotFinite => (
                            format!("`{text}` for `{}` is not a finite number", criterion.id),
                            range_help(criterion),
                        ),
                        NotNumber::DecimalComma => (
                            format!("`{text}` for `{}` is not a number", criterion.id),
                            format!(
                                "this sheet is comma-separated, so decimals take a point: `{}`",
                                text.replacen(',', ".", 1)
                            ),
                        ),
                        NotNumber::Text => (
                            format!("`{text}` for `{}` is not a number", criterion.id),
                            range_help(criterion),
                        ),
                    };
                    findings.push(SCORE_NOT_NUMBER.at(file, span, message).with_help(help));
                }
            }
        }
        if filled > 0 && !blank.is_empty() {
            let names: Vec<String> = blank.iter().map(|(c, _)| format!("`{}`", c.id)).collect();
            let (s, them) = if names.len() == 1 { ("", "it") } else { ("s", "them") };
            findings.push(
                INCOMPLETE_SCORES
                    .at(
                        file,
                        record.span(blank[0].1),
                        format!("no score{s} for {}", names.join(", ")),
                    )
                    .with_help(format!(
                        "score {them}, or clear every score of the row to leave {} unscored",
                        application
                    )),
            );
        }
        // Where the row's application cell is: its excerpt is cut from the sheet's text only
        // when a finding needs it.
        let (line, column) = file.line_col(app_span.start);
        if let Some(first) = self.seen.get(application.as_str()) {
            findings.push(
                DUPLICATE_SCORE
                    .at(
                        file,
                        app_span,
                        format!("`{application}` is scored twice in this sheet (first on line {first})"),
                    )
                    .with_help("keep one of the two rows"),
            );
            tag(&mut findings, &application);
            parsed.findings.extend(findings);
            return;
        }
        self.seen.insert(id, line);
        let comment = self
            .header
            .comment
            .map(|c| unescape_formula(record.text(c)).to_string())
            .unwrap_or_default();
        let ok = findings.is_empty() && complete_header;
        tag(&mut findings, &application);
        parsed.findings.extend(findings);
        let row = SheetRow {
            line,
            column,
            span: app_span.clone(),
            application,
            scores: (ok && filled > 0).then_some(scores),
            comment,
        };
        if ok {
            parsed.rows.push(row);
        } else {
            parsed.rejected.push(row);
        }
    }
}

fn tag(findings: &mut [Finding], application: &str) {
    for f in findings {
        f.application = Some(application.to_string());
    }
}

/// A text cell written with a leading `'` so that a spreadsheet does not run it as a formula
/// (see [`super::write::formula_safe`]) reads back as written.
fn unescape_formula(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if rest.starts_with(['=', '+', '-', '@']) => rest,
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn criteria() -> Vec<Criterion> {
        crate::load::sheet::test_criteria()
    }

    fn parse(text: &str) -> Parsed {
        read(&SourceFile::new("s.csv", text), &criteria())
    }

    /// (code, line, column) of each finding.
    fn keys(p: &Parsed) -> Vec<(&str, usize, usize)> {
        p.findings.iter().map(|f| (f.code.as_ref(), f.line, f.column)).collect()
    }

    #[test]
    fn a_clean_sheet() {
        let p = parse("application,impact,design,comment\nAPP-1,8,7.5,\"Good, clear\"\nAPP-2,,,\n");
        assert!(p.findings.is_empty(), "{:?}", p.findings);
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].scores, Some(vec![8.0, 7.5]));
        assert_eq!(p.rows[0].comment, "Good, clear");
        assert_eq!((p.rows[0].line, p.rows[0].column), (2, 1));
        assert_eq!(p.rows[1].scores, None, "all blank: not scored");
    }

    #[test]
    fn headers_by_name_any_order_any_case_with_informational_columns() {
        let p = parse(" Project Design ;TITLE;ID;impact;Applicant\n7,5;Safe routes;APP-1; 8 ;Bogotá\n");
        assert!(p.findings.is_empty(), "{:?}", p.findings);
        assert_eq!(p.delimiter, b';');
        assert_eq!(
            p.rows[0].scores,
            Some(vec![8.0, 7.5]),
            "prize.toml order, decimal comma"
        );
        assert_eq!(p.rows[0].application, "APP-1");
    }

    #[test]
    fn tabs_and_minus_zero() {
        let p = parse("application\timpact\tdesign\nAPP-1\t10\t-0\n");
        assert_eq!(p.delimiter, b'\t');
        let scores = p.rows[0].scores.clone().unwrap();
        assert_eq!(scores, vec![10.0, 0.0]);
        assert!(scores[1].is_sign_positive(), "-0 is 0");
    }

    #[test]
    fn numbers() {
        assert_eq!(number("7.5", false), Ok(7.5));
        assert_eq!(number("7,5", true), Ok(7.5));
        assert_eq!(number("7.5", true), Ok(7.5));
        assert_eq!(number("7,5", false), Err(NotNumber::DecimalComma));
        assert_eq!(number("1,000.5", true), Err(NotNumber::Text));
        assert_eq!(number("nan", false), Err(NotNumber::NotFinite));
        assert_eq!(number("-inf", false), Err(NotNumber::NotFinite));
        assert_eq!(number("1e400", false), Err(NotNumber::NotFinite));
        assert_eq!(number("abc", false), Err(NotNumber::Text));
        assert_eq!(number("1e1", false), Ok(10.0));
    }

    #[test]
    fn bad_cells_each_a_finding_at_the_cell() {
        let text = "application,impact,design,comment\n\
                    APP-1,nan,5,\n\
                    APP-2,inf,1e400,\n\
                    APP-3,\"7,5\",5,\n\
                    APP-4,11,5,\n\
                    APP-5,8,,\n\
                    APP-6,  8  , 0 ,  padded  \n\
                    APP-7,abc,5,\n";
        let p = parse(text);
        assert_eq!(
            keys(&p),
            vec![
                ("score-not-number", 2, 7),
                ("score-not-number", 3, 7),
                ("score-not-number", 3, 11),
                ("score-not-number", 4, 7),
                ("score-out-of-range", 5, 7),
                ("incomplete-scores", 6, 9),
                ("score-not-number", 8, 7),
            ]
        );
        assert_eq!(
            p.findings[3].help.as_deref(),
            Some("this sheet is comma-separated, so decimals take a point: `7.5`")
        );
        assert_eq!(p.findings[4].message, "score 11 for `impact` is outside 1–10");
        assert_eq!(p.findings[5].message, "no score for `design`");
        assert_eq!(p.findings[0].application.as_deref(), Some("APP-1"));
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].scores, Some(vec![8.0, 0.0]));
        assert_eq!(p.rows[0].comment, "padded");
        assert_eq!(p.rejected.len(), 6);
        assert!(p.rejected.iter().all(|r| r.scores.is_none()));
    }

    #[test]
    fn duplicate_rows_keep_the_first() {
        let p = parse("application,impact,design\nAPP-1,8,7\nAPP-2,1,1\nAPP-1,2,2\n");
        assert_eq!(keys(&p), vec![("duplicate-score", 4, 1)]);
        assert!(p.findings[0].message.contains("first on line 2"));
        assert_eq!(p.rows.len(), 2);
        assert_eq!(p.rows[0].scores, Some(vec![8.0, 7.0]));
    }

    #[test]
    fn header_problems() {
        let p = parse("application,impact,impact,desing,\nAPP-1,8,8,1,\n");
        assert_eq!(
            keys(&p),
            vec![
                ("unknown-column", 1, 20),
                ("unknown-column", 1, 27),
                ("missing-column", 1, 1)
            ]
        );
        assert_eq!(
            p.findings[0].message,
            "criterion `impact` appears twice (column 2 and column 3)"
        );
        assert_eq!(p.findings[1].help.as_deref(), Some("did you mean `design`?"));
        assert_eq!(
            p.findings[2].message,
            "no column for criterion `design` (Project design)"
        );
        assert!(p.rows.is_empty(), "a sheet without every criterion has no usable row");
        assert_eq!(p.rejected.len(), 1);
        // The same criterion by id and by name.
        let p = parse("application,design,impact,Project Design\n");
        assert_eq!(keys(&p), vec![("unknown-column", 1, 27)]);
    }

    #[test]
    fn empty_and_header_only() {
        assert_eq!(keys(&parse("")), vec![("missing-column", 1, 1)]);
        assert_eq!(keys(&parse("\n\n")), vec![("missing-column", 1, 1)]);
        let p = parse("application,impact,design\n");
        assert!(p.findings.is_empty() && p.rows.is_empty());
        let p = parse("impact,design\nAPP-1,1,2\n");
        // The row is one cell wider than the header: its third cell starts at column 9.
        assert_eq!(keys(&p), vec![("missing-column", 1, 1), ("csv-syntax", 2, 9)]);
        assert!(p.rows.is_empty());
    }

    #[test]
    fn too_many_cells_and_unnamed_columns() {
        let p = parse("application,impact,design,\nAPP-1,8,7,,\nAPP-2,8,7,,x\nAPP-3,8,7,y\n");
        assert_eq!(keys(&p), vec![("unknown-column", 4, 11), ("csv-syntax", 3, 12)]);
        assert_eq!(p.findings[0].message, "a value in column 4, which has no header");
        assert_eq!(
            p.findings[1].message,
            "this row has a value in column 5, but the header has 4 columns"
        );
        assert_eq!(p.rows.len(), 1, "trailing empty cells are harmless");
        assert_eq!(p.rejected.len(), 1, "the row with too many cells is not read at all");
    }

    #[test]
    fn quotes_out_of_place() {
        // `APP-1,8,7,` is 10 characters: the closing quote of `"ok"` is at 14, `x` at 15.
        let p = parse("application,impact,design,comment\nAPP-1,8,7,\"ok\"x\nAPP-2,8,7,a\"b\nAPP-3,8,7,\"fine\"\n");
        assert_eq!(keys(&p), vec![("csv-syntax", 2, 15), ("csv-syntax", 3, 12)]);
        assert_eq!(p.rows.len(), 1);
        assert_eq!(p.rows[0].application, "APP-3");
        // A quote opened by mistake on line 2 closes on line 3: both lines are one bad record.
        let p = parse("application,impact,design,comment\nAPP-1,8,7,\"open\nAPP-2,8,7,the \"best\"\nAPP-3,8,7,\n");
        assert_eq!(keys(&p), vec![("csv-syntax", 3, 16)]);
        assert!(
            p.findings[0].message.contains("opened on line 2"),
            "{}",
            p.findings[0].message
        );
        assert_eq!(p.rows.len(), 1);
    }

    #[test]
    fn a_broken_header_is_reported_alone() {
        let p = parse("application,\"impact\"x,design\nAPP-1,8,7\nAPP-2,a\"b,1\n");
        assert_eq!(keys(&p), vec![("csv-syntax", 1, 21)]);
        assert!(p.rows.is_empty() && p.rejected.is_empty());
    }

    #[test]
    fn rows_without_an_id() {
        let p = parse("application,impact,design,comment\n,,,\n ,8,7,\n");
        assert_eq!(keys(&p), vec![("unknown-application", 3, 1)]);
        assert!(p.rows.is_empty() && p.rejected.is_empty());
    }

    #[test]
    fn unclosed_quote() {
        let p = parse("application,impact,design,comment\nAPP-1,8,7,\"open\nAPP-2,1,1,\n");
        assert_eq!(keys(&p), vec![("csv-syntax", 2, 11)]);
        assert!(p.rows.is_empty());
    }

    #[test]
    fn columns_count_characters() {
        let p = parse("application,impact,design,comment\nAPP-1,8,7,\"é\"\nAPP-2,8,x,\"é\"\n");
        assert_eq!(keys(&p), vec![("score-not-number", 3, 9)]);
        let p = parse("title,application,impact,design\nCafé Ñandú,APP-1,8,x\n");
        assert_eq!(keys(&p), vec![("score-not-number", 2, 20)]);
    }

    #[test]
    fn formula_escapes_read_back() {
        let p = parse("application,impact,design,comment\nAPP-1,8,7,'=SUM(A1)\nAPP-2,8,7,'plain\n");
        assert_eq!(p.rows[0].comment, "=SUM(A1)");
        assert_eq!(p.rows[1].comment, "'plain");
    }
}
