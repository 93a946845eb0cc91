//! The transcript's header: the section it was published in, the title (with the
//! search's highlights), the dateline, and while a speaker filter is on, how many turns
//! show.

use super::date::{dateline_parts, DatelinePart};
use super::highlight::highlight;
use super::Labels;
use crate::model::Transcript;
use crate::state::{MatchSlice, Place};
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
    /// The search's matches in the title.
    #[prop_or_default]
    pub matches: MatchSlice,
    /// "Showing 3 of 5 turns", while a filter is on.
    #[prop_or_default]
    pub shown: Option<AttrValue>,
    /// The viewer's words (their language writes a date the transcript's cannot).
    #[prop_or_default]
    pub labels: Rc<Labels>,
    /// The `lang` of the viewer's words where it is not the transcript's.
    #[prop_or_default]
    pub ui_lang: Option<AttrValue>,
}

/// `<header class="tv-header">` with the kind, the `<h1>` title (`tabindex="-1"`: the
/// skip link moves the focus there), the dateline and the filter note (`.tv-shown`).
#[function_component]
pub fn Header(props: &HeaderProps) -> Html {
    let t = &props.transcript;
    let dateline = dateline_parts(t, &props.labels);
    let (ranges, current) = props.matches.ranges(Place::Title);
    html! {
        <header class="tv-header">
            if let Some(kind) = &t.kind {
                <p class="tv-kind">{ kind.clone() }</p>
            }
            <h1 class="tv-title" id={format!("{}title", props.id_prefix)} tabindex="-1"
                dir="auto">
                if t.title.is_empty() {
                    { t.display_title() }
                } else {
                    { highlight(&t.title, &ranges, current) }
                }
            </h1>
            if !dateline.is_empty() {
                <p class="tv-dateline">{ for dateline.into_iter().map(dateline_part) }</p>
            }
            if let Some(shown) = &props.shown {
                <p class="tv-shown" lang={props.ui_lang.clone()}>{ shown.clone() }</p>
            }
        </header>
    }
}

fn dateline_part(part: DatelinePart) -> Html {
    match part {
        DatelinePart::Text(text) => html! { { text } },
        DatelinePart::Date { iso, text, lang } => {
            html! { <time datetime={iso} {lang}>{ text }</time> }
        }
        DatelinePart::Time(time) => html! { <time datetime={time.clone()}>{ time }</time> },
        DatelinePart::Place(place) => html! { <span class="tv-place">{ place }</span> },
    }
}
