//! The timed part of the schema (version 2): the recording a transcript belongs to
//! ([`Media`]), a time on its clock ([`Time`]), and when each paragraph — and, when the
//! source timed them, each of its words — is spoken ([`Timing`]).
//!
//! Times are written in seconds (`83.2`), read and kept as whole milliseconds, so the
//! model stays `Eq` and a time written and read again is the same time. Word timings are
//! compact: a paragraph's `words` is one integer per word, the milliseconds from the
//! previous word's start (the first: from the paragraph's start), not an object per
//! word; a 2-hour recording's words cost about 4 bytes each.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A time on the media's clock, in whole milliseconds; in JSON, seconds (`83.2`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub u64);

/// The latest time the schema reads: a hundred days (later is surely a mistake).
pub const MAX_SECONDS: f64 = 100.0 * 24.0 * 3600.0;

impl Time {
    /// The time `s` seconds in, rounded to the millisecond; `None` when `s` is negative,
    /// not a number, or past [`MAX_SECONDS`].
    pub fn from_seconds(s: f64) -> Option<Time> {
        (s.is_finite() && (0.0..=MAX_SECONDS).contains(&s))
            .then(|| Time((s * 1000.0).round() as u64))
    }

    /// The time in seconds.
    pub fn seconds(self) -> f64 {
        self.0 as f64 / 1000.0
    }

    /// `1:23` or `1:02:03` (hours only when there are any), for a reader.
    pub fn clock(self) -> String {
        let s = self.0 / 1000;
        let (h, m, s) = (s / 3600, s / 60 % 60, s % 60);
        if h > 0 {
            format!("{h}:{m:02}:{s:02}")
        } else {
            format!("{m}:{s:02}")
        }
    }
}

impl fmt::Display for Time {
    /// Seconds, as few digits as needed (`83.2`, `5`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (s, ms) = (self.0 / 1000, self.0 % 1000);
        match ms {
            0 => write!(f, "{s}"),
            _ => {
                let frac = format!("{ms:03}");
                write!(f, "{s}.{}", frac.trim_end_matches('0'))
            }
        }
    }
}

impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 1000 == 0 {
            s.serialize_u64(self.0 / 1000)
        } else {
            s.serialize_f64(self.seconds())
        }
    }
}

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Time, D::Error> {
        let s = f64::deserialize(d)?;
        // The message names no float: formatting one would add some 10 KB to the Wasm.
        Time::from_seconds(s).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "a time must be a number of seconds from 0 to {}, found {}",
                MAX_SECONDS as u64,
                if s < 0.0 {
                    "a negative number"
                } else {
                    "a larger one"
                }
            ))
        })
    }
}

/// What kind of recording [`Media::url`] is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MediaKind {
    /// Sound only: an `<audio>` element.
    #[default]
    Audio,
    /// Pictures and sound: a `<video>` element.
    Video,
}

/// The recording the transcript is a transcript of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Media {
    /// Its address: `http:` or `https:`, or relative to the page (see [`safe_url`]).
    pub url: String,
    /// Audio (the default) or video.
    #[serde(default)]
    pub kind: MediaKind,
    /// For a video, the picture shown before it plays.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub poster: Option<String>,
}

/// When a paragraph is spoken, and its words when the source timed them.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timing {
    /// When the paragraph starts.
    pub start: Time,
    /// When it ends.
    pub end: Time,
    /// One entry per word of the paragraph ([`words`]): milliseconds from the previous
    /// word's start (the first word's: from [`Timing::start`]); empty when words are not
    /// timed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<u32>,
}

impl Timing {
    /// The start of each timed word, in order.
    pub fn word_starts(&self) -> impl Iterator<Item = Time> + '_ {
        self.words.iter().scan(self.start.0, |at, d| {
            *at += u64::from(*d);
            Some(Time(*at))
        })
    }

    /// The timing of words starting at `starts` (in order, none before `start`), in the
    /// compact form.
    pub fn with_word_starts(start: Time, end: Time, starts: &[Time]) -> Timing {
        let mut at = start.0;
        let words = starts
            .iter()
            .map(|t| {
                let t = t.0.max(at);
                let d = u32::try_from(t - at).unwrap_or(u32::MAX);
                at += u64::from(d);
                d
            })
            .collect();
        Timing { start, end, words }
    }
}

/// The byte ranges of the words of `text`: its runs of characters that are not white
/// space (`char::is_whitespace`, which counts the no-break space). Word timings count
/// words this way.
pub fn words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut rest = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while rest.next_if(|(_, c)| c.is_whitespace()).is_some() {}
        let (start, _) = rest.next()?;
        let mut end = text.len();
        while let Some(&(i, c)) = rest.peek() {
            if c.is_whitespace() {
                end = i;
                break;
            }
            rest.next();
        }
        Some((start, end))
    })
}

/// Why `url` may not be a media or poster address, if it may not: only `http:` and
/// `https:` addresses and addresses relative to the page are allowed (no `javascript:`,
/// `data:`, `file:`, …), with no white space or control characters, which browsers drop
/// before they read the scheme (`java\tscript:`).
pub fn unsafe_url(url: &str) -> Option<String> {
    if url.is_empty() {
        return Some("the address is empty".into());
    }
    if let Some(c) = url.chars().find(|c| c.is_control() || c.is_whitespace()) {
        return Some(format!(
            "the address holds white space or a control character ({c:?})"
        ));
    }
    let scheme_end = url.find(':').filter(|&i| {
        let s = &url[..i];
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b))
            && !url[..i].contains('/')
    });
    // A colon after a '/', '?' or '#' is in a path, not a scheme.
    let scheme_end = scheme_end.filter(|&i| !url[..i].contains(['/', '?', '#']));
    match scheme_end {
        None => None,
        Some(i) => {
            let scheme = url[..i].to_ascii_lowercase();
            (scheme != "http" && scheme != "https").then(|| {
                format!("the {scheme}: scheme is not allowed (only http:, https: or a relative address)")
            })
        }
    }
}

/// `url` when it is safe ([`unsafe_url`]).
pub fn safe_url(url: &str) -> Option<&str> {
    unsafe_url(url).is_none().then_some(url)
}

impl super::Turn {
    /// When the turn starts: its `start`, else its first paragraph's.
    pub fn start_time(&self) -> Option<Time> {
        self.start.or_else(|| self.times.first().map(|t| t.start))
    }

    /// When it ends: its `end`, else its last paragraph's.
    pub fn end_time(&self) -> Option<Time> {
        self.end.or_else(|| self.times.last().map(|t| t.end))
    }
}

impl super::Transcript {
    /// The timed fields' rules ([`super::Transcript::validate`]): safe media addresses; a
    /// turn ends after it starts; a timed turn has a timing per paragraph and a timed
    /// paragraph one per word; starts never go back in time (the viewer finds the turn
    /// being spoken by a binary search over them). The error's path and message.
    pub(super) fn validate_timing(&self) -> Result<(), (String, String)> {
        if let Some(m) = &self.media {
            if let Some(why) = unsafe_url(&m.url) {
                return Err(("media.url".into(), why));
            }
            if let Some(why) = m.poster.as_deref().and_then(unsafe_url) {
                return Err(("media.poster".into(), why));
            }
        }
        let mut last = (Time(0), String::new());
        let mut starts = |at: Time, path: String| {
            if at < last.0 {
                return Err((
                    path,
                    format!(
                        "starts at {at} s, before {} (at {} s): times go back",
                        last.1, last.0
                    ),
                ));
            }
            last = (at, path);
            Ok(())
        };
        for (i, t) in self.turns.iter().enumerate() {
            if let Some(a) = t.start {
                starts(a, format!("turns[{i}].start"))?;
            }
            if let (Some(a), Some(b)) = (t.start, t.end) {
                if b < a {
                    return Err((
                        format!("turns[{i}].end"),
                        format!("the turn ends at {b} s, before it starts ({a} s)"),
                    ));
                }
            }
            if !t.times.is_empty() && t.times.len() != t.paragraphs.len() {
                return Err((
                    format!("turns[{i}].times"),
                    format!(
                        "{} timings for {} paragraphs (give one per paragraph, or none)",
                        t.times.len(),
                        t.paragraphs.len()
                    ),
                ));
            }
            for (j, (tm, text)) in t.times.iter().zip(&t.paragraphs).enumerate() {
                let path = format!("turns[{i}].times[{j}]");
                starts(tm.start, format!("{path}.start"))?;
                if tm.end < tm.start {
                    return Err((
                        format!("{path}.end"),
                        format!(
                            "the paragraph ends at {} s, before it starts ({} s)",
                            tm.end, tm.start
                        ),
                    ));
                }
                if tm.words.is_empty() {
                    continue;
                }
                let n = words(text).count();
                if tm.words.len() != n {
                    return Err((
                        format!("{path}.words"),
                        format!("{} word timings for {n} words", tm.words.len()),
                    ));
                }
                if let Some(w) = tm.word_starts().last().filter(|w| *w > tm.end) {
                    return Err((
                        format!("{path}.words"),
                        format!(
                            "the last word starts at {w} s, after the paragraph ends ({} s)",
                            tm.end
                        ),
                    ));
                }
            }
        }
        Ok(())
    }

    /// True when some paragraph is timed: the viewer can follow a recording.
    pub fn is_timed(&self) -> bool {
        self.turns
            .iter()
            .any(|t| !t.times.is_empty() || t.start.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Transcript, Turn};
    use super::*;

    fn timed() -> Transcript {
        let mut t = Transcript {
            schema: super::super::SCHEMA_VERSION,
            lang: "en".into(),
            turns: vec![
                Turn {
                    id: "t1".into(),
                    paragraphs: vec!["Hello.".into(), "Second: para".into()],
                    ..Default::default()
                },
                Turn {
                    id: "t2".into(),
                    paragraphs: vec!["<script>alert(1)</script>".into()],
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        t.media = Some(Media {
            url: "media/talk.ogg".into(),
            kind: MediaKind::Audio,
            poster: None,
        });
        t.turns[0].start = Some(Time(1_500));
        t.turns[0].end = Some(Time(6_000));
        t.turns[0].times = vec![
            Timing::with_word_starts(Time(1_500), Time(2_000), &[Time(1_500)]),
            Timing::with_word_starts(Time(2_500), Time(6_000), &[Time(2_500), Time(4_000)]),
        ];
        t.turns[1].times = vec![Timing {
            start: Time(6_000),
            end: Time(7_250),
            words: vec![],
        }];
        t
    }

    #[test]
    fn timed_fields_round_trip_compactly() {
        let t = timed();
        assert!(t.is_timed());
        let json = t.to_json();
        assert!(
            json.contains(r#""media":{"url":"media/talk.ogg","kind":"audio"}"#),
            "{json}"
        );
        assert!(json.contains(r#""start":1.5,"end":6,"times":[{"start":1.5,"end":2,"words":[0]},{"start":2.5,"end":6,"words":[0,1500]}]"#), "{json}");
        assert!(
            json.contains(r#""times":[{"start":6,"end":7.25}]"#),
            "{json}"
        );
        assert_eq!(Transcript::from_json(&json), Ok(t));
    }

    #[test]
    fn bad_timings_are_errors_with_their_path() {
        let check = |f: &dyn Fn(&mut Transcript), path: &str, says: &str| {
            let mut t = timed();
            f(&mut t);
            let err = Transcript::from_json(&t.to_json()).unwrap_err();
            assert_eq!(err.path, path, "{err}");
            assert!(err.message.contains(says), "{err}");
        };
        check(
            &|t| t.media.as_mut().unwrap().url = "javascript:alert(1)".into(),
            "media.url",
            "javascript:",
        );
        check(
            &|t| t.media.as_mut().unwrap().poster = Some("data:image/png,x".into()),
            "media.poster",
            "data:",
        );
        check(
            &|t| t.turns[0].end = Some(Time(1_000)),
            "turns[0].end",
            "before it starts",
        );
        check(
            &|t| {
                t.turns[0].times.pop();
            },
            "turns[0].times",
            "1 timings for 2 paragraphs",
        );
        check(
            &|t| t.turns[0].times[1].words.push(5),
            "turns[0].times[1].words",
            "3 word timings for 2 words",
        );
        check(
            &|t| t.turns[0].times[1].words[1] = 9_000,
            "turns[0].times[1].words",
            "after the paragraph ends",
        );
        check(
            &|t| t.turns[0].times[1].end = Time(2_000),
            "turns[0].times[1].end",
            "before it starts",
        );
        check(
            &|t| t.turns[1].times[0].start = Time(2_000),
            "turns[1].times[0].start",
            "times go back",
        );
        let json = timed()
            .to_json()
            .replacen(r#""start":1.5"#, r#""start":-1"#, 1);
        let err = Transcript::from_json(&json).unwrap_err();
        assert_eq!(err.path, "turns[0].start", "{err}");
        assert!(err.line > 0 && err.message.contains("seconds"), "{err}");
    }

    #[test]
    fn times_read_as_seconds_and_keep_milliseconds() {
        let t: Time = serde_json::from_str("83.2").unwrap();
        assert_eq!(t, Time(83_200));
        assert_eq!(serde_json::to_string(&t).unwrap(), "83.2");
        assert_eq!(serde_json::to_string(&Time(5000)).unwrap(), "5");
        assert_eq!(serde_json::to_string(&Time(1)).unwrap(), "0.001");
        assert_eq!(serde_json::from_str::<Time>("0.0004").unwrap(), Time(0));
        assert_eq!(Time(83_200).to_string(), "83.2");
        assert_eq!(Time(3_723_450).clock(), "1:02:03");
        assert_eq!(Time(65_000).clock(), "1:05");
        for bad in ["-1", "1e12", "\"5\""] {
            assert!(serde_json::from_str::<Time>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn word_timings_are_offsets_from_the_previous_start() {
        let starts = [Time(1000), Time(1300), Time(1300), Time(2000)];
        let t = Timing::with_word_starts(Time(900), Time(2500), &starts);
        assert_eq!(t.words, vec![100, 300, 0, 700]);
        assert_eq!(t.word_starts().collect::<Vec<_>>(), starts);
        // A word said before the paragraph starts, or before the word before, is taken
        // to start with it: times never go back.
        let t = Timing::with_word_starts(Time(900), Time(2500), &[Time(800), Time(700)]);
        assert_eq!(t.words, vec![0, 0]);
    }

    #[test]
    fn words_are_runs_of_non_space_the_no_break_space_included() {
        let text = " В.\u{a0}Путин:  Hello,\tworld \u{2014} ok ";
        let w: Vec<&str> = words(text).map(|(a, b)| &text[a..b]).collect();
        assert_eq!(w, ["В.", "Путин:", "Hello,", "world", "\u{2014}", "ok"]);
        assert_eq!(words("").count(), 0);
        assert_eq!(words("   ").count(), 0);
        assert_eq!(words("x").collect::<Vec<_>>(), [(0, 1)]);
    }

    #[test]
    fn only_http_and_relative_addresses_are_safe() {
        for ok in [
            "https://example.org/a.mp3",
            "HTTP://example.org/a.mp3",
            "media/talk.ogg",
            "/media/talk.ogg",
            "//cdn.example.org/a.mp4",
            "talk.mp3?t=1:2",
            "a/b:c.mp3",
        ] {
            assert_eq!(unsafe_url(ok), None, "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            " javascript:alert(1)",
            "data:audio/wav;base64,AAAA",
            "file:///etc/passwd",
            "blob:https://x/1",
            "vbscript:x",
            "",
        ] {
            assert!(unsafe_url(bad).is_some(), "{bad:?}");
        }
        assert!(unsafe_url("javascript:x").unwrap().contains("javascript:"));
    }
}
