//! [`use_render_limit`]: how many turns a long transcript renders so far.

use super::SamePointer;
use crate::components::dom;
use crate::model::Transcript;
use crate::state::turns_to_render;
use std::rc::Rc;
use yew::prelude::*;

/// How many of `t`'s turns (and hidden-turn markers) to render now. A long transcript is
/// rendered a batch at a time (`batch`, the viewer's `render_batch`; 0 renders them all):
/// each render with turns left asks for the next batch in a zero-delay timeout, starting
/// over for each new transcript. The turns in `needed` (the current match's, the URL's
/// target) are always rendered. Returns the limit, for the turn list.
#[hook]
pub fn use_render_limit(t: &Rc<Transcript>, batch: usize, needed: &[Option<usize>]) -> usize {
    let rendered = use_state_eq(|| 0usize);
    {
        let rendered = rendered.setter();
        use_effect_with(SamePointer(t.clone()), move |_| rendered.set(0));
    }
    let limit = turns_to_render(t.turns.len(), batch, *rendered, needed);
    {
        let rendered = rendered.setter();
        let total = t.turns.len();
        use_effect_with((limit, total), move |&(limit, total)| {
            let next = (limit < total)
                .then(|| dom::Timeout::new(0, move || rendered.set(limit + batch)))
                .flatten();
            move || drop(next)
        });
    }
    limit
}
