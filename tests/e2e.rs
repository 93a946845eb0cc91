//! End-to-end suite: the release build in `dist/` (env `E2E_DIST`, default `dist`),
//! served by a tiny static server ([`server`]) and driven in a real browser over W3C
//! WebDriver ([`webdriver`]).
//!
//! Built only with `--features e2e`. Run it after the release build:
//!
//! ```sh
//! trunk build --release && cargo test --features e2e --test e2e
//! E2E_BROWSER=firefox cargo test --features e2e --test e2e
//! E2E_BROWSER=webkit cargo test --features e2e --test e2e
//! ```
//!
//! Every test at the top level of this file and in [`prerender`] (the pre-rendered
//! pages, with and without JavaScript, and their hydration) runs in the browser that
//! `E2E_BROWSER` names (`chromium`, the default, `firefox` or `webkit`); `tools/test.sh`
//! runs them once per engine (`-- --skip site::`). The tests in [`site`] need no
//! browser and run once. It
//! fails, never skips, when `dist/` is missing or the driver cannot start.
//!
//! Every browser test ends with [`assert_no_page_errors`], which reads the page's errors
//! from every source the engine has; [`error_check_sees_every_kind_of_page_error`] shows,
//! per engine, that those sources do see errors.

#[path = "e2e/archive_search.rs"]
mod archive_search;
#[path = "e2e/cite.rs"]
mod cite;
#[path = "e2e/hostile.rs"]
mod hostile;
#[path = "e2e/i18n.rs"]
mod i18n;
#[path = "e2e/media.rs"]
mod media;
#[path = "e2e/prerender.rs"]
mod prerender;
#[path = "e2e/server.rs"]
mod server;
#[path = "e2e/site.rs"]
mod site;
#[path = "e2e/strip.rs"]
mod strip;
// A client library: not every command is used by every test.
#[allow(dead_code)]
#[path = "e2e/webdriver.rs"]
mod webdriver;

use server::StaticServer;
use std::path::{Path, PathBuf};
use std::time::Duration;
use webdriver::{Driver, Engine, Session};

/// The reference transcript: first in the catalog, shown by default.
const REFERENCE_ID: &str = "russian-belarusian-talks-2022-02-18";
/// Upper bound for the app to load, fetch and render.
const RENDER_TIMEOUT: Duration = Duration::from_secs(20);
/// Upper bound for errors a page provokes on purpose to be reported.
const REPORT_TIMEOUT: Duration = Duration::from_secs(10);
/// The page probe (see the file): recorded errors in `window.__e2eProbe.errors`.
const PROBE: &str = include_str!("e2e/probe.js");

type TestResult = Result<(), Box<dyn std::error::Error>>;

/// The trunk build to test; panics with what to do if it is not there.
fn dist_dir() -> PathBuf {
    let dist = std::env::var("E2E_DIST").unwrap_or_else(|_| "dist".into());
    let dist = Path::new(env!("CARGO_MANIFEST_DIR")).join(dist);
    assert!(
        dist.join("index.html").is_file(),
        "{} has no index.html: build the app first with `trunk build --release` \
         (or run `bash tools/test.sh build e2e`)",
        dist.display()
    );
    dist
}

fn http() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .proxy(None)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .into()
}

/// GET `url`: (status, content type, body).
fn get(url: &str) -> Result<(u16, String, Vec<u8>), ureq::Error> {
    let response = http().get(url).call()?;
    let status = response.status().as_u16();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = response
        .into_body()
        .with_config()
        .limit(64 * 1024 * 1024)
        .read_to_vec()?;
    Ok((status, content_type, body))
}

/// The driver for the engine `E2E_BROWSER` names; panics (the test fails) if it cannot
/// start.
fn start_driver() -> Driver {
    Driver::start(Engine::from_env()).unwrap_or_else(|e| panic!("{e}"))
}

/// A new browser session. When `E2E_EXPECT_BROWSER_VERSION` is set (`tools/test.sh`
/// sets it to the version its report names), the browser must say it is that version.
fn open(driver: &Driver) -> Session<'_> {
    open_with(driver, |_| {})
}

/// [`open`] with the session's capabilities adjusted by `change` first.
fn open_with(driver: &Driver, change: impl FnOnce(&mut serde_json::Value)) -> Session<'_> {
    let session = driver
        .new_session_with(change)
        .unwrap_or_else(|e| panic!("{e}"));
    if let Ok(expected) = std::env::var("E2E_EXPECT_BROWSER_VERSION") {
        assert_eq!(
            session.capabilities()["browserVersion"].as_str(),
            Some(expected.as_str()),
            "the {} session is not the browser version the report names; capabilities: {}",
            driver.engine().name(),
            session.capabilities()
        );
    }
    session
}

/// Serves `root` with the page probe at the start of every HTML page's `<head>`.
fn serve_with_probe(root: &Path) -> std::io::Result<StaticServer> {
    StaticServer::start_with_head(root, &format!("<script>{PROBE}</script>"))
}

/// Everything that went wrong in the page `session` shows (served by `server`, with the
/// probe), from every source the engine has, each line naming its source:
///
/// - `page probe:` what [`PROBE`] recorded in the current page (every engine): uncaught
///   exceptions and wasm traps, unhandled rejections, `console.error`, elements that
///   failed to load. A missing probe is an error too. Read it before navigating away.
/// - `server:` every request the server answered with something other than 200
///   (every engine).
/// - `console:` the browser's own console, where the engine lets us read it
///   ([`Session::browser_console`]): Chromium, every `SEVERE` entry (uncaught
///   exceptions, `console.error`, failed loads); Firefox, every `JavaScript error:`
///   in a script of the served site (uncaught exceptions and rejections), not Firefox's
///   own (`resource://`, `chrome://`); WebKit, nothing (no way to read it).
fn page_errors(session: &Session, server: &StaticServer) -> webdriver::Result<Vec<String>> {
    let mut errors = Vec::new();
    let probed = session.execute(
        "return window.__e2eProbe ? window.__e2eProbe.errors.slice() : null;",
        vec![],
    )?;
    match probed.as_array() {
        Some(list) => errors.extend(
            list.iter()
                .map(|e| format!("page probe: {}", e.as_str().unwrap_or_default())),
        ),
        None => errors.push(
            "page probe: missing (no window.__e2eProbe), so the page's errors went unseen".into(),
        ),
    }
    errors.extend(
        server
            .failures()
            .into_iter()
            // The browser's own favicon request is not the page's doing.
            .filter(|failure| !failure.ends_with(" /favicon.ico"))
            .map(|failure| format!("server: {failure}")),
    );
    let site = server.url("/");
    for entry in session.browser_console()?.unwrap_or_default() {
        let counts = entry.level == "SEVERE"
            && match session.engine() {
                Engine::Chromium => !entry.message.contains("/favicon.ico"),
                // "JavaScript error: http://127.0.0.1:PORT/x.js, line 1: ..." for the
                // site's scripts; ", line 0: ..." when there is no script to name.
                Engine::Firefox => {
                    entry.message.starts_with(&site) || entry.message.starts_with(", line")
                }
                Engine::WebKit => false,
            };
        if counts {
            errors.push(format!("console: {} {}", entry.level, entry.message));
        }
    }
    Ok(errors)
}

/// Fails the test with every page error (see [`page_errors`]) and the browser's name.
fn assert_no_page_errors(session: &Session, server: &StaticServer) {
    let errors = page_errors(session, server).unwrap_or_else(|e| panic!("{e}"));
    assert!(
        errors.is_empty(),
        "errors in the page ({}):\n  {}",
        session.browser(),
        errors.join("\n  ")
    );
}

/// Waits for the transcript's heading in a viewer whose script runs (`data-ready`: on
/// the pre-rendered pages the heading is there before the app has hydrated the page);
/// on time-out the error shows the page's errors and body.
fn wait_for_transcript<'s>(
    session: &'s Session,
    server: &StaticServer,
) -> Result<webdriver::Element<'s>, String> {
    session
        .wait_for(
            ".tv-root[data-ready] article.tv-transcript h1",
            RENDER_TIMEOUT,
        )
        .map_err(|e| {
            let body = session
                .execute("return document.body.outerHTML;", vec![])
                .unwrap_or_default();
            let errors = page_errors(session, server).unwrap_or_default();
            format!(
                "{e} ({})\npage errors: {errors:#?}\npage body:\n{}",
                session.browser(),
                body.as_str().unwrap_or_default()
            )
        })
}

#[test]
fn viewer_renders_the_reference_transcript() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;

    let heading = wait_for_transcript(&session, &server)?;
    assert_eq!(heading.text()?, "Russian-Belarusian talks");

    assert!(
        session.find(r#"time[datetime="2022-02-18"]"#)?.is_some(),
        r#"no <time datetime="2022-02-18">"#
    );

    let speakers = session
        .find_all("section.tv-turn")?
        .iter()
        .map(|turn| Ok(turn.attribute("data-speaker")?.unwrap_or_default()))
        .collect::<webdriver::Result<Vec<_>>>()?;
    assert_eq!(
        speakers,
        [
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
        ],
        "the turns' data-speaker, in order"
    );

    let names = session
        .find_all(".tv-speaker-name")?
        .iter()
        .map(|name| name.text())
        .collect::<webdriver::Result<Vec<_>>>()?;
    for expected in ["Vladimir Putin", "Alexander Lukashenko"] {
        assert!(
            names.iter().any(|name| name.contains(expected)),
            "no .tv-speaker-name shows {expected:?}; shown: {names:?}"
        );
    }

    let source = session
        .find(".tv-source")?
        .ok_or("no .tv-source in the page")?
        .text()?;
    assert!(
        source.contains("kremlin.ru"),
        ".tv-source does not credit kremlin.ru: {source:?}"
    );

    assert_no_page_errors(&session, &server);
    Ok(())
}

/// WebDriver's Enter key, and Shift (held for the rest of the keys sent).
const ENTER: &str = "\u{E007}";
const SHIFT: &str = "\u{E008}";

/// Searching with the keyboard, as a reader does (real key input through WebDriver, not
/// synthetic events): typing marks and counts the matches, Enter and Shift+Enter step
/// through them, the query goes into the URL, and that URL opens the same search.
#[test]
fn typing_a_search_marks_matches_and_the_url_keeps_it() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;
    wait_for_transcript(&session, &server)?;

    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box input.tv-search-input")?;
    input.click()?;
    input.send_keys("mr president")?;
    let status = || -> webdriver::Result<String> {
        match session.find(".tv-search-status")? {
            Some(status) => status.text(),
            None => Ok(String::new()),
        }
    };
    let first = webdriver::poll(RENDER_TIMEOUT, "the search status `1 of N`", || {
        let text = status()?;
        Ok(text.starts_with("1 of ").then_some(text))
    })?;
    let total: usize = first["1 of ".len()..].parse()?;
    assert!(
        total >= 2,
        "`mr president` matches twice or more: {first:?}"
    );
    let marks = highlighted(&session, "body")?;
    assert_eq!(marks.len(), total, "one highlight per match ({first:?})");
    for mark in &marks {
        assert_eq!(mark.to_lowercase(), "mr president");
    }
    assert_eq!(
        session.find_all("mark.tv-match")?.len(),
        1,
        "the current match is the one <mark>, the others are painted"
    );
    // The id of the paragraph (or title, summary) holding the current match.
    let current = || -> webdriver::Result<String> {
        let id = session.execute(
            "const m = document.querySelectorAll('mark.tv-current');\
             return m.length === 1 ? m[0].parentElement.id : `${m.length} current marks`;",
            vec![],
        )?;
        Ok(id.as_str().unwrap_or_default().to_owned())
    };
    let at_first = current()?;

    input.send_keys(ENTER)?;
    let second = format!("2 of {total}");
    webdriver::poll(RENDER_TIMEOUT, &format!("`{second}` after Enter"), || {
        Ok((status()? == second).then_some(()))
    })?;
    assert_ne!(current()?, at_first, "Enter moved the current match");
    input.send_keys(&format!("{SHIFT}{ENTER}"))?;
    webdriver::poll(RENDER_TIMEOUT, "`1 of N` after Shift+Enter", || {
        Ok((status()? == first).then_some(()))
    })?;
    assert_eq!(current()?, at_first, "Shift+Enter moved back");

    // The URL has the search once the typing has paused.
    webdriver::poll(RENDER_TIMEOUT, "the URL's q=mr president", || {
        let query = session.execute(
            "return new URLSearchParams(location.search).get('q');",
            vec![],
        )?;
        Ok((query.as_str() == Some("mr president")).then_some(()))
    })?;
    assert_no_page_errors(&session, &server);

    // The address opens the same search.
    let address = session.current_url()?;
    session.goto(&address)?;
    wait_for_transcript(&session, &server)?;
    webdriver::poll(RENDER_TIMEOUT, "the search from the URL", || {
        Ok((status()? == first).then_some(()))
    })?;
    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box after reload")?;
    assert_eq!(input.property("value")?, "mr president");
    assert_eq!(highlighted(&session, "body")?.len(), total);
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// The texts of the search highlights inside the element `root` (a CSS selector), in
/// document order: `<mark class="tv-match">` elements and the ranges painted in the CSS
/// Custom Highlight API's `tv-match` highlight.
fn highlighted(session: &Session, root: &str) -> webdriver::Result<Vec<String>> {
    let found = session.execute(
        "const root = document.querySelector(arguments[0]);\
         const found = [...root.querySelectorAll('mark.tv-match')].map(m => [m, 0, m.textContent]);\
         const h = window.CSS && CSS.highlights && CSS.highlights.get('tv-match');\
         for (const r of h || []) {\
           if (root.contains(r.startContainer)) {\
             found.push([r.startContainer, r.startOffset,\
               r.startContainer.textContent.slice(r.startOffset, r.endOffset)]);\
           }\
         }\
         found.sort((a, b) => a[0] === b[0] ? a[1] - b[1]\
           : (a[0].compareDocumentPosition(b[0]) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));\
         return found.map(f => f[2]);",
        vec![serde_json::json!(root)],
    )?;
    serde_json::from_value(found.clone())
        .map_err(|e| webdriver::Error::Protocol(format!("highlights {found}: {e}")))
}

/// WebDriver's Escape key.
const ESCAPE: &str = "\u{E00C}";

/// Clicks `element` once a reader could: scrolled to the middle of the window and not
/// covered by anything (the sticky search bar) and not moving (a page still smooth-scrolling
/// to the current match), waiting for that as Playwright's actionability checks do.
fn click_in_view(session: &Session, element: &webdriver::Element) -> webdriver::Result<()> {
    webdriver::poll(
        RENDER_TIMEOUT,
        "the element to be uncovered in view",
        || {
            let uncovered = session.execute(
                "const e = arguments[0];\
             e.scrollIntoView({block: 'center', inline: 'nearest'});\
             const top = () => e.getBoundingClientRect().top;\
             return new Promise(done => setTimeout(() => {\
               const before = top();\
               setTimeout(() => {\
                 const r = e.getBoundingClientRect();\
                 const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);\
                 done(r.top === before && hit !== null && (hit === e || e.contains(hit)));\
               }, 250);\
             }, 50));",
                vec![element.as_arg()],
            )?;
            Ok((uncovered == serde_json::Value::Bool(true)).then_some(()))
        },
    )?;
    element.click()
}

/// The filter as a reader uses it (the issue's acceptance case): with `mr president`
/// searched, switching Alexander Lukashenko off leaves the three Putin turns, two
/// hidden-turn markers and `1 of 1`; the copied address reopens exactly that view; a
/// marker reveals its turn; `in person` finds the one place the source joins with a
/// no-break space; Esc clears the search.
#[test]
fn speaker_filter_and_copied_url_reopen_the_same_view() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;
    wait_for_transcript(&session, &server)?;
    let text_of = |css: &str| -> webdriver::Result<String> {
        match session.find(css)? {
            Some(e) => e.text(),
            None => Ok(String::new()),
        }
    };
    let wait_status = |want: &str| {
        webdriver::poll(RENDER_TIMEOUT, &format!("search status {want:?}"), || {
            Ok((text_of(".tv-search-status")? == want).then_some(()))
        })
    };
    let count = |css: &str| -> webdriver::Result<usize> { Ok(session.find_all(css)?.len()) };
    let lukashenko = r#"li[data-speaker="alexander-lukashenko"] button.tv-speaker-toggle"#;

    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box")?;
    input.click()?;
    input.send_keys("mr president")?;
    wait_status("1 of 2")?;

    // The speaker panel opens from its button, which says what the filter shows.
    let panel_button = "button.tv-speakers-toggle";
    let click = |css: &str| -> Result<(), Box<dyn std::error::Error>> {
        Ok(click_in_view(
            &session,
            &session.find(css)?.ok_or(format!("no {css}"))?,
        )?)
    };
    assert_eq!(text_of(panel_button)?, "All 2 speakers");
    assert!(
        !session.find(lukashenko)?.ok_or("no toggle")?.displayed()?,
        "the speaker panel shows before it is opened"
    );
    click(panel_button)?;
    click(lukashenko)?;
    wait_status("1 of 1")?;
    assert_eq!(text_of(panel_button)?, "1 of 2 speakers");
    let shown: Vec<String> = session
        .find_all("section.tv-turn:not([hidden])")?
        .iter()
        .map(|t| Ok(t.attribute("data-speaker")?.unwrap_or_default()))
        .collect::<webdriver::Result<_>>()?;
    assert_eq!(
        shown, ["vladimir-putin"; 3],
        "turns shown with Lukashenko off"
    );
    assert_eq!(count("button.tv-hidden-marker")?, 2, "hidden-turn markers");
    assert_eq!(
        text_of("button.tv-hidden-marker")?,
        "1 turn by Alexander Lukashenko hidden"
    );
    assert_eq!(text_of(".tv-shown")?, "Showing 3 of 5 turns");
    assert_eq!(
        session
            .find(lukashenko)?
            .ok_or("toggle gone")?
            .attribute("aria-pressed")?
            .as_deref(),
        Some("false")
    );
    // The URL follows once the toggle's frame is painted.
    webdriver::poll(RENDER_TIMEOUT, "q= and hide= in the URL", || {
        let params = session.execute(
            "const p = new URLSearchParams(location.search); return [p.get('q'), p.get('hide')];",
            vec![],
        )?;
        Ok((params == serde_json::json!(["mr president", "alexander-lukashenko"])).then_some(()))
    })?;
    assert_no_page_errors(&session, &server);

    // The copied address reopens the same view, in a fresh page load.
    let address = session.current_url()?;
    session.goto(&server.url("/"))?;
    wait_for_transcript(&session, &server)?;
    session.goto(&address)?;
    wait_for_transcript(&session, &server)?;
    wait_status("1 of 1")?;
    assert_eq!(count("section.tv-turn:not([hidden])")?, 3);
    assert_eq!(count("button.tv-hidden-marker")?, 2);
    // The reopened filter is summarised with the panel closed.
    assert_eq!(text_of(panel_button)?, "1 of 2 speakers");
    // The hidden turns stay in the page, `hidden`, and take no room.
    assert_eq!(count("section.tv-turn[hidden]")?, 2);
    let boxes = session.execute(
        "return [...document.querySelectorAll('section.tv-turn[hidden]')]\
           .filter((e) => e.getClientRects().length > 0).length;",
        vec![],
    )?;
    assert_eq!(boxes.as_u64(), Some(0), "hidden turns with boxes");
    assert_eq!(count("mark.tv-match")?, 1);

    // A marker reveals the turn it stands for; its match counts again.
    click_in_view(
        &session,
        &session
            .find("button.tv-hidden-marker")?
            .ok_or("no marker after reload")?,
    )?;
    wait_status("1 of 2")?;
    assert_eq!(count("section.tv-turn:not([hidden])")?, 4);
    assert_eq!(count("button.tv-hidden-marker")?, 1);

    // Show all, then the no-break space: `in person` is `in\u{a0}person` in the source.
    click(panel_button)?;
    click("button.tv-show-all")?;
    webdriver::poll(RENDER_TIMEOUT, "all five turns", || {
        Ok((count("section.tv-turn:not([hidden])")? == 5).then_some(()))
    })?;
    assert_eq!(text_of(panel_button)?, "All 2 speakers");
    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box")?;
    click_in_view(&session, &input)?;
    input.send_keys(ESCAPE)?;
    wait_status("")?;
    assert_eq!(
        highlighted(&session, "body")?.len(),
        0,
        "Esc clears the highlights"
    );
    input.send_keys("in person")?;
    wait_status("1 of 1")?;
    let mark = session.execute(
        "const m = document.querySelectorAll('mark.tv-match');\
         return [m.length, m[0].textContent, m[0].parentElement.id];",
        vec![],
    )?;
    assert_eq!(mark, serde_json::json!([1, "in\u{a0}person", "t1-p3"]));
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// The host page's styles that the viewers must leave alone, as `www/embed-host.css`
/// sets them: `[selector, property, value]`.
const HOST_STYLES: &[[&str; 3]] = &[
    ["html", "font-size", "24px"],
    ["body", "font-family", "Georgia"],
    ["body", "line-height", "36px"],
    ["#host-intro", "font-size", "24px"],
    ["#host-intro", "box-sizing", "content-box"],
    ["#host-intro", "margin-bottom", "24px"],
    ["#host-intro mark", "background-color", "rgb(255, 105, 180)"],
    [".host-main", "box-sizing", "content-box"],
];

/// The host's computed styles for [`HOST_STYLES`], each as `selector property: value`
/// (a `font-family` cut to its first family).
fn host_styles(session: &Session) -> webdriver::Result<Vec<String>> {
    let styles = session.execute(
        "return arguments[0].map(([sel, prop]) => {\
           const v = getComputedStyle(document.querySelector(sel)).getPropertyValue(prop);\
           const first = prop === 'font-family' ? v.split(',')[0].replace(/\"/g, '') : v;\
           return sel + ' ' + prop + ': ' + first.trim();\
         });",
        vec![serde_json::json!(HOST_STYLES
            .iter()
            .map(|[sel, prop, _]| [sel, prop])
            .collect::<Vec<_>>())],
    )?;
    Ok(styles
        .as_array()
        .map(|list| {
            list.iter()
                .map(|v| v.as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default())
}

/// The demo host page (`embed.html`): a `<transcript-viewer>` element and a viewer
/// mounted from the host's script with inline data both render; searching in one leaves
/// the other alone; no id is used twice; the host's styles are what its stylesheet says;
/// `destroy()` and removing the element empty the viewers, and later key, popstate and
/// hashchange events throw nothing.
#[test]
fn embedded_viewers_are_independent_and_leave_the_host_alone() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/embed.html"))?;
    let expected: Vec<String> = HOST_STYLES
        .iter()
        .map(|[sel, prop, value]| format!("{sel} {prop}: {value}"))
        .collect();
    assert_eq!(
        host_styles(&session)?,
        expected,
        "the host's styles, before"
    );

    let headings = "#viewer-element article.tv-transcript h1, \
                    #viewer-mounted article.tv-transcript h1";
    webdriver::poll(RENDER_TIMEOUT, "both embedded viewers' headings", || {
        Ok((session.find_all(headings)?.len() == 2).then_some(()))
    })
    .map_err(|e| {
        let errors = page_errors(&session, &server).unwrap_or_default();
        format!("{e} ({})\npage errors: {errors:#?}", session.browser())
    })?;
    assert_eq!(host_styles(&session)?, expected, "the host's styles, after");

    let duplicates = session.execute(
        "const seen = new Set(), twice = [];\
         for (const e of document.querySelectorAll('[id]')) {\
           if (seen.has(e.id)) twice.push(e.id); seen.add(e.id);\
         }\
         return twice;",
        vec![],
    )?;
    assert_eq!(
        duplicates,
        serde_json::json!([]),
        "ids used twice in the page"
    );

    let input = session
        .find("#viewer-element input.tv-search-input")?
        .ok_or("no search box in the <transcript-viewer>")?;
    input.click()?;
    input.send_keys("president")?;
    webdriver::poll(RENDER_TIMEOUT, "matches in the first viewer", || {
        Ok((!session
            .find_all("#viewer-element mark.tv-match")?
            .is_empty())
        .then_some(()))
    })?;
    assert!(
        highlighted(&session, "#viewer-mounted")?.is_empty(),
        "searching in the first viewer marked text in the second"
    );
    let second_query = session
        .find("#viewer-mounted input.tv-search-input")?
        .ok_or("no search box in the mounted viewer")?
        .property("value")?;
    assert_eq!(second_query, "", "the second viewer's search box");
    let mark_colour = session.execute(
        "return getComputedStyle(document.querySelector('#viewer-element mark.tv-match'))\
           .backgroundColor;",
        vec![],
    )?;
    assert_ne!(
        mark_colour,
        serde_json::json!("rgb(255, 105, 180)"),
        "the viewer's highlights took the host's `mark` colour"
    );
    let root_box = session.execute(
        "return getComputedStyle(document.querySelector('#viewer-element .tv-root')).boxSizing;",
        vec![],
    )?;
    assert_eq!(
        root_box,
        serde_json::json!("border-box"),
        ".tv-root box-sizing"
    );
    assert_eq!(
        host_styles(&session)?,
        expected,
        "the host's styles, after a search"
    );
    assert!(
        session.current_url()?.ends_with("/embed.html"),
        "an embedded viewer changed the host's URL: {}",
        session.current_url()?
    );

    let left = session.execute(
        "window.hostViewer.destroy();\
         window.hostViewer.destroy();\
         document.getElementById('viewer-element').remove();\
         dispatchEvent(new PopStateEvent('popstate'));\
         dispatchEvent(new HashChangeEvent('hashchange'));\
         document.body.dispatchEvent(new KeyboardEvent('keydown', {key: 'Enter', bubbles: true}));\
         return [document.getElementById('viewer-mounted').childElementCount,\
                 document.querySelectorAll('.tv-root').length];",
        vec![],
    )?;
    assert_eq!(left, serde_json::json!([0, 0]), "what destroy() left");
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// The site built with `trunk build --release --public-url /talks/` into
/// `target/dist-subpath/talks` (or `$E2E_SUBPATH_ROOT/talks`; `tools/test.sh` builds it)
/// and served under `/talks/`: the app (on the home page and a transcript's page, whose
/// links stay under `/talks/`) and the embedding page load everything they need from
/// under `/talks/`.
#[test]
fn the_site_works_under_a_sub_path() -> TestResult {
    let root = std::env::var("E2E_SUBPATH_ROOT").unwrap_or_else(|_| "target/dist-subpath".into());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(root);
    assert!(
        root.join("talks/index.html").is_file(),
        "{} has no talks/index.html: build it with `trunk build --release --public-url \
         /talks/ --dist target/dist-subpath/talks` (or `bash tools/test.sh build e2e`)",
        root.display()
    );
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/talks/"))?;
    let heading = wait_for_transcript(&session, &server)?;
    assert_eq!(heading.text()?, "Russian-Belarusian talks");
    assert_no_page_errors(&session, &server);

    let page = "/talks/demo-press-briefing-2024-05-06/";
    session.goto(&server.url(page))?;
    let heading = wait_for_transcript(&session, &server)?;
    assert!(heading.text()?.starts_with("Demo press briefing"));
    let links = session.execute(
        "return [...document.querySelectorAll('nav.tv-catalog a, a.tv-skip-link')]\
           .map((a) => new URL(a.href).pathname + new URL(a.href).hash);",
        vec![],
    )?;
    assert_eq!(
        links,
        serde_json::json!([
            "/talks/demo-press-briefing-2024-05-06/#title",
            format!("/talks/{REFERENCE_ID}/"),
            "/talks/demo-press-briefing-2024-05-06/",
            "/talks/press-conference-2021-12-23-ru/",
            "/talks/search/",
        ])
    );
    assert_no_page_errors(&session, &server);

    session.goto(&server.url("/talks/embed.html"))?;
    webdriver::poll(
        RENDER_TIMEOUT,
        "both embedded viewers under /talks/",
        || Ok((session.find_all(".tv-root article.tv-transcript h1")?.len() == 2).then_some(())),
    )
    .map_err(|e| {
        let errors = page_errors(&session, &server).unwrap_or_default();
        format!("{e} ({})\npage errors: {errors:#?}", session.browser())
    })?;
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// The error check is not blind: a page that goes wrong in each way it knows of is
/// reported, by each source this engine has.
#[test]
fn error_check_sees_every_kind_of_page_error() -> TestResult {
    let root = webdriver::fresh_dir("e2e-errors")?;
    std::fs::write(root.join("index.html"), ERRORS_PAGE)?;
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;

    // Every error the page makes, by the probe and the server (every engine).
    let probe_and_server = [
        "page probe: console.error: e2e console.error",
        "page probe: unhandled rejection: Error: e2e rejection",
        "page probe: uncaught: ",
        "e2e uncaught",
        "page probe: failed to load: <img> ",
        "missing.png",
        "server: 404 GET /missing.png",
        "page probe: CSP violation: style-src-attr blocked inline",
        "page probe: CSP violation: script-src blocked eval",
    ];
    // A trap is "unreachable" (Chromium), "unreachable executed" (Firefox),
    // "Unreachable code should not be executed" (WebKit).
    let trap = "nreachable";
    // What the engine's own console shows (where there is one).
    let console: &[&str] = match driver.engine() {
        Engine::Chromium => &["e2e uncaught", "e2e console.error", "missing.png"],
        Engine::Firefox => &["e2e uncaught", "e2e rejection"],
        Engine::WebKit => &[],
    };
    let mut seen = Vec::new();
    let complete = webdriver::poll(REPORT_TIMEOUT, "every error to be reported", || {
        seen.extend(page_errors(&session, &server)?);
        let all = seen.join("\n");
        let lines_with = |prefix: &str, needle: &str| {
            seen.iter()
                .any(|line| line.starts_with(prefix) && line.contains(needle))
        };
        let done = probe_and_server.iter().all(|needle| all.contains(needle))
            && lines_with("page probe: uncaught", trap)
            && console.iter().all(|needle| lines_with("console: ", needle));
        Ok(done.then_some(()))
    });
    seen.sort();
    seen.dedup();
    complete.unwrap_or_else(|e| {
        panic!(
            "{e}: {} reported only:\n  {}",
            session.browser(),
            seen.join("\n  ")
        )
    });
    // WebKit: no console to read; the probe and the server are all there is.
    assert_eq!(
        session.browser_console()?.is_some(),
        driver.engine().console_source().is_some()
    );

    drop(session);
    drop(server);
    std::fs::remove_dir_all(root)?;
    Ok(())
}

/// A page with one of each error [`page_errors`] knows of. The wasm module is
/// `(module (func (export "trap") unreachable))`. Its Content-Security-Policy is the
/// site's, but for the inline script that makes the errors; it breaks it twice: an inline
/// style attribute and `new Function` (eval).
const ERRORS_PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy"
      content="default-src 'self'; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'; style-src 'self'" />
    <title>e2e errors</title>
  </head>
  <body>
    <p style="color: red">This page goes wrong on purpose.</p>
    <img src="missing.png" alt="" />
    <script>
      try { new Function("return 1")(); } catch (e) { /* the violation is what counts */ }
      console.error("e2e console.error");
      Promise.reject(new Error("e2e rejection"));
      setTimeout(function () { throw new Error("e2e uncaught"); }, 0);
      var bytes = new Uint8Array([
        0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,
        0x03, 0x02, 0x01, 0x00,
        0x07, 0x08, 0x01, 0x04, 0x74, 0x72, 0x61, 0x70, 0x00, 0x00,
        0x0a, 0x05, 0x01, 0x03, 0x00, 0x00, 0x0b,
      ]);
      var module = new WebAssembly.Module(bytes);
      setTimeout(new WebAssembly.Instance(module).exports.trap, 0);
    </script>
  </body>
</html>
"#;
