//! Queries end to end: words, phrases, filters, Russian, snippets, chunked postings.

use super::*;

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
