#![cfg(target_arch = "wasm32")]
//! Browser suite for hostile and broken input (issue 8, the viewer's side):
//!
//! - files that cannot be shown (missing, network error, truncated, wrong types, another
//!   schema version, invalid text) give a `role="alert"` naming the file and the JSON
//!   path or line and column; odd but usable ones (a turn naming an unknown speaker, a
//!   speaker with no turns, no turns at all) show with a `role="status"` note;
//! - the hostile transcript (`tests/support/hostile.rs`) renders as inert text, keeps
//!   within a 320 px wide column and stays searchable;
//! - hostile search input (10,000 characters, regular-expression syntax, only spaces,
//!   lone surrogates from JavaScript) gives a sensible status and no panic.
//!
//! Each check that could be blind has its control: the same check run on a planted
//! failure must see it.

use std::rc::Rc;
use transcript_viewer::components::{AppProps, TranscriptViewerProps};
use transcript_viewer::{App, Transcript, TranscriptViewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;
#[path = "support/fetch.rs"]
mod fetch;
use fetch::{FakeFetch, QueryString, Reply};
#[path = "support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `js` as a function body with no arguments and returns its result.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// Waits (at most about five seconds) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    wait_until(&format!("{selector} shows"), || {
        root.query_selector(selector).unwrap().is_some()
    })
    .await;
    one(root, selector)
}

// ---- Files the app cannot show, and files it shows with a note ------------------------

const CATALOG: &str = r#"{"schema":1,"transcripts":[{"id":"x","title":"X","lang":"en"}]}"#;

/// Mounts the app on `?t=x` with `x.json` answered by `reply`; returns its root.
async fn app_with(reply: Reply<'_>) -> (Element, yew::AppHandle<App>, FakeFetch, QueryString) {
    let fetch = FakeFetch::install(&[
        ("fake/index.json", Reply::Body(CATALOG)),
        ("fake/x.json", reply),
    ]);
    let query = QueryString::set("?t=x");
    let root = fresh_root();
    let props = yew::props!(AppProps {
        base: "fake/".to_string()
    });
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    (root, handle, fetch, query)
}

/// The app's error for this reply: (heading, detail), after checking that the alert
/// names the file and that nothing else shows.
async fn load_error(reply: Reply<'_>) -> (String, String) {
    let (root, handle, _fetch, _query) = app_with(reply).await;
    let alert = wait_for(&root, "[role=alert]").await;
    let url = text(&one(&alert, ".tv-error-url"));
    assert!(url.ends_with("/fake/x.json"), "{url}");
    assert!(all(&root, "article").is_empty());
    let out = (
        text(&one(&alert, "h1")),
        text(&one(&alert, ".tv-error-detail")),
    );
    handle.destroy();
    out
}

#[wasm_bindgen_test]
async fn files_that_cannot_be_shown_give_an_alert_with_the_place() {
    let heading = "Could not load the transcript";
    let missing = load_error(Reply::Body("")).await;
    assert_eq!(missing.0, heading);
    assert_eq!(
        missing.1,
        "Invalid JSON: line 1, column 0: EOF while parsing a value"
    );

    let cases: &[(&str, &str)] = &[
        (
            r#"{"schema":1,"lang":"en","title":"Cut o"#,
            "Invalid JSON: line 1, column 38: at title: EOF while parsing a string",
        ),
        (
            "{\"schema\":1,\"lang\":\"en\",\"title\":\"T\",\n\"speakers\":[{\"id\":\"a\",\"name\":[\"x\"]}],\"source\":{\"file\":\"x\"}}",
            "Invalid JSON: line 2, column 29: at speakers[0].name: invalid type: sequence, expected a string",
        ),
        (
            r#"{"schema":3,"lang":"en","title":"From the future","source":{"file":"x"}}"#,
            "Invalid JSON: at schema: unsupported schema version 3 (this viewer reads versions 1 to 2)",
        ),
        (
            r#"{"schema":"1","lang":"en","title":"T","source":{"file":"x"}}"#,
            "Invalid JSON: at schema: unsupported schema version \"1\" (this viewer reads versions 1 to 2)",
        ),
        (
            r#"{"schema":1,"lang":"en","title":"\ud800 lone","source":{"file":"x"}}"#,
            "Invalid JSON: line 1, column 40: at title: unexpected end of hex escape",
        ),
        (
            "[1, 2, 3]",
            "Invalid JSON: line 1, column 1: expected a transcript object, found an array",
        ),
        (
            r#"{"schema":1,"lang":"en","title":"T","turns":[{"id":"t1","paragraphs":[]},{"id":"t1","paragraphs":[]}],"source":{"file":"x"}}"#,
            "Invalid JSON: at turns[1].id: turn id \"t1\" is empty or used twice",
        ),
    ];
    for (body, want) in cases {
        let (h, detail) = load_error(Reply::Body(body)).await;
        assert_eq!(h, heading);
        assert_eq!(detail, *want, "for {body}");
    }

    let (h, detail) = load_error(Reply::NetworkError).await;
    assert_eq!(h, heading);
    assert!(detail.starts_with("Network error: "), "{detail}");
    assert!(detail.contains("Failed to fetch (stand-in)"), "{detail}");

    // 404: the stand-in answers it for any file it does not know.
    let fetch = FakeFetch::install(&[("fake/index.json", Reply::Body(CATALOG))]);
    let _query = QueryString::set("?t=x");
    let root = fresh_root();
    let props = yew::props!(AppProps {
        base: "fake/".to_string()
    });
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    let alert = wait_for(&root, "[role=alert]").await;
    assert_eq!(text(&one(&alert, "h1")), heading);
    assert_eq!(text(&one(&alert, ".tv-error-detail")), "HTTP 404 Not Found");
    handle.destroy();
    drop(fetch);
}

/// The app's transcript and its note for this file, after checking there is no alert.
async fn shown_with_note(body: &str) -> (Element, Vec<String>, yew::AppHandle<App>) {
    let (root, handle, _fetch, _query) = app_with(Reply::Body(body)).await;
    let article = wait_for(&root, "main article.tv-transcript").await;
    assert!(all(&root, "[role=alert]").is_empty());
    let note = one(&article, ".tv-notes[role=status]");
    let title = one(&note, ".tv-notes-title");
    assert_eq!(attr(&note, "aria-labelledby"), Some(title.id()));
    assert_eq!(text(&title), "This transcript may be incomplete:");
    let lines = texts(&note, "li");
    (root, lines, handle)
}

#[wasm_bindgen_test]
async fn odd_but_usable_files_show_with_a_note() {
    let (root, lines, handle) = shown_with_note(
        r#"{"schema":1,"lang":"en","title":"Ghosts","speakers":[{"id":"a","name":"Ann"},{"id":"silent","name":"Sam"}],
        "turns":[{"id":"t1","speaker":"ghost","paragraphs":["Boo."]},{"id":"t2","speaker":"a","paragraphs":["Hi."]}],
        "source":{"file":"g.txt"}}"#,
    )
    .await;
    assert_eq!(
        lines,
        [
            "at turns[0].speaker: turn \"t1\" names speaker \"ghost\", who is not in the speaker list",
            "at speakers[1]: speaker \"silent\" has no turns",
        ]
    );
    // The turn still shows, under the id it names.
    assert_eq!(text(&one(&root, "#t1 .tv-speaker-name")), "ghost");
    assert_eq!(text(&one(&root, "#t1 p")), "Boo.");
    handle.destroy();

    let (root, lines, handle) = shown_with_note(
        r#"{"schema":1,"lang":"en","title":"Nothing yet","source":{"file":"e.txt"}}"#,
    )
    .await;
    assert_eq!(lines, ["at turns: the transcript has no turns"]);
    assert_eq!(text(&one(&root, "h1")), "Nothing yet");
    handle.destroy();

    // The control: a transcript with nothing odd has no note.
    let (root, handle, _fetch, _query) = app_with(Reply::Body(
        r#"{"schema":1,"lang":"en","title":"Fine","speakers":[{"id":"a","name":"Ann"}],
        "turns":[{"id":"t1","speaker":"a","paragraphs":["Hi."]}],"source":{"file":"f.txt"}}"#,
    ))
    .await;
    wait_for(&root, "main article.tv-transcript").await;
    assert!(all(&root, ".tv-notes").is_empty());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn an_embedded_transcript_with_an_unknown_speaker_shows_with_a_note() {
    let root = fresh_root();
    let options = js(
        r#"return { data: { schema: 1, lang: "en", title: "Embedded",
        speakers: [], turns: [{ id: "t1", speaker: "nobody", paragraphs: ["Hello."] }],
        source: { file: "e.txt" } }, idPrefix: "emb-" };"#,
    );
    let mut handle = transcript_viewer::embed::mount(root.clone(), options)
        .unwrap_or_else(|_| panic!("mount failed"));
    yew::scheduler::flush().await;
    let note = one(&root, ".tv-notes[role=status]");
    assert_eq!(
        texts(&note, "li"),
        ["at turns[0].speaker: turn \"t1\" names speaker \"nobody\", who is not in the speaker list"]
    );
    assert_eq!(
        attr(&note, "aria-labelledby").as_deref(),
        Some("emb-notes-title")
    );
    assert_eq!(text(&one(&root, "#emb-t1 p")), "Hello.");
    handle.destroy();
}

// ---- The hostile transcript ---------------------------------------------------------

/// Speakers (and turns) of the hostile transcript here. The browser suites run a debug
/// build, where 10,000 speakers take longer to render than the test runner waits for a
/// busy page; the end-to-end suite renders all 10,000 with the release build.
const SPEAKERS: usize = 1_000;

/// The hostile transcript, parsed once per test.
fn hostile_transcript() -> Rc<Transcript> {
    Rc::new(
        Transcript::from_json(&hostile::json_with(SPEAKERS)).expect("the hostile fixture reads"),
    )
}

/// Mounts the viewer on the hostile transcript in a 320 px wide column (with the
/// viewer's stylesheet); returns (column, handle).
async fn mount_hostile() -> (Element, yew::AppHandle<TranscriptViewer>) {
    add_stylesheet();
    let column = fresh_root();
    column.set_attribute("style", "width: 320px").unwrap();
    let transcript = hostile_transcript();
    let start = js_sys::Date::now();
    let props = yew::props!(TranscriptViewerProps { transcript });
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(column.clone(), props).render();
    yew::scheduler::flush().await;
    web_sys::console::log_1(
        &format!(
            "hostile transcript ({} speakers and turns, debug build): rendered in {:.0} ms",
            SPEAKERS,
            js_sys::Date::now() - start
        )
        .into(),
    );
    (column, handle)
}

/// `window.__pwned`, which the fixture's `<script>` and `<img onerror>` would set.
fn pwned() -> JsValue {
    js("return window.__pwned;")
}

#[wasm_bindgen_test]
async fn hostile_text_renders_as_inert_text() {
    // The control: the same markup parsed as HTML does run, and is seen.
    let control = fresh_root();
    control.set_inner_html(&format!("{}{}", hostile::IMG, hostile::SCRIPT));
    wait_until("the control's onerror runs", || pwned().is_string()).await;
    assert_eq!(all(&control, "img").len(), 1);
    control.remove();
    js("delete window.__pwned;");

    let (column, handle) = mount_hostile().await;
    let viewer = one(&column, ".tv-root");
    // Give an <img> the time to fail and run its handler, were there one.
    sleep(200).await;
    assert!(pwned().is_undefined(), "window.__pwned = {:?}", pwned());
    for tag in ["script", "img", "iframe", "object", "embed", "b", "i"] {
        assert!(all(&viewer, tag).is_empty(), "a <{tag}> was rendered");
    }
    assert!(all(&viewer, "[onerror], [onclick], a[href^='javascript' i]").is_empty());
    // `</article>` closed nothing: one article, with everything in it.
    assert_eq!(all(&column, "article").len(), 1);
    assert_eq!(all(&column, "h1").len(), 1);
    let t = hostile_transcript();
    assert_eq!(text(&one(&viewer, "h1")), t.title);
    assert_eq!(texts(&viewer, "#t1 > p"), t.turns[0].paragraphs);
    assert_eq!(text(&one(&viewer, ".tv-kind")), hostile::CLOSE_ARTICLE);
    assert_eq!(text(&one(&viewer, "#t1 .tv-speaker-name")), hostile::SCRIPT);
    assert_eq!(text(&one(&viewer, "#t3 .tv-speaker-name")), hostile::ARABIC);
    assert_eq!(text(&one(&viewer, "#t7 .tv-speaker-name")), hostile::EMOJI);
    // The source's `javascript:` address is not linked; its credit is text.
    let source = one(&viewer, ".tv-source");
    assert!(all(&source, "a").is_empty(), "{}", source.inner_html());
    assert_eq!(
        text(&source),
        format!("Source: {} ({})", hostile::IMG, hostile::ENTITIES)
    );
    // 10,000 speakers, each in the filter, each with a turn; no note (nothing is odd).
    assert_eq!(all(&viewer, ".tv-speaker-item").len(), SPEAKERS);
    // The turns arrive a batch at a time (render_batch).
    wait_until("every speaker's turn", || {
        all(&viewer, "section.tv-turn").len() == SPEAKERS
    })
    .await;
    assert!(all(&viewer, ".tv-notes").is_empty());
    assert!(pwned().is_undefined());
    handle.destroy();
    column.remove();
}

/// Elements in `within` whose box reaches past its right edge (or left, for right-to-
/// left text) or whose content is wider than their box, as `tag#id.class` strings; at
/// most 10. Screen-reader-only text (`.tv-visually-hidden`, a clipped 1 px box) is left
/// out.
fn overflowing(within: &Element, selector: &str) -> Vec<String> {
    let f = js_sys::Function::new_with_args(
        "within, selector",
        "const box = within.getBoundingClientRect();
         const out = [];
         for (const el of within.querySelectorAll(selector)) {
             if (el.matches('.tv-visually-hidden')) continue;
             const r = el.getBoundingClientRect();
             if (r.right > box.right + 0.5 || r.left < box.left - 0.5 || el.scrollWidth > el.clientWidth + 1) {
                 out.push(el.localName + '#' + el.id + '.' + el.className + ' ' + r.left + '..' + r.right);
                 if (out.length >= 10) break;
             }
         }
         return out;",
    );
    let list: js_sys::Array = f
        .call2(&JsValue::NULL, within, &selector.into())
        .unwrap()
        .dyn_into()
        .unwrap();
    list.iter().map(|v| v.as_string().unwrap()).collect()
}

/// Whether the page scrolls sideways.
fn page_overflows() -> bool {
    js("const d = document.documentElement; return d.scrollWidth > d.clientWidth;")
        .as_bool()
        .unwrap()
}

/// What must keep to the column. Inside an SVG only the `<svg>` counts: its shapes (the
/// share bars' pattern marks) are clipped to it, whatever their own boxes.
const CHECKED: &str = "h1, .tv-header *, .tv-summary p, .tv-speaker-item, \
     .tv-speaker-item *:not(svg *), .tv-turn, .tv-turn > *, .tv-turn .tv-speaker *, \
     .tv-source, .tv-source *";

#[wasm_bindgen_test]
async fn the_hostile_transcript_keeps_to_a_narrow_column() {
    let (column, handle) = mount_hostile().await;
    // The control: an unbreakable word without the viewer's wrapping is seen.
    let control = document().create_element("p").unwrap();
    control.set_class_name("control");
    control
        .set_attribute("style", "overflow-wrap: normal; white-space: nowrap")
        .unwrap();
    control.set_text_content(Some(&hostile::long_word()));
    column.append_child(&control).unwrap();
    assert_eq!(overflowing(&column, "p.control").len(), 1);
    assert!(page_overflows(), "the control should widen the page");
    control.remove();

    let viewer = one(&column, ".tv-root");
    // The speaker panel open, so that its thousand names are laid out too.
    click(&one(&viewer, "button.tv-speakers-toggle")).await;
    assert!(all(&viewer, ".tv-speakers[hidden]").is_empty());
    let wide = overflowing(&viewer, CHECKED);
    assert!(wide.is_empty(), "wider than the 320 px column: {wide:#?}");
    assert!(!page_overflows(), "the page scrolls sideways");
    // Long words wrap: the 600-letter word's paragraph is many lines high.
    let long = one(&viewer, "#t1-p10");
    assert_eq!(text(&long), hostile::long_word());
    let height = js_sys::Function::new_with_args("el", "return el.getBoundingClientRect().height;")
        .call1(&JsValue::NULL, &long)
        .unwrap()
        .as_f64()
        .unwrap();
    assert!(
        height > 5.0 * 16.0,
        "the long word did not wrap: {height} px high"
    );
    handle.destroy();
    column.remove();
}

fn search_input(root: &Element) -> HtmlInputElement {
    one(root, "input[type=search]").dyn_into().unwrap()
}

fn search_status(root: &Element) -> String {
    text(&one(root, ".tv-search-status[role=status]"))
}

#[wasm_bindgen_test]
async fn the_hostile_transcript_stays_searchable() {
    let (column, handle) = mount_hostile().await;
    // (query, status): the text as it reads, not as markup would. The title, summary
    // and paragraphs are searched (names, roles and the footer are not).
    let cases = [
        // The title and t1's first paragraph.
        ("<script>", "1 of 2"),
        // The first summary paragraph and t1's second.
        ("window.__pwned = 'img'", "1 of 2"),
        ("&lt;b&gt;not bold", "1 of 2"),
        ("</article>", "1 of 1"),
        ("المحادثات", "1 of 2"),
        ("לשיחות", "1 of 2"),
        // Emoji with zero-width joiners, in a phrase (emoji alone are not searched
        // for: they are symbols, as punctuation is).
        (
            "family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466}",
            "1 of 3",
        ),
        (
            "\u{1F468}\u{200D}\u{1F469}",
            "No matches: type a letter or digit",
        ),
        ("needle-at-the-end", "1 of 1"),
        ("word9876 word9877", "1 of 1"),
        ("override never closed", "1 of 2"),
        ("Turn 999.", "1 of 1"),
        ("javascript:", "1 of 2"),
    ];
    let mut got = Vec::new();
    for (query, _) in cases {
        type_query(&column, query).await;
        got.push((query, search_status(&column)));
    }
    assert_eq!(
        got,
        cases.map(|(q, s)| (q, s.to_string())).to_vec(),
        "(query, status)"
    );
    handle.destroy();
    column.remove();
}

// ---- Hostile search input ------------------------------------------------------------

const SMALL: &str = r#"{"schema":1,"lang":"en","title":"Search input",
"speakers":[{"id":"a","name":"Ann"}],
"turns":[{"id":"t1","speaker":"a","paragraphs":["Price: $5 (or 10%) [sic] a.b a+b ^caret$ {brace} back\\slash"]},
 {"id":"t2","speaker":"a","paragraphs":["Replacement \ufffd character and more"]}],
"source":{"file":"s.txt"}}"#;

#[wasm_bindgen_test]
async fn hostile_queries_get_a_sensible_status() {
    let root = fresh_root();
    let transcript = Rc::new(Transcript::from_json(SMALL).unwrap());
    let props = yew::props!(TranscriptViewerProps { transcript });
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    // Regular-expression syntax is text.
    for (query, want) in [
        (".*", "No matches: type a letter or digit"),
        ("(or 10%)", "1 of 1"),
        ("[sic]", "1 of 1"),
        ("a.b", "1 of 1"),
        ("a+b", "1 of 1"),
        ("^caret$", "1 of 1"),
        ("{brace} back\\slash", "1 of 1"),
        ("a.*b", "No matches"),
        ("\\d+", "No matches"),
        ("$5", "1 of 1"),
    ] {
        type_query(&root, query).await;
        assert_eq!(search_status(&root), want, "{query:?}");
    }
    // Only spaces: no search at all.
    type_query(&root, "     ").await;
    assert_eq!(search_status(&root), "");
    type_query(&root, "\u{a0}\t \u{3000}").await;
    assert_eq!(search_status(&root), "");
    // 10,000 characters: searched, matching nothing, quickly.
    let long = "price ".repeat(1667);
    assert!(long.len() >= 10_000);
    let start = js_sys::Date::now();
    type_query(&root, &long).await;
    assert_eq!(search_status(&root), "No matches");
    let took = js_sys::Date::now() - start;
    assert!(took < 2000.0, "a 10,000-character query took {took} ms");
    type_query(&root, &"x".repeat(10_000)).await;
    assert_eq!(search_status(&root), "No matches");
    // Lone surrogates, set from JavaScript as a script or an IME could: Rust reads them
    // as U+FFFD, which is a symbol, so alone it is "type a letter", and with letters
    // it is looked for as the replacement character the text has.
    let input = search_input(&root);
    for (value, want) in [
        ("'\\uD800'", "No matches: type a letter or digit"),
        ("'\\uDC00\\uD800'", "No matches: type a letter or digit"),
        ("'price\\uD800'", "No matches"),
        ("'\\uDFFF character'", "1 of 1"),
    ] {
        let set = js_sys::Function::new_with_args("input", &format!("input.value = {value};"));
        set.call1(&JsValue::NULL, &input).unwrap();
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        input.dispatch_event(&event).unwrap();
        yew::scheduler::flush().await;
        assert_eq!(search_status(&root), want, "{value}");
    }
    handle.destroy();
    root.remove();
}
