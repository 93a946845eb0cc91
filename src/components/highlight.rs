//! Text with its matches marked: `<mark class="tv-match">`, the current one also
//! `tv-current` with `aria-current="true"`. Built from [`search::segments`] as text
//! nodes and elements, never from markup strings.

use crate::search::segments;
use std::ops::Range;
use yew::prelude::*;

/// `text` with the byte `ranges` marked; `current` is the position in `ranges` of the
/// current match, if it is here.
pub fn highlight(text: &str, ranges: &[Range<usize>], current: Option<usize>) -> Html {
    if ranges.is_empty() {
        return html! { { text.to_string() } };
    }
    segments(text, ranges)
        .into_iter()
        .map(|segment| match segment.mark {
            None => html! { { segment.text.to_string() } },
            Some(n) if Some(n) == current => html! {
                <mark class="tv-match tv-current" aria-current="true">
                    { segment.text.to_string() }
                </mark>
            },
            Some(_) => html! { <mark class="tv-match">{ segment.text.to_string() }</mark> },
        })
        .collect()
}
