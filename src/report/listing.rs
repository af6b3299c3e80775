//! `prize list`'s result: the applications a filter keeps, with their status.

use serde::Serialize;

use crate::load::Archive;
use crate::load::application::Application;
use crate::model::Status;
use crate::model::status::reasons;

/// One application as `prize list` shows it.
#[derive(Serialize)]
pub struct Row<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub title: Option<&'a str>,
    pub track: Option<&'a str>,
    pub sector: Option<&'a str>,
    #[serde(rename = "type")]
    pub kind: Option<&'a str>,
    pub applicant: Option<&'a str>,
    pub country: Option<&'a str>,
    pub status: Status,
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
