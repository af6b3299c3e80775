//! `prize applications import FILE... --map MAP.toml`: application files from the export of an
//! application form or portal.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{anyhow, bail};

use super::{Context, Outcome};
use crate::intake::export::{self, Export};
use crate::intake::import::{self, Options};
use crate::intake::map;
use crate::load::files;
use crate::load::sheet::decode::encoding_for_label;
use crate::load::sheet::load;
use crate::render::Format;
use crate::report::Edition;
use crate::report::validation::Validation;

/// Arguments of `prize applications`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// What to do with applications.
    #[command(subcommand)]
    pub command: ApplicationsCommand,
}

/// The subcommands of `prize applications`.
#[derive(Debug, clap::Subcommand)]
pub enum ApplicationsCommand {
    /// Turn a form or portal export (CSV, .xlsx, .ods) into application files.
    #[command(long_about = LONG_ABOUT)]
    Import(ImportArgs),
}

/// The long help of `prize applications import`.
const LONG_ABOUT: &str = "Turn a form or portal export (CSV, .xlsx, .ods; one row per application under a header row) \
into application files, applications/<track>/<id>.toml, in the layout of a hand-written one.\n\n\
The map (`prize init` writes an example, intake.toml) says which column feeds each field, how values \
translate ([values.sector] \"Mobility / Transport\" = \"mobility\"), how dates and times are written and in \
which IANA time zone, how lists split, and where ids come from (a column, or numbers in order of submission). \
Every column the map does not name goes to [extra] as text.\n\n\
Every row is checked as `prize validate` checks an application. A row with an error refuses the whole import: \
nothing is written, and every problem is listed by the export's row (the header is row 1) and column. \
Eligibility findings are reported and do not refuse. Each file is written atomically; an identical file is \
unchanged, a different one is refused (exit 1) unless --replace. A [screening] table added by hand is the file's \
own: it does not make the file different, and --replace keeps it.\n\n\
CSV files are read as `prize scores import` reads sheets: UTF-8 with or without a byte-order mark, UTF-16 with \
one, or the encoding named with --encoding; comma, semicolon or tab delimiters, detected.";

/// Arguments of `prize applications import`.
#[derive(Debug, clap::Args)]
pub struct ImportArgs {
    /// The exports to import (CSV, .xlsx, .ods).
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The mapping file: columns to fields, value translations, date formats, ids.
    #[arg(long, value_name = "MAP.toml")]
    pub map: PathBuf,
    /// The encoding of CSV files without a byte-order mark, as a WHATWG label (windows-1252, euc-kr, ...).
    #[arg(long, value_name = "LABEL")]
    pub encoding: Option<String>,
    /// The worksheet to read in a workbook, by name (default: the first worksheet).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Write over application files that differ from what the export gives.
    #[arg(long)]
    pub replace: bool,
    /// Check and report what would happen, without writing anything.
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `prize applications`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    match &args.command {
        ApplicationsCommand::Import(args) => import(ctx, args, out),
    }
}

fn import(ctx: &Context, args: &ImportArgs, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("applications import", &[Format::Human, Format::Json])?;
    let encoding = args
        .encoding
        .as_deref()
        .map(encoding_for_label)
        .transpose()
        .map_err(|e| anyhow!(e))?;
    let Edition { archive, .. } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(config) = ctx.usable_config(out, archive, &validation, "no application is imported")? else {
        return Ok(Outcome::Failure);
    };
    let shown_map = args.map.display().to_string();
    let exports_shown: Vec<String> = args.files.iter().map(|f| f.display().to_string()).collect();
    let map_file = match load::read_bytes(&args.map, &shown_map)? {
        Ok(bytes) => files::decode(&shown_map, bytes),
        Err(finding) => Err(finding),
    };
    let (mapping, mut map_findings) = match map_file {
        Ok(file) => map::parse(file),
        Err(finding) => (None, vec![*finding]),
    };
    crate::diagnostics::finding::sort(&mut map_findings);
    let Some(mapping) = mapping else {
        let result = import::map_refused(&shown_map, exports_shown, map_findings, args.dry_run);
        ctx.renderer(format).applications_imported(out, &result)?;
        return Ok(Outcome::Failure);
    };
    let mut exports: Vec<Export> = Vec::with_capacity(args.files.len());
    for (file, shown) in args.files.iter().zip(&exports_shown) {
        let export = match load::read_bytes(file, shown)? {
            Ok(bytes) => match export::read(file, shown, bytes, encoding, args.sheet.as_deref()) {
                Ok(export) => export,
                // A workbook beyond the caps refuses the import (exit 1), as it refuses a sheet.
                Err(e) if e.refuses_sheet() => {
                    out.flush()?;
                    eprintln!("error: {}", crate::render::escape(&format!("{shown}: {e}")));
                    return Ok(Outcome::Failure);
                }
                Err(e) => bail!("{shown}: {e}"),
            },
            Err(finding) => Export {
                file: shown.clone(),
                findings: vec![*finding],
                ..Export::default()
            },
        };
        exports.push(export);
    }
    let view = import::Archive {
        root: &archive.root,
        config,
        applications: &archive.applications,
    };
    let options = Options {
        replace: args.replace,
        dry_run: args.dry_run,
    };
    let mut result = import::import(&view, &mapping, &exports, options)?;
    result.findings.splice(0..0, map_findings);
    ctx.renderer(format).applications_imported(out, &result)?;
    Ok(if result.failed() {
        Outcome::Failure
    } else {
        Outcome::Success
    })
}
