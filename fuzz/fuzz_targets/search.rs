//! Search on arbitrary text and query: no panic, and every match is a valid range of
//! the original text, in order, not overlapping.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_viewer::search::{fold, segments, FoldMode, Query};

fuzz_target!(|input: (&str, &str, bool, bool)| {
    let (text, query, match_diacritics, whole_words) = input;
    let mode = FoldMode { match_diacritics };
    if let Query::Phrase(phrase) = Query::new(query, mode) {
        let ranges = fold(text, mode).find_all(&phrase, whole_words);
        let mut end = 0;
        for r in &ranges {
            assert!(r.start >= end && r.start < r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            end = r.end;
        }
        let joined: String = segments(text, &ranges).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
});
