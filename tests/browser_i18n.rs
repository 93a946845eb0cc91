#![cfg(target_arch = "wasm32")]
//! Browser suite for the viewer's languages and the JavaScript API's parity: the UI
//! follows the transcript's `lang` (English, Russian) or the one asked for, a host's
//! own labels (with plural forms) show, `dir="auto"` lets a right-to-left paragraph
//! read right to left, the reader's changes reach `onChange` and the
//! `transcript-viewer-change` event, and the handle drives the viewer.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_i18n`.

use std::rc::Rc;
use transcript_viewer::components::{Command, ViewerControl};
use transcript_viewer::embed::{mount, ViewerHandle};
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use yew::prelude::*;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

/// An English transcript: two speakers, one turn of Arabic and one of Hebrew quoted.
const TALK: &str = r#"{"schema":1,"lang":"en","title":"Embedded talk","date":"2022-02-18",
"speakers":[{"id":"ann","name":"Ann Lee"},{"id":"bo","name":"Bo Park"}],
"turns":[
 {"id":"t1","speaker":"ann","paragraphs":["Good morning, everyone."]},
 {"id":"t2","speaker":"bo","paragraphs":["Good morning. Let us begin.","«السلام عليكم» he said."]},
 {"id":"t3","speaker":"ann","paragraphs":["Thank you, good.","שלום עליכם, good people."]}],
"source":{"file":"talk.txt"}}"#;

/// A Russian one: 22 turns by one speaker, 1 by another.
fn russian() -> String {
    let mut turns: Vec<String> = (1..=22)
        .map(|i| format!(r#"{{"id":"t{i}","speaker":"p","paragraphs":["Добрый день, уважаемые коллеги! Ёлка."]}}"#))
        .collect();
    turns.push(r#"{"id":"t23","speaker":"q","paragraphs":["Спасибо."]}"#.into());
    format!(
        r#"{{"schema":1,"lang":"ru","title":"Пресс-конференция","date":"2022-02-18",
        "speakers":[{{"id":"p","name":"В.Путин"}},{{"id":"q","name":"Вопрос"}}],
        "turns":[{}],"source":{{"file":"talk.txt"}}}}"#,
        turns.join(",")
    )
}

/// `js` evaluated (an object literal, a function).
fn js(js: &str) -> JsValue {
    js_sys::Function::new_no_args(&format!("return {js};"))
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Mounts `data` (JSON) in a fresh element with the options `extra` (an object literal).
async fn mounted(data: &str, extra: &str) -> (web_sys::Element, ViewerHandle) {
    let root = fresh_root();
    let opts = js(extra);
    js_sys::Reflect::set(&opts, &"data".into(), &js_sys::JSON::parse(data).unwrap()).unwrap();
    let handle = mount(root.clone(), opts).unwrap_or_else(|_| panic!("mount failed: {extra}"));
    yew::scheduler::flush().await;
    (root, handle)
}

fn label_of_search(root: &web_sys::Element) -> String {
    text(&one(root, ".tv-search-label"))
}

#[wasm_bindgen_test]
async fn the_ui_speaks_the_transcripts_language_or_the_one_asked_for() {
    let (root, _h) = mounted(&russian(), "{ idPrefix: 'ru-' }").await;
    let viewer = one(&root, ".tv-root");
    assert_eq!(attr(&viewer, "lang").as_deref(), Some("ru"));
    assert_eq!(label_of_search(&root), "Поиск");
    assert_eq!(
        texts(&root, ".tv-speaker-stats"),
        ["22 реплики, 110 слов", "1 реплика, 1 слово"]
    );
    assert_eq!(text(&one(&root, ".tv-dateline time")), "18 февраля 2022 г.");
    assert_eq!(
        text(&one(&root, ".tv-settings-toggle")),
        "Настройки отображения"
    );

    // The same transcript with English words: the article stays Russian.
    let (root, _h) = mounted(&russian(), "{ idPrefix: 'ru-en-', lang: 'en' }").await;
    assert_eq!(attr(&one(&root, ".tv-root"), "lang").as_deref(), Some("en"));
    assert_eq!(attr(&one(&root, "article"), "lang").as_deref(), Some("ru"));
    assert_eq!(label_of_search(&root), "Search");
    assert_eq!(texts(&root, ".tv-speaker-stats")[0], "22 turns, 110 words");
    // The dateline is the transcript's: its language writes it.
    assert_eq!(text(&one(&root, ".tv-dateline time")), "18 февраля 2022 г.");

    // An English transcript in Russian, searched: the status and counts in Russian.
    let (root, _h) = mounted(TALK, "{ idPrefix: 'en-ru-', lang: 'ru', query: 'good' }").await;
    assert_eq!(attr(&one(&root, "article"), "lang").as_deref(), Some("en"));
    assert_eq!(text(&one(&root, ".tv-search-status")), "1 из 4");
    wait_until("the per-speaker counts", || {
        !texts(&root, ".tv-speaker-matches").is_empty()
    })
    .await;
    assert_eq!(
        texts(&root, ".tv-speaker-matches"),
        ["3 совпадения", "1 совпадение"]
    );
}

#[wasm_bindgen_test]
async fn a_hosts_own_words_show_with_their_plural_forms() {
    let (root, _h) = mounted(
        TALK,
        "{ idPrefix: 'de-', lang: 'de', labels: {
            search: 'Suche',
            showAll: 'Alle zeigen',
            turns: { one: '{n} Beitrag', other: '{n} Beiträge' },
            words: '{n} W.',
            notALabel: 'ignored'
        } }",
    )
    .await;
    assert_eq!(attr(&one(&root, ".tv-root"), "lang").as_deref(), Some("de"));
    assert_eq!(label_of_search(&root), "Suche");
    assert_eq!(text(&one(&root, ".tv-show-all")), "Alle zeigen");
    assert_eq!(
        texts(&root, ".tv-speaker-stats"),
        ["2 Beiträge, 10 W.", "1 Beitrag, 9 W."]
    );
    // The rest stays in English, the language the viewer has for a German host.
    assert_eq!(text(&one(&root, ".tv-settings-toggle")), "View settings");
}

#[wasm_bindgen_test]
async fn a_right_to_left_quote_reads_right_to_left() {
    let (root, _h) = mounted(TALK, "{ idPrefix: 'rtl-' }").await;
    let direction = |id: &str| {
        let p = one(&root, &format!("#rtl-{id}"));
        window()
            .get_computed_style(&p)
            .unwrap()
            .unwrap()
            .get_property_value("direction")
            .unwrap()
    };
    assert_eq!(direction("t2-p1"), "ltr");
    assert_eq!(direction("t2-p2"), "rtl", "an Arabic paragraph");
    assert_eq!(direction("t3-p2"), "rtl", "a Hebrew paragraph");
    assert_eq!(
        attr(&one(&root, ".tv-search-input"), "dir").as_deref(),
        Some("auto")
    );
}

#[wasm_bindgen_test]
async fn the_host_hears_every_change_and_drives_the_viewer() {
    // The calls and the events, in the order they came.
    let log = js_sys::Array::new();
    let on_change = js("(log => state => log.push(['call', state]))")
        .dyn_into::<js_sys::Function>()
        .unwrap();
    let on_change = on_change.call1(&JsValue::NULL, &log).unwrap();
    let root = fresh_root();
    let listener = js("(log => event => log.push(['event', event.detail, event.bubbles]))")
        .dyn_into::<js_sys::Function>()
        .unwrap()
        .call1(&JsValue::NULL, &log)
        .unwrap();
    root.add_event_listener_with_callback("transcript-viewer-change", listener.unchecked_ref())
        .unwrap();
    let opts = js("{ idPrefix: 'js-' }");
    js_sys::Reflect::set(&opts, &"data".into(), &js_sys::JSON::parse(TALK).unwrap()).unwrap();
    js_sys::Reflect::set(&opts, &"onChange".into(), &on_change).unwrap();
    let handle = mount(root.clone(), opts).unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    assert_eq!(log.length(), 0, "nothing on mount");
    let state = |v: JsValue| js_sys::JSON::stringify(&v).unwrap().as_string().unwrap();
    assert!(state(handle.state()).contains(r#""totalTurns":3"#));

    handle
        .set_query("good".into())
        .unwrap_or_else(|_| panic!("setQuery"));
    yew::scheduler::flush().await;
    wait_until("the search's report", || log.length() >= 2).await;
    let last = state(log.get(log.length() - 1));
    assert!(
        last.contains(r#""query":"good""#)
            && last.contains(r#""matches":4"#)
            && last.contains(r#""currentMatch":1"#),
        "{last}"
    );
    assert!(last.ends_with("true]"), "the event bubbles: {last}");
    assert_eq!(text(&one(&root, ".tv-search-status")), "1 of 4");

    handle.next_match();
    yew::scheduler::flush().await;
    assert_eq!(text(&one(&root, ".tv-search-status")), "2 of 4");
    assert!(state(handle.state()).contains(r#""currentMatch":2"#));

    handle
        .set_hidden(js("['bo']"))
        .unwrap_or_else(|_| panic!("setHidden"));
    yew::scheduler::flush().await;
    assert!(
        root.query_selector("#js-t2:not([hidden])")
            .unwrap()
            .is_none(),
        "bo's turn is hidden"
    );
    let now = state(handle.state());
    assert!(
        now.contains(r#""hidden":["bo"]"#) && now.contains(r#""shownTurns":2"#),
        "{now}"
    );

    handle
        .set_search_options(js("{ wholeWords: true }"))
        .unwrap_or_else(|_| panic!("setSearchOptions"));
    yew::scheduler::flush().await;
    assert!(state(handle.state()).contains(r#""wholeWords":true"#));

    // Every change was told twice, to the function and as an event, with one state.
    let entries: Vec<(String, String)> = log
        .iter()
        .map(|e| {
            let e: js_sys::Array = e.dyn_into().unwrap();
            (e.get(0).as_string().unwrap(), state(e.get(1)))
        })
        .collect();
    let calls: Vec<&String> = entries
        .iter()
        .filter(|e| e.0 == "call")
        .map(|e| &e.1)
        .collect();
    let events: Vec<&String> = entries
        .iter()
        .filter(|e| e.0 == "event")
        .map(|e| &e.1)
        .collect();
    assert_eq!(calls, events);
    assert_eq!(*calls.last().unwrap(), &state(handle.state()));

    // Bad calls throw; nothing changes.
    assert!(handle.set_query(JsValue::from(3)).is_err());
    assert!(handle.set_hidden(js("'bo'")).is_err());
    assert!(handle.seek(JsValue::from(-1)).is_err());
    assert!(handle.seek(JsValue::from("1")).is_err());
    // Seeking an untimed transcript does nothing.
    assert!(handle.seek(JsValue::from(2.5)).is_ok());
}

/// A Yew host's remote control: a command sent before the viewer mounts waits for it.
#[derive(Properties, PartialEq)]
struct DrivenProps {
    control: ViewerControl,
}

#[function_component]
fn Driven(props: &DrivenProps) -> Html {
    let transcript = use_memo((), |()| Rc::new(Transcript::from_json(TALK).unwrap()));
    html! {
        <TranscriptViewer transcript={(*transcript).clone()} id_prefix="yew-"
            control={Some(props.control.clone())} />
    }
}

#[wasm_bindgen_test]
async fn a_yew_host_drives_the_viewer_through_its_control() {
    let control = ViewerControl::new();
    control.send(Command::SetQuery("morning".into()));
    let root = fresh_root();
    yew::Renderer::<Driven>::with_root_and_props(
        root.clone(),
        DrivenProps {
            control: control.clone(),
        },
    )
    .render();
    yew::scheduler::flush().await;
    wait_until("the queued search", || highlighted(&root).len() == 2).await;
    assert_eq!(control.state().map(|s| s.matches), Some(2));
    control.send(Command::SetHidden(["ann".to_string()].into()));
    yew::scheduler::flush().await;
    assert!(root
        .query_selector("#yew-t1:not([hidden])")
        .unwrap()
        .is_none());
    assert_eq!(control.state().map(|s| s.shown_turns), Some(1));
}

/// Before (and without) a transcript, the messages are in the host page's language.
#[wasm_bindgen_test]
async fn a_fetched_transcripts_messages_speak_the_host_pages_language() {
    let host = fresh_root();
    host.set_attribute("lang", "ru").unwrap();
    let root = document().create_element("div").unwrap();
    host.append_child(&root).unwrap();
    let _handle = mount(root.clone(), js("{ src: 'no-such-transcript.json' }"))
        .unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    let status = text(&one(&root, ".tv-root"));
    assert!(
        status == "Стенограмма загружается…"
            || status.starts_with("Не удалось загрузить стенограмму"),
        "{status}"
    );
    wait_until("the error", || {
        root.query_selector(".tv-error").unwrap().is_some()
    })
    .await;
    assert_eq!(
        text(&one(&root, ".tv-error-title")),
        "Не удалось загрузить стенограмму"
    );
    assert!(text(&one(&root, ".tv-error-detail")).starts_with("Сервер ответил: HTTP 404"));
    assert_eq!(attr(&one(&root, ".tv-root"), "lang").as_deref(), Some("ru"));
}
