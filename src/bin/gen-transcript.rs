//! `gen-transcript`: writes a large, deterministic transcript in the kremlin.ru text shape
//! the converter reads, for benchmarks. Not committed output: generate it when needed.
//!
//! ```sh
//! cargo run --release --bin gen-transcript -- --bytes 1000000 --seed 1 > big.txt
//! ```
//!
//! The text has site chrome, a title, a date line, a summary and `* * *`, then turns by
//! 48 speakers (each introduced once with a titled label, then by the bare name), about
//! one turn in eight in Russian with initials labels, no-break spaces after short words as
//! kremlin.ru sets them, curly quotes, and sentences of realistic length. The phrase
//! "Mr President" is spread through the text for benchmark queries.

use std::io::Write;
use std::process::ExitCode;

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: &[&str] = &[
    "Alexander",
    "Maria",
    "Sergei",
    "Elena",
    "Dmitry",
    "Olga",
    "Andrei",
    "Tatyana",
    "Mikhail",
    "Irina",
    "Nikolai",
    "Svetlana",
    "Pavel",
    "Anna",
    "Yury",
    "Natalya",
];
const LAST: &[&str] = &[
    "Ivanov",
    "Petrova",
    "Smirnov",
    "Kuznetsova",
    "Popov",
    "Sokolova",
    "Lebedev",
    "Kozlova",
    "Novikov",
    "Morozova",
    "Volkov",
    "Zaitseva",
    "Pavlov",
    "Semenova",
    "Golubev",
    "Vinogradova",
];
const ROLES: &[&str] = &[
    "Minister of Economic Development",
    "Governor of the Kaluga Region",
    "Deputy Prime Minister",
    "Head of the Federal Tax Service",
    "Chairman of the State Duma Committee on Budget",
    "Presidential Aide",
    "Director General of the Agency for Strategic Initiatives",
    "Rector of Moscow State University",
];
const RU_FIRST: &[&str] = &["А", "В", "Д", "Е", "И", "М", "Н", "О", "П", "С", "Т"];
const RU_LAST: &[&str] = &[
    "Иванов",
    "Петрова",
    "Смирнов",
    "Кузнецова",
    "Попов",
    "Соколова",
    "Лебедев",
    "Козлова",
];
const EN_WORDS: &[&str] = &[
    "we",
    "have",
    "discussed",
    "the",
    "development",
    "of",
    "regional",
    "economy",
    "and",
    "investment",
    "programmes",
    "in",
    "a",
    "number",
    "of",
    "areas",
    "this",
    "is",
    "very",
    "important",
    "for",
    "people",
    "who",
    "live",
    "there",
    "budget",
    "support",
    "measures",
    "infrastructure",
    "projects",
    "roads",
    "schools",
    "hospitals",
    "growth",
    "percent",
    "compared",
    "to",
    "last",
    "year",
    "colleagues",
    "government",
    "decision",
    "agreed",
    "cooperation",
    "partners",
    "industry",
    "employment",
    "income",
    "levels",
    "families",
];
const RU_WORDS: &[&str] = &[
    "мы",
    "обсудили",
    "развитие",
    "региональной",
    "экономики",
    "и",
    "инвестиционные",
    "программы",
    "в",
    "ряде",
    "отраслей",
    "это",
    "очень",
    "важно",
    "для",
    "людей",
    "которые",
    "там",
    "живут",
    "бюджет",
    "поддержка",
    "меры",
    "инфраструктура",
    "проекты",
    "дороги",
    "школы",
    "больницы",
    "рост",
    "процентов",
    "ёлка",
    "йогурт",
];
/// Short words that kremlin.ru binds to the next word with a no-break space.
const SHORT: &[&str] = &["a", "the", "of", "to", "in", "on", "and", "for", "и", "в"];

fn sentence(rng: &mut Rng, words: &[&str], out: &mut String) {
    let len = 8 + rng.below(18);
    for i in 0..len {
        let w = rng.pick(words);
        if i == 0 {
            let mut c = w.chars();
            if let Some(f) = c.next() {
                out.extend(f.to_uppercase());
                out.push_str(c.as_str());
            }
        } else {
            out.push_str(w);
        }
        if i + 1 < len {
            out.push(if SHORT.contains(&w) { '\u{a0}' } else { ' ' });
            if rng.below(14) == 0 {
                out.push_str("Mr\u{a0}President, ");
            }
        }
    }
    out.push_str(match rng.below(12) {
        0 => "?",
        1 => ": that is\u{a0}the\u{2019}s point.",
        2 => " \u{2013} as\u{a0}we agreed.",
        _ => ".",
    });
}

fn paragraph(rng: &mut Rng, words: &[&str], out: &mut String) {
    let n = 1 + rng.below(5);
    for i in 0..n {
        if i > 0 {
            out.push(' ');
        }
        sentence(rng, words, out);
    }
    out.push_str("\n\n");
}

fn generate(bytes: usize, seed: u64) -> String {
    let mut rng = Rng(seed);
    let mut out = String::with_capacity(bytes + 4096);
    out.push_str("View settings\n\nFont size:\nSite colours:\n\n\nOfficial website of the President of Russia\n\nNews\u{a0} /\n\n");
    out.push_str("Meeting on economic issues (generated benchmark transcript)\n\n");
    out.push_str("February 18, 2022, The\u{a0}Kremlin, Moscow\n\n");
    for _ in 0..3 {
        paragraph(&mut rng, EN_WORDS, &mut out);
    }
    out.push_str("* * *\n\n");
    // 48 speakers: 40 English names with titles, 8 Russian initials labels.
    let mut speakers: Vec<(String, Option<String>, bool)> = Vec::new();
    for i in 0..40 {
        let name = format!(
            "{} {}",
            FIRST[i % FIRST.len()],
            LAST[(i * 7 + i / 16) % LAST.len()]
        );
        let role = ROLES[i % ROLES.len()].to_string();
        speakers.push((name, Some(role), false));
    }
    for i in 0..8 {
        speakers.push((
            format!("{}.{}", RU_FIRST[i % RU_FIRST.len()], RU_LAST[i]),
            None,
            true,
        ));
    }
    let mut introduced = vec![false; speakers.len()];
    while out.len() < bytes {
        // The chair (speaker 0) speaks every few turns, as in real meetings.
        let s = if rng.below(4) == 0 {
            0
        } else {
            rng.below(speakers.len())
        };
        let (name, role, russian) = &speakers[s];
        match (role, introduced[s]) {
            (Some(role), false) => {
                out.push_str(&format!("{role} {}: ", name.replace(' ', "\u{a0}")))
            }
            _ => out.push_str(&format!("{name}: ")),
        }
        introduced[s] = true;
        let words = if *russian { RU_WORDS } else { EN_WORDS };
        let paragraphs = 1 + rng.below(4);
        for _ in 0..paragraphs {
            paragraph(&mut rng, words, &mut out);
        }
    }
    out.push_str("\nFebruary 18, 2022, The\u{a0}Kremlin, Moscow\n");
    out
}

fn main() -> ExitCode {
    let mut bytes = 1_000_000usize;
    let mut seed = 1u64;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args
            .next()
            .and_then(|v| v.replace('_', "").parse::<u64>().ok());
        match (arg.as_str(), value) {
            ("--bytes", Some(v)) => bytes = v as usize,
            ("--seed", Some(v)) => seed = v,
            _ => {
                eprintln!("usage: gen-transcript [--bytes N] [--seed N] > out.txt");
                return ExitCode::from(2);
            }
        }
    }
    let text = generate(bytes, seed);
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-transcript: {e}");
            ExitCode::FAILURE
        }
    }
}
