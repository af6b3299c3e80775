//! `prize assign`: gives every competing application of a round K judges (spec section 7) and
//! writes `assignments/<round>.csv`.

use std::collections::HashSet;
use std::io::{self, Write};
use std::path::Path;

use anyhow::bail;
use serde::Serialize;

use super::{Context, Outcome, round_index};
use crate::diagnostics::finding::Severity;
use crate::jury::assign::{self, Plan, Problem, Short, Shortfall};
use crate::load::application::Application;
use crate::load::assignment::{self, Assignment};
use crate::load::{Archive, ROSTER_FILE};
use crate::model::config::Config;
use crate::model::roster::Judge;
use crate::ranking::{self, RoundResult};
use crate::render::{self, Format};
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

/// What became of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum AssignmentOutcome {
    /// Written where there was none.
    Written,
    /// The same assignment is already stored.
    Unchanged,
    /// Written over a different assignment (`--replace`).
    Replaced,
    /// Not written: a different assignment is stored and `--replace` was not given.
    Refused,
    /// `--dry-run`: it would be written.
    WouldWrite,
    /// `--dry-run --replace`: it would replace the stored one.
    WouldReplace,
    /// Not written: some application cannot have K judges.
    Impossible,
}

impl AssignmentOutcome {
    fn name(self) -> &'static str {
        match self {
            AssignmentOutcome::Written => "written",
            AssignmentOutcome::Unchanged => "unchanged",
            AssignmentOutcome::Replaced => "replaced",
            AssignmentOutcome::Refused => "refused",
            AssignmentOutcome::WouldWrite => "would write",
            AssignmentOutcome::WouldReplace => "would replace",
            AssignmentOutcome::Impossible => "impossible",
        }
    }
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

/// Everything the report needs.
struct Report<'a> {
    round: &'a str,
    file: String,
    status: AssignmentOutcome,
    applications: Vec<&'a Application>,
    judges: Vec<&'a Judge>,
    plan: Plan,
    changes: Option<(usize, usize)>,
}

/// The folder of the assignments, relative to the archive root.
const ASSIGNMENTS_DIR: &str = "assignments";

/// Runs `prize assign`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("assign", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(&archive);
    let Some(config) = ctx.usable_config(out, &archive, &validation, "nothing is assigned")? else {
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
    let applications = competing(&archive, &rounds, round);
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
    let k = per_application(args);
    if k > judges.len() && format == Format::Human {
        // Said at once, before anything is sized by K: no application can have K judges.
        writeln!(
            out,
            "error: --per-application {k} asks for more judges than the {} serving in round `{round_id}`; \
             nothing written to {}",
            judges.len(),
            assignment::path(round_id)
        )?;
        ctx.summary_to_stderr(out, &validation)?;
        return Ok(Outcome::Failure);
    }
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
        store(&archive, args, round_id, &file, pairs)?
    } else {
        (AssignmentOutcome::Impossible, None)
    };
    let result = Report {
        round: round_id,
        file,
        status,
        applications,
        judges,
        plan,
        changes,
    };
    match format {
        Format::Json => render::json(out, &json(&result, args, config))?,
        _ => human(out, &result, args, config)?,
    }
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
fn pairs(plan: &Plan, applications: &[&Application], judges: &[&Judge]) -> Vec<(String, String)> {
    let mut pairs = Vec::with_capacity(plan.applications() * 5);
    for (a, app) in applications.iter().enumerate() {
        for &j in plan.judges(a) {
            pairs.push((app.id.clone(), judges[j as usize].id.clone()));
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
    pairs: Vec<(String, String)>,
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
            let after: HashSet<(String, String)> = new.pairs.iter().cloned().collect();
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

/// K as a count; a K beyond `usize` is as impossible as `usize::MAX`.
fn per_application(args: &Args) -> usize {
    usize::try_from(args.per_application).unwrap_or(usize::MAX)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// One line saying why an application cannot have K judges.
fn shortfall_message(s: &Shortfall, r: &Report<'_>, args: &Args) -> String {
    match &s.why {
        Short::Conflicts if r.judges.is_empty() => format!("no judge serves in round `{}`", r.round),
        Short::Conflicts => format!(
            "only {} of the {} serving in round `{}` {} free of conflicts with it (it needs {})",
            s.free,
            plural(r.judges.len(), "judge", "judges"),
            r.round,
            if s.free == 1 { "is" } else { "are" },
            args.per_application
        ),
        Short::Capacity { judges, room, needed } => format!(
            "its free judges are all among {} who, with --max-per-judge {}, can take {room} assignments \
             but would need {needed}",
            plural(*judges, "judge", "judges"),
            args.max_per_judge.unwrap_or(0),
        ),
    }
}

/// The conflicts behind a shortfall, as `check::conflicts::conflict` words them.
fn conflict_reasons(s: &Shortfall, r: &Report<'_>, config: &Config) -> Vec<String> {
    if s.why != Short::Conflicts {
        return Vec::new();
    }
    let app = r.applications[s.application];
    r.judges
        .iter()
        .filter_map(|j| crate::check::conflicts::conflict(&config.conflicts, j, app))
        .collect()
}

fn json<'a>(r: &'a Report<'a>, args: &Args, config: &Config) -> AssignmentJson<'a> {
    let usable = r.status != AssignmentOutcome::Impossible;
    let plan = &r.plan;
    AssignmentJson {
        round: r.round,
        file: &r.file,
        status: r.status,
        seed: args.seed,
        per_application: per_application(args),
        max_per_judge: args.max_per_judge.map(|m| m as usize),
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
                message: shortfall_message(s, r, args),
                conflicts: conflict_reasons(s, r, config),
            })
            .collect(),
    }
}

/// Shortfalls listed in human output before "and N more".
const SHOWN_SHORTFALLS: usize = 50;

fn human(out: &mut dyn Write, r: &Report<'_>, args: &Args, config: &Config) -> io::Result<()> {
    let plan = &r.plan;
    let k = per_application(args);
    if r.status == AssignmentOutcome::Impossible {
        let n = plan.shortfalls.len();
        writeln!(
            out,
            "error: {} of round `{}` cannot get {}; nothing written to {}",
            plural(n, "application", "applications"),
            r.round,
            plural(k, "judge", "judges"),
            r.file
        )?;
        let mut capacity_told = false;
        for s in plan.shortfalls.iter().take(SHOWN_SHORTFALLS) {
            let id = render::escape(&r.applications[s.application].id);
            let Short::Capacity { judges, room, needed } = s.why else {
                writeln!(out, "  {id}: {}", shortfall_message(s, r, args))?;
                for reason in conflict_reasons(s, r, config).iter().take(5) {
                    writeln!(out, "      {}", render::escape(reason))?;
                }
                continue;
            };
            if !capacity_told {
                capacity_told = true;
                let all = if judges == r.judges.len() {
                    " (every judge serving in the round)"
                } else {
                    ""
                };
                writeln!(
                    out,
                    "  with --max-per-judge {}, {}{all} can take {room} assignments, but these applications, \
                     whose free judges are all among them, need {needed}; allow more per judge or add judges:",
                    args.max_per_judge.unwrap_or(0),
                    plural(judges, "judge", "judges"),
                )?;
            }
            writeln!(
                out,
                "    {id} ({} free of conflicts)",
                plural(s.free, "judge", "judges")
            )?;
        }
        if n > SHOWN_SHORTFALLS {
            writeln!(
                out,
                "  ... and {} more (--format json lists them all)",
                n - SHOWN_SHORTFALLS
            )?;
        }
        return Ok(());
    }
    let total: usize = plan.loads.iter().sum();
    let what = format!(
        "{} × {} = {} among {}",
        plural(r.applications.len(), "application", "applications"),
        plural(k, "judge", "judges"),
        plural(total, "assignment", "assignments"),
        plural(r.judges.len(), "judge", "judges")
    );
    match (r.status, r.changes) {
        (AssignmentOutcome::Refused, Some((added, removed))) => writeln!(
            out,
            "{}: refused: a different assignment is stored ({added} pairs would be added, {removed} removed); \
             nothing written; use --replace to write over it",
            r.file
        )?,
        (AssignmentOutcome::Replaced | AssignmentOutcome::WouldReplace, Some((added, removed))) => writeln!(
            out,
            "{}: {}: {what} ({added} pairs added, {removed} removed){}",
            r.file,
            r.status.name(),
            dry(r.status)
        )?,
        _ => writeln!(out, "{}: {}: {what}{}", r.file, r.status.name(), dry(r.status))?,
    }
    let (min, max) = (
        plan.loads.iter().copied().min().unwrap_or(0),
        plan.loads.iter().copied().max().unwrap_or(0),
    );
    let uneven = if max > min + 1 {
        " (the conflicts allow no evener spread)"
    } else {
        ""
    };
    if min == max {
        writeln!(out, "  load: {} each", plural(min, "application", "applications"))?;
    } else {
        writeln!(out, "  load: {min} to {max} applications per judge{uneven}")?;
    }
    if plan.max_pair > 0 {
        writeln!(
            out,
            "  most-repeated pair: two judges share {} ({})",
            plural(plan.max_pair, "application", "applications"),
            plural(plan.pairs_at_max, "pair", "pairs")
        )?;
    }
    if plan.parts <= 1 {
        writeln!(out, "  judge–application graph: connected")?;
    } else {
        writeln!(
            out,
            "  judge–application graph: {} parts that share no application (the bias method compares \
             judges only within a part)",
            plan.parts
        )?;
    }
    Ok(())
}

fn dry(status: AssignmentOutcome) -> &'static str {
    match status {
        AssignmentOutcome::WouldWrite | AssignmentOutcome::WouldReplace => "; nothing written (--dry-run)",
        _ => "",
    }
}
