//! Custom rules (`[[rules]]` in `prize.toml`): reading them (`check::rules` applies them).

use regex::{Regex, RegexBuilder};
use toml::de::DeValue;

use crate::diagnostics::finding::Severity;
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
