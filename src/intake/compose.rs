//! One row of an export made into an application file: each mapped cell read as its field's
//! kind (text, a list, a date, a date-time in a time zone), the unmapped cells kept in
//! `[extra]`, and the TOML text written in the order of the spec's section 1.3, with a note of
//! which field (and so which column) each line of it comes from.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::fmt::strtime;
use jiff::tz::AmbiguousOffset;

use super::export::{Export, Row};
use super::map::{Field, Ids, Kind, Mapping, Source};

/// The forms a date-time or date is read in when the map gives no `format`, and (after the
/// map's own) for a workbook, whose date cells arrive as `2026-05-20T14:03:00`.
const INSTANT_FORMATS: &[&str] = &[
    "%Y-%m-%dT%H:%M:%S%.f%:z",
    "%Y-%m-%d %H:%M:%S%.f%:z",
    "%Y-%m-%dT%H:%M:%S%.f",
    "%Y-%m-%d %H:%M:%S%.f",
    "%Y-%m-%dT%H:%M",
    "%Y-%m-%d %H:%M",
];
const DATE_FORMATS: &[&str] = &["%Y-%m-%d"];

/// A cell read as its field's kind.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A string.
    Text(String),
    /// An instant, and how it is written (with the time zone's offset at that instant).
    Instant(Timestamp, String),
    /// A local date, written `2023-04-01`.
    Date(String),
    /// Items of a list.
    List(Vec<String>),
}

/// What a line of the written file comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// The id.
    Id,
    /// A mapped field (index into [`Mapping::fields`]).
    Field(usize),
    /// An unmapped column, kept in `[extra]` (its index in the export's header).
    Extra(usize),
}

/// A cell that could not be read as its field's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// The field (index into [`Mapping::fields`]).
    pub field: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: String,
}

/// A row's cells read, before the id is known.
#[derive(Clone, Debug, Default)]
pub struct Read {
    /// The mapped fields that have a value, by index into [`Mapping::fields`].
    pub values: Vec<(usize, Value)>,
    /// The id written in the id column, when ids come from one.
    pub id: Option<String>,
    /// When it was submitted, if that could be read.
    pub submitted: Option<Timestamp>,
    /// Cells that could not be read.
    pub problems: Vec<Problem>,
}

/// How a row's mapped cells are found: the column of each field in this export.
pub struct Columns {
    /// Per mapped field, its column in the export (`None` for a constant value).
    pub fields: Vec<Option<usize>>,
    /// The id's column, when ids come from one.
    pub id: Option<usize>,
    /// The unmapped columns and their keys in `[extra]`, in header order.
    pub extra: Vec<(usize, String)>,
}

impl Columns {
    /// The column of each mapped field in `export`, or the names the export lacks (with where
    /// the map writes them). Headers match as written, else ignoring case when only one does.
    pub fn find<'m>(mapping: &'m Mapping, export: &Export) -> Result<Columns, Vec<Unmatched<'m>>> {
        // Every column whose header is `name` as written, else ignoring case.
        let matching = |name: &str| -> Vec<usize> {
            let name = name.trim();
            let exact: Vec<usize> = (0..export.headers.len())
                .filter(|&i| export.headers[i] == name)
                .collect();
            if !exact.is_empty() {
                return exact;
            }
            (0..export.headers.len())
                .filter(|&i| export.headers[i].to_lowercase() == name.to_lowercase())
                .collect()
        };
        let position = |name: &str| match matching(name).as_slice() {
            [only] => Some(*only),
            _ => None,
        };
        let missing: Vec<Unmatched<'m>> = mapping
            .columns()
            .into_iter()
            .filter_map(|(name, span)| {
                let found = matching(name).len();
                (found != 1).then_some(Unmatched { name, span, found })
            })
            .collect();
        if !missing.is_empty() {
            return Err(missing);
        }
        let fields: Vec<Option<usize>> = mapping
            .fields
            .iter()
            .map(|f| match &f.source {
                Source::Column(c) => position(c),
                Source::Value(_) => None,
            })
            .collect();
        let id = match &mapping.ids {
            Ids::Column { column, .. } => position(column),
            Ids::Numbered { .. } => None,
        };
        let used: Vec<usize> = fields.iter().flatten().copied().chain(id).collect();
        let mut keys: Vec<String> = Vec::new();
        let mut extra = Vec::new();
        for (i, header) in export.headers.iter().enumerate() {
            if used.contains(&i) {
                continue;
            }
            let mut key = extra_key(header);
            if key.is_empty() || key == "_" {
                key = format!("column_{}", i + 1);
            }
            let base = key.clone();
            let mut n = 2;
            while keys.contains(&key) {
                key = format!("{base}_{n}");
                n += 1;
            }
            keys.push(key.clone());
            extra.push((i, key));
        }
        Ok(Columns { fields, id, extra })
    }
}

/// A column the map names that the export does not have exactly once.
#[derive(Clone, Debug)]
pub struct Unmatched<'m> {
    /// The header as the map writes it.
    pub name: &'m str,
    /// Where the map writes it.
    pub span: std::ops::Range<usize>,
    /// How many of the export's columns have that header (0, or 2 and more).
    pub found: usize,
}

/// A header as a key of `[extra]`: lower-cased, each run of characters other than a–z and 0–9
/// made one `_`.
pub fn extra_key(header: &str) -> String {
    let mut key = String::with_capacity(header.len());
    for c in header.to_lowercase().chars() {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            key.push(c);
        } else if !key.ends_with('_') {
            key.push('_');
        }
    }
    key
}

/// Reads a row's mapped cells. `workbook`: date cells arrive in the ISO form.
pub fn read(mapping: &Mapping, columns: &Columns, row: &Row, workbook: bool) -> Read {
    let mut out = Read::default();
    if let Some(c) = columns.id {
        let id = row.cells[c].trim();
        out.id = (!id.is_empty()).then(|| id.to_string());
    }
    for (i, field) in mapping.fields.iter().enumerate() {
        let raw = match (&field.source, columns.fields[i]) {
            (Source::Value(v), _) => v.trim(),
            (Source::Column(_), Some(c)) => row.cells[c].trim(),
            (Source::Column(_), None) => "",
        };
        if raw.is_empty() {
            continue;
        }
        match value(field, raw, workbook) {
            Ok(Some(v)) => {
                if let Value::Instant(ts, _) = &v
                    && field.path() == "submitted"
                {
                    out.submitted = Some(*ts);
                }
                out.values.push((i, v));
            }
            Ok(None) => {}
            Err((message, help)) => out.problems.push(Problem {
                field: i,
                message,
                help,
            }),
        }
    }
    out
}

/// A cell (not blank) as its field's kind; `None` when a list has no item left.
fn value(field: &Field, raw: &str, workbook: bool) -> Result<Option<Value>, (String, String)> {
    let path = field.path();
    match field.kind() {
        Kind::Text => Ok(Some(Value::Text(field.translate(raw).to_string()))),
        Kind::List => {
            let items: Vec<String> = match &field.split {
                Some(sep) => raw
                    .split(sep.as_str())
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(|s| field.translate(s).to_string())
                    .collect(),
                None => vec![field.translate(raw).to_string()],
            };
            Ok((!items.is_empty()).then_some(Value::List(items)))
        }
        Kind::Date => {
            let date = parse_with(field, raw, workbook, DATE_FORMATS, |f, s| {
                strtime::parse(f, s).and_then(|t| t.to_date())
            })
            .ok_or_else(|| not_read(field, raw, "a date", workbook))?;
            Ok(Some(Value::Date(date.to_string())))
        }
        Kind::Instant => {
            // A workbook's date-time cell at midnight arrives as its date alone.
            let midnight;
            let raw = if workbook && raw.len() == 10 && strtime::parse("%Y-%m-%d", raw).is_ok() {
                midnight = format!("{raw}T00:00:00");
                midnight.as_str()
            } else {
                raw
            };
            // RFC 3339 in UTC (`2026-05-20T05:03:00Z`, as portals export it), which the ISO
            // forms below, with their `+hh:mm` offset, do not read.
            let utc = field.format.is_none().then(|| raw.parse::<Timestamp>().ok()).flatten();
            let timestamp = match utc {
                Some(ts) => ts,
                None => instant(field, raw, workbook)?,
            };
            let text = offset_datetime(field, timestamp).ok_or_else(|| {
                (
                    format!("`{path}` = {raw:?} has no offset in whole minutes"),
                    String::new(),
                )
            })?;
            Ok(Some(Value::Instant(timestamp, text)))
        }
    }
}

/// A date-time cell (not blank) read in the map's format or the ISO forms, as an instant: with
/// its offset when it has one, else in the field's time zone.
fn instant(field: &Field, raw: &str, workbook: bool) -> Result<Timestamp, (String, String)> {
    let path = field.path();
    let parsed = parse_with(field, raw, workbook, INSTANT_FORMATS, |f, s| strtime::parse(f, s))
        .ok_or_else(|| not_read(field, raw, "a date and time", workbook))?;
    let timestamp = match parsed.offset() {
        Some(_) => parsed.to_timestamp().map_err(|e| {
            (
                format!("`{path}` = {raw:?} is not a time that exists: {e}"),
                String::new(),
            )
        })?,
        None => {
            let local: DateTime = parsed.to_datetime().map_err(|e| {
                (
                    format!("`{path}` = {raw:?} is not a date and time: {e}"),
                    "give the date and the time".to_string(),
                )
            })?;
            local_time(field, raw, local)?
        }
    };
    Ok(timestamp)
}

/// The first of the map's format (for text, or any cell of a CSV file) and, when there is none
/// or for a workbook's date cells, the ISO forms, that reads `raw`.
fn parse_with<T>(
    field: &Field,
    raw: &str,
    workbook: bool,
    defaults: &[&str],
    parse: impl Fn(&str, &str) -> Result<T, jiff::Error>,
) -> Option<T> {
    let own = field.format.as_deref();
    let fallback: &[&str] = if own.is_none() || workbook { defaults } else { &[] };
    own.into_iter()
        .chain(fallback.iter().copied())
        .find_map(|f| parse(f, raw).ok())
}

fn not_read(field: &Field, raw: &str, what: &str, workbook: bool) -> (String, String) {
    let path = field.path();
    let cell = if workbook {
        " (a date cell is read as its value)"
    } else {
        ""
    };
    match &field.format {
        Some(f) => (
            format!("`{path}` = {raw:?} is not {what} in the map's format {f:?}"),
            format!("write it as the format says, or change `format` in the map{cell}"),
        ),
        None => (
            format!("`{path}` = {raw:?} is not {what} in ISO form (2026-05-20 14:03:00)"),
            "give the map a `format` for the export's dates, e.g. \"%d/%m/%Y %H:%M:%S\"".to_string(),
        ),
    }
}

/// A local time in the field's time zone, refused when the zone's clocks skipped it or went
/// through it twice (a time change), since either reading would be a guess.
fn local_time(field: &Field, raw: &str, local: DateTime) -> Result<Timestamp, (String, String)> {
    let path = field.path();
    let Some(tz) = &field.timezone else {
        return Err((
            format!("`{path}` = {raw:?} has no time-zone offset"),
            "give the map a `timezone` for the export's times".to_string(),
        ));
    };
    let zone = tz.iana_name().unwrap_or("the time zone").to_string();
    let ambiguous = tz.to_ambiguous_timestamp(local);
    match ambiguous.offset() {
        AmbiguousOffset::Unambiguous { .. } => ambiguous
            .compatible()
            .map_err(|e| (format!("`{path}` = {raw:?} is out of range: {e}"), String::new())),
        AmbiguousOffset::Gap { .. } => Err((
            format!("`{path}` = {raw:?} does not exist in {zone}: the clocks skipped it"),
            "check the time with the applicant; the form may have recorded it in another zone".to_string(),
        )),
        AmbiguousOffset::Fold { .. } => Err((
            format!("`{path}` = {raw:?} happened twice in {zone}: the clocks went back through it"),
            "export the times with their offset (format \"%Y-%m-%d %H:%M:%S%:z\")".to_string(),
        )),
    }
}

/// An instant as a TOML offset date-time, with the offset of the field's time zone at that
/// instant (UTC when the map names none); `None` when that offset is not whole minutes.
fn offset_datetime(field: &Field, ts: Timestamp) -> Option<String> {
    let offset = field
        .timezone
        .as_ref()
        .map_or(jiff::tz::Offset::UTC, |tz| tz.to_offset(ts));
    let seconds = offset.seconds();
    if seconds % 60 != 0 {
        return None;
    }
    let dt = offset.to_datetime(ts);
    let mut text = format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
        dt.year(),
        dt.month(),
        dt.day(),
        dt.hour(),
        dt.minute(),
        dt.second()
    );
    if dt.subsec_nanosecond() != 0 {
        let fraction = format!("{:09}", dt.subsec_nanosecond());
        text.push('.');
        text.push_str(fraction.trim_end_matches('0'));
    }
    let sign = if seconds < 0 { '-' } else { '+' };
    let minutes = seconds.abs() / 60;
    text.push_str(&format!("{sign}{:02}:{:02}", minutes / 60, minutes % 60));
    Some(text)
}

/// An application file's text, and the origin of each of its lines.
#[derive(Clone, Debug, Default)]
pub struct Text {
    /// The TOML.
    pub text: String,
    /// Per line (0-based), what it comes from.
    pub lines: Vec<Option<Origin>>,
    /// Where `[extra]` starts (its blank line before), or the end: where a `[screening]` table
    /// goes, in the order of section 1.3.
    pub screening_at: usize,
}

impl Text {
    fn push(&mut self, origin: Option<Origin>, line: &str) {
        self.lines
            .extend(std::iter::repeat_n(origin, line.matches('\n').count() + 1));
        self.text.push_str(line);
        self.text.push('\n');
    }

    /// What the 1-based `line` comes from.
    pub fn origin(&self, line: usize) -> Option<Origin> {
        self.lines.get(line.wrapping_sub(1)).copied().flatten()
    }
}

/// The first line of every file the import writes.
pub const HEADER: &str = "# Imported from the application form by `prize applications import`.";

/// Writes the application file of a row: the id, the mapped fields in the order of section
/// 1.3 (`[applicant]` and `[project]` always, so that a blank required cell is missing in its
/// table), then `[extra]` with the unmapped cells that are not blank.
pub fn write(mapping: &Mapping, columns: &Columns, row: &Row, read: &Read, id: &str) -> Text {
    let mut out = Text::default();
    out.push(None, HEADER);
    out.push(Some(Origin::Id), &format!("id = {}", string(id)));
    let mut table = "";
    for (i, value) in &read.values {
        let path = mapping.fields[*i].path();
        let (section, key) = path.split_once('.').unwrap_or(("", path));
        while table != section {
            table = if table.is_empty() { "applicant" } else { "project" };
            out.push(None, &format!("\n[{table}]"));
        }
        let text = match value {
            Value::Text(s) => string(s),
            Value::Instant(_, s) | Value::Date(s) => s.clone(),
            Value::List(items) => format!("[{}]", items.iter().map(|s| string(s)).collect::<Vec<_>>().join(", ")),
        };
        out.push(Some(Origin::Field(*i)), &format!("{key} = {text}"));
    }
    while table != "project" {
        table = if table.is_empty() { "applicant" } else { "project" };
        out.push(None, &format!("\n[{table}]"));
    }
    let extra: Vec<&(usize, String)> = columns
        .extra
        .iter()
        .filter(|(c, _)| !row.cells[*c].is_empty())
        .collect();
    // A `[screening]` goes here: before `[extra]`, else at the end (never at the top, where it
    // would swallow the id and the fields after it).
    out.screening_at = out.text.len();
    if !extra.is_empty() {
        out.push(None, "\n[extra]");
        for (c, key) in extra {
            out.push(
                Some(Origin::Extra(*c)),
                &format!("{} = {}", bare_key(key), string(&row.cells[*c])),
            );
        }
    }
    out
}

/// A TOML string for any text: the toml crate's own encoding, so that quotes, backslashes,
/// line breaks and control characters always read back as written.
pub fn string(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

fn bare_key(key: &str) -> String {
    if !key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-') {
        key.to_string()
    } else {
        string(key)
    }
}

/// The id of each row when ids are numbered: `prefix` and the row's place in order of
/// submission (ties, and rows whose time could not be read, by row order), with at least
/// `digits` digits.
pub fn numbered(prefix: &str, digits: usize, submitted: &[Option<Timestamp>]) -> Vec<String> {
    let mut order: Vec<usize> = (0..submitted.len()).collect();
    order.sort_by_key(|&i| (submitted[i].is_none(), submitted[i], i));
    let mut ids = vec![String::new(); submitted.len()];
    for (n, &i) in order.iter().enumerate() {
        ids[i] = format!("{prefix}{:0digits$}", n + 1);
    }
    ids
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extra_keys() {
        assert_eq!(extra_key("Budget (USD)"), "budget_usd_");
        assert_eq!(extra_key("How did you hear of us?"), "how_did_you_hear_of_us_");
        assert_eq!(extra_key("Población 2025"), "poblaci_n_2025");
        assert_eq!(extra_key("SDGs"), "sdgs");
    }

    #[test]
    fn strings_read_back_whatever_they_hold() {
        for s in [
            "plain",
            "quote \" and backslash \\",
            "two\nlines",
            "'''\"\"\"",
            "tab\tand\u{1b}escape\u{7f}",
            "한국어 ‘smart’",
            "ends with a quote\"",
        ] {
            let doc = format!("k = {}\n", string(s));
            let parsed: toml::Table = doc.parse().unwrap_or_else(|e| panic!("{doc}: {e}"));
            assert_eq!(parsed["k"].as_str(), Some(s), "{doc}");
        }
    }

    #[test]
    fn ids_follow_submission_then_row_order() {
        let t = |s: &str| Some(s.parse::<Timestamp>().unwrap());
        let ids = numbered(
            "X-",
            3,
            &[
                t("2026-05-02T00:00:00Z"),
                t("2026-05-01T00:00:00Z"),
                None,
                t("2026-05-01T00:00:00Z"),
            ],
        );
        assert_eq!(ids, ["X-003", "X-001", "X-004", "X-002"]);
        assert_eq!(numbered("", 1, &[None; 10])[9], "10");
    }
}
