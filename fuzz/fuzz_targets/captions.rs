//! The caption readers (WebVTT, SubRip) and time-stamped text on arbitrary bytes: no
//! panic, and whatever is accepted passes the schema's checks (times never go back,
//! one word timing per word) and round-trips. The first byte picks a prefix that steers
//! the detection: WebVTT's header, an SRT cue, two stamped lines, or none.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_viewer::convert::{convert, Options};
use transcript_viewer::model::{Transcript, Warning};

const PREFIXES: [&str; 4] = [
    "WEBVTT\n\n",
    "1\n00:00:00,000 --> 00:00:01,000\nA: go\n\n",
    "[00:00:00] A: go\n[00:00:01] B: on\n",
    "",
];

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let text = format!("{}{body}", PREFIXES[usize::from(mode) % PREFIXES.len()]);
    let options = Options {
        file: "fuzz.vtt".into(),
        ..Options::default()
    };
    match convert(&text, &options) {
        Ok(c) => {
            let json = c.transcript.to_json();
            let back = Transcript::from_json(&json).expect("converter output must validate");
            assert_eq!(back, c.transcript);
            assert!(
                back.warnings().iter().all(|w| *w == Warning::NoTurns),
                "unknown or unused speaker: {:?}",
                back.warnings()
            );
            let again = convert(&text, &options).expect("second run").transcript;
            assert_eq!(again.to_json(), json, "conversion must be deterministic");
        }
        Err(e) => assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty()),
    }
});
