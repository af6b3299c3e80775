//! Helpers shared by the integration tests: one archive builder ([`Archive`], in a temporary
//! folder) and one runner ([`run`], giving an [`Output`]), with the readers of their reports.

#![allow(dead_code, unused_imports)]

mod archive;
mod run;

use std::path::{Path, PathBuf};

pub use archive::{Application, Archive, BASE_APPLICATION, attachment, base_application, names, read, write};
pub use run::{Output, assert_no_panic, json, prize, run, run_args, run_cmd, run_within, scores_import, validate_json};
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
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// The findings of a JSON report as (code, severity, file, line, column) tuples, sorted.
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

/// (code, line, column) of each finding of a report, in the report's order.
pub fn positions(report: &Value) -> Vec<(String, u64, u64)> {
    report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["line"].as_u64().unwrap(),
                f["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// (code, line, column) of the findings of a report about `file`, sorted.
pub fn positions_in(report: &Value, file: &str) -> Vec<(String, u64, u64)> {
    let mut keys: Vec<_> = finding_keys(report)
        .into_iter()
        .filter(|f| f.2 == file)
        .map(|(code, _, _, line, column)| (code, line, column))
        .collect();
    keys.sort();
    keys
}

/// A (code, line, column) to compare with [`positions`].
pub fn at(code: &str, line: u64, column: u64) -> (String, u64, u64) {
    (code.to_string(), line, column)
}

/// The messages of the findings of `report` whose `field` is `value`, in the report's order.
pub fn messages_with(report: &Value, field: &str, value: &str) -> Vec<String> {
    report["findings"]
        .as_array()
        .expect("findings is an array")
        .iter()
        .filter(|f| f[field] == value)
        .map(|f| f["message"].as_str().unwrap().to_string())
        .collect()
}

/// A roster of three judges: `ja` from KR, `jb` from PT and `jc` from CO.
pub const THREE_JUDGES: &str = r#"[[judges]]
id = "ja"
name = "Judge A"
country = "KR"

[[judges]]
id = "jb"
name = "Judge B"
country = "PT"

[[judges]]
id = "jc"
name = "Judge C"
country = "CO"
"#;

/// Strings as owned strings.
pub fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}
