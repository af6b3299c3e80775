//! An application's standing after the checks, and the codes behind it.

use serde::Serialize;

use crate::diagnostics::finding::{Finding, Severity};

/// An application's standing after the checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// No error and no eligibility finding that is not waived.
    #[default]
    Eligible,
    /// Fails an eligibility rule.
    Ineligible,
    /// Has an error.
    Invalid,
}

impl Status {
    /// The word users see.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Eligible => "eligible",
            Status::Ineligible => "ineligible",
            Status::Invalid => "invalid",
        }
    }

    /// `invalid` with an error, else `ineligible` with an eligibility finding, else `eligible`.
    pub fn of(findings: &[Finding]) -> Status {
        if findings.iter().any(|f| f.severity == Severity::Error) {
            Status::Invalid
        } else if findings.iter().any(|f| f.severity == Severity::Ineligible) {
            Status::Ineligible
        } else {
            Status::Eligible
        }
    }

    /// Parses a status name.
    pub fn parse(s: &str) -> Option<Status> {
        match s {
            "eligible" => Some(Status::Eligible),
            "ineligible" => Some(Status::Ineligible),
            "invalid" => Some(Status::Invalid),
            _ => None,
        }
    }
}

/// The codes that lead to `status = invalid` or `ineligible`, in finding order, each once.
pub fn reasons(findings: &[Finding], status: Status) -> Vec<String> {
    let wanted = match status {
        Status::Eligible => return Vec::new(),
        Status::Ineligible => Severity::Ineligible,
        Status::Invalid => Severity::Error,
    };
    let mut out: Vec<String> = Vec::new();
    for f in findings.iter().filter(|f| f.severity == wanted) {
        if !out.iter().any(|c| *c == f.code) {
            out.push(f.code.to_string());
        }
    }
    out
}
