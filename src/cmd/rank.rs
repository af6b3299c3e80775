//! `prize rank`: the ranking of a round, per track.

use std::io::Write;

use anyhow::bail;
use serde::Serialize;

use super::{Context, Outcome, known, outcome_of, round_index};
use crate::model::config::METHODS;
use crate::ranking::order::Placed;
use crate::ranking::{self, Group};
use crate::render::table::Table;
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::standings::{self, By};
use crate::report::validation::Validation;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (default: the last round that has score sheets, else the first).
    #[arg(long)]
    pub round: Option<String>,
    /// Rank with this method instead of the round's own (who advances does not change).
    #[arg(long, value_parser = clap::builder::PossibleValuesParser::new(METHODS))]
    pub method: Option<String>,
    /// Only this track.
    #[arg(long)]
    pub track: Option<String>,
    /// Rank separately within each track by sector, applicant type or country.
    #[arg(long, value_enum)]
    pub by: Option<By>,
    /// Show only the applications ranked N or better in each group.
    #[arg(long, value_name = "N")]
    pub top: Option<usize>,
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

fn visible(group: &Group, top: Option<usize>) -> impl Iterator<Item = &Placed> {
    group.ranking.iter().filter(move |p| top.is_none_or(|n| p.rank <= n))
}

/// Runs `prize rank`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("rank", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(config) = ctx.usable_config(out, &archive, &validation, "nothing is ranked")? else {
        return Ok(Outcome::Failure);
    };
    if let Some(track) = &args.track {
        let ids = config.tracks.iter().map(|t| t.id.as_str()).collect();
        known("track", &Some(track.clone()), ids)?;
    }
    let round = match &args.round {
        Some(r) => round_index(config, r)?,
        None => ranking::default_round(&archive, config),
    };
    let Some(judged) = rounds.get(round) else {
        bail!("prize.toml defines no rounds");
    };
    // Only the printed round is scored again with another method; who advanced stays its own.
    let rescored;
    let shown = match args.method.as_ref().filter(|m| **m != judged.method) {
        Some(method) => {
            let index = ranking::id_index(&archive);
            let mut result = ranking::judge_round(&archive, config, round, judged.competing.clone(), method, &index);
            result.advanced = judged.advanced.clone();
            rescored = result;
            &rescored
        }
        None => judged,
    };
    ctx.note(&format!(
        "{} scored {} totals of round `{}` in {:.0?}",
        shown.method,
        shown.totals.totals.len(),
        config.rounds[round].id,
        shown.scoring_time
    ));
    let groups = standings::groups(&archive, config, shown, args.track.as_deref(), args.by);
    let round_id = config.rounds[round].id.as_str();
    let advanced = |app: usize| shown.advanced.binary_search(&app).is_ok();
    match format {
        Format::Json => {
            let json = JsonRanking {
                round: round_id,
                method: &shown.method,
                groups: groups
                    .iter()
                    .map(|g| JsonGroup {
                        track: &g.track,
                        by: args.by.map(By::name),
                        key: g.key.as_deref(),
                        ranking: visible(g, args.top)
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
            render::json(out, &json)?;
        }
        _ => {
            let by_name = args.by.map(By::name);
            let mut csv_table = Table::new(&[
                "round",
                "method",
                "track",
                "group",
                "rank",
                "id",
                "applicant",
                "country",
                "sector",
                "score",
                "judges",
                "tied",
                "advanced",
            ]);
            for (i, g) in groups.iter().enumerate() {
                let mut table = Table::new(&["rank", "id", "applicant", "country", "sector", "score", "judges"]);
                for p in visible(g, args.top) {
                    let a = &archive.applications[p.candidate.application];
                    let applicant = a.applicant.name.clone().unwrap_or_default();
                    let mark = if p.tied { "=" } else { "" };
                    let adv = if advanced(p.candidate.application) { " →" } else { "" };
                    table.push(vec![
                        format!("{}{mark}{adv}", p.rank).into(),
                        a.id.as_str().into(),
                        applicant.as_str().into(),
                        a.country().into(),
                        a.sector_id().into(),
                        p.candidate.score.into(),
                        p.candidate.judges.into(),
                    ]);
                    csv_table.push(vec![
                        round_id.into(),
                        shown.method.as_str().into(),
                        g.track.as_str().into(),
                        g.key.clone().unwrap_or_default().into(),
                        p.rank.into(),
                        a.id.as_str().into(),
                        applicant.into(),
                        a.country().into(),
                        a.sector_id().into(),
                        p.candidate.score.into(),
                        p.candidate.judges.into(),
                        p.tied.to_string().into(),
                        advanced(p.candidate.application).to_string().into(),
                    ]);
                }
                if format == Format::Csv {
                    continue;
                }
                let track_name = config.track(&g.track).map_or(g.track.as_str(), |t| t.name.as_str());
                let title = match (&g.key, by_name) {
                    (Some(key), Some(by)) => format!("{track_name}, {by} {key}"),
                    _ => track_name.to_string(),
                };
                if i > 0 {
                    writeln!(out)?;
                }
                let heading = format!("{title} — {} ({})", config.rounds[round].name, shown.method);
                let heading = render::escape(&heading);
                if format == Format::Markdown {
                    writeln!(out, "### {heading}\n")?;
                } else {
                    writeln!(out, "{heading}")?;
                }
                if table.rows.is_empty() {
                    writeln!(out, "no application ranked")?;
                } else if format == Format::Markdown {
                    table.markdown(out)?;
                } else {
                    table.human(out)?;
                }
                if !g.unranked.is_empty() {
                    let list: Vec<String> = g
                        .unranked
                        .iter()
                        .map(|u| {
                            format!(
                                "{} ({} judge{})",
                                archive.applications[u.application].id,
                                u.judges,
                                if u.judges == 1 { "" } else { "s" }
                            )
                        })
                        .collect();
                    let min = config.scoring.min_judges;
                    writeln!(
                        out,
                        "{}not ranked (scored by fewer than {min} judge{}): {}",
                        if format == Format::Markdown { "\n" } else { "" },
                        if min == 1 { "" } else { "s" },
                        render::escape(&list.join(", "))
                    )?;
                }
            }
            if format == Format::Csv {
                csv_table.csv(out)?;
            } else if !ctx.quiet && groups.iter().any(|g| g.ranking.iter().any(|p| p.tied)) {
                writeln!(out, "\n= shares its rank (a tie that no tie-break settled)")?;
            }
            if format == Format::Human && !shown.advanced.is_empty() && !ctx.quiet {
                writeln!(out, "→ advances to the next round")?;
            }
        }
    }
    ctx.summary_always(out, &validation)?;
    Ok(outcome_of(&validation))
}
