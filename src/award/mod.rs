//! Deciding the awards (spec section 6) from the last round's ranking of each award's track.

use std::collections::HashMap;

use crate::load::Archive;
use crate::model::Status;
use crate::model::config::{Award, Config};
use crate::ranking::RoundResult;
use crate::ranking::order::Placed;

/// One winner of an award.
#[derive(Clone, Debug, PartialEq)]
pub struct Winner {
    /// Index of the application in the archive.
    pub application: usize,
    /// Its rank in the track (`None` for a committee pick that is not ranked).
    pub rank: Option<usize>,
    /// Its score (`None` likewise).
    pub score: Option<f64>,
}

/// Why an application ranked above the cutoff did not win this award.
#[derive(Clone, Debug, PartialEq)]
pub struct PassedOver {
    /// Index of the application.
    pub application: usize,
    /// Why, in words.
    pub reason: String,
}

/// The decision on one award.
#[derive(Clone, Debug, PartialEq)]
pub struct Decision {
    /// Index of the award in prize.toml.
    pub award: usize,
    /// The winners, in ranking order (picks in the committee's order).
    pub winners: Vec<Winner>,
    /// Places left empty.
    pub unfilled: usize,
    /// Applications tied at the cutoff (empty when the award is decided).
    pub tie_at_cutoff: Vec<usize>,
    /// Applications walked past, and why.
    pub passed_over: Vec<PassedOver>,
    /// Problems with the committee's picks (unknown, not eligible, already a winner).
    pub pick_problems: Vec<PickProblem>,
}

impl Decision {
    /// A decision on award `a` with nothing decided yet.
    fn empty(a: usize) -> Decision {
        Decision {
            award: a,
            winners: Vec::new(),
            unfilled: 0,
            tie_at_cutoff: Vec::new(),
            passed_over: Vec::new(),
            pick_problems: Vec::new(),
        }
    }

    /// Whether the award could not be decided (a tie at its cutoff, or bad picks).
    pub fn undecided(&self) -> bool {
        !self.tie_at_cutoff.is_empty() || !self.pick_problems.is_empty()
    }
}

/// The awards decided so far.
#[derive(Default)]
struct Standing {
    /// Application → the award it won.
    won: HashMap<usize, usize>,
    /// Country → awards won.
    per_country: HashMap<String, usize>,
}

/// Decides every award, in prize.toml order, from the last round's result.
pub fn decide(archive: &Archive, config: &Config, last: &RoundResult) -> Vec<Decision> {
    decide_with::<fn(&mut [usize])>(archive, config, last, None)
}

/// Decides every award as [`decide`] does, except that a tie at an award's cutoff is settled
/// by the order `settle` puts the set G in (it gets G in id order and reorders it in place):
/// the places G fills go to its members in that order, each still subject to the award's
/// limits. The decision still names G under `tie_at_cutoff`. What `prize stability` needs to
/// settle a tie by a random order in each sample.
pub fn decide_settled(
    archive: &Archive,
    config: &Config,
    last: &RoundResult,
    settle: &mut impl FnMut(&mut [usize]),
) -> Vec<Decision> {
    decide_with(archive, config, last, Some(settle))
}

fn decide_with<S: FnMut(&mut [usize])>(
    archive: &Archive,
    config: &Config,
    last: &RoundResult,
    mut settle: Option<&mut S>,
) -> Vec<Decision> {
    let mut standing = Standing::default();
    let mut decisions = Vec::new();
    for (a, award) in config.awards.iter().enumerate() {
        let decision = match &award.picks {
            Some(picks) => picks_decision(archive, config, last, a, award, picks, &standing.won),
            None => ranked_decision(archive, config, last, a, award, &standing, settle.as_deref_mut()),
        };
        for w in &decision.winners {
            standing.won.insert(w.application, a);
            *standing
                .per_country
                .entry(archive.applications[w.application].country().to_string())
                .or_default() += 1;
        }
        decisions.push(decision);
    }
    decisions
}

/// A committee's pick that cannot be taken.
#[derive(Clone, Debug, PartialEq)]
pub struct PickProblem {
    /// The id as the pick writes it.
    pub pick: String,
    /// The application it names, when it names one.
    pub application: Option<usize>,
    /// What is wrong with it, in words that follow "pick `ID` ".
    pub reason: String,
}

impl PickProblem {
    /// The problem in one sentence: "pick `L1` is ineligible".
    pub fn message(&self) -> String {
        format!("pick `{}` {}", self.pick, self.reason)
    }
}

fn picks_decision(
    archive: &Archive,
    config: &Config,
    last: &RoundResult,
    a: usize,
    award: &Award,
    picks: &[crate::load::fields::Sp<String>],
    won: &HashMap<usize, usize>,
) -> Decision {
    let mut decision = Decision::empty(a);
    for pick in picks {
        let app = archive.applications.iter().position(|x| x.id == pick.value);
        let problem = |reason: String| PickProblem {
            pick: pick.value.clone(),
            application: app,
            reason,
        };
        let Some(app) = app else {
            decision
                .pick_problems
                .push(problem("is not an application".to_string()));
            continue;
        };
        let status = archive.applications[app].status;
        if status != Status::Eligible {
            decision.pick_problems.push(problem(format!("is {}", status.as_str())));
            continue;
        }
        if let Some(&other) = won.get(&app) {
            decision
                .pick_problems
                .push(problem(format!("has already won {}", config.awards[other].name)));
            continue;
        }
        // Taking one application twice would fill two places with it; the repeat is more
        // likely a slip for another id than a wish, so it is a problem, not silently dropped.
        if decision.winners.iter().any(|w| w.application == app) {
            decision.pick_problems.push(problem("is picked twice".to_string()));
            continue;
        }
        let placed = last
            .groups
            .iter()
            .flat_map(|g| &g.ranking)
            .find(|p| p.candidate.application == app);
        decision.winners.push(Winner {
            application: app,
            rank: placed.map(|p| p.rank),
            score: placed.map(|p| p.candidate.score),
        });
    }
    decision.unfilled = award.count.map_or(0, |c| c.saturating_sub(decision.winners.len()));
    decision
}

/// Why `app` may not take this award now, if it may not.
fn barred(
    archive: &Archive,
    config: &Config,
    award: &Award,
    app: usize,
    score: f64,
    standing: &Standing,
    taken: &[Winner],
) -> Option<String> {
    let (won, per_country) = (&standing.won, &standing.per_country);
    let a = &archive.applications[app];
    if let Some(&other) = won.get(&app) {
        return Some(format!("already won {}", config.awards[other].name));
    }
    if let Some(types) = award
        .applicant_types
        .as_ref()
        .filter(|t| !t.iter().any(|x| x == a.type_id()))
    {
        return Some(format!(
            "applicant type {} is not among {}",
            a.type_id(),
            types.join(", ")
        ));
    }
    if let Some(sectors) = award.sectors.as_ref().filter(|s| !s.iter().any(|x| x == a.sector_id())) {
        return Some(format!("sector {} is not among {}", a.sector_id(), sectors.join(", ")));
    }
    if let Some(min) = award.min_score.filter(|m| !crate::score::ge(score, *m)) {
        return Some(format!("score {score:.2} is below the award's min_score {min}"));
    }
    let country = a.country();
    if let Some(max) = award.max_per_country {
        let here = taken
            .iter()
            .filter(|w| archive.applications[w.application].country() == country)
            .count();
        if here >= max {
            return Some(format!(
                "the award already has {here} winner(s) from {country} (max_per_country = {max})"
            ));
        }
    }
    if let Some(max) = config.winners.max_per_country {
        let overall = per_country.get(country).copied().unwrap_or(0)
            + taken
                .iter()
                .filter(|w| archive.applications[w.application].country() == country)
                .count();
        if overall >= max {
            return Some(format!(
                "{country} already has {overall} award(s) ([winners] max_per_country = {max})"
            ));
        }
    }
    None
}

fn ranked_decision<S: FnMut(&mut [usize])>(
    archive: &Archive,
    config: &Config,
    last: &RoundResult,
    a: usize,
    award: &Award,
    standing: &Standing,
    settle: Option<&mut S>,
) -> Decision {
    let count = award.count.unwrap_or(0);
    let mut decision = Decision::empty(a);
    let ranking = last
        .groups
        .iter()
        .find(|g| Some(&g.track) == award.track.as_ref())
        .map_or(&[][..], |g| g.ranking.as_slice());
    let bar = |p: &Placed, taken: &[Winner]| {
        barred(
            archive,
            config,
            award,
            p.candidate.application,
            p.candidate.score,
            standing,
            taken,
        )
    };
    for p in ranking {
        let full = decision.winners.len() == count;
        // Once every place is taken the walk goes on through the last winner's rank only, so
        // that explain can say why the tied ones that were not taken were skipped.
        if full && decision.winners.last().and_then(|w| w.rank) != Some(p.rank) {
            break;
        }
        if let Some(why) = bar(p, &decision.winners) {
            decision.passed_over.push(PassedOver {
                application: p.candidate.application,
                reason: why,
            });
            continue;
        }
        if !full {
            // Tied applications are listed by id, so the provisional winners of a tie are
            // taken in id order.
            decision.winners.push(Winner {
                application: p.candidate.application,
                rank: Some(p.rank),
                score: Some(p.candidate.score),
            });
        }
    }
    decision.tie_at_cutoff = tie_at_cutoff(ranking, &decision.winners, bar);
    if let Some(settle) = settle.filter(|_| !decision.tie_at_cutoff.is_empty()) {
        let mut order = decision.tie_at_cutoff.clone();
        settle(&mut order);
        // G is the rank of the last winner: the winners before it stay, G's places are
        // taken again in the settled order.
        let r = decision.winners.last().and_then(|w| w.rank);
        let before = decision.winners.iter().take_while(|w| w.rank != r).count();
        decision.winners.truncate(before);
        for app in order {
            if decision.winners.len() == count {
                break;
            }
            let Some(p) = ranking.iter().find(|p| p.candidate.application == app) else {
                continue;
            };
            if bar(p, &decision.winners).is_none() {
                decision.winners.push(Winner {
                    application: app,
                    rank: Some(p.rank),
                    score: Some(p.candidate.score),
                });
            }
        }
    }
    decision.unfilled = count.saturating_sub(decision.winners.len());
    decision
}

/// The set G of section 6 when it makes the award undecided, else nothing: with r the rank of
/// the last winner taken, every application of rank r that `bar` lets through with the
/// winners taken before rank r (the limits as they stood before any of G was taken). Judging
/// G with those limits, not the final ones, is what shows a tie that a country limit would
/// hide: of two tied applicants of one country for a limit of one, the second taken would
/// be barred only by the first.
fn tie_at_cutoff(
    ranking: &[Placed],
    winners: &[Winner],
    bar: impl Fn(&Placed, &[Winner]) -> Option<String>,
) -> Vec<usize> {
    let Some(r) = winners.last().and_then(|w| w.rank) else {
        return Vec::new();
    };
    // The walk is in rank order, so the winners before rank r come first.
    let before = winners.iter().take_while(|w| w.rank != Some(r)).count();
    let taken_from_g = winners.len() - before;
    let g: Vec<usize> = ranking
        .iter()
        .filter(|p| p.rank == r && bar(p, &winners[..before]).is_none())
        .map(|p| p.candidate.application)
        .collect();
    if g.len() > taken_from_g { g } else { Vec::new() }
}
