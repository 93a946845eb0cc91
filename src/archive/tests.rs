//! Native tests of the archive index: terms, formats, build, queries, snippets,
//! corrupt data, and a property test over generated transcripts.

mod queries;
mod robustness;

use super::coding::{put_varint, Reader};
use super::format::{decode_docs, decode_fragment, decode_terms};
use super::*;
use crate::model::{Speaker, Transcript, Turn};
use std::collections::HashMap;

// ---------------------------------------------------------------- helpers

use crate::rng::Rng;

fn speaker(id: &str, name: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        role: None,
        anonymous: false,
    }
}

fn turn(i: usize, speaker: &str, paragraphs: &[&str]) -> Turn {
    Turn {
        id: format!("t{i}"),
        speaker: Some(speaker.into()),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Turn::default()
    }
}

fn transcript(title: &str, date: Option<&str>, lang: &str, turns: Vec<Turn>) -> Transcript {
    Transcript {
        schema: 2,
        lang: lang.into(),
        title: title.into(),
        date: date.map(Into::into),
        place: Some("The Kremlin, Moscow".into()),
        speakers: vec![
            speaker("vladimir-putin", "Vladimir Putin"),
            speaker("anna-ivanova", "Anna Ivanova"),
            speaker("v-putin", "В.Путин"),
        ],
        turns,
        ..Transcript::default()
    }
}

fn to_map(files: Vec<(String, Vec<u8>)>) -> Fetched {
    let mut map = HashMap::new();
    for (p, b) in files {
        assert!(map.insert(p.clone(), b).is_none(), "two files at {p}");
    }
    map
}

/// A client: plans and "fetches" from `all` until the plan is empty, then runs.
/// Returns the results and the paths fetched, in order.
struct Client<'a> {
    all: &'a Fetched,
    meta: Meta,
    got: Fetched,
    log: Vec<String>,
}

impl<'a> Client<'a> {
    fn new(all: &'a Fetched) -> Client<'a> {
        let meta = Meta::decode(&all[META_PATH]).expect("meta");
        Client {
            all,
            meta,
            got: HashMap::new(),
            log: vec![META_PATH.to_string()],
        }
    }

    fn fetch(&mut self, path: &str) {
        let bytes = self
            .all
            .get(path)
            .unwrap_or_else(|| panic!("no file {path}"));
        self.got.insert(path.to_string(), bytes.clone());
        self.log.push(path.to_string());
    }

    fn search(&mut self, q: &Query, page: Page) -> Results {
        for _ in 0..100 {
            let need = plan(&self.meta, q, &self.got, page).expect("plan");
            if need.is_empty() {
                return run(&self.meta, q, &self.got, page).expect("run");
            }
            for p in need {
                assert!(!self.got.contains_key(&p), "planned {p} twice");
                self.fetch(&p);
            }
        }
        panic!("plan does not converge for {q:?}");
    }

    fn snippet(&mut self, hit: &Hit, q: &Query) -> Snippet {
        if !self.got.contains_key(&hit.fragment) {
            let f = hit.fragment.clone();
            self.fetch(&f);
        }
        snippet(&self.got[&hit.fragment], hit, q).expect("snippet")
    }

    /// Every page until there is no next one: (document id, turn id) of every hit.
    fn all_hits(&mut self, q: &Query) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let mut page = Page { from: 0, limit: 7 };
        loop {
            let r = self.search(q, page);
            for t in &r.transcripts {
                for h in &t.hits {
                    out.push((t.info.id.clone(), h.turn_id.clone()));
                }
            }
            match r.next {
                Some(p) => page = p,
                None => return out,
            }
        }
    }
}

fn small_archive() -> Fetched {
    let mut b = IndexBuilder::new();
    b.add(
        "gas-2022",
        &transcript(
            "Meeting on gas",
            Some("2022-02-18"),
            "en",
            vec![
                turn(
                    1,
                    "vladimir-putin",
                    &["Good afternoon. Gas prices are rising! We discussed “gas” supplies."],
                ),
                turn(
                    2,
                    "anna-ivanova",
                    &["Café owners pay\u{a0}more for gas. The prices of gas, colleagues, matter."],
                ),
                turn(
                    3,
                    "vladimir-putin",
                    &["Don’t worry. It is a well-known problem."],
                ),
            ],
        ),
    );
    b.add(
        "ru-2021",
        &transcript(
            "Совещание",
            Some("2021-12-01"),
            "ru",
            vec![
                turn(
                    1,
                    "v-putin",
                    &["Добрый день. Ёлка стоит в зале. Газпром поставляет газ."],
                ),
                turn(
                    2,
                    "anna-ivanova",
                    &["Йогурт и елка. Иогурт — это не йогурт. Что-то важное."],
                ),
            ],
        ),
    );
    b.add(
        "undated",
        &transcript(
            "Undated talk",
            None,
            "en",
            vec![turn(
                1,
                "anna-ivanova",
                &["Gas prices again, as every year."],
            )],
        ),
    );
    b.add(
        "gas-2023",
        &transcript(
            "Later meeting",
            Some("2023-05-05"),
            "en",
            vec![
                turn(1, "anna-ivanova", &["Prices of gas went down."]),
                turn(
                    2,
                    "vladimir-putin",
                    &["Gas prices are lower now.", "Second paragraph about gas."],
                ),
            ],
        ),
    );
    to_map(b.build())
}

fn ids(r: &Results) -> Vec<&str> {
    r.transcripts.iter().map(|t| t.info.id.as_str()).collect()
}

fn hits(r: &Results) -> Vec<(String, String)> {
    r.transcripts
        .iter()
        .flat_map(|t| {
            t.hits
                .iter()
                .map(|h| (t.info.id.clone(), h.turn_id.clone()))
        })
        .collect()
}

// ---------------------------------------------------------------- terms

#[test]
fn terms_fold_as_the_in_page_search() {
    assert_eq!(terms("Ёлка"), terms("елка"));
    assert_eq!(terms("Ёлка"), ["елка"]);
    assert_ne!(terms("йогурт"), terms("иогурт"));
    assert_eq!(terms("Café"), ["cafe"]);
    assert_eq!(terms("CAFÉ Crème"), ["cafe", "creme"]);
    assert_eq!(terms("“gas”"), ["gas"]);
    assert_eq!(terms("\"gas\""), ["gas"]);
    assert_eq!(terms("pay\u{a0}more"), ["pay", "more"]);
    assert_eq!(terms("Газпром"), ["газпром"]);
    assert_eq!(terms("ГАЗПРОМ"), terms("газпром"));
    assert_eq!(terms("Straße"), ["strasse"]);
}

#[test]
fn apostrophes_and_hyphens_separate_terms() {
    assert_eq!(terms("don't"), ["don", "t"]);
    assert_eq!(terms("don’t"), ["don", "t"]);
    assert_eq!(terms("что-то"), ["что", "то"]);
    assert_eq!(terms("well‑known"), ["well", "known"]);
    // Invisible characters join, as in the in-page search.
    assert_eq!(
        terms("soft\u{ad}ware zero\u{200b}width"),
        ["software", "zerowidth"]
    );
    assert_eq!(terms("2,5 % и 10\u{a0}000"), ["2", "5", "и", "10", "000"]);
}

#[test]
fn tokens_keep_their_place_in_the_original() {
    let text = "Ёлка, “gas” — Café.";
    let t = tokens(text);
    let words: Vec<&str> = t.iter().map(|t| &text[t.range.clone()]).collect();
    assert_eq!(words, ["Ёлка", "gas", "Café"]);
}

#[test]
fn query_parsing() {
    let q = Query::parse("Gas  “gas prices” speaker:Putin year:2020-2022 don’t");
    assert_eq!(
        q.clauses,
        vec![
            vec!["gas".to_string()],
            vec!["gas".to_string(), "prices".to_string()],
            vec!["don".to_string(), "t".to_string()],
        ]
    );
    assert_eq!(q.speaker, ["putin"]);
    assert_eq!(q.years, Some((2020, 2022)));
    let q = Query::parse("speaker:\"Vladimir Putin\" «Ёлка» year:2023..2021 year:x");
    assert_eq!(q.speaker, ["putin", "vladimir"]);
    assert_eq!(
        q.clauses,
        vec![
            vec!["елка".to_string()],
            vec!["year".to_string(), "x".to_string()]
        ]
    );
    assert_eq!(q.years, Some((2021, 2023)));
    assert!(Query::parse("  … — ").is_empty());
    assert!(
        Query::parse("\"unclosed phrase").clauses
            == vec![vec!["unclosed".to_string(), "phrase".to_string()]]
    );
}

#[test]
fn query_parsing_never_panics() {
    let pieces = [
        "speaker:",
        "SPEAKER:",
        "year:",
        "Year:2020-",
        "\"",
        "“",
        "»",
        "İ",
        "ß",
        " ",
        "\u{a0}",
        "gas",
        "ёлка",
        "-",
        "'",
        "..",
        "2022",
        "é",
        "\u{301}",
        ":",
        "speaker:\"",
    ];
    let mut rng = Rng(11);
    for _ in 0..5000 {
        let s: String = (0..rng.below(8))
            .map(|_| pieces[rng.below(pieces.len())])
            .collect();
        let q = Query::parse(&s);
        assert!(q.clauses.iter().all(|c| !c.is_empty()), "{s:?}");
    }
    assert_eq!(Query::parse("İspeaker:x").clauses.len(), 1);
}

// ---------------------------------------------------------------- format

#[test]
fn varints_round_trip_and_refuse_overlong() {
    let mut out = Vec::new();
    let values = [0u64, 1, 127, 128, 300, u32::MAX as u64, u64::MAX];
    for v in values {
        put_varint(&mut out, v);
    }
    let mut r = Reader::new("x", &out);
    for v in values {
        assert_eq!(r.varint().unwrap(), v);
    }
    assert!(r.at_end());
    let bad = [0xffu8; 11];
    let e = Reader::new("x.bin", &bad).varint().unwrap_err();
    assert!(e.to_string().starts_with("x.bin: byte 0:"), "{e}");
}

#[test]
fn meta_round_trips() {
    let all = small_archive();
    let meta = Meta::decode(&all[META_PATH]).unwrap();
    assert_eq!(meta.doc_count, 4);
    assert_eq!(Meta::decode(&meta.encode()).unwrap(), meta);
    // Newest first, undated last: 2023, 2022, 2021, undated.
    let years: Vec<(u16, Range)> = meta
        .years
        .iter()
        .map(|y| (y.year, y.docs.clone()))
        .collect();
    assert_eq!(years, [(2023, 0..1), (2022, 1..2), (2021, 2..3)]);
    // Every path but meta is versioned or content-addressed.
    for p in all.keys() {
        assert!(
            p == META_PATH || p.contains(&format!("{:016x}", meta.build)) || p.len() == 22,
            "{p}"
        );
    }
}

type Range = std::ops::Range<u32>;
