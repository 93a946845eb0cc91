//! A citation of a passage, to paste elsewhere: the quote (a turn, or the part of it the
//! reader selected, widened to whole words and trimmed with an ellipsis when long) in
//! the quotation marks of the transcript's language, who said it, the transcript's
//! title and date, the source's credit and licence (kremlin.ru's texts are CC BY 4.0:
//! the credit travels with the quote), and the link to the passage: the turn's
//! fragment (`#t3`) and, where the browser follows them, a text directive
//! (`#t3:~:text=start,end`, per the URL Fragment Text Directives spec) that scrolls to
//! and marks the quoted words. As plain text and as HTML built here, every piece of the
//! transcript escaped ([`escape_html`]); never from the page's markup. Pure: the browser
//! only reads the selection and writes the clipboard.

use super::{escape_html, turn_link};
use crate::model::Transcript;

/// Words a quote keeps before it is trimmed (`…`).
pub const MAX_QUOTE_WORDS: usize = 120;
/// Bytes a quote keeps before it is trimmed, whatever its words (a hostile "word" of
/// 100 KB without a space).
pub const MAX_QUOTE_BYTES: usize = 1_200;
/// Up to this many words, a passage within one paragraph is its text directive whole
/// (`text=the%20words`); longer ones, or ones over paragraphs, are `text=start,end`.
const EXACT_WORDS: usize = 8;
/// Words at each end of a `text=start,end` directive.
const END_WORDS: usize = 4;

/// A point in a turn's text: the paragraph's index and a byte offset in it.
pub type Point = (usize, usize);

/// The part of a turn the reader selected, from `start` to `end` (either may fall
/// inside a word, or outside the text: [`cite`] widens and clamps it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Passage {
    pub start: Point,
    pub end: Point,
}

/// The words a citation says besides the transcript's (in the viewer's language), and
/// what the viewer shows that the transcript does not say itself.
#[derive(Debug, Clone, Copy)]
pub struct CiteWords<'a> {
    /// Before the credit: `Source`.
    pub source: &'a str,
    /// The transcript's date as the viewer shows it (`February 18, 2022`), if any.
    pub date: Option<&'a str>,
}

/// Where the citation links to.
#[derive(Debug, Clone, Copy)]
pub struct CiteLink<'a> {
    /// The page's address (its fragment is replaced).
    pub page: &'a str,
    /// The turn's element id (`t3`, `a-t3` with a prefix).
    pub fragment: &'a str,
    /// The browser follows text directives (`document.fragmentDirective` exists).
    pub text_directive: bool,
}

/// A citation, ready for the clipboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// The quote as cited, in its quotation marks.
    pub quote: String,
    /// The link to the passage.
    pub link: String,
    /// The whole citation as plain text, one line per part.
    pub text: String,
    /// The same as an HTML fragment (`<blockquote>`).
    pub html: String,
}

/// The citation of turn `turn` of `t`: of `passage` when it holds words, else of the
/// whole turn. `None` when there is no such turn or it has no words.
pub fn cite(
    t: &Transcript,
    turn: usize,
    passage: Option<Passage>,
    link: CiteLink,
    words: CiteWords,
) -> Option<Citation> {
    let paragraphs = &t.turns.get(turn)?.paragraphs;
    let span = passage
        .and_then(|p| widen(paragraphs, p))
        .or_else(|| whole(paragraphs))?;
    let (open, close) = quote_marks(&t.lang);
    let (body, trimmed) = trim(&quote_text(paragraphs, span));
    let body = nest_quotes(&body, &t.lang);
    let quote = concat(&[open, &body, if trimmed { "…" } else { "" }, close]);
    let mut url = turn_link(link.page, link.fragment);
    if link.text_directive {
        url.push_str(":~:");
        url.push_str(&text_directive(paragraphs, span));
    }
    let speaker = t.turns[turn]
        .speaker
        .as_deref()
        .and_then(|id| t.speaker(id))
        .map(
            |s| match s.role.as_deref().filter(|r| !r.trim().is_empty()) {
                Some(role) => concat(&[&s.name, ", ", role]),
                None => s.name.clone(),
            },
        );
    let title = t.display_title();
    let source = &t.source;
    let credit = source.credit.as_deref().unwrap_or(&source.file);
    let license = source.license.as_deref();
    let source_url = source.url.as_deref().map(str::trim).filter(|u| {
        let lower = u.to_ascii_lowercase();
        lower.starts_with("https://") || lower.starts_with("http://")
    });

    let mut text = concat(&[&quote, "\n"]);
    if let Some(speaker) = &speaker {
        push(&mut text, &["— ", speaker, "\n"]);
    }
    text.push_str(&title);
    if let Some(date) = words.date {
        push(&mut text, &[", ", date]);
    }
    push(&mut text, &["\n", words.source, ": ", credit]);
    if let Some(license) = license {
        push(&mut text, &[" (", license, ")"]);
    }
    if let Some(u) = source_url {
        push(&mut text, &[", ", u]);
    }
    push(&mut text, &["\n", &url, "\n"]);

    let e = escape_html;
    let (url_e, title_e) = (e(&url), e(&title));
    let mut html = String::with_capacity(text.len() * 2);
    let q = e(&quote);
    push(
        &mut html,
        &[
            "<blockquote cite=\"",
            &url_e,
            "\">\n<p>",
            &q,
            "</p>\n<footer>",
        ],
    );
    if let Some(speaker) = &speaker {
        push(&mut html, &["— ", &e(speaker), "<br>\n"]);
    }
    push(
        &mut html,
        &["<cite><a href=\"", &url_e, "\">", &title_e, "</a></cite>"],
    );
    if let Some(date) = words.date {
        push(&mut html, &[", ", &e(date)]);
    }
    push(&mut html, &["<br>\n", &e(words.source), ": "]);
    match source_url {
        Some(u) => push(&mut html, &["<a href=\"", &e(u), "\">", &e(credit), "</a>"]),
        None => html.push_str(&e(credit)),
    }
    if let Some(license) = license {
        push(&mut html, &[" (", &e(license), ")"]);
    }
    html.push_str("</footer>\n</blockquote>\n");
    Some(Citation {
        quote,
        link: url,
        text,
        html,
    })
}

/// `parts` one after another.
fn concat(parts: &[&str]) -> String {
    let mut out = String::with_capacity(parts.iter().map(|p| p.len()).sum());
    push(&mut out, parts);
    out
}

/// `out` with `parts` added.
fn push(out: &mut String, parts: &[&str]) {
    for part in parts {
        out.push_str(part);
    }
}

/// The quotation marks of `lang` (a BCP 47 tag): “…” in English (and by default),
/// «…» in Russian, Ukrainian, Belarusian, French and Spanish, „…“ in German.
pub fn quote_marks(lang: &str) -> (&'static str, &'static str) {
    match primary(lang).as_str() {
        "ru" | "uk" | "be" | "fr" | "es" => ("«", "»"),
        "de" | "cs" | "sk" => ("„", "“"),
        _ => ("“", "”"),
    }
}

/// The marks a quote inside the quote takes in `lang`: ‘…’ in English, „…“ in Russian.
fn inner_marks(lang: &str) -> Option<[(char, char); 2]> {
    match primary(lang).as_str() {
        "ru" | "uk" | "be" => Some([('«', '„'), ('»', '“')]),
        "de" | "cs" | "sk" => Some([('„', '‚'), ('“', '‘')]),
        "fr" | "es" => None,
        _ => Some([('“', '‘'), ('”', '’')]),
    }
}

fn primary(lang: &str) -> String {
    lang.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// `body` with the outer quotation marks it holds made inner ones.
fn nest_quotes(body: &str, lang: &str) -> String {
    let Some(pairs) = inner_marks(lang) else {
        return body.to_string();
    };
    body.chars()
        .map(|c| pairs.iter().find(|(o, _)| *o == c).map_or(c, |(_, i)| *i))
        .collect()
}

/// `text`'s largest char boundary at or before `at` (clamped to its length).
fn floor(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The whole turn's words, from the first to the last.
fn whole(paragraphs: &[String]) -> Option<Passage> {
    let last = paragraphs.len().checked_sub(1)?;
    widen(
        paragraphs,
        Passage {
            start: (0, 0),
            end: (last, paragraphs[last].len()),
        },
    )
}

/// `p` clamped to the turn's text, widened to whole words at both ends and narrowed to
/// start and end on a word: `None` when it holds none (empty, backwards, or spaces).
fn widen(paragraphs: &[String], p: Passage) -> Option<Passage> {
    let last = paragraphs.len().checked_sub(1)?;
    let clamp = |(i, at): Point| {
        let i = i.min(last);
        (i, floor(&paragraphs[i], at))
    };
    let (mut start, mut end) = (clamp(p.start), clamp(p.end));
    if start >= end {
        return None;
    }
    // Back to the start of the word the start is in, forward to the end of the end's.
    let inside_word = |text: &str, at: usize| {
        let word = |c: Option<char>| c.is_some_and(|c| !c.is_whitespace());
        word(text[..at].chars().next_back()) && word(text[at..].chars().next())
    };
    let text = &paragraphs[start.0];
    if inside_word(text, start.1) {
        start.1 = text[..start.1]
            .char_indices()
            .rev()
            .find(|(_, c)| c.is_whitespace())
            .map_or(0, |(i, c)| i + c.len_utf8());
    }
    let text = &paragraphs[end.0];
    if inside_word(text, end.1) {
        end.1 += text[end.1..]
            .find(char::is_whitespace)
            .unwrap_or(text.len() - end.1);
    }
    // Past spaces (and empty paragraphs) to the first word; back to the last.
    loop {
        let text = &paragraphs[start.0];
        match text[start.1..].find(|c: char| !c.is_whitespace()) {
            Some(i) => {
                start.1 += i;
                break;
            }
            None if start.0 < end.0 => start = (start.0 + 1, 0),
            None => return None,
        }
    }
    loop {
        let text = &paragraphs[end.0];
        match text[..end.1].trim_end().len() {
            0 if end.0 > start.0 => end = (end.0 - 1, paragraphs[end.0 - 1].len()),
            0 => return None,
            n => {
                end.1 = n;
                break;
            }
        }
    }
    (start < end).then_some(Passage { start, end })
}

/// The passage's text, paragraph by paragraph (each a slice of the turn's text).
fn pieces(paragraphs: &[String], span: Passage) -> Vec<&str> {
    (span.start.0..=span.end.0)
        .map(|i| {
            let text = &paragraphs[i];
            let from = if i == span.start.0 { span.start.1 } else { 0 };
            let to = if i == span.end.0 {
                span.end.1
            } else {
                text.len()
            };
            text.get(from..to).unwrap_or_default()
        })
        .filter(|s| !s.trim().is_empty())
        .collect()
}

/// The passage as one line: its paragraphs joined by a space, every run of white space
/// one space (a lone no-break space kept: `10 000`, `т. е.`).
fn quote_text(paragraphs: &[String], span: Passage) -> String {
    let joined = pieces(paragraphs, span).join(" ");
    let mut out = String::with_capacity(joined.len());
    let mut run = String::new();
    for c in joined.chars() {
        if c.is_whitespace() {
            run.push(c);
            continue;
        }
        if !run.is_empty() {
            out.push(if run == "\u{a0}" { '\u{a0}' } else { ' ' });
            run.clear();
        }
        out.push(c);
    }
    out
}

/// `quote` cut after [`MAX_QUOTE_WORDS`] words or [`MAX_QUOTE_BYTES`] bytes (at a word's
/// end where there is one), and whether it was.
fn trim(quote: &str) -> (String, bool) {
    let mut cut = None;
    let mut words = 0;
    let mut in_word = false;
    for (i, c) in quote.char_indices() {
        if c.is_whitespace() {
            if in_word {
                words += 1;
                if words == MAX_QUOTE_WORDS {
                    cut = Some(i);
                    break;
                }
            }
            in_word = false;
        } else {
            in_word = true;
        }
    }
    let cut = cut.filter(|&i| i < quote.len()).unwrap_or(quote.len());
    if cut <= MAX_QUOTE_BYTES && cut == quote.len() {
        return (quote.to_string(), false);
    }
    let mut end = floor(quote, cut.min(MAX_QUOTE_BYTES));
    if end < cut {
        // Cut by length: back to a word's end if there is one in the kept part.
        if let Some(space) = quote[..end].rfind(char::is_whitespace) {
            end = space;
        }
    }
    let kept = quote[..end].trim_end_matches(|c: char| c.is_whitespace() || ",;:".contains(c));
    (kept.to_string(), true)
}

/// The byte ranges of `text`'s words (runs of non-white-space).
fn word_ranges(text: &str) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.len());
    }
    out
}

/// The text directive (`text=…`) that finds the passage: the passage itself when it is
/// a few words in one paragraph, else its first and last words (`text=start,end`, each
/// within its own paragraph: a match cannot cross one). Each term is the text's own
/// slice (a no-break space stays one, so it matches the page), percent-encoded.
pub fn text_directive(paragraphs: &[String], span: Passage) -> String {
    let first = &paragraphs[span.start.0][span.start.1..];
    let last = &paragraphs[span.end.0][..span.end.1];
    if span.start.0 == span.end.0 {
        let text = &paragraphs[span.start.0][span.start.1..span.end.1];
        let words = word_ranges(text);
        if words.len() <= EXACT_WORDS {
            return concat(&["text=", &encode_term(text)]);
        }
        let head = &text[..words[END_WORDS - 1].end];
        let tail = &text[words[words.len() - END_WORDS].start..];
        return concat(&["text=", &encode_term(head), ",", &encode_term(tail)]);
    }
    let head_words = word_ranges(first);
    let head = head_words
        .get(END_WORDS - 1)
        .or(head_words.last())
        .map_or(first, |w| &first[..w.end]);
    let tail_words = word_ranges(last);
    let from = tail_words.len().saturating_sub(END_WORDS);
    let tail = tail_words.get(from).map_or(last, |w| &last[w.start..]);
    concat(&["text=", &encode_term(head), ",", &encode_term(tail)])
}

/// A text directive's term percent-encoded: every byte but ASCII letters, digits and
/// `.`, `_`, `~`, `!`, `*`, `'`, `(`, `)` (so `-`, `,` and `&`, which the directive's
/// syntax uses, and every space, quotation mark and non-ASCII letter, as `%XX`).
pub fn encode_term(term: &str) -> String {
    let mut out = String::with_capacity(term.len() * 3);
    for b in term.bytes() {
        if b.is_ascii_alphanumeric() || b"._~!*'()".contains(&b) {
            out.push(char::from(b));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Speaker, Transcript, Turn, SCHEMA_VERSION};

    fn talk(lang: &str, paragraphs: &[&str]) -> Transcript {
        Transcript {
            schema: SCHEMA_VERSION,
            lang: lang.into(),
            title: "Russian-Belarusian talks".into(),
            date: Some("2022-02-18".into()),
            speakers: vec![Speaker {
                id: "vp".into(),
                name: "Vladimir Putin".into(),
                role: Some("President of Russia".into()),
                anonymous: false,
            }],
            turns: vec![
                Turn {
                    id: "t1".into(),
                    speaker: Some("vp".into()),
                    paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
                    ..Default::default()
                },
                Turn {
                    id: "t2".into(),
                    paragraphs: vec!["Narration.".into()],
                    ..Default::default()
                },
            ],
            source: Source {
                file: "talks.txt".into(),
                credit: Some("President of Russia website, kremlin.ru".into()),
                license: Some("CC BY 4.0".into()),
                url: Some("http://en.kremlin.ru/events/president/news/67800".into()),
            },
            ..Default::default()
        }
    }

    const WORDS: CiteWords = CiteWords {
        source: "Source",
        date: Some("February 18, 2022"),
    };

    fn link(text_directive: bool) -> CiteLink<'static> {
        CiteLink {
            page: "https://example.org/talks/?q=a#t9",
            fragment: "t1",
            text_directive,
        }
    }

    fn passage(start: Point, end: Point) -> Option<Passage> {
        Some(Passage { start, end })
    }

    #[test]
    fn a_whole_turn_cites_its_speaker_title_date_credit_and_link() {
        let t = talk("en", &["Mr President,", "Let me welcome you to Moscow."]);
        let c = cite(&t, 0, None, link(false), WORDS).unwrap();
        assert_eq!(c.quote, "“Mr President, Let me welcome you to Moscow.”");
        assert_eq!(c.link, "https://example.org/talks/?q=a#t1");
        assert_eq!(
            c.text,
            "“Mr President, Let me welcome you to Moscow.”\n\
             — Vladimir Putin, President of Russia\n\
             Russian-Belarusian talks, February 18, 2022\n\
             Source: President of Russia website, kremlin.ru (CC BY 4.0), \
             http://en.kremlin.ru/events/president/news/67800\n\
             https://example.org/talks/?q=a#t1\n"
        );
        assert!(c.html.starts_with(
            "<blockquote cite=\"https://example.org/talks/?q=a#t1\">\n\
             <p>“Mr President, Let me welcome you to Moscow.”</p>\n<footer>— Vladimir Putin, \
             President of Russia<br>\n<cite><a href=\"https://example.org/talks/?q=a#t1\">\
             Russian-Belarusian talks</a></cite>, February 18, 2022<br>\nSource: <a href=\
             \"http://en.kremlin.ru/events/president/news/67800\">President of Russia \
             website, kremlin.ru</a> (CC BY 4.0)</footer>"
        ));
    }

    #[test]
    fn a_selection_is_widened_to_whole_words() {
        let t = talk("en", &["Mr President,", "Let me welcome you to Moscow."]);
        // "come you t" inside "welcome you to".
        let c = cite(&t, 0, passage((1, 10), (1, 20)), link(true), WORDS).unwrap();
        assert_eq!(c.quote, "“welcome you to”");
        assert_eq!(
            c.link,
            "https://example.org/talks/?q=a#t1:~:text=welcome%20you%20to"
        );
        // Over two paragraphs: start and end, each in its own paragraph.
        let c = cite(&t, 0, passage((0, 3), (1, 6)), link(true), WORDS).unwrap();
        assert_eq!(c.quote, "“President, Let me”");
        assert!(
            c.link.ends_with("#t1:~:text=President%2C,Let%20me"),
            "{}",
            c.link
        );
        // Out of bounds: clamped to the paragraph's end (so from the next one's first
        // word), and to the last paragraph's.
        let c = cite(&t, 0, passage((0, 99), (7, 999)), link(false), WORDS).unwrap();
        assert_eq!(c.quote, "“Let me welcome you to Moscow.”");
        let whole = cite(&t, 0, None, link(false), WORDS).unwrap();
        for empty in [((1, 5), (1, 5)), ((1, 9), (1, 2)), ((1, 6), (1, 7))] {
            // Empty, backwards, a space only: the whole turn.
            let c = cite(&t, 0, passage(empty.0, empty.1), link(false), WORDS).unwrap();
            assert_eq!(c, whole, "{empty:?}");
        }
    }

    #[test]
    fn mid_character_offsets_do_not_panic() {
        let t = talk("ru", &["Уважаемый Александр Григорьевич!", "Рад видеть."]);
        for start in 0..12 {
            for end in [start, start + 1, 17, 40, 61] {
                let _ = cite(&t, 0, passage((0, start), (0, end)), link(true), WORDS);
                let _ = cite(&t, 0, passage((0, start), (1, end)), link(true), WORDS);
            }
        }
        // "Алекс" starts at byte 19 (a Cyrillic letter is two bytes); 21 is inside "л".
        let c = cite(&t, 0, passage((0, 21), (0, 23)), link(true), WORDS).unwrap();
        assert_eq!(c.quote, "«Александр»");
        assert!(
            c.link
                .ends_with(":~:text=%D0%90%D0%BB%D0%B5%D0%BA%D1%81%D0%B0%D0%BD%D0%B4%D1%80"),
            "{}",
            c.link
        );
    }

    #[test]
    fn quotation_marks_follow_the_language_and_nest() {
        assert_eq!(quote_marks("en-GB"), ("“", "”"));
        assert_eq!(quote_marks("ru"), ("«", "»"));
        assert_eq!(quote_marks("RU_ru"), ("«", "»"));
        assert_eq!(quote_marks("de"), ("„", "“"));
        assert_eq!(quote_marks(""), ("“", "”"));
        let t = talk("en", &["He said “no” twice."]);
        assert_eq!(
            cite(&t, 0, None, link(false), WORDS).unwrap().quote,
            "“He said ‘no’ twice.”"
        );
        let t = talk("ru", &["Он сказал: «нет»."]);
        assert_eq!(
            cite(&t, 0, None, link(false), WORDS).unwrap().quote,
            "«Он сказал: „нет“.»"
        );
    }

    #[test]
    fn white_space_collapses_but_a_no_break_space_stays() {
        let t = talk(
            "ru",
            &[
                "  10\u{a0}000  рублей,\tт.\u{a0}е. \u{a0} много  ",
                "",
                " ещё ",
            ],
        );
        let c = cite(&t, 0, None, link(true), WORDS).unwrap();
        assert_eq!(c.quote, "«10\u{a0}000 рублей, т.\u{a0}е. много ещё»");
        // The directive is the page's own text: the no-break space as it is there.
        assert!(c.link.contains("text=10%C2%A0000"), "{}", c.link);
        assert!(c.link.ends_with(",%D0%B5%D1%89%D1%91"), "{}", c.link);
    }

    #[test]
    fn long_quotes_are_trimmed_with_an_ellipsis_and_linked_by_their_ends() {
        let many: Vec<String> = (1..=300).map(|i| format!("w{i}")).collect();
        let text = many.join(" ");
        let t = talk("en", &[&text]);
        let c = cite(&t, 0, None, link(true), WORDS).unwrap();
        assert!(
            c.quote.ends_with(&format!("w{MAX_QUOTE_WORDS}…”")),
            "{}",
            c.quote
        );
        assert!(!c.quote.contains(&format!("w{} ", MAX_QUOTE_WORDS + 1)));
        assert!(
            c.link
                .ends_with(":~:text=w1%20w2%20w3%20w4,w297%20w298%20w299%20w300"),
            "{}",
            c.link
        );
        // A "word" of 100 KB: cut by length, on a char boundary.
        let long = "ж".repeat(50_000);
        let t = talk("ru", &[&long]);
        let c = cite(&t, 0, None, link(false), WORDS).unwrap();
        assert!(c.quote.len() <= MAX_QUOTE_BYTES + 10, "{}", c.quote.len());
        assert!(c.quote.ends_with("ж…»"));
        // A short quote within one paragraph is its own directive, up to EXACT_WORDS.
        let t = talk("en", &["one two three four five six seven eight nine"]);
        let c = cite(&t, 0, passage((0, 0), (0, 39)), link(true), WORDS).unwrap();
        assert!(c
            .link
            .ends_with("text=one%20two%20three%20four%20five%20six%20seven%20eight"));
        let c = cite(&t, 0, None, link(true), WORDS).unwrap();
        assert!(c
            .link
            .ends_with("text=one%20two%20three%20four,six%20seven%20eight%20nine"));
    }

    #[test]
    fn directive_terms_encode_its_syntax_and_quotes() {
        assert_eq!(encode_term("a-b, c&d"), "a%2Db%2C%20c%26d");
        assert_eq!(encode_term("“Yes”"), "%E2%80%9CYes%E2%80%9D");
        assert_eq!(encode_term("#%:~="), "%23%25%3A~%3D");
        assert_eq!(encode_term("(it's) ok!*."), "(it's)%20ok!*.");
    }

    #[test]
    fn hostile_text_is_escaped_in_the_html_and_plain_in_the_text() {
        let mut t = talk("en", &["<script>alert(1)</script> & \"x\" 'y'"]);
        t.title = "<img src=x onerror=alert(2)>".into();
        t.speakers[0].name = "<b>Bold</b>".into();
        t.speakers[0].role = None;
        t.source.credit = Some("A & B <i>".into());
        t.source.url = Some("javascript:alert(3)".into());
        t.source.license = None;
        let l = CiteLink {
            page: "https://x/\"><script>",
            fragment: "t1\"'<>",
            text_directive: true,
        };
        let c = cite(&t, 0, None, l, WORDS).unwrap();
        for bad in ["<script", "<img", "<b>", "<i>", "javascript:", "\"><"] {
            assert!(!c.html.contains(bad), "{bad} in {}", c.html);
        }
        assert!(c
            .html
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot; &#39;y&#39;"));
        assert!(
            c.text.contains("“<script>alert(1)</script> & \"x\" 'y'”"),
            "{}",
            c.text
        );
        assert!(c.text.contains("\n— <b>Bold</b>\n"), "{}", c.text);
        assert!(
            c.text.contains("Source: A & B <i>\n"),
            "no javascript: link: {}",
            c.text
        );
        // The fragment's characters are percent-encoded: no quote or angle bracket (the
        // page's address is the browser's, encoded by it; in the HTML it is escaped).
        let (_, fragment) = c.link.split_once('#').unwrap();
        assert!(!fragment.contains(['"', '<', '>']), "{}", c.link);
        assert!(c
            .html
            .contains("cite=\"https://x/&quot;&gt;&lt;script&gt;#t1%22%27%3C%3E:~:"));
    }

    #[test]
    fn what_the_transcript_lacks_is_left_out() {
        let mut t = talk("en", &["Narration."]);
        t.title.clear();
        t.source.credit = None;
        t.source.license = None;
        t.source.url = None;
        let words = CiteWords {
            source: "Source",
            date: None,
        };
        // The second turn is unattributed: no speaker line.
        let l = CiteLink {
            fragment: "t2",
            ..link(false)
        };
        let c = cite(&t, 1, None, l, words).unwrap();
        assert_eq!(
            c.text,
            "“Narration.”\nTranscript\nSource: talks.txt\nhttps://example.org/talks/?q=a#t2\n"
        );
        assert!(!c.html.contains("— "), "{}", c.html);
        // No turn, an empty turn, a turn of spaces: nothing to cite.
        assert_eq!(cite(&t, 2, None, link(false), words), None);
        t.turns[0].paragraphs.clear();
        assert_eq!(cite(&t, 0, None, link(false), words), None);
        t.turns[0].paragraphs = vec![" \u{a0} ".into(), String::new()];
        assert_eq!(
            cite(&t, 0, passage((0, 0), (1, 0)), link(false), words),
            None
        );
    }
}
