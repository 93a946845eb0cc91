//! Plain text with time stamps, in the three shapes transcription services write:
//!
//! ```text
//! [00:01:23] Name: text          a stamp, a label, the text (label optional)
//! Name (00:01:23): text          the label with its time (text on the next lines too)
//! Name  0:05                     a header line: name, two spaces or a tab, the time;
//! text …                         the text on the lines after it
//! ```
//!
//! Each line of text is a paragraph, starting at its stamp and ending at the next one;
//! text with no label is said by the speaker before. Lines before the first stamp are
//! the summary. Detected when most of the first 200 lines are stamped (a header and the
//! line after it counting both).

use super::super::label::is_connector;
use super::super::text::{is_space, starts_upper};
use super::{clock, looks_like_clock, Diagnostic, Read, Segment, Voices, CLOCK_SHAPE};
use crate::model::Time;

/// A stamped line.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp<'a> {
    name: Option<&'a str>,
    /// The time as written, and its 1-based column in characters in the trimmed line.
    time: &'a str,
    time_column: usize,
    /// The text after it on the line (empty for a header).
    rest: &'a str,
}

/// True when `text` is time-stamped text.
pub fn detect(text: &str) -> bool {
    let (mut lines, mut stamps, mut counted) = (0usize, 0usize, 0usize);
    let mut after_header = false;
    for l in text
        .split('\n')
        .map(|l| l.trim_matches(is_space))
        .filter(|l| !l.is_empty())
        .take(200)
    {
        lines += 1;
        match stamp(l) {
            Some(s) => {
                stamps += 1;
                counted += 1;
                after_header = s.rest.is_empty();
            }
            None => {
                counted += usize::from(after_header);
                after_header = false;
            }
        }
    }
    stamps >= 2 && counted * 2 > lines
}

/// The shape of a stamped line, if it is one.
fn stamp(line: &str) -> Option<Stamp<'_>> {
    let col = |part: &str| {
        line[..part.as_ptr() as usize - line.as_ptr() as usize]
            .chars()
            .count()
            + 1
    };
    // `[00:01:23] Name: text`
    if let Some(inner) = line.strip_prefix('[') {
        let close = inner.find(']')?;
        let time = inner[..close].trim_matches(is_space);
        if !looks_like_clock(time) {
            return None;
        }
        let rest = inner[close + 1..].trim_matches(is_space);
        let (name, rest) = match rest.split_once(':') {
            Some((n, r)) if is_name(n) && (r.is_empty() || r.starts_with(is_space)) => {
                (Some(n), r.trim_matches(is_space))
            }
            _ => (None, rest),
        };
        return Some(Stamp {
            name,
            time,
            time_column: col(time),
            rest,
        });
    }
    // `Name (00:01:23): text`
    if let Some(open) = line.find(" (") {
        let name = &line[..open];
        let after = &line[open + 2..];
        if let Some(close) = after.find(')') {
            let time = after[..close].trim_matches(is_space);
            let tail = &after[close + 1..];
            let tail = tail.strip_prefix(':').unwrap_or(tail);
            if is_name(name)
                && looks_like_clock(time)
                && (tail.is_empty() || tail.starts_with(is_space))
            {
                return Some(Stamp {
                    name: Some(name),
                    time,
                    time_column: col(time),
                    rest: tail.trim_matches(is_space),
                });
            }
        }
    }
    // `Name  0:05`
    let gap = line.find('\t').into_iter().chain(line.find("  ")).min()?;
    let (name, time) = (&line[..gap], line[gap..].trim_matches(is_space));
    (is_name(name) && looks_like_clock(time)).then(|| Stamp {
        name: Some(name),
        time,
        time_column: col(time),
        rest: "",
    })
}

/// A speaker's name before a stamp or colon: up to six capitalised words (numbers and
/// connecting words allowed: `Speaker 1`, `Secretary of State`), no sentence end.
fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split(is_space).filter(|w| !w.is_empty()).collect();
    !s.is_empty()
        && s.chars().count() <= 60
        && !s.starts_with(is_space)
        && !s.ends_with(is_space)
        && (1..=6).contains(&words.len())
        && s.chars().any(char::is_alphabetic)
        && !s.contains([':', '[', ']', '(', ')', '?', '!'])
        && !s.ends_with('.')
        && words.first().is_some_and(|w| starts_upper(w))
        && words
            .iter()
            .all(|w| starts_upper(w) || w.bytes().all(|b| b.is_ascii_digit()) || is_connector(w))
}

/// Reads a stamped text.
pub fn read(text: &str, voices: &mut Voices) -> Result<Read, Diagnostic> {
    let mut read = Read::default();
    // Each segment's stamp, by index into `starts`.
    let mut stamp_of: Vec<usize> = Vec::new();
    let mut starts: Vec<Time> = Vec::new();
    let mut voice: Option<String> = None;
    for (i, raw) in text.trim_start_matches('\u{FEFF}').split('\n').enumerate() {
        let lead = raw.len() - raw.trim_start_matches(is_space).len();
        let line = raw.trim_matches(is_space);
        if line.is_empty() {
            continue;
        }
        let (text, start) = match stamp(line) {
            Some(s) => {
                let column = raw[..lead].chars().count() + s.time_column;
                let Some(t) = clock(s.time) else {
                    return Err(Diagnostic::new(
                        i + 1,
                        column,
                        format!("bad time stamp {:?} ({CLOCK_SHAPE})", s.time),
                    ));
                };
                if let Some(last) = starts.last().filter(|l| t < **l) {
                    return Err(Diagnostic::new(
                        i + 1,
                        column,
                        format!(
                            "time stamp {} is before the one before it ({}): times go back",
                            t.clock(),
                            last.clock()
                        ),
                    ));
                }
                starts.push(t);
                if let Some(n) = s.name {
                    voice = Some(n.to_string());
                }
                (s.rest, t)
            }
            None => match starts.last() {
                Some(t) => (line, *t),
                None => {
                    read.summary.push(line.to_string());
                    continue;
                }
            },
        };
        if text.is_empty() {
            continue;
        }
        stamp_of.push(starts.len() - 1);
        read.segments.push(Segment {
            speaker: voice.as_deref().map(|v| voices.id(v)),
            paragraph: true,
            start,
            end: start,
            text: text.to_string(),
            ..Default::default()
        });
    }
    for (seg, k) in read.segments.iter_mut().zip(stamp_of) {
        seg.end = starts.get(k + 1).copied().unwrap_or(seg.start);
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let s = stamp("[00:01:23] Jane Doe: Hello there.").unwrap();
        assert_eq!(
            (s.name, s.time, s.time_column, s.rest),
            (Some("Jane Doe"), "00:01:23", 2, "Hello there.")
        );
        let s = stamp("[1:23] so: we went").unwrap();
        assert_eq!((s.name, s.rest), (None, "so: we went"));
        let s = stamp("Speaker 1 (00:05):").unwrap();
        assert_eq!((s.name, s.time_column, s.rest), (Some("Speaker 1"), 12, ""));
        let s = stamp("Bob Smith\t1:02:03").unwrap();
        assert_eq!((s.name, s.time), (Some("Bob Smith"), "1:02:03"));
        assert_eq!(stamp("Vladimir Putin: Good afternoon."), None);
        assert_eq!(stamp("It was said (12:30) that"), None);
        assert_eq!(stamp("The meeting began at  10:30"), None);
    }

    #[test]
    fn detection_needs_most_lines_stamped() {
        assert!(detect("Jane  0:05\nHello.\n\nBob  0:09\nHi.\n"));
        assert!(detect("Title\n[00:00:01] A: x\n[00:00:02] B: y\n"));
        assert!(!detect(
            "Jane  0:05\nHello.\nMore.\nMore.\nMore.\nMore.\nBob  0:09\nHi.\n"
        ));
        assert!(!detect("[00:00:01] A: x\n"));
    }
}
