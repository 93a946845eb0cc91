//! What the reader sees, written out as a document to take away: plain text, Markdown,
//! an HTML fragment or the transcript's own JSON ([`DocumentFormat`], [`to_document`]),
//! of the turns the speaker filter shows, with the search's matches marked when asked,
//! and always with the source's credit and licence (kremlin.ru's texts are CC BY 4.0:
//! the credit travels with them). Captions are [`to_webvtt`](super::to_webvtt) and
//! [`to_srt`](super::to_srt). Pure: the browser only offers the file.
//!
//! Marks: `[[gas]]` in plain text, `**gas**` in Markdown, `<mark>gas</mark>` in HTML; the
//! JSON has none (it is the transcript, to read back).

use super::{Match, Place};
use crate::model::{Speaker, Transcript, Turn};
use std::ops::Range;

/// A document format the reader can export.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentFormat {
    Text,
    Markdown,
    Html,
    Json,
}

impl DocumentFormat {
    /// Every format, in the order offered.
    pub const ALL: [DocumentFormat; 4] = [
        DocumentFormat::Text,
        DocumentFormat::Markdown,
        DocumentFormat::Html,
        DocumentFormat::Json,
    ];

    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            DocumentFormat::Text => "txt",
            DocumentFormat::Markdown => "md",
            DocumentFormat::Html => "html",
            DocumentFormat::Json => "json",
        }
    }

    /// The file's media type.
    pub fn mime(self) -> &'static str {
        match self {
            DocumentFormat::Text => "text/plain;charset=utf-8",
            DocumentFormat::Markdown => "text/markdown;charset=utf-8",
            DocumentFormat::Html => "text/html;charset=utf-8",
            DocumentFormat::Json => "application/json",
        }
    }
}

/// The words a document says besides the transcript's (in the viewer's language).
#[derive(Debug, Clone, Copy)]
pub struct DocumentWords<'a> {
    /// Before the credit: `Source`.
    pub source: &'a str,
}

/// `t` as a document in `format`: the title, the dateline, the summary, then each turn
/// that `visible` (given its index) shows, its speaker's name first, and the source's
/// credit, licence and address last. `marks` (the search's matches, in document order;
/// empty for none) are marked in the text formats.
pub fn to_document(
    t: &Transcript,
    format: DocumentFormat,
    visible: &dyn Fn(usize) -> bool,
    marks: &[Match],
    words: DocumentWords,
) -> String {
    if format == DocumentFormat::Json {
        return to_json(t, visible);
    }
    let style = match format {
        DocumentFormat::Markdown => &MARKDOWN,
        DocumentFormat::Html => &HTML,
        _ => &TEXT,
    };
    let mut marks = Marks {
        all: marks,
        next: 0,
    };
    let mut out = String::new();
    let text = |place: Place, s: &str, marks: &mut Marks| {
        let ranges = marks.take(place);
        marked(s, &ranges, style)
    };
    (style.title)(
        &mut out,
        &text(Place::Title, &t.display_title(), &mut marks),
    );
    let dateline = dateline(t);
    if !dateline.is_empty() {
        (style.dateline)(&mut out, &(style.escape)(&dateline));
    }
    for (i, p) in t.summary.iter().enumerate() {
        (style.summary)(&mut out, &text(Place::Summary(i), p, &mut marks));
    }
    for (i, turn) in t.turns.iter().enumerate().filter(|(i, _)| visible(*i)) {
        let name = speaker_of(t, turn).map(|s| (style.escape)(&s.name));
        let paragraphs: Vec<String> = turn
            .paragraphs
            .iter()
            .enumerate()
            .map(|(p, s)| text(Place::Turn(i, p), s, &mut marks))
            .collect();
        (style.turn)(&mut out, &turn.id, name.as_deref(), &paragraphs);
    }
    (style.credit)(&mut out, &credit(t, words, style));
    out
}

/// The name an exported file of `t` starts with: its source file's, without the
/// extension (`russian-belarusian-talks-2022-02-18`), or `transcript`.
pub fn file_stem(t: &Transcript) -> &str {
    let file = &t.source.file;
    let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
    // A path's last part only.
    let stem = stem.rsplit(['/', '\\']).next().unwrap_or_default();
    if stem.is_empty() {
        "transcript"
    } else {
        stem
    }
}

/// The JSON of `t` with only the turns `visible` shows and the speakers they name:
/// it reads back ([`Transcript::from_json`]) as that transcript.
fn to_json(t: &Transcript, visible: &dyn Fn(usize) -> bool) -> String {
    let mut shown = t.clone();
    shown.turns = t
        .turns
        .iter()
        .enumerate()
        .filter(|(i, _)| visible(*i))
        .map(|(_, turn)| turn.clone())
        .collect();
    let all_shown = shown.turns.len() == t.turns.len();
    if !all_shown {
        let named = |s: &Speaker| {
            shown
                .turns
                .iter()
                .any(|turn| turn.speaker.as_deref() == Some(&s.id))
        };
        let speakers = shown
            .speakers
            .iter()
            .filter(|s| named(s))
            .cloned()
            .collect();
        shown.speakers = speakers;
    }
    // A transcript always serialises (strings, numbers, vectors).
    serde_json::to_string_pretty(&shown).unwrap_or_default() + "\n"
}

fn speaker_of<'a>(t: &'a Transcript, turn: &Turn) -> Option<&'a Speaker> {
    turn.speaker.as_deref().and_then(|id| t.speaker(id))
}

/// The source's dateline as the transcript gives it, else its date and place.
fn dateline(t: &Transcript) -> String {
    if let Some(d) = t.dateline.as_ref().filter(|d| !d.trim().is_empty()) {
        return d.clone();
    }
    [t.date.as_deref(), t.place.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ")
}

/// `Source: credit (licence), address`, escaped for `style`, the address linked in HTML.
fn credit(t: &Transcript, words: DocumentWords, style: &Style) -> String {
    let s = &t.source;
    let mut line = format!("{}: ", (style.escape)(words.source));
    let credit = s.credit.clone().unwrap_or_else(|| s.file.clone());
    line.push_str(&(style.escape)(&credit));
    if let Some(license) = &s.license {
        line.push_str(&format!(" ({})", (style.escape)(license)));
    }
    if let Some(url) = s
        .url
        .as_deref()
        .filter(|u| u.starts_with("https://") || u.starts_with("http://"))
    {
        line.push_str(", ");
        line.push_str(&(style.link)(url));
    }
    line
}

/// The matches not yet written, in document order.
struct Marks<'a> {
    all: &'a [Match],
    next: usize,
}

impl Marks<'_> {
    /// The ranges of the matches in `place` (places are visited in document order; the
    /// matches of places skipped, a hidden turn's, are passed over).
    fn take(&mut self, place: Place) -> Vec<Range<usize>> {
        while self.all.get(self.next).is_some_and(|m| m.place < place) {
            self.next += 1;
        }
        let mut out = Vec::new();
        while let Some(m) = self.all.get(self.next).filter(|m| m.place == place) {
            out.push(m.range.clone());
            self.next += 1;
        }
        out
    }
}

/// `text` escaped for `style`, each of `ranges` (byte ranges, in order) marked.
fn marked(text: &str, ranges: &[Range<usize>], style: &Style) -> String {
    let mut out = String::with_capacity(text.len() + ranges.len() * 8);
    let mut at = 0;
    for r in ranges {
        let (Some(before), Some(inside)) = (text.get(at..r.start), text.get(r.clone())) else {
            continue;
        };
        out.push_str(&(style.escape)(before));
        out.push_str(style.mark.0);
        out.push_str(&(style.escape)(inside));
        out.push_str(style.mark.1);
        at = r.end;
    }
    out.push_str(&(style.escape)(text.get(at..).unwrap_or_default()));
    out
}

/// How one format writes each part (its inputs already escaped and marked).
struct Style {
    escape: fn(&str) -> String,
    mark: (&'static str, &'static str),
    title: fn(&mut String, &str),
    dateline: fn(&mut String, &str),
    summary: fn(&mut String, &str),
    turn: fn(&mut String, &str, Option<&str>, &[String]),
    credit: fn(&mut String, &str),
    link: fn(&str) -> String,
}

const TEXT: Style = Style {
    escape: str::to_string,
    mark: ("[[", "]]"),
    title: |out, s| out.push_str(&format!("{s}\n")),
    dateline: |out, s| out.push_str(&format!("{s}\n")),
    summary: |out, s| out.push_str(&format!("\n{s}\n")),
    turn: |out, _, name, paragraphs| {
        out.push('\n');
        for (i, p) in paragraphs.iter().enumerate() {
            match name {
                Some(name) if i == 0 => out.push_str(&format!("{name}: {p}\n")),
                _ => out.push_str(&format!("{p}\n")),
            }
        }
    },
    credit: |out, s| out.push_str(&format!("\n{s}\n")),
    link: str::to_string,
};

const MARKDOWN: Style = Style {
    escape: markdown_escape,
    mark: ("**", "**"),
    title: |out, s| out.push_str(&format!("# {s}\n")),
    dateline: |out, s| out.push_str(&format!("\n*{s}*\n")),
    summary: |out, s| out.push_str(&format!("\n> {s}\n")),
    turn: |out, _, name, paragraphs| {
        for (i, p) in paragraphs.iter().enumerate() {
            match name {
                Some(name) if i == 0 => out.push_str(&format!("\n**{name}:** {p}\n")),
                _ => out.push_str(&format!("\n{p}\n")),
            }
        }
    },
    credit: |out, s| out.push_str(&format!("\n---\n\n{s}\n")),
    link: |url| format!("<{url}>"),
};

const HTML: Style = Style {
    escape: escape_html,
    mark: ("<mark>", "</mark>"),
    title: |out, s| out.push_str(&format!("<h1>{s}</h1>\n")),
    dateline: |out, s| out.push_str(&format!("<p class=\"dateline\">{s}</p>\n")),
    summary: |out, s| out.push_str(&format!("<p class=\"summary\">{s}</p>\n")),
    turn: |out, id, name, paragraphs| {
        out.push_str(&format!("<section id=\"{}\">\n", escape_html(id)));
        if let Some(name) = name {
            out.push_str(&format!("<h2>{name}</h2>\n"));
        }
        for p in paragraphs {
            out.push_str(&format!("<p>{p}</p>\n"));
        }
        out.push_str("</section>\n");
    },
    credit: |out, s| out.push_str(&format!("<footer><p>{s}</p></footer>\n")),
    link: |url| {
        let url = escape_html(url);
        format!("<a href=\"{url}\">{url}</a>")
    },
};

/// Text that Markdown shows as it is: its punctuation escaped, and a line that would
/// start a heading, list or quote kept a paragraph.
fn markdown_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // `- x`, `+ x`, `1. x` would start a list.
    let starts_list = out.starts_with("- ")
        || out.starts_with("+ ")
        || out
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    if starts_list {
        out.insert(0, '\\');
    }
    out
}

/// `text` escaped for HTML text and quoted attribute values: `&`, `<`, `>`, `"` and `'`
/// as references.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::{search, transcript};
    use crate::state::{Action, ViewState};

    const WORDS: DocumentWords = DocumentWords { source: "Source" };

    fn all(_: usize) -> bool {
        true
    }

    #[test]
    fn files_are_named_after_the_source() {
        let mut t = transcript();
        for (file, stem) in [
            ("talks-2022.txt", "talks-2022"),
            ("dir/talks.vtt", "talks"),
            ("talks", "talks"),
            (".txt", "transcript"),
            ("", "transcript"),
        ] {
            t.source.file = file.into();
            assert_eq!(file_stem(&t), stem, "{file}");
        }
    }

    #[test]
    fn json_reads_back_as_the_same_transcript() {
        let t = transcript();
        let json = to_document(&t, DocumentFormat::Json, &all, &[], WORDS);
        assert_eq!(Transcript::from_json(&json).unwrap(), t);
        // Filtered: only the shown turns, and only the speakers they name.
        let state = ViewState::default().apply(Action::ToggleSpeaker("p".into()));
        let json = to_document(
            &t,
            DocumentFormat::Json,
            &|i| state.shows(&t, i),
            &[],
            WORDS,
        );
        let back = Transcript::from_json(&json).unwrap();
        assert!(back
            .turns
            .iter()
            .all(|turn| turn.speaker.as_deref() != Some("p")));
        assert_eq!(
            back.turns.len(),
            (0..t.turns.len()).filter(|&i| state.shows(&t, i)).count()
        );
        assert!(back.speakers.iter().all(|s| s.id != "p"));
        assert!(back.warnings().is_empty(), "{:?}", back.warnings());
        assert_eq!(back.source, t.source, "the credit travels");
    }

    #[test]
    fn text_has_the_speakers_the_shown_turns_the_marks_and_the_credit() {
        let t = transcript();
        let state = ViewState::default()
            .apply(Action::SetQuery("trade".into()))
            .apply(Action::ToggleSpeaker("l".into()));
        let m = search(&t, &state);
        let text = to_document(
            &t,
            DocumentFormat::Text,
            &|i| state.shows(&t, i),
            &m.all,
            WORDS,
        );
        assert!(text.starts_with("Talks on [[trade]]\n"), "{text}");
        assert!(text.contains("\nP: "), "{text}");
        assert!(!text.contains("\nL: "), "hidden speaker's turns: {text}");
        assert!(text.contains("Narration about [[trade]]."), "{text}");
        let marked = text.matches("[[").count();
        assert_eq!(
            marked,
            m.all.len(),
            "every visible match marked once: {text}"
        );
        let credit = text.lines().last().unwrap();
        assert!(credit.starts_with("Source: "), "{credit}");
    }

    #[test]
    fn markdown_and_escape_html_the_text() {
        let mut t = transcript();
        t.title = "A <b>*bold*</b> & [link](x) title".into();
        t.turns[0].paragraphs = vec!["- not a list".into(), "1. nor this".into()];
        let md = to_document(&t, DocumentFormat::Markdown, &all, &[], WORDS);
        assert!(
            md.starts_with("# A \\<b\\>\\*bold\\*\\</b\\> & \\[link\\](x) title\n"),
            "{md}"
        );
        assert!(md.contains("** \\- not a list\n"), "{md}");
        assert!(md.contains("\n\\1. nor this\n"), "{md}");
        let html = to_document(&t, DocumentFormat::Html, &all, &[], WORDS);
        assert!(
            html.starts_with("<h1>A &lt;b&gt;*bold*&lt;/b&gt; &amp; [link](x) title</h1>\n"),
            "{html}"
        );
        assert!(!html.contains("<b>"), "{html}");
        assert!(
            html.contains("<section id=\"t1\">\n<h2>P</h2>\n<p>- not a list</p>"),
            "{html}"
        );
        assert!(html.trim_end().ends_with("</p></footer>"), "{html}");
    }

    #[test]
    fn marks_skip_hidden_turns_and_survive_odd_ranges() {
        let t = transcript();
        // A match in a hidden turn, then one out of its text's bounds: neither breaks
        // the marks of the others.
        let marks = vec![
            Match {
                place: Place::Turn(1, 0),
                range: 0..5,
            },
            Match {
                place: Place::Turn(2, 0),
                range: 0..1_000,
            },
            Match {
                place: Place::Turn(3, 0),
                range: 0..2,
            },
        ];
        let text = to_document(&t, DocumentFormat::Text, &|i| i != 1, &marks, WORDS);
        assert_eq!(text.matches("[[").count(), 1, "{text}");
    }
}
