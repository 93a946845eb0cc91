//! The head of a page, read the same way for every shape: the chrome before the title
//! (menus, site names, breadcrumbs, banners), the title, and the date, time and place
//! lines around it. What a line *is* comes from the shape ([`shape::head_line`]); where
//! the title is comes from the page's order, which is common to all of them:
//!
//! - the title is the last heading-like line before the date line, or, when the date
//!   comes first, the first heading-like line after it;
//! - with no date line, it is the last heading-like line before the first paragraph;
//! - with no heading-like line, there is no title (a print page that starts with a
//!   label, a text that starts with a sentence).

use super::dateline::{self, Dateline};
use super::engine::Labels;
use super::lines::{is_separator, Line};
use super::shape::{self, HeadLine, Shape};
use super::text::{key, normalize_spaces};

/// How many lines from the top the title and date may be looked for in.
const HEAD_LINES: usize = 60;

/// What the head of a page says.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Head {
    /// The title as the page writes it, prefixes such as `TRANSCRIPT:` dropped.
    pub title: Option<String>,
    /// Index of the title line.
    pub title_at: Option<usize>,
    /// The date line parsed, with its index.
    pub dateline: Option<(Dateline, usize)>,
    /// A date found inside the title when there is no date line.
    pub embedded_date: Option<String>,
    /// A time line's time.
    pub time: Option<String>,
    /// A place line's place.
    pub place: Option<String>,
    /// The breadcrumb's sections, joined with ` / `.
    pub kind: Option<String>,
    /// The page names the shape's site.
    pub site: bool,
    /// Indexes of the lines the head used up (chrome, title, date, place, time lines);
    /// the rest from `start` on is the body.
    pub used: Vec<usize>,
    /// Where the body starts: nothing before it is content.
    pub start: usize,
    /// Label-shaped lines that are headings: a colon inside a title (`Lord Speaker:
    /// Baroness Hayman`) above the page's date line.
    pub headings: Vec<usize>,
}

/// What one head line is.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    Known(HeadLine),
    /// A dateline in the shared grammar.
    Date(Dateline),
    /// Short, no sentence end: a title, a subtitle, a menu item.
    Heading,
    /// A sentence or more: summary text.
    Paragraph,
    /// A speaker label or a section break: the body has begun.
    Stop,
}

fn classify(shape: &dyn Shape, line: &str, label: bool) -> Kind {
    if is_separator(line) || label {
        return Kind::Stop;
    }
    let known = shape::head_line(shape, line);
    if let Some(HeadLine::Date(d)) = known {
        return Kind::Date(d);
    }
    if !matches!(known, Some(HeadLine::Chrome | HeadLine::Site)) {
        if let Some(d) = dateline::parse(line).or_else(|| date_field(line)) {
            return Kind::Date(d);
        }
    }
    if let Some(h) = known {
        return Kind::Known(h);
    }
    if let Some(k) = parts_line(line) {
        return k;
    }
    if strip_prefix(line).len() < line.len() {
        return Kind::Heading;
    }
    if is_heading(line) {
        Kind::Heading
    } else {
        Kind::Paragraph
    }
}

/// `White House Oval Office  •  Washington D.C.  •  June 20  •  12:10 P.M. EDT`: parts
/// set apart by bullets or bars, at least one a date or a time and the others names.
/// The date makes it a dateline; a date with no year is not a date, but it still tells
/// the names are the place.
fn parts_line(line: &str) -> Option<Kind> {
    if line.len() > 400 {
        return None;
    }
    let norm = normalize_spaces(line);
    let sep = [" • ", " | ", " · "]
        .into_iter()
        .find(|s| norm.contains(s))?;
    let parts: Vec<&str> = norm.split(sep).map(str::trim).collect();
    if !(2..=6).contains(&parts.len()) {
        return None;
    }
    let (mut date, mut time, mut places, mut when) = (None, None, Vec::new(), false);
    for p in parts {
        if let Some((d, _)) = dateline::parse_date(p).filter(|(_, rest)| rest.trim().is_empty()) {
            date.get_or_insert(d);
        } else if let Some(t) = shape::time_line(p) {
            time.get_or_insert(t);
        } else if dateline::is_month_day(p) {
        } else if p.chars().any(char::is_alphabetic) && dateline::is_name(p) {
            places.push(p);
            continue;
        } else {
            return None;
        }
        when = true;
    }
    let place = (!places.is_empty()).then(|| places.join(", "));
    match date {
        Some(date) => Some(Kind::Date(Dateline { date, time, place })),
        None if when => place.map(|p| Kind::Known(HeadLine::Place(p))),
        None => None,
    }
}

/// `Date: 12 March 2014`, `Meeting date: Thursday, February 23, 2017`: a field that
/// gives the date.
fn date_field(line: &str) -> Option<Dateline> {
    let (field, value) = line.split_once(':')?;
    let f = key(field);
    (f.len() <= 24 && (f == "date" || f.ends_with(" date") || f == "дата"))
        .then(|| dateline::parse(value))
        .flatten()
}

/// Short and not ended like a sentence: `Russian-Belarusian talks`, `Engagements`.
pub fn is_heading(line: &str) -> bool {
    let n = line.chars().count();
    if n > 200 || !line.chars().any(char::is_alphabetic) {
        return false;
    }
    let words = line.split_whitespace().count();
    let last = line
        .trim_end_matches(['"', '”', '»', '’', '\'', ')'])
        .chars()
        .last();
    // A sentence inside (`… from France.  {transcript will follow}`) makes a paragraph.
    let sentence_inside = line.match_indices(". ").any(|(i, _)| {
        let word = line[..i].rsplit(' ').next().unwrap_or("");
        word.chars().count() >= 4
            && word.chars().all(char::is_alphabetic)
            && line[i + 2..].split_whitespace().count() >= 3
    });
    if sentence_inside {
        return false;
    }
    // A title has a word of four letters or more (not `4 OCT 4`, a stamp).
    let worded = line
        .split(|c: char| !c.is_alphabetic())
        .any(|w| w.chars().count() >= 4);
    words <= 30 && worded && !matches!(last, Some('.' | ',' | ';' | ':'))
}

/// `TRANSCRIPT: “Direct Line”`, `Full text: …`, `RUSSIALINK TRANSCRIPT: …`: the title
/// without its prefix, its quotes and a trailing ` – Site` or ` | Site`.
pub fn strip_prefix(line: &str) -> &str {
    let mut t = line;
    if let Some(colon) = t.find(':') {
        let head = key(&t[..colon]);
        let words: Vec<&str> = head.split(' ').collect();
        let last = words.last().copied().unwrap_or("");
        if words.len() <= 3
            && matches!(
                last,
                "transcript" | "text" | "full text" | "stenogram" | "стенограмма"
            )
            || matches!(
                head.as_str(),
                "full text" | "full transcript" | "read" | "watch" | "полный текст" | "текст"
            )
        {
            t = t[colon + 1..].trim_start();
        }
    }
    t
}

/// `April 26, 2019 REMARKS BY PRESIDENT TRUMP`: a date a heading starts with, and the
/// heading after it.
fn leading_date(line: &str) -> Option<(String, &str)> {
    let (date, rest) = dateline::parse_date(line)?;
    let rest = rest.trim_start_matches([',', ' ', '–', '—', '-', ':', '|']);
    is_heading(rest).then_some((date, rest))
}

/// The title's text: prefix, enclosing quotes and a one-word source suffix dropped.
fn title_text(line: &str) -> String {
    let line = line.trim_start_matches(['•', '·', '◦', '▪', '‣', ' ', '\u{a0}']);
    let line = leading_date(line).map_or(line, |(_, rest)| rest);
    let t = strip_prefix(line);
    let mut t = normalize_spaces(t);
    for sep in [" | ", " – ", " — ", " - "] {
        if let Some(at) = t.rfind(sep) {
            let tail = &t[at + sep.len()..];
            let site_like = tail.split(' ').count() == 1
                && (tail.contains('.') || tail.chars().skip(1).any(char::is_uppercase));
            if site_like || (sep == " | " && tail.split(' ').count() <= 4) {
                t.truncate(at);
            }
        }
    }
    // `Direct Line (transcript concluded)`: an editor's note on the repost.
    if let Some(open) = t.rfind(" (") {
        let note = t[open + 2..].trim_end_matches(['”', '"', '»']);
        if let Some(note) = note.strip_suffix(')') {
            let n = note.to_lowercase();
            if [
                "transcript",
                "continued",
                "concluded",
                "excerpts",
                "full text",
                "part ",
            ]
            .iter()
            .any(|w| n.contains(w))
            {
                let tail = t[open..]
                    .trim_start_matches(|c| c != ')')
                    .trim_start_matches(')')
                    .to_string();
                t.truncate(open);
                t.push_str(&tail);
            }
        }
    }
    let quotes: &[(char, char)] = &[('“', '”'), ('"', '"'), ('«', '»'), ('„', '“'), ('‘', '’')];
    for &(open, close) in quotes {
        if let Some(inner) = t.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            if !inner.contains([open, close]) {
                return inner.trim().to_string();
            }
        }
    }
    // Only the original's spaces are kept when nothing was cut.
    if t == normalize_spaces(line) {
        return line.to_string();
    }
    t
}

/// A date at the end of a heading: `…, 6/4/2015` (US order), `… - October 14, 2015`,
/// `… 12 March 2014`, `… 12.03.2014`.
pub fn embedded_date(line: &str) -> Option<String> {
    let norm = normalize_spaces(line);
    let words: Vec<&str> = norm.split(' ').collect();
    let n = words.len();
    for take in [4, 3] {
        if n > take {
            let tail = words[n - take..].join(" ");
            if let Some(d) =
                dateline::parse(&tail).filter(|d| d.place.is_none() && d.time.is_none())
            {
                return Some(d.date);
            }
        }
    }
    let last = words.last()?.trim_end_matches(['.', ')']);
    let last = last.trim_start_matches('(');
    crate::dates::numeric(last)
}

/// Headings right before a time line, with no place line there, are the place when
/// they read like one (`Joint Base Andrews` / `Prince George’s County, Maryland` /
/// `11:47 A.M. EDT`): every word capitalised but `of`, `the`, at most two lines.
fn places_before_times(lines: &[Line], kinds: &mut [Kind]) {
    for t in 0..kinds.len() {
        if !matches!(kinds[t], Kind::Known(HeadLine::Time(_))) {
            continue;
        }
        let mut i = t;
        while i > 0
            && t - i < 2
            && kinds[i - 1] == Kind::Heading
            && is_place_like(lines[i - 1].text)
        {
            i -= 1;
        }
        for j in i..t {
            kinds[j] = Kind::Known(HeadLine::Place(normalize_spaces(lines[j].text)));
        }
    }
}

fn is_place_like(line: &str) -> bool {
    let norm = normalize_spaces(line);
    let words: Vec<&str> = norm.split(' ').collect();
    words.len() <= 8
        && !super::text::is_all_caps(&norm)
        && words.iter().all(|w| {
            matches!(*w, "of" | "the" | "de" | "la")
                || super::text::starts_upper(w)
                || w.starts_with(|c: char| c.is_ascii_digit())
        })
}

/// Label-shaped lines that are headings, made [`Kind::Heading`]: a date line follows
/// them with only headings and known head lines between, and the label's line reads
/// as a heading, not as speech (`Lord Speaker: Baroness Hayman` / `Lords Chamber` /
/// `Monday 5th September 2011`). Speech after a label never comes before the date.
fn label_headings(lines: &[Line], kinds: &mut [Kind], labels: &Labels) -> Vec<usize> {
    let mut found = Vec::new();
    let Some(date) = kinds.iter().position(|k| matches!(k, Kind::Date(_))) else {
        return found;
    };
    for i in (0..date).rev() {
        match &kinds[i] {
            Kind::Heading | Kind::Known(_) => {}
            Kind::Stop if labels.is_label(i) && is_heading(lines[i].text) => {
                kinds[i] = Kind::Heading;
                found.push(i);
            }
            _ => break,
        }
    }
    found.reverse();
    found
}

/// Headings whose line the page wrapped: the next line follows with no blank line and
/// either starts in lower case, or both are in capitals (a title set over two lines),
/// or the heading is a printed line's width and the next is no longer (a hard-wrapped
/// paragraph: `The committee met, pursuant to call, at 2:05 p. m., Senator Homer` /
/// `E. Capehart (chairman) presiding.`). The two are read as one line: a heading
/// (its text returned at the first index, the second made part of it) or a paragraph.
fn join_wrapped(lines: &[Line], kinds: &mut [Kind]) -> Vec<Option<String>> {
    let mut wrapped = vec![None; lines.len()];
    for i in 0..lines.len().saturating_sub(1) {
        let (a, b) = (lines[i].text, lines[i + 1].text);
        if kinds[i] != Kind::Heading
            || !matches!(kinds[i + 1], Kind::Heading | Kind::Paragraph)
            || lines[i + 1].no != lines[i].no + 1
        {
            continue;
        }
        let caps =
            |t: &str| t.chars().any(char::is_alphabetic) && !t.chars().any(char::is_lowercase);
        let (la, lb) = (a.chars().count(), b.chars().count());
        let wraps = b.starts_with(char::is_lowercase)
            || caps(a) && caps(b)
            || la >= 55 && lb <= la + la / 5;
        if !wraps {
            continue;
        }
        let joined = format!("{a} {b}");
        if is_heading(&joined) {
            wrapped[i] = Some(joined);
            kinds[i + 1] = Kind::Known(HeadLine::Chrome);
        } else {
            kinds[i] = Kind::Paragraph;
            kinds[i + 1] = Kind::Paragraph;
        }
    }
    wrapped
}

/// Reads the head of `lines` for `shape`.
pub fn read(lines: &[Line], shape: &dyn Shape, labels: &Labels) -> Head {
    let n = lines.len().min(HEAD_LINES);
    let mut head = Head::default();
    let kinds: Vec<Kind> = lines[..n]
        .iter()
        .enumerate()
        .map(|(i, l)| classify(shape, l.text, labels.is_label(i)))
        .collect();
    let mut kinds = kinds;
    head.headings = label_headings(lines, &mut kinds, labels);
    let wrapped = join_wrapped(&lines[..n], &mut kinds);
    let stop = kinds.iter().position(|k| *k == Kind::Stop).unwrap_or(n);
    places_before_times(lines, &mut kinds[..stop]);
    // The first paragraph after a heading: a banner sentence above everything else
    // (`This is historical material …`) does not end the head.
    let first_heading = kinds[..stop].iter().position(|k| *k == Kind::Heading);
    let first_paragraph = kinds[..stop]
        .iter()
        .enumerate()
        .position(|(i, k)| *k == Kind::Paragraph && first_heading.is_some_and(|h| h < i))
        .unwrap_or(stop);

    // The date: the first date line before the body begins.
    let date_at = kinds[..stop]
        .iter()
        .position(|k| matches!(k, Kind::Date(_)));
    let heading = |i: usize| kinds[i] == Kind::Heading;
    // A line that says it is a transcript (`TRANSCRIPT: …`) is the title; so is a
    // heading that carries the date line's own date (`Daily Press Briefing - October
    // 14, 2015` above `October 14, 2015`).
    let prefixed = (0..first_paragraph.min(stop))
        .find(|&i| heading(i) && strip_prefix(lines[i].text).len() < lines[i].text.len());
    let dated = date_at.and_then(|d| {
        let Kind::Date(dl) = &kinds[d] else {
            return None;
        };
        (0..d).find(|&i| {
            heading(i) && embedded_date(lines[i].text).as_deref() == Some(dl.date.as_str())
        })
    });
    // A record's item after the sitting's date (or after a heading carrying the date).
    let sitting = date_at.or_else(|| {
        (0..first_paragraph.min(stop))
            .find(|&i| heading(i) && embedded_date(lines[i].text).is_some())
    });
    let item = sitting.filter(|_| shape.title_after_date()).and_then(|d| {
        (d + 1..stop)
            .take_while(|&i| kinds[i] != Kind::Paragraph)
            .find(|&i| heading(i))
            .filter(|_| stop < n && (d + 1..stop).all(|i| kinds[i] != Kind::Paragraph))
    });
    let title_at = match date_at {
        _ if item.is_some() => item,
        _ if prefixed.is_some() => prefixed,
        _ if dated.is_some() => dated,
        Some(d) => (0..d.min(first_paragraph))
            .rev()
            .find(|&i| heading(i))
            .or_else(|| {
                // The date came first: the first heading after it and its place/time lines.
                (d + 1..stop)
                    .take_while(|&i| kinds[i] != Kind::Paragraph)
                    .find(|&i| heading(i))
            }),
        None => (0..first_paragraph).rev().find(|&i| heading(i)),
    };
    if let Some(d) = date_at {
        if let Kind::Date(dl) = &kinds[d] {
            head.dateline = Some((dl.clone(), d));
        }
    }
    // A date the title starts with is the transcript's; a date line above the title
    // that says otherwise is the page's own (a blog post's date).
    if let (Some(t), Some((dl, d))) = (title_at, &head.dateline) {
        if let Some((date, _)) = leading_date(lines[t].text) {
            if *d < t && date != dl.date {
                head.dateline = None;
                head.embedded_date = Some(date);
            }
        }
    }
    // No date line: a date inside the title (`…, 6/4/2015`, `… - October 14, 2015`).
    if head.dateline.is_none() && head.embedded_date.is_none() {
        // Else a date ending another heading (`Meeting of the Parliament 11 December 2019`).
        head.embedded_date = title_at
            .and_then(|t| embedded_date(lines[t].text))
            .or_else(|| {
                (0..stop)
                    .filter(|&i| heading(i))
                    .find_map(|i| embedded_date(lines[i].text))
            });
    }
    head.title_at = title_at;
    head.title = title_at.map(|i| title_text(wrapped[i].as_deref().unwrap_or(lines[i].text)));
    let title_end = title_at.map(|t| t + usize::from(wrapped[t].is_some()));

    // Chrome, site, breadcrumb, place and time lines anywhere in the head are used up;
    // lines before the title (or before the date when there is no title) are not
    // content.
    let mut start = title_at.map_or(0, |t| t + 1);
    if title_at.is_none() {
        if let Some(d) = date_at {
            start = d + 1;
        }
    }
    let mut last_place: Option<usize> = None;
    for (i, k) in kinds[..stop].iter().enumerate() {
        let used = match k {
            Kind::Known(HeadLine::Chrome) => true,
            Kind::Known(HeadLine::Site) => {
                head.site = true;
                true
            }
            Kind::Known(HeadLine::Breadcrumb(parts)) => {
                head.kind = Some(parts.join(" / "));
                true
            }
            Kind::Known(HeadLine::Place(p)) => {
                // Place lines in a row are one place (`Aboard Air Force One` / `En Route
                // Washington, D.C.`).
                match &mut head.place {
                    None => head.place = Some(p.clone()),
                    Some(place) if last_place == Some(i.wrapping_sub(1)) => {
                        place.push_str(", ");
                        place.push_str(p);
                    }
                    Some(_) => {}
                }
                last_place = Some(i);
                true
            }
            Kind::Known(HeadLine::Time(t)) => {
                head.time.get_or_insert_with(|| t.clone());
                true
            }
            Kind::Date(_) => Some(i) == date_at,
            // The title again (`Office of the Press Secretary` between the two).
            Kind::Heading
                if head.title.as_deref().is_some_and(|t| {
                    key(&title_text(wrapped[i].as_deref().unwrap_or(lines[i].text))) == key(t)
                }) =>
            {
                true
            }
            _ => title_at.is_some_and(|t| (t..=title_end.unwrap_or(t)).contains(&i)),
        };
        if used {
            head.used.push(i);
            // A run of head lines right after the title belongs to the head.
            if i == start {
                start += 1;
            }
        }
    }
    // With no title, the chrome at the very top is not content either.
    head.start = start;
    if let Some((d, _)) = &mut head.dateline {
        if d.place.is_none() {
            d.place = head.place.clone();
        }
        if d.time.is_none() {
            d.time = head.time.clone();
        }
    }
    head
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_and_paragraphs() {
        assert!(is_heading("Russian-Belarusian talks"));
        assert!(is_heading("Why are we here?"));
        assert!(!is_heading(
            "Vladimir Putin held talks with Alexander Lukashenko."
        ));
        assert!(!is_heading("2022"));
        assert!(!is_heading(
            "He met Emmanuel from France.  {transcript will follow later}"
        ));
        assert!(is_heading("Talks with Mr. Smith in St. Petersburg"));
    }

    #[test]
    fn lines_of_parts() {
        let place = |p: &str| Some(Kind::Known(HeadLine::Place(p.into())));
        assert_eq!(
            parts_line(
                "White House Oval Office  •  Washington D.C.  •  June 20  •  12:10 P.M. EDT"
            ),
            place("White House Oval Office, Washington D.C.")
        );
        assert_eq!(
            parts_line("Moscow | March 12, 2014 | 3:30 PM"),
            Some(Kind::Date(Dateline {
                date: "2014-03-12".into(),
                time: Some("15:30".into()),
                place: Some("Moscow".into()),
            }))
        );
        // Navigation bars, titles with the site's name, and sentences are not.
        assert_eq!(parts_line("Home • About • Contact"), None);
        assert_eq!(
            parts_line("Remarks by President Trump | Eastern North Carolina Now"),
            None
        );
        assert_eq!(parts_line("We met on June 20 | it rained"), None);
    }

    #[test]
    fn title_prefixes() {
        assert_eq!(
            title_text("RUSSIALINK TRANSCRIPT: “Direct Line with Vladimir Putin” – KremlinRu"),
            "Direct Line with Vladimir Putin"
        );
        assert_eq!(title_text("Full text: Putin's speech"), "Putin's speech");
        assert_eq!(
            title_text("TRANSCRIPT: “Direct Line (transcript concluded)” – KremlinRu"),
            "Direct Line"
        );
        assert_eq!(title_text("TRANSCRIPT: Meeting"), "Meeting");
        assert_eq!(
            title_text("Russian-Belarusian talks – press statements"),
            "Russian-Belarusian talks – press statements"
        );
        assert_eq!(title_text("Talks\u{a0}with Egypt"), "Talks\u{a0}with Egypt");
    }
}
