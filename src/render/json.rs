//! JSON for scripts: the result values as the spec's keys, pretty-printed.

use std::io::{self, Write};

use serde::Serialize;

use super::Renderer;
use crate::award;
use crate::diagnostics::finding::Finding;
use crate::report::awards::Awarded;
use crate::report::explanation::Explanation;
use crate::report::progress::Progress;
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

impl Renderer for Json {
    fn validation(&self, out: &mut dyn Write, validation: &Validation<'_>) -> io::Result<()> {
        let value = ValidationJson {
            summary: validation.summary,
            findings: &validation.findings,
            applications: &validation.applications,
        };
        super::json(out, &value)
    }

    fn progress(&self, out: &mut dyn Write, progress: &Progress<'_>) -> io::Result<()> {
        super::json(out, progress)
    }

    fn explanation(&self, out: &mut dyn Write, e: &Explanation) -> io::Result<()> {
        super::json(out, e)
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
}
