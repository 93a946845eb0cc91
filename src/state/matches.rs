//! Searching a transcript: the [`Place`]s of its searchable texts, their folded
//! [`SearchIndex`] (built at once or a few turns at a time), every match [`Found`] and
//! the [`Matches`] a state shows, where a search stands ([`SearchStatus`], the status
//! line), and the [`MatchSlice`] one part of the page renders.

use super::stats::turn_speakers;
use super::view::ViewState;
use crate::model::Transcript;
use crate::search::{fold, FoldMode, Folded, Query, SearchOptions};
use std::ops::Range;
use std::rc::Rc;

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

impl Place {
    /// The `id` of the element that holds this text (`title`, `summary-2`, `t3-p1`),
    /// after the viewer's id prefix; `None` for a place the transcript does not have.
    pub fn element_id(self, transcript: &Transcript, prefix: &str) -> Option<String> {
        Some(match self {
            Place::Title => format!("{prefix}title"),
            Place::Summary(i) => {
                transcript.summary.get(i)?;
                format!("{prefix}summary-{}", i + 1)
            }
            Place::Turn(t, p) => {
                let turn = transcript.turns.get(t)?;
                turn.paragraphs.get(p)?;
                format!("{prefix}{}-p{}", turn.id, p + 1)
            }
        })
    }

    /// The text at this place.
    pub fn text(self, transcript: &Transcript) -> Option<&str> {
        match self {
            Place::Title => Some(&transcript.title),
            Place::Summary(i) => transcript.summary.get(i).map(String::as_str),
            Place::Turn(t, p) => transcript
                .turns
                .get(t)?
                .paragraphs
                .get(p)
                .map(String::as_str),
        }
    }
}

/// The searchable texts of a transcript, folded once per fold mode.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchIndex {
    /// The mode the texts were folded in.
    pub mode: FoldMode,
    fields: Vec<(Place, Folded)>,
    /// [`turn_speakers`], for the per-speaker counts.
    speakers: Vec<Option<usize>>,
}

impl SearchIndex {
    /// Folds the title, summary and every paragraph.
    pub fn new(transcript: &Transcript, mode: FoldMode) -> Self {
        let mut builder = IndexBuilder::new(transcript, mode);
        builder.fold_turns(transcript, usize::MAX);
        builder.index
    }
}

/// A [`SearchIndex`] folded a number of turns at a time, so that a long transcript's
/// index can be built in short tasks while the page stays responsive.
#[derive(Debug, Clone)]
pub struct IndexBuilder {
    index: SearchIndex,
    next_turn: usize,
}

impl IndexBuilder {
    /// Starts an index: the title and summary are folded, no turn yet.
    pub fn new(transcript: &Transcript, mode: FoldMode) -> Self {
        let mut fields = vec![(Place::Title, fold(&transcript.title, mode))];
        for (i, p) in transcript.summary.iter().enumerate() {
            fields.push((Place::Summary(i), fold(p, mode)));
        }
        IndexBuilder {
            index: SearchIndex {
                mode,
                fields,
                speakers: turn_speakers(transcript),
            },
            next_turn: 0,
        }
    }

    /// Folds up to `count` more turns of `transcript` (the one the builder was started
    /// with); true once every turn is folded.
    pub fn fold_turns(&mut self, transcript: &Transcript, count: usize) -> bool {
        let end = self
            .next_turn
            .saturating_add(count)
            .min(transcript.turns.len());
        for t in self.next_turn..end {
            for (p, text) in transcript.turns[t].paragraphs.iter().enumerate() {
                let folded = fold(text, self.index.mode);
                self.index.fields.push((Place::Turn(t, p), folded));
            }
        }
        self.next_turn = end;
        self.is_done(transcript)
    }

    /// True once every turn of `transcript` is folded.
    pub fn is_done(&self, transcript: &Transcript) -> bool {
        self.next_turn >= transcript.turns.len()
    }

    /// The index, once [`is_done`](Self::is_done) (before, it covers only the turns
    /// folded so far).
    pub fn finish(self) -> SearchIndex {
        self.index
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

/// Every match of a search, hidden turns included: what a speaker filter narrows down
/// (see [`Found::visible`]) without searching again.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Found {
    /// The folded query.
    pub query: Query,
    /// Every match, in document order.
    pub all: Vec<Match>,
    /// Matches per speaker, in the order of `Transcript::speakers`.
    pub per_speaker: Vec<usize>,
}

/// Searches every text of the transcript for `query` with `options`; `index` must be
/// folded in the options' mode.
pub fn search(
    transcript: &Transcript,
    index: &SearchIndex,
    query: &str,
    options: &SearchOptions,
) -> Found {
    let query = Query::new(query, index.mode);
    let mut out = Found {
        per_speaker: vec![0; transcript.speakers.len()],
        ..Found::default()
    };
    if let Query::Phrase(phrase) = &query {
        for (place, folded) in &index.fields {
            let ranges = folded.find_all(phrase, options.whole_words);
            if ranges.is_empty() {
                continue;
            }
            if let Place::Turn(t, _) = place {
                if let Some(sp) = index.speakers.get(*t).copied().flatten() {
                    out.per_speaker[sp] += ranges.len();
                }
            }
            out.all.extend(ranges.into_iter().map(|range| Match {
                place: *place,
                range,
            }));
        }
    }
    out.query = query;
    out
}

impl Found {
    /// The matches in what `state` shows (its hidden speakers' turns left out, unless
    /// revealed).
    pub fn visible(&self, transcript: &Transcript, state: &ViewState) -> Matches {
        let all = match state.filtering() {
            false => self.all.clone(),
            true => self
                .all
                .iter()
                .filter(|m| match m.place {
                    Place::Turn(t, _) => state.shows(transcript, t),
                    _ => true,
                })
                .cloned()
                .collect(),
        };
        Matches {
            query: Some(self.query.clone()),
            all,
            per_speaker: self.per_speaker.clone(),
        }
    }
}

/// Searches the transcript as the state asks; `index` must be folded in the state's mode.
pub fn find(transcript: &Transcript, index: &SearchIndex, state: &ViewState) -> Matches {
    search(transcript, index, &state.query, &state.options).visible(transcript, state)
}

/// The status line for a search: `3 of 17`, `No matches`, or why nothing can match.
pub fn status(matches: &Matches, current: usize) -> String {
    match matches.status(current) {
        SearchStatus::Inactive => String::new(),
        SearchStatus::NothingToSearch => "No matches: type a letter or digit".into(),
        SearchStatus::NoMatches => "No matches".into(),
        SearchStatus::Position { number, total } => format!("{number} of {total}"),
    }
}

/// Where a search stands, as a value a renderer words in its own language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SearchStatus {
    /// Nothing typed: no search.
    Inactive,
    /// Only punctuation or symbols typed: nothing can match.
    NothingToSearch,
    /// A phrase that matches nothing visible.
    NoMatches,
    /// The current match is the `number`th (from 1) of `total`.
    Position {
        /// 1-based position of the current match.
        number: usize,
        /// Number of visible matches.
        total: usize,
    },
}

impl Matches {
    /// Where the search stands when `current` is the state's current match.
    pub fn status(&self, current: usize) -> SearchStatus {
        match &self.query {
            None | Some(Query::Empty) => SearchStatus::Inactive,
            Some(Query::NothingToSearch) => SearchStatus::NothingToSearch,
            Some(Query::Phrase(_)) => match self.current(current) {
                None => SearchStatus::NoMatches,
                Some(i) => SearchStatus::Position {
                    number: i + 1,
                    total: self.all.len(),
                },
            },
        }
    }

    /// The index in [`Matches::all`] of the current match (`current` clamped to the
    /// last), or `None` when nothing matches.
    pub fn current(&self, current: usize) -> Option<usize> {
        (!self.all.is_empty()).then(|| current.min(self.all.len() - 1))
    }

    /// The index in [`Matches::all`] of the first match in turn `turn` or after it: where
    /// a link to a turn with a search (`?q=…#t12`, an archive search's result) opens.
    pub fn first_from_turn(&self, turn: usize) -> Option<usize> {
        let i = self.all.partition_point(|m| m.place < Place::Turn(turn, 0));
        (i < self.all.len()).then_some(i)
    }

    /// The indices in [`Matches::all`] of the matches at or after `from` and before `to`.
    pub fn between(&self, from: Place, to: Place) -> Range<usize> {
        let start = self.all.partition_point(|m| m.place < from);
        let end = self.all.partition_point(|m| m.place < to).max(start);
        start..end
    }

    /// The indices of the matches in the title.
    pub fn in_title(&self) -> Range<usize> {
        self.between(Place::Title, Place::Summary(0))
    }

    /// The indices of the matches in the summary.
    pub fn in_summary(&self) -> Range<usize> {
        self.between(Place::Summary(0), Place::Turn(0, 0))
    }

    /// The indices of the matches in turn `turn`.
    pub fn in_turn(&self, turn: usize) -> Range<usize> {
        self.between(Place::Turn(turn, 0), Place::Turn(turn + 1, 0))
    }
}

/// One part of the transcript's matches (the title, the summary, a turn) and the current
/// match if it is among them: what a memoised renderer of that part needs.
///
/// Two slices are equal when they would render the same: the same matches, and the
/// current one at the same position among them, wherever the slice sits in the whole
/// list. So when the reader types, only the parts whose highlights change re-render.
#[derive(Debug, Clone, Default)]
pub struct MatchSlice {
    matches: Rc<Matches>,
    range: Range<usize>,
    current: Option<usize>,
}

impl MatchSlice {
    /// The matches at `range` of `matches.all`, with `current` (an index into
    /// `matches.all`, as [`Matches::current`] gives it) kept only if it is in `range`.
    pub fn new(matches: &Rc<Matches>, range: Range<usize>, current: Option<usize>) -> Self {
        let len = matches.all.len();
        let start = range.start.min(len);
        let range = start..range.end.clamp(start, len);
        let current = current.filter(|c| range.contains(c));
        MatchSlice {
            matches: matches.clone(),
            range,
            current,
        }
    }

    /// Only the current match, if it is in `range`: what a part renders when the other
    /// matches are painted over its text (see [`painted_texts`](super::painted_texts)),
    /// so that it re-renders only when the current match comes or goes.
    pub fn current_only(
        matches: &Rc<Matches>,
        range: Range<usize>,
        current: Option<usize>,
    ) -> Self {
        match current.filter(|c| range.contains(c)) {
            Some(c) => MatchSlice::new(matches, c..c + 1, Some(c)),
            None => MatchSlice::new(matches, 0..0, None),
        }
    }

    /// The matches in the slice.
    pub fn matches(&self) -> &[Match] {
        &self.matches.all[self.range.clone()]
    }

    /// The byte ranges of the matches in the text at `place`, and which of them (by
    /// position in the returned list) is the current match, if any.
    pub fn ranges(&self, place: Place) -> (Vec<Range<usize>>, Option<usize>) {
        let (at, found) = self.matches.in_place(place);
        // Only the slice's own matches (all of them, or just the current one).
        let start = at.max(self.range.start);
        let end = (at + found.len()).min(self.range.end).max(start);
        let ranges = self.matches.all[start..end]
            .iter()
            .map(|m| m.range.clone())
            .collect();
        let current = self
            .current
            .filter(|c| (start..end).contains(c))
            .map(|c| c - start);
        (ranges, current)
    }

    fn relative_current(&self) -> Option<usize> {
        self.current.map(|c| c - self.range.start)
    }
}

impl PartialEq for MatchSlice {
    fn eq(&self, other: &Self) -> bool {
        self.relative_current() == other.relative_current() && self.matches() == other.matches()
    }
}

#[cfg(test)]
// Lists of byte ranges with one element are what these tests are about.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::state::fixture::{search, transcript};
    use crate::state::view::Action;

    #[test]
    fn places_name_their_elements_and_texts() {
        let t = transcript();
        assert_eq!(
            Place::Turn(0, 1).element_id(&t, "a-").as_deref(),
            Some("a-t1-p2")
        );
        assert_eq!(Place::Turn(0, 1).text(&t), Some("More trade talk."));
        assert_eq!(
            Place::Summary(0).element_id(&t, "").as_deref(),
            Some("summary-1")
        );
        assert_eq!(Place::Title.text(&t), Some("Talks on trade"));
        assert_eq!(Place::Turn(0, 2).element_id(&t, ""), None);
        assert_eq!(Place::Turn(9, 0).text(&t), None);
        assert_eq!(Place::Summary(1).element_id(&t, ""), None);
    }

    #[test]
    fn a_current_only_slice_changes_only_when_the_current_match_comes_or_goes() {
        let t = transcript();
        let m = |q: &str| {
            let s = ViewState::default().apply(Action::SetQuery(q.into()));
            Rc::new(search(&t, &s))
        };
        let (trade, tra) = (m("trade"), m("tra"));
        let turn1 = trade.in_turn(0);
        assert_eq!(turn1, 2..4);
        // Another query with matches in the same turn but no current match here: equal.
        assert!(
            MatchSlice::current_only(&trade, turn1.clone(), Some(0))
                == MatchSlice::current_only(&tra, tra.in_turn(0), Some(7))
        );
        let here = MatchSlice::current_only(&trade, turn1.clone(), Some(2));
        assert_eq!(here.matches().len(), 1);
        // It renders only that match: t1's second paragraph has none then.
        assert_eq!(here.ranges(Place::Turn(0, 0)), (vec![14..19], Some(0)));
        assert_eq!(here.ranges(Place::Turn(0, 1)), (vec![], None));
        let full = MatchSlice::new(&trade, trade.in_turn(0), Some(3));
        assert_eq!(full.ranges(Place::Turn(0, 1)), (vec![5..10], Some(0)));
        assert!(here != MatchSlice::current_only(&trade, turn1.clone(), Some(3)));
        assert!(here != MatchSlice::current_only(&trade, turn1, None));
    }

    #[test]
    fn a_link_to_a_turn_opens_on_its_first_match_or_the_next() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        let places: Vec<Place> = m.all.iter().map(|m| m.place).collect();
        // The title and the first turn hold "trade"; the others do not.
        assert_eq!(m.first_from_turn(0), Some(m.in_turn(0).start));
        assert_eq!(places[m.first_from_turn(0).unwrap()], Place::Turn(0, 0));
        let last_turn = t.turns.len() - 1;
        for turn in 1..=last_turn {
            let found = m.first_from_turn(turn);
            let expected = places.iter().position(|p| *p >= Place::Turn(turn, 0));
            assert_eq!(found, expected, "from turn {turn}");
        }
        assert_eq!(m.first_from_turn(last_turn + 5), None);
        // The action makes it the current one.
        let n = m.first_from_turn(0).unwrap();
        assert_eq!(s.apply(Action::GoToMatch(n)).current, n);
    }

    #[test]
    fn an_index_built_in_steps_is_the_whole_index() {
        let t = transcript();
        let mode = FoldMode::default();
        let mut builder = IndexBuilder::new(&t, mode);
        assert!(!builder.is_done(&t));
        let steps = std::iter::repeat_with(|| builder.fold_turns(&t, 4))
            .take_while(|done| !done)
            .count();
        assert_eq!(steps, 1, "6 turns: 4, then 2");
        assert!(builder.is_done(&t));
        assert_eq!(builder.finish(), SearchIndex::new(&t, mode));
        let empty = Transcript {
            turns: vec![],
            ..transcript()
        };
        assert!(IndexBuilder::new(&empty, mode).is_done(&empty));
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
    fn search_status_values() {
        let t = transcript();
        let cases: Vec<(&str, usize, SearchStatus)> = vec![
            ("", 0, SearchStatus::Inactive),
            ("  ", 0, SearchStatus::Inactive),
            (" -- ", 0, SearchStatus::NothingToSearch),
            ("zebra", 0, SearchStatus::NoMatches),
            (
                "trade",
                0,
                SearchStatus::Position {
                    number: 1,
                    total: 7,
                },
            ),
            (
                "trade",
                6,
                SearchStatus::Position {
                    number: 7,
                    total: 7,
                },
            ),
            // A current index past the end is clamped, as `status` does.
            (
                "trade",
                99,
                SearchStatus::Position {
                    number: 7,
                    total: 7,
                },
            ),
        ];
        for (query, current, want) in cases {
            let s = ViewState::default().apply(Action::SetQuery(query.into()));
            assert_eq!(search(&t, &s).status(current), want, "{query:?} {current}");
        }
        let none = Matches::default();
        assert_eq!(none.current(3), None);
    }

    #[test]
    fn matches_by_part() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        // Title 0, summary 1, t1 2..4, t3 4, t4 5, t6 6.
        assert_eq!(m.in_title(), 0..1);
        assert_eq!(m.in_summary(), 1..2);
        let turns: Vec<Range<usize>> = (0..t.turns.len()).map(|i| m.in_turn(i)).collect();
        assert_eq!(turns, vec![2..4, 4..4, 4..5, 5..6, 6..6, 6..7]);
        assert_eq!(m.in_turn(99), 7..7);
        assert_eq!(Matches::default().in_turn(0), 0..0);
    }

    #[test]
    fn match_slices_compare_by_what_they_render() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = Rc::new(search(&t, &s));
        let turn0 = MatchSlice::new(&m, m.in_turn(0), Some(3));
        assert_eq!(turn0.matches().len(), 2);
        assert_eq!(
            turn0.ranges(Place::Turn(0, 0)),
            (vec![Range { start: 14, end: 19 }], None)
        );
        assert_eq!(
            turn0.ranges(Place::Turn(0, 1)),
            (vec![Range { start: 5, end: 10 }], Some(0))
        );
        // The current match elsewhere is not this slice's.
        let turn0_other = MatchSlice::new(&m, m.in_turn(0), Some(5));
        assert_eq!(
            turn0_other.ranges(Place::Turn(0, 1)),
            (vec![Range { start: 5, end: 10 }], None)
        );
        assert_ne!(turn0, turn0_other);
        // Same matches, recomputed (another Rc), current elsewhere: equal.
        let again = Rc::new(search(&t, &s));
        assert_eq!(
            MatchSlice::new(&again, again.in_turn(0), Some(6)),
            turn0_other
        );
        // Another turn's matches differ (place includes the turn).
        assert_ne!(
            MatchSlice::new(&m, m.in_turn(2), None),
            MatchSlice::new(&m, m.in_turn(3), None)
        );
        // No matches at all equals an empty slice of some search.
        let empty = Rc::new(Matches::default());
        assert_eq!(
            MatchSlice::new(&empty, 0..0, None),
            MatchSlice::new(&m, m.in_turn(1), Some(1))
        );
        // Ranges out of bounds are clamped, not trusted.
        assert_eq!(MatchSlice::new(&m, 5..99, None).matches().len(), 2);
        #[allow(clippy::reversed_empty_ranges)]
        let backwards = 4..2;
        assert!(MatchSlice::new(&m, backwards, None).matches().is_empty());
        assert!(MatchSlice::new(&m, 50..60, Some(55)).matches().is_empty());
    }
}
