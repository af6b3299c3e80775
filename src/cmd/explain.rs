//! `prize explain ID`: every number behind one application's result.

use std::io::Write;

use super::{Context, Outcome};
use crate::load::Archive;
use crate::load::config::Config;
use crate::render::{self, Format};
use crate::report::Edition;
use crate::report::explanation::{Explanation, explain, fmt};
use crate::report::validation::Validation;
use anyhow::bail;

/// Arguments of `prize explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The application id.
    pub id: String,
}

fn human(out: &mut dyn Write, archive: &Archive, config: Option<&Config>, e: &Explanation) -> std::io::Result<()> {
    let esc = render::escape;
    writeln!(
        out,
        "{} — {}",
        esc(&e.id),
        esc(e.title.as_deref().unwrap_or("(no title)"))
    )?;
    let a = archive.applications.iter().find(|a| a.id == e.id);
    if let Some(a) = a {
        writeln!(
            out,
            "track {} · sector {} · {} · {} ({})",
            esc(a.track_id()),
            esc(a.sector_id()),
            esc(a.type_id()),
            esc(a.applicant.name.as_deref().unwrap_or("")),
            esc(a.country())
        )?;
    }
    let reasons = if e.reasons.is_empty() {
        String::new()
    } else {
        format!(" ({})", esc(&e.reasons.join(", ")))
    };
    writeln!(out, "status: {}{reasons}", e.status.as_str())?;
    for f in &e.findings {
        writeln!(out, "  {}", esc(f))?;
    }
    let criteria: Vec<&str> = config.map_or(Vec::new(), |c| c.criteria.iter().map(|c| c.id.as_str()).collect());
    for r in &e.rounds {
        let name = config
            .and_then(|c| c.rounds.iter().find(|x| x.id == r.round))
            .map_or(r.round.as_str(), |x| x.name.as_str());
        writeln!(out, "\nround {} — {} ({})", esc(&r.round), esc(name), r.method)?;
        if !r.competing {
            writeln!(out, "  not competing in this round")?;
        }
        if !r.judges.is_empty() {
            writeln!(out, "  scores in criterion order: {}", criteria.join(", "))?;
        }
        for j in &r.judges {
            let scores: Vec<String> = j.scores.iter().map(|x| x.to_string()).collect();
            let total = j.total.map_or("—".to_string(), fmt);
            match (&j.reason, &j.method) {
                (Some(why), _) => writeln!(
                    out,
                    "  {:<12} [{}] total {total}: not counted, {}",
                    esc(&j.judge),
                    scores.join(" "),
                    esc(why)
                )?,
                (None, Some(m)) => writeln!(
                    out,
                    "  {:<12} [{}] total {total}; {}",
                    esc(&j.judge),
                    scores.join(" "),
                    esc(m)
                )?,
                (None, None) => writeln!(out, "  {:<12} [{}] total {total}", esc(&j.judge), scores.join(" "))?,
            }
            if !j.comment.trim().is_empty() {
                // Debug formatting quotes the comment and shows control characters escaped
                // (`\u{1b}`), so a sheet cannot drive the terminal.
                writeln!(out, "  {:<12} comment: {:?}", "", j.comment.trim())?;
            }
        }
        if let Some(f) = &r.formula {
            writeln!(out, "  score: {}", esc(f))?;
        }
        if let Some(rank) = r.rank {
            let tied = if r.tied { ", tied" } else { "" };
            writeln!(out, "  rank {rank} of {}{tied}", r.of)?;
        }
        if let Some(d) = &r.decided_by {
            writeln!(out, "  {}", esc(d))?;
        }
        if let Some(u) = &r.unranked {
            writeln!(out, "  not ranked — {}", esc(u))?;
        }
        match r.advanced {
            Some(true) => writeln!(out, "  advanced to the next round")?,
            Some(false) => writeln!(out, "  did not advance")?,
            None => {}
        }
    }
    if !e.awards.is_empty() {
        writeln!(out, "\nawards")?;
        for w in &e.awards {
            writeln!(out, "  {}: {} — {}", esc(&w.name), esc(w.result), esc(&w.reason))?;
        }
    }
    Ok(())
}

/// Runs `prize explain`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("explain", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(app) = archive.applications.iter().position(|a| a.id == args.id) else {
        let ids = archive.applications.iter().map(|a| a.id.as_str());
        let help = crate::load::fields::did_you_mean(&args.id, ids, || "`prize list` shows every id".to_string());
        bail!("no application `{}`; {help}", args.id);
    };
    let config = crate::report::validation::usable_config(&archive, &validation);
    let explanation = explain(&archive, &rounds, config, app);
    if format == Format::Json {
        render::json(out, &explanation)?;
    } else {
        human(out, &archive, config, &explanation)?;
    }
    ctx.summary_always(out, &validation)?;
    Ok(super::outcome_of(&validation))
}
