//! Recognises a date-and-place line (`February 18, 2022, The Kremlin, Moscow`,
//! `18 февраля 2022 года, 15:50, Москва`, `Friday 4 March 2022`, `2022-02-18`).

use super::text::normalize_spaces;
use crate::dates::{iso, EN_MONTHS, RU_MONTHS, RU_MONTHS_NOMINATIVE};

/// What a date-and-place line says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dateline {
    /// ISO `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`, when the line gives a time after the date.
    pub time: Option<String>,
    /// The rest of the line after the date (and time), spaces normalised.
    pub place: Option<String>,
}

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// Month number for an English or Russian month name (full, genitive or abbreviated).
fn month(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_lowercase();
    let full = |names: &[&str; 12]| names.iter().position(|m| m.to_lowercase() == w);
    let found = full(&EN_MONTHS)
        .or_else(|| full(&RU_MONTHS))
        .or_else(|| full(&RU_MONTHS_NOMINATIVE))
        // Abbreviations: "Feb", "Sept".
        .or_else(|| (w == "sept").then_some(8))
        .or_else(|| {
            (w.len() == 3 && w.is_ascii())
                .then(|| {
                    EN_MONTHS
                        .iter()
                        .position(|m| m.to_lowercase().starts_with(&w))
                })
                .flatten()
        });
    found.map(|i| i as u32 + 1)
}

fn number(word: &str, max_len: usize) -> Option<u32> {
    if word.is_empty() || word.len() > max_len || !word.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    word.parse().ok()
}

/// Parses `line` as a date-and-place line; `None` when it does not start with a date.
pub fn parse(line: &str) -> Option<Dateline> {
    let norm = normalize_spaces(line);
    if norm.chars().count() > 200 {
        return None;
    }
    // `( – June 20, 2019 –`, `[12 March 2014]`: a date set off by brackets and dashes.
    let norm = norm
        .trim_start_matches(['(', '[', '–', '—', '-', ' '])
        .trim_end_matches([')', ']', '–', '—', '-', ' '])
        .to_string();
    let (date, rest) = parse_date(&norm)?;
    let rest = rest.trim_start_matches([',', ' ']);
    // An optional time, `15:50` or `15: 50`.
    let (time, rest) = match parse_time(rest) {
        Some((t, r)) => (Some(t), r.trim_start_matches([',', ' '])),
        None => (None, rest),
    };
    let place = rest.trim_end_matches([' ', ',', '.']);
    // A place is a name, not a sentence that happens to start with a date (`May 9, 2022
    // marked …`) nor a title in capitals (`April 26, 2019 REMARKS BY PRESIDENT TRUMP`).
    let shouted = !place.contains(',')
        && place.split(' ').filter(|w| !w.is_empty()).count() >= 4
        && !place.chars().any(char::is_lowercase);
    if !is_name(place) || shouted {
        return None;
    }
    Some(Dateline {
        date,
        time,
        place: (!place.is_empty()).then(|| place.to_string()),
    })
}

/// A place name: `The Kremlin, Moscow`, `Novo-Ogaryovo, Moscow Region`, `Washington
/// D.C.`: capitalised words, connectors and numbers, at most 100 characters.
pub fn is_name(place: &str) -> bool {
    place.chars().count() <= 100
        && place.split([' ', ',']).filter(|w| !w.is_empty()).all(|w| {
            super::text::starts_upper(w)
                || super::label::is_connector(w)
                || !w.chars().any(char::is_alphabetic)
        })
}

/// `June 20`, `20 June`, `20 июня`: a day of a month with no year.
pub fn is_month_day(s: &str) -> bool {
    let mut words = s.split(' ').map(|w| w.trim_end_matches([',', '.']));
    let (Some(a), Some(b), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let day = |w: &str| number(w, 2).is_some_and(|d| (1..=31).contains(&d));
    (month(a).is_some() && day(b)) || (day(a) && month(b).is_some())
}

/// The date at the start of `s` as ISO text, and the rest of `s`.
pub fn parse_date(s: &str) -> Option<(String, &str)> {
    let mut s = s;
    // Skip a leading weekday: "Friday, 4 March 2022", "Friday 4 March 2022".
    if let Some(first) = s.split([' ', ',']).next() {
        if WEEKDAYS.contains(&first.to_lowercase().as_str()) {
            s = s[first.len()..].trim_start_matches([',', ' ']);
        }
    }
    // ISO: 2022-02-18
    if s.len() >= 10 && s.is_char_boundary(10) {
        let b = s.as_bytes();
        if b[4] == b'-' && b[7] == b'-' {
            let (y, m, d) = (
                number(&s[..4], 4)?,
                number(&s[5..7], 2)?,
                number(&s[8..10], 2)?,
            );
            return iso(y, m, d).map(|iso| (iso, &s[10..]));
        }
    }
    // Numeric: 12.03.2014, 6/4/2015.
    let first = s.split([' ', ',']).next().unwrap_or("");
    if let Some(iso) = crate::dates::numeric(first.trim_end_matches('.')) {
        return Some((iso, &s[first.len()..]));
    }
    let mut words = s.splitn(4, ' ');
    // `5th March 2025`, `March 5th, 2025`: ordinals.
    let ordinal = |w: &'_ str| -> String {
        let w = w.trim_end_matches(',');
        ["st", "nd", "rd", "th"]
            .iter()
            .find_map(|o| {
                w.strip_suffix(o)
                    .filter(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            })
            .unwrap_or(w)
            .to_string()
    };
    let w1 = ordinal(words.next()?);
    let w2 = ordinal(words.next()?);
    let (w1, w2) = (w1.as_str(), w2.as_str());
    let w3_raw = words.next()?;
    let w3 = w3_raw.trim_end_matches([',', '.']);
    let consumed = |n: usize| -> &str {
        // Byte offset after the first n words of s.
        let mut idx = 0;
        for (i, part) in s.split(' ').enumerate() {
            if i == n {
                break;
            }
            idx += part.len() + 1;
        }
        &s[idx.min(s.len())..]
    };
    let (y, m, d, rest) = if let Some(m) = month(w1) {
        // February 18, 2022
        (number(w3, 4)?, m, number(w2, 2)?, consumed(3))
    } else if let Some(m) = month(w2) {
        // 18 February 2022 / 18 февраля 2022 года
        (
            number(w3, 4)?,
            m,
            number(w1.trim_end_matches('.'), 2)?,
            consumed(3),
        )
    } else {
        return None;
    };
    let iso = iso(y, m, d)?;
    // Russian "года" / "г." after the year.
    let rest = rest.trim_start_matches(',').trim_start();
    let rest = ["года", "год", "г."]
        .iter()
        .find_map(|w| {
            rest.strip_prefix(w)
                .filter(|r| r.is_empty() || r.starts_with([',', ' ']))
        })
        .unwrap_or(rest);
    Some((iso, rest))
}

fn parse_time(s: &str) -> Option<(String, &str)> {
    let colon = s.find(':')?;
    let h = number(s[..colon].trim_end(), 2)?;
    let after = s[colon + 1..].trim_start();
    let digits = after.bytes().take_while(u8::is_ascii_digit).count();
    if digits != 2 {
        return None;
    }
    let m = number(&after[..2], 2)?;
    if h > 23 || m > 59 {
        return None;
    }
    Some((format!("{h:02}:{m:02}"), &after[2..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dl(date: &str, time: Option<&str>, place: Option<&str>) -> Option<Dateline> {
        Some(Dateline {
            date: date.into(),
            time: time.map(Into::into),
            place: place.map(Into::into),
        })
    }

    #[test]
    fn table() {
        let cases: &[(&str, Option<Dateline>)] = &[
            (
                "February 18, 2022, The\u{a0}Kremlin, Moscow",
                dl("2022-02-18", None, Some("The Kremlin, Moscow")),
            ),
            ("February 18, 2022", dl("2022-02-18", None, None)),
            (
                "December 23, 2021, 12:00, Moscow",
                dl("2021-12-23", Some("12:00"), Some("Moscow")),
            ),
            (
                "18 февраля 2022 года, Москва",
                dl("2022-02-18", None, Some("Москва")),
            ),
            (
                "18\u{a0}февраля 2022 года, 15:50, Москва, Кремль",
                dl("2022-02-18", Some("15:50"), Some("Москва, Кремль")),
            ),
            (
                "1 марта 2021 г., Сочи",
                dl("2021-03-01", None, Some("Сочи")),
            ),
            ("Friday 4 March 2022", dl("2022-03-04", None, None)),
            (
                "Tuesday, Sept 6, 2022, Washington, D.C.",
                dl("2022-09-06", None, Some("Washington, D.C")),
            ),
            ("2022-02-18, Minsk", dl("2022-02-18", None, Some("Minsk"))),
            ("February 29, 2024", dl("2024-02-29", None, None)),
            ("February 29, 2023", None),
            ("February 30, 2022", None),
            ("May I say a few words", None),
            ("March on, 2022 people", None),
            ("18 people, 2022 times", None),
            ("Russian-Belarusian talks", None),
            ("May 9, 2022 marked the anniversary", None),
            ("9 мая 2022 года прошёл парад", None),
            (
                "March 2, 2022, Novo-Ogaryovo, Moscow Region",
                dl("2022-03-02", None, Some("Novo-Ogaryovo, Moscow Region")),
            ),
            (
                "June 3, 2022, Library of Congress",
                dl("2022-06-03", None, Some("Library of Congress")),
            ),
            ("12.03.2014, Moscow", dl("2014-03-12", None, Some("Moscow"))),
            ("6/4/2015", dl("2015-06-04", None, None)),
            ("Wednesday 5th March 2025", dl("2025-03-05", None, None)),
            ("( – June 20, 2019 –", dl("2019-06-20", None, None)),
            ("1.5 million people", None),
            ("", None),
        ];
        for (line, want) in cases {
            assert_eq!(&parse(line), want, "{line:?}");
        }
    }
}
