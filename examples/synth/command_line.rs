//! The command line: the arguments, and the presets they choose from.

use std::path::PathBuf;

use clap::{Parser, ValueEnum};

/// Write a fictional, reproducible sample archive for `prize`.
#[derive(Parser)]
#[command(name = "synth")]
pub(crate) struct Args {
    /// Which prize to imitate.
    #[arg(long, value_enum)]
    pub(crate) preset: Preset,
    /// The archive folder to write (created if missing).
    #[arg(long)]
    pub(crate) out: PathBuf,
    /// How many applications to generate [default: the preset's].
    #[arg(long)]
    pub(crate) applications: Option<usize>,
    /// How many judges to put on the roster [default: the preset's].
    #[arg(long)]
    pub(crate) judges: Option<usize>,
    /// Seed of the generator [default: the preset's].
    #[arg(long)]
    pub(crate) seed: Option<u64>,
    /// Replace prize.toml, judges.toml, applications/, scores/ and assignments/ in a non-empty folder.
    #[arg(long)]
    pub(crate) force: bool,
    /// Score the final round of a large run too (10,000 applications or more), which means
    /// loading the whole archive to let `prize` decide the finalists: about 5 s for 100,000.
    #[arg(long)]
    pub(crate) score_final: bool,
    /// Also list, on stderr, the applications that carry each planted problem.
    #[arg(short, long)]
    pub(crate) verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Preset {
    /// Seoul Smart City Prize 2026: 240 applications, 16 judges, seed 2026.
    #[value(name = "sscp-2026")]
    Sscp2026,
}

/// What a preset fixes: the edition's rules and the shape of its archive.
pub(crate) struct PresetSpec {
    pub(crate) name: &'static str,
    pub(crate) prize_toml: &'static str,
    pub(crate) applications: usize,
    pub(crate) judges: usize,
    pub(crate) seed: u64,
    pub(crate) id_prefix: &'static str,
    /// The edition's window, as written in `prize.toml`.
    pub(crate) opens: &'static str,
    pub(crate) deadline: &'static str,
    /// `[eligibility] min_operating_months`, counted back from the deadline's date.
    pub(crate) min_operating_months: i32,
    pub(crate) tracks: &'static [TrackSpec],
    pub(crate) rounds: &'static [&'static str],
    /// Hand-written applications added when the default number is generated.
    pub(crate) showcase: &'static [(&'static str, &'static str)],
}

/// A track and how often applications enter it.
pub(crate) struct TrackSpec {
    pub(crate) id: &'static str,
    pub(crate) weight: usize,
    /// Whether individuals (rather than organisations) enter it.
    pub(crate) individuals: bool,
    /// Relative frequency of each sector in this track, in `SECTORS` order.
    pub(crate) sector_weights: [usize; 7],
}

const SSCP_2026: PresetSpec = PresetSpec {
    name: "sscp-2026",
    prize_toml: include_str!("../../src/templates/sscp-2026/prize.toml"),
    applications: 240,
    judges: 16,
    seed: 2026,
    id_prefix: "SSCP-2026-",
    opens: "2026-02-13T09:00:00+09:00",
    deadline: "2026-05-29T18:00:00+09:00",
    min_operating_months: 6,
    tracks: &[
        TrackSpec {
            id: "tech-innovacity",
            weight: 42,
            individuals: false,
            sector_weights: [22, 14, 10, 16, 16, 6, 16],
        },
        TrackSpec {
            id: "human-centricity",
            weight: 42,
            individuals: false,
            sector_weights: [14, 14, 28, 12, 6, 14, 12],
        },
        TrackSpec {
            id: "leadership",
            weight: 16,
            individuals: true,
            sector_weights: [12, 10, 20, 12, 8, 10, 28],
        },
    ],
    rounds: &["first", "final"],
    showcase: &[
        ("SSCP-2026-S001.toml", include_str!("../showcase/SSCP-2026-S001.toml")),
        ("SSCP-2026-S002.toml", include_str!("../showcase/SSCP-2026-S002.toml")),
        ("SSCP-2026-S003.toml", include_str!("../showcase/SSCP-2026-S003.toml")),
        ("SSCP-2026-S004.toml", include_str!("../showcase/SSCP-2026-S004.toml")),
    ],
};

impl Preset {
    pub(crate) fn spec(self) -> &'static PresetSpec {
        match self {
            Preset::Sscp2026 => &SSCP_2026,
        }
    }
}
