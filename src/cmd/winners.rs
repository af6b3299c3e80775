//! `prize winners`: the awards, decided from the last round.

use std::io::Write;

use serde::Serialize;

use super::rank::usable_config;
use super::{Context, Outcome};
use crate::archive::Archive;
use crate::award::{self, Decision};
use crate::config::Config;
use crate::judging;
use crate::render::table::Table;
use crate::render::{self, Format};
use crate::validation::Validation;

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
    problems: &'a [String],
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
    let archive = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(config) = usable_config(&archive, &validation) else {
        ctx.summary_always(out, &validation)?;
        let _ = writeln!(
            std::io::stderr(),
            "error: prize.toml has errors, so no award is decided; run `prize validate`"
        );
        return Ok(Outcome::Failure);
    };
    let last = config.rounds.len().saturating_sub(1);
    let results = judging::rounds(&archive, config, last);
    let Some(result) = results.last() else {
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
                    problems: &d.pick_problems,
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
    } else {
        let mut all = Table::new(&["track", "award", "rank", "id", "applicant", "country", "score"]);
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
                    rank.clone().into(),
                    x.id.as_str().into(),
                    name.as_str().into(),
                    x.country().into(),
                    score.into(),
                ]);
                let csv_score = w.score.map_or(String::new(), |s| s.to_string());
                all.push(vec![
                    track_name.as_str().into(),
                    a.name.as_str().into(),
                    rank.into(),
                    x.id.as_str().into(),
                    name.into(),
                    x.country().into(),
                    csv_score.into(),
                ]);
            }
            if d.unfilled > 0 {
                let note = format!("{} unfilled", d.unfilled);
                table.push(vec![
                    a.name.as_str().into(),
                    "".into(),
                    note.as_str().into(),
                    "".into(),
                    "".into(),
                    "".into(),
                ]);
                all.push(vec![
                    track_name.as_str().into(),
                    a.name.as_str().into(),
                    "".into(),
                    note.into(),
                    "".into(),
                    "".into(),
                    "".into(),
                ]);
            }
        }
        match format {
            Format::Csv => all.csv(out)?,
            _ => {
                let title = format!(
                    "{} {} — awards from {} ({})",
                    config.name, config.edition, round.name, result.method
                );
                let title = render::escape(&title);
                if format == Format::Markdown {
                    writeln!(out, "## {}\n", title.trim())?;
                } else {
                    writeln!(out, "{}\n", title.trim())?;
                }
                for (i, (name, table)) in sections.iter().enumerate() {
                    let name = render::escape(name);
                    if i > 0 {
                        writeln!(out)?;
                    }
                    if format == Format::Markdown {
                        writeln!(out, "### {name}\n")?;
                        table.markdown(out)?;
                    } else {
                        writeln!(out, "{name}")?;
                        table.human(out)?;
                    }
                }
            }
        }
        for d in decisions.iter().filter(|d| d.undecided()) {
            writeln!(out)?;
            if !d.tie_at_cutoff.is_empty() {
                write!(out, "{}", tie_advice(&archive, config, d))?;
            }
            for problem in &d.pick_problems {
                writeln!(
                    out,
                    "{}: {}",
                    render::escape(&config.awards[d.award].name),
                    render::escape(problem)
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
