//! `prize explain ID`: every number behind one application's result.

use std::io::Write;

use super::{Context, Outcome};
use crate::render::Format;
use crate::report::Edition;
use crate::report::explanation::explain;
use crate::report::validation::Validation;
use anyhow::bail;

/// Arguments of `prize explain`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The application id.
    pub id: String,
}

/// Runs `prize explain`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    let format = ctx.formats("explain", &[Format::Human, Format::Json])?;
    let Edition { archive, rounds } = ctx.load()?;
    let validation = Validation::of(archive);
    let Some(app) = archive.applications.iter().position(|a| a.id == args.id) else {
        let ids = archive.applications.iter().map(|a| a.id.as_str());
        let help = crate::load::fields::did_you_mean(&args.id, ids, || "`prize list` shows every id".to_string());
        bail!("no application `{}`; {help}", args.id);
    };
    let config = crate::report::validation::usable_config(archive, &validation);
    let mut explanation = explain(archive, rounds, config, app);
    if let Some(config) = config {
        let busy = ctx.busy("resampling the jury");
        explanation.stability = crate::report::explanation::stability_line(
            archive,
            rounds,
            config,
            app,
            crate::trust::stability::DEFAULT_SAMPLES,
            crate::trust::stability::DEFAULT_SEED,
        );
        drop(busy);
    }
    ctx.renderer(format).explanation(out, &explanation)?;
    ctx.summary_always(out, &validation)?;
    Ok(super::outcome_of(&validation))
}
