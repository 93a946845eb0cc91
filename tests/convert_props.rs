//! Properties of the converter on generated input: it never panics, its output always
//! validates against the schema, ids are unique, and converting twice gives the same
//! bytes. The generator builds text from the pieces real pages are made of (chrome,
//! titles, date lines, labels of every shape, paragraphs with colons and no-break
//! spaces), mixed with arbitrary Unicode, so the interesting paths are reached often.

#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use std::collections::HashSet;
use transcript_viewer::convert::{convert, convert_bytes, Options};
use transcript_viewer::model::{Transcript, Warning};

fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("View settings".to_string()),
        Just("Font size:".to_string()),
        Just("News\u{a0} /".to_string()),
        Just("Official website of the President of Russia".to_string()),
        Just("* * *".to_string()),
        Just("February 18, 2022, The\u{a0}Kremlin, Moscow".to_string()),
        Just("18 февраля 2022 года, 15:50, Москва".to_string()),
        Just("President of\u{a0}Russia Vladimir Putin: Mr President,".to_string()),
        Just("Vladimir Putin: Thank you.".to_string()),
        Just("VLADIMIR PUTIN:".to_string()),
        Just("Putin: Yes.".to_string()),
        Just("В.Путин: Спасибо.".to_string()),
        Just("Question (retranslated): Why?".to_string()),
        Just("The Prime Minister (Boris Johnson): Yes.".to_string()),
        Just("Note: this is text.".to_string()),
        Just("It began at 15: 50 and: ended.".to_string()),
        Just("Direct link: http://en.kremlin.ru/d/1".to_string()),
        Just("Publication date: February 18, 2022".to_string()),
        Just("(x) [y]: ( ) ] [ : :".to_string()),
        Just("\u{feff}\u{200b}\u{a0}\u{2028}".to_string()),
        "[A-Z][a-z]{0,8}( [A-Za-z]{1,8}){0,4}: [A-Za-z ,.]{0,30}",
        "[А-ЯЁ]\\.[А-ЯЁ][а-яё]{1,8}: [а-яё ,.]{0,20}",
        "\\PC{0,40}",
        any::<String>(),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(piece(), 0..40),
        prop::sample::select(vec!["\n", "\n\n", "\r\n", "\r", "\u{2029}"]),
    )
        .prop_map(|(pieces, sep)| pieces.join(sep))
}

fn check(t: &Transcript) -> Result<(), TestCaseError> {
    t.validate()
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
    let json = t.to_json();
    let back = Transcript::from_json(&json).map_err(|e| TestCaseError::fail(e.to_string()))?;
    prop_assert_eq!(&back, t);
    let turn_ids: HashSet<&str> = t.turns.iter().map(|t| t.id.as_str()).collect();
    prop_assert_eq!(turn_ids.len(), t.turns.len());
    let speaker_ids: HashSet<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    prop_assert_eq!(speaker_ids.len(), t.speakers.len());
    // Every speaker has a turn; ids are ASCII slugs or `speaker`.
    for s in &t.speakers {
        prop_assert!(t
            .turns
            .iter()
            .any(|turn| turn.speaker.as_ref() == Some(&s.id)));
        prop_assert!(s
            .id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
    }
    // The viewer's warnings: only "no turns" can come from the converter (a file with
    // a title and nothing else); never a turn naming an unknown speaker.
    prop_assert!(
        t.warnings().iter().all(|w| *w == Warning::NoTurns),
        "{:?}",
        t.warnings()
    );
    // Only the last turn may be empty: a speaker label the text ends on.
    for (n, turn) in t.turns.iter().enumerate() {
        prop_assert!(
            !turn.paragraphs.is_empty() || (n + 1 == t.turns.len() && turn.speaker.is_some())
        );
        prop_assert!(turn.paragraphs.iter().all(|p| !p.trim().is_empty()));
    }
    // Paragraph ids in the page (`t3-p2`) are unique because turn ids are.
    let paragraph_ids: HashSet<String> = t
        .turns
        .iter()
        .flat_map(|turn| (1..=turn.paragraphs.len()).map(move |n| format!("{}-p{n}", turn.id)))
        .collect();
    prop_assert_eq!(
        paragraph_ids.len(),
        t.turns.iter().map(|t| t.paragraphs.len()).sum::<usize>()
    );
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1_000))]

    #[test]
    fn structured_text_always_converts_to_valid_json(text in document()) {
        let options = Options { file: "p.txt".into(), ..Options::default() };
        match convert(&text, &options) {
            Ok(c) => {
                check(&c.transcript)?;
                // Deterministic: the same input gives the same bytes.
                let again = convert(&text, &options).unwrap().transcript.to_json();
                prop_assert_eq!(again, c.transcript.to_json());
                let lines = text.split(['\n', '\r', '\u{2028}', '\u{2029}']).count().max(1);
                for w in &c.warnings {
                    prop_assert!(w.line >= 1 && w.line <= lines, "{:?} in {} lines", w, lines);
                }
            }
            Err(e) => {
                prop_assert!(e.line >= 1 && e.column >= 1);
                prop_assert!(!e.message.is_empty());
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2_000)) {
        let options = Options { file: "b.bin".into(), ..Options::default() };
        if let Ok(c) = convert_bytes(&bytes, &options) {
            check(&c.transcript)?;
        }
    }
}

/// Inputs the fuzzer found panicking, kept as regressions.
#[test]
fn inputs_the_fuzzer_found() {
    let options = Options {
        file: "f.txt".into(),
        ..Options::default()
    };
    // A glued Hansard label before Cyrillic text: the speech's offset fell inside `П`.
    for bytes in [&b"\xc2\xa7 Mr Nn\xd0\x9f\xd0\xb5\x00"[..]] {
        if let Ok(c) = convert_bytes(bytes, &options) {
            check(&c.transcript).unwrap();
        }
    }
}
