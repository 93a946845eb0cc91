//! [`use_paint_matches`]: the search's matches painted over the rendered text.

use super::{SamePointer, UseNearViewHandle};
use crate::components::paint;
use crate::components::turn_list::group_turns;
use crate::model::Transcript;
use crate::state::{painted_texts_of, Matches};
use std::rc::Rc;
use yew::prelude::*;

/// Up to this many matches, a search's are all painted at once; past it, those of the
/// turns near the view, and the others as they come near (see `paint::Nearby`). Painting
/// costs about half a microsecond a match in Chromium, and a 10 MB transcript's
/// one-letter search has 380,000: 1,000 are a fraction of a millisecond.
pub const PAINT_ALL_UP_TO: usize = 1000;

/// What [`use_paint_matches`] paints, and what tells it the DOM changed.
pub struct PaintMatches {
    /// The viewer's root element, where the text is.
    pub root: NodeRef,
    /// The transcript shown.
    pub transcript: Rc<Transcript>,
    /// The viewer's id prefix.
    pub id_prefix: AttrValue,
    /// The matches shown.
    pub matches: Rc<Matches>,
    /// The index of the current match in `matches.all`.
    pub current: Option<usize>,
    /// Whether the matches are painted (see `use_painted_highlights`); if not, they are
    /// `<mark>` elements and nothing is painted (what was is taken off).
    pub painted: bool,
    /// The groups near the view, of a search with more than [`PAINT_ALL_UP_TO`] matches.
    pub near: UseNearViewHandle,
    /// How many turns are rendered: more turns, more text to paint.
    pub limit: usize,
    /// How many renders woke groups (see `use_wake_groups`).
    pub wakes: usize,
}

/// Paints the matches (all but the current one) with `paint::Painter`, once the DOM
/// holds this render's text: after a render with other matches, another current match,
/// more turns, woken groups or groups come near. What it painted is cleared on unmount.
#[hook]
pub fn use_paint_matches(what: PaintMatches) {
    let PaintMatches {
        root,
        transcript: t,
        id_prefix: p,
        matches,
        current,
        painted,
        near,
        limit,
        wakes,
    } = what;
    let painter = use_mut_ref(paint::Painter::default);
    let key = (
        SamePointer(matches.clone()),
        current,
        painted,
        limit,
        wakes,
        near.changes,
    );
    let for_unmount = painter.clone();
    let painted_at = use_mut_ref(|| 0usize);
    use_effect_with(key, move |(matches, current, painted, _, wakes, _)| {
        // After groups woke, what was painted in them is on nodes no longer there.
        let recheck = std::mem::replace(&mut *painted_at.borrow_mut(), *wakes) != *wakes;
        let texts = match painted {
            true => {
                // Asked every time: groups rendered since are watched from now on.
                let near = near.groups();
                let near = near
                    .filter(|_| matches.0.all.len() > PAINT_ALL_UP_TO)
                    .map(|groups| group_turns(&groups));
                painted_texts_of(&t, &p, &matches.0, *current, near.as_deref())
            }
            false => Vec::new(),
        };
        let transcript = Rc::as_ptr(&t) as usize;
        let at = current.and_then(|c| matches.0.all.get(c));
        let current = at.and_then(|m| m.place.element_id(&t, &p));
        painter
            .borrow_mut()
            .paint(&root, transcript, current, texts, recheck);
    });
    use_effect_with((), move |()| move || for_unmount.borrow_mut().clear());
}
