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
//!
//! `--archive N --out DIR` writes N such transcripts instead (`DIR/<date>-<n>.txt`, about
//! 20 KB each; `--bytes-each`), for the archive build (`build-archive`, docs/archive.md):
//! dates spread over 25 years, titles, places from a pool of 40 and speakers from a pool
//! of a few hundred names, about one in eight wholly in Russian, as kremlin.ru's Russian
//! pages are written (dateline `23 декабря 2021 года, Москва`, initials labels).
//!
//! ```sh
//! cargo run --release --bin gen-transcript -- --archive 10000 --out /tmp/archive
//! ```

use std::io::Write;
use std::process::ExitCode;

use transcript_viewer::rng::Rng;

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

/// Places of the archive's English transcripts (the dateline's place).
const PLACES: &[&str] = &[
    "The\u{a0}Kremlin, Moscow",
    "Novo-Ogaryovo, Moscow Region",
    "Sochi",
    "Bocharov Ruchei, Sochi",
    "St Petersburg",
    "Konstantinovsky Palace, St Petersburg",
    "Vladivostok",
    "Kazan",
    "Yekaterinburg",
    "Novosibirsk",
    "Kaliningrad",
    "Nizhny Novgorod",
    "Samara",
    "Volgograd",
    "Krasnoyarsk",
    "Murmansk",
    "Sevastopol",
    "Minsk",
    "Astana",
    "Beijing",
    "Dushanbe",
    "Tashkent",
    "Yerevan",
    "Baku",
    "Ufa",
    "Tula",
    "Omsk",
    "Irkutsk",
    "Khabarovsk",
    "Tver",
];
/// Places of the archive's Russian transcripts.
const RU_PLACES: &[&str] = &[
    "Москва",
    "Ново-Огарёво, Московская область",
    "Сочи",
    "Санкт-Петербург",
    "Владивосток",
    "Казань",
    "Екатеринбург",
    "Новосибирск",
    "Калининград",
    "Севастополь",
];
/// The kinds of event a title names, with what follows them.
const TITLE_KINDS: &[&str] = &[
    "Meeting on",
    "Meeting of the Council for",
    "Working meeting on",
    "Conference on",
    "Visit to a centre for",
    "Q&A session on",
    "Videoconference on",
    "Meeting with representatives of",
];
const TOPICS: &[&str] = &[
    "economic issues",
    "regional development",
    "the \u{201c}digital economy\u{201d} programme",
    "healthcare",
    "education & science",
    "housing construction",
    "the transport network",
    "agriculture",
    "energy <efficiency>",
    "small businesses",
    "culture and the arts",
    "sport",
    "the environment",
    "demographic policy",
    "the space industry",
    "the Arctic",
];
const RU_TITLE_KINDS: &[&str] = &[
    "Совещание по",
    "Заседание Совета по",
    "Рабочая встреча по",
    "Заседание комиссии по",
];
const RU_TOPICS: &[&str] = &[
    "экономическим вопросам",
    "региональному развитию",
    "вопросам здравоохранения",
    "вопросам образования",
    "«цифровой экономике»",
    "вопросам энергетики",
];

/// One transcript of the archive: its file stem and text.
fn archive_item(index: usize, bytes: usize, seed: u64) -> (String, String) {
    let mut rng = Rng(seed ^ (index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    rng.next();
    // Dates over 25 years (2001 to 2025), in no particular order of the index.
    let year = 2001 + rng.below(25);
    let month = 1 + rng.below(12);
    let day = 1 + rng.below(28);
    let russian = rng.below(8) == 0;
    let stem = format!("{year}-{month:02}-{day:02}-{index:05}");
    let mut out = String::with_capacity(bytes + 4096);
    // A few hundred people: 16 × 16 English names, 11 × 8 Russian initials labels.
    let count = 3 + rng.below(6);
    let mut people: Vec<usize> = Vec::new();
    while people.len() < count {
        let p = if rng.below(3) == 0 {
            rng.below(12)
        } else {
            rng.below(FIRST.len() * LAST.len())
        };
        if !people.contains(&p) {
            people.push(p);
        }
    }
    let name = |p: usize| -> String {
        if russian {
            format!(
                "{}.{}",
                RU_FIRST[p % RU_FIRST.len()],
                RU_LAST[(p / RU_FIRST.len()) % RU_LAST.len()]
            )
        } else {
            format!("{} {}", FIRST[p % FIRST.len()], LAST[p / FIRST.len()])
        }
    };
    let (words, title, dateline) = if russian {
        out.push_str("Настройки отображения\n\nРазмер шрифта:\nЦвета сайта:\n\n\nПрезидент России — официальный сайт\n\nНовости\u{a0} /\n\n");
        let title = format!("{} {}", rng.pick(RU_TITLE_KINDS), rng.pick(RU_TOPICS));
        let dateline = format!(
            "{day} {} {year} года, {}",
            transcript_viewer::dates::RU_MONTHS[month - 1],
            rng.pick(RU_PLACES)
        );
        (RU_WORDS, title, dateline)
    } else {
        out.push_str("View settings\n\nFont size:\nSite colours:\n\n\nOfficial website of the President of Russia\n\nNews\u{a0} /\n\n");
        let title = format!("{} {}", rng.pick(TITLE_KINDS), rng.pick(TOPICS));
        let dateline = format!(
            "{} {day}, {year}, {}",
            transcript_viewer::dates::EN_MONTHS[month - 1],
            rng.pick(PLACES)
        );
        (EN_WORDS, title, dateline)
    };
    out.push_str(&format!("{title}\n\n{dateline}\n\n"));
    for _ in 0..1 + rng.below(2) {
        paragraph(&mut rng, words, &mut out);
    }
    out.push_str("* * *\n\n");
    let mut introduced = vec![false; people.len()];
    while out.len() < bytes {
        let s = if rng.below(3) == 0 {
            0
        } else {
            rng.below(people.len())
        };
        let who = name(people[s]);
        if !russian && !introduced[s] {
            let role = ROLES[people[s] % ROLES.len()];
            out.push_str(&format!("{role} {}: ", who.replace(' ', "\u{a0}")));
        } else {
            out.push_str(&format!("{who}: "));
        }
        introduced[s] = true;
        for _ in 0..1 + rng.below(3) {
            paragraph(&mut rng, words, &mut out);
        }
    }
    (stem, out)
}

/// Writes `n` transcripts of the archive into `dir`.
fn write_archive(n: usize, dir: &std::path::Path, bytes: usize, seed: u64) -> Result<(), String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: cannot create: {e}", dir.display()))?;
    let mut total = 0usize;
    for index in 1..=n {
        let (stem, text) = archive_item(index, bytes, seed);
        let path = dir.join(format!("{stem}.txt"));
        std::fs::write(&path, &text)
            .map_err(|e| format!("{}: cannot write: {e}", path.display()))?;
        total += text.len();
    }
    eprintln!(
        "gen-transcript: {n} transcript(s), {total} bytes in {}",
        dir.display()
    );
    Ok(())
}

const USAGE: &str = "\
usage: gen-transcript [--bytes N] [--seed N] > out.txt
         one large transcript (1,000,000 bytes by default) on stdout
       gen-transcript --archive N --out DIR [--seed N] [--bytes-each N]
         N transcripts of about 20,000 bytes each as DIR/<date>-<n>.txt";

fn main() -> ExitCode {
    let (mut bytes, mut bytes_each, mut seed) = (1_000_000usize, 20_000usize, 1u64);
    let (mut archive, mut out) = (None, None);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        let value = args.next();
        let number = value
            .as_deref()
            .and_then(|v| v.replace('_', "").parse::<u64>().ok());
        match (arg.as_str(), number) {
            ("--bytes", Some(v)) => bytes = v as usize,
            ("--bytes-each", Some(v)) => bytes_each = v as usize,
            ("--seed", Some(v)) => seed = v,
            ("--archive", Some(v)) => archive = Some(v as usize),
            ("--out", _) if value.is_some() => out = value.map(std::path::PathBuf::from),
            _ => {
                eprintln!("gen-transcript: bad argument {arg}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    if let Some(n) = archive {
        let Some(dir) = out else {
            eprintln!("gen-transcript: --archive needs --out DIR\n{USAGE}");
            return ExitCode::from(2);
        };
        return match write_archive(n, &dir, bytes_each, seed) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("gen-transcript: {e}");
                ExitCode::FAILURE
            }
        };
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
