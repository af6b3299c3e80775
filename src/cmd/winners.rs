//! `prize winners`: the awards, decided from the last round.

use std::io::Write;

use serde::Serialize;

use super::{Context, Outcome};
use crate::award::{self, Decision};
use crate::load::Archive;
use crate::model::config::Config;
use crate::render::table::{Table, Value};
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize winners`.
#[derive(Debug, clap::Args)]
pub struct Args {}

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

/// What to tell the organiser when an award is tied at its cutoff.
pub fn tie_advice(archive: &Archive, config: &Config, decision: &Decision) -> String {
    let award = &config.awards[decision.award];
    let ids: Vec<String> = decision
        .tie_at_cutoff
        .iter()
        .map(|&a| format!("\"{}\"", render::escape(&archive.applications[a].id)))
        .collect();
    let mut order: Vec<String> = config
        .scoring
        .jury_order
        .iter()
        .map(|j| format!("\"{}\"", render::escape(&j.value)))
        .collect();
    order.extend(ids.iter().cloned());
    let provisional: Vec<std::borrow::Cow<'_, str>> = decision
        .winners
        .iter()
        .filter(|w| decision.tie_at_cutoff.contains(&w.application))
        .map(|w| render::escape(&archive.applications[w.application].id))
        .collect();
    format!(
        "{} is undecided: {} are tied at its cutoff (provisional winner{}: {}).\n\
         To settle it, record the jury's order of the tied applications in prize.toml, best first:\n\n    \
         [scoring]\n    jury_order = [{}]\n",
        render::escape(&award.name),
        ids.join(", "),
        if provisional.len() == 1 { "" } else { "s" },
        provisional.join(", "),
        order.join(", ")
    )
}

/// Runs `prize winners`.
pub fn run(ctx: &Context, _args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("winners", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(config) = ctx.usable_config(out, &archive, &validation, "no award is decided")? else {
        return Ok(Outcome::Failure);
    };
    let last = config.rounds.len().saturating_sub(1);
    let Some(result) = rounds.last() else {
        anyhow::bail!("prize.toml defines no rounds");
    };
    let decisions = award::decide(&archive, config, result);
    let round = &config.rounds[last];
    let app = |i: usize| &archive.applications[i];
    if format == Format::Json {
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
        render::json(
            out,
            &JsonWinners {
                round: &round.id,
                method: &result.method,
                awards,
            },
        )?;
    } else if matches!(format, Format::Csv | Format::Markdown) {
        rows(&archive, config, &round.id, &result.method, &decisions, format, out)?;
    } else {
        let mut sections: Vec<(String, Table)> = Vec::new();
        for d in &decisions {
            let a = &config.awards[d.award];
            let track_name = a
                .track
                .as_ref()
                .and_then(|t| config.track(t))
                .map_or("Committee picks".to_string(), |t| t.name.clone());
            if sections.last().is_none_or(|(name, _)| *name != track_name) {
                sections.push((
                    track_name.clone(),
                    Table::new(&["award", "rank", "id", "applicant", "country", "score"]),
                ));
            }
            let table = &mut sections.last_mut().expect("a section was just pushed").1;
            for w in &d.winners {
                let x = app(w.application);
                let mark = if d.tie_at_cutoff.contains(&w.application) {
                    " (tie)"
                } else {
                    ""
                };
                let rank = w.rank.map_or(String::new(), |r| format!("{r}{mark}"));
                let score = w.score.map_or(String::new(), |s| format!("{s:.2}"));
                let name = x.applicant.name.clone().unwrap_or_default();
                table.push(vec![
                    a.name.as_str().into(),
                    rank.into(),
                    x.id.as_str().into(),
                    name.into(),
                    x.country().into(),
                    score.into(),
                ]);
            }
            if d.unfilled > 0 {
                let note = format!("{} unfilled", d.unfilled);
                table.push(vec![
                    a.name.as_str().into(),
                    "".into(),
                    note.into(),
                    "".into(),
                    "".into(),
                    "".into(),
                ]);
            }
        }
        let title = format!(
            "{} {} — awards from {} ({})",
            config.name, config.edition, round.name, result.method
        );
        writeln!(out, "{}\n", render::escape(title.trim()))?;
        for (i, (name, table)) in sections.iter().enumerate() {
            if i > 0 {
                writeln!(out)?;
            }
            writeln!(out, "{}", render::escape(name))?;
            table.human(out)?;
        }
        for d in decisions.iter().filter(|d| d.undecided()) {
            writeln!(out)?;
            if !d.tie_at_cutoff.is_empty() {
                write!(out, "{}", tie_advice(&archive, config, d))?;
            }
            for problem in &d.pick_problems {
                writeln!(
                    out,
                    "{} is undecided: {}; correct its picks in prize.toml",
                    render::escape(&config.awards[d.award].name),
                    render::escape(&problem.message())
                )?;
            }
        }
    }
    ctx.summary_always(out, &validation)?;
    let undecided = decisions.iter().any(Decision::undecided);
    Ok(if undecided || validation.summary.errors > 0 {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// `--format csv|markdown`: a header and one row per winner, nothing else on stdout, so that a
/// script or a document can take the table as it is. Unfilled places, ties and pick problems go
/// to stderr, where a person running the command still sees them.
fn rows(
    archive: &Archive,
    config: &Config,
    round: &str,
    method: &str,
    decisions: &[Decision],
    format: Format,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let csv = format == Format::Csv;
    // Scripts key on ids; a document shows the names people know.
    let mut table = if csv {
        Table::new(&[
            "round",
            "method",
            "award",
            "award_name",
            "track",
            "rank",
            "id",
            "title",
            "applicant",
            "organization",
            "city",
            "country",
            "country_name",
            "email",
            "score",
            "tied",
        ])
    } else {
        Table::new(&["award", "track", "rank", "id", "applicant", "country", "score", "tied"])
    };
    let mut notes: Vec<String> = Vec::new();
    for d in decisions {
        let award = &config.awards[d.award];
        let track_id = award.track.as_deref().unwrap_or_default();
        let track_name = config.track(track_id).map_or("", |t| t.name.as_str());
        for w in &d.winners {
            let x = &archive.applications[w.application];
            // A committee pick outside the ranking has no rank or score: an empty cell.
            let rank: Value = w.rank.map_or_else(|| "".into(), Value::Count);
            let score: Value = w.score.map_or_else(|| "".into(), Value::Score);
            let tied = d.tie_at_cutoff.contains(&w.application).to_string();
            let applicant = x.applicant.name.as_deref().unwrap_or_default();
            let mut row: Vec<Value> = if csv {
                vec![
                    round.into(),
                    method.into(),
                    award.id.as_str().into(),
                    award.name.as_str().into(),
                    track_id.into(),
                ]
            } else {
                vec![award.name.as_str().into(), track_name.into()]
            };
            if csv {
                // What the ceremony needs beside the ranking (spec section 10).
                let text = |v: &Option<String>| Value::from(v.as_deref().unwrap_or_default());
                row.extend([
                    rank,
                    x.id.as_str().into(),
                    text(&x.title),
                    applicant.into(),
                    text(&x.applicant.organization),
                    text(&x.applicant.city),
                    x.country().into(),
                    crate::model::country::name(x.country()).unwrap_or_default().into(),
                    text(&x.applicant.email),
                    score,
                    tied.into(),
                ]);
            } else {
                row.extend([
                    rank,
                    x.id.as_str().into(),
                    applicant.into(),
                    x.country().into(),
                    score,
                    tied.into(),
                ]);
            }
            table.push(row);
        }
        if d.unfilled > 0 {
            notes.push(format!(
                "{}: {} place{} unfilled\n",
                award.name,
                d.unfilled,
                if d.unfilled == 1 { "" } else { "s" }
            ));
        }
        if !d.tie_at_cutoff.is_empty() {
            notes.push(tie_advice(archive, config, d));
        }
        notes.extend(
            d.pick_problems
                .iter()
                .map(|p| format!("{}: {}\n", render::escape(&award.name), render::escape(&p.message()))),
        );
    }
    if csv {
        table.csv(out)?;
    } else {
        table.markdown(out)?;
    }
    // The rows first, so that a terminal shows the notes after them.
    out.flush()?;
    let mut stderr = std::io::stderr().lock();
    for note in notes {
        let _ = write!(stderr, "{note}");
    }
    Ok(())
}
