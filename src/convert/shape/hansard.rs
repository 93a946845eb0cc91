//! Parliamentary records (Hansard and its republishers): a speaker line on its own
//! (`Jane Doe (Anytown North) (Lab)`, `Mr Speaker`), office labels (`The Prime
//! Minister (Boris Johnson)`), `Hon. Members` speaking together, time stamps between
//! speeches, and the house and the sitting's date as metadata.

use super::super::dateline;
use super::super::label::{self, Candidate};
use super::super::lines::Line;
use super::super::text::{is_space, key, normalize_spaces};
use super::{HeadLine, Shape};

/// A parliamentary record.
pub struct Hansard;

impl Shape for Hansard {
    fn name(&self) -> &'static str {
        "hansard"
    }

    fn detect(&self, lines: &[Line]) -> u32 {
        let mut score = 0;
        // Evidence is in short lines; paragraphs are skipped without being read.
        for line in lines.iter().filter(|l| l.text.len() <= 300) {
            let k = key(line.text);
            if house(line.text).is_some()
                || k.contains("hansard")
                || republished(line.text).is_some()
                || record_date(line.text).is_some()
            {
                score += 3;
            } else if standalone(line.text).is_some()
                || glued(line.text).is_some()
                || party_label(line.text)
                || is_furniture(line.text)
                || k.starts_with("hon.members")
            {
                score += 2;
            }
        }
        score
    }

    fn head_line(&self, line: &str) -> Option<HeadLine> {
        if let Some(h) = house(line) {
            return Some(HeadLine::Place(h));
        }
        if is_furniture(line) {
            return Some(HeadLine::Chrome);
        }
        sitting_date(line)
            .or_else(|| in_the_house(line))
            .or_else(|| record_date(line))
            .map(HeadLine::Date)
    }

    fn drop(&self, line: &str) -> bool {
        is_time_stamp(line) || is_furniture(line)
    }

    fn title_after_date(&self) -> bool {
        true
    }

    fn body_date(&self, line: &str) -> Option<String> {
        record_date(line).map(|d| d.date)
    }

    fn label(&self, line: &str) -> Option<Candidate> {
        // `• 1. Rachael Hamilton (…) (Con):`, `Q1. …`: a list bullet and a question
        // number before the label.
        // `§ Mr. SpeakerOrder.`: read on the whole line, its offsets are the line's.
        if let Some(c) = glued(line) {
            return Some(c);
        }
        let start = line.len() - unnumbered(line).len();
        let mut c = republished(line)
            .or_else(|| collective(&line[start..]))
            .or_else(|| standalone(&line[start..]))
            .or_else(|| (start > 0).then(|| label::scan(&line[start..])).flatten())?;
        if c.rest_start < line.len() - start || start == 0 {
            c.rest_start += start;
        } else {
            c.rest_start = line.len();
        }
        Some(c)
    }
}

/// Chair and collective labels that stand alone on their line.
const CHAIRS: &[&str] = &[
    "mr speaker",
    "madam speaker",
    "mr deputy speaker",
    "madam deputy speaker",
    "the lord speaker",
    "the deputy speaker",
    "the speaker",
    "the chair",
    "the chairman",
    "the deputy chairman",
    "the presiding officer",
    "the deputy presiding officer",
    "hon.members",
    "several hon.members",
    "some hon.members",
    "members",
    "noble lords",
];

/// `Members: No.`, `Hon. Members: Aye.`: a collective label with a colon. One word
/// used once is text to the shared grammar; in a record, the members answering together
/// are a speaker.
fn collective(line: &str) -> Option<Candidate> {
    let (name, rest) = line.split_once(':')?;
    let squashed = key(name).replace(['.', ' '], "");
    if name.len() > 40 || !squashed.ends_with("members") && squashed != "noblelords" {
        return None;
    }
    let mut c = standalone(name)?;
    c.rest_start = line.len() - rest.trim_start_matches(is_space).len();
    c.colon_column = name.chars().count() + 1;
    Some(c)
}

/// `House of Commons`, `House of Lords`, `Commons Chamber`, `Lords Chamber`.
fn house(line: &str) -> Option<String> {
    if line.len() > 40 {
        return None;
    }
    let norm = normalize_spaces(line);
    let k = norm.to_lowercase();
    matches!(
        k.as_str(),
        "house of commons"
            | "house of lords"
            | "commons chamber"
            | "lords chamber"
            | "westminster hall"
    )
    .then_some(norm)
}

/// `Volume 709: debated on Wednesday 16 February 2022`, `Debated on Wednesday 16
/// February 2022`.
fn sitting_date(line: &str) -> Option<dateline::Dateline> {
    let k = key(line);
    let at = k.find("debated on ")?;
    let rest = &normalize_spaces(line)[at + "debated on ".len()..];
    dateline::parse(rest).map(|mut d| {
        d.place = None;
        d
    })
}

/// The republishers' furniture around speeches: `- View Speech - Hansard - -`,
/// `Full Debate: Read Full Debate`, `Keir Starmer Excerpts`, `(1 day, 13 hours ago)`,
/// `Alert me about debates like this`.
fn is_furniture(line: &str) -> bool {
    let k = key(line);
    let dashes = k.starts_with('-')
        && k.split(" - ").map(|p| p.trim_matches(['-', ' '])).all(|p| {
            matches!(
                p,
                "" | "hansard" | "view speech" | "excerpts" | "link to this speech"
            )
        });
    dashes
        || k.starts_with("full debate:")
        || k.starts_with("department:")
        || k.starts_with("read full debate")
        || k.starts_with("read hansard text")
        || k.starts_with("watch debate")
        || k.starts_with("read debate")
        || k.starts_with("alert me about debates")
        || k.starts_with("(limited text")
        || k.contains("table of contents")
        || k == "home page"
        || k.strip_prefix("column ")
            .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        || (k.ends_with(" excerpts") && k.split(' ').count() <= 5)
        || (k.starts_with('(') && k.ends_with(" ago)"))
}

/// A line without its list bullet and question number (`• 1. `, `Q1. `).
fn unnumbered(line: &str) -> &str {
    let t = line.trim_start_matches(['•', '·', '◦', '▪', '‣', '§', ' ', '\u{a0}']);
    let digits = t.trim_start_matches('Q');
    let after = digits.trim_start_matches(|c: char| c.is_ascii_digit());
    if after.len() < digits.len() {
        if let Some(rest) = after.strip_prefix(". ") {
            return rest.trim_start();
        }
    }
    t
}

/// `HC Deb 23 March 1967 vol 743 cc1916-7`, `13 May 1999 : Column 1342`: the record's
/// own date references.
fn record_date(line: &str) -> Option<dateline::Dateline> {
    let norm = normalize_spaces(line);
    let rest = ["HC Deb ", "HL Deb ", "Commons Debates ", "Lords Debates "]
        .iter()
        .find_map(|p| norm.strip_prefix(p))
        .or_else(|| norm.split_once(" : Column ").map(|(d, _)| d))?;
    let (date, _) = dateline::parse_date(rest)?;
    Some(dateline::Dateline {
        date,
        time: None,
        place: None,
    })
}

/// `– in the House of Commons at 3:32 pm on 25 March 2020.`: the house and the date.
fn in_the_house(line: &str) -> Option<dateline::Dateline> {
    let norm = normalize_spaces(line);
    let rest = norm
        .trim_start_matches(['–', '—', '-', ' '])
        .strip_prefix("in the ")?;
    let (place, when) = rest.split_once(" on ")?;
    let place = place.split(" at ").next().unwrap_or(place).trim();
    let place = place.strip_suffix(" at").unwrap_or(place);
    let mut d = dateline::parse(when.trim_end_matches('.'))?;
    d.place = (!place.is_empty()).then(|| place.to_string());
    Some(d)
}

/// Republished speaker lines: Parallel Parliament's `Keir Starmer Portrait The Prime
/// Minister (Keir Starmer)` and TheyWorkForYou's `Photo of Dean Russell Dean Russell
/// Conservative, Watford 3:32, 25 March 2020`.
fn republished(line: &str) -> Option<Candidate> {
    if line.len() > 1200 {
        return None;
    }
    let norm = normalize_spaces(line);
    if let Some((_, label)) = norm.split_once(" Portrait ") {
        let mut c = standalone(label).or_else(|| {
            let (name, notes) = label::split_annotations(label)?;
            let words: Vec<String> = name.split(' ').map(str::to_string).collect();
            label::words_are_label_shaped(&words).then(|| Candidate {
                label: name.to_string(),
                words,
                annotation: notes,
                anonymous: false,
                role_only: false,
                rest_start: 0,
                lowercase_rest: false,
                colon_column: 1,
                sure: true,
            })
        })?;
        c.rest_start = line.len();
        return Some(c);
    }
    let rest = norm.strip_prefix("Photo of ")?;
    let words: Vec<&str> = rest.split(' ').collect();
    let n = (1..=words.len() / 2)
        .rev()
        .find(|&n| words[..n] == words[n..2 * n])?;
    let name: Vec<String> = words[..n].iter().map(|w| w.to_string()).collect();
    label::words_are_label_shaped(&name).then(|| Candidate {
        label: name.join(" "),
        words: name,
        annotation: None,
        anonymous: false,
        role_only: false,
        rest_start: line.len(),
        lowercase_rest: false,
        colon_column: 1,
        sure: true,
    })
}

/// `12:03`, `12.35 pm`, `3.45pm`, `[12.35 pm]`: a time stamp between speeches.
fn is_time_stamp(line: &str) -> bool {
    if line.len() > 14 {
        return false;
    }
    let lower = line.trim_matches(['[', ']', ' ']).to_lowercase();
    let t = ["a.m.", "p.m.", "am", "pm"]
        .iter()
        .find_map(|s| lower.strip_suffix(s))
        .unwrap_or(&lower)
        .trim_end();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
    };
    let parts: Vec<&str> = t.split([':', '.']).collect();
    match parts.as_slice() {
        [h, m] => digits(h, 1..=2) && digits(m, 2..=2),
        [h, m, s] => digits(h, 1..=2) && digits(m, 2..=2) && digits(s, 2..=2),
        _ => false,
    }
}

/// `Jane Doe (Anytown North) (Lab)` or `Mr Speaker` alone on its line: the speech
/// follows on the next lines.
fn standalone(line: &str) -> Option<Candidate> {
    speaker_line(line, false)
}

/// A speaker line; with `constituency`, a member named by honorific may have a note
/// that is not a party (`Mr. Tam Dalyell (Linlithgow)`).
fn speaker_line(line: &str, constituency: bool) -> Option<Candidate> {
    if line.contains(':') || line.chars().count() > 120 || line.ends_with(['.', ',', '?', '!']) {
        return None;
    }
    let norm = normalize_spaces(line);
    let (name, notes) = label::split_annotations(&norm)?;
    let words: Vec<String> = name.split(' ').map(str::to_string).collect();
    let squash = |s: &str| key(s).replace(['.', ' '], "");
    let chair = CHAIRS.iter().any(|c| squash(c) == squash(name));
    // `Mr. Fortescue`, `Mrs Smith`, `Sir John Doe` alone on a line: a member named by
    // honorific.
    let honorific = words.len() >= 2
        && words.len() <= 4
        && [
            "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "baroness", "lady",
        ]
        .contains(&words[0].trim_end_matches('.').to_lowercase().as_str())
        && label::words_are_label_shaped(&words);
    let party = notes
        .as_deref()
        .and_then(|n| n.rsplit("; ").next())
        .is_some_and(is_party);
    if !((chair || honorific) && notes.is_none()
        || constituency && honorific
        || party && words.len() >= 2 && label::words_are_label_shaped(&words))
    {
        return None;
    }
    Some(Candidate {
        label: name.to_string(),
        words,
        annotation: notes,
        anonymous: squash(name).contains("members") || squash(name) == "noblelords",
        role_only: false,
        rest_start: line.len(),
        lowercase_rest: false,
        colon_column: line.chars().count() + 1,
        sure: true,
    })
}

/// `§ Mr. Tam Dalyell (Linlithgow)On a point of order`, `§ Mr. SpeakerOrder.`: a
/// contribution (marked `§`) whose label was glued to its speech when the page was
/// copied. The label ends where a word or a `)` runs into a capital; within the
/// first such word the last join counts, so `Mr. McDonaldOn` is `Mr. McDonald`.
fn glued(line: &str) -> Option<Candidate> {
    let body = line.strip_prefix('§')?;
    let t = body.trim_start_matches([' ', '\u{a0}']);
    let offset = line.len() - t.len();
    let head: String = t.chars().take(120).collect();
    let mut at = None;
    let mut prev: Option<char> = None;
    for (i, c) in head.char_indices() {
        if c == ' ' && at.is_some() {
            break;
        }
        if c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p == ')') {
            at = Some(i);
        }
        prev = Some(c);
    }
    let at = at?;
    // Old records name the constituency with no party: `Mr. Tam Dalyell (Linlithgow)`.
    let mut c = speaker_line(&t[..at], true)?;
    c.rest_start = offset + at;
    Some(c)
}

/// `Sir Keir Starmer (Holborn and St Pancras) (Lab): …`: evidence for the shape.
fn party_label(line: &str) -> bool {
    line.split_once(':').is_some_and(|(l, _)| {
        l.len() <= 120
            && l.ends_with(')')
            && l.rsplit('(')
                .next()
                .is_some_and(|p| is_party(p.trim_end_matches(')')))
    })
}

/// A party abbreviation: `Lab`, `Con`, `LD`, `SNP`, `Lab/Co-op`, `CB`, `Ind`.
fn is_party(s: &str) -> bool {
    let n = s.chars().count();
    ((1..=5).contains(&n) || n <= 12 && s.contains(['/', '-']))
        && !s.contains(' ')
        && s.chars().next().is_some_and(char::is_uppercase)
        && s.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '/' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speaker_lines() {
        let c = standalone("Sir Keir Starmer (Holborn and St Pancras) (Lab)").unwrap();
        assert_eq!(c.label, "Sir Keir Starmer");
        assert!(standalone("Mr Speaker").is_some());
        assert!(standalone("Hon. Members").unwrap().anonymous);
        let members = Hansard.label("Members: No.").unwrap();
        assert_eq!(
            (members.label.as_str(), members.anonymous),
            ("Members", true)
        );
        assert_eq!(&"Members: No."[members.rest_start..], "No.");
        assert_eq!(
            Hansard.label("Hon. Members:").unwrap().label,
            "Hon. Members"
        );
        assert!(collective("Aye: 84 MSPs").is_none());
        // Found by fuzzing: the speech's offset is the line's, inside multi-byte text.
        let line = "§ Mr NnПе";
        let c = Hansard.label(line).unwrap();
        assert_eq!((c.label.as_str(), &line[c.rest_start..]), ("Mr Nn", "Пе"));
        assert!(collective("Members of the committee: a list").is_none());
        for line in [
            "Engagements",
            "The Prime Minister",
            "Ukraine (Sanctions)",
            "I agree (Lab).",
        ] {
            assert!(standalone(line).is_none(), "{line}");
        }
    }

    #[test]
    fn glued_labels() {
        let line = "§ Mr. Tam Dalyell (Linlithgow)On a point of order, Mr. Speaker.";
        let c = glued(line).unwrap();
        assert_eq!(c.label, "Mr. Tam Dalyell");
        assert_eq!(&line[c.rest_start..], "On a point of order, Mr. Speaker.");
        let line = "§ Mr. SpeakerI will reflect.";
        assert_eq!(&line[glued(line).unwrap().rest_start..], "I will reflect.");
        let line = "§ Mr. McDonaldOn a point of order.";
        assert_eq!(glued(line).unwrap().label, "Mr. McDonald");
        for line in [
            "§ The hon. Gentleman said so.",
            "Mr. SpeakerOrder.",
            "§ Order, order.",
        ] {
            assert!(glued(line).is_none(), "{line}");
        }
    }

    #[test]
    fn stamps_and_metadata() {
        for line in ["12:03", "12.35 pm", "3.45pm", "[12.35 pm]", "12:03:00"] {
            assert!(is_time_stamp(line), "{line}");
        }
        for line in ["2022", "12.35 million", "At 12.35 pm we met"] {
            assert!(!is_time_stamp(line), "{line}");
        }
        assert_eq!(
            sitting_date("Volume 709: debated on Wednesday 16 February 2022").map(|d| d.date),
            Some("2022-02-16".to_string())
        );
        assert_eq!(
            house("House of Commons").as_deref(),
            Some("House of Commons")
        );
    }
}
