#![cfg(target_arch = "wasm32")]
//! Browser suite for citing a passage: mounts the real viewer, stubs
//! `navigator.clipboard` to capture what is written, and checks each turn's "Cite"
//! button (its name, the whole turn, the selected part of it), the one "Cite selection"
//! button and Alt+Shift+C, the link (a text directive where the engine follows them),
//! the credit, the HTML (hostile text escaped, where the engine has `ClipboardItem`), the
//! quotation marks and words of the transcript's language, and the box to copy from
//! where there is no clipboard.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_cite`.

use std::rc::Rc;
use transcript_viewer::components::TranscriptViewerProps;
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

const TALKS: &str = r#"{"schema":1,"lang":"en","title":"Russian-Belarusian talks",
"date":"2022-02-18","place":"The Kremlin, Moscow",
"speakers":[
 {"id":"vladimir-putin","name":"Vladimir Putin","role":"President of Russia"},
 {"id":"alexander-lukashenko","name":"Alexander Lukashenko","role":"President of the Republic of Belarus"}],
"turns":[
 {"id":"t1","speaker":"vladimir-putin","paragraphs":["Mr President,","Let me warmheartedly welcome you to Moscow."]},
 {"id":"t2","speaker":"alexander-lukashenko","paragraphs":["Thank you, Mr President.","Indeed, we have plenty to talk about."]},
 {"id":"t3","paragraphs":["Statements for the press."]}],
"source":{"file":"talks.txt","credit":"President of Russia website, kremlin.ru","license":"CC BY 4.0","url":"http://en.kremlin.ru/events/president/news/67800"}}"#;

const HOSTILE: &str = r#"{"schema":1,"lang":"en","title":"<img src=x onerror=alert(1)>",
"speakers":[{"id":"x","name":"<b>Bold</b> & co"}],
"turns":[{"id":"t1","speaker":"x","paragraphs":["<script>alert(2)</script> \"quoted\" & 'single'"]}],
"source":{"file":"h.txt","credit":"<i>Credit</i>","url":"javascript:alert(3)"}}"#;

const RUSSIAN: &str = r#"{"schema":1,"lang":"ru","title":"Российско-белорусские переговоры",
"date":"2022-02-18",
"speakers":[{"id":"putin","name":"В.Путин"}],
"turns":[{"id":"t1","speaker":"putin","paragraphs":["Уважаемый Александр Григорьевич! Рад видеть «друзей»."]}],
"source":{"file":"ru.txt","credit":"Сайт Президента России, kremlin.ru","license":"CC BY 4.0"}}"#;

/// Replaces `navigator.clipboard` with one that records what is written, as
/// `window.__tvClip` entries `{text, html}` (`html` null from `writeText`).
fn stub_clipboard() {
    js_sys::eval(
        "window.__tvClip = [];
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: (text) => { window.__tvClip.push({ text, html: null }); return Promise.resolve(); },
            write: async (items) => {
                const read = async (type) => (await items[0].getType(type)).text();
                window.__tvClip.push({ text: await read('text/plain'), html: await read('text/html') });
            },
        } });",
    )
    .unwrap();
}

fn unstub_clipboard() {
    js_sys::eval("delete navigator.clipboard").unwrap();
}

/// What reached the stubbed clipboard, in order: (text, html).
fn clipboard() -> Vec<(String, Option<String>)> {
    let list = js_sys::eval("window.__tvClip").unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|entry| {
            let get = |k: &str| js_sys::Reflect::get(&entry, &k.into()).unwrap().as_string();
            (get("text").unwrap_or_default(), get("html"))
        })
        .collect()
}

/// The engine follows text directives, and takes HTML on the clipboard.
fn engine_has(what: &str) -> bool {
    js_sys::eval(what).unwrap().as_bool().unwrap()
}

fn directives() -> bool {
    engine_has("'fragmentDirective' in document")
}

fn clipboard_items() -> bool {
    engine_has("typeof ClipboardItem === 'function'")
}

/// A mounted viewer, destroyed and taken out of the page when dropped: the next test's
/// viewer has the same ids.
struct Mounted {
    root: Element,
    handle: Option<yew::AppHandle<TranscriptViewer>>,
}

impl std::ops::Deref for Mounted {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.root
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        if let Some(handle) = self.handle.take() {
            handle.destroy();
        }
        self.root.remove();
    }
}

async fn viewer(json: &str) -> Mounted {
    let root = fresh_root();
    let transcript = Rc::new(Transcript::from_json(json).unwrap());
    let props = yew::props!(TranscriptViewerProps {
        transcript,
        store_settings: false,
    });
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted {
        root,
        handle: Some(handle),
    }
}

/// Selects from offset `start.1` of the first text node of the element `start.0` to
/// offset `end.1` of the element `end.0`'s (UTF-16 offsets, as the DOM counts).
fn select(root: &Element, start: (&str, u32), end: (&str, u32)) {
    let node = |sel: &str| one(root, sel).first_child().unwrap();
    let range = document().create_range().unwrap();
    range.set_start(&node(start.0), start.1).unwrap();
    range.set_end(&node(end.0), end.1).unwrap();
    let selection = window().get_selection().unwrap().unwrap();
    selection.remove_all_ranges().unwrap();
    selection.add_range(&range).unwrap();
}

fn unselect() {
    window()
        .get_selection()
        .unwrap()
        .unwrap()
        .remove_all_ranges()
        .unwrap();
}

async fn cite_and_wait(root: &Element, button: &str, n: usize) -> (String, Option<String>) {
    click(&one(root, button)).await;
    wait_until("the citation on the clipboard", || clipboard().len() == n).await;
    clipboard().pop().unwrap()
}

fn announcement(root: &Element) -> String {
    text(&one(root, ".tv-announcement"))
}

#[wasm_bindgen_test]
async fn a_turns_cite_button_copies_the_whole_turn_with_its_credit_and_link() {
    stub_clipboard();
    let root = viewer(TALKS).await;
    let names: Vec<String> = all(&root, ".tv-turn > button.tv-turn-cite")
        .iter()
        .map(|b| attr(b, "aria-label").unwrap_or_default())
        .collect();
    assert_eq!(
        names,
        [
            "Cite turn 1 (Vladimir Putin)",
            "Cite turn 2 (Alexander Lukashenko)",
            "Cite turn 3"
        ]
    );
    // After the link button, in the tab order too.
    let after_link = one(&root, "#t1 > .tv-turn-link")
        .next_element_sibling()
        .unwrap();
    assert_eq!(after_link.class_name(), "tv-turn-cite");

    let (text, html) = cite_and_wait(&root, "#t1 > .tv-turn-cite", 1).await;
    let href = window().location().href().unwrap();
    let page = href.split('#').next().unwrap();
    let link = if directives() {
        format!("{page}#t1:~:text=Mr%20President%2C,welcome%20you%20to%20Moscow.")
    } else {
        format!("{page}#t1")
    };
    assert_eq!(
        text,
        format!(
            "“Mr President, Let me warmheartedly welcome you to Moscow.”\n\
             — Vladimir Putin, President of Russia\n\
             Russian-Belarusian talks, February 18, 2022\n\
             Source: President of Russia website, kremlin.ru (CC BY 4.0), \
             http://en.kremlin.ru/events/president/news/67800\n{link}\n"
        )
    );
    if clipboard_items() {
        let html = html.expect("HTML beside the text");
        assert!(html.starts_with("<blockquote cite=\""), "{html}");
        assert!(
            html.contains("<p>“Mr President, Let me warmheartedly"),
            "{html}"
        );
    } else {
        assert_eq!(html, None, "no ClipboardItem: plain text only");
    }
    wait_until("the citation is announced", || {
        announcement(&root) == "Citation copied"
    })
    .await;
    unstub_clipboard();
}

#[wasm_bindgen_test]
async fn a_selection_in_a_turn_is_what_its_button_and_the_selections_button_cite() {
    stub_clipboard();
    let root = viewer(TALKS).await;
    let floating = one(&root, "button.tv-cite-selection");
    assert!(
        attr(&floating, "hidden").is_some(),
        "no selection, no button"
    );
    assert_eq!(text(&floating), "Cite selection");
    assert_eq!(
        attr(&floating, "aria-keyshortcuts").as_deref(),
        Some("Alt+Shift+C")
    );
    // "lenty to tal" in "plenty to talk about": widened to whole words.
    select(&root, ("#t2-p2", 17), ("#t2-p2", 29));
    wait_until("the selection's button shows", || {
        attr(&floating, "hidden").is_none()
    })
    .await;
    let (text, _) = cite_and_wait(&root, "#t2 > .tv-turn-cite", 1).await;
    assert!(
        text.starts_with("“plenty to talk”\n— Alexander Lukashenko, "),
        "{text}"
    );
    if directives() {
        assert!(text.contains("#t2:~:text=plenty%20to%20talk\n"), "{text}");
    }
    // The selection's own button cites the same.
    let (again, _) = cite_and_wait(&root, "button.tv-cite-selection", 2).await;
    assert_eq!(again, text);

    // Over two turns: the part in the first.
    select(&root, ("#t1-p2", 7), ("#t2-p1", 5));
    let (text, _) = cite_and_wait(&root, "button.tv-cite-selection", 3).await;
    assert!(
        text.starts_with("“warmheartedly welcome you to Moscow.”\n— Vladimir Putin"),
        "{text}"
    );
    // The second turn's button cites its own part of the same selection.
    let (text, _) = cite_and_wait(&root, "#t2 > .tv-turn-cite", 4).await;
    assert!(text.starts_with("“Thank”\n"), "{text}");
    // A selection elsewhere: the turn's button cites the whole turn.
    select(&root, ("#t1-p1", 0), ("#t1-p1", 2));
    let (text, _) = cite_and_wait(&root, "#t3 > .tv-turn-cite", 5).await;
    assert!(
        text.starts_with("“Statements for the press.”\nRussian-Belarusian talks"),
        "{text}"
    );

    // Alt+Shift+C cites the selection, wherever the focus is.
    select(&root, ("#t1-p1", 0), ("#t1-p1", 2));
    let init = web_sys::KeyboardEventInit::new();
    init.set_alt_key(true);
    init.set_shift_key(true);
    init.set_code("KeyC");
    init.set_key("C");
    init.set_bubbles(true);
    let key = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().body().unwrap().dispatch_event(&key).unwrap();
    wait_until("the shortcut's citation", || clipboard().len() == 6).await;
    assert!(
        clipboard()[5].0.starts_with("“Mr”\n— Vladimir Putin"),
        "{:?}",
        clipboard()[5]
    );

    unselect();
    wait_until("the selection's button goes", || {
        attr(&floating, "hidden").is_some()
    })
    .await;
    unstub_clipboard();
}

#[wasm_bindgen_test]
async fn hostile_text_is_escaped_in_the_html_and_kept_as_text() {
    stub_clipboard();
    let root = viewer(HOSTILE).await;
    let (text, html) = cite_and_wait(&root, "#t1 > .tv-turn-cite", 1).await;
    assert!(
        text.starts_with("“<script>alert(2)</script> \"quoted\" & 'single'”\n— <b>Bold</b> & co\n"),
        "{text}"
    );
    assert!(
        text.contains("\nSource: <i>Credit</i>\n"),
        "no javascript: link: {text}"
    );
    if let Some(html) = html {
        for bad in ["<script", "<img", "<b>", "<i>", "javascript:"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
        assert!(
            html.contains(
                "&lt;script&gt;alert(2)&lt;/script&gt; &quot;quoted&quot; &amp; &#39;single&#39;"
            ),
            "{html}"
        );
    } else {
        assert!(
            !clipboard_items(),
            "HTML expected where ClipboardItem exists"
        );
    }
    // Nothing of it became markup in the page.
    assert!(root.query_selector("script, img, b, i").unwrap().is_none());
    unstub_clipboard();
}

#[wasm_bindgen_test]
async fn a_russian_citation_has_its_quotation_marks_date_and_words() {
    stub_clipboard();
    let root = viewer(RUSSIAN).await;
    let button = one(&root, "#t1 > .tv-turn-cite");
    assert_eq!(
        attr(&button, "aria-label").as_deref(),
        Some("Цитировать реплику 1 (В.Путин)")
    );
    assert_eq!(
        text(&one(&root, "button.tv-cite-selection")),
        "Цитировать выделенное"
    );
    let (text, _) = cite_and_wait(&root, "#t1 > .tv-turn-cite", 1).await;
    assert!(
        text.starts_with(
            "«Уважаемый Александр Григорьевич! Рад видеть „друзей“.»\n— В.Путин\n\
             Российско-белорусские переговоры, 18 февраля 2022 г.\n\
             Источник: Сайт Президента России, kremlin.ru (CC BY 4.0)\n"
        ),
        "{text}"
    );
    if directives() {
        // Cyrillic, percent-encoded as UTF-8.
        assert!(text.contains("#t1:~:text=%D0%A3%D0%B2%D0%B0"), "{text}");
    }
    wait_until("announced in Russian", || {
        announcement(&root) == "Цитата скопирована"
    })
    .await;
    unstub_clipboard();
}

#[wasm_bindgen_test]
async fn without_a_clipboard_the_citation_shows_in_a_box_to_copy_from() {
    for stub in [
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });",
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
            write: () => Promise.reject(new DOMException('denied', 'NotAllowedError')),
        } });",
    ] {
        js_sys::eval(stub).unwrap();
        let root = viewer(TALKS).await;
        assert!(root.query_selector(".tv-cite-fallback").unwrap().is_none());
        click(&one(&root, "#t2 > .tv-turn-cite")).await;
        wait_until("the box to copy from", || {
            root.query_selector(".tv-cite-fallback").unwrap().is_some()
        })
        .await;
        after_paint().await;
        let dialog = one(&root, ".tv-cite-fallback[role=dialog]");
        let title = one(&dialog, ".tv-cite-fallback-title");
        assert_eq!(text(&title), "Citation to copy");
        assert_eq!(attr(&dialog, "aria-labelledby"), Some(title.id()));
        let area: web_sys::HtmlTextAreaElement =
            one(&dialog, "textarea.tv-cite-text").dyn_into().unwrap();
        assert!(
            area.value()
                .starts_with("“Thank you, Mr President. Indeed,"),
            "{}",
            area.value()
        );
        assert!(area.read_only());
        // Focused and selected, ready for Ctrl+C.
        let focused = document().active_element().unwrap();
        assert_eq!(focused, area.clone().unchecked_into::<Element>());
        assert_eq!(area.selection_start().unwrap(), Some(0));
        assert_eq!(
            area.selection_end().unwrap(),
            Some(area.value().encode_utf16().count() as u32)
        );
        // Escape closes it.
        let init = web_sys::KeyboardEventInit::new();
        init.set_key("Escape");
        init.set_bubbles(true);
        let key =
            web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
        area.dispatch_event(&key).unwrap();
        yew::scheduler::flush().await;
        assert!(root.query_selector(".tv-cite-fallback").unwrap().is_none());
        assert_eq!(announcement(&root), "");
        // The focus is back on the cited turn's button.
        let focused = document().active_element().unwrap();
        assert_eq!(focused, one(&root, "#t2 > .tv-turn-cite"));
        unstub_clipboard();
    }
}
