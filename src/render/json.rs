//! JSON for scripts: the result values as the spec's keys, pretty-printed.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::diagnostics::finding::Finding;
use crate::report::explanation::Explanation;
use crate::report::progress::Progress;
use crate::report::validation::{ApplicationStatus, Summary, Validation};

/// JSON output.
pub struct Json;

/// `prize validate --format json`: the counts, every finding and each application's status.
#[derive(Serialize)]
struct ValidationJson<'a> {
    summary: Summary,
    findings: &'a [&'a Finding],
    applications: &'a [ApplicationStatus],
}

impl Renderer for Json {
    fn validation(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        let value = ValidationJson {
            summary: validation.summary,
            findings: &validation.findings,
            applications: &validation.applications,
        };
        super::json(out, &value)
    }

    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::json(out, progress)
    }

    fn explanation(&self, out: &mut dyn Write, e: &Explanation) -> io::Result<()> {
        super::json(out, e)
    }
}
