//! Reading typed values out of a spanned TOML document, turning every problem into a finding
//! that points at the offending value (or at its table when the value is missing).

use std::ops::Range;

use toml::de::{DeTable, DeValue};

use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;

/// Read values carry their span; the type is the model's.
pub use crate::model::spanned::Sp;

/// `toml-syntax`: the file is not valid TOML.
pub static TOML_SYNTAX: Code = Code {
    name: "toml-syntax",
    severity: Severity::Error,
    summary: "the file is not valid TOML",
    explanation: "\
The file could not be read as TOML (https://toml.io). Nothing else in it is checked until
the syntax is fixed, and an application with this error is `invalid`.

### Example

    title = Safe Routes        # strings need quotes

### How to fix

Quote strings, close brackets and give every key a value:

    title = \"Safe Routes\"
",
};

/// `missing-field`: a required key is absent.
pub static MISSING_FIELD: Code = Code {
    name: "missing-field",
    severity: Severity::Error,
    summary: "a required key is missing",
    explanation: "\
A key that the format requires is absent. The finding points at the table that should hold it
(line 1 for top-level keys).

Required in an application: `title`, `track`, `sector`, `submitted`, `applicant.type`,
`applicant.name`, `applicant.country`, `applicant.email`, `project.summary`, `project.status`,
and `project.started` unless the status is `planned`. `screening.reason` is required with
`decision = \"reject\"`, `screening.waive_reason` with `waive`.

### Example

    [applicant]
    type = \"city\"
    name = \"Bogotá D.C.\"
    # no country

### How to fix

    country = \"CO\"
",
};

/// `invalid-value`: a value has the wrong type or shape.
pub static INVALID_VALUE: Code = Code {
    name: "invalid-value",
    severity: Severity::Error,
    summary: "a value has the wrong type or form",
    explanation: "\
A value is present but unusable: the wrong TOML type (a string where a date is expected), a
date without a time-zone offset, an e-mail address or URL that is not one, an id with
characters ids may not have, or a country code that is not an assigned ISO 3166-1 alpha-2
code (`UK` is not a code; the United Kingdom is `GB`).

### Example

    submitted = \"2026-05-20\"     # a string, not a date-time
    country = \"UK\"

### How to fix

    submitted = 2026-05-20T14:03:00+09:00
    country = \"GB\"
",
};

/// `unknown-field`: a key the format does not define.
pub static UNKNOWN_FIELD: Code = Code {
    name: "unknown-field",
    severity: Severity::Error,
    summary: "a key that the format does not define (a warning in applications)",
    explanation: "\
A key that `prize` does not know. In `prize.toml` and `judges.toml` it is an error, since a
misspelt rule would silently not apply. In an application it is a warning: free-form data
belongs in the `[extra]` table, which is never checked. When a known key is close, the
finding suggests it.

### Example

    [eligibility]
    dealine = 2026-05-29T18:00:00+09:00

### How to fix

    [eligibility]
    deadline = 2026-05-29T18:00:00+09:00
",
};

/// One table of the document, with the keys it may hold.
#[derive(Clone)]
pub struct Table<'a, 'i> {
    /// The parsed table.
    pub table: &'a DeTable<'i>,
    /// Where to point when a key of this table is missing: its header or key.
    pub anchor: Range<usize>,
    /// Dotted path of the table (empty at top level), for messages.
    pub path: String,
}

impl<'a, 'i> Table<'a, 'i> {
    /// The dotted path of `key` in this table.
    pub fn key_path(&self, key: &str) -> String {
        if self.path.is_empty() {
            key.to_string()
        } else {
            format!("{}.{key}", self.path)
        }
    }

    /// The raw value of `key`, if present.
    pub fn get(&self, key: &str) -> Option<&'a toml::Spanned<DeValue<'i>>> {
        self.table.get(key)
    }
}

/// Parses `file` as TOML. Syntax errors become `toml-syntax` findings (the first per line).
pub fn parse<'i>(file: &'i SourceFile) -> Result<toml::Spanned<DeTable<'i>>, Vec<Finding>> {
    if let Some(doc) = crate::load::fast_toml::parse(&file.text) {
        return Ok(doc);
    }
    let (doc, errors) = DeTable::parse_recoverable(&file.text);
    if errors.is_empty() {
        return Ok(doc);
    }
    let mut findings: Vec<Finding> = Vec::new();
    for error in errors {
        let message = error.message().trim().to_string();
        let span = opening(&file.text, error.span().unwrap_or(0..0), &message);
        let finding = TOML_SYNTAX.at(file, span, format!("invalid TOML: {message}"));
        if findings.iter().any(|f| f.line == finding.line) {
            continue;
        }
        findings.push(finding);
    }
    Err(findings)
}

/// For a string, array or table header left open, where it opens: the parser only notices at
/// the end, but the user needs to see the value that is not closed.
fn opening(text: &str, span: Range<usize>, message: &str) -> Range<usize> {
    let before = &text[..span.start.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let found = if message.starts_with("invalid multi-line basic string") {
        before.rfind("\"\"\"")
    } else if message.starts_with("invalid multi-line literal string") {
        before.rfind("'''")
    } else if message.starts_with("invalid basic string") {
        before[line_start..].find('"').map(|i| line_start + i)
    } else if message.starts_with("invalid literal string") {
        before[line_start..].find('\'').map(|i| line_start + i)
    } else if message.starts_with("unclosed array") || message.starts_with("unclosed table") {
        before.rfind('[')
    } else {
        None
    };
    match found {
        Some(start) => start..span.end.max(start),
        // Just past a carriage return that no line feed follows: point at the return itself.
        None if before.ends_with('\r') && !text[before.len()..].starts_with('\n') => {
            before.len() - 1..span.end.max(before.len() - 1)
        }
        None => span,
    }
}

/// The TOML type of a value, as messages name it.
pub fn type_name(value: &DeValue<'_>) -> &'static str {
    match value {
        DeValue::String(_) => "a string",
        DeValue::Integer(_) => "an integer",
        DeValue::Float(_) => "a float",
        DeValue::Boolean(_) => "a boolean",
        DeValue::Datetime(d) => match (d.date, d.time, d.offset) {
            (Some(_), Some(_), Some(_)) => "an offset date-time",
            (Some(_), Some(_), None) => "a local date-time",
            (Some(_), None, _) => "a local date",
            _ => "a local time",
        },
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

/// Reads one file's document, collecting findings instead of stopping at the first.
pub struct Reader<'s> {
    /// The file being read.
    pub file: &'s SourceFile,
    /// Everything found so far.
    pub findings: Vec<Finding>,
    /// `error` for configuration files, `warning` for applications.
    pub unknown_field_severity: Severity,
}

impl<'s> Reader<'s> {
    /// A reader for `file`.
    pub fn new(file: &'s SourceFile, unknown_field_severity: Severity) -> Reader<'s> {
        Reader {
            file,
            findings: Vec::new(),
            unknown_field_severity,
        }
    }

    /// The top-level table of a parsed document.
    pub fn root<'a, 'i>(&self, doc: &'a toml::Spanned<DeTable<'i>>) -> Table<'a, 'i> {
        Table {
            table: doc.get_ref(),
            anchor: 0..0,
            path: String::new(),
        }
    }

    /// Records a finding of `code` at `span`.
    pub fn report(&mut self, code: &'static Code, span: Range<usize>, message: impl Into<String>) -> &mut Finding {
        self.findings.push(code.at(self.file, span, message));
        let last = self.findings.len() - 1;
        &mut self.findings[last]
    }

    /// Records a finding with a help line.
    pub fn report_help(
        &mut self,
        code: &'static Code,
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) {
        self.report(code, span, message).help = Some(help.into());
    }

    /// Reports every key of `table` that is not in `known`, suggesting the closest known key.
    pub fn unknown_keys(&mut self, table: &Table<'_, '_>, known: &[&str]) {
        for (key, _) in table.table.iter() {
            let name = key.get_ref().as_ref();
            if known.contains(&name) {
                continue;
            }
            let mut finding = self.file.finding(
                self.unknown_field_severity,
                UNKNOWN_FIELD.name,
                key.span(),
                format!("unknown field `{}`", table.key_path(name)),
            );
            finding.help = Some(did_you_mean(name, known.iter().copied(), || {
                if self.unknown_field_severity == Severity::Warning {
                    "free-form data belongs in the [extra] table".to_string()
                } else {
                    format!("known keys here: {}", known.join(", "))
                }
            }));
            self.findings.push(finding);
        }
    }

    fn missing(&mut self, table: &Table<'_, '_>, key: &str) {
        let path = table.key_path(key);
        let help = if table.path.is_empty() {
            format!("add `{key} = …`")
        } else {
            format!("add `{key} = …` under `[{}]`", table.path)
        };
        self.report_help(&MISSING_FIELD, table.anchor.clone(), format!("missing `{path}`"), help);
    }

    fn wrong_type(&mut self, table: &Table<'_, '_>, key: &str, value: &toml::Spanned<DeValue<'_>>, expected: &str) {
        let found = type_name(value.get_ref());
        let help = match (expected, value.get_ref()) {
            (e, DeValue::String(_)) if e.contains("date") => {
                Some("write dates without quotes, e.g. 2026-05-20T14:03:00+09:00".to_string())
            }
            ("a string", DeValue::Integer(_) | DeValue::Float(_)) => Some("put the value in double quotes".to_string()),
            _ => None,
        };
        let finding = self.report(
            &INVALID_VALUE,
            value.span(),
            format!("`{}` must be {expected}, found {found}", table.key_path(key)),
        );
        finding.help = help;
    }

    fn present<'a, 'i>(
        &mut self,
        table: &Table<'a, 'i>,
        key: &str,
        required: bool,
    ) -> Option<&'a toml::Spanned<DeValue<'i>>> {
        let value = table.get(key);
        if value.is_none() && required {
            self.missing(table, key);
        }
        value
    }

    /// A string value.
    pub fn string(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<String>> {
        self.str(table, key, required)
            .map(|s| Sp::new(s.value.to_string(), s.span))
    }

    /// A string value, borrowed from the document.
    pub fn str<'a>(&mut self, table: &Table<'a, '_>, key: &str, required: bool) -> Option<Sp<&'a str>> {
        let value = self.present(table, key, required)?;
        match value.get_ref() {
            DeValue::String(s) => Some(Sp::new(s.as_ref(), value.span())),
            _ => {
                self.wrong_type(table, key, value, "a string");
                None
            }
        }
    }

    /// A string value that must not be blank.
    pub fn text(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<String>> {
        self.text_str(table, key, required)
            .map(|s| Sp::new(s.value.to_string(), s.span))
    }

    /// A string value that must not be blank, borrowed from the document.
    pub fn text_str<'a>(&mut self, table: &Table<'a, '_>, key: &str, required: bool) -> Option<Sp<&'a str>> {
        let value = self.str(table, key, required)?;
        if value.value.trim().is_empty() {
            if required {
                self.report_help(
                    &MISSING_FIELD,
                    value.span.clone(),
                    format!("`{}` is empty", table.key_path(key)),
                    "write a value between the quotes",
                );
            }
            return None;
        }
        Some(value)
    }

    /// A boolean value.
    pub fn boolean(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<bool>> {
        let value = self.present(table, key, required)?;
        match value.get_ref() {
            DeValue::Boolean(b) => Some(Sp::new(*b, value.span())),
            _ => {
                self.wrong_type(table, key, value, "true or false");
                None
            }
        }
    }

    /// A whole number, at least `min`.
    pub fn integer(&mut self, table: &Table<'_, '_>, key: &str, required: bool, min: i64) -> Option<Sp<i64>> {
        let value = self.present(table, key, required)?;
        let parsed = match value.get_ref() {
            DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()).ok(),
            _ => {
                self.wrong_type(table, key, value, "a whole number");
                return None;
            }
        };
        match parsed {
            Some(n) if n >= min => Some(Sp::new(n, value.span())),
            _ => {
                self.report(
                    &INVALID_VALUE,
                    value.span(),
                    format!("`{}` must be a whole number of at least {min}", table.key_path(key)),
                );
                None
            }
        }
    }

    /// A finite number, integer or float.
    pub fn number(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<f64>> {
        let value = self.present(table, key, required)?;
        match number_value(value.get_ref()) {
            Some(n) if n.is_finite() => Some(Sp::new(n, value.span())),
            Some(_) => {
                self.report(
                    &INVALID_VALUE,
                    value.span(),
                    format!("`{}` must be a finite number", table.key_path(key)),
                );
                None
            }
            None => {
                self.wrong_type(table, key, value, "a number");
                None
            }
        }
    }

    /// A TOML date or date-time, as written.
    pub fn datetime(
        &mut self,
        table: &Table<'_, '_>,
        key: &str,
        required: bool,
        expected: &str,
    ) -> Option<Sp<toml::value::Datetime>> {
        let value = self.present(table, key, required)?;
        match value.get_ref() {
            DeValue::Datetime(d) => Some(Sp::new(*d, value.span())),
            _ => {
                self.wrong_type(table, key, value, expected);
                None
            }
        }
    }

    /// An offset date-time (`2026-05-29T18:00:00+09:00`), as an instant.
    pub fn timestamp(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<jiff::Timestamp>> {
        let raw = self.datetime(table, key, required, "an offset date-time")?;
        match to_timestamp(&raw.value) {
            Some(ts) => Some(Sp::new(ts, raw.span)),
            None if raw.value.date.is_some() && raw.value.time.is_some() && raw.value.offset.is_some() => {
                self.report(
                    &INVALID_VALUE,
                    raw.span,
                    format!("`{}` is not a date-time that exists", table.key_path(key)),
                );
                None
            }
            None => {
                self.report_help(
                    &INVALID_VALUE,
                    raw.span.clone(),
                    format!(
                        "`{}` must be a date-time with a time-zone offset, found {}",
                        table.key_path(key),
                        datetime_kind(&raw.value)
                    ),
                    format!("add the time and offset, e.g. {}", example_timestamp(&raw.value)),
                );
                None
            }
        }
    }

    /// A local date (`2023-04-01`).
    pub fn date(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<jiff::civil::Date>> {
        let raw = self.datetime(table, key, required, "a date")?;
        match (raw.value.date, raw.value.time) {
            (Some(d), None) => match jiff::civil::Date::new(d.year as i16, d.month as i8, d.day as i8) {
                Ok(date) => Some(Sp::new(date, raw.span)),
                Err(_) => {
                    self.report(
                        &INVALID_VALUE,
                        raw.span,
                        format!("`{}` is not a date of the calendar", table.key_path(key)),
                    );
                    None
                }
            },
            _ => {
                self.report_help(
                    &INVALID_VALUE,
                    raw.span.clone(),
                    format!(
                        "`{}` must be a date, found {}",
                        table.key_path(key),
                        datetime_kind(&raw.value)
                    ),
                    "write just the date, e.g. 2023-04-01",
                );
                None
            }
        }
    }

    /// An array of strings.
    pub fn strings(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<Vec<Sp<String>>>> {
        let value = self.present(table, key, required)?;
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(table, key, value, "an array of strings");
            return None;
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::String(s) => out.push(Sp::new(s.to_string(), item.span())),
                other => {
                    let found = type_name(other);
                    self.report(
                        &INVALID_VALUE,
                        item.span(),
                        format!("`{}` must hold only strings, found {found}", table.key_path(key)),
                    );
                }
            }
        }
        Some(Sp::new(out, value.span()))
    }

    /// An array of ids, each checked against the id pattern.
    pub fn ids(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<Vec<Sp<String>>>> {
        let mut list = self.strings(table, key, required)?;
        let path = table.key_path(key);
        list.value.retain(|id| self.check_id(&path, id));
        Some(list)
    }

    /// An id value (`[a-z0-9][a-z0-9_-]{0,63}`).
    pub fn id(&mut self, table: &Table<'_, '_>, key: &str, required: bool) -> Option<Sp<String>> {
        let value = self.string(table, key, required)?;
        let path = table.key_path(key);
        self.check_id(&path, &value).then_some(value)
    }

    /// Reports an id that does not match the id pattern; true when it is fine.
    pub fn check_id(&mut self, path: &str, id: &Sp<String>) -> bool {
        if is_id(&id.value) {
            return true;
        }
        self.report_help(
            &INVALID_VALUE,
            id.span.clone(),
            format!("`{path}` = {:?} is not a valid id", id.value),
            "ids are 1 to 64 lower-case letters, digits, `-` or `_`, starting with a letter or digit",
        );
        false
    }

    /// A sub-table.
    pub fn table<'a, 'i>(&mut self, table: &Table<'a, 'i>, key: &str, required: bool) -> Option<Table<'a, 'i>> {
        let (name, value) = match table.table.get_key_value(key) {
            Some(kv) => kv,
            None => {
                if required {
                    self.missing(table, key);
                }
                return None;
            }
        };
        match value.get_ref() {
            DeValue::Table(t) => Some(Table {
                table: t,
                anchor: table_anchor(name.span(), value.span()),
                path: table.key_path(key),
            }),
            _ => {
                self.wrong_type(table, key, value, "a table");
                None
            }
        }
    }

    /// An array of tables (`[[key]]`), possibly empty.
    pub fn tables<'a, 'i>(&mut self, table: &Table<'a, 'i>, key: &str) -> Vec<Table<'a, 'i>> {
        let Some(value) = table.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(table, key, value, "an array of tables");
            return Vec::new();
        };
        let mut out = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(t) => out.push(Table {
                    table: t,
                    anchor: item.span(),
                    path: table.key_path(key),
                }),
                other => {
                    let found = type_name(other);
                    self.report(
                        &INVALID_VALUE,
                        item.span(),
                        format!("`{}` must hold tables, found {found}", table.key_path(key)),
                    );
                }
            }
        }
        out
    }
}

/// The span to point at for a table: its `[header]` when it has one, else its key.
fn table_anchor(key: Range<usize>, value: Range<usize>) -> Range<usize> {
    if value.start <= key.start && key.end <= value.end {
        value
    } else {
        key
    }
}

/// The number a TOML value holds, if it is an integer or a float.
pub fn number_value(value: &DeValue<'_>) -> Option<f64> {
    match value {
        DeValue::Integer(i) => i64::from_str_radix(&i.as_str().replace('_', ""), i.radix())
            .ok()
            .map(|n| n as f64),
        DeValue::Float(f) => {
            let text = f.as_str().replace('_', "");
            match text.as_str() {
                "inf" | "+inf" => Some(f64::INFINITY),
                "-inf" => Some(f64::NEG_INFINITY),
                "nan" | "+nan" | "-nan" => Some(f64::NAN),
                t => t.parse().ok(),
            }
        }
        _ => None,
    }
}

/// Whether `s` is a valid id of the configuration (`[a-z0-9][a-z0-9_-]{0,63}`).
pub fn is_id(s: &str) -> bool {
    let bytes = s.as_bytes();
    !bytes.is_empty()
        && bytes.len() <= 64
        && (bytes[0].is_ascii_lowercase() || bytes[0].is_ascii_digit())
        && bytes
            .iter()
            .all(|&b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The closest of `candidates` to `word`, when one is close enough to be a likely typo.
pub fn suggest<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (strsim::jaro_winkler(&lower, &c.to_lowercase()), c))
        .filter(|(score, _)| *score >= 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0).then_with(|| b.1.cmp(a.1)))
        .map(|(_, c)| c)
}

/// "did you mean `x`?" when one of `known` is close to `word`, else `otherwise()`.
pub fn did_you_mean<'c>(
    word: &str,
    known: impl IntoIterator<Item = &'c str>,
    otherwise: impl FnOnce() -> String,
) -> String {
    match suggest(word, known) {
        Some(close) => format!("did you mean `{close}`?"),
        None => otherwise(),
    }
}

/// Converts an offset date-time to an instant; `None` for any other kind of datetime.
pub fn to_timestamp(d: &toml::value::Datetime) -> Option<jiff::Timestamp> {
    let (date, time, offset) = (d.date?, d.time?, d.offset?);
    let minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => i32::from(minutes),
    };
    let civil = jiff::civil::DateTime::new(
        date.year as i16,
        date.month as i8,
        date.day as i8,
        time.hour as i8,
        time.minute as i8,
        time.second.unwrap_or(0) as i8,
        time.nanosecond.unwrap_or(0) as i32,
    )
    .ok()?;
    let offset = jiff::tz::Offset::from_seconds(minutes * 60).ok()?;
    offset.to_timestamp(civil).ok()
}

/// The local date of a TOML datetime that has a date part.
pub fn to_date(d: &toml::value::Datetime) -> Option<jiff::civil::Date> {
    let date = d.date?;
    jiff::civil::Date::new(date.year as i16, date.month as i8, date.day as i8).ok()
}

fn datetime_kind(d: &toml::value::Datetime) -> &'static str {
    type_name(&DeValue::Datetime(*d))
}

fn example_timestamp(d: &toml::value::Datetime) -> String {
    match d.date {
        Some(date) => format!(
            "{date}T{}+09:00",
            d.time.map_or("12:00:00".to_string(), |t| t.to_string())
        ),
        None => "2026-05-20T14:03:00+09:00".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_the_pattern() {
        assert!(is_id("tech-innovacity"));
        assert!(is_id("0a_b"));
        assert!(!is_id("Tech"));
        assert!(!is_id("-x"));
        assert!(!is_id(""));
        assert!(!is_id(&"a".repeat(65)));
        assert!(is_id(&"a".repeat(64)));
    }

    #[test]
    fn suggestions_find_typos_only() {
        assert_eq!(suggest("dealine", ["opens", "deadline"]), Some("deadline"));
        assert_eq!(suggest("zzz", ["opens", "deadline"]), None);
    }

    #[test]
    fn offsets_are_honoured() {
        let d: toml::value::Datetime = "2026-05-29T18:00:00+09:00".parse().unwrap();
        assert_eq!(to_timestamp(&d).unwrap().to_string(), "2026-05-29T09:00:00Z");
        let local: toml::value::Datetime = "2026-05-29T18:00:00".parse().unwrap();
        assert!(to_timestamp(&local).is_none());
    }
}
