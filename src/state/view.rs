//! What the reader has asked for ([`ViewState`]: the query, the search options, the
//! hidden speakers, the revealed turns, the current match), the [`Action`]s that change
//! it and the reducer that applies them (`impl yew::Reducible`), and what a state shows
//! of a transcript: which turns, their ids, the speakers' ids.

use crate::model::Transcript;
use crate::search::SearchOptions;
use std::collections::BTreeSet;
use std::rc::Rc;

/// What the reader has asked for.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ViewState {
    /// The search box's text, as typed.
    pub query: String,
    /// Search toggles.
    pub options: SearchOptions,
    /// Speakers whose turns are hidden, by id.
    pub hidden: BTreeSet<String>,
    /// Turns shown although their speaker is hidden (a marker was activated), by id.
    pub revealed: BTreeSet<String>,
    /// Index of the current match among the visible matches.
    pub current: usize,
}

/// Everything the reader can do to the state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// The search box changed.
    SetQuery(String),
    /// Esc: clear the search.
    ClearQuery,
    /// The "Match diacritics" toggle.
    SetMatchDiacritics(bool),
    /// The "Whole words" toggle.
    SetWholeWords(bool),
    /// Next match (wraps); `total` is the number of visible matches.
    Next { total: usize },
    /// Previous match (wraps).
    Previous { total: usize },
    /// Make match `n` (an index into the visible matches) the current one.
    GoToMatch(usize),
    /// Show or hide one speaker's turns.
    ToggleSpeaker(String),
    /// Show every speaker.
    ShowAll,
    /// Show only this speaker; `all` lists every speaker id.
    ShowOnly { speaker: String, all: Vec<String> },
    /// Show these hidden turns (a hidden-turn marker was activated).
    Reveal(Vec<String>),
    /// Hide exactly these speakers (a host's `setHidden`).
    SetHidden(BTreeSet<String>),
    /// Replace the whole state (Back/Forward, a URL opened).
    Replace(ViewState),
}

impl Action {
    /// True for what the reader does to find something (type, toggle an option, step
    /// through matches, change the filter): afterwards the viewer brings the current
    /// match into view. Revealing hidden turns or replacing the state does not move the
    /// reader.
    pub fn seeks_match(&self) -> bool {
        !matches!(self, Action::Reveal(_) | Action::Replace(_))
    }
}

impl ViewState {
    /// The state after `action`.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut s = self.clone();
        match action {
            Action::SetQuery(q) => {
                s.query = q;
                s.current = 0;
            }
            Action::ClearQuery => {
                s.query.clear();
                s.current = 0;
            }
            Action::SetMatchDiacritics(on) => {
                s.options.match_diacritics = on;
                s.current = 0;
            }
            Action::SetWholeWords(on) => {
                s.options.whole_words = on;
                s.current = 0;
            }
            Action::Next { total } => {
                s.current = if total == 0 {
                    0
                } else {
                    (s.current + 1) % total
                };
            }
            Action::Previous { total } => {
                s.current = if total == 0 {
                    0
                } else {
                    (s.current + total - 1) % total
                };
            }
            Action::GoToMatch(n) => s.current = n,
            Action::ToggleSpeaker(id) => {
                if !s.hidden.remove(&id) {
                    s.hidden.insert(id);
                }
                s.revealed.clear();
                s.current = 0;
            }
            Action::ShowAll => {
                s.hidden.clear();
                s.revealed.clear();
                s.current = 0;
            }
            Action::ShowOnly { speaker, all } => {
                s.hidden = all.into_iter().filter(|id| *id != speaker).collect();
                s.revealed.clear();
                s.current = 0;
            }
            Action::SetHidden(ids) => {
                s.hidden = ids;
                s.revealed.clear();
                s.current = 0;
            }
            Action::Reveal(turns) => s.revealed.extend(turns),
            Action::Replace(new) => s = new,
        }
        s
    }

    /// Whether the turn at `index` shows.
    pub fn shows(&self, transcript: &Transcript, index: usize) -> bool {
        transcript.turns.get(index).is_some_and(|t| {
            t.speaker
                .as_ref()
                .is_none_or(|sp| !self.hidden.contains(sp))
                || self.revealed.contains(&t.id)
        })
    }

    /// True when some speaker is hidden.
    pub fn filtering(&self) -> bool {
        !self.hidden.is_empty()
    }

    /// What of the state decides which turns show (hidden speakers, revealed turns),
    /// the rest default: a memo keyed on it is not recomputed when only the search or
    /// the current match changes.
    pub fn speaker_filter(&self) -> ViewState {
        ViewState {
            hidden: self.hidden.clone(),
            revealed: self.revealed.clone(),
            ..ViewState::default()
        }
    }
}

/// Number of turns shown.
pub fn shown_turns(transcript: &Transcript, state: &ViewState) -> usize {
    (0..transcript.turns.len())
        .filter(|&i| state.shows(transcript, i))
        .count()
}

/// The ids of the turns at `indices`.
pub fn turn_ids(transcript: &Transcript, indices: &[usize]) -> Vec<String> {
    indices
        .iter()
        .filter_map(|&i| transcript.turns.get(i))
        .map(|t| t.id.clone())
        .collect()
}

/// Every speaker's id, in order (what [`Action::ShowOnly`] needs).
pub fn speaker_ids(transcript: &Transcript) -> Vec<String> {
    transcript.speakers.iter().map(|s| s.id.clone()).collect()
}

impl yew::Reducible for ViewState {
    type Action = Action;

    /// [`ViewState::apply`]; an action that changes nothing returns the same `Rc`, so
    /// the viewer does not re-render.
    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let next = self.apply(action);
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::transcript;

    #[test]
    fn the_speaker_filter_part_decides_what_shows_and_nothing_else() {
        let t = transcript();
        let mut s = ViewState::default().apply(Action::SetQuery("gas".into()));
        s = s.apply(Action::ToggleSpeaker(t.speakers[0].id.clone()));
        s.revealed.insert(t.turns[0].id.clone());
        s.current = 2;
        let part = s.speaker_filter();
        assert!(part.query.is_empty() && part.current == 0);
        assert_eq!((&part.hidden, &part.revealed), (&s.hidden, &s.revealed));
        for i in 0..t.turns.len() {
            assert_eq!(part.shows(&t, i), s.shows(&t, i), "turn {i}");
        }
    }

    #[test]
    fn show_only_and_show_all() {
        let t = transcript();
        let all: Vec<String> = t.speakers.iter().map(|s| s.id.clone()).collect();
        let s = ViewState::default().apply(Action::ShowOnly {
            speaker: "p".into(),
            all,
        });
        let shown: Vec<usize> = (0..t.turns.len()).filter(|&i| s.shows(&t, i)).collect();
        // Unattributed text always shows.
        assert_eq!(shown, vec![0, 4, 5]);
        assert!(s.filtering());
        let s = s.apply(Action::ShowAll);
        assert!(!s.filtering() && (0..6).all(|i| s.shows(&t, i)));
    }

    #[test]
    fn navigation_wraps() {
        let s = ViewState::default();
        let s = s.apply(Action::Previous { total: 3 });
        assert_eq!(s.current, 2);
        let s = s.apply(Action::Next { total: 3 });
        assert_eq!(s.current, 0);
        let s = s
            .apply(Action::Next { total: 3 })
            .apply(Action::Next { total: 3 });
        assert_eq!(s.current, 2);
        assert_eq!(s.apply(Action::Next { total: 0 }).current, 0);
        assert_eq!(s.apply(Action::SetQuery("x".into())).current, 0);
        assert_eq!(s.apply(Action::ClearQuery).query, "");
    }

    #[test]
    fn reducer_keeps_the_same_rc_when_nothing_changes() {
        use yew::Reducible;
        let s = Rc::new(ViewState::default());
        let same = s.clone().reduce(Action::Next { total: 0 });
        assert!(Rc::ptr_eq(&s, &same));
        let changed = s.clone().reduce(Action::SetQuery("x".into()));
        assert!(!Rc::ptr_eq(&s, &changed));
        assert_eq!(changed.query, "x");
    }

    #[test]
    fn shown_turns_ids_and_speakers() {
        let t = transcript();
        let s = ViewState::default();
        assert_eq!(shown_turns(&t, &s), 6);
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(shown_turns(&t, &s), 4);
        assert_eq!(turn_ids(&t, &[1, 3, 42]), vec!["t2", "t4"]);
        assert_eq!(speaker_ids(&t), vec!["p", "l", "q"]);
    }

    #[test]
    fn which_actions_seek_a_match() {
        let cases = [
            (Action::SetQuery("a".into()), true),
            (Action::ClearQuery, true),
            (Action::SetMatchDiacritics(true), true),
            (Action::SetWholeWords(true), true),
            (Action::Next { total: 2 }, true),
            (Action::Previous { total: 2 }, true),
            (Action::GoToMatch(3), true),
            (Action::ToggleSpeaker("l".into()), true),
            (Action::ShowAll, true),
            (
                Action::ShowOnly {
                    speaker: "p".into(),
                    all: vec![],
                },
                true,
            ),
            (Action::Reveal(vec![]), false),
            (Action::Replace(ViewState::default()), false),
        ];
        for (action, want) in cases {
            assert_eq!(action.seeks_match(), want, "{action:?}");
        }
    }
}
