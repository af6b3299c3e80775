//! The one way the tests run `prize`: [`run`] in an archive (and [`scores_import`], [`validate_json`]
//! on it), [`run_args`] with no archive, [`run_cmd`] and [`run_within`] for a command prepared by
//! hand (another working directory, environment or timeout), all giving an [`Output`] checked for
//! panics, whose [`Output::json`] parses stdout.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;

/// How long a run may take before it is killed (exit code -1): a hang fails the test. Generous,
/// because the heaviest runs (100,000 files in a debug build) share two cores with the rest of
/// the suite; a hang is still caught.
const TIMEOUT: Duration = Duration::from_secs(300);

/// `prize` with a clean environment (no colour, no archive from the environment).
pub fn prize() -> Command {
    let mut cmd = Command::cargo_bin("prize").unwrap();
    cmd.env_remove("PRIZE_ARCHIVE")
        .env_remove("NO_COLOR")
        .env("TERM", "dumb");
    cmd
}

/// What a run of `prize` gave: exit code (-1 when killed), stdout (UTF-8) and stderr.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// stdout parsed as JSON; a test fails with both outputs when it is not.
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}\nstderr: {}", self.stdout, self.stderr))
    }

    /// The exit code and stdout parsed as JSON.
    pub fn code_json(&self) -> (i32, Value) {
        (self.code, self.json())
    }
}

/// `text` parsed as JSON; a test fails with the text when it is not.
pub fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("not JSON ({e}): {text}"))
}

/// Runs `prize -C dir ARGS`, after which it checks that the program did not panic.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    let mut cmd = prize();
    cmd.arg("-C").arg(dir).args(args);
    run_cmd(cmd)
}

/// Runs `prize -C dir scores import ARGS... FILES...`.
pub fn scores_import(dir: &Path, args: &[&str], files: &[&Path]) -> Output {
    let files: Vec<&str> = files.iter().map(|f| f.to_str().unwrap()).collect();
    run(dir, &[&["scores", "import"], args, &files].concat())
}

/// Runs `prize ARGS` in the current folder, with no archive named.
pub fn run_args(args: &[&str]) -> Output {
    let mut cmd = prize();
    cmd.args(args);
    run_cmd(cmd)
}

/// Runs a prepared `prize` command (killed after a minute unless it set its own timeout),
/// after which it checks that the program did not panic.
pub fn run_cmd(mut cmd: Command) -> Output {
    let out = cmd
        .timeout(TIMEOUT)
        .output()
        .unwrap_or_else(|e| panic!("prize did not run: {e}"));
    finish(out)
}

/// Runs a prepared `prize` command that must end within `limit`.
pub fn run_within(mut cmd: Command, limit: Duration) -> Output {
    let out = cmd
        .timeout(limit)
        .output()
        .unwrap_or_else(|e| panic!("prize did not end: {e}"));
    finish(out)
}

/// Fails the test when the program panicked.
pub fn assert_no_panic(stderr: &str) {
    assert!(!stderr.contains("panicked"), "the program panicked:\n{stderr}");
}

fn finish(out: std::process::Output) -> Output {
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    let stdout =
        String::from_utf8(out.stdout).unwrap_or_else(|e| panic!("stdout is not UTF-8 ({e})\nstderr: {stderr}"));
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout,
        stderr,
    }
}

/// Runs `prize -C dir validate --format json`: the exit code and the parsed report.
pub fn validate_json(dir: &Path) -> (i32, Value) {
    run(dir, &["validate", "--format", "json"]).code_json()
}
