//! Plain-text transcript → [`Transcript`]: the converter's only logic.
//!
//! The input is a transcript as copied from a web page, one paragraph a line (blank
//! lines between paragraphs are optional). The shape is kremlin.ru's first:
//!
//! ```text
//! View settings / Font size: / Site colours:      site chrome, dropped
//! Official website of the President of Russia      site name, dropped (sets the credit)
//! News  /                                          breadcrumb → `kind`
//! Russian-Belarusian talks                         title
//! February 18, 2022, The Kremlin, Moscow           date, time and place
//! Vladimir Putin held a meeting …                  summary paragraphs …
//! * * *                                            … ended here, or by the first label
//! President of Russia Vladimir Putin: Mr President, turns: label, then paragraphs
//! …
//! February 18, 2022, The Kremlin, Moscow           repeated dateline, dropped
//! ```
//!
//! Labels are recognised by their shape ([`label::scan`]), not by a list of names, and a
//! titled label and a bare one for the same person are one speaker. Text keeps its
//! characters (no-break spaces, curly quotes, typos); only the metadata parsed out of it
//! (names, roles, place) has its spaces normalised.
//!
//! Timed input keeps its times: captions (`captions`), Whisper, WhisperX and
//! Podcasting 2.0 JSON and time-stamped text (`timed`), each recognised by its content.

mod captions;
pub mod corpus;
mod dateline;
mod engine;
mod head;
mod label;
pub mod lines;
mod shape;
pub mod text;
mod timed;

pub use timed::side::{media, media_file, media_kind, speaker_names, SpeakerName, SpeakerNames};

use crate::model::{unsafe_url, Source, Transcript, Turn, SCHEMA_VERSION};
use shape::Foot;
use std::fmt;
use text::key;

/// A message about a place in the input: an error, or a warning for text that was kept
/// but may not have been read as the author meant.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// One-line reason.
    pub message: String,
}

impl Diagnostic {
    fn new(line: usize, column: usize, message: impl Into<String>) -> Self {
        Diagnostic {
            line,
            column,
            message: message.into(),
        }
    }

    /// `file:line:column: message`, the shape compilers and editors understand.
    pub fn render(&self, file: &str) -> String {
        format!("{file}:{}:{}: {}", self.line, self.column, self.message)
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.line, self.column, self.message)
    }
}

impl std::error::Error for Diagnostic {}

/// What the caller knows that the text may not say.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Options {
    /// The input's file name, recorded as `source.file`.
    pub file: String,
    /// Language tag; detected from the script when `None`.
    pub lang: Option<String>,
    /// Credit line; `President of Russia website, kremlin.ru` is recognised by itself.
    pub credit: Option<String>,
    /// Licence of the text.
    pub license: Option<String>,
    /// Address of the original page.
    pub url: Option<String>,
    /// Names for a timed input's voices (a side file: [`speaker_names`]).
    pub speakers: Option<SpeakerNames>,
    /// The recording, written as `media` ([`media`], [`media_file`]); an unsafe address
    /// is an error.
    pub media: Option<crate::model::Media>,
}

/// A converted transcript and the warnings met on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The transcript.
    pub transcript: Transcript,
    /// Warnings, in line order.
    pub warnings: Vec<Diagnostic>,
    /// Warnings about the speakers side file ([`Options::speakers`]), at its lines: a
    /// name for a voice the input does not have.
    pub name_warnings: Vec<Diagnostic>,
}

/// Converts raw bytes, reporting invalid UTF-8 with its byte offset, line and column.
pub fn convert_bytes(bytes: &[u8], options: &Options) -> Result<Conversion, Diagnostic> {
    match std::str::from_utf8(bytes) {
        Ok(text) => convert(text, options),
        Err(e) => {
            let offset = e.valid_up_to();
            // The valid prefix is UTF-8 by definition.
            let before = std::str::from_utf8(&bytes[..offset]).unwrap_or_default();
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Err(Diagnostic::new(
                line,
                column,
                format!("invalid UTF-8 at byte offset {offset}"),
            ))
        }
    }
}

/// Converts a transcript's text: captions by their own reader, any other text by its
/// shape ([`shape::detect`]), the shared head reader and the label and turn engine.
pub fn convert(text: &str, options: &Options) -> Result<Conversion, Diagnostic> {
    if let Some(m) = &options.media {
        let bad = unsafe_url(&m.url).or_else(|| m.poster.as_deref().and_then(unsafe_url));
        if let Some(why) = bad {
            return Err(Diagnostic::new(
                1,
                1,
                format!("media address refused: {why}"),
            ));
        }
    }
    if let Some(format) = captions::detect(text) {
        return captions::convert(text, format, options);
    }
    if let Some(format) = timed::detect(text) {
        return timed::convert(text, format, options);
    }
    let lines = lines::lines(text);
    if lines.is_empty() {
        return Err(Diagnostic::new(1, 1, "empty transcript: no text found"));
    }
    let shape = shape::detect(&lines);
    let lines = split_lines(lines, shape);
    let Some(last) = lines.last().copied() else {
        return Err(Diagnostic::new(1, 1, "empty transcript: no text found"));
    };
    let mut warnings = Vec::new();
    let mut labels = engine::Labels::read(&lines, shape, &mut warnings);
    let head = head::read(&lines, shape, &labels);
    if !head.headings.is_empty() {
        warnings.clear();
        labels = engine::Labels::read_without(&lines, shape, &head.headings, &mut warnings);
    }

    // The foot: publication details, share buttons, the repeated dateline.
    let mut end = lines.len();
    let mut url = None;
    let dateline_key = head.dateline.as_ref().map(|(_, at)| key(lines[*at].text));
    while end > head.start {
        let t = lines[end - 1].text;
        match shape::foot_line(shape, t) {
            Some(Foot::Link(u)) => url = url.or(Some(u)),
            Some(Foot::Chrome) => {}
            None if dateline_key.as_deref() == Some(key(t).as_str()) => {}
            None => break,
        }
        end -= 1;
    }
    let body: Vec<usize> = (head.start..end)
        .filter(|i| !head.used.contains(i) && !shape::drop(shape, lines[*i].text))
        .collect();
    if body.is_empty() && head.title.is_none() {
        return Err(Diagnostic::new(
            last.no,
            1,
            "no transcript found: the text has only site navigation",
        ));
    }
    match head.title_at {
        Some(_) if head.dateline.is_none() && head.embedded_date.is_none() => {
            warnings.push(Diagnostic::new(
                head.title_at.map_or(1, |t| lines[t].no),
                1,
                "warning: no date line next to the title; the transcript has no date",
            ))
        }
        None => warnings.push(Diagnostic::new(
            lines[head.start.min(lines.len() - 1)].no,
            1,
            "warning: no title line found; the transcript has no title",
        )),
        _ => {}
    }
    let read = engine::read(&lines, &body, &labels, &mut warnings);
    let title = head.title.clone().unwrap_or_default();
    let lang = options
        .lang
        .clone()
        .unwrap_or_else(|| detect_lang(&title, &read.summary, &read.turns));
    let url = options.url.clone().or(url);
    let credit = shape.credit().filter(|_| {
        head.site
            || url.as_deref().is_some_and(|u| u.contains("kremlin.ru"))
            || shape.name() == "kremlin"
    });
    let (mut date, time, place, dateline_text) = match &head.dateline {
        Some((d, at)) => (
            Some(d.date.clone()),
            d.time.clone(),
            d.place.clone(),
            Some(lines[*at].text.to_string()),
        ),
        None => (
            head.embedded_date.clone(),
            head.time.clone(),
            head.place.clone(),
            None,
        ),
    };
    // No date in the head: the record's own date furniture in the body (a column
    // header of a debate that starts mid-page).
    if date.is_none() {
        date = (head.start..end).find_map(|i| shape.body_date(lines[i].text));
        if date.is_some() {
            warnings.retain(|w| !w.message.starts_with("warning: no date line"));
        }
    }
    warnings.sort_by_key(|w| (w.line, w.column));
    Ok(Conversion {
        transcript: Transcript {
            schema: SCHEMA_VERSION,
            lang,
            title,
            date,
            time,
            place,
            dateline: dateline_text,
            kind: head.kind,
            summary: read.summary,
            speakers: read.speakers,
            turns: read.turns,
            source: Source {
                file: options.file.clone(),
                credit: options
                    .credit
                    .clone()
                    .or_else(|| credit.map(|(c, _)| c.to_string())),
                license: options
                    .license
                    .clone()
                    .or_else(|| credit.map(|(_, l)| l.to_string())),
                url,
            },
            media: options.media.clone(),
        },
        warnings,
        name_warnings: Vec::new(),
    })
}

/// The lines with each one the shape says holds several paragraphs cut there (the
/// pieces keep the line's number).
fn split_lines<'a>(lines: Vec<lines::Line<'a>>, shape: &dyn shape::Shape) -> Vec<lines::Line<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    for line in lines {
        let cuts = shape.splits(line.text);
        let mut from = 0;
        for cut in cuts.into_iter().chain([line.text.len()]) {
            let piece = text::trim(&line.text[from..cut]);
            if !piece.is_empty() {
                out.push(lines::Line {
                    no: line.no,
                    text: piece,
                });
            }
            from = cut;
        }
    }
    out
}

/// `ru` when Cyrillic letters outnumber Latin ones, else `en`.
fn detect_lang(title: &str, summary: &[String], turns: &[Turn]) -> String {
    let (mut cyr, mut lat) = (0usize, 0usize);
    let all = std::iter::once(title)
        .chain(summary.iter().map(String::as_str))
        .chain(
            turns
                .iter()
                .flat_map(|t| t.paragraphs.iter().map(String::as_str)),
        );
    for s in all {
        for &b in s.as_bytes() {
            match b {
                b'a'..=b'z' | b'A'..=b'Z' => lat += 1,
                // Lead bytes of U+0400..U+04FF, the Cyrillic block.
                0xD0..=0xD3 => cyr += 1,
                _ => {}
            }
        }
    }
    if cyr > lat { "ru" } else { "en" }.to_string()
}
