//! The summary: the introductory paragraphs before the turns, with the search's
//! highlights.

use super::highlight::highlight;
use crate::model::Transcript;
use crate::state::{MatchSlice, Place};
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Summary`].
#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// The transcript whose summary this is.
    pub transcript: Rc<Transcript>,
    /// Prefix for every id rendered (see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Accessible name of the section.
    pub label: AttrValue,
    /// The search's matches in the summary.
    #[prop_or_default]
    pub matches: MatchSlice,
}

/// `<section class="tv-summary">` with one numbered `<p>` per paragraph; nothing when
/// the transcript has no summary.
#[function_component]
pub fn Summary(props: &SummaryProps) -> Html {
    let t = &props.transcript;
    if t.summary.is_empty() {
        return Html::default();
    }
    let p = &props.id_prefix;
    html! {
        <section class="tv-summary" aria-label={props.label.clone()}>
            { for t.summary.iter().enumerate().map(|(i, text)| {
                let (ranges, current) = props.matches.ranges(Place::Summary(i));
                html! {
                    <p id={format!("{p}summary-{}", i + 1)} dir="auto">{ highlight(text, &ranges, current) }</p>
                }
            }) }
        </section>
    }
}
