//! Speaker labels: `President of Russia Vladimir Putin: text`, `В.Путин: текст`,
//! `Vladimir Putin (retranslated): text`, `MS. PSAKI: text`, `Question: text`.
//!
//! [`scan`] looks at one line and says whether the text before its first colon has the
//! grammar of a label; whether a grammatical single word (`Note:`, `Putin:`) is taken is
//! decided by the caller, which knows the whole document. [`split_role`] separates the
//! title from the name.

use super::text::{is_all_caps, key, normalize_spaces, starts_upper, trim};

/// A line that starts with something shaped like a speaker label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// The label without annotation, spaces normalised (`President of Russia Vladimir Putin`).
    pub label: String,
    /// Its words.
    pub words: Vec<String>,
    /// Parenthesised notes after the name, joined with `; ` (`retranslated`).
    pub annotation: Option<String>,
    /// The label names no person (`Question`, `Вопрос`).
    pub anonymous: bool,
    /// The label is a role alone that may stand as a single word (`Moderator`).
    pub role_only: bool,
    /// Byte offset in the line where the text after the colon starts.
    pub rest_start: usize,
    /// The text after the colon starts with a lower-case letter (`State: our …`).
    pub lowercase_rest: bool,
    /// 1-based column of the colon, for messages.
    pub colon_column: usize,
    /// A shape's own grammar vouches for it: taken even as a single word.
    pub sure: bool,
}

/// Words that may stand lower case inside a label: `President of the Republic of Belarus`.
const CONNECTORS: &[&str] = &[
    "of", "the", "and", "for", "on", "in", "at", "to", "with", "de", "da", "del", "della", "der",
    "den", "van", "von", "bin", "ibn", "al", "el", "la", "le", "du", "des", "dos", "das", "y", "e",
    "zu", "ter", "и", "по", "при", "с", "со", "в", "во", "на", "для", "из", "от", "де", "фон",
    "ван", "аль", "бен", "ибн",
];

/// Lower-case keys of words that make a title rather than a name.
const ROLE_WORDS: &[&str] = &[
    "president",
    "vice-president",
    "minister",
    "prime",
    "premier",
    "secretary",
    "governor",
    "chairman",
    "chairwoman",
    "chairperson",
    "chair",
    "deputy",
    "director",
    "director-general",
    "head",
    "chief",
    "ambassador",
    "mayor",
    "speaker",
    "senator",
    "commander",
    "commander-in-chief",
    "general",
    "officer",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "press",
    "adviser",
    "advisor",
    "aide",
    "ceo",
    "founder",
    "rector",
    "patriarch",
    "metropolitan",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "chancellor",
    "member",
    "representative",
    "commissioner",
    "envoy",
    "judge",
    "justice",
    "prosecutor",
    "attorney",
    "leader",
    "moderator",
    "host",
    "presenter",
    "interpreter",
    "correspondent",
    "journalist",
    "anchor",
    "lord",
    "baroness",
    "student",
    "teacher",
    "professor",
    "doctor",
    "worker",
    "студент",
    "студентка",
    "учитель",
    "президент",
    "председатель",
    "министр",
    "губернатор",
    "глава",
    "руководитель",
    "заместитель",
    "помощник",
    "пресс-секретарь",
    "генеральный",
    "директор",
    "мэр",
    "посол",
    "премьер-министр",
    "секретарь",
    "командующий",
    "начальник",
    "спикер",
    "советник",
    "ведущий",
    "модератор",
    "корреспондент",
    "журналист",
    "депутат",
    "сенатор",
    "патриарх",
    "митрополит",
];

/// Labels that name no person. Compared by [`key`].
const ANONYMOUS: &[&str] = &[
    "q",
    "a",
    "question",
    "questions",
    "follow-up question",
    "follow-up",
    "remark",
    "remarks",
    "reply",
    "answer",
    "response",
    "comment",
    "voice",
    "voices",
    "voice from the audience",
    "voice from audience",
    "audience",
    "audience member",
    "participant",
    "unidentified speaker",
    "unidentified participant",
    "unknown speaker",
    "speaker",
    "вопрос",
    "вопросы",
    "реплика",
    "реплики",
    "ответ",
    "голос",
    "голос из зала",
    "вопрос из зала",
    "из зала",
    "участник",
    "участница",
];

/// Single words that are a speaker's role and may stand alone as a label.
const ROLE_ONLY: &[&str] = &[
    "moderator",
    "host",
    "chair",
    "chairman",
    "chairwoman",
    "chairperson",
    "interviewer",
    "interviewee",
    "presenter",
    "narrator",
    "announcer",
    "interpreter",
    "translator",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "correspondent",
    "journalist",
    "ведущий",
    "ведущая",
    "модератор",
    "председательствующий",
    "переводчик",
    "корреспондент",
    "журналист",
];

/// What is written before a colon but is not a speaker. Compared by [`key`].
const NOT_SPEAKERS: &[&str] = &[
    "note",
    "notes",
    "nb",
    "n.b.",
    "ps",
    "p.s.",
    "update",
    "editor's note",
    "editor’s note",
    "source",
    "sources",
    "see also",
    "attention",
    "warning",
    "example",
    "photo",
    "photos",
    "video",
    "audio",
    "location",
    "time",
    "date",
    "place",
    "venue",
    "subject",
    "topic",
    "topics",
    "agenda",
    "summary",
    "transcript",
    "text",
    "press release",
    "posted",
    "joined",
    "posts",
    "location",
    "meeting date",
    "language",
    "email",
    "e-mail",
    "tel",
    "phone",
    "fax",
    "http",
    "https",
    "примечание",
    "справка",
    "внимание",
    "фото",
    "видео",
    "тема",
    "темы",
    "место",
    "дата",
    "время",
    "источник",
];

/// Honorifics that may carry a dot inside a label (`Mr.`, `Dr.`).
const ABBREVIATIONS: &[&str] = &[
    "mr.", "mrs.", "ms.", "mx.", "dr.", "prof.", "st.", "jr.", "sr.", "gen.", "col.", "lt.",
    "capt.", "rev.", "sen.", "rep.", "gov.", "hon.", "sir.", "messrs.",
];

/// The longest label we take, in characters.
const MAX_LABEL_CHARS: usize = 120;
/// The most words a label may have (`Deputy Prime Minister – Minister of Industry and
/// Trade of the Russian Federation Denis Manturov` has 15).
const MAX_LABEL_WORDS: usize = 20;

/// Looks at `line` (already trimmed) and returns the label it starts with, if its shape
/// is one; `None` for lines whose text before the colon is not label-shaped.
pub fn scan(line: &str) -> Option<Candidate> {
    // `• ANDREI VANDENKO: …`, `[Transcript 4:23 P.M. CEST]  PRESIDENT TRUMP: …`: a list
    // bullet or a bracketed note before the label.
    let skip = lead_in(line);
    if skip > 0 {
        let mut c = scan_label(&line[skip..])?;
        c.rest_start += skip;
        c.colon_column += line[..skip].chars().count();
        return Some(c);
    }
    scan_label(line)
}

/// Bytes of a leading list bullet or `[…]` note (with the spaces after it), or 0.
fn lead_in(line: &str) -> usize {
    let after_bullet = line.trim_start_matches(['•', '·', '◦', '▪', '‣']);
    let mut rest = if after_bullet.len() < line.len() {
        after_bullet.trim_start_matches(super::text::is_space)
    } else {
        line
    };
    if let Some(inner) = rest.strip_prefix('[') {
        if let Some(close) = inner.find(']').filter(|&c| c <= 40) {
            let after = &inner[close + 1..];
            let trimmed = after.trim_start_matches(super::text::is_space);
            if trimmed.len() < after.len() {
                rest = trimmed;
            }
        }
    }
    line.len() - rest.len()
}

fn scan_label(line: &str) -> Option<Candidate> {
    // The colon must come early: labels are short.
    // A byte search (this runs on every line): `:` or the full-width `：` (EF BC 9A),
    // within the first MAX_LABEL_CHARS + 40 characters (at most 4 bytes each).
    let window = &line.as_bytes()[..line.len().min((MAX_LABEL_CHARS + 40) * 4)];
    let (colon, colon_len) = window.iter().enumerate().find_map(|(i, &b)| match b {
        b':' => Some((i, 1)),
        0xEF if window.get(i + 1..i + 3) == Some(&[0xBC, 0x9A]) => Some((i, 3)),
        _ => None,
    })?;
    if line[..colon].chars().count() > MAX_LABEL_CHARS + 40 {
        return None;
    }
    let prefix = trim(&line[..colon]);
    if prefix.is_empty() || prefix.chars().count() > MAX_LABEL_CHARS {
        return None;
    }
    let rest = &line[colon + colon_len..];
    let rest_trimmed = trim(rest);
    let rest_start = line.len() - rest.trim_start_matches(super::text::is_space).len();
    // `15:50`, `http://`: the colon is inside a word; but `Name (retranslated):Mr
    // President` only lost its space.
    if rest.starts_with(|c: char| c.is_alphanumeric() || c == '/') && !prefix.ends_with(')') {
        return None;
    }
    // `Urantia Book Study Poll: 29`: a field and its number, not a speech.
    if !rest_trimmed.is_empty()
        && rest_trimmed.len() <= 12
        && rest_trimmed
            .bytes()
            .all(|b| b.is_ascii_digit() || b".,% ".contains(&b))
    {
        return None;
    }
    // `Aye: 84 MSPs`, `Noes: 200`: a division's count.
    if rest_trimmed.starts_with(|c: char| c.is_ascii_digit())
        && matches!(
            key(prefix).as_str(),
            "aye"
                | "ayes"
                | "no"
                | "noes"
                | "abstentions"
                | "for"
                | "against"
                | "contents"
                | "not contents"
        )
    {
        return None;
    }
    let norm = normalize_spaces(prefix);
    let (name_part, mut annotation) = split_annotations(&norm)?;
    // `Valeriya Korableva, reporter at Channel One`: a name, then who they are.
    let name_part = match name_part.split_once(", ") {
        Some((name, who))
            if (2..=4).contains(&name.split(' ').count())
                && who.split(' ').count() >= 2
                && who.split(' ').count() <= 10
                && who.starts_with(char::is_lowercase)
                && !who.contains(['.', '!', '?', ',', ';'])
                && words_are_label_shaped(
                    &name.split(' ').map(str::to_string).collect::<Vec<_>>(),
                )
                && annotation.is_none() =>
        {
            annotation = Some(who.to_string());
            name
        }
        _ => name_part,
    };
    let k = key(name_part);
    let colon_column = line[..colon].chars().count() + 1;
    let lowercase_rest = rest_trimmed
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_lowercase)
        && rest_trimmed.starts_with(char::is_alphabetic);
    let mut cand = Candidate {
        label: name_part.to_string(),
        words: name_part.split(' ').map(str::to_string).collect(),
        annotation,
        anonymous: false,
        role_only: false,
        rest_start,
        lowercase_rest,
        colon_column,
        sure: false,
    };
    // `RUSSIALINK TRANSCRIPT:`, `Full text:`: a title's prefix.
    let last_word = k.rsplit(' ').next().unwrap_or("");
    if NOT_SPEAKERS.contains(&k.as_str())
        || matches!(last_word, "transcript" | "text" | "стенограмма" | "release")
    {
        return None;
    }
    if ANONYMOUS.contains(&k.as_str()) {
        cand.anonymous = true;
        return Some(cand);
    }
    if ROLE_ONLY.contains(&k.as_str()) {
        cand.role_only = true;
        return Some(cand);
    }
    if cand.words.len() > MAX_LABEL_WORDS || !words_are_label_shaped(&cand.words) {
        return None;
    }
    Some(cand)
}

/// Splits trailing `(…)` / `[…]` groups off a label: `Vladimir Putin (retranslated)`.
pub fn split_annotations(label: &str) -> Option<(&str, Option<String>)> {
    let mut name = label;
    let mut notes = Vec::new();
    while let Some(close) = name.strip_suffix([')', ']']) {
        let open = close.rfind(['(', '['])?;
        let note = close[open + 1..].trim();
        if note.is_empty() || note.contains(['(', ')', '[', ']']) {
            return None;
        }
        notes.push(note.to_string());
        name = close[..open].trim_end();
    }
    if name.is_empty() || name.contains(['(', ')', '[', ']']) {
        return None;
    }
    notes.reverse();
    Some((name, (!notes.is_empty()).then(|| notes.join("; "))))
}

pub(super) fn is_connector(word: &str) -> bool {
    CONNECTORS.contains(&word.to_lowercase().as_str())
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—" | "‑")
}

/// `В.Путин`, `A.G.Lukashenko`, `V.`: initials glued to a surname, or initials alone.
pub fn is_initials_form(word: &str) -> bool {
    let mut chars = word.chars().peekable();
    let mut initials = 0;
    while let Some(&c) = chars.peek() {
        if !c.is_uppercase() {
            break;
        }
        let mut look = chars.clone();
        look.next();
        if look.peek() == Some(&'.') {
            chars.next();
            chars.next();
            initials += 1;
        } else {
            break;
        }
    }
    if initials == 0 {
        return false;
    }
    let tail: String = chars.collect();
    tail.is_empty() || (starts_upper(&tail) && word_chars_ok(&tail))
}

fn word_chars_ok(word: &str) -> bool {
    word.chars()
        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
}

/// Every word is capitalised, a known connector, an initials form, an honorific or a
/// dash; the first and last are not connectors; no digits or sentence punctuation.
pub fn words_are_label_shaped(words: &[String]) -> bool {
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if is_connector(first) && !starts_upper(first)
        || is_connector(last)
        || is_dash(first)
        || is_dash(last)
    {
        return false;
    }
    words.iter().all(|w| {
        if is_dash(w) {
            return true;
        }
        if !word_chars_ok(w) || !w.chars().any(char::is_alphabetic) {
            return false;
        }
        if w.contains('.') {
            return is_initials_form(w) || ABBREVIATIONS.contains(&w.to_lowercase().as_str());
        }
        starts_upper(w) || is_connector(w)
    })
}

/// A label's title and name: `President of Russia Vladimir Putin` → (`President of
/// Russia`, `Vladimir Putin`). `known_names` are the keys of labels that appear bare
/// elsewhere in the document; the longest one the label ends with is the name.
pub fn split_role(words: &[String], known_names: &[String]) -> (Option<String>, String) {
    let n = words.len();
    // 1. A bare label elsewhere tells where the name starts.
    for start in 1..n {
        let tail = key(&words[start..].join(" "));
        if known_names.contains(&tail) {
            return (Some(words[..start].join(" ")), words[start..].join(" "));
        }
    }
    // 2. The run of capitalised, non-title words at the end is the name.
    let is_role_word = |w: &str| {
        let l = w.to_lowercase();
        ROLE_WORDS.contains(&l.as_str())
            || is_connector(w)
            || is_dash(w)
            // A typo in a title (`Resident Vladimir Putin`) is still a title.
            || l.chars().count() >= 6 && ROLE_WORDS.iter().any(|r| one_edit(r, &l))
    };
    let mut start = n;
    while start > 0 && !is_role_word(&words[start - 1]) {
        start -= 1;
    }
    if start == n {
        // Ends with a title word ("Mr Speaker", "The Prime Minister"): all of it is the name.
        return (None, words.join(" "));
    }
    if start == 0 {
        return (None, words.join(" "));
    }
    // A run longer than a name after a title: `President of Russia Vladimir Putin` has the
    // run `Russia Vladimir Putin`; take the last two words (one for `В.Путин`) as the name.
    let name_len = if is_initials_form(&words[n - 1]) {
        1
    } else {
        2
    };
    let name_start = start.max(n.saturating_sub(name_len));
    if n - name_start == 1 && name_len == 2 {
        // A title and a surname (`Senator Smith`, `President Obama`): all of it is the name.
        return (None, words.join(" "));
    }
    (
        Some(words[..name_start].join(" ")),
        words[name_start..].join(" "),
    )
}

/// `a` and `b` differ by one inserted, deleted or replaced character (not zero).
pub fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (short, long) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if long.len() - short.len() > 1 || a == b {
        return false;
    }
    let prefix = short
        .iter()
        .zip(long.iter())
        .take_while(|(x, y)| x == y)
        .count();
    if short.len() == long.len() {
        short[prefix + 1..] == long[prefix + 1..]
    } else {
        short[prefix..] == long[prefix + 1..]
    }
}

/// A label as shown: written in capitals (`PRESIDENT OF RUSSIA`), it is put in title
/// case with its connectors lower case (`President of Russia`); otherwise unchanged.
pub fn display_name(label: &str) -> String {
    if !is_all_caps(label) || label.chars().filter(|c| c.is_alphabetic()).count() < 2 {
        return label.to_string();
    }
    label
        .split(' ')
        .enumerate()
        .map(|(i, w)| {
            if i > 0 && is_connector(w) {
                w.to_lowercase()
            } else {
                super::text::title_case_if_caps(w)
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Only title words (`The Prime Minister`, `Mr Speaker`): a label that names an office.
pub fn is_title(words: &[String]) -> bool {
    // `The Leader of the House of Commons`: an office that names its institution.
    let the_office = words.first().is_some_and(|w| w == "The")
        && words
            .iter()
            .any(|w| ROLE_WORDS.contains(&w.to_lowercase().as_str()));
    the_office
        || words.iter().all(|w| {
            let l = w.to_lowercase();
            ROLE_WORDS.contains(&l.as_str())
                || is_connector(w)
                || ABBREVIATIONS.contains(&l.as_str())
                || matches!(l.as_str(), "mr" | "mrs" | "ms" | "madam" | "madame")
        })
}

/// Two to four capitalised words and nothing else: `Boris Johnson`.
pub fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split(' ').collect();
    (2..=4).contains(&words.len())
        && words
            .iter()
            .all(|w| starts_upper(w) && word_chars_ok(w) && !is_connector(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<String> {
        s.split(' ').map(str::to_string).collect()
    }

    #[test]
    fn label_shapes() {
        let yes = [
            (
                "President of\u{a0}Russia Vladimir Putin: Mr President,",
                "President of Russia Vladimir Putin",
            ),
            ("Vladimir Putin: We will", "Vladimir Putin"),
            ("В.Путин: Добрый день", "В.Путин"),
            ("В. Путин: Добрый день", "В. Путин"),
            ("VLADIMIR PUTIN: Thank you", "VLADIMIR PUTIN"),
            ("MS. PSAKI: Good afternoon", "MS. PSAKI"),
            (
                "Sir Keir Starmer (Holborn and St Pancras) (Lab): Thank",
                "Sir Keir Starmer",
            ),
            (
                "Deputy Prime Minister – Minister of Industry and Trade Denis Manturov: Yes",
                "Deputy Prime Minister – Minister of Industry and Trade Denis Manturov",
            ),
            ("Mohammed bin Salman: Yes", "Mohammed bin Salman"),
            ("Putin:", "Putin"),
            (
                "Valeriya Korableva, reporter at Channel One: Good afternoon.",
                "Valeriya Korableva",
            ),
            (
                "Mustafa Sentop (retranslated):Mr President",
                "Mustafa Sentop",
            ),
            ("Note : text", "Note"),
        ];
        for (line, label) in yes {
            if label == "Note" {
                assert_eq!(scan(line), None, "{line}");
                continue;
            }
            let c = scan(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(c.label, label, "{line}");
        }
        let no = [
            "First, we made significant progress in building the Union State: our colleagues",
            "It is the first time: yes",
            "15: 50",
            "Time: 15:50",
            "See http://kremlin.ru",
            "Note: this is a note",
            "Примечание: текст",
            "Vladimir Putin held a meeting",
            "The meeting was held in 2022: good",
            "and Russia: text",
            "Russia and: text",
            "Mr. President, welcome: text",
            "Urantia Book Study Poll: 29",
            "Well, as I said: yes",
            "Aye: 84 MSPs",
            "Ab.cd Ef: text",
            "(retranslated): text",
            "Putin (: text",
            "",
        ];
        for line in no {
            assert_eq!(scan(line), None, "{line}");
        }
    }

    #[test]
    fn annotations_and_kinds() {
        let c = scan("Vladimir Putin (retranslated): Thank you.").unwrap();
        assert_eq!(c.annotation.as_deref(), Some("retranslated"));
        let c = scan("Sir Keir Starmer (Holborn and St Pancras) (Lab): Thank").unwrap();
        assert_eq!(c.annotation.as_deref(), Some("Holborn and St Pancras; Lab"));
        assert!(scan("Question: What?").unwrap().anonymous);
        assert!(scan("Q: What?").unwrap().anonymous);
        assert!(scan("Вопрос: Что?").unwrap().anonymous);
        assert!(scan("Voice from the audience: What?").unwrap().anonymous);
        assert!(scan("Moderator: Next").unwrap().role_only);
        let c = scan("Union State: our colleagues").unwrap();
        assert!(c.lowercase_rest);
        assert_eq!(c.rest_start, "Union State: ".len());
        assert_eq!(c.colon_column, 12);
    }

    #[test]
    fn initials() {
        assert!(is_initials_form("В.Путин"));
        assert!(is_initials_form("A.G.Lukashenko"));
        assert!(is_initials_form("V."));
        assert!(!is_initials_form("Putin"));
        assert!(!is_initials_form("events.This"));
    }

    #[test]
    fn roles_are_split_from_names() {
        let known = vec![
            "vladimir putin".to_string(),
            "recep tayyip erdogan".to_string(),
        ];
        let cases = [
            (
                "President of Russia Vladimir Putin",
                Some("President of Russia"),
                "Vladimir Putin",
            ),
            (
                "President of the Republic of Belarus Alexander Lukashenko",
                Some("President of the Republic of Belarus"),
                "Alexander Lukashenko",
            ),
            (
                "President of Turkey Recep Tayyip Erdogan",
                Some("President of Turkey"),
                "Recep Tayyip Erdogan",
            ),
            (
                "Prime Minister Mikhail Mishustin",
                Some("Prime Minister"),
                "Mikhail Mishustin",
            ),
            (
                "Президент России В.Путин",
                Some("Президент России"),
                "В.Путин",
            ),
            ("Alexander Lukashenko", None, "Alexander Lukashenko"),
            ("Senator Smith", None, "Senator Smith"),
            ("President Obama", None, "President Obama"),
            (
                "Resident Vladimir Putin",
                Some("Resident"),
                "Vladimir Putin",
            ),
            ("Mr Speaker", None, "Mr Speaker"),
            ("The Prime Minister", None, "The Prime Minister"),
        ];
        for (label, role, name) in cases {
            let (r, n) = split_role(&words(label), &known);
            assert_eq!((r.as_deref(), n.as_str()), (role, name), "{label}");
        }
    }
}
