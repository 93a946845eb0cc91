//! The embeddable viewer: one transcript as a semantic `<article>`.

use super::header::Header;
use super::source::SourceFooter;
use super::turn::TurnSection;
use crate::model::Transcript;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`TranscriptViewer`].
#[derive(Properties, PartialEq)]
pub struct TranscriptViewerProps {
    /// The transcript to show. Share it with an `Rc`: turns compare it by pointer to
    /// skip re-rendering, so replace the `Rc` (not its contents) to show a new one.
    pub transcript: Rc<Transcript>,
    /// Prefix for every `id` the viewer renders (`title`, `summary-1`, `t1`,
    /// `t1-speaker`, `t1-p1`, …) so that several viewers can share a page. Empty by
    /// default.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// Accessible name of the summary section (default "Summary"); set it to
    /// translate the viewer's own words.
    #[prop_or(AttrValue::Static("Summary"))]
    pub summary_label: AttrValue,
    /// The word before the credit line in the footer (default "Source").
    #[prop_or(AttrValue::Static("Source"))]
    pub source_label: AttrValue,
}

/// Renders a transcript: header (kind, title, dateline), summary, one section per turn
/// with its speaker heading, and the source credit, all inside `<div class="tv-root">`,
/// which scopes the viewer's CSS.
///
/// Pure markup: the text is only ever rendered as text nodes, and nothing here calls
/// browser APIs, so the viewer also renders on the server.
///
/// ```no_run
/// use std::rc::Rc;
/// use transcript_viewer::{Transcript, TranscriptViewer};
/// use yew::prelude::*;
///
/// #[function_component]
/// fn Page() -> Html {
///     let json = r#"{"schema":1,"lang":"en","title":"Talks","source":{"file":"talks.txt"}}"#;
///     match Transcript::from_json(json) {
///         Ok(t) => html! { <TranscriptViewer transcript={Rc::new(t)} id_prefix="a-" /> },
///         Err(e) => html! { <p role="alert">{ e.to_string() }</p> },
///     }
/// }
/// ```
#[function_component]
pub fn TranscriptViewer(props: &TranscriptViewerProps) -> Html {
    let t = &props.transcript;
    let p = &props.id_prefix;
    html! {
        <div class="tv-root">
            <article class="tv-transcript" lang={t.lang.clone()}
                aria-labelledby={format!("{p}title")}>
                <Header transcript={t.clone()} id_prefix={p.clone()} />
                if !t.summary.is_empty() {
                    <section class="tv-summary" aria-label={props.summary_label.clone()}>
                        { for t.summary.iter().enumerate().map(|(i, text)| html! {
                            <p id={format!("{p}summary-{}", i + 1)}>{ text.clone() }</p>
                        }) }
                    </section>
                }
                <div class="tv-turns">
                    { for t.turns.iter().enumerate().map(|(index, turn)| html! {
                        <TurnSection key={turn.id.clone()} transcript={t.clone()} {index}
                            id_prefix={p.clone()} />
                    }) }
                </div>
                <SourceFooter source={t.source.clone()} label={props.source_label.clone()} />
            </article>
        </div>
    }
}
