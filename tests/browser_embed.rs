#![cfg(target_arch = "wasm32")]
//! Browser suite for embedding: a host Yew component renders [`TranscriptViewer`] with
//! props and gets its `on_change` calls; the JavaScript API `mount` takes a transcript
//! object (`data`), starts from the given search, is destroyed cleanly, and rejects bad
//! options with an error naming the field.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_embed`.

use std::cell::RefCell;
use std::rc::Rc;
use transcript_viewer::embed::mount;
use transcript_viewer::state::ReaderState;
use transcript_viewer::{Transcript, TranscriptViewer, ViewState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::HtmlElement;
use yew::prelude::*;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A short transcript with two speakers.
const TALK: &str = r#"{"schema":1,"lang":"en","title":"Embedded talk",
"speakers":[{"id":"ann","name":"Ann Lee"},{"id":"bo","name":"Bo Park"}],
"turns":[
 {"id":"t1","speaker":"ann","paragraphs":["Good morning, everyone."]},
 {"id":"t2","speaker":"bo","paragraphs":["Good morning. Let us begin."]},
 {"id":"t3","speaker":"ann","paragraphs":["Thank you, good."]}],
"source":{"file":"talk.txt"}}"#;

/// Properties of [`Host`].
#[derive(Properties, PartialEq)]
struct HostProps {
    seen: Rc<RefCell<Vec<ReaderState>>>,
}

/// Another app's component with a viewer in it, as in examples/embed_in_yew.rs.
#[function_component]
fn Host(props: &HostProps) -> Html {
    let transcript = use_memo((), |()| Transcript::from_json(TALK).unwrap());
    let seen = props.seen.clone();
    let on_change = Callback::from(move |state: ReaderState| seen.borrow_mut().push(state));
    let initial = ViewState {
        query: "morning".into(),
        ..ViewState::default()
    };
    html! {
        <div class="host">
            <p>{ "The host's own text." }</p>
            <TranscriptViewer transcript={Rc::new((*transcript).clone())} id_prefix="host-"
                initial_state={initial} {on_change} />
        </div>
    }
}

#[wasm_bindgen_test]
async fn a_host_component_gets_the_viewers_changes() {
    let root = fresh_root();
    let seen = Rc::new(RefCell::new(Vec::new()));
    yew::Renderer::<Host>::with_root_and_props(root.clone(), HostProps { seen: seen.clone() })
        .render();
    yew::scheduler::flush().await;
    assert_eq!(highlighted(&root).len(), 2, "the initial query is searched");
    assert!(root.query_selector("#host-t1").unwrap().is_some());
    assert!(seen.borrow().is_empty(), "no on_change on mount");

    type_query(&root, "good").await;
    assert_eq!(seen.borrow().last().map(|s| s.query.as_str()), Some("good"));

    let toggle: HtmlElement = one(
        &root,
        ".tv-speaker-item[data-speaker=bo] button.tv-speaker-toggle",
    )
    .dyn_into()
    .unwrap();
    toggle.click();
    yew::scheduler::flush().await;
    let last = seen.borrow().last().cloned().unwrap();
    assert!(
        last.hidden.contains(&"bo".to_string()),
        "the filter change is reported: {last:?}"
    );
    assert_eq!(seen.borrow().len(), 2, "one call per change");
}

fn options(js: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {js};"))
        .call0(&JsValue::NULL)
        .unwrap()
}

#[wasm_bindgen_test]
async fn mount_takes_data_and_destroy_empties_the_element() {
    let root = fresh_root();
    let data = js_sys::JSON::parse(TALK).unwrap();
    let opts = options("{ query: 'good', hidden: ['bo'], showSettings: false }");
    js_sys::Reflect::set(&opts, &"data".into(), &data).unwrap();
    let mut first = mount(root.clone(), opts).unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    assert_eq!(one(&root, "h1").text_content().unwrap(), "Embedded talk");
    assert_eq!(highlighted(&root).len(), 2);
    assert!(
        root.query_selector("#t2").unwrap().is_none(),
        "bo's turn is hidden"
    );
    assert!(root.query_selector(".tv-settings").unwrap().is_none());

    // A second viewer gets other ids.
    let other = fresh_root();
    let opts = options("{}");
    js_sys::Reflect::set(&opts, &"data".into(), &js_sys::JSON::parse(TALK).unwrap()).unwrap();
    let mut second = mount(other.clone(), opts).unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    assert_ne!(first.id_prefix(), second.id_prefix());
    let first_id = one(&root, "h1").id();
    let second_id = one(&other, "h1").id();
    assert_ne!(first_id, second_id, "the two viewers' title ids");

    first.destroy();
    first.destroy();
    second.destroy();
    yew::scheduler::flush().await;
    assert_eq!(root.child_element_count(), 0);
    assert_eq!(other.child_element_count(), 0);
}

/// The message of `mount`'s error for these options.
fn mount_error(js: &str) -> String {
    match mount(fresh_root(), options(js)) {
        Ok(_) => panic!("mount accepted {js}"),
        Err(e) => {
            let value: JsValue = e.into();
            let error: js_sys::Error = value.dyn_into().unwrap();
            String::from(error.message())
        }
    }
}

#[wasm_bindgen_test]
fn bad_options_throw_an_error_naming_the_field() {
    let cases = [
        ("42", "options must be an object"),
        ("{}", "options.src or options.data is required"),
        ("{ src: 7 }", "options.src: invalid type"),
        ("{ src: 'a.json', query: 1 }", "options.query: invalid type"),
        (
            "{ src: 'a.json', hidden: 'bo' }",
            "options.hidden must be an array",
        ),
        (
            "{ src: 'a.json', hidden: ['a', 2] }",
            "options.hidden[1]: invalid type",
        ),
        (
            "{ src: 'a.json', wholeWords: 'yes' }",
            "options.wholeWords: invalid type",
        ),
        (
            "{ src: 'a.json', lang: 'not a tag' }",
            "options.lang must be a language tag",
        ),
        (
            "{ src: 'a.json', labels: 'x' }",
            "options.labels must be an object",
        ),
        (
            "{ src: 'a.json', labels: { turns: 3 } }",
            "options.labels.turns: invalid type",
        ),
        (
            "{ src: 'a.json', labels: { turns: { few: 3 } } }",
            "options.labels.turns.few: invalid type",
        ),
        (
            "{ src: 'a.json', labels: { turns: { one: '{n} x' } } }",
            "options.labels.turns.other is required",
        ),
        (
            "{ src: 'a.json', labels: { search: { other: 'x' } } }",
            "options.labels.search must be a string",
        ),
        (
            "{ src: 'a.json', onChange: 'f' }",
            "options.onChange must be a function",
        ),
        ("{ data: 'x' }", "options.data must be a transcript object"),
        ("{ data: { schema: 1, title: 5 } }", "options.data.title"),
        ("{ data: {}, src: 'a.json' }", "give only one"),
    ];
    for (js, expected) in cases {
        let message = mount_error(js);
        assert!(
            message.starts_with("transcript-viewer: ") && message.contains(expected),
            "{js}: {message:?} should say {expected:?}"
        );
    }
}
