//! `prize scores import`: checking a judge's file against the archive and storing it in the
//! canonical form, atomically, as `scores/<round>/<judge>.csv`.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use encoding_rs::Encoding;

use super::sheet_write::{self as write, Changes};
use crate::check::sheets::{self, Applications};
use crate::diagnostics::finding::{self, Finding, Severity};
use crate::load::assignment::Assignment;
use crate::load::fields;
use crate::load::sheet::load::SCORES_DIR;
use crate::load::sheet::spreadsheet::{self, Grid};
use crate::model::config::Config;
use crate::model::roster::Roster;
use crate::model::sheet::{ScoreSheet, SheetRow};

/// Kept here too, where the sheet modules have always found it.
pub use crate::jury::atomic::write_atomic;

/// Where a sheet goes: its round and judge, checked against prize.toml and the roster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Target {
    /// Round id.
    pub round: String,
    /// Judge id.
    pub judge: String,
}

impl Target {
    /// The stored sheet's path relative to the archive root, `/`-separated.
    pub fn stored(&self) -> String {
        format!("{SCORES_DIR}/{}/{}.csv", self.round, self.judge)
    }
}

/// The round to import into: `given`, which must be a round of prize.toml, else the only
/// round. `Err` is a usage error.
pub fn round_id(config: &Config, given: Option<&str>) -> Result<String, String> {
    let known: Vec<&str> = config.rounds.iter().map(|r| r.id.as_str()).collect();
    match given {
        Some(id) if fields::is_id(id) && known.contains(&id) => Ok(id.to_string()),
        Some(id) => Err(format!(
            "unknown round `{id}`: {}",
            fields::did_you_mean(id, known.iter().copied(), || format!(
                "the rounds are {}",
                known.join(", ")
            ))
        )),
        None => match known.as_slice() {
            [only] => Ok((*only).to_string()),
            [] => Err("prize.toml defines no rounds".to_string()),
            _ => Err(format!(
                "this prize has {} rounds ({}): name one with --round",
                known.len(),
                known.join(", ")
            )),
        },
    }
}

/// The judge whose sheet `file` is: `given`, else the file's stem; either must be a judge id
/// of the roster. `Err` is a usage error.
pub fn judge_id(roster: Option<&Roster>, given: Option<&str>, file: &Path) -> Result<String, String> {
    let known: Vec<&str> = roster
        .map(|r| r.judges.iter().map(|j| j.id.as_str()).collect())
        .unwrap_or_default();
    let (id, from_name) = match given {
        Some(id) => (id.to_string(), false),
        None => match file.file_stem() {
            Some(stem) => (stem.to_string_lossy().into_owned(), true),
            None => {
                return Err(format!(
                    "{} has no file name: name the judge with --judge",
                    file.display()
                ));
            }
        },
    };
    if fields::is_id(&id) && known.contains(&id.as_str()) {
        return Ok(id);
    }
    let hint = fields::did_you_mean(&id, known.iter().copied(), || {
        if known.is_empty() {
            "judges.toml lists no judges".to_string()
        } else {
            format!("the judges are {}", list(&known))
        }
    });
    Err(if from_name {
        format!(
            "the file name `{id}` of {} is not a judge id ({hint}): name the judge with --judge",
            file.display()
        )
    } else {
        format!("unknown judge `{id}`: {hint}")
    })
}

fn list(ids: &[&str]) -> String {
    if ids.len() <= 12 {
        ids.join(", ")
    } else {
        format!("{}, ... ({} in all, see judges.toml)", ids[..12].join(", "), ids.len())
    }
}

/// What happened to one sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportOutcome {
    /// Stored; there was no sheet before.
    Imported,
    /// The same content is already stored; nothing written.
    Unchanged,
    /// Stored over a different sheet (`--replace`).
    Replaced,
    /// Not stored: the sheet has errors, or a different sheet is stored and `--replace` was not
    /// given.
    Refused,
    /// `--dry-run`: it would be imported.
    WouldImport,
    /// `--dry-run --replace`: it would replace the stored sheet.
    WouldReplace,
}

impl ImportOutcome {
    /// The word scripts see (`imported`, `would-import`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            ImportOutcome::Imported => "imported",
            ImportOutcome::Unchanged => "unchanged",
            ImportOutcome::Replaced => "replaced",
            ImportOutcome::Refused => "refused",
            ImportOutcome::WouldImport => "would-import",
            ImportOutcome::WouldReplace => "would-replace",
        }
    }
}

/// How to import.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// The encoding of files without a byte-order mark (default UTF-8).
    pub encoding: Option<&'static Encoding>,
    /// Replace a different stored sheet.
    pub replace: bool,
    /// Check and report, write nothing.
    pub dry_run: bool,
}

/// The result of importing one file.
#[derive(Clone, Debug)]
pub struct Report {
    /// The file as given on the command line.
    pub file: String,
    /// Where it is (or would be) stored, relative to the archive root.
    pub stored: String,
    /// Round id.
    pub round: String,
    /// Judge id.
    pub judge: String,
    /// What happened.
    pub status: ImportOutcome,
    /// Rows in the sheet (scored or not).
    pub rows: usize,
    /// Rows with scores.
    pub scored: usize,
    /// Against the stored sheet (every row is `added` when there was none); `None` when the
    /// sheet has errors.
    pub changes: Option<Changes>,
    /// Scores of the stored sheet that storing this one takes away: rows left out or left
    /// blank that had scores (a blank template sent back over a judge's work removes them all).
    pub scores_removed: usize,
    /// Why it was refused.
    pub reason: Option<String>,
    /// Every problem of the sheet, in sheet order.
    pub findings: Vec<Finding>,
}

impl Report {
    /// Whether the sheet was refused.
    pub fn refused(&self) -> bool {
        self.status == ImportOutcome::Refused
    }
}

/// Who competes in the round a sheet goes into, for its `not-competing` warnings.
#[derive(Clone, Debug, Default)]
pub struct Competing<'a> {
    /// The ids of the applications that compete.
    pub ids: HashSet<&'a str>,
    /// Whether the round is the first (where competing means eligible, not advanced).
    pub first_round: bool,
}

/// The archive as import needs it.
pub struct Archive<'a> {
    /// The archive root.
    pub root: &'a Path,
    /// prize.toml.
    pub config: &'a Config,
    /// judges.toml.
    pub roster: &'a Roster,
    /// The applications, by id.
    pub applications: &'a Applications<'a>,
    /// Who competes in the round; `None` when that cannot be known.
    pub competing: Option<&'a Competing<'a>>,
    /// The round's assignment, when it has one.
    pub assignment: Option<&'a Assignment>,
}

/// Checks the sheet in `bytes` (read from `file`, as given on the command line) and stores it
/// at `target` unless it has an error, the same content is already there, a different sheet is
/// there and `options.replace` is not set, or `options.dry_run` is. `Err` only when the archive
/// cannot be read or written.
pub fn import(
    archive: &Archive<'_>,
    file: &str,
    bytes: Result<Vec<u8>, Box<Finding>>,
    target: &Target,
    options: Options,
) -> io::Result<Report> {
    let criteria = &archive.config.criteria;
    let sheet = match bytes {
        Ok(bytes) => ScoreSheet::from_bytes(file, &target.round, &target.judge, &bytes, options.encoding, criteria),
        Err(finding) => ScoreSheet {
            file: file.to_string(),
            findings: vec![*finding],
            ..ScoreSheet::default()
        },
    };
    store(archive, sheet, false, target, options)
}

/// Checks a worksheet a judge sent (see [`spreadsheet::open`]; `file` as given on the command
/// line) and stores it as [`import`] stores a CSV file: the same checks, canonical form and
/// atomic write. Findings point at the worksheet's rows and columns and name the cell.
pub fn import_workbook(
    archive: &Archive<'_>,
    file: &str,
    grid: &Grid,
    target: &Target,
    options: Options,
) -> io::Result<Report> {
    let sheet = spreadsheet::read(file, &target.round, &target.judge, grid, &archive.config.criteria);
    store(archive, sheet, true, target, options)
}

/// Checks a sheet as read against the archive and stores it; `cells`: whether its positions are
/// a worksheet's cells.
fn store(
    archive: &Archive<'_>,
    mut sheet: ScoreSheet,
    cells: bool,
    target: &Target,
    options: Options,
) -> io::Result<Report> {
    let criteria = &archive.config.criteria;
    let mut found = sheets::check(&sheet, archive.config, archive.roster, archive.applications);
    // The warnings `validate` will give the stored sheet, so that the judge hears of them now.
    found.extend(not_competing(archive, &sheet));
    if let Some(assignment) = archive.assignment {
        found.extend(crate::check::assignments::unassigned(
            std::slice::from_ref(assignment),
            std::slice::from_ref(&sheet),
        ));
    }
    if cells {
        // A finding about a row points at its application's cell; the others are about the sheet.
        found
            .iter_mut()
            .filter(|f| f.application.is_some())
            .for_each(spreadsheet::cite);
    }
    sheet.findings.extend(found);
    finding::sort(&mut sheet.findings);
    let errors = sheet.findings.iter().filter(|f| f.severity == Severity::Error).count();
    let mut report = Report {
        file: sheet.file.clone(),
        stored: target.stored(),
        round: target.round.clone(),
        judge: target.judge.clone(),
        status: ImportOutcome::Refused,
        rows: sheet.rows.len() + sheet.rejected.len(),
        scored: sheet.scored().count(),
        changes: None,
        scores_removed: 0,
        reason: None,
        findings: Vec::new(),
    };
    if errors > 0 {
        report.reason = Some(format!("{errors} error{}", if errors == 1 { "" } else { "s" }));
        report.findings = sheet.findings;
        return Ok(report);
    }
    report.findings = sheet.findings;
    let canonical = write::canonical(criteria, &sheet.rows)?;
    let dir = archive.root.join(SCORES_DIR).join(&target.round);
    let path = dir.join(format!("{}.csv", target.judge));
    crate::jury::atomic::refuse_links(
        archive.root,
        &[
            Path::new(SCORES_DIR),
            &Path::new(SCORES_DIR).join(&target.round),
            Path::new(&report.stored),
        ],
    )?;
    let stored = crate::jury::atomic::read_existing(&path)?;
    let (status, changes) = match stored {
        None => (
            ImportOutcome::Imported,
            Changes {
                added: sheet.rows.len(),
                ..Changes::default()
            },
        ),
        Some(old) if old == canonical => (ImportOutcome::Unchanged, Changes::default()),
        Some(old) => {
            let old = ScoreSheet::from_bytes(&report.stored, &target.round, &target.judge, &old, None, criteria);
            let same = old.findings.is_empty()
                && old.rejected.is_empty()
                && write::canonical(criteria, &old.rows)? == canonical;
            if same {
                (ImportOutcome::Unchanged, Changes::default())
            } else {
                report.scores_removed = scores_removed(&old.rows, &sheet.rows);
                (
                    ImportOutcome::Replaced,
                    write::compare(old.rows.iter().chain(&old.rejected), &sheet.rows),
                )
            }
        }
    };
    report.changes = Some(changes);
    report.status = match status {
        ImportOutcome::Replaced if !options.replace => {
            report.reason = Some("a different sheet is stored".to_string());
            ImportOutcome::Refused
        }
        ImportOutcome::Imported if options.dry_run => ImportOutcome::WouldImport,
        ImportOutcome::Replaced if options.dry_run => ImportOutcome::WouldReplace,
        other => other,
    };
    if matches!(report.status, ImportOutcome::Imported | ImportOutcome::Replaced) {
        write_atomic(&dir, &path, &canonical)?;
    }
    Ok(report)
}

/// `not-competing` for each scored row of a known application that does not compete in the
/// round, worded as `validate` words it for a stored sheet.
fn not_competing(archive: &Archive<'_>, sheet: &ScoreSheet) -> Vec<Finding> {
    let Some(competing) = archive.competing else {
        return Vec::new();
    };
    sheet
        .scored()
        .filter(|r| archive.applications.contains(&r.application) && !competing.ids.contains(r.application.as_str()))
        .map(|row| {
            crate::ranking::not_competing(sheet, row, &sheet.round, competing.first_round)
                .for_application(row.application.clone())
        })
        .collect()
}

/// How many of the stored rows' scores the new rows do not carry on (by application id).
fn scores_removed(stored: &[SheetRow], new: &[SheetRow]) -> usize {
    let kept: HashSet<&str> = new
        .iter()
        .filter(|r| r.scores.is_some())
        .map(|r| r.application.as_str())
        .collect();
    stored
        .iter()
        .filter(|r| r.scores.is_some() && !kept.contains(r.application.as_str()))
        .map(|r| r.application.as_str())
        .collect::<HashSet<&str>>()
        .len()
}
