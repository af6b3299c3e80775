//! Finding and reading the archive's sheets: `scores/<round>/<judge>.csv`.

use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::ScoreSheet;
use crate::diagnostics::codes::Code;
use crate::diagnostics::finding::{Finding, Severity};
use crate::load::fields;
use crate::load::files::{self, FILE_TOO_LARGE, NOT_A_REGULAR_FILE, NotRegular, STRAY_FILE, Unreadable};
use crate::load::ids::UNKNOWN_ROUND;
use crate::model::config::Config;
use crate::model::roster::Roster;

/// The folder of the score sheets, below the archive root.
pub const SCORES_DIR: &str = "scores";

/// Sheets larger than this are not read. Far above what any jury writes (a sheet of 100,000
/// applications is about 4 MB), yet it keeps a stray export from filling memory.
pub const MAX_SHEET_BYTES: u64 = 64 * 1024 * 1024;

/// `unknown-judge`: a sheet named after no judge of the roster.
pub static UNKNOWN_JUDGE: Code = Code {
    name: "unknown-judge",
    severity: Severity::Error,
    summary: "a score sheet whose file name is not a judge id of judges.toml",
    explanation: "\
A score sheet is stored as `scores/<round>/<judge>.csv`, where `<judge>` is the `id` of a judge
in judges.toml. A sheet named after no judge cannot be counted: its cells are still checked,
but its scores are not used. The closest judge id is suggested.

### Example

    scores/first/kim.csv           # judges.toml has `j-kim`

### How to fix

Rename the file after the judge's id (`git mv scores/first/kim.csv scores/first/j-kim.csv`), or
add the judge to judges.toml.
",
};

/// The sheets found, the sheets named after no judge, and the findings made while looking.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Sheets of known rounds and judges, in path order.
    pub sheets: Vec<ScoreSheet>,
    /// Findings about folders and files that are not sheets of the archive, and the findings
    /// of sheets named after no judge.
    pub findings: Vec<Finding>,
}

/// One file to read: its path relative to the root, round and judge.
struct Found {
    rel: String,
    path: PathBuf,
    round: String,
    judge: String,
    known_judge: bool,
}

/// Finds and reads every sheet under `scores/`. Dot files and folders are skipped; `scores/`
/// or a round folder that is a symbolic link is `not-a-regular-file` and is not followed. In a
/// round's folder,
/// anything not named `<judge>.csv` is `stray-file` and is not read, and a sheet that is not a
/// regular file is `not-a-regular-file` and is not opened. A folder that is not a round is
/// `unknown-round` and is not read; a sheet named after no judge is `unknown-judge`, and its
/// cells are checked but it is not among the sheets. When `roster_unreadable` (judges.toml is
/// there but could not be read or parsed), no sheet's judge can be known, and the roster's own
/// finding says so: the sheets are not among the sheets, without an `unknown-judge` each.
pub fn load(
    root: &Path,
    config: &Config,
    roster: Option<&Roster>,
    roster_unreadable: bool,
) -> Result<Loaded, Unreadable> {
    let mut loaded = Loaded::default();
    let dir = root.join(SCORES_DIR);
    let rounds: Vec<&str> = config.rounds.iter().map(|r| r.id.as_str()).collect();
    let judges: Vec<&str> = roster
        .map(|r| r.judges.iter().map(|j| j.id.as_str()).collect())
        .unwrap_or_default();
    let mut found = Vec::new();
    match fs::symlink_metadata(&dir) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(loaded),
        Err(reason) => return Err(Unreadable { path: dir, reason }),
        Ok(meta) if meta.file_type().is_symlink() => {
            loaded.findings.push(linked_folder(SCORES_DIR));
            return Ok(loaded);
        }
        Ok(meta) if !meta.is_dir() => return Ok(loaded),
        Ok(_) => {}
    }
    for (round_path, round_name, kind) in entries(&dir)? {
        let rel = files::relative(root, &round_path);
        if kind.is_symlink() {
            loaded.findings.push(linked_folder(&rel));
            continue;
        }
        if !kind.is_dir() {
            continue;
        }
        if !rounds.contains(&round_name.as_str()) {
            let help = fields::did_you_mean(&round_name, rounds.iter().copied(), || {
                format!("known rounds: {}", rounds.join(", "))
            });
            loaded.findings.push(
                UNKNOWN_ROUND
                    .in_file(rel, format!("`{round_name}` is not a round of prize.toml"))
                    .with_help(format!("{help} (sheets go in scores/<round>/<judge>.csv)")),
            );
            continue;
        }
        let listed = entries(&round_path)?;
        for (path, name, kind) in &listed {
            let rel = files::relative(root, path);
            let Some(stem) = name.strip_suffix(".csv") else {
                let sheet_beside = |stem: &str| listed.iter().any(|(_, other, _)| *other == format!("{stem}.csv"));
                loaded.findings.push(stray(&rel, name, *kind, sheet_beside));
                continue;
            };
            // A link, a pipe or a device named like a sheet is never opened.
            if let Some(what) = NotRegular::of(*kind) {
                loaded.findings.push(files::not_regular(&rel, what));
                continue;
            }
            found.push(Found {
                rel,
                path: path.clone(),
                round: round_name.clone(),
                judge: stem.to_string(),
                known_judge: judges.contains(&stem),
            });
        }
    }
    found.sort_by(|a, b| a.rel.cmp(&b.rel));
    let read: Vec<(ScoreSheet, bool)> = found
        .par_iter()
        .map(|f| Ok((read_sheet(f, config)?, f.known_judge)))
        .collect::<Vec<Result<_, Unreadable>>>()
        .into_iter()
        .collect::<Result<_, _>>()?;
    for (sheet, known) in read {
        if known {
            loaded.sheets.push(sheet);
        } else if roster_unreadable {
            loaded.findings.extend(sheet.findings);
        } else {
            let id = &sheet.judge;
            let help = fields::did_you_mean(id, judges.iter().copied(), || {
                if judges.is_empty() {
                    "judges.toml lists no judges".to_string()
                } else {
                    "name the file after a judge id of judges.toml".to_string()
                }
            });
            loaded.findings.push(
                UNKNOWN_JUDGE
                    .in_file(sheet.file.clone(), format!("`{id}` is not a judge of judges.toml"))
                    .with_help(help),
            );
            loaded.findings.extend(sheet.findings);
        }
    }
    Ok(loaded)
}

/// The `stray-file` warning for `name` in a round's folder; `sheet_beside(stem)`: whether
/// `<stem>.csv` is there too.
fn stray(rel: &str, name: &str, kind: fs::FileType, sheet_beside: impl Fn(&str) -> bool) -> Finding {
    let dot = name.len().saturating_sub(4);
    let other_case = (name.is_char_boundary(dot) && name[dot..].eq_ignore_ascii_case(".csv")).then(|| &name[..dot]);
    let (message, help) = match other_case {
        Some(stem) if kind.is_file() && sheet_beside(stem) => (
            format!("`{name}` is not read: `{stem}.csv` is the sheet of `{stem}`"),
            format!("delete `{name}` or move it out of scores/, so that no one thinks it counts"),
        ),
        Some(stem) if kind.is_file() => (
            format!("`{name}` is not read: a score sheet's extension is `.csv`, in lower case"),
            format!("rename it `{stem}.csv` to have it read"),
        ),
        _ if kind.is_dir() => (
            format!("the folder `{name}` is not read: a round's folder holds only `<judge>.csv` sheets"),
            "move the folder out of scores/".to_string(),
        ),
        _ => (
            format!("`{name}` is not read: a round's folder holds only `<judge>.csv` sheets"),
            "move the file out of scores/".to_string(),
        ),
    };
    STRAY_FILE.in_file(rel, message).with_help(help)
}

/// The entries of a folder, sorted by name, without dot files.
fn entries(dir: &Path) -> Result<Vec<(PathBuf, String, fs::FileType)>, Unreadable> {
    let unreadable = |reason| Unreadable {
        path: dir.to_path_buf(),
        reason,
    };
    let mut out = Vec::new();
    for entry in fs::read_dir(dir).map_err(unreadable)? {
        let entry = entry.map_err(unreadable)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        if name.starts_with('.') {
            continue;
        }
        let kind = entry.file_type().map_err(unreadable)?;
        out.push((entry.path(), name, kind));
    }
    out.sort_by(|a, b| a.1.cmp(&b.1));
    Ok(out)
}

/// The `not-a-regular-file` error of `scores/` or a round's folder that is a symbolic link: not
/// followed, so every sheet it stands for is missing, which must not pass as a warning.
fn linked_folder(rel: &str) -> Finding {
    NOT_A_REGULAR_FILE
        .in_file(
            rel,
            format!("{rel} is a symbolic link, not a folder; it is not followed, and no sheet in it is read"),
        )
        .with_help("put the folder itself here, with the sheets in it (`prize scores import` stores a judge's sheet)")
}

/// Reads the bytes of a file named on the command line, at most `MAX_SHEET_BYTES`:
/// `Ok(Err(finding))` when it is larger. The user named it, so a link is followed.
pub fn read_bytes(path: &Path, shown: &str) -> Result<Result<Vec<u8>, Box<Finding>>, Unreadable> {
    let file = fs::File::open(path).map_err(|reason| Unreadable {
        path: path.to_path_buf(),
        reason,
    })?;
    read_capped(file, path, shown)
}

/// Reads the bytes of a sheet or an assignment stored in the archive, at most
/// `MAX_SHEET_BYTES`: `Ok(Err(finding))` when it is larger or not a regular file (which is then
/// never opened; see [`files::open_regular`]).
pub fn read_stored(path: &Path, shown: &str) -> Result<Result<Vec<u8>, Box<Finding>>, Unreadable> {
    let opened = files::open_regular(path).map_err(|reason| Unreadable {
        path: path.to_path_buf(),
        reason,
    })?;
    match opened {
        Ok((file, _)) => read_capped(file, path, shown),
        Err(what) => Ok(Err(Box::new(files::not_regular(shown, what)))),
    }
}

fn read_capped(file: fs::File, path: &Path, shown: &str) -> Result<Result<Vec<u8>, Box<Finding>>, Unreadable> {
    let mut bytes = Vec::new();
    file.take(MAX_SHEET_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|reason| Unreadable {
            path: path.to_path_buf(),
            reason,
        })?;
    if bytes.len() as u64 > MAX_SHEET_BYTES {
        return Ok(Err(Box::new(
            FILE_TOO_LARGE
                .in_file(shown, "the sheet is over the limit of 64 MiB for score sheets")
                .with_help("a score sheet holds one short row per application"),
        )));
    }
    Ok(Ok(bytes))
}

fn read_sheet(found: &Found, config: &Config) -> Result<ScoreSheet, Unreadable> {
    Ok(match read_stored(&found.path, &found.rel)? {
        Ok(bytes) => ScoreSheet::from_bytes(&found.rel, &found.round, &found.judge, &bytes, None, &config.criteria),
        Err(finding) => ScoreSheet {
            file: found.rel.clone(),
            round: found.round.clone(),
            judge: found.judge.clone(),
            findings: vec![*finding],
            ..ScoreSheet::default()
        },
    })
}
