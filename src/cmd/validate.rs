//! `prize validate`: check everything and report every finding.

use std::io::Write;

use serde::Serialize;

use super::{Context, Outcome};
use crate::diagnostics::finding::{Finding, Severity};
use crate::render::{self, Format, diagnostics, github};
use crate::report::validation::{ApplicationStatus, Summary, Validation};

/// Arguments of `prize validate`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Exit 1 on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

#[derive(Serialize)]
struct ValidationJson<'a> {
    summary: Summary,
    findings: &'a [&'a Finding],
    applications: &'a [ApplicationStatus],
}

/// Runs `prize validate`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("validate", &[Format::Human, Format::Json, Format::Github])?;
    let archive = ctx.load()?.archive;
    let validation = Validation::of(&archive);
    match format {
        Format::Json => render::json(
            out,
            &ValidationJson {
                summary: validation.summary,
                findings: &validation.findings,
                applications: &validation.applications,
            },
        )?,
        Format::Github => github::findings(out, validation.findings.iter().copied())?,
        _ => {
            for f in validation
                .findings
                .iter()
                .filter(|f| !ctx.quiet || f.severity == Severity::Error)
            {
                writeln!(out, "{}\n", diagnostics::render(f, ctx.color))?;
            }
            // `-q` is for scripts and hooks that want the problems and nothing else.
            if !ctx.quiet {
                writeln!(out, "{}", validation.summary.line())?;
            }
        }
    }
    let s = validation.summary;
    Ok(if s.errors > 0 || (args.deny_warnings && s.warnings > 0) {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
