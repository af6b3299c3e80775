//! `prize init [DIR]`: a new archive with the Seoul Smart City Prize defaults.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context as _, bail};

use super::{Context, Outcome};
use crate::render::Format;

/// Which defaults to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub enum Template {
    /// The Seoul Smart City Prize 2026: three tracks, seven sectors, six criteria, two rounds, 21 awards.
    #[value(name = "sscp-2026")]
    Sscp2026,
    /// A bare skeleton: one track, one criterion, one round, one award.
    Minimal,
}

impl Template {
    /// The files written, relative to the new archive.
    pub fn files(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Template::Sscp2026 => &[
                ("prize.toml", include_str!("../templates/sscp-2026/prize.toml")),
                ("judges.toml", include_str!("../templates/sscp-2026/judges.toml")),
                // How `prize applications import` reads the prize's application form.
                ("intake.toml", include_str!("../templates/sscp-2026/intake.toml")),
            ],
            Template::Minimal => &[
                ("prize.toml", include_str!("../templates/minimal/prize.toml")),
                ("judges.toml", include_str!("../templates/minimal/judges.toml")),
            ],
        }
    }
}

/// Arguments of `prize init`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Where to create the archive (created if missing).
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The defaults to start from.
    #[arg(long, value_enum, default_value = "sscp-2026")]
    pub template: Template,
}

/// Runs `prize init`.
pub fn run(ctx: &Context, args: &Args, out: &mut dyn Write) -> anyhow::Result<Outcome> {
    ctx.formats("init", &[Format::Human])?;
    let dir = &args.dir;
    let files = args.template.files();
    let existing: Vec<String> = files
        .iter()
        .map(|(name, _)| dir.join(name))
        .chain([dir.join("applications")])
        .filter(|p| p.exists())
        .map(|p| p.display().to_string())
        .collect();
    if !existing.is_empty() {
        bail!(
            "{} already exists; `prize init` never overwrites anything",
            existing.join(" and ")
        );
    }
    fs::create_dir_all(dir.join("applications"))
        .with_context(|| format!("cannot create {}", dir.join("applications").display()))?;
    for &(name, text) in files {
        let path = dir.join(name);
        let mut file = fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
            .with_context(|| format!("cannot create {}", path.display()))?;
        file.write_all(text.as_bytes())
            .with_context(|| format!("cannot write {}", path.display()))?;
    }
    if !ctx.quiet {
        writeln!(out, "Created a new archive in {}:", dir.display())?;
        writeln!(
            out,
            "  prize.toml     the edition: tracks, sectors, criteria, eligibility, rounds, awards"
        )?;
        writeln!(out, "  judges.toml    the jury roster")?;
        writeln!(out, "  applications/  one TOML file per application")?;
        if files.iter().any(|(name, _)| *name == "intake.toml") {
            writeln!(
                out,
                "  intake.toml    how `prize applications import` reads the application form's export"
            )?;
            writeln!(
                out,
                "Next: edit prize.toml, import the form's export \
                 (`prize applications import --map intake.toml FILE`) or add applications, \
                 then run `prize validate`."
            )?;
        } else {
            writeln!(
                out,
                "Next: edit prize.toml, add applications, then run `prize validate`."
            )?;
        }
    }
    Ok(Outcome::Success)
}
