//! The world: people's names, cities, sectors and the words their projects are written in.

/// How people are named in one language or region.
pub(crate) struct Culture {
    pub(crate) female: &'static [&'static str],
    pub(crate) male: &'static [&'static str],
    pub(crate) family: &'static [&'static str],
    /// Feminine forms of `family`, index for index, where the language has them.
    pub(crate) family_female: &'static [&'static str],
    pub(crate) family_first: bool,
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
pub(crate) struct City {
    pub(crate) name: &'static str,
    /// ISO 3166-1 alpha-2.
    pub(crate) country: &'static str,
    /// The city government, as it names itself.
    pub(crate) government: &'static str,
    /// Neighbouring or lower-tier governments: (name, their city).
    pub(crate) more: [(&'static str, &'static str); 2],
    /// POSIX TZ rule, so offsets (summer time included) never depend on the
    /// machine's time-zone database.
    pub(crate) tz: &'static str,
    /// Relative number of applications.
    pub(crate) weight: usize,
    pub(crate) culture: &'static Culture,
    /// A company's legal name, `{}` standing for its brand.
    pub(crate) legal: &'static str,
}

const CET: &str = "CET-1CEST,M3.5.0,M10.5.0/3";
const EET: &str = "EET-2EEST,M3.5.0/3,M10.5.0/4";

#[rustfmt::skip]
pub(crate) const CITIES: &[City] = &[
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
pub(crate) type Solution = (&'static str, &'static str, &'static [&'static str]);

/// One of the prize's seven sectors and the words its projects are written in.
pub(crate) struct Sector {
    pub(crate) id: &'static str,
    /// What its projects are.
    pub(crate) solutions: &'static [Solution],
    /// What the people it serves face; follows a plural subject.
    pub(crate) problems: &'static [&'static str],
    /// Results; `{pct}` is replaced by a percentage.
    pub(crate) outcomes: &'static [&'static str],
    /// The city department that runs such projects.
    pub(crate) department: &'static str,
    /// Institutions that run such projects; `{c}` is the city.
    pub(crate) institutions: &'static [&'static str],
    pub(crate) sdgs: &'static [u8],
}

#[rustfmt::skip]
pub(crate) const SECTORS: [Sector; 7] = [
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
pub(crate) const GROUPS: &[(&str, &str)] = &[
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

pub(crate) const BRANDS: &[&str] = &[
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

pub(crate) const PARTNERS: &[&str] = &[
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

pub(crate) const FUNDING: &[&str] = &[
    "the city budget",
    "the city budget and a national grant",
    "a mix of public funds and fees from partner cities",
    "a development bank loan and the city budget",
    "a social impact bond",
    "service contracts with public agencies",
    "the national smart city programme",
    "a foundation grant and the city budget",
];

pub(crate) const CHANGES: &[&str] = &[
    "a simpler sign-up that needs no email address",
    "larger buttons, a high-contrast mode and a read-aloud option",
    "a telephone option for people who do not use smartphones",
    "evening and weekend hours for working parents",
    "printed guides in the languages most spoken in the city",
    "a rule that every report must be answered within 48 hours",
    "a volunteer helper in every district office",
];

pub(crate) const ROLES_CITY: &[&str] = &[
    "Chief Digital Officer",
    "Deputy Mayor for Social Affairs",
    "head of the smart city office",
    "Chief Innovation Officer",
    "director of social services",
];
pub(crate) const ROLES_OTHER: &[&str] = &[
    "founder and director",
    "community organiser",
    "director of the urban innovation lab",
    "professor of urban planning",
    "programme lead",
];

pub(crate) const COMPANY_PREFIXES: &[&str] = &[
    "Urban", "Civic", "Metro", "Terra", "Nova", "Lumen", "Orbit", "Pulse", "Kinetic", "Vela", "Atlas", "Hive",
    "Bright", "Open", "Tidal", "Solar", "Arbor", "Beacon", "Compass", "Harbor", "Mosaic", "Quill", "Sprout", "Vista",
];
pub(crate) const COMPANY_ROOTS: &[&str] = &[
    "Loop", "Grid", "Path", "Sense", "Works", "Labs", "Link", "Flow", "Mesh", "Data", "Way", "Point", "Scape",
    "Bridge", "Mobility", "Energy",
];

pub(crate) const GENERAL_INSTITUTIONS: &[&str] = &[
    "University of {c} Smart City Lab",
    "{c} Institute of Technology",
    "{c} Urban Observatory",
];

/// Where judges work; never the same words as applicants' institutions, so that
/// the only conflicts are the declared ones and those `prize` finds on purpose.
pub(crate) const JUDGE_ORGANIZATIONS: &[&str] = &[
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

pub(crate) const REJECT_REASONS: &[&str] = &[
    "no evidence that the project is in operation: the website and the contact address do not respond",
    "the same project won an award in a previous edition",
    "submitted by a consultancy on the applicant's behalf without the required letter of endorsement",
    // Companies only: keep last.
    "the application describes a product catalogue, not a project serving residents",
];
