//! Assigning judges to the applications of a round (spec section 7), on plain indices.
//!
//! Every application gets `per_application` judges who are free of conflicts with it. Three
//! steps, each deterministic for a given seed:
//!
//! 1. **Greedy.** Applications in a seeded random order; each takes, one at a time, the judge
//!    with the fewest applications so far, then the lowest pairing cost with the judges it
//!    already has (the sum of c², c being how many applications the two judges already share, so
//!    a pair shared three times weighs more than two pairs shared twice), then the first found
//!    from a seeded random place (the judges are numbered in a seeded random order inside).
//!    Without conflicts this alone keeps every load within one of every other.
//! 2. **Balance.** While some judge could hand one of their applications to a judge with two
//!    fewer — directly, or through a chain of judges each passing one on — the shortest such
//!    chain is applied. When none is left, the loads minimise every convex measure of unevenness
//!    at once (the optimality condition of a convex-cost flow): the most loaded judge has as few
//!    applications as the conflicts allow and the least loaded as many. So `max_per_judge` can
//!    be met exactly when the balanced loads meet it.
//! 3. **Spread the pairs.** While some pair of judges shares more applications than the average
//!    forces, one of those applications swaps one of the two for another judge (alone, when that
//!    judge has fewer applications; else in exchange for one of theirs), provided the list of all
//!    shared counts, sorted from the highest, becomes lexicographically smaller: fewer pairs at the
//!    top count, or as many but fewer just below, which makes room at the top. The load of every
//!    judge stays as even as step 2 left it. A budget of steps bounds this local search; it
//!    usually ends at the average rounded up, or one more.
//!
//! Cost: about `K · J` steps per application in the greedy (J judges), so 100,000 applications
//! × 1,000 judges × K = 5 take about a second; the other steps are bounded.

use std::collections::{HashMap, VecDeque};

use crate::load::application::Application;
use crate::model::roster::Judge;

/// SplitMix64 (Steele, Lea and Flood, 2014): a small, fast, seeded generator.
///
/// Its sequence for a seed is part of the file format in effect — the same archive and seed must
/// give the same assignment in every version — so it is written out here rather than taken from
/// a crate whose algorithm may change, and tested against the published reference values.
#[derive(Clone, Debug)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator started from `seed`.
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-and-shift.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Shuffles `items` (Fisher–Yates, from the end).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

/// Who may not judge what, by index.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Conflicts {
    /// Per judge: a group (their country under `same_country`); a judge conflicts with every
    /// application of their group.
    pub judge_group: Vec<Option<u32>>,
    /// Per application: its group.
    pub application_group: Vec<Option<u32>>,
    /// Per application: the other judges in conflict with it (declared, same organization),
    /// sorted, without repeats.
    pub judges: Vec<Vec<u32>>,
}

impl Conflicts {
    /// No conflicts between `judges` judges and `applications` applications.
    pub fn none(judges: usize, applications: usize) -> Conflicts {
        Conflicts {
            judge_group: vec![None; judges],
            application_group: vec![None; applications],
            judges: vec![Vec::new(); applications],
        }
    }

    /// Whether judge `j` may judge application `a`.
    pub fn allows(&self, a: usize, j: usize) -> bool {
        !self.grouped(a, j) && self.judges[a].binary_search(&(j as u32)).is_err()
    }

    fn grouped(&self, a: usize, j: usize) -> bool {
        matches!((self.application_group[a], self.judge_group[j]), (Some(x), Some(y)) if x == y)
    }

    /// How many judges are free of conflicts with each application.
    pub fn free(&self) -> Vec<usize> {
        let judges = self.judge_group.len();
        let mut group_size: HashMap<u32, usize> = HashMap::new();
        for g in self.judge_group.iter().flatten() {
            *group_size.entry(*g).or_default() += 1;
        }
        (0..self.judges.len())
            .map(|a| {
                let grouped = self.application_group[a].map_or(0, |g| group_size.get(&g).copied().unwrap_or(0));
                let declared = self.judges[a].iter().filter(|&&j| !self.grouped(a, j as usize)).count();
                judges - grouped - declared
            })
            .collect()
    }
}

/// The conflicts between `judges` and `applications`, exactly as [`crate::check::conflicts::conflict`]
/// decides them, without asking it about every pair (10⁸ of them for a large call): a judge can
/// conflict with an application only through its id, the country, or a name, so those are
/// looked up, and every candidate found that way is confirmed by `conflicts::conflict` itself.
pub fn conflicts(
    rules: &crate::model::config::Conflicts,
    judges: &[&Judge],
    applications: &[&Application],
) -> Conflicts {
    let mut countries: HashMap<&str, u32> = HashMap::new();
    let mut declared: HashMap<&str, Vec<u32>> = HashMap::new();
    let mut names: HashMap<String, Vec<u32>> = HashMap::new();
    let mut judge_group = Vec::with_capacity(judges.len());
    for (j, judge) in judges.iter().enumerate() {
        let j = j as u32;
        let group = match (&judge.country, rules.same_country) {
            (Some(country), true) => {
                let next = countries.len() as u32;
                Some(*countries.entry(country.as_str()).or_insert(next))
            }
            _ => None,
        };
        judge_group.push(group);
        for c in &judge.conflicts {
            declared.entry(c.value.as_str()).or_default().push(j);
        }
        if rules.same_organization {
            for name in [judge.organization.as_deref(), Some(judge.name.as_str())]
                .into_iter()
                .flatten()
            {
                let key = crate::check::conflicts::name_key(name);
                if !key.is_empty() {
                    names.entry(key).or_default().push(j);
                }
            }
        }
    }
    let mut application_group = Vec::with_capacity(applications.len());
    let mut listed = Vec::with_capacity(applications.len());
    for app in applications {
        application_group.push(app.applicant.country.as_deref().and_then(|c| countries.get(c).copied()));
        let mut candidates: Vec<u32> = declared.get(app.id.as_str()).cloned().unwrap_or_default();
        if rules.same_organization {
            for name in [app.applicant.name.as_deref(), app.applicant.organization.as_deref()]
                .into_iter()
                .flatten()
            {
                candidates.extend(
                    names
                        .get(&crate::check::conflicts::name_key(name))
                        .into_iter()
                        .flatten(),
                );
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|&j| crate::check::conflicts::conflict(rules, judges[j as usize], app).is_some());
        listed.push(candidates);
    }
    Conflicts {
        judge_group,
        application_group,
        judges: listed,
    }
}

/// What to assign.
#[derive(Clone, Debug)]
pub struct Problem {
    /// How many judges there are (indices `0..judges`).
    pub judges: usize,
    /// K: how many judges each application gets.
    pub per_application: usize,
    /// At most this many applications per judge.
    pub max_per_judge: Option<usize>,
    /// The seed of the order and the tie-breaks.
    pub seed: u64,
    /// Who may not judge what; its length is the number of applications.
    pub conflicts: Conflicts,
}

/// Why an application cannot have K judges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Short {
    /// Fewer than K judges are free of conflicts with it.
    Conflicts,
    /// It needs places with a group of `judges` judges (its free judges are all among them or
    /// already on it) who between them have `room` places under `max_per_judge` but must take
    /// `needed` assignments.
    Capacity {
        /// How many judges the group has.
        judges: usize,
        /// The group's places under `max_per_judge`.
        room: usize,
        /// The assignments the group must take.
        needed: usize,
    },
}

/// An application that cannot have K judges.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shortfall {
    /// Its index.
    pub application: usize,
    /// How many judges are free of conflicts with it.
    pub free: usize,
    /// Why.
    pub why: Short,
}

/// The result: who judges what, and how well spread it is.
#[derive(Clone, Debug)]
pub struct Plan {
    offsets: Vec<usize>,
    members: Vec<u32>,
    /// Applications per judge.
    pub loads: Vec<usize>,
    /// The most applications any two judges share (0 with fewer than two judges an application).
    pub max_pair: usize,
    /// How many pairs of judges share `max_pair` applications.
    pub pairs_at_max: usize,
    /// Connected parts of the judge–application graph, counting the judges with applications.
    pub parts: usize,
    /// Applications that cannot have K judges, by index; when there is any, the plan is not to be
    /// used.
    pub shortfalls: Vec<Shortfall>,
    /// Chains of hand-overs made to even out the loads.
    pub chains: usize,
    /// Changes made to spread the pairs.
    pub pair_moves: usize,
}

impl Plan {
    /// The judges of application `a`, by index, ascending.
    pub fn judges(&self, a: usize) -> &[u32] {
        &self.members[self.offsets[a]..self.offsets[a + 1]]
    }

    /// How many applications there are.
    pub fn applications(&self) -> usize {
        self.offsets.len() - 1
    }
}

/// How many applications each pair of judges shares: a dense matrix for up to this many judges
/// (32 MiB at most), a map per judge beyond.
const DENSE_LIMIT: usize = 4096;

/// The changes weighed while spreading the pairs, at most: this many, plus a few per assignment,
/// so that it stays cheap whatever the input (about a tenth of a microsecond each).
const SPREAD_BUDGET: u64 = 1_000_000;

/// Changes weighed per assignment, beyond [`SPREAD_BUDGET`].
const SPREAD_BUDGET_PER_ASSIGNMENT: u64 = 4;

/// Applications of another judge tried for one exchange.
const EXCHANGE_TRIES: usize = 32;

#[derive(Clone, Debug)]
enum Pairs {
    Dense { n: usize, counts: Vec<u16> },
    Sparse(Vec<HashMap<u32, u16>>),
}

/// The cost of pairing a judge once more with one they already share `c` applications with.
fn pair_cost(c: u16) -> u64 {
    let c = u64::from(c);
    c * c
}

impl Pairs {
    fn new(n: usize, dense: bool) -> Pairs {
        if dense {
            Pairs::Dense {
                n,
                counts: vec![0; n * n],
            }
        } else {
            Pairs::Sparse(vec![HashMap::new(); n])
        }
    }

    fn get(&self, x: u32, y: u32) -> u16 {
        match self {
            Pairs::Dense { n, counts } => counts[x as usize * n + y as usize],
            Pairs::Sparse(rows) => rows[x as usize].get(&y).copied().unwrap_or(0),
        }
    }

    fn bump(&mut self, x: u32, y: u32, up: bool) {
        let change = |c: &mut u16| *c = if up { c.saturating_add(1) } else { c.saturating_sub(1) };
        match self {
            Pairs::Dense { n, counts } => {
                change(&mut counts[x as usize * *n + y as usize]);
                change(&mut counts[y as usize * *n + x as usize]);
            }
            Pairs::Sparse(rows) => {
                for (a, b) in [(x, y), (y, x)] {
                    let c = rows[a as usize].entry(b).or_insert(0);
                    change(c);
                    if *c == 0 {
                        rows[a as usize].remove(&b);
                    }
                }
            }
        }
    }

    /// Adds to `key[v]` the cost of pairing `x` with `v` once more, for every `v` (a key at
    /// `u64::MAX` stays there).
    fn add_costs(&self, x: u32, key: &mut [u64]) {
        match self {
            Pairs::Dense { n, counts } => {
                let row = &counts[x as usize * n..(x as usize + 1) * n];
                for (k, &c) in key.iter_mut().zip(row) {
                    *k = k.saturating_add(pair_cost(c));
                }
            }
            Pairs::Sparse(rows) => {
                for (&v, &c) in &rows[x as usize] {
                    let k = &mut key[v as usize];
                    *k = k.saturating_add(pair_cost(c));
                }
            }
        }
    }

    /// The most applications a pair shares, and how many pairs share that many.
    fn max(&self) -> (u16, usize) {
        let mut best = (0, 0);
        self.each(|_, _, c| {
            if c > best.0 {
                best = (c, 1);
            } else if c == best.0 && c > 0 {
                best.1 += 1;
            }
        });
        best
    }

    /// The pairs (x < y) sharing exactly `count` applications, sorted.
    fn at(&self, count: u16) -> Vec<(u32, u32)> {
        let mut out = Vec::new();
        self.each(|x, y, c| {
            if c == count {
                out.push((x, y));
            }
        });
        out.sort_unstable();
        out
    }

    fn each(&self, mut f: impl FnMut(u32, u32, u16)) {
        match self {
            Pairs::Dense { n, counts } => {
                for x in 0..*n {
                    for y in x + 1..*n {
                        f(x as u32, y as u32, counts[x * n + y]);
                    }
                }
            }
            Pairs::Sparse(rows) => {
                for (x, row) in rows.iter().enumerate() {
                    for (&y, &c) in row {
                        if (x as u32) < y {
                            f(x as u32, y, c);
                        }
                    }
                }
            }
        }
    }
}

/// The assignment being built.
struct State<'p> {
    conflicts: &'p Conflicts,
    offsets: Vec<usize>,
    members: Vec<u32>,
    loads: Vec<usize>,
    pairs: Pairs,
    applications_of: Vec<Vec<u32>>,
}

impl State<'_> {
    fn members(&self, a: usize) -> &[u32] {
        &self.members[self.offsets[a]..self.offsets[a + 1]]
    }

    fn holds(&self, a: usize, j: u32) -> bool {
        self.members(a).contains(&j)
    }

    /// Gives `to` the place of `from` on application `a`.
    fn replace(&mut self, a: usize, from: u32, to: u32) {
        for i in self.offsets[a]..self.offsets[a + 1] {
            let other = self.members[i];
            if other == from {
                self.members[i] = to;
            } else {
                self.pairs.bump(from, other, false);
                self.pairs.bump(to, other, true);
            }
        }
        self.loads[from as usize] -= 1;
        self.loads[to as usize] += 1;
        let list = &mut self.applications_of[from as usize];
        if let Some(i) = list.iter().position(|&x| x as usize == a) {
            list.swap_remove(i);
        }
        self.applications_of[to as usize].push(a as u32);
    }
}

/// Assigns the judges; see the module documentation for how.
pub fn assign(problem: &Problem) -> Plan {
    plan(problem, problem.judges <= DENSE_LIMIT)
}

/// [`assign`], counting shared applications in a dense matrix or in maps.
fn plan(problem: &Problem, dense: bool) -> Plan {
    let free = problem.conflicts.free();
    if problem.per_application > problem.judges {
        // Every application falls short; nothing is allocated by K, which may be any number.
        return Plan {
            offsets: vec![0; free.len() + 1],
            members: Vec::new(),
            loads: vec![0; problem.judges],
            max_pair: 0,
            pairs_at_max: 0,
            parts: 0,
            shortfalls: free
                .iter()
                .enumerate()
                .map(|(application, &free)| Shortfall {
                    application,
                    free,
                    why: Short::Conflicts,
                })
                .collect(),
            chains: 0,
            pair_moves: 0,
        };
    }
    let demand: Vec<usize> = free.iter().map(|&f| f.min(problem.per_application)).collect();
    let mut rng = SplitMix64::new(problem.seed);
    // The judges are numbered in a seeded random order inside, so that a scan from a random
    // place breaks ties at random while reading memory in order.
    let mut outside: Vec<u32> = (0..problem.judges as u32).collect();
    rng.shuffle(&mut outside);
    let mut inside = vec![0u32; problem.judges];
    for (p, &j) in outside.iter().enumerate() {
        inside[j as usize] = p as u32;
    }
    let conflicts = relabel(&problem.conflicts, &outside, &inside);
    let mut state = greedy(&conflicts, problem.per_application, &demand, dense, &mut rng);
    let chains = balance(&mut state);
    let mut shortfalls: Vec<Shortfall> = (0..demand.len())
        .filter(|&a| free[a] < problem.per_application)
        .map(|a| Shortfall {
            application: a,
            free: free[a],
            why: Short::Conflicts,
        })
        .collect();
    if let Some(cap) = problem.max_per_judge
        && let Some((group, why)) = jam(&state, cap)
    {
        for (a, &free) in free.iter().enumerate() {
            if free >= problem.per_application && state.members(a).iter().any(|&j| group[j as usize]) {
                shortfalls.push(Shortfall {
                    application: a,
                    free,
                    why: why.clone(),
                });
            }
        }
        shortfalls.sort_by_key(|s| s.application);
    }
    let pair_moves = if shortfalls.is_empty() {
        spread(&mut state, &demand, &mut rng)
    } else {
        0
    };
    let (max_pair, pairs_at_max) = state.pairs.max();
    let parts = parts(&state);
    let mut members: Vec<u32> = state.members.iter().map(|&p| outside[p as usize]).collect();
    for a in 0..demand.len() {
        members[state.offsets[a]..state.offsets[a + 1]].sort_unstable();
    }
    let mut loads = vec![0; problem.judges];
    for (p, &load) in state.loads.iter().enumerate() {
        loads[outside[p] as usize] = load;
    }
    Plan {
        offsets: state.offsets,
        members,
        loads,
        max_pair: usize::from(max_pair),
        pairs_at_max,
        parts,
        shortfalls,
        chains,
        pair_moves,
    }
}

/// The conflicts with judge `j` renumbered `inside[j]` (`outside` is the inverse).
fn relabel(conflicts: &Conflicts, outside: &[u32], inside: &[u32]) -> Conflicts {
    Conflicts {
        judge_group: outside.iter().map(|&j| conflicts.judge_group[j as usize]).collect(),
        application_group: conflicts.application_group.clone(),
        judges: conflicts
            .judges
            .iter()
            .map(|list| {
                let mut list: Vec<u32> = list.iter().map(|&j| inside[j as usize]).collect();
                list.sort_unstable();
                list
            })
            .collect(),
    }
}

/// Step 1: each application in a seeded random order takes its judges one at a time by (load,
/// pairing cost, place in the judges' order from a seeded random start).
fn greedy<'c>(
    conflicts: &'c Conflicts,
    per_application: usize,
    demand: &[usize],
    dense: bool,
    rng: &mut SplitMix64,
) -> State<'c> {
    let judges = conflicts.judge_group.len();
    let mut offsets = Vec::with_capacity(demand.len() + 1);
    offsets.push(0);
    for d in demand {
        offsets.push(offsets[offsets.len() - 1] + d);
    }
    let mut state = State {
        conflicts,
        members: vec![0; offsets[demand.len()]],
        offsets,
        loads: vec![0; judges],
        pairs: Pairs::new(judges, dense),
        applications_of: vec![Vec::with_capacity(demand.len() * per_application / judges.max(1) + 2); judges],
    };
    let mut order: Vec<usize> = (0..demand.len()).collect();
    rng.shuffle(&mut order);
    // Per judge, for the application at hand: load in the high 32 bits, pairing cost in the low
    // ones; `u64::MAX` for a judge who may not take it (a conflict, or already on it).
    let mut key = vec![0u64; judges];
    let any_group = conflicts.judge_group.iter().any(Option::is_some);
    for a in order {
        if demand[a] == 0 {
            continue;
        }
        for (k, &load) in key.iter_mut().zip(&state.loads) {
            *k = (load as u64) << 32;
        }
        if any_group && let Some(group) = conflicts.application_group[a] {
            for (k, g) in key.iter_mut().zip(&conflicts.judge_group) {
                if *g == Some(group) {
                    *k = u64::MAX;
                }
            }
        }
        for &j in &conflicts.judges[a] {
            key[j as usize] = u64::MAX;
        }
        let start = rng.below(judges);
        let base = state.offsets[a];
        for t in 0..demand[a] {
            let (j, best) = lowest(&key, start);
            // `demand` never exceeds the free judges, so there is always one.
            if best == u64::MAX {
                break;
            }
            let j = j as u32;
            for i in 0..t {
                let other = state.members[base + i];
                state.pairs.bump(other, j, true);
            }
            state.members[base + t] = j;
            key[j as usize] = u64::MAX;
            state.loads[j as usize] += 1;
            state.applications_of[j as usize].push(a as u32);
            if t + 1 < demand[a] {
                state.pairs.add_costs(j, &mut key);
            }
        }
    }
    state
}

/// The place and value of the lowest key, the first found from `start` on (wrapping) on ties.
fn lowest(key: &[u64], start: usize) -> (usize, u64) {
    let mut best = (0, u64::MAX);
    for (offset, part) in [(start, &key[start..]), (0, &key[..start])] {
        for (i, &k) in part.iter().enumerate() {
            if k < best.1 {
                best = (offset + i, k);
            }
        }
    }
    best
}

/// The judges reachable from `sources` by hand-overs: judge u reaches v when an application of u
/// could go to v (v is free of conflicts with it and not on it). Searches only judges not yet
/// `seen` (which it marks) and stops at the first judge for which `stop` holds, returning it;
/// `parent` records each hand-over as (giver, application).
fn reach(
    state: &State<'_>,
    sources: &[u32],
    seen: &mut [bool],
    parent: &mut [Option<(u32, u32)>],
    stop: impl Fn(u32) -> bool,
) -> Option<u32> {
    let mut queue: VecDeque<u32> = sources.iter().copied().collect();
    for &s in sources {
        seen[s as usize] = true;
    }
    let mut open: Vec<u32> = (0..seen.len() as u32).filter(|&j| !seen[j as usize]).collect();
    while let Some(u) = queue.pop_front() {
        for &a in &state.applications_of[u as usize] {
            let a = a as usize;
            let mut i = 0;
            while i < open.len() {
                let v = open[i];
                if state.holds(a, v) || !state.conflicts.allows(a, v as usize) {
                    i += 1;
                    continue;
                }
                open.swap_remove(i);
                seen[v as usize] = true;
                parent[v as usize] = Some((u, a as u32));
                if stop(v) {
                    return Some(v);
                }
                queue.push_back(v);
            }
            if open.is_empty() {
                return None;
            }
        }
    }
    None
}

/// Step 2: applies chains of hand-overs from a judge to one with two fewer applications until
/// none is left. Returns how many chains were applied.
fn balance(state: &mut State<'_>) -> usize {
    let judges = state.loads.len();
    let mut chains = 0;
    'restart: loop {
        // Judges from which no chain can start, nor lead anywhere useful.
        let mut settled = vec![false; judges];
        loop {
            let open = (0..judges).filter(|&j| !settled[j]);
            let (Some(high), Some(low)) = (
                open.clone().map(|j| state.loads[j]).max(),
                open.clone().map(|j| state.loads[j]).min(),
            ) else {
                return chains;
            };
            if high < low + 2 {
                return chains;
            }
            let sources: Vec<u32> = open.filter(|&j| state.loads[j] == high).map(|j| j as u32).collect();
            let mut seen = settled.clone();
            let mut parent = vec![None; judges];
            let loads = state.loads.clone();
            let found = reach(state, &sources, &mut seen, &mut parent, |v| {
                loads[v as usize] + 2 <= high
            });
            if let Some(mut v) = found {
                while let Some((u, a)) = parent[v as usize] {
                    state.replace(a as usize, u, v);
                    v = u;
                }
                chains += 1;
                continue 'restart;
            }
            // Nothing these judges reach has two fewer: they are as even as they can be.
            settled = seen;
        }
    }
}

/// When some judge has more than `cap` applications after balancing, no assignment meets the
/// cap: returns the judges the excess cannot leave (those over the cap and every judge they reach
/// by hand-overs) and what they lack.
fn jam(state: &State<'_>, cap: usize) -> Option<(Vec<bool>, Short)> {
    let over: Vec<u32> = (0..state.loads.len() as u32)
        .filter(|&j| state.loads[j as usize] > cap)
        .collect();
    if over.is_empty() {
        return None;
    }
    let mut seen = vec![false; state.loads.len()];
    let mut parent = vec![None; state.loads.len()];
    reach(state, &over, &mut seen, &mut parent, |_| false);
    let judges = seen.iter().filter(|&&s| s).count();
    let needed = (0..seen.len()).filter(|&j| seen[j]).map(|j| state.loads[j]).sum();
    Some((
        seen,
        Short::Capacity {
            judges,
            room: judges * cap,
            needed,
        },
    ))
}

/// Step 3: lowers the most applications any two judges share, then how many pairs share that
/// many, while it can. Every change makes the list of shared counts, sorted from the highest,
/// lexicographically smaller, so it never undoes itself. Returns how many changes it made.
fn spread(state: &mut State<'_>, demand: &[usize], rng: &mut SplitMix64) -> usize {
    let judges = state.loads.len() as u64;
    let possible = judges * judges.saturating_sub(1) / 2;
    let shared: u64 = demand.iter().map(|&d| (d * d.saturating_sub(1) / 2) as u64).sum();
    if possible == 0 || shared == 0 {
        return 0;
    }
    // No assignment can do better than the average, rounded up.
    let floor = shared.div_ceil(possible).max(1);
    let assignments: u64 = demand.iter().map(|&d| d as u64).sum();
    let mut budget = SPREAD_BUDGET + SPREAD_BUDGET_PER_ASSIGNMENT * assignments;
    let mut moves = 0;
    loop {
        let (top, _) = state.pairs.max();
        if u64::from(top) <= floor {
            return moves;
        }
        // The pairs at the top first; when none of them can be helped, those just below, which
        // makes room for the next round at the top.
        let mut helped = false;
        for level in [top, top - 1] {
            for (x, y) in state.pairs.at(level) {
                if state.pairs.get(x, y) != level {
                    continue;
                }
                if separate(state, x, y, rng, &mut budget) {
                    moves += 1;
                    helped = true;
                }
                if budget == 0 {
                    return moves;
                }
            }
            if helped || u64::from(level) <= floor {
                break;
            }
        }
        if !helped {
            return moves;
        }
    }
}

/// Whether taking one shared application from each pair in `down` and adding one to each pair in
/// `up` (all different pairs) makes the list of all shared counts, sorted from the highest,
/// lexicographically smaller: at the highest count where the number of pairs changes, it falls.
fn improves(pairs: &Pairs, down: &[(u32, u32)], up: &[(u32, u32)], levels: &mut Vec<(u16, i32)>) -> bool {
    levels.clear();
    for &(x, y) in down {
        let old = pairs.get(x, y);
        levels.extend([(old, -1), (old.saturating_sub(1), 1)]);
    }
    for &(x, y) in up {
        let old = pairs.get(x, y);
        levels.extend([(old, -1), (old.saturating_add(1), 1)]);
    }
    // Few entries: scanning for each next level down beats sorting them.
    let mut above = u32::MAX;
    loop {
        let Some(level) = levels.iter().map(|l| u32::from(l.0)).filter(|&l| l < above).max() else {
            return false;
        };
        let net: i32 = levels.iter().filter(|l| u32::from(l.0) == level).map(|l| l.1).sum();
        if net != 0 {
            return net < 0;
        }
        above = level;
    }
}

/// Takes one application away from the pair (x, y) by an improving change: one of the two leaves
/// a shared application for a judge with fewer applications, or for another judge who gives
/// them one of theirs in exchange. Loads never become less even. Changes that raise no pair to
/// the pair's own count are looked for first: they are certain to improve and cheap to find.
fn separate(state: &mut State<'_>, x: u32, y: u32, rng: &mut SplitMix64, budget: &mut u64) -> bool {
    let judges = state.loads.len();
    let level = state.pairs.get(x, y);
    let shared: Vec<usize> = state.applications_of[x as usize]
        .iter()
        .map(|&a| a as usize)
        .filter(|&a| state.holds(a, y))
        .collect();
    let start = rng.below(judges);
    let rotation = (start..judges).chain(0..start).map(|v| v as u32);
    let (mut down, mut up, mut levels) = (Vec::new(), Vec::new(), Vec::new());
    for certain in [true, false] {
        for &a in &shared {
            for leaving in [x, y] {
                // A pair may gain an application only while it shares fewer than `limit`.
                let limit = if certain {
                    level.saturating_sub(1)
                } else {
                    state
                        .members(a)
                        .iter()
                        .map(|&o| state.pairs.get(leaving, o))
                        .max()
                        .unwrap_or(0)
                };
                // Alone, to a judge with fewer applications.
                for v in rotation.clone() {
                    *budget = budget.saturating_sub(1);
                    if state.loads[v as usize] >= state.loads[leaving as usize]
                        || state.holds(a, v)
                        || !state.conflicts.allows(a, v as usize)
                        || state
                            .members(a)
                            .iter()
                            .any(|&o| o != leaving && state.pairs.get(v, o) >= limit)
                    {
                        continue;
                    }
                    down.clear();
                    up.clear();
                    for &o in state.members(a).iter().filter(|&&o| o != leaving) {
                        down.push((leaving, o));
                        up.push((v, o));
                    }
                    if certain || improves(&state.pairs, &down, &up, &mut levels) {
                        state.replace(a, leaving, v);
                        return true;
                    }
                }
                // In exchange for one of v's applications b, which `leaving` takes.
                for v in rotation.clone() {
                    *budget = budget.saturating_sub(1);
                    if *budget == 0 {
                        return false;
                    }
                    if state.holds(a, v)
                        || !state.conflicts.allows(a, v as usize)
                        || state
                            .members(a)
                            .iter()
                            .any(|&o| o != leaving && state.pairs.get(v, o) >= limit)
                    {
                        continue;
                    }
                    let theirs = &state.applications_of[v as usize];
                    let offset = rng.below(theirs.len());
                    for i in 0..theirs.len().min(EXCHANGE_TRIES) {
                        *budget = budget.saturating_sub(1);
                        let b = theirs[(offset + i) % theirs.len()] as usize;
                        // A judge on both a and b keeps both pairs as they are.
                        if state.holds(b, leaving)
                            || !state.conflicts.allows(b, leaving as usize)
                            || state
                                .members(b)
                                .iter()
                                .any(|&o| o != v && !state.holds(a, o) && state.pairs.get(leaving, o) >= limit)
                        {
                            continue;
                        }
                        down.clear();
                        up.clear();
                        for &o in state.members(a).iter().filter(|&&o| o != leaving && !state.holds(b, o)) {
                            down.push((leaving, o));
                            up.push((v, o));
                        }
                        for &o in state.members(b).iter().filter(|&&o| o != v && !state.holds(a, o)) {
                            down.push((v, o));
                            up.push((leaving, o));
                        }
                        if certain || improves(&state.pairs, &down, &up, &mut levels) {
                            state.replace(a, leaving, v);
                            state.replace(b, v, leaving);
                            return true;
                        }
                    }
                }
            }
        }
    }
    false
}

/// Connected parts of the judge–application graph (union–find over judges through the
/// applications they share), counting only judges with applications.
fn parts(state: &State<'_>) -> usize {
    let judges = state.loads.len();
    let mut parent: Vec<usize> = (0..judges).collect();
    fn root(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for a in 0..state.offsets.len() - 1 {
        let members = state.members(a);
        if let Some(&first) = members.first() {
            for &other in &members[1..] {
                let (x, y) = (root(&mut parent, first as usize), root(&mut parent, other as usize));
                if x != y {
                    parent[x.max(y)] = x.min(y);
                }
            }
        }
    }
    (0..judges)
        .filter(|&j| state.loads[j] > 0 && root(&mut parent, j) == j)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::fields::Sp;

    fn problem(judges: usize, applications: usize, k: usize, seed: u64) -> Problem {
        Problem {
            judges,
            per_application: k,
            max_per_judge: None,
            seed,
            conflicts: Conflicts::none(judges, applications),
        }
    }

    fn spread_of(plan: &Plan) -> (usize, usize) {
        let min = plan.loads.iter().copied().min().unwrap_or(0);
        let max = plan.loads.iter().copied().max().unwrap_or(0);
        (min, max)
    }

    /// Every application has its K judges, distinct, free of conflicts, and the loads add up.
    fn check_valid(problem: &Problem, plan: &Plan) {
        let mut loads = vec![0; problem.judges];
        for a in 0..plan.applications() {
            let judges = plan.judges(a);
            assert_eq!(judges.len(), problem.per_application, "application {a}");
            assert!(judges.windows(2).all(|w| w[0] < w[1]), "sorted, no repeats: {judges:?}");
            for &j in judges {
                assert!(problem.conflicts.allows(a, j as usize), "{j} conflicts with {a}");
                loads[j as usize] += 1;
            }
        }
        assert_eq!(loads, plan.loads);
    }

    #[test]
    fn splitmix64_gives_the_reference_sequence() {
        // The values published with the generator (Rosetta Code, "Pseudo-random numbers/Splitmix64").
        let mut rng = SplitMix64::new(1_234_567);
        let got: Vec<u64> = (0..5).map(|_| rng.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423,
                4_593_380_528_125_082_431,
                16_408_922_859_458_223_821
            ]
        );
        assert_eq!(SplitMix64::new(0).next_u64(), 0xE220_A839_7B1D_CDAF);
    }

    #[test]
    fn below_stays_in_range_and_shuffle_permutes() {
        let mut rng = SplitMix64::new(9);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        assert_eq!(rng.below(0), 0);
        let mut items: Vec<u32> = (0..50).collect();
        rng.shuffle(&mut items);
        assert_ne!(items, (0..50).collect::<Vec<_>>());
        items.sort_unstable();
        assert_eq!(items, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn without_conflicts_loads_differ_by_at_most_one() {
        for (judges, apps, k) in [(3, 5, 2), (10, 37, 3), (7, 7, 7), (50, 1000, 5), (13, 1, 4)] {
            let p = problem(judges, apps, k, 42);
            let plan = assign(&p);
            check_valid(&p, &plan);
            let (min, max) = spread_of(&plan);
            assert!(max - min <= 1, "{judges} judges, {apps} × {k}: {min}..{max}");
            assert_eq!(plan.loads.iter().sum::<usize>(), apps * k);
            assert!(plan.shortfalls.is_empty());
        }
    }

    #[test]
    fn the_same_seed_gives_the_same_plan_and_another_seed_another() {
        let members = |seed| {
            let plan = assign(&problem(20, 200, 3, seed));
            (0..200).map(|a| plan.judges(a).to_vec()).collect::<Vec<_>>()
        };
        assert_eq!(members(1), members(1));
        assert_ne!(members(1), members(2));
    }

    #[test]
    fn four_judges_two_each_six_applications_pair_every_two_once() {
        // C(4, 2) = 6 pairs for 6 applications: the best assignment uses each pair once.
        for seed in 0..20 {
            let p = problem(4, 6, 2, seed);
            let plan = assign(&p);
            check_valid(&p, &plan);
            assert_eq!((plan.max_pair, plan.pairs_at_max), (1, 6), "seed {seed}");
            assert_eq!(plan.loads, [3, 3, 3, 3]);
        }
    }

    #[test]
    fn pairs_are_spread_down_to_the_average_on_a_larger_call() {
        // 1000 applications × C(4, 2) = 6000 shared places over C(30, 2) = 435 pairs: 13.79 on
        // average, so some pair shares at least 14.
        for seed in 0..3 {
            let p = problem(30, 1000, 4, seed);
            let plan = assign(&p);
            check_valid(&p, &plan);
            assert_eq!(plan.max_pair, 14, "seed {seed}");
            assert_eq!(plan.parts, 1);
            let (min, max) = spread_of(&plan);
            assert_eq!((min, max), (133, 134), "4000 places for 30 judges");
        }
    }

    #[test]
    fn declared_and_group_conflicts_are_respected() {
        let mut p = problem(6, 40, 3, 3);
        // Judges 0 and 1 from group 0, 2 from group 1; applications alternate between the groups.
        p.conflicts.judge_group = vec![Some(0), Some(0), Some(1), None, None, None];
        for a in 0..40 {
            p.conflicts.application_group[a] = Some((a % 2) as u32);
            if a % 5 == 0 {
                p.conflicts.judges[a] = vec![3];
            }
        }
        assert_eq!(p.conflicts.free()[0], 3, "0, 1 by group and 3 declared");
        assert_eq!(p.conflicts.free()[1], 5);
        let plan = assign(&p);
        check_valid(&p, &plan);
        assert!(plan.shortfalls.is_empty());
        assert!(
            (0..40)
                .filter(|a| a % 5 == 0 && a % 2 == 0)
                .all(|a| plan.judges(a) == [2, 4, 5])
        );
    }

    #[test]
    fn too_few_free_judges_is_a_shortfall_naming_how_many_are_free() {
        let mut p = problem(3, 4, 2, 0);
        p.conflicts.judges[1] = vec![0, 2];
        p.conflicts.judges[3] = vec![1];
        let plan = assign(&p);
        assert_eq!(
            plan.shortfalls,
            [Shortfall {
                application: 1,
                free: 1,
                why: Short::Conflicts
            }]
        );
        assert_eq!(plan.judges(1), [1], "it still gets the one judge it can have");
    }

    #[test]
    fn max_per_judge_is_met_when_the_balanced_loads_meet_it() {
        // 10 applications × 2 = 20 places; 4 judges × 5 = 20: just enough.
        let mut p = problem(4, 10, 2, 1);
        p.max_per_judge = Some(5);
        let plan = assign(&p);
        assert!(plan.shortfalls.is_empty());
        assert_eq!(plan.loads, [5, 5, 5, 5]);
        // × 4 = 16 places: every application is caught in the shortage.
        p.max_per_judge = Some(4);
        let plan = assign(&p);
        assert_eq!(plan.shortfalls.len(), 10);
        assert_eq!(
            plan.shortfalls[0].why,
            Short::Capacity {
                judges: 4,
                room: 16,
                needed: 20
            }
        );
    }

    #[test]
    fn a_local_shortage_names_only_the_applications_caught_in_it() {
        // Applications 0–2 may only have judges 0 or 1; 3 any of the four. With one judge each
        // and at most one application per judge, 0–2 need three places from two judges.
        let mut p = problem(4, 4, 1, 5);
        p.max_per_judge = Some(1);
        for a in 0..3 {
            p.conflicts.judges[a] = vec![2, 3];
        }
        let plan = assign(&p);
        let short: Vec<usize> = plan.shortfalls.iter().map(|s| s.application).collect();
        assert_eq!(short, [0, 1, 2]);
        assert!(
            plan.shortfalls.iter().all(|s| s.free == 2
                && s.why
                    == Short::Capacity {
                        judges: 2,
                        room: 2,
                        needed: 3
                    }),
            "{:?}",
            plan.shortfalls
        );
        // With room for two each, it fits.
        p.max_per_judge = Some(2);
        let plan = assign(&p);
        assert!(plan.shortfalls.is_empty(), "{:?}", plan.shortfalls);
        check_valid(&p, &plan);
    }

    /// A hand-built state: `members[a]` for each application, K = 1.
    fn state<'c>(conflicts: &'c Conflicts, judges: usize, members: &[u32]) -> State<'c> {
        let mut s = State {
            conflicts,
            offsets: (0..=members.len()).collect(),
            members: members.to_vec(),
            loads: vec![0; judges],
            pairs: Pairs::new(judges, true),
            applications_of: vec![Vec::new(); judges],
        };
        for (a, &j) in members.iter().enumerate() {
            s.loads[j as usize] += 1;
            s.applications_of[j as usize].push(a as u32);
        }
        s
    }

    #[test]
    fn balancing_follows_a_chain_when_no_direct_hand_over_exists() {
        // Judge 0 has a0 and a1, which judge 2 may not take; judge 1 has a2, which judge 2 may.
        // Loads 2, 1, 0: a2 goes to judge 2 and a0 (or a1) to judge 1, for 1, 1, 1.
        let mut c = Conflicts::none(3, 3);
        c.judges[0] = vec![2];
        c.judges[1] = vec![2];
        let mut s = state(&c, 3, &[0, 0, 1]);
        assert_eq!(balance(&mut s), 1);
        assert_eq!(s.loads, [1, 1, 1]);
        assert_eq!(s.members(2), [2]);
    }

    #[test]
    fn balancing_stops_where_the_conflicts_allow_no_better() {
        // Judge 1 may take nothing but a3: loads 3, 1 are the best there is.
        let mut c = Conflicts::none(2, 4);
        for a in 0..3 {
            c.judges[a] = vec![1];
        }
        let mut s = state(&c, 2, &[0, 0, 0, 0]);
        assert_eq!(balance(&mut s), 1);
        assert_eq!(s.loads, [3, 1]);
    }

    #[test]
    fn separate_groups_of_judges_make_separate_parts() {
        let mut p = problem(4, 4, 2, 0);
        for a in 0..4 {
            p.conflicts.judges[a] = if a < 2 { vec![2, 3] } else { vec![0, 1] };
        }
        let plan = assign(&p);
        assert_eq!(plan.parts, 2);
        assert_eq!(assign(&problem(4, 4, 2, 0)).parts, 1);
    }

    #[test]
    fn sparse_pair_counts_agree_with_the_dense_ones() {
        let mut dense = Pairs::new(5, true);
        let mut sparse = Pairs::new(5, false);
        for (x, y, up) in [
            (0, 1, true),
            (1, 0, true),
            (2, 4, true),
            (0, 1, false),
            (3, 4, true),
            (4, 2, true),
        ] {
            dense.bump(x, y, up);
            sparse.bump(x, y, up);
        }
        for x in 0..5 {
            for y in 0..5 {
                assert_eq!(dense.get(x, y), sparse.get(x, y), "({x}, {y})");
            }
        }
        assert_eq!(dense.max(), (2, 1));
        assert_eq!(sparse.max(), (2, 1));
        assert_eq!(sparse.at(1), [(0, 1), (3, 4)]);
        let (mut a, mut b) = (vec![0u64; 5], vec![0u64; 5]);
        dense.add_costs(4, &mut a);
        sparse.add_costs(4, &mut b);
        assert_eq!(a, b);
        assert_eq!(a, [0, 0, 4, 1, 0]);
    }

    #[test]
    fn counting_pairs_in_maps_gives_the_same_plan_as_in_a_matrix() {
        let mut p = problem(30, 1000, 4, 11);
        for a in (0..1000).step_by(7) {
            p.conflicts.judges[a] = vec![(a % 30) as u32];
        }
        let (dense, sparse) = (plan(&p, true), plan(&p, false));
        assert!((0..1000).all(|a| dense.judges(a) == sparse.judges(a)));
        assert_eq!(
            (dense.max_pair, dense.pairs_at_max),
            (sparse.max_pair, sparse.pairs_at_max)
        );
        assert!(dense.pair_moves > 0, "the spreading step ran");
    }

    fn judge(id: &str, country: &str, organization: Option<&str>, conflicts: &[&str]) -> Judge {
        Judge {
            id: id.to_string(),
            name: format!("Judge {id}"),
            country: Some(country.to_string()),
            organization: organization.map(str::to_string),
            conflicts: conflicts.iter().map(|c| Sp::new(c.to_string(), 0..0)).collect(),
            rounds: None,
        }
    }

    fn application(id: &str, country: &str, name: &str, organization: Option<&str>) -> Application {
        let mut app = Application {
            id: id.to_string(),
            ..Application::default()
        };
        app.applicant.country = Some(country.to_string());
        app.applicant.name = Some(name.to_string());
        app.applicant.organization = organization.map(str::to_string);
        app
    }

    #[test]
    fn conflicts_agree_with_the_roster_on_every_pair() {
        let judges = [
            judge("ja", "KR", Some("Seoul Digital Foundation"), &["A2"]),
            judge("jb", "PT", None, &[]),
            judge("jc", "KR", Some("  seoul digital FOUNDATION "), &["A1", "A3"]),
            judge("jd", "CO", Some(""), &[]),
            // Upper-cased, ß becomes SS: looked up by its folded key all the same.
            judge("je", "DE", Some("MÜNCHNER STRASSE GMBH"), &[]),
        ];
        let apps = [
            application("A1", "KR", "City of Seoul", Some("Seoul Digital Foundation")),
            application("A2", "PT", "Judge jb", None),
            application("A3", "CO", "Lisbon", Some("")),
            application("A4", "GH", "Accra", None),
            application("A5", "DE", "Munich", Some("Münchner Straße GmbH")),
        ];
        let judge_refs: Vec<&Judge> = judges.iter().collect();
        let app_refs: Vec<&Application> = apps.iter().collect();
        for (same_country, same_organization) in [(false, false), (true, false), (false, true), (true, true)] {
            let rules = crate::model::config::Conflicts {
                same_country,
                same_organization,
            };
            let c = conflicts(&rules, &judge_refs, &app_refs);
            for (a, app) in apps.iter().enumerate() {
                for (j, judge) in judges.iter().enumerate() {
                    assert_eq!(
                        c.allows(a, j),
                        crate::check::conflicts::conflict(&rules, judge, app).is_none(),
                        "{} and {} with {rules:?}",
                        judge.id,
                        app.id
                    );
                }
                let free = judges
                    .iter()
                    .filter(|j| crate::check::conflicts::conflict(&rules, j, app).is_none())
                    .count();
                assert_eq!(c.free()[a], free, "{} with {rules:?}", app.id);
            }
        }
    }
}
