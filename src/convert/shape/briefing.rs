//! Government press briefings (the White House, the State Department, the Pentagon):
//! capitals labels with honorifics (`MS. PSAKI:`, `SECRETARY BLINKEN:`), `Q` alone or
//! before the question, a place line (`James S. Brady Press Briefing Room`), time lines
//! (`12:34 P.M. EDT`) and the `END` marker.

use super::super::label::Candidate;
use super::super::lines::Line;
use super::super::text::{is_all_caps, is_space, key, normalize_spaces};
use super::{HeadLine, Shape};

/// A press briefing.
pub struct Briefing;

impl Shape for Briefing {
    fn name(&self) -> &'static str {
        "briefing"
    }

    fn detect(&self, lines: &[Line]) -> u32 {
        let mut score = 0;
        // Evidence is in short lines; paragraphs are skipped without being read.
        for line in lines.iter().filter(|l| l.text.len() <= 300) {
            let t = line.text;
            if question(t).is_some() || time_line(t).is_some() || is_end(t) {
                score += 2;
            } else if place_line(t).is_some() || caps_honorific_label(t) {
                score += 1;
            }
        }
        score
    }

    fn head_line(&self, line: &str) -> Option<HeadLine> {
        let k = key(line);
        if [
            "the white house",
            "office of the press secretary",
            "for immediate release",
            "search form",
            "briefing room",
            "press briefings",
            "speeches and remarks",
            "statements and releases",
            "news transcript",
            "press operations bookmark and share",
        ]
        .contains(&k.as_str())
        {
            return Some(HeadLine::Chrome);
        }
        if is_presenter(line) {
            return Some(HeadLine::Chrome);
        }
        if let Some(t) = time_line(line) {
            return Some(HeadLine::Time(t));
        }
        place_line(line).map(HeadLine::Place)
    }

    fn drop(&self, line: &str) -> bool {
        is_end(line) || time_line(line).is_some() || line == "###" || is_presenter(line)
    }

    fn label(&self, line: &str) -> Option<Candidate> {
        question(line)
    }
}

/// `Q`, `Q:`, `Q.` alone, or `Q` and spaces before the question: an anonymous label.
fn question(line: &str) -> Option<Candidate> {
    let rest = line.strip_prefix('Q')?;
    let rest = rest.strip_prefix([':', '.']).unwrap_or(rest);
    let text = rest.trim_start_matches(is_space);
    let spaced = text.len() < rest.len();
    let ok = text.is_empty()
        || (spaced || rest.len() < line.len() - 1)
            && text.starts_with(|c: char| c.is_uppercase() || "\"“‘'(—–-".contains(c));
    ok.then(|| Candidate {
        label: "Q".into(),
        words: vec!["Q".into()],
        annotation: None,
        anonymous: true,
        role_only: false,
        rest_start: line.len() - text.len(),
        lowercase_rest: false,
        colon_column: 2,
        sure: true,
    })
}

/// `MS. PSAKI:`, `SECRETARY BLINKEN:`: evidence for the shape (the shared grammar
/// reads them).
fn caps_honorific_label(line: &str) -> bool {
    let Some(colon) = line.find(':') else {
        return false;
    };
    let label = &line[..colon];
    colon <= 60
        && is_all_caps(label)
        && [
            "MR.",
            "MS.",
            "MRS.",
            "SECRETARY",
            "PRESIDENT",
            "THE PRESIDENT",
            "GENERAL",
            "ADMIRAL",
            "AMBASSADOR",
        ]
        .iter()
        .any(|h| label.starts_with(h))
}

/// `12:34 P.M. EDT`, `1:05 p.m. EST`, `10:02 A.M. ET`: the time as `HH:MM`.
pub fn time_line(line: &str) -> Option<String> {
    if line.len() > 48 {
        return None;
    }
    let norm = normalize_spaces(line);
    if norm.len() > 24 {
        return None;
    }
    let (clock, rest) = norm.split_once(' ')?;
    let (h, m) = clock.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    if !(1..=12).contains(&h) || m > 59 || clock.len() > 5 {
        return None;
    }
    let rest = key(rest).replace(['.', ' '], "");
    let pm = if rest.starts_with("pm") {
        true
    } else if rest.starts_with("am") {
        false
    } else {
        return None;
    };
    let zone = &rest[2..];
    if !(zone.is_empty() || (zone.len() <= 4 && zone.bytes().all(|b| b.is_ascii_alphabetic()))) {
        return None;
    }
    let h24 = match (h, pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    };
    Some(format!("{h24:02}:{m:02}"))
}

/// `Presenter: Pentagon Press Secretary Geoff Morrell`: who briefs, a heading line.
fn is_presenter(line: &str) -> bool {
    ["Presenter:", "Presenters:", "Briefer:", "Briefers:"]
        .iter()
        .any(|p| line.starts_with(p))
        && !line.ends_with(['.', '?', '!'])
}

/// `END`, `END 1:45 P.M. EDT`, `END 12:59 PM`.
fn is_end(line: &str) -> bool {
    match line.strip_prefix("END") {
        Some("") => true,
        Some(rest) if rest.starts_with(is_space) => {
            time_line(rest.trim_matches(is_space)).is_some()
        }
        _ => false,
    }
}

/// `James S. Brady Press Briefing Room`, `Via Teleconference`, `Aboard Air Force One`,
/// `Pentagon Press Briefing Room, Arlington, Virginia`: where the briefing was held.
fn place_line(line: &str) -> Option<String> {
    if line.len() > 360 {
        return None;
    }
    let norm = normalize_spaces(line);
    let k = norm.to_lowercase();
    if norm.chars().count() > 90 || k.ends_with('.') && !k.ends_with("d.c.") {
        return None;
    }
    let place = k.contains("briefing room")
        || k.starts_with("via teleconference")
        || k.starts_with("aboard air force one")
        || k.starts_with("en route")
        || k.starts_with("via telephone")
        || k == "washington, d.c."
        || k == "washington, dc";
    place.then_some(norm)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn questions() {
        for (line, rest) in [
            ("Q", ""),
            ("Q:", ""),
            ("Q    Thank you, Jen.", "Thank you, Jen."),
            ("Q: Two questions.", "Two questions."),
            ("Q\u{a0}And", "And"),
        ] {
            let c = question(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(&line[c.rest_start..], rest, "{line}");
        }
        for line in ["Quite so.", "QUESTION", "Q1 results", "Q and A"] {
            assert!(question(line).is_none(), "{line}");
        }
    }

    #[test]
    fn times_ends_and_places() {
        assert_eq!(time_line("12:34 P.M. EDT").as_deref(), Some("12:34"));
        assert_eq!(time_line("1:05 p.m. EST").as_deref(), Some("13:05"));
        assert_eq!(time_line("12:02 A.M. ET").as_deref(), Some("00:02"));
        assert_eq!(time_line("10:02 AM").as_deref(), Some("10:02"));
        assert_eq!(time_line("We met at 10:02 AM"), None);
        assert!(is_end("END"));
        assert!(is_end("END\u{a0}\u{a0}1:45 P.M. EDT"));
        assert!(!is_end("ENDING"));
        assert_eq!(
            place_line("James S. Brady Press Briefing Room").as_deref(),
            Some("James S. Brady Press Briefing Room")
        );
        assert_eq!(place_line("The room was full."), None);
    }
}
