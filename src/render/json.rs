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
use crate::trust::agreement::{Agreement, Scope};
use crate::trust::compare::Comparison;
use crate::trust::judges::Judges;
use crate::trust::stability::Stability;

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

/// `prize judges --format json`: `{"round", "judges": [...]}`, an absent value `null`.
#[derive(Serialize)]
struct JudgesJson<'a> {
    round: &'a str,
    judges: Vec<JudgeJson<'a>>,
}

#[derive(Serialize)]
struct JudgeJson<'a> {
    id: &'a str,
    name: &'a str,
    totals: usize,
    mean: f64,
    sd: f64,
    leniency: Option<f64>,
    offset: Option<f64>,
    correlation: Option<f64>,
    fit: Option<f64>,
    flags: &'a [&'static str],
}

/// `prize agreement --format json`: `{"round", "overall": {...}, "tracks": [{"track", ...}]}`.
#[derive(Serialize)]
struct AgreementJson<'a> {
    round: &'a str,
    overall: ScopeJson<'a>,
    tracks: Vec<ScopeJson<'a>>,
}

#[derive(Serialize)]
struct ScopeJson<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    track: Option<&'a str>,
    alpha_interval: Option<f64>,
    alpha_ordinal: Option<f64>,
    /// Why α is `null`, else `null`.
    note: Option<&'a str>,
    pairable: usize,
    judges_per_application: Option<f64>,
    panel_reliability: Option<f64>,
    disagreements: Vec<DisagreementJson<'a>>,
}

#[derive(Serialize)]
struct DisagreementJson<'a> {
    id: &'a str,
    sd: f64,
    min: f64,
    max: f64,
    judges: usize,
}

impl<'a> ScopeJson<'a> {
    fn of(s: &'a Scope) -> ScopeJson<'a> {
        ScopeJson {
            track: s.track.as_deref(),
            alpha_interval: s.alpha.interval,
            alpha_ordinal: s.alpha.ordinal,
            note: s.alpha.note.as_deref(),
            pairable: s.alpha.pairable,
            judges_per_application: s.judges_per_application,
            panel_reliability: s.panel_reliability,
            disagreements: s
                .disagreements
                .iter()
                .map(|d| DisagreementJson {
                    id: &d.id,
                    sd: d.sd,
                    min: d.min,
                    max: d.max,
                    judges: d.judges,
                })
                .collect(),
        }
    }
}

impl Renderer for Json {
    fn judges(&self, out: &mut dyn Write, j: &Judges) -> io::Result<()> {
        let value = JudgesJson {
            round: &j.round,
            judges: j
                .judges
                .iter()
                .map(|r| JudgeJson {
                    id: &r.id,
                    name: &r.name,
                    totals: r.totals,
                    mean: r.mean,
                    sd: r.sd,
                    leniency: r.leniency,
                    offset: r.offset,
                    correlation: r.correlation,
                    fit: r.fit,
                    flags: &r.flags,
                })
                .collect(),
        };
        super::json(out, &value)
    }

    fn agreement(&self, out: &mut dyn Write, a: &Agreement) -> io::Result<()> {
        let value = AgreementJson {
            round: &a.round,
            overall: ScopeJson::of(&a.overall),
            tracks: a.tracks.iter().map(ScopeJson::of).collect(),
        };
        super::json(out, &value)
    }

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

    fn comparison(&self, out: &mut dyn Write, c: &Comparison<'_>) -> io::Result<()> {
        super::json(out, &comparison_json(c))
    }

    fn stability(&self, out: &mut dyn Write, s: &Stability<'_>) -> io::Result<()> {
        super::json(out, &stability_json(s))
    }
}

// `prize compare` and `prize stability` (spec section 8).

/// A JSON object whose keys keep the order given (the methods', the awards').
struct Keyed<'a, T>(Vec<(&'a str, T)>);

impl<T: Serialize> Serialize for Keyed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct CompareRow<'a> {
    id: &'a str,
    ranks: Keyed<'a, Option<usize>>,
    scores: Keyed<'a, Option<f64>>,
}

#[derive(Serialize)]
struct CompareTau<'a> {
    a: &'a str,
    b: &'a str,
    tau: Option<f64>,
}

#[derive(Serialize)]
struct CompareTrack<'a> {
    track: &'a str,
    ranking: Vec<CompareRow<'a>>,
    tau: Vec<CompareTau<'a>>,
}

#[derive(Serialize)]
struct CompareAdvancing<'a> {
    id: &'a str,
    methods: Vec<&'a str>,
}

#[derive(Serialize)]
struct CompareAward<'a> {
    id: &'a str,
    winners: Keyed<'a, Vec<&'a str>>,
    changes: Vec<&'a str>,
    tie_at_cutoff: Keyed<'a, Vec<&'a str>>,
}

#[derive(Serialize)]
struct CompareJson<'a> {
    round: &'a str,
    methods: &'a [String],
    tracks: Vec<CompareTrack<'a>>,
    advancing: Vec<CompareAdvancing<'a>>,
    awards: Vec<CompareAward<'a>>,
}

fn comparison_json<'a>(c: &'a Comparison<'a>) -> CompareJson<'a> {
    let (archive, config) = (c.archive, c.config);
    let id = |app: usize| archive.applications[app].id.as_str();
    let ids = |apps: &'a [usize]| apps.iter().map(|&a| id(a)).collect::<Vec<_>>();
    let methods: Vec<&str> = c.methods.iter().map(String::as_str).collect();
    let keyed = |values: Vec<_>| Keyed(methods.iter().copied().zip(values).collect());
    CompareJson {
        round: &config.rounds[c.round].id,
        methods: &c.methods,
        tracks: c
            .tracks
            .iter()
            .map(|t| CompareTrack {
                track: &t.track,
                ranking: t
                    .rows
                    .iter()
                    .map(|r| CompareRow {
                        id: id(r.application),
                        ranks: keyed(r.ranks.clone()),
                        scores: Keyed(methods.iter().copied().zip(r.scores.clone()).collect()),
                    })
                    .collect(),
                tau: t
                    .tau
                    .iter()
                    .map(|x| CompareTau {
                        a: methods[x.a],
                        b: methods[x.b],
                        tau: x.tau,
                    })
                    .collect(),
            })
            .collect(),
        advancing: c
            .advancing
            .iter()
            .flatten()
            .map(|a| CompareAdvancing {
                id: id(a.application),
                methods: a.methods.iter().map(|&m| methods[m]).collect(),
            })
            .collect(),
        awards: c
            .awards
            .iter()
            .flatten()
            .map(|a| CompareAward {
                id: &config.awards[a.award].id,
                winners: Keyed(methods.iter().copied().zip(a.winners.iter().map(|w| ids(w))).collect()),
                changes: ids(&a.changes),
                tie_at_cutoff: Keyed(
                    methods
                        .iter()
                        .copied()
                        .zip(a.tie_at_cutoff.iter().map(|w| ids(w)))
                        .collect(),
                ),
            })
            .collect(),
    }
}

#[derive(Serialize)]
struct StableApplication<'a> {
    id: &'a str,
    track: &'a str,
    rank: Option<usize>,
    rank_low: Option<usize>,
    rank_high: Option<usize>,
    p_unranked: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    p_advance: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p_award: Option<Keyed<'a, f64>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    p_any_award: Option<f64>,
}

#[derive(Serialize)]
struct StableChange<'a> {
    kind: &'static str,
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    award: Option<&'a str>,
}

#[derive(Serialize)]
struct StableLeftOut<'a> {
    judge: &'a str,
    changes: Vec<StableChange<'a>>,
}

#[derive(Serialize)]
struct StabilityJson<'a> {
    round: &'a str,
    method: &'a str,
    samples: usize,
    seed: u64,
    applications: Vec<StableApplication<'a>>,
    leave_one_out: Vec<StableLeftOut<'a>>,
}

fn stability_json<'a>(s: &'a Stability<'a>) -> StabilityJson<'a> {
    let (archive, config) = (s.archive, s.config);
    let id = |app: usize| archive.applications[app].id.as_str();
    let roster: &[crate::model::roster::Judge] = archive.roster.as_ref().map_or(&[], |r| r.judges.as_slice());
    StabilityJson {
        round: &config.rounds[s.round].id,
        method: &s.method,
        samples: s.samples,
        seed: s.seed,
        applications: s
            .applications
            .iter()
            .map(|a| StableApplication {
                id: id(a.application),
                track: &a.track,
                rank: a.rank,
                rank_low: a.rank_low,
                rank_high: a.rank_high,
                p_unranked: a.p_unranked,
                p_advance: a.p_advance,
                p_award: a
                    .p_award
                    .as_ref()
                    .map(|p| Keyed(p.iter().map(|&(x, p)| (config.awards[x].id.as_str(), p)).collect())),
                p_any_award: a.p_any_award,
            })
            .collect(),
        leave_one_out: s
            .leave_one_out
            .iter()
            .map(|l| StableLeftOut {
                judge: roster.get(l.judge).map_or("", |j| j.id.as_str()),
                changes: l
                    .changes
                    .iter()
                    .map(|c| StableChange {
                        kind: c.kind.as_str(),
                        id: id(c.application),
                        award: c.award.map(|x| config.awards[x].id.as_str()),
                    })
                    .collect(),
            })
            .collect(),
    }
}
