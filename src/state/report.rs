//! [`ReaderState`]: what the reader is looking at, as the viewer reports it to its host
//! (the Yew prop `on_change`, JavaScript's `onChange` and `transcript-viewer-change`
//! event, a handle's `state`). Pure, no DOM.

use super::{SearchStatus, ViewState};
use serde::Serialize;

#[cfg(doc)]
use super::shown_turns;

/// The reader's view of a transcript, reported whenever any of it changes. Serialised
/// for JavaScript in camelCase: `{ query, wholeWords, matchDiacritics, hidden,
/// matches, currentMatch, shownTurns, totalTurns }`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReaderState {
    /// The search box's text, as typed.
    pub query: String,
    /// The "Whole words" toggle.
    pub whole_words: bool,
    /// The "Match diacritics" toggle.
    pub match_diacritics: bool,
    /// The speakers whose turns are hidden, by id, in order.
    pub hidden: Vec<String>,
    /// How many matches the shown text has.
    pub matches: usize,
    /// Which of them is the current one, from 1 (`3` of "3 of 17"); `None` (`null`)
    /// without a match.
    pub current_match: Option<usize>,
    /// How many turns show.
    pub shown_turns: usize,
    /// How many turns the transcript has.
    pub total_turns: usize,
}

impl ReaderState {
    /// The report of `state`, with the search's `status`, when `shown` of `total` turns
    /// show ([`shown_turns`]).
    pub fn new(state: &ViewState, status: SearchStatus, shown: usize, total: usize) -> ReaderState {
        let (matches, current_match) = match status {
            SearchStatus::Position { number, total } => (total, Some(number)),
            _ => (0, None),
        };
        ReaderState {
            query: state.query.clone(),
            whole_words: state.options.whole_words,
            match_diacritics: state.options.match_diacritics,
            hidden: state.hidden.iter().cloned().collect(),
            matches,
            current_match,
            shown_turns: shown,
            total_turns: total,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Transcript;
    use crate::state::fixture::{search, transcript as sample};
    use crate::state::{shown_turns, Action};

    fn report(t: &Transcript, s: &ViewState) -> ReaderState {
        let m = search(t, s);
        ReaderState::new(s, m.status(s.current), shown_turns(t, s), t.turns.len())
    }

    #[test]
    fn reports_search_filter_and_position() {
        let t = sample();
        let s = ViewState::default();
        let r = report(&t, &s);
        assert_eq!(
            r,
            ReaderState {
                shown_turns: t.turns.len(),
                total_turns: t.turns.len(),
                ..ReaderState::default()
            }
        );
        let s = s.apply(Action::SetQuery("trade".into()));
        let r = report(&t, &s);
        assert!(r.matches >= 2, "{r:?}");
        assert_eq!(r.current_match, Some(1));
        let s = s.apply(Action::Next { total: r.matches });
        assert_eq!(report(&t, &s).current_match, Some(2));
        let s = s.apply(Action::SetHidden(["p".to_string()].into()));
        let r = report(&t, &s);
        assert_eq!(r.hidden, ["p"]);
        assert!(r.shown_turns < r.total_turns);
        assert_eq!(r.current_match.is_some(), r.matches > 0);
    }

    #[test]
    fn serialises_in_camel_case() {
        let r = ReaderState {
            query: "gas".into(),
            current_match: Some(3),
            matches: 17,
            ..ReaderState::default()
        };
        let json = serde_json::to_value(&r).unwrap();
        assert_eq!(json["currentMatch"], 3);
        assert_eq!(json["wholeWords"], false);
        assert_eq!(json["shownTurns"], 0);
        let none = serde_json::to_value(ReaderState::default()).unwrap();
        assert!(none["currentMatch"].is_null());
    }
}
