//! Congressional and committee hearings: labels ended by a period with the surname in
//! capitals (`Senator SMITH.`, `Mr. JONES.`, `The CHAIRMAN.`), and a heading block
//! (`[Senate Hearing …]`, `HEARING BEFORE THE COMMITTEE ON …`, the Congress and
//! session, `Printed for the use of …`) before the record.

use super::super::label::Candidate;
use super::super::lines::Line;
use super::super::text::{is_all_caps, is_space, key, normalize_spaces, starts_upper};
use super::{HeadLine, Shape};

/// A hearing.
pub struct Hearing;

impl Shape for Hearing {
    fn name(&self) -> &'static str {
        "hearing"
    }

    fn detect(&self, lines: &[Line]) -> u32 {
        let mut score = 0;
        // A page whose line breaks were lost: labels inside its long lines, looked for
        // in the first 4 KB of each.
        for line in lines.iter().filter(|l| l.text.len() > 300) {
            let mut end = line.text.len().min(4096);
            while !line.text.is_char_boundary(end) {
                end -= 1;
            }
            let found = inline_labels(&line.text[..end]).len() as u32;
            if found >= 2 {
                score += 2 * found.min(10);
            }
        }
        // Other evidence is in short lines; paragraphs are skipped without being read.
        for line in lines.iter().filter(|l| l.text.len() <= 300) {
            let k = key(line.text);
            if k.starts_with("[senate hearing")
                || k.starts_with("[house hearing")
                || k.starts_with("hearing before")
                || k == "hearing"
                || k.contains("pursuant to notice")
            {
                score += 4;
            } else if period_label(line.text).is_some() {
                score += 2;
            }
        }
        score
    }

    fn head_line(&self, line: &str) -> Option<HeadLine> {
        let norm = normalize_spaces(line);
        let place = norm.trim_end_matches('.');
        if matches!(
            place.to_lowercase().replace(' ', "").as_str(),
            "washington,d.c" | "washington,dc"
        ) {
            return Some(HeadLine::Place(place.to_string()));
        }
        is_heading_furniture(line).then_some(HeadLine::Chrome)
    }

    fn drop(&self, line: &str) -> bool {
        line.chars().all(|c| matches!(c, '_' | '=' | '-' | ' '))
    }

    fn label(&self, line: &str) -> Option<Candidate> {
        period_label(line)
    }

    fn splits(&self, line: &str) -> Vec<usize> {
        inline_labels(line)
    }
}

/// `HOMER E. CAPEHART, Indiana, Chairman`, `IRA DIXON, Chief Clerk`: the roster of
/// members and staff, a name in capitals and what they are.
fn is_roster(line: &str) -> bool {
    let Some((name, rest)) = line.split_once(',') else {
        return false;
    };
    // `J. ALLEN FREAR, JR. Delaware`: a suffix of the name after the comma.
    let rest = rest.trim_start();
    let rest = ["JR.", "SR.", "Jr.", "Sr.", "III", "II"]
        .iter()
        .find_map(|s| rest.strip_prefix(s))
        .map_or(rest, |r| r.trim_start_matches([',', ' ']));
    name.split_whitespace().count() >= 2
        && !name.contains(|c: char| c.is_ascii_digit())
        && name.chars().filter(|c| c.is_alphabetic()).count() >= 4
        && is_all_caps(name)
        && rest.split_whitespace().count() <= 6
        && !rest.contains(['.', ':'])
}

/// Lines of the printed hearing's heading block that are not its title or date.
fn is_heading_furniture(line: &str) -> bool {
    if is_roster(line) {
        return true;
    }
    let k = key(line);
    (k.starts_with('[') && k.ends_with(']'))
        || k.starts_with("s. hrg.")
        || k.starts_with("h. hrg.")
        || k.starts_with("printed for the use of")
        || k.starts_with("available via")
        || k.starts_with("available on the internet")
        || k.starts_with("u.s. government publishing office")
        || k.starts_with("u.s. government printing office")
        || matches!(
            k.trim_end_matches([',', '.']),
            "hearing" | "hearings" | "before the" | "of the" | "on" | "and"
        )
        || k.starts_with("hearing before")
        || k.starts_with("hearings before")
        || (k.starts_with("committee on") || k.starts_with("subcommittee on")) && is_all_caps(line)
        || k.trim_end_matches([',', '.']).ends_with(" congress")
        || k.trim_end_matches([',', '.']).ends_with(" session")
        || k == "united states senate"
        || k == "house of representatives"
        || k.chars().all(|c| matches!(c, '_' | '=' | '-' | ' '))
}

/// Title words that may come before a capitals surname in a label.
const TITLES: &[&str] = &[
    "the",
    "mr.",
    "mrs.",
    "ms.",
    "miss",
    "dr.",
    "senator",
    "representative",
    "chairman",
    "chairwoman",
    "chair",
    "vice",
    "ranking",
    "member",
    "secretary",
    "general",
    "admiral",
    "judge",
    "justice",
    "governor",
    "ambassador",
    "commissioner",
    "director",
    "attorney",
    "madam",
    "mayor",
    "sheriff",
    "delegate",
    "acting",
    "deputy",
    "colonel",
    "captain",
    "professor",
    "reverend",
    "father",
    "sister",
    "chief",
];

/// `Senator SMITH. text`, `The CHAIRMAN.`, `Ms. JACKSON LEE. text`: title words, one to
/// three words in capitals, a period.
fn period_label(line: &str) -> Option<Candidate> {
    let mut cut = line.len().min(120);
    while !line.is_char_boundary(cut) {
        cut -= 1;
    }
    let mut end = None;
    for (i, _) in line[..cut].match_indices('.') {
        let after = &line[i + 1..];
        if after.is_empty() || after.starts_with(is_space) {
            let words: Vec<&str> = line[..i]
                .split(is_space)
                .filter(|w| !w.is_empty())
                .collect();
            let caps = words.iter().rev().take_while(|w| is_caps_word(w)).count();
            let titles = words.len() - caps;
            if (1..=3).contains(&caps)
                && titles <= 3
                && words[..titles]
                    .iter()
                    .all(|w| TITLES.contains(&w.to_lowercase().as_str()) && starts_upper(w))
                && (titles > 0 || caps >= 2 || words.len() == 1 && words[0] == "VOICE")
            {
                end = Some(i);
                break;
            }
            // The dot of `Mr.` is not the label's end.
            if !words
                .last()
                .is_some_and(|w| TITLES.contains(&format!("{}.", w.to_lowercase()).as_str()))
            {
                break;
            }
        }
    }
    let end = end?;
    let label = normalize_spaces(&line[..end]);
    let rest = &line[end + 1..];
    let rest_start = line.len() - rest.trim_start_matches(is_space).len();
    Some(Candidate {
        words: label.split(' ').map(str::to_string).collect(),
        label,
        annotation: None,
        anonymous: key(&line[..end]) == "voice",
        role_only: false,
        rest_start,
        lowercase_rest: false,
        colon_column: line[..end].chars().count() + 1,
        sure: true,
    })
}

/// Where a label starts inside a line whose paragraph break was lost (OCR, copied
/// print): after a sentence's end, a title word, a surname in capitals and a period
/// (`… to order. Senator BORAH. I would …`).
fn inline_labels(line: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if !line.contains(". ") {
        return out;
    }
    let b = line.as_bytes();
    for (i, _) in line.match_indices(' ') {
        // After a sentence, or after a heading in capitals (`… BUREAU OF THE BUDGET
        // Mrs. CHURCH. Dr. Burns, …`).
        let after_heading = || {
            let word = line[..i].rsplit(' ').next().unwrap_or("");
            word.chars().count() >= 3 && caps_only(word)
        };
        if i == 0 || !matches!(b[i - 1], b'.' | b'?' | b'!' | b'"' | b')') && !after_heading() {
            continue;
        }
        let at = i + 1;
        let rest = &line[at..];
        if !rest.starts_with(|c: char| c.is_uppercase()) {
            continue;
        }
        if let Some(c) = period_label(rest) {
            let titled = c
                .words
                .first()
                .is_some_and(|w| TITLES.contains(&w.to_lowercase().as_str()));
            if titled && c.words.len() >= 2 {
                out.push(at);
            }
        }
    }
    out
}

/// `SMITH`, `JACKSON`, `O'ROURKE`, `DIAZ-BALART`: two letters or more, all capitals;
/// `McCORMACK`, `DeLAY`, `LaHOOD`: a short prefix as the name is spelt, then capitals.
fn is_caps_word(w: &str) -> bool {
    let mut chars = w.char_indices();
    if let (Some((_, a)), Some((_, b))) = (chars.next(), chars.next()) {
        if a.is_uppercase() && b.is_lowercase() {
            let rest = chars
                .find(|(_, c)| !c.is_lowercase())
                .map_or("", |(i, _)| &w[i..]);
            let prefix = w.len() - rest.len();
            return prefix <= 3
                && rest.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && caps_only(rest);
        }
    }
    caps_only(w)
}

fn caps_only(w: &str) -> bool {
    w.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && is_all_caps(w)
        && w.chars()
            .all(|c| c.is_alphabetic() || matches!(c, '\'' | '’' | '-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters() {
        for line in [
            "HOMER E. CAPEHART, Indiana, Chairman",
            "IRA DIXON, Chief Clerk",
            "J. ALLEN FREAR, JR. Delaware",
            "A. WILLIS ROBERTSON, Jr., Virginia",
        ] {
            assert!(is_roster(line), "{line}");
        }
        for line in [
            "Washington, D. C.",
            "MARCH 11, 1953",
            "The CHAIRMAN. Yes, sir.",
        ] {
            assert!(!is_roster(line), "{line}");
        }
    }

    #[test]
    fn period_labels() {
        for (line, label, rest) in [
            ("Senator SMITH. Thank you.", "Senator SMITH", "Thank you."),
            (
                "The CHAIRMAN. The committee will come to order.",
                "The CHAIRMAN",
                "The committee will come to order.",
            ),
            ("Ms. JACKSON LEE. Yes.", "Ms. JACKSON LEE", "Yes."),
            ("Mr. DIAZ-BALART.", "Mr. DIAZ-BALART", ""),
            (
                "Mr. McCORMACK. I don't think so.",
                "Mr. McCORMACK",
                "I don't think so.",
            ),
            ("Mr. DeLAY. Yes.", "Mr. DeLAY", "Yes."),
        ] {
            let c = period_label(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(
                (c.label.as_str(), &line[c.rest_start..]),
                (label, rest),
                "{line}"
            );
        }
        for line in [
            "The committee met at 10 a.m.",
            "Mr. Smith. Thank you.",
            "In WASHINGTON. We met.",
            "The U.S. is here.",
            "Mr. McCormack. Thank you.",
            "Mrs. Mrs. Yes.",
        ] {
            assert!(period_label(line).is_none(), "{line}");
        }
    }
}
