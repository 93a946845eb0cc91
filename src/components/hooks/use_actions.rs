//! [`use_actions`]: the callbacks through which the viewer's controls change its state.

use super::UseScrollAndFocusHandle;
use crate::model::Transcript;
use crate::state::{speaker_ids, Action, ViewState};
use std::rc::Rc;
use yew::prelude::*;

/// The callbacks that change the view state, for the search bar, the speaker filter and
/// the turns. Takes the state's reducer, the transcript (for "show only" to hide every
/// other speaker) and the scroll and focus requests; returns the callbacks. Every action
/// goes through `act`, which asks for the current match to be scrolled into view when the
/// action moves to one; revealing turns also asks for the first one's focus.
#[hook]
pub fn use_actions(
    state: &UseReducerHandle<ViewState>,
    t: &Rc<Transcript>,
    after_render: &UseScrollAndFocusHandle,
) -> UseActionsHandle {
    // Every action goes through here; stable for the viewer's life.
    let act = {
        let scroll = after_render.clone();
        use_callback(state.dispatcher(), move |action: Action, dispatch| {
            if action.seeks_match() {
                scroll.scroll_to_match(true);
            }
            dispatch.dispatch(action);
        })
    };
    let on_reveal = {
        let focus = after_render.clone();
        use_callback(act.clone(), move |ids: Vec<String>, act| {
            focus.focus_turn(ids.first().cloned());
            act.emit(Action::Reveal(ids));
        })
    };
    let filter_callbacks = use_memo((act.clone(), t.clone()), |(act, t)| {
        let all = speaker_ids(t);
        (
            act.reform(Action::ToggleSpeaker),
            act.reform(move |speaker| Action::ShowOnly {
                speaker,
                all: all.clone(),
            }),
            act.reform(|()| Action::ShowAll),
        )
    });
    let (on_toggle, on_only, on_show_all) = (*filter_callbacks).clone();
    UseActionsHandle {
        act,
        on_reveal,
        on_toggle,
        on_only,
        on_show_all,
    }
}

/// What [`use_actions`] returns.
pub struct UseActionsHandle {
    /// Dispatches any action (the search bar's).
    pub act: Callback<Action>,
    /// Reveals hidden turns by id, and focuses the first.
    pub on_reveal: Callback<Vec<String>>,
    /// The speaker filter's: shows or hides one speaker.
    pub on_toggle: Callback<String>,
    /// The speaker filter's: shows only one speaker.
    pub on_only: Callback<String>,
    /// The speaker filter's: shows every speaker.
    pub on_show_all: Callback<()>,
}
