//! `prize winners`' result: every award decided from the last round, and what to tell the
//! organiser when a tie decides an award.

use crate::award::{self, Decision};
use crate::diagnostics::escape::escape;
use crate::load::Archive;
use crate::model::config::{Config, Round};
use crate::ranking::RoundResult;

/// The awards decided from the last round, with what their renderers name.
pub struct Awarded<'a> {
    /// The archive the winners come from.
    pub archive: &'a Archive,
    /// Its configuration.
    pub config: &'a Config,
    /// The last round.
    pub round: &'a Round,
    /// The last round's method.
    pub method: &'a str,
    /// Each award's decision, in prize.toml order.
    pub decisions: Vec<Decision>,
}

impl Awarded<'_> {
    /// Whether an award is left undecided (a tie at its cutoff, a problem with its picks).
    pub fn undecided(&self) -> bool {
        self.decisions.iter().any(Decision::undecided)
    }
}

/// Decides every award from the last of the judged `rounds`; `None` without rounds.
pub fn of<'a>(archive: &'a Archive, config: &'a Config, rounds: &'a [RoundResult]) -> Option<Awarded<'a>> {
    let result = rounds.last()?;
    Some(Awarded {
        archive,
        config,
        round: &config.rounds[config.rounds.len().saturating_sub(1)],
        method: &result.method,
        decisions: award::decide(archive, config, result),
    })
}

/// What to tell the organiser when an award is tied at its cutoff.
pub fn tie_advice(archive: &Archive, config: &Config, decision: &Decision) -> String {
    let award = &config.awards[decision.award];
    let ids: Vec<String> = decision
        .tie_at_cutoff
        .iter()
        .map(|&a| format!("\"{}\"", escape(&archive.applications[a].id)))
        .collect();
    let mut order: Vec<String> = config
        .scoring
        .jury_order
        .iter()
        .map(|j| format!("\"{}\"", escape(&j.value)))
        .collect();
    order.extend(ids.iter().cloned());
    let provisional: Vec<std::borrow::Cow<'_, str>> = decision
        .winners
        .iter()
        .filter(|w| decision.tie_at_cutoff.contains(&w.application))
        .map(|w| escape(&archive.applications[w.application].id))
        .collect();
    format!(
        "{} is undecided: {} are tied at its cutoff (provisional winner{}: {}).\n\
         To settle it, record the jury's order of the tied applications in prize.toml, best first:\n\n    \
         [scoring]\n    jury_order = [{}]\n",
        escape(&award.name),
        ids.join(", "),
        if provisional.len() == 1 { "" } else { "s" },
        provisional.join(", "),
        order.join(", ")
    )
}
