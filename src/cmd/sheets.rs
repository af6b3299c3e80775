//! `prize sheets --round R [--out DIR] [--xlsx] [--replace]`: one score-sheet template per judge
//! serving in the round.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{anyhow, bail};

use super::{Context, Outcome};
use crate::jury::atomic::refuse_links;
use crate::jury::import;
use crate::jury::template::{self, Source, TemplateWritten, TemplatesWritten, Written};
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// The folder templates go to by default, below the archive root: `sheets/<round>/`.
pub const SHEETS_DIR: &str = "sheets";

/// The long help of `prize sheets` (for `#[command(long_about = ...)]` on its variant in cli.rs,
/// whose doc comment would otherwise replace it).
pub const LONG_ABOUT: &str = "\
    Write one score-sheet template per judge serving in the round: the header of a score sheet (application, \
    title, applicant, the criteria in prize.toml order, comment) and one blank row per application the judge is to \
    score, sorted by id. The applications are those assignments/<round>.csv gives the judge; without that file, \
    every competing application the judge has no conflict with.\n\n\
    CSV templates (<judge>.csv) are UTF-8 with a byte-order mark and CRLF line ends, so that Excel opens them with \
    every script intact. Excel templates (--xlsx, <judge>.xlsx) freeze the header, lock the application, title and \
    applicant columns, accept in each score cell only a number in the criterion's range, and explain the criteria \
    on a second worksheet.\n\n\
    A template that differs from a file already there is not written (the judge may have filled it in) unless \
    --replace is given; exit 1 when one is refused.";

/// Arguments of `prize sheets`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The round (may be left out when the prize has one round).
    #[arg(long)]
    pub round: Option<String>,
    /// The folder to write to (default: sheets/<round>/ in the archive).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Write Excel workbooks (<judge>.xlsx) instead of CSV files.
    #[arg(long)]
    pub xlsx: bool,
    /// Overwrite templates that differ from the ones written now (a sheet filled in there is lost).
    #[arg(long)]
    pub replace: bool,
}

/// Runs `prize sheets`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("sheets", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no template is written")? else {
        return Ok(Outcome::Failure);
    };
    if archive.roster.is_none() {
        bail!("the archive has no judges.toml, so there is no judge to write a template for");
    }
    let round_id = import::round_id(config, args.round.as_deref()).map_err(|e| anyhow!(e))?;
    let round = config.rounds.iter().position(|r| r.id == round_id).unwrap_or(0);
    let plan = template::plan(archive, config, rounds, round);
    let (dir, shown_dir) = match &args.out {
        Some(dir) => (dir.clone(), dir.display().to_string()),
        None => (
            archive.root.join(SHEETS_DIR).join(&round_id),
            format!("{SHEETS_DIR}/{round_id}"),
        ),
    };
    let extension = if args.xlsx { "xlsx" } else { "csv" };
    if args.out.is_none() {
        // The default folder is the archive's: no link on the way may take the templates
        // elsewhere. A folder the user names is theirs, links and all.
        refuse_links(
            &archive.root,
            &[Path::new(SHEETS_DIR), &Path::new(SHEETS_DIR).join(&round_id)],
        )?;
    }
    let mut files = Vec::with_capacity(plan.templates.len());
    for t in &plan.templates {
        let bytes = if args.xlsx {
            template::xlsx(config, &config.rounds[round], t)
                .map_err(|e| anyhow!("cannot make the workbook of `{}`: {e}", t.judge))?
        } else {
            template::csv(&config.criteria, t)?
        };
        let name = format!("{}.{extension}", t.judge);
        let status = template::write(&dir, &dir.join(&name), &bytes, args.replace)?;
        let shown = if args.out.is_some() {
            dir.join(&name).display().to_string()
        } else {
            format!("{shown_dir}/{name}")
        };
        files.push((t, shown, status));
    }
    let assignment = match &plan.source {
        Source::Assignment(file) => Some(file.as_str()),
        Source::Competing => None,
    };
    let written = TemplatesWritten {
        round: &round_id,
        assignment,
        dir: shown_dir,
        format: extension,
        files: files
            .into_iter()
            .map(|(t, file, status)| TemplateWritten {
                judge: &t.judge,
                file,
                rows: t.rows.len(),
                status,
            })
            .collect(),
        notes: &plan.notes,
    };
    ctx.renderer(format).templates_written(out, &written)?;
    ctx.summary_to_stderr(out, &validation)?;
    Ok(super::outcome_with(
        &validation,
        written.files.iter().any(|f| f.status == Written::Refused),
    ))
}
