//! The converter on arbitrary bytes: no panic, no hang, and whatever it accepts
//! round-trips through JSON and passes the schema's own checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use transcript_viewer::convert::{convert_bytes, Options};
use transcript_viewer::model::{Transcript, Warning};

fuzz_target!(|data: &[u8]| {
    let options = Options {
        file: "fuzz.txt".into(),
        ..Options::default()
    };
    match convert_bytes(data, &options) {
        Ok(c) => {
            let json = c.transcript.to_json();
            let back = Transcript::from_json(&json).expect("converter output must validate");
            assert_eq!(back, c.transcript);
            assert!(
                back.warnings().iter().all(|w| *w == Warning::NoTurns),
                "converter output names an unknown or unused speaker: {:?}",
                back.warnings()
            );
            let again = convert_bytes(data, &options).expect("second run").transcript;
            assert_eq!(again.to_json(), json, "conversion must be deterministic");
        }
        Err(e) => assert!(e.line >= 1 && e.column >= 1 && !e.message.is_empty()),
    }
});
