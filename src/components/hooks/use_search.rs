//! [`use_search`]: the matches of the reader's search, as the speaker filter shows them.

use super::use_search_index;
use crate::model::Transcript;
use crate::state::{search, Found, Matches, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// The matches of `state`'s query and search options in `t`, narrowed down to the turns
/// `state`'s speaker filter shows. Takes the transcript and the view state; returns the
/// matches, the same `Rc` for as long as they are the same.
///
/// The search index comes from [`use_search_index`] (finished at once while the query
/// is not empty).
#[hook]
pub fn use_search(t: &Rc<Transcript>, state: &ViewState) -> Rc<Matches> {
    let mode = state.options.fold_mode();
    let searching = !state.query.trim().is_empty();
    let index = use_search_index(t, mode, searching);
    // Searched once per query; a speaker filter only narrows the result down.
    let found = {
        let t = t.clone();
        let query = (state.query.clone(), state.options.clone());
        use_memo(
            (index, query),
            move |(index, (query, options))| match index {
                Some(index) => search(&t, index, query, options),
                None => Found::default(),
            },
        )
    };
    let t = t.clone();
    let filter = state.speaker_filter();
    use_memo((found.clone(), filter), move |(found, filter)| {
        found.visible(&t, filter)
    })
}
