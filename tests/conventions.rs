//! The conventions users of ripgrep and cargo expect: quiet closed pipes, examples in every
//! command's help, `--color` for clap's own errors, helpful discovery errors, a man page without
//! dangling references, a quiet `validate -q`, and one treatment of a broken archive.

mod common;

use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

use common::{Archive, Output, prize, run, run_args, run_cmd};

/// The sample archive shipped with the repository.
fn sample() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sscp-2026")
}

/// The subcommands `prize --help` lists (clap's own `help` aside), with `scores import`.
fn commands() -> Vec<String> {
    let help = run_args(&["--help"]).stdout;
    let listed = help
        .split("Commands:\n")
        .nth(1)
        .expect("a Commands: section")
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string);
    let mut all: Vec<String> = listed.collect();
    all.push("scores import".to_string());
    all
}

/// `prize ARGS --help` (or `-h`).
fn help(command: &str, flag: &str) -> String {
    let args: Vec<&str> = command.split_whitespace().chain([flag]).collect();
    let out = run_args(&args);
    assert_eq!(out.code, 0, "prize {command} {flag}");
    out.stdout
}

/// The example command lines of a help text: the lines of its last section, `Examples:`, that
/// are not `# comments`, with `\`-continued lines kept together.
fn examples(help: &str) -> Vec<String> {
    let Some((_, section)) = help.rsplit_once("\nExamples:\n") else {
        return Vec::new();
    };
    let mut found: Vec<String> = Vec::new();
    for line in section
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        match found.last_mut() {
            Some(last) if last.ends_with('\\') => {
                last.push('\n');
                last.push_str(line);
            }
            _ => found.push(line.to_string()),
        }
    }
    found
}

#[test]
fn completions_and_man_into_a_closed_pipe_end_quietly() {
    let runs: [&[&str]; 5] = [
        &["completions", "bash"],
        &["completions", "zsh"],
        &["completions", "fish"],
        &["completions", "powershell"],
        &["man"],
    ];
    for args in runs {
        // The reader is gone before the child starts, so every write meets a closed pipe (as
        // `prize completions bash | true` does when `true` exits first), whatever the timing.
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_prize"))
            .args(args)
            .stdout(writer)
            .stderr(Stdio::piped())
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
        assert_eq!(stderr, "", "{args:?}");
    }
}

#[test]
fn every_command_help_ends_with_examples() {
    let commands = commands();
    assert!(commands.len() >= 14, "{commands:?}");
    for command in &commands {
        for flag in ["--help", "-h"] {
            let text = help(command, flag);
            let found = examples(&text);
            assert!(
                !found.is_empty(),
                "`prize {command} {flag}` has no Examples: section:\n{text}"
            );
            // Examples are the last section: nothing after them but example lines and comments.
            let (_, section) = text.rsplit_once("\nExamples:\n").unwrap();
            for line in section.lines().filter(|l| !l.trim().is_empty()) {
                assert!(
                    line.starts_with("  "),
                    "`prize {command} {flag}`: {line:?} after the examples"
                );
            }
            for example in &found {
                let words: Vec<&str> = example.split_whitespace().collect();
                let named = command.split(' ').all(|w| words.contains(&w));
                assert!(
                    named,
                    "`prize {command}` shows an example of another command: {example}"
                );
            }
        }
    }
}

#[test]
fn help_examples_work_on_the_sample_archive_as_printed() {
    // Run where the README's reader stands: the repository root, with the sample at
    // data/sscp-2026 (a copy, since some examples write files), and `prize` on the PATH.
    let root = tempfile::tempdir().unwrap();
    common::copy_tree(&sample(), &root.path().join("data/sscp-2026"));
    let bin = Path::new(env!("CARGO_BIN_EXE_prize")).parent().unwrap().to_path_buf();
    let path = std::env::join_paths(
        std::iter::once(bin).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .unwrap();
    let mut all = examples(&help("", "--help"));
    for command in commands() {
        all.extend(examples(&help(&command, "--help")));
    }
    assert!(all.len() >= 25, "{all:?}");
    for example in &all {
        let out = Command::new("bash")
            .arg("-c")
            .arg(example)
            .current_dir(root.path())
            .env("PATH", &path)
            .env("HOME", root.path())
            .env_remove("PRIZE_ARCHIVE")
            .env_remove("NO_COLOR")
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{example}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{example}: {stderr}");
    }
}

#[test]
fn color_never_governs_clap_usage_errors() {
    // CLICOLOR_FORCE is how a terminal-ish environment forces colour on clap's own messages.
    for never in [&["--color", "never"][..], &["--color=never"][..]] {
        let mut cmd = prize();
        cmd.env("CLICOLOR_FORCE", "1")
            .env_remove("TERM")
            .args(never)
            .args(["rank", "--bogus"]);
        let Output { code, stderr, .. } = run_cmd(cmd);
        assert_eq!(code, 2);
        assert!(stderr.contains("unexpected argument '--bogus'"), "{stderr}");
        assert!(!stderr.contains('\x1b'), "{never:?}: {stderr:?}");
    }
    // After the subcommand too, where clap takes global options as well.
    let mut cmd = prize();
    cmd.env("CLICOLOR_FORCE", "1")
        .args(["rank", "--bogus", "--color", "never"]);
    assert!(!run_cmd(cmd).stderr.contains('\x1b'));
    let out = run_args(&["--color", "always", "rank", "--bogus"]);
    assert_eq!(out.code, 2);
    assert!(out.stderr.contains('\x1b'), "--color always colours usage errors");
}

#[test]
fn archive_discovery_errors_say_what_is_wrong() {
    let place = Archive::new();
    let in_place = |args: &[&str]| {
        let mut cmd = prize();
        cmd.current_dir(place.path()).args(args);
        run_cmd(cmd)
    };
    let out = in_place(&["-C", "no-such-dir", "validate"]);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, "error: no such folder: no-such-dir\n");

    fs::create_dir(place.join("empty")).unwrap();
    let Output { code, stderr, .. } = in_place(&["-C", "empty", "rank"]);
    assert_eq!(code, 2);
    assert!(stderr.starts_with("error: no prize.toml in empty"), "{stderr}");

    let Output { code, stderr, .. } = in_place(&["list"]);
    assert_eq!(code, 2);
    assert!(stderr.contains("no prize.toml found in"), "{stderr}");
    assert!(stderr.contains("`prize init`") && stderr.contains("-C DIR"), "{stderr}");
}

#[test]
fn error_messages_print_control_characters_escaped() {
    // A folder name is text from outside too: an escape sequence in it must not recolour the
    // terminal when the error names it.
    let place = Archive::new();
    let mut cmd = prize();
    cmd.current_dir(place.path())
        .args(["-C", "red\u{1b}[31mfolder", "validate"]);
    let out = run_cmd(cmd);
    assert_eq!(out.code, 2);
    assert_eq!(out.stderr, "error: no such folder: red\\u{1b}[31mfolder\n");
}

#[test]
fn man_page_refers_only_to_itself_and_has_exit_status_and_examples() {
    let Output { code, stdout: man, .. } = run_args(&["man"]);
    assert_eq!(code, 0);
    let sections: Vec<&str> = man.lines().filter(|l| l.starts_with(".SH")).collect();
    assert!(sections.iter().any(|s| s.contains("EXIT STATUS")), "{sections:?}");
    assert!(sections.iter().any(|s| s.contains("EXAMPLES")), "{sections:?}");
    // Only one page is installed: any `name(1)` reference other than prize(1) dangles.
    for (at, _) in man.match_indices("(1)") {
        let before = &man[..at];
        let name_start = before
            .rfind(|c: char| c.is_whitespace() || c == '\\')
            .map_or(0, |i| i + 1);
        let name = &before[name_start..];
        assert_eq!(name, "prize", "reference to a page that does not exist: {name}(1)");
    }
    let (_, exit_status) = man.split_once(".SH \"EXIT STATUS\"").unwrap();
    let exit_status = exit_status.split("\n.SH").next().unwrap();
    for code in ["0", "1", "2"] {
        assert!(exit_status.contains(&format!("\\fB{code}\\fR")), "{exit_status}");
    }
    assert!(
        man.contains("prize \\-C data/sscp\\-2026 rank"),
        "examples are in the page"
    );
}

#[test]
fn validate_quiet_prints_only_findings() {
    let archive = Archive::base();
    let Output { code, stdout, stderr } = run(archive.path(), &["-q", "validate"]);
    assert_eq!(
        (code, stdout.as_str(), stderr.as_str()),
        (0, "", ""),
        "a clean archive: silence"
    );

    // The sample has one warning and no error: -q shows errors only, so nothing at all.
    let Output { code, stdout, .. } = run(&sample(), &["-q", "validate"]);
    assert_eq!((code, stdout.as_str()), (0, ""));

    let archive = archive.edit("applications/app-1.toml", |text| {
        text.replace("track = \"projects\"", "track = \"nowhere\"")
    });
    let Output { code, stdout, stderr } = run(archive.path(), &["-q", "validate"]);
    assert_eq!(code, 1);
    assert!(stdout.starts_with("error[unknown-track]"), "{stdout}");
    assert!(
        !stdout.contains("applications:") && !stdout.contains("1 application"),
        "{stdout}"
    );
    assert_eq!(stderr, "");
}

/// The base archive with a criterion whose max is below its min: prize.toml is broken.
fn broken_config() -> Archive {
    Archive::base().config_edit(|text| text.replacen("max = 10", "max = 0", 1))
}

#[test]
fn every_command_treats_a_broken_archive_alike() {
    // A sheet to import: `scores import` needs the configuration as much as `rank` does.
    let archive = broken_config().file("sheet.csv", "application\nAPP-1\n");
    // One application (eligible), and the one error of the broken criterion.
    let summary = "1 application: 1 eligible, 0 ineligible, 0 invalid; 1 error, 0 warnings";
    let commands: [&[&str]; 9] = [
        &[
            "scores",
            "import",
            "sheet.csv",
            "--round",
            "first",
            "--judge",
            "j-silva",
        ],
        &["rank"],
        &["winners"],
        &["explain", "APP-1"],
        &["progress"],
        &["sheets", "--round", "first"],
        &["assign", "--round", "first", "--per-application", "1"],
        &["stats"],
        &["list"],
    ];
    for args in commands {
        let Output { code, stderr, .. } = run(archive.path(), args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        let lines: Vec<&str> = stderr.lines().collect();
        assert_eq!(lines.len(), 2, "{args:?}: {stderr}");
        assert_eq!(lines[0], summary, "{args:?}");
        assert!(lines[1].contains("run `prize validate` to see"), "{args:?}: {stderr}");
    }
    let Output { stderr: rank, .. } = run(archive.path(), &["rank"]);
    let Output { stderr: sheets, .. } = run(archive.path(), &["sheets", "--round", "first"]);
    assert_eq!(rank.lines().next(), sheets.lines().next());
    assert_eq!(
        sheets.lines().nth(1),
        Some("error: prize.toml has errors, so no template is written; run `prize validate` to see them")
    );
    assert!(!archive.path().join("sheets").exists(), "nothing written");
}

#[test]
fn commands_that_write_exit_1_when_the_archive_has_errors() {
    // An application with an unknown track is invalid; the configuration is fine, so sheets
    // and assignments are written for the rest, and the exit code says the archive is broken,
    // as `prize rank` says it.
    let archive = Archive::base().application("broken.toml", "id = \"APP-9\"\ntitle = \"Broken\"\n");
    for args in [
        &["rank", "--round", "first"][..],
        &["sheets", "--round", "first"],
        &["assign", "--round", "first", "--per-application", "1"],
    ] {
        let Output { code, stderr, .. } = run(archive.path(), args);
        assert_eq!(code, 1, "{args:?}: {stderr}");
        assert!(
            stderr.contains("run `prize validate` to see the errors"),
            "{args:?}: {stderr}"
        );
    }
    assert!(archive.path().join("sheets/first/j-silva.csv").is_file());
    assert!(archive.path().join("assignments/first.csv").is_file());
}

#[test]
fn no_progress_bar_when_stderr_is_not_a_terminal() {
    let Output { code, stdout, stderr } = run(
        &sample(),
        &[
            "-q",
            "assign",
            "--round",
            "first",
            "--per-application",
            "4",
            "--dry-run",
            "--replace",
        ],
    );
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("nothing written (--dry-run)"), "{stdout}");
    assert_eq!(stderr, "");
}
