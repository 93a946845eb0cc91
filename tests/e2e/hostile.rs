//! End-to-end checks of hostile and broken input and of the Content-Security-Policy, in
//! the engine `E2E_BROWSER` names (like the tests at the top of `tests/e2e.rs`): the
//! release build, copied to a scratch directory with an extra transcript or a changed
//! policy, served with the page probe.

use super::{
    assert_no_page_errors, dist_dir, open, page_errors, serve_with_probe, start_driver, TestResult,
    RENDER_TIMEOUT,
};
use crate::webdriver::{self, Engine, Session};
#[path = "../support/hostile.rs"]
#[allow(dead_code)]
mod fixture;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The site's Content-Security-Policy, as index.html and embed.html declare it.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; media-src 'self'";

/// Copies the directory `from` into a new scratch directory; returns it.
fn copy_of(from: &Path, prefix: &str) -> std::io::Result<PathBuf> {
    let root = webdriver::fresh_dir(prefix)?;
    copy_dir(from, &root)?;
    Ok(root)
}

/// Copies the directory `from` (files and subdirectories) to `to`.
pub fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}

/// A copy of `dist/` whose catalog also lists `id` (its file `transcripts/<id>.json`
/// holds `json`, or is missing for `None`).
fn site_with(id: &str, json: Option<&str>) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let root = copy_of(&dist_dir(), "e2e-hostile")?;
    let catalog_path = root.join("transcripts/index.json");
    let mut catalog: Value = serde_json::from_str(&std::fs::read_to_string(&catalog_path)?)?;
    catalog["transcripts"]
        .as_array_mut()
        .ok_or("the catalog has no transcripts array")?
        .push(serde_json::json!({"id": id, "title": id, "lang": "en"}));
    std::fs::write(&catalog_path, catalog.to_string())?;
    if let Some(json) = json {
        std::fs::write(root.join(format!("transcripts/{id}.json")), json)?;
    }
    Ok(root)
}

fn status(session: &Session) -> webdriver::Result<String> {
    match session.find(".tv-search-status")? {
        Some(status) => status.text(),
        None => Ok(String::new()),
    }
}

/// Types `query` into the (cleared) search box with real key input and waits for the
/// status `want`.
fn search(session: &Session, query: &str, want: &str) -> TestResult {
    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box input.tv-search-input")?;
    session.execute(
        "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
        vec![input.as_arg()],
    )?;
    input.click()?;
    input.send_keys(query)?;
    webdriver::poll(
        Duration::from_secs(30),
        &format!("the status {want:?} for {query:?}"),
        || Ok((status(session)? == want).then_some(())),
    )
    .map_err(|e| {
        format!(
            "{e}; the status is {:?}",
            status(session).unwrap_or_default()
        )
    })?;
    Ok(())
}

/// The hostile transcript (10,000 speakers and turns, a 100,000-character paragraph,
/// markup, bidi controls, RTL text, emoji) in the real site under its CSP: it renders as
/// text, runs nothing, does not widen the page, and searches with real key input.
#[test]
fn the_hostile_transcript_is_inert_fits_and_is_searchable() -> TestResult {
    let root = site_with("hostile", Some(&fixture::json()))?;
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    let start = Instant::now();
    session.goto(&server.url("/?t=hostile"))?;
    session
        .wait_for("article.tv-transcript #t10000", Duration::from_secs(60))
        .map_err(|e| {
            let errors = page_errors(&session, &server).unwrap_or_default();
            format!("{e} ({}); page errors: {errors:#?}", session.browser())
        })?;
    eprintln!(
        "{}: the hostile transcript showed in {:.1} s",
        session.browser(),
        start.elapsed().as_secs_f64()
    );
    // Give an <img onerror> the time to fail and run, were there one.
    std::thread::sleep(Duration::from_millis(300));
    let facts = session.execute(
        "const root = document.querySelector('.tv-root');
         const d = document.documentElement;
         const long = document.getElementById('t1-p10');
         return {
             pwned: typeof window.__pwned,
             active: root.querySelectorAll('script, img, iframe, object, embed, b, i, [onerror], a[href^=\"javascript\" i]').length,
             articles: document.querySelectorAll('article').length,
             headings: document.querySelectorAll('h1').length,
             speakers: root.querySelectorAll('.tv-speaker-item').length,
             turns: root.querySelectorAll('section.tv-turn').length,
             sideways: d.scrollWidth - d.clientWidth,
             longWordLines: Math.round(long.getBoundingClientRect().height /
                 parseFloat(getComputedStyle(long).lineHeight)),
             longWord: long.textContent.length,
             title: document.querySelector('h1').textContent,
         };",
        vec![],
    )?;
    let t: Value = serde_json::from_str(&fixture::json())?;
    assert_eq!(facts["pwned"], "undefined", "{facts}");
    assert_eq!(facts["active"], 0, "markup was rendered: {facts}");
    assert_eq!(facts["articles"], 1, "{facts}");
    assert_eq!(facts["headings"], 1, "{facts}");
    assert_eq!(facts["speakers"], fixture::SPEAKERS, "{facts}");
    assert_eq!(facts["turns"], fixture::SPEAKERS, "{facts}");
    assert!(
        facts["sideways"].as_i64() == Some(0),
        "the page scrolls sideways: {facts}"
    );
    assert!(
        facts["longWordLines"].as_i64().unwrap_or(0) >= 2,
        "the long word did not wrap: {facts}"
    );
    assert_eq!(facts["title"], t["title"], "the title, as text");

    for (query, want) in [
        ("needle-at-the-end", "1 of 1"),
        ("<script>", "1 of 2"),
        ("&lt;b&gt;not bold", "1 of 2"),
        ("לשיחות", "1 of 2"),
        ("المحادثات", "1 of 2"),
        ("Turn 9999.", "1 of 1"),
    ] {
        search(&session, query, want)?;
    }
    assert_no_page_errors(&session, &server);
    drop(session);
    drop(server);
    std::fs::remove_dir_all(root)?;
    Ok(())
}

/// A transcript the catalog lists but the server does not have: an alert naming the
/// file and `HTTP 404`, the catalog still there; the only errors are that request.
#[test]
fn a_missing_transcript_is_an_alert_not_a_blank_page() -> TestResult {
    let root = site_with("gone", None)?;
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/?t=gone"))?;
    session.wait_for("[role=alert]", RENDER_TIMEOUT)?;
    let heading = session
        .find("[role=alert] h1")?
        .ok_or("no heading in the alert")?
        .text()?;
    assert_eq!(heading, "Could not load the transcript");
    let detail = session
        .find("[role=alert] .tv-error-detail")?
        .ok_or("no .tv-error-detail")?
        .text()?;
    assert_eq!(detail, "HTTP 404 Not Found");
    assert!(session
        .find("nav.tv-catalog a[aria-current=page]")?
        .is_some());
    let errors = page_errors(&session, &server)?;
    assert!(
        errors
            .iter()
            .any(|e| e == "server: 404 GET /transcripts/gone.json"),
        "{errors:#?}"
    );
    assert!(
        errors.iter().all(|e| e.contains("gone.json")),
        "errors besides the missing file: {errors:#?}"
    );
    drop(session);
    drop(server);
    std::fs::remove_dir_all(root)?;
    Ok(())
}

/// Each source in the policy is needed: without `'wasm-unsafe-eval'` every engine
/// refuses to compile the WebAssembly, so the viewer never runs (the pre-rendered text
/// still reads). How it says so differs:
/// Chromium and Firefox fire a `securitypolicyviolation` (`script-src`, blocked
/// `wasm-eval`) and reject `init()` with a `CompileError`; WebKitGTK only rejects it,
/// with "Refused to create a WebAssembly object because 'unsafe-eval' or
/// 'wasm-unsafe-eval' is not an allowed source of script", and fires no event. WebKit
/// fires the event for other violations (see `error_check_sees_every_kind_of_page_error`).
#[test]
fn without_wasm_unsafe_eval_the_engine_refuses_the_wasm() -> TestResult {
    let root = copy_of(&dist_dir(), "e2e-csp")?;
    let index = root.join("index.html");
    let html = std::fs::read_to_string(&index)?;
    assert!(html.contains(CSP), "index.html does not declare {CSP:?}");
    std::fs::write(&index, html.replace(" 'wasm-unsafe-eval'", ""))?;
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;
    let expected: &[&str] = match driver.engine() {
        Engine::Chromium | Engine::Firefox => &[
            "page probe: CSP violation: script-src blocked wasm-eval",
            "page probe: unhandled rejection: CompileError: ",
        ],
        Engine::WebKit => &[
            "page probe: unhandled rejection: CompileError: Refused to create a WebAssembly \
             object because 'unsafe-eval' or 'wasm-unsafe-eval' is not an allowed source",
        ],
    };
    let errors = webdriver::poll(RENDER_TIMEOUT, "the refusal", || {
        let errors = page_errors(&session, &server)?;
        let all_seen = expected
            .iter()
            .all(|needle| errors.iter().any(|e| e.starts_with(needle)));
        Ok(all_seen.then_some(errors))
    })
    .map_err(|e| {
        let errors = page_errors(&session, &server).unwrap_or_default();
        format!("{e} ({}); page errors: {errors:#?}", session.browser())
    })?;
    eprintln!(
        "{} without 'wasm-unsafe-eval':\n  {}",
        session.browser(),
        errors.join("\n  ")
    );
    // The pre-rendered transcript is there to read, but the viewer never ran.
    assert!(session.find("article.tv-transcript")?.is_some());
    assert!(session.find(".tv-root[data-ready]")?.is_none());
    drop(session);
    drop(server);
    std::fs::remove_dir_all(root)?;
    Ok(())
}
