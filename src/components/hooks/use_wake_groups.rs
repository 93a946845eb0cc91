//! [`use_wake_groups`]: a prerendered turn list's groups, made live a step per task.

use crate::components::dom;
use crate::components::turn_list::WAKE_TURNS;
use crate::model::Transcript;
use std::rc::Rc;
use yew::prelude::*;

/// Wakes the groups of turns of a hydrated prerendered list (the viewer's `prerendered`
/// prop) a step per task, from the top down. Takes the transcript and the prop; returns
/// what the turn list needs (how many turns are awake, whether there is markup to keep,
/// the callback it calls when groups wake) and how many renders woke groups.
#[hook]
pub fn use_wake_groups(t: &Rc<Transcript>, prerendered: bool) -> UseWakeGroupsHandle {
    // A prerendered list's first groups are hydrated, the others wake a step per task,
    // from the top down (1 ms
    // after the step before: zero-delay work queued meanwhile, such as the scheduler's
    // own continuation, goes first).
    let awake = use_state_eq(|| match prerendered {
        true => WAKE_TURNS,
        false => usize::MAX,
    });
    {
        let set_awake = awake.setter();
        use_effect_with((*awake, t.turns.len()), move |&(now, total)| {
            let next = (now < total)
                .then(|| dom::Timeout::new(1, move || set_awake.set(now + WAKE_TURNS)))
                .flatten();
            move || drop(next)
        });
    }
    // Only the transcript the page was rendered with has markup to keep (a viewer given
    // another one renders it).
    let first_transcript = use_memo((), |()| t.clone());
    let prerendered = prerendered && Rc::ptr_eq(&*first_transcript, t);
    // Counts the renders in which groups woke: their text nodes are new, to paint again.
    let wakes = use_state_eq(|| 0usize);
    let on_wake = {
        let (wakes, count) = (wakes.setter(), use_mut_ref(|| 0usize));
        use_callback((), move |(), _| {
            *count.borrow_mut() += 1;
            wakes.set(*count.borrow());
        })
    };
    UseWakeGroupsHandle {
        awake: *awake,
        prerendered,
        wakes: *wakes,
        on_wake,
    }
}

/// What [`use_wake_groups`] returns.
pub struct UseWakeGroupsHandle {
    /// How many turns from the top are live (`usize::MAX` when nothing is prerendered).
    pub awake: usize,
    /// Whether the turn list keeps prerendered markup: the viewer's `prerendered` prop,
    /// while it shows the transcript it mounted with.
    pub prerendered: bool,
    /// How many renders woke groups: what was painted in them is on nodes no longer there.
    pub wakes: usize,
    /// For the turn list to call when groups woke.
    pub on_wake: Callback<()>,
}
