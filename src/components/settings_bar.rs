//! The "View settings" bar: a disclosure button, then a form of native radio groups
//! (font size with smaller/larger buttons, site colours, letter, line and word spacing,
//! font) and a "Reset settings" button. It renders [`Settings`] and reports what the
//! reader does as [`SettingsAction`]s; it never sees the reducer.

use crate::i18n::Labels;
use crate::settings::{Choice, Font, FontSize, Scheme, Settings, SettingsAction, Spacing};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SettingsBar`].
#[derive(Properties, PartialEq)]
pub struct SettingsBarProps {
    /// What is set now.
    pub settings: Settings,
    /// Prefix for the form's id (`settings`; see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Every change the reader asks for.
    pub on_action: Callback<SettingsAction>,
}

/// `<div class="tv-settings">`:
///
/// - `<button class="tv-settings-toggle" aria-expanded>` "View settings", which shows
///   and hides the form (and, while it shows, `aria-controls` names it);
/// - while expanded, `<form class="tv-settings-panel" id="{prefix}settings"
///   aria-label="View settings">` with one `<fieldset class="tv-setting">` per setting,
///   each a group of native radios named `tv-size`, `tv-scheme`, `tv-letter`,
///   `tv-line`, `tv-word` and `tv-font` whose values are the settings' values (the
///   form scopes the names, so several viewers can share a page); the size group also
///   has `.tv-size-smaller` and `.tv-size-larger` buttons (`aria-disabled` at either
///   end), each scheme a `.tv-swatch` sample in its own colours and each font its name
///   in that font; then `.tv-settings-reset`.
#[function_component]
pub fn SettingsBar(props: &SettingsBarProps) -> Html {
    let l = &props.labels;
    let s = &props.settings;
    let p = &props.id_prefix;
    let act = &props.on_action;
    let toggle = {
        let open = s.open;
        act.reform(move |_: MouseEvent| SettingsAction::SetOpen(!open))
    };
    let onsubmit = Callback::from(|e: SubmitEvent| e.prevent_default());
    let step = |class: &'static str, label: &AttrValue, glyph: &AttrValue, at_end: bool, action| {
        html! {
            <button type="button" class={classes!("tv-size-step", class)}
                aria-disabled={if at_end { "true" } else { "false" }}
                onclick={act.reform(move |_: MouseEvent| action)}>
                <span class="tv-size-glyph" aria-hidden="true">{ glyph.clone() }</span>
                { label.clone() }
            </button>
        }
    };
    let smallest = s.size == FontSize::ALL[0];
    let largest = s.size == FontSize::ALL[FontSize::ALL.len() - 1];
    html! {
        <div class="tv-settings">
            <button type="button" class="tv-settings-toggle"
                aria-expanded={if s.open { "true" } else { "false" }}
                aria-controls={s.open.then(|| format!("{p}settings"))} onclick={toggle}>
                <svg class="tv-icon" viewBox="0 0 24 24" aria-hidden="true">
                    <path d="M4 6h9M17 6h3M4 12h3M11 12h9M4 18h11M19 18h1" />
                    <circle cx="15" cy="6" r="2" />
                    <circle cx="9" cy="12" r="2" />
                    <circle cx="17" cy="18" r="2" />
                </svg>
                { l.view_settings.clone() }
            </button>
            if s.open {
                <form class="tv-settings-panel" id={format!("{p}settings")}
                    aria-label={l.view_settings.clone()} {onsubmit}>
                    <fieldset class="tv-setting tv-setting-size">
                        <legend>{ l.font_size.clone() }</legend>
                        <div class="tv-choices">
                            { step("tv-size-smaller", &l.smaller, &l.smaller_sign, smallest,
                                SettingsAction::Smaller) }
                            { radios("tv-size", s.size, act.reform(SettingsAction::SetSize),
                                |size| html! { { l.font_size_percent(size) } }) }
                            { step("tv-size-larger", &l.larger, &l.larger_sign, largest,
                                SettingsAction::Larger) }
                        </div>
                    </fieldset>
                    <fieldset class="tv-setting tv-setting-scheme">
                        <legend>{ l.colours.clone() }</legend>
                        <div class="tv-choices">
                            { radios("tv-scheme", s.scheme, act.reform(SettingsAction::SetScheme),
                                |scheme: Scheme| html! {
                                    <>
                                        <span class="tv-swatch" data-swatch={scheme.value()}
                                            aria-hidden="true">{ l.font_sample.clone() }</span>
                                        { l.scheme(scheme).clone() }
                                    </>
                                }) }
                        </div>
                    </fieldset>
                    { spacing("tv-letter", &l.letter_spacing, s.letter, l,
                        act.reform(SettingsAction::SetLetterSpacing)) }
                    { spacing("tv-line", &l.line_height, s.line, l,
                        act.reform(SettingsAction::SetLineHeight)) }
                    { spacing("tv-word", &l.word_spacing, s.word, l,
                        act.reform(SettingsAction::SetWordSpacing)) }
                    <fieldset class="tv-setting tv-setting-font">
                        <legend>{ l.font.clone() }</legend>
                        <div class="tv-choices">
                            { radios("tv-font", s.font, act.reform(SettingsAction::SetFont),
                                |font: Font| html! {
                                    <span class="tv-font-sample" data-font-sample={font.value()}>
                                        { l.font_name(font).clone() }
                                    </span>
                                }) }
                        </div>
                    </fieldset>
                    <div class="tv-settings-actions">
                        <button type="button" class="tv-settings-reset"
                            onclick={act.reform(|_: MouseEvent| SettingsAction::Reset)}>
                            { l.reset_settings.clone() }
                        </button>
                    </div>
                </form>
            }
        </div>
    }
}

/// One spacing setting's fieldset.
fn spacing(
    name: &'static str,
    legend: &AttrValue,
    current: Spacing,
    l: &Labels,
    on: Callback<Spacing>,
) -> Html {
    html! {
        <fieldset class={classes!("tv-setting", format!("tv-setting-{}", &name[3..]))}>
            <legend>{ legend.clone() }</legend>
            <div class="tv-choices">
                { radios(name, current, on, |s| html! { { l.spacing(s).clone() } }) }
            </div>
        </fieldset>
    }
}

/// A native radio per value of `T`, inside its `<label class="tv-choice">`, the
/// current one checked; choosing one (click, Space, or the arrow keys) calls `on`.
fn radios<T: Choice>(
    name: &'static str,
    current: T,
    on: Callback<T>,
    label: impl Fn(T) -> Html,
) -> Html {
    T::ALL
        .iter()
        .map(|&choice| {
            let onchange = on.reform(move |_: Event| choice);
            html! {
                <label class="tv-choice" key={choice.value()}>
                    <input type="radio" {name} value={choice.value()}
                        checked={choice == current} {onchange} />
                    <span class="tv-choice-label">{ label(choice) }</span>
                </label>
            }
        })
        .collect()
}
