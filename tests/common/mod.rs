//! Helpers shared by the integration tests: building archives in temporary folders and
//! running the `prize` binary on them.

#![allow(dead_code)]

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// The folder of the test fixtures.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Copies every file below `from` into `to`, overwriting.
pub fn copy_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.unwrap();
        let rel = entry.path().strip_prefix(from).unwrap();
        let target = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).unwrap();
        } else {
            fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A temporary archive holding the base fixture.
pub fn base_archive() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&fixtures().join("base"), dir.path());
    dir
}

/// `prize` with a clean environment (no colour, no archive from the environment).
pub fn prize() -> Command {
    let mut cmd = Command::cargo_bin("prize").unwrap();
    cmd.env_remove("PRIZE_ARCHIVE")
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    cmd
}

/// Runs `prize -C dir validate --format json`: the exit code and the parsed report.
pub fn validate_json(dir: &Path) -> (i32, Value) {
    let out = prize()
        .arg("-C")
        .arg(dir)
        .args(["validate", "--format", "json"])
        .output()
        .unwrap();
    let code = out.status.code().unwrap_or(-1);
    let stdout = String::from_utf8(out.stdout).expect("stdout is UTF-8");
    let json: Value = serde_json::from_str(&stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}): {stdout}\nstderr: {}",
            String::from_utf8_lossy(&out.stderr)
        )
    });
    (code, json)
}

/// The findings of a JSON report as (code, severity, file, line, column) tuples.
pub fn finding_keys(report: &Value) -> Vec<(String, String, String, u64, u64)> {
    let mut keys: Vec<_> = report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["severity"].as_str().unwrap().to_string(),
                f["file"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect();
    keys.sort();
    keys
}

/// Runs `prize -C dir ARGS`: exit code, stdout and stderr, after checking it did not panic.
pub fn run(dir: &Path, args: &[&str]) -> (i32, String, String) {
    let out = prize().arg("-C").arg(dir).args(args).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    assert!(!stderr.contains("panicked"), "{stderr}");
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        stderr,
    )
}
