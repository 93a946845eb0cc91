//! The dateline as rendered: date (in the transcript's language), time and place, each
//! marked up, composed from the transcript's fields. Pure, no DOM.

use crate::dates;
use crate::model::Transcript;

/// One piece of a rendered dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatelinePart {
    /// A separator between pieces.
    Text(&'static str),
    /// The date: machine-readable ISO value and the text shown.
    Date { iso: String, text: String },
    /// The time of day, `HH:MM`.
    Time(String),
    /// The place.
    Place(String),
}

/// "February 18, 2022, The Kremlin, Moscow" as parts; empty when there is nothing to
/// show. A date that is not a real ISO date is not marked up as one.
pub fn dateline_parts(t: &Transcript) -> Vec<DatelinePart> {
    let mut parts = Vec::new();
    let mut push = |part| {
        if !parts.is_empty() {
            parts.push(DatelinePart::Text(", "));
        }
        parts.push(part);
    };
    if let Some(iso) = t.date.as_deref().filter(|d| dates::parse_iso(d).is_some()) {
        push(DatelinePart::Date {
            iso: iso.into(),
            text: dates::format(iso, &t.lang),
        });
    }
    if let Some(time) = &t.time {
        push(DatelinePart::Time(time.clone()));
    }
    if let Some(place) = &t.place {
        push(DatelinePart::Place(place.clone()));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, SCHEMA_VERSION};
    use DatelinePart::*;

    fn transcript(lang: &str, date: Option<&str>, time: Option<&str>) -> Transcript {
        Transcript {
            schema: SCHEMA_VERSION,
            lang: lang.into(),
            title: "T".into(),
            date: date.map(Into::into),
            time: time.map(Into::into),
            place: Some("The Kremlin, Moscow".into()),
            dateline: None,
            kind: None,
            summary: vec![],
            speakers: vec![],
            turns: vec![],
            source: Source {
                file: "t.txt".into(),
                credit: None,
                license: None,
                url: None,
            },
            ..Default::default()
        }
    }

    #[test]
    fn composes_date_time_and_place() {
        let t = transcript("en", Some("2022-02-18"), None);
        assert_eq!(
            dateline_parts(&t),
            vec![
                Date {
                    iso: "2022-02-18".into(),
                    text: "February 18, 2022".into()
                },
                Text(", "),
                Place("The Kremlin, Moscow".into()),
            ]
        );
        let t = transcript("ru", Some("2022-02-18"), Some("15:50"));
        assert_eq!(
            dateline_parts(&t)[..3],
            [
                Date {
                    iso: "2022-02-18".into(),
                    text: "18 февраля 2022 г.".into()
                },
                Text(", "),
                Time("15:50".into()),
            ]
        );
    }

    #[test]
    fn invalid_or_missing_parts_are_left_out() {
        let t = transcript("en", Some("Feb 2022"), None);
        assert_eq!(
            dateline_parts(&t),
            vec![Place("The Kremlin, Moscow".into())]
        );
        let mut t = transcript("en", None, None);
        t.place = None;
        assert_eq!(dateline_parts(&t), vec![]);
    }
}
