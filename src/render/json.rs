//! JSON for scripts: the result values as the spec's keys, pretty-printed.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::award;
use crate::diagnostics::finding::Finding;
use crate::jury::assign::Short;
use crate::jury::assigned::{Assigned, AssignmentOutcome};
use crate::jury::import::Report;
use crate::jury::template::TemplatesWritten;
use crate::report::awards::Awarded;
use crate::report::explanation::Explanation;
use crate::report::listing::Listing;
use crate::report::progress::Progress;
use crate::report::standings::{By, Standings};
use crate::report::stats::Stats;
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

#[derive(Serialize)]
struct JsonWinner<'a> {
    id: &'a str,
    rank: Option<usize>,
    score: Option<f64>,
    applicant: Option<&'a str>,
    country: &'a str,
}

#[derive(Serialize)]
struct JsonAward<'a> {
    id: &'a str,
    name: &'a str,
    track: Option<&'a str>,
    winners: Vec<JsonWinner<'a>>,
    unfilled: usize,
    tie_at_cutoff: Vec<&'a str>,
    problems: Vec<String>,
}

#[derive(Serialize)]
struct JsonWinners<'a> {
    round: &'a str,
    method: &'a str,
    awards: Vec<JsonAward<'a>>,
}

#[derive(Serialize)]
struct JsonRow<'a> {
    rank: usize,
    id: &'a str,
    score: f64,
    judges: usize,
    tied: bool,
    applicant: Option<&'a str>,
    country: &'a str,
    sector: &'a str,
    #[serde(rename = "type")]
    kind: &'a str,
    advanced: bool,
}

#[derive(Serialize)]
struct JsonUnranked<'a> {
    id: &'a str,
    reason: &'a str,
    judges: usize,
}

#[derive(Serialize)]
struct JsonGroup<'a> {
    track: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    key: Option<&'a str>,
    ranking: Vec<JsonRow<'a>>,
    unranked: Vec<JsonUnranked<'a>>,
}

#[derive(Serialize)]
struct JsonRanking<'a> {
    round: &'a str,
    method: &'a str,
    groups: Vec<JsonGroup<'a>>,
}

#[derive(Serialize)]
struct SheetImported<'a> {
    file: &'a str,
    stored: &'a str,
    round: &'a str,
    judge: &'a str,
    status: &'static str,
    rows: usize,
    scored: usize,
    added: Option<usize>,
    changed: Option<usize>,
    removed: Option<usize>,
    scores_removed: usize,
    reason: Option<&'a str>,
    findings: &'a [Finding],
}

impl<'a> SheetImported<'a> {
    fn of(r: &'a Report) -> SheetImported<'a> {
        SheetImported {
            file: &r.file,
            stored: &r.stored,
            round: &r.round,
            judge: &r.judge,
            status: r.status.as_str(),
            rows: r.rows,
            scored: r.scored,
            added: r.changes.map(|c| c.added),
            changed: r.changes.map(|c| c.changed),
            removed: r.changes.map(|c| c.removed),
            scores_removed: r.scores_removed,
            reason: r.reason.as_deref(),
            findings: &r.findings,
        }
    }
}

#[derive(Serialize)]
struct JsonFile<'a> {
    judge: &'a str,
    file: String,
    rows: usize,
    status: &'static str,
}

#[derive(Serialize)]
struct TemplatesJson<'a> {
    round: &'a str,
    /// The assignment the rows come from; `null` when every competing application is listed.
    assignment: Option<&'a str>,
    dir: String,
    format: &'static str,
    files: Vec<JsonFile<'a>>,
    notes: &'a [String],
}

#[derive(Serialize)]
struct JsonLoad {
    min: usize,
    max: usize,
}

#[derive(Serialize)]
struct JsonJudge<'a> {
    judge: &'a str,
    applications: usize,
}

#[derive(Serialize)]
struct JsonChanges {
    added: usize,
    removed: usize,
}

#[derive(Serialize)]
struct JsonShortfall<'a> {
    application: &'a str,
    free: usize,
    reason: &'static str,
    message: String,
    conflicts: Vec<String>,
}

#[derive(Serialize)]
struct AssignmentJson<'a> {
    round: &'a str,
    file: &'a str,
    status: AssignmentOutcome,
    seed: u64,
    per_application: usize,
    max_per_judge: Option<usize>,
    applications: usize,
    judges: usize,
    assignments: usize,
    load: Option<JsonLoad>,
    max_pair: Option<usize>,
    pairs_at_max: Option<usize>,
    connected: Option<bool>,
    parts: Option<usize>,
    changes: Option<JsonChanges>,
    loads: Vec<JsonJudge<'a>>,
    shortfalls: Vec<JsonShortfall<'a>>,
}

fn assignment_json<'a>(r: &'a Assigned<'a>) -> AssignmentJson<'a> {
    let usable = r.status != AssignmentOutcome::Impossible;
    let plan = &r.plan;
    AssignmentJson {
        round: r.round,
        file: &r.file,
        status: r.status,
        seed: r.seed,
        per_application: r.k(),
        max_per_judge: r.max_per_judge.map(|m| m as usize),
        applications: r.applications.len(),
        judges: r.judges.len(),
        assignments: if usable { plan.loads.iter().sum() } else { 0 },
        load: usable.then(|| JsonLoad {
            min: plan.loads.iter().copied().min().unwrap_or(0),
            max: plan.loads.iter().copied().max().unwrap_or(0),
        }),
        max_pair: usable.then_some(plan.max_pair),
        pairs_at_max: usable.then_some(plan.pairs_at_max),
        connected: usable.then_some(plan.parts <= 1),
        parts: usable.then_some(plan.parts),
        changes: r.changes.map(|(added, removed)| JsonChanges { added, removed }),
        loads: if usable {
            r.judges
                .iter()
                .zip(&plan.loads)
                .map(|(j, &n)| JsonJudge {
                    judge: &j.id,
                    applications: n,
                })
                .collect()
        } else {
            Vec::new()
        },
        shortfalls: plan
            .shortfalls
            .iter()
            .map(|s| JsonShortfall {
                application: &r.applications[s.application].id,
                free: s.free,
                reason: match s.why {
                    Short::Conflicts => "conflicts",
                    Short::Capacity { .. } => "max-per-judge",
                },
                message: r.shortfall_message(s),
                conflicts: r.conflict_reasons(s),
            })
            .collect(),
    }
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

    fn listing(&self, out: &mut dyn Write, listing: &Listing<'_>) -> io::Result<()> {
        super::json(out, listing)
    }

    fn stats(&self, out: &mut dyn Write, stats: &Stats, _top: usize) -> io::Result<()> {
        super::json(out, stats)
    }

    fn sheets_imported(&self, out: &mut dyn Write, reports: &[Report]) -> io::Result<()> {
        super::json(out, &reports.iter().map(SheetImported::of).collect::<Vec<_>>())
    }

    fn templates_written(&self, out: &mut dyn Write, w: &TemplatesWritten<'_>) -> io::Result<()> {
        let value = TemplatesJson {
            round: w.round,
            assignment: w.assignment,
            dir: w.dir.clone(),
            format: w.format,
            files: w
                .files
                .iter()
                .map(|f| JsonFile {
                    judge: f.judge,
                    file: f.file.clone(),
                    rows: f.rows,
                    status: f.status.as_str(),
                })
                .collect(),
            notes: w.notes,
        };
        super::json(out, &value)
    }

    fn assigned(&self, out: &mut dyn Write, assigned: &Assigned<'_>) -> io::Result<()> {
        super::json(out, &assignment_json(assigned))
    }

    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::json(out, progress)
    }

    fn explanation(&self, out: &mut dyn Write, e: &Explanation) -> io::Result<()> {
        super::json(out, e)
    }

    fn applications_imported(&self, out: &mut dyn Write, r: &crate::intake::import::Imported) -> io::Result<()> {
        super::intake::imported_json(out, r)
    }

    fn feedback_written(&self, out: &mut dyn Write, l: &crate::intake::feedback::Letters) -> io::Result<()> {
        super::intake::letters_json(out, l)
    }

    fn winners(&self, out: &mut dyn Write, w: &Awarded<'_>) -> io::Result<()> {
        let (archive, config, decisions) = (w.archive, w.config, &w.decisions);
        let app = |i: usize| &archive.applications[i];
        let awards = decisions
            .iter()
            .map(|d| {
                let a = &config.awards[d.award];
                JsonAward {
                    id: &a.id,
                    name: &a.name,
                    track: a.track.as_deref(),
                    winners: d
                        .winners
                        .iter()
                        .map(|w| JsonWinner {
                            id: &app(w.application).id,
                            rank: w.rank,
                            score: w.score,
                            applicant: app(w.application).applicant.name.as_deref(),
                            country: app(w.application).country(),
                        })
                        .collect(),
                    unfilled: d.unfilled,
                    tie_at_cutoff: d.tie_at_cutoff.iter().map(|&i| app(i).id.as_str()).collect(),
                    problems: d.pick_problems.iter().map(award::PickProblem::message).collect(),
                }
            })
            .collect();
        super::json(
            out,
            &JsonWinners {
                round: &w.round.id,
                method: w.method,
                awards,
            },
        )
    }

    fn ranking(&self, out: &mut dyn Write, s: &Standings<'_>) -> io::Result<()> {
        let archive = s.archive;
        let round_id = s.round.id.as_str();
        let shown = s.result;
        let advanced = |app: usize| shown.advanced.binary_search(&app).is_ok();
        let json = JsonRanking {
            round: round_id,
            method: &shown.method,
            groups: s
                .groups
                .iter()
                .map(|g| JsonGroup {
                    track: &g.track,
                    by: s.by.map(By::name),
                    key: g.key.as_deref(),
                    ranking: s
                        .visible(g)
                        .map(|p| {
                            let a = &archive.applications[p.candidate.application];
                            JsonRow {
                                rank: p.rank,
                                id: &a.id,
                                score: p.candidate.score,
                                judges: p.candidate.judges,
                                tied: p.tied,
                                applicant: a.applicant.name.as_deref(),
                                country: a.country(),
                                sector: a.sector_id(),
                                kind: a.type_id(),
                                advanced: advanced(p.candidate.application),
                            }
                        })
                        .collect(),
                    unranked: g
                        .unranked
                        .iter()
                        .map(|u| JsonUnranked {
                            id: &archive.applications[u.application].id,
                            reason: u.reason,
                            judges: u.judges,
                        })
                        .collect(),
                })
                .collect(),
        };
        super::json(out, &json)
    }
}
