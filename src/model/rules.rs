//! Custom rules (`[[rules]]` in `prize.toml`) as read: what each checks, of which field, when.

use regex::Regex;

use crate::diagnostics::finding::Severity;

/// The checks a rule may make, as written in `check`.
pub const CHECKS: &[&str] = &[
    "required",
    "one-of",
    "not-one-of",
    "matches",
    "max-words",
    "min-words",
    "max-chars",
    "min",
    "max",
    "before",
    "after",
];

/// A scalar a rule compares against.
#[derive(Clone, Debug, PartialEq)]
pub enum Scalar {
    /// A string.
    Text(String),
    /// A number.
    Number(f64),
    /// A boolean.
    Bool(bool),
}

/// A point in time a `before`/`after` rule compares against.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Moment {
    /// An offset date-time.
    Instant(jiff::Timestamp),
    /// A calendar date.
    Date(jiff::civil::Date),
}

/// What a rule checks of its field.
#[derive(Clone, Debug)]
pub enum Check {
    /// Present and not blank.
    Required,
    /// One of these values.
    OneOf(Vec<Scalar>),
    /// None of these values.
    NotOneOf(Vec<Scalar>),
    /// The whole value matches the expression.
    Matches(Regex),
    /// At most this many words.
    MaxWords(u64),
    /// At least this many words.
    MinWords(u64),
    /// At most this many characters.
    MaxChars(u64),
    /// A number at least this.
    Min(f64),
    /// A number at most this.
    Max(f64),
    /// A date or date-time before this.
    Before(Moment),
    /// A date or date-time after this.
    After(Moment),
}

/// One custom rule.
#[derive(Clone, Debug)]
pub struct Rule {
    /// The rule's id, which is also the code of its findings.
    pub id: String,
    /// What users read when it fails.
    pub message: String,
    /// The severity of its findings.
    pub effect: Severity,
    /// Conditions (field path, allowed values) that must all hold for the rule to apply.
    pub when: Vec<(String, Vec<Scalar>)>,
    /// Dotted path of the field checked.
    pub field: String,
    /// The check made.
    pub check: Check,
}
