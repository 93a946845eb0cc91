//! [`use_control`]: a host's commands ([`ViewerControl`]) turned into the viewer's
//! actions.

use crate::components::control::{Command, ViewerControl};
use crate::model::Time;
use crate::state::Action;
use yew::prelude::*;

/// Handles the commands sent through `control` (if any) while the viewer is mounted:
/// they become `act`'s actions (the same as the reader's own, so the view scrolls to the
/// match as it would for them), a seek goes to `seek`. `total` is the number of
/// matches now, for stepping through them.
#[hook]
pub fn use_control(
    control: &Option<ViewerControl>,
    act: &Callback<Action>,
    seek: &Callback<Time>,
    total: usize,
) {
    // Attached after every render, so that a command sees this render's match count.
    let deps = (control.clone(), act.clone(), seek.clone(), total);
    use_effect_with(deps, |(control, act, seek, total)| {
        let attached = control.clone();
        if let Some(control) = control {
            let (act, seek, total) = (act.clone(), seek.clone(), *total);
            control.attach(Callback::from(move |command| match command {
                Command::SetQuery(q) => act.emit(Action::SetQuery(q)),
                Command::SetSearchOptions {
                    whole_words,
                    match_diacritics,
                } => {
                    if let Some(on) = whole_words {
                        act.emit(Action::SetWholeWords(on));
                    }
                    if let Some(on) = match_diacritics {
                        act.emit(Action::SetMatchDiacritics(on));
                    }
                }
                Command::SetHidden(ids) => act.emit(Action::SetHidden(ids)),
                Command::Step { forward: true } => act.emit(Action::Next { total }),
                Command::Step { forward: false } => act.emit(Action::Previous { total }),
                Command::Seek(at) => seek.emit(at),
            }));
        }
        move || {
            if let Some(control) = attached {
                control.detach();
            }
        }
    });
}
