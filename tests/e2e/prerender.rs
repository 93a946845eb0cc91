//! The pre-rendered pages in the browser `E2E_BROWSER` names: with scripts disabled
//! every page shows its whole transcript, without the controls that need a script; with
//! them, the app hydrates the page (the same nodes, nothing twice, the scroll position
//! and the focus kept, no errors); a long page hydrates its first turns and wakes the
//! others in steps, working meanwhile; old `?t=<id>` addresses lead to the transcript's
//! page; and `mount(…, { hydrate: true })` takes over a host page's pre-rendered viewer.

use super::{
    assert_no_page_errors, click_in_view, dist_dir, open, open_with, serve_with_probe,
    start_driver, wait_for_transcript, TestResult, REFERENCE_ID, RENDER_TIMEOUT,
};
use crate::server::StaticServer;
use crate::webdriver::{self, Session};
use serde_json::{json, Value};
use std::path::Path;
use transcript_viewer::components::parse_catalog;
use transcript_viewer::model::{Catalog, Transcript};
use transcript_viewer::settings::STORAGE_KEY;

/// The second bundled transcript (the demo press briefing).
const DEMO_ID: &str = "demo-press-briefing-2024-05-06";

fn catalog(dist: &Path) -> Result<Catalog, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(dist.join("transcripts/index.json"))?;
    Ok(parse_catalog(&text).map_err(|e| e.to_string())?)
}

fn transcript(dist: &Path, id: &str) -> Result<Transcript, Box<dyn std::error::Error>> {
    let text = std::fs::read_to_string(dist.join(format!("transcripts/{id}.json")))?;
    Ok(Transcript::from_json(&text)?)
}

/// Text as a reader sees it, for comparing: runs of white space (no-break spaces too)
/// as one space, trimmed.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn texts(session: &Session, css: &str) -> webdriver::Result<Vec<String>> {
    session
        .find_all(css)?
        .iter()
        .map(|e| Ok(words(&e.text()?)))
        .collect()
}

/// The page shows all of `t`, in order: title, date, summary, every turn with its
/// speaker and paragraphs, the source. Only WebDriver's element commands, no script.
fn assert_shows_transcript(session: &Session, t: &Transcript) -> TestResult {
    let at = session.current_url()?;
    assert_eq!(
        texts(session, "h1")?,
        [words(&t.title)],
        "the heading ({at})"
    );
    if let Some(date) = &t.date {
        let css = format!("article.tv-transcript time[datetime=\"{date}\"]");
        assert!(session.find(&css)?.is_some(), "no {css} ({at})");
    }
    let summary: Vec<String> = t.summary.iter().map(|p| words(p)).collect();
    assert_eq!(
        texts(session, ".tv-summary p")?,
        summary,
        "the summary ({at})"
    );
    let turns = session.find_all("section.tv-turn")?;
    assert_eq!(turns.len(), t.turns.len(), "the turns ({at})");
    for (turn, section) in t.turns.iter().zip(&turns) {
        assert_eq!(section.attribute("id")?.as_deref(), Some(turn.id.as_str()));
        if let Some(id) = &turn.speaker {
            let name = &t.speaker(id).ok_or("unknown speaker")?.name;
            let shown = texts(session, &format!("#{}-speaker .tv-speaker-name", turn.id))?;
            assert_eq!(shown, [words(name)], "{}'s speaker ({at})", turn.id);
        }
        let paragraphs: Vec<String> = turn.paragraphs.iter().map(|p| words(p)).collect();
        let shown = texts(session, &format!("#{} > p", turn.id))?;
        assert_eq!(shown, paragraphs, "{}'s paragraphs ({at})", turn.id);
    }
    if let Some(credit) = &t.source.credit {
        let source = texts(session, ".tv-source")?.join(" ");
        assert!(
            source.contains(&words(credit)),
            "the source: {source:?} ({at})"
        );
    }
    Ok(())
}

/// With scripts disabled: every transcript's page and the home page show the whole
/// transcript; the controls that need a script are not shown (the settings, the search,
/// the speaker filter, the turns' link buttons) but the notice saying so is; the
/// catalog's links and the skip link work.
#[test]
fn every_page_reads_whole_without_javascript() -> TestResult {
    let dist = dist_dir();
    let catalog = catalog(&dist)?;
    // No page probe: it is a script, and none runs.
    let server = StaticServer::start(&dist)?;
    let driver = start_driver();
    let session = open_with(&driver, |c| driver.engine().disable_javascript(c));

    for entry in &catalog.transcripts {
        session.goto(&server.url(&format!("/{}/", entry.id)))?;
        assert_shows_transcript(&session, &transcript(&dist, &entry.id)?)?;
    }
    session.goto(&server.url("/"))?;
    let default = transcript(&dist, &catalog.transcripts[0].id)?;
    assert_shows_transcript(&session, &default)?;

    // No script ran: the viewer never became ready, and <noscript> content shows.
    assert!(
        session.find(".tv-root[data-ready]")?.is_none(),
        "a script ran ({})",
        session.browser()
    );
    let notice = session.find(".tv-noscript")?.ok_or("no .tv-noscript")?;
    assert!(notice.displayed()?, "the <noscript> notice is not shown");
    for css in [
        ".tv-settings",
        ".tv-search",
        ".tv-speakers",
        ".tv-turn-link",
    ] {
        let found = session.find_all(css)?;
        assert!(!found.is_empty(), "the page has no {css}");
        for element in &found {
            assert!(!element.displayed()?, "{css} is shown without JavaScript");
        }
    }

    // The catalog leads to the other transcript's page, where the skip link stays. Its
    // list is a `<details>`: it opens without JavaScript.
    let catalog = session
        .find("nav.tv-catalog summary.tv-catalog-toggle")?
        .ok_or("no catalog button")?;
    assert!(
        catalog.displayed()?,
        "the catalog's button is hidden without JavaScript"
    );
    catalog.click()?;
    let link = session
        .find(&format!("nav.tv-catalog a[href=\"{DEMO_ID}/\"]"))?
        .ok_or("no catalog link to the demo transcript")?;
    link.click()?;
    webdriver::poll(RENDER_TIMEOUT, "the demo transcript's page", || {
        Ok(session
            .current_url()?
            .ends_with(&format!("/{DEMO_ID}/"))
            .then_some(()))
    })?;
    assert_shows_transcript(&session, &transcript(&dist, DEMO_ID)?)?;
    let skip = session
        .find("a.tv-skip-link")?
        .ok_or("no skip link")?
        .property("href")?;
    assert_eq!(
        skip,
        format!("{}#title", session.current_url()?),
        "the skip link leads off the page"
    );

    let failures: Vec<String> = server
        .failures()
        .into_iter()
        .filter(|f| !f.ends_with(" /favicon.ico"))
        .collect();
    assert_eq!(failures, Vec::<String>::new(), "requests that failed");
    Ok(())
}

/// Waits until the layout has settled: the first turn's position the same over three
/// frames (at most 60). Turns are `content-visibility: auto`, so their sizes become
/// known as frames render them.
const SETTLED: &str = "await new Promise((done) => {
      let last = null, same = 0, frames = 0;
      const frame = () => {
        const top = document.querySelector('section.tv-turn').getBoundingClientRect().top;
        same = top === last ? same + 1 : 0;
        last = top;
        if (same >= 3 || ++frames > 60) done(); else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });";

/// What the page looks like before the Wasm runs: the script keeps references to the
/// nodes (in `window.__before`), focuses the third turn's link button, scrolls down.
const BEFORE: &str = "
    const turns = [...document.querySelectorAll('section.tv-turn')];
    turns[2].querySelector('.tv-turn-link').focus({ preventScroll: true });
    window.scrollTo(0, 400);
    SETTLED
    const b = window.__before = {
      h1: document.querySelector('h1'),
      turns,
      focused: document.activeElement,
      scrollY: window.scrollY,
      top: turns[0].getBoundingClientRect().top,
    };
    return {
      h1s: document.querySelectorAll('h1').length,
      turns: turns.length,
      scheme: document.querySelector('.tv-root').dataset.scheme,
      focused: b.focused.className,
      scrollY: b.scrollY,
      ready: document.querySelector('.tv-root[data-ready]') !== null,
    };";

/// The same, after: whether the nodes are the ones from before.
const AFTER: &str = "
    SETTLED
    const b = window.__before;
    const turns = [...document.querySelectorAll('section.tv-turn')];
    const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);
    return {
      h1s: document.querySelectorAll('h1').length,
      sameH1: document.querySelector('h1') === b.h1,
      turns: turns.length,
      sameTurns: turns.every((t, i) => t === b.turns[i]),
      roots: document.querySelectorAll('.tv-root').length,
      twice: ids.filter((id, i) => ids.indexOf(id) !== i),
      focusKept: document.activeElement === b.focused,
      scrollY: window.scrollY,
      moved: Math.abs(b.turns[0].getBoundingClientRect().top - b.top),
      scheme: document.querySelector('.tv-root').dataset.scheme,
      stored: localStorage.getItem(arguments[0]),
    };";

/// `script` run as an async function (WebDriver waits for its promise) with [`SETTLED`].
fn settled(script: &str) -> String {
    format!(
        "return (async () => {{ {} }})();",
        script.replace("SETTLED", SETTLED)
    )
}

/// The Wasm held back by the server until the static page is looked at: then the app
/// hydrates it without replacing or duplicating a node, moving anything, losing the
/// reader's scroll position or focus, or any error; the reader's stored colours apply
/// (and stay stored as they were); and the page works (a search marks its matches).
#[test]
fn hydration_keeps_the_rendered_page() -> TestResult {
    let dist = dist_dir();
    let t = transcript(&dist, REFERENCE_ID)?;
    let server = serve_with_probe(&dist)?;
    let wasm = server.hold("/transcript-viewer_bg.wasm");
    let driver = start_driver();
    // Navigation returns at once: the page's load waits for the held Wasm.
    let session = open_with(&driver, |c| c["pageLoadStrategy"] = "none".into());
    // A returning reader's colours, stored from another document of the site.
    session.goto(&server.url("/noscript.css"))?;
    let stored = r#"{"scheme":"white-on-black"}"#;
    webdriver::poll(RENDER_TIMEOUT, "the settings stored", || {
        let done = session.execute(
            "if (location.pathname !== '/noscript.css') return false;\
             localStorage.setItem(arguments[0], arguments[1]); return true;",
            vec![json!(STORAGE_KEY), json!(stored)],
        )?;
        Ok((done == json!(true)).then_some(()))
    })?;
    session.goto(&server.url(&format!("/{REFERENCE_ID}/")))?;
    assert!(
        wasm.wait_for_request(RENDER_TIMEOUT),
        "the page never asked for the Wasm"
    );
    webdriver::poll(RENDER_TIMEOUT, "the page to be parsed", || {
        let state = session.execute(
            "return location.pathname.length > 1 ? document.readyState : 'loading';",
            vec![],
        )?;
        Ok((state != json!("loading")).then_some(()))
    })?;
    let before = session.execute(&settled(BEFORE), vec![])?;
    assert_eq!(
        (
            &before["h1s"],
            &before["turns"],
            &before["ready"],
            &before["scheme"]
        ),
        (
            &json!(1),
            &json!(t.turns.len()),
            &json!(false),
            &json!("system")
        ),
        "the static page: {before}"
    );
    assert_eq!(before["focused"], json!("tv-turn-link"), "{before}");
    assert!(
        before["scrollY"].as_f64().unwrap_or(0.0) > 100.0,
        "the page did not scroll: {before}"
    );

    wasm.release();
    session
        .wait_for(".tv-root[data-ready]", RENDER_TIMEOUT)
        .map_err(|e| format!("{e}: the app did not hydrate the page"))?;
    let after = session.execute(&settled(AFTER), vec![json!(STORAGE_KEY)])?;
    assert_eq!(
        after,
        json!({
            "h1s": 1, "sameH1": true, "turns": t.turns.len(), "sameTurns": true, "roots": 1,
            "twice": [], "focusKept": true, "scrollY": before["scrollY"], "moved": 0,
            "scheme": "white-on-black", "stored": stored,
        }),
        "after hydration ({})",
        session.browser()
    );
    assert_no_page_errors(&session, &server);

    // It works: a search marks its matches.
    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box")?;
    click_in_view(&session, &input)?;
    input.send_keys("president")?;
    webdriver::poll(RENDER_TIMEOUT, "marks after a search", || {
        Ok((!session.find_all("mark.tv-match")?.is_empty()).then_some(()))
    })?;
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// The catalog's old links, `?t=<id>` on the home page, lead to the transcript's page,
/// keeping the rest of the address; the catalog links to the pages.
#[test]
fn old_addresses_lead_to_the_transcripts_page() -> TestResult {
    let dist = dist_dir();
    let server = serve_with_probe(&dist)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url(&format!("/?t={DEMO_ID}&q=library#t2")))?;
    let want = format!("/{DEMO_ID}/?q=library#t2");
    webdriver::poll(RENDER_TIMEOUT, &format!("the address {want}"), || {
        Ok(session.current_url()?.ends_with(&want).then_some(()))
    })?;
    let heading = wait_for_transcript(&session, &server)?;
    assert_eq!(
        words(&heading.text()?),
        words(&transcript(&dist, DEMO_ID)?.title)
    );
    webdriver::poll(RENDER_TIMEOUT, "the search from the address", || {
        Ok((!session.find_all("mark.tv-match")?.is_empty()).then_some(()))
    })?;
    let links = session.execute(
        "return [...document.querySelectorAll('nav.tv-catalog a')]\
           .map((a) => [a.getAttribute('href'), a.getAttribute('aria-current')]);",
        vec![],
    )?;
    assert_eq!(
        links,
        json!([
            [format!("{REFERENCE_ID}/"), null],
            [format!("{DEMO_ID}/"), "page"],
            ["press-conference-2021-12-23-ru/", null],
            ["search/", null]
        ])
    );
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// A host page holding three viewers rendered by `render_embedded` (what `render-pages
/// embed` prints): two its script hands to `mount(…, { hydrate: true })`, one with
/// `data`, one with `src`, and a `<transcript-viewer hydrate>` element. All are hydrated
/// (the same nodes, each id once, working); `hydrate` without pre-rendered markup, or
/// with a search, is refused by name.
#[test]
fn mount_hydrates_a_host_pages_markup() -> TestResult {
    let dist = dist_dir();
    let root = webdriver::fresh_dir("e2e-hydrate-host")?;
    for file in [
        "transcript-viewer.js",
        "transcript-viewer_bg.wasm",
        "transcript-viewer-element.js",
        "viewer.css",
    ] {
        std::fs::copy(dist.join(file), root.join(file))?;
    }
    crate::hostile::copy_dir(&dist.join("snippets"), &root.join("snippets"))?;
    std::fs::create_dir(root.join("transcripts"))?;
    let json = format!("transcripts/{DEMO_ID}.json");
    std::fs::copy(dist.join(&json), root.join(&json))?;
    let t = transcript(&dist, DEMO_ID)?;
    let one = transcript_viewer::page::render_embedded(t.clone(), "one-", true)?;
    let two = transcript_viewer::page::render_embedded(t.clone(), "two-", false)?;
    let three = transcript_viewer::page::render_embedded(t.clone(), "three-", true)?;
    std::fs::write(
        root.join("host.html"),
        HOST_PAGE
            .replace("{ONE}", &one)
            .replace("{TWO}", &two)
            .replace("{THREE}", &three)
            .replace("{JSON}", &json),
    )?;
    let server = serve_with_probe(&root)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/host.html"))?;
    webdriver::poll(RENDER_TIMEOUT, "the three viewers hydrated", || {
        let ready = session.find_all(
            "#one > .tv-root[data-ready], #two > .tv-root[data-ready], \
             #three > .tv-root[data-ready]",
        )?;
        Ok((ready.len() == 3).then_some(()))
    })
    .map_err(|e| {
        let errors = super::page_errors(&session, &server).unwrap_or_default();
        format!("{e} ({})\npage errors: {errors:#?}", session.browser())
    })?;
    let state = session.execute(
        "const ids = [...document.querySelectorAll('[id]')].map((e) => e.id);\
         const same = (name) => {\
           const b = window.__before[name], el = document.getElementById(name);\
           const turns = [...el.querySelectorAll('section.tv-turn')];\
           return el.querySelector('.tv-root') === b.root && el.querySelector('h1') === b.h1\
             && turns.length === b.turns.length && turns.every((t, i) => t === b.turns[i]);\
         };\
         return {\
           one: same('one'), two: same('two'), three: same('three'),\
           roots: document.querySelectorAll('.tv-root').length,\
           turns: document.querySelectorAll('#one section.tv-turn').length,\
           settings: document.querySelectorAll('.tv-settings').length,\
           twice: ids.filter((id, i) => ids.indexOf(id) !== i),\
           errors: window.__errors,\
         };",
        vec![],
    )?;
    assert_eq!(
        state,
        json!({
            "one": true, "two": true, "three": true, "roots": 3, "turns": t.turns.len(),
            "settings": 2,
            "twice": [],
            "errors": [
                "empty: transcript-viewer: options.hydrate needs the element to hold a \
                 pre-rendered viewer (`render-pages embed`)",
                "query: transcript-viewer: options.query cannot be used with hydrate (it \
                 would change the pre-rendered markup)",
            ],
        }),
        "{}",
        session.browser()
    );
    let input = session
        .find("#two input.tv-search-input")?
        .ok_or("no search box in #two")?;
    click_in_view(&session, &input)?;
    input.send_keys("library")?;
    webdriver::poll(RENDER_TIMEOUT, "marks in the second viewer", || {
        Ok((!session.find_all("#two mark.tv-match")?.is_empty()).then_some(()))
    })?;
    assert!(session.find_all("#one mark.tv-match")?.is_empty());
    assert_no_page_errors(&session, &server);

    let left: Value = session.execute(
        "window.__one.destroy(); window.__two.destroy();\
         document.getElementById('three').remove();\
         return document.querySelectorAll('.tv-root').length;",
        vec![],
    )?;
    assert_eq!(left, json!(0), "what destroy() left");
    drop(session);
    drop(server);
    std::fs::remove_dir_all(root)?;
    Ok(())
}

/// The host page of [`mount_hydrates_a_host_pages_markup`]: `{ONE}` and `{TWO}` are the
/// pre-rendered viewers, `{JSON}` the transcript's address.
const HOST_PAGE: &str = r#"<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>A host page with pre-rendered viewers</title>
    <link rel="stylesheet" href="viewer.css" />
  </head>
  <body>
    <h2>The host's own heading</h2>
    <div id="one">{ONE}</div>
    <div id="two">{TWO}</div>
    <div id="empty"></div>
    <transcript-viewer id="three" src="{JSON}" id-prefix="three-" hydrate>{THREE}</transcript-viewer>
    <script type="module">
      const nodes = (id) => {
        const el = document.getElementById(id);
        return {
          root: el.querySelector(".tv-root"),
          h1: el.querySelector("h1"),
          turns: [...el.querySelectorAll("section.tv-turn")],
        };
      };
      window.__before = { one: nodes("one"), two: nodes("two"), three: nodes("three") };
      const { ready, mount } = await import("./transcript-viewer-element.js");
      await ready;
      const data = await (await fetch("{JSON}")).json();
      const el = (id) => document.getElementById(id);
      window.__one = mount(el("one"), { data, idPrefix: "one-", hydrate: true });
      window.__two = mount(el("two"), {
        src: "{JSON}", idPrefix: "two-", showSettings: false, hydrate: true,
      });
      window.__errors = [];
      for (const [name, id, options] of [
        ["empty", "empty", { data, hydrate: true }],
        ["query", "one", { data, hydrate: true, query: "library" }],
      ]) {
        try {
          mount(el(id), options);
          window.__errors.push(`${name}: no error`);
        } catch (e) {
          window.__errors.push(`${name}: ${e.message}`);
        }
      }
    </script>
  </body>
</html>
"#;

/// A copy of `dist/` with one more page, `/long/`: the reference transcript's turns over
/// and over, `turns` of them (each with an id of its own), rendered by the library's
/// `render_site` as `render-pages` renders the site.
fn site_with_long_page(turns: usize) -> Result<std::path::PathBuf, Box<dyn std::error::Error>> {
    let dist = dist_dir();
    let root = webdriver::fresh_dir("e2e-long")?;
    crate::hostile::copy_dir(&dist, &root)?;
    let reference = transcript(&dist, REFERENCE_ID)?;
    let mut long = reference.clone();
    long.turns = (0..turns)
        .map(|i| {
            let mut turn = reference.turns[i % reference.turns.len()].clone();
            turn.id = format!("t{}", i + 1);
            turn
        })
        .collect();
    std::fs::write(root.join("transcripts/long.json"), long.to_json())?;
    let catalog_path = root.join("transcripts/index.json");
    let mut catalog: Value = serde_json::from_str(&std::fs::read_to_string(&catalog_path)?)?;
    catalog["transcripts"]
        .as_array_mut()
        .ok_or("the catalog has no transcripts array")?
        .push(json!({"id": "long", "title": long.title, "lang": "en"}));
    std::fs::write(&catalog_path, catalog.to_string())?;
    let template = std::fs::read_to_string(root.join("index.html"))?;
    let pages = transcript_viewer::page::render_site(&template, &self::catalog(&root)?, |id| {
        transcript(&root, id).map_err(|e| e.to_string())
    })?;
    for (file, html) in pages {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().ok_or("a page without a directory")?)?;
        std::fs::write(path, html)?;
    }
    Ok(root)
}

/// Every turn's markup, comparable across parsing and rendering: elements with their
/// attributes sorted, text, no comments.
const MARKUP: &str = "const markup = (root) => {
      const out = [];
      const walk = (node) => {
        for (const c of node.childNodes) {
          if (c.nodeType === Node.ELEMENT_NODE) {
            const attrs = [...c.attributes].map((a) => `${a.name}=${a.value}`).sort();
            out.push(`<${c.localName} ${attrs.join(' ')}>`);
            walk(c);
            out.push(`</${c.localName}>`);
          } else if (c.nodeType === Node.TEXT_NODE) {
            out.push(c.data);
          }
        }
      };
      walk(root);
      return out.join('');
    };
    const turns = () => [...document.querySelectorAll('section.tv-turn')];";

/// Before the Wasm runs: the server's markup of every turn and the first turns' nodes
/// kept (`window.__static`, `window.__first`), and the wake steps (1 ms timers, which
/// nothing else in the viewer sets) held while a group is dormant, until
/// `window.__release()`.
const HOLD_WAKING: &str = "
    MARKUP
    window.__static = turns().map((t) => markup(t));
    window.__first = turns().slice(0, 3);
    const timeout = window.setTimeout.bind(window);
    const held = [];
    window.setTimeout = (fn, delay, ...args) => {
      if (delay === 1 && !window.__released
          && document.querySelector('.tv-turn-group[data-dormant]')) {
        held.push(() => fn(...args));
        return 0;
      }
      return timeout(fn, delay, ...args);
    };
    window.__release = () => {
      window.__released = true;
      for (const f of held.splice(0)) timeout(f, 0);
    };
    return window.__static.length;";

/// Every painted range: `[in the document, in a dormant group]` (null without the CSS
/// Custom Highlight API).
const PAINTED: &str = "
    if (!window.CSS || !CSS.highlights) return null;
    return [...(CSS.highlights.get('tv-match') ?? [])].map((r) => [
      r.startContainer.isConnected,
      !!r.startContainer.parentElement.closest('.tv-turn-group[data-dormant]'),
    ]);";

/// A page longer than the viewer hydrates whole: its first 128 turns are hydrated (the
/// same nodes), every later group of turns stays as the server rendered it (dormant)
/// until its step comes, and works meanwhile: its link buttons copy, a search paints
/// it, the URL's target wakes its group, hiding a speaker hides their turns in it.
/// Waking keeps the focus on the turn that had it and paints the search again; then
/// every turn's markup is the server's, and nothing went wrong.
#[test]
fn a_long_page_wakes_its_turns_in_steps_and_works_meanwhile() -> TestResult {
    let root = site_with_long_page(600)?;
    let server = serve_with_probe(&root)?;
    let wasm = server.hold("/transcript-viewer_bg.wasm");
    let driver = start_driver();
    let session = open_with(&driver, |c| c["pageLoadStrategy"] = "none".into());
    session.goto(&server.url("/long/"))?;
    assert!(
        wasm.wait_for_request(RENDER_TIMEOUT),
        "the page never asked for the Wasm"
    );
    webdriver::poll(RENDER_TIMEOUT, "the page to be parsed", || {
        let state = session.execute("return document.readyState;", vec![])?;
        Ok((state != json!("loading")).then_some(()))
    })?;
    let held = HOLD_WAKING.replace("MARKUP", MARKUP);
    assert_eq!(session.execute(&held, vec![])?, json!(600));
    wasm.release();
    session
        .wait_for(".tv-root[data-ready]", RENDER_TIMEOUT)
        .map_err(|e| format!("{e}: the app did not hydrate the page"))?;
    let state = session.execute(
        "return {
           dormant: document.querySelectorAll('.tv-turn-group[data-dormant]').length,
           firstDormant: document.querySelector('.tv-turn-group[data-dormant] section').id,
           kept: [...document.querySelectorAll('section.tv-turn')].slice(0, 3)
             .every((t, i) => t === window.__first[i]),
         };",
        vec![],
    )?;
    // 600 - 128 = 472 turns: 30 groups of 16 (the last of 8).
    assert_eq!(
        state,
        json!({"dormant": 30, "firstDormant": "t129", "kept": true}),
        "after hydration ({})",
        session.browser()
    );

    // A dormant group's link button copies its turn's link.
    let link = session
        .find("#t300 .tv-turn-link")?
        .ok_or("no link button in turn 300")?;
    click_in_view(&session, &link)?;
    webdriver::poll(RENDER_TIMEOUT, "the copy announced", || {
        let said = texts(&session, ".tv-announcement")?.join("");
        Ok((!said.is_empty()).then_some(()))
    })?;
    // … and its "Cite" button cites its turn, the group still dormant.
    session.execute(crate::cite::STUB, vec![])?;
    let cite = session
        .find("#t300 .tv-turn-cite")?
        .ok_or("no cite button in turn 300")?;
    click_in_view(&session, &cite)?;
    let cited = webdriver::poll(RENDER_TIMEOUT, "the citation", || {
        let clip = session.execute("return window.__tvClip[0] || null;", vec![])?;
        Ok(clip["text"].as_str().map(str::to_string))
    })?;
    let turn_300 = &transcript(&root, "long")?.turns[299].paragraphs[0];
    let quoted: String = turn_300
        .split_whitespace()
        .take(3)
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        cited.contains("/long/#t300") && cited.contains(&quoted),
        "{cited} ({})",
        session.browser()
    );
    let dormant = session.execute(
        "return document.getElementById('t300').closest('.tv-turn-group').hasAttribute('data-dormant');",
        vec![],
    )?;
    assert_eq!(dormant, json!(true), "citing woke the group");

    // A search paints the dormant groups (its first match, the current one, is in the
    // summary: no group needs to show it).
    let input = session
        .find("input.tv-search-input")?
        .ok_or("no search box")?;
    click_in_view(&session, &input)?;
    input.send_keys("Belarus")?;
    let long = transcript(&root, "long")?;
    let texts_of_long = [&long.title]
        .into_iter()
        .chain(&long.summary)
        .chain(long.turns.iter().flat_map(|t| &t.paragraphs));
    let count: usize = texts_of_long
        .map(|text| text.to_lowercase().matches("belarus").count())
        .sum();
    let want = format!("1 of {count}");
    webdriver::poll(RENDER_TIMEOUT, &format!("the status {want:?}"), || {
        let status = texts(&session, ".tv-search-status")?.join("");
        Ok(status.starts_with(&want).then_some(()))
    })?;
    let painted = session.execute(PAINTED, vec![])?;
    if let Some(ranges) = painted.as_array() {
        assert!(
            ranges.iter().any(|r| r[1] == json!(true)),
            "no range painted in a dormant group: {painted}"
        );
        assert!(ranges.iter().all(|r| r[0] == json!(true)), "{painted}");
    }
    // The URL's target turn wakes its group (to mark it), and no other; followed once
    // the search is in the URL (typing's pause over), the state of every later step.
    webdriver::poll(RENDER_TIMEOUT, "the search in the URL", || {
        Ok(session.current_url()?.contains("q=Belarus").then_some(()))
    })?;
    session.execute("location.hash = '#t400';", vec![])?;
    webdriver::poll(RENDER_TIMEOUT, "turn 400 the target", || {
        let state = session.execute(
            "const t = document.getElementById('t400');
             return [t.classList.contains('tv-target'),
                     t.closest('.tv-turn-group').hasAttribute('data-dormant'),
                     document.querySelectorAll('.tv-turn-group[data-dormant]').length];",
            vec![],
        )?;
        Ok((state == json!([true, false, 29])).then_some(()))
    })?;
    // Hiding a speaker hides their turns in dormant groups too, which stay dormant (the
    // runs' markers come when they wake); showing them again undoes it.
    click_in_view(
        &session,
        &session
            .find("button.tv-speakers-toggle")?
            .ok_or("no speaker panel button")?,
    )?;
    let toggle = session
        .find(".tv-speaker-item[data-speaker=\"alexander-lukashenko\"] button[aria-pressed]")?
        .ok_or("no toggle for Alexander Lukashenko")?;
    let filtered = || -> webdriver::Result<Value> {
        session.execute(
            "return [document.querySelectorAll('section.tv-turn[hidden]').length,
                     document.querySelectorAll('.tv-turn-group[data-dormant]').length,
                     document.querySelectorAll('.tv-turn-group[data-dormant] .tv-hidden-marker')
                       .length];",
            vec![],
        )
    };
    click_in_view(&session, &toggle)?;
    webdriver::poll(RENDER_TIMEOUT, "the speaker's turns hidden", || {
        Ok((filtered()? == json!([240, 29, 0])).then_some(()))
    })
    .map_err(|e| format!("{e}: {:?}", filtered()))?;
    click_in_view(&session, &toggle)?;
    webdriver::poll(RENDER_TIMEOUT, "the speaker's turns shown again", || {
        Ok((filtered()? == json!([0, 29, 0])).then_some(()))
    })
    .map_err(|e| format!("{e}: {:?}", filtered()))?;
    // The focus on a dormant group's link button stays on it when the group wakes.
    session.execute(
        "document.querySelector('#t590 .tv-turn-link').focus({ preventScroll: true });",
        vec![],
    )?;
    session.execute("window.__release();", vec![])?;
    webdriver::poll(RENDER_TIMEOUT, "every group awake", || {
        let left = session.execute(
            "return document.querySelectorAll('.tv-turn-group[data-dormant]').length;",
            vec![],
        )?;
        Ok((left == json!(0)).then_some(()))
    })?;
    let focus = session.execute(
        "const a = document.activeElement;
         return [a.className, a.closest('section') && a.closest('section').id];",
        vec![],
    )?;
    assert_eq!(
        focus,
        json!(["tv-turn-link", "t590"]),
        "the focus after waking"
    );
    if painted.is_array() {
        let count = painted.as_array().map_or(0, Vec::len);
        let state = || -> webdriver::Result<(usize, usize)> {
            let now = session.execute(PAINTED, vec![])?;
            let ranges = now.as_array().cloned().unwrap_or_default();
            let gone = ranges.iter().filter(|r| r[0] != json!(true)).count();
            Ok((ranges.len(), gone))
        };
        webdriver::poll(RENDER_TIMEOUT, "the search painted again", || {
            Ok((state()? == (count, 0)).then_some(()))
        })
        .map_err(|e| {
            let seen = session.execute(
                "return [document.querySelector('.tv-search-status').textContent,
                         document.querySelectorAll('mark').length,
                         document.querySelector('input.tv-search-input').value,
                         CSS.highlights.size, location.href];",
                vec![],
            );
            format!(
                "{e}: (ranges, detached) {:?}, want ({count}, 0); {seen:?}",
                state()
            )
        })?;
    }

    // Without the search and the target, every turn is as the server rendered it.
    session.execute(
        "const i = document.querySelector('input.tv-search-input');
         i.value = ''; i.dispatchEvent(new Event('input', { bubbles: true }));
         history.replaceState(null, '', location.pathname + location.search);
         window.dispatchEvent(new HashChangeEvent('hashchange'));",
        vec![],
    )?;
    webdriver::poll(RENDER_TIMEOUT, "no target", || {
        Ok(session.find_all(".tv-target")?.is_empty().then_some(()))
    })?;
    webdriver::poll(RENDER_TIMEOUT, "the search cleared", || {
        let marks = session.find_all("mark")?.len();
        Ok((marks == 0).then_some(()))
    })?;
    let same = session.execute(
        &format!(
            "{MARKUP}
             const now = turns().map((t) => markup(t));
             const differ = now.findIndex((m, i) => m !== window.__static[i]);
             return [now.length, differ, differ < 0 ? '' : now[differ],
                     differ < 0 ? '' : window.__static[differ]];"
        ),
        vec![],
    )?;
    assert_eq!(same, json!([600, -1, "", ""]), "({})", session.browser());

    // Hiding a speaker hides their turns in every group, now rendered.
    click_in_view(&session, &toggle)?;
    webdriver::poll(RENDER_TIMEOUT, "the speaker's turns hidden", || {
        let hidden = session.find_all("section.tv-turn[hidden]")?.len();
        Ok((hidden == 240).then_some(()))
    })?;
    assert_no_page_errors(&session, &server);
    Ok(())
}
