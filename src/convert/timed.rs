//! Timed input: what captions, speech-recognition output and time-stamped text share.
//! Each reader turns its file into [`Segment`]s (a voice, a start and end, a piece of
//! text and, when the source timed its words, where each word starts); [`turns`] merges
//! them into turns and paragraphs the way captions always were (consecutive segments of
//! one voice are one turn, a pause of 2 s or a long paragraph's sentence end starts a
//! paragraph), and [`Voices`] names the voices (a side file's names, `Speaker 1` for a
//! diariser's `SPEAKER_00`).
//!
//! The readers, each detected by its content: Whisper and WhisperX JSON
//! ([`whisper`]), Podcasting 2.0 transcript JSON ([`podcast`]), plain text with time
//! stamps ([`stamped`]); the side files naming speakers and media are [`side`]. Caption
//! files (WebVTT, SubRip) have their own module, `captions`, built on this one.

mod json;
mod podcast;
pub mod side;
mod stamped;
mod whisper;

use super::engine::speaker_id;
use super::label;
use super::text::{key, title_case_if_caps};
use super::{detect_lang, Conversion, Diagnostic, Options};
use crate::model::{words, Source, Speaker, Time, Timing, Transcript, Turn, SCHEMA_VERSION};
use serde_json::Value;
use side::SpeakerNames;

/// A pause this long (milliseconds) between segments of one voice starts a paragraph.
const PARAGRAPH_PAUSE: u64 = 2_000;
/// A paragraph this long (characters) ends at the next sentence end.
const PARAGRAPH_CHARS: usize = 600;

/// A timed input format other than captions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A JSON document: Whisper, WhisperX or Podcasting 2.0 (told apart when read).
    Json,
    /// Plain text with time stamps (`[00:01:23] Name: text`, …).
    Stamped,
}

/// The timed format of `text`, if it is one: JSON when it opens with `{`, stamped text
/// when most of its first lines are stamped.
pub fn detect(text: &str) -> Option<Format> {
    let t = text.trim_start_matches(|c: char| c == '\u{FEFF}' || c.is_whitespace());
    if t.starts_with('{') {
        return Some(Format::Json);
    }
    stamped::detect(text).then_some(Format::Stamped)
}

/// Converts a timed file of `format`.
pub fn convert(text: &str, format: Format, options: &Options) -> Result<Conversion, Diagnostic> {
    let mut voices = Voices::new(options.speakers.as_ref());
    let mut warnings = Vec::new();
    let (read, lang) = match format {
        Format::Json => read_json(text, &mut voices, &mut warnings)?,
        Format::Stamped => (stamped::read(text, &mut voices)?, None),
    };
    if read
        .segments
        .iter()
        .all(|s| words(&s.text).next().is_none())
    {
        return Err(Diagnostic::new(
            1,
            1,
            "empty transcript: no segment has text",
        ));
    }
    let turns = turns(read.segments);
    let lang = options
        .lang
        .clone()
        .or(lang)
        .unwrap_or_else(|| detect_lang("", &read.summary, &turns));
    Ok(finish(voices, turns, read.summary, lang, warnings, options))
}

/// Reads a JSON document of one of the formats (which recogniser wrote it): its segments and, when it says, its
/// language.
fn read_json(
    text: &str,
    voices: &mut Voices,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Read, Option<String>), Diagnostic> {
    let value: Value = serde_json::from_str(text).map_err(|e| json::error(text, &e))?;
    let Value::Object(doc) = &value else {
        return Err(Diagnostic::new(1, 1, "expected a JSON object"));
    };
    let first = doc
        .get("segments")
        .and_then(Value::as_array)
        .and_then(|s| s.first())
        .and_then(Value::as_object);
    let has = |k: &str| first.is_some_and(|s| s.contains_key(k));
    if has("body") || has("startTime") {
        return Ok((podcast::read(text, voices, warnings)?, None));
    }
    if has("start") || has("text") || has("words") {
        return whisper::read(text, voices, warnings);
    }
    let what = if doc.contains_key("schema") && doc.contains_key("turns") {
        "this is already transcript JSON (the viewer reads it as it is)".to_string()
    } else if doc
        .get("segments")
        .is_some_and(|s| s.as_array().is_some_and(Vec::is_empty))
    {
        "empty transcript: `segments` is empty".to_string()
    } else {
        "unknown JSON: expected Whisper or WhisperX JSON (`segments` with `start` and `text`) \
         or Podcasting 2.0 JSON (`segments` with `startTime` and `body`)"
            .to_string()
    };
    let (line, column) = doc
        .get("segments")
        .and_then(|_| json::locate(text, &[json::Step::Key("segments")]))
        .map_or((1, 1), |at| json::line_column(text, at));
    Err(Diagnostic::new(line, column, what))
}

/// What a reader read: segments, and text before the first time stamp.
#[derive(Debug, Default)]
pub struct Read {
    /// The timed text, in order.
    pub segments: Vec<Segment>,
    /// Paragraphs before the first time (a stamped text's heading lines).
    pub summary: Vec<String>,
}

/// A timed piece of text: a caption cue, a recogniser's segment, a stamped line.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Segment {
    /// The [`Speaker::id`] of its voice ([`Voices::id`]); `None` for an unnamed voice.
    pub speaker: Option<String>,
    /// A new turn even when the voice is the same (`>>` in captions).
    pub change: bool,
    /// A new paragraph even with no pause (a stamped text's lines).
    pub paragraph: bool,
    /// When it starts.
    pub start: Time,
    /// When it ends.
    pub end: Time,
    /// Its text, trimmed.
    pub text: String,
    /// Where timed words start: a byte offset in `text` and the time said there, in
    /// order. A word takes the last mark at or before its first byte (the segment's
    /// start when none is); empty when the source timed no words.
    pub marks: Vec<(usize, Time)>,
}

/// A paragraph being built.
struct Para {
    text: String,
    chars: usize,
    start: Time,
    end: Time,
    words: Vec<Time>,
    timed: bool,
}

impl Para {
    fn timing(self) -> (String, Timing) {
        let timing = if self.timed {
            let starts: Vec<Time> = self.words.iter().map(|w| (*w).min(self.end)).collect();
            Timing::with_word_starts(self.start, self.end, &starts)
        } else {
            Timing {
                start: self.start,
                end: self.end,
                words: Vec::new(),
            }
        };
        (self.text, timing)
    }
}

/// The turns of `segments`: consecutive segments of one speaker are one turn (unless one
/// says it changes); a pause of 2 s, a segment that asks for it, or a sentence end after
/// 600 characters starts a paragraph. Starts never go back (a segment starting before
/// the one before is taken to start with it), so the result passes
/// [`Transcript::validate`].
pub fn turns(segments: Vec<Segment>) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    let mut para: Option<Para> = None;
    let mut last: Option<(Option<String>, Time, Time)> = None;
    for seg in segments {
        let n = words(&seg.text).count();
        if n == 0 {
            continue;
        }
        let start = last
            .as_ref()
            .map_or(seg.start, |(_, s, _)| seg.start.max(*s));
        let end = seg.end.max(start);
        let same = matches!(&last, Some((who, _, _)) if *who == seg.speaker) && !seg.change;
        let starts = word_starts(&seg, start, n);
        // (A turn always has a paragraph open: `same` implies one.)
        if let Some(p) = para.as_mut().filter(|_| same) {
            let pause = start.0.saturating_sub(last.as_ref().map_or(0, |l| l.2 .0));
            let long = p.chars >= PARAGRAPH_CHARS && p.text.ends_with(['.', '?', '!']);
            if seg.paragraph || pause >= PARAGRAPH_PAUSE || long {
                if let (Some(p), Some(turn)) = (para.take(), turns.last_mut()) {
                    push(turn, p);
                }
            } else {
                p.text.push(' ');
                p.text.push_str(&seg.text);
                p.chars += 1 + seg.text.chars().count();
                p.end = p.end.max(end);
                p.timed |= !seg.marks.is_empty();
                p.words.extend(starts);
                last = Some((seg.speaker, start, end.max(last.map_or(end, |l| l.2))));
                continue;
            }
        } else {
            if let (Some(p), Some(turn)) = (para.take(), turns.last_mut()) {
                push(turn, p);
            }
            turns.push(Turn {
                id: format!("t{}", turns.len() + 1),
                speaker: seg.speaker.clone(),
                start: Some(start),
                ..Default::default()
            });
        }
        para = Some(Para {
            chars: seg.text.chars().count(),
            text: seg.text,
            start,
            end,
            words: starts,
            timed: !seg.marks.is_empty(),
        });
        last = Some((seg.speaker, start, end));
    }
    if let (Some(p), Some(turn)) = (para.take(), turns.last_mut()) {
        push(turn, p);
    }
    turns
}

/// Adds a finished paragraph to its turn, extending the turn's end.
fn push(turn: &mut Turn, p: Para) {
    let (text, timing) = p.timing();
    turn.end = Some(turn.end.map_or(timing.end, |e| e.max(timing.end)));
    turn.paragraphs.push(text);
    turn.times.push(timing);
}

/// The start of each of a segment's `n` words ([`Segment::marks`]).
fn word_starts(seg: &Segment, start: Time, n: usize) -> Vec<Time> {
    if seg.marks.is_empty() {
        return vec![start; n];
    }
    let mut marks = seg.marks.iter().peekable();
    let mut at = start;
    words(&seg.text)
        .map(|(a, _)| {
            while let Some((_, t)) = marks.next_if(|(o, _)| *o <= a) {
                at = *t;
            }
            at
        })
        .collect()
}

/// The speakers of a timed file, named as they are met: by the side file's names
/// ([`SpeakerNames`]), a diariser's ids (`SPEAKER_00`) as `Speaker 1`, `Speaker 2`, … in
/// order of first appearance, other voices as written (in title case when in capitals).
#[derive(Debug)]
pub struct Voices<'a> {
    names: Option<&'a SpeakerNames>,
    used: Vec<bool>,
    diarised: Vec<String>,
    seen: Vec<(String, String)>,
    speakers: Vec<Speaker>,
}

impl<'a> Voices<'a> {
    /// No speakers yet; `names` from a side file, if there is one.
    pub fn new(names: Option<&'a SpeakerNames>) -> Voices<'a> {
        Voices {
            names,
            used: vec![false; names.map_or(0, |n| n.names.len())],
            diarised: Vec::new(),
            seen: Vec::new(),
            speakers: Vec::new(),
        }
    }

    /// The speaker id of the voice `raw` (a name, a diariser's id), adding the speaker
    /// when it is new. Names that are one person's (`Richard` after `Richard Ladner`, a
    /// one-letter slip) are one speaker.
    pub fn id(&mut self, raw: &str) -> String {
        if let Some((_, id)) = self.seen.iter().find(|(r, _)| r == raw) {
            return id.clone();
        }
        let k = key(raw);
        let named = self.names.and_then(|n| {
            let i = n.names.iter().position(|s| key(&s.key) == k)?;
            Some((i, &n.names[i]))
        });
        let (name, role) = match named {
            Some((i, n)) => {
                self.used[i] = true;
                (n.name.clone(), n.role.clone())
            }
            None if is_diarised(raw) => {
                let n = match self.diarised.iter().position(|d| *d == k) {
                    Some(n) => n + 1,
                    None => {
                        self.diarised.push(k.clone());
                        self.diarised.len()
                    }
                };
                (format!("Speaker {n}"), None)
            }
            None => (title_case_if_caps(raw), None),
        };
        let id = match same_voice(&self.speakers, &name) {
            Some(s) => s.id.clone(),
            None => {
                let id = speaker_id(&self.speakers, &name);
                self.speakers.push(Speaker {
                    id: id.clone(),
                    name,
                    role,
                    anonymous: false,
                });
                id
            }
        };
        self.seen.push((raw.to_string(), id.clone()));
        id
    }

    /// The speakers, in order of first appearance, and a warning for each name in the
    /// side file that no voice of the input has (at its place in the side file).
    pub fn finish(self) -> (Vec<Speaker>, Vec<Diagnostic>) {
        let unused = self.names.map_or(Vec::new(), |n| {
            n.names
                .iter()
                .zip(&self.used)
                .filter(|(_, used)| !**used)
                .map(|(s, _)| {
                    Diagnostic::new(
                        s.line,
                        s.column,
                        format!(
                            "warning: {:?} is not a voice in the input; its name is not used",
                            s.key
                        ),
                    )
                })
                .collect()
        });
        (self.speakers, unused)
    }
}

/// `SPEAKER_00`, `speaker_1`, `spk_0`, `spk3`: a diariser's id, not a name.
fn is_diarised(raw: &str) -> bool {
    let l = raw.trim().to_ascii_lowercase();
    let digits = l
        .strip_prefix("speaker_")
        .or_else(|| l.strip_prefix("spk_"))
        .or_else(|| l.strip_prefix("spk"));
    digits.is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The speaker a voice name is: the same name; a first name alone (`Richard`) that
/// starts exactly one speaker's name (`Richard Ladner`); or a one-letter slip in the
/// surname (`Pablo Molinda` for `Pablo Molina`).
fn same_voice<'s>(speakers: &'s [Speaker], name: &str) -> Option<&'s Speaker> {
    let k = key(name);
    if let Some(s) = speakers.iter().find(|s| key(&s.name) == k) {
        return Some(s);
    }
    let words: Vec<&str> = k.split(' ').collect();
    let unique = |f: &dyn Fn(&[&str]) -> bool| {
        let mut hits = speakers
            .iter()
            .filter(|s| f(&key(&s.name).split(' ').collect::<Vec<_>>()));
        match (hits.next(), hits.next()) {
            (Some(s), None) => Some(s),
            _ => None,
        }
    };
    if words.len() == 1 {
        return unique(&|w| w.len() > 1 && w[0] == words[0]);
    }
    unique(&|w| {
        w.len() == words.len()
            && w[..w.len() - 1] == words[..words.len() - 1]
            && w[w.len() - 1].chars().count() >= 5
            && label::one_edit(w[w.len() - 1], words[words.len() - 1])
    })
}

/// The transcript of a timed file: no title, date or place; the media and source from
/// `options`.
pub fn finish(
    voices: Voices,
    turns: Vec<Turn>,
    summary: Vec<String>,
    lang: String,
    mut warnings: Vec<Diagnostic>,
    options: &Options,
) -> Conversion {
    let (mut speakers, name_warnings) = voices.finish();
    // A voice whose every segment was empty has no turn.
    speakers.retain(|s| turns.iter().any(|t| t.speaker.as_ref() == Some(&s.id)));
    warnings.sort_by_key(|w| (w.line, w.column));
    Conversion {
        transcript: Transcript {
            schema: SCHEMA_VERSION,
            lang,
            summary,
            speakers,
            turns,
            source: Source {
                file: options.file.clone(),
                credit: options.credit.clone(),
                license: options.license.clone(),
                url: options.url.clone(),
            },
            media: options.media.clone(),
            ..Default::default()
        },
        warnings,
        name_warnings,
    }
}

/// A time as people write it: `1:23`, `01:23`, `1:02:03`, `1:02:03.5`, `00:00:01,250`
/// (hours optional, any number of them; minutes and seconds under 60 after a larger
/// unit; a fraction after `.` or `,`). `None` when it is not one.
pub fn clock(s: &str) -> Option<Time> {
    let (whole, frac) = match s.find(['.', ',']) {
        Some(i) => (&s[..i], Some(&s[i + 1..])),
        None => (s, None),
    };
    let parts: Vec<&str> = whole.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut ms: u64 = 0;
    for (i, p) in parts.iter().enumerate() {
        if p.is_empty() || p.len() > 9 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: u64 = p.parse().ok()?;
        if i > 0 && (v >= 60 || p.len() != 2) {
            return None;
        }
        ms = ms * 60 + v;
    }
    ms *= 1000;
    if let Some(f) = frac {
        if f.is_empty() || f.len() > 9 || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let v: f64 = format!("0.{f}").parse().ok()?;
        ms += (v * 1000.0).round() as u64;
    }
    Time::from_seconds(ms as f64 / 1000.0)
}

/// True when `s` is shaped like a time (digits and `:`, a fraction after `.` or `,`),
/// right or wrong: such a text that is no [`clock`] time is a bad time stamp.
pub fn looks_like_clock(s: &str) -> bool {
    s.len() <= 20
        && s.starts_with(|c: char| c.is_ascii_digit())
        && s.contains(':')
        && s.bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b':' | b'.' | b','))
}

/// `1:02:03.5`-style explanation for a bad time stamp's message.
pub const CLOCK_SHAPE: &str = "expected [h:]mm:ss with an optional .mmm";

#[cfg(test)]
mod tests {
    use super::*;

    fn seg(speaker: Option<&str>, start: u64, end: u64, text: &str) -> Segment {
        Segment {
            speaker: speaker.map(str::to_string),
            start: Time(start),
            end: Time(end),
            text: text.into(),
            ..Default::default()
        }
    }

    #[test]
    fn clocks() {
        assert_eq!(clock("1:23"), Some(Time(83_000)));
        assert_eq!(clock("01:23"), Some(Time(83_000)));
        assert_eq!(clock("1:02:03"), Some(Time(3_723_000)));
        assert_eq!(clock("1:02:03.5"), Some(Time(3_723_500)));
        assert_eq!(clock("00:00:01,250"), Some(Time(1_250)));
        assert_eq!(clock("123:00"), Some(Time(7_380_000)));
        for bad in [
            "1:60",
            "1:2",
            "1:02:03:04",
            "12",
            "a:00",
            "1:00.",
            "1:00.x",
            ":00",
        ] {
            assert_eq!(clock(bad), None, "{bad}");
        }
        assert!(looks_like_clock("1:60") && !looks_like_clock("Hello:"));
    }

    #[test]
    fn segments_merge_into_turns_and_paragraphs() {
        let t = turns(vec![
            seg(Some("a"), 0, 1000, "Hello"),
            seg(Some("a"), 1000, 2000, "there."),
            seg(Some("a"), 4500, 5000, "Later."),
            seg(Some("b"), 4000, 6000, "Overlap."),
        ]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].paragraphs, ["Hello there.", "Later."]);
        assert_eq!((t[0].start, t[0].end), (Some(Time(0)), Some(Time(5000))));
        assert_eq!(t[0].times[1].start, Time(4500));
        // Starts never go back: the overlapping turn starts with the one before.
        assert_eq!(t[1].start, Some(Time(4500)));
        assert!(t.iter().all(|t| t.times.iter().all(|p| p.words.is_empty())));
    }

    #[test]
    fn marks_time_words() {
        let mut s = seg(None, 1000, 3000, "one two three");
        s.marks = vec![(4, Time(1500)), (8, Time(2000))];
        let mut u = seg(None, 3000, 4000, "four five");
        u.marks = vec![];
        let t = turns(vec![s, u]);
        let starts: Vec<Time> = t[0].times[0].word_starts().collect();
        assert_eq!(
            starts,
            [Time(1000), Time(1500), Time(2000), Time(3000), Time(3000)]
        );
    }

    #[test]
    fn diarised_ids_are_numbered() {
        let mut v = Voices::new(None);
        assert_eq!(v.id("SPEAKER_01"), "speaker-1");
        assert_eq!(v.id("SPEAKER_00"), "speaker-2");
        assert_eq!(v.id("SPEAKER_01"), "speaker-1");
        assert_eq!(v.id("MARY SMITH"), "mary-smith");
        let (speakers, unused) = v.finish();
        let names: Vec<&str> = speakers.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Speaker 1", "Speaker 2", "Mary Smith"]);
        assert!(unused.is_empty());
    }
}
