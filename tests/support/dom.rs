//! DOM helpers shared by the browser suites (`tests/browser*.rs`), which include this file
//! with `#[path = "support/dom.rs"] mod dom;`. Test code: a failed lookup panics with the
//! DOM it looked in, which is the test's failure message.

use wasm_bindgen::JsCast;
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
