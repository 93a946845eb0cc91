//! The who-spoke-when strip on the built site, by keyboard only, in the engine
//! `E2E_BROWSER` names (like the tests at the top of `tests/e2e.rs`): Tab from the
//! search box reaches the strip (one stop), Home, End and the arrow keys move the view
//! to that turn and the slider's value with it, and Enter moves the focus into the turn.

use super::*;
use serde_json::Value;

const TAB: &str = "\u{E004}";
const ENTER: &str = "\u{E007}";
const END: &str = "\u{E010}";
const HOME: &str = "\u{E011}";
const RIGHT: &str = "\u{E014}";
const DOWN: &str = "\u{E015}";
const LEFT: &str = "\u{E012}";

/// What the page says about the strip and the turns: the slider's value and maximum,
/// whether it has the focus, the id of the turn the focus is in, and where (in the
/// window) the top of the turn numbered by the value is.
fn strip_state(session: &Session) -> webdriver::Result<Value> {
    session.execute(
        "const s = document.querySelector('.tv-strip-slider');
         const turns = document.querySelectorAll('section.tv-turn');
         const now = Number(s.getAttribute('aria-valuenow'));
         const turn = turns[now - 1];
         const r = turn.getBoundingClientRect();
         const active = document.activeElement;
         const inTurn = active && active.closest('section.tv-turn');
         return {
           now, max: Number(s.getAttribute('aria-valuemax')),
           text: s.getAttribute('aria-valuetext'),
           focused: active === s,
           turnId: turn.id,
           inView: r.height > 0 && r.top >= -2 && r.top < window.innerHeight,
           focusIn: inTurn ? inTurn.id : null,
         };",
        vec![],
    )
}

/// Waits until the strip's state satisfies `ok`; the error shows the last state.
fn wait_state(session: &Session, what: &str, ok: impl Fn(&Value) -> bool) -> Result<Value, String> {
    let mut last = Value::Null;
    webdriver::poll(RENDER_TIMEOUT, what, || {
        last = strip_state(session)?;
        Ok(ok(&last).then(|| last.clone()))
    })
    .map_err(|e| format!("{e} ({}): last {last}", session.browser()))
}

#[test]
fn the_strip_is_one_tab_stop_whose_keys_move_the_view_and_enter_the_turn() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;
    wait_for_transcript(&session, &server)?;
    session.wait_for(".tv-strip-layer", RENDER_TIMEOUT)?;

    // From the search box, Tab by Tab, to the strip: a handful of stops, never one per
    // turn.
    let input = session.wait_for(".tv-search-input", RENDER_TIMEOUT)?;
    input.click()?;
    let mut stops = 0;
    loop {
        let focused = session.find(":focus")?.ok_or("nothing has the focus")?;
        if focused.attribute("class")?.as_deref() == Some("tv-strip-slider") {
            break;
        }
        assert!(stops < 8, "Tab did not reach the strip in {stops} stops");
        focused.send_keys(TAB)?;
        stops += 1;
    }
    let slider = session.find(".tv-strip-slider")?.ok_or("no strip")?;
    assert_eq!(slider.attribute("role")?.as_deref(), Some("slider"));
    let state = wait_state(&session, "the strip focused", |s| s["focused"] == true)?;
    assert_eq!(state["now"], 1, "{state}");
    let max = state["max"].as_u64().ok_or("no aria-valuemax")?;
    assert!(max >= 3, "{state}");

    slider.send_keys(END)?;
    wait_state(&session, "End: the last turn in view", |s| {
        s["now"] == max && s["inView"] == true
    })?;
    slider.send_keys(HOME)?;
    wait_state(&session, "Home: the first turn", |s| {
        s["now"] == 1 && s["inView"] == true
    })?;
    slider.send_keys(RIGHT)?;
    slider.send_keys(DOWN)?;
    wait_state(&session, "two turns on", |s| {
        s["now"] == 3 && s["inView"] == true
    })?;
    slider.send_keys(LEFT)?;
    let state = wait_state(&session, "one back", |s| {
        s["now"] == 2 && s["inView"] == true && s["focused"] == true
    })?;
    let text = state["text"].as_str().unwrap_or_default();
    assert!(text.starts_with(&format!("Turn 2 of {max}: ")), "{state}");
    let turn_id = state["turnId"].as_str().unwrap_or_default().to_string();

    slider.send_keys(ENTER)?;
    wait_state(&session, "Enter: the focus in turn 2", |s| {
        s["focusIn"].as_str() == Some(turn_id.as_str())
    })?;
    assert_no_page_errors(&session, &server);
    Ok(())
}
