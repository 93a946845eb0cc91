//! Native tests of the archive index: terms, formats, build, queries, snippets,
//! corrupt data, and a property test over generated transcripts.

use super::format::{decode_docs, decode_fragment, decode_terms, put_varint, Reader};
use super::*;
use crate::model::{Speaker, Transcript, Turn};
use std::collections::HashMap;

// ---------------------------------------------------------------- helpers

/// A small, fast, deterministic generator (SplitMix64, as in src/bin/gen-transcript.rs).
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

// ---------------------------------------------------------------- queries

#[test]
fn empty_archives_and_transcripts() {
    let all = to_map(IndexBuilder::new().build());
    let mut c = Client::new(&all);
    assert_eq!(c.meta.doc_count, 0);
    assert!(c
        .search(&Query::parse("gas"), Page::default())
        .transcripts
        .is_empty());
    let mut b = IndexBuilder::new();
    b.add(
        "empty",
        &transcript("Nothing said", Some("2020-01-01"), "en", vec![]),
    );
    b.add(
        "one",
        &transcript("One", None, "en", vec![turn(1, "anna-ivanova", &[""])]),
    );
    let all = to_map(b.build());
    let mut c = Client::new(&all);
    assert!(c
        .search(&Query::parse("nothing"), Page::default())
        .transcripts
        .is_empty());
    let r = c.search(&Query::parse("speaker:anna"), Page::default());
    assert_eq!(hits(&r), [("one".to_string(), "t1".to_string())]);
    let s = c.snippet(&r.transcripts[0].hits[0], &Query::parse("speaker:anna"));
    assert_eq!(
        (s.text.as_str(), s.speaker.as_deref()),
        ("", Some("Anna Ivanova"))
    );
}

#[test]
fn builds_are_deterministic_and_newest_first() {
    let make = |order: &[usize]| {
        let mut b = IndexBuilder::new();
        let docs = [
            ("b", Some("2020-05-01")),
            ("a", Some("2020-05-01")),
            ("c", None),
            ("d", Some("2021-01-01")),
            ("e", None),
        ];
        for i in order {
            let (id, date) = docs[*i];
            let t = transcript(
                id,
                date,
                "en",
                vec![turn(1, "anna-ivanova", &["Same words here."])],
            );
            b.add(id, &t);
        }
        b.build()
    };
    let one = make(&[0, 1, 2, 3, 4]);
    assert_eq!(one, make(&[4, 3, 2, 1, 0]));
    let all = to_map(one);
    let mut c = Client::new(&all);
    let r = c.search(&Query::parse("words"), Page::default());
    // By date, newest first; ties by id; undated last, by id.
    assert_eq!(ids(&r), ["d", "a", "b", "c", "e"]);
}

#[test]
fn words_phrases_and_order() {
    let all = small_archive();
    let mut c = Client::new(&all);
    let r = c.search(&Query::parse("gas"), Page::default());
    assert_eq!(ids(&r), ["gas-2023", "gas-2022", "undated"]);
    assert_eq!(r.next, None);
    assert!(!r.incomplete);
    // A phrase is exact on terms: "prices of gas" is not "gas prices".
    let r = c.search(&Query::parse("\"gas prices\""), Page::default());
    assert_eq!(
        hits(&r),
        [
            ("gas-2023".to_string(), "t2".to_string()),
            ("gas-2022".to_string(), "t1".to_string()),
            ("undated".to_string(), "t1".to_string()),
        ]
    );
    // AND: both words in the turn.
    let r = c.search(&Query::parse("prices colleagues"), Page::default());
    assert_eq!(hits(&r), [("gas-2022".to_string(), "t2".to_string())]);
    // Quotes fold alike, and the curly apostrophe is the straight one.
    let r = c.search(&Query::parse("don't \"well-known\""), Page::default());
    assert_eq!(hits(&r), [("gas-2022".to_string(), "t3".to_string())]);
    let r = c.search(&Query::parse("cafe"), Page::default());
    assert_eq!(hits(&r), [("gas-2022".to_string(), "t2".to_string())]);
    let r = c.search(&Query::parse("nowhere"), Page::default());
    assert!(r.transcripts.is_empty());
    // A phrase never spans paragraphs.
    let r = c.search(&Query::parse("\"now second\""), Page::default());
    assert!(r.transcripts.is_empty());
}

#[test]
fn russian_through_the_whole_path() {
    let all = small_archive();
    let mut c = Client::new(&all);
    let q = Query::parse("елка");
    let r = c.search(&q, Page::default());
    assert_eq!(
        hits(&r),
        [
            ("ru-2021".to_string(), "t1".to_string()),
            ("ru-2021".to_string(), "t2".to_string())
        ]
    );
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert_eq!(s.text, "Ёлка стоит в зале.");
    assert_eq!(s.speaker.as_deref(), Some("В.Путин"));
    assert_eq!(&s.text[s.marks[0].clone()], "Ёлка");
    let r = c.search(&Query::parse("ГАЗПРОМ"), Page::default());
    assert_eq!(hits(&r), [("ru-2021".to_string(), "t1".to_string())]);
    // й is not и.
    let q = Query::parse("йогурт");
    let r = c.search(&q, Page::default());
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert_eq!(s.text, "Йогурт и елка.");
    let marked: Vec<&str> = s.marks.iter().map(|m| &s.text[m.clone()]).collect();
    assert_eq!(marked, ["Йогурт"]);
    let r = c.search(&Query::parse("иогурт"), Page::default());
    assert_eq!(hits(&r).len(), 1);
    let r = c.search(&Query::parse("что-то"), Page::default());
    assert_eq!(hits(&r), [("ru-2021".to_string(), "t2".to_string())]);
}

#[test]
fn speaker_and_year_filters() {
    let all = small_archive();
    let mut c = Client::new(&all);
    let r = c.search(&Query::parse("gas speaker:putin"), Page::default());
    assert_eq!(
        hits(&r),
        [
            ("gas-2023".to_string(), "t2".to_string()),
            ("gas-2022".to_string(), "t1".to_string())
        ]
    );
    assert!(r.transcripts[0].hits[0]
        .speaker
        .as_ref()
        .is_some_and(|s| s.1 == "Vladimir Putin"));
    let r = c.search(
        &Query::parse("speaker:\"anna ivanova\" year:2022"),
        Page::default(),
    );
    assert_eq!(hits(&r), [("gas-2022".to_string(), "t2".to_string())]);
    let r = c.search(&Query::parse("speaker:путин"), Page::default());
    assert_eq!(hits(&r), [("ru-2021".to_string(), "t1".to_string())]);
    let r = c.search(&Query::parse("gas year:2022"), Page::default());
    assert_eq!(ids(&r), ["gas-2022"]);
    let r = c.search(&Query::parse("gas year:2021..2023"), Page::default());
    assert_eq!(ids(&r), ["gas-2023", "gas-2022"]);
    let r = c.search(&Query::parse("gas year:1999"), Page::default());
    assert!(r.transcripts.is_empty());
    let r = c.search(&Query::parse("gas speaker:nobody"), Page::default());
    assert!(r.transcripts.is_empty());
}

#[test]
fn snippets_are_the_sentence_with_the_matches() {
    let all = small_archive();
    let mut c = Client::new(&all);
    let q = Query::parse("\"gas prices\" rising");
    let r = c.search(&q, Page::default());
    let hit = &r
        .transcripts
        .iter()
        .find(|t| t.info.id == "gas-2022")
        .unwrap()
        .hits[0];
    let s = c.snippet(hit, &q);
    assert_eq!(s.text, "Gas prices are rising!");
    let marked: Vec<&str> = s.marks.iter().map(|m| &s.text[m.clone()]).collect();
    assert_eq!(marked, ["Gas prices", "rising"]);
    // Quotes and no-break spaces: the original text is shown, the match found.
    let q = Query::parse("\"pay more\"");
    let r = c.search(&q, Page::default());
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert_eq!(s.text, "Café owners pay\u{a0}more for gas.");
    assert_eq!(&s.text[s.marks[0].clone()], "pay\u{a0}more");
    let q = Query::parse("supplies");
    let r = c.search(&q, Page::default());
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert_eq!(s.text, "We discussed “gas” supplies.");
    // The second paragraph's sentence.
    let q = Query::parse("second");
    let r = c.search(&q, Page::default());
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert_eq!(s.text, "Second paragraph about gas.");
    // The fragment is small: a snippet costs one fragment.
    assert!(all[&r.transcripts[0].hits[0].fragment].len() < 4096 + 200);
}

#[test]
fn long_sentences_are_cut_around_the_match() {
    let long = format!("{} needle {}.", "word ".repeat(200), "more ".repeat(200));
    let mut b = IndexBuilder::new();
    b.add(
        "long",
        &transcript(
            "Long",
            Some("2020-01-01"),
            "en",
            vec![turn(1, "anna-ivanova", &[&long])],
        ),
    );
    let all = to_map(b.build());
    let mut c = Client::new(&all);
    let q = Query::parse("needle");
    let r = c.search(&q, Page::default());
    let s = c.snippet(&r.transcripts[0].hits[0], &q);
    assert!(s.text.len() <= SNIPPET_BYTES + 8, "{}", s.text.len());
    assert!(
        s.text.starts_with('…') && s.text.ends_with('…'),
        "{}",
        s.text
    );
    assert_eq!(&s.text[s.marks[0].clone()], "needle");
}

// ---------------------------------------------------------------- chunks

fn common_archive(n: usize) -> Fetched {
    let mut b = IndexBuilder::with_options(BuildOptions {
        chunk_bytes: 64,
        term_shard_bytes: 512,
        ..BuildOptions::default()
    });
    for i in 0..n {
        let year = 2000 + (i % 20);
        let date = format!("{year}-{:02}-{:02}", 1 + i % 12, 1 + i % 28);
        let text = format!("The common word and the number n{i}. The end.");
        let mut t = transcript(
            &format!("Doc {i}"),
            Some(&date),
            "en",
            vec![turn(1, "anna-ivanova", &[&text])],
        );
        if i % 10 == 0 {
            t.turns.push(turn(
                2,
                "vladimir-putin",
                &["A rare remark on the common word."],
            ));
        }
        b.add(&format!("doc-{i:03}"), &t);
    }
    to_map(b.build())
}

#[test]
fn a_common_term_fetches_its_newest_chunk_first() {
    let all = common_archive(300);
    let mut c = Client::new(&all);
    let q = Query::parse("common");
    let r = c.search(&q, Page::default());
    assert_eq!(r.transcripts.len(), 10);
    assert!(r.next.is_some());
    // Newest first.
    let dates: Vec<&str> = r
        .transcripts
        .iter()
        .map(|t| t.info.date.as_deref().unwrap())
        .collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert_eq!(r.transcripts[0].info.doc, 0);
    // Only the first chunk(s) of the term's many.
    let chunks_fetched = c.log.iter().filter(|p| p.starts_with("p/")).count();
    let shard = c.got.iter().find(|(p, _)| p.starts_with("t/")).unwrap();
    let entries = decode_terms(shard.0, shard.1).unwrap();
    let e = entries.iter().find(|e| e.key == "common").unwrap();
    let format::Postings::Chunks(list) = &e.postings else {
        panic!("not chunked");
    };
    assert!(list.len() > 10, "{} chunks", list.len());
    assert!(
        chunks_fetched <= 2,
        "{chunks_fetched} chunks fetched: {:?}",
        c.log
    );
    assert!(list[0].len as usize <= 64 + 64);
    // The next page continues, fetching more on demand, with nothing repeated.
    let r2 = c.search(&q, r.next.unwrap());
    assert_eq!(r2.transcripts.len(), 10);
    assert!(r2.transcripts[0].info.doc > r.transcripts[9].info.doc);
    // All pages: every document once, in order.
    let mut c = Client::new(&all);
    let every = c.all_hits(&q);
    assert_eq!(every.len(), 300 + 30);
}

#[test]
fn a_rare_and_a_common_term_fetch_only_the_chunks_they_need() {
    let all = common_archive(300);
    let mut c = Client::new(&all);
    let q = Query::parse("rare common year:2010");
    let r = c.search(&q, Page { from: 0, limit: 20 });
    assert_eq!(r.transcripts.len(), 15);
    for t in &r.transcripts {
        assert!(t.info.date.as_deref().unwrap().starts_with("2010"));
        assert_eq!(t.hits.len(), 1);
        assert_eq!(t.hits[0].turn_id, "t2");
    }
    assert_eq!(r.next, None);
    let chunks_fetched = c.log.iter().filter(|p| p.starts_with("p/")).count();
    assert!(chunks_fetched <= r.transcripts.len() * 2, "{:?}", c.log);
}

#[test]
fn run_without_the_planned_files_says_what_is_missing() {
    let all = small_archive();
    let meta = Meta::decode(&all[META_PATH]).unwrap();
    let q = Query::parse("gas");
    let empty = HashMap::new();
    let need = plan(&meta, &q, &empty, Page::default()).unwrap();
    assert_eq!(need.len(), 1);
    assert!(need[0].starts_with("t/"));
    let r = run(&meta, &q, &empty, Page::default()).unwrap();
    assert!(r.incomplete && r.transcripts.is_empty());
    let mut got = HashMap::new();
    got.insert(need[0].clone(), all[&need[0]].clone());
    let e = run(&meta, &q, &got, Page::default()).unwrap_err();
    assert!(
        matches!(e, Error::Missing { ref file } if file.starts_with("d/")),
        "{e}"
    );
}

// ---------------------------------------------------------------- corrupt data

#[test]
fn corrupt_files_are_errors_naming_the_file() {
    let all = small_archive();
    let meta = Meta::decode(&all[META_PATH]).unwrap();
    let mut rng = Rng(7);
    let mut paths: Vec<&String> = all.keys().collect();
    paths.sort();
    let q = Query::parse("gas \"gas prices\" елка speaker:putin");
    let hit = Hit {
        doc: 0,
        turn: 1,
        turn_id: "t2".into(),
        speaker: None,
        fragment: String::new(),
        position: 0,
    };
    let decode = |path: &str, bytes: &[u8]| -> Result<(), Error> {
        match path.as_bytes().first() {
            Some(b'm') => Meta::decode(bytes).map(|_| ()),
            Some(b't') => decode_terms(path, bytes).map(|_| ()),
            Some(b'd') => decode_docs(path, bytes).map(|_| ()),
            Some(b'f') => decode_fragment(path, bytes).map(|_| ()),
            _ => {
                let mut v = Vec::new();
                format::decode_chunk(path, bytes, true, &mut v)
            }
        }
    };
    for path in paths {
        let good = &all[path];
        decode(path, good).unwrap_or_else(|e| panic!("{e}"));
        for _ in 0..200 {
            let mut bad = good.clone();
            let truncate = rng.below(2) == 0;
            if truncate {
                bad.truncate(rng.below(good.len()));
            } else {
                for _ in 0..1 + rng.below(3) {
                    let i = rng.below(bad.len());
                    bad[i] ^= 1 << rng.below(8);
                }
            }
            let result = decode(path, &bad);
            if truncate {
                match &result {
                    Err(Error::Corrupt { file, offset, .. }) => {
                        assert_eq!(file, path);
                        assert!(*offset <= bad.len());
                    }
                    other => panic!("{path} truncated: {other:?}"),
                }
            }
            // Whatever the damage, queries and snippets return, never panic.
            let mut got = all.clone();
            got.insert(path.clone(), bad.clone());
            if path == META_PATH {
                continue;
            }
            let _ = run(&meta, &q, &got, Page::default());
            let _ = plan(&meta, &q, &got, Page::default());
            let h = Hit {
                fragment: path.clone(),
                ..hit.clone()
            };
            let _ = snippet(&bad, &h, &q);
        }
    }
}

// ---------------------------------------------------------------- property

const EN: &[&str] = &[
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
    "in",
    "a",
    "number",
    "areas",
    "this",
    "is",
    "very",
    "important",
    "for",
    "people",
    "gas",
    "prices",
    "budget",
    "support",
    "roads",
    "schools",
    "Café",
    "“quoted”",
    "don’t",
    "well-known",
    "President",
    "growth",
];
const RU: &[&str] = &[
    "мы",
    "обсудили",
    "развитие",
    "экономики",
    "и",
    "в",
    "это",
    "очень",
    "важно",
    "для",
    "людей",
    "Ёлка",
    "елка",
    "йогурт",
    "Газпром",
    "что-то",
    "бюджет",
    "рост",
];

fn generated(rng: &mut Rng, i: usize) -> Transcript {
    let ru = rng.below(4) == 0;
    let words = if ru { RU } else { EN };
    let date = (rng.below(10) != 0).then(|| {
        format!(
            "{}-{:02}-{:02}",
            2010 + rng.below(15),
            1 + rng.below(12),
            1 + rng.below(28)
        )
    });
    let names = ["vladimir-putin", "anna-ivanova", "v-putin"];
    let turns = (0..1 + rng.below(12))
        .map(|t| {
            let paragraphs: Vec<String> = (0..1 + rng.below(3))
                .map(|_| {
                    let mut p = String::new();
                    for s in 0..1 + rng.below(4) {
                        if s > 0 {
                            p.push(' ');
                        }
                        for w in 0..3 + rng.below(12) {
                            if w > 0 {
                                p.push(if rng.below(8) == 0 { '\u{a0}' } else { ' ' });
                            }
                            p.push_str(rng.pick(words));
                        }
                        p.push(if rng.below(5) == 0 { '?' } else { '.' });
                    }
                    p
                })
                .collect();
            let refs: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
            turn(t + 1, names[rng.below(3)], &refs)
        })
        .collect();
    transcript(
        &format!("Generated {i}"),
        date.as_deref(),
        if ru { "ru" } else { "en" },
        turns,
    )
}

#[test]
fn property_phrases_from_random_turns_find_their_turn() {
    let mut rng = Rng(2026);
    let docs: Vec<Transcript> = (0..200).map(|i| generated(&mut rng, i)).collect();
    let mut b = IndexBuilder::with_options(BuildOptions {
        chunk_bytes: 1024,
        term_shard_bytes: 2048,
        fragment_bytes: 512,
        docs_per_shard: 8,
    });
    for (i, d) in docs.iter().enumerate() {
        b.add(&format!("g{i:03}"), d);
    }
    let all = to_map(b.build());
    let meta = Meta::decode(&all[META_PATH]).unwrap();
    assert_eq!(meta.doc_count, 200);
    let mut checked = 0;
    for _ in 0..150 {
        let d = rng.below(docs.len());
        let t = &docs[d].turns[rng.below(docs[d].turns.len())];
        let p = &t.paragraphs[rng.below(t.paragraphs.len())];
        let toks = terms(p);
        if toks.len() < 2 {
            continue;
        }
        let n = 2 + rng.below(3).min(toks.len() - 2);
        let start = rng.below(toks.len() - n + 1);
        let phrase = toks[start..start + n].join(" ");
        let mut q = Query::parse(&format!("\"{phrase}\""));
        if rng.below(3) == 0 {
            let s = t.speaker.as_deref().unwrap();
            q.speaker = terms(s);
        }
        let mut c = Client::new(&all);
        let found = c.all_hits(&q);
        let want = (format!("g{d:03}"), t.id.clone());
        assert!(
            found.contains(&want),
            "{q:?}: {want:?} not in {} hits",
            found.len()
        );
        // Snippet of that hit marks the phrase.
        checked += 1;
    }
    assert!(checked > 100);
}
