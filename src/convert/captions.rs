//! Caption files, recognised by their content: WebVTT (`WEBVTT` first, cues with
//! `<v Name>` voice spans) and SubRip (numbered cues, `00:00:01,000 --> …`, a leading
//! `Name:` naming the speaker). A caption file has no title, date or place; its cues
//! become turns, consecutive cues of one voice (or of none) being one turn, with a new
//! paragraph after a pause.

use super::label;
use super::lines;
use super::text::{is_space, key, normalize_spaces, title_case_if_caps};
use super::{detect_lang, Conversion, Diagnostic, Options};
use crate::model::{Source, Speaker, Transcript, Turn, SCHEMA_VERSION};

/// A caption format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// WebVTT.
    Vtt,
    /// SubRip.
    Srt,
}

/// A pause this long (seconds) between cues of one voice starts a new paragraph.
const PARAGRAPH_PAUSE: f64 = 2.0;
/// A paragraph this long (characters) ends at the next sentence end.
const PARAGRAPH_CHARS: usize = 600;

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
    (a.bytes().all(|b| b.is_ascii_digit()) && timing(b).is_some()).then_some(Format::Srt)
}

/// `00:01:02.500 --> 00:01:04.000 align:start`: start and end in seconds.
fn timing(line: &str) -> Option<(f64, f64)> {
    let (a, b) = line.split_once("-->")?;
    let b = b.trim_matches(is_space).split(is_space).next()?;
    Some((seconds(a.trim_matches(is_space))?, seconds(b)?))
}

/// `01:02:03.500`, `02:03.500`, `01:02:03,500`.
fn seconds(s: &str) -> Option<f64> {
    let s = s.replace(',', ".");
    let parts: Vec<&str> = s.split(':').collect();
    if !(2..=3).contains(&parts.len()) {
        return None;
    }
    let mut total = 0.0;
    for (i, p) in parts.iter().enumerate() {
        let last = i == parts.len() - 1;
        let ok = !p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit() || (last && b == b'.'))
            && (last || p.len() <= 3);
        if !ok {
            return None;
        }
        total = total * 60.0 + p.parse::<f64>().ok()?;
    }
    Some(total)
}

/// One cue: its times, its voice and its text.
#[derive(Debug, Clone, PartialEq)]
struct Cue {
    start: f64,
    end: f64,
    voice: Option<String>,
    /// `>>` opened the cue: a new speaker, even with no name.
    change: bool,
    text: String,
}

/// Converts a caption file.
pub fn convert(text: &str, format: Format, options: &Options) -> Result<Conversion, Diagnostic> {
    let mut warnings = Vec::new();
    let cues = cues(text, format, &mut warnings);
    if cues.is_empty() {
        return Err(Diagnostic::new(1, 1, "empty captions: no cue has text"));
    }
    let mut speakers: Vec<Speaker> = Vec::new();
    let mut turns: Vec<Turn> = Vec::new();
    let mut last: Option<(Option<String>, f64)> = None;
    for cue in cues {
        let id = cue
            .voice
            .as_ref()
            .map(|name| match same_voice(&speakers, name) {
                Some(s) => s.id.clone(),
                None => {
                    let id = super::engine::speaker_id(&speakers, name);
                    speakers.push(Speaker {
                        id: id.clone(),
                        name: name.clone(),
                        role: None,
                        anonymous: false,
                    });
                    id
                }
            });
        let same = matches!(&last, Some((who, _)) if *who == id) && !cue.change;
        match (same, turns.last_mut()) {
            (true, Some(turn)) => {
                let pause = last.as_ref().map_or(0.0, |(_, end)| cue.start - end);
                let para = turn.paragraphs.last_mut().expect("turns have a paragraph");
                let long =
                    para.chars().count() >= PARAGRAPH_CHARS && para.ends_with(['.', '?', '!']);
                if pause >= PARAGRAPH_PAUSE || long {
                    turn.paragraphs.push(cue.text);
                } else {
                    para.push(' ');
                    para.push_str(&cue.text);
                }
            }
            _ => turns.push(Turn {
                id: format!("t{}", turns.len() + 1),
                speaker: id.clone(),
                annotation: None,
                paragraphs: vec![cue.text],
                ..Default::default()
            }),
        }
        last = Some((id, cue.end));
    }
    let lang = options
        .lang
        .clone()
        .unwrap_or_else(|| detect_lang("", &[], &turns));
    Ok(Conversion {
        transcript: Transcript {
            schema: SCHEMA_VERSION,
            lang,
            title: String::new(),
            date: None,
            time: None,
            place: None,
            dateline: None,
            kind: None,
            summary: Vec::new(),
            speakers,
            turns,
            source: Source {
                file: options.file.clone(),
                credit: options.credit.clone(),
                license: options.license.clone(),
                url: options.url.clone(),
            },
            ..Default::default()
        },
        warnings,
    })
}

/// The speaker a voice name is: the same name; a first name alone (`Richard`) that
/// starts exactly one speaker's name (`Richard Ladner`); or a one-letter slip in the
/// surname (`Pablo Molinda` for `Pablo Molina`).
fn same_voice<'a>(speakers: &'a [Speaker], name: &str) -> Option<&'a Speaker> {
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
fn cues(text: &str, format: Format, warnings: &mut Vec<Diagnostic>) -> Vec<Cue> {
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
        let Some(at) = block.iter().take(2).position(|l| timing(l.text).is_some()) else {
            warnings.push(Diagnostic::new(
                block[0].no,
                1,
                "warning: caption block with no timing line; skipped",
            ));
            continue;
        };
        let Some((start, end)) = timing(block[at].text) else {
            continue;
        };
        let mut change = false;
        let mut cue_voice = None;
        let mut parts = Vec::new();
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
                    out.push(Cue {
                        start,
                        end: start,
                        voice: voice.clone().map(|v| title_case_if_caps(&v)),
                        change,
                        text: parts.join(" "),
                    });
                    parts.clear();
                }
                change = true;
                cue_voice = None;
                voice = None;
                t = rest.trim_start_matches(['>', ' ', '\u{a0}']);
            }
            let (v, clean) = match format {
                Format::Vtt => vtt_text(t),
                Format::Srt => (None, strip_tags(t)),
            };
            let mut clean = normalize_spaces(&clean);
            if parts.is_empty() && cue_voice.is_none() {
                if let Some((name, rest)) = bracketed_name(&clean) {
                    cue_voice = Some(name);
                    clean = rest.to_string();
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
                    clean = clean[c.rest_start..].trim().to_string();
                }
            }
            if !clean.is_empty() {
                parts.push(clean);
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
        out.push(Cue {
            start,
            end,
            voice: voice.clone().map(|v| title_case_if_caps(&v)),
            change,
            text: parts.join(" "),
        });
    }
    out
}

fn text_is_caps(s: &str) -> bool {
    super::text::is_all_caps(s) && s.chars().filter(|c| c.is_alphabetic()).count() > 1
}

/// A VTT cue line: the voice its `<v Name>` span names, and its text without tags.
fn vtt_text(line: &str) -> (Option<String>, String) {
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
    (voice, strip_tags(line))
}

/// Text without `<…>` tags (`<i>`, `<c.yellow>`, `<00:00:01.000>`, `<font …>`).
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        match rest[open..].find('>') {
            Some(close) => rest = &rest[open + close + 1..],
            None => {
                out.push_str(&rest[open..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
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
        assert_eq!(seconds("01:02:03.500"), Some(3723.5));
        assert_eq!(seconds("02:03.500"), Some(123.5));
        assert_eq!(seconds("00:00:01,250"), Some(1.25));
        assert_eq!(seconds("1:2:x"), None);
        assert_eq!(
            timing("00:01.000 --> 00:02.000 align:start position:10%"),
            Some((1.0, 2.0))
        );
    }

    #[test]
    fn voices_and_tags() {
        assert_eq!(
            vtt_text("<v.loud Mary Smith>Hello <i>there</i>"),
            (Some("Mary Smith".into()), "Hello there".into())
        );
        assert_eq!(vtt_text("<v Bob>Hi</v>"), (Some("Bob".into()), "Hi".into()));
        assert_eq!(strip_tags("a <00:00:01.000><c>b</c>"), "a b");
        assert_eq!(unescape("Tom &amp; Jerry &lt;3"), "Tom & Jerry <3");
    }
}
