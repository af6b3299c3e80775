//! `prize scores import FILE...`: check judges' sheets and store them in the archive.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail};

use super::{Context, Outcome};
use crate::check::sheets::Applications;
use crate::diagnostics::finding::Finding;
use crate::jury::import::{self, Competing, Options, Report, Target};
use crate::load::Archive;
use crate::load::sheet::decode::encoding_for_label;
use crate::load::sheet::load;
use crate::load::sheet::spreadsheet::{self, Grid};
use crate::model::config::Config;
use crate::ranking::RoundResult;
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize scores`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with score sheets.
    #[command(subcommand)]
    pub command: ScoresCommand,
}

/// The subcommands of `prize scores`.
#[derive(Debug, clap::Subcommand)]
pub enum ScoresCommand {
    /// Check judges' sheets against the archive and store them as scores/<round>/<judge>.csv.
    #[command(
        long_about = "Check judges' sheets against the archive and store them as scores/<round>/<judge>.csv, \
                      in the canonical form (UTF-8, comma, `.` decimals, criteria in prize.toml order).\n\n\
                      Reads UTF-8 with or without a byte-order mark, UTF-16 with one (Excel's \"Unicode text\"), \
                      or the encoding named with --encoding; comma, semicolon or tab delimiters; decimal commas \
                      when the delimiter is not a comma. Workbooks (.xlsx, .xlsm, .xlsb, .xls, .ods) are read \
                      from their first worksheet, or the one named with --sheet: numbers from the cells (the \
                      cached values of formulas), text trimmed; findings name the cell (D7). One error refuses \
                      the whole sheet: nothing is written, and every problem is listed. Exit 1 when a sheet is \
                      refused."
    )]
    Import(ImportArgs),
}

/// Arguments of `prize scores import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The sheets to import.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The round (may be left out when the prize has one round).
    #[arg(long)]
    pub round: Option<String>,
    /// The judge (may be left out when the file's name is the judge's id; one FILE only).
    #[arg(long)]
    pub judge: Option<String>,
    /// The encoding of CSV files without a byte-order mark, as a WHATWG label (euc-kr, windows-1252, ...).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The worksheet to read in a workbook (.xlsx, .ods, ...), by name (default: the first worksheet).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Replace a different sheet already stored, reporting the rows added, changed and removed.
    #[arg(long)]
    pub replace: bool,
    /// Check and report what would happen, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `prize scores`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match &args.command {
        ScoresCommand::Import(args) => import(ctx, args, out),
    }
}

fn import(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("scores import", &[Format::Human, Format::Json])?;
    if args.judge.is_some() && args.files.len() > 1 {
        bail!(
            "--judge names the judge of one file; import several files named after their judges (j-kim.csv) without it"
        );
    }
    if args.sheet.is_some()
        && let Some(csv) = args.files.iter().find(|f| !spreadsheet::is_workbook(f))
    {
        bail!(
            "--sheet names a worksheet of a workbook, but {} is read as CSV (workbooks end in .{})",
            csv.display(),
            spreadsheet::EXTENSIONS.join(", .")
        );
    }
    let encoding = args
        .encoding
        .as_deref()
        .map(encoding_for_label)
        .transpose()
        .map_err(|e| anyhow!(e))?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    // A broken prize.toml means the same here as for every command that needs the archive.
    let Some(config) = ctx.usable_config(out, archive, &validation, "no sheet is imported")? else {
        return Ok(Outcome::Failure);
    };
    let Some(roster) = &archive.roster else {
        bail!("the archive has no judges.toml, so no sheet can be imported");
    };
    // Every file's round and judge are checked, and every file read, before anything is written.
    let round = import::round_id(config, args.round.as_deref()).map_err(|e| anyhow!(e))?;
    let mut targets: Vec<Target> = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let judge = import::judge_id(Some(roster), args.judge.as_deref(), file).map_err(|e| anyhow!(e))?;
        if targets.iter().any(|t| t.judge == judge) {
            bail!("two files for judge `{judge}`: import one sheet per judge");
        }
        targets.push(Target {
            round: round.clone(),
            judge,
        });
    }
    let mut inputs = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let shown = file.display().to_string();
        let input = match load::read_bytes(file, &shown)? {
            Ok(bytes) if spreadsheet::is_workbook(file) => {
                match spreadsheet::open(file, bytes, args.sheet.as_deref()) {
                    Ok(grid) => Input::Workbook(grid),
                    // A workbook beyond the caps is a refused sheet (exit 1), not a command that
                    // could not run; nothing is written, as for any refused import.
                    Err(e) if e.refuses_sheet() => {
                        out.flush()?;
                        eprintln!("error: {}", crate::render::escape(&format!("{shown}: {e}")));
                        return Ok(Outcome::Failure);
                    }
                    Err(e) => bail!("{shown}: {e}"),
                }
            }
            bytes => Input::Csv(bytes),
        };
        inputs.push((shown, input));
    }
    let applications = Applications::new(&archive.applications);
    let competing = competing(archive, config, rounds, &round);
    let view = import::Archive {
        root: &archive.root,
        config,
        roster,
        applications: &applications,
        competing: competing.as_ref(),
        assignment: archive.assignments.iter().find(|a| a.round == round),
    };
    let options = Options {
        encoding,
        replace: args.replace,
        dry_run: args.dry_run,
    };
    let mut reports = Vec::with_capacity(inputs.len());
    for ((shown, input), target) in inputs.into_iter().zip(&targets) {
        reports.push(match input {
            Input::Csv(bytes) => import::import(&view, &shown, bytes, target, options)?,
            Input::Workbook(grid) => import::import_workbook(&view, &shown, &grid, target, options)?,
        });
    }
    ctx.renderer(format).sheets_imported(out, &reports)?;
    Ok(if reports.iter().any(Report::refused) {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}

/// Who competes in `round`, as judging the rounds before it from the stored sheets decides.
fn competing<'a>(archive: &'a Archive, config: &Config, rounds: &[RoundResult], round: &str) -> Option<Competing<'a>> {
    let r = config.rounds.iter().position(|x| x.id == round)?;
    let result = rounds.get(r)?;
    Some(Competing {
        ids: result
            .competing
            .iter()
            .map(|&i| archive.applications[i].id.as_str())
            .collect(),
        first_round: r == 0,
    })
}

/// A file as read before anything is checked: a CSV file's bytes (or why they were refused), or a
/// workbook's worksheet.
enum Input {
    Csv(Result<Vec<u8>, Box<Finding>>),
    Workbook(Grid),
}
