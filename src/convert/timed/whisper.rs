//! Whisper JSON (`{"text", "segments": [{"start", "end", "text", "words": [{"word",
//! "start", "end", "probability"}]}], "language"}`) and WhisperX's diarised JSON
//! (`speaker: "SPEAKER_00"` on segments and words, words without a leading space, a
//! word with no times where it could not align one, as it does for numbers).
//!
//! A segment's words are glued as its text has them: a word with no space before it in
//! the segment's text (`'s`, `,`) joins the word before. A word with no time takes the
//! end of the word before (or the start of the word after, or the segment's start).

use super::json::{error, segment_times};
use super::{Diagnostic, Read, Segment, Voices};
use crate::model::{words, Time};
use serde::Deserialize;

#[derive(Deserialize)]
struct Doc {
    #[serde(default)]
    language: Option<String>,
    #[serde(default)]
    segments: Vec<Seg>,
}

#[derive(Deserialize)]
struct Seg {
    start: Time,
    #[serde(default)]
    end: Option<Time>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    words: Option<Vec<Word>>,
    #[serde(default)]
    speaker: Option<String>,
}

#[derive(Deserialize)]
struct Word {
    #[serde(default)]
    word: Option<String>,
    #[serde(default)]
    start: Option<Time>,
    #[serde(default)]
    end: Option<Time>,
    #[serde(default)]
    speaker: Option<String>,
}

/// Reads a Whisper or WhisperX document: its segments and its language.
pub fn read(
    text: &str,
    voices: &mut Voices,
    warnings: &mut Vec<Diagnostic>,
) -> Result<(Read, Option<String>), Diagnostic> {
    let doc: Doc = serde_json::from_str(text).map_err(|e| error(text, &e))?;
    let mut segments = Vec::with_capacity(doc.segments.len());
    let mut voice: Option<String> = None;
    let mut last_start = Time(0);
    for (i, s) in doc.segments.iter().enumerate() {
        let end = segment_times(
            text,
            i,
            (s.start, s.end),
            ("start", "end"),
            &mut last_start,
            warnings,
        )?;
        let said = s
            .speaker
            .as_deref()
            .or_else(|| s.words.iter().flatten().find_map(|w| w.speaker.as_deref()));
        if let Some(v) = said {
            voice = Some(v.to_string());
        }
        let own = s.text.as_deref().unwrap_or_default().trim();
        let (text, marks) = match s.words.as_deref() {
            Some(w)
                if w.iter()
                    .any(|w| w.word.as_deref().is_some_and(|t| !t.trim().is_empty())) =>
            {
                glue(own, w, s.start)
            }
            _ => (own.to_string(), Vec::new()),
        };
        let end = marks.last().map_or(end, |(_, t)| end.max(*t));
        segments.push(Segment {
            speaker: voice
                .as_deref()
                .filter(|_| words(&text).next().is_some())
                .map(|v| voices.id(v)),
            start: s.start,
            end,
            text,
            marks,
            ..Default::default()
        });
    }
    let lang = doc
        .language
        .map(|l| l.trim().to_ascii_lowercase())
        .filter(|l| {
            (2..=12).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && l.bytes().next().is_some_and(|b| b.is_ascii_alphabetic())
                && l.split('-').next().is_some_and(|p| p.len() <= 3)
        });
    Ok((
        Read {
            segments,
            summary: Vec::new(),
        },
        lang,
    ))
}

/// A segment's text made of its words, and where each word starts.
fn glue(own: &str, words: &[Word], seg_start: Time) -> (String, Vec<(usize, Time)>) {
    // Starts, a missing one taken from a neighbour.
    let mut starts = Vec::with_capacity(words.len());
    let mut prev_end: Option<Time> = None;
    for (i, w) in words.iter().enumerate() {
        let s = w
            .start
            .or(prev_end)
            .or_else(|| words[i + 1..].iter().find_map(|n| n.start))
            .unwrap_or(seg_start);
        starts.push(s);
        prev_end = w.end.or(Some(s));
    }
    let spaced = words.iter().skip(1).any(|w| {
        w.word
            .as_deref()
            .is_some_and(|t| t.starts_with(char::is_whitespace))
    });
    let mut text = String::with_capacity(own.len() + words.len());
    let mut marks = Vec::with_capacity(words.len());
    let mut cursor = 0;
    for (w, start) in words.iter().zip(starts) {
        let raw = w.word.as_deref().unwrap_or_default();
        let t = raw.trim();
        if t.is_empty() {
            continue;
        }
        let glued = match own
            .get(cursor..)
            .and_then(|rest| rest.find(t).map(|i| (rest, i)))
        {
            Some((rest, i)) => {
                let gap = &rest[..i];
                cursor += i + t.len();
                !gap.contains(char::is_whitespace)
            }
            None => spaced && !raw.starts_with(char::is_whitespace),
        };
        if text.is_empty() || !glued {
            if !text.is_empty() {
                text.push(' ');
            }
            marks.push((text.len(), start));
        }
        text.push_str(t);
    }
    (text, marks)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word(w: &str, start: Option<u64>) -> Word {
        Word {
            word: Some(w.into()),
            start: start.map(Time),
            end: start.map(|s| Time(s + 100)),
            speaker: None,
        }
    }

    #[test]
    fn words_glue_as_the_text_has_them() {
        let (text, marks) = glue(
            " It's 5, ok",
            &[
                word(" It", Some(0)),
                word("'s", Some(200)),
                word(" 5,", None),
                word(" ok", Some(900)),
            ],
            Time(0),
        );
        assert_eq!(text, "It's 5, ok");
        assert_eq!(marks, [(0, Time(0)), (5, Time(300)), (8, Time(900))]);
        // WhisperX: no spaces in the words, the segment's text has them.
        let (text, _) = glue(
            "Hello world.",
            &[word("Hello", Some(0)), word("world.", Some(500))],
            Time(0),
        );
        assert_eq!(text, "Hello world.");
    }
}
