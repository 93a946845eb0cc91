//! [`use_control`]: a host's commands ([`ViewerControl`]) turned into the viewer's
//! actions.

use crate::components::control::{Command, ViewerControl};
use crate::model::Time;
use crate::state::Action;
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Steps through the matches that wait for the render of a change made before them.
#[derive(Default)]
struct Waiting {
    /// A command changed the state since the last render: the match count is stale.
    changed: bool,
    /// The steps given since (`true`: next), in order.
    steps: Vec<bool>,
}

/// Handles the commands sent through `control` (if any) while the viewer is mounted:
/// they become `act`'s actions (the same as the reader's own, so the view scrolls to the
/// match as it would for them), a seek goes to `seek`. `total` is the number of
/// matches now, for stepping through them; a step given right after a change (a new
/// query, `setQuery("gas"); nextMatch()`) waits for the render that counts that
/// change's matches.
#[hook]
pub fn use_control(
    control: &Option<ViewerControl>,
    act: &Callback<Action>,
    seek: &Callback<Time>,
    total: usize,
) {
    let waiting = use_mut_ref(Waiting::default);
    // After every render: the count is this render's; the steps that waited go now.
    {
        let (waiting, act) = (waiting.clone(), act.clone());
        use_effect(move || {
            let steps = {
                let mut w = waiting.borrow_mut();
                w.changed = false;
                std::mem::take(&mut w.steps)
            };
            for next in steps {
                act.emit(step(next, total));
            }
        });
    }
    // Attached again when the count changes, so that a step sees this render's.
    let deps = (control.clone(), act.clone(), seek.clone(), total);
    use_effect_with(deps, move |(control, act, seek, total)| {
        let attached = control.clone();
        if let Some(control) = control {
            control.attach(sink(waiting, act.clone(), seek.clone(), *total));
        }
        move || {
            if let Some(control) = attached {
                control.detach();
            }
        }
    });
}

fn step(next: bool, total: usize) -> Action {
    if next {
        Action::Next { total }
    } else {
        Action::Previous { total }
    }
}

/// What carries out each command.
fn sink(
    waiting: Rc<RefCell<Waiting>>,
    act: Callback<Action>,
    seek: Callback<Time>,
    total: usize,
) -> Callback<Command> {
    Callback::from(move |command| {
        let change = |action: Action| {
            waiting.borrow_mut().changed = true;
            act.emit(action);
        };
        match command {
            Command::SetQuery(q) => change(Action::SetQuery(q)),
            Command::SetSearchOptions {
                whole_words,
                match_diacritics,
            } => {
                if let Some(on) = whole_words {
                    change(Action::SetWholeWords(on));
                }
                if let Some(on) = match_diacritics {
                    change(Action::SetMatchDiacritics(on));
                }
            }
            Command::SetHidden(ids) => change(Action::SetHidden(ids)),
            Command::Step { forward } => {
                let mut w = waiting.borrow_mut();
                if w.changed {
                    w.steps.push(forward);
                } else {
                    drop(w);
                    act.emit(step(forward, total));
                }
            }
            Command::Seek(at) => seek.emit(at),
        }
    })
}
