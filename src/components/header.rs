//! The transcript's header: the section it was published in, the title and the dateline.

use super::date::{dateline_parts, DatelinePart};
use crate::model::Transcript;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Header`].
#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    /// The transcript whose header this is.
    pub transcript: Rc<Transcript>,
    /// Prefix for every id rendered (see `TranscriptViewerProps::id_prefix`).
    #[prop_or_default]
    pub id_prefix: AttrValue,
}

/// `<header class="tv-header">` with the kind, the `<h1>` title and the dateline.
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = &props.transcript;
    let dateline = dateline_parts(t);
    html! {
        <header class="tv-header">
            if let Some(kind) = &t.kind {
                <p class="tv-kind">{ kind.clone() }</p>
            }
            <h1 class="tv-title" id={format!("{}title", props.id_prefix)}>{ t.title.clone() }</h1>
            if !dateline.is_empty() {
                <p class="tv-dateline">{ for dateline.into_iter().map(dateline_part) }</p>
            }
        </header>
    }
}

fn dateline_part(part: DatelinePart) -> Html {
    match part {
        DatelinePart::Text(text) => html! { { text } },
        DatelinePart::Date { iso, text } => html! { <time datetime={iso}>{ text }</time> },
        DatelinePart::Time(time) => html! { <time datetime={time.clone()}>{ time }</time> },
        DatelinePart::Place(place) => html! { <span class="tv-place">{ place }</span> },
    }
}
