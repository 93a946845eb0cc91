#![cfg(target_arch = "wasm32")]
//! Browser suite for the panic hook (`src/panic_report.rs`): a real Rust panic, in a
//! timer callback as a bug in an event handler would be, is written to the console and
//! shown on the page as an alert. A suite of its own: after a panic (the wasm aborts
//! with a trap) the module must not be trusted with other tests.

use transcript_viewer::panic_report::{self, RELOAD, STOPPED};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

#[path = "support/dom.rs"]
#[allow(dead_code)]
mod dom;
use dom::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Runs `js` as a function body with no arguments and returns its result.
fn js(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap()
}

/// A bug: a panic in a callback from the browser.
fn planted_panic() {
    panic!("planted panic <b>not markup</b>");
}

#[wasm_bindgen_test]
async fn a_panic_is_shown_on_the_page_and_written_to_the_console() {
    // Records console.error (still passing it on) and stops the trap that follows the
    // panic from reaching the test harness as an uncaught error.
    js("window.__consoleErrors = [];
        const original = console.error;
        console.error = function (...args) {
            window.__consoleErrors.push(args.map(String).join(' '));
            return original.apply(this, args);
        };
        window.addEventListener('error', (e) => {
            window.__uncaught = String(e.message);
            e.preventDefault();
        });");
    let body = document().body().unwrap();
    // The control: nothing is shown before a panic.
    assert!(body.query_selector(".tv-panic").unwrap().is_none());

    panic_report::install();
    panic_report::install(); // twice is once
    let planted = Closure::once(planted_panic);
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(planted.as_ref().unchecked_ref(), 0)
        .unwrap();
    planted.forget();
    wait_until("the panic alert shows", || {
        body.query_selector(".tv-panic").unwrap().is_some()
    })
    .await;

    let alert = one(&body, ".tv-panic");
    assert_eq!(attr(&alert, "role").as_deref(), Some("alert"));
    assert_eq!(body.first_element_child().as_ref(), Some(&alert));
    let lines = texts(&alert, "p");
    assert_eq!(lines[..2], [STOPPED, RELOAD]);
    let detail = text(&one(&alert, "p > code"));
    assert!(
        detail.contains("planted panic <b>not markup</b>"),
        "{detail}"
    );
    assert!(detail.contains("tests/browser_panic.rs"), "{detail}");
    assert!(
        all(&alert, "b").is_empty(),
        "the message was parsed as markup"
    );

    let logged = js("return window.__consoleErrors.join('\\n');")
        .as_string()
        .unwrap();
    assert!(
        logged.contains("transcript-viewer: panicked at")
            && logged.contains("planted panic <b>not markup</b>"),
        "console.error saw: {logged}"
    );
    // The panic ended as a trap, as it does in the release build.
    wait_until("the trap is reported", || {
        js("return window.__uncaught || null;").is_string()
    })
    .await;
}
