//! DOM helpers shared by the browser suites (`tests/browser*.rs`), which include this file
//! with `#[path = "support/dom.rs"] mod dom;`. Test code: a failed lookup panics with the
//! DOM it looked in, which is the test's failure message.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement};

pub fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

pub fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// A fresh `<div>` appended to the body, so each test sees only its own DOM.
pub fn fresh_root() -> Element {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div
}

/// The one element `selector` matches in `root`.
pub fn one(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector} in {}", root.inner_html()))
}

/// Every element `selector` matches in `root`, in document order.
pub fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into::<Element>().unwrap())
        .collect()
}

pub fn text(el: &Element) -> String {
    el.text_content().unwrap_or_default()
}

pub fn texts(root: &Element, selector: &str) -> Vec<String> {
    all(root, selector).iter().map(text).collect()
}

pub fn attr(el: &Element, name: &str) -> Option<String> {
    el.get_attribute(name)
}

/// Clicks `el` and lets Yew render what follows.
pub async fn click(el: &Element) {
    el.dyn_ref::<HtmlElement>().unwrap().click();
    yew::scheduler::flush().await;
}

/// Resolves after `ms` milliseconds (a `setTimeout` wrapped in a promise).
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
}

/// Resolves once the next frame is painted (a `requestAnimationFrame`, then a zero
/// timeout), after Yew rendered what that frame's callbacks asked for.
pub async fn after_paint() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let frame = wasm_bindgen::closure::Closure::once_into_js(move || {
            window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0)
                .unwrap();
        });
        window()
            .request_animation_frame(frame.unchecked_ref())
            .unwrap();
    });
    JsFuture::from(promise).await.unwrap();
    yew::scheduler::flush().await;
}

/// Waits (at most about five seconds) until `ok` holds.
pub async fn wait_until(what: &str, ok: impl Fn() -> bool) {
    for _ in 0..250 {
        yew::scheduler::flush().await;
        if ok() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting until {what}");
}

/// Types `value` into the viewer's search box in `root` as a user would: sets it and
/// fires a bubbling `input` event, then lets Yew render.
pub async fn type_query(root: &Element, value: &str) {
    let input: web_sys::HtmlInputElement = one(root, "input[type=search]").dyn_into().unwrap();
    input.set_value(value);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
    input.dispatch_event(&event).unwrap();
    yew::scheduler::flush().await;
}

/// One search highlight: a `<mark class="tv-match">` element or a range painted in the
/// CSS Custom Highlight API's `tv-match` highlight, with the id of the element whose
/// text it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlighted {
    pub text: String,
    pub element_id: String,
}

/// Every search highlight inside `root` (marks and painted ranges), in document order.
pub fn highlighted(root: &Element) -> Vec<Highlighted> {
    use wasm_bindgen::JsValue;
    let mut found: Vec<(web_sys::Node, u32, Highlighted)> = all(root, "mark.tv-match")
        .into_iter()
        .map(|mark| {
            let element_id = mark.parent_element().map(|p| p.id()).unwrap_or_default();
            let text = text(&mark);
            (mark.into(), 0, Highlighted { text, element_id })
        })
        .collect();
    let highlight = js_sys::Reflect::get(&window(), &"CSS".into())
        .and_then(|css| js_sys::Reflect::get(&css, &"highlights".into()))
        .ok()
        .filter(|r| r.is_object())
        .map(|registry| {
            let get = js_sys::Reflect::get(&registry, &"get".into()).unwrap();
            get.unchecked_ref::<js_sys::Function>()
                .call1(&registry, &"tv-match".into())
                .unwrap()
        })
        .filter(JsValue::is_object);
    for item in highlight
        .iter()
        .flat_map(|h| js_sys::try_iter(h).unwrap().unwrap())
    {
        let range: web_sys::AbstractRange = item.unwrap().unchecked_into();
        let node = range.start_container();
        if !root.contains(Some(&node)) {
            continue;
        }
        assert!(
            range.end_container() == node,
            "a painted range spans text nodes"
        );
        let units: Vec<u16> = node
            .text_content()
            .unwrap_or_default()
            .encode_utf16()
            .collect();
        let text =
            String::from_utf16(&units[range.start_offset() as usize..range.end_offset() as usize])
                .unwrap();
        let element_id = node.parent_element().map(|p| p.id()).unwrap_or_default();
        found.push((node, range.start_offset(), Highlighted { text, element_id }));
    }
    found.sort_by(|a, b| {
        if a.0 == b.0 {
            a.1.cmp(&b.1)
        } else if a.0.compare_document_position(&b.0) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING
            != 0
        {
            std::cmp::Ordering::Less
        } else {
            std::cmp::Ordering::Greater
        }
    });
    found.into_iter().map(|f| f.2).collect()
}

/// The texts of [`highlighted`].
pub fn highlighted_texts(root: &Element) -> Vec<String> {
    highlighted(root).into_iter().map(|h| h.text).collect()
}

/// Replaces `<a>`'s `click` for the page: what a click on a download link would save
/// goes to `window.__downloads` as `[name, text]` instead.
pub fn catch_downloads() {
    js_sys::Function::new_no_args(
        "window.__downloads = [];\
         HTMLAnchorElement.prototype.click = function () {\
           const name = this.getAttribute('download');\
           fetch(this.href).then(r => r.text()).then(t => window.__downloads.push([name, t]));\
         };",
    )
    .call0(&JsValue::NULL)
    .unwrap();
}

pub fn downloads() -> Vec<(String, String)> {
    let list = js_sys::Reflect::get(&window(), &"__downloads".into()).unwrap();
    let list: js_sys::Array = list.dyn_into().unwrap();
    list.iter()
        .map(|pair| {
            let pair: js_sys::Array = pair.dyn_into().unwrap();
            (
                pair.get(0).as_string().unwrap(),
                pair.get(1).as_string().unwrap(),
            )
        })
        .collect()
}

/// The viewer's stylesheet, for the suites that check layout.
pub const VIEWER_CSS: &str = include_str!("../../www/viewer.css");

/// Adds [`VIEWER_CSS`] to the page, once.
pub fn add_stylesheet() {
    if document().get_element_by_id("tv-test-css").is_none() {
        let style = document().create_element("style").unwrap();
        style.set_id("tv-test-css");
        style.set_text_content(Some(VIEWER_CSS));
        document().head().unwrap().append_child(&style).unwrap();
    }
}

/// `el`'s computed `property`, trimmed and in lower case (`rgb(0, 0, 0)`, `grid`).
pub fn computed(el: &Element, property: &str) -> String {
    window()
        .get_computed_style(el)
        .unwrap()
        .unwrap()
        .get_property_value(property)
        .unwrap()
        .trim()
        .to_ascii_lowercase()
}
