//! `prize report`: the committee's report of the whole edition, one self-contained HTML file
//! (spec section 9).
//!
//! The report is HTML whatever `--format` says, so any `--format` but the default is refused
//! (exit 2) rather than ignored. Like every command that needs prize.toml, a configuration too
//! broken to use writes nothing (exit 1); an archive with other errors gets its report, and
//! exit 1. An award left undecided is shown in the report, and does not change the exit code.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{Context, Outcome, outcome_of};
use crate::render::Format;
use crate::report::Edition;
use crate::report::committee;
use crate::report::validation::Validation;
use crate::trust::stability::{self, MAX_SAMPLES};

/// The report's file name in the archive's root, when `--out` is not given.
pub const DEFAULT_FILE: &str = "report.html";

/// Arguments of `prize report`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to write the report (default: report.html in the archive's root; `-` for stdout).
    #[arg(long, value_name = "FILE")]
    pub out: Option<PathBuf>,
    /// How many bootstrap samples the stability figures draw (1 to 1,000,000).
    #[arg(long, value_name = "N", default_value_t = stability::DEFAULT_SAMPLES as u64,
          value_parser = clap::value_parser!(u64).range(1..=MAX_SAMPLES as u64))]
    pub samples: u64,
    /// The seed of the draws: the same seed gives the same report.
    #[arg(long, value_name = "S", default_value_t = stability::DEFAULT_SEED)]
    pub seed: u64,
    /// The date printed on the report (no date without it: the report never reads the clock).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<String>,
}

/// A `--date`: exactly `YYYY-MM-DD`, and a day that exists.
fn parse_date(text: &str) -> Result<String, String> {
    let shaped = text.len() == 10
        && text.bytes().enumerate().all(|(i, b)| {
            if i == 4 || i == 7 {
                b == b'-'
            } else {
                b.is_ascii_digit()
            }
        });
    if shaped && text.parse::<jiff::civil::Date>().is_ok() {
        Ok(text.to_string())
    } else {
        Err("expected a date written YYYY-MM-DD, such as 2026-09-30".to_string())
    }
}

/// Runs `prize report`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    ctx.formats("report", &[Format::Human])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no report is written")? else {
        return Ok(Outcome::Failure);
    };
    let started = std::time::Instant::now();
    let busy = ctx.busy("writing the committee's report");
    let report = committee::of(
        archive,
        config,
        rounds,
        args.samples as usize,
        args.seed,
        args.date.clone(),
    );
    let mut bytes = Vec::new();
    crate::render::html::report(&mut bytes, &report)?;
    drop(busy);
    ctx.note(&format!(
        "reported {} rounds and {} finalists in {:.0?}",
        report.rounds.len(),
        report.finalists.len(),
        started.elapsed()
    ));
    match args.out.as_deref() {
        Some(path) if path == Path::new("-") => out.write_all(&bytes)?,
        Some(path) => {
            write(path, &bytes)?;
            writeln!(out, "wrote {}", crate::render::escape(&path.display().to_string()))?;
        }
        None => {
            crate::jury::atomic::refuse_links(&archive.root, &[Path::new(DEFAULT_FILE)])?;
            let path = archive.root.join(DEFAULT_FILE);
            write(&path, &bytes)?;
            writeln!(out, "wrote {}", crate::render::escape(&path.display().to_string()))?;
        }
    }
    ctx.summary_to_stderr(out, &validation)?;
    Ok(outcome_of(&validation))
}

/// Writes `bytes` to `path` atomically, through a temporary file in the same folder.
fn write(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    crate::jury::atomic::write_atomic(dir, path, bytes)
}
