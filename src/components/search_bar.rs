//! The search form: the search box, previous/next match buttons, the status line and
//! the two toggles, in a `role="search"` landmark.

use super::dom;
use crate::i18n::Labels;
use crate::search::SearchOptions;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`SearchBar`].
#[derive(Properties, PartialEq)]
pub struct SearchBarProps {
    /// The search box's text.
    pub query: AttrValue,
    /// The toggles.
    pub options: SearchOptions,
    /// The status line ("3 of 17", "No matches", or empty).
    pub status: AttrValue,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// The box's text changed (every keystroke).
    pub on_query: Callback<String>,
    /// Esc in the box.
    pub on_clear: Callback<()>,
    /// Enter in the box, or the "Next match" button.
    pub on_next: Callback<()>,
    /// Shift+Enter in the box, or the "Previous match" button.
    pub on_previous: Callback<()>,
    /// The "Match diacritics" toggle changed.
    pub on_match_diacritics: Callback<bool>,
    /// The "Whole words" toggle changed.
    pub on_whole_words: Callback<bool>,
}

/// `<div class="tv-search" role="search">`: a `type="search"` box `.tv-search-input`
/// inside its `<label>` (no id needed, so several viewers share a page; live as the reader types; Enter / Shift+Enter step through the
/// matches, Esc clears), "Previous match" / "Next match" buttons, the
/// `role="status"` line `.tv-search-status`, and the "Match diacritics" and "Whole
/// words" checkboxes.
#[function_component]
pub fn SearchBar(props: &SearchBarProps) -> Html {
    let l = &props.labels;
    let oninput = {
        let on_query = props.on_query.clone();
        Callback::from(move |e: InputEvent| {
            if let Some(value) = dom::input_value(&e) {
                on_query.emit(value);
            }
        })
    };
    let onkeydown = {
        let (next, previous, clear) = (
            props.on_next.clone(),
            props.on_previous.clone(),
            props.on_clear.clone(),
        );
        let empty = props.query.is_empty();
        Callback::from(move |e: KeyboardEvent| {
            // Enter also confirms an input method's composition: leave that alone.
            if e.is_composing() {
                return;
            }
            match e.key().as_str() {
                "Enter" => {
                    e.prevent_default();
                    if e.shift_key() {
                        previous.emit(());
                    } else {
                        next.emit(());
                    }
                }
                "Escape" if !empty => {
                    e.prevent_default();
                    clear.emit(());
                }
                _ => {}
            }
        })
    };
    let toggle = |on: &Callback<bool>| {
        let on = on.clone();
        Callback::from(move |e: Event| {
            if let Some(checked) = dom::checkbox_checked(&e) {
                on.emit(checked);
            }
        })
    };
    let previous = props.on_previous.reform(|_: MouseEvent| ());
    let next = props.on_next.reform(|_: MouseEvent| ());
    html! {
        <div class="tv-search" role="search" aria-label={l.search_region.clone()}>
            <div class="tv-search-row">
                <label class="tv-search-field">
                    <span class="tv-search-label">{ l.search.clone() }</span>
                    <input class="tv-search-input" type="search"
                        value={props.query.clone()} {oninput} {onkeydown}
                        autocomplete="off" spellcheck="false" enterkeyhint="search" dir="auto" />
                </label>
                <span class="tv-search-nav">
                    <button type="button" class="tv-previous-match"
                        aria-label={l.previous_match.clone()} onclick={previous}>
                        <span aria-hidden="true">{ "↑ " }</span>
                        <span class="tv-search-word">{ l.previous.clone() }</span>
                    </button>
                    <button type="button" class="tv-next-match"
                        aria-label={l.next_match.clone()} onclick={next}>
                        <span aria-hidden="true">{ "↓ " }</span>
                        <span class="tv-search-word">{ l.next.clone() }</span>
                    </button>
                </span>
                <p class="tv-search-status" role="status" aria-atomic="true">
                    { props.status.clone() }
                </p>
            </div>
            <div class="tv-search-options">
                <label class="tv-toggle">
                    <input type="checkbox" class="tv-match-diacritics"
                        checked={props.options.match_diacritics}
                        onchange={toggle(&props.on_match_diacritics)} />
                    { l.match_diacritics.clone() }
                </label>
                <label class="tv-toggle">
                    <input type="checkbox" class="tv-whole-words"
                        checked={props.options.whole_words}
                        onchange={toggle(&props.on_whole_words)} />
                    { l.whole_words.clone() }
                </label>
            </div>
        </div>
    }
}
