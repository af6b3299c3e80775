//! The archive: where it is, and loading it (configuration, roster, applications).

pub mod application;
pub mod assignment;
pub mod config;
pub mod fast_toml;
pub mod fields;
pub mod files;
pub mod ids;
pub mod roster;
pub mod rules;
pub mod sheet;

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::diagnostics::finding::{Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::model::config::Config;
use crate::model::roster::Roster;
use crate::model::sheet::ScoreSheet;
use application::Application;
use fields::{Reader, Table};

pub use files::Unreadable;

/// The configuration file's name, which also marks an archive's root.
pub const CONFIG_FILE: &str = "prize.toml";
/// The roster's file name.
pub const ROSTER_FILE: &str = "judges.toml";

/// Why the archive could not be found or read (exit code 2).
#[derive(Debug, thiserror::Error)]
pub enum ArchiveError {
    /// `-C` or `PRIZE_ARCHIVE` names a folder that does not exist (as the user wrote it).
    #[error("no such folder: {}", .0.display())]
    NoSuchFolder(PathBuf),
    /// `-C` or `PRIZE_ARCHIVE` names something that is not a folder (as the user wrote it).
    #[error("not a folder: {}", .0.display())]
    NotAFolder(PathBuf),
    /// `-C` or `PRIZE_ARCHIVE` names a folder without `prize.toml` (as the user wrote it).
    #[error("no {CONFIG_FILE} in {}\nhelp: `prize init DIR` starts an archive in DIR", .0.display())]
    NoConfig(PathBuf),
    /// No `prize.toml` at or above the working directory.
    #[error(
        "no {CONFIG_FILE} found in {} or any folder above it\n\
         help: run `prize init` to start an archive here, or name one with `-C DIR` (or PRIZE_ARCHIVE)",
        .0.display()
    )]
    NotFound(PathBuf),
    /// A path could not be read.
    #[error(transparent)]
    Unreadable(#[from] Unreadable),
}

/// Finds the archive root: `explicit` (from `-C` or `PRIZE_ARCHIVE`), else the nearest folder
/// at or above `cwd` that holds `prize.toml`.
pub fn discover(explicit: Option<&Path>, cwd: &Path) -> Result<PathBuf, ArchiveError> {
    if let Some(given) = explicit {
        let dir = cwd.join(given);
        // Messages name the folder as the user wrote it, which is what they will look for.
        return match dir.metadata() {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Err(ArchiveError::NoSuchFolder(given.to_path_buf())),
            Err(reason) => Err(ArchiveError::Unreadable(Unreadable {
                path: given.to_path_buf(),
                reason,
            })),
            Ok(meta) if !meta.is_dir() => Err(ArchiveError::NotAFolder(given.to_path_buf())),
            Ok(_) if holds_config(&dir) => Ok(dir),
            Ok(_) => Err(ArchiveError::NoConfig(given.to_path_buf())),
        };
    }
    cwd.ancestors()
        .find(|dir| holds_config(dir))
        .map(Path::to_path_buf)
        .ok_or_else(|| ArchiveError::NotFound(cwd.to_path_buf()))
}

/// Whether `dir` has an entry named `prize.toml`, of whatever kind: one that is not a regular
/// file is refused when it is read, by name, rather than passed over as if it were not there.
fn holds_config(dir: &Path) -> bool {
    dir.join(CONFIG_FILE).symlink_metadata().is_ok()
}

/// Everything read from an archive (checked once [`crate::report::open`] has run the checks).
#[derive(Debug)]
pub struct Archive {
    /// The root folder.
    pub root: PathBuf,
    /// `prize.toml` as read (empty when it could not be decoded).
    pub config_file: SourceFile,
    /// The configuration; `None` when `prize.toml` is not TOML.
    pub config: Option<Config>,
    /// The roster; `None` when there is no `judges.toml`.
    pub roster: Option<Roster>,
    /// Every application, in path order.
    pub applications: Vec<Application>,
    /// Every score sheet under `scores/`, in path order.
    pub sheets: Vec<ScoreSheet>,
    /// The rounds' assignments (`assignments/<round>.csv`), in round order.
    pub assignments: Vec<crate::load::assignment::Assignment>,
    /// Findings about other files than applications.
    pub findings: Vec<Finding>,
}

/// Turns a text file's refusal (not a regular file, size, encoding) into a finding.
fn read_text(
    read: Result<Result<SourceFile, Box<Finding>>, Unreadable>,
    findings: &mut Vec<Finding>,
) -> Result<Option<SourceFile>, Unreadable> {
    Ok(match read? {
        Ok(file) => Some(file),
        Err(finding) => {
            findings.push(*finding);
            None
        }
    })
}

/// The checks an application gets in the pass that reads it, given by the layer above loading
/// (which imports the checks; loading imports none): the configuration, the file, the
/// application as read and its TOML root table, to the findings they make.
pub type ApplicationChecks<'c> =
    &'c (dyn Fn(&Config, &SourceFile, &Application, &Table<'_, '_>) -> Vec<Finding> + Sync);

/// Reads the archive at `root`: the configuration, the roster, every application (in parallel,
/// each read and given `checks` in one pass), the score sheets and the assignments, with the
/// findings made while reading them (`methods`: the scoring methods a configuration may name). The
/// checks across files are not made here.
pub fn load(root: &Path, checks: ApplicationChecks<'_>, methods: &[&str]) -> Result<Archive, ArchiveError> {
    let mut findings = Vec::new();
    let (config_file, config) = match read_text(files::read_required(root, CONFIG_FILE), &mut findings)? {
        Some(file) => {
            let (config, found) = config::parse(&file, methods);
            findings.extend(found);
            (file, config)
        }
        None => (SourceFile::new(CONFIG_FILE, ""), None),
    };
    // Whether judges.toml is there but could not be read or parsed: its one finding says so.
    let mut roster_unreadable = false;
    let roster = if root.join(ROSTER_FILE).symlink_metadata().is_ok() {
        let file = read_text(files::read(root, ROSTER_FILE), &mut findings)?;
        roster_unreadable = file.is_none();
        file.map(|file| {
            let (roster, found) = roster::parse(file);
            roster_unreadable = found.iter().any(|f| f.code == fields::TOML_SYNTAX.name);
            findings.extend(found);
            roster
        })
    } else {
        None
    };
    // The applications and the jury's files do not depend on each other: both cores read the
    // applications while one also reads the sheets and assignments, and takes on applications
    // when it is done.
    let (applications, jury) = rayon::join(
        || read_applications(root, config.as_ref(), checks),
        || read_jury_files(root, config.as_ref(), roster.as_ref(), roster_unreadable),
    );
    let (applications, listed) = applications?;
    findings.extend(listed);
    let (sheets, assignments, found) = jury?;
    findings.extend(found);
    Ok(Archive {
        root: root.to_path_buf(),
        config_file,
        config,
        roster,
        applications,
        sheets,
        assignments,
        findings,
    })
}

/// Lists and reads every application (in parallel), with the findings of the listing.
fn read_applications(
    root: &Path,
    config: Option<&Config>,
    checks: ApplicationChecks<'_>,
) -> Result<(Vec<Application>, Vec<Finding>), ArchiveError> {
    let listing = files::list_applications(root)?;
    // Straight into one list of applications (a list of results, then a second list, would
    // hold every application twice at the peak); the first unreadable file in path order is
    // the error, whatever the threads did.
    let folders = files::Folders::open(root, &listing.files)?;
    let unreadable = std::sync::Mutex::new(None::<(usize, Unreadable)>);
    let applications: Vec<Application> = listing
        .files
        .par_iter()
        .enumerate()
        .map(|(i, rel)| match folders.read(rel) {
            Ok(Ok(file)) => read_application(config, &file, checks),
            Ok(Err(finding)) => Application::unreadable(rel, vec![*finding]),
            Err(e) => {
                let mut first = unreadable.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
                if first.as_ref().is_none_or(|(at, _)| i < *at) {
                    *first = Some((i, e));
                }
                Application::default()
            }
        })
        .collect();
    if let Some((_, e)) = unreadable
        .into_inner()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
    {
        return Err(e.into());
    }
    Ok((applications, listing.findings))
}

/// The jury's files: the score sheets and each round's assignments (nothing without a
/// configuration), with their findings.
type JuryFiles = (Vec<ScoreSheet>, Vec<crate::load::assignment::Assignment>, Vec<Finding>);

/// Reads the score sheets and the assignments.
fn read_jury_files(
    root: &Path,
    config: Option<&Config>,
    roster: Option<&Roster>,
    roster_unreadable: bool,
) -> Result<JuryFiles, ArchiveError> {
    let Some(config) = config else {
        return Ok((Vec::new(), Vec::new(), Vec::new()));
    };
    let loaded = crate::load::sheet::load::load(root, config, roster, roster_unreadable)?;
    let mut findings = loaded.findings;
    let mut assignments = Vec::new();
    for round in &config.rounds {
        let (assignment, found) = crate::load::assignment::load(root, &round.id)?;
        findings.extend(found);
        assignments.extend(assignment);
    }
    Ok((loaded.sheets, assignments, findings))
}

/// Reads one application file, then gives it `checks` when there is a configuration.
fn read_application(config: Option<&Config>, file: &SourceFile, checks: ApplicationChecks<'_>) -> Application {
    let doc = match fields::parse(file) {
        Ok(doc) => doc,
        Err(findings) => return Application::unreadable(&file.path, findings),
    };
    let mut reader = Reader::new(file, Severity::Warning);
    let root = reader.root(&doc);
    let mut app = application::read(file, &mut reader, &root);
    let mut findings = reader.findings;
    if let Some(config) = config {
        findings.extend(checks(config, file, &app, &root));
    }
    application::tag(&mut findings, &app.id);
    app.findings = findings;
    app
}

impl Archive {
    /// Every finding, sorted by file and position.
    pub fn all_findings(&self) -> Vec<&Finding> {
        let mut all: Vec<&Finding> = self
            .findings
            .iter()
            .chain(self.applications.iter().flat_map(|a| &a.findings))
            .chain(self.sheets.iter().flat_map(|s| &s.findings))
            .collect();
        all.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        all
    }

    /// Whether any finding is an error.
    pub fn has_errors(&self) -> bool {
        self.all_findings().iter().any(|f| f.severity == Severity::Error)
    }
}
