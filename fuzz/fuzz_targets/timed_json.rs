//! The JSON readers (Whisper, WhisperX, Podcasting 2.0) and the side files (speakers'
//! names, media) on arbitrary bytes: no panic, and whatever is accepted passes the
//! schema's checks and round-trips. The first byte picks what the rest is: a document,
//! a speakers side file or a media side file (applied to a small WhisperX document).
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_viewer::convert::{convert, media_file, speaker_names, Conversion, Options};
use transcript_viewer::model::{Transcript, Warning};

const DOC: &str = r#"{"segments": [{"start": 0, "end": 1, "text": " Hi there.", "speaker": "SPEAKER_00",
 "words": [{"word": "Hi", "start": 0, "end": 0.4}, {"word": "there."}]},
 {"start": 1.5, "end": 2, "text": " Yes.", "speaker": "SPEAKER_01"}], "language": "en"}"#;

fn check(c: &Conversion, text: &str, options: &Options) {
    let json = c.transcript.to_json();
    let back = Transcript::from_json(&json).expect("converter output must validate");
    assert_eq!(back, c.transcript);
    assert!(
        back.warnings().iter().all(|w| *w == Warning::NoTurns),
        "unknown or unused speaker: {:?}",
        back.warnings()
    );
    let again = convert(text, options).expect("second run").transcript;
    assert_eq!(again.to_json(), json, "conversion must be deterministic");
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let Ok(body) = std::str::from_utf8(rest) else {
        return;
    };
    let mut options = Options {
        file: "fuzz.json".into(),
        ..Options::default()
    };
    let text = match mode % 3 {
        0 => body,
        1 => match speaker_names("fuzz.speakers.json", body) {
            Ok(names) => {
                options.speakers = Some(names);
                DOC
            }
            Err(e) => return assert!(e.line >= 1 && e.column >= 1),
        },
        _ => match media_file(body) {
            Ok(m) => {
                options.media = Some(m);
                DOC
            }
            Err(e) => return assert!(e.line >= 1 && e.column >= 1),
        },
    };
    match convert(text, &options) {
        Ok(c) => check(&c, text, &options),
        Err(e) => assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty()),
    }
});
