//! The commands as a user runs them: output people read (snapshots), JSON scripts parse, exit
//! codes, `init`, discovery, formats and colour.

mod common;

use std::fs;
use std::path::Path;

use common::{Archive, Output, prize, run, run_args, run_cmd, validate_json};
use serde_json::Value;

const LATE_AND_BROKEN: &str = r#"id = "APP-2"
title = "Accessible Buses"
track = "projects"
sector = "mobility"
submitted = 2026-05-30T09:00:00+09:00

[applicant]
type = "corporation"
name = "Amsterdam Transit"
country = "UK"
email = "info@transit.example.org"

[project]
summary = "Low-floor buses with audio announcements."
status = "operational"
started = 2022-01-10
beneficiaries = ["people with disabilities"]
"#;

/// The base archive with [`LATE_AND_BROKEN`] added.
fn late_and_broken() -> Archive {
    Archive::base().application("2026/app-2.toml", LATE_AND_BROKEN)
}

#[test]
fn human_output_is_rustc_style() {
    let archive = late_and_broken();
    let Output { code, stdout: text, .. } = run(archive.path(), &["validate"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!(text);
}

#[test]
fn quiet_shows_only_errors() {
    let archive = late_and_broken();
    let Output { stdout: text, .. } = run(archive.path(), &["-q", "validate"]);
    assert!(text.contains("error[invalid-value]"));
    assert!(!text.contains("late-submission"), "{text}");
    // Nothing but findings: no summary line.
    assert!(!text.contains("2 applications:"), "{text}");
}

#[test]
fn json_has_the_keys_of_the_spec() {
    let archive = late_and_broken();
    let (code, report) = validate_json(archive.path());
    assert_eq!(code, 1);
    let keys = |v: &Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&report), ["applications", "findings", "summary"]);
    assert_eq!(
        keys(&report["summary"]),
        [
            "applications",
            "eligible",
            "errors",
            "ineligible",
            "invalid",
            "warnings"
        ]
    );
    let summary = &report["summary"];
    assert_eq!(
        (
            &summary["applications"],
            &summary["eligible"],
            &summary["invalid"],
            &summary["errors"]
        ),
        (&Value::from(2), &Value::from(1), &Value::from(1), &Value::from(1))
    );
    let findings = report["findings"].as_array().unwrap();
    for f in findings {
        assert_eq!(
            keys(f),
            [
                "application",
                "code",
                "column",
                "file",
                "help",
                "line",
                "message",
                "severity"
            ]
        );
    }
    // Sorted by line: the late submission (line 5) comes before the country (line 10).
    assert_eq!(findings[0]["code"], "late-submission");
    assert_eq!(findings[0]["severity"], "ineligible");
    assert_eq!(findings[1]["code"], "invalid-value");
    assert_eq!(
        (findings[1]["line"].as_u64(), findings[1]["column"].as_u64()),
        (Some(10), Some(11))
    );
    assert_eq!(findings[1]["file"], "applications/2026/app-2.toml");
    assert_eq!(findings[1]["application"], "APP-2");
    // Applications come in path order: applications/2026/… sorts before applications/app-1.toml.
    let apps = report["applications"].as_array().unwrap();
    assert_eq!(keys(&apps[0]), ["file", "id", "reasons", "status", "track"]);
    assert_eq!(apps[0]["id"], "APP-2");
    assert_eq!(apps[0]["status"], "invalid");
    assert_eq!(apps[0]["reasons"], serde_json::json!(["invalid-value"]));
    assert_eq!(apps[1]["id"], "APP-1");
    assert_eq!(apps[1]["status"], "eligible");
    assert_eq!(apps[1]["reasons"], serde_json::json!([]));
}

#[test]
fn github_annotations() {
    let archive = late_and_broken();
    let Output { code, stdout: text, .. } = run(archive.path(), &["validate", "--format", "github"]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0].starts_with(
        "::notice file=applications/2026/app-2.toml,line=5,col=13,title=late-submission::submitted 15 h after the deadline"
    ), "{}", lines[0]);
    assert_eq!(
        lines[1],
        "::error file=applications/2026/app-2.toml,line=10,col=11,title=invalid-value::`applicant.country` = \"UK\" is not an ISO 3166-1 country code"
    );
}

#[test]
fn deny_warnings_turns_warnings_into_failure() {
    let archive = Archive::base().edit("applications/app-1.toml", |text| {
        let with_warning = text + "\n[extra]\nx = 1\ncolour = 1\n";
        with_warning.replace("title =", "colour = \"red\"\ntitle =")
    });
    assert_eq!(run(archive.path(), &["validate"]).code, 0);
    assert_eq!(run(archive.path(), &["validate", "--deny-warnings"]).code, 1);
}

#[test]
fn init_writes_an_archive_that_validates_clean() {
    for template in ["sscp-2026", "minimal"] {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("new");
        let mut init = prize();
        init.args(["init", "--template", template]).arg(&target);
        let out = run_cmd(init);
        assert!(out.code == 0, "{template}: {}", out.stderr);
        let (code, report) = validate_json(&target);
        assert_eq!(code, 0, "{template}");
        assert_eq!(report["findings"], serde_json::json!([]), "{template}");
        // It refuses to overwrite, and leaves what is there untouched.
        fs::write(target.join("prize.toml"), "# mine\n").unwrap();
        let mut init = prize();
        init.args(["init", "--template", template]).arg(&target);
        let again = run_cmd(init);
        assert_eq!(again.code, 2);
        assert!(again.stderr.contains("never overwrites"));
        assert_eq!(fs::read_to_string(target.join("prize.toml")).unwrap(), "# mine\n");
    }
}

#[test]
fn sscp_template_has_the_published_structure() {
    let dir = tempfile::tempdir().unwrap();
    prize().arg("init").arg(dir.path()).assert().success();
    let text = fs::read_to_string(dir.path().join("prize.toml")).unwrap();
    let config: toml::Table = toml::from_str(&text).unwrap();
    let ids = |key: &str| -> Vec<String> {
        config[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t["id"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(ids("tracks"), ["tech-innovacity", "human-centricity", "leadership"]);
    assert_eq!(ids("criteria").len(), 6);
    assert_eq!(ids("rounds"), ["first", "final"]);
    assert_eq!(config["prize"]["sectors"].as_array().unwrap().len(), 7);
    // 21 awards: per project track 1 + 2 + 3 + 1 + 1, plus 2 Leadership, plus committee picks.
    let awards = config["awards"].as_array().unwrap();
    let counted: i64 = awards
        .iter()
        .filter_map(|a| a.get("count"))
        .map(|c| c.as_integer().unwrap())
        .sum();
    assert_eq!(counted, 2 * 8 + 2);
    assert!(awards.iter().any(|a| a.get("picks").is_some()));
    let advance = &config["rounds"][0]["advance"];
    let finalists: i64 = advance
        .as_table()
        .unwrap()
        .values()
        .map(|v| v.as_integer().unwrap())
        .sum();
    assert_eq!(finalists, 42);
    // Every key line carries a comment.
    for line in text
        .lines()
        .filter(|l| l.contains(" = ") && !l.trim_start().starts_with('#'))
    {
        assert!(line.contains('#'), "key without a comment: {line}");
    }
}

#[test]
fn discovery_from_a_subfolder_and_from_the_environment() {
    let archive = Archive::base();
    let mut cmd = prize();
    cmd.current_dir(archive.join("applications")).arg("validate");
    let out = run_cmd(cmd);
    assert_eq!(out.code, 0);
    assert!(out.stdout.starts_with("1 application: 1 eligible"));
    let elsewhere = Archive::new();
    let mut cmd = prize();
    cmd.current_dir(elsewhere.path())
        .env("PRIZE_ARCHIVE", archive.path())
        .arg("validate");
    assert_eq!(run_cmd(cmd).code, 0);
    let mut cmd = prize();
    cmd.current_dir(elsewhere.path()).arg("validate");
    let out = run_cmd(cmd);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("no prize.toml found"));
}

#[test]
fn list_filters_and_formats() {
    let archive = late_and_broken();
    let list = |args: &[&str]| {
        let out = run(archive.path(), &[&["list"], args].concat());
        (out.code, out.stdout)
    };
    let (code, csv) = list(&["--format", "csv"]);
    assert_eq!(code, 1, "the archive has an error");
    assert_eq!(
        csv,
        "id,track,sector,type,country,status,reasons,title\n\
         APP-1,projects,mobility,city,CO,eligible,,Safe Routes for Older Pedestrians\n\
         APP-2,projects,mobility,corporation,,invalid,invalid-value,Accessible Buses\n"
    );
    let (_, json) = list(&["--format", "json", "--status", "eligible"]);
    let json = common::json(&json);
    assert_eq!(json["count"], 1);
    assert_eq!(json["applications"][0]["id"], "APP-1");
    assert_eq!(json["applications"][0]["country"], "CO");
    let (_, md) = list(&["--format", "markdown", "--type", "city"]);
    assert_eq!(md.lines().count(), 3, "{md}");
    assert!(md.starts_with("| id | track |"));
    let (_, none) = list(&["--format", "csv", "--country", "kr"]);
    assert_eq!(none.lines().count(), 1);
    let typo = run(archive.path(), &["list", "--track", "project"]);
    assert_eq!(typo.code, 2);
    assert!(typo.stderr.contains("did you mean `projects`?"));
}

#[test]
fn stats_counts() {
    let archive = Archive::base()
        .application("2026/app-2.toml", &LATE_AND_BROKEN.replace("\"UK\"", "\"NL\""))
        .application(
            "2026/app-3.toml",
            &LATE_AND_BROKEN
                .replace("APP-2", "APP-3")
                .replace("\"UK\"", "\"NL\"")
                .replace("mobility", "welfare")
                .replace("Amsterdam Transit", "Rotterdam Care"),
        );
    let out = run(archive.path(), &["stats", "--format", "json"]);
    assert_eq!(out.code, 0);
    let s = out.json();
    assert_eq!(s["applications"], 3);
    assert_eq!(s["tracks"][0]["track"], "projects");
    assert_eq!(
        s["tracks"][0]["sectors"],
        serde_json::json!([["mobility", 2], ["welfare", 1]])
    );
    assert_eq!(s["tracks"][1]["total"], 0);
    assert_eq!(
        s["countries"][0],
        serde_json::json!({"key": "NL", "name": "Netherlands (Kingdom of the)", "count": 2})
    );
    assert_eq!(s["statuses"][1], serde_json::json!({"key": "ineligible", "count": 2}));
    assert_eq!(
        s["ineligible_reasons"],
        serde_json::json!([{"key": "late-submission", "count": 2}])
    );
    let Output { stdout: human, .. } = run(archive.path(), &["stats"]);
    insta::assert_snapshot!(human);
}

#[test]
fn explain_code_prints_the_explanation() {
    let Output { code, stdout: text, .. } = run_args(&["explain-code", "operating-too-short"]);
    assert_eq!(code, 0);
    assert!(text.starts_with("operating-too-short (ineligible): "));
    assert!(text.contains("### Example"));
    let out = run_args(&["explain-code", "late-submision"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains("did you mean `late-submission`?"));
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let Output { code, stdout: text, .. } = run_args(&["completions", shell]);
        assert_eq!(code, 0);
        assert!(text.contains("validate") && text.contains("explain-code"), "{shell}");
    }
    let Output { code, stdout: man, .. } = run_args(&["man"]);
    assert_eq!(code, 0);
    assert!(man.contains(".TH prize"));
}

#[test]
fn colour_follows_the_flag() {
    let archive = late_and_broken();
    let Output { stdout: plain, .. } = run(archive.path(), &["validate"]);
    assert!(!plain.contains('\x1b'));
    let Output { stdout: coloured, .. } = run(archive.path(), &["--color", "always", "validate"]);
    assert!(coloured.contains('\x1b'));
    let Output { stdout: never, .. } = run(archive.path(), &["--color", "never", "validate"]);
    assert_eq!(never, plain);
}

#[test]
fn output_is_deterministic() {
    let archive = Archive::base().files((0..40).map(|i| {
        (
            format!("applications/b/{i}.toml"),
            LATE_AND_BROKEN.replace("APP-2", &format!("B-{i}")),
        )
    }));
    let validate = || run(archive.path(), &["validate", "--format", "json"]).stdout;
    assert_eq!(validate(), validate());
}

#[test]
fn example_configurations_validate_clean() {
    let configs = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/configs");
    let mut checked = 0;
    for entry in fs::read_dir(configs).unwrap() {
        let path = entry.unwrap().path();
        let dir = Archive::new().file("prize.toml", fs::read(&path).unwrap());
        let (code, report) = validate_json(dir.path());
        assert_eq!(report["findings"], serde_json::json!([]), "{}", path.display());
        assert_eq!(code, 0);
        checked += 1;
    }
    assert!(checked >= 3);
}
