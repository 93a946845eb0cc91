//! [`use_settings`]: the view settings, restored from and kept in `localStorage`.

use crate::components::dom;
use crate::components::Labels;
use crate::settings::{Settings, SettingsAction};
use std::rc::Rc;
use yew::prelude::*;

/// The view settings (font size, colours, spacing, font) and the settings bar's actions.
/// With `store` (the viewer's `store_settings` prop) they start from what `localStorage`
/// holds and every change the reader makes is stored; smaller/larger and reset are also
/// announced with `announce`, in `labels`' words. Returns the settings, whether the
/// viewer is mounted (`data-ready`) and the callback for the settings bar.
///
/// The first render uses the default settings, whatever is stored: it must be the render
/// a server made of the same props, for the browser to hydrate that markup. The stored
/// settings follow at once, in an effect.
#[hook]
pub fn use_settings(
    store: bool,
    labels: &Rc<Labels>,
    announce: &UseStateSetter<AttrValue>,
) -> UseSettingsHandle {
    let settings = use_reducer(Settings::default);
    // What storage holds, as last read or written (`None` until read on mount).
    let stored = use_mut_ref(|| None::<Settings>);
    // Set after the first render: the script runs (`data-ready` on the root).
    let ready = use_state_eq(|| false);

    // The settings bar's actions; smaller/larger and reset are also announced.
    let on_action = {
        let dispatch = settings.dispatcher();
        let announce = announce.clone();
        use_callback(
            (*settings, labels.clone()),
            move |action: SettingsAction, (current, labels)| {
                let next = current.apply(action);
                match action {
                    SettingsAction::Smaller | SettingsAction::Larger => {
                        announce.set(labels.font_size_now(next.size).into())
                    }
                    SettingsAction::Reset => announce.set(labels.settings_reset.clone()),
                    _ => {}
                }
                dispatch.dispatch(action);
            },
        )
    };
    // On mount: the stored settings, if the viewer uses them, and `data-ready`.
    {
        let dispatch = settings.dispatcher();
        let (stored, ready) = (stored.clone(), ready.setter());
        use_effect_with((), move |()| {
            if store {
                let settings = dom::stored_settings();
                *stored.borrow_mut() = Some(settings);
                dispatch.dispatch(SettingsAction::Restore(settings));
            }
            ready.set(true);
        });
    }
    // Every change the reader makes is stored (not the defaults of the first render, nor
    // the stored settings coming back).
    {
        let mounted = use_mut_ref(|| false);
        use_effect_with((*settings, store), move |&(settings, store)| {
            let first = !std::mem::replace(&mut *mounted.borrow_mut(), true);
            if !first && store && *stored.borrow() != Some(settings) {
                dom::store_settings(&settings);
                *stored.borrow_mut() = Some(settings);
            }
        });
    }
    UseSettingsHandle {
        settings: *settings,
        ready: *ready,
        on_action,
    }
}

/// What [`use_settings`] returns.
pub struct UseSettingsHandle {
    /// The settings to render with.
    pub settings: Settings,
    /// Whether the viewer has mounted (the script runs): the root's `data-ready`.
    pub ready: bool,
    /// For the settings bar: applies an action (and announces it when it says so).
    pub on_action: Callback<SettingsAction>,
}
