//! Embedding the viewer in a Yew app (the README shows this file; CI compiles it).
use std::rc::Rc;
use transcript_viewer::components::{Command, ViewerControl};
use transcript_viewer::state::ReaderState;
use transcript_viewer::{Labels, RemoteTranscript, Transcript, TranscriptViewer, ViewState};
use yew::prelude::*;

const TALK: &str = r#"{"schema":1,"lang":"en","title":"Weekly briefing",
  "speakers":[{"id":"host","name":"Sam Host"}],
  "turns":[{"id":"t1","speaker":"host","paragraphs":["Good morning."]}],
  "source":{"file":"briefing.txt"}}"#;

#[function_component]
fn Article() -> Html {
    let transcript = use_memo((), |()| Transcript::from_json(TALK).map(Rc::new));
    let last_query = use_state(String::new);
    let on_change = {
        let last_query = last_query.setter();
        Callback::from(move |state: ReaderState| last_query.set(state.query))
    };
    let start = ViewState {
        query: "morning".into(),
        ..ViewState::default()
    };
    // Translate the viewer's words by changing the fields you need (or pass `lang`
    // for a built-in language: "en", "ru").
    let labels = use_memo((), |()| {
        Some(Rc::new(Labels {
            skip_to_transcript: "Zum Transkript springen".into(),
            ..Labels::for_lang("en")
        }))
    });
    // Drive the viewer from the page: a command acts as the reader's own.
    let control = use_memo((), |()| ViewerControl::new());
    let ask = {
        let control = (*control).clone();
        Callback::from(move |_: MouseEvent| control.send(Command::SetQuery("briefing".into())))
    };
    html! {
        <article>
            { match &*transcript {
                Ok(t) => html! {
                    <TranscriptViewer transcript={t.clone()} id_prefix="briefing-"
                        initial_state={start} labels={(*labels).clone()} {on_change}
                        control={Some((*control).clone())} />
                },
                Err(e) => html! { <p role="alert">{ e.to_string() }</p> },
            } }
            <p>{ format!("Last search: {}", *last_query) }</p>
            <button type="button" onclick={ask}>{ "Find “briefing”" }</button>
            // Or let the viewer fetch the JSON (with loading and error states).
            <RemoteTranscript src="transcripts/russian-belarusian-talks-2022-02-18.json"
                id_prefix="talks-" lang="ru" />
        </article>
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<Article>::new().render();
    #[cfg(not(target_arch = "wasm32"))] // natively only described (clippy, --examples)
    let _page = html! { <Article /> };
}
