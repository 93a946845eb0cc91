//! [`use_fragment_target`]: the turn the URL fragment points at.

use crate::components::dom;
use crate::components::hooks::SamePointer;
use crate::model::Transcript;
use crate::state::{parse_query, turn_for_fragment, turn_ids, Action, Matches, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Follows the URL fragment (`#<prefix>t3`, `p` being the id prefix) on mount and on
/// `hashchange`: the turn of `t` it points at goes into `target` (marked, and always
/// rendered), is revealed through `state` if the speaker filter hides it, and is
/// scrolled to once rendered. The state of `target` is the caller's, as the render
/// limit needs it before this hook's effects are declared.
///
/// When the address the page opened with also searches (`?q=gas#t12`, as an archive
/// search's results link), the current match becomes the first in that turn (or after
/// it) once `matches` for that query are in, through `act` (which brings it into view):
/// the page opens on the match the link was for, not on the transcript's first.
#[hook]
pub fn use_fragment_target(
    t: &Rc<Transcript>,
    p: &AttrValue,
    state: &UseReducerHandle<ViewState>,
    target: &UseStateHandle<Option<usize>>,
    matches: &Rc<Matches>,
    act: &Callback<Action>,
) {
    // A turn to open the URL's search on, with that search's words: (turn, query).
    let seek = use_mut_ref(|| None::<(usize, String)>);
    // The turn the URL fragment points at: marked, revealed if hidden, scrolled to.
    {
        let state = state.clone();
        let target = target.clone();
        let seek = seek.clone();
        use_effect_with((t.clone(), p.clone()), move |(t, p)| {
            let (t, p) = (t.clone(), p.clone());
            // Only the address the page opened with: a turn's link followed later, while
            // the reader searches, leaves their current match where it is.
            let opened = std::cell::Cell::new(true);
            let follow = move || {
                let hash = dom::location_hash().unwrap_or_default();
                let turn = turn_for_fragment(&t, &p, &hash);
                if let Some(i) = turn.filter(|&i| !state.shows(&t, i)) {
                    state.dispatch(Action::Reveal(turn_ids(&t, &[i])));
                }
                let search = dom::location_search().unwrap_or_default();
                let query = parse_query(&search)
                    .into_iter()
                    .find_map(|(k, v)| (k == "q").then_some(v))
                    .filter(|q| !q.trim().is_empty());
                if opened.replace(false) {
                    *seek.borrow_mut() = turn.zip(query);
                }
                target.set(turn);
            };
            follow();
            let listener = dom::Listener::window("hashchange", follow);
            move || drop(listener)
        });
    }
    {
        let (query, act) = (state.query.clone(), act.clone());
        use_effect_with(SamePointer(matches.clone()), move |matches| {
            let mut seek = seek.borrow_mut();
            if let Some((turn, q)) = seek.as_ref() {
                if *q != query {
                    // Not in yet, or the reader searched for something else.
                    if !query.is_empty() {
                        *seek = None;
                    }
                } else if let Some(n) = matches.0.first_from_turn(*turn) {
                    act.emit(Action::GoToMatch(n));
                    *seek = None;
                }
            }
        });
    }
    {
        let id = (**target)
            .and_then(|i| t.turns.get(i))
            .map(|turn| format!("{p}{}", turn.id));
        use_effect_with(id, |id| {
            if let Some(id) = id {
                dom::scroll_to_id(id);
            }
        });
    }
}
