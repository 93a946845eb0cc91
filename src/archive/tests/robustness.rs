//! Corrupt files, and the property test over generated transcripts.

use super::*;

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
