//! Counts over the applications (track × sector, applicant types, countries, statuses) and the
//! scoring coverage of each round.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::load::Archive;
use crate::model::Status;
use crate::model::country;
use crate::model::status::reasons;
use crate::ranking::RoundResult;

/// One track's row of the track × sector table.
#[derive(Debug, Serialize)]
pub struct TrackRow {
    /// Track id.
    pub track: String,
    /// Count per sector id, in prize.toml order.
    pub sectors: Vec<(String, usize)>,
    /// All applications of the track.
    pub total: usize,
}

/// A labelled count.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct Count {
    /// What is counted (a type, a status, a code...).
    pub key: String,
    /// Its display name, when it has one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// How many.
    pub count: usize,
}

/// How far the scoring of one round has come.
#[derive(Debug, Serialize, PartialEq, Eq)]
pub struct RoundCoverage {
    /// Round id.
    pub round: String,
    /// Round name.
    pub name: String,
    /// Applications that compete in the round (eligible, or advanced from the round before).
    pub competing: usize,
    /// `scoring.min_judges`, the number of totals an application needs to be ranked.
    pub min_judges: usize,
    /// Competing applications with at least `min_judges` totals that count.
    pub with_min_judges: usize,
    /// Totals that count in the round.
    pub totals: usize,
    /// Judges with at least one total that counts.
    pub judges: usize,
}

/// Everything `prize stats` reports.
#[derive(Debug, Serialize)]
pub struct Stats {
    /// Number of applications.
    pub applications: usize,
    /// Sector ids, the columns of `tracks`.
    pub sectors: Vec<String>,
    /// The track × sector table (unknown tracks or sectors counted under "?").
    pub tracks: Vec<TrackRow>,
    /// Applications per applicant type.
    pub applicant_types: Vec<Count>,
    /// Applications per country, most first, with the country's name.
    pub countries: Vec<Count>,
    /// Applications per status.
    pub statuses: Vec<Count>,
    /// The codes that made applications ineligible, most first.
    pub ineligible_reasons: Vec<Count>,
    /// The codes that made applications invalid, most first.
    pub invalid_reasons: Vec<Count>,
    /// Scoring coverage per round, in prize.toml order (empty when prize.toml has errors, as
    /// nothing can be judged then).
    pub coverage: Vec<RoundCoverage>,
}

/// The scoring coverage of every round, each judged from the stored sheets as `prize rank`
/// judges it (a later round's competitors are those the round before sent on).
pub fn coverage(archive: &Archive, rounds: &[RoundResult]) -> Vec<RoundCoverage> {
    let Some(config) = &archive.config else {
        return Vec::new();
    };
    let broken = archive
        .findings
        .iter()
        .any(|f| f.file == crate::load::CONFIG_FILE && f.severity == crate::diagnostics::finding::Severity::Error);
    if broken || config.rounds.is_empty() {
        return Vec::new();
    }
    let min_judges = config.scoring.min_judges;
    rounds
        .iter()
        .map(|result| {
            let round = &config.rounds[result.round];
            let judges: BTreeSet<usize> = result.totals.totals.iter().map(|t| t.judge).collect();
            RoundCoverage {
                round: round.id.clone(),
                name: round.name.clone(),
                competing: result.competing.len(),
                min_judges,
                with_min_judges: result
                    .totals
                    .by_application()
                    .iter()
                    .filter(|t| t.len() >= min_judges)
                    .count(),
                totals: result.totals.totals.len(),
                judges: judges.len(),
            }
        })
        .collect()
}

fn most_first(map: BTreeMap<String, usize>) -> Vec<(String, usize)> {
    let mut v: Vec<(String, usize)> = map.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    v
}

const UNKNOWN: &str = "?";

/// Counts the archive's applications.
pub fn of(archive: &Archive, rounds: &[RoundResult]) -> Stats {
    let (track_ids, mut sectors, types): (Vec<String>, Vec<String>, Vec<String>) = match &archive.config {
        Some(c) => (
            c.tracks.iter().map(|t| t.id.clone()).collect(),
            c.sectors.clone(),
            c.applicant_types.clone(),
        ),
        None => Default::default(),
    };
    let known = |list: &[String], v: &str| {
        if list.iter().any(|x| x == v) {
            v.to_string()
        } else {
            UNKNOWN.to_string()
        }
    };
    let mut cells: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut by_type: BTreeMap<String, usize> = types.iter().map(|t| (t.clone(), 0)).collect();
    let mut by_country: BTreeMap<String, usize> = BTreeMap::new();
    let mut by_status: BTreeMap<Status, usize> = BTreeMap::new();
    let mut ineligible: BTreeMap<String, usize> = BTreeMap::new();
    let mut invalid: BTreeMap<String, usize> = BTreeMap::new();
    for app in &archive.applications {
        let track = known(&track_ids, app.track_id());
        let sector = known(&sectors, app.sector_id());
        *cells.entry((track, sector)).or_default() += 1;
        *by_type.entry(known(&types, app.type_id())).or_default() += 1;
        let c = app.country();
        *by_country
            .entry(if c.is_empty() {
                UNKNOWN.to_string()
            } else {
                c.to_string()
            })
            .or_default() += 1;
        *by_status.entry(app.status).or_default() += 1;
        let target = match app.status {
            Status::Ineligible => &mut ineligible,
            Status::Invalid => &mut invalid,
            Status::Eligible => continue,
        };
        for code in reasons(&app.findings, app.status) {
            *target.entry(code).or_default() += 1;
        }
    }
    let mut rows_tracks = track_ids.clone();
    if cells.keys().any(|(t, _)| t == UNKNOWN) {
        rows_tracks.push(UNKNOWN.to_string());
    }
    if cells.keys().any(|(_, s)| s == UNKNOWN) {
        sectors.push(UNKNOWN.to_string());
    }
    let tracks = rows_tracks
        .into_iter()
        .map(|track| {
            let counts: Vec<(String, usize)> = sectors
                .iter()
                .map(|s| (s.clone(), cells.get(&(track.clone(), s.clone())).copied().unwrap_or(0)))
                .collect();
            TrackRow {
                total: counts.iter().map(|c| c.1).sum(),
                track,
                sectors: counts,
            }
        })
        .collect();
    let plain = |v: Vec<(String, usize)>| {
        v.into_iter()
            .map(|(key, count)| Count { key, name: None, count })
            .collect()
    };
    Stats {
        applications: archive.applications.len(),
        sectors,
        tracks,
        applicant_types: types
            .iter()
            .chain(by_type.contains_key(UNKNOWN).then(|| UNKNOWN.to_string()).iter())
            .map(|t| Count {
                key: t.clone(),
                name: None,
                count: by_type.get(t).copied().unwrap_or(0),
            })
            .collect(),
        countries: most_first(by_country)
            .into_iter()
            .map(|(key, count)| Count {
                name: country::name(&key).map(str::to_string),
                key,
                count,
            })
            .collect(),
        statuses: [Status::Eligible, Status::Ineligible, Status::Invalid]
            .into_iter()
            .map(|s| Count {
                key: s.as_str().to_string(),
                name: None,
                count: by_status.get(&s).copied().unwrap_or(0),
            })
            .collect(),
        ineligible_reasons: plain(most_first(ineligible)),
        invalid_reasons: plain(most_first(invalid)),
        coverage: coverage(archive, rounds),
    }
}
