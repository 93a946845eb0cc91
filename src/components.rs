//! Placeholder until the viewer lands (being written now).
use crate::model::Transcript;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TranscriptViewerProps {
    pub transcript: Rc<Transcript>,
}

#[function_component]
pub fn TranscriptViewer(props: &TranscriptViewerProps) -> Html {
    html! { <h1>{ props.transcript.title.clone() }</h1> }
}

#[function_component]
pub fn App() -> Html {
    html! {}
}
