//! Viewer state without the DOM: what the reader has asked for (query, search options,
//! hidden speakers, revealed turns, current match), the [`Action`]s that change it, and
//! what follows from it for a transcript: which turns show, where hidden-turn markers
//! stand, the matches and their counts, and the state's form in a URL query string.

use crate::model::Transcript;
use crate::search::{fold, FoldMode, Folded, Query, SearchOptions};
use std::collections::BTreeSet;
use std::ops::Range;
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
    /// Show or hide one speaker's turns.
    ToggleSpeaker(String),
    /// Show every speaker.
    ShowAll,
    /// Show only this speaker; `all` lists every speaker id.
    ShowOnly { speaker: String, all: Vec<String> },
    /// Show these hidden turns (a hidden-turn marker was activated).
    Reveal(Vec<String>),
    /// Replace the whole state (Back/Forward, a URL opened).
    Replace(ViewState),
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

    /// The state as URL query pairs (only what differs from the default), in a fixed
    /// order: `q`, `words`, `diacritics`, `hide`.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.query.is_empty() {
            out.push(("q", self.query.clone()));
        }
        if self.options.whole_words {
            out.push(("words", "1".into()));
        }
        if self.options.match_diacritics {
            out.push(("diacritics", "1".into()));
        }
        if !self.hidden.is_empty() {
            out.push((
                "hide",
                self.hidden.iter().cloned().collect::<Vec<_>>().join(","),
            ));
        }
        out
    }

    /// Reads the state back from URL query pairs; unknown keys are ignored and bad values
    /// fall back to defaults.
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = ViewState::default();
        for (k, v) in pairs {
            match k {
                "q" => s.query = v.to_string(),
                "words" => s.options.whole_words = v == "1",
                "diacritics" => s.options.match_diacritics = v == "1",
                "hide" => {
                    s.hidden = v
                        .split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                _ => {}
            }
        }
        s
    }
}

/// One thing in the transcript's list of turns, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The turn at this index.
    Turn(usize),
    /// Consecutive hidden turns, by index, with the indices of their speakers (each once,
    /// in order of appearance).
    Hidden {
        /// The hidden turns.
        turns: Vec<usize>,
        /// Their speakers, as indices into `Transcript::speakers`.
        speakers: Vec<usize>,
    },
}

/// The turns and hidden-turn markers, in order.
pub fn blocks(transcript: &Transcript, state: &ViewState) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for (i, turn) in transcript.turns.iter().enumerate() {
        if state.shows(transcript, i) {
            out.push(Block::Turn(i));
            continue;
        }
        let speaker = turn
            .speaker
            .as_ref()
            .and_then(|id| transcript.speakers.iter().position(|s| s.id == *id));
        if let Some(Block::Hidden { turns, speakers }) = out.last_mut() {
            turns.push(i);
            if let Some(sp) = speaker.filter(|sp| !speakers.contains(sp)) {
                speakers.push(sp);
            }
        } else {
            out.push(Block::Hidden {
                turns: vec![i],
                speakers: speaker.into_iter().collect(),
            });
        }
    }
    out
}

/// A speaker's share of the transcript.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SpeakerStats {
    /// Number of turns.
    pub turns: usize,
    /// Number of words in them.
    pub words: usize,
}

/// Turns and words per speaker, in the order of `Transcript::speakers`.
pub fn speaker_stats(transcript: &Transcript) -> Vec<SpeakerStats> {
    let mut stats = vec![SpeakerStats::default(); transcript.speakers.len()];
    for turn in &transcript.turns {
        let Some(i) = turn
            .speaker
            .as_ref()
            .and_then(|id| transcript.speakers.iter().position(|s| s.id == *id))
        else {
            continue;
        };
        stats[i].turns += 1;
        stats[i].words += turn
            .paragraphs
            .iter()
            .map(|p| {
                p.split(char::is_whitespace)
                    .filter(|w| w.chars().any(char::is_alphanumeric))
                    .count()
            })
            .sum::<usize>();
    }
    stats
}

/// Where a piece of searchable text is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    /// The title.
    Title,
    /// Summary paragraph `n`.
    Summary(usize),
    /// Paragraph `p` of turn `t`.
    Turn(usize, usize),
}

/// The searchable texts of a transcript, folded once per fold mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// The mode the texts were folded in.
    pub mode: FoldMode,
    fields: Vec<(Place, Folded)>,
}

impl SearchIndex {
    /// Folds the title, summary and every paragraph.
    pub fn new(transcript: &Transcript, mode: FoldMode) -> Self {
        let mut fields = vec![(Place::Title, fold(&transcript.title, mode))];
        for (i, p) in transcript.summary.iter().enumerate() {
            fields.push((Place::Summary(i), fold(p, mode)));
        }
        for (t, turn) in transcript.turns.iter().enumerate() {
            for (p, text) in turn.paragraphs.iter().enumerate() {
                fields.push((Place::Turn(t, p), fold(text, mode)));
            }
        }
        SearchIndex { mode, fields }
    }
}

/// One match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Where it is.
    pub place: Place,
    /// Byte range in that text.
    pub range: Range<usize>,
}

/// What a search found in the visible text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Matches {
    /// The folded query (`None` when no search is active).
    pub query: Option<Query>,
    /// Visible matches in document order.
    pub all: Vec<Match>,
    /// Matches per speaker (visible or not), in the order of `Transcript::speakers`.
    pub per_speaker: Vec<usize>,
}

impl Matches {
    /// True when the search box holds something to look for.
    pub fn active(&self) -> bool {
        !matches!(self.query, None | Some(Query::Empty))
    }

    /// The ranges in one text, and the index (in [`Matches::all`]) of the first of them.
    pub fn in_place(&self, place: Place) -> (usize, &[Match]) {
        let start = self.all.partition_point(|m| m.place < place);
        let end = self.all.partition_point(|m| m.place <= place);
        (start, &self.all[start..end])
    }
}

/// Searches the transcript as the state asks; `index` must be folded in the state's mode.
pub fn find(transcript: &Transcript, index: &SearchIndex, state: &ViewState) -> Matches {
    let query = Query::new(&state.query, index.mode);
    let mut out = Matches {
        per_speaker: vec![0; transcript.speakers.len()],
        ..Matches::default()
    };
    if let Query::Phrase(phrase) = &query {
        let speaker_of = |t: usize| {
            transcript.turns[t]
                .speaker
                .as_ref()
                .and_then(|id| transcript.speakers.iter().position(|s| s.id == *id))
        };
        for (place, folded) in &index.fields {
            let ranges = folded.find_all(phrase, state.options.whole_words);
            if ranges.is_empty() {
                continue;
            }
            if let Place::Turn(t, _) = place {
                if let Some(sp) = speaker_of(*t) {
                    out.per_speaker[sp] += ranges.len();
                }
                if !state.shows(transcript, *t) {
                    continue;
                }
            }
            out.all.extend(ranges.into_iter().map(|range| Match {
                place: *place,
                range,
            }));
        }
    }
    out.query = Some(query);
    out
}

/// The status line for a search: `3 of 17`, `No matches`, or why nothing can match.
pub fn status(matches: &Matches, current: usize) -> String {
    match &matches.query {
        None | Some(Query::Empty) => String::new(),
        Some(Query::NothingToSearch) => "No matches: type a letter or digit".into(),
        Some(Query::Phrase(_)) if matches.all.is_empty() => "No matches".into(),
        Some(Query::Phrase(_)) => format!(
            "{} of {}",
            current.min(matches.all.len() - 1) + 1,
            matches.all.len()
        ),
    }
}

/// A shared, cheaply cloned transcript with what is computed once per load.
#[derive(Debug, Clone, PartialEq)]
pub struct Loaded {
    /// The transcript.
    pub transcript: Rc<Transcript>,
    /// Turns and words per speaker.
    pub stats: Rc<Vec<SpeakerStats>>,
}

impl Loaded {
    /// Computes the per-load data.
    pub fn new(transcript: Rc<Transcript>) -> Self {
        let stats = Rc::new(speaker_stats(&transcript));
        Loaded { transcript, stats }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Source, Speaker, Turn, SCHEMA_VERSION};

    fn transcript() -> Transcript {
        let sp = |id: &str| Speaker {
            id: id.into(),
            name: id.to_uppercase(),
            role: None,
            anonymous: false,
        };
        let turn = |n: usize, sp: Option<&str>, text: &str| Turn {
            id: format!("t{n}"),
            speaker: sp.map(Into::into),
            annotation: None,
            paragraphs: text.split('|').map(str::to_string).collect(),
        };
        Transcript {
            schema: SCHEMA_VERSION,
            lang: "en".into(),
            title: "Talks on trade".into(),
            date: None,
            time: None,
            place: None,
            dateline: None,
            kind: None,
            summary: vec!["They discussed trade.".into()],
            speakers: vec![sp("p"), sp("l"), sp("q")],
            turns: vec![
                turn(1, Some("p"), "Mr President, trade.|More trade talk."),
                turn(2, Some("l"), "Thank you, Mr President."),
                turn(3, Some("q"), "A question on trade?"),
                turn(4, Some("l"), "Yes, trade."),
                turn(5, Some("p"), "Thank you."),
                turn(6, None, "Narration about trade."),
            ],
            source: Source {
                file: "x".into(),
                credit: None,
                license: None,
                url: None,
            },
        }
    }

    fn search(t: &Transcript, state: &ViewState) -> Matches {
        find(t, &SearchIndex::new(t, state.options.fold_mode()), state)
    }

    #[test]
    fn blocks_group_consecutive_hidden_turns() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(
            blocks(&t, &s),
            vec![
                Block::Turn(0),
                Block::Hidden {
                    turns: vec![1],
                    speakers: vec![1]
                },
                Block::Turn(2),
                Block::Hidden {
                    turns: vec![3],
                    speakers: vec![1]
                },
                Block::Turn(4),
                Block::Turn(5),
            ]
        );
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert_eq!(
            blocks(&t, &s)[1],
            Block::Hidden {
                turns: vec![1, 2, 3],
                speakers: vec![1, 2]
            }
        );
        // Revealing shows those turns only, until the filter changes.
        let s = s.apply(Action::Reveal(vec!["t2".into()]));
        assert_eq!(blocks(&t, &s)[1], Block::Turn(1));
        assert!(!s.shows(&t, 3));
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert!(!s.shows(&t, 1) && s.shows(&t, 2));
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
    fn matches_count_only_visible_turns_and_per_speaker() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("TRADE".into()));
        let m = search(&t, &s);
        // Title, summary, t1 twice, t3, t4, t6.
        assert_eq!(m.all.len(), 7);
        assert_eq!(m.per_speaker, vec![2, 1, 1]);
        assert_eq!(status(&m, 0), "1 of 7");
        assert_eq!(m.all[0].place, Place::Title);
        assert_eq!(m.in_place(Place::Turn(0, 1)).0, 3);
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        let m = search(&t, &s);
        assert_eq!(m.all.len(), 6);
        assert_eq!(m.per_speaker, vec![2, 1, 1]);
        let s = ViewState::default().apply(Action::SetQuery("mr president".into()));
        assert_eq!(status(&search(&t, &s), 0), "1 of 2");
        let s = s.apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(status(&search(&t, &s), 0), "1 of 1");
    }

    #[test]
    fn statuses() {
        let t = transcript();
        let m = search(&t, &ViewState::default());
        assert!(!m.active());
        assert_eq!(status(&m, 0), "");
        let s = ViewState::default().apply(Action::SetQuery(" -- ".into()));
        let m = search(&t, &s);
        assert!(m.active() && m.all.is_empty());
        assert_eq!(status(&m, 0), "No matches: type a letter or digit");
        let s = ViewState::default().apply(Action::SetQuery("zebra".into()));
        assert_eq!(status(&search(&t, &s), 0), "No matches");
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
    fn url_round_trip() {
        let s = ViewState {
            query: "mr president & co".into(),
            options: SearchOptions {
                match_diacritics: true,
                whole_words: true,
            },
            hidden: ["b".to_string(), "a".to_string()].into_iter().collect(),
            revealed: BTreeSet::new(),
            current: 0,
        };
        let pairs = s.to_query_pairs();
        assert_eq!(
            pairs,
            vec![
                ("q", "mr president & co".to_string()),
                ("words", "1".into()),
                ("diacritics", "1".into()),
                ("hide", "a,b".into()),
            ]
        );
        let back = ViewState::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
        assert_eq!(ViewState::default().to_query_pairs(), vec![]);
        let junk = ViewState::from_query_pairs([("hide", ",,"), ("words", "yes"), ("x", "1")]);
        assert_eq!(junk, ViewState::default());
    }

    #[test]
    fn stats_count_turns_and_words() {
        let t = transcript();
        let stats = speaker_stats(&t);
        assert_eq!(stats[0], SpeakerStats { turns: 2, words: 8 });
        assert_eq!(stats[1], SpeakerStats { turns: 2, words: 6 });
        assert_eq!(stats[2], SpeakerStats { turns: 1, words: 4 });
    }
}
