//! The mapping file of `prize applications import` (`intake.toml`): which column of the export
//! feeds each field of an application, how values translate, how dates and times are written
//! and in which IANA time zone, how lists split, and where ids come from.
//!
//! It is read like any configuration: every problem is a finding with the file, line and column
//! (`toml-syntax`, `unknown-field`, `missing-field`, `invalid-value`, `config-invalid`).

use std::collections::HashMap;
use std::ops::Range;

use toml::de::DeValue;

use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::config::CONFIG_INVALID;
use crate::load::fields::{self, INVALID_VALUE, MISSING_FIELD, Reader, Sp, Table};

/// What kind of value a field holds, which decides how a cell becomes TOML.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A string.
    Text,
    /// An offset date-time (`submitted`).
    Instant,
    /// A local date (`project.started`).
    Date,
    /// An array of strings (`project.beneficiaries`).
    List,
}

/// Every field an import can fill, in the order of the spec's section 1.3 (the order the
/// written files keep), with its kind and whether an application requires it.
pub const FIELDS: &[(&str, Kind, bool)] = &[
    ("title", Kind::Text, true),
    ("track", Kind::Text, true),
    ("sector", Kind::Text, true),
    ("submitted", Kind::Instant, true),
    ("applicant.type", Kind::Text, true),
    ("applicant.name", Kind::Text, true),
    ("applicant.country", Kind::Text, true),
    ("applicant.city", Kind::Text, false),
    ("applicant.organization", Kind::Text, false),
    ("applicant.email", Kind::Text, true),
    ("project.summary", Kind::Text, true),
    ("project.status", Kind::Text, true),
    ("project.started", Kind::Date, false),
    ("project.beneficiaries", Kind::List, false),
    ("project.website", Kind::Text, false),
];

const TOP_KEYS: &[&str] = &[
    "id",
    "title",
    "track",
    "sector",
    "submitted",
    "applicant",
    "project",
    "values",
];
const APPLICANT_KEYS: &[&str] = &["type", "name", "country", "city", "organization", "email"];
const PROJECT_KEYS: &[&str] = &["summary", "status", "started", "beneficiaries", "website"];
const SOURCE_KEYS: &[&str] = &["column", "value", "format", "timezone", "split"];

/// Where a field's value comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The cells of the column with this header.
    Column(String),
    /// The same value for every row (`{ value = "tech-innovacity" }`), e.g. for an export per track.
    Value(String),
}

/// One mapped field.
#[derive(Clone, Debug)]
pub struct Field {
    /// Index into [`FIELDS`].
    pub field: usize,
    /// Where its value comes from.
    pub source: Source,
    /// Where the source is written in the mapping file (the column's name), for findings.
    pub span: Range<usize>,
    /// The `strftime`-style format of date and time text (`%d/%m/%Y %H:%M:%S`).
    pub format: Option<String>,
    /// The time zone local times are in.
    pub timezone: Option<jiff::tz::TimeZone>,
    /// The separator of a list's items.
    pub split: Option<String>,
    /// Value translations: the cell as written (trimmed) to the value written.
    pub values: HashMap<String, String>,
}

impl Field {
    /// The field's dotted path (`applicant.email`).
    pub fn path(&self) -> &'static str {
        FIELDS[self.field].0
    }

    /// The field's kind.
    pub fn kind(&self) -> Kind {
        FIELDS[self.field].1
    }

    /// A cell's value after the translation table (the cell as written when it has none).
    pub fn translate<'v>(&'v self, value: &'v str) -> &'v str {
        self.values.get(value).map_or(value, String::as_str)
    }
}

/// Where ids come from.
#[derive(Clone, Debug)]
pub enum Ids {
    /// A column of the export.
    Column {
        /// Its header.
        column: String,
        /// Where it is written in the mapping file.
        span: Range<usize>,
    },
    /// Numbered from 1 in order of submission (ties by row order): `prefix` and the number
    /// written with at least `digits` digits.
    Numbered {
        /// Written before the number.
        prefix: String,
        /// The least number of digits (zeros in front).
        digits: usize,
    },
}

/// A mapping file, read.
#[derive(Debug)]
pub struct Mapping {
    /// The file as given on the command line.
    pub file: SourceFile,
    /// Where ids come from.
    pub ids: Ids,
    /// The mapped fields, in [`FIELDS`] order.
    pub fields: Vec<Field>,
}

impl Mapping {
    /// Every column the mapping reads (id included), with where it is named in the mapping file.
    pub fn columns(&self) -> Vec<(&str, Range<usize>)> {
        let mut out = Vec::new();
        if let Ids::Column { column, span } = &self.ids {
            out.push((column.as_str(), span.clone()));
        }
        for f in &self.fields {
            if let Source::Column(c) = &f.source {
                out.push((c.as_str(), f.span.clone()));
            }
        }
        out
    }

    /// The mapped field at `path`, if any.
    pub fn field(&self, path: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.path() == path)
    }
}

/// Reads a mapping file. `None` when it has an error; the findings say why.
pub fn parse(file: SourceFile) -> (Option<Mapping>, Vec<Finding>) {
    let doc = match fields::parse(&file) {
        Ok(doc) => doc,
        Err(findings) => return (None, findings),
    };
    let mut r = Reader::new(&file, Severity::Error);
    let root = r.root(&doc);
    r.unknown_keys(&root, TOP_KEYS);
    let ids = ids(&mut r, &root);
    let mut mapped = Vec::new();
    let applicant = r.table(&root, "applicant", false);
    let project = r.table(&root, "project", false);
    if let Some(t) = &applicant {
        r.unknown_keys(t, APPLICANT_KEYS);
    }
    if let Some(t) = &project {
        r.unknown_keys(t, PROJECT_KEYS);
    }
    for (i, (path, kind, required)) in FIELDS.iter().enumerate() {
        let (table, key) = match path.split_once('.') {
            Some(("applicant", key)) => (applicant.as_ref(), key),
            Some((_, key)) => (project.as_ref(), key),
            None => (Some(&root), *path),
        };
        let Some(table) = table else {
            if *required {
                missing(&mut r, path);
            }
            continue;
        };
        match table.get(key) {
            Some(_) => {
                if let Some(f) = field(&mut r, table, key, i, *kind) {
                    mapped.push(f);
                }
            }
            None if *required => missing(&mut r, path),
            None => {}
        }
    }
    translations(&mut r, &root, &mut mapped);
    let findings = r.findings;
    let failed = findings.iter().any(|f| f.severity == Severity::Error);
    drop(doc);
    match ids {
        Some(ids) if !failed => (
            Some(Mapping {
                file,
                ids,
                fields: mapped,
            }),
            findings,
        ),
        _ => (None, findings),
    }
}

fn missing(r: &mut Reader<'_>, path: &str) {
    let (table, key) = path.split_once('.').map_or(("", path), |(t, k)| (t, k));
    let help = if table.is_empty() {
        format!("name the export's column: `{key} = \"Column header\"`")
    } else {
        format!("name the export's column under `[{table}]`: `{key} = \"Column header\"`")
    };
    r.report_help(
        &MISSING_FIELD,
        0..0,
        format!("missing `{path}`: an application requires it, so the map must say which column holds it"),
        help,
    );
}

/// `id = "Column"`, `id = { column = "..." }` or `id = { prefix = "SSCP-2026-", digits = 4 }`.
fn ids(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Option<Ids> {
    let Some(value) = root.get("id") else {
        r.report_help(
            &MISSING_FIELD,
            0..0,
            "missing `id`: say where the applications' ids come from",
            "a column (`id = \"Application number\"`), or numbers in order of submission \
             (`id = { prefix = \"SSCP-2026-\", digits = 4 }`)",
        );
        return None;
    };
    match value.get_ref() {
        DeValue::String(s) => Some(Ids::Column {
            column: s.to_string(),
            span: value.span(),
        }),
        DeValue::Table(_) => {
            let t = r.table(root, "id", false)?;
            if t.get("column").is_some() {
                r.unknown_keys(&t, &["column"]);
                let column = r.text(&t, "column", true)?;
                return Some(Ids::Column {
                    column: column.value,
                    span: column.span,
                });
            }
            r.unknown_keys(&t, &["prefix", "digits", "column"]);
            let prefix = r.string(&t, "prefix", false).map(|p| p.value).unwrap_or_default();
            let digits = r.integer(&t, "digits", false, 1).map_or(Some(1), |d| {
                if d.value > 20 {
                    r.report(&INVALID_VALUE, d.span, "`id.digits` must be at most 20");
                    None
                } else {
                    usize::try_from(d.value).ok()
                }
            })?;
            if !prefix.is_empty() && !crate::load::application::is_application_id(&format!("{prefix}1")) {
                r.report_help(
                    &INVALID_VALUE,
                    t.get("prefix").map_or(0..0, toml::Spanned::span),
                    format!("`id.prefix` = {prefix:?} cannot start an application id"),
                    "application ids are letters, digits, `.`, `_` or `-`, starting with a letter or digit",
                );
                return None;
            }
            Some(Ids::Numbered { prefix, digits })
        }
        other => {
            r.report(
                &INVALID_VALUE,
                value.span(),
                format!(
                    "`id` must be a column's name or a table, found {}",
                    fields::type_name(other)
                ),
            );
            None
        }
    }
}

/// One field's source: a column's name, or a table with `column` (or `value`) and the options
/// that suit its kind.
fn field(r: &mut Reader<'_>, table: &Table<'_, '_>, key: &str, index: usize, kind: Kind) -> Option<Field> {
    let path = table.key_path(key);
    let mut out = Field {
        field: index,
        source: Source::Value(String::new()),
        span: 0..0,
        format: None,
        timezone: None,
        split: None,
        values: HashMap::new(),
    };
    let value = table.get(key)?;
    if let DeValue::String(s) = value.get_ref() {
        out.source = Source::Column(s.to_string());
        out.span = value.span();
        if s.trim().is_empty() {
            r.report(&INVALID_VALUE, value.span(), format!("`{path}` names no column"));
            return None;
        }
        return needs_timezone(r, out, &path, value.span());
    }
    let t = r.table(table, key, false)?;
    r.unknown_keys(&t, SOURCE_KEYS);
    let column = r.text(&t, "column", false);
    let constant = r.string(&t, "value", false);
    match (column, constant) {
        (Some(c), None) => {
            out.source = Source::Column(c.value);
            out.span = c.span;
        }
        (None, Some(v)) => {
            out.source = Source::Value(v.value);
            out.span = v.span;
        }
        (Some(_), Some(v)) => {
            r.report(
                &CONFIG_INVALID,
                v.span,
                format!("`{path}` has both a `column` and a `value`: keep one"),
            );
            return None;
        }
        (None, None) => {
            r.report_help(
                &MISSING_FIELD,
                t.anchor.clone(),
                format!("`{path}` names no column"),
                "add `column = \"Column header\"` (or `value = \"...\"` for the same value in every row)",
            );
            return None;
        }
    }
    let date_like = matches!(kind, Kind::Instant | Kind::Date);
    if let Some(format) = r.string(&t, "format", false) {
        if !date_like {
            r.report(
                &CONFIG_INVALID,
                format.span,
                format!("`{path}` is not a date or a time: `format` does not apply"),
            );
        } else if let Err(why) = check_format(&format.value, kind) {
            r.report_help(
                &CONFIG_INVALID,
                format.span,
                format!("`{path}.format` = {:?} is not a date format: {why}", format.value),
                "use strftime directives, e.g. \"%d/%m/%Y %H:%M:%S\" or \"%Y-%m-%d\"",
            );
        } else {
            out.format = Some(format.value);
        }
    }
    if let Some(zone) = r.string(&t, "timezone", false) {
        if kind != Kind::Instant {
            r.report(
                &CONFIG_INVALID,
                zone.span,
                format!("`{path}` is not a date-time: `timezone` does not apply"),
            );
        } else {
            out.timezone = time_zone(r, &path, &zone);
        }
    }
    if let Some(split) = r.string(&t, "split", false) {
        if kind != Kind::List {
            r.report(
                &CONFIG_INVALID,
                split.span,
                format!("`{path}` is not a list: `split` does not apply"),
            );
        } else if split.value.is_empty() {
            r.report(&CONFIG_INVALID, split.span, format!("`{path}.split` is empty"));
        } else {
            out.split = Some(split.value);
        }
    }
    let anchor = t.anchor.clone();
    needs_timezone(r, out, &path, anchor)
}

/// A date-time's field needs a time zone unless its format reads an offset, since a form's
/// local times mean nothing without one.
fn needs_timezone(r: &mut Reader<'_>, field: Field, path: &str, span: Range<usize>) -> Option<Field> {
    let offset_in_format = field
        .format
        .as_deref()
        .is_some_and(|f| f.contains("%z") || f.contains("%:z") || f.contains("%::z") || f.contains("%Q"));
    if field.kind() == Kind::Instant
        && field.timezone.is_none()
        && !offset_in_format
        && matches!(field.source, Source::Column(_))
    {
        r.report_help(
            &MISSING_FIELD,
            span,
            format!("`{path}` needs a `timezone`: the export's times are local times"),
            format!(
                "write `{} = {{ column = \"...\", format = \"%d/%m/%Y %H:%M:%S\", timezone = \"Asia/Seoul\" }}` \
                 (an IANA time-zone name)",
                path.rsplit('.').next().unwrap_or(path)
            ),
        );
        return None;
    }
    Some(field)
}

/// An IANA time zone from the bundled database.
fn time_zone(r: &mut Reader<'_>, path: &str, zone: &Sp<String>) -> Option<jiff::tz::TimeZone> {
    match jiff::tz::TimeZone::get(zone.value.trim()) {
        Ok(tz) => Some(tz),
        Err(_) => {
            let names: Vec<String> = jiff::tz::db().available().map(|n| n.as_str().to_string()).collect();
            let help = fields::did_you_mean(&zone.value, names.iter().map(String::as_str), || {
                "use an IANA time-zone name such as Asia/Seoul, Europe/Paris or America/Bogota".to_string()
            });
            r.report_help(
                &INVALID_VALUE,
                zone.span.clone(),
                format!(
                    "`{path}.timezone` = {:?} is not a time zone of the IANA database",
                    zone.value
                ),
                help,
            );
            None
        }
    }
}

/// Whether `format` can read a value of `kind`: it must format a sample (so every directive is
/// known) and name the parts the kind needs.
fn check_format(format: &str, kind: Kind) -> Result<(), String> {
    let sample = jiff::civil::date(2026, 5, 20).at(14, 3, 9, 0);
    jiff::fmt::strtime::format(format, sample).map_err(|e| e.to_string())?;
    let has = |d: &[&str]| d.iter().any(|x| format.contains(x));
    let date = has(&["%Y", "%y", "%F", "%D", "%G"]) && (has(&["%d", "%e", "%F", "%D", "%j"]) || has(&["%V"]));
    if !date {
        return Err("it has no year, month and day (%Y, %m, %d)".to_string());
    }
    if kind == Kind::Instant && !has(&["%H", "%I", "%k", "%l", "%T", "%R", "%c"]) {
        return Err("a date-time needs the hour (%H)".to_string());
    }
    Ok(())
}

/// `[values.<field>]` tables: `"as the form writes it" = "as the archive writes it"`.
fn translations(r: &mut Reader<'_>, root: &Table<'_, '_>, mapped: &mut [Field]) {
    let Some(values) = r.table(root, "values", false) else {
        return;
    };
    r.unknown_keys(&values, &["title", "track", "sector", "applicant", "project"]);
    let mut tables: Vec<(String, Table<'_, '_>)> = Vec::new();
    for (key, _) in values.table.iter() {
        let key = key.get_ref().as_ref();
        if key == "applicant" || key == "project" {
            let Some(nested) = r.table(&values, key, false) else {
                continue;
            };
            let known = if key == "applicant" {
                APPLICANT_KEYS
            } else {
                PROJECT_KEYS
            };
            r.unknown_keys(&nested, known);
            for (sub, _) in nested.table.iter() {
                let sub = sub.get_ref().as_ref();
                if known.contains(&sub)
                    && let Some(t) = r.table(&nested, sub, false)
                {
                    tables.push((format!("{key}.{sub}"), t));
                }
            }
        } else if ["title", "track", "sector"].contains(&key)
            && let Some(t) = r.table(&values, key, false)
        {
            tables.push((key.to_string(), t));
        }
    }
    for (path, t) in tables {
        let Some(field) = mapped.iter_mut().find(|f| f.path() == path) else {
            r.report(
                &CONFIG_INVALID,
                t.anchor.clone(),
                format!("`[values.{path}]` translates a field that no column feeds"),
            );
            continue;
        };
        if matches!(field.kind(), Kind::Instant | Kind::Date) {
            r.report(
                &CONFIG_INVALID,
                t.anchor.clone(),
                format!("`{path}` is a date: its values are read with `format`, not translated"),
            );
            continue;
        }
        for (key, value) in t.table.iter() {
            let from = key.get_ref().as_ref().trim().to_string();
            match value.get_ref() {
                DeValue::String(to) => {
                    field.values.insert(from, to.to_string());
                }
                other => {
                    r.report(
                        &INVALID_VALUE,
                        value.span(),
                        format!(
                            "`values.{path}` translates to strings, found {}",
                            fields::type_name(other)
                        ),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REQUIRED: &str = r#"
title = "Title"
sector = "Sector"
submitted = { column = "When", format = "%d/%m/%Y %H:%M", timezone = "Asia/Seoul" }
[applicant]
type = "Type"
name = "Name"
country = "Country"
email = "E-mail"
[project]
summary = "Summary"
status = "Status"
"#;

    fn read(text: &str) -> (Option<Mapping>, Vec<Finding>) {
        parse(SourceFile::new("intake.toml", text))
    }

    #[test]
    fn constants_translations_and_numbered_ids() {
        let text = format!(
            "id = {{ prefix = \"X-\", digits = 3 }}\ntrack = {{ value = \"leadership\" }}\n{REQUIRED}\
             [values.sector]\n\"Mobility / Transport\" = \"mobility\"\n[values.applicant.type]\n\"Person\" = \"individual\"\n"
        );
        let (mapping, findings) = read(&text);
        assert!(findings.is_empty(), "{findings:?}");
        let mapping = mapping.unwrap();
        assert!(matches!(&mapping.ids, Ids::Numbered { prefix, digits: 3 } if prefix == "X-"));
        let track = mapping.field("track").unwrap();
        assert_eq!(track.source, Source::Value("leadership".into()));
        let sector = mapping.field("sector").unwrap();
        assert_eq!(sector.translate("Mobility / Transport"), "mobility");
        assert_eq!(
            sector.translate("Energy"),
            "Energy",
            "a value missing from the table is used as written"
        );
        assert_eq!(
            mapping.field("applicant.type").unwrap().translate("Person"),
            "individual"
        );
        let fields: Vec<&str> = mapping.fields.iter().map(Field::path).collect();
        assert_eq!(fields[..3], ["title", "track", "sector"], "in the order of section 1.3");
    }

    #[test]
    fn problems_point_at_their_value() {
        let text = format!("id = \"No.\"\ntrack = \"Track\"\n{REQUIRED}[values.sectr]\n\"a\" = \"b\"\n")
            .replace("%d/%m/%Y %H:%M", "%d/%m/%Y");
        let (mapping, findings) = read(&text);
        assert!(mapping.is_none());
        let at: Vec<(&str, usize, usize)> = findings.iter().map(|f| (&*f.code, f.line, f.column)).collect();
        let line = text.lines().position(|l| l.starts_with("submitted")).unwrap() + 1;
        let column = text.lines().nth(line - 1).unwrap().find("\"%d").unwrap() + 1;
        assert!(at.contains(&("config-invalid", line, column)), "{at:?}");
        let values = text.lines().position(|l| l.contains("sectr")).unwrap() + 1;
        assert!(at.contains(&("unknown-field", values, 9)), "{at:?}");
    }
}
