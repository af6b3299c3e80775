//! The result of `prize validate`: the findings, the counts and each application's status.

use serde::Serialize;

use crate::check::references::PICK_NOT_ELIGIBLE;
use crate::diagnostics::finding::{Finding, Severity};
use crate::load::ids::UNKNOWN_APPLICATION;
use crate::load::{Archive, CONFIG_FILE};
use crate::model::Status;
use crate::model::config::Config;
use crate::model::status::reasons;

/// Counts for the summary line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Application files.
    pub applications: usize,
    /// Applications with status `eligible`.
    pub eligible: usize,
    /// Applications with status `ineligible`.
    pub ineligible: usize,
    /// Applications with status `invalid`.
    pub invalid: usize,
    /// Findings of severity `error`.
    pub errors: usize,
    /// Findings of severity `warning`.
    pub warnings: usize,
}

/// One application's standing.
#[derive(Clone, Debug, Serialize)]
pub struct ApplicationStatus {
    /// Application id.
    pub id: String,
    /// File relative to the archive root.
    pub file: String,
    /// Track id (null when unknown).
    pub track: Option<String>,
    /// `eligible`, `ineligible` or `invalid`.
    pub status: Status,
    /// The codes that made it ineligible or invalid.
    pub reasons: Vec<String>,
}

/// Everything `validate` reports.
#[derive(Debug)]
pub struct Validation<'a> {
    /// The counts.
    pub summary: Summary,
    /// Every finding, sorted by file and position.
    pub findings: Vec<&'a Finding>,
    /// Every application, in path order.
    pub applications: Vec<ApplicationStatus>,
}

impl<'a> Validation<'a> {
    /// Gathers the validation result of a loaded archive.
    pub fn of(archive: &'a Archive) -> Validation<'a> {
        let findings = archive.all_findings();
        let mut summary = Summary {
            applications: archive.applications.len(),
            ..Summary::default()
        };
        for f in &findings {
            match f.severity {
                Severity::Error => summary.errors += 1,
                Severity::Warning => summary.warnings += 1,
                Severity::Ineligible => {}
            }
        }
        let applications = archive
            .applications
            .iter()
            .map(|a| {
                match a.status {
                    Status::Eligible => summary.eligible += 1,
                    Status::Ineligible => summary.ineligible += 1,
                    Status::Invalid => summary.invalid += 1,
                }
                ApplicationStatus {
                    id: a.id.clone(),
                    file: a.file.clone(),
                    track: a.track.as_ref().map(|t| t.value.clone()),
                    status: a.status,
                    reasons: reasons(&a.findings, a.status),
                }
            })
            .collect();
        Validation {
            summary,
            findings,
            applications,
        }
    }
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Summary {
    /// `240 applications: 231 eligible, 7 ineligible, 2 invalid; 3 errors, 5 warnings`
    pub fn line(&self) -> String {
        format!(
            "{}: {} eligible, {} ineligible, {} invalid; {}, {}",
            plural(self.applications, "application", "applications"),
            self.eligible,
            self.ineligible,
            self.invalid,
            plural(self.errors, "error", "errors"),
            plural(self.warnings, "warning", "warnings"),
        )
    }
}

/// The configuration a command works from, or `None` when prize.toml has errors: nothing is
/// ranked or decided then. Picks that
/// name an unknown or ineligible application concern only their award (spec section 6), so
/// they do not count here.
pub fn usable_config<'a>(archive: &'a Archive, validation: &Validation<'_>) -> Option<&'a Config> {
    let concerns_one_award = |code: &str| code == UNKNOWN_APPLICATION.name || code == PICK_NOT_ELIGIBLE.name;
    let broken = validation
        .findings
        .iter()
        .any(|f| f.file == CONFIG_FILE && f.severity == Severity::Error && !concerns_one_award(&f.code));
    archive.config.as_ref().filter(|_| !broken)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn summary_line_matches_the_spec() {
        let s = Summary {
            applications: 240,
            eligible: 231,
            ineligible: 7,
            invalid: 2,
            errors: 3,
            warnings: 5,
        };
        assert_eq!(
            s.line(),
            "240 applications: 231 eligible, 7 ineligible, 2 invalid; 3 errors, 5 warnings"
        );
        let one = Summary {
            applications: 1,
            eligible: 1,
            errors: 1,
            warnings: 1,
            ..Summary::default()
        };
        assert_eq!(
            one.line(),
            "1 application: 1 eligible, 0 ineligible, 0 invalid; 1 error, 1 warning"
        );
    }
}
