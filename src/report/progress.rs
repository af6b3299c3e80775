//! `prize progress`'s result: per judge, how many assigned applications are scored, and the
//! applications still short of `min_judges` (spec section 7).

use std::collections::HashSet;

use serde::Serialize;

use crate::load::Archive;
use crate::model::config::Config;
use crate::ranking::{self, RoundResult};

/// One judge's progress.
#[derive(Debug, Serialize)]
pub struct JudgeProgress<'a> {
    /// The judge id.
    pub judge: &'a str,
    /// The judge's name.
    pub name: &'a str,
    /// Applications assigned to the judge.
    pub assigned: usize,
    /// Of those (or of all, without an assignment), how many the judge scored.
    pub scored: usize,
    /// Assigned and not yet scored.
    pub remaining: usize,
    /// Scored applications that were not assigned to the judge.
    pub unassigned: usize,
}

/// A competing application with fewer counted totals than `min_judges`.
#[derive(Debug, Serialize)]
pub struct Short<'a> {
    /// The application id.
    pub id: &'a str,
    /// Its track id.
    pub track: &'a str,
    /// Totals that count.
    pub judges: usize,
    /// How many more `min_judges` asks for.
    pub needed: usize,
}

/// How far the jury is with one round.
#[derive(Debug, Serialize)]
pub struct Progress<'a> {
    /// The round id.
    pub round: &'a str,
    /// The round's name.
    #[serde(skip)]
    pub name: &'a str,
    /// The round before it, whose advancing decides who competes (none for the first).
    #[serde(skip)]
    pub previous: Option<&'a str>,
    /// `scoring.min_judges`.
    #[serde(skip)]
    pub min_judges: usize,
    /// How many applications compete in the round.
    pub competing: usize,
    /// Whether `assignments/<round>.csv` exists.
    pub assignment: bool,
    /// One row per judge serving in the round.
    pub judges: Vec<JudgeProgress<'a>>,
    /// The applications still short of `min_judges`, by id.
    pub short: Vec<Short<'a>>,
    /// Assigned pairs.
    pub assigned: usize,
    /// Scored pairs (assigned ones, with an assignment).
    pub scored: usize,
    /// Scored assigned pairs over assigned pairs, 0–1 (null without an assignment).
    pub completion: Option<f64>,
}

/// The round `prize progress` shows by default: the last with an assignment, else the round
/// `prize rank` shows.
pub fn default_round(archive: &Archive, config: &Config) -> usize {
    config
        .rounds
        .iter()
        .rposition(|r| archive.assignments.iter().any(|a| a.round == r.id))
        .unwrap_or_else(|| ranking::default_round(archive, config))
}

/// Counts the progress of round `round` from the stored sheets, the round's assignment and the
/// judged rounds.
pub fn of<'a>(archive: &'a Archive, config: &'a Config, rounds: &[RoundResult], round: usize) -> Progress<'a> {
    let round_id = config.rounds[round].id.as_str();
    let assignment = archive.assignments.iter().find(|a| a.round == round_id);
    let judges = archive.roster.as_ref().map_or(&[][..], |r| r.judges.as_slice());
    let mut rows = Vec::new();
    let (mut assigned_total, mut scored_total) = (0, 0);
    for judge in judges.iter().filter(|j| ranking::serves(j, round_id)) {
        let scored: HashSet<&str> = archive
            .sheets
            .iter()
            .filter(|s| s.round == round_id && s.judge == judge.id)
            .flat_map(|s| {
                s.rows
                    .iter()
                    .filter(|r| r.scores.is_some())
                    .map(|r| r.application.as_str())
            })
            .collect();
        let mine: HashSet<&str> = assignment
            .map(|a| {
                a.pairs
                    .iter()
                    .filter(|(_, j)| **j == *judge.id)
                    .map(|(app, _)| app.as_str())
                    .collect()
            })
            .unwrap_or_default();
        let done = if assignment.is_some() {
            mine.intersection(&scored).count()
        } else {
            scored.len()
        };
        assigned_total += mine.len();
        scored_total += done;
        rows.push(JudgeProgress {
            judge: &judge.id,
            name: &judge.name,
            assigned: mine.len(),
            scored: done,
            remaining: mine.len() - mine.intersection(&scored).count(),
            unassigned: if assignment.is_some() {
                scored.difference(&mine).count()
            } else {
                0
            },
        });
    }
    let results = &rounds[..rounds.len().min(round + 1)];
    let mut short = Vec::new();
    let competing = results.last().map_or(0, |r| r.competing.len());
    if let Some(result) = results.last() {
        let counts = result.totals.by_application();
        for (pos, &app) in result.competing.iter().enumerate() {
            let n = counts[pos].len();
            if n < config.scoring.min_judges {
                let a = &archive.applications[app];
                short.push(Short {
                    id: &a.id,
                    track: a.track_id(),
                    judges: n,
                    needed: config.scoring.min_judges - n,
                });
            }
        }
    }
    short.sort_by(|a, b| a.id.cmp(b.id));
    Progress {
        round: round_id,
        name: &config.rounds[round].name,
        previous: round.checked_sub(1).map(|before| config.rounds[before].id.as_str()),
        min_judges: config.scoring.min_judges,
        competing,
        assignment: assignment.is_some(),
        judges: rows,
        short,
        assigned: assigned_total,
        scored: scored_total,
        completion: (assignment.is_some() && assigned_total > 0).then(|| scored_total as f64 / assigned_total as f64),
    }
}
