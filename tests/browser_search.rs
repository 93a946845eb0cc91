#![cfg(target_arch = "wasm32")]
//! Browser suite for search, the speaker filter and shareable state: mounts the real
//! `TranscriptViewer`, drives it with DOM events (typing, keys, clicks), waits for Yew
//! with `yew::scheduler::flush()`, and checks the DOM contract: `<mark>` highlights, the
//! status line, the speaker toggles and hidden-turn markers, the URL and the turn
//! links. The logic behind it is tested natively in `state.rs`, `search.rs` and
//! `components/labels.rs`; this only checks that the view is wired to it.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_search`.

use std::collections::BTreeSet;
use std::rc::Rc;
use transcript_viewer::components::TranscriptViewerProps;
use transcript_viewer::i18n::group_digits;
use transcript_viewer::state::ViewState;
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Shaped like the reference transcript: five turns by Putin (P) and Lukashenko (L),
/// P L P L P; "Mr President" once in t1 (P) and once in t2 (L); a no-break space in
/// "in\u{a0}person" (t3); markup as text (t4); "café" and "Cafe" for the diacritics
/// toggle and "part" / "partnership" for whole words.
const TALKS: &str = r#"{"schema":1,"lang":"en","title":"Russian-Belarusian talks",
"summary":["Vladimir Putin held a meeting with President of Belarus Alexander Lukashenko."],
"speakers":[
 {"id":"vladimir-putin","name":"Vladimir Putin","role":"President of Russia"},
 {"id":"alexander-lukashenko","name":"Alexander Lukashenko","role":"President of the Republic of Belarus"}],
"turns":[
 {"id":"t1","speaker":"vladimir-putin","paragraphs":["Mr President,","Let me warmheartedly welcome you to Moscow."]},
 {"id":"t2","speaker":"alexander-lukashenko","paragraphs":["Thank you, Mr President.","Indeed, we have plenty to talk about."]},
 {"id":"t3","speaker":"vladimir-putin","paragraphs":["We will meet in\u00a0person and take an active part."]},
 {"id":"t4","speaker":"alexander-lukashenko","paragraphs":["Yes, our partnership will take part in these events at the café.","Markup such as <b>x</b> is text."]},
 {"id":"t5","speaker":"vladimir-putin","paragraphs":["Thank you. Cafe?"]}],
"source":{"file":"talks.txt"}}"#;

const PUTIN: &str = "vladimir-putin";
const LUKASHENKO: &str = "alexander-lukashenko";

fn transcript() -> Rc<Transcript> {
    Rc::new(Transcript::from_json(TALKS).expect("fixture parses"))
}

struct Mounted {
    root: Element,
    handle: yew::AppHandle<TranscriptViewer>,
}

async fn mount_with(props: TranscriptViewerProps) -> Mounted {
    let root = fresh_root();
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    Mounted { root, handle }
}

async fn mount() -> Element {
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript()
    });
    // Left mounted: nothing in it listens to the page beyond its own root.
    mount_with(props).await.root
}

fn input(root: &Element) -> HtmlInputElement {
    one(root, ".tv-controls [role=search] input[type=search]")
        .dyn_into()
        .unwrap()
}

fn status(root: &Element) -> String {
    text(&one(root, ".tv-search-status[role=status]"))
}

/// Every match highlighted, marked or painted, in document order.
fn marks(root: &Element) -> Vec<String> {
    highlighted_texts(root)
}

/// The current match: its text and the id of the element (paragraph, title) it is in.
fn current(root: &Element) -> (String, String) {
    let found = all(root, "mark.tv-current");
    assert_eq!(found.len(), 1, "one current match: {}", root.inner_html());
    let mark = &found[0];
    assert_eq!(attr(mark, "aria-current").as_deref(), Some("true"));
    assert_eq!(mark.class_name(), "tv-match tv-current");
    let parent = mark.parent_element().unwrap();
    (text(mark), parent.id())
}

/// Presses `key` in the search box; returns whether the viewer took it (default
/// prevented).
async fn press(root: &Element, key: &str, shift: bool) -> bool {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_shift_key(shift);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    input(root).dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
    event.default_prevented()
}

/// The button with this exact accessible name (`aria-label`, else its text).
fn button(root: &Element, name: &str) -> Element {
    let found: Vec<Element> = all(root, "button")
        .into_iter()
        .filter(|b| attr(b, "aria-label").unwrap_or_else(|| text(b).trim().to_string()) == name)
        .collect();
    assert_eq!(found.len(), 1, "buttons named {name:?}");
    found.into_iter().next().unwrap()
}

fn speaker_toggle(root: &Element, id: &str) -> Element {
    one(
        root,
        &format!(".tv-speakers .tv-speaker-item[data-speaker={id}] button.tv-speaker-toggle"),
    )
}

/// Each speaker's match count, once painted (the filter's counts follow the
/// highlights by a frame).
async fn speaker_matches(root: &Element) -> Vec<String> {
    after_paint().await;
    texts(root, ".tv-speakers .tv-speaker-matches")
}

fn visible_turns(root: &Element) -> Vec<String> {
    all(
        root,
        ".tv-turns > .tv-turn-group > section.tv-turn:not([hidden])",
    )
    .iter()
    .map(|e| e.id())
    .collect()
}

/// Replaces `Element.prototype.scrollIntoView` with a recorder, so that tests see what
/// the viewer scrolled to, and puts three windows' height of space above everything
/// with the window at its top: every match is out of view (the viewer scrolls only to
/// a match the reader cannot see), and stays so, since nothing really scrolls. Dropping
/// the guard puts the real method back and takes the space away.
#[must_use]
fn record_scrolls() -> RecordedScrolls {
    js_sys::eval(
        "window.__tvScrolls = [];
        window.__tvScrollIntoView = Element.prototype.scrollIntoView;
        Element.prototype.scrollIntoView = function (options) {
            window.__tvScrolls.push({
                id: this.id || (this.parentElement && this.parentElement.id) || '',
                text: this.textContent,
                current: this.classList.contains('tv-current'),
                block: options && options.block,
                behavior: options && options.behavior,
            });
        };
        const space = document.createElement('div');
        space.id = 'tv-scroll-space';
        space.style.height = '300vh';
        document.body.prepend(space);
        window.scrollTo(0, 0);",
    )
    .unwrap();
    RecordedScrolls
}

struct RecordedScrolls;

impl Drop for RecordedScrolls {
    fn drop(&mut self) {
        let _ = js_sys::eval(
            "Element.prototype.scrollIntoView = window.__tvScrollIntoView;
            document.getElementById('tv-scroll-space')?.remove();",
        );
    }
}

/// What was scrolled into view since [`record_scrolls`]: (id, text, block).
fn scrolls() -> Vec<(String, String, String)> {
    let list = js_sys::eval("window.__tvScrolls").unwrap();
    js_sys::Array::from(&list)
        .iter()
        .map(|entry| {
            let get = |k: &str| {
                js_sys::Reflect::get(&entry, &k.into())
                    .unwrap()
                    .as_string()
                    .unwrap_or_default()
            };
            (get("id"), get("text"), get("block"))
        })
        .collect()
}

/// Sets the page's URL (without navigating); restores it when dropped.
struct PageUrl {
    original: String,
}

impl PageUrl {
    fn set(url: &str) -> PageUrl {
        let original = window().location().href().unwrap();
        replace_url(url);
        PageUrl { original }
    }
}

impl Drop for PageUrl {
    fn drop(&mut self) {
        replace_url(&self.original);
    }
}

fn replace_url(url: &str) {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(url))
        .unwrap();
}

fn search() -> String {
    window().location().search().unwrap()
}

fn history_length() -> u32 {
    window().history().unwrap().length().unwrap()
}

// ---- Search ---------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_search_form_is_labelled() {
    let root = mount().await;
    let controls = one(&root, ".tv-root > .tv-controls");
    let form = one(&controls, ".tv-search[role=search]");
    let input = input(&root);
    assert_eq!(input.type_(), "search");
    // The box sits inside its visible <label>, which names it "Search".
    let label = input.closest("label").unwrap().unwrap();
    assert_eq!(text(&label).trim(), "Search");
    for (class, name) in [
        ("tv-match-diacritics", "Match diacritics"),
        ("tv-whole-words", "Whole words"),
    ] {
        let checkbox = one(&form, &format!("input[type=checkbox].{class}"));
        let label = checkbox.closest("label").unwrap().unwrap();
        assert_eq!(text(&label).trim(), name);
    }
    button(&form, "Previous match");
    button(&form, "Next match");
    // The controls come before the transcript.
    let next = controls.next_element_sibling().unwrap();
    assert_eq!(next.class_name(), "tv-transcript");
    // Nothing searched yet: no marks, an empty status.
    assert!(marks(&root).is_empty());
    assert_eq!(status(&root), "");
    assert!(speaker_matches(&root).await.is_empty());
}

#[wasm_bindgen_test]
async fn typing_highlights_matches_and_counts_them() {
    let root = mount().await;
    type_query(&root, "mr president").await;
    assert_eq!(marks(&root), ["Mr President", "Mr President"]);
    assert_eq!(status(&root), "1 of 2");
    assert_eq!(
        current(&root),
        ("Mr President".to_string(), "t1-p1".to_string())
    );
    assert_eq!(
        highlighted(&root)[1],
        Highlighted {
            text: "Mr President".into(),
            element_id: "t2-p1".into()
        }
    );
    // The highlight covers only the match; the paragraph's text is unchanged.
    assert_eq!(text(&one(&root, "#t2-p1")), "Thank you, Mr President.");
    // Each speaker's count, in the filter.
    assert_eq!(speaker_matches(&root).await, ["1 match", "1 match"]);
    // Live: every keystroke searches again.
    type_query(&root, "mr presidents").await;
    assert!(marks(&root).is_empty());
    assert_eq!(status(&root), "No matches");
    assert_eq!(speaker_matches(&root).await, ["0 matches", "0 matches"]);
    type_query(&root, "THANK YOU").await;
    assert_eq!(marks(&root), ["Thank you", "Thank you"]);
    assert_eq!(
        highlighted(&root).last().map(|h| h.element_id.as_str()),
        Some("t5-p1")
    );
    assert_eq!(speaker_matches(&root).await, ["1 match", "1 match"]);
}

#[wasm_bindgen_test]
async fn a_space_matches_a_no_break_space() {
    let root = mount().await;
    type_query(&root, "in person").await;
    let found = highlighted(&root);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].text, "in\u{a0}person");
    assert_eq!(found[0].element_id, "t3-p1");
    assert_eq!(status(&root), "1 of 1");
}

#[wasm_bindgen_test]
async fn title_and_summary_are_searched_but_not_the_controls() {
    let root = mount().await;
    type_query(&root, "putin").await;
    // Speaker names in headings and in the filter are not transcript text.
    assert_eq!(marks(&root), ["Putin"]);
    assert_eq!(current(&root).1, "summary-1");
    type_query(&root, "russian").await;
    assert_eq!(marks(&root), ["Russian"]);
    assert_eq!(current(&root).1, "title");
    assert_eq!(text(&one(&root, "h1")), "Russian-Belarusian talks");
    type_query(&root, "search").await;
    assert_eq!(status(&root), "No matches");
}

#[wasm_bindgen_test]
async fn enter_and_the_buttons_step_through_matches_and_wrap() {
    let _scrolls = record_scrolls();
    let root = mount().await;
    type_query(&root, "mr president").await;
    assert_eq!(current(&root).1, "t1-p1");
    // Typing brought the first match into view, centred.
    assert_eq!(
        scrolls().last().cloned(),
        Some(("t1-p1".into(), "Mr President".into(), "center".into()))
    );
    assert!(press(&root, "Enter", false).await);
    assert_eq!(status(&root), "2 of 2");
    assert_eq!(current(&root).1, "t2-p1");
    assert_eq!(scrolls().last().unwrap().0, "t2-p1");
    press(&root, "Enter", false).await;
    assert_eq!(
        (status(&root), current(&root).1),
        ("1 of 2".into(), "t1-p1".into())
    );
    assert!(press(&root, "Enter", true).await);
    assert_eq!(
        (status(&root), current(&root).1),
        ("2 of 2".into(), "t2-p1".into())
    );
    press(&root, "Enter", true).await;
    assert_eq!(
        (status(&root), current(&root).1),
        ("1 of 2".into(), "t1-p1".into())
    );
    click(&button(&root, "Previous match")).await;
    assert_eq!(
        (status(&root), current(&root).1),
        ("2 of 2".into(), "t2-p1".into())
    );
    assert_eq!(scrolls().last().unwrap().0, "t2-p1");
    click(&button(&root, "Next match")).await;
    assert_eq!(
        (status(&root), current(&root).1),
        ("1 of 2".into(), "t1-p1".into())
    );
    click(&button(&root, "Next match")).await;
    assert_eq!(
        (status(&root), current(&root).1),
        ("2 of 2".into(), "t2-p1".into())
    );
    assert!(scrolls().iter().all(|s| s.2 == "center"), "{:?}", scrolls());
    // Other keys are left to the box.
    assert!(!press(&root, "a", false).await);
}

/// The viewer's stylesheet in the page (its sticky search bar among the rest) until
/// dropped.
struct Stylesheet(Element);

impl Stylesheet {
    fn add() -> Stylesheet {
        let style = document().create_element("style").unwrap();
        style.set_text_content(Some(include_str!("../www/viewer.css")));
        document().head().unwrap().append_child(&style).unwrap();
        Stylesheet(style)
    }
}

impl Drop for Stylesheet {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// The current match's top and bottom, and the window's height.
fn current_in_window(root: &Element) -> (f64, f64, f64) {
    let rect = one(root, "mark.tv-current").get_bounding_client_rect();
    let height = document().document_element().unwrap().client_height();
    (rect.top(), rect.bottom(), f64::from(height))
}

/// Whether the whole current match can be seen: in the window and below the search bar
/// when the bar is stuck to the top.
fn current_is_seen(root: &Element) -> bool {
    let (top, bottom, height) = current_in_window(root);
    let bar = one(root, ".tv-search").get_bounding_client_rect();
    let under_bar = bar.top() <= 1.0 && top < bar.bottom();
    top >= 0.0 && bottom <= height && !under_bar
}

#[wasm_bindgen_test]
async fn the_page_scrolls_only_to_a_match_out_of_view_and_centres_it() {
    let _css = Stylesheet::add();
    let body = document().body().unwrap();
    // The viewers earlier tests left in the page are put out of the way, so that the
    // page is this one viewer between two spaces.
    let others: Vec<Element> = all(&body, ":scope > *")
        .into_iter()
        .filter(|el| !el.has_attribute("hidden"))
        .collect();
    for el in &others {
        el.toggle_attribute_with_force("hidden", true).unwrap();
    }
    let space = || {
        let div = document().create_element("div").unwrap();
        div.set_attribute("style", "height: 150vh").unwrap();
        div
    };
    let (above, below) = (space(), space());
    let Mounted { root, handle } = mount_with(yew::props!(TranscriptViewerProps {
        transcript: transcript()
    }))
    .await;
    body.insert_before(&above, Some(&root)).unwrap();
    body.append_child(&below).unwrap();

    // A match the reader can see: the page stays where it is.
    // Its paragraph 60 % of the way down the window: not where a scroll would put it.
    let height = f64::from(document().document_element().unwrap().client_height());
    let top = one(&root, "#t1-p1").get_bounding_client_rect().top();
    let y = window().scroll_y().unwrap() + top - 0.6 * height;
    window().scroll_to_with_x_and_y(0.0, y);
    let y = window().scroll_y().unwrap();
    type_query(&root, "mr president").await;
    assert_eq!(current(&root).1, "t1-p1");
    sleep(100).await;
    assert_eq!(
        window().scroll_y().unwrap(),
        y,
        "scrolled to a match in view"
    );
    assert!(current_is_seen(&root), "{:?}", current_in_window(&root));

    // One out of view (the viewer is a window and a half below): brought to the middle.
    window().scroll_to_with_x_and_y(0.0, 0.0);
    assert!(!current_is_seen(&root));
    assert!(press(&root, "Enter", false).await);
    assert_eq!(current(&root).1, "t2-p1");
    wait_until("the next match is in the middle of the window", || {
        let (top, bottom, height) = current_in_window(&root);
        ((top + bottom) / 2.0 - height / 2.0).abs() <= 2.0
    })
    .await;
    assert!(current_is_seen(&root), "{:?}", current_in_window(&root));

    handle.destroy();
    for el in [&above, &root, &below] {
        el.remove();
    }
    for el in &others {
        el.remove_attribute("hidden").unwrap();
    }
    window().scroll_to_with_x_and_y(0.0, 0.0);
}

#[wasm_bindgen_test]
async fn escape_clears_the_search() {
    let root = mount().await;
    type_query(&root, "mr president").await;
    assert_eq!(marks(&root).len(), 2);
    assert!(press(&root, "Escape", false).await);
    assert_eq!(input(&root).value(), "");
    assert!(marks(&root).is_empty());
    assert_eq!(status(&root), "");
    assert!(speaker_matches(&root).await.is_empty());
    // With the box already empty, Esc is not the viewer's to take.
    assert!(!press(&root, "Escape", false).await);
}

#[wasm_bindgen_test]
async fn punctuation_alone_explains_why_nothing_matches() {
    let root = mount().await;
    type_query(&root, " -- ?").await;
    assert_eq!(status(&root), "No matches: type a letter or digit");
    assert!(marks(&root).is_empty());
    // The "?" of "Cafe?" is not found either.
    type_query(&root, "?").await;
    assert_eq!(status(&root), "No matches: type a letter or digit");
    assert!(all(&root, "mark").is_empty());
    assert!(marks(&root).is_empty());
}

#[wasm_bindgen_test]
async fn markup_in_the_text_is_highlighted_as_text() {
    let root = mount().await;
    type_query(&root, "<b>x</b>").await;
    assert_eq!(marks(&root), ["<b>x</b>"]);
    assert_eq!(status(&root), "1 of 1");
    assert!(all(&root, "b").is_empty(), "a <b> was created");
    let p = one(&root, "#t4-p2");
    assert_eq!(text(&p), "Markup such as <b>x</b> is text.");
    assert_eq!(p.child_element_count(), 1);
    type_query(&root, "x</b> is").await;
    assert_eq!(marks(&root), ["x</b> is"]);
}

#[wasm_bindgen_test]
async fn toggles_change_how_text_matches() {
    let root = mount().await;
    type_query(&root, "part").await;
    assert_eq!(marks(&root), ["part", "part", "part"]);
    let words = one(&root, "input.tv-whole-words");
    click(&words).await;
    assert!(words
        .clone()
        .dyn_into::<HtmlInputElement>()
        .unwrap()
        .checked());
    assert_eq!(marks(&root), ["part", "part"]);
    assert_eq!(status(&root), "1 of 2");
    type_query(&root, "café").await;
    assert_eq!(marks(&root), ["café", "Cafe"]);
    let diacritics = one(&root, "input.tv-match-diacritics");
    click(&diacritics).await;
    assert_eq!(marks(&root), ["café"]);
    click(&diacritics).await;
    assert_eq!(marks(&root), ["café", "Cafe"]);
}

// ---- Speaker filter --------------------------------------------------------------------

#[wasm_bindgen_test]
async fn the_speaker_list_shows_roles_turns_and_words() {
    let root = mount().await;
    let group = one(&root, ".tv-controls fieldset.tv-speakers");
    assert_eq!(text(&one(&group, "legend")), "Speakers");
    assert_eq!(
        texts(&group, ".tv-speaker-toggle"),
        ["Vladimir Putin", "Alexander Lukashenko"]
    );
    assert_eq!(
        texts(&group, ".tv-speaker-info-role"),
        [
            "President of Russia",
            "President of the Republic of Belarus"
        ]
    );
    assert_eq!(
        texts(&group, ".tv-speaker-stats"),
        ["3 turns, 22 words", "2 turns, 29 words"]
    );
    for id in [PUTIN, LUKASHENKO] {
        assert_eq!(
            attr(&speaker_toggle(&root, id), "aria-pressed").as_deref(),
            Some("true")
        );
    }
    button(&group, "Show only Vladimir Putin");
    button(&group, "Show only Alexander Lukashenko");
    button(&group, "Show all");
    // No filter: no "Showing" note, no markers.
    assert!(all(&root, ".tv-shown, .tv-hidden-marker").is_empty());
}

#[wasm_bindgen_test]
async fn the_speaker_panel_opens_from_a_button_that_says_what_shows() {
    let root = mount().await;
    let button = one(&root, ".tv-tools > button.tv-speakers-toggle");
    let panel = one(&root, "fieldset.tv-speakers");
    assert_eq!(text(&button), "All 2 speakers");
    assert_eq!(attr(&button, "aria-expanded").as_deref(), Some("false"));
    assert_eq!(attr(&button, "aria-controls"), attr(&panel, "id"));
    assert!(panel.has_attribute("hidden"), "the panel starts closed");
    assert!(!button.has_attribute("data-filtered"));

    click(&button).await;
    assert_eq!(attr(&button, "aria-expanded").as_deref(), Some("true"));
    assert!(!panel.has_attribute("hidden"), "the button opens the panel");
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    assert_eq!(text(&button), "1 of 2 speakers");
    assert!(button.has_attribute("data-filtered"));
    click(&speaker_toggle(&root, PUTIN)).await;
    assert_eq!(text(&button), "0 of 2 speakers");

    // Closed again, the summary stays; Show all brings back "All".
    click(&button).await;
    assert!(panel.has_attribute("hidden"));
    assert_eq!(text(&button), "0 of 2 speakers");
    click(&one(&root, ".tv-show-all")).await;
    assert_eq!(text(&button), "All 2 speakers");
    assert!(!button.has_attribute("data-filtered"));
}

#[wasm_bindgen_test]
async fn hiding_a_speaker_leaves_markers_and_narrows_the_search() {
    let root = mount().await;
    type_query(&root, "mr president").await;
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    assert_eq!(
        attr(&speaker_toggle(&root, LUKASHENKO), "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&speaker_toggle(&root, PUTIN), "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(visible_turns(&root), ["t1", "t3", "t5"]);
    let markers = all(
        &root,
        ".tv-turns > .tv-turn-group > button.tv-hidden-marker",
    );
    assert_eq!(markers.len(), 2);
    assert_eq!(
        texts(&root, ".tv-hidden-marker"),
        [
            "1 turn by Alexander Lukashenko hidden",
            "1 turn by Alexander Lukashenko hidden"
        ]
    );
    // Markers stand where the turns were, before them; the hidden turns stay in the
    // page, `hidden`.
    assert_eq!(markers[0].previous_element_sibling().unwrap().id(), "t1");
    let t2 = markers[0].next_element_sibling().unwrap();
    assert_eq!((t2.id(), t2.has_attribute("hidden")), ("t2".into(), true));
    let t4 = markers[1].next_element_sibling().unwrap();
    assert_eq!((t4.id(), t4.has_attribute("hidden")), ("t4".into(), true));
    assert_eq!(t4.next_element_sibling().unwrap().id(), "t5");
    assert_eq!(
        text(&one(&root, ".tv-header .tv-shown")),
        "Showing 3 of 5 turns"
    );
    // Matches count only in what shows; each speaker's count stays.
    assert_eq!(status(&root), "1 of 1");
    assert_eq!(marks(&root), ["Mr President"]);
    assert_eq!(speaker_matches(&root).await, ["1 match", "1 match"]);
    assert!(press(&root, "Enter", false).await);
    assert_eq!(status(&root), "1 of 1");

    // A marker reveals its turns in place, and focus moves into them.
    click(&markers[0]).await;
    assert_eq!(visible_turns(&root), ["t1", "t2", "t3", "t5"]);
    assert_eq!(all(&root, ".tv-hidden-marker").len(), 1);
    assert_eq!(text(&one(&root, ".tv-shown")), "Showing 4 of 5 turns");
    assert_eq!(status(&root), "1 of 2");
    let focused = document().active_element().unwrap();
    assert_eq!(focused.class_name(), "tv-turn-link");
    assert_eq!(focused.closest("section").unwrap().unwrap().id(), "t2");
    // The speaker is still filtered: toggling it back shows everything.
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    assert_eq!(visible_turns(&root), ["t1", "t2", "t3", "t4", "t5"]);
    assert!(all(&root, ".tv-shown, .tv-hidden-marker, .tv-turn[hidden]").is_empty());
    // Shown again, not made again: the same elements.
    assert!(one(&root, "#t4").is_same_node(Some(&t4)));
    assert!(one(&root, "#t2").is_same_node(Some(&t2)));
}

#[wasm_bindgen_test]
async fn consecutive_hidden_turns_share_one_marker() {
    let root = mount().await;
    click(&button(&root, "Show only Alexander Lukashenko")).await;
    assert_eq!(visible_turns(&root), ["t2", "t4"]);
    assert_eq!(
        texts(&root, ".tv-hidden-marker"),
        [
            "1 turn by Vladimir Putin hidden",
            "1 turn by Vladimir Putin hidden",
            "1 turn by Vladimir Putin hidden"
        ]
    );
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    assert!(visible_turns(&root).is_empty());
    assert_eq!(
        texts(&root, ".tv-hidden-marker"),
        ["5 turns by Vladimir Putin and Alexander Lukashenko hidden"]
    );
    assert_eq!(text(&one(&root, ".tv-shown")), "Showing 0 of 5 turns");
}

#[wasm_bindgen_test]
async fn show_only_and_show_all() {
    let root = mount().await;
    type_query(&root, "thank you").await;
    click(&button(&root, "Show only Vladimir Putin")).await;
    assert_eq!(visible_turns(&root), ["t1", "t3", "t5"]);
    assert_eq!(
        attr(&speaker_toggle(&root, LUKASHENKO), "aria-pressed").as_deref(),
        Some("false")
    );
    assert_eq!(
        attr(&speaker_toggle(&root, PUTIN), "aria-pressed").as_deref(),
        Some("true")
    );
    assert_eq!(status(&root), "1 of 1");
    assert_eq!(current(&root).1, "t5-p1");
    click(&button(&root, "Show all")).await;
    assert_eq!(visible_turns(&root), ["t1", "t2", "t3", "t4", "t5"]);
    assert!(all(&root, ".tv-shown, .tv-hidden-marker").is_empty());
    assert_eq!(status(&root), "1 of 2");
    for id in [PUTIN, LUKASHENKO] {
        assert_eq!(
            attr(&speaker_toggle(&root, id), "aria-pressed").as_deref(),
            Some("true")
        );
    }
}

// ---- Shareable state ---------------------------------------------------------------------

#[wasm_bindgen_test]
async fn an_initial_state_presets_the_view() {
    let initial = ViewState {
        query: "mr president".into(),
        hidden: BTreeSet::from([LUKASHENKO.to_string()]),
        ..ViewState::default()
    };
    let before = search();
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        initial_state: Some(initial),
    });
    let root = mount_with(props).await.root;
    assert_eq!(input(&root).value(), "mr president");
    assert_eq!(visible_turns(&root), ["t1", "t3", "t5"]);
    assert_eq!(status(&root), "1 of 1");
    // Without sync_url the viewer never touches the page's URL.
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    type_query(&root, "thank").await;
    assert_eq!(search(), before);
}

#[wasm_bindgen_test]
async fn the_url_holds_the_state_and_follows_back_and_forward() {
    let _scrolls = record_scrolls();
    let _url = PageUrl::set("?t=talks&q=mr+president&hide=alexander-lukashenko");
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        sync_url: true,
    });
    let Mounted { root, handle } = mount_with(props).await;
    yew::scheduler::flush().await;
    // Opened from the URL.
    assert_eq!(input(&root).value(), "mr president");
    assert_eq!(visible_turns(&root), ["t1", "t3", "t5"]);
    assert_eq!(status(&root), "1 of 1");
    assert_eq!(
        search(),
        "?t=talks&q=mr+president&hide=alexander-lukashenko"
    );
    // … and scrolled to its first match.
    assert_eq!(
        scrolls(),
        [("t1-p1".into(), "Mr President".into(), "center".into())]
    );

    // Typing rewrites the current history entry once, when the typing pauses; other
    // parameters stay.
    let length = history_length();
    js_sys::eval(
        "window.__tvReplaced = 0;
        window.__tvReplaceState = History.prototype.replaceState;
        History.prototype.replaceState = function (...args) {
            window.__tvReplaced += 1;
            return window.__tvReplaceState.apply(this, args);
        };",
    )
    .unwrap();
    for query in ["t", "th", "than", "thank", "thank you"] {
        type_query(&root, query).await;
    }
    assert_eq!(
        search(),
        "?t=talks&q=mr+president&hide=alexander-lukashenko",
        "written while typing"
    );
    wait_until("the typed search is in the URL", || {
        search() == "?t=talks&q=thank+you&hide=alexander-lukashenko"
    })
    .await;
    let replaced = js_sys::eval(
        "History.prototype.replaceState = window.__tvReplaceState; window.__tvReplaced",
    )
    .unwrap();
    assert_eq!(replaced.as_f64(), Some(1.0), "history.replaceState calls");
    assert_eq!(history_length(), length);
    // The filter and the toggles add entries, once the frame that shows them is painted
    // (not in it); what was typed just before goes into the entry left.
    // (Frames are held back here: requestAnimationFrame keeps its callbacks until they
    // are let go.)
    js_sys::eval(
        "window.__tvFrames = [];
        window.__tvRaf = window.requestAnimationFrame;
        window.requestAnimationFrame = (f) => window.__tvFrames.push(f);",
    )
    .unwrap();
    type_query(&root, "thank yo").await;
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    assert_eq!(history_length(), length, "written before the frame");
    js_sys::eval(
        "window.requestAnimationFrame = window.__tvRaf;
        for (const f of window.__tvFrames.splice(0)) f(performance.now());",
    )
    .unwrap();
    wait_until("the toggle's entry", || history_length() == length + 1).await;
    assert_eq!(search(), "?t=talks&q=thank+yo");
    click(&one(&root, "input.tv-whole-words")).await;
    wait_until("the words toggle's entry", || {
        history_length() == length + 2
    })
    .await;
    assert_eq!(search(), "?t=talks&q=thank+yo&words=1");
    assert_eq!(visible_turns(&root).len(), 5);

    // Back: the previous state comes back from the URL.
    window().history().unwrap().back().unwrap();
    wait_until("Back restores the words toggle", || {
        !one(&root, "input.tv-whole-words")
            .dyn_into::<HtmlInputElement>()
            .unwrap()
            .checked()
    })
    .await;
    assert_eq!(search(), "?t=talks&q=thank+yo");
    window().history().unwrap().back().unwrap();
    wait_until("Back hides Lukashenko again", || {
        visible_turns(&root).len() == 3
    })
    .await;
    assert_eq!(input(&root).value(), "thank yo");
    assert_eq!(status(&root), "1 of 1");
    assert_eq!(
        attr(&speaker_toggle(&root, LUKASHENKO), "aria-pressed").as_deref(),
        Some("false")
    );
    // Following the URL did not write it again.
    sleep(400).await;
    assert_eq!(search(), "?t=talks&q=thank+yo&hide=alexander-lukashenko");
    window().history().unwrap().forward().unwrap();
    wait_until("Forward shows Lukashenko", || {
        visible_turns(&root).len() == 5
    })
    .await;
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_fragment_marks_reveals_and_scrolls_to_its_turn() {
    let _scrolls = record_scrolls();
    let _url = PageUrl::set("?q=thank#x-t4");
    let initial = ViewState {
        hidden: BTreeSet::from([LUKASHENKO.to_string()]),
        ..ViewState::default()
    };
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        id_prefix: "x-",
        initial_state: Some(initial),
    });
    let Mounted { root, handle } = mount_with(props).await;
    yew::scheduler::flush().await;
    let turn = one(&root, "#x-t4");
    assert_eq!(turn.class_name(), "tv-turn tv-target");
    assert_eq!(attr(&turn, "aria-current").as_deref(), Some("location"));
    assert_eq!(all(&root, ".tv-target, [aria-current=location]").len(), 1);
    // Its speaker is hidden, so the turn was revealed.
    assert_eq!(visible_turns(&root), ["x-t1", "x-t3", "x-t4", "x-t5"]);
    assert!(
        scrolls().contains(&("x-t4".to_string(), text(&turn), "start".to_string())),
        "{:?}",
        scrolls()
    );
    // Without sync_url, `q` in the URL is not the viewer's.
    assert_eq!(input(&root).value(), "");
    handle.destroy();
}

/// An archive search's result links to `<page>?q=…#t12`: the page opens with the search
/// on the first match in that turn (or after it), not on the transcript's first.
#[wasm_bindgen_test]
async fn a_link_with_a_search_and_a_turn_opens_on_that_turns_match() {
    // "Mr President" is in turns 1 and 2; "thank" in turns 2 and 5.
    for (url, status_text, place) in [
        ("?t=talks&q=mr+president#t2", "2 of 2", "t2-p1"),
        ("?t=talks&q=thank#t4", "2 of 2", "t5-p1"),
        ("?t=talks&q=thank#t1", "1 of 2", "t2-p1"),
    ] {
        let _url = PageUrl::set(url);
        let props = yew::props!(TranscriptViewerProps {
            transcript: transcript(),
            sync_url: true,
        });
        let Mounted { root, handle } = mount_with(props).await;
        wait_until(url, || status(&root).starts_with(status_text)).await;
        assert_eq!(current(&root).1, place, "{url}");
        assert_eq!(input(&root).value(), parse_q(url), "{url}");
        // Next goes on from there.
        click(&one(&root, ".tv-next-match")).await;
        wait_until("the next match", || !status(&root).starts_with(status_text)).await;
        handle.destroy();
    }
}

fn parse_q(url: &str) -> String {
    let q = url.split("q=").nth(1).unwrap_or_default();
    q.split('#').next().unwrap_or_default().replace('+', " ")
}

#[wasm_bindgen_test]
async fn a_turn_link_is_copied_and_announced() {
    let _url = PageUrl::set("?t=talks&q=mr+president");
    js_sys::eval(
        "window.__tvCopied = [];
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: (text) => { window.__tvCopied.push(text); return Promise.resolve(); }
        } });",
    )
    .unwrap();
    let root = mount().await;
    let link = one(&root, "#t3 > button.tv-turn-link");
    assert_eq!(
        attr(&link, "aria-label").as_deref(),
        Some("Copy link to turn 3 (Vladimir Putin)")
    );
    let announcement = one(&root, ".tv-root > .tv-announcement[role=status]");
    assert_eq!(text(&announcement), "");
    click(&link).await;
    wait_until("the link is announced", || {
        text(&announcement) == "Link copied"
    })
    .await;
    let copied = js_sys::eval("window.__tvCopied.join(' ')")
        .unwrap()
        .as_string()
        .unwrap();
    js_sys::eval("delete navigator.clipboard").unwrap();
    let href = window().location().href().unwrap();
    assert_eq!(copied, format!("{href}#t3"));
    assert!(copied.ends_with("?t=talks&q=mr+president#t3"), "{copied}");
    // Every turn has one, named after its number and speaker.
    assert_eq!(
        all(&root, ".tv-turn > .tv-turn-link")
            .iter()
            .map(|b| attr(b, "aria-label").unwrap_or_default())
            .collect::<Vec<_>>(),
        [
            "Copy link to turn 1 (Vladimir Putin)",
            "Copy link to turn 2 (Alexander Lukashenko)",
            "Copy link to turn 3 (Vladimir Putin)",
            "Copy link to turn 4 (Alexander Lukashenko)",
            "Copy link to turn 5 (Vladimir Putin)"
        ]
    );
}

#[wasm_bindgen_test]
async fn a_copied_link_holds_the_search_just_typed() {
    let _url = PageUrl::set("?t=talks&q=mr+president");
    js_sys::eval(
        "window.__tvCopied = [];
        Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: (text) => { window.__tvCopied.push(text); return Promise.resolve(); }
        } });",
    )
    .unwrap();
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        sync_url: true,
    });
    let Mounted { root, handle } = mount_with(props).await;
    // Typed and copied at once, before the typing's pause has put it in the URL.
    type_query(&root, "thank").await;
    click(&one(&root, "#t5 > button.tv-turn-link")).await;
    let announcement = one(&root, ".tv-root > .tv-announcement[role=status]");
    wait_until("the link is announced", || {
        text(&announcement) == "Link copied"
    })
    .await;
    let copied = js_sys::eval("window.__tvCopied.join(' ')")
        .unwrap()
        .as_string()
        .unwrap();
    js_sys::eval("delete navigator.clipboard").unwrap();
    assert!(copied.ends_with("?t=talks&q=thank#t5"), "{copied}");
    assert_eq!(search(), "?t=talks&q=thank");
    handle.destroy();
}

/// A turn's link followed while a search is typed (before its pause puts it in the URL):
/// the fragment's navigation (`popstate`) keeps the search, which then goes into the
/// new entry, fragment and all.
#[wasm_bindgen_test]
async fn a_fragment_followed_while_typing_keeps_the_search() {
    let _url = PageUrl::set("?t=talks");
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        sync_url: true,
    });
    let Mounted { root, handle } = mount_with(props).await;
    type_query(&root, "thank").await;
    window().location().set_hash("t4").unwrap();
    wait_until("the search in the URL", || {
        window().location().search().unwrap() == "?t=talks&q=thank"
    })
    .await;
    assert_eq!(window().location().hash().unwrap(), "#t4");
    let input: HtmlInputElement = one(&root, "input.tv-search-input").dyn_into().unwrap();
    assert_eq!(input.value(), "thank");
    handle.destroy();
}

/// Where the browser has no clipboard API (or refuses it), the link goes to the address
/// bar instead and the announcement says so: the fallback the engines need.
#[wasm_bindgen_test]
async fn without_a_clipboard_the_link_goes_to_the_address_bar() {
    for stub in [
        // No clipboard API at all (older engines, insecure contexts).
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: undefined });",
        // A clipboard that refuses (permission denied).
        "Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
            writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError'))
        } });",
    ] {
        let _url = PageUrl::set("?t=talks");
        js_sys::eval(stub).unwrap();
        let root = mount().await;
        let announcement = one(&root, ".tv-root > .tv-announcement[role=status]");
        click(&one(&root, "#t2 > button.tv-turn-link")).await;
        wait_until("the fallback is announced", || {
            text(&announcement) == "Link to the turn is in the address bar"
        })
        .await;
        assert_eq!(window().location().hash().unwrap(), "#t2", "{stub}");
        js_sys::eval("delete navigator.clipboard").unwrap();
    }
}

// ---- Scale ------------------------------------------------------------------------------

/// A transcript of `turns` turns alternating between the two speakers, each paragraph
/// about 340 bytes: 1,500 turns × 2 paragraphs ≈ 1 MB.
fn big_transcript(turns: usize) -> Rc<Transcript> {
    let paragraph = |i: usize| {
        format!(
            "Paragraph {i}: we discussed trade, energy and security in\u{a0}detail, and the \
             cooperation between our countries, which is developing steadily. Mr President, \
             thank you for the invitation. We will continue these talks in Minsk, as agreed \
             earlier this year, and I am sure we will find solutions to every question. \
             Thank you very much again."
        )
    };
    let t = Transcript {
        schema: 1,
        lang: "en".into(),
        title: "Long talks".into(),
        date: None,
        time: None,
        place: None,
        dateline: None,
        kind: None,
        summary: vec![],
        speakers: transcript().speakers.clone(),
        turns: (0..turns)
            .map(|i| transcript_viewer::model::Turn {
                id: format!("t{}", i + 1),
                speaker: Some(if i % 2 == 0 { PUTIN } else { LUKASHENKO }.into()),
                annotation: None,
                paragraphs: vec![paragraph(2 * i), paragraph(2 * i + 1)],
                ..Default::default()
            })
            .collect(),
        source: transcript().source.clone(),
        ..Default::default()
    };
    Rc::new(t)
}

#[wasm_bindgen_test]
async fn a_megabyte_transcript_stays_responsive() {
    let t = big_transcript(1500);
    let bytes: usize = t
        .turns
        .iter()
        .flat_map(|t| &t.paragraphs)
        .map(String::len)
        .sum();
    assert!(bytes > 950_000, "{bytes}");
    let props = yew::props!(TranscriptViewerProps { transcript: t });
    let Mounted { root, handle } = mount_with(props).await;
    let now = js_sys::Date::now;
    let start = now();
    type_query(&root, "minsk").await;
    let typed = now() - start;
    assert_eq!(status(&root), "1 of 3,000");
    let start = now();
    type_query(&root, "minsk, as").await;
    press(&root, "Enter", false).await;
    let stepped = now() - start;
    assert_eq!(status(&root), "2 of 3,000");
    assert_eq!(current(&root).1, "t1-p2");
    let start = now();
    click(&speaker_toggle(&root, LUKASHENKO)).await;
    let filtered = now() - start;
    assert_eq!(status(&root), "1 of 1,500");
    // Rendered a batch at a time (render_batch), the markers all arrive.
    wait_until("750 markers", || {
        all(&root, ".tv-hidden-marker").len() == 750
    })
    .await;
    web_sys::console::log_1(
        &format!(
            "1 MB, 1,500 turns (debug build): type {typed:.0} ms, refine + Enter \
             {stepped:.0} ms, hide a speaker {filtered:.0} ms"
        )
        .into(),
    );
    // Generous bounds for an unoptimised build on a slow machine; a regression that
    // re-renders or re-folds everything per keystroke blows well past them.
    assert!(stepped < 3000.0, "refine + Enter took {stepped} ms");
    handle.destroy();
}

/// Whether this browser has the CSS Custom Highlight API (all three engines we test).
fn can_paint() -> bool {
    js_sys::Reflect::get(&window(), &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .is_ok_and(|r| r.is_object())
}

#[wasm_bindgen_test]
async fn matches_are_painted_and_only_the_current_one_is_an_element() {
    assert!(can_paint(), "every engine we test has CSS.highlights");
    let root = mount().await;
    type_query(&root, "mr president").await;
    assert_eq!(marks(&root), ["Mr President", "Mr President"]);
    // The current match is the only element; the other one is painted over the text,
    // which stays one text node.
    assert_eq!(all(&root, "mark").len(), 1);
    assert_eq!(current(&root).1, "t1-p1");
    assert_eq!(one(&root, "#t2-p1").child_nodes().length(), 1);
    // Next: the element moves, the painted range follows.
    assert!(press(&root, "Enter", false).await);
    assert_eq!(current(&root).1, "t2-p1");
    assert_eq!(one(&root, "#t1-p1").child_nodes().length(), 1);
    assert_eq!(
        highlighted(&root),
        [
            Highlighted {
                text: "Mr President".into(),
                element_id: "t1-p1".into()
            },
            Highlighted {
                text: "Mr President".into(),
                element_id: "t2-p1".into()
            },
        ]
    );
    // Hiding a speaker drops their painted matches too.
    click(&one(
        &root,
        &format!(".tv-speaker-item[data-speaker={LUKASHENKO}] button.tv-speaker-toggle"),
    ))
    .await;
    assert_eq!(marks(&root), ["Mr President"]);
    // Clearing the search clears the paint.
    assert!(press(&root, "Escape", false).await);
    assert!(marks(&root).is_empty());
}

#[wasm_bindgen_test]
async fn without_painting_every_match_is_a_mark() {
    let props = yew::props!(TranscriptViewerProps {
        transcript: transcript(),
        paint_highlights: false,
    });
    let Mounted { root, handle } = mount_with(props).await;
    type_query(&root, "mr president").await;
    assert_eq!(
        texts(&root, "mark.tv-match"),
        ["Mr President", "Mr President"]
    );
    assert_eq!(marks(&root).len(), 2, "nothing painted besides the marks");
    assert_eq!(current(&root).1, "t1-p1");
    assert!(press(&root, "Enter", false).await);
    assert_eq!(current(&root).1, "t2-p1");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn viewers_on_one_page_paint_only_their_own_matches() {
    let viewer = |prefix: &'static str| {
        yew::props!(TranscriptViewerProps {
            transcript: transcript(),
            id_prefix: prefix,
        })
    };
    let a = mount_with(viewer("a-")).await;
    let b = mount_with(viewer("b-")).await;
    type_query(&a.root, "thank you").await;
    type_query(&b.root, "mr president").await;
    assert_eq!(marks(&a.root), ["Thank you", "Thank you"]);
    assert_eq!(marks(&b.root), ["Mr President", "Mr President"]);
    // Clearing one search leaves the other's paint.
    assert!(press(&a.root, "Escape", false).await);
    assert!(marks(&a.root).is_empty());
    assert_eq!(marks(&b.root), ["Mr President", "Mr President"]);
    type_query(&a.root, "thank you").await;
    // A viewer that goes takes its paint (one range: the other match is the current
    // mark) with it, and only its own.
    let painted = || {
        js_sys::eval("CSS.highlights.get('tv-match').size")
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let before = painted();
    a.handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(painted(), before - 1.0);
    assert_eq!(marks(&b.root), ["Mr President", "Mr President"]);
    b.handle.destroy();
    yew::scheduler::flush().await;
    assert_eq!(painted(), before - 2.0);
}

/// `n` turns by one speaker, "needle" only in the last one.
fn long_transcript(n: usize) -> Rc<Transcript> {
    one_speaker(n, |i| {
        let text = if i == n { "a needle here" } else { "hay" };
        format!("{text} {i}")
    })
}

/// `n` turns `t1`, `t2`, … by one speaker, turn `i` one paragraph `text(i)`.
fn one_speaker(n: usize, text: impl Fn(usize) -> String) -> Rc<Transcript> {
    let turns: Vec<String> = (1..=n)
        .map(|i| {
            let text = text(i);
            format!(r#"{{"id":"t{i}","speaker":"s","paragraphs":["{text}"]}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"schema":1,"lang":"en","title":"Long","source":{{"file":"long.txt"}},
        "speakers":[{{"id":"s","name":"S"}}],"turns":[{}]}}"#,
        turns.join(",")
    );
    Rc::new(Transcript::from_json(&json).unwrap())
}

#[wasm_bindgen_test]
async fn a_long_transcript_renders_in_batches_and_what_is_needed_first() {
    let props = yew::props!(TranscriptViewerProps {
        transcript: long_transcript(40),
        render_batch: 10usize,
    });
    let Mounted { root, handle } = mount_with(props).await;
    let list = one(&root, ".tv-turns");
    // The first batch at once, marked busy; a search finds the last turn's text
    // and renders up to it straight away.
    assert_eq!(all(&root, "section.tv-turn").len(), 10);
    assert_eq!(attr(&list, "aria-busy").as_deref(), Some("true"));
    type_query(&root, "needle").await;
    assert_eq!(status(&root), "1 of 1");
    assert_eq!(current(&root), ("needle".to_string(), "t40-p1".to_string()));
    assert_eq!(all(&root, "section.tv-turn").len(), 40);
    handle.destroy();

    // Left alone, the rest arrives a batch per task, in order, and the list is no
    // longer busy.
    let props = yew::props!(TranscriptViewerProps {
        transcript: long_transcript(40),
        render_batch: 10usize,
    });
    let Mounted { root, handle } = mount_with(props).await;
    wait_until("all 40 turns", || all(&root, "section.tv-turn").len() == 40).await;
    let ids: Vec<String> = all(&root, "section.tv-turn")
        .iter()
        .map(|s| s.id())
        .collect();
    let expected: Vec<String> = (1..=40).map(|i| format!("t{i}")).collect();
    assert_eq!(ids, expected);
    assert_eq!(attr(&one(&root, ".tv-turns"), "aria-busy"), None);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn hidden_turns_count_in_the_batches_too() {
    // Forty turns, every twentieth by R, the rest by S, and S hidden: the hidden turns are
    // in the page too (`hidden`), so they are made a batch at a time like the others.
    let turns: Vec<String> = (1..=40)
        .map(|i| {
            let speaker = if i % 20 == 0 { "r" } else { "s" };
            format!(r#"{{"id":"t{i}","speaker":"{speaker}","paragraphs":["text {i}"]}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"schema":1,"lang":"en","title":"Long","source":{{"file":"long.txt"}},
        "speakers":[{{"id":"s","name":"S"}},{{"id":"r","name":"R"}}],"turns":[{}]}}"#,
        turns.join(",")
    );
    let props = yew::props!(TranscriptViewerProps {
        transcript: Rc::new(Transcript::from_json(&json).unwrap()),
        render_batch: 10usize,
        initial_state: Some(ViewState {
            hidden: BTreeSet::from(["s".to_string()]),
            ..ViewState::default()
        }),
    });
    let Mounted { root, handle } = mount_with(props).await;
    assert_eq!(all(&root, "section.tv-turn").len(), 10);
    assert_eq!(all(&root, "section.tv-turn[hidden]").len(), 10);
    assert_eq!(texts(&root, ".tv-hidden-marker"), ["19 turns by S hidden"]);
    wait_until("all 40 turns", || all(&root, "section.tv-turn").len() == 40).await;
    assert_eq!(visible_turns(&root), ["t20", "t40"]);
    assert_eq!(
        texts(&root, ".tv-hidden-marker"),
        ["19 turns by S hidden", "19 turns by S hidden"]
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_current_match_moves_between_groups_of_turns() {
    // Turns are rendered in groups of 16; the current match leaves one and enters another.
    for paint in [true, false] {
        let transcript = one_speaker(200, |i| {
            let text = if i == 2 || i == 150 {
                "a needle"
            } else {
                "hay"
            };
            text.to_string()
        });
        let props = yew::props!(TranscriptViewerProps {
            transcript,
            paint_highlights: paint,
        });
        let Mounted { root, handle } = mount_with(props).await;
        type_query(&root, "needle").await;
        assert_eq!(current(&root).1, "t2-p1");
        assert!(press(&root, "Enter", false).await);
        assert_eq!(status(&root), "2 of 2");
        assert_eq!(current(&root).1, "t150-p1");
        assert_eq!(marks(&root), ["needle", "needle"], "painted: {paint}");
        assert_eq!(all(&root, "mark").len(), if paint { 1 } else { 2 });
        assert!(press(&root, "Enter", false).await);
        assert_eq!(current(&root).1, "t2-p1");
        assert_eq!(all(&root, "section.tv-turn").len(), 200);
        handle.destroy();
    }
}

#[wasm_bindgen_test]
async fn a_search_with_many_matches_paints_those_near_the_view_then_the_others_as_they_come_near() {
    // 320 turns (20 groups of 16), each a long paragraph with five matches in its middle.
    let hay = "hay ".repeat(80);
    let transcript = one_speaker(320, |_| {
        format!("{hay}needle needle needle needle needle {hay}")
    });
    let total = 320 * 5;
    assert!(total > transcript_viewer::components::PAINT_ALL_UP_TO);
    let props = yew::props!(TranscriptViewerProps { transcript });
    let Mounted { root, handle } = mount_with(props).await;
    root.scroll_into_view();
    wait_until("every turn is rendered", || {
        all(&root, "section.tv-turn").len() == 320
    })
    .await;
    // The observer's first report on the groups comes with a frame (until then a group
    // counts as near).
    after_paint().await;
    after_paint().await;
    type_query(&root, "needle").await;
    assert_eq!(
        status(&root),
        format!("1 of {}", group_digits(total as u64, ","))
    );
    let per_text = |root: &Element| {
        let mut out = std::collections::BTreeMap::<String, usize>::new();
        for h in highlighted(root) {
            assert_eq!(h.text, "needle");
            *out.entry(h.element_id).or_default() += 1;
        }
        out
    };
    if all(&root, "mark").len() == total {
        // No Custom Highlight API: every match is a `<mark>`.
        handle.destroy();
        return;
    }
    // The first turns are near the view: all their matches show (the current one as
    // its `<mark>`); the last turns are far: none of theirs is painted yet.
    let painted = per_text(&root);
    assert_eq!(painted.get("t1-p1"), Some(&5), "{painted:?}");
    assert_eq!(painted.get("t16-p1"), Some(&5), "{painted:?}");
    assert_eq!(painted.get("t320-p1"), None);
    assert!(painted.values().sum::<usize>() < total);
    // Far down, they are painted once near.
    one(&root, "#t320").scroll_into_view();
    wait_until("the last turn's matches are painted", || {
        per_text(&root).get("t320-p1") == Some(&5)
    })
    .await;
    let painted = per_text(&root);
    assert_eq!(painted.get("t305-p1"), Some(&5), "{painted:?}");
    // Printed, every match shows; after, those near the view again (at the next paint).
    window()
        .dispatch_event(&web_sys::Event::new("beforeprint").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(highlighted(&root).len(), total);
    window()
        .dispatch_event(&web_sys::Event::new("afterprint").unwrap())
        .unwrap();
    // Next match from far away: the search still counts and moves over every match.
    assert!(press(&root, "Enter", false).await);
    assert_eq!(
        status(&root),
        format!("2 of {}", group_digits(total as u64, ","))
    );
    assert_eq!(current(&root).1, "t1-p1");
    window().scroll_to_with_x_and_y(0.0, 0.0);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn groups_a_toggle_leaves_alone_still_act_on_the_latest_view() {
    // Three groups of 16 turns: "a" speaks in t1-t3 (the first group), "b" in t30-t34
    // (a run across the second and third), "c" in every other turn. Hiding "b" renders
    // only the second and third groups again; the first keeps what it rendered when
    // "a" was hidden, and its marker must still reveal "a"'s turns without bringing
    // "b"'s back.
    let turns: Vec<String> = (1..=48)
        .map(|i| {
            let speaker = match i {
                1..=3 => "a",
                30..=34 => "b",
                _ => "c",
            };
            format!(r#"{{"id":"t{i}","speaker":"{speaker}","paragraphs":["Turn {i}."]}}"#)
        })
        .collect();
    let json = format!(
        r#"{{"schema":1,"lang":"en","title":"Three","source":{{"file":"three.txt"}},
        "speakers":[{{"id":"a","name":"A"}},{{"id":"b","name":"B"}},{{"id":"c","name":"C"}}],
        "turns":[{}]}}"#,
        turns.join(",")
    );
    let props = yew::props!(TranscriptViewerProps {
        transcript: Rc::new(Transcript::from_json(&json).unwrap()),
    });
    let Mounted { root, handle } = mount_with(props).await;
    click(&speaker_toggle(&root, "a")).await;
    click(&speaker_toggle(&root, "b")).await;
    assert_eq!(visible_turns(&root).len(), 40);
    assert_eq!(
        texts(&root, ".tv-hidden-marker"),
        ["3 turns by A hidden", "5 turns by B hidden"]
    );
    click(&one(&root, ".tv-hidden-marker")).await;
    let shown = visible_turns(&root);
    assert_eq!(shown.len(), 43);
    assert!(shown
        .iter()
        .all(|id| !["t30", "t32", "t33", "t34"].contains(&id.as_str())));
    assert_eq!(texts(&root, ".tv-hidden-marker"), ["5 turns by B hidden"]);
    // Showing "b" again changes the filter: the revealed turns are hidden again (as the
    // filter says), and "b"'s shown.
    click(&speaker_toggle(&root, "b")).await;
    assert_eq!(visible_turns(&root).len(), 45);
    assert_eq!(texts(&root, ".tv-hidden-marker"), ["3 turns by A hidden"]);
    click(&speaker_toggle(&root, "a")).await;
    assert_eq!(visible_turns(&root).len(), 48);
    assert!(all(&root, ".tv-hidden-marker").is_empty());
    handle.destroy();
}

/// Paragraphs with several "of"s each (and the title), for the repainting test.
const OFS: &str = r#"{"schema":1,"lang":"en","title":"Of","source":{"file":"ofs.txt"},
"speakers":[{"id":"a","name":"A"},{"id":"b","name":"B"}],
"turns":[
 {"id":"t1","speaker":"a","paragraphs":["of mice and of men","none here"]},
 {"id":"t2","speaker":"b","paragraphs":["offers of help","one of a kind of thing"]},
 {"id":"t3","speaker":"a","paragraphs":["of course"]}]}"#;

/// The painted ranges (not the current `<mark>`) in the element with this id.
fn painted_in(id: &str) -> Vec<JsValue> {
    let ranges = js_sys::eval("Array.from(CSS.highlights.get('tv-match') || [])").unwrap();
    js_sys::Array::from(&ranges)
        .iter()
        .filter(|r| {
            let range: &web_sys::AbstractRange = r.unchecked_ref();
            range.start_container().parent_element().map(|p| p.id()) == Some(id.to_string())
        })
        .collect()
}

#[wasm_bindgen_test]
async fn moving_the_current_match_repaints_only_where_it_was_and_is() {
    assert!(can_paint(), "every engine we test has CSS.highlights");
    let props = yew::props!(TranscriptViewerProps {
        transcript: Rc::new(Transcript::from_json(OFS).unwrap()),
        id_prefix: "ofs-",
    });
    let Mounted { root, handle } = mount_with(props).await;
    let every = [
        "title", "t1-p1", "t1-p1", "t2-p1", "t2-p1", "t2-p2", "t2-p2", "t3-p1",
    ];
    // Every match highlighted (painted or the current mark) where it should be, each
    // covering exactly `text`.
    let check = |root: &Element, ids: &[&str], text: &str, why: &str| {
        let found = highlighted(root);
        let found_ids: Vec<String> = found.iter().map(|h| h.element_id.clone()).collect();
        let want: Vec<String> = ids.iter().map(|id| format!("ofs-{id}")).collect();
        assert_eq!(found_ids, want, "{why}");
        for h in &found {
            assert!(h.text.eq_ignore_ascii_case(text), "{why}: {h:?}");
        }
    };
    type_query(&root, "of").await;
    check(&root, &every, "of", "typed");
    let far = painted_in("ofs-t3-p1");
    assert_eq!(far.len(), 1);
    // Through every match and round again: always every match, the current one a mark.
    for step in 1..=9 {
        assert!(press(&root, "Enter", false).await);
        assert_eq!(status(&root), format!("{} of 8", step % 8 + 1));
        check(&root, &every, "of", &format!("after {step} × Enter"));
        // t3-p1's range is the same object until the current match reaches it.
        if step < 7 {
            let now = painted_in("ofs-t3-p1");
            assert!(
                now.len() == 1 && js_sys::Object::is(&now[0], &far[0]),
                "t3-p1 was painted again at step {step}"
            );
        }
    }
    // Hiding a speaker takes their matches off; showing them paints them again.
    click(&speaker_toggle(&root, "b")).await;
    check(
        &root,
        &["title", "t1-p1", "t1-p1", "t3-p1"],
        "of",
        "B hidden",
    );
    click(&speaker_toggle(&root, "b")).await;
    check(&root, &every, "of", "B shown again");
    // A longer query and back: the current mark changes its extent in the same place.
    type_query(&root, "of m").await;
    check(&root, &["t1-p1", "t1-p1"], "of m", "of m");
    type_query(&root, "of").await;
    check(&root, &every, "of", "of again");
    assert!(press(&root, "Enter", false).await);
    check(&root, &every, "of", "of again, then Enter");
    handle.destroy();
    yew::scheduler::flush().await;
    assert!(painted_in("ofs-t1-p1").is_empty());
}
