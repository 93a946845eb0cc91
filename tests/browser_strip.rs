#![cfg(target_arch = "wasm32")]
//! Browser suite for the who-spoke-when strip (issue 22): the real viewer mounted with
//! its stylesheet; a run per speaker change in the speaker's colour and pattern, the
//! search's matches as ticks (a search re-renders only them), a click and the slider's
//! keys move the view, Enter moves the focus into the turn, the text equivalent, a
//! hidden speaker's turns drawn thin and revealed when asked for, and each speaker's
//! share of the words in the speaker filter.
//!
//! Run with exactly one driver set, e.g.
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test browser_strip`.

use std::rc::Rc;
use transcript_viewer::components::TranscriptViewerProps;
use transcript_viewer::state::ViewState;
use transcript_viewer::{Transcript, TranscriptViewer};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

/// A transcript of `turns` turns: speakers Ann, Bo and Cy as `pattern` says (`a`, `b`,
/// `c`, `-` for none), cycled; every paragraph long enough that 60 turns scroll.
fn talk(turns: usize, pattern: &str) -> String {
    let speakers: Vec<char> = pattern.chars().collect();
    let turns: Vec<String> = (0..turns)
        .map(|i| {
            let who = match speakers[i % speakers.len()] {
                'a' => r#","speaker":"ann""#,
                'b' => r#","speaker":"bo""#,
                'c' => r#","speaker":"cy""#,
                _ => "",
            };
            let words = "trade ".repeat(if i == 1 { 3 } else { 0 }) + &"word ".repeat(40);
            format!(
                r#"{{"id":"t{}"{who},"paragraphs":["Turn {} says {words}","More words here."]}}"#,
                i + 1,
                i + 1
            )
        })
        .collect();
    format!(
        r#"{{"schema":1,"lang":"en","title":"Strip talks",
"speakers":[{{"id":"ann","name":"Ann Lee"}},{{"id":"bo","name":"Bo Park"}},{{"id":"cy","name":"Cy Roe"}}],
"turns":[{}],"source":{{"file":"strip.txt"}}}}"#,
        turns.join(",")
    )
}

struct Mounted {
    root: Element,
    _handle: yew::AppHandle<TranscriptViewer>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.root.remove();
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }
}

async fn mount(json: &str, initial: ViewState, lang: &str) -> Mounted {
    add_stylesheet();
    window().scroll_to_with_x_and_y(0.0, 0.0);
    let root = fresh_root();
    let transcript = Rc::new(Transcript::from_json(json).unwrap());
    let props = yew::props!(TranscriptViewerProps {
        transcript,
        initial_state: Some(initial),
        lang: lang.to_string(),
        store_settings: false,
        render_batch: 0usize,
    });
    let handle =
        yew::Renderer::<TranscriptViewer>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let r = root.clone();
    wait_until("the strip is drawn", move || {
        r.query_selector(".tv-strip-layer").unwrap().is_some()
    })
    .await;
    Mounted {
        root,
        _handle: handle,
    }
}

fn slider(root: &Element) -> Element {
    one(root, ".tv-strip-slider")
}

fn value_now(root: &Element) -> String {
    attr(&slider(root), "aria-valuenow").unwrap_or_default()
}

async fn key(el: &Element, key: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event =
        web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    el.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// A click at (x, y) of the window on `el`.
fn click_at(el: &Element, x: f64, y: f64) {
    let f = js_sys::Function::new_with_args(
        "el, x, y",
        "el.dispatchEvent(new MouseEvent('click', {bubbles: true, clientX: x, clientY: y}))",
    );
    f.call3(&wasm_bindgen::JsValue::NULL, el, &x.into(), &y.into())
        .unwrap();
}

/// The top of turn `id` in the window.
fn top_of(id: &str) -> f64 {
    document()
        .get_element_by_id(id)
        .unwrap()
        .get_bounding_client_rect()
        .top()
}

/// The path of the clip path a strip layer is clipped to.
fn clip_of(root: &Element, layer: &Element) -> Element {
    let url = attr(layer, "clip-path").unwrap();
    let id = url.trim_start_matches("url(#").trim_end_matches(')');
    one(root, &format!("[id='{id}'] path"))
}

/// How many ticks the strip shows (one path, a line per tick).
fn ticks(root: &Element) -> usize {
    root.query_selector(".tv-strip-tick")
        .unwrap()
        .and_then(|path| attr(&path, "d"))
        .map_or(0, |d| d.matches('M').count())
}

fn focused_turn() -> Option<String> {
    let active = document().active_element()?;
    Some(active.closest("section.tv-turn").ok()??.id())
}

#[wasm_bindgen_test]
async fn the_strip_draws_a_run_per_speaker_change_with_colours_and_patterns() {
    // Ann, Ann, Bo, Cy, Ann, none.
    let m = mount(&talk(6, "aabca-"), ViewState::default(), "").await;
    // A path per colour, its runs filled: Ann's two runs (turns 1–2 and 5) are two
    // rectangles of hers.
    let layers = all(&m.root, ".tv-strip-layer");
    let colours: Vec<Option<String>> = layers.iter().map(|l| attr(l, "data-colour")).collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(colours, [s("0"), s("1"), s("2"), None]);
    assert!(layers[3].matches(".tv-strip-none").unwrap());
    let rectangles: Vec<usize> = layers
        .iter()
        .map(|l| attr(l, "d").unwrap().matches('M').count())
        .collect();
    assert_eq!(rectangles, [2, 1, 1, 1]);
    // Over them, Bo's and Cy's patterns' marks, clipped to their runs (Ann's is plain).
    let marks = all(&m.root, ".tv-strip-pattern");
    let kinds: Vec<Option<String>> = marks.iter().map(|l| attr(l, "data-pattern")).collect();
    assert_eq!(kinds, [s("1"), s("2")]);
    let patterns = all(&m.root, ".tv-strip-svg pattern");
    assert_eq!(patterns.len(), 2);
    for (band, pattern) in marks.iter().zip(&patterns) {
        let fill = attr(band, "fill").unwrap();
        assert_eq!(fill, format!("url(#{})", pattern.id()));
        let clip = attr(&clip_of(&m.root, band), "d").unwrap();
        assert_eq!(clip.matches('M').count(), 1);
    }
    assert_eq!(
        attr(&clip_of(&m.root, &marks[0]), "d"),
        attr(&layers[1], "d"),
        "Bo's marks lie over Bo's runs"
    );
    assert!(patterns[0]
        .query_selector("path.tv-strip-mark")
        .unwrap()
        .is_some());
    // Colours come from the scheme.
    let colour = |i: usize| computed(&layers[i], "fill");
    assert_eq!(colour(0), "rgb(31, 95, 166)");
    assert_eq!(colour(1), "rgb(179, 71, 0)");
    let viewer = one(&m.root, ".tv-root");
    viewer
        .set_attribute("data-scheme", "black-on-white")
        .unwrap();
    assert_eq!(colour(0), "rgb(0, 0, 0)");
    assert_eq!(colour(2), "rgb(0, 0, 0)");
    let mark = one(&patterns[0], "path");
    assert_eq!(computed(&mark, "stroke"), "rgb(255, 255, 255)");
    viewer.set_attribute("data-scheme", "dark").unwrap();
    assert_eq!(colour(0), "rgb(111, 168, 255)");
    // The SVG is hidden from assistive technology; the slider names it.
    assert_eq!(
        attr(&one(&m.root, ".tv-strip-svg"), "aria-hidden").as_deref(),
        Some("true")
    );
    let s = slider(&m.root);
    assert_eq!(attr(&s, "role").as_deref(), Some("slider"));
    assert_eq!(attr(&s, "tabindex").as_deref(), Some("0"));
    assert_eq!(attr(&s, "aria-label").as_deref(), Some("Who spoke when"));
    assert_eq!(attr(&s, "aria-valuemin").as_deref(), Some("1"));
    assert_eq!(attr(&s, "aria-valuemax").as_deref(), Some("6"));
    assert_eq!(
        attr(&s, "aria-valuetext").as_deref(),
        Some("Turn 1 of 6: Ann Lee")
    );
    // One tab stop: nothing inside the strip is focusable.
    assert!(s.query_selector("[tabindex], a, button").unwrap().is_none());
}

#[wasm_bindgen_test]
async fn ticks_follow_the_search_without_drawing_the_runs_again() {
    let m = mount(&talk(12, "abc"), ViewState::default(), "").await;
    assert_eq!(ticks(&m.root), 0);
    let first_layer = one(&m.root, ".tv-strip-layer");
    let first_clip = clip_of(&m.root, &one(&m.root, ".tv-strip-pattern"));
    // "trade" is in turn 2 only (three times), "more" in every turn.
    type_query(&m.root, "trade").await;
    wait_until("a tick", || ticks(&m.root) == 1).await;
    assert_eq!(all(&m.root, ".tv-strip-current").len(), 1);
    type_query(&m.root, "more").await;
    wait_until("twelve ticks", || ticks(&m.root) == 12).await;
    let current = || attr(&one(&m.root, ".tv-strip-current-fill"), "x1").unwrap();
    let before = current();
    click(&one(&m.root, ".tv-next-match")).await;
    wait_until("the current tick moves", || current() != before).await;
    // The runs are the same nodes: the search rendered only the ticks.
    let layer = one(&m.root, ".tv-strip-layer");
    assert!(first_layer.is_same_node(Some(&layer)));
    let clip = clip_of(&m.root, &one(&m.root, ".tv-strip-pattern"));
    assert!(first_clip.is_same_node(Some(&clip)));
    type_query(&m.root, "").await;
    wait_until("no ticks", || ticks(&m.root) == 0).await;
    assert!(m
        .root
        .query_selector(".tv-strip-current")
        .unwrap()
        .is_none());
}

#[wasm_bindgen_test]
async fn a_click_jumps_to_the_turn_and_the_view_follows() {
    let m = mount(&talk(60, "abc"), ViewState::default(), "").await;
    assert_eq!(value_now(&m.root), "1");
    // Turn 40 of 60 (each of 46 words, the second 49), clicked in its middle.
    let svg = one(&m.root, ".tv-strip-svg");
    let r = svg.get_bounding_client_rect();
    click_at(
        &svg,
        r.left() + r.width() * 39.5 / 60.0,
        r.top() + r.height() / 2.0,
    );
    yew::scheduler::flush().await;
    wait_until("turn 40 at the top", || top_of("t40").abs() < 200.0).await;
    wait_until("the slider follows", || value_now(&m.root) == "40").await;
    assert_eq!(
        attr(&slider(&m.root), "aria-valuetext").as_deref(),
        Some("Turn 40 of 60: Ann Lee")
    );
    // The view band is drawn where turn 40 is.
    let band = one(&m.root, ".tv-strip-view-band");
    let x: f64 = attr(&band, "x")
        .unwrap()
        .trim_end_matches('%')
        .parse()
        .unwrap();
    assert!((60.0..70.0).contains(&x), "{x}");
    // Scrolling the page moves it, a frame later.
    one(&m.root, "#t10").scroll_into_view();
    wait_until("turn 10 in view", || {
        ["9", "10"].contains(&value_now(&m.root).as_str())
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_slider_steps_by_key_and_enter_moves_the_focus_into_the_turn() {
    let m = mount(&talk(60, "abc"), ViewState::default(), "").await;
    let s = slider(&m.root);
    s.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    for (k, want, turn) in [
        ("ArrowRight", "2", "t2"),
        ("ArrowDown", "3", "t3"),
        ("ArrowLeft", "2", "t2"),
        ("PageDown", "8", "t8"),
        ("PageUp", "2", "t2"),
        ("End", "60", "t60"),
        ("Home", "1", "t1"),
    ] {
        key(&s, k).await;
        // At once, or (WebKit, far from the view) once the turn's group is laid out.
        let height = window().inner_height().unwrap().as_f64().unwrap();
        wait_until(&format!("{turn} in view after {k}"), || {
            let top = top_of(turn);
            value_now(&m.root) == want && top > -5.0 && top < height
        })
        .await;
        after_paint().await;
        assert_eq!(
            value_now(&m.root),
            want,
            "after {k}, once the view followed"
        );
    }
    key(&s, "ArrowRight").await;
    key(&s, "ArrowRight").await;
    assert_eq!(value_now(&m.root), "3");
    assert_eq!(
        document().active_element().as_ref(),
        Some(&s),
        "keys keep the focus"
    );
    key(&s, "Enter").await;
    assert_eq!(focused_turn().as_deref(), Some("t3"));
    assert!(document()
        .active_element()
        .unwrap()
        .matches(".tv-turn-link")
        .unwrap());
    // Other keys are left alone.
    s.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&s, "a").await;
    assert_eq!(value_now(&m.root), "3");
}

#[wasm_bindgen_test]
async fn the_text_equivalent_lists_the_runs_and_each_leads_to_its_turn() {
    let m = mount(&talk(6, "aabca-"), ViewState::default(), "").await;
    let details = one(&m.root, "details.tv-strip-text");
    assert!(!details.has_attribute("open"), "collapsed");
    // Named by the whole words; a phone shows their end only (hidden from readers).
    assert_eq!(
        text(&one(&details, "summary > .tv-strip-text-long")),
        "Who spoke when, as text"
    );
    let short = one(&details, "summary > .tv-strip-text-short");
    assert_eq!(text(&short), "As text");
    assert_eq!(short.get_attribute("aria-hidden").as_deref(), Some("true"));
    assert!(
        details.query_selector("li").unwrap().is_none(),
        "rendered once opened"
    );
    details.set_attribute("open", "").unwrap();
    wait_until("the list", || !all(&details, "li").is_empty()).await;
    assert_eq!(
        texts(&details, "li"),
        [
            "Ann Lee \u{2014} turns 1\u{2013}2, 95 words",
            "Bo Park \u{2014} turn 3, 46 words",
            "Cy Roe \u{2014} turn 4, 46 words",
            "Ann Lee \u{2014} turn 5, 46 words",
            "Unattributed \u{2014} turn 6, 46 words",
        ]
    );
    click(&all(&details, "button")[2]).await;
    wait_until("Cy's turn focused", || {
        focused_turn().as_deref() == Some("t4")
    })
    .await;
}

#[wasm_bindgen_test]
async fn a_hidden_speakers_turns_stay_in_place_thin_and_are_revealed_when_asked() {
    let state = ViewState {
        hidden: ["bo".to_string()].into(),
        ..ViewState::default()
    };
    let m = mount(&talk(6, "aabca-"), state, "").await;
    // Bo's turn is still drawn, in place, as a thin line: in the hidden band, after
    // the shown one.
    let layers = all(&m.root, ".tv-strip-layer");
    let hidden: Vec<(Option<String>, bool)> = layers
        .iter()
        .map(|l| {
            (
                attr(l, "data-colour"),
                l.matches(".tv-strip-hidden").unwrap(),
            )
        })
        .collect();
    let s = |v: &str| Some(v.to_string());
    assert_eq!(
        hidden,
        [
            (s("0"), false),
            (s("2"), false),
            (None, false),
            (s("1"), true)
        ]
    );
    assert_eq!(attr(&layers[3], "d").unwrap().matches('M').count(), 1);
    let band = |l: &Element| l.parent_element().unwrap();
    assert_ne!(
        attr(&band(&layers[3]), "height"),
        attr(&band(&layers[0]), "height")
    );
    // Bo's marks too.
    let marks = all(&m.root, ".tv-strip-pattern.tv-strip-hidden");
    assert_eq!(marks.len(), 1);
    assert_eq!(attr(&marks[0], "data-pattern").as_deref(), Some("1"));
    let s = slider(&m.root);
    s.dyn_ref::<HtmlElement>().unwrap().focus().unwrap();
    key(&s, "End").await;
    for _ in 0..3 {
        key(&s, "ArrowLeft").await;
    }
    assert_eq!(
        attr(&s, "aria-valuetext").as_deref(),
        Some("Turn 3 of 6: Bo Park (hidden)")
    );
    assert!(one(&m.root, "#t3").has_attribute("hidden"));
    // Enter reveals the turn and moves the focus into it.
    key(&s, "Enter").await;
    wait_until("turn 3 shown", || {
        !one(&m.root, "#t3").has_attribute("hidden")
    })
    .await;
    wait_until("and focused", || focused_turn().as_deref() == Some("t3")).await;
    wait_until("its run drawn shown", || {
        all(&m.root, ".tv-strip-hidden").is_empty()
    })
    .await;
}

#[wasm_bindgen_test]
async fn each_speaker_shows_a_share_of_the_words_in_the_viewers_language() {
    // Ann 4 turns of 46 words (one of 49), Bo 1, Cy 1: 187, 46, 46 of 279.
    let m = mount(&talk(6, "aabcaa"), ViewState::default(), "").await;
    let shares = texts(&m.root, ".tv-speaker-share-text");
    assert_eq!(shares, ["67% of words", "16% of words", "16% of words"]);
    let bar = one(&m.root, ".tv-speaker-item .tv-share-bar");
    assert_eq!(attr(&bar, "aria-hidden").as_deref(), Some("true"));
    assert_eq!(attr(&one(&bar, "svg"), "width").as_deref(), Some("67.025%"));
    assert_eq!(
        computed(&one(&bar, "rect"), "fill"),
        "rgb(31, 95, 166)",
        "Ann's colour"
    );
    drop(m);
    let m = mount(&talk(6, "aabcaa"), ViewState::default(), "ru").await;
    let shares = texts(&m.root, ".tv-speaker-share-text");
    assert_eq!(shares[0], "67\u{a0}% слов");
    assert_eq!(
        attr(&slider(&m.root), "aria-label").as_deref(),
        Some("Кто когда говорил")
    );
}
