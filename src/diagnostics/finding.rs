//! Findings: every problem the archive has, with where it is and how to fix it.

use std::borrow::Cow;
use std::fmt;
use std::ops::Range;

use serde::Serialize;

/// How bad a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The archive is broken: nothing can be ranked until it is fixed.
    Error,
    /// A well-formed application fails an eligibility rule.
    Ineligible,
    /// Worth a look; changes nothing.
    Warning,
}

impl Severity {
    /// The word users see (`error`, `ineligible`, `warning`).
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Ineligible => "ineligible",
            Severity::Warning => "warning",
        }
    }

    /// Parses the `effect` of a custom rule.
    pub fn from_effect(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "ineligible" => Some(Severity::Ineligible),
            "warning" => Some(Severity::Warning),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The line of source a finding points into, kept so it can be shown without the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The whole source line, without its line end.
    pub text: String,
    /// Byte range within `text` to underline (may be empty).
    pub underline: Range<usize>,
}

/// Where in a file something is, kept so findings can be made after the file is gone.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Position {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The source line.
    pub excerpt: Option<Excerpt>,
}

/// One problem found in the archive; serialised with the JSON keys of spec 3.4.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Finding {
    /// `error`, `ineligible` or `warning`.
    pub severity: Severity,
    /// Stable kebab-case code, or a custom rule's id.
    pub code: Cow<'static, str>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// File relative to the archive root, `/`-separated.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// The application concerned, when there is one.
    pub application: Option<String>,
    /// How to fix it, when that helps.
    pub help: Option<String>,
    /// The source line, for human output.
    #[serde(skip)]
    pub excerpt: Option<Excerpt>,
}

impl Finding {
    /// A finding at line 1, column 1 of `file`, with no source excerpt.
    pub fn at_file(
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        file: impl Into<String>,
        message: impl Into<String>,
    ) -> Finding {
        let start = Position {
            line: 1,
            column: 1,
            excerpt: None,
        };
        Finding::at(severity, code, file, &start, message)
    }

    /// A finding at a known position of `file`.
    pub fn at(
        severity: Severity,
        code: impl Into<Cow<'static, str>>,
        file: impl Into<String>,
        position: &Position,
        message: impl Into<String>,
    ) -> Finding {
        Finding {
            severity,
            code: code.into(),
            message: message.into(),
            file: file.into(),
            line: position.line,
            column: position.column,
            application: None,
            help: None,
            excerpt: position.excerpt.clone(),
        }
    }

    /// Adds a help line.
    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// Names the application concerned.
    #[must_use]
    pub fn for_application(mut self, id: impl Into<String>) -> Finding {
        self.application = Some(id.into());
        self
    }

    /// The order findings are printed in: file, line, column, then code.
    pub fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        (&self.file, self.line, self.column, &self.code, &self.message)
    }
}

/// Sorts findings by file and position, as every output prints them.
pub fn sort(findings: &mut [Finding]) {
    findings.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
}
