//! [`Embedded`], the root component of an embedded viewer: what the JavaScript API's
//! `mount` renders ([`embed`](crate::embed)) and what the build renders for
//! `render-pages embed` ([`page::render_embedded`](crate::page)), so that the two make
//! the same markup.

use super::app::labels_for;
use super::{LabelInput, RemoteTranscript, TranscriptViewer, ViewerControl};
use crate::model::Transcript;
use crate::state::{ReaderState, ViewState};
use std::collections::BTreeMap;
use std::rc::Rc;
use yew::prelude::*;

/// Where an embedded viewer's transcript comes from.
#[derive(Clone, PartialEq)]
// Natively (server-side rendering) only `Data` is rendered; without the `app` feature
// nothing mounts an embedded viewer.
#[cfg_attr(
    any(not(target_arch = "wasm32"), not(feature = "app")),
    allow(dead_code)
)]
pub(crate) enum Source {
    Data(Rc<Transcript>),
    Src(AttrValue),
}

/// Properties of [`Embedded`]: the parsed `options`.
#[derive(Properties, Clone, PartialEq)]
#[cfg_attr(not(feature = "app"), allow(dead_code))]
pub(crate) struct EmbeddedProps {
    pub source: Source,
    pub id_prefix: AttrValue,
    pub initial_state: ViewState,
    pub show_settings: bool,
    pub store_settings: bool,
    /// As `TranscriptViewerProps::render_batch`: 0 for markup rendered on the server and
    /// its hydration, which hold every turn (and, as `render-pages embed` writes it,
    /// each group of turns as raw markup: `TranscriptViewerProps::prerendered`).
    pub render_batch: usize,
    /// As `TranscriptViewerProps::media_for`.
    pub media_for: AttrValue,
    /// As `TranscriptViewerProps::lang`.
    pub lang: AttrValue,
    /// The host's own words (`options.labels`), over the built-in ones.
    pub labels: Rc<BTreeMap<String, LabelInput>>,
    /// As `RemoteTranscriptProps::host_lang`.
    pub host_lang: AttrValue,
    /// As `TranscriptViewerProps::on_change`.
    pub on_change: Callback<ReaderState>,
    /// As `TranscriptViewerProps::control`.
    pub control: Option<ViewerControl>,
}

/// The root component `mount` renders (and the build renders for `render-pages embed`).
#[function_component]
pub(crate) fn Embedded(props: &EmbeddedProps) -> Html {
    let state = Some(props.initial_state.clone());
    let given = use_memo(
        (
            props.source.clone(),
            props.lang.clone(),
            props.labels.clone(),
        ),
        |(source, lang, given)| match source {
            Source::Data(t) if !given.is_empty() => Some(Rc::new(labels_for(lang, &t.lang, given))),
            _ => None,
        },
    );
    match &props.source {
        Source::Data(transcript) => html! {
            <TranscriptViewer transcript={transcript.clone()}
                id_prefix={props.id_prefix.clone()} initial_state={state}
                lang={props.lang.clone()} labels={(*given).clone()}
                on_change={props.on_change.clone()} control={props.control.clone()}
                show_settings={props.show_settings}
                store_settings={props.store_settings}
                render_batch={props.render_batch}
                media_for={props.media_for.clone()}
                prerendered={props.render_batch == 0} />
        },
        Source::Src(src) => html! {
            <RemoteTranscript src={src.clone()} id_prefix={props.id_prefix.clone()}
                initial_state={state} show_settings={props.show_settings}
                store_settings={props.store_settings} media_for={props.media_for.clone()}
                lang={props.lang.clone()} labels={props.labels.clone()}
                host_lang={props.host_lang.clone()}
                on_change={props.on_change.clone()} control={props.control.clone()} />
        },
    }
}
