//! [`use_fragment_target`]: the turn the URL fragment points at.

use crate::components::dom;
use crate::model::Transcript;
use crate::state::{turn_for_fragment, turn_ids, Action, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// Follows the URL fragment (`#<prefix>t3`, `p` being the id prefix) on mount and on
/// `hashchange`: the turn of `t` it points at goes into `target` (marked, and always
/// rendered), is revealed through `state` if the speaker filter hides it, and is
/// scrolled to once rendered. The state of `target` is the caller's, as the render
/// limit needs it before this hook's effects are declared.
#[hook]
pub fn use_fragment_target(
    t: &Rc<Transcript>,
    p: &AttrValue,
    state: &UseReducerHandle<ViewState>,
    target: &UseStateHandle<Option<usize>>,
) {
    // The turn the URL fragment points at: marked, revealed if hidden, scrolled to.
    {
        let state = state.clone();
        let target = target.clone();
        use_effect_with((t.clone(), p.clone()), move |(t, p)| {
            let (t, p) = (t.clone(), p.clone());
            let follow = move || {
                let hash = dom::location_hash().unwrap_or_default();
                let turn = turn_for_fragment(&t, &p, &hash);
                if let Some(i) = turn.filter(|&i| !state.shows(&t, i)) {
                    state.dispatch(Action::Reveal(turn_ids(&t, &[i])));
                }
                target.set(turn);
            };
            follow();
            let listener = dom::Listener::window("hashchange", follow);
            move || drop(listener)
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
