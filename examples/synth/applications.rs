//! Writing applications: the text of one `applications/<track>/<id>.toml`.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::command_line::PresetSpec;
use crate::planning::{Kind, Person, Plan, Reality, Status};
use crate::random::SplitMix64;
use crate::text::{capitalize, push_paragraph, quoted, quoted_list, slug, strip_accents, word_count};
use crate::world::{BRANDS, CHANGES, CITIES, FUNDING, GROUPS, PARTNERS, REJECT_REASONS, SECTORS, Sector, Solution};

/// What the sentences of one application talk about.
struct Story<'a> {
    plan: &'a Plan,
    sector: &'a Sector,
    city: &'a str,
    brand: &'a str,
    solution: &'a Solution,
    group: &'a str,
    other_group: &'a str,
    partners: Vec<&'a str>,
    budget: u64,
    year: i32,
}

impl Story<'_> {
    fn planned(&self) -> bool {
        self.plan.status == Status::Planned
    }
}

fn opening(rng: &mut SplitMix64, s: &Story) -> String {
    let problem = rng.pick(s.sector.problems);
    if let (Some(person), Some(role)) = (&s.plan.person, s.plan.role) {
        let org = s.plan.organization.as_deref().unwrap_or(s.city);
        let name = person.full_name();
        // A planned project has no one leading it yet.
        let variant = if s.planned() { 1 + rng.below(2) } else { rng.below(3) };
        return match variant {
            0 => format!("{name} has led {} since {} as {role} at {org}.", s.brand, s.year),
            1 => format!(
                "As {role} at {org}, {name} set up {} in {} after seeing that {} in {} {problem}.",
                s.brand, s.year, s.group, s.city
            ),
            _ => format!(
                "In {}, {} {problem}; {name}, {role} at {org}, decided in {} that this had to change.",
                s.city, s.group, s.year
            ),
        };
    }
    match rng.below(4) {
        0 => format!("In {}, {} {problem}.", s.city, s.group),
        1 => format!(
            "Before {} began, a city survey found that {}% of {} in {} {problem}.",
            s.brand,
            rng.between(35, 72),
            s.group,
            s.city
        ),
        2 => format!(
            "Many {} in {} {problem}, and the pandemic widened the digital divide they already faced.",
            s.group, s.city
        ),
        _ => format!(
            "{} {problem}: in {}, the city's own data made this gap plain.",
            capitalize(s.group),
            s.city
        ),
    }
}

fn intervention(rng: &mut SplitMix64, s: &Story) -> String {
    let what = s.solution.1;
    if s.planned() {
        return format!("Once launched, {} {what}.", s.brand);
    }
    match rng.below(4) {
        0 => format!("{} {what}.", s.brand),
        1 => format!("Launched by {} in {}, {} {what}.", s.plan.name, s.year, s.brand),
        2 => format!("The project, {}, {what}, and it is free for its users.", s.brand),
        _ => format!("Under the name {}, the project {what}.", s.brand),
    }
}

fn co_design(rng: &mut SplitMix64, s: &Story) -> String {
    match rng.below(4) {
        0 => format!(
            "It was designed with {} themselves in {} workshops, and a user panel still reviews every change.",
            s.group,
            rng.between(6, 40)
        ),
        1 => format!("Residents tested early versions in {} neighbourhoods before the service went live.", rng.between(2, 12)),
        2 => "Disabled people's organisations and older residents' associations took part in the design from the first day."
            .to_string(),
        _ => "Community workers recruited the first users door to door, because many of those most in need are not online."
            .to_string(),
    }
}

fn technology(rng: &mut SplitMix64) -> String {
    match rng.below(6) {
        0 => "The platform is built on open-source software and open standards, so the city is not locked in to one vendor.".to_string(),
        1 => "A simple version works on basic phones through text messages and a free call line.".to_string(),
        2 => "Personal data are kept to a minimum, stored in the city's own data centre and never sold; an independent ethics board reviews their use.".to_string(),
        3 => "Sensor and service data are published every hour on the city's open data portal.".to_string(),
        4 => format!("Everything is offered in {} languages, as well as in sign language and easy-read text.", rng.between(3, 14)),
        _ => "A machine-learning model helps staff to prioritise requests, but every decision about a resident is taken by a person.".to_string(),
    }
}

fn partnership(rng: &mut SplitMix64, s: &Story) -> String {
    let p = &s.partners;
    match (rng.below(2), p.len()) {
        (0, 3..) => format!("{} works with {}, {} and {}.", s.plan.name, p[0], p[1], p[2]),
        (_, 2..) => format!("It is run together with {} and {}.", p[0], p[1]),
        _ => format!("It is run together with {}.", p[0]),
    }
}

fn budget(rng: &mut SplitMix64, s: &Story) -> String {
    let funding = rng.pick(FUNDING);
    let amount = group_thousands(s.budget);
    if s.planned() {
        return format!("The first phase has a budget of USD {amount}, paid for by {funding}.");
    }
    match rng.below(2) {
        0 => format!("The yearly running cost of about USD {amount} is covered by {funding}."),
        _ => format!("It cost USD {amount} to set up, paid for by {funding}."),
    }
}

fn results(rng: &mut SplitMix64, s: &Story) -> String {
    let outcome = rng
        .pick(s.sector.outcomes)
        .replace("{pct}", &rng.between(12, 58).to_string());
    let most = match s.plan.status {
        Status::Planned => 5_000,
        Status::Pilot => 20_000,
        Status::Operational => 240_000,
    };
    let users = group_thousands(rng.between(200, most).unsigned_abs() / 100 * 100);
    if s.planned() {
        return format!("The first phase, due to start later in 2026, aims to reach {users} residents.");
    }
    // Claims never reach further back than the project does.
    let age = 2026 - s.year;
    match rng.below(3) {
        1 if age >= 3 => format!(
            "In its first {} years it reached {users} residents, and {outcome}.",
            rng.between(2, i64::from((age - 1).min(4)))
        ),
        2 if age >= 2 => format!(
            "An independent evaluation in {} found that {outcome}.",
            rng.between(i64::from(s.year + 1), 2025)
        ),
        1 | 2 if s.plan.status == Status::Pilot => {
            format!("In its pilot phase it has reached {users} residents, and {outcome}.")
        }
        _ => format!(
            "Since {}, {users} people have used it, {}% of them {}.",
            s.year,
            rng.between(30, 85),
            s.group
        ),
    }
}

fn learning(rng: &mut SplitMix64, s: &Story) -> String {
    let change = rng.pick(CHANGES);
    match rng.below(3) {
        0 => format!("Feedback from users led to {change}."),
        1 => format!(
            "An early version did not reach enough {}; the team responded with {change}.",
            s.other_group
        ),
        _ => "The team publishes its results every quarter and drops what the data show is not working.".to_string(),
    }
}

fn next_steps(rng: &mut SplitMix64, s: &Story) -> String {
    let k = rng.between(2, 9);
    let variant = if s.planned() { 0 } else { rng.below(3) };
    match variant {
        0 => format!(
            "The plan is to extend the service to {k} more districts by {}.",
            rng.between(2027, 2029)
        ),
        1 => format!(
            "The code, the data model and a handbook are published so that other cities can reuse them, and {k} have done so."
        ),
        _ => format!(
            "{} is now sharing the model with {k} partner cities in the region.",
            s.plan.name
        ),
    }
}

fn leadership_note(rng: &mut SplitMix64, s: &Story) -> String {
    let name = s
        .plan
        .person
        .as_ref()
        .map_or_else(|| s.plan.name.clone(), Person::full_name);
    match rng.below(3) {
        0 => format!(
            "{name} built the coalition of {} that funds and runs it.",
            s.partners.join(", ")
        ),
        1 => format!(
            "{name} also mentors young public servants and chairs a network of {} cities working on inclusive digital services.",
            rng.between(5, 30)
        ),
        _ => format!(
            "Under {name}'s leadership, {} adopted its first accessibility standard for digital services.",
            s.city
        ),
    }
}

fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The summary: an opening, what the project does, then some of the usual
/// paragraphs of an application, between 30 and 200 words.
fn summary(rng: &mut SplitMix64, s: &Story) -> String {
    let mut sentences = vec![opening(rng, s), intervention(rng, s)];
    // A planned project has no users, results or lessons yet.
    let mut optional: Vec<usize> = if s.planned() {
        vec![1, 2, 3, 7]
    } else {
        (0..8).collect()
    };
    rng.shuffle(&mut optional);
    let keep = rng.below(optional.len() + 1);
    let mut chosen: Vec<usize> = optional.into_iter().take(keep).collect();
    if !chosen.contains(&4) && (s.planned() || rng.chance(70)) {
        chosen.push(4);
    }
    chosen.sort_unstable();
    for part in chosen {
        let sentence = match part {
            0 => co_design(rng, s),
            1 => technology(rng),
            2 => partnership(rng, s),
            3 => budget(rng, s),
            4 => results(rng, s),
            5 if s.plan.person.is_some() => leadership_note(rng, s),
            5 | 6 => learning(rng, s),
            _ => next_steps(rng, s),
        };
        sentences.push(sentence);
    }
    while sentences.len() > 2 && word_count(&sentences.join(" ")) > 200 {
        sentences.pop();
    }
    if word_count(&sentences.join(" ")) < 30 {
        sentences.push(results(rng, s));
    }
    sentences.join(" ")
}

fn title(rng: &mut SplitMix64, s: &Story) -> String {
    let sol = s.solution.0;
    let group = GROUPS.iter().find(|g| g.1 == s.group).map_or(s.group, |g| g.0);
    // "Makerspaces for Girls for Young People" would say it twice.
    let for_group = !sol.contains(" for ");
    if let Some(person) = &s.plan.person {
        return match rng.below(2) {
            0 if for_group => format!("{}: {sol} for {group}", person.full_name()),
            0 => format!("{}: {sol} in {}", person.full_name(), s.city),
            _ => format!("Leading {}: {sol} in {}", s.brand, s.city),
        };
    }
    match rng.below(5) {
        0 | 1 if for_group => format!("{sol} for {group}"),
        2 if for_group => format!("{}: {sol} for {group}", s.brand),
        0..=3 => format!("{}: {sol} in {}", s.brand, s.city),
        _ => format!("{} {sol}", s.city),
    }
}

fn date(d: (i32, i32, i32)) -> String {
    format!("{:04}-{:02}-{:02}", d.0, d.1, d.2)
}

/// Renders a moment with a time zone's offset at that moment.
fn datetime(seconds: i64, tz: &TimeZone) -> String {
    let ts = Timestamp::from_second(seconds).expect("sample timestamps are in range");
    ts.display_with_offset(tz.to_offset(ts)).to_string()
}

pub(crate) struct Context<'a> {
    pub(crate) preset: &'a PresetSpec,
    pub(crate) seed: u64,
    pub(crate) zones: Vec<TimeZone>,
    pub(crate) korea: TimeZone,
}

/// Chooses what one application is about.
fn story<'a>(rng: &mut SplitMix64, plan: &'a Plan) -> Story<'a> {
    let sector = &SECTORS[plan.sector];
    let solution = rng.pick(sector.solutions);
    let served = solution.2;
    let g = rng.below(served.len());
    let group = served[g];
    // Someone else the project serves, or could serve better.
    let other_group = if served.len() > 1 {
        served[(g + 1 + rng.below(served.len() - 1)) % served.len()]
    } else {
        let all: Vec<&str> = GROUPS.iter().map(|g| g.1).filter(|g| *g != group).collect();
        *rng.pick(&all)
    };
    let k = 2 + rng.below(2);
    let partners: Vec<&str> = rng.sample(PARTNERS, k).into_iter().copied().collect();
    let hundreds = match plan.kind {
        Kind::City => rng.between(2_000, 80_000),
        Kind::Institution => rng.between(500, 20_000),
        Kind::Corporation => rng.between(1_000, 30_000),
        Kind::Individual => rng.between(200, 15_000),
    };
    Story {
        plan,
        sector,
        city: plan.home,
        brand: rng.pick::<&str>(BRANDS),
        solution,
        group,
        other_group,
        partners,
        budget: hundreds.unsigned_abs() * 100,
        year: plan.started.map_or(2026, |d| d.0),
    }
}

/// The applicant's web domain. Accents and case are dropped first, so the
/// respelled duplicate keeps the address of the first, as a real one would.
fn domain(plan: &Plan) -> String {
    let label = |name: &str| slug(&strip_accents(name).to_lowercase(), 40);
    match plan.kind {
        Kind::Individual => label(plan.organization.as_deref().unwrap_or(plan.home)),
        // The brand, without the legal form.
        Kind::Corporation => label(
            plan.name
                .split(' ')
                .find(|w| w.len() > 3 && w.chars().any(char::is_lowercase))
                .unwrap_or(&plan.name),
        ),
        Kind::City | Kind::Institution => label(&plan.name),
    }
}

pub(crate) fn write_application(out: &mut String, ctx: &Context, plan: &Plan, id: &str, rng: &mut SplitMix64) {
    let story = story(rng, plan);
    out.clear();
    let _ = writeln!(
        out,
        "# Fictional sample application, generated by `cargo run --example synth -- --preset {} --seed {}`.",
        ctx.preset.name, ctx.seed
    );
    let _ = writeln!(out, "id = {}", quoted(id));
    let _ = writeln!(out, "title = {}", quoted(&title(rng, &story)));
    let _ = writeln!(out, "track = {}", quoted(ctx.preset.tracks[plan.track].id));
    let _ = writeln!(out, "sector = {}", quoted(story.sector.id));
    let tz = if plan.korea_time {
        &ctx.korea
    } else {
        &ctx.zones[plan.city]
    };
    let _ = writeln!(out, "submitted = {}", datetime(plan.submitted, tz));

    out.push_str("\n[applicant]\n");
    let _ = writeln!(out, "type = {}", quoted(plan.kind.as_str()));
    let _ = writeln!(out, "name = {}", quoted(&plan.name));
    let _ = writeln!(out, "country = {}", quoted(CITIES[plan.city].country));
    let _ = writeln!(out, "city = {}", quoted(plan.home));
    if let Some(org) = &plan.organization {
        let _ = writeln!(out, "organization = {}", quoted(org));
    }
    let domain = domain(plan);
    let email = match &plan.person {
        Some(person) => format!("{}@{domain}.example.org", person.email_local()),
        None => format!("smartcity@{domain}.example.org"),
    };
    let _ = writeln!(out, "email = {}", quoted(&email));

    out.push_str("\n[project]\n");
    push_paragraph(out, "summary", &summary(rng, &story));
    let _ = writeln!(out, "status = {}", quoted(plan.status.as_str()));
    if let Some(started) = plan.started {
        let _ = writeln!(out, "started = {}", date(started));
    }
    let mut beneficiaries = vec![story.group];
    if rng.chance(60) {
        beneficiaries.push(story.other_group);
    }
    let third = *rng.pick(story.solution.2);
    if rng.chance(25) && !beneficiaries.contains(&third) {
        beneficiaries.push(third);
    }
    let _ = writeln!(out, "beneficiaries = {}", quoted_list(&beneficiaries));
    if rng.chance(85) {
        let path = if rng.chance(50) {
            format!("/{}", slug(story.brand, 30))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "website = {}",
            quoted(&format!("https://{domain}.example.org{path}"))
        );
    }

    push_screening(out, plan, rng);
    push_extra(out, &story, rng);
}

/// `[screening]`, as the secretariat writes it, for the applications that need it.
fn push_screening(out: &mut String, plan: &Plan, rng: &mut SplitMix64) {
    match plan.reality {
        Reality::LateWaived => {
            out.push_str("\n[screening]\n");
            out.push_str("waive = [\"late-submission\"]\n");
            out.push_str("waive_reason = \"portal outage on 29 May, committee decision of 2 June\"\n");
        }
        Reality::Rejected => {
            out.push_str("\n[screening]\n");
            out.push_str("decision = \"reject\"\n");
            let reasons = if plan.kind == Kind::Corporation {
                REJECT_REASONS
            } else {
                &REJECT_REASONS[..REJECT_REASONS.len() - 1]
            };
            let _ = writeln!(out, "reason = {}", quoted(rng.pick::<&str>(reasons)));
        }
        _ => {}
    }
}

/// `[extra]`: free-form facts applicants add, never checked by the prize.
fn push_extra(out: &mut String, story: &Story, rng: &mut SplitMix64) {
    let plan = story.plan;
    out.push_str("\n[extra]\n");
    if plan.kind != Kind::Individual {
        let _ = writeln!(out, "budget_usd = {}", story.budget);
    }
    if let Some(role) = plan.role {
        let _ = writeln!(out, "role = {}", quoted(role));
    }
    let _ = writeln!(out, "partners = {}", quoted_list(&story.partners));
    let mut sdgs: BTreeSet<u8> = story.sector.sdgs.iter().copied().collect();
    sdgs.insert(11);
    if story.group == "women" {
        sdgs.insert(5);
    }
    let sdgs: Vec<String> = sdgs.iter().map(u8::to_string).collect();
    let _ = writeln!(out, "sdgs = [{}]", sdgs.join(", "));
    if plan.status == Status::Planned {
        let month = 7 + rng.below(6);
        let _ = writeln!(out, "expected_launch = {}", quoted(&format!("2026-{month:02}")));
    }
}
