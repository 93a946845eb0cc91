//! The dateline as rendered: date (in the transcript's language when the viewer speaks
//! it, else in the viewer's), time and place, each marked up, composed from the
//! transcript's fields. Pure, no DOM.

use super::Labels;
use crate::dates;
use crate::i18n;
use crate::model::Transcript;

/// One piece of a rendered dateline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatelinePart {
    /// A separator between pieces.
    Text(&'static str),
    /// The date: machine-readable ISO value, the text shown, and its `lang` when that
    /// is not the transcript's (the viewer's words wrote it).
    Date {
        iso: String,
        text: String,
        lang: Option<&'static str>,
    },
    /// The time of day, `HH:MM`.
    Time(String),
    /// The place.
    Place(String),
}

/// "February 18, 2022, The Kremlin, Moscow" as parts; empty when there is nothing to
/// show. A date that is not a real ISO date is not marked up as one. The date is in the
/// transcript's language when it is one of [`i18n::LANGUAGES`], else in `ui`'s.
pub fn dateline_parts(t: &Transcript, ui: &Labels) -> Vec<DatelinePart> {
    let mut parts = Vec::new();
    let mut push = |part| {
        if !parts.is_empty() {
            parts.push(DatelinePart::Text(", "));
        }
        parts.push(part);
    };
    if let Some(iso) = t.date.as_deref().filter(|d| dates::parse_iso(d).is_some()) {
        let (text, lang) = match i18n::language(&t.lang) {
            Some(own) => (own.format_date(iso), None),
            None => (ui.date(iso), Some(ui.lang())),
        };
        push(DatelinePart::Date {
            iso: iso.into(),
            text,
            lang,
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
            dateline_parts(&t, &Labels::default()),
            vec![
                Date {
                    iso: "2022-02-18".into(),
                    text: "February 18, 2022".into(),
                    lang: None,
                },
                Text(", "),
                Place("The Kremlin, Moscow".into()),
            ]
        );
        let t = transcript("ru", Some("2022-02-18"), Some("15:50"));
        assert_eq!(
            dateline_parts(&t, &Labels::default())[..3],
            [
                Date {
                    iso: "2022-02-18".into(),
                    text: "18 февраля 2022 г.".into(),
                    lang: None,
                },
                Text(", "),
                Time("15:50".into()),
            ]
        );
    }

    #[test]
    fn a_language_the_viewer_lacks_gets_the_viewers_date() {
        let t = transcript("de", Some("2022-02-18"), None);
        assert_eq!(
            dateline_parts(&t, &Labels::for_lang("ru"))[0],
            Date {
                iso: "2022-02-18".into(),
                text: "18 февраля 2022 г.".into(),
                lang: Some("ru"),
            }
        );
    }

    #[test]
    fn invalid_or_missing_parts_are_left_out() {
        let t = transcript("en", Some("Feb 2022"), None);
        assert_eq!(
            dateline_parts(&t, &Labels::default()),
            vec![Place("The Kremlin, Moscow".into())]
        );
        let mut t = transcript("en", None, None);
        t.place = None;
        assert_eq!(dateline_parts(&t, &Labels::default()), vec![]);
    }
}
