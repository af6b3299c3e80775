//! `prize list`'s result: the applications a filter keeps, with their status.

use serde::Serialize;

use crate::load::Archive;
use crate::load::application::Application;
use crate::model::Status;
use crate::model::status::reasons;

/// One application as `prize list` shows it.
#[derive(Serialize)]
pub struct Row<'a> {
    /// Application id.
    pub id: &'a str,
    /// File relative to the archive root.
    pub file: &'a str,
    /// Title.
    pub title: Option<&'a str>,
    /// Track id.
    pub track: Option<&'a str>,
    /// Sector id.
    pub sector: Option<&'a str>,
    /// Applicant type.
    #[serde(rename = "type")]
    pub kind: Option<&'a str>,
    /// The applicant's name.
    pub applicant: Option<&'a str>,
    /// Country code.
    pub country: Option<&'a str>,
    /// Status after the checks.
    pub status: Status,
    /// The codes behind the status.
    pub reasons: Vec<String>,
}

/// The applications kept, by id (then file).
#[derive(Serialize)]
pub struct Listing<'a> {
    /// How many are kept.
    pub count: usize,
    /// The rows, by id and file.
    pub applications: Vec<Row<'a>>,
    /// How many applications the archive holds.
    #[serde(skip)]
    pub total: usize,
}

/// The applications of `archive` that `keep` keeps.
pub fn of<'a>(archive: &'a Archive, keep: impl Fn(&Application) -> bool) -> Listing<'a> {
    let mut selected: Vec<&Application> = archive.applications.iter().filter(|a| keep(a)).collect();
    selected.sort_by(|a, b| (&a.id, &a.file).cmp(&(&b.id, &b.file)));
    let rows: Vec<Row<'_>> = selected
        .into_iter()
        .map(|a| Row {
            id: &a.id,
            file: &a.file,
            title: a.title.as_deref(),
            track: non_empty(a.track_id()),
            sector: non_empty(a.sector_id()),
            kind: non_empty(a.type_id()),
            applicant: a.applicant.name.as_deref(),
            country: non_empty(a.country()),
            status: a.status,
            reasons: reasons(&a.findings, a.status),
        })
        .collect();
    Listing {
        count: rows.len(),
        applications: rows,
        total: archive.applications.len(),
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}
