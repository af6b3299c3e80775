//! Planning: who applies, when, and what is wrong with it, before any text is written.

use std::collections::{BTreeMap, BTreeSet};

use jiff::Timestamp;

use crate::command_line::PresetSpec;
use crate::random::SplitMix64;
use crate::text::{fold_key, respell, slug, strip_accents};
use crate::world::{
    CITIES, COMPANY_PREFIXES, COMPANY_ROOTS, Culture, GENERAL_INSTITUTIONS, ROLES_CITY, ROLES_OTHER, SECTORS,
};

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    City,
    Institution,
    Corporation,
    Individual,
}

impl Kind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Institution => "institution",
            Kind::Corporation => "corporation",
            Kind::Individual => "individual",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Planned,
    Pilot,
    Operational,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Pilot => "pilot",
            Status::Operational => "operational",
        }
    }
}

/// The screening problem planted in an application, if any.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reality {
    Clean,
    Late,
    LateWaived,
    Planned,
    TooShort,
    Rejected,
    /// The earlier of a duplicate pair: stays eligible.
    DuplicateFirst,
    /// The later of a duplicate pair: `duplicate-applicant`.
    DuplicateLater,
}

#[derive(Clone)]
pub(crate) struct Person {
    pub(crate) given: &'static str,
    family: &'static str,
    /// Initials, set only to tell apart people who would otherwise share a name.
    middle: String,
    family_first: bool,
}

impl Person {
    pub(crate) fn full_name(&self) -> String {
        if self.family_first {
            format!("{} {}", self.family, self.given)
        } else if self.middle.is_empty() {
            format!("{} {}", self.given, self.family)
        } else {
            format!("{} {} {}", self.given, self.middle, self.family)
        }
    }

    pub(crate) fn email_local(&self) -> String {
        format!("{}.{}", slug(self.given, 30), slug(self.family, 30))
    }

    /// The family name without Malay "bin"/"binti", for ids.
    pub(crate) fn surname(&self) -> &'static str {
        self.family
            .strip_prefix("binti ")
            .or_else(|| self.family.strip_prefix("bin "))
            .unwrap_or(self.family)
    }
}

fn random_person(rng: &mut SplitMix64, culture: &'static Culture) -> Person {
    let female = rng.chance(50);
    let given = *rng.pick(if female { culture.female } else { culture.male });
    let f = rng.below(culture.family.len());
    let family = if female && !culture.family_female.is_empty() {
        culture.family_female[f]
    } else {
        culture.family[f]
    };
    Person {
        given,
        family,
        middle: String::new(),
        family_first: culture.family_first,
    }
}

/// A person from `culture` whose name `free` accepts. Only very large samples
/// run out of plain names; their people get middle initials.
pub(crate) fn unique_person(
    rng: &mut SplitMix64,
    culture: &'static Culture,
    mut free: impl FnMut(&str) -> bool,
) -> Person {
    let mut tries = 0;
    loop {
        let mut person = random_person(rng, culture);
        if tries >= 8 {
            let letters = if tries >= 100 { 2 } else { 1 };
            person.family_first = false;
            person.middle = (0..letters)
                .map(|_| format!("{}.", char::from(*rng.pick(b"ABCDEFGHIJKLMNOPRSTUVWZ"))))
                .collect::<Vec<_>>()
                .join(" ");
        }
        if free(&person.full_name()) {
            return person;
        }
        tries += 1;
    }
}

/// One application before its text is written.
pub(crate) struct Plan {
    pub(crate) track: usize,
    pub(crate) sector: usize,
    pub(crate) kind: Kind,
    pub(crate) city: usize,
    pub(crate) name: String,
    /// `applicant.city`.
    pub(crate) home: &'static str,
    pub(crate) organization: Option<String>,
    pub(crate) person: Option<Person>,
    pub(crate) role: Option<&'static str>,
    /// Seconds since the Unix epoch.
    pub(crate) submitted: i64,
    /// Written in Korea time (as the portal records it) rather than the applicant's own.
    pub(crate) korea_time: bool,
    pub(crate) status: Status,
    pub(crate) started: Option<(i32, i32, i32)>,
    pub(crate) reality: Reality,
}

/// Applicants already taken, per track and country, compared as `prize` does.
#[derive(Default)]
pub(crate) struct Registry {
    taken: BTreeSet<String>,
    /// The next number to try after a numbered base name.
    next: BTreeMap<String, usize>,
}

impl Registry {
    fn key(track: &str, country: &str, name: &str) -> String {
        format!("{track}\u{1f}{country}\u{1f}{}", fold_key(name))
    }

    pub(crate) fn claim(&mut self, track: &str, country: &str, name: &str) -> bool {
        self.taken.insert(Self::key(track, country, name))
    }

    /// Claims `base` followed by the first free number from 2 on.
    fn claim_numbered(&mut self, track: &str, country: &str, base: &str) -> String {
        let next = self.next.entry(Self::key(track, country, base)).or_insert(2);
        loop {
            let name = format!("{base} {next}");
            *next += 1;
            if self.taken.insert(Self::key(track, country, &name)) {
                return name;
            }
        }
    }
}

/// The edition's window in seconds since the Unix epoch.
pub(crate) struct Window {
    pub(crate) opens: i64,
    pub(crate) deadline: i64,
    /// `project.started` after this date is `operating-too-short`.
    pub(crate) latest_start: (i32, i32, i32),
}

/// How many of `per_240` problems to plant in `n` applications.
fn scaled(per_240: usize, n: usize) -> usize {
    (per_240 * n + 120) / 240
}

pub(crate) struct Planner<'a> {
    pub(crate) preset: &'a PresetSpec,
    pub(crate) window: &'a Window,
    pub(crate) rng: SplitMix64,
    pub(crate) registry: Registry,
    /// (track, city) pairs whose governments have all applied.
    pub(crate) full: BTreeSet<(usize, usize)>,
}

impl Planner<'_> {
    pub(crate) fn plan(&mut self, n: usize) -> Vec<Plan> {
        let city_weights: Vec<usize> = CITIES.iter().map(|c| c.weight).collect();
        let track_weights: Vec<usize> = self.preset.tracks.iter().map(|t| t.weight).collect();
        // With enough applications every city appears at least once, so the
        // sample always spans the same ~50 countries.
        let mut cover: Vec<usize> = if n >= 2 * CITIES.len() {
            (0..CITIES.len()).collect()
        } else {
            Vec::new()
        };
        self.rng.shuffle(&mut cover);

        let mut plans = Vec::with_capacity(n);
        for i in 0..n {
            let track = self.rng.weighted(&track_weights);
            let spec = &self.preset.tracks[track];
            let kind = if spec.individuals {
                Kind::Individual
            } else {
                [Kind::City, Kind::Institution, Kind::Corporation][self.rng.weighted(&[55, 25, 20])]
            };
            let sector = self.rng.weighted(&spec.sector_weights);
            let city = cover
                .get(i)
                .copied()
                .unwrap_or_else(|| self.rng.weighted(&city_weights));
            let mut plan = self.applicant(track, kind, sector, city, &city_weights);
            plan.submitted = self.on_time();
            plan.korea_time = self.rng.chance(60);
            plan.status = if self.rng.chance(74) {
                Status::Operational
            } else {
                Status::Pilot
            };
            plan.started = Some(self.started(plan.status));
            plans.push(plan);
        }
        self.plant(&mut plans);
        plans
    }

    fn applicant(&mut self, track: usize, kind: Kind, sector: usize, city: usize, city_weights: &[usize]) -> Plan {
        let track_id = self.preset.tracks[track].id;
        let mut plan = Plan {
            track,
            sector,
            kind,
            city,
            name: String::new(),
            home: CITIES[city].name,
            organization: None,
            person: None,
            role: None,
            submitted: 0,
            korea_time: true,
            status: Status::Operational,
            started: None,
            reality: Reality::Clean,
        };
        match kind {
            Kind::City => {
                // A city government enters a track once; after that its neighbours do,
                // or another city.
                let mut c = city;
                let mut found = None;
                for _ in 0..12 {
                    let town = &CITIES[c];
                    if !self.full.contains(&(track, c)) {
                        let bodies = [(town.government, town.name), town.more[0], town.more[1]];
                        found = bodies
                            .into_iter()
                            .find(|(body, _)| self.registry.claim(track_id, town.country, body));
                        if found.is_some() {
                            break;
                        }
                        self.full.insert((track, c));
                    }
                    c = self.rng.weighted(city_weights);
                }
                let town = &CITIES[c];
                let (name, home) = found.map_or_else(
                    // Only very large samples run out of real governments.
                    || {
                        let base = format!("{}, Office", town.government);
                        (self.registry.claim_numbered(track_id, town.country, &base), town.name)
                    },
                    |(body, home)| (body.to_string(), home),
                );
                plan.city = c;
                plan.name = name;
                plan.home = home;
                plan.organization = Some(SECTORS[sector].department.to_string());
            }
            Kind::Institution => {
                let town = &CITIES[city];
                let patterns: Vec<&str> = SECTORS[sector]
                    .institutions
                    .iter()
                    .chain(GENERAL_INSTITUTIONS)
                    .copied()
                    .collect();
                plan.name = self.unique(track_id, town.country, |rng| {
                    rng.pick(&patterns).replace("{c}", town.name)
                });
            }
            Kind::Corporation => {
                let town = &CITIES[city];
                plan.name = self.unique(track_id, town.country, |rng| {
                    let brand = format!("{}{}", rng.pick(COMPANY_PREFIXES), rng.pick(COMPANY_ROOTS));
                    town.legal.replace("{}", &brand)
                });
            }
            Kind::Individual => {
                let town = &CITIES[city];
                let registry = &mut self.registry;
                let person = unique_person(&mut self.rng, town.culture, |name| {
                    registry.claim(track_id, town.country, name)
                });
                let city_role = self.rng.chance(45);
                plan.role = Some(*self.rng.pick(if city_role { ROLES_CITY } else { ROLES_OTHER }));
                plan.organization = Some(if city_role {
                    town.government.to_string()
                } else {
                    let patterns = SECTORS[sector].institutions;
                    self.rng.pick(patterns).replace("{c}", town.name)
                });
                plan.name = person.full_name();
                plan.person = Some(person);
            }
        }
        plan
    }

    /// A name from `make` not yet taken in this track and country.
    fn unique(&mut self, track: &str, country: &str, mut make: impl FnMut(&mut SplitMix64) -> String) -> String {
        for _ in 0..10 {
            let name = make(&mut self.rng);
            if self.registry.claim(track, country, &name) {
                return name;
            }
        }
        let base = make(&mut self.rng);
        self.registry.claim_numbered(track, country, &base)
    }

    /// A submission time inside the window, most of them close to the deadline.
    fn on_time(&mut self) -> i64 {
        let first = self.window.opens + 3600;
        let last = self.window.deadline - 60;
        if self.rng.chance(10) {
            return self.rng.between(last - 36 * 3600, last);
        }
        let a = self.rng.between(first, last);
        let b = self.rng.between(first, last);
        a.max(b)
    }

    fn started(&mut self, status: Status) -> (i32, i32, i32) {
        let year = if status == Status::Pilot {
            [2023, 2024, 2025][self.rng.weighted(&[3, 5, 4])]
        } else {
            [2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025]
                [self.rng.weighted(&[3, 5, 10, 12, 15, 17, 17, 14, 7])]
        };
        // Well before the latest allowed start, so only planted projects are too young.
        let last_month = if year == self.window.latest_start.0 {
            self.window.latest_start.1.saturating_sub(1).max(1)
        } else {
            12
        };
        let month = self.rng.int(1, last_month);
        let day = self.rng.int(1, 28);
        (year, month, day)
    }

    /// Makes `b` a second application of `a`'s applicant in the same track, under
    /// a respelled name and submitted later.
    fn duplicate(&mut self, plans: &mut [Plan], a: usize, b: usize) {
        let first = &plans[a];
        let (track, kind, city, home, sector, role) = (
            first.track,
            first.kind,
            first.city,
            first.home,
            first.sector,
            first.role,
        );
        let name = respell(&first.name);
        let person = first.person.clone();
        let mut organization = first.organization.clone();
        let later = &mut plans[b];
        if kind == Kind::City {
            // Another department of the same government.
            let other = (sector + 1 + self.rng.below(SECTORS.len() - 1)) % SECTORS.len();
            later.sector = other;
            organization = Some(SECTORS[other].department.to_string());
        }
        later.track = track;
        later.kind = kind;
        later.city = city;
        later.home = home;
        later.name = name;
        later.person = person;
        later.role = role;
        later.organization = organization;
        later.reality = Reality::DuplicateLater;
        let (ta, tb) = (plans[a].submitted, plans[b].submitted);
        if tb <= ta {
            plans[a].submitted = tb.min(ta - 3600);
            plans[b].submitted = ta;
        }
        plans[a].reality = Reality::DuplicateFirst;
    }

    /// Plants the screening problems of a real edition, in proportion to `n`.
    fn plant(&mut self, plans: &mut [Plan]) {
        let n = plans.len();
        let late = scaled(3, n);
        let waived = scaled(1, n).min(late);
        let planned = scaled(4, n);
        let too_short = scaled(1, n);
        let rejected = scaled(1, n);
        let duplicates = scaled(1, n);

        let mut order: Vec<usize> = (0..n).collect();
        self.rng.shuffle(&mut order);

        // The first of each duplicate pair: preferably a name with accents, which the
        // second spelling drops, as when one applicant fills in the form twice.
        let respellable = |i: &usize| fold_key(&respell(&plans[*i].name)) == fold_key(&plans[*i].name);
        let accented = |i: &usize| strip_accents(&plans[*i].name) != plans[*i].name;
        let mut firsts: Vec<usize> = order
            .iter()
            .copied()
            .filter(|i| accented(i) && respellable(i))
            .take(duplicates)
            .collect();
        let missing = duplicates - firsts.len();
        firsts.extend(
            order
                .iter()
                .copied()
                .filter(|i| !accented(i) && respellable(i))
                .take(missing),
        );
        let chosen: BTreeSet<usize> = firsts.iter().copied().collect();
        order.retain(|i| !chosen.contains(i));
        let mut free = order.into_iter();
        for a in firsts {
            let Some(b) = free.next() else { break };
            self.duplicate(plans, a, b);
        }

        for k in 0..late {
            let Some(i) = free.next() else { break };
            let plan = &mut plans[i];
            if k < waived {
                // Caught by the portal outage on the evening of the deadline.
                plan.submitted = self.window.deadline + self.rng.between(20 * 60, 150 * 60);
                plan.korea_time = true;
                plan.reality = Reality::LateWaived;
            } else if (k - waived).is_multiple_of(2) {
                // Late by minutes; in the applicant's own time it still looks early in the day.
                plan.submitted = self.window.deadline + self.rng.between(3 * 60, 90 * 60);
                plan.korea_time = CITIES[plan.city].tz.starts_with("KST");
                plan.reality = Reality::Late;
            } else {
                plan.submitted = self.window.deadline + self.rng.between(20 * 3600, 72 * 3600);
                plan.korea_time = true;
                plan.reality = Reality::Late;
            }
        }
        for _ in 0..planned {
            let Some(i) = free.next() else { break };
            plans[i].status = Status::Planned;
            plans[i].started = None;
            plans[i].reality = Reality::Planned;
        }
        for _ in 0..too_short {
            let Some(i) = free.next() else { break };
            let (y, m, _) = self.window.latest_start;
            // One to three months after the latest allowed start.
            let m0 = m - 1 + self.rng.int(1, 3);
            let started = (y + m0 / 12, m0 % 12 + 1, self.rng.int(1, 27));
            let plan = &mut plans[i];
            plan.status = Status::Pilot;
            plan.started = Some(started);
            // Submitted at least seven weeks after it started.
            plan.submitted = plan.submitted.max(self.window.deadline - 40 * 86_400);
            plan.reality = Reality::TooShort;
        }
        for _ in 0..rejected {
            let Some(i) = free.next() else { break };
            plans[i].reality = Reality::Rejected;
        }
    }
}

pub(crate) fn parse_time(text: &str) -> i64 {
    text.parse::<Timestamp>().expect("preset times are valid").as_second()
}

/// The latest `project.started` that is not too young: the deadline's date
/// minus `months` calendar months.
pub(crate) fn latest_start(deadline: &str, months: i32) -> (i32, i32, i32) {
    let y: i32 = deadline[0..4].parse().expect("preset deadline is a date");
    let m: i32 = deadline[5..7].parse().expect("preset deadline is a date");
    let d: i32 = deadline[8..10].parse().expect("preset deadline is a date");
    let total = y * 12 + (m - 1) - months;
    (total.div_euclid(12), total.rem_euclid(12) + 1, d.min(28))
}
