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

mod dateline;
mod label;
mod page;
pub mod text;

use crate::model::{Source, Speaker, Transcript, Turn, SCHEMA_VERSION};
use std::fmt;
use text::{key, trim};

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
}

/// A converted transcript and the warnings met on the way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conversion {
    /// The transcript.
    pub transcript: Transcript,
    /// Warnings, in line order.
    pub warnings: Vec<Diagnostic>,
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

/// One non-blank input line, trimmed, with its 1-based number.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    no: usize,
    text: &'a str,
}

fn lines(text: &str) -> Vec<Line<'_>> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut out = Vec::new();
    let mut no = 0;
    let mut rest = text;
    while !rest.is_empty() || no == 0 {
        no += 1;
        let end = line_end(rest);
        let line = &rest[..end];
        let mut next = &rest[end..];
        if let Some(c) = next.chars().next() {
            next = &next[c.len_utf8()..];
            if c == '\r' {
                next = next.strip_prefix('\n').unwrap_or(next);
            }
        }
        let t = trim(line);
        if !t.is_empty() {
            out.push(Line { no, text: t });
        }
        rest = next;
        if rest.is_empty() {
            break;
        }
    }
    out
}

/// Byte offset of the first line break in `s` (`\n`, `\r`, U+2028, U+2029), or its length.
/// A byte scan: this runs over every byte of the input.
fn line_end(s: &str) -> usize {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' | b'\r' => return i,
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
            0xE2 if b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xA8 | 0xA9)) => {
                return i
            }
            _ => i += 1,
        }
    }
    b.len()
}

/// `* * *`, `***`, `⁂`: a section break.
fn is_separator(line: &str) -> bool {
    if !line.starts_with(['*', '⁂']) {
        return false;
    }
    let stars = line.chars().filter(|&c| c == '*').count();
    (stars >= 3 && line.chars().all(|c| c == '*' || text::is_space(c))) || line == "⁂"
}

/// A label line that was taken, resolved to its speaker.
#[derive(Debug, Clone)]
struct Taken {
    speaker: usize,
    annotation: Option<String>,
    rest_start: usize,
}

/// A speaker while the document is read.
#[derive(Debug, Clone)]
struct Person {
    key: String,
    name: String,
    role: Option<String>,
    anonymous: bool,
    first_seen: usize,
}

/// Converts a transcript's text.
pub fn convert(text: &str, options: &Options) -> Result<Conversion, Diagnostic> {
    let lines = lines(text);
    let Some(last) = lines.last() else {
        return Err(Diagnostic::new(1, 1, "empty transcript: no text found"));
    };
    let mut warnings = Vec::new();

    // The head: chrome, site name, breadcrumb.
    let mut i = 0;
    let mut kind = None;
    let mut kremlin = false;
    while let Some(line) = lines.get(i) {
        match page::head(line.text) {
            Some(page::Head::Chrome) => {}
            Some(page::Head::KremlinSite) => kremlin = true,
            Some(page::Head::Breadcrumb(parts)) => kind = Some(parts.join(" / ")),
            None => break,
        }
        i += 1;
    }
    let no_title = |line: &Line, why: &str| {
        Err(Diagnostic::new(
            line.no,
            1,
            format!("no title found: {why}"),
        ))
    };
    if i == lines.len() {
        return no_title(last, "the text has only site navigation");
    }

    // Title and dateline (which may come first).
    let mut dateline = None;
    if let Some(d) = dateline::parse(lines[i].text) {
        match lines.get(i + 1) {
            None => return no_title(&lines[i], "the text has only a date"),
            Some(next) if dateline::parse(next.text).is_none() => {
                dateline = Some((d, i));
                i += 1;
            }
            Some(_) => {}
        }
    }
    let Some(title_line) = lines.get(i).copied() else {
        return no_title(last, "the text has only a date");
    };
    if label::scan(title_line.text).is_some_and(|c| c.words.len() > 1 || c.anonymous) {
        return no_title(&title_line, "the first line of text is a speaker label");
    }
    i += 1;
    if dateline.is_none() {
        if let Some(d) = lines.get(i).and_then(|l| dateline::parse(l.text)) {
            dateline = Some((d, i));
            i += 1;
        }
    }
    if dateline.is_none() {
        warnings.push(Diagnostic::new(
            title_line.no,
            1,
            "warning: no date line next to the title; the transcript has no date",
        ));
    }

    // The foot: publication details and the repeated dateline.
    let mut end = lines.len();
    let mut url = None;
    let dateline_key = dateline.as_ref().map(|(_, at)| key(lines[*at].text));
    while end > i {
        let t = lines[end - 1].text;
        match page::foot(t) {
            Some(page::Foot::Link(u)) => url = url.or(Some(u)),
            Some(page::Foot::Chrome) => {}
            None if dateline_key.as_deref() == Some(key(t).as_str()) => {}
            None => break,
        }
        end -= 1;
    }
    let body = &lines[i..end];

    let (labels, people) = read_labels(body, &mut warnings);

    // Summary: up to `* * *` when it comes before the first label, else up to the
    // first label, else all of it.
    let first_label = labels.iter().position(Option::is_some);
    let first_sep = body.iter().position(|l| is_separator(l.text));
    let summary_end = match (first_sep, first_label) {
        (Some(s), Some(l)) if s < l => s,
        (Some(s), None) => s,
        (_, Some(l)) => l,
        (None, None) => body.len(),
    };
    let summary: Vec<String> = body[..summary_end]
        .iter()
        .filter(|l| !is_separator(l.text))
        .map(|l| l.text.to_string())
        .collect();

    // Turns.
    // Each turn with its person (index into `people`) and its line number.
    let mut turns: Vec<(Turn, Option<usize>, usize)> = Vec::new();
    let mut open = false;
    for (line, taken) in body.iter().zip(&labels).skip(summary_end) {
        if is_separator(line.text) {
            open = false;
            continue;
        }
        match taken {
            Some(t) => {
                let rest = trim(&line.text[t.rest_start..]);
                turns.push((
                    Turn {
                        id: String::new(),
                        speaker: None,
                        annotation: t.annotation.clone(),
                        paragraphs: (!rest.is_empty())
                            .then(|| rest.to_string())
                            .into_iter()
                            .collect(),
                    },
                    Some(t.speaker),
                    line.no,
                ));
                open = true;
            }
            None if open => {
                if let Some((turn, _, _)) = turns.last_mut() {
                    turn.paragraphs.push(line.text.to_string());
                }
            }
            None => {
                turns.push((
                    Turn {
                        id: String::new(),
                        speaker: None,
                        annotation: None,
                        paragraphs: vec![line.text.to_string()],
                    },
                    None,
                    line.no,
                ));
                open = true;
            }
        }
    }
    turns.retain(|(turn, _, no)| {
        let keep = !turn.paragraphs.is_empty();
        if !keep {
            warnings.push(Diagnostic::new(
                *no,
                1,
                "warning: speaker label with no text after it; dropped",
            ));
        }
        keep
    });

    // Speakers in order of first appearance, with ids; only those with turns.
    let mut order: Vec<usize> = (0..people.len())
        .filter(|&p| turns.iter().any(|(_, who, _)| *who == Some(p)))
        .collect();
    order.sort_by_key(|&p| people[p].first_seen);
    let mut ids: Vec<Option<String>> = vec![None; people.len()];
    let mut speakers = Vec::new();
    for &p in &order {
        let person = &people[p];
        let base = match text::slug(&person.name) {
            s if s.is_empty() => "speaker".to_string(),
            s => s,
        };
        let mut id = base.clone();
        let mut n = 2;
        while speakers.iter().any(|s: &Speaker| s.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        ids[p] = Some(id.clone());
        speakers.push(Speaker {
            id,
            name: person.name.clone(),
            role: person.role.clone(),
            anonymous: person.anonymous,
        });
    }
    let turns: Vec<Turn> = turns
        .into_iter()
        .enumerate()
        .map(|(n, (mut turn, who, _))| {
            turn.id = format!("t{}", n + 1);
            turn.speaker = who.and_then(|p| ids[p].clone());
            turn
        })
        .collect();

    let title = title_line.text.to_string();
    let lang = options
        .lang
        .clone()
        .unwrap_or_else(|| detect_lang(&title, &summary, &turns));
    let url = options.url.clone().or(url);
    let kremlin = kremlin || url.as_deref().is_some_and(|u| u.contains("kremlin.ru"));
    let (date, time, place, dateline_text) = match dateline {
        Some((d, at)) => (
            Some(d.date),
            d.time,
            d.place,
            Some(lines[at].text.to_string()),
        ),
        None => (None, None, None, None),
    };
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
            kind,
            summary,
            speakers,
            turns,
            source: Source {
                file: options.file.clone(),
                credit: options
                    .credit
                    .clone()
                    .or_else(|| kremlin.then(|| "President of Russia website, kremlin.ru".into())),
                license: options
                    .license
                    .clone()
                    .or_else(|| kremlin.then(|| "CC BY 4.0".into())),
                url,
            },
        },
        warnings,
    })
}

/// Decides which label-shaped lines of the body are speaker labels and who speaks.
fn read_labels(body: &[Line], warnings: &mut Vec<Diagnostic>) -> (Vec<Option<Taken>>, Vec<Person>) {
    let candidates: Vec<Option<label::Candidate>> =
        body.iter().map(|l| label::scan(l.text)).collect();
    let is_single = |c: &label::Candidate| {
        c.words.len() == 1 && !c.anonymous && !c.role_only && !label::is_initials_form(&c.words[0])
    };
    // Labels several words long (or otherwise unmistakable) followed by a capital are
    // taken; the same label is then taken wherever it appears.
    let mut sure: Vec<String> = Vec::new();
    for c in candidates.iter().flatten() {
        if !is_single(c) && !c.lowercase_rest {
            let k = key(&c.label);
            if !sure.contains(&k) {
                sure.push(k);
            }
        }
    }
    let mut people: Vec<Person> = Vec::new();
    let mut taken: Vec<Option<Taken>> = vec![None; body.len()];
    for (n, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        if is_single(c) || !sure.contains(&key(&c.label)) {
            continue;
        }
        let (role, name, annotation) = if c.anonymous || c.role_only {
            (None, label::display_name(&c.label), c.annotation.clone())
        } else {
            let (role, name) = label::split_role(&c.words, &sure);
            match (&role, &c.annotation) {
                // `The Prime Minister (Boris Johnson)`: the note is the name.
                (None, Some(note)) if label::is_title(&c.words) && label::is_name(note) => (
                    Some(label::display_name(&name)),
                    label::display_name(note),
                    None,
                ),
                _ => (
                    role.map(|r| label::display_name(&r)),
                    label::display_name(&name),
                    c.annotation.clone(),
                ),
            }
        };
        let p = find_person(&people, &key(&name), c.anonymous).unwrap_or_else(|| {
            people.push(Person {
                key: key(&name),
                name: name.clone(),
                role: None,
                anonymous: c.anonymous,
                first_seen: n,
            });
            people.len() - 1
        });
        if people[p].role.is_none() {
            people[p].role = role;
        }
        taken[n] = Some(Taken {
            speaker: p,
            annotation,
            rest_start: c.rest_start,
        });
    }
    // Single capitalised words (`Putin:`, `PSAKI:`, `Note:`) are taken when they are a
    // known speaker's surname, written in capitals, or used as a label more than once.
    let mut singles: Vec<(String, usize)> = Vec::new();
    for c in candidates
        .iter()
        .flatten()
        .filter(|c| is_single(c) && !c.lowercase_rest)
    {
        let k = key(&c.label);
        match singles.iter_mut().find(|(s, _)| *s == k) {
            Some((_, count)) => *count += 1,
            None => singles.push((k, 1)),
        }
    }
    for (n, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        if !is_single(c) {
            continue;
        }
        let k = key(&c.label);
        let known = find_person(&people, &k, false);
        let repeated = singles.iter().any(|(s, count)| *s == k && *count > 1);
        let caps = text::is_all_caps(&c.label) && c.label.chars().count() > 1;
        if c.lowercase_rest && known.is_none() {
            continue;
        }
        if known.is_none() && !repeated && !caps {
            warnings.push(Diagnostic::new(
                body[n].no,
                c.colon_column,
                format!(
                    "warning: \"{}:\" looks like a speaker label but is a single word used once; kept as text",
                    c.label
                ),
            ));
            continue;
        }
        let p = known.unwrap_or_else(|| {
            people.push(Person {
                key: k.clone(),
                name: label::display_name(&c.label),
                role: None,
                anonymous: false,
                first_seen: n,
            });
            people.len() - 1
        });
        people[p].first_seen = people[p].first_seen.min(n);
        taken[n] = Some(Taken {
            speaker: p,
            annotation: c.annotation.clone(),
            rest_start: c.rest_start,
        });
    }
    (taken, people)
}

/// The speaker a name key refers to: the same key; a surname alone (`putin`) that
/// fits exactly one speaker; or initials and surname (`в.путин`) against a full name.
fn find_person(people: &[Person], k: &str, anonymous: bool) -> Option<usize> {
    if let Some(p) = people.iter().position(|p| p.key == k) {
        return Some(p);
    }
    if anonymous {
        return None;
    }
    let unique = |f: &dyn Fn(&Person) -> bool| {
        let mut hits = people
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.anonymous && f(p));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    if !k.contains([' ', '.']) {
        return unique(&|p| surname(&p.key) == k);
    }
    let (initials, sur) = split_initials(k)?;
    unique(&|p| {
        surname(&p.key) == sur
            && p.key
                .split([' ', '.'])
                .next()
                .and_then(|f| f.chars().next())
                == initials.chars().next()
    })
}

fn surname(k: &str) -> &str {
    k.rsplit([' ', '.']).next().unwrap_or(k)
}

/// `в.путин` → (`в`, `путин`).
fn split_initials(k: &str) -> Option<(&str, &str)> {
    let dot = k.rfind('.')?;
    let (init, sur) = (&k[..dot], &k[dot + 1..]);
    (!sur.is_empty() && !sur.contains(' ') && !init.contains(' ')).then_some((init, sur))
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
