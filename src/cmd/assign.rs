//! `prize assign`: gives every competing application of a round K judges (spec section 7) and
//! writes `assignments/<round>.csv`.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;

use super::{Context, Outcome, round_index};
use crate::diagnostics::finding::Severity;
use crate::jury::assign::{self, Plan, Problem};
use crate::jury::assigned::{Assigned, AssignmentOutcome};
use crate::load::application::Application;
use crate::load::assignment::{self, Assignment, Pair};
use crate::load::{Archive, ROSTER_FILE};
use crate::model::roster::Judge;
use crate::ranking::{self, RoundResult};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize assign`.
#[derive(Debug, clap::Args)]
#[command(
    after_long_help = "Give every competing application of a round K judges who serve in the round and have no \
                  conflict with it, and write assignments/<round>.csv (`application,judge`, one row a pair, \
                  sorted).\n\n\
                  Loads are as even as the conflicts allow (within one application of each other when they \
                  allow it), and the same two judges share as few applications as the assignment can manage, \
                  which keeps the normalising methods (zscore, rank, bias) well conditioned. The same archive \
                  and seed always give the same file.\n\n\
                  In the first round the eligible applications compete; in a later round, those that advanced \
                  from the round before (so that round's sheets must be in). Exit 1, writing nothing, when an \
                  application cannot have K judges (every such application is listed), when a different \
                  assignment is stored (unless --replace), or when prize.toml or judges.toml has errors."
)]
pub struct Args {
    /// The round.
    #[arg(long)]
    pub round: String,
    /// K: how many judges each application gets.
    #[arg(long, value_name = "K", value_parser = clap::value_parser!(u64).range(1..))]
    pub per_application: u64,
    /// The seed of the random order and tie-breaks; the same archive and seed give the same assignment.
    #[arg(long, value_name = "N", default_value_t = 0)]
    pub seed: u64,
    /// At most N applications per judge.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub max_per_judge: Option<u32>,
    /// Check and report what would happen, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
    /// Write over a different assignment already stored.
    #[arg(long)]
    pub replace: bool,
}

/// The folder of the assignments, relative to the archive root.
const ASSIGNMENTS_DIR: &str = "assignments";

/// Runs `prize assign`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("assign", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "nothing is assigned")? else {
        return Ok(Outcome::Failure);
    };
    let round = round_index(config, &args.round)?;
    let round_id = config.rounds[round].id.as_str();
    let Some(roster) = &archive.roster else {
        bail!("the archive has no judges.toml, so there is no one to assign");
    };
    let roster_broken = validation
        .findings
        .iter()
        .any(|f| f.file == ROSTER_FILE && f.severity == Severity::Error);
    if roster_broken {
        return Ok(ctx.refuse(out, &validation, ROSTER_FILE, "nothing is assigned")?);
    }
    let applications = competing(archive, rounds, round);
    if applications.is_empty() {
        ctx.summary_to_stderr(out, &validation)?;
        let why = if round == 0 {
            "no application is eligible".to_string()
        } else {
            format!(
                "no application advanced from round `{}` (are its score sheets in?)",
                config.rounds[round - 1].id
            )
        };
        let _ = writeln!(
            io::stderr(),
            "error: nothing to assign in round `{round_id}`: {why}; nothing written"
        );
        return Ok(Outcome::Failure);
    }
    let mut judges: Vec<&Judge> = roster.judges.iter().filter(|j| ranking::serves(j, round_id)).collect();
    judges.sort_by(|a, b| a.id.cmp(&b.id));
    let k = usize::try_from(args.per_application).unwrap_or(usize::MAX);
    let started = std::time::Instant::now();
    let problem = Problem {
        judges: judges.len(),
        per_application: k,
        max_per_judge: args.max_per_judge.map(|m| m as usize),
        seed: args.seed,
        conflicts: assign::conflicts(&config.conflicts, &judges, &applications),
    };
    let busy = ctx.busy("assigning judges");
    let plan = assign::assign(&problem);
    drop(busy);
    ctx.note(&format!(
        "assigned in {:.0?}: {} chain(s) of hand-overs to even the loads, {} change(s) to spread the pairs",
        started.elapsed(),
        plan.chains,
        plan.pair_moves
    ));
    let file = assignment::path(round_id);
    let (status, changes) = if plan.shortfalls.is_empty() {
        let pairs = pairs(&plan, &applications, &judges);
        store(archive, args, round_id, &file, pairs)?
    } else {
        (AssignmentOutcome::Impossible, None)
    };
    let result = Assigned {
        round: round_id,
        file,
        status,
        applications,
        judges,
        plan,
        changes,
        seed: args.seed,
        per_application: args.per_application,
        max_per_judge: args.max_per_judge,
        conflicts: &config.conflicts,
    };
    ctx.renderer(format).assigned(out, &result)?;
    ctx.summary_to_stderr(out, &validation)?;
    Ok(super::outcome_with(
        &validation,
        matches!(status, AssignmentOutcome::Refused | AssignmentOutcome::Impossible),
    ))
}

/// The competing applications of the round, by id.
fn competing<'a>(archive: &'a Archive, rounds: &[RoundResult], round: usize) -> Vec<&'a Application> {
    let indices = ranking::competing(archive, rounds, round);
    let mut apps: Vec<&Application> = indices.into_iter().map(|i| &archive.applications[i]).collect();
    apps.sort_by(|a, b| a.id.cmp(&b.id));
    apps
}

/// The (application id, judge id) pairs, sorted.
fn pairs(plan: &Plan, applications: &[&Application], judges: &[&Judge]) -> Vec<Pair> {
    let ids: Vec<std::sync::Arc<str>> = judges.iter().map(|j| std::sync::Arc::from(j.id.as_str())).collect();
    let mut pairs = Vec::with_capacity(plan.applications() * 5);
    for (a, app) in applications.iter().enumerate() {
        for &j in plan.judges(a) {
            pairs.push((app.id.clone(), ids[j as usize].clone()));
        }
    }
    pairs.sort();
    pairs
}

/// Compares with the stored assignment and writes unless told not to. Returns the status and,
/// when a different assignment is stored, the pairs added and removed.
fn store(
    archive: &Archive,
    args: &Args,
    round: &str,
    file: &str,
    pairs: Vec<Pair>,
) -> anyhow::Result<(AssignmentOutcome, Option<(usize, usize)>)> {
    let new = Assignment {
        round: round.to_string(),
        file: file.to_string(),
        pairs,
    };
    let text = new.to_csv();
    let path = archive.root.join(file);
    crate::jury::atomic::refuse_links(&archive.root, &[Path::new(ASSIGNMENTS_DIR), Path::new(file)])?;
    let stored = crate::jury::atomic::read_existing(&path)?;
    let (status, changes) = match stored {
        None => (AssignmentOutcome::Written, None),
        Some(bytes) if bytes == text.as_bytes() => (AssignmentOutcome::Unchanged, None),
        Some(bytes) => {
            // Read here rather than taken from the loaded archive, which may have refused it.
            let before = stored_pairs(&bytes);
            let after: HashSet<(String, String)> = new.pairs.iter().map(|(a, j)| (a.clone(), j.to_string())).collect();
            if before == after {
                (AssignmentOutcome::Unchanged, None)
            } else {
                let added = after.difference(&before).count();
                let removed = before.difference(&after).count();
                (AssignmentOutcome::Replaced, Some((added, removed)))
            }
        }
    };
    let status = match status {
        AssignmentOutcome::Replaced if !args.replace => AssignmentOutcome::Refused,
        AssignmentOutcome::Written if args.dry_run => AssignmentOutcome::WouldWrite,
        AssignmentOutcome::Replaced if args.dry_run => AssignmentOutcome::WouldReplace,
        other => other,
    };
    if matches!(status, AssignmentOutcome::Written | AssignmentOutcome::Replaced) {
        let dir = archive.root.join(ASSIGNMENTS_DIR);
        crate::jury::import::write_atomic(&dir, &path, text.as_bytes())?;
    }
    Ok((status, changes))
}

/// The pairs of a stored assignment, as far as it can be read (a file that is not one has none).
fn stored_pairs(bytes: &[u8]) -> HashSet<(String, String)> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(bytes);
    let header_ok = reader
        .headers()
        .is_ok_and(|h| h.iter().map(str::trim).eq(["application", "judge"]));
    if !header_ok {
        return HashSet::new();
    }
    reader
        .records()
        .filter_map(Result::ok)
        .filter(|r| r.len() == 2)
        .map(|r| (r[0].trim().to_string(), r[1].trim().to_string()))
        .filter(|(a, j)| !a.is_empty() && !j.is_empty())
        .collect()
}
