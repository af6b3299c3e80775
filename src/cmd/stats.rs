//! `prize stats`: counts by track × sector, applicant type, country and status, and the scoring
//! coverage of each round.

use std::io::Write;

use super::{Context, Outcome, outcome_of};
use crate::render::table::{Table, Value};
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::stats::{self, Count, Stats};
use crate::report::validation::Validation;

/// Arguments of `prize stats`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How many of the most frequent reasons to show (human, csv and markdown).
    #[arg(long, default_value_t = 5)]
    pub top: usize,
}

fn counts(title: &str, header: &str, list: &[Count], with_names: bool, limit: usize) -> (String, Table) {
    let mut table = if with_names {
        Table::new(&[header, "name", "applications"])
    } else {
        Table::new(&[header, "applications"])
    };
    for c in list.iter().take(limit) {
        let mut row: Vec<Value> = vec![c.key.as_str().into()];
        if with_names {
            row.push(c.name.clone().unwrap_or_default().into());
        }
        row.push(c.count.into());
        table.push(row);
    }
    (title.to_string(), table)
}

/// The sections printed, each a titled table.
fn sections(s: &Stats, top: usize) -> Vec<(String, Table)> {
    let mut headers: Vec<&str> = vec!["track"];
    headers.extend(s.sectors.iter().map(String::as_str));
    headers.push("total");
    let mut grid = Table::new(&headers);
    for row in &s.tracks {
        let mut cells: Vec<Value> = vec![row.track.as_str().into()];
        cells.extend(row.sectors.iter().map(|(_, n)| Value::Count(*n)));
        cells.push(row.total.into());
        grid.push(cells);
    }
    let mut totals: Vec<Value> = vec!["total".into()];
    for i in 0..s.sectors.len() {
        totals.push(s.tracks.iter().map(|r| r.sectors[i].1).sum::<usize>().into());
    }
    totals.push(s.applications.into());
    grid.push(totals);
    vec![
        ("Applications by track and sector".to_string(), grid),
        counts("Applicant types", "type", &s.applicant_types, false, usize::MAX),
        counts(
            &format!("Countries ({})", s.countries.len()),
            "country",
            &s.countries,
            true,
            usize::MAX,
        ),
        counts("Status", "status", &s.statuses, false, usize::MAX),
        counts(
            "Top reasons for ineligibility",
            "code",
            &s.ineligible_reasons,
            false,
            top,
        ),
        counts("Top reasons for invalidity", "code", &s.invalid_reasons, false, top),
        coverage(s),
    ]
}

/// Per round: how many compete, how many have enough judges, the totals and the judges.
fn coverage(s: &Stats) -> (String, Table) {
    let mut table = Table::new(&["round", "name", "competing", "with_min_judges", "totals", "judges"]);
    for r in &s.coverage {
        table.push(vec![
            r.round.as_str().into(),
            r.name.as_str().into(),
            r.competing.into(),
            r.with_min_judges.into(),
            r.totals.into(),
            r.judges.into(),
        ]);
    }
    let title = match s.coverage.first() {
        Some(r) => format!("Scoring coverage (min_judges = {})", r.min_judges),
        None => "Scoring coverage".to_string(),
    };
    (title, table)
}

/// Runs `prize stats`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("stats", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let stats = stats::of(&archive, &rounds);
    if format == Format::Json {
        render::json(out, &stats)?;
    } else {
        for (i, (title, table)) in sections(&stats, args.top).into_iter().enumerate() {
            if table.rows.is_empty() {
                continue;
            }
            if i > 0 {
                writeln!(out)?;
            }
            match format {
                Format::Csv => table.csv(out)?,
                Format::Markdown => {
                    writeln!(out, "### {title}\n")?;
                    table.markdown(out)?;
                }
                _ => {
                    writeln!(out, "{title}")?;
                    table.human(out)?;
                }
            }
        }
    }
    ctx.summary_to_stderr(out, &validation)?;
    Ok(outcome_of(&validation))
}
