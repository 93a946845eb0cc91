//! Captions written by `state::to_webvtt` and `state::to_srt` read back through the
//! converter's caption reader (`convert::convert`) as the same turns: the same speakers,
//! the same paragraphs, and — once the reader keeps cue times — the same times. (Here,
//! not in `src/state/`, because `state` may not import `convert`; see tests/layout.rs.)

use transcript_viewer::convert::{self, Options};
use transcript_viewer::model::{Source, Speaker, Time, Timing, Transcript, Turn, SCHEMA_VERSION};
use transcript_viewer::state::{to_srt, to_webvtt};

fn speaker(id: &str, name: &str) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        role: None,
        anonymous: false,
    }
}

/// A turn of `speaker`, its paragraphs timed by `times` (ms: start, end, word starts).
fn turn(speaker: Option<&str>, paragraphs: &[&str], times: &[(u64, u64, &[u64])]) -> Turn {
    Turn {
        id: String::new(),
        speaker: speaker.map(Into::into),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        times: times
            .iter()
            .map(|&(a, b, w)| {
                let w: Vec<Time> = w.iter().map(|&w| Time(w)).collect();
                Timing::with_word_starts(Time(a), Time(b), &w)
            })
            .collect(),
        ..Default::default()
    }
}

/// An unattributed opening; Mary's long paragraph (several cues, timed words) and a
/// short one after a pause; John's turn timed as a whole; a name and text with `&`
/// and `>` in them; Mary again. Paragraphs of one turn are 2 s or more apart, as the
/// caption reader starts a paragraph after such a pause.
fn talk() -> Transcript {
    let long = "This is the first sentence of a long answer. And here is a second one, \
        which goes on for quite a while, longer than any line. The end.";
    let n = long.split_whitespace().count() as u64;
    let starts: Vec<u64> = (0..n).map(|i| 3_000 + i * 400).collect();
    let long_end = 3_000 + n * 400;
    let john = Turn {
        start: Some(Time(20_000)),
        end: Some(Time(23_500)),
        ..turn(Some("j"), &["I agree with every word of that."], &[])
    };
    let mut turns = vec![
        turn(None, &["Good evening."], &[(1_000, 2_000, &[])]),
        turn(
            Some("m"),
            &[long, "Short one."],
            &[
                (3_000, long_end, &starts),
                (long_end + 2_500, long_end + 4_000, &[]),
            ],
        ),
        john,
        turn(
            Some("t"),
            &["Fish & chips cost 3 > 2 pounds."],
            &[(24_000, 26_000, &[])],
        ),
        turn(Some("m"), &["Back to me."], &[(27_000, 28_000, &[])]),
    ];
    for (i, t) in turns.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1);
    }
    Transcript {
        schema: SCHEMA_VERSION,
        lang: "en".into(),
        title: "Round trip".into(),
        speakers: vec![
            speaker("m", "Mary Smith"),
            speaker("j", "John Doe"),
            speaker("t", "Tom & Jerry"),
        ],
        turns,
        source: Source {
            file: "talk.json".into(),
            credit: Some("Example credit".into()),
            license: Some("CC BY 4.0".into()),
            url: None,
        },
        ..Default::default()
    }
}

/// Per turn: the speaker's name, the paragraphs, and when each paragraph is spoken.
type Shape = Vec<(Option<String>, Vec<String>, Vec<(Time, Time)>)>;

fn shape(t: &Transcript, visible: &dyn Fn(usize) -> bool) -> Shape {
    t.turns
        .iter()
        .enumerate()
        .filter(|(i, _)| visible(*i))
        .map(|(_, turn)| {
            let name = turn
                .speaker
                .as_deref()
                .and_then(|id| t.speaker(id))
                .map(|s| s.name.clone());
            let times = if turn.times.is_empty() {
                // Timed as a whole: one paragraph here, spoken the whole turn.
                turn.start
                    .map(|s| (s, turn.end.unwrap_or(s)))
                    .into_iter()
                    .collect()
            } else {
                turn.times.iter().map(|tm| (tm.start, tm.end)).collect()
            };
            (name, turn.paragraphs.clone(), times)
        })
        .collect()
}

/// `text` converted back, and compared with `t`'s turns that `visible` shows.
fn reads_back(what: &str, text: &str, t: &Transcript, visible: &dyn Fn(usize) -> bool) {
    let back = convert::convert(text, &Options::default())
        .unwrap_or_else(|e| panic!("{what}: {e:?}\n{text}"))
        .transcript;
    let (want, got) = (shape(t, visible), shape(&back, &|_| true));
    let texts = |s: &Shape| -> Vec<(Option<String>, Vec<String>)> {
        s.iter().map(|(n, p, _)| (n.clone(), p.clone())).collect()
    };
    assert_eq!(texts(&got), texts(&want), "{what}:\n{text}");
    if back.is_timed() {
        let times =
            |s: &Shape| -> Vec<Vec<(Time, Time)>> { s.iter().map(|(_, _, t)| t.clone()).collect() };
        assert_eq!(times(&got), times(&want), "{what}:\n{text}");
    }
}

/// The word starts of every paragraph whose words are timed, by turn and paragraph.
fn word_times(t: &Transcript) -> Vec<(usize, usize, Vec<Time>)> {
    let mut out = Vec::new();
    for (i, turn) in t.turns.iter().enumerate() {
        for (j, tm) in turn.times.iter().enumerate() {
            if !tm.words.is_empty() {
                out.push((i, j, tm.word_starts().collect()));
            }
        }
    }
    out
}

#[test]
fn webvtt_reads_back_as_the_same_turns() {
    let t = talk();
    assert_eq!(t.validate(), Ok(()));
    let vtt = to_webvtt(&t, &|_| true);
    assert!(vtt.matches(" --> ").count() > t.turns.len(), "{vtt}");
    reads_back("WebVTT", &vtt, &t, &|_| true);
    // WebVTT's time stamps carry the word times, when the reader keeps them.
    let back = convert::convert(&vtt, &Options::default())
        .unwrap()
        .transcript;
    if !word_times(&back).is_empty() {
        assert_eq!(word_times(&back), word_times(&t), "{vtt}");
    }
}

/// [`talk`] with no `&` in a name: the caption reader takes a SubRip `Name:` for a
/// speaker only when the name reads as one (`Tom & Jerry:` stays in the text).
fn talk_for_srt() -> Transcript {
    let mut t = talk();
    t.speakers[2].name = "Tom Jones".into();
    t
}

#[test]
fn srt_reads_back_as_the_same_turns() {
    let t = talk_for_srt();
    let srt = to_srt(&t, &|_| true);
    reads_back("SRT", &srt, &t, &|_| true);
}

#[test]
fn the_turns_shown_read_back_alone() {
    let shown = |i: usize| i != 2;
    let t = talk();
    reads_back("WebVTT, John hidden", &to_webvtt(&t, &shown), &t, &shown);
    let t = talk_for_srt();
    reads_back("SRT, John hidden", &to_srt(&t, &shown), &t, &shown);
}
