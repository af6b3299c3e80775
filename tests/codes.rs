//! One fixture per finding code: `tests/fixtures/codes/<name>/` holds files laid over the
//! base archive (`tests/fixtures/base`, which validates clean) and an `expect.toml` listing
//! exactly the findings `prize validate` must report, with code, severity, file, line and
//! column counted by hand, and the exit code.

mod common;

use std::fs;
use std::path::Path;

use common::{Archive, copy_tree, finding_keys, fixtures, run_args, validate_json};
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    exit: i32,
    #[serde(default)]
    remove: Vec<String>,
    #[serde(default)]
    status: Vec<StatusOf>,
    finding: Vec<Expected>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatusOf {
    id: String,
    status: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    code: String,
    severity: String,
    file: String,
    line: u64,
    column: u64,
}

/// Codes whose fixture is made at run time (a file too large to commit, a symbolic link).
const MADE_AT_RUN_TIME: &[&str] = &["file-too-large", "symlink-skipped"];

fn check_fixture(dir: &Path) {
    let name = dir.file_name().unwrap().to_string_lossy().to_string();
    let expect: Expect = toml::from_str(&fs::read_to_string(dir.join("expect.toml")).unwrap())
        .unwrap_or_else(|e| panic!("{name}/expect.toml: {e}"));
    let archive = Archive::base();
    copy_tree(dir, archive.path());
    let archive = expect
        .remove
        .iter()
        .fold(archive.remove("expect.toml"), |archive, path| archive.remove(path));
    let (exit, report) = validate_json(archive.path());
    let mut want: Vec<_> = expect
        .finding
        .iter()
        .map(|f| (f.code.clone(), f.severity.clone(), f.file.clone(), f.line, f.column))
        .collect();
    want.sort();
    assert_eq!(
        finding_keys(&report),
        want,
        "fixture {name}: findings differ\n{report:#}"
    );
    assert_eq!(exit, expect.exit, "fixture {name}: exit code");
    for s in &expect.status {
        let app = report["applications"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == s.id.as_str())
            .unwrap_or_else(|| panic!("fixture {name}: no application {}", s.id));
        assert_eq!(app["status"], s.status.as_str(), "fixture {name}: status of {}", s.id);
    }
}

#[test]
fn base_archive_is_clean() {
    let archive = Archive::base();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 0);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0, "{report:#}");
    assert_eq!(report["summary"]["eligible"], 1);
}

#[test]
fn every_fixture_reports_exactly_its_findings() {
    let mut dirs: Vec<_> = fs::read_dir(fixtures().join("codes"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    dirs.sort();
    assert!(!dirs.is_empty());
    for dir in dirs {
        check_fixture(&dir);
    }
}

#[test]
fn every_code_has_a_fixture() {
    let listing = run_args(&["explain-code"]).stdout;
    let codes: Vec<&str> = listing.lines().map(|l| l.split_whitespace().next().unwrap()).collect();
    assert!(codes.len() >= 24, "{listing}");
    for code in codes {
        let has_dir = fixtures().join("codes").join(code).is_dir();
        // `insufficient-scores` is a ranking's reason, not a finding `validate` reports.
        let not_a_finding = code == "insufficient-scores";
        assert!(
            has_dir || MADE_AT_RUN_TIME.contains(&code) || not_a_finding,
            "no fixture for `{code}`"
        );
    }
}

#[test]
fn file_too_large() {
    let archive = Archive::base().file("applications/big.toml", vec![b'#'; 1024 * 1024 + 1]);
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 1);
    assert_eq!(
        finding_keys(&report),
        vec![(
            "file-too-large".into(),
            "error".into(),
            "applications/big.toml".into(),
            1,
            1
        )]
    );
    // Exactly 1 MiB is still read.
    let archive = archive.file("applications/big.toml", vec![b'#'; 1024 * 1024]);
    let (_, report) = validate_json(archive.path());
    assert!(finding_keys(&report).iter().all(|f| f.0 != "file-too-large"));
}

#[cfg(unix)]
#[test]
fn symlink_skipped() {
    let archive = Archive::base();
    std::os::unix::fs::symlink("app-1.toml", archive.path().join("applications/copy.toml")).unwrap();
    let (exit, report) = validate_json(archive.path());
    assert_eq!(exit, 0, "a warning only");
    assert_eq!(
        finding_keys(&report),
        vec![(
            "symlink-skipped".into(),
            "warning".into(),
            "applications/copy.toml".into(),
            1,
            1
        )]
    );
    assert_eq!(
        report["summary"]["applications"], 1,
        "the link is not a second application"
    );
}
