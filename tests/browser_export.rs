#![cfg(target_arch = "wasm32")]
//! Browser suite for taking away what the reader sees: the Export menu offers plain
//! text, Markdown, HTML and JSON files of the shown turns (named after the source, with
//! its credit), the search's matches marked when asked, by keyboard, in the viewer's
//! language.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_export`.

use std::rc::Rc;
use transcript_viewer::components::TranscriptViewerProps;
use transcript_viewer::state::ViewState;
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

const TALK: &str = r#"{"schema":1,"lang":"en","title":"Talks on <trade>","date":"2022-02-18",
"speakers":[{"id":"ann","name":"Ann Lee"},{"id":"bo","name":"Bo Park"}],
"turns":[
 {"id":"t1","speaker":"ann","paragraphs":["Good morning, trade."]},
 {"id":"t2","speaker":"bo","paragraphs":["Trade is *up*."]},
 {"id":"t3","speaker":"ann","paragraphs":["Thank you."]}],
"source":{"file":"talks-2022.txt","credit":"Example credit","license":"CC BY 4.0"}}"#;

async fn viewer(initial: ViewState, lang: &str) -> web_sys::Element {
    let root = fresh_root();
    let transcript = Rc::new(Transcript::from_json(TALK).unwrap());
    let props = yew::props!(TranscriptViewerProps {
        transcript,
        initial_state: Some(initial),
        lang: lang.to_string(),
    });
    yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

async fn press(el: &web_sys::Element) {
    el.clone().dyn_into::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_shown_turns_export_in_four_formats_with_the_credit() {
    catch_downloads();
    let state = ViewState {
        query: "trade".into(),
        hidden: ["bo".to_string()].into(),
        ..ViewState::default()
    };
    let root = viewer(state, "").await;
    let toggle = one(&root, ".tv-export-toggle");
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("false"));
    assert!(root.query_selector(".tv-export-options").unwrap().is_none());
    press(&toggle).await;
    assert_eq!(attr(&toggle, "aria-expanded").as_deref(), Some("true"));
    let group = one(&root, ".tv-export-options");
    assert_eq!(attr(&group, "role").as_deref(), Some("group"));
    assert_eq!(
        texts(&root, ".tv-export-options button"),
        ["Plain text", "Markdown", "HTML", "JSON"]
    );
    // One at a time: a file is caught once its Blob is read, which Firefox may finish
    // out of order when the four are asked for at once.
    for (n, class) in ["txt", "md", "html", "json"].into_iter().enumerate() {
        press(&one(&root, &format!(".tv-export-{class}"))).await;
        wait_until("the file", || downloads().len() == n + 1).await;
    }
    let files = downloads();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "talks-2022.txt",
            "talks-2022.md",
            "talks-2022.html",
            "talks-2022.json"
        ]
    );
    let (text, md, html, json) = (&files[0].1, &files[1].1, &files[2].1, &files[3].1);
    assert!(text.starts_with("Talks on <[[trade]]>\n"), "{text}");
    assert!(text.contains("Ann Lee: Good morning, [[trade]]."), "{text}");
    assert!(
        !text.contains("Bo Park"),
        "the hidden speaker's turn: {text}"
    );
    assert!(
        text.trim_end()
            .ends_with("Source: Example credit (CC BY 4.0)"),
        "{text}"
    );
    assert!(md.contains("**Ann Lee:** Good morning, **trade**."), "{md}");
    assert!(
        html.starts_with("<h1>Talks on &lt;<mark>trade</mark>&gt;</h1>"),
        "{html}"
    );
    let back = Transcript::from_json(json).unwrap();
    assert_eq!(back.turns.len(), 2);
    assert_eq!(back.source.credit.as_deref(), Some("Example credit"));
    assert_eq!(
        text_of_announcement(&root),
        "Downloading talks-2022.json",
        "the last download is announced"
    );

    // Without the marks.
    press(&one(&root, ".tv-export-marks")).await;
    press(&one(&root, ".tv-export-txt")).await;
    wait_until("a fifth file", || downloads().len() == 5).await;
    assert!(!downloads()[4].1.contains("[["), "{}", downloads()[4].1);
}

fn text_of_announcement(root: &web_sys::Element) -> String {
    text(&one(root, ".tv-announcement"))
}

#[wasm_bindgen_test]
async fn the_menu_speaks_the_viewers_language_and_offers_marks_only_with_a_search() {
    let root = viewer(ViewState::default(), "ru").await;
    let toggle = one(&root, ".tv-export-toggle");
    assert_eq!(text(&toggle), "Экспорт");
    press(&toggle).await;
    assert!(
        root.query_selector(".tv-export-marks").unwrap().is_none(),
        "no search, no marks"
    );
    assert_eq!(
        texts(&root, ".tv-export-options button"),
        ["Обычный текст", "Markdown", "HTML", "JSON"]
    );
    assert_eq!(
        attr(&one(&root, ".tv-export-options"), "aria-label").as_deref(),
        Some("Экспорт")
    );
    press(&toggle).await;
    assert!(root.query_selector(".tv-export-options").unwrap().is_none());
}
