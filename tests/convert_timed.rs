//! Timed input (issue 20): captions, Whisper, WhisperX and Podcasting 2.0 JSON and
//! time-stamped text keep their times; diarised voices get names from a side file; the
//! media comes from a flag or a side file. Every output passes `Transcript::validate`
//! and round-trips through JSON; errors are `file:line:column: message`.

use std::path::{Path, PathBuf};
use std::process::Command;
use transcript_viewer::convert::{convert, media, speaker_names, Conversion, Options};
use transcript_viewer::model::{Media, MediaKind, Time, Transcript, Turn};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/timed")
        .join(name)
}

fn read(name: &str) -> String {
    std::fs::read_to_string(fixture(name)).unwrap()
}

fn options(file: &str) -> Options {
    Options {
        file: file.into(),
        ..Options::default()
    }
}

/// Converts, and checks the output validates and round-trips.
fn checked(text: &str, options: &Options) -> Conversion {
    let c = convert(text, options).unwrap_or_else(|e| panic!("{}", e.render(&options.file)));
    c.transcript.validate().unwrap();
    let json = c.transcript.to_json();
    assert_eq!(
        Transcript::from_json(&json).unwrap(),
        c.transcript,
        "{json}"
    );
    assert!(c.transcript.is_timed());
    c
}

fn load(name: &str) -> Conversion {
    checked(&read(name), &options(name))
}

/// Each turn's speaker name (`-` for none) and paragraphs.
fn turns(t: &Transcript) -> Vec<(String, Vec<String>)> {
    t.turns
        .iter()
        .map(|turn| {
            let who = turn
                .speaker
                .as_deref()
                .and_then(|id| t.speaker(id))
                .map_or("-".to_string(), |s| s.name.clone());
            (who, turn.paragraphs.clone())
        })
        .collect()
}

fn owned(turns: &[(&str, &[&str])]) -> Vec<(String, Vec<String>)> {
    turns
        .iter()
        .map(|(w, p)| (w.to_string(), p.iter().map(|s| s.to_string()).collect()))
        .collect()
}

/// A turn's (start, end) and its paragraphs' (start, end), in milliseconds.
fn times(turn: &Turn) -> ((u64, u64), Vec<(u64, u64)>) {
    (
        (turn.start.unwrap().0, turn.end.unwrap().0),
        turn.times.iter().map(|t| (t.start.0, t.end.0)).collect(),
    )
}

/// The start of every word of paragraph `p`, in milliseconds (empty: untimed).
fn words(turn: &Turn, p: usize) -> Vec<u64> {
    turn.times[p].word_starts().map(|t| t.0).collect()
}

#[test]
fn whisper_json_keeps_segment_and_word_times() {
    let c = load("whisper.json");
    let t = &c.transcript;
    assert_eq!(t.lang, "en");
    assert!(t.speakers.is_empty() && c.warnings.is_empty());
    assert_eq!(
        turns(t),
        owned(&[("-", &["Hello and welcome. It's a test.", "After a pause."])])
    );
    assert_eq!(
        times(&t.turns[0]),
        ((0, 7500), vec![(0, 3600), (6000, 7500)])
    );
    assert_eq!(words(&t.turns[0], 0), [0, 600, 900, 2200, 2600, 2800]);
    assert_eq!(words(&t.turns[0], 1), [6000, 6500, 6700]);
    let json = t.to_json();
    assert!(
        json.contains(r#""times":[{"start":0,"end":3.6,"words":[0,600,300,1300,400,200]}"#),
        "{json}"
    );
}

#[test]
fn whispers_published_example_converts() {
    let c = load("whisper-jfk.json");
    let t = &c.transcript;
    assert_eq!(t.lang, "en");
    assert_eq!(t.turns.len(), 1);
    assert!(t.turns[0].paragraphs[0].starts_with("And so my fellow Americans, ask not"));
    assert_eq!(times(&t.turns[0]), ((0, 11_000), vec![(0, 11_000)]));
    assert!(t.turns[0].times[0].words.is_empty());
}

#[test]
fn whisperx_voices_are_numbered_without_a_side_file() {
    let c = load("whisperx.json");
    let t = &c.transcript;
    let names: Vec<&str> = t.speakers.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Speaker 1", "Speaker 2"]);
    assert_eq!(
        turns(t),
        owned(&[
            ("Speaker 1", &["Welcome to the show. It is 2024 now."]),
            ("Speaker 2", &["Thanks, Bob."]),
        ])
    );
    let turn = &t.turns[0];
    assert_eq!(times(turn), ((31, 2900), vec![(31, 2900)]));
    // `2024` has no times: it takes the end of the word before.
    assert_eq!(words(turn, 0), [31, 450, 550, 700, 1600, 1800, 1900, 2500]);
    assert_eq!(times(&t.turns[1]), ((3200, 4000), vec![(3200, 4000)]));
    assert_eq!(words(&t.turns[1], 0), [3200, 3600]);
}

#[test]
fn whisperx_voices_take_the_side_files_names() {
    let side = read("whisperx.speakers.json");
    let names = speaker_names("whisperx.speakers.json", &side).unwrap();
    let o = Options {
        speakers: Some(names),
        ..options("whisperx.json")
    };
    let c = checked(&read("whisperx.json"), &o);
    let t = &c.transcript;
    let speakers: Vec<(&str, &str, Option<&str>)> = t
        .speakers
        .iter()
        .map(|s| (s.id.as_str(), s.name.as_str(), s.role.as_deref()))
        .collect();
    assert_eq!(
        speakers,
        [
            ("bob-stone", "Bob Stone", None),
            ("ann-lee", "Ann Lee", Some("Host"))
        ]
    );
    assert_eq!(turns(t)[1].0, "Ann Lee");
    let shown: Vec<String> = c
        .name_warnings
        .iter()
        .map(|w| w.render("whisperx.speakers.json"))
        .collect();
    assert_eq!(
        shown,
        ["whisperx.speakers.json:4:17: warning: \"SPEAKER_07\" is not a voice in the input; its name is not used"]
    );
}

#[test]
fn webvtt_voices_classes_notes_and_inline_times() {
    let c = load("voices.vtt");
    let t = &c.transcript;
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
    assert_eq!(
        turns(t),
        owned(&[
            (
                "Mary Smith",
                &["Good morning, everyone. Today we talk about captions."]
            ),
            (
                "John",
                &["Thanks for having me. Glad to be here.", "After a pause."]
            ),
        ])
    );
    assert_eq!(times(&t.turns[0]), ((500, 4000), vec![(500, 4000)]));
    assert!(t.turns[0].times[0].words.is_empty());
    assert_eq!(
        times(&t.turns[1]),
        ((7000, 15_000), vec![(7000, 11_000), (14_000, 15_000)])
    );
    // Inline time stamps time the words after them; the next cue's words start with it.
    assert_eq!(
        words(&t.turns[1], 0),
        [7000, 7600, 8000, 8500, 9600, 9600, 9600, 9600]
    );
    assert!(t.turns[1].times[1].words.is_empty());
}

#[test]
fn srt_names_and_times() {
    let c = load("names.srt");
    let t = &c.transcript;
    assert_eq!(
        turns(t),
        owned(&[
            ("Alice", &["Hi Bob, how are you?"]),
            ("Bob", &["Fine, thanks. And you?"]),
            ("Alice", &["Very well."]),
        ])
    );
    let all: Vec<_> = t.turns.iter().map(times).collect();
    assert_eq!(
        all,
        [
            ((1000, 3500), vec![(1000, 3500)]),
            ((3600, 6000), vec![(3600, 6000)]),
            ((9000, 10_250), vec![(9000, 10_250)]),
        ]
    );
}

#[test]
fn podcast_one_word_segments_time_their_words() {
    let c = load("podcast.json");
    let t = &c.transcript;
    assert_eq!(
        turns(t),
        owned(&[
            ("Alban", &["Hello there.", "Welcome back."]),
            ("Sam", &["Thanks Alban."]),
            ("Alban", &["A longer segment here."]),
        ])
    );
    assert_eq!(
        times(&t.turns[0]),
        ((500, 4900), vec![(500, 1200), (4000, 4900)])
    );
    assert_eq!(words(&t.turns[0], 0), [500, 900]);
    assert_eq!(words(&t.turns[0], 1), [4000, 4400]);
    assert_eq!(words(&t.turns[1], 0), [5000, 5500]);
    assert_eq!(times(&t.turns[2]), ((6500, 8000), vec![(6500, 8000)]));
    assert!(t.turns[2].times[0].words.is_empty());
}

#[test]
fn stamped_text_with_bracketed_stamps() {
    let c = load("bracketed.txt");
    let t = &c.transcript;
    assert_eq!(t.summary, ["Interview with a gardener"]);
    assert_eq!(
        turns(t),
        owned(&[
            ("Interviewer", &["How did you start?"]),
            (
                "Maria Lopez",
                &[
                    "My grandmother had a garden.",
                    "She grew tomatoes.",
                    "And then I studied botany."
                ]
            ),
            ("Interviewer", &["Thank you."]),
        ])
    );
    assert_eq!(times(&t.turns[0]), ((5000, 9000), vec![(5000, 9000)]));
    assert_eq!(
        times(&t.turns[1]),
        (
            (9000, 90_000),
            vec![(9000, 62_000), (9000, 62_000), (62_000, 90_000)]
        )
    );
    assert_eq!(
        times(&t.turns[2]),
        ((90_000, 90_000), vec![(90_000, 90_000)])
    );
}

#[test]
fn stamped_text_with_labels_and_times() {
    let c = load("labelled.txt");
    let t = &c.transcript;
    assert_eq!(
        turns(t),
        owned(&[
            ("Speaker 1", &["Hello and welcome."]),
            ("Speaker 2", &["Thank you for having me."]),
            ("Speaker 1", &["Goodbye."]),
        ])
    );
    let all: Vec<_> = t.turns.iter().map(times).collect();
    assert_eq!(
        all,
        [
            ((0, 4000), vec![(0, 4000)]),
            ((4000, 3_723_500), vec![(4000, 3_723_500)]),
            ((3_723_500, 3_723_500), vec![(3_723_500, 3_723_500)]),
        ]
    );
}

#[test]
fn stamped_text_with_header_lines() {
    let c = load("headers.txt");
    let t = &c.transcript;
    assert_eq!(
        turns(t),
        owned(&[
            ("Jane Doe", &["Let's get started."]),
            ("John Roe", &["Sure, go ahead."]),
            ("Jane Doe", &["Great."]),
        ])
    );
    let starts: Vec<_> = t.turns.iter().map(|t| times(t).0).collect();
    assert_eq!(starts, [(5000, 12_000), (12_000, 65_000), (65_000, 65_000)]);
}

#[test]
fn overlapping_cues_are_fine() {
    let text = "WEBVTT\n\n00:01.000 --> 00:05.000\n<v A>One.\n\n00:01.000 --> 00:03.000\n<v B>Two.\n\n00:02.000 --> 00:02.500\n<v A>Three.\n";
    let c = checked(text, &options("o.vtt"));
    let all: Vec<_> = c.transcript.turns.iter().map(times).collect();
    assert_eq!(
        all,
        [
            ((1000, 5000), vec![(1000, 5000)]),
            ((1000, 3000), vec![(1000, 3000)]),
            ((2000, 2500), vec![(2000, 2500)]),
        ]
    );
}

#[test]
fn errors_name_file_line_and_column() {
    let shape = "(expected [h:]mm:ss with an optional .mmm)";
    let cases: &[(&str, &str, String)] = &[
        (
            "bad.vtt",
            "WEBVTT\n\n00:00:01.000 --> 00:00:0x.000\nHi\n",
            format!("bad.vtt:3:18: bad time stamp \"00:00:0x.000\" {shape}"),
        ),
        (
            "back.vtt",
            "WEBVTT\n\n00:00:05.000 --> 00:00:06.000\nA\n\n  00:00:04.000 --> 00:00:07.000\nB\n",
            "back.vtt:6:3: the cue starts at 00:00:04.000, before the cue before it (00:00:05.000): times go back".into(),
        ),
        (
            "bad.srt",
            "1\n00:00:01,000 --> 00:00:02,000\nA\n\n2\n00:00:61,000 --> 00:00:62,000\nB\n",
            format!("bad.srt:6:1: bad time stamp \"00:00:61,000\" {shape}"),
        ),
        (
            "s.txt",
            "[00:00:05] A: x\n[00:00:99] B: y\n[00:00:10] A: z\n",
            format!("s.txt:2:2: bad time stamp \"00:00:99\" {shape}"),
        ),
        (
            "s.txt",
            "[00:00:05] A: x\n[00:00:09] B: y\n  [00:00:07] A: z\n",
            "s.txt:3:4: time stamp 0:07 is before the one before it (0:09): times go back".into(),
        ),
        (
            "w.json",
            "{\"segments\": [\n  {\"start\": 0, \"end\": 1, \"text\": \"a\"},\n  {\"start\": 1 \"end\": 2}\n]}",
            "w.json:3:15: invalid JSON at segments[1].start: expected `,` or `}`".into(),
        ),
        (
            "w.json",
            "{\"segments\": [\n  {\"start\": \"zero\", \"text\": \"a\"}\n]}",
            "w.json:2:18: invalid JSON at segments[0].start: invalid type: string \"zero\", expected f64".into(),
        ),
        (
            "w.json",
            "{\"segments\": [\n  {\"start\": 5, \"text\": \"a\"},\n  {\"start\": 4, \"text\": \"b\"}\n]}",
            "w.json:3:13: segments[1] starts at 4 s, before the segment before it (5 s): times go back".into(),
        ),
        (
            "p.json",
            "{\"version\": \"1.0.0\", \"segments\": [\n {\"startTime\": 2, \"body\": \"a\"},\n {\"startTime\": 1.5, \"body\": \"b\"}]}",
            "p.json:3:16: segments[1] starts at 1.5 s, before the segment before it (2 s): times go back".into(),
        ),
        (
            "x.json",
            "{\"foo\": 1}",
            "x.json:1:1: unknown JSON: expected Whisper or WhisperX JSON (`segments` with `start` and `text`) or Podcasting 2.0 JSON (`segments` with `startTime` and `body`)".into(),
        ),
        (
            "e.json",
            "{\"segments\": []}",
            "e.json:1:14: empty transcript: `segments` is empty".into(),
        ),
    ];
    for (file, text, want) in cases {
        let got = convert(text, &options(file)).map(|_| ()).unwrap_err();
        assert_eq!(&got.render(file), want, "{text:?}");
    }
    // A negative time is refused by the schema's own rule, at its place.
    let e = convert(
        "{\"segments\": [{\"start\": -1, \"text\": \"a\"}]}",
        &options("n.json"),
    )
    .unwrap_err();
    assert_eq!((e.line, e.column), (1, 26), "{e}");
    assert!(
        e.message.contains("segments[0].start") && e.message.contains("seconds"),
        "{e}"
    );
    // The side file's errors are at their place in it.
    let e = speaker_names("n.speakers.json", "{\n  \"SPEAKER_00\": [1]\n}").unwrap_err();
    assert_eq!(
        e.render("n.speakers.json").split(": at").next(),
        Some("n.speakers.json:2:17")
    );
    let e = speaker_names("n.speakers.json", "{\n  \"SPEAKER_00\": \"A\",\n}").unwrap_err();
    assert_eq!((e.line, e.column), (3, 1), "{e}");
}

#[test]
fn unsafe_media_is_refused() {
    let bad = Media {
        url: "javascript:alert(1)".into(),
        kind: MediaKind::Audio,
        poster: None,
    };
    let o = Options {
        media: Some(bad),
        ..options("voices.vtt")
    };
    let e = convert(&read("voices.vtt"), &o).unwrap_err();
    assert!(e.message.contains("javascript:"), "{e}");
    assert!(media("javascript:alert(1)", None, None).is_err());
    assert!(media("talk.mp3", None, Some("data:image/png,x")).is_err());
    let ok = media("https://example.org/talk.webm", None, None).unwrap();
    assert_eq!(ok.kind, MediaKind::Video);
    let o = Options {
        media: Some(ok.clone()),
        ..options("voices.vtt")
    };
    assert_eq!(checked(&read("voices.vtt"), &o).transcript.media, Some(ok));

    let out = Command::new(env!("CARGO_BIN_EXE_transcript2json"))
        .args(["--media", "javascript:alert(1)"])
        .arg(fixture("voices.vtt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--media") && err.contains("javascript:"),
        "{err}"
    );
    assert!(out.stdout.is_empty());
}

/// A fresh directory for a CLI test.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("convert_timed-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn the_cli_reads_side_files_and_flags() {
    let dir = scratch("side");
    std::fs::copy(fixture("voices.vtt"), dir.join("talk.vtt")).unwrap();
    std::fs::write(
        dir.join("talk.media.json"),
        r#"{"url": "media/talk.mp4", "poster": "media/talk.jpg"}"#,
    )
    .unwrap();
    std::fs::write(
        dir.join("talk.speakers.json"),
        r#"{"John": {"name": "John Doe", "role": "Guest"}}"#,
    )
    .unwrap();
    let bin = env!("CARGO_BIN_EXE_transcript2json");
    let out = Command::new(bin)
        .arg(dir.join("talk.vtt"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = Transcript::from_json(&String::from_utf8(out.stdout).unwrap()).unwrap();
    let m = t.media.clone().unwrap();
    assert_eq!(
        (m.url.as_str(), m.kind, m.poster.as_deref()),
        ("media/talk.mp4", MediaKind::Video, Some("media/talk.jpg"))
    );
    let john = t.speakers.iter().find(|s| s.name == "John Doe").unwrap();
    assert_eq!(john.role.as_deref(), Some("Guest"));

    // The flags win over the side files; the side files given as inputs are skipped.
    let out = Command::new(bin)
        .args(["--media", "https://example.org/a.ogg", "-o"])
        .arg(dir.join("out"))
        .args(["talk.vtt", "talk.media.json", "talk.speakers.json"].map(|f| dir.join(f)))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written, ["index.json", "talk.json"]);
    let t = Transcript::from_json(&std::fs::read_to_string(dir.join("out/talk.json")).unwrap())
        .unwrap();
    assert_eq!(t.media.unwrap().kind, MediaKind::Audio);

    // A bad side file is an error naming it, its line and column; an unknown voice a
    // warning at its place.
    std::fs::write(dir.join("talk.speakers.json"), "{\n  \"John\": 5\n}").unwrap();
    let out = Command::new(bin)
        .arg(dir.join("talk.vtt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("talk.speakers.json:2:11: at \"John\""),
        "{err}"
    );
    let out = Command::new(bin)
        .arg(fixture("whisperx.json"))
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("whisperx.speakers.json:4:17: warning: \"SPEAKER_07\" is not a voice"),
        "{err}"
    );
    let out = Command::new(bin)
        .args(["--media-kind", "film", "--media", "a.mp3"])
        .arg(dir.join("talk.vtt"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let _ = std::fs::remove_dir_all(&dir);
}

/// A Whisper JSON as `whisper --word_timestamps True --output_format json` writes it
/// (Python's `json.dump`: `", "` and `": "` separators, every segment field), for
/// `words` words over `seconds`.
fn whisper_file(words: usize, seconds: f64) -> String {
    const VOCAB: &[&str] = &[
        "the",
        "government",
        "and",
        "we",
        "will",
        "continue",
        "to",
        "work",
        "on",
        "this",
        "question",
        "because",
        "it",
        "is",
        "important",
        "for",
        "our",
        "people",
        "today",
        "they",
        "said",
        "that",
        "economy",
        "security",
        "Russia",
        "partners",
        "agreement",
    ];
    let per_segment = 10;
    let step = seconds / words as f64;
    let mut seed: u64 = 20;
    let mut next = || {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (seed >> 33) as usize
    };
    let mut segments = Vec::new();
    let mut all_text = String::new();
    let mut w = 0;
    while w < words {
        let n = per_segment.min(words - w);
        let start = w as f64 * step;
        let mut text = String::new();
        let mut ws = Vec::new();
        let mut tokens = vec![50364 + (w % 1500)];
        for i in 0..n {
            let mut word = VOCAB[next() % VOCAB.len()].to_string();
            if i == n - 1 {
                word.push('.');
            }
            let s = (w + i) as f64 * step;
            let e = s + step * 0.8;
            text.push(' ');
            text.push_str(&word);
            tokens.push(next() % 50000);
            ws.push(format!(
                "{{\"word\": \" {word}\", \"start\": {:.2}, \"end\": {:.2}, \"probability\": 0.{}}}",
                s,
                e,
                100_000 + next() % 899_999
            ));
        }
        let end = (w + n) as f64 * step;
        all_text.push_str(&text);
        let tokens: Vec<String> = tokens.iter().map(|t| t.to_string()).collect();
        segments.push(format!(
            "{{\"id\": {}, \"seek\": {}, \"start\": {start:.2}, \"end\": {end:.2}, \"text\": \"{text}\", \"tokens\": [{}], \"temperature\": 0.0, \"avg_logprob\": -0.2{}, \"compression_ratio\": 1.5{}, \"no_speech_prob\": 0.0{}, \"words\": [{}]}}",
            segments.len(),
            (start * 100.0) as u64 / 3000 * 3000,
            tokens.join(", "),
            next() % 1_000_000,
            next() % 1_000_000,
            next() % 1_000_000,
            ws.join(", ")
        ));
        w += n;
    }
    format!(
        "{{\"text\": \"{all_text}\", \"segments\": [{}], \"language\": \"en\"}}",
        segments.join(", ")
    )
}

/// The figure in docs/converter.md: a 2-hour, 20,000-word Whisper file with word
/// timings, and our JSON of it.
#[test]
fn a_two_hour_whisper_file_stays_small() {
    let input = whisper_file(20_000, 7200.0);
    let c = checked(&input, &options("long.json"));
    let t = &c.transcript;
    let words: usize = t
        .turns
        .iter()
        .flat_map(|t| &t.times)
        .map(|p| p.words.len())
        .sum();
    assert_eq!(words, 20_000);
    assert_eq!(t.turns.last().unwrap().end, Some(Time(7_200_000)));
    let json = t.to_json();
    let text: usize = t
        .turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(|p| p.len() + 3)
        .sum();
    println!(
        "2 h, 20,000 words: whisper JSON {} bytes; ours {} bytes ({:.1} % of it; {} bytes of it text, {:.1} bytes a word for the times)",
        input.len(),
        json.len(),
        100.0 * json.len() as f64 / input.len() as f64,
        text,
        (json.len() - text) as f64 / 20_000.0
    );
    assert!(
        json.len() * 5 < input.len(),
        "{} vs {}",
        json.len(),
        input.len()
    );
    assert!((json.len() - text) < 20_000 * 6);
}
