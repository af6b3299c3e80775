//! Custom rules (`[[rules]]` in `prize.toml`): parsing them and applying them to one application.

use std::ops::Range;

use regex::{Regex, RegexBuilder};
use toml::de::DeValue;

use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::load::application;
use crate::load::config::CONFIG_INVALID;
use crate::load::fields::{self, Reader, Sp, Table};
use crate::model::rules::{CHECKS, Check, Moment, Rule, Scalar};

/// Reads every `[[rules]]` table.
pub fn parse_all(r: &mut Reader<'_>, root: &Table<'_, '_>) -> Vec<Rule> {
    let mut out: Vec<Rule> = Vec::new();
    let tables = r.tables(root, "rules");
    let expressions = tables
        .iter()
        .filter(|t| matches!(t.get("check").map(|c| c.get_ref()), Some(DeValue::String(c)) if c == "matches"))
        .count();
    let share = RegexShare(REGEX_BUDGET / expressions.max(1));
    for t in tables {
        r.unknown_keys(&t, &["id", "message", "effect", "when", "field", "check", "value"]);
        let id = r.id(&t, "id", true);
        if let Some(id) = &id {
            if !crate::load::config::rule_id_free(&id.value) {
                r.report_help(
                    &CONFIG_INVALID,
                    id.span.clone(),
                    format!("rule id `{}` is a built-in finding code", id.value),
                    "give the rule an id of its own, e.g. with a prefix",
                );
            } else if out.iter().any(|o| o.id == id.value) {
                r.report(
                    &crate::load::ids::DUPLICATE_ID,
                    id.span.clone(),
                    format!("rule `{}` is defined twice", id.value),
                );
            }
        }
        let message = r.text(&t, "message", true);
        let effect = r.string(&t, "effect", true).and_then(|e| {
            let parsed = Severity::from_effect(&e.value);
            if parsed.is_none() {
                r.report_help(
                    &CONFIG_INVALID,
                    e.span,
                    format!("unknown effect `{}`", e.value),
                    "effects are error, ineligible and warning",
                );
            }
            parsed
        });
        let field = r.string(&t, "field", true).and_then(|f| field_path(r, f));
        let when = when(r, &t);
        let check = check(r, &t, share);
        if let (Some(id), Some(message), Some(effect), Some(field), Some(when), Some(check)) =
            (id, message, effect, field, when, check)
            && crate::load::config::rule_id_free(&id.value)
            && !out.iter().any(|o| o.id == id.value)
        {
            out.push(Rule {
                id: id.value,
                message: message.value,
                effect,
                when,
                field,
                check,
            });
        }
    }
    out
}

/// Checks that a dotted path names a field an application can have.
fn field_path(r: &mut Reader<'_>, path: Sp<String>) -> Option<String> {
    match application::check_path(&path.value) {
        Ok(()) => Some(path.value),
        Err(help) => {
            r.report_help(
                &CONFIG_INVALID,
                path.span,
                format!("`{}` is not a field of an application", path.value),
                help,
            );
            None
        }
    }
}

fn when(r: &mut Reader<'_>, t: &Table<'_, '_>) -> Option<Vec<(String, Vec<Scalar>)>> {
    let Some(table) = r.table(t, "when", false) else {
        return t.get("when").is_none().then(Vec::new);
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (key, value) in table.table.iter() {
        let Some(path) = field_path(r, Sp::new(key.get_ref().to_string(), key.span())) else {
            ok = false;
            continue;
        };
        let values = match value.get_ref() {
            DeValue::Array(items) => items.iter().map(|i| scalar(r, i)).collect::<Option<Vec<_>>>(),
            _ => scalar(r, value).map(|s| vec![s]),
        };
        match values {
            Some(v) => out.push((path, v)),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

fn scalar(r: &mut Reader<'_>, value: &toml::Spanned<DeValue<'_>>) -> Option<Scalar> {
    match value.get_ref() {
        DeValue::String(s) => Some(Scalar::Text(s.to_string())),
        DeValue::Boolean(b) => Some(Scalar::Bool(*b)),
        v => match fields::number_value(v) {
            Some(n) if n.is_finite() => Some(Scalar::Number(n)),
            _ => {
                let found = fields::type_name(v);
                r.report(
                    &CONFIG_INVALID,
                    value.span(),
                    format!("rule values must be strings, numbers or booleans, found {found}"),
                );
                None
            }
        },
    }
}

/// The bytes the compiled regular expressions of all the rules may take together (each of the
/// program and the lazy DFA's cache), so that a `prize.toml` of many huge patterns (`\w{1000}`)
/// is refused rather than compiled into gigabytes.
pub const REGEX_BUDGET: usize = 10 << 20;

/// One expression's even share of [`REGEX_BUDGET`], in bytes.
#[derive(Clone, Copy, Debug)]
struct RegexShare(usize);

impl RegexShare {
    fn compile(self, pattern: &str) -> Result<Regex, regex::Error> {
        RegexBuilder::new(pattern)
            .size_limit(self.0)
            .dfa_size_limit(self.0)
            .build()
    }
}

fn check(r: &mut Reader<'_>, t: &Table<'_, '_>, share: RegexShare) -> Option<Check> {
    let name = r.string(t, "check", true)?;
    let value = t.get("value");
    let needs_value = name.value != "required";
    if !CHECKS.contains(&name.value.as_str()) {
        let help = fields::did_you_mean(&name.value, CHECKS.iter().copied(), || {
            format!("checks: {}", CHECKS.join(", "))
        });
        r.report_help(
            &CONFIG_INVALID,
            name.span,
            format!("unknown check `{}`", name.value),
            help,
        );
        return None;
    }
    let value = match (value, needs_value) {
        (None, true) => {
            r.report_help(
                &CONFIG_INVALID,
                name.span.clone(),
                format!("check `{}` needs a `value`", name.value),
                "add `value = …` to the rule",
            );
            return None;
        }
        (Some(v), false) => {
            r.report(&CONFIG_INVALID, v.span(), "check `required` takes no `value`");
            return None;
        }
        (None, false) => return Some(Check::Required),
        (Some(v), true) => v,
    };
    let span = value.span();
    let bad = |r: &mut Reader<'_>, expected: &str| {
        r.report(
            &CONFIG_INVALID,
            span.clone(),
            format!("check `{}` needs {expected} as its `value`", name.value),
        );
        None
    };
    match name.value.as_str() {
        "one-of" | "not-one-of" => {
            let DeValue::Array(items) = value.get_ref() else {
                return bad(r, "a list");
            };
            let list = items.iter().map(|i| scalar(r, i)).collect::<Option<Vec<_>>>()?;
            Some(if name.value == "one-of" {
                Check::OneOf(list)
            } else {
                Check::NotOneOf(list)
            })
        }
        "matches" => {
            let DeValue::String(pattern) = value.get_ref() else {
                return bad(r, "a regular expression string");
            };
            // Checked on its own first: wrapping can make a broken pattern valid (`a)|(b`).
            match share
                .compile(pattern)
                .and_then(|_| share.compile(&format!("^(?:{pattern})$")))
            {
                Ok(re) => Some(Check::Matches(re)),
                Err(regex::Error::CompiledTooBig(limit)) => {
                    r.report_help(
                        &CONFIG_INVALID,
                        span,
                        format!(
                            "regular expression too big: it compiles to more than {limit} bytes, its share of \
                             the {} MiB all `matches` rules share",
                            REGEX_BUDGET >> 20
                        ),
                        "use a smaller pattern (a bounded repetition like `\\w{1000}` is expanded in full), \
                         or fewer `matches` rules",
                    );
                    None
                }
                Err(e) => {
                    let detail = e.to_string();
                    let last = detail.lines().last().unwrap_or_default().trim().to_string();
                    r.report(&CONFIG_INVALID, span, format!("invalid regular expression: {last}"));
                    None
                }
            }
        }
        "max-words" | "min-words" | "max-chars" => match value.get_ref() {
            DeValue::Integer(_) => match fields::number_value(value.get_ref()) {
                Some(n) if n >= 0.0 => {
                    let n = n as u64;
                    Some(match name.value.as_str() {
                        "max-words" => Check::MaxWords(n),
                        "min-words" => Check::MinWords(n),
                        _ => Check::MaxChars(n),
                    })
                }
                _ => bad(r, "a whole number of at least 0"),
            },
            _ => bad(r, "a whole number"),
        },
        "min" | "max" => match fields::number_value(value.get_ref()) {
            Some(n) if n.is_finite() => Some(if name.value == "min" {
                Check::Min(n)
            } else {
                Check::Max(n)
            }),
            _ => bad(r, "a number"),
        },
        _ => {
            let moment = match value.get_ref() {
                DeValue::Datetime(d) => moment(d),
                _ => None,
            };
            match moment {
                Some(m) => Some(if name.value == "before" {
                    Check::Before(m)
                } else {
                    Check::After(m)
                }),
                None => bad(r, "a date or an offset date-time"),
            }
        }
    }
}

fn moment(d: &toml::value::Datetime) -> Option<Moment> {
    match (d.date, d.time, d.offset) {
        (Some(_), Some(_), Some(_)) => fields::to_timestamp(d).map(Moment::Instant),
        (Some(_), None, None) => fields::to_date(d).map(Moment::Date),
        _ => None,
    }
}

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
