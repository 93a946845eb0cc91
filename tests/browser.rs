#![cfg(target_arch = "wasm32")]
//! Browser suite for the components: mounts the real `TranscriptViewer` and `App` in a
//! page, waits for Yew with `yew::scheduler::flush()`, and checks the DOM contract the
//! CSS and the end-to-end tests rely on. No network beyond the test runner's own
//! server; the App's success paths use a stand-in `fetch` that serves fixture text.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser`.

use std::rc::Rc;
use transcript_viewer::components::{AppProps, TranscriptViewerProps};
use transcript_viewer::{App, Transcript, TranscriptViewer};
use wasm_bindgen_test::*;
use web_sys::Element;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

#[path = "support/fetch.rs"]
#[allow(dead_code)] // shared with browser_hostile, which uses all of it
mod fetch;
use fetch::{FakeFetch, QueryString, Reply};

wasm_bindgen_test_configure!(run_in_browser);

/// The reference transcript (transcripts/russian-belarusian-talks-2022-02-18.txt),
/// paragraphs shortened, as the converter writes it.
const TALKS: &str = r#"{"schema":1,"lang":"en","title":"Russian-Belarusian talks",
"date":"2022-02-18","place":"The Kremlin, Moscow",
"dateline":"February 18, 2022, The Kremlin, Moscow","kind":"News",
"summary":["Vladimir Putin held a meeting with President of the Republic of Belarus Alexander Lukashenko at the Kremlin.",
"The discussion focused on the further development of Russian-Belarusian relations.",
"Following Russian-Belarusian talks, Vladimir Putin and President of Belarus Alexander Lukashenko made statements for the press."],
"speakers":[
 {"id":"vladimir-putin","name":"Vladimir Putin","role":"President of Russia"},
 {"id":"alexander-lukashenko","name":"Alexander Lukashenko","role":"President of the Republic of Belarus"}],
"turns":[
 {"id":"t1","speaker":"vladimir-putin","paragraphs":["Mr President,","Let me warmheartedly welcome you to Moscow.","I am very glad to see you. Welcome."]},
 {"id":"t2","speaker":"alexander-lukashenko","paragraphs":["Thank you, Mr President.","Indeed, we have plenty to talk about."]},
 {"id":"t3","speaker":"vladimir-putin","paragraphs":["We will not just attend it but take an active part in it."]},
 {"id":"t4","speaker":"alexander-lukashenko","paragraphs":["Yes, we willtake part in these events.","In a word, I am grateful to you."]},
 {"id":"t5","speaker":"vladimir-putin","paragraphs":["Thank you."]}],
"source":{"file":"russian-belarusian-talks-2022-02-18.txt","credit":"President of Russia website, kremlin.ru","license":"CC BY 4.0","url":"http://en.kremlin.ru/events/president/news/67800"}}"#;

/// Hostile and unusual content: markup in the text, an unattributed turn, an anonymous
/// speaker with an annotation, a `javascript:` source address.
const EDGES: &str = r#"{"schema":1,"lang":"en","title":"<i>Edge</i> cases",
"speakers":[{"id":"question","name":"Question","anonymous":true}],
"turns":[
 {"id":"t1","paragraphs":["<script>alert(1)</script>"]},
 {"id":"t2","speaker":"question","annotation":"in English","paragraphs":["<img src=x onerror=alert(2)> & <b>bold</b>"]}],
"source":{"file":"edges.txt","url":"javascript:alert(3)"}}"#;

fn transcript(json: &str) -> Rc<Transcript> {
    Rc::new(Transcript::from_json(json).expect("fixture parses"))
}

/// A fresh `<div>` appended to `parent`.
fn child_div(parent: &Element) -> Element {
    let div = document().create_element("div").unwrap();
    parent.append_child(&div).unwrap();
    div
}

async fn mount_viewer(transcript: Rc<Transcript>, id_prefix: &str) -> Element {
    mount_viewer_into(fresh_root(), transcript, id_prefix).await
}

async fn mount_viewer_into(root: Element, transcript: Rc<Transcript>, id_prefix: &str) -> Element {
    let props = yew::props!(TranscriptViewerProps {
        transcript,
        id_prefix: id_prefix.to_string(),
    });
    yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

fn attrs(root: &Element, selector: &str, name: &str) -> Vec<String> {
    all(root, selector)
        .iter()
        .map(|e| e.get_attribute(name).unwrap_or_default())
        .collect()
}

/// Waits (at most about five seconds) until `selector` matches inside `root`.
async fn wait_for(root: &Element, selector: &str) -> Element {
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if let Some(found) = root.query_selector(selector).unwrap() {
            return found;
        }
        sleep(20).await;
    }
    panic!(
        "timed out waiting for {selector}; DOM: {}",
        root.inner_html()
    );
}

#[wasm_bindgen_test]
async fn header_shows_kind_title_and_dateline() {
    let root = mount_viewer(transcript(TALKS), "").await;
    let article = one(&root, ".tv-root > article.tv-transcript");
    assert_eq!(article.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(
        article.get_attribute("aria-labelledby").as_deref(),
        Some("title")
    );
    assert_eq!(texts(&root, ".tv-header .tv-kind"), ["News"]);
    let h1 = one(&root, ".tv-header h1");
    assert_eq!(h1.id(), "title");
    assert_eq!(text(&h1), "Russian-Belarusian talks");
    let time = one(&root, ".tv-dateline time");
    assert_eq!(
        time.get_attribute("datetime").as_deref(),
        Some("2022-02-18")
    );
    assert_eq!(text(&time), "February 18, 2022");
    assert_eq!(
        texts(&root, ".tv-dateline .tv-place"),
        ["The Kremlin, Moscow"]
    );
    assert_eq!(
        text(&one(&root, ".tv-dateline")),
        "February 18, 2022, The Kremlin, Moscow"
    );
}

#[wasm_bindgen_test]
async fn summary_paragraphs_are_numbered() {
    let root = mount_viewer(transcript(TALKS), "").await;
    let summary = one(&root, "section.tv-summary");
    assert_eq!(
        summary.get_attribute("aria-label").as_deref(),
        Some("Summary")
    );
    assert_eq!(
        attrs(&summary, "p", "id"),
        ["summary-1", "summary-2", "summary-3"]
    );
    assert_eq!(
        text(&one(&summary, "#summary-2")),
        "The discussion focused on the further development of Russian-Belarusian relations."
    );
}

#[wasm_bindgen_test]
async fn turns_have_speaker_headings_and_paragraph_ids() {
    let root = mount_viewer(transcript(TALKS), "").await;
    let turns = all(&root, ".tv-turns > .tv-turn-group > section.tv-turn");
    assert_eq!(turns.len(), 5);
    assert_eq!(
        attrs(&root, ".tv-turn", "id"),
        ["t1", "t2", "t3", "t4", "t5"]
    );
    assert_eq!(
        attrs(&root, ".tv-turn", "data-speaker"),
        [
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin"
        ]
    );
    assert_eq!(
        texts(&root, ".tv-turn > h2.tv-speaker > .tv-speaker-name"),
        [
            "Vladimir Putin",
            "Alexander Lukashenko",
            "Vladimir Putin",
            "Alexander Lukashenko",
            "Vladimir Putin"
        ]
    );
    assert_eq!(
        texts(&root, ".tv-speaker-role")[..2],
        [
            "President of Russia",
            "President of the Republic of Belarus"
        ]
    );
    // Screen readers get "name, role" rather than "namerole".
    assert_eq!(
        text(&one(&root, "#t1-speaker")),
        "Vladimir Putin, President of Russia"
    );
    for turn in &turns {
        let heading = one(turn, "h2");
        assert_eq!(
            turn.get_attribute("aria-labelledby"),
            Some(heading.id()),
            "{}",
            turn.id()
        );
    }
    assert!(all(&root, ".tv-annotation").is_empty());
    assert_eq!(
        attrs(&root, ".tv-turn p", "id"),
        ["t1-p1", "t1-p2", "t1-p3", "t2-p1", "t2-p2", "t3-p1", "t4-p1", "t4-p2", "t5-p1"]
    );
    assert_eq!(
        text(&one(&root, "#t2-p2")),
        "Indeed, we have plenty to talk about."
    );
}

#[wasm_bindgen_test]
async fn source_footer_credits_and_links_the_original() {
    let root = mount_viewer(transcript(TALKS), "").await;
    let footer = one(&root, "article > footer.tv-source");
    assert_eq!(
        text(&footer),
        "Source: President of Russia website, kremlin.ru (CC BY 4.0)"
    );
    let link = one(&footer, "a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("http://en.kremlin.ru/events/president/news/67800")
    );
    assert_eq!(text(&link), "President of Russia website, kremlin.ru");
}

#[wasm_bindgen_test]
async fn text_is_never_parsed_as_markup() {
    let root = mount_viewer(transcript(EDGES), "").await;
    assert_eq!(text(&one(&root, "h1")), "<i>Edge</i> cases");
    let p = one(&root, "#t1-p1");
    assert_eq!(text(&p), "<script>alert(1)</script>");
    assert_eq!(p.child_element_count(), 0);
    assert_eq!(
        text(&one(&root, "#t2-p1")),
        "<img src=x onerror=alert(2)> & <b>bold</b>"
    );
    for tag in ["script", "img", "b", "i"] {
        assert!(all(&root, tag).is_empty(), "a <{tag}> was created");
    }
    // The javascript: address is shown as nothing, and not linked.
    let footer = one(&root, "footer.tv-source");
    assert!(all(&footer, "a").is_empty());
    assert_eq!(text(&footer), "Source: edges.txt");
}

#[wasm_bindgen_test]
async fn unattributed_turns_have_no_heading() {
    let root = mount_viewer(transcript(EDGES), "").await;
    let turn = one(&root, "#t1");
    assert_eq!(turn.class_name(), "tv-turn tv-turn-unattributed");
    assert!(all(&turn, "h2").is_empty());
    assert_eq!(turn.get_attribute("data-speaker"), None);
    assert_eq!(turn.get_attribute("aria-labelledby"), None);
    // No kind, date, place, summary: those parts are left out, not left empty.
    assert!(all(&root, ".tv-kind, .tv-dateline, .tv-summary").is_empty());
    // An anonymous speaker without role, with an annotation.
    let heading = one(&root, "#t2 > h2.tv-speaker");
    assert!(all(&heading, ".tv-speaker-role").is_empty());
    assert_eq!(texts(&heading, ".tv-annotation"), ["(in English)"]);
    assert_eq!(text(&heading), "Question (in English)");
}

#[wasm_bindgen_test]
async fn id_prefix_applies_to_every_id() {
    let root = mount_viewer(transcript(TALKS), "a-").await;
    let ids = attrs(&root, "[id]", "id");
    // The speaker panel, the title, the summary's paragraphs, the turns, their
    // headings and paragraphs.
    assert_eq!(ids.len(), 1 + 1 + 3 + 5 + 5 + 9, "{ids:?}");
    for id in &ids {
        assert!(id.starts_with("a-"), "{id} lacks the prefix");
    }
    assert_eq!(ids[..3], ["a-speakers", "a-title", "a-summary-1"]);
    assert_eq!(
        attrs(&root, "#a-t1 > [id]", "id"),
        ["a-t1-speaker", "a-t1-p1", "a-t1-p2", "a-t1-p3"]
    );
    for el in all(&root, "[aria-labelledby], [aria-controls]") {
        for name in ["aria-labelledby", "aria-controls"] {
            if let Some(target) = el.get_attribute(name) {
                assert!(target.starts_with("a-"), "{name}={target}");
                one(&root, &format!("#{target}"));
            }
        }
    }
}

#[wasm_bindgen_test]
async fn two_viewers_share_a_page_without_id_clashes() {
    let page = fresh_root();
    mount_viewer_into(child_div(&page), transcript(TALKS), "a-").await;
    mount_viewer_into(child_div(&page), transcript(TALKS), "b-").await;
    let mut ids = attrs(&page, "[id]", "id");
    let count = ids.len();
    assert_eq!(count, 2 * 24);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "duplicate ids");
}

#[wasm_bindgen_test]
async fn russian_dates_are_written_in_russian() {
    let json = r#"{"schema":1,"lang":"ru","title":"Российско-белорусские переговоры",
        "date":"2022-02-18","place":"Москва, Кремль","source":{"file":"ru.txt"}}"#;
    let root = mount_viewer(transcript(json), "").await;
    assert_eq!(
        one(&root, "article").get_attribute("lang").as_deref(),
        Some("ru")
    );
    assert_eq!(
        text(&one(&root, ".tv-dateline")),
        "18 февраля 2022 г., Москва, Кремль"
    );
    assert_eq!(
        one(&root, ".tv-dateline time")
            .get_attribute("datetime")
            .as_deref(),
        Some("2022-02-18")
    );
}

// ---- App ----------------------------------------------------------------------------

async fn mount_app(base: &str) -> Element {
    let root = fresh_root();
    let props = yew::props!(AppProps {
        base: base.to_string()
    });
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    root
}

#[wasm_bindgen_test]
async fn app_shows_an_alert_when_the_catalog_is_missing() {
    let root = mount_app("no-such-dir-for-browser-tests/").await;
    // Before the response arrives: the loading state.
    assert_eq!(texts(&root, "[role=status]"), ["Loading transcript…"]);
    let alert = wait_for(&root, "[role=alert]").await;
    assert_eq!(
        text(&one(&alert, "h1")),
        "Could not load the list of transcripts"
    );
    let url = text(&one(&alert, ".tv-error-url"));
    assert!(url.starts_with("http"), "{url}");
    assert!(
        url.ends_with("/no-such-dir-for-browser-tests/index.json"),
        "{url}"
    );
    let detail = text(&one(&alert, ".tv-error-detail"));
    assert!(detail.starts_with("HTTP 404"), "{detail}");
    assert!(all(&root, "[role=status], article, nav").is_empty());
}

const CATALOG: &str = r#"{"schema":1,"transcripts":[
 {"id":"talks","title":"Russian-Belarusian talks","date":"2022-02-18","lang":"en"},
 {"id":"edges","title":"Edge cases","lang":"en"},
 {"id":"broken","title":"Broken","lang":"en"}]}"#;

#[wasm_bindgen_test]
async fn app_shows_the_requested_transcript_and_lists_the_others() {
    let _fetch = FakeFetch::install(&[
        ("fake/index.json", Reply::Body(CATALOG)),
        ("fake/talks.json", Reply::Body(TALKS)),
        ("fake/edges.json", Reply::Body(EDGES)),
    ]);
    let _query = QueryString::set("?t=edges");
    let root = mount_app("fake/").await;
    let article = wait_for(&root, "main article.tv-transcript").await;
    assert_eq!(text(&one(&article, "h1")), "<i>Edge</i> cases");
    assert_eq!(document().title(), "<i>Edge</i> cases — Transcript viewer");
    let nav = one(&root, "nav.tv-catalog");
    assert_eq!(
        nav.get_attribute("aria-label").as_deref(),
        Some("Transcripts")
    );
    assert_eq!(
        attrs(&nav, "li > a", "href"),
        ["?t=talks", "?t=edges", "?t=broken"]
    );
    assert_eq!(
        texts(&nav, "a"),
        [
            "Russian-Belarusian talks, February 18, 2022",
            "Edge cases",
            "Broken"
        ]
    );
    assert_eq!(texts(&nav, "a[aria-current=page]"), ["Edge cases"]);
    // One line: a closed disclosure that names how many there are.
    assert_eq!(
        texts(&nav, "details.tv-catalog-menu:not([open]) > summary"),
        ["All 3 transcripts"]
    );
    assert!(all(&root, "[role=alert], [role=status]:not(:empty)").is_empty());
}

#[wasm_bindgen_test]
async fn app_falls_back_to_the_first_transcript() {
    let _fetch = FakeFetch::install(&[
        ("fake/index.json", Reply::Body(CATALOG)),
        ("fake/talks.json", Reply::Body(TALKS)),
    ]);
    let _query = QueryString::set("?t=no-such-transcript");
    let root = mount_app("fake/").await;
    let article = wait_for(&root, "article").await;
    assert_eq!(text(&one(&article, "h1")), "Russian-Belarusian talks");
    assert_eq!(all(&article, ".tv-turn").len(), 5);
    assert_eq!(
        texts(&root, "nav a[aria-current=page]"),
        ["Russian-Belarusian talks, February 18, 2022"]
    );
}

#[wasm_bindgen_test]
async fn app_reports_invalid_json_with_path_and_position() {
    let broken = "{\"schema\":1,\"lang\":\"en\",\"title\":\"Broken\",\n\"turns\":[{\"id\":\"t1\",\"paragraphs\":[7]}],\"source\":{\"file\":\"b.txt\"}}";
    let _fetch = FakeFetch::install(&[
        ("fake/index.json", Reply::Body(CATALOG)),
        ("fake/broken.json", Reply::Body(broken)),
    ]);
    let _query = QueryString::set("?t=broken");
    let root = mount_app("fake/").await;
    let alert = wait_for(&root, "[role=alert]").await;
    assert_eq!(text(&one(&alert, "h1")), "Could not load the transcript");
    assert!(text(&one(&alert, ".tv-error-url")).ends_with("/fake/broken.json"));
    assert_eq!(
        text(&one(&alert, ".tv-error-detail")),
        "Invalid JSON: line 2, column 35: at turns[0].paragraphs[0]: \
         invalid type: integer `7`, expected a string"
    );
    // The catalog loaded, so the reader can still pick another transcript.
    assert_eq!(texts(&root, "nav a[aria-current=page]"), ["Broken"]);
}

#[wasm_bindgen_test]
async fn app_reports_an_invalid_catalog() {
    let _fetch = FakeFetch::install(&[(
        "fake/index.json",
        Reply::Body("{\"schema\":1,\"transcripts\":[}"),
    )]);
    let root = mount_app("fake/").await;
    let alert = wait_for(&root, "[role=alert]").await;
    assert_eq!(
        text(&one(&alert, "h1")),
        "Could not load the list of transcripts"
    );
    let detail = text(&one(&alert, ".tv-error-detail"));
    assert!(
        detail.starts_with("Invalid JSON: line 1, column 28: "),
        "{detail}"
    );
}
