//! `prize explain-code CODE`: the long explanation of a finding code, as `rustc --explain`.

use std::io::Write;

use anyhow::bail;

use super::{Context, Outcome};
use crate::diagnostics::codes;
use crate::load::fields;
use crate::render::Format;

/// Arguments of `prize explain-code`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The code to explain (e.g. `late-submission`); without it, every code is listed.
    pub code: Option<String>,
}

/// Runs `prize explain-code`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    ctx.formats("explain-code", &[Format::Human])?;
    let Some(name) = &args.code else {
        for code in codes::all() {
            writeln!(out, "{:<24} {:<10} {}", code.name, code.severity.as_str(), code.summary)?;
        }
        return Ok(Outcome::Success);
    };
    let name = name.trim().trim_start_matches("error[").trim_end_matches(']');
    let Some(code) = codes::find(name) else {
        let all = codes::all();
        match fields::suggest(name, all.iter().map(|c| c.name)) {
            Some(close) => bail!("no finding code `{name}`; did you mean `{close}`?"),
            None => bail!(
                "no finding code `{name}` (a custom rule's id is explained by its rule in prize.toml); `prize explain-code` lists them all"
            ),
        }
    };
    writeln!(out, "{} ({}): {}\n", code.name, code.severity, code.summary)?;
    write!(out, "{}", code.explanation)?;
    Ok(Outcome::Success)
}
