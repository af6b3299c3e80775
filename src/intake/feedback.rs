//! `prize feedback`: one Markdown letter per application, from the judged archive: its title,
//! its outcome, the mean of each criterion over its judges on the criterion's own scale, and the
//! judges' comments, anonymised.
//!
//! No judge is named: comments are signed "Reviewer 1", "Reviewer 2", ... in an order that
//! cannot be traced back to a judge (see [`reviewer_order`]), and a judge's id or name written
//! inside a comment is replaced by `[a reviewer]`.

use std::io;
use std::path::Path;

use crate::award::{self, Decision};
use crate::diagnostics::codes;
use crate::diagnostics::escape::escape;
use crate::jury::atomic;
use crate::load::Archive;
use crate::load::application::is_application_id;
use crate::model::Status;
use crate::model::config::Config;
use crate::model::status::reasons;
use crate::ranking::RoundResult;
use crate::report::explanation::fmt;

/// The folder letters go to by default, below the archive root.
pub const FEEDBACK_DIR: &str = "feedback";

/// An application's outcome, as the letter states it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The application has errors, so it was not assessed.
    Invalid,
    /// It fails eligibility rules: what each says.
    Ineligible(Vec<String>),
    /// Eligible, but no round has judged it yet.
    Eligible,
    /// It competed in a round and did not go on (the round's name).
    NotShortlisted(String),
    /// It competed in the last round and won nothing.
    Finalist,
    /// It is in the tie at the cutoff of these awards (their names) and is not among their
    /// provisional winners: until the committee settles the tie, it may still win.
    Tied(Vec<String>),
    /// It won these awards (their names); `provisional` while a tie at a cutoff is unsettled.
    Won {
        /// The awards' names.
        awards: Vec<String>,
        /// Whether a tie still decides it.
        provisional: bool,
    },
}

impl Outcome {
    /// The word scripts see.
    pub fn as_str(&self) -> &'static str {
        match self {
            Outcome::Invalid => "invalid",
            Outcome::Ineligible(_) => "ineligible",
            Outcome::Eligible => "eligible",
            Outcome::NotShortlisted(_) => "not-shortlisted",
            Outcome::Finalist => "finalist",
            Outcome::Tied(_) => "tied",
            Outcome::Won { .. } => "award",
        }
    }
}

/// One letter.
#[derive(Clone, Debug)]
pub struct Letter {
    /// The application id.
    pub id: String,
    /// The file name (`<id>.md`).
    pub name: String,
    /// The outcome the letter states.
    pub outcome: Outcome,
    /// The round whose scores and comments it gives, if the application competed in it.
    pub round: Option<String>,
    /// How many judges' scores it gives.
    pub reviewers: usize,
    /// The Markdown.
    pub text: String,
}

/// The letters written.
#[derive(Clone, Debug, Default)]
pub struct Letters {
    /// Where they were written, as shown to the user.
    pub dir: String,
    /// One per application that has a usable id, in archive order.
    pub letters: Vec<Letter>,
    /// Applications left without a letter, and why.
    pub skipped: Vec<(String, String)>,
}

/// The letters of every application. `round`: the round whose scores each letter gives
/// (default: the last round the application competed in).
pub fn letters(archive: &Archive, config: &Config, rounds: &[RoundResult], round: Option<usize>) -> Letters {
    // A round is judged once it has a score sheet (as `prize rank` sees it): before that, no
    // letter may say that an application lost in it, or won nothing.
    let judged = |r: &RoundResult| {
        let id = config.rounds[r.round].id.as_str();
        archive.sheets.iter().any(|s| s.round == id)
    };
    let decisions = rounds
        .last()
        .filter(|last| last.round + 1 == config.rounds.len() && judged(last))
        .map(|last| award::decide(archive, config, last))
        .unwrap_or_default();
    let redact = Redactor::new(archive);
    let mut out = Letters::default();
    let mut seen = std::collections::HashSet::new();
    for (i, app) in archive.applications.iter().enumerate() {
        if !is_application_id(&app.id) {
            out.skipped
                .push((app.id.clone(), "its id cannot be a file name".to_string()));
            continue;
        }
        if !seen.insert(app.id.as_str()) {
            out.skipped.push((
                app.id.clone(),
                format!("another application has the id; see {}", app.file),
            ));
            continue;
        }
        let competed: Option<usize> = rounds.iter().rposition(|r| r.competing.contains(&i));
        let assessed = rounds.iter().rposition(|r| r.competing.contains(&i) && judged(r));
        let outcome = outcome(archive, config, rounds, &decisions, i, assessed);
        let shown = round.or(competed).and_then(|r| rounds.get(r));
        let (text, reviewers) = letter(archive, config, shown, i, &outcome, &redact);
        out.letters.push(Letter {
            id: app.id.clone(),
            name: format!("{}.md", app.id),
            outcome,
            round: shown
                .filter(|r| r.competing.contains(&i))
                .map(|r| config.rounds[r.round].id.clone()),
            reviewers,
            text,
        });
    }
    out
}

fn outcome(
    archive: &Archive,
    config: &Config,
    rounds: &[RoundResult],
    decisions: &[Decision],
    i: usize,
    assessed: Option<usize>,
) -> Outcome {
    let app = &archive.applications[i];
    match app.status {
        Status::Invalid => return Outcome::Invalid,
        Status::Ineligible => {
            let why = reasons(&app.findings, app.status)
                .iter()
                .map(|code| reason(config, code))
                .collect();
            return Outcome::Ineligible(why);
        }
        Status::Eligible => {}
    }
    // The last round with score sheets it competed in.
    let Some(r) = assessed else {
        return Outcome::Eligible;
    };
    if r + 1 < config.rounds.len() {
        // Sent on from a round before the last: the next round has no score sheet yet.
        if rounds[r].advanced.contains(&i) {
            return Outcome::Eligible;
        }
        return Outcome::NotShortlisted(config.rounds[r].name.clone());
    }
    let won: Vec<&Decision> = decisions
        .iter()
        .filter(|d| d.winners.iter().any(|w| w.application == i))
        .collect();
    // Tied at an award's cutoff without being taken (provisional winners go in id order).
    let tied: Vec<&Decision> = decisions
        .iter()
        .filter(|d| d.tie_at_cutoff.contains(&i) && !d.winners.iter().any(|w| w.application == i))
        .collect();
    if won.is_empty() {
        if !tied.is_empty() {
            return Outcome::Tied(tied.iter().map(|d| config.awards[d.award].name.clone()).collect());
        }
        return Outcome::Finalist;
    }
    Outcome::Won {
        awards: won.iter().map(|d| config.awards[d.award].name.clone()).collect(),
        provisional: !tied.is_empty()
            || won
                .iter()
                .any(|d| !d.tie_at_cutoff.is_empty() || !d.pick_problems.is_empty()),
    }
}

/// What an eligibility code means, in words an applicant reads: the rule's own message for a
/// custom rule, the code's summary for a built-in one. Never a finding's message, which may name
/// another application's file.
fn reason(config: &Config, code: &str) -> String {
    if let Some(rule) = config.rules.iter().find(|r| r.id == code) {
        return rule.message.clone();
    }
    codes::find(code).map_or_else(|| code.to_string(), |c| c.summary.to_string())
}

/// The order of the reviewers' comments in a letter: by a hash (64-bit FNV-1a) of the
/// application id and the comment itself, then the comment. It rests on nothing but what the
/// letter shows: ordering by anything about the judge (id, name, roster place, even a hash of
/// the id) would let whoever can list or guess the judges work out which of them wrote which
/// comment, and a judge's fixed place would link their comments across letters. The same
/// archive gives the same order, so the letters come out byte-identical on every run.
pub fn reviewer_order(application: &str, comments: &mut [String]) {
    comments.sort_by_cached_key(|comment| {
        (
            fnv1a(&[application.as_bytes(), b"\0", comment.as_bytes()]),
            comment.clone(),
        )
    });
}

fn fnv1a(parts: &[&[u8]]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in parts.iter().flat_map(|p| p.iter()) {
        hash ^= u64::from(*byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// Replaces every judge's id and name written in a comment, as whole words and ignoring case.
struct Redactor(Option<regex::Regex>);

impl Redactor {
    fn new(archive: &Archive) -> Redactor {
        let mut words: Vec<String> = Vec::new();
        for judge in archive.roster.iter().flat_map(|r| &r.judges) {
            for word in [&judge.id, &judge.name] {
                let word = word.trim();
                if word.chars().count() < 2 {
                    continue;
                }
                let edge = |c: Option<char>| {
                    if c.is_some_and(char::is_alphanumeric) {
                        r"\b"
                    } else {
                        ""
                    }
                };
                words.push(format!(
                    "{}{}{}",
                    edge(word.chars().next()),
                    regex::escape(word),
                    edge(word.chars().last())
                ));
            }
        }
        // Longer first, so that a name wins over an id inside it.
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        words.dedup();
        let pattern = format!("(?i)(?:{})", words.join("|"));
        Redactor((!words.is_empty()).then(|| regex::Regex::new(&pattern).ok()).flatten())
    }

    fn apply<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        match &self.0 {
            Some(re) => re.replace_all(text, "[a reviewer]"),
            None => std::borrow::Cow::Borrowed(text),
        }
    }
}

/// A text from the archive inside a Markdown line: controls escaped, and the characters that
/// would end a table cell or start markup taken literally.
fn md(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in escape(s).chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

fn letter(
    archive: &Archive,
    config: &Config,
    round: Option<&RoundResult>,
    i: usize,
    outcome: &Outcome,
    redact: &Redactor,
) -> (String, usize) {
    let app = &archive.applications[i];
    let mut t = String::new();
    let edition = format!("{} {}", config.name, config.edition);
    t.push_str(&format!("# {}: feedback\n\n", md(edition.trim())));
    t.push_str(&format!(
        "**{}**  \n",
        md(app.title.as_deref().unwrap_or("(untitled application)"))
    ));
    let track = config
        .track(app.track_id())
        .map_or(app.track_id().to_string(), |t| t.name.clone());
    let mut about = format!("Application {}", md(&app.id));
    if !track.is_empty() {
        about.push_str(&format!(", {}", md(&track)));
    }
    if let Some(name) = &app.applicant.name {
        about.push_str(&format!(", submitted by {}", md(name)));
    }
    t.push_str(&format!("{about}\n\n## Outcome\n\n"));
    let sentence = match outcome {
        Outcome::Invalid => {
            "The application could not be assessed: its file has errors that the secretariat must correct.".to_string()
        }
        Outcome::Ineligible(why) => {
            let mut s = "The application was found ineligible:\n".to_string();
            for w in why {
                s.push_str(&format!("\n- {}", md(w)));
            }
            s
        }
        Outcome::Eligible => "The application is eligible; its assessment is not finished.".to_string(),
        Outcome::NotShortlisted(round) => format!(
            "The application was assessed in the {} and was not shortlisted for the next round.",
            md(round)
        ),
        Outcome::Finalist if config.rounds.len() > 1 => "The application was a finalist.".to_string(),
        Outcome::Finalist => "The application was assessed and did not win an award.".to_string(),
        Outcome::Tied(awards) => {
            let names: Vec<String> = awards.iter().map(|a| md(a)).collect();
            let finalist = if config.rounds.len() > 1 {
                "was a finalist and "
            } else {
                ""
            };
            format!(
                "The application {finalist}is tied for the {} with other applications: the committee has still \
                 to settle the tie.",
                names.join(" and the ")
            )
        }
        Outcome::Won { awards, provisional } => {
            let names: Vec<String> = awards.iter().map(|a| md(a)).collect();
            let finalist = if config.rounds.len() > 1 {
                "was a finalist and "
            } else {
                ""
            };
            let mut s = format!("The application {finalist}won the {}.", names.join(" and the "));
            if *provisional {
                s.push_str(" (Provisional: the committee has still to settle a tie.)");
            }
            s
        }
    };
    t.push_str(&sentence);
    t.push('\n');
    let Some(result) = round else {
        return (t, 0);
    };
    let Some(p) = result.competing.iter().position(|&a| a == i) else {
        t.push_str(&format!(
            "\nThe application did not compete in the {}.\n",
            md(&config.rounds[result.round].name)
        ));
        return (t, 0);
    };
    // The totals (by index) of the application's judges; nothing below depends on who they are.
    let judged: Vec<usize> = result
        .totals
        .totals
        .iter()
        .enumerate()
        .filter(|(_, total)| total.application == p)
        .map(|(k, _)| k)
        .collect();
    if judged.is_empty() {
        t.push_str(&format!(
            "\nNo reviewer's scores are recorded for it in the {}.\n",
            md(&config.rounds[result.round].name)
        ));
        return (t, 0);
    }
    let n = judged.len();
    let scores: Vec<&Vec<f64>> = judged
        .iter()
        .filter_map(|k| {
            let (s, r) = result.sources[*k];
            archive.sheets[s].rows[r].scores.as_ref()
        })
        .collect();
    t.push_str(&format!(
        "\n## Scores in the {}\n\nEach criterion's mean over the {n} reviewer{}, on the criterion's own scale.\n\n",
        md(&config.rounds[result.round].name),
        if n == 1 { "" } else { "s" }
    ));
    t.push_str("| Criterion | Mean | Scale |\n| --- | ---: | --- |\n");
    for (c, criterion) in config.criteria.iter().enumerate() {
        // Summed in order of value, so that not even the last bit depends on the judges' order.
        let mut values: Vec<f64> = scores.iter().filter_map(|s| s.get(c).copied()).collect();
        values.sort_by(f64::total_cmp);
        let mean = (!values.is_empty()).then(|| values.iter().sum::<f64>() / values.len() as f64);
        t.push_str(&format!(
            "| {} | {} | {} to {} |\n",
            md(&criterion.name),
            mean.filter(|m| m.is_finite()).map_or("–".to_string(), fmt),
            crate::diagnostics::number(criterion.min),
            crate::diagnostics::number(criterion.max)
        ));
    }
    let mut comments: Vec<String> = judged
        .iter()
        .map(|k| {
            let (s, r) = result.sources[*k];
            redact.apply(archive.sheets[s].rows[r].comment.trim()).into_owned()
        })
        .filter(|c| !c.is_empty())
        .collect();
    reviewer_order(&app.id, &mut comments);
    if !comments.is_empty() {
        t.push_str("\n## Reviewers' comments\n");
        for (k, comment) in comments.iter().enumerate() {
            t.push_str(&format!("\n**Reviewer {}**\n\n", k + 1));
            for line in comment.lines() {
                let line = escape(line.trim_end());
                if line.is_empty() {
                    t.push_str(">\n");
                } else {
                    t.push_str(&format!("> {line}\n"));
                }
            }
        }
    }
    (t, n)
}

/// Writes the letters into `dir` (created when missing), each file atomically.
pub fn write(dir: &Path, letters: &Letters) -> io::Result<()> {
    let paths: Vec<(std::path::PathBuf, &[u8])> = letters
        .letters
        .iter()
        .map(|l| (dir.join(&l.name), l.text.as_bytes()))
        .collect();
    let files: Vec<(&Path, &[u8])> = paths.iter().map(|(p, b)| (p.as_path(), *b)).collect();
    atomic::write_all_atomic(dir, &files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reviewers_are_ordered_by_what_they_wrote() {
        let comments = || -> Vec<String> { (0..6).map(|k| format!("comment {k}")).collect() };
        let mut orders = std::collections::HashSet::new();
        for app in ["A-1", "A-2", "A-3", "A-4", "A-5"] {
            let mut order = comments();
            reviewer_order(app, &mut order);
            let mut again = comments();
            again.reverse();
            reviewer_order(app, &mut again);
            assert_eq!(
                order, again,
                "the order depends only on the application and the comments"
            );
            orders.insert(order);
        }
        assert!(orders.len() > 1, "every letter would list the comments in one order");
    }

    #[test]
    fn markdown_text_is_taken_literally() {
        assert_eq!(md("a|b *c* #1"), "a\\|b \\*c\\* \\#1");
        assert_eq!(md("bell\u{7}"), "bell\\\\u{7}");
    }
}
