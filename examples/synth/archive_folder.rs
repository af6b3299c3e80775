//! The archive folder: making it ready, and writing `applications/` into it.

use std::collections::BTreeSet;
use std::path::Path;
use std::{fs, io};

use rayon::iter::{IntoParallelIterator, ParallelIterator};

use crate::applications::{Context, write_application};
use crate::command_line::PresetSpec;
use crate::planning::{Plan, Registry};
use crate::random::SplitMix64;

/// Makes `out` ready: created if missing; if not empty, refused unless `force`,
/// and then only the files this tool writes are removed.
pub(crate) fn prepare(out: &Path, force: bool) -> Result<(), String> {
    let describe = |e: io::Error| format!("{}: {e}", out.display());
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return fs::create_dir_all(out).map_err(describe);
        }
        Err(e) => return Err(describe(e)),
        Ok(meta) if !meta.is_dir() => return Err(format!("{} exists and is not a folder", out.display())),
        Ok(_) => {}
    }
    let empty = fs::read_dir(out).map_err(describe)?.next().is_none();
    if empty {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{} is not empty; use --force to replace its prize.toml, judges.toml, applications/, scores/ and assignments/",
            out.display()
        ));
    }
    for name in ["prize.toml", "judges.toml", "applications", "scores", "assignments"] {
        let path = out.join(name);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
            Ok(_) => fs::remove_file(&path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
        .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Names the path in an I/O error.
pub(crate) fn at(path: &Path) -> impl Fn(io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

/// Reads the showcase applications and reserves their applicants, so that no
/// generated application duplicates them.
pub(crate) fn claim_showcase(preset: &PresetSpec, registry: &mut Registry) -> Result<(), String> {
    for (file, text) in preset.showcase {
        let table: toml::Table = toml::from_str(text).map_err(|e| format!("showcase {file}: {e}"))?;
        let get = |path: &[&str]| -> Option<String> {
            let mut value = table.get(path[0])?;
            for key in &path[1..] {
                value = value.get(*key)?;
            }
            value.as_str().map(str::to_string)
        };
        let (Some(track), Some(name), Some(country)) = (
            get(&["track"]),
            get(&["applicant", "name"]),
            get(&["applicant", "country"]),
        ) else {
            return Err(format!(
                "showcase {file}: track, applicant.name or applicant.country missing"
            ));
        };
        registry.claim(&track, &country, &name);
    }
    Ok(())
}

/// Writes `applications/<track>/<id>.toml`, one file at a time, and the showcase.
pub(crate) fn write_applications(
    root: &Path,
    ctx: &Context,
    plans: &[Plan],
    ids: &[String],
    showcase: &[(&str, &str)],
) -> Result<(), String> {
    let apps = root.join("applications");
    let used: BTreeSet<usize> = plans.iter().map(|p| p.track).collect();
    for &track in &used {
        let folder = apps.join(ctx.preset.tracks[track].id);
        fs::create_dir_all(&folder).map_err(at(&folder))?;
    }
    // Every file has its own random stream, so writing them in parallel changes
    // nothing in what is written.
    (0..plans.len()).into_par_iter().try_for_each_init(
        || String::with_capacity(4096),
        |text, i| {
            let (plan, id) = (&plans[i], &ids[i]);
            let mut rng = SplitMix64::stream(ctx.seed, 1000 + i as u64);
            write_application(text, ctx, plan, id, &mut rng);
            let path = apps.join(ctx.preset.tracks[plan.track].id).join(format!("{id}.toml"));
            fs::write(&path, text.as_bytes()).map_err(at(&path))
        },
    )?;
    if !showcase.is_empty() {
        let folder = apps.join("showcase");
        fs::create_dir_all(&folder).map_err(at(&folder))?;
        for (file, body) in showcase {
            let path = folder.join(file);
            fs::write(&path, body).map_err(at(&path))?;
        }
    }
    Ok(())
}
