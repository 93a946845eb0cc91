//! Caption files, recognised by their content: WebVTT (`WEBVTT` first, cues with
//! `<v Name>` voice spans) and SubRip (numbered cues, `00:00:01,000 --> …`, a leading
//! `Name:` naming the speaker). A caption file has no title, date or place; its cues
//! become timed segments ([`timed::turns`]): consecutive cues of one voice (or of none)
//! are one turn, with a new paragraph after a pause of 2 s. WebVTT's inline time stamps
//! (`<00:00:05.000>`) time the words after them. A bad time, or a cue starting before
//! the cue before it, is an error at its line and column.

use super::label;
use super::lines;
use super::text::{is_space, key, normalize_spaces};
use super::timed::{self, clock, looks_like_clock, Segment, Voices, CLOCK_SHAPE};
use super::{detect_lang, Conversion, Diagnostic, Options};
use crate::model::Time;

/// A caption format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// WebVTT.
    Vtt,
    /// SubRip.
    Srt,
}

/// Word-start marks: byte offsets in a text and the time said there.
type Marks = Vec<(usize, Time)>;

/// The caption format of `text`, if it is one.
pub fn detect(text: &str) -> Option<Format> {
    let t = text.trim_start_matches('\u{FEFF}');
    if t.starts_with("WEBVTT")
        && t[6..]
            .chars()
            .next()
            .is_none_or(|c| c == ' ' || c == '\t' || c == '\n' || c == '\r')
    {
        return Some(Format::Vtt);
    }
    let mut first = t
        .lines()
        .map(|l| l.trim_matches(is_space))
        .filter(|l| !l.is_empty());
    let (a, b) = (first.next()?, first.next()?);
    let timing_shaped = b
        .split_once("-->")
        .is_some_and(|(s, _)| looks_like_clock(s.trim_matches(is_space)));
    (!a.is_empty() && a.bytes().all(|b| b.is_ascii_digit()) && timing_shaped).then_some(Format::Srt)
}

/// `00:01:02.500 --> 00:01:04.000 align:start`: start and end; `Ok(None)` for a line
/// with no `-->`, an error (its column and message) for a bad time.
fn timing(line: &str) -> Result<Option<(Time, Time)>, (usize, String)> {
    let Some((a, b)) = line.split_once("-->") else {
        return Ok(None);
    };
    let a_text = a.trim_matches(is_space);
    let b_trim = b.trim_start_matches(is_space);
    let b_text = b_trim.split(is_space).next().unwrap_or_default();
    let column = |part: &str| {
        let at = part.as_ptr() as usize - line.as_ptr() as usize;
        line[..at].chars().count() + 1
    };
    let time = |t: &str| {
        clock(t).ok_or_else(|| {
            let shown = if t.is_empty() {
                "nothing".to_string()
            } else {
                format!("{t:?}")
            };
            (column(t), format!("bad time stamp {shown} ({CLOCK_SHAPE})"))
        })
    };
    Ok(Some((time(a_text)?, time(b_text)?)))
}

/// One cue: its times, its voice and its text.
#[derive(Debug, Clone, PartialEq)]
struct Cue {
    start: Time,
    end: Time,
    voice: Option<String>,
    /// `>>` opened the cue: a new speaker, even with no name.
    change: bool,
    text: String,
    /// Where its inline time stamps put words; empty when it has none.
    marks: Marks,
}

/// Converts a caption file.
pub fn convert(text: &str, format: Format, options: &Options) -> Result<Conversion, Diagnostic> {
    let mut warnings = Vec::new();
    let cues = cues(text, format, &mut warnings)?;
    if cues.is_empty() {
        return Err(Diagnostic::new(1, 1, "empty captions: no cue has text"));
    }
    let mut voices = Voices::new(options.speakers.as_ref());
    let segments = cues
        .into_iter()
        .map(|cue| Segment {
            speaker: cue.voice.as_deref().map(|v| voices.id(v)),
            change: cue.change,
            paragraph: false,
            start: cue.start,
            end: cue.end,
            text: cue.text,
            marks: cue.marks,
        })
        .collect();
    let turns = timed::turns(segments);
    let lang = options
        .lang
        .clone()
        .unwrap_or_else(|| detect_lang("", &[], &turns));
    Ok(timed::finish(
        voices,
        turns,
        Vec::new(),
        lang,
        warnings,
        options,
    ))
}

/// Sounds written in brackets at a cue's start, which name no speaker.
const SOUNDS: &[&str] = &[
    "music",
    "applause",
    "laughter",
    "laughs",
    "laughing",
    "inaudible",
    "crosstalk",
    "silence",
    "noise",
    "cheering",
    "cheers",
    "sighs",
    "coughs",
    "background noise",
    "indistinct",
    "foreign",
    "speaking foreign language",
    "no audio",
    "pause",
];

/// `[Terrill] text`: a cue opened by a bracketed name (not a sound like `[ music ]`).
fn bracketed_name(text: &str) -> Option<(String, &str)> {
    let rest = text.strip_prefix('[')?;
    let close = rest.find(']')?;
    let inside = rest[..close].trim();
    let words: Vec<&str> = inside.split(' ').collect();
    let named = (1..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| super::text::starts_upper(w) || label::is_connector(w))
        && !SOUNDS.contains(&key(inside).as_str());
    named.then(|| (inside.to_string(), rest[close + 1..].trim_start()))
}

/// The cues of a caption file, in order, with their text cleaned of markup.
fn cues(
    text: &str,
    format: Format,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Vec<Cue>, Diagnostic> {
    // Blocks of consecutive non-blank lines.
    let mut blocks: Vec<Vec<lines::Line>> = Vec::new();
    let mut current = Vec::new();
    for (i, raw) in text.trim_start_matches('\u{FEFF}').split('\n').enumerate() {
        let no = i + 1;
        let t = raw.trim_end_matches('\r').trim_matches(is_space);
        if t.is_empty() {
            if !current.is_empty() {
                blocks.push(std::mem::take(&mut current));
            }
        } else {
            current.push(lines::Line { no, text: t });
        }
    }
    if !current.is_empty() {
        blocks.push(current);
    }
    let mut out = Vec::new();
    let mut voice: Option<String> = None;
    let mut last_start: Option<Time> = None;
    for (b, block) in blocks.iter().enumerate() {
        let first = block[0].text;
        if format == Format::Vtt
            && (b == 0 && first.starts_with("WEBVTT")
                || ["NOTE", "STYLE", "REGION"].iter().any(|w| {
                    first
                        .strip_prefix(w)
                        .is_some_and(|r| r.is_empty() || r.starts_with(is_space))
                }))
        {
            continue;
        }
        let mut found = None;
        for line in block.iter().take(2) {
            // Columns count from the line as written, before its leading spaces.
            let lead = lead_chars(text, line);
            match timing(line.text) {
                Ok(None) => continue,
                Ok(Some(t)) => {
                    found = Some((line, t, lead));
                    break;
                }
                Err((column, message)) => {
                    return Err(Diagnostic::new(line.no, lead + column, message))
                }
            }
        }
        let Some((timing_line, (start, mut end), lead)) = found else {
            warnings.push(Diagnostic::new(
                block[0].no,
                1,
                "warning: caption block with no timing line; skipped",
            ));
            continue;
        };
        if let Some(last) = last_start.filter(|l| start < *l) {
            return Err(Diagnostic::new(
                timing_line.no,
                lead + 1,
                format!(
                    "the cue starts at {}, before the cue before it ({}): times go back",
                    shown(start),
                    shown(last)
                ),
            ));
        }
        last_start = Some(start);
        if end < start {
            let column = timing_line
                .text
                .find("-->")
                .map_or(1, |i| timing_line.text[..i].chars().count() + 1);
            warnings.push(Diagnostic::new(
                timing_line.no,
                lead + column,
                format!(
                    "warning: the cue ends at {}, before it starts ({}); taken to end there",
                    shown(end),
                    shown(start)
                ),
            ));
            end = start;
        }
        let at = block
            .iter()
            .position(|l| std::ptr::eq(l, timing_line))
            .unwrap_or(0);
        let mut change = false;
        let mut cue_voice = None;
        let mut parts: Vec<(String, Marks)> = Vec::new();
        for line in &block[at + 1..] {
            let unescaped = unescape(line.text);
            let mut t = unescaped.as_str();
            // `>>` (or `- ` opening a line) marks a new speaker; a line of text before
            // it in the same cue belongs to the one before.
            let dash = t
                .strip_prefix("- ")
                .filter(|r| r.starts_with(|c: char| !c.is_whitespace()));
            if let Some(rest) = t.strip_prefix(">>").or(dash) {
                if !parts.is_empty() {
                    let (text, marks) = join(std::mem::take(&mut parts));
                    out.push(Cue {
                        start,
                        end: start,
                        voice: voice.clone(),
                        change,
                        text,
                        marks,
                    });
                }
                change = true;
                cue_voice = None;
                voice = None;
                t = rest.trim_start_matches(['>', ' ', '\u{a0}']);
            }
            let (v, stripped, marks) = match format {
                Format::Vtt => vtt_text(t),
                Format::Srt => (None, strip_tags(t), Vec::new()),
            };
            let (mut clean, mut marks) = normalize_marked(&stripped, &marks);
            if parts.is_empty() && cue_voice.is_none() {
                if let Some((name, rest)) = bracketed_name(&clean) {
                    cue_voice = Some(name);
                    let cut = clean.len() - rest.len();
                    cut_front(&mut clean, &mut marks, cut);
                }
            }
            if v.is_some() {
                cue_voice = v;
            }
            // `Name: text` at the start of a cue (or after `>>`) names the speaker.
            if parts.is_empty() && cue_voice.is_none() {
                if let Some(c) = label::scan(&clean).filter(|c| {
                    !c.lowercase_rest
                        && (c.words.len() > 1
                            || c.anonymous
                            || text_is_caps(&c.label)
                            || format == Format::Srt)
                }) {
                    cue_voice = Some(label::display_name(&c.label));
                    cut_front(&mut clean, &mut marks, c.rest_start);
                }
            }
            let kept = clean.trim_end_matches(is_space).len();
            clean.truncate(kept);
            if !clean.is_empty() {
                parts.push((clean, marks));
            }
        }
        if parts.is_empty() {
            continue;
        }
        // A voice lasts until another is named, in VTT; a leading `Name:` in SRT too.
        if cue_voice.is_some() {
            voice = cue_voice;
        } else if change {
            voice = None;
        }
        let (text, marks) = join(parts);
        out.push(Cue {
            start,
            end,
            voice: voice.clone(),
            change,
            text,
            marks,
        });
    }
    Ok(out)
}

/// A time as captions write it, for messages (`00:01:02.500`).
fn shown(t: Time) -> String {
    let ms = t.0;
    format!(
        "{:02}:{:02}:{:02}.{:03}",
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// The characters of white space before `line`'s text in `text` (columns count them).
fn lead_chars(text: &str, line: &lines::Line) -> usize {
    let start = line.text.as_ptr() as usize;
    let base = text.as_ptr() as usize;
    if start < base || start > base + text.len() {
        return 0;
    }
    let before = &text[..start - base];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    before[line_start..]
        .trim_start_matches('\u{FEFF}')
        .chars()
        .count()
}

/// A cue's lines as one text, and their marks.
fn join(parts: Vec<(String, Marks)>) -> (String, Marks) {
    let mut text = String::new();
    let mut marks = Vec::new();
    for (part, m) in parts {
        if !text.is_empty() {
            text.push(' ');
        }
        let base = text.len();
        marks.extend(m.into_iter().map(|(o, t)| (base + o, t)));
        text.push_str(&part);
    }
    (text, marks)
}

/// Drops `text`'s first `n` bytes and the spaces after them; the marks there become one
/// at the start (the last one's time), the others move.
fn cut_front(text: &mut String, marks: &mut Marks, n: usize) {
    let n = n.min(text.len());
    let k = n + (text[n..].len() - text[n..].trim_start_matches(is_space).len());
    let before = marks.iter().rev().find(|(o, _)| *o < k).map(|(_, t)| *t);
    marks.retain(|(o, _)| *o >= k);
    for m in marks.iter_mut() {
        m.0 -= k;
    }
    if let Some(t) = before {
        if marks.first().is_none_or(|(o, _)| *o > 0) {
            marks.insert(0, (0, t));
        }
    }
    text.replace_range(..k, "");
}

/// [`normalize_spaces`] keeping the marks on the characters they were before.
fn normalize_marked(s: &str, marks: &[(usize, Time)]) -> (String, Marks) {
    if marks.is_empty() {
        return (normalize_spaces(s), Vec::new());
    }
    let mut out = String::with_capacity(s.len());
    let mut moved = Vec::with_capacity(marks.len());
    let mut next = marks.iter().peekable();
    let mut waiting = Vec::new();
    let mut pending = false;
    for (i, c) in s.char_indices() {
        while let Some((_, t)) = next.next_if(|(o, _)| *o <= i) {
            waiting.push(*t);
        }
        if is_space(c) {
            pending = !out.is_empty();
        } else {
            if pending {
                out.push(' ');
                pending = false;
            }
            moved.extend(waiting.drain(..).map(|t| (out.len(), t)));
            out.push(c);
        }
    }
    waiting.extend(next.map(|(_, t)| *t));
    moved.extend(waiting.into_iter().map(|t| (out.len(), t)));
    (out, moved)
}

fn text_is_caps(s: &str) -> bool {
    super::text::is_all_caps(s) && s.chars().filter(|c| c.is_alphabetic()).count() > 1
}

/// A VTT cue line: the voice its `<v Name>` span names, its text without tags, and
/// where its inline time stamps (`<00:00:05.000>`) were in that text.
fn vtt_text(line: &str) -> (Option<String>, String, Marks) {
    let mut voice = None;
    if let Some(rest) = line.strip_prefix("<v") {
        if rest.starts_with([' ', '.', '\t']) {
            if let Some(close) = rest.find('>') {
                let inside = &rest[..close];
                // `<v.loud Name>`: classes first.
                let name = inside
                    .trim_start_matches(|c: char| c != ' ' && c != '\t')
                    .trim();
                if !name.is_empty() {
                    voice = Some(normalize_spaces(name));
                }
            }
        }
    }
    let (text, marks) = strip_tags_marked(line);
    (voice, text, marks)
}

/// Text without `<…>` tags (`<i>`, `<c.yellow>`, `<00:00:01.000>`, `<font …>`).
fn strip_tags(s: &str) -> String {
    strip_tags_marked(s).0
}

/// [`strip_tags`], and where each time-stamp tag was in the result.
fn strip_tags_marked(s: &str) -> (String, Marks) {
    let mut out = String::with_capacity(s.len());
    let mut marks = Vec::new();
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => {
                if let Some(t) = clock(rest[open + 1..open + close].trim()) {
                    marks.push((out.len(), t));
                }
                rest = &rest[open + close + 1..];
            }
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    (out, marks)
}

/// The character references captions use.
fn unescape(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lrm;", "\u{200e}")
        .replace("&rlm;", "\u{200f}")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_are_recognised_by_content() {
        assert_eq!(
            detect("WEBVTT\n\n00:01.000 --> 00:02.000\nHi"),
            Some(Format::Vtt)
        );
        assert_eq!(detect("\u{FEFF}WEBVTT - title\n"), Some(Format::Vtt));
        assert_eq!(
            detect("1\n00:00:01,000 --> 00:00:02,000\nHi\n"),
            Some(Format::Srt)
        );
        assert_eq!(detect("WEBVTTX\n"), None);
        assert_eq!(detect("1\nIntroduction\n"), None);
        assert_eq!(detect("Title\nFebruary 18, 2022"), None);
    }

    #[test]
    fn times() {
        assert_eq!(
            timing("00:01.000 --> 00:02.000 align:start position:10%"),
            Ok(Some((Time(1000), Time(2000))))
        );
        assert_eq!(
            timing("01:02:03,500 --> 01:02:04,000"),
            Ok(Some((Time(3_723_500), Time(3_724_000))))
        );
        assert_eq!(timing("Hello"), Ok(None));
        assert_eq!(timing("00:01.000 --> 00:0x.000").unwrap_err().0, 15);
        assert_eq!(timing("0:61 --> 1:00").unwrap_err().0, 1);
    }

    #[test]
    fn voices_and_tags() {
        assert_eq!(
            vtt_text("<v.loud Mary Smith>Hello <i>there</i>"),
            (Some("Mary Smith".into()), "Hello there".into(), vec![])
        );
        assert_eq!(
            vtt_text("<v Bob>Hi</v>"),
            (Some("Bob".into()), "Hi".into(), vec![])
        );
        assert_eq!(
            vtt_text("<v Bob>Hi <00:00:01.500><c>you</c>"),
            (Some("Bob".into()), "Hi you".into(), vec![(3, Time(1500))])
        );
        let (mut t, mut m) = normalize_marked("  A:\u{a0} b  c", &[(5, Time(1)), (10, Time(2))]);
        assert_eq!(
            (t.as_str(), &m[..]),
            ("A: b c", &[(3, Time(1)), (5, Time(2))][..])
        );
        cut_front(&mut t, &mut m, 2);
        assert_eq!(
            (t.as_str(), &m[..]),
            ("b c", &[(0, Time(1)), (2, Time(2))][..])
        );
        assert_eq!(strip_tags("a <00:00:01.000><c>b</c>"), "a b");
        assert_eq!(unescape("Tom &amp; Jerry &lt;3"), "Tom & Jerry <3");
    }
}
