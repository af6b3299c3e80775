//! The human and JSON forms of `prize applications import` and `prize feedback`.

use std::io::{self, Write};

use serde::Serialize;

use super::{diagnostics, escape};
use crate::diagnostics::finding::{Finding, Severity};
use crate::intake::feedback::Letters;
use crate::intake::import::Imported;
use crate::jury::import::ImportOutcome;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// `prize applications import` for people: the findings, each refused file, then one line.
pub fn imported_human(out: &mut dyn Write, r: &Imported, color: bool, quiet: bool) -> io::Result<()> {
    for f in r.findings.iter().filter(|f| !quiet || f.severity == Severity::Error) {
        writeln!(out, "{}\n", diagnostics::render(f, color))?;
    }
    let from = r.exports.join(", ");
    if r.refused {
        let errors = plural(r.errors, "error", "errors");
        let line = if r.rows == 0 {
            format!("{from}: refused: {errors} (see above); nothing written")
        } else {
            format!(
                "{from}: refused: {errors} in {}; nothing written",
                plural(r.rows, "row", "rows")
            )
        };
        return writeln!(out, "{}", escape(&line));
    }
    for f in r.files.iter().filter(|f| f.status == ImportOutcome::Refused) {
        let reason = f.reason.as_deref().unwrap_or("refused");
        writeln!(
            out,
            "{}",
            escape(&format!(
                "{}: refused: {reason} (row {} of {})",
                f.file, f.row, f.export
            ))
        )?;
    }
    let mut parts = Vec::new();
    for (status, word) in [
        (ImportOutcome::Imported, "imported"),
        (ImportOutcome::WouldImport, "would import"),
        (ImportOutcome::Unchanged, "unchanged"),
        (ImportOutcome::Replaced, "replaced"),
        (ImportOutcome::WouldReplace, "would replace"),
        (ImportOutcome::Refused, "refused"),
    ] {
        let n = r.count(status);
        if n > 0 {
            parts.push(format!("{n} {word}"));
        }
    }
    if parts.is_empty() {
        parts.push("nothing to import".to_string());
    }
    let ineligible = r.findings.iter().filter(|f| f.severity == Severity::Ineligible).count();
    let mut line = format!("{from}: {}: {}", plural(r.rows, "row", "rows"), parts.join(", "));
    if ineligible > 0 {
        line.push_str(&format!(
            "; {}",
            plural(ineligible, "eligibility finding", "eligibility findings")
        ));
    }
    if r.dry_run {
        line.push_str("; nothing written (--dry-run)");
    }
    writeln!(out, "{}", escape(&line))
}

#[derive(Serialize)]
struct ImportedJson<'a> {
    exports: &'a [String],
    map: &'a str,
    rows: usize,
    refused: bool,
    errors: usize,
    dry_run: bool,
    files: Vec<FileJson<'a>>,
    findings: &'a [Finding],
}

#[derive(Serialize)]
struct FileJson<'a> {
    id: &'a str,
    file: &'a str,
    export: &'a str,
    row: usize,
    status: &'static str,
    reason: Option<&'a str>,
}

/// `prize applications import --format json`.
pub fn imported_json(out: &mut dyn Write, r: &Imported) -> io::Result<()> {
    super::json(
        out,
        &ImportedJson {
            exports: &r.exports,
            map: &r.map,
            rows: r.rows,
            refused: r.refused,
            errors: r.errors,
            dry_run: r.dry_run,
            files: r
                .files
                .iter()
                .map(|f| FileJson {
                    id: &f.id,
                    file: &f.file,
                    export: &f.export,
                    row: f.row,
                    status: f.status.as_str(),
                    reason: f.reason.as_deref(),
                })
                .collect(),
            findings: &r.findings,
        },
    )
}

/// `prize feedback` for people: one line, and the applications left without a letter.
pub fn letters_human(out: &mut dyn Write, l: &Letters, quiet: bool) -> io::Result<()> {
    if !quiet {
        for (id, why) in &l.skipped {
            writeln!(out, "{}", escape(&format!("{id}: no letter: {why}")))?;
        }
    }
    writeln!(
        out,
        "{}",
        escape(&format!(
            "wrote {} to {}",
            plural(l.letters.len(), "letter", "letters"),
            l.dir
        ))
    )
}

#[derive(Serialize)]
struct LettersJson<'a> {
    dir: &'a str,
    letters: Vec<LetterJson<'a>>,
    skipped: Vec<SkippedJson<'a>>,
}

#[derive(Serialize)]
struct LetterJson<'a> {
    id: &'a str,
    file: &'a str,
    outcome: &'static str,
    round: Option<&'a str>,
    reviewers: usize,
}

#[derive(Serialize)]
struct SkippedJson<'a> {
    id: &'a str,
    reason: &'a str,
}

/// `prize feedback --format json`.
pub fn letters_json(out: &mut dyn Write, l: &Letters) -> io::Result<()> {
    super::json(
        out,
        &LettersJson {
            dir: &l.dir,
            letters: l
                .letters
                .iter()
                .map(|x| LetterJson {
                    id: &x.id,
                    file: &x.name,
                    outcome: x.outcome.as_str(),
                    round: x.round.as_deref(),
                    reviewers: x.reviewers,
                })
                .collect(),
            skipped: l
                .skipped
                .iter()
                .map(|(id, reason)| SkippedJson { id, reason })
                .collect(),
        },
    )
}
