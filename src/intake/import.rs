//! `prize applications import`: every row of the exports made into an application file, each
//! checked exactly as `validate` checks a file of the archive (the same loader and checks, on
//! the text about to be written), every problem named by the export's row and column, and the
//! files written atomically only when no row has an error.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::compose::{self, Columns, Origin, Read, Text};
use super::export::{Export, Row};
use super::map::{Ids, Mapping, Source};
use crate::check;
use crate::diagnostics::finding::{self, Finding, Severity};
use crate::diagnostics::source::SourceFile;
use crate::jury::atomic;
use crate::jury::import::ImportOutcome;
use crate::load::application::{self, Application, is_application_id};
use crate::load::fields::{self, INVALID_VALUE, MISSING_FIELD, Reader};
use crate::load::files::{FILE_TOO_LARGE, MAX_FILE_BYTES};
use crate::load::ids::DUPLICATE_ID;
use crate::load::sheet::read::MISSING_COLUMN;
use crate::load::sheet::spreadsheet::cell_name;
use crate::model::config::Config;

/// The folder applications are written into.
pub const APPLICATIONS_DIR: &str = "applications";

/// How to import.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Write over a different existing file.
    pub replace: bool,
    /// Check and report, write nothing.
    pub dry_run: bool,
}

/// What became of one row's file.
#[derive(Clone, Debug)]
pub struct Written {
    /// The application id.
    pub id: String,
    /// The file, relative to the archive root.
    pub file: String,
    /// The export the row is in, as given on the command line.
    pub export: String,
    /// The row, as a spreadsheet numbers it.
    pub row: usize,
    /// What happened.
    pub status: ImportOutcome,
    /// Why it was refused.
    pub reason: Option<String>,
}

/// The result of an import.
#[derive(Clone, Debug, Default)]
pub struct Imported {
    /// The exports, as given on the command line.
    pub exports: Vec<String>,
    /// The map, as given on the command line.
    pub map: String,
    /// Rows read (with a value), over every export.
    pub rows: usize,
    /// One entry per row that became a file (none when the import is refused for errors).
    pub files: Vec<Written>,
    /// Every problem: in the map, in the exports (by row and column), and eligibility findings.
    pub findings: Vec<Finding>,
    /// How many findings are errors; any refuses the whole import.
    pub errors: usize,
    /// Whether nothing was written because of errors.
    pub refused: bool,
    /// `--dry-run`.
    pub dry_run: bool,
}

impl Imported {
    /// Whether the command fails (exit 1): an error anywhere, or a file refused.
    pub fn failed(&self) -> bool {
        self.refused || self.files.iter().any(|f| f.status == ImportOutcome::Refused)
    }

    /// How many files ended with `status`.
    pub fn count(&self, status: ImportOutcome) -> usize {
        self.files.iter().filter(|f| f.status == status).count()
    }
}

/// The archive as the import needs it.
pub struct Archive<'a> {
    /// Its root.
    pub root: &'a Path,
    /// prize.toml.
    pub config: &'a Config,
    /// The applications already there.
    pub applications: &'a [Application],
}

/// A map that could not be read: the result is its findings.
pub fn map_refused(map: &str, exports: Vec<String>, findings: Vec<Finding>, dry_run: bool) -> Imported {
    let errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    Imported {
        exports,
        map: map.to_string(),
        findings,
        errors,
        refused: true,
        dry_run,
        ..Imported::default()
    }
}

/// One row on its way to a file.
struct Work<'e> {
    export: &'e Export,
    columns: &'e Columns,
    row: &'e Row,
    read: Read,
    id: String,
    text: Text,
    /// The path relative to the root, when the track and id can make one.
    file: Option<String>,
    app: Application,
    /// Findings the import makes itself, with what they are about.
    own: Vec<(Origin, Finding)>,
    /// Findings of the checks across files, placed by the line they point at.
    across: Vec<Finding>,
}

/// Imports the rows of `exports` through `mapping` into the archive. `Err` only when the
/// archive cannot be read or written.
pub fn import(archive: &Archive<'_>, mapping: &Mapping, exports: &[Export], options: Options) -> io::Result<Imported> {
    let mut result = Imported {
        exports: exports.iter().map(|e| e.file.clone()).collect(),
        map: mapping.file.path.clone(),
        rows: exports.iter().map(|e| e.rows.len()).sum(),
        dry_run: options.dry_run,
        ..Imported::default()
    };
    let mut findings: Vec<Finding> = Vec::new();
    let mut columns = Vec::with_capacity(exports.len());
    for export in exports {
        findings.extend(export.findings.iter().cloned());
        // An export that could not be read has no columns to look for.
        if !export.findings.is_empty() && export.headers.is_empty() {
            columns.push(None);
            continue;
        }
        match Columns::find(mapping, export) {
            Ok(c) => columns.push(Some(c)),
            Err(missing) => {
                findings.extend(missing.into_iter().map(|m| missing_column(mapping, export, &m)));
                columns.push(None);
            }
        }
    }
    let mut work: Vec<Work<'_>> = Vec::new();
    for (export, columns) in exports.iter().zip(&columns) {
        let Some(columns) = columns else { continue };
        let read: Vec<Read> = export
            .rows
            .par_iter()
            .map(|row| compose::read(mapping, columns, row, export.workbook))
            .collect();
        for (row, read) in export.rows.iter().zip(read) {
            work.push(Work {
                export,
                columns,
                row,
                read,
                id: String::new(),
                text: Text::default(),
                file: None,
                app: Application::default(),
                own: Vec::new(),
                across: Vec::new(),
            });
        }
    }
    assign_ids(mapping, &mut work);
    work.par_iter_mut().for_each(|w| check_row(archive.config, mapping, w));
    cross_check(archive, mapping, &mut work);
    for w in &mut work {
        let mut found = std::mem::take(&mut w.across);
        found.extend(std::mem::take(&mut w.app.findings));
        let failed: HashSet<usize> = w.read.problems.iter().map(|p| p.field).collect();
        let mut relocated: Vec<Finding> = w
            .read
            .problems
            .iter()
            .map(|p| {
                let f = Finding::at_file(INVALID_VALUE.severity, INVALID_VALUE.name, "", p.message.clone())
                    .with_help(p.help.clone());
                relocate(f, mapping, w, Some(Origin::Field(p.field)))
            })
            .collect();
        for (origin, f) in std::mem::take(&mut w.own) {
            relocated.push(relocate(f, mapping, w, Some(origin)));
        }
        for f in found {
            let origin = origin_of(&f, mapping, &w.text);
            // A cell already reported as unreadable is not reported again as missing.
            if let Some(Origin::Field(i)) = origin
                && failed.contains(&i)
            {
                continue;
            }
            relocated.push(relocate(f, mapping, w, origin));
        }
        for f in &mut relocated {
            f.application = Some(w.id.clone()).filter(|id| !id.is_empty());
        }
        findings.extend(relocated);
    }
    finding::sort(&mut findings);
    result.errors = findings.iter().filter(|f| f.severity == Severity::Error).count();
    result.findings = findings;
    if result.errors > 0 || columns.iter().any(Option::is_none) {
        result.refused = true;
        return Ok(result);
    }
    store(archive.root, &work, options, &mut result)?;
    Ok(result)
}

fn missing_column(mapping: &Mapping, export: &Export, m: &compose::Unmatched<'_>) -> Finding {
    let name = m.name;
    if m.found > 1 {
        return MISSING_COLUMN
            .at(
                &mapping.file,
                m.span.clone(),
                format!(
                    "{} has {} columns named {name:?}: which one feeds the field is unclear",
                    export.file, m.found
                ),
            )
            .with_help("rename one of the columns in the export");
    }
    let known: Vec<&str> = export
        .headers
        .iter()
        .map(String::as_str)
        .filter(|h| !h.is_empty())
        .collect();
    let shown: Vec<String> = known.iter().take(12).map(|h| format!("{h:?}")).collect();
    let more = if known.len() > 12 {
        format!(", ... ({} in all)", known.len())
    } else {
        String::new()
    };
    let help = fields::did_you_mean(name, known.iter().copied(), || {
        format!("its columns are {}{more}", shown.join(", "))
    });
    MISSING_COLUMN
        .at(
            &mapping.file,
            m.span.clone(),
            format!("{} has no column {name:?}", export.file),
        )
        .with_help(help)
}

/// Gives every row its id: from its column, or numbered in order of submission over all the
/// exports (ties and unreadable times by row order, export after export).
fn assign_ids(mapping: &Mapping, work: &mut [Work<'_>]) {
    match &mapping.ids {
        Ids::Numbered { prefix, digits } => {
            let submitted: Vec<_> = work.iter().map(|w| w.read.submitted).collect();
            for (w, id) in work.iter_mut().zip(compose::numbered(prefix, *digits, &submitted)) {
                w.id = id;
            }
        }
        Ids::Column { .. } => {
            for w in work.iter_mut() {
                w.id = w.read.id.clone().unwrap_or_default();
            }
        }
    }
}

/// Writes the row's file and reads it back as `validate` reads an application: the loader,
/// then the checks of one application.
fn check_row(config: &Config, mapping: &Mapping, w: &mut Work<'_>) {
    w.text = compose::write(mapping, w.columns, w.row, &w.read, &w.id);
    let track = w
        .read
        .values
        .iter()
        .find(|(i, _)| mapping.fields[*i].path() == "track")
        .and_then(|(_, v)| match v {
            compose::Value::Text(t) => Some(t.as_str()),
            _ => None,
        });
    w.file = match track {
        Some(track) if fields::is_id(track) && is_application_id(&w.id) => {
            Some(format!("{APPLICATIONS_DIR}/{track}/{}.toml", w.id))
        }
        _ => None,
    };
    let size = w.text.text.len() as u64;
    if size > MAX_FILE_BYTES {
        // `validate` would not read the file (`file-too-large`): the cell that fills it most
        // is the one to shorten.
        let mut bytes: Vec<(Origin, usize)> = Vec::new();
        for (line, origin) in w.text.text.split('\n').zip(&w.text.lines) {
            let Some(origin) = *origin else { continue };
            match bytes.iter_mut().find(|(o, _)| *o == origin) {
                Some((_, n)) => *n += line.len() + 1,
                None => bytes.push((origin, line.len() + 1)),
            }
        }
        let largest = bytes.iter().max_by_key(|(_, n)| *n).map_or(Origin::Id, |(o, _)| *o);
        w.own.push((
            largest,
            FILE_TOO_LARGE
                .in_file(
                    "",
                    format!("the application file would be {size} bytes, over the limit of 1 MiB"),
                )
                .with_help("shorten the cell, or keep long documents outside the archive and link to them"),
        ));
    }
    if w.id.is_empty() {
        w.own.push((
            Origin::Id,
            MISSING_FIELD
                .in_file("", "missing `id`: the id cell is blank")
                .with_help("every row needs an id in that column"),
        ));
    }
    let path = w
        .file
        .clone()
        .unwrap_or_else(|| format!("{APPLICATIONS_DIR}/row-{}.toml", w.row.number));
    let file = SourceFile::new(path, w.text.text.clone());
    let doc = match fields::parse(&file) {
        Ok(doc) => doc,
        Err(found) => {
            // The text is written by `compose`, so this is a defect; it refuses the row.
            w.app = Application::unreadable(&file.path, found);
            return;
        }
    };
    let mut reader = Reader::new(&file, Severity::Warning);
    let root = reader.root(&doc);
    let mut app = application::read(&file, &mut reader, &root);
    let mut found = reader.findings;
    found.extend(check::application(config, &file, &app, &root));
    app.findings = found;
    w.app = app;
}

/// The checks across files: an id used twice (in the exports, or by a file of the archive that
/// the import does not write), and one application per applicant and track.
fn cross_check(archive: &Archive<'_>, mapping: &Mapping, work: &mut [Work<'_>]) {
    let targets: HashSet<String> = work.iter().filter_map(|w| w.file.clone()).collect();
    let mut existing: HashMap<&str, &str> = HashMap::new();
    for app in archive.applications {
        existing.entry(app.id.as_str()).or_insert(app.file.as_str());
    }
    let mut first: HashMap<String, usize> = HashMap::new();
    let mut duplicates: Vec<(usize, String)> = Vec::new();
    for (i, w) in work.iter().enumerate() {
        if w.id.is_empty() {
            continue;
        }
        if let Some(&j) = first.get(&w.id) {
            let other = &work[j];
            duplicates.push((
                i,
                format!(
                    "duplicate id `{}`: row {} of {} has it too",
                    w.id, other.row.number, other.export.file
                ),
            ));
            continue;
        }
        first.insert(w.id.clone(), i);
        if let Some(file) = existing.get(w.id.as_str())
            && w.file.as_deref() != Some(*file)
            && !targets.contains(*file)
        {
            duplicates.push((
                i,
                format!("duplicate id `{}`: {file} in the archive has it already", w.id),
            ));
        }
    }
    let help = match mapping.ids {
        Ids::Column { .. } => {
            "every application needs its own id: correct the id in the export, or remove the other file"
        }
        Ids::Numbered { .. } => {
            "numbered ids start at 1 in every import: give this edition's ids their own prefix, or remove the other file"
        }
    };
    for (i, message) in duplicates {
        let f = Finding::at_file(DUPLICATE_ID.severity, DUPLICATE_ID.name, "", message).with_help(help);
        work[i].own.push((Origin::Id, f));
    }
    if archive.config.eligibility.one_per_applicant {
        // The archive's other applications and the new ones, checked together as `validate`
        // will check them once the files are written.
        let mut all: Vec<Application> = archive
            .applications
            .iter()
            .filter(|a| !targets.contains(&a.file))
            .map(|a| Application {
                findings: Vec::new(),
                ..a.clone()
            })
            .collect();
        let start = all.len();
        all.extend(work.iter().map(|w| Application {
            findings: Vec::new(),
            ..w.app.clone()
        }));
        check::eligibility::duplicate_applicants(&mut all);
        for (w, app) in work.iter_mut().zip(&mut all[start..]) {
            w.across.append(&mut app.findings);
        }
    }
}

/// What a finding about a row's file is about: the line it points at, else the field its
/// message names first (`missing `applicant.email``).
fn origin_of(f: &Finding, mapping: &Mapping, text: &Text) -> Option<Origin> {
    if let Some(origin) = text.origin(f.line) {
        return Some(origin);
    }
    let named = f.message.split('`').nth(1)?;
    if named == "id" {
        return Some(Origin::Id);
    }
    mapping.fields.iter().position(|x| x.path() == named).map(Origin::Field)
}

/// A finding about a row's file as the export's: its row, and the column its field comes from.
fn relocate(f: Finding, mapping: &Mapping, w: &Work<'_>, origin: Option<Origin>) -> Finding {
    let column = match origin {
        Some(Origin::Id) => w.columns.id,
        Some(Origin::Field(i)) => w.columns.fields[i],
        Some(Origin::Extra(c)) => Some(c),
        None => None,
    };
    let row = w.row.number;
    let place = match (column, origin) {
        (Some(c), _) => {
            let cell = if w.export.workbook {
                format!(" ({})", cell_name(row, c + 1))
            } else {
                String::new()
            };
            format!("row {row}, column {:?}{cell}", w.export.headers[c])
        }
        (None, Some(Origin::Field(i))) if matches!(mapping.fields[i].source, Source::Value(_)) => {
            format!("row {row} (`{}` from the map's value)", mapping.fields[i].path())
        }
        _ => format!("row {row}"),
    };
    // The file's advice (`add name = …`) is the export's: fill in the cell.
    let help = match column {
        Some(c) if f.code == MISSING_FIELD.name => Some(format!(
            "fill in the {:?} cell of row {row}: an application requires it",
            w.export.headers[c]
        )),
        _ => f.help,
    };
    Finding {
        severity: f.severity,
        code: f.code,
        message: format!("{place}: {}", f.message),
        file: w.export.file.clone(),
        line: row,
        column: column.map_or(1, |c| c + 1),
        application: f.application,
        help,
        excerpt: None,
    }
}

/// Compares each file with what is there and writes (unless `--dry-run`) the new and, with
/// `--replace`, the different ones, atomically, folder by folder.
fn store(root: &Path, work: &[Work<'_>], options: Options, result: &mut Imported) -> io::Result<()> {
    let mut writes: BTreeMap<PathBuf, Vec<(PathBuf, Vec<u8>)>> = BTreeMap::new();
    for w in work {
        let Some(rel) = &w.file else { continue };
        let track_dir = Path::new(rel).parent().unwrap_or(Path::new(APPLICATIONS_DIR));
        atomic::refuse_links(root, &[Path::new(APPLICATIONS_DIR), track_dir, Path::new(rel)])?;
        let path = root.join(rel);
        let mut bytes = std::borrow::Cow::Borrowed(w.text.text.as_bytes());
        let (status, reason) = match atomic::read_existing(&path)? {
            None if options.dry_run => (ImportOutcome::WouldImport, None),
            None => (ImportOutcome::Imported, None),
            Some(old) if old == *bytes => (ImportOutcome::Unchanged, None),
            Some(old) => match screened(&old, &w.text) {
                // The export gives what the file says; the secretariat's screening, comments or
                // layout are its own.
                Kept::Same => (ImportOutcome::Unchanged, None),
                Kept::Differs(_) if !options.replace => (
                    ImportOutcome::Refused,
                    Some("a different file is there (edited by hand?); use --replace to write over it".to_string()),
                ),
                Kept::Differs(with_screening) => {
                    if let Some(text) = with_screening {
                        bytes = std::borrow::Cow::Owned(text.into_bytes());
                    }
                    let status = if options.dry_run {
                        ImportOutcome::WouldReplace
                    } else {
                        ImportOutcome::Replaced
                    };
                    (status, None)
                }
            },
        };
        if matches!(status, ImportOutcome::Imported | ImportOutcome::Replaced) {
            writes
                .entry(root.join(track_dir))
                .or_default()
                .push((path, bytes.into_owned()));
        }
        result.files.push(Written {
            id: w.id.clone(),
            file: rel.clone(),
            export: w.export.file.clone(),
            row: w.row.number,
            status,
            reason,
        });
    }
    for (dir, files) in &writes {
        let files: Vec<(&Path, &[u8])> = files.iter().map(|(p, b)| (p.as_path(), b.as_slice())).collect();
        atomic::write_all_atomic(dir, &files)?;
    }
    Ok(())
}

/// An existing file compared with the one the export gives.
enum Kept {
    /// The same values, once the file's `[screening]` is set aside (layout and comments aside).
    Same,
    /// Different: the new text, with the file's `[screening]` kept in it when it has one.
    Differs(Option<String>),
}

/// Compares the file there (`old`) with the new one: the secretariat's `[screening]` is the
/// file's own, not the export's, so it neither makes the file different nor is lost when the
/// file is replaced.
fn screened(old: &[u8], new: &Text) -> Kept {
    let Some(mut old) = std::str::from_utf8(old)
        .ok()
        .and_then(|t| t.parse::<toml::Table>().ok())
    else {
        return Kept::Differs(None);
    };
    let screening = old.remove("screening");
    let Ok(fresh) = new.text.parse::<toml::Table>() else {
        return Kept::Differs(None);
    };
    if old == fresh {
        return Kept::Same;
    }
    let Some(screening) = screening else {
        return Kept::Differs(None);
    };
    let mut table = toml::Table::new();
    table.insert("screening".to_string(), screening);
    let Ok(block) = toml::to_string(&table) else {
        return Kept::Differs(None);
    };
    let mut text = new.text.clone();
    // Its own paragraph, and the file still ends with a line end when it goes last.
    text.insert_str(new.screening_at, &format!("\n{}\n", block.trim_end()));
    // Written as the spec's layout has it, and read back to be sure it says what the two do.
    let Ok(mut check) = text.parse::<toml::Table>() else {
        return Kept::Differs(None);
    };
    if check.remove("screening").is_some() && check == fresh {
        Kept::Differs(Some(text))
    } else {
        Kept::Differs(None)
    }
}
