//! Writes a fictional, reproducible sample archive for `prize`.
//!
//! ```text
//! cargo run --release --example synth -- --preset sscp-2026 --out data/sscp-2026
//! cargo run --release --example synth -- --preset sscp-2026 --out /tmp/big \
//!     --applications 100000 --judges 1000
//! ```
//!
//! Everything written is invented: the applicants, projects, numbers and judges.
//! Cities, countries and time zones are real so that the sample looks like a real
//! edition, and the sample carries the problems a secretariat meets every year
//! (late and waived submissions, planned projects, a project too young, a
//! duplicate applicant, a rejection) so that `prize validate` has something to find.
//!
//! It also writes the jury's score sheets, `scores/<round>/<judge>.csv`, in the
//! canonical form `prize scores import` stores: in the first round every eligible
//! application gets 3–5 judges (5 from 10,000 applications on), in the final the
//! finalists `prize` itself advances get 4–5. Judges differ the way real ones do —
//! a lenient one, a strict one, one who never leaves the middle of the scale — so the
//! scoring methods disagree in places. Large runs score the final only with `--score-final`.
//!
//! The same arguments always give byte-identical files.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt::Write as _;
use std::fs;
use std::io::{self, BufWriter, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use jiff::Timestamp;
use jiff::tz::{Offset, TimeZone};
use rayon::prelude::*;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

/// Write a fictional, reproducible sample archive for `prize`.
#[derive(Parser)]
#[command(name = "synth")]
struct Args {
    /// Which prize to imitate.
    #[arg(long, value_enum)]
    preset: Preset,
    /// The archive folder to write (created if missing).
    #[arg(long)]
    out: PathBuf,
    /// How many applications to generate [default: the preset's].
    #[arg(long)]
    applications: Option<usize>,
    /// How many judges to put on the roster [default: the preset's].
    #[arg(long)]
    judges: Option<usize>,
    /// Seed of the generator [default: the preset's].
    #[arg(long)]
    seed: Option<u64>,
    /// Replace prize.toml, judges.toml, applications/, scores/ and assignments/ in a non-empty folder.
    #[arg(long)]
    force: bool,
    /// Score the final round of a large run too (10,000 applications or more), which means
    /// loading the whole archive to let `prize` decide the finalists: about 5 s for 100,000.
    #[arg(long)]
    score_final: bool,
    /// Also list, on stderr, the applications that carry each planted problem.
    #[arg(short, long)]
    verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Preset {
    /// Seoul Smart City Prize 2026: 240 applications, 16 judges, seed 2026.
    #[value(name = "sscp-2026")]
    Sscp2026,
}

/// What a preset fixes: the edition's rules and the shape of its archive.
struct PresetSpec {
    name: &'static str,
    prize_toml: &'static str,
    applications: usize,
    judges: usize,
    seed: u64,
    id_prefix: &'static str,
    /// The edition's window, as written in `prize.toml`.
    opens: &'static str,
    deadline: &'static str,
    /// `[eligibility] min_operating_months`, counted back from the deadline's date.
    min_operating_months: i32,
    tracks: &'static [TrackSpec],
    rounds: &'static [&'static str],
    /// Hand-written applications added when the default number is generated.
    showcase: &'static [(&'static str, &'static str)],
}

/// A track and how often applications enter it.
struct TrackSpec {
    id: &'static str,
    weight: usize,
    /// Whether individuals (rather than organisations) enter it.
    individuals: bool,
    /// Relative frequency of each sector in this track, in `SECTORS` order.
    sector_weights: [usize; 7],
}

const SSCP_2026: PresetSpec = PresetSpec {
    name: "sscp-2026",
    prize_toml: include_str!("../src/templates/sscp-2026/prize.toml"),
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
        ("SSCP-2026-S001.toml", include_str!("showcase/SSCP-2026-S001.toml")),
        ("SSCP-2026-S002.toml", include_str!("showcase/SSCP-2026-S002.toml")),
        ("SSCP-2026-S003.toml", include_str!("showcase/SSCP-2026-S003.toml")),
        ("SSCP-2026-S004.toml", include_str!("showcase/SSCP-2026-S004.toml")),
    ],
};

impl Preset {
    fn spec(self) -> &'static PresetSpec {
        match self {
            Preset::Sscp2026 => &SSCP_2026,
        }
    }
}

// ---------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------

/// `SplitMix64` (Steele, Lea and Flood, 2014), written out here rather than taken
/// from a crate because its output is fixed by these few lines and never changes
/// between crate versions: the same seed gives the same sample archive forever.
struct SplitMix64(u64);

impl SplitMix64 {
    /// A generator for one independent stream (`tag`) of the given seed.
    fn stream(seed: u64, tag: u64) -> Self {
        let mut mixer = SplitMix64(seed ^ tag.wrapping_mul(0xD1B5_4A32_D192_ED03));
        SplitMix64(mixer.next_u64())
    }

    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`), without modulo bias worth mentioning.
    fn below(&mut self, n: usize) -> usize {
        let wide = u128::from(self.next_u64()) * n as u128;
        // Less than `n`, so it fits.
        usize::try_from(wide >> 64).unwrap_or(0)
    }

    /// A number in `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        let span = usize::try_from(hi - lo).unwrap_or(0) + 1;
        lo + i64::try_from(self.below(span)).unwrap_or(0)
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A standard normal number, near enough: the sum of six uniform numbers, centred and
    /// scaled (Irwin–Hall). Plain arithmetic, so every platform gives the same bits, which
    /// `ln` and `cos` (Box–Muller) do not promise.
    fn normal(&mut self) -> f64 {
        let sum: f64 = (0..6).map(|_| self.unit()).sum();
        (sum - 3.0) * std::f64::consts::SQRT_2
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// A number in `lo..=hi`.
    fn int(&mut self, lo: i32, hi: i32) -> i32 {
        let span = usize::try_from(hi - lo).unwrap_or(0) + 1;
        lo + i32::try_from(self.below(span)).unwrap_or(0)
    }

    fn weighted(&mut self, weights: &[usize]) -> usize {
        let total: usize = weights.iter().sum();
        let mut ticket = self.below(total);
        for (i, w) in weights.iter().enumerate() {
            if ticket < *w {
                return i;
            }
            ticket -= w;
        }
        weights.len() - 1
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct items of `items`, in their original order.
    fn sample<'a, T>(&mut self, items: &'a [T], k: usize) -> Vec<&'a T> {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        self.shuffle(&mut idx);
        idx.truncate(k);
        idx.sort_unstable();
        idx.into_iter().map(|i| &items[i]).collect()
    }
}

// ---------------------------------------------------------------------------
// The world: people's names, cities, sectors
// ---------------------------------------------------------------------------

/// How people are named in one language or region.
struct Culture {
    female: &'static [&'static str],
    male: &'static [&'static str],
    family: &'static [&'static str],
    /// Feminine forms of `family`, index for index, where the language has them.
    family_female: &'static [&'static str],
    family_first: bool,
}

const KOREAN: Culture = Culture {
    female: &[
        "Ji-woo", "Seo-yeon", "Hye-jin", "Soo-ah", "Eun-ji", "Ha-eun", "Mi-kyung", "Na-rae", "Yoon-seo",
    ],
    male: &[
        "Min-jun",
        "Dong-hyun",
        "Jae-won",
        "Sung-min",
        "Young-ho",
        "Tae-yang",
        "Jun-seo",
        "Hyun-woo",
        "Sang-hoon",
    ],
    family: &[
        "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Shin", "Seo", "Kwon",
        "Hwang", "Ahn", "Song", "Oh",
    ],
    family_female: &[],
    family_first: true,
};
const SPANISH: Culture = Culture {
    female: &[
        "María",
        "Lucía",
        "Camila",
        "Valentina",
        "Daniela",
        "Carmen",
        "Paula",
        "Ana",
        "Isabel",
        "Natalia",
    ],
    male: &[
        "José",
        "Alejandro",
        "Andrés",
        "Santiago",
        "Javier",
        "Mateo",
        "Diego",
        "Sebastián",
        "Julián",
        "Tomás",
    ],
    family: &[
        "García",
        "Rodríguez",
        "Martínez",
        "López",
        "Hernández",
        "Gómez",
        "Díaz",
        "Muñoz",
        "Restrepo",
        "Castillo",
        "Vargas",
        "Morales",
        "Ortiz",
        "Rojas",
        "Navarro",
        "Jiménez",
        "Ramírez",
        "Sánchez",
        "Torres",
        "Peña",
    ],
    family_female: &[],
    family_first: false,
};
const PORTUGUESE: Culture = Culture {
    female: &[
        "Ana", "Beatriz", "Mariana", "Inês", "Larissa", "Luísa", "Fernanda", "Joana", "Carolina",
    ],
    male: &[
        "João", "Pedro", "Tiago", "Rafael", "Gonçalo", "Thiago", "Rodrigo", "Miguel", "Lucas",
    ],
    family: &[
        "Silva",
        "Santos",
        "Ferreira",
        "Oliveira",
        "Costa",
        "Pereira",
        "Almeida",
        "Carvalho",
        "Sousa",
        "Rodrigues",
        "Gonçalves",
        "Araújo",
        "Lima",
        "Conceição",
    ],
    family_female: &[],
    family_first: false,
};
const KENYAN: Culture = Culture {
    female: &[
        "Grace", "Faith", "Mercy", "Joy", "Esther", "Wanjiru", "Achieng", "Njeri",
    ],
    male: &[
        "Brian", "Kevin", "Dennis", "Samuel", "Peter", "Kiprono", "Otieno", "Mwangi",
    ],
    family: &[
        "Otieno",
        "Kamau",
        "Mwangi",
        "Achieng",
        "Njoroge",
        "Odhiambo",
        "Chebet",
        "Mutua",
        "Wambui",
        "Ochieng",
        "Kiprotich",
        "Wafula",
    ],
    family_female: &[],
    family_first: false,
};
const RWANDAN: Culture = Culture {
    female: &["Aline", "Claudine", "Diane", "Josiane", "Grâce", "Solange"],
    male: &["Jean-Paul", "Eric", "Patrick", "Olivier", "Emmanuel", "Innocent"],
    family: &[
        "Uwimana",
        "Mugisha",
        "Habimana",
        "Niyonsaba",
        "Mukamana",
        "Nshimiyimana",
        "Ingabire",
        "Kayitesi",
        "Ndayisaba",
    ],
    family_female: &[],
    family_first: false,
};
const ETHIOPIAN: Culture = Culture {
    female: &["Selam", "Hanna", "Meron", "Tigist", "Liya", "Bethlehem"],
    male: &["Dawit", "Yonas", "Abebe", "Bereket", "Samuel", "Henok"],
    family: &[
        "Tesfaye", "Bekele", "Haile", "Girma", "Alemu", "Wolde", "Mekonnen", "Tadesse", "Assefa", "Kebede",
    ],
    family_female: &[],
    family_first: false,
};
const GHANAIAN: Culture = Culture {
    female: &["Akosua", "Ama", "Efua", "Abena", "Esi", "Adwoa"],
    male: &["Kwame", "Kofi", "Yaw", "Kwabena", "Nana", "Kojo"],
    family: &[
        "Mensah", "Asante", "Owusu", "Boateng", "Appiah", "Osei", "Agyeman", "Darko", "Addo", "Quaye",
    ],
    family_female: &[],
    family_first: false,
};
const NIGERIAN: Culture = Culture {
    female: &["Ngozi", "Funmilayo", "Aisha", "Adaeze", "Zainab", "Chiamaka"],
    male: &["Chinedu", "Oluwaseun", "Emeka", "Ibrahim", "Tunde", "Babajide"],
    family: &[
        "Okafor", "Adeyemi", "Bello", "Eze", "Okonkwo", "Balogun", "Nwosu", "Abubakar", "Ogunleye", "Danjuma",
    ],
    family_female: &[],
    family_first: false,
};
const SOUTH_AFRICAN: Culture = Culture {
    female: &["Thandiwe", "Lerato", "Nomvula", "Zanele", "Anele", "Karien"],
    male: &["Sipho", "Pieter", "Thabo", "Johan", "Kagiso", "Ravi"],
    family: &[
        "Nkosi",
        "Dlamini",
        "van der Merwe",
        "Mokoena",
        "Botha",
        "Naidoo",
        "Khumalo",
        "Ndlovu",
        "Pillay",
        "Mahlangu",
    ],
    family_female: &[],
    family_first: false,
};
const EGYPTIAN: Culture = Culture {
    female: &["Nour", "Salma", "Mariam", "Rania", "Heba", "Yasmin"],
    male: &["Ahmed", "Omar", "Youssef", "Karim", "Tarek", "Mostafa"],
    family: &[
        "Hassan",
        "Mahmoud",
        "Abdelrahman",
        "El-Sayed",
        "Farouk",
        "Mansour",
        "Saleh",
        "Fathy",
    ],
    family_female: &[],
    family_first: false,
};
const JORDANIAN: Culture = Culture {
    female: &["Lina", "Rawan", "Dana", "Hala", "Sara", "Reem"],
    male: &["Omar", "Zaid", "Faris", "Khaled", "Yazan", "Hamza"],
    family: &[
        "Haddad", "Khalil", "Nasser", "Awad", "Odeh", "Qasem", "Al-Masri", "Hijazi",
    ],
    family_female: &[],
    family_first: false,
};
const EMIRATI: Culture = Culture {
    female: &["Fatima", "Mariam", "Hessa", "Noura", "Shamma", "Maitha"],
    male: &["Mohammed", "Khalid", "Saeed", "Rashid", "Hamad", "Sultan"],
    family: &[
        "Al Mansoori",
        "Al Hashimi",
        "Al Suwaidi",
        "Al Mazrouei",
        "Al Nuaimi",
        "Al Shamsi",
        "Al Ketbi",
    ],
    family_female: &[],
    family_first: false,
};
const TURKISH: Culture = Culture {
    female: &["Elif", "Zeynep", "Ayşe", "Selin", "Deniz", "Özge"],
    male: &["Mehmet", "Emre", "Burak", "Can", "Murat", "Oğuz"],
    family: &[
        "Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Yıldız", "Aydın", "Öztürk", "Arslan", "Doğan",
    ],
    family_female: &[],
    family_first: false,
};
const UKRAINIAN: Culture = Culture {
    female: &["Olena", "Iryna", "Oksana", "Kateryna", "Yulia", "Nataliia"],
    male: &["Andriy", "Taras", "Dmytro", "Serhiy", "Bohdan", "Oleksandr"],
    family: &[
        "Shevchenko",
        "Kovalenko",
        "Bondarenko",
        "Tkachenko",
        "Kravchenko",
        "Melnyk",
        "Boyko",
        "Savchenko",
        "Lysenko",
        "Marchenko",
    ],
    family_female: &[],
    family_first: false,
};
const POLISH: Culture = Culture {
    female: &[
        "Agnieszka",
        "Katarzyna",
        "Magdalena",
        "Joanna",
        "Małgorzata",
        "Aleksandra",
    ],
    male: &["Piotr", "Tomasz", "Paweł", "Marcin", "Łukasz", "Krzysztof"],
    family: &[
        "Nowak",
        "Kowalski",
        "Wiśniewski",
        "Wójcik",
        "Kamiński",
        "Lewandowski",
        "Zieliński",
        "Mazur",
    ],
    family_female: &[
        "Nowak",
        "Kowalska",
        "Wiśniewska",
        "Wójcik",
        "Kamińska",
        "Lewandowska",
        "Zielińska",
        "Mazur",
    ],
    family_first: false,
};
const GERMAN: Culture = Culture {
    female: &["Anna", "Johanna", "Katharina", "Sabine", "Lena", "Julia", "Miriam"],
    male: &["Lukas", "Felix", "Jonas", "Matthias", "Stefan", "Tobias", "Florian"],
    family: &[
        "Müller",
        "Schmidt",
        "Schneider",
        "Fischer",
        "Weber",
        "Becker",
        "Hoffmann",
        "Wagner",
        "Gruber",
        "Huber",
        "Bauer",
        "Hofer",
    ],
    family_female: &[],
    family_first: false,
};
const FRENCH: Culture = Culture {
    female: &["Camille", "Élodie", "Chloé", "Sophie", "Léa", "Amélie", "Maude"],
    male: &["Julien", "Mathieu", "Antoine", "Hugo", "Nicolas", "François", "Étienne"],
    family: &[
        "Martin",
        "Bernard",
        "Dubois",
        "Lefebvre",
        "Moreau",
        "Laurent",
        "Girard",
        "Roux",
        "Fournier",
        "Tremblay",
        "Gagnon",
        "Lévesque",
    ],
    family_female: &[],
    family_first: false,
};
const ITALIAN: Culture = Culture {
    female: &["Giulia", "Francesca", "Chiara", "Sara", "Elena", "Martina"],
    male: &["Marco", "Luca", "Alessandro", "Matteo", "Davide", "Lorenzo"],
    family: &[
        "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco",
    ],
    family_female: &[],
    family_first: false,
};
const ENGLISH: Culture = Culture {
    female: &[
        "Sarah",
        "Emily",
        "Hannah",
        "Olivia",
        "Rachel",
        "Aoife",
        "Niamh",
        "Charlotte",
        "Priya",
    ],
    male: &[
        "James", "Daniel", "Thomas", "Michael", "Oliver", "Ciarán", "Liam", "Samuel", "Aidan",
    ],
    family: &[
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Wilson", "Evans", "Murphy", "O'Brien", "Kelly", "Walsh",
        "Campbell", "Thompson", "Robinson", "Nguyen", "Patel",
    ],
    family_female: &[],
    family_first: false,
};
const FINNISH: Culture = Culture {
    female: &["Aino", "Laura", "Elina", "Sanna", "Tiina", "Johanna"],
    male: &["Mikko", "Juha", "Antti", "Ville", "Jussi", "Teemu"],
    family: &[
        "Korhonen",
        "Virtanen",
        "Mäkinen",
        "Nieminen",
        "Mäkelä",
        "Hämäläinen",
        "Laine",
        "Heikkinen",
        "Koskinen",
        "Järvinen",
    ],
    family_female: &[],
    family_first: false,
};
const ESTONIAN: Culture = Culture {
    female: &["Kadri", "Liis", "Kristiina", "Triin", "Piret", "Maarja"],
    male: &["Mart", "Tõnu", "Rasmus", "Andres", "Kaspar", "Siim"],
    family: &[
        "Tamm", "Saar", "Sepp", "Mägi", "Kask", "Kukk", "Rebane", "Ilves", "Pärn", "Koppel",
    ],
    family_female: &[],
    family_first: false,
};
const DUTCH: Culture = Culture {
    female: &["Sanne", "Femke", "Lotte", "Anouk", "Eva", "Marloes"],
    male: &["Daan", "Joost", "Pieter", "Thijs", "Bram", "Sander"],
    family: &[
        "de Jong",
        "Jansen",
        "de Vries",
        "van den Berg",
        "van Dijk",
        "Bakker",
        "Visser",
        "Smit",
        "Meijer",
        "de Boer",
    ],
    family_female: &[],
    family_first: false,
};
const INDONESIAN: Culture = Culture {
    female: &["Putri", "Siti", "Dewi", "Ayu", "Intan", "Ratna"],
    male: &["Budi", "Agus", "Rizky", "Hendra", "Wahyu", "Eko"],
    family: &[
        "Santoso",
        "Wijaya",
        "Pratama",
        "Hidayat",
        "Saputra",
        "Kusuma",
        "Nugroho",
        "Setiawan",
        "Lestari",
        "Rahmawati",
    ],
    family_female: &[],
    family_first: false,
};
const MONGOLIAN: Culture = Culture {
    female: &["Oyunchimeg", "Enkhjargal", "Sarangerel", "Nomin", "Bolormaa", "Anujin"],
    male: &[
        "Batbayar",
        "Ganbold",
        "Munkh-Erdene",
        "Temuulen",
        "Bat-Erdene",
        "Tserenbat",
    ],
    family: &[
        "Dorj",
        "Ganbaatar",
        "Enkhbayar",
        "Tsogt",
        "Baatar",
        "Sükhbaatar",
        "Purev",
        "Lkhagva",
    ],
    family_female: &[],
    family_first: false,
};
const KAZAKH: Culture = Culture {
    female: &["Aigerim", "Dana", "Madina", "Saule", "Aliya", "Zhanar"],
    male: &["Nurlan", "Yerlan", "Arman", "Daulet", "Timur", "Askar"],
    family: &["Suleimenov", "Abenov", "Nurpeisov", "Zhakupov", "Omarov", "Kassymov"],
    family_female: &[
        "Suleimenova",
        "Abenova",
        "Nurpeisova",
        "Zhakupova",
        "Omarova",
        "Kassymova",
    ],
    family_first: false,
};
const GEORGIAN: Culture = Culture {
    female: &["Nino", "Tamar", "Mariam", "Ana", "Eka", "Salome"],
    male: &["Giorgi", "Levan", "Davit", "Irakli", "Luka", "Nikoloz"],
    family: &[
        "Beridze",
        "Kapanadze",
        "Gelashvili",
        "Maisuradze",
        "Tsiklauri",
        "Lomidze",
        "Abashidze",
        "Chikovani",
    ],
    family_female: &[],
    family_first: false,
};
const FILIPINO: Culture = Culture {
    female: &["Maria Cristina", "Angelica", "Kristine", "Bea", "Patricia", "Joy"],
    male: &["Jose Miguel", "Mark Anthony", "Paolo", "Rafael", "Carlo", "Jerome"],
    family: &[
        "Santos",
        "Reyes",
        "Cruz",
        "Bautista",
        "Dela Cruz",
        "Garcia",
        "Mendoza",
        "Villanueva",
        "Ramos",
        "Aquino",
    ],
    family_female: &[],
    family_first: false,
};
const VIETNAMESE: Culture = Culture {
    female: &["Thị Lan", "Thu Hà", "Ngọc Anh", "Minh Thư", "Thanh Hương", "Bích Ngọc"],
    male: &["Văn Minh", "Đức Anh", "Quang Huy", "Hoàng Nam", "Tuấn Anh", "Minh Khôi"],
    family: &["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"],
    family_female: &[],
    family_first: true,
};
const THAI: Culture = Culture {
    female: &["Siriporn", "Kanokwan", "Nattaya", "Pimchanok", "Warunee", "Sasithorn"],
    male: &["Somchai", "Thanawat", "Anan", "Kittipong", "Chaiwat", "Prasert"],
    family: &[
        "Srisuk",
        "Chaiyaporn",
        "Wongsakul",
        "Rattanakorn",
        "Boonmee",
        "Saelim",
        "Thongchai",
        "Kaewmanee",
    ],
    family_female: &[],
    family_first: false,
};
const MALAY: Culture = Culture {
    female: &["Nurul Aina", "Siti Aishah", "Farah Nadia", "Nur Izzati", "Aisyah"],
    male: &["Ahmad Faiz", "Muhammad Hafiz", "Azlan", "Khairul Anuar", "Amirul"],
    family: &[
        "bin Abdullah",
        "bin Ismail",
        "bin Rahman",
        "bin Hassan",
        "bin Yusof",
        "bin Ibrahim",
    ],
    family_female: &[
        "binti Abdullah",
        "binti Ismail",
        "binti Rahman",
        "binti Hassan",
        "binti Yusof",
        "binti Ibrahim",
    ],
    family_first: false,
};
const SINGAPOREAN: Culture = Culture {
    female: &["Hui Min", "Xin Yi", "Li Ting", "Pei Shan", "Jia Hui"],
    male: &["Wei Ming", "Jun Jie", "Zhi Hao", "Kai Wen", "Jian Hong"],
    family: &["Tan", "Lim", "Lee", "Ng", "Ong", "Wong", "Goh", "Chua"],
    family_female: &[],
    family_first: true,
};
const TAIWANESE: Culture = Culture {
    female: &["Yi-ting", "Shu-fen", "Ya-wen", "Hsin-yi", "Pei-chun"],
    male: &["Chih-ming", "Chun-hao", "Kuan-yu", "Wei-lun", "Cheng-han"],
    family: &["Chen", "Lin", "Huang", "Chang", "Lee", "Wang", "Wu", "Liu", "Tsai"],
    family_female: &[],
    family_first: true,
};
const JAPANESE: Culture = Culture {
    female: &["Yuki", "Haruka", "Aya", "Misaki", "Naoko", "Emi"],
    male: &["Hiroshi", "Takumi", "Kenta", "Daisuke", "Shota", "Ryo"],
    family: &[
        "Sato",
        "Suzuki",
        "Takahashi",
        "Tanaka",
        "Watanabe",
        "Ito",
        "Yamamoto",
        "Nakamura",
        "Kobayashi",
        "Kato",
    ],
    family_female: &[],
    family_first: true,
};
const CHINESE: Culture = Culture {
    female: &["Fang", "Jing", "Xiaomei", "Yuting", "Jiayi", "Lina"],
    male: &["Wei", "Hao", "Jun", "Zhiqiang", "Yifan", "Haoran"],
    family: &[
        "Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu",
    ],
    family_female: &[],
    family_first: true,
};
const INDIAN: Culture = Culture {
    female: &["Priya", "Ananya", "Lakshmi", "Kavya", "Divya", "Meera"],
    male: &["Arjun", "Rahul", "Vikram", "Suresh", "Karthik", "Aditya"],
    family: &[
        "Sharma", "Iyer", "Reddy", "Nair", "Rao", "Gupta", "Menon", "Patel", "Krishnan", "Hegde",
    ],
    family_female: &[],
    family_first: false,
};
const BANGLADESHI: Culture = Culture {
    female: &["Nusrat", "Farzana", "Tahmina", "Sadia", "Rumana"],
    male: &["Rafiq", "Tanvir", "Mahmudul", "Arif", "Sabbir"],
    family: &[
        "Rahman",
        "Hossain",
        "Islam",
        "Ahmed",
        "Chowdhury",
        "Khan",
        "Sarkar",
        "Haque",
    ],
    family_female: &[],
    family_first: false,
};
const NEPALI: Culture = Culture {
    female: &["Sita", "Anjali", "Sabina", "Pema", "Sunita"],
    male: &["Bikash", "Suman", "Prakash", "Nabin", "Rajan"],
    family: &[
        "Shrestha", "Sharma", "Gurung", "Tamang", "Adhikari", "Maharjan", "Thapa", "Rai",
    ],
    family_female: &[],
    family_first: false,
};
const SRI_LANKAN: Culture = Culture {
    female: &["Nadeesha", "Dilani", "Tharushi", "Ishara", "Sanduni"],
    male: &["Kasun", "Chaminda", "Ruwan", "Nuwan", "Dinesh"],
    family: &[
        "Perera",
        "Fernando",
        "Silva",
        "Jayasinghe",
        "Wickramasinghe",
        "Bandara",
        "Gunawardena",
        "Dissanayake",
    ],
    family_female: &[],
    family_first: false,
};

/// A city that applicants and judges come from.
struct City {
    name: &'static str,
    /// ISO 3166-1 alpha-2.
    country: &'static str,
    /// The city government, as it names itself.
    government: &'static str,
    /// Neighbouring or lower-tier governments: (name, their city).
    more: [(&'static str, &'static str); 2],
    /// POSIX TZ rule, so offsets (summer time included) never depend on the
    /// machine's time-zone database.
    tz: &'static str,
    /// Relative number of applications.
    weight: usize,
    culture: &'static Culture,
    /// A company's legal name, `{}` standing for its brand.
    legal: &'static str,
}

const CET: &str = "CET-1CEST,M3.5.0,M10.5.0/3";
const EET: &str = "EET-2EEST,M3.5.0/3,M10.5.0/4";

#[rustfmt::skip]
const CITIES: &[City] = &[
    City { name: "Seoul", country: "KR", government: "Seoul Metropolitan Government", more: [("Seongdong-gu Office", "Seoul"), ("Mapo-gu Office", "Seoul")], tz: "KST-9", weight: 9, culture: &KOREAN, legal: "{} Co., Ltd." },
    City { name: "Busan", country: "KR", government: "Busan Metropolitan City", more: [("Haeundae-gu Office", "Busan"), ("Suwon Special City", "Suwon")], tz: "KST-9", weight: 4, culture: &KOREAN, legal: "{} Co., Ltd." },
    City { name: "Bogotá", country: "CO", government: "Alcaldía Mayor de Bogotá", more: [("Alcaldía Local de Kennedy", "Bogotá"), ("Alcaldía Local de Suba", "Bogotá")], tz: "<-05>5", weight: 3, culture: &SPANISH, legal: "{} S.A.S." },
    City { name: "Medellín", country: "CO", government: "Alcaldía de Medellín", more: [("Alcaldía de Envigado", "Envigado"), ("Alcaldía de Itagüí", "Itagüí")], tz: "<-05>5", weight: 3, culture: &SPANISH, legal: "{} S.A.S." },
    City { name: "Nairobi", country: "KE", government: "Nairobi City County", more: [("Kiambu County Government", "Kiambu"), ("Kisumu City", "Kisumu")], tz: "EAT-3", weight: 2, culture: &KENYAN, legal: "{} Ltd" },
    City { name: "Kigali", country: "RW", government: "City of Kigali", more: [("Gasabo District", "Kigali"), ("Nyarugenge District", "Kigali")], tz: "CAT-2", weight: 2, culture: &RWANDAN, legal: "{} Ltd" },
    City { name: "Lisbon", country: "PT", government: "Câmara Municipal de Lisboa", more: [("Câmara Municipal de Cascais", "Cascais"), ("Câmara Municipal do Porto", "Porto")], tz: "WET0WEST,M3.5.0/1,M10.5.0", weight: 2, culture: &PORTUGUESE, legal: "{} Lda." },
    City { name: "Barcelona", country: "ES", government: "Ajuntament de Barcelona", more: [("Ajuntament de l'Hospitalet de Llobregat", "L'Hospitalet de Llobregat"), ("Ayuntamiento de Valencia", "Valencia")], tz: CET, weight: 2, culture: &SPANISH, legal: "{} S.L." },
    City { name: "Helsinki", country: "FI", government: "City of Helsinki", more: [("City of Espoo", "Espoo"), ("City of Tampere", "Tampere")], tz: EET, weight: 2, culture: &FINNISH, legal: "{} Oy" },
    City { name: "Tallinn", country: "EE", government: "Tallinn City Government", more: [("Tartu City Government", "Tartu"), ("Haabersti District Government", "Tallinn")], tz: EET, weight: 1, culture: &ESTONIAN, legal: "{} OÜ" },
    City { name: "Amsterdam", country: "NL", government: "Gemeente Amsterdam", more: [("Gemeente Zaanstad", "Zaandam"), ("Gemeente Eindhoven", "Eindhoven")], tz: CET, weight: 2, culture: &DUTCH, legal: "{} B.V." },
    City { name: "Jakarta", country: "ID", government: "Pemerintah Provinsi DKI Jakarta", more: [("Pemerintah Kota Bekasi", "Bekasi"), ("Pemerintah Kota Bandung", "Bandung")], tz: "WIB-7", weight: 3, culture: &INDONESIAN, legal: "PT {}" },
    City { name: "Surabaya", country: "ID", government: "Pemerintah Kota Surabaya", more: [("Pemerintah Kabupaten Sidoarjo", "Sidoarjo"), ("Pemerintah Kota Malang", "Malang")], tz: "WIB-7", weight: 2, culture: &INDONESIAN, legal: "PT {}" },
    City { name: "Ulaanbaatar", country: "MN", government: "Ulaanbaatar City Governor's Office", more: [("Bayanzürkh District Governor's Office", "Ulaanbaatar"), ("Sükhbaatar District Governor's Office", "Ulaanbaatar")], tz: "<+08>-8", weight: 2, culture: &MONGOLIAN, legal: "{} LLC" },
    City { name: "Almaty", country: "KZ", government: "Akimat of Almaty", more: [("Akimat of Bostandyk District", "Almaty"), ("Akimat of Astana", "Astana")], tz: "<+05>-5", weight: 2, culture: &KAZAKH, legal: "{} LLP" },
    City { name: "Tbilisi", country: "GE", government: "Tbilisi City Hall", more: [("Batumi City Hall", "Batumi"), ("Rustavi City Hall", "Rustavi")], tz: "<+04>-4", weight: 1, culture: &GEORGIAN, legal: "{} LLC" },
    City { name: "Addis Ababa", country: "ET", government: "Addis Ababa City Administration", more: [("Dire Dawa City Administration", "Dire Dawa"), ("Bole Sub-City Administration", "Addis Ababa")], tz: "EAT-3", weight: 2, culture: &ETHIOPIAN, legal: "{} PLC" },
    City { name: "Accra", country: "GH", government: "Accra Metropolitan Assembly", more: [("Tema Metropolitan Assembly", "Tema"), ("Kumasi Metropolitan Assembly", "Kumasi")], tz: "GMT0", weight: 2, culture: &GHANAIAN, legal: "{} Ltd" },
    City { name: "Lagos", country: "NG", government: "Lagos State Government", more: [("Ikeja Local Government", "Ikeja"), ("Kaduna State Government", "Kaduna")], tz: "WAT-1", weight: 2, culture: &NIGERIAN, legal: "{} Ltd" },
    City { name: "Cairo", country: "EG", government: "Cairo Governorate", more: [("Giza Governorate", "Giza"), ("Alexandria Governorate", "Alexandria")], tz: "EET-2EEST,M4.5.5/0,M10.5.4/24", weight: 1, culture: &EGYPTIAN, legal: "{} S.A.E." },
    City { name: "Amman", country: "JO", government: "Greater Amman Municipality", more: [("Greater Irbid Municipality", "Irbid"), ("Zarqa Municipality", "Zarqa")], tz: "<+03>-3", weight: 1, culture: &JORDANIAN, legal: "{} LLC" },
    City { name: "Dubai", country: "AE", government: "Dubai Municipality", more: [("Sharjah City Municipality", "Sharjah"), ("Abu Dhabi City Municipality", "Abu Dhabi")], tz: "<+04>-4", weight: 2, culture: &EMIRATI, legal: "{} FZ-LLC" },
    City { name: "Istanbul", country: "TR", government: "İstanbul Büyükşehir Belediyesi", more: [("Kadıköy Belediyesi", "Istanbul"), ("İzmir Büyükşehir Belediyesi", "İzmir")], tz: "<+03>-3", weight: 2, culture: &TURKISH, legal: "{} A.Ş." },
    City { name: "Kyiv", country: "UA", government: "Kyiv City State Administration", more: [("Lviv City Council", "Lviv"), ("Vinnytsia City Council", "Vinnytsia")], tz: EET, weight: 2, culture: &UKRAINIAN, legal: "{} LLC" },
    City { name: "Warsaw", country: "PL", government: "Urząd m.st. Warszawy", more: [("Urząd Miasta Gdańska", "Gdańsk"), ("Urząd Miejski Wrocławia", "Wrocław")], tz: CET, weight: 1, culture: &POLISH, legal: "{} sp. z o.o." },
    City { name: "Vienna", country: "AT", government: "Stadt Wien", more: [("Stadt Graz", "Graz"), ("Stadt Linz", "Linz")], tz: CET, weight: 2, culture: &GERMAN, legal: "{} GmbH" },
    City { name: "Berlin", country: "DE", government: "Land Berlin", more: [("Bezirksamt Friedrichshain-Kreuzberg", "Berlin"), ("Landeshauptstadt München", "Munich")], tz: CET, weight: 2, culture: &GERMAN, legal: "{} GmbH" },
    City { name: "Lyon", country: "FR", government: "Ville de Lyon", more: [("Métropole de Lyon", "Lyon"), ("Ville de Villeurbanne", "Villeurbanne")], tz: CET, weight: 1, culture: &FRENCH, legal: "{} SAS" },
    City { name: "Milan", country: "IT", government: "Comune di Milano", more: [("Comune di Bergamo", "Bergamo"), ("Comune di Torino", "Turin")], tz: CET, weight: 1, culture: &ITALIAN, legal: "{} S.r.l." },
    City { name: "Manchester", country: "GB", government: "Manchester City Council", more: [("Salford City Council", "Salford"), ("Greater Manchester Combined Authority", "Manchester")], tz: "GMT0BST,M3.5.0/1,M10.5.0", weight: 1, culture: &ENGLISH, legal: "{} Ltd" },
    City { name: "Dublin", country: "IE", government: "Dublin City Council", more: [("Fingal County Council", "Swords"), ("Cork City Council", "Cork")], tz: "GMT0IST,M3.5.0/1,M10.5.0", weight: 1, culture: &ENGLISH, legal: "{} Ltd" },
    City { name: "Toronto", country: "CA", government: "City of Toronto", more: [("City of Mississauga", "Mississauga"), ("City of Brampton", "Brampton")], tz: "EST5EDT,M3.2.0,M11.1.0", weight: 1, culture: &ENGLISH, legal: "{} Inc." },
    City { name: "Montréal", country: "CA", government: "Ville de Montréal", more: [("Ville de Laval", "Laval"), ("Ville de Québec", "Québec")], tz: "EST5EDT,M3.2.0,M11.1.0", weight: 1, culture: &FRENCH, legal: "{} inc." },
    City { name: "Mexico City", country: "MX", government: "Gobierno de la Ciudad de México", more: [("Alcaldía Iztapalapa", "Mexico City"), ("Gobierno Municipal de Guadalajara", "Guadalajara")], tz: "CST6", weight: 3, culture: &SPANISH, legal: "{} S.A. de C.V." },
    City { name: "São Paulo", country: "BR", government: "Prefeitura de São Paulo", more: [("Prefeitura de Campinas", "Campinas"), ("Prefeitura de Curitiba", "Curitiba")], tz: "<-03>3", weight: 3, culture: &PORTUGUESE, legal: "{} Ltda." },
    City { name: "Buenos Aires", country: "AR", government: "Gobierno de la Ciudad de Buenos Aires", more: [("Municipalidad de Rosario", "Rosario"), ("Municipalidad de Córdoba", "Córdoba")], tz: "<-03>3", weight: 2, culture: &SPANISH, legal: "{} S.A." },
    City { name: "Santiago", country: "CL", government: "Municipalidad de Santiago", more: [("Municipalidad de Providencia", "Santiago"), ("Municipalidad de Valparaíso", "Valparaíso")], tz: "<-04>4<-03>,M9.1.6/24,M4.1.6/24", weight: 2, culture: &SPANISH, legal: "{} SpA" },
    City { name: "Lima", country: "PE", government: "Municipalidad Metropolitana de Lima", more: [("Municipalidad de Miraflores", "Lima"), ("Municipalidad Provincial de Arequipa", "Arequipa")], tz: "<-05>5", weight: 2, culture: &SPANISH, legal: "{} S.A.C." },
    City { name: "Quito", country: "EC", government: "Municipio del Distrito Metropolitano de Quito", more: [("GAD Municipal de Cuenca", "Cuenca"), ("Municipio de Guayaquil", "Guayaquil")], tz: "<-05>5", weight: 1, culture: &SPANISH, legal: "{} S.A." },
    City { name: "Manila", country: "PH", government: "City Government of Manila", more: [("Quezon City Government", "Quezon City"), ("Pasig City Government", "Pasig")], tz: "PST-8", weight: 2, culture: &FILIPINO, legal: "{} Inc." },
    City { name: "Hanoi", country: "VN", government: "Hanoi People's Committee", more: [("Da Nang People's Committee", "Da Nang"), ("Ho Chi Minh City People's Committee", "Ho Chi Minh City")], tz: "<+07>-7", weight: 2, culture: &VIETNAMESE, legal: "{} JSC" },
    City { name: "Bangkok", country: "TH", government: "Bangkok Metropolitan Administration", more: [("Chiang Mai Municipality", "Chiang Mai"), ("Khon Kaen Municipality", "Khon Kaen")], tz: "<+07>-7", weight: 2, culture: &THAI, legal: "{} Co., Ltd." },
    City { name: "Kuala Lumpur", country: "MY", government: "Kuala Lumpur City Hall", more: [("Petaling Jaya City Council", "Petaling Jaya"), ("Penang Island City Council", "George Town")], tz: "<+08>-8", weight: 2, culture: &MALAY, legal: "{} Sdn. Bhd." },
    City { name: "Singapore", country: "SG", government: "Smart Nation Group", more: [("Housing & Development Board", "Singapore"), ("Land Transport Authority", "Singapore")], tz: "<+08>-8", weight: 1, culture: &SINGAPOREAN, legal: "{} Pte. Ltd." },
    City { name: "Taipei", country: "TW", government: "Taipei City Government", more: [("New Taipei City Government", "New Taipei"), ("Taoyuan City Government", "Taoyuan")], tz: "CST-8", weight: 2, culture: &TAIWANESE, legal: "{} Co., Ltd." },
    City { name: "Yokohama", country: "JP", government: "City of Yokohama", more: [("City of Kawasaki", "Kawasaki"), ("Fukuoka City", "Fukuoka")], tz: "JST-9", weight: 2, culture: &JAPANESE, legal: "{} K.K." },
    City { name: "Chengdu", country: "CN", government: "Chengdu Municipal People's Government", more: [("Shenzhen Municipal People's Government", "Shenzhen"), ("Hangzhou Municipal People's Government", "Hangzhou")], tz: "CST-8", weight: 2, culture: &CHINESE, legal: "{} Co., Ltd." },
    City { name: "Bengaluru", country: "IN", government: "Bruhat Bengaluru Mahanagara Palike", more: [("Pune Municipal Corporation", "Pune"), ("Greater Chennai Corporation", "Chennai")], tz: "IST-5:30", weight: 3, culture: &INDIAN, legal: "{} Pvt. Ltd." },
    City { name: "Dhaka", country: "BD", government: "Dhaka North City Corporation", more: [("Dhaka South City Corporation", "Dhaka"), ("Chattogram City Corporation", "Chattogram")], tz: "<+06>-6", weight: 1, culture: &BANGLADESHI, legal: "{} Ltd." },
    City { name: "Kathmandu", country: "NP", government: "Kathmandu Metropolitan City", more: [("Lalitpur Metropolitan City", "Lalitpur"), ("Pokhara Metropolitan City", "Pokhara")], tz: "<+0545>-5:45", weight: 1, culture: &NEPALI, legal: "{} Pvt. Ltd." },
    City { name: "Colombo", country: "LK", government: "Colombo Municipal Council", more: [("Kandy Municipal Council", "Kandy"), ("Galle Municipal Council", "Galle")], tz: "<+0530>-5:30", weight: 1, culture: &SRI_LANKAN, legal: "{} (Pvt) Ltd" },
    City { name: "Melbourne", country: "AU", government: "City of Melbourne", more: [("City of Yarra", "Melbourne"), ("City of Sydney", "Sydney")], tz: "AEST-10AEDT,M10.1.0,M4.1.0/3", weight: 1, culture: &ENGLISH, legal: "{} Pty Ltd" },
    City { name: "Auckland", country: "NZ", government: "Auckland Council", more: [("Wellington City Council", "Wellington"), ("Christchurch City Council", "Christchurch")], tz: "NZST-12NZDT,M9.5.0,M4.1.0/3", weight: 1, culture: &ENGLISH, legal: "{} Limited" },
    City { name: "Cape Town", country: "ZA", government: "City of Cape Town", more: [("City of Johannesburg", "Johannesburg"), ("eThekwini Municipality", "Durban")], tz: "SAST-2", weight: 2, culture: &SOUTH_AFRICAN, legal: "{} (Pty) Ltd" },
];

/// A kind of project: (title, what it does — a verb phrase in the third person,
/// the people it serves — entries of `GROUPS`).
type Solution = (&'static str, &'static str, &'static [&'static str]);

/// One of the prize's seven sectors and the words its projects are written in.
struct Sector {
    id: &'static str,
    /// What its projects are.
    solutions: &'static [Solution],
    /// What the people it serves face; follows a plural subject.
    problems: &'static [&'static str],
    /// Results; `{pct}` is replaced by a percentage.
    outcomes: &'static [&'static str],
    /// The city department that runs such projects.
    department: &'static str,
    /// Institutions that run such projects; `{c}` is the city.
    institutions: &'static [&'static str],
    sdgs: &'static [u8],
}

#[rustfmt::skip]
const SECTORS: [Sector; 7] = [
    Sector {
        id: "mobility",
        solutions: &[
            ("On-Demand Accessible Shuttles", "runs low-floor electric shuttles that passengers book by app, by phone or at a pharmacy counter, with drivers trained to help wheelchair users", &["older adults", "wheelchair users", "people with disabilities"]),
            ("Step-Free Journey Planner", "plans door-to-door routes that avoid stairs, steep slopes, broken pavements and lifts that are out of order", &["wheelchair users", "people with disabilities", "older adults", "blind and partially sighted people"]),
            ("Smart Pedestrian Crossings", "extends the green light automatically when sensors detect a slow walker, a wheelchair user or a child at the kerb", &["older adults", "children", "people with disabilities"]),
            ("Safe Routes to School", "maps the walking routes of pupils and adds raised crossings, lower speed limits and volunteer escorts where the data show the greatest risk", &["children", "single-parent families"]),
            ("Adapted Bike Library", "lends adapted bicycles, tricycles and cargo bikes free of charge from neighbourhood hubs, with volunteer riding coaches", &["people with disabilities", "young people", "low-income households"]),
            ("Demand-Responsive Night Buses", "routes night buses in real time around the requests of shift workers, most of them women working in cleaning and care", &["informal workers", "women", "low-income households"]),
            ("Talking Bus Stops", "announces arriving buses aloud and on large high-contrast screens, and lets blind passengers ask the next bus to stop", &["blind and partially sighted people", "older adults", "migrants and refugees"]),
            ("Automatic Fare Concessions", "applies reduced fares automatically to an ordinary travel card for everyone entitled to them, with no separate application", &["low-income households", "older adults", "people with disabilities"]),
        ],
        problems: &[
            "often cannot reach work, clinics or schools because stations and buses are not accessible",
            "spend up to two hours a day on slow and crowded journeys",
            "face dangerous crossings on roads designed for cars",
            "wait longest for buses that rarely come to their neighbourhoods",
        ],
        outcomes: &[
            "journey times for its users fell by {pct}%",
            "trips by wheelchair users more than doubled",
            "injuries to pedestrians on the improved routes fell by {pct}%",
        ],
        department: "Transport Department",
        institutions: &["{c} Transit Agency", "{c} Mobility Lab", "{c} Institute of Transport Studies"],
        sdgs: &[9, 11],
    },
    Sector {
        id: "safety",
        solutions: &[
            ("Flood Early-Warning Network", "combines river-level sensors, rainfall radar and trained neighbourhood volunteers to send warnings by text message, loudspeaker and messaging app", &["residents of informal settlements", "older adults", "low-income households"]),
            ("Safe Streets at Night", "uses residents' reports and street-light data to repair dark spots and to place emergency call points where people feel least safe", &["women", "young people", "informal workers"]),
            ("Heat-Health Alert Service", "calls residents at risk before and during heat waves and sends a welfare officer when no one answers", &["older adults", "people living alone", "people experiencing homelessness"]),
            ("Fall Detection for People Living Alone", "places camera-free motion sensors in the homes of people living alone and alerts a carer when a fall or unusual inactivity is detected", &["people living alone", "older adults", "people with dementia"]),
            ("Multilingual Emergency Line", "answers emergency calls in more than ten languages through remote interpreters who join the call within seconds", &["migrants and refugees", "ethnic minority communities", "deaf and hard-of-hearing residents"]),
            ("Evacuation Buddies", "maps the residents who would need help to evacuate in a disaster and pairs each of them with trained neighbours", &["people with disabilities", "older adults", "people living alone"]),
            ("Harassment-Free Transit", "lets passengers report harassment discreetly from their phones and sends the nearest member of staff", &["women", "young people"]),
            ("Landslide Risk Monitoring", "monitors slopes above informal settlements with low-cost sensors and trains residents to act on the alerts", &["residents of informal settlements", "low-income households"]),
        ],
        problems: &[
            "are the most exposed when floods and heat waves strike",
            "feel unsafe in poorly lit streets and stations at night",
            "are often the last to receive warnings in an emergency",
            "live alone with no one to notice when they fall ill or are hurt",
        ],
        outcomes: &[
            "warnings now reach {pct}% more households within ten minutes",
            "emergency admissions from the area fell by {pct}%",
            "response times fell by {pct}%",
        ],
        department: "Safety and Disaster Management Office",
        institutions: &["{c} Emergency Management Agency", "{c} Fire and Rescue Service", "{c} Resilience Institute"],
        sdgs: &[11, 13],
    },
    Sector {
        id: "welfare",
        solutions: &[
            ("One-Stop Benefits Navigator", "brings every benefit a household may claim into one plain-language application, pre-filled from records the city already holds", &["low-income households", "single-parent families", "older adults"]),
            ("Companion Devices for Older Adults Living Alone", "provides voice-based companion devices that remind users of medication, suggest activities and alert care workers when something seems wrong", &["older adults", "people living alone", "people with dementia", "family caregivers"]),
            ("Digital Literacy Hubs", "trains older residents and newcomers to use online public services, with volunteers in libraries, markets and community centres", &["older adults", "migrants and refugees", "low-income households"]),
            ("Connected Homes for Low-Income Families", "provides refurbished laptops and subsidised broadband to families whose children study online", &["low-income households", "children", "single-parent families"]),
            ("Home-Care Coordination Platform", "connects home-care workers, doctors and families around each older resident's care plan", &["older adults", "family caregivers", "people with dementia"]),
            ("Sign-Language Video Relay", "connects deaf residents to every city service through sign-language interpreters on video", &["deaf and hard-of-hearing residents"]),
            ("Surplus Food Network", "matches surplus food from markets and restaurants with community kitchens and delivers it the same day", &["people experiencing homelessness", "low-income households", "children"]),
            ("Newcomer Welcome Desk", "gives newcomers one place, online and in person, to register and to find housing, schools, work and language classes", &["migrants and refugees", "ethnic minority communities"]),
        ],
        problems: &[
            "miss out on support they are entitled to because the forms are long and online only",
            "are cut off from services that have moved online",
            "struggle to find care that fits their needs and their budget",
            "often do not know which of the city's many services they can use",
        ],
        outcomes: &[
            "the number of eligible households receiving support rose by {pct}%",
            "{pct}% of users said they felt less isolated",
            "the time it takes to get help fell by {pct}%",
        ],
        department: "Social Welfare Department",
        institutions: &["{c} Social Welfare Foundation", "{c} Council of Social Service", "{c} Centre for Healthy Ageing"],
        sdgs: &[1, 3, 10],
    },
    Sector {
        id: "environment",
        solutions: &[
            ("Street-Level Heat Map", "measures street temperatures with sensors on buses and targets tree planting and cool roofs where vulnerable residents live", &["older adults", "residents of informal settlements", "low-income households", "children"]),
            ("Smart Waste Collection", "plans collection routes from fill-level sensors on bins and has extended collection to informal settlements that had none", &["residents of informal settlements", "informal workers"]),
            ("Citizen Air-Quality Network", "gives low-cost air sensors to schools and clinics and publishes the readings with plain-language health advice", &["children", "older adults"]),
            ("Green Schoolyards", "turns paved schoolyards into shaded green spaces that open to the whole neighbourhood after school hours", &["children", "young people"]),
            ("Community Rainwater Harvesting", "connects rooftop tanks in low-income neighbourhoods to a sensor network that tells households when to store and when to use water", &["residents of informal settlements", "low-income households", "women"]),
            ("Repair and Reuse Network", "records repaired items on an open platform and trains unemployed young people as repair technicians", &["young people", "low-income households"]),
            ("Adopt-a-Tree Registry", "registers every street tree with its health and shade, and lets residents adopt and water the trees on their street", &["older adults", "children", "people living alone"]),
            ("Noise Map for Healthy Neighbourhoods", "measures noise around homes, schools and hospitals and uses the data to set quiet zones and night delivery rules", &["children", "older adults", "people with dementia"]),
        ],
        problems: &[
            "live in the hottest, most polluted and least green neighbourhoods",
            "breathe the city's worst air on their way to school and work",
            "are the first affected by uncollected waste and blocked drains",
            "have the least access to parks and shade",
        ],
        outcomes: &[
            "summer street temperatures in the treated areas fell by up to 2.5 °C",
            "complaints about uncollected waste fell by {pct}%",
            "{pct}% of participating schools now have clean-air plans",
        ],
        department: "Environment Department",
        institutions: &["{c} Climate Agency", "{c} Urban Forest Trust", "{c} Environmental Research Centre"],
        sdgs: &[6, 11, 13],
    },
    Sector {
        id: "energy",
        solutions: &[
            ("Energy Poverty Early Warning", "finds households at risk of falling behind on energy bills from anonymised data and offers insulation and advice before winter", &["low-income households", "older adults", "single-parent families"]),
            ("Solar Roofs for Social Housing", "installs solar panels on social housing and shares the savings with tenants through lower service charges", &["low-income households"]),
            ("Community Energy Cooperative", "lets residents invest small amounts in shared solar projects and receive the returns as credit on their bills", &["low-income households", "women"]),
            ("Adaptive Street Lighting", "dims street lights on empty streets and brightens them where people walk, cutting energy use without leaving anyone in the dark", &["women", "older adults"]),
            ("Heat-Pump Retrofit Service", "plans, finances and installs heat pumps for older homeowners on low incomes, with one contact person from survey to maintenance", &["older adults", "low-income households"]),
            ("Fair Prepaid Electricity", "replaces disconnections with a lifeline tariff and smart meters that warn households before their credit runs out", &["low-income households", "residents of informal settlements"]),
            ("District Heating Digital Twin", "models the district heating network block by block to cut losses and to keep the homes of vulnerable residents warm", &["older adults", "people living alone", "low-income households"]),
            ("Cool Rooms Programme", "turns community centres into solar-powered cool rooms open to residents without air conditioning during heat waves", &["older adults", "people experiencing homelessness", "people living alone"]),
        ],
        problems: &[
            "live in homes that are too cold in winter and too hot in summer",
            "live in the least efficient housing and pay the highest bills",
            "are hit hardest when energy prices rise",
            "are cut off when their households fall behind on prepaid electricity",
        ],
        outcomes: &[
            "the energy bills of participating households fell by {pct}%",
            "disconnections fell by {pct}%",
            "energy use fell by {pct}% with no loss of comfort reported by residents",
        ],
        department: "Energy and Climate Office",
        institutions: &["{c} Energy Agency", "{c} Energy Transition Institute", "{c} Housing Energy Trust"],
        sdgs: &[7, 13],
    },
    Sector {
        id: "culture",
        solutions: &[
            ("Accessible Museum Guide", "describes exhibits with audio description, sign-language video and easy-read text on visitors' own phones", &["blind and partially sighted people", "deaf and hard-of-hearing residents", "people with disabilities"]),
            ("Neighbourhood Memory Archive", "collects photographs and oral histories from older residents and publishes them as an open archive used by schools", &["older adults", "ethnic minority communities", "children"]),
            ("Libraries of Things and Skills", "turns branch libraries into places to borrow tools and devices and to learn digital skills from neighbours", &["low-income households", "older adults", "young people"]),
            ("Virtual Heritage Walks", "recreates lost historic streets in augmented reality for schools and for visitors who cannot walk the routes", &["people with disabilities", "children", "older adults"]),
            ("Multilingual Community Radio", "broadcasts city news and cultural programmes online and on air in the languages of the city's migrant communities", &["migrants and refugees", "ethnic minority communities"]),
            ("Makerspaces for Girls", "runs free makerspaces where girls learn coding, electronics and design with women engineers as mentors", &["young people", "children"]),
            ("Culture Pass for Every Teenager", "gives every teenager a digital pass with a yearly budget to spend on concerts, books, courses and museum visits", &["young people", "low-income households"]),
            ("Relaxed Performances", "offers theatre and concert performances adapted for autistic people and people with dementia, booked through one accessible portal", &["people with dementia", "people with disabilities", "family caregivers"]),
        ],
        problems: &[
            "rarely visit museums, libraries and theatres that were not designed for them",
            "find few cultural spaces that speak their language",
            "seldom see their own history told in public",
            "are kept away from cultural life by cost and distance",
        ],
        outcomes: &[
            "visits by first-time users rose by {pct}%",
            "{pct}% of participants said they had never attended a cultural event before",
            "attendance by people with disabilities tripled",
        ],
        department: "Culture Department",
        institutions: &["{c} Public Library Network", "Museum of {c}", "{c} Arts Council"],
        sdgs: &[4, 11],
    },
    Sector {
        id: "governance",
        solutions: &[
            ("Participatory Budgeting Platform", "lets residents propose and vote on a share of the district budget online, by phone or at paper ballot points", &["young people", "women", "residents of informal settlements", "migrants and refugees"]),
            ("Public Algorithm Register", "lists every algorithm the city uses in decisions about residents, with its purpose, its data and a person to contact", &["ethnic minority communities", "migrants and refugees", "low-income households"]),
            ("Report-and-Track Service Line", "lets residents report problems by app, phone or text message and follow each report until it is fixed", &["older adults", "people with disabilities", "residents of informal settlements"]),
            ("Plain-Language Public Services", "rewrites the city's forms and letters in plain language together with the residents who find them hardest to use", &["older adults", "migrants and refugees", "people with disabilities"]),
            ("Open Data for Neighbourhood Planning", "publishes service and budget data by neighbourhood so that residents' groups can check where the money goes", &["residents of informal settlements", "low-income households"]),
            ("City ID for Unregistered Residents", "gives residents without official papers a city identity card that opens access to clinics, schools and bank accounts", &["migrants and refugees", "people experiencing homelessness", "informal workers"]),
            ("Youth Council Online", "gives young people a standing online council whose proposals the city council must answer within three months", &["young people"]),
            ("Citizen Data Trust", "lets residents decide, through an elected board, how data collected in public spaces may be used", &["ethnic minority communities", "young people"]),
        ],
        problems: &[
            "are rarely heard when the city decides how to spend its budget",
            "find public services confusing and hard to reach",
            "do not trust the data the city collects about them",
            "have no simple way to report problems and follow what happens next",
        ],
        outcomes: &[
            "{pct}% of participants had never taken part in a city decision before",
            "the average time to fix a reported problem fell by {pct}%",
            "trust in city services, measured every year, rose by {pct} points",
        ],
        department: "Digital Innovation Office",
        institutions: &["{c} Digital Foundation", "{c} Open Data Institute", "{c} Urban Innovation Lab"],
        sdgs: &[10, 16, 17],
    },
];

/// The people a project serves: (as in a title, as in a sentence).
const GROUPS: &[(&str, &str)] = &[
    ("Older Adults", "older adults"),
    ("People with Disabilities", "people with disabilities"),
    ("Migrants and Refugees", "migrants and refugees"),
    ("Low-Income Households", "low-income households"),
    ("Children", "children"),
    ("Women", "women"),
    ("People Living Alone", "people living alone"),
    ("Young People", "young people"),
    ("Informal Workers", "informal workers"),
    ("Wheelchair Users", "wheelchair users"),
    (
        "Blind and Partially Sighted People",
        "blind and partially sighted people",
    ),
    ("Deaf Residents", "deaf and hard-of-hearing residents"),
    ("Single Parents", "single-parent families"),
    ("People Experiencing Homelessness", "people experiencing homelessness"),
    ("Family Caregivers", "family caregivers"),
    ("Informal Settlement Residents", "residents of informal settlements"),
    ("Ethnic Minorities", "ethnic minority communities"),
    ("People with Dementia", "people with dementia"),
];

const BRANDS: &[&str] = &[
    "Open Door",
    "Lifeline",
    "Compass",
    "Safe Harbour",
    "Together",
    "Bridge",
    "Step Up",
    "Care Circle",
    "Green Corridor",
    "Bright Streets",
    "Hello Neighbour",
    "Clear Path",
    "Common Ground",
    "Blue Line",
    "Warm Homes",
    "Fair Share",
    "Kind City",
    "Ask Once",
    "Little Steps",
    "Lantern",
    "Kite",
    "Anchor",
    "Wayfinder",
    "Good Morning",
    "Shade",
    "Every Voice",
    "Near Me",
    "Home Base",
    "Second Wind",
    "Nest",
];

const PARTNERS: &[&str] = &[
    "local universities",
    "neighbourhood associations",
    "disabled people's organisations",
    "a mobile network operator",
    "community health workers",
    "the national statistics office",
    "start-ups from the city's incubator",
    "faith-based groups",
    "public libraries",
    "schools",
    "older residents' associations",
    "migrant community organisations",
    "the public transport operator",
    "the water and power utility",
    "social enterprises",
    "a regional development bank",
    "women's cooperatives",
    "youth clubs",
];

const FUNDING: &[&str] = &[
    "the city budget",
    "the city budget and a national grant",
    "a mix of public funds and fees from partner cities",
    "a development bank loan and the city budget",
    "a social impact bond",
    "service contracts with public agencies",
    "the national smart city programme",
    "a foundation grant and the city budget",
];

const CHANGES: &[&str] = &[
    "a simpler sign-up that needs no email address",
    "larger buttons, a high-contrast mode and a read-aloud option",
    "a telephone option for people who do not use smartphones",
    "evening and weekend hours for working parents",
    "printed guides in the languages most spoken in the city",
    "a rule that every report must be answered within 48 hours",
    "a volunteer helper in every district office",
];

const ROLES_CITY: &[&str] = &[
    "Chief Digital Officer",
    "Deputy Mayor for Social Affairs",
    "head of the smart city office",
    "Chief Innovation Officer",
    "director of social services",
];
const ROLES_OTHER: &[&str] = &[
    "founder and director",
    "community organiser",
    "director of the urban innovation lab",
    "professor of urban planning",
    "programme lead",
];

const COMPANY_PREFIXES: &[&str] = &[
    "Urban", "Civic", "Metro", "Terra", "Nova", "Lumen", "Orbit", "Pulse", "Kinetic", "Vela", "Atlas", "Hive",
    "Bright", "Open", "Tidal", "Solar", "Arbor", "Beacon", "Compass", "Harbor", "Mosaic", "Quill", "Sprout", "Vista",
];
const COMPANY_ROOTS: &[&str] = &[
    "Loop", "Grid", "Path", "Sense", "Works", "Labs", "Link", "Flow", "Mesh", "Data", "Way", "Point", "Scape",
    "Bridge", "Mobility", "Energy",
];

const GENERAL_INSTITUTIONS: &[&str] = &[
    "University of {c} Smart City Lab",
    "{c} Institute of Technology",
    "{c} Urban Observatory",
];

/// Where judges work; never the same words as applicants' institutions, so that
/// the only conflicts are the declared ones and those `prize` finds on purpose.
const JUDGE_ORGANIZATIONS: &[&str] = &[
    "Department of Urban Planning, University of {c}",
    "{c} Institute for Urban Research",
    "{c} Metropolitan Planning Agency",
    "Centre for Inclusive Design, {c} Polytechnic",
    "{c} Foundation for Civic Technology",
    "School of Public Policy, {c} University",
    "{c} Office of the Chief Data Officer",
    "{c} Centre for Ageing and Disability Studies",
    "{c} Community Foundation",
    "Graduate School of Smart Cities, {c} Institute of Science",
];

const REJECT_REASONS: &[&str] = &[
    "no evidence that the project is in operation: the website and the contact address do not respond",
    "the same project won an award in a previous edition",
    "submitted by a consultancy on the applicant's behalf without the required letter of endorsement",
    // Companies only: keep last.
    "the application describes a product catalogue, not a project serving residents",
];

// ---------------------------------------------------------------------------
// Text helpers
// ---------------------------------------------------------------------------

/// The key `prize` compares applicants by: no case, no accents, no spaces.
fn fold_key(name: &str) -> String {
    name.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .filter(|c| !c.is_whitespace())
        .collect()
}

fn strip_accents(text: &str) -> String {
    text.nfd().filter(|c| !is_combining_mark(*c)).nfc().collect()
}

/// A lower-case ASCII label for domain names, ids and e-mail addresses.
fn slug(text: &str, max: usize) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if is_combining_mark(c) || c == '\'' || c == '\u{2019}' {
            continue;
        }
        let mapped = match c {
            'ł' | 'Ł' => "l",
            'đ' | 'Đ' => "d",
            'ı' => "i",
            'ø' | 'Ø' => "o",
            'ß' => "ss",
            'æ' | 'Æ' => "ae",
            'œ' | 'Œ' => "oe",
            '&' => "and",
            _ => "",
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !mapped.is_empty() {
            out.push_str(mapped);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.len() > max {
        let cut = out[..max].rfind('-').unwrap_or(max);
        out.truncate(cut);
    }
    out
}

/// A TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    push_escaped(&mut out, text);
    out.push('"');
    out
}

fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

fn quoted_list<S: AsRef<str>>(items: &[S]) -> String {
    let inner: Vec<String> = items.iter().map(|s| quoted(s.as_ref())).collect();
    format!("[{}]", inner.join(", "))
}

/// `key = """..."""`, wrapped at about 90 columns with line-ending backslashes,
/// which TOML folds away, so the value is one paragraph.
fn push_paragraph(out: &mut String, key: &str, text: &str) {
    let _ = writeln!(out, "{key} = \"\"\"");
    let mut column = 0;
    for word in text.split_whitespace() {
        let mut escaped = String::new();
        push_escaped(&mut escaped, word);
        let width = escaped.chars().count();
        if column > 0 && column + 1 + width > 90 {
            out.push_str(" \\\n");
            column = 0;
        } else if column > 0 {
            out.push(' ');
            column += 1;
        }
        out.push_str(&escaped);
        column += width;
    }
    out.push_str("\"\"\"\n");
}

fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// A same-sounding spelling of `name`: accents dropped or case changed, and one
/// space doubled — the way one applicant appears twice in a real call.
fn respell(name: &str) -> String {
    let folded = strip_accents(name);
    let base = if folded == name { name.to_uppercase() } else { folded };
    match base.find(' ') {
        Some(i) => format!("{}  {}", &base[..i], &base[i + 1..]),
        None => base,
    }
}

// ---------------------------------------------------------------------------
// Planning: who applies, when, and what is wrong with it
// ---------------------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    City,
    Institution,
    Corporation,
    Individual,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::City => "city",
            Kind::Institution => "institution",
            Kind::Corporation => "corporation",
            Kind::Individual => "individual",
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Planned,
    Pilot,
    Operational,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Planned => "planned",
            Status::Pilot => "pilot",
            Status::Operational => "operational",
        }
    }
}

/// The screening problem planted in an application, if any.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Reality {
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
struct Person {
    given: &'static str,
    family: &'static str,
    /// Initials, set only to tell apart people who would otherwise share a name.
    middle: String,
    family_first: bool,
}

impl Person {
    fn full_name(&self) -> String {
        if self.family_first {
            format!("{} {}", self.family, self.given)
        } else if self.middle.is_empty() {
            format!("{} {}", self.given, self.family)
        } else {
            format!("{} {} {}", self.given, self.middle, self.family)
        }
    }

    fn email_local(&self) -> String {
        format!("{}.{}", slug(self.given, 30), slug(self.family, 30))
    }

    /// The family name without Malay "bin"/"binti", for ids.
    fn surname(&self) -> &'static str {
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
fn unique_person(rng: &mut SplitMix64, culture: &'static Culture, mut free: impl FnMut(&str) -> bool) -> Person {
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
struct Plan {
    track: usize,
    sector: usize,
    kind: Kind,
    city: usize,
    name: String,
    /// `applicant.city`.
    home: &'static str,
    organization: Option<String>,
    person: Option<Person>,
    role: Option<&'static str>,
    /// Seconds since the Unix epoch.
    submitted: i64,
    /// Written in Korea time (as the portal records it) rather than the applicant's own.
    korea_time: bool,
    status: Status,
    started: Option<(i32, i32, i32)>,
    reality: Reality,
}

/// Applicants already taken, per track and country, compared as `prize` does.
#[derive(Default)]
struct Registry {
    taken: BTreeSet<String>,
    /// The next number to try after a numbered base name.
    next: BTreeMap<String, usize>,
}

impl Registry {
    fn key(track: &str, country: &str, name: &str) -> String {
        format!("{track}\u{1f}{country}\u{1f}{}", fold_key(name))
    }

    fn claim(&mut self, track: &str, country: &str, name: &str) -> bool {
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
struct Window {
    opens: i64,
    deadline: i64,
    /// `project.started` after this date is `operating-too-short`.
    latest_start: (i32, i32, i32),
}

/// How many of `per_240` problems to plant in `n` applications.
fn scaled(per_240: usize, n: usize) -> usize {
    (per_240 * n + 120) / 240
}

struct Planner<'a> {
    preset: &'a PresetSpec,
    window: &'a Window,
    rng: SplitMix64,
    registry: Registry,
    /// (track, city) pairs whose governments have all applied.
    full: BTreeSet<(usize, usize)>,
}

impl Planner<'_> {
    fn plan(&mut self, n: usize) -> Vec<Plan> {
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

// ---------------------------------------------------------------------------
// Writing applications
// ---------------------------------------------------------------------------

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

struct Context<'a> {
    preset: &'a PresetSpec,
    seed: u64,
    zones: Vec<TimeZone>,
    korea: TimeZone,
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

fn write_application(out: &mut String, ctx: &Context, plan: &Plan, id: &str, rng: &mut SplitMix64) {
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

// ---------------------------------------------------------------------------
// Writing the jury
// ---------------------------------------------------------------------------

struct Judge {
    id: String,
    name: String,
    country: &'static str,
    organization: String,
    conflicts: Vec<String>,
    rounds: Option<&'static str>,
}

fn plan_judges(m: usize, preset: &PresetSpec, plans: &[Plan], ids: &[String], rng: &mut SplitMix64) -> Vec<Judge> {
    let mut by_country: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, plan) in plans.iter().enumerate() {
        by_country.entry(CITIES[plan.city].country).or_default().push(i);
    }
    // Juries lean towards the host city, then spread over the world.
    let weights: Vec<usize> = CITIES
        .iter()
        .map(|c| if c.name == "Seoul" { 30 } else { c.weight + 1 })
        .collect();
    let mut taken_ids = BTreeSet::new();
    let mut taken_names = BTreeSet::new();
    let mut judges = Vec::with_capacity(m);
    for _ in 0..m {
        let town = &CITIES[rng.weighted(&weights)];
        let person = unique_person(rng, town.culture, |name| taken_names.insert(name.to_string()));
        let base = format!("j-{}", slug(person.surname(), 40));
        let initials: String = person
            .given
            .split([' ', '-'])
            .filter_map(|w| w.chars().next())
            .collect();
        let mut id = base.clone();
        if !taken_ids.insert(id.clone()) {
            id = format!("{base}-{}", slug(&initials, 8));
            let mut k = 2;
            while !taken_ids.insert(id.clone()) {
                id = format!("{base}-{k}");
                k += 1;
            }
        }
        let conflicts = match by_country.get(town.country) {
            Some(own) => {
                let k = [0, 1, 2, 3][rng.weighted(&[35, 30, 20, 15])].min(own.len());
                rng.sample(own, k).into_iter().map(|&i| ids[i].clone()).collect()
            }
            None if !plans.is_empty() && rng.chance(30) => vec![ids[rng.below(plans.len())].clone()],
            None => Vec::new(),
        };
        judges.push(Judge {
            id,
            name: person.full_name(),
            country: town.country,
            organization: rng.pick(JUDGE_ORGANIZATIONS).replace("{c}", town.name),
            conflicts,
            rounds: None,
        });
    }
    // About a third review only the first round, a few only the final; the rest both.
    if m >= 8 && preset.rounds.len() >= 2 {
        let mut order: Vec<usize> = (0..m).collect();
        rng.shuffle(&mut order);
        let first_only = (m + 1) / 3;
        let final_only = (m + 4) / 8;
        for (k, &j) in order.iter().enumerate() {
            if k < first_only {
                judges[j].rounds = Some(preset.rounds[0]);
            } else if k < first_only + final_only {
                judges[j].rounds = Some(preset.rounds[preset.rounds.len() - 1]);
            }
        }
    }
    judges.sort_by(|a, b| a.id.cmp(&b.id));
    judges
}

fn write_judges(path: &Path, ctx: &Context, judges: &[Judge]) -> io::Result<()> {
    let mut w = BufWriter::new(fs::File::create(path)?);
    writeln!(
        w,
        "# The jury roster: fictional judges generated by `cargo run --example synth -- --preset {} --seed {}`.",
        ctx.preset.name, ctx.seed
    )?;
    writeln!(w, "# A judge without `rounds` serves in every round.")?;
    for judge in judges {
        writeln!(w)?;
        writeln!(w, "[[judges]]")?;
        writeln!(w, "id = {}", quoted(&judge.id))?;
        writeln!(w, "name = {}", quoted(&judge.name))?;
        writeln!(w, "country = {}", quoted(judge.country))?;
        writeln!(w, "organization = {}", quoted(&judge.organization))?;
        writeln!(w, "conflicts = {}", quoted_list(&judge.conflicts))?;
        if let Some(round) = judge.rounds {
            writeln!(w, "rounds = {}", quoted_list(&[round]))?;
        }
    }
    w.flush()
}

// ---------------------------------------------------------------------------
// Writing the score sheets
// ---------------------------------------------------------------------------

/// From this many applications on, a run is a benchmark (issue 3, item 10): every
/// application gets exactly `LARGE_RUN_JUDGES` judges in the first round, and the final
/// round is scored only with `--score-final`.
const LARGE_RUN: usize = 10_000;
const LARGE_RUN_JUDGES: usize = 5;
/// The most judges on the panel of a later round: a big roster still sends the finalists
/// to a panel small enough that every judge scores several of them (which `zscore`,
/// `rank` and `bias` need).
const PANEL: usize = 16;

/// A criterion of the preset's `prize.toml`.
struct Criterion {
    id: String,
    min: f64,
    max: f64,
}

/// The criteria of the preset's `prize.toml`, in file order: the columns of every sheet.
fn criteria(preset: &PresetSpec) -> Result<Vec<Criterion>, String> {
    let table: toml::Table = toml::from_str(preset.prize_toml).map_err(|e| format!("preset prize.toml: {e}"))?;
    let number = |c: &toml::Value, key: &str, default: f64| match c.get(key) {
        Some(toml::Value::Integer(i)) => *i as f64,
        Some(toml::Value::Float(f)) => *f,
        _ => default,
    };
    let list = table
        .get("criteria")
        .and_then(toml::Value::as_array)
        .ok_or("preset prize.toml has no [[criteria]]")?;
    list.iter()
        .map(|c| {
            let id = c
                .get("id")
                .and_then(toml::Value::as_str)
                .ok_or("a criterion of the preset prize.toml has no id")?;
            Ok(Criterion {
                id: id.to_string(),
                min: number(c, "min", 0.0),
                max: number(c, "max", 10.0),
            })
        })
        .collect()
}

/// An application as the jury meets it.
struct Entrant {
    id: String,
    track: String,
    /// Applicant name and organization, trimmed and lower-cased, as `prize` compares them
    /// with a judge's organization.
    names: Vec<String>,
    /// Whether it competes in the first round: the generator planted every reason it would not.
    eligible: bool,
    /// Its merit per criterion on a 1–10 scale: what a fair judge without noise would give.
    merit: Vec<f64>,
}

fn organization_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// The generated applications, then the showcase, with a latent merit each.
fn entrants(
    preset: &PresetSpec,
    plans: &[Plan],
    ids: &[String],
    showcase: &[(&str, &str)],
    criteria: usize,
    rng: &mut SplitMix64,
) -> Result<Vec<Entrant>, String> {
    let mut out: Vec<Entrant> = plans
        .iter()
        .zip(ids)
        .map(|(plan, id)| Entrant {
            id: id.clone(),
            track: preset.tracks[plan.track].id.to_string(),
            names: std::iter::once(plan.name.as_str())
                .chain(plan.organization.as_deref())
                .map(organization_key)
                .collect(),
            eligible: matches!(
                plan.reality,
                Reality::Clean | Reality::LateWaived | Reality::DuplicateFirst
            ),
            merit: Vec::new(),
        })
        .collect();
    for (file, text) in showcase {
        let table: toml::Table = toml::from_str(text).map_err(|e| format!("showcase {file}: {e}"))?;
        let text_at = |path: &[&str]| -> Option<String> {
            let mut value = table.get(path[0])?;
            for key in &path[1..] {
                value = value.get(*key)?;
            }
            value.as_str().map(str::to_string)
        };
        let stem = file.strip_suffix(".toml").unwrap_or(file);
        out.push(Entrant {
            id: text_at(&["id"]).unwrap_or_else(|| stem.to_string()),
            track: text_at(&["track"]).unwrap_or_default(),
            names: [text_at(&["applicant", "name"]), text_at(&["applicant", "organization"])]
                .into_iter()
                .flatten()
                .map(|n| organization_key(&n))
                .collect(),
            eligible: true,
            merit: Vec::new(),
        });
    }
    let generated = plans.len();
    for (i, entrant) in out.iter_mut().enumerate() {
        // The showcase applications are the polished ones.
        let centre = if i < generated { 5.8 } else { 7.3 };
        let base = centre + 1.3 * rng.normal();
        entrant.merit = (0..criteria).map(|_| base + 0.8 * rng.normal()).collect();
    }
    Ok(out)
}

/// How one judge scores.
#[derive(Clone)]
struct Temper {
    /// What the judge is like, for `--verbose`.
    kind: &'static str,
    /// Added to every score: above 0 lenient, below 0 strict.
    shift: f64,
    /// How far from the middle (6) the judge goes, relative to the merit: 1 follows it.
    spread: f64,
    /// The judge's own noise per score.
    noise: f64,
    /// Scores are multiples of this (1, or 0.5 for a judge who likes halves).
    step: f64,
    /// Percent of rows the judge writes a comment on.
    comments: usize,
    /// Writes most comments in Korean.
    korean: bool,
}

/// Each judge's temper: a few clearly lenient, strict or narrow-ranged judges (one each in a
/// jury of 16), serving in every round where possible so that both rounds feel them; one
/// judge who writes halves; the rest fair with a little noise.
fn tempers(judges: &[Judge], first_round: &str, rng: &mut SplitMix64) -> Vec<Temper> {
    let mut tempers: Vec<Temper> = judges
        .iter()
        .map(|judge| Temper {
            kind: "fair",
            shift: 0.3 * rng.normal(),
            spread: 0.9 + 0.2 * rng.unit(),
            noise: 0.55 + 0.3 * rng.unit(),
            step: 1.0,
            // Korean judges always say something, in Korean mostly.
            comments: (*rng.pick(&[0, 0, 5, 15, 25, 40])).max(if judge.country == "KR" { 15 } else { 0 }),
            korean: judge.country == "KR",
        })
        .collect();
    let mut order: Vec<usize> = (0..judges.len()).collect();
    rng.shuffle(&mut order);
    // Judges who serve in every round first, then the first round's own.
    order.sort_by_key(|&j| match judges[j].rounds {
        None => 0,
        Some(round) if round == first_round => 1,
        Some(_) => 2,
    });
    let each = (judges.len() / 16).max(1);
    let mut next = order.into_iter();
    for (kind, shift, spread, noise) in [
        ("lenient", 1.5, 0.9, 0.6),
        ("strict", -1.5, 1.0, 0.6),
        ("narrow", 0.0, 0.3, 0.3),
    ] {
        for j in next.by_ref().take(each) {
            let t = &mut tempers[j];
            (t.kind, t.shift, t.spread, t.noise) = (kind, shift, spread, noise);
        }
    }
    for j in next.take(each) {
        tempers[j].kind = "fair, in halves";
        tempers[j].step = 0.5;
    }
    tempers
}

const PRAISE: &[&str] = &[
    "Strong evidence of uptake; the evaluation is independent.",
    "Clear problem statement and a credible budget.",
    "Impressive reach for the money, well documented.",
    "Residents shaped it from the start, and it shows.",
    "Transferable model. The open data agreement is a plus.",
    "One of the best-documented projects in my batch.",
    "Good results, measured against a baseline.",
];
const REMARKS: &[&str] = &[
    "Solid, but the results section is thin.",
    "Good idea; the plan to scale it up is unclear.",
    "Promising pilot, too early to judge the impact.",
    "Partners are listed, their roles are not explained.",
    "Would like to see outcomes, not outputs.",
    "Budget lines do not add up to the total stated.",
    "Useful, though similar services exist elsewhere.",
];
const CRITICISM: &[&str] = &[
    "Mostly a technology description; little on who benefits.",
    "No baseline, so the claimed \"40% reduction\" cannot be checked.",
    "Ambitious, but staffing, budget and timeline look unrealistic.",
    "The \"smart\" part is a dashboard nobody uses yet.",
    "Reads like a product brochure.",
    "Very little evidence of results so far.",
];
const PRAISE_KO: &[&str] = &[
    "시민 참여 과정이 인상적임.",
    "취약계층의 접근성을 잘 고려함.",
    "확산 가능성이 높음, 다른 도시에도 적용 가능.",
];
const REMARKS_KO: &[&str] = &[
    "성과 지표가 다소 부족함.",
    "예산 계획이 구체적이지 않음.",
    "운영 인력 계획 보완 필요.",
];
const CRITICISM_KO: &[&str] = &[
    "기술 소개 위주이며 수혜자 설명이 부족함.",
    "데이터 보안 대책이 보이지 않음.",
];

/// One judge's row for one application: the scores, then perhaps a comment.
fn score_row(
    entrant: &Entrant,
    temper: &Temper,
    criteria: &[Criterion],
    rng: &mut SplitMix64,
) -> (Vec<f64>, Option<&'static str>) {
    // What this judge makes of this application, beyond its merit: shared by the criteria.
    let taste = 0.5 * rng.normal();
    let mut share = 0.0;
    let scores: Vec<f64> = criteria
        .iter()
        .zip(&entrant.merit)
        .map(|(c, &merit)| {
            let raw = 6.0 + temper.spread * (merit - 6.0 + taste) + temper.shift + temper.noise * rng.normal();
            let on_scale = c.min + (raw - 1.0) / 9.0 * (c.max - c.min);
            let x = ((on_scale / temper.step).round() * temper.step).clamp(c.min, c.max);
            share += (x - c.min) / (c.max - c.min);
            x
        })
        .collect();
    let comment = if rng.chance(temper.comments) {
        share /= criteria.len().max(1) as f64;
        let korean = temper.korean && rng.chance(70);
        let pool = match (share >= 0.7, share <= 0.45, korean) {
            (true, _, false) => PRAISE,
            (true, _, true) => PRAISE_KO,
            (_, true, false) => CRITICISM,
            (_, true, true) => CRITICISM_KO,
            (false, false, false) => REMARKS,
            (false, false, true) => REMARKS_KO,
        };
        Some(*rng.pick(pool))
    } else {
        None
    };
    (scores, comment)
}

/// For every entrant, the judges who may not score it: declared conflicts, and a judge
/// whose organization (or name) is the applicant's name or organization.
fn conflicts(entrants: &[Entrant], judges: &[Judge]) -> Vec<Vec<usize>> {
    let index: HashMap<&str, usize> = entrants.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let mut by_name: HashMap<String, Vec<usize>> = HashMap::new();
    let mut out = vec![Vec::new(); entrants.len()];
    for (j, judge) in judges.iter().enumerate() {
        for id in &judge.conflicts {
            if let Some(&e) = index.get(id.as_str()) {
                out[e].push(j);
            }
        }
        for name in [&judge.organization, &judge.name] {
            by_name.entry(organization_key(name)).or_default().push(j);
        }
    }
    for (e, entrant) in entrants.iter().enumerate() {
        for name in entrant.names.iter().filter(|n| !n.is_empty()) {
            if let Some(js) = by_name.get(name) {
                out[e].extend(js);
            }
        }
        out[e].sort_unstable();
        out[e].dedup();
    }
    out
}

/// Who scores what in one round: each of `who` (entrants) gets `want` judges among
/// `serving`, never a conflicted one, always the least loaded so far (ties drawn at
/// random), so the load is even. Returns each judge's entrants, and how many entrants got
/// fewer judges than wanted.
fn assign(
    who: &[usize],
    serving: &[usize],
    conflicted: &[Vec<usize>],
    judges: usize,
    mut want: impl FnMut(&mut SplitMix64) -> usize,
    rng: &mut SplitMix64,
) -> (Vec<Vec<usize>>, usize) {
    let mut order = who.to_vec();
    rng.shuffle(&mut order);
    let mut load = vec![0u64; judges];
    let mut per_judge = vec![Vec::new(); judges];
    let mut short = 0;
    let mut candidates: Vec<(u64, usize)> = Vec::with_capacity(serving.len());
    for e in order {
        let k = want(rng);
        candidates.clear();
        candidates.extend(
            serving
                .iter()
                .filter(|j| conflicted[e].binary_search(j).is_err())
                .map(|&j| ((load[j] << 32) | (rng.next_u64() >> 32), j)),
        );
        if candidates.len() > k {
            candidates.select_nth_unstable(k - 1);
            candidates.truncate(k);
        }
        if candidates.len() < k {
            short += 1;
        }
        for &(_, j) in &candidates {
            load[j] += 1;
            per_judge[j].push(e);
        }
    }
    (per_judge, short)
}

/// What was written for one round.
#[derive(Default)]
struct Written {
    sheets: usize,
    rows: usize,
    comments: usize,
    /// Applications that got fewer judges than wanted (too many conflicts).
    short: usize,
}

/// Writes `scores/<round>/<judge>.csv` for every judge with work in the round, in the
/// canonical form `prize scores import` stores: UTF-8, `\n`, criterion ids in `prize.toml`
/// order, rows sorted by application id. Every row has its own random stream, so writing
/// the sheets in parallel changes nothing in what is written.
#[allow(clippy::too_many_arguments)]
fn write_sheets(
    root: &Path,
    round: (usize, &str),
    per_judge: &[Vec<usize>],
    judges: &[Judge],
    tempers: &[Temper],
    entrants: &[Entrant],
    criteria: &[Criterion],
    seed: u64,
) -> Result<Written, String> {
    let folder = root.join("scores").join(round.1);
    fs::create_dir_all(&folder).map_err(at(&folder))?;
    let counts = per_judge
        .par_iter()
        .enumerate()
        .filter(|(_, list)| !list.is_empty())
        .map(|(j, list)| {
            let mut list = list.clone();
            list.sort_unstable_by(|&a, &b| entrants[a].id.cmp(&entrants[b].id));
            let path = folder.join(format!("{}.csv", judges[j].id));
            let file = fs::File::create(&path).map_err(at(&path))?;
            let mut sheet = csv::WriterBuilder::new()
                .terminator(csv::Terminator::Any(b'\n'))
                .from_writer(BufWriter::new(file));
            let fail = |e: csv::Error| format!("{}: {e}", path.display());
            let header = std::iter::once("application")
                .chain(criteria.iter().map(|c| c.id.as_str()))
                .chain(std::iter::once("comment"));
            sheet.write_record(header).map_err(fail)?;
            let mut comments = 0;
            let mut record: Vec<String> = Vec::with_capacity(criteria.len() + 2);
            for &e in &list {
                // The streams of one seed: 1 and 2 plan, 1000 + i write application i,
                // these (above 2^56) score.
                let tag = ((round.0 as u64 + 1) << 56) ^ ((e as u64) << 20) ^ j as u64;
                let mut rng = SplitMix64::stream(seed, tag);
                let (scores, comment) = score_row(&entrants[e], &tempers[j], criteria, &mut rng);
                record.clear();
                record.push(entrants[e].id.clone());
                record.extend(scores.iter().map(|x| format!("{x}")));
                record.push(comment.unwrap_or_default().to_string());
                comments += usize::from(comment.is_some());
                sheet.write_record(&record).map_err(fail)?;
            }
            sheet.flush().map_err(|e| format!("{}: {e}", path.display()))?;
            Ok((list.len(), comments))
        })
        .collect::<Result<Vec<(usize, usize)>, String>>()?;
    write_assignment(root, round.1, per_judge, judges, entrants)?;
    Ok(Written {
        sheets: counts.len(),
        rows: counts.iter().map(|c| c.0).sum(),
        comments: counts.iter().map(|c| c.1).sum(),
        short: 0,
    })
}

/// Writes `assignments/<round>.csv`, the pairs the sheets were made from, in the form
/// `prize assign` writes: header `application,judge`, one row a pair, sorted.
fn write_assignment(
    root: &Path,
    round: &str,
    per_judge: &[Vec<usize>],
    judges: &[Judge],
    entrants: &[Entrant],
) -> Result<(), String> {
    let folder = root.join("assignments");
    fs::create_dir_all(&folder).map_err(at(&folder))?;
    let mut pairs: Vec<(&str, &str)> = per_judge
        .iter()
        .enumerate()
        .flat_map(|(j, list)| {
            list.iter()
                .map(move |&e| (entrants[e].id.as_str(), judges[j].id.as_str()))
        })
        .collect();
    pairs.sort_unstable();
    let mut text = String::from("application,judge\n");
    for (application, judge) in pairs {
        text.push_str(application);
        text.push(',');
        text.push_str(judge);
        text.push('\n');
    }
    let path = folder.join(format!("{round}.csv"));
    fs::write(&path, text).map_err(at(&path))
}

/// The judges of `judges` who serve in `round`.
fn serving(judges: &[Judge], round: &str) -> Vec<usize> {
    (0..judges.len())
        .filter(|&j| judges[j].rounds.is_none_or(|r| r == round))
        .collect()
}

/// The applications that advance from the first round, as `prize` itself decides it from
/// the sheets just written; and whether `prize` agrees with the generator on who competed.
fn finalists(root: &Path, entrants: &[Entrant]) -> Result<Vec<usize>, String> {
    let archive = prize::archive::load(root).map_err(|e| format!("{}: {e}", root.display()))?;
    let config = archive
        .config
        .as_ref()
        .ok_or("prize could not read the prize.toml just written")?;
    if archive.sheets.is_empty() {
        return Err("prize read no score sheet from scores/: cannot decide the finalists".to_string());
    }
    let eligible: BTreeSet<&str> = archive
        .applications
        .iter()
        .filter(|a| a.status == prize::check::eligibility::Status::Eligible)
        .map(|a| a.id.as_str())
        .collect();
    let planned: BTreeSet<&str> = entrants.iter().filter(|e| e.eligible).map(|e| e.id.as_str()).collect();
    if eligible != planned {
        let differ: Vec<&str> = eligible.symmetric_difference(&planned).copied().take(10).collect();
        return Err(format!(
            "prize and the generator disagree on who is eligible: {}",
            differ.join(" ")
        ));
    }
    let results = prize::judging::rounds(&archive, config, 0);
    let index: HashMap<&str, usize> = entrants.iter().enumerate().map(|(i, e)| (e.id.as_str(), i)).collect();
    let advanced = results.first().map_or(&[][..], |r| r.advanced.as_slice());
    advanced
        .iter()
        .map(|&a| {
            let id = archive.applications[a].id.as_str();
            index
                .get(id)
                .copied()
                .ok_or_else(|| format!("{id} advanced but was not generated"))
        })
        .collect()
}

/// What the jury did, for the summary line.
struct Jury {
    first: Written,
    /// Finalists per track, in the preset's track order; `None` when the final was skipped.
    finalists: Option<Vec<(&'static str, usize)>>,
    last: Option<Written>,
    /// Why the final was not scored.
    skipped: &'static str,
    tempers: Vec<Temper>,
}

/// Scores the first round, lets `prize` decide who advances, then scores the final.
fn judge(args: &Args, preset: &PresetSpec, seed: u64, entrants: &[Entrant], judges: &[Judge]) -> Result<Jury, String> {
    let criteria = criteria(preset)?;
    let tempers = tempers(
        judges,
        preset.rounds.first().copied().unwrap_or_default(),
        &mut SplitMix64::stream(seed, 4),
    );
    let conflicted = conflicts(entrants, judges);
    let large = entrants.len() >= LARGE_RUN;
    let Some(&first) = preset.rounds.first() else {
        return Ok(Jury {
            first: Written::default(),
            finalists: None,
            last: None,
            skipped: "",
            tempers,
        });
    };

    let competing: Vec<usize> = (0..entrants.len()).filter(|&e| entrants[e].eligible).collect();
    let (per_judge, short) = assign(
        &competing,
        &serving(judges, first),
        &conflicted,
        judges.len(),
        |rng| {
            if large {
                LARGE_RUN_JUDGES
            } else {
                [3, 4, 5][rng.weighted(&[15, 70, 15])]
            }
        },
        &mut SplitMix64::stream(seed, 5),
    );
    let mut written = write_sheets(
        &args.out,
        (0, first),
        &per_judge,
        judges,
        &tempers,
        entrants,
        &criteria,
        seed,
    )?;
    written.short = short;
    let mut jury = Jury {
        first: written,
        finalists: None,
        last: None,
        skipped: "",
        tempers,
    };

    let &[_, final_round] = preset.rounds else {
        return Ok(jury);
    };
    if large && !args.score_final {
        jury.skipped = "a large run; --score-final scores it";
        return Ok(jury);
    }
    if jury.first.rows == 0 {
        jury.skipped = "no first-round scores to choose finalists from";
        return Ok(jury);
    }
    let finalists = finalists(&args.out, entrants)?;
    let mut panel = serving(judges, final_round);
    if panel.len() > PANEL {
        // The judges with a temper first, so that the final feels them too; then a draw.
        let rng = &mut SplitMix64::stream(seed, 7);
        rng.shuffle(&mut panel);
        panel.sort_by_key(|&j| jury.tempers[j].kind == "fair");
        panel.truncate(PANEL);
    }
    let (per_judge, short) = assign(
        &finalists,
        &panel,
        &conflicted,
        judges.len(),
        |rng| [4, 5][rng.weighted(&[55, 45])],
        &mut SplitMix64::stream(seed, 6),
    );
    let mut written = write_sheets(
        &args.out,
        (1, final_round),
        &per_judge,
        judges,
        &jury.tempers,
        entrants,
        &criteria,
        seed,
    )?;
    written.short = short;
    jury.finalists = Some(
        preset
            .tracks
            .iter()
            .map(|t| (t.id, finalists.iter().filter(|&&e| entrants[e].track == t.id).count()))
            .collect(),
    );
    jury.last = Some(written);
    Ok(jury)
}

// ---------------------------------------------------------------------------
// The archive folder
// ---------------------------------------------------------------------------

/// Makes `out` ready: created if missing; if not empty, refused unless `force`,
/// and then only the files this tool writes are removed.
fn prepare(out: &Path, force: bool) -> Result<(), String> {
    let describe = |e: io::Error| format!("{}: {e}", out.display());
    match fs::symlink_metadata(out) {
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return fs::create_dir_all(out).map_err(describe);
        }
        Err(e) => return Err(describe(e)),
        Ok(meta) if !meta.is_dir() => return Err(format!("{} exists and is not a folder", out.display())),
        Ok(_) => {}
    }
    let empty = fs::read_dir(out).map_err(describe)?.next().is_none();
    if empty {
        return Ok(());
    }
    if !force {
        return Err(format!(
            "{} is not empty; use --force to replace its prize.toml, judges.toml, applications/, scores/ and assignments/",
            out.display()
        ));
    }
    for name in ["prize.toml", "judges.toml", "applications", "scores", "assignments"] {
        let path = out.join(name);
        match fs::symlink_metadata(&path) {
            Ok(meta) if meta.is_dir() => fs::remove_dir_all(&path),
            Ok(_) => fs::remove_file(&path),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(e),
        }
        .map_err(|e| format!("{}: {e}", path.display()))?;
    }
    Ok(())
}

/// Names the path in an I/O error.
fn at(path: &Path) -> impl Fn(io::Error) -> String + '_ {
    move |e| format!("{}: {e}", path.display())
}

fn parse_time(text: &str) -> i64 {
    text.parse::<Timestamp>().expect("preset times are valid").as_second()
}

/// The latest `project.started` that is not too young: the deadline's date
/// minus `months` calendar months.
fn latest_start(deadline: &str, months: i32) -> (i32, i32, i32) {
    let y: i32 = deadline[0..4].parse().expect("preset deadline is a date");
    let m: i32 = deadline[5..7].parse().expect("preset deadline is a date");
    let d: i32 = deadline[8..10].parse().expect("preset deadline is a date");
    let total = y * 12 + (m - 1) - months;
    (total.div_euclid(12), total.rem_euclid(12) + 1, d.min(28))
}

/// Reads the showcase applications and reserves their applicants, so that no
/// generated application duplicates them.
fn claim_showcase(preset: &PresetSpec, registry: &mut Registry) -> Result<(), String> {
    for (file, text) in preset.showcase {
        let table: toml::Table = toml::from_str(text).map_err(|e| format!("showcase {file}: {e}"))?;
        let get = |path: &[&str]| -> Option<String> {
            let mut value = table.get(path[0])?;
            for key in &path[1..] {
                value = value.get(*key)?;
            }
            value.as_str().map(str::to_string)
        };
        let (Some(track), Some(name), Some(country)) = (
            get(&["track"]),
            get(&["applicant", "name"]),
            get(&["applicant", "country"]),
        ) else {
            return Err(format!(
                "showcase {file}: track, applicant.name or applicant.country missing"
            ));
        };
        registry.claim(&track, &country, &name);
    }
    Ok(())
}

/// Writes `applications/<track>/<id>.toml`, one file at a time, and the showcase.
fn write_applications(
    root: &Path,
    ctx: &Context,
    plans: &[Plan],
    ids: &[String],
    showcase: &[(&str, &str)],
) -> Result<(), String> {
    let apps = root.join("applications");
    let used: BTreeSet<usize> = plans.iter().map(|p| p.track).collect();
    for &track in &used {
        let folder = apps.join(ctx.preset.tracks[track].id);
        fs::create_dir_all(&folder).map_err(at(&folder))?;
    }
    // Every file has its own random stream, so writing them in parallel changes
    // nothing in what is written.
    (0..plans.len()).into_par_iter().try_for_each_init(
        || String::with_capacity(4096),
        |text, i| {
            let (plan, id) = (&plans[i], &ids[i]);
            let mut rng = SplitMix64::stream(ctx.seed, 1000 + i as u64);
            write_application(text, ctx, plan, id, &mut rng);
            let path = apps.join(ctx.preset.tracks[plan.track].id).join(format!("{id}.toml"));
            fs::write(&path, text.as_bytes()).map_err(at(&path))
        },
    )?;
    if !showcase.is_empty() {
        let folder = apps.join("showcase");
        fs::create_dir_all(&folder).map_err(at(&folder))?;
        for (file, body) in showcase {
            let path = folder.join(file);
            fs::write(&path, body).map_err(at(&path))?;
        }
    }
    Ok(())
}

/// The ids of the applications that carry each planted problem.
fn planted<'a>(plans: &[Plan], ids: &'a [String], reality: Reality) -> Vec<&'a str> {
    plans
        .iter()
        .zip(ids)
        .filter(|(p, _)| p.reality == reality)
        .map(|(_, id)| id.as_str())
        .collect()
}

fn run(args: &Args) -> Result<String, String> {
    let preset = args.preset.spec();
    let n = args.applications.unwrap_or(preset.applications);
    let m = args.judges.unwrap_or(preset.judges);
    let seed = args.seed.unwrap_or(preset.seed);
    let showcase: &[(&str, &str)] = if n == preset.applications { preset.showcase } else { &[] };

    let window = Window {
        opens: parse_time(preset.opens),
        deadline: parse_time(preset.deadline),
        latest_start: latest_start(preset.deadline, preset.min_operating_months),
    };
    let ctx = Context {
        preset,
        seed,
        zones: CITIES
            .iter()
            .map(|c| TimeZone::posix(c.tz).expect("city time zones are valid POSIX rules"))
            .collect(),
        korea: TimeZone::fixed(Offset::from_seconds(9 * 3600).expect("+09:00 is a valid offset")),
    };
    let mut planning = Planner {
        preset,
        window: &window,
        rng: SplitMix64::stream(seed, 1),
        registry: Registry::default(),
        full: BTreeSet::new(),
    };
    if !showcase.is_empty() {
        claim_showcase(preset, &mut planning.registry)?;
    }
    let plans = planning.plan(n);
    let digits = n.to_string().len().max(4);
    let ids: Vec<String> = (1..=n).map(|i| format!("{}{i:0digits$}", preset.id_prefix)).collect();
    let judges = plan_judges(m, preset, &plans, &ids, &mut SplitMix64::stream(seed, 2));

    prepare(&args.out, args.force)?;
    let prize_path = args.out.join("prize.toml");
    fs::write(&prize_path, preset.prize_toml).map_err(at(&prize_path))?;
    write_applications(&args.out, &ctx, &plans, &ids, showcase)?;
    let judges_path = args.out.join("judges.toml");
    write_judges(&judges_path, &ctx, &judges).map_err(at(&judges_path))?;
    let entrants = entrants(
        preset,
        &plans,
        &ids,
        showcase,
        criteria(preset)?.len(),
        &mut SplitMix64::stream(seed, 3),
    )?;
    let jury = judge(args, preset, seed, &entrants, &judges)?;

    let count = |reality| planted(&plans, &ids, reality).len();
    if args.verbose {
        for (what, reality) in [
            ("late", Reality::Late),
            ("late, waived", Reality::LateWaived),
            ("planned", Reality::Planned),
            ("operating too short", Reality::TooShort),
            ("duplicate applicant (earlier, eligible)", Reality::DuplicateFirst),
            ("duplicate applicant (later, ineligible)", Reality::DuplicateLater),
            ("rejected", Reality::Rejected),
        ] {
            let ids = planted(&plans, &ids, reality);
            let list = if ids.is_empty() {
                "none".to_string()
            } else {
                ids.join(" ")
            };
            eprintln!("{what}: {list}");
        }
        for kind in ["lenient", "strict", "narrow", "fair, in halves"] {
            let who: Vec<&str> = judges
                .iter()
                .zip(&jury.tempers)
                .filter(|(_, t)| t.kind == kind)
                .map(|(j, _)| j.id.as_str())
                .collect();
            let more = who.len().saturating_sub(12);
            let tail = if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            };
            eprintln!("{kind} judges: {}{tail}", who[..who.len() - more].join(" "));
        }
    }
    let rounds = preset.rounds;
    let mut scores = format!(
        "scores: round {}: {} sheets, {} rows ({}), {} comments",
        rounds.first().copied().unwrap_or_default(),
        jury.first.sheets,
        jury.first.rows,
        if n >= LARGE_RUN {
            format!("{LARGE_RUN_JUDGES} judges an application")
        } else {
            "3-5 judges an application".to_string()
        },
        jury.first.comments,
    );
    if jury.first.short > 0 {
        let _ = write!(
            scores,
            ", {} with fewer judges than wanted (too few free of conflicts)",
            jury.first.short
        );
    }
    if let (Some(finalists), Some(last)) = (&jury.finalists, &jury.last) {
        let per_track: Vec<String> = finalists.iter().map(|(t, k)| format!("{k} {t}")).collect();
        let _ = write!(
            scores,
            "; round {}: {} finalists ({}), {} sheets, {} rows, {} comments",
            rounds.last().copied().unwrap_or_default(),
            finalists.iter().map(|f| f.1).sum::<usize>(),
            per_track.join(", "),
            last.sheets,
            last.rows,
            last.comments,
        );
        if last.short > 0 {
            let _ = write!(
                scores,
                ", {} with fewer judges than wanted (too few free of conflicts)",
                last.short
            );
        }
    } else if rounds.len() > 1 {
        let _ = write!(
            scores,
            "; round {} not scored ({})",
            rounds.last().copied().unwrap_or_default(),
            jury.skipped
        );
    }
    Ok(format!(
        "synth: wrote {} applications ({n} generated, {} showcase) and {m} judges to {} (preset {}, seed {seed}); \
         planted {} late ({} waived), {} planned, {} operating too short, {} duplicate applicant(s), {} rejected; \
         {scores}",
        n + showcase.len(),
        showcase.len(),
        args.out.display(),
        preset.name,
        count(Reality::Late) + count(Reality::LateWaived),
        count(Reality::LateWaived),
        count(Reality::Planned),
        count(Reality::TooShort),
        count(Reality::DuplicateLater),
        count(Reality::Rejected),
    ))
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(summary) => {
            eprintln!("{summary}");
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("synth: {message}");
            ExitCode::from(2)
        }
    }
}
