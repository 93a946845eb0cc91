//! Highlights painted over the text instead of wrapped in elements (the CSS Custom
//! Highlight API): the matches grouped by the element holding them ([`PaintedText`]), and
//! what a painter keeps and repaints from one painting to the next ([`PaintPlan`]).

use super::matches::{Matches, Place};
use crate::model::Transcript;
use std::collections::HashMap;
use std::ops::Range;

/// The search's matches in one element's text, for a renderer that paints highlights
/// over the text (the CSS Custom Highlight API) instead of wrapping them in elements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaintedText {
    /// The `id` of the element holding the text.
    pub element_id: String,
    /// The text's length in UTF-16 code units, to check the element still holds it.
    pub len16: u32,
    /// The matches, as UTF-16 offsets into the element's text.
    pub ranges16: Vec<Range<u32>>,
}

/// Every visible match except `current` (an index into [`Matches::all`], which a
/// renderer draws as an element of its own), grouped by the element holding it.
pub fn painted_texts(
    transcript: &Transcript,
    prefix: &str,
    matches: &Matches,
    current: Option<usize>,
) -> Vec<PaintedText> {
    painted_texts_of(transcript, prefix, matches, current, None)
}

/// [`painted_texts`] of the title, the summary and, when `turns` is given, only the
/// turns in those ranges (ascending, not overlapping): a painter that paints only what
/// is near the view looks at those matches, not at all of them.
pub fn painted_texts_of(
    transcript: &Transcript,
    prefix: &str,
    matches: &Matches,
    current: Option<usize>,
    turns: Option<&[Range<usize>]>,
) -> Vec<PaintedText> {
    let spans: Vec<Range<usize>> = match turns {
        None => std::iter::once(0..matches.all.len()).collect(),
        Some(turns) => std::iter::once(0..matches.in_summary().end)
            .chain(
                turns
                    .iter()
                    .map(|r| matches.between(Place::Turn(r.start, 0), Place::Turn(r.end, 0))),
            )
            .collect(),
    };
    let mut out = Vec::new();
    for span in spans {
        let mut rest = &matches.all[span.clone()];
        let mut start = span.start;
        while let Some(first) = rest.first() {
            let place = first.place;
            let n = rest.partition_point(|m| m.place == place);
            let ranges: Vec<Range<usize>> = rest[..n]
                .iter()
                .enumerate()
                .filter(|&(i, _)| Some(start + i) != current)
                .map(|(_, m)| m.range.clone())
                .collect();
            if let (Some(id), Some(text)) =
                (place.element_id(transcript, prefix), place.text(transcript))
            {
                let ranges16 = crate::search::utf16_ranges(text, &ranges);
                if !ranges16.is_empty() {
                    out.push(PaintedText {
                        element_id: id,
                        len16: crate::search::utf16_len(text) as u32,
                        ranges16,
                    });
                }
            }
            rest = &rest[n..];
            start += n;
        }
    }
    out
}

/// What a painter changes to go from the texts it painted (`old`) to `new`: a text
/// painted before with the same element and the same ranges keeps its ranges, every
/// other old one is taken off and every other new one painted. Moving to the next
/// match then repaints the one or two elements the current match leaves and enters,
/// not every match in the transcript.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaintPlan {
    /// For each old text, whether it stays painted as it is.
    pub keep: Vec<bool>,
    /// For each new text, the old text it is (`None`: to be painted).
    pub from: Vec<Option<usize>>,
}

/// The [`PaintPlan`] from `old` to `new`. An element's text is kept only when it is
/// equal in full (id, length and every range) and its element is not in `fresh` (the
/// elements whose text nodes the renderer changed: those the current match's `<mark>`
/// left or entered, or that it covers differently); an element listed twice in `new`
/// is painted again the second time.
pub fn paint_plan(old: &[PaintedText], new: &[PaintedText], fresh: &[&str]) -> PaintPlan {
    // After groups of turns woke, `fresh` can name thousands of elements.
    let fresh: std::collections::HashSet<&str> = fresh.iter().copied().collect();
    let mut by_id: HashMap<&str, usize> = HashMap::with_capacity(old.len());
    for (i, text) in old.iter().enumerate() {
        if !fresh.contains(&text.element_id.as_str()) {
            by_id.entry(text.element_id.as_str()).or_insert(i);
        }
    }
    let mut keep = vec![false; old.len()];
    let from = new
        .iter()
        .map(|text| {
            let i = by_id.remove(text.element_id.as_str())?;
            (old[i] == *text).then(|| {
                keep[i] = true;
                i
            })
        })
        .collect();
    PaintPlan { keep, from }
}

#[cfg(test)]
// Lists of byte ranges with one element are what these tests are about.
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;
    use crate::state::fixture::{search, transcript};
    use crate::state::view::{Action, ViewState};

    #[test]
    fn painted_texts_group_matches_by_element_without_the_current_one() {
        let mut t = transcript();
        t.turns[0].paragraphs[1] = "Más trade, trade.".into();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        // Title, summary, t1-p1, t1-p2 (twice), t3, t4, t6.
        assert_eq!(m.all.len(), 8);
        let painted = painted_texts(&t, "x-", &m, Some(3));
        let ids: Vec<&str> = painted.iter().map(|p| p.element_id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "x-title",
                "x-summary-1",
                "x-t1-p1",
                "x-t1-p2",
                "x-t3-p1",
                "x-t4-p1",
                "x-t6-p1"
            ]
        );
        // "Más trade, trade.": "á" is two bytes but one UTF-16 unit; the current match
        // (the first "trade" there, index 3) is left to the renderer.
        assert_eq!(painted[3].ranges16, vec![11..16]);
        assert_eq!(painted[3].len16, 17);
        assert_eq!(painted[0].ranges16, vec![9..14]);
        // With no current match, every match is painted; a place with only the current
        // match is left out.
        assert_eq!(
            painted_texts(&t, "", &m, None)[3].ranges16,
            vec![4..9, 11..16]
        );
        let title_only = ViewState::default().apply(Action::SetQuery("talks on".into()));
        let m = search(&t, &title_only);
        assert_eq!(m.all.len(), 1);
        assert!(painted_texts(&t, "", &m, Some(0)).is_empty());
    }

    #[test]
    fn painted_texts_of_some_turns_keep_the_title_and_summary_and_only_those_turns() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        let ids = |turns: Option<&[Range<usize>]>, current| -> Vec<String> {
            painted_texts_of(&t, "", &m, current, turns)
                .into_iter()
                .map(|p| p.element_id)
                .collect()
        };
        // Title, summary, t1-p1, t1-p2, t3, t4, t6 (turns 0, 2, 3, 5).
        assert_eq!(ids(None, None).len(), 7);
        assert_eq!(
            ids(Some(&[2..4]), None),
            ["title", "summary-1", "t3-p1", "t4-p1"]
        );
        assert_eq!(
            ids(Some(&[0..1, 5..6]), None),
            ["title", "summary-1", "t1-p1", "t1-p2", "t6-p1"]
        );
        assert_eq!(ids(Some(&[]), None), ["title", "summary-1"]);
        // Ranges past the last turn, or of turns without matches, add nothing.
        assert_eq!(ids(Some(&[1..2, 6..100]), None), ["title", "summary-1"]);
        // The current match (t1-p1's only one here) is left out as from the whole.
        let all = painted_texts(&t, "", &m, Some(2));
        let some = painted_texts_of(&t, "", &m, Some(2), Some(&[0..1]));
        assert_eq!(some[..], all[..3]);
        assert_eq!(some[2].element_id, "t1-p2");
        // Every scope gives the same texts as the whole, where they overlap.
        for current in [None, Some(0), Some(4), Some(7)] {
            let all = painted_texts(&t, "", &m, current);
            let parts = painted_texts_of(&t, "", &m, current, Some(&[0..3, 3..6]));
            assert_eq!(parts, all);
        }
    }

    #[test]
    fn moving_to_the_next_match_repaints_only_the_elements_it_leaves_and_enters() {
        let t = transcript();
        let s = ViewState::default().apply(Action::SetQuery("trade".into()));
        let m = search(&t, &s);
        let before = painted_texts(&t, "", &m, Some(2));
        let after = painted_texts(&t, "", &m, Some(3));
        let plan = paint_plan(&before, &after, &["t1-p1", "t1-p2"]);
        let kept: Vec<&str> = (before.iter().zip(&plan.keep))
            .filter(|(_, &k)| k)
            .map(|(p, _)| p.element_id.as_str())
            .collect();
        let repainted: Vec<&str> = (after.iter().zip(&plan.from))
            .filter(|(_, from)| from.is_none())
            .map(|(p, _)| p.element_id.as_str())
            .collect();
        // Match 2 is in t1-p1, match 3 (the only one) in t1-p2: t1-p1 is painted
        // again, with its match; t1-p2 is taken off; nothing else changes.
        assert_eq!(kept, ["title", "summary-1", "t3-p1", "t4-p1", "t6-p1"]);
        assert_eq!(repainted, ["t1-p1"]);
        assert_eq!(before.len(), 6);
        assert_eq!(after.len(), 6);
        // Every kept text is the same text, named by its new position.
        for (new, from) in after.iter().zip(&plan.from) {
            if let Some(i) = from {
                assert_eq!(&before[*i], new);
            }
        }
        // A new query repaints everything; nothing painted to nothing keeps nothing.
        let other = ViewState::default().apply(Action::SetQuery("thank".into()));
        let plan = paint_plan(
            &before,
            &painted_texts(&t, "", &search(&t, &other), None),
            &[],
        );
        assert!(plan.keep.iter().all(|k| !k) && plan.from.iter().all(Option::is_none));
        assert_eq!(
            paint_plan(&before, &[], &[]).keep,
            vec![false; before.len()]
        );
        assert!(paint_plan(&[], &[], &[]).from.is_empty());
        // An element the current match's mark changed is painted again though its
        // other matches are the same.
        let plan = paint_plan(&before, &before, &["t3-p1"]);
        assert_eq!(
            plan.from,
            [Some(0), Some(1), Some(2), None, Some(4), Some(5)]
        );
    }

    #[test]
    fn a_text_is_kept_only_when_equal_in_full_and_once() {
        let text = |id: &str, len16, ranges16: Vec<Range<u32>>| PaintedText {
            element_id: id.into(),
            len16,
            ranges16,
        };
        let old = [text("a", 10, vec![0..2]), text("b", 10, vec![3..4])];
        // Same id, other length; same id, other ranges; a duplicate id.
        let new = [
            text("a", 11, vec![0..2]),
            text("b", 10, vec![3..4]),
            text("b", 10, vec![3..4]),
            text("c", 10, vec![3..4]),
        ];
        let plan = paint_plan(&old, &new, &[]);
        assert_eq!(plan.keep, [false, true]);
        assert_eq!(plan.from, [None, Some(1), None, None]);
    }
}
