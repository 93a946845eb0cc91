//! Search on arbitrary text and query: no panic, and every match is a valid range of
//! the original text, in order, not overlapping. The input is `flags, query, 0xFF, text`
//! (lossily decoded, so nearly every input reaches the search).
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_viewer::search::{fold, segments, FoldMode, Query};

fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let split = rest.iter().position(|&b| b == 0xFF).unwrap_or(rest.len().min(16));
    let query = String::from_utf8_lossy(&rest[..split]);
    let text = String::from_utf8_lossy(rest.get(split + 1..).unwrap_or_default());
    let mode = FoldMode {
        match_diacritics: flags & 1 != 0,
    };
    let whole_words = flags & 2 != 0;
    if let Query::Phrase(phrase) = Query::new(&query, mode) {
        let ranges = fold(&text, mode).find_all(&phrase, whole_words);
        let mut end = 0;
        for r in &ranges {
            assert!(r.start >= end && r.start < r.end && r.end <= text.len());
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            end = r.end;
        }
        let joined: String = segments(&text, &ranges).iter().map(|s| s.text).collect();
        assert_eq!(joined, text);
    }
});
