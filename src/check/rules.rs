//! Custom rules (spec 3.3): each `[[rules]]` entry of prize.toml applied to one application.

use std::ops::Range;

use toml::de::DeValue;

use crate::diagnostics::finding::Finding;
use crate::diagnostics::source::SourceFile;
use crate::load::fields::{self, Table};
use crate::model::rules::{Check, Moment, Rule, Scalar};

/// Looks up a dotted path in an application document: the value and its span, or the span of
/// the deepest table that exists on the way (where a missing value is reported).
fn lookup<'a, 'i>(root: &Table<'a, 'i>, path: &str) -> Result<&'a toml::Spanned<DeValue<'i>>, Range<usize>> {
    let mut table = root.table;
    let mut anchor = root.anchor.clone();
    let mut parts = path.split('.').peekable();
    while let Some(part) = parts.next() {
        let Some((key, value)) = table.get_key_value(part) else {
            return Err(anchor);
        };
        if parts.peek().is_none() {
            return Ok(value);
        }
        match value.get_ref() {
            DeValue::Table(t) => {
                table = t;
                let (k, v) = (key.span(), value.span());
                anchor = if v.start <= k.start && k.end <= v.end { v } else { k };
            }
            _ => return Err(anchor),
        }
    }
    Err(anchor)
}

fn scalar_of(value: &DeValue<'_>) -> Option<Scalar> {
    match value {
        DeValue::String(s) => Some(Scalar::Text(s.to_string())),
        DeValue::Boolean(b) => Some(Scalar::Bool(*b)),
        v => fields::number_value(v).map(Scalar::Number),
    }
}

fn is_blank(value: &DeValue<'_>) -> bool {
    match value {
        DeValue::String(s) => s.trim().is_empty(),
        DeValue::Array(a) => a.is_empty(),
        DeValue::Table(t) => t.is_empty(),
        _ => false,
    }
}

fn show(s: &Scalar) -> String {
    match s {
        Scalar::Text(t) => format!("{t:?}"),
        Scalar::Number(n) => n.to_string(),
        Scalar::Bool(b) => b.to_string(),
    }
}

fn show_list(list: &[Scalar]) -> String {
    list.iter().map(show).collect::<Vec<_>>().join(", ")
}

/// Why a value fails a check, or `None` when it passes.
fn failure(check: &Check, value: &DeValue<'_>) -> Option<String> {
    let text = match value {
        DeValue::String(s) => Some(s.as_ref()),
        _ => None,
    };
    let found = fields::type_name(value);
    match check {
        Check::Required => is_blank(value).then(|| "it is empty".to_string()),
        Check::OneOf(list) | Check::NotOneOf(list) => {
            let want = matches!(check, Check::OneOf(_));
            let values: Vec<Option<Scalar>> = match value {
                DeValue::Array(items) => items.iter().map(|i| scalar_of(i.get_ref())).collect(),
                v => vec![scalar_of(v)],
            };
            values.into_iter().find_map(|v| match v {
                None => Some(format!("found {found}")),
                Some(v) if list.contains(&v) != want => Some(if want {
                    format!("{} is not one of {}", show(&v), show_list(list))
                } else {
                    format!("{} is not allowed", show(&v))
                }),
                Some(_) => None,
            })
        }
        Check::Matches(re) => match text {
            Some(t) if re.is_match(t) => None,
            Some(t) => Some(format!("{t:?} does not match the required pattern")),
            None => Some(format!("expected a string, found {found}")),
        },
        Check::MaxWords(n) | Check::MinWords(n) | Check::MaxChars(n) => {
            let Some(t) = text else {
                return Some(format!("expected a string, found {found}"));
            };
            match check {
                Check::MaxWords(_) => {
                    let words = t.split_whitespace().count() as u64;
                    (words > *n).then(|| format!("{words} words, more than {n}"))
                }
                Check::MinWords(_) => {
                    let words = t.split_whitespace().count() as u64;
                    (words < *n).then(|| format!("{words} words, fewer than {n}"))
                }
                _ => {
                    let chars = t.chars().count() as u64;
                    (chars > *n).then(|| format!("{chars} characters, more than {n}"))
                }
            }
        }
        Check::Min(limit) | Check::Max(limit) => match fields::number_value(value) {
            Some(n) if matches!(check, Check::Min(_)) && n < *limit => {
                Some(format!("{n} is below the minimum {limit}"))
            }
            Some(n) if matches!(check, Check::Max(_)) && n > *limit => {
                Some(format!("{n} is above the maximum {limit}"))
            }
            Some(n) if n.is_nan() => Some("it is not a number".to_string()),
            Some(_) => None,
            None => Some(format!("expected a number, found {found}")),
        },
        Check::Before(limit) | Check::After(limit) => {
            let DeValue::Datetime(d) = value else {
                return Some(format!("expected a date, found {found}"));
            };
            let Some(ordering) = compare(d, limit) else {
                return Some(format!("expected a date, found {found}"));
            };
            let before = matches!(check, Check::Before(_));
            let ok = if before { ordering.is_lt() } else { ordering.is_gt() };
            (!ok).then(|| {
                format!(
                    "{d} is not {} {}",
                    if before { "before" } else { "after" },
                    show_moment(limit)
                )
            })
        }
    }
}

fn show_moment(m: &Moment) -> String {
    match m {
        Moment::Instant(t) => t.to_string(),
        Moment::Date(d) => d.to_string(),
    }
}

/// Compares a datetime value with a limit: instants as instants, otherwise by calendar date.
fn compare(value: &toml::value::Datetime, limit: &Moment) -> Option<std::cmp::Ordering> {
    match limit {
        Moment::Instant(t) => match fields::to_timestamp(value) {
            Some(v) => Some(v.cmp(t)),
            None => {
                let date = fields::to_date(value)?;
                let limit_date = jiff::tz::Offset::UTC.to_datetime(*t).date();
                Some(date.cmp(&limit_date))
            }
        },
        Moment::Date(d) => fields::to_date(value).map(|v| v.cmp(d)),
    }
}

/// Applies every rule to one application document.
pub fn apply(rules: &[Rule], file: &SourceFile, root: &Table<'_, '_>, application_id: &str) -> Vec<Finding> {
    let mut findings = Vec::new();
    for rule in rules {
        // A list field (`project.beneficiaries`) matches when any of its items does.
        let applies = rule.when.iter().all(|(path, allowed)| {
            lookup(root, path).is_ok_and(|v| match v.get_ref() {
                DeValue::Array(items) => items
                    .iter()
                    .any(|i| scalar_of(i.get_ref()).is_some_and(|s| allowed.contains(&s))),
                other => scalar_of(other).is_some_and(|s| allowed.contains(&s)),
            })
        });
        if !applies {
            continue;
        }
        let (span, why) = match lookup(root, &rule.field) {
            Ok(value) => match failure(&rule.check, value.get_ref()) {
                Some(why) => (value.span(), why),
                None => continue,
            },
            Err(anchor) if matches!(rule.check, Check::Required) => (anchor, "it is missing".to_string()),
            Err(_) => continue,
        };
        let mut finding = file.finding(rule.effect, rule.id.clone(), span, rule.message.clone());
        finding.help = Some(format!("`{}`: {why}", rule.field));
        finding.application = Some(application_id.to_string());
        findings.push(finding);
    }
    findings
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn value(src: &str) -> toml::Spanned<DeValue<'static>> {
        let text: &'static str = Box::leak(format!("v = {src}").into_boxed_str());
        let doc = toml::de::DeTable::parse(text).unwrap();
        doc.get_ref().get("v").unwrap().clone()
    }

    #[test]
    fn word_and_char_limits() {
        assert!(failure(&Check::MaxWords(3), value("\"a b  c\"").get_ref()).is_none());
        assert!(failure(&Check::MaxWords(2), value("\"a b  c\"").get_ref()).is_some());
        assert!(failure(&Check::MinWords(4), value("\"a b c\"").get_ref()).is_some());
        assert!(failure(&Check::MaxChars(6), value("\"Bogotá\"").get_ref()).is_none());
        assert!(failure(&Check::MaxChars(5), value("\"Bogotá\"").get_ref()).is_some());
    }

    #[test]
    fn matches_the_whole_value() {
        let re = Regex::new("^(?:[0-9]+)$").unwrap();
        assert!(failure(&Check::Matches(re.clone()), value("\"123\"").get_ref()).is_none());
        assert!(failure(&Check::Matches(re), value("\"123a\"").get_ref()).is_some());
    }

    #[test]
    fn dates_compare_by_instant_or_day() {
        let limit = Moment::Date(jiff::civil::date(2024, 1, 1));
        assert!(failure(&Check::Before(limit), value("2023-12-31").get_ref()).is_none());
        assert!(failure(&Check::Before(limit), value("2024-01-01").get_ref()).is_some());
        assert!(failure(&Check::After(limit), value("2024-01-02").get_ref()).is_none());
    }

    #[test]
    fn numbers_and_lists() {
        assert!(failure(&Check::Min(100.0), value("99.5").get_ref()).is_some());
        assert!(failure(&Check::Max(100.0), value("100").get_ref()).is_none());
        let list = vec![Scalar::Text("a".into()), Scalar::Number(2.0)];
        assert!(failure(&Check::OneOf(list.clone()), value("2").get_ref()).is_none());
        assert!(failure(&Check::OneOf(list.clone()), value("[\"a\", \"b\"]").get_ref()).is_some());
        assert!(failure(&Check::NotOneOf(list), value("\"a\"").get_ref()).is_some());
    }
}
