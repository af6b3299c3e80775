//! The one archive builder of the tests: [`Archive`], a temporary folder filled from a fixture
//! or from nothing, file by file; and [`Application`], an application file from a few fields.

use std::fs;
use std::path::{Path, PathBuf};

use super::{copy_tree, fixtures};

/// The base application fixture: 18 lines, `id` on line 1 and `applicant.name` on line 9.
pub const BASE_APPLICATION: &str = include_str!("../fixtures/base/applications/app-1.toml");

/// An archive in a temporary folder, removed when it is dropped. Every method writes at once.
pub struct Archive {
    dir: tempfile::TempDir,
}

impl Archive {
    /// An empty folder.
    pub fn new() -> Self {
        Archive {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    /// A copy of `tests/fixtures/<name>`.
    pub fn fixture(name: &str) -> Self {
        let archive = Archive::new();
        copy_tree(&fixtures().join(name), archive.path());
        archive
    }

    /// A copy of the clean base archive, `tests/fixtures/base`.
    pub fn base() -> Self {
        Archive::fixture("base")
    }

    /// A copy of `tests/fixtures/judging`, where every total is computed by hand.
    pub fn judging() -> Self {
        Archive::fixture("judging")
    }

    /// The archive's root.
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// `path` below the root.
    pub fn join(&self, path: impl AsRef<Path>) -> PathBuf {
        self.path().join(path)
    }

    /// Writes `path` (below the root, with its folders), replacing it.
    pub fn file(self, path: &str, bytes: impl AsRef<[u8]>) -> Self {
        write(&self.join(path), bytes.as_ref());
        self
    }

    /// Writes each (path, text).
    pub fn files<S: AsRef<[u8]>>(self, files: impl IntoIterator<Item = (impl AsRef<str>, S)>) -> Self {
        files
            .into_iter()
            .fold(self, |a, (path, text)| a.file(path.as_ref(), text))
    }

    /// Rewrites the text of `path` through `edit`.
    pub fn edit(self, path: &str, edit: impl FnOnce(String) -> String) -> Self {
        let text = read(&self.join(path));
        self.file(path, edit(text))
    }

    /// Replaces the first `from` in `path` by `to`; `from` must be there.
    pub fn replace(self, path: &str, from: &str, to: &str) -> Self {
        self.edit(path, |text| {
            assert!(text.contains(from), "{path} has no {from:?}");
            text.replacen(from, to, 1)
        })
    }

    /// Removes the file or folder `path`.
    pub fn remove(self, path: &str) -> Self {
        let full = self.join(path);
        if full.is_dir() {
            fs::remove_dir_all(full).unwrap();
        } else {
            fs::remove_file(full).unwrap();
        }
        self
    }

    /// Writes `prize.toml`.
    pub fn config(self, text: &str) -> Self {
        self.file("prize.toml", text)
    }

    /// Rewrites `prize.toml` through `edit`.
    pub fn config_edit(self, edit: impl FnOnce(String) -> String) -> Self {
        self.edit("prize.toml", edit)
    }

    /// Writes `judges.toml`.
    pub fn judges(self, text: &str) -> Self {
        self.file("judges.toml", text)
    }

    /// Writes `applications/<path>`.
    pub fn application(self, path: &str, text: &str) -> Self {
        self.file(&format!("applications/{path}"), text)
    }

    /// Writes judge `judge`'s stored sheet of `round`, `scores/<round>/<judge>.csv`.
    pub fn sheet(self, round: &str, judge: &str, csv: &str) -> Self {
        self.file(&format!("scores/{round}/{judge}.csv"), csv)
    }

    /// Writes the assignment of `round`, `assignments/<round>.csv`.
    pub fn assignment(self, round: &str, csv: &str) -> Self {
        self.file(&format!("assignments/{round}.csv"), csv)
    }
}

impl Default for Archive {
    fn default() -> Self {
        Archive::new()
    }
}

/// Writes `bytes` to `path`, creating its folders.
pub fn write(path: &Path, bytes: &[u8]) {
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

/// The text of `path`.
pub fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Writes `bytes` to a file named `name` in `dir` (outside the archive, as a judge's e-mail
/// attachment) and gives its path.
pub fn attachment(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    write(&path, bytes.as_ref());
    path
}

/// The names in a folder, sorted (to see that no temporary file is left behind).
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// The base application with `id` and an applicant name of its own, `Applicant <id>` (so that
/// copies are not duplicate applicants).
pub fn base_application(id: &str) -> String {
    let mut lines: Vec<String> = BASE_APPLICATION.lines().map(String::from).collect();
    lines[0] = format!("id = \"{id}\"");
    lines[8] = format!("name = \"Applicant {id}\"");
    lines.join("\n") + "\n"
}

/// An eligible application in `mobility`, submitted on 2026-05-20, by a city, written in one
/// layout (16 lines with beneficiaries) from a few fields.
#[derive(Clone, Debug)]
pub struct Application {
    pub id: String,
    pub title: String,
    pub track: String,
    pub name: String,
    pub country: String,
    pub email: String,
    pub summary: String,
    /// The `beneficiaries` list as written, or none.
    pub beneficiaries: Option<String>,
    /// Lines appended after the project, as written.
    pub extra: String,
}

impl Application {
    /// `Project <id>` of the `projects` track by `City <id>` in KR, `a@example.org`, summary `A project.`, for
    /// `["residents"]`.
    pub fn new(id: &str) -> Self {
        Application {
            id: id.to_string(),
            title: format!("Project {id}"),
            track: "projects".to_string(),
            name: format!("City {id}"),
            country: "KR".to_string(),
            email: "a@example.org".to_string(),
            summary: "A project.".to_string(),
            beneficiaries: Some("[\"residents\"]".to_string()),
            extra: String::new(),
        }
    }

    pub fn title(mut self, title: &str) -> Self {
        self.title = title.to_string();
        self
    }

    pub fn track(mut self, track: &str) -> Self {
        self.track = track.to_string();
        self
    }

    /// The applicant's name.
    pub fn name(mut self, name: &str) -> Self {
        self.name = name.to_string();
        self
    }

    pub fn country(mut self, country: &str) -> Self {
        self.country = country.to_string();
        self
    }

    pub fn email(mut self, email: &str) -> Self {
        self.email = email.to_string();
        self
    }

    pub fn summary(mut self, summary: &str) -> Self {
        self.summary = summary.to_string();
        self
    }

    pub fn beneficiaries(mut self, list: Option<&str>) -> Self {
        self.beneficiaries = list.map(str::to_string);
        self
    }

    /// Text appended after the `[project]` table, as written.
    pub fn extra(mut self, text: &str) -> Self {
        self.extra = text.to_string();
        self
    }

    /// The file's text.
    pub fn toml(&self) -> String {
        let Application {
            id,
            title,
            track,
            name,
            country,
            email,
            summary,
            beneficiaries,
            extra,
        } = self;
        let mut text = format!(
            "id = \"{id}\"\ntitle = \"{title}\"\ntrack = \"{track}\"\nsector = \"mobility\"\n\
             submitted = 2026-05-20T14:03:00+09:00\n\n[applicant]\ntype = \"city\"\nname = \"{name}\"\n\
             country = \"{country}\"\nemail = \"{email}\"\n\n[project]\nsummary = \"{summary}\"\n\
             status = \"operational\"\nstarted = 2023-04-01\n"
        );
        if let Some(list) = beneficiaries {
            text += &format!("beneficiaries = {list}\n");
        }
        text + extra
    }
}
