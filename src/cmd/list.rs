//! `prize list`: applications with their status, filtered.

use std::io::Write;

use anyhow::bail;

use super::{Context, Outcome, known, outcome_of};
use crate::load::application::Application;
use crate::model::Status;
use crate::model::config::Config;
use crate::model::country;
use crate::render::Format;
use crate::report::listing;
use crate::report::validation::Validation;

/// `--status` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFilter {
    /// No error, no eligibility finding.
    Eligible,
    /// Fails an eligibility rule.
    Ineligible,
    /// Has an error.
    Invalid,
}

impl StatusFilter {
    fn status(self) -> Status {
        match self {
            StatusFilter::Eligible => Status::Eligible,
            StatusFilter::Ineligible => Status::Ineligible,
            StatusFilter::Invalid => Status::Invalid,
        }
    }
}

/// Arguments of `prize list`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Only this track (id).
    #[arg(long)]
    pub track: Option<String>,
    /// Only this sector (id).
    #[arg(long)]
    pub sector: Option<String>,
    /// Only this applicant type (id).
    #[arg(long = "type", value_name = "TYPE")]
    pub kind: Option<String>,
    /// Only this country (ISO 3166-1 alpha-2).
    #[arg(long)]
    pub country: Option<String>,
    /// Only this status.
    #[arg(long, value_enum)]
    pub status: Option<StatusFilter>,
}

/// Refuses filters that name nothing prize.toml defines.
pub fn check_filters(config: Option<&Config>, args: &Args) -> anyhow::Result<()> {
    if let Some(config) = config {
        known(
            "track",
            &args.track,
            config.tracks.iter().map(|t| t.id.as_str()).collect(),
        )?;
        known(
            "sector",
            &args.sector,
            config.sectors.iter().map(String::as_str).collect(),
        )?;
        known(
            "applicant type",
            &args.kind,
            config.applicant_types.iter().map(String::as_str).collect(),
        )?;
    }
    if let Some(c) = &args.country
        && country::name(&c.to_ascii_uppercase()).is_none()
    {
        bail!("`{c}` is not an ISO 3166-1 alpha-2 country code");
    }
    Ok(())
}

fn keep(app: &Application, args: &Args) -> bool {
    let is = |filter: &Option<String>, value: &str| filter.as_ref().is_none_or(|f| f == value);
    is(&args.track, app.track_id())
        && is(&args.sector, app.sector_id())
        && is(&args.kind, app.type_id())
        && args
            .country
            .as_ref()
            .is_none_or(|c| c.eq_ignore_ascii_case(app.country()))
        && args.status.is_none_or(|s| s.status() == app.status)
}

/// Runs `prize list`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("list", &[Format::Human, Format::Json, Format::Csv, Format::Markdown])?;
    let archive = &ctx.load()?.archive;
    check_filters(archive.config.as_ref(), args)?;
    let validation = Validation::of(archive);
    let listing = listing::of(archive, |a| keep(a, args));
    ctx.renderer(format).listing(out, &listing)?;
    ctx.summary_to_stderr(out, &validation)?;
    Ok(outcome_of(&validation))
}
