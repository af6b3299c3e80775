//! Writes a fictional, reproducible sample archive for `prize`.
//!
//! ```text
//! cargo run --release --example synth -- --preset sscp-2026 --out data/sscp-2026
//! cargo run --release --example synth -- --preset sscp-2026 --out /tmp/big \
//!     --applications 100000 --judges 1000
//! ```
//!
//! Everything written is invented: the applicants, projects, numbers and judges.
//! Cities, countries and time zones are real so that the sample looks like a real
//! edition, and the sample carries the problems a secretariat meets every year
//! (late and waived submissions, planned projects, a project too young, a
//! duplicate applicant, a rejection) so that `prize validate` has something to find.
//!
//! It also writes the jury's score sheets, `scores/<round>/<judge>.csv`, in the
//! canonical form `prize scores import` stores: in the first round every eligible
//! application gets 3–5 judges (5 from 10,000 applications on), in the final the
//! finalists `prize` itself advances get 4–5. Judges differ the way real ones do —
//! a lenient one, a strict one, one who never leaves the middle of the scale — so the
//! scoring methods disagree in places. Large runs score the final only with `--score-final`.
//!
//! The same arguments always give byte-identical files.

mod applications;
mod archive_folder;
mod command_line;
mod judges;
mod planning;
mod random;
mod score_sheets;
mod text;
mod world;

use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::fs;
use std::process::ExitCode;

use clap::Parser;
use jiff::tz::{Offset, TimeZone};

use crate::applications::Context;
use crate::archive_folder::{at, claim_showcase, prepare, write_applications};
use crate::command_line::Args;
use crate::judges::{plan_judges, write_judges};
use crate::planning::{Plan, Planner, Reality, Registry, Window, latest_start, parse_time};
use crate::random::SplitMix64;
use crate::score_sheets::{LARGE_RUN, LARGE_RUN_JUDGES, criteria, entrants, judge};
use crate::world::CITIES;

/// The ids of the applications that carry each planted problem.
fn planted<'a>(plans: &[Plan], ids: &'a [String], reality: Reality) -> Vec<&'a str> {
    plans
        .iter()
        .zip(ids)
        .filter(|(p, _)| p.reality == reality)
        .map(|(_, id)| id.as_str())
        .collect()
}

fn run(args: &Args) -> Result<String, String> {
    let preset = args.preset.spec();
    let n = args.applications.unwrap_or(preset.applications);
    let m = args.judges.unwrap_or(preset.judges);
    let seed = args.seed.unwrap_or(preset.seed);
    let showcase: &[(&str, &str)] = if n == preset.applications { preset.showcase } else { &[] };

    let window = Window {
        opens: parse_time(preset.opens),
        deadline: parse_time(preset.deadline),
        latest_start: latest_start(preset.deadline, preset.min_operating_months),
    };
    let ctx = Context {
        preset,
        seed,
        zones: CITIES
            .iter()
            .map(|c| TimeZone::posix(c.tz).expect("city time zones are valid POSIX rules"))
            .collect(),
        korea: TimeZone::fixed(Offset::from_seconds(9 * 3600).expect("+09:00 is a valid offset")),
    };
    let mut planning = Planner {
        preset,
        window: &window,
        rng: SplitMix64::stream(seed, 1),
        registry: Registry::default(),
        full: BTreeSet::new(),
    };
    if !showcase.is_empty() {
        claim_showcase(preset, &mut planning.registry)?;
    }
    let plans = planning.plan(n);
    let digits = n.to_string().len().max(4);
    let ids: Vec<String> = (1..=n).map(|i| format!("{}{i:0digits$}", preset.id_prefix)).collect();
    let judges = plan_judges(m, preset, &plans, &ids, &mut SplitMix64::stream(seed, 2));

    prepare(&args.out, args.force)?;
    let prize_path = args.out.join("prize.toml");
    fs::write(&prize_path, preset.prize_toml).map_err(at(&prize_path))?;
    write_applications(&args.out, &ctx, &plans, &ids, showcase)?;
    let judges_path = args.out.join("judges.toml");
    write_judges(&judges_path, &ctx, &judges).map_err(at(&judges_path))?;
    let entrants = entrants(
        preset,
        &plans,
        &ids,
        showcase,
        criteria(preset)?.len(),
        &mut SplitMix64::stream(seed, 3),
    )?;
    let jury = judge(args, preset, seed, &entrants, &judges)?;

    let count = |reality| planted(&plans, &ids, reality).len();
    if args.verbose {
        for (what, reality) in [
            ("late", Reality::Late),
            ("late, waived", Reality::LateWaived),
            ("planned", Reality::Planned),
            ("operating too short", Reality::TooShort),
            ("duplicate applicant (earlier, eligible)", Reality::DuplicateFirst),
            ("duplicate applicant (later, ineligible)", Reality::DuplicateLater),
            ("rejected", Reality::Rejected),
        ] {
            let ids = planted(&plans, &ids, reality);
            let list = if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(" ")
            };
            eprintln!("{what}: {list}");
        }
        for kind in ["lenient", "strict", "narrow", "fair, in halves"] {
            let who: Vec<&str> = judges
                .iter()
                .zip(&jury.tempers)
                .filter(|(_, t)| t.kind == kind)
                .map(|(j, _)| j.id.as_str())
                .collect();
            let more = who.len().saturating_sub(12);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            eprintln!("{kind} judges: {}{tail}", who[..who.len() - more].join(" "));
        }
    }
    let rounds = preset.rounds;
    let mut scores = format!(
        "scores: round {}: {} sheets, {} rows ({}), {} comments",
        rounds.first().copied().unwrap_or_default(),
        jury.first.sheets,
        jury.first.rows,
        if n >= LARGE_RUN {
            format!("{LARGE_RUN_JUDGES} judges an application")
        } else {
            "3-5 judges an application".to_string()
        },
        jury.first.comments,
    );
    if jury.first.short > 0 {
        let _ = write!(
            scores,
            ", {} with fewer judges than wanted (too few free of conflicts)",
            jury.first.short
        );
    }
    if let (Some(finalists), Some(last)) = (&jury.finalists, &jury.last) {
        let per_track: Vec<String> = finalists.iter().map(|(t, k)| format!("{k} {t}")).collect();
        let _ = write!(
            scores,
            "; round {}: {} finalists ({}), {} sheets, {} rows, {} comments",
            rounds.last().copied().unwrap_or_default(),
            finalists.iter().map(|f| f.1).sum::<usize>(),
            per_track.join(", "),
            last.sheets,
            last.rows,
            last.comments,
        );
        if last.short > 0 {
            let _ = write!(
                scores,
                ", {} with fewer judges than wanted (too few free of conflicts)",
                last.short
            );
        }
    } else if rounds.len() > 1 {
        let _ = write!(
            scores,
            "; round {} not scored ({})",
            rounds.last().copied().unwrap_or_default(),
            jury.skipped
        );
    }
    Ok(format!(
        "synth: wrote {} applications ({n} generated, {} showcase) and {m} judges to {} (preset {}, seed {seed}); \
         planted {} late ({} waived), {} planned, {} operating too short, {} duplicate applicant(s), {} rejected; \
         {scores}",
        n + showcase.len(),
        showcase.len(),
        args.out.display(),
        preset.name,
        count(Reality::Late) + count(Reality::LateWaived),
        count(Reality::LateWaived),
        count(Reality::Planned),
        count(Reality::TooShort),
        count(Reality::DuplicateLater),
        count(Reality::Rejected),
    ))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("synth: {message}");
            ExitCode::from(2)
        }
    }
}
