//! `prize report` (spec section 9): the committee's HTML report of the judging fixture (every
//! total computed by hand in tests/judging.rs) and of the sample archive — escaping of every
//! archive text, the Content-Security-Policy, no script and nothing fetched, the sections and
//! the contents' links, one page per finalist, the winners, the stability figures, the same
//! bytes twice, `--date`, `--out`, the atomic write and the exit codes.

mod common;

use std::path::{Path, PathBuf};

use common::{Archive, Output, run};
use serde_json::Value;

/// Text meant to break out of an element, an attribute or the stylesheet.
const HOSTILE: &str = r#"<script>alert(1)</script></style>"'&"#;

/// The report of `archive` on stdout, after checking that the run succeeded.
fn report(archive: &Archive, args: &[&str]) -> String {
    let samples: &[&str] = if args.contains(&"--samples") {
        &[]
    } else {
        &["--samples", "200"]
    };
    let out = run(archive.path(), &[&["report", "--out", "-"], samples, args].concat());
    assert_eq!(out.code, 0, "{}", out.stderr);
    out.stdout
}

/// The sample archive, in a temporary copy (the report is written into it).
fn sample() -> Archive {
    let archive = Archive::new();
    common::copy_tree(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sscp-2026"),
        archive.path(),
    );
    archive
}

/// Every value of attribute `name` in `html` (`id="x"` gives `x`).
fn attributes(html: &str, name: &str) -> Vec<String> {
    let key = format!(" {name}=\"");
    html.match_indices(&key)
        .map(|(i, _)| {
            let rest = &html[i + key.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The text of the element that starts with `<section ... id="id"`, up to its end.
fn section<'a>(html: &'a str, id: &str) -> &'a str {
    let key = format!("id=\"{id}\"");
    let start = html.find(&key).unwrap_or_else(|| panic!("no section {id}"));
    let end = html[start..].find("</section>").unwrap();
    &html[start..start + end]
}

/// The cells of each row of `html` (a section), tags removed.
fn rows(html: &str) -> Vec<Vec<String>> {
    html.split("<tr")
        .skip(1)
        .map(|row| {
            let row = &row[..row.find("</tr>").unwrap_or(row.len())];
            row.split("<td")
                .skip(1)
                .map(|cell| {
                    let cell = &cell[cell.find('>').unwrap() + 1..];
                    let cell = &cell[..cell.find("</td>").unwrap_or(cell.len())];
                    strip_tags(cell)
                })
                .collect()
        })
        .filter(|r: &Vec<String>| !r.is_empty())
        .collect()
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut inside = false;
    for ch in s.chars() {
        match ch {
            '<' => inside = true,
            '>' => inside = false,
            c if !inside => out.push(c),
            _ => {}
        }
    }
    out.trim().to_string()
}

/// The row of `html` whose first cell is `first`.
fn row(html: &str, first: &str) -> Vec<String> {
    rows(html)
        .into_iter()
        .find(|r| r[0] == first)
        .unwrap_or_else(|| panic!("no row {first}"))
}

/// `s` as HTML escapes it in text: `&`, `<`, `>` and `"`.
fn escaped(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

fn json(archive: &Archive, args: &[&str]) -> Value {
    let out: Output = run(archive.path(), &[args, &["--format", "json"]].concat());
    out.json()
}

#[test]
fn every_archive_text_is_escaped() {
    let archive = Archive::judging()
        .replace(
            "prize.toml",
            "name = \"Judging Fixture\"",
            &format!("name = {HOSTILE:?}"),
        )
        .replace(
            "applications/P1.toml",
            "title = \"Project P1\"",
            &format!("title = {HOSTILE:?}"),
        )
        .replace(
            "applications/P1.toml",
            "name = \"Applicant P1\"",
            &format!("name = {HOSTILE:?}"),
        )
        // Not the applicant's name: a judge named as the applicant would be in conflict.
        .replace(
            "judges.toml",
            "name = \"Judge A\"",
            &format!("name = \"A {}\"", &HOSTILE[..HOSTILE.len() - 3]),
        )
        .replace(
            "scores/final/ja.csv",
            "P1,10,10,",
            "P1,10,10,\"<script>alert(1)</script></style>\"\"'&\"",
        );
    let html = report(&archive, &[]);
    assert!(!html.to_lowercase().contains("<script"), "{html}");
    // The only `</style>` closes the stylesheet, in the head.
    assert_eq!(html.matches("</style>").count(), 1);
    assert!(html.find("</style>").unwrap() < html.find("</head>").unwrap());
    // Each text is there, escaped: the prize's name (in the title), the title, the applicant,
    // the judge and the comment.
    let escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;&quot;'&amp;";
    assert!(html.contains(&format!("<title>{escaped} 2026 — committee report</title>")));
    let page = section(&html, "app-P1");
    assert!(page.contains(&format!("<h2>P1 — {escaped}</h2>")), "{page}");
    assert!(page.contains(&format!("<td>{escaped}</td>")), "the applicant: {page}");
    let judge = "A &lt;script&gt;alert(1)&lt;/script&gt;&lt;/style&gt;";
    assert!(page.contains(&format!("<td>{judge} (ja)</td>")), "the judge: {page}");
    assert!(
        page.matches(&format!("<td>{escaped}</td>")).count() >= 2,
        "the applicant and the comment: {page}"
    );
}

#[test]
fn the_file_is_self_contained_and_fetches_nothing() {
    let archive = Archive::judging().replace(
        "applications/P1.toml",
        "beneficiaries = [\"older adults\"]",
        "beneficiaries = [\"older adults\"]\nwebsite = \"https://p1.example.org/a?b=1&c=2\"",
    );
    let html = report(&archive, &[]);
    assert!(html.starts_with("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"));
    assert!(html.contains(
        r#"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
    ));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("section { break-before: page; }"));
    assert!(html.contains("tr { break-inside: avoid; }"));
    assert!(!html.to_lowercase().contains("<script"));
    assert!(!html.contains("src="), "nothing is loaded");
    assert!(!html.contains("url("), "nothing is loaded from the stylesheet");
    assert!(!html.contains("<link"), "no external stylesheet");
    // The one URL is the applicant's website, as a plain link on its page.
    let urls: Vec<&str> = html.match_indices("://").map(|(i, _)| &html[i - 5..i + 6]).collect();
    assert_eq!(urls, ["https://p1.", "https://p1."], "{html}");
    assert!(
        section(&html, "app-P1")
            .contains(r#"<a href="https://p1.example.org/a?b=1&amp;c=2">https://p1.example.org/a?b=1&amp;c=2</a>"#)
    );
    // The charts are inline SVG, drawn in black, white and grey only.
    assert!(html.contains("<svg class=\"chart\""));
    let fills: std::collections::BTreeSet<String> = attributes(&html, "fill").into_iter().collect();
    assert_eq!(fills, ["#444", "#ccc", "#fff"].map(String::from).into());
}

#[test]
fn every_section_is_there_and_the_contents_link_to_them() {
    let html = report(&Archive::judging(), &[]);
    let ids = attributes(&html, "id");
    for id in [
        "glance",
        "screening",
        "round-first",
        "round-final",
        "winners",
        "jury",
        "methods",
        "app-P1",
        "app-P2",
    ] {
        assert!(ids.iter().any(|x| x == id), "no id {id}: {ids:?}");
    }
    let links: Vec<String> = attributes(&html, "href")
        .into_iter()
        .filter_map(|h| h.strip_prefix('#').map(String::from))
        .collect();
    assert!(links.len() >= 9, "{links:?}");
    for link in &links {
        assert_eq!(
            ids.iter().filter(|x| *x == link).count(),
            1,
            "#{link} names one element"
        );
    }
    assert!(html.contains(r##"<a href="#round-final">Round: Final</a>"##));
}

#[test]
fn one_page_per_application_of_the_last_round() {
    // The final round of the fixture: P1 and P2 advanced (the top two of Projects; L1, with one
    // judge, was not ranked).
    let html = report(&Archive::judging(), &[]);
    let pages: Vec<String> = html
        .match_indices("<section class=\"finalist\" id=\"")
        .map(|(i, _)| html[i..].split('"').nth(3).unwrap().to_string())
        .collect();
    assert_eq!(pages, ["app-P1", "app-P2"]);
    // P1's page: each judge's criterion scores, total and the score's explanation, round by round.
    // T = 100 · (2/3 · (impact − 1)/9 + 1/3 · design/10): (10, 10) → 100, (10, 5) → 83.33,
    // (5.5, 5) → 50; the means 91.67 and 75.
    let page = section(&html, "app-P1");
    assert!(page.contains("First round (<code>first</code>, mean)"), "{page}");
    let judges: Vec<Vec<String>> = rows(page).into_iter().filter(|r| r.len() == 5).collect();
    assert_eq!(
        judges,
        [
            ["Judge A (ja)", "10", "10", "100.00", ""],
            ["Judge B (jb)", "10", "5", "83.33", ""],
            ["Judge A (ja)", "10", "10", "100.00", ""],
            ["Judge B (jb)", "5.5", "5", "50.00", ""],
        ]
        .map(|r| r.map(String::from).to_vec())
    );
    assert!(page.contains("Score: mean of 2 totals = 91.67"), "{page}");
    assert!(page.contains("Score: mean of 2 totals = 75.00"), "{page}");
    assert!(page.contains("Rank 1 of 2, tied."), "{page}");
}

#[test]
fn rounds_show_the_ranking_the_advance_line_and_the_stability_of_prize_stability() {
    let archive = Archive::judging();
    let html = report(&archive, &["--samples", "300", "--seed", "9"]);
    let first = section(&html, "round-first");
    // rank, id, title, applicant, country, score, judges, interval, probability. Scores by hand:
    // P1 (100 + 83.33)/2, P2 (50 + 100 + 83.33)/3, P3 and P4 (100·2/3 + 100·(1/2·2/3 + 1/3))/2,
    // P5 (T(1,0) = 0, T(5.5,5) = 50)/2.
    let ranking: Vec<Vec<String>> = rows(first).into_iter().map(|r| r[..7].to_vec()).collect();
    assert_eq!(
        ranking,
        [
            ["1 →", "P1", "Project P1", "Applicant P1", "KR", "91.67", "2"],
            ["2 →", "P2", "Project P2", "Applicant P2", "CO", "77.78", "3"],
            ["3=", "P3", "Project P3", "Applicant P3", "NL", "66.67", "2"],
            ["3=", "P4", "Project P4", "Applicant P4", "KR", "66.67", "2"],
            ["5", "P5", "Project P5", "Applicant P5", "PT", "25.00", "2"],
        ]
        .map(|r| r.map(String::from).to_vec())
    );
    // The advance line is under P2, the last of the two that advance.
    let line = first.find("advance-line").unwrap();
    assert!(first[line..].find("P2").unwrap() < first[line..].find("P3").unwrap());
    assert_eq!(first.matches("advance-line").count(), 1);
    // The interval and P(advance) are those of `prize stability` with the same samples and seed.
    let stability = json(
        &archive,
        &["stability", "--round", "first", "--samples", "300", "--seed", "9"],
    );
    for a in stability["applications"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap();
        let Some(cells) = rows(first).into_iter().find(|r| r[1] == id) else {
            continue;
        };
        let (lo, hi) = (a["rank_low"].as_u64().unwrap(), a["rank_high"].as_u64().unwrap());
        let interval = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        let p = format!("{:.1}%", 100.0 * a["p_advance"].as_f64().unwrap());
        assert_eq!(cells[7..], [interval, p], "{id}");
    }
    assert!(
        first.contains("Not ranked: L1 (insufficient-scores, 1 judge)"),
        "{first}"
    );
    // The last round shows each application's chance of an award instead.
    assert!(section(&html, "round-final").contains("P(any award)"));
}

#[test]
fn winners_name_each_award_its_winners_why_and_what_is_left_to_settle() {
    let html = report(&Archive::judging(), &[]);
    let winners = section(&html, "winners");
    // Gold: P1 and P2 tie at 75 for one place; P1 is the provisional winner, in id order.
    let gold = row(winners, "P1");
    assert_eq!(gold[..6], ["P1", "Project P1", "Applicant P1", "KR", "1", "75.00"]);
    assert_eq!(gold[6], "provisional: tied at the cutoff");
    assert!(winners.contains("Undecided — a tie to settle: </strong>P1, P2 are tied at the cutoff"));
    // The Corporate Prize has no corporation among the finalists; Leadership nobody ranked.
    assert_eq!(winners.matches("1 place unfilled.").count(), 2, "{winners}");
    assert!(
        winners.contains("P2 (applicant type city is not among corporation)"),
        "{winners}"
    );
}

#[test]
fn every_winner_of_the_sample_is_in_the_report_with_its_title() {
    let archive = sample();
    let html = report(&archive, &["--samples", "100"]);
    let winners = section(&html, "winners");
    let awards = json(&archive, &["winners"]);
    let mut n = 0;
    for award in awards["awards"].as_array().unwrap() {
        for w in award["winners"].as_array().unwrap() {
            let id = w["id"].as_str().unwrap();
            let list = json(&archive, &["list"]);
            let title = list["applications"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == id)
                .unwrap()["title"]
                .as_str()
                .unwrap()
                .to_string();
            let cells = row(winners, id);
            assert_eq!(cells[1], escaped(&title), "{id}");
            assert!(html.contains(&format!("id=\"app-{id}\"")), "{id} has its page");
            n += 1;
        }
    }
    assert!(n >= 10, "{n} winners");
    // The screening lists the sample's waiver, with its reason.
    let screening = section(&html, "screening");
    let waiver = row(screening, "SSCP-2026-0020");
    assert_eq!(
        waiver[2..],
        [
            "late-submission",
            "portal outage on 29 May, committee decision of 2 June"
        ]
    );
}

#[test]
fn the_screening_counts_each_track() {
    // One late application in Projects, and one whose lateness is waived; one in Leadership
    // with no project status (invalid, an error: exit 1, the report still written).
    let archive = Archive::judging()
        .edit("prize.toml", |t| {
            format!("{t}\n[eligibility]\ndeadline = 2026-05-29T18:00:00+09:00\n")
        })
        .replace(
            "applications/P5.toml",
            "submitted = 2026-05-20T14:03:00+09:00",
            "submitted = 2026-07-20T14:03:00+09:00",
        )
        .replace(
            "applications/P4.toml",
            "submitted = 2026-05-20T14:03:00+09:00",
            "submitted = 2026-07-20T14:03:00+09:00",
        )
        .edit("applications/P4.toml", |t| {
            format!("{t}\n[screening]\nwaive = [\"late-submission\"]\nwaive_reason = \"the portal was down\"\n")
        })
        .replace("applications/L1.toml", "status = \"operational\"\n", "");
    let out = run(archive.path(), &["report", "--out", "-", "--samples", "50"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    let screening = section(&out.stdout, "screening");
    let statuses = json(&archive, &["list"]);
    let count = |track: &str, status: &str| {
        statuses["applications"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|a| a["track"] == track && a["status"] == status)
            .count()
            .to_string()
    };
    assert_eq!(
        row(screening, "Projects"),
        ["Projects", "4", "1", "0", "late-submission 1"].map(String::from)
    );
    assert_eq!(count("projects", "ineligible"), "1");
    let leadership = row(screening, "Leadership");
    assert_eq!(leadership[1..4], ["0", "0", "1"].map(String::from), "{screening}");
    assert_eq!(count("leadership", "invalid"), "1");
    assert_eq!(
        row(screening, "P4"),
        ["P4", "Project P4", "late-submission", "the portal was down"].map(String::from)
    );
}

#[test]
fn the_jury_shows_the_judges_their_spread_and_the_agreement() {
    let html = report(&Archive::judging(), &[]);
    let jury = section(&html, "jury");
    // The final round: each judge gave 100 and 50, mean 75, sd 25; both judges alike, so each
    // leniency is 0 and each offset 0.
    assert_eq!(
        row(jury, "ja")[..7],
        ["ja", "Judge A", "2", "75.00", "25.00", "0.00", "0.00"].map(String::from)
    );
    // The spread chart on 0–100 over 300 units from x = 150: a line from 50 (x 300) to 100
    // (x 450), the mean 75 at x 375.
    assert!(
        jury.contains(r#"<line x1="300.0" y1="14.0" x2="450.0" y2="14.0""#),
        "{jury}"
    );
    assert!(jury.contains(r#"<circle cx="375.0" cy="14.0""#), "{jury}");
    // Interval α over the units P1 (100, 50) and P2 (50, 100), n = 4 values: D_o = (2·50² +
    // 2·50²)/4 = 2500; D_e = 8 ordered pairs of unequal values · 50² / (4·3) = 1666.67; α = 1 −
    // 2500/1666.67 = −0.5. Ordinal: two distinct values, so every distance is the same and α
    // is −0.5 too. Panel reliability of 2 judges: 2·(−0.5)/(1 − 0.5) = −2.
    let overall = row(jury, "all tracks");
    assert_eq!(
        overall[1..6],
        ["-0.50", "-0.50", "4", "2.00", "-2.00"].map(String::from)
    );
    assert!(jury.contains("<title>Each judge's leniency"));
    // Each leniency labelled as printed in the table: 0.00, with no sign.
    assert_eq!(jury.matches(r#"text-anchor="start">0.00</text>"#).count(), 2, "{jury}");
    assert!(!jury.contains("+0.00"));
}

#[test]
fn the_same_archive_gives_the_same_bytes_and_a_date_only_when_asked() {
    let archive = Archive::judging();
    let once = report(&archive, &[]);
    assert_eq!(once, report(&archive, &[]));
    assert!(!once.contains("<time"), "no date without --date");
    assert!(!once.contains("2026-"), "no date without --date");
    let dated = report(&archive, &["--date", "2026-09-30"]);
    assert!(dated.contains(r#"<p>Date: <time datetime="2026-09-30">2026-09-30</time></p>"#));
    for bad in [
        "2026-13-01",
        "30/09/2026",
        "2026-9-30",
        "2026-02-30",
        "2026-09-30T10:00",
    ] {
        let out = run(archive.path(), &["report", "--date", bad]);
        assert_eq!(out.code, 2, "{bad}: {}", out.stderr);
        assert!(out.stderr.contains("YYYY-MM-DD"), "{}", out.stderr);
    }
    assert!(!archive.join("report.html").exists());
    // The seed changes the stability figures, and only them.
    let other = report(&archive, &["--seed", "2"]);
    assert_ne!(once, other);
    assert_eq!(section(&once, "winners"), section(&other, "winners"));
}

fn files(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn the_report_is_written_atomically_to_the_archive_or_where_asked() {
    let archive = Archive::judging();
    let before = files(archive.path());
    let out = run(archive.path(), &["report", "--samples", "50"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let written: PathBuf = archive.join("report.html");
    assert!(out.stdout.contains("report.html"), "{}", out.stdout);
    let text = std::fs::read_to_string(&written).unwrap();
    assert!(text.contains("id=\"winners\""));
    let mut expected = before.clone();
    expected.push("report.html".to_string());
    expected.sort();
    assert_eq!(files(archive.path()), expected, "no temporary file left");
    // Again over the old one: replaced whole.
    let out = run(archive.path(), &["report", "--samples", "50", "--date", "2026-01-02"]);
    assert_eq!(out.code, 0);
    assert!(std::fs::read_to_string(&written).unwrap().contains("2026-01-02"));
    assert_eq!(files(archive.path()), expected);
    // --out elsewhere; `-` writes stdout only.
    let elsewhere = tempfile::tempdir().unwrap();
    let target = elsewhere.path().join("committee.html");
    let out = run(
        archive.path(),
        &["report", "--samples", "50", "--out", target.to_str().unwrap()],
    );
    assert_eq!(out.code, 0);
    assert_eq!(files(elsewhere.path()), ["committee.html"]);
    assert_eq!(std::fs::read_to_string(&target).unwrap(), text);
    let out = run(archive.path(), &["report", "--samples", "50", "--out", "-"]);
    assert_eq!(out.stdout, text);
    assert_eq!(files(archive.path()), expected);
}

#[test]
fn exit_codes_follow_the_other_commands() {
    // A prize.toml too broken to use: nothing written, exit 1.
    let broken = Archive::judging().replace("prize.toml", "[scoring]", "[scoring\n");
    let out = run(broken.path(), &["report"]);
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("no report is written"), "{}", out.stderr);
    assert!(!broken.join("report.html").exists());
    // The report is HTML only: another --format is a usage error.
    let archive = Archive::judging();
    let out = run(archive.path(), &["--format", "json", "report"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(!archive.join("report.html").exists());
    for samples in ["0", "1000001"] {
        assert_eq!(run(archive.path(), &["report", "--samples", samples]).code, 2);
    }
    // An undecided award is in the report, not an exit 1.
    let out = run(archive.path(), &["report", "--samples", "20", "--out", "-"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
}

#[test]
fn snapshot_of_the_judging_fixture() {
    let html = report(&Archive::judging(), &["--date", "2026-09-30"]);
    // One line per block, so that a change reads as a small diff.
    let mut lines = html.clone();
    for tag in [
        "<section", "<h1", "<h2", "<h3", "<p", "<table", "<tr", "<svg", "<li", "<line", "<rect", "<text", "<circle",
    ] {
        lines = lines.replace(tag, &format!("\n{tag}"));
    }
    insta::assert_snapshot!(lines);
}

#[test]
fn a_last_round_without_scores_yet_is_reported_as_such() {
    // The final has no sheet yet: P1 and P2 compete in it with no score, no judge has a total.
    let archive = Archive::judging().remove("scores/final");
    let html = report(&archive, &[]);
    let last = section(&html, "round-final");
    assert_eq!(last.matches("No application ranked.").count(), 2, "{last}");
    assert!(section(&html, "app-P1").contains("<p>No score.</p>"));
    assert!(section(&html, "jury").contains("No judge has a total in this round."));
    let winners = section(&html, "winners");
    assert_eq!(winners.matches("1 place unfilled.").count(), 3, "{winners}");
}
