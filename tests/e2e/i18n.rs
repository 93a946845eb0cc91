//! The viewer's languages and its JavaScript API, end to end, in the engine
//! `E2E_BROWSER` names (like the tests at the top of `tests/e2e.rs`): a plain host page
//! (no framework) under the site's Content-Security-Policy mounts the English reference
//! transcript with Russian words (`lang: "ru"`) and with the host's own (`labels`), and
//! drives it through the handle (`setQuery`, `nextMatch`, `setHidden`, …), recording
//! every `onChange` call and `transcript-viewer-change` event; the `<transcript-viewer
//! lang="ru">` element takes calls made before it has mounted; the site's Russian page
//! speaks Russian outside its article too (and without JavaScript), and searches
//! Russian text (`ё` = `е`, `й` ≠ `и`); commands given in a row run in order; `seek`
//! moves a timed transcript's recording.

use super::*;
use crate::hostile::{copy_dir, CSP};
use serde_json::{json, Value};

// The recording helper media.rs also loads (its module is private there).
#[allow(clippy::duplicate_mod)]
#[path = "../support/wav.rs"]
mod wav;

/// The site's Russian transcript (one speaker, one turn).
const RU_ID: &str = "press-conference-2021-12-23-ru";

/// Matches of `Belarus` in the reference transcript (title, summary and turns; 5 of them
/// in Alexander Lukashenko's turns); without his turns; and of those, the whole words.
const BELARUS_MATCHES: u64 = 10;
const BELARUS_WITHOUT_LUKASHENKO: u64 = 5;
const BELARUS_WHOLE_WORD_WITHOUT_LUKASHENKO: u64 = 2;

/// A host page with `body` and its own module script `script` (a file beside it, as
/// the site's CSP allows no inline script), with the viewer's stylesheet.
fn host_page(title: &str, body: &str, script: &str) -> String {
    format!(
        "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">\
         <title>{title}</title><link rel=\"icon\" href=\"favicon.svg\">\
         <link rel=\"stylesheet\" href=\"viewer.css\">\
         <script type=\"module\" src=\"{script}\"></script>\
         </head><body><main><h1>{title}</h1>{body}</main></body></html>"
    )
}

/// A copy of `dist/` with `files` (name, contents) added.
fn site_with_files(
    prefix: &str,
    files: &[(&str, String)],
) -> Result<PathBuf, Box<dyn std::error::Error>> {
    let dir = webdriver::fresh_dir(prefix)?;
    copy_dir(&dist_dir(), &dir)?;
    for (name, text) in files {
        std::fs::write(dir.join(name), text)?;
    }
    Ok(dir)
}

/// Runs `script` (a function body) and returns its value.
fn js(session: &Session, script: &str) -> webdriver::Result<Value> {
    session.execute(script, vec![])
}

/// Polls `script` until it returns something other than `null`/`false`; on time-out the
/// error shows its last value and the page's errors.
fn wait_js(
    session: &Session,
    server: &StaticServer,
    what: &str,
    script: &str,
) -> Result<Value, String> {
    let mut last = Value::Null;
    webdriver::poll(RENDER_TIMEOUT, what, || {
        last = js(session, script)?;
        Ok((!last.is_null() && last != Value::Bool(false)).then(|| last.clone()))
    })
    .map_err(|e| {
        let errors = page_errors(session, server).unwrap_or_default();
        format!(
            "{e} ({}): last {last}\npage errors: {errors:#?}",
            session.browser()
        )
    })
}

/// The text of the first element matching `css`, or "" if there is none.
fn text_of(session: &Session, css: &str) -> webdriver::Result<String> {
    match session.find(css)? {
        Some(e) => e.text(),
        None => Ok(String::new()),
    }
}

/// CLDR's Russian plural category of a whole number: `one`, `few` or `many`.
fn russian_plural(n: u64) -> &'static str {
    let (ten, hundred) = (n % 10, n % 100);
    if ten == 1 && hundred != 11 {
        "one"
    } else if (2..=4).contains(&ten) && !(12..=14).contains(&hundred) {
        "few"
    } else {
        "many"
    }
}

/// Checks that `phrase` is `<number> <word>` with the word in the form CLDR's Russian
/// rule gives the number: `forms` are (one, few, many). The number may be grouped with
/// U+00A0. Returns the number.
fn assert_russian_count(phrase: &str, forms: [&str; 3], context: &str) -> u64 {
    let phrase = phrase.trim();
    let digits: String = phrase
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '\u{a0}')
        .collect();
    let n: u64 = digits
        .replace('\u{a0}', "")
        .parse()
        .unwrap_or_else(|_| panic!("{context}: {phrase:?} does not start with a number"));
    let word = phrase[digits.len()..].trim();
    let want = match russian_plural(n) {
        "one" => forms[0],
        "few" => forms[1],
        _ => forms[2],
    };
    assert_eq!(
        word,
        want,
        "{context}: {phrase:?}: {n} takes the {} form",
        russian_plural(n)
    );
    if n >= 10_000 {
        let grouped = n
            .to_string()
            .as_bytes()
            .rchunks(3)
            .rev()
            .map(|c| std::str::from_utf8(c).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("\u{a0}");
        assert_eq!(
            digits, grouped,
            "{context}: {phrase:?}: digits grouped with U+00A0"
        );
    }
    n
}

/// The host page of [`the_js_api_mounts_with_russian_and_host_words_and_reports_changes`]:
/// `#ru` (the reference transcript by `src` with `lang: "ru"`), `#own` (by `data`, with
/// the host's own words and Lukashenko hidden) and `#bad` (where bad options are tried).
const API_PAGE_BODY: &str = "<div id=\"ru\"></div><div id=\"own\"></div><div id=\"bad\"></div>";

/// Its script: records into `window.__log` every `onChange` call (`changes`), every
/// `transcript-viewer-change` event on the two elements (`events`), the console's
/// warnings and what each bad `mount` threw.
const API_SCRIPT: &str = r#"import init, { mount } from "./transcript-viewer.js";

const log = (window.__log = { changes: [], events: [], warnings: [], thrown: {} });
const warn = console.warn;
console.warn = (...args) => {
  log.warnings.push(args.map(String).join(" "));
  warn.apply(console, args);
};
const copy = (state) => JSON.parse(JSON.stringify(state));
const el = (id) => document.getElementById(id);
for (const id of ["ru", "own"]) {
  el(id).addEventListener("transcript-viewer-change", (e) => {
    log.events.push({ viewer: id, target: e.target.id, bubbles: e.bubbles, state: copy(e.detail) });
  });
}
const onChange = (viewer) => (state) => log.changes.push({ viewer, state: copy(state) });

await init();
const SRC = "transcripts/russian-belarusian-talks-2022-02-18.json";
window.__ru = mount(el("ru"), { src: SRC, lang: "ru", idPrefix: "ru-", onChange: onChange("ru") });
const data = await (await fetch(SRC)).json();
window.__own = mount(el("own"), {
  data,
  idPrefix: "own-",
  hidden: ["alexander-lukashenko"],
  labels: {
    search: "Suche",
    turns: { one: "{n} Beitrag", other: "{n} Beiträge" },
    hiddenTurns: { one: "{n} Beitrag von {names} verborgen", other: "{n} Beiträge von {names} verborgen" },
    notALabel: "ignored",
  },
  onChange: onChange("own"),
});
for (const [name, options] of [
  ["few", { data, labels: { turns: { few: 3 } } }],
  ["other", { data, labels: { turns: { few: "{n} x" } } }],
  ["text", { data, labels: { search: { other: "x" } } }],
  ["lang", { data, lang: "not a tag" }],
]) {
  try {
    mount(el("bad"), options);
    log.thrown[name] = "no error";
  } catch (e) {
    log.thrown[name] = (e instanceof Error ? "Error: " : "not an Error: ") + e.message;
  }
}
window.__hostReady = true;
"#;

/// The last state `viewer` reported by event, or `null`.
const LAST_EVENT: &str = "const e = window.__log.events.filter((e) => e.viewer === arguments[0]);\
                          return e.length ? e[e.length - 1].state : null;";

fn last_event(session: &Session, viewer: &str) -> webdriver::Result<Value> {
    session.execute(LAST_EVENT, vec![json!(viewer)])
}

/// Waits until `viewer`'s last event satisfies `ok`; returns it.
fn wait_event(
    session: &Session,
    viewer: &str,
    what: &str,
    ok: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    let mut last = Value::Null;
    webdriver::poll(RENDER_TIMEOUT, what, || {
        last = last_event(session, viewer)?;
        Ok(ok(&last).then(|| last.clone()))
    })
    .map_err(|e| format!("{e} ({}): last event {last}", session.browser()))
}

/// The plain-HTML host: `lang: "ru"` gives the English transcript Russian words (the
/// root says `ru`, the article keeps `en`); `labels` gives the host's words, plurals by
/// form; nothing is reported on mount; each handle call is reported to `onChange` and
/// by a bubbling event alike, and `state` is the last report; bad labels and languages
/// throw naming the field, an unknown label only warns.
#[test]
fn the_js_api_mounts_with_russian_and_host_words_and_reports_changes() -> TestResult {
    let dir = site_with_files(
        "e2e-js-api",
        &[
            (
                "js-api.html",
                host_page("The JavaScript API", API_PAGE_BODY, "js-api.js"),
            ),
            ("js-api.js", API_SCRIPT.to_owned()),
        ],
    )?;
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/js-api.html"))?;
    wait_js(
        &session,
        &server,
        "both viewers shown and the host's script done",
        "return window.__hostReady === true\
           && document.querySelectorAll('#ru > .tv-root[data-ready] h1, #own > .tv-root[data-ready] h1').length === 2;",
    )?;

    // Russian words around an English transcript.
    let ru = js(
        &session,
        "const q = (s) => document.querySelector(s);\
         const t = (s) => { const e = q(s); return e ? e.textContent.trim() : null; };\
         return { root: q('#ru > .tv-root').getAttribute('lang'),\
                  article: q('#ru article.tv-transcript').getAttribute('lang'),\
                  search: t('#ru .tv-search-label'),\
                  speakers: t('#ru .tv-speakers-title'),\
                  panel: t('#ru .tv-speakers-toggle'),\
                  settings: t('#ru .tv-settings-toggle'),\
                  showAll: t('#ru .tv-show-all'),\
                  stats: [...document.querySelectorAll('#ru .tv-speaker-stats')].map((e) => e.textContent),\
                  h1: t('#ru h1') };",
    )?;
    assert_eq!(ru["root"], "ru", "#ru's root lang: {ru}");
    assert_eq!(ru["article"], "en", "#ru's article lang: {ru}");
    assert_eq!(ru["search"], "Поиск", "{ru}");
    assert_eq!(ru["speakers"], "Выступающие", "{ru}");
    assert_eq!(ru["panel"], "Все 2 выступающих", "{ru}");
    assert_eq!(ru["settings"], "Настройки отображения", "{ru}");
    assert_eq!(ru["showAll"], "Показать всех", "{ru}");
    assert_eq!(
        ru["h1"], "Russian-Belarusian talks",
        "the transcript's own words stay"
    );
    let stats: Vec<String> = serde_json::from_value(ru["stats"].clone())?;
    assert_eq!(stats.len(), 2, "{ru}");
    let turns: Vec<u64> = stats
        .iter()
        .map(|s| {
            let (turns, words) = s.split_once(", ").unwrap_or_else(|| panic!("stats {s:?}"));
            assert_russian_count(words, ["слово", "слова", "слов"], "#ru words");
            assert_russian_count(turns, ["реплика", "реплики", "реплик"], "#ru turns")
        })
        .collect();
    assert_eq!(turns, [3, 2], "Putin's and Lukashenko's turns: {stats:?}");

    // The host's words: a text, and a plural in both of English's forms.
    let own = js(
        &session,
        "const q = (s) => document.querySelector(s);\
         const all = (s) => [...document.querySelectorAll(s)].map((e) => e.textContent.trim());\
         return { root: q('#own > .tv-root').getAttribute('lang'),\
                  search: q('#own .tv-search-label').textContent.trim(),\
                  speakers: q('#own .tv-speakers-title').textContent.trim(),\
                  stats: all('#own .tv-speaker-stats'),\
                  markers: all('#own button.tv-hidden-marker') };",
    )?;
    assert_eq!(own["root"], "en", "{own}");
    assert_eq!(own["search"], "Suche", "{own}");
    assert_eq!(
        own["speakers"], "Speakers",
        "a label not given stays English: {own}"
    );
    let own_stats: Vec<String> = serde_json::from_value(own["stats"].clone())?;
    assert!(
        own_stats[0].starts_with("3 Beiträge, ") && own_stats[1].starts_with("2 Beiträge, "),
        "the `other` form: {own}"
    );
    assert!(own_stats[0].ends_with(" words"), "{own}");
    assert_eq!(
        own["markers"],
        json!([
            "1 Beitrag von Alexander Lukashenko verborgen",
            "1 Beitrag von Alexander Lukashenko verborgen"
        ]),
        "the `one` form"
    );

    // Bad options throw an Error naming the field; an unknown label only warns.
    let log = js(&session, "return window.__log;")?;
    let thrown = &log["thrown"];
    let message = |name: &str| thrown[name].as_str().unwrap_or_default().to_owned();
    for (name, needle) in [
        ("few", "options.labels.turns.few"),
        ("other", "options.labels.turns.other"),
        ("text", "options.labels.search"),
        ("lang", "options.lang"),
    ] {
        assert!(
            message(name).starts_with("Error: transcript-viewer: ")
                && message(name).contains(needle),
            "mount with bad {name}: {:?} should be an Error naming {needle}",
            message(name)
        );
    }
    // Why, without serde-wasm-bindgen's own `Error: ` inside the message.
    assert!(
        message("few").contains("options.labels.turns.few: invalid type: ")
            && message("few").ends_with("expected a string")
            && !message("few").contains(": Error: "),
        "why turns.few is bad: {:?}",
        message("few")
    );
    assert_eq!(
        js(
            &session,
            "return document.getElementById('bad').childElementCount;"
        )?,
        json!(0),
        "a refused mount rendered something"
    );
    let warnings: Vec<String> = serde_json::from_value(log["warnings"].clone())?;
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("options.labels.notALabel")),
        "no console warning names the unknown label: {warnings:?}"
    );

    // Nothing is reported on mount (given time to be).
    std::thread::sleep(Duration::from_millis(500));
    let log = js(&session, "return window.__log;")?;
    assert_eq!(log["changes"], json!([]), "onChange on mount");
    assert_eq!(log["events"], json!([]), "events on mount");
    // But the state is there to read.
    let state = js(&session, "return [window.__ru.state, window.__own.state];")?;
    assert_eq!(
        state,
        json!([
            {"query": "", "wholeWords": false, "matchDiacritics": false, "hidden": [],
             "matches": 0, "currentMatch": null, "shownTurns": 5, "totalTurns": 5},
            {"query": "", "wholeWords": false, "matchDiacritics": false,
             "hidden": ["alexander-lukashenko"], "matches": 0, "currentMatch": null,
             "shownTurns": 3, "totalTurns": 5},
        ]),
        "the handles' state before any change"
    );

    // setQuery: reported, shown as "1 из N", every match marked.
    js(&session, "window.__ru.setQuery('Belarus');")?;
    let s = wait_event(&session, "ru", "an event with Belarus's matches", |s| {
        s["query"] == "Belarus" && s["matches"].as_u64() > Some(0)
    })?;
    assert_eq!(s["currentMatch"], json!(1), "{s}");
    assert_eq!(s["matches"], json!(BELARUS_MATCHES), "{s}");
    let status = |session: &Session| text_of(session, "#ru .tv-search-status");
    let want = format!("1 из {BELARUS_MATCHES}");
    webdriver::poll(RENDER_TIMEOUT, &format!("the status {want:?}"), || {
        Ok((status(&session)? == want).then_some(()))
    })?;
    assert_eq!(highlighted(&session, "#ru")?.len() as u64, BELARUS_MATCHES);
    assert!(
        highlighted(&session, "#own")?.is_empty(),
        "#own was searched too"
    );
    assert_eq!(
        js(
            &session,
            "return document.querySelector('#ru input.tv-search-input').value;"
        )?,
        json!("Belarus"),
        "the search box shows the host's query"
    );

    // nextMatch, previousMatch.
    js(&session, "window.__ru.nextMatch();")?;
    let s = wait_event(&session, "ru", "currentMatch 2", |s| {
        s["currentMatch"] == json!(2)
    })?;
    assert_eq!(s["matches"], json!(BELARUS_MATCHES));
    let want = format!("2 из {BELARUS_MATCHES}");
    webdriver::poll(RENDER_TIMEOUT, &format!("the status {want:?}"), || {
        Ok((status(&session)? == want).then_some(()))
    })?;
    js(
        &session,
        "window.__ru.previousMatch(); window.__ru.previousMatch();",
    )?;
    wait_event(&session, "ru", "currentMatch wrapped to the last", |s| {
        s["currentMatch"] == json!(BELARUS_MATCHES)
    })?;

    // setHidden: the speaker's turns go, and their matches with them.
    js(&session, "window.__ru.setHidden(['alexander-lukashenko']);")?;
    let s = wait_event(&session, "ru", "Lukashenko hidden", |s| {
        s["hidden"] == json!(["alexander-lukashenko"])
    })?;
    assert_eq!(s["shownTurns"], json!(3), "{s}");
    assert_eq!(s["totalTurns"], json!(5), "{s}");
    assert_eq!(s["matches"], json!(BELARUS_WITHOUT_LUKASHENKO), "{s}");
    let shown = wait_js(
        &session,
        &server,
        "Lukashenko's turns hidden in #ru",
        "const turns = [...document.querySelectorAll('#ru section.tv-turn')];\
         const showing = (t) => !t.hidden && t.getClientRects().length > 0;\
         const luka = turns.filter((t) => t.dataset.speaker === 'alexander-lukashenko');\
         return luka.length === 2 && luka.every((t) => !showing(t))\
           ? turns.filter(showing).map((t) => t.dataset.speaker) : null;",
    )?;
    assert_eq!(
        shown,
        json!(["vladimir-putin", "vladimir-putin", "vladimir-putin"])
    );
    assert_eq!(
        text_of(&session, "#ru .tv-shown")?,
        "Показано реплик: 3 из 5"
    );
    let current = s["currentMatch"].as_u64().ok_or("no current match")?;
    let want = format!("{current} из {BELARUS_WITHOUT_LUKASHENKO}");
    webdriver::poll(RENDER_TIMEOUT, &format!("the status {want:?}"), || {
        Ok((status(&session)? == want).then_some(()))
    })?;
    assert_eq!(
        text_of(&session, "#ru button.tv-hidden-marker")?,
        "Скрыта 1 реплика: Alexander Lukashenko",
        "the hidden-turn marker"
    );

    // setSearchOptions: whole words.
    js(
        &session,
        "window.__ru.setSearchOptions({ wholeWords: true });",
    )?;
    let s = wait_event(&session, "ru", "whole words on", |s| {
        s["wholeWords"] == true
    })?;
    assert_eq!(
        s["matches"],
        json!(BELARUS_WHOLE_WORD_WITHOUT_LUKASHENKO),
        "{s}"
    );
    assert_eq!(s["matchDiacritics"], false, "left as it was: {s}");

    // The state getter is the last report; onChange and the event report alike.
    let log = js(&session, "return window.__log;")?;
    let state = js(&session, "return window.__ru.state;")?;
    assert_eq!(
        state,
        last_event(&session, "ru")?,
        "state vs the last event"
    );
    let events = log["events"].as_array().ok_or("no events")?;
    let changes = log["changes"].as_array().ok_or("no changes")?;
    assert_eq!(
        events.len(),
        changes.len(),
        "as many events as onChange calls: {log}"
    );
    for (event, change) in events.iter().zip(changes) {
        assert_eq!(event["viewer"], change["viewer"], "{log}");
        assert_eq!(event["state"], change["state"], "{log}");
        assert_eq!(
            event["target"], event["viewer"],
            "the event's target: {event}"
        );
        assert_eq!(event["bubbles"], true, "{event}");
    }
    assert!(
        events.iter().all(|e| e["viewer"] == "ru"),
        "#own reported a change it did not have: {log}"
    );
    // Every call was reported, each change once (no two reports alike in a row).
    for pair in events.windows(2) {
        assert_ne!(
            pair[0]["state"], pair[1]["state"],
            "the same state twice: {log}"
        );
    }
    // One report per change the reader sees: the two previousMatch calls made in one
    // task may show once (they do in all three engines) or twice.
    assert!(
        (5..=6).contains(&events.len()),
        "setQuery, next, previous (×2), setHidden, setSearchOptions: {log}"
    );

    // Bad calls throw an Error, naming what they take. (Not `instanceof Error`: Firefox
    // runs WebDriver's scripts in a sandbox whose `Error` is not the page's.)
    let thrown = js(
        &session,
        "const r = [];\
         for (const f of [() => window.__ru.setQuery(42), () => window.__ru.setHidden('x'),\
                          () => window.__ru.seek(-1)]) {\
           try { f(); r.push('no error'); } catch (e) { r.push(Object.prototype.toString.call(e) === '[object Error]' ? e.message : 'not an Error: ' + e); }\
         }\
         return r;",
    )?;
    let thrown: Vec<String> = serde_json::from_value(thrown)?;
    assert!(thrown[0].contains("setQuery takes a string"), "{thrown:?}");
    assert!(thrown[1].contains("setHidden"), "{thrown:?}");
    assert!(thrown[2].contains("seek takes a number"), "{thrown:?}");

    assert_no_page_errors(&session, &server);
    drop(session);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The custom element's host script: `#tv` (`lang="ru"`, the host's `labels`) gets
/// `setQuery` before it is even connected; `#tv2` (no `lang`: the transcript's) gets
/// it once connected, before the Wasm is ready. A listener on `document` records the events.
const ELEMENT_SCRIPT: &str = r#"import { ready } from "./transcript-viewer-element.js";

const events = (window.__docEvents = []);
document.addEventListener("transcript-viewer-change", (e) => {
  events.push({ target: e.target.id, state: JSON.parse(JSON.stringify(e.detail)) });
});
const SRC = "transcripts/russian-belarusian-talks-2022-02-18.json";
const make = (id) => {
  const el = document.createElement("transcript-viewer");
  el.id = id;
  el.setAttribute("src", SRC);
  el.setAttribute("id-prefix", id + "-");
  return el;
};
const tv = make("tv");
tv.setAttribute("lang", "ru");
tv.labels = { showAll: "Alle zeigen" };
tv.setQuery("Belarus");
window.__stateBeforeMount = tv.state;
document.querySelector("main").append(tv);

const tv2 = make("tv2");
document.querySelector("main").append(tv2);
tv2.setQuery("Belarus");
await ready;
window.__elementsReady = true;
"#;

/// `<transcript-viewer lang="ru">` created from a script: a `setQuery` made before it
/// was connected is applied once it shows, its `labels` property gives the host's words,
/// the events bubble to `document`, and `state` is the last one's detail.
#[test]
fn the_element_speaks_russian_and_runs_calls_made_before_it_mounted() -> TestResult {
    let dir = site_with_files(
        "e2e-element",
        &[
            (
                "element.html",
                host_page("The element", "", "element-host.js"),
            ),
            ("element-host.js", ELEMENT_SCRIPT.to_owned()),
        ],
    )?;
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/element.html"))?;
    wait_js(
        &session,
        &server,
        "both elements shown",
        "return window.__elementsReady === true\
           && document.querySelectorAll('#tv .tv-root[data-ready] h1, #tv2 .tv-root[data-ready] h1').length === 2;",
    )?;
    assert_eq!(
        js(&session, "return window.__stateBeforeMount;")?,
        Value::Null,
        "state before the element has mounted"
    );
    let status = |css: &str| text_of(&session, css);
    let want = format!("1 из {BELARUS_MATCHES}");
    webdriver::poll(RENDER_TIMEOUT, &format!("#tv's status {want:?}"), || {
        Ok((status("#tv .tv-search-status")? == want).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{e}: #tv's status is {:?}",
            status("#tv .tv-search-status").unwrap_or_default()
        )
    })?;
    let want2 = format!("1 of {BELARUS_MATCHES}");
    webdriver::poll(RENDER_TIMEOUT, &format!("#tv2's status {want2:?}"), || {
        Ok((status("#tv2 .tv-search-status")? == want2).then_some(()))
    })
    .map_err(|e| {
        format!(
            "{e}: #tv2's status is {:?}",
            status("#tv2 .tv-search-status").unwrap_or_default()
        )
    })?;
    assert_eq!(highlighted(&session, "#tv")?.len() as u64, BELARUS_MATCHES);

    let words = js(
        &session,
        "const q = (s) => document.querySelector(s);\
         return [q('#tv > .tv-root').getAttribute('lang'), q('#tv article').getAttribute('lang'),\
                 q('#tv .tv-search-label').textContent.trim(), q('#tv .tv-show-all').textContent.trim(),\
                 q('#tv2 > .tv-root').getAttribute('lang'), q('#tv2 .tv-search-label').textContent.trim()];",
    )?;
    assert_eq!(
        words,
        json!(["ru", "en", "Поиск", "Alle zeigen", "en", "Search"]),
        "the elements' words"
    );

    // The events reached `document`, from each element.
    let last = |target: &str| -> webdriver::Result<Value> {
        session.execute(
            "const e = window.__docEvents.filter((e) => e.target === arguments[0]);\
             return e.length ? e[e.length - 1].state : null;",
            vec![json!(target)],
        )
    };
    let tv = last("tv")?;
    assert_eq!(tv["query"], "Belarus", "{tv}");
    assert_eq!(tv["matches"], json!(BELARUS_MATCHES), "{tv}");
    assert_eq!(tv["currentMatch"], json!(1), "{tv}");
    let tv2 = last("tv2")?;
    assert_eq!(tv2["currentMatch"], json!(1), "{tv2}");
    assert_eq!(
        js(&session, "return document.getElementById('tv').state;")?,
        tv
    );

    // Driven once mounted: the element's own methods.
    session.execute(
        "const tv = document.getElementById('tv');\
         tv.setHidden(['alexander-lukashenko']); tv.nextMatch();",
        vec![],
    )?;
    let mut seen = Value::Null;
    webdriver::poll(
        RENDER_TIMEOUT,
        "#tv's event after setHidden and nextMatch",
        || {
            seen = last("tv")?;
            Ok((seen["hidden"] == json!(["alexander-lukashenko"])
                && seen["currentMatch"] == json!(2))
            .then_some(()))
        },
    )
    .map_err(|e| format!("{e}: last {seen}"))?;
    assert_eq!(seen["matches"], json!(BELARUS_WITHOUT_LUKASHENKO), "{seen}");
    assert_eq!(seen["shownTurns"], json!(3), "{seen}");
    assert_eq!(
        js(&session, "return document.getElementById('tv').state;")?,
        seen
    );
    let want = format!("2 из {BELARUS_WITHOUT_LUKASHENKO}");
    webdriver::poll(RENDER_TIMEOUT, &format!("#tv's status {want:?}"), || {
        Ok((status("#tv .tv-search-status")? == want).then_some(()))
    })?;
    assert_no_page_errors(&session, &server);
    drop(session);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// The host script of [`commands_given_together_run_in_order`]: `#early` (by `mount`)
/// and `#tv3` (the element, before it is connected) get `setQuery` and `nextMatch` at
/// once, before their transcript has arrived; `#late` is left to the test.
const QUEUE_SCRIPT: &str = r#"import init, { mount } from "./transcript-viewer.js";
import "./transcript-viewer-element.js";
const SRC = "transcripts/russian-belarusian-talks-2022-02-18.json";
const el = (id) => document.getElementById(id);
const tv = document.createElement("transcript-viewer");
tv.id = "tv3";
tv.setAttribute("src", SRC);
tv.setAttribute("id-prefix", "tv3-");
tv.setQuery("Belarus");
tv.nextMatch();
document.querySelector("main").append(tv);
await init();
window.__early = mount(el("early"), { src: SRC, idPrefix: "early-" });
window.__early.setQuery("Belarus");
window.__early.nextMatch();
window.__late = mount(el("late"), { src: SRC, idPrefix: "late-" });
window.__queueReady = true;
"#;

/// Commands given one after another in one task run in that order, whether the viewer
/// is still waiting for its transcript (the handle's queue, the element's) or shows it:
/// `setQuery` then `nextMatch` is the second match.
#[test]
fn commands_given_together_run_in_order() -> TestResult {
    let dir = site_with_files(
        "e2e-queue",
        &[
            (
                "queue.html",
                host_page(
                    "Commands in a row",
                    "<div id=\"early\"></div><div id=\"late\"></div>",
                    "queue.js",
                ),
            ),
            ("queue.js", QUEUE_SCRIPT.to_owned()),
        ],
    )?;
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/queue.html"))?;
    wait_js(
        &session,
        &server,
        "the three viewers shown",
        "return window.__queueReady === true && document.querySelectorAll(\
           '#early .tv-root[data-ready] h1, #late .tv-root[data-ready] h1, #tv3 .tv-root[data-ready] h1'\
         ).length === 3;",
    )?;
    js(
        &session,
        "window.__late.setQuery('Belarus'); window.__late.nextMatch();",
    )?;
    let want = format!("2 of {BELARUS_MATCHES}");
    let mut statuses = Value::Null;
    let settled = webdriver::poll(RENDER_TIMEOUT, &format!("every status {want:?}"), || {
        statuses = js(
            &session,
            "return ['early', 'tv3', 'late'].map((id) =>\
               id + ': ' + document.querySelector('#' + id + ' .tv-search-status').textContent);",
        )?;
        Ok(statuses
            .as_array()
            .is_some_and(|all| {
                all.iter()
                    .all(|s| s.as_str().is_some_and(|s| s.ends_with(&want)))
            })
            .then_some(()))
    });
    settled.map_err(|e| format!("{e} ({}): {statuses}", session.browser()))?;
    assert_no_page_errors(&session, &server);
    drop(session);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

/// Latin words the Russian interface may show: file formats' names.
const ALLOWED_LATIN: &[&str] = &["WebVTT", "SRT"];

/// Every text of the viewer's own outside its article (skip link, banner with the
/// catalog and settings, controls, the settings panel, announcements) and every
/// `aria-label`, `title` and `placeholder` in the viewer, as `{text, lang, where}` with
/// `lang` the nearest `lang` attribute's.
const UI_TEXTS: &str = "const root = document.querySelector('.tv-root');\
    const langOf = (e) => { const l = e.closest('[lang]'); return l ? l.getAttribute('lang') : ''; };\
    const out = [];\
    for (const c of root.querySelectorAll('.tv-skip-link, .tv-banner, .tv-controls, .tv-announcement')) {\
      const w = document.createTreeWalker(c, NodeFilter.SHOW_TEXT);\
      for (let n = w.nextNode(); n; n = w.nextNode()) {\
        const text = n.data.trim();\
        if (text) out.push({ text, lang: langOf(n.parentElement),\
          where: n.parentElement.tagName.toLowerCase() + '.' + n.parentElement.className,\
          catalog: !!n.parentElement.closest('nav.tv-catalog a[lang]') });\
      }\
    }\
    for (const e of root.querySelectorAll('[aria-label], [title], [placeholder]')) {\
      for (const a of ['aria-label', 'title', 'placeholder']) {\
        if (e.hasAttribute(a)) out.push({ text: e.getAttribute(a), lang: langOf(e),\
          where: a + ' of ' + e.tagName.toLowerCase() + '.' + e.className, catalog: false });\
      }\
    }\
    return out;";

/// The site's Russian page: every word of the viewer's own outside the transcript is
/// Russian (the other transcripts' titles in the catalog aside, marked with their own
/// `lang`), the page says `lang="ru"` and its title ends in Russian, the counts take
/// Russian plural forms; searching with real key input folds `ё` into `е` but not `й`
/// into `и`.
#[test]
fn the_russian_page_speaks_russian_and_searches_russian_text() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url(&format!("/{RU_ID}/")))?;
    let heading = wait_for_transcript(&session, &server)?;
    assert_eq!(
        heading.text()?,
        "Большая пресс-конференция Владимира Путина"
    );
    let page = js(
        &session,
        "return { html: document.documentElement.lang, title: document.title,\
                  root: document.querySelector('.tv-root').lang,\
                  article: document.querySelector('article.tv-transcript').lang };",
    )?;
    assert_eq!(page["html"], "ru", "{page}");
    assert_eq!(page["root"], "ru", "{page}");
    assert_eq!(page["article"], "ru", "{page}");
    let title = page["title"].as_str().unwrap_or_default();
    assert!(
        title.ends_with(" — Просмотр стенограмм"),
        "the page's title: {title:?}"
    );

    // Open the View settings, so that their words show too.
    let toggle = session
        .find(".tv-settings-toggle")?
        .ok_or("no .tv-settings-toggle")?;
    click_in_view(&session, &toggle)?;
    wait_js(
        &session,
        &server,
        "the settings panel open",
        "const p = document.querySelector('.tv-settings-panel');\
         return !!p && p.getClientRects().length > 0;",
    )?;
    let mut texts: Vec<Value> = serde_json::from_value(js(&session, UI_TEXTS)?)?;
    // The settings panel may live outside the banner: collect it as well.
    let panel: Vec<Value> = serde_json::from_value(js(
        &session,
        "const p = document.querySelector('.tv-settings-panel');\
         const out = [];\
         const w = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);\
         for (let n = w.nextNode(); n; n = w.nextNode()) {\
           const text = n.data.trim();\
           const l = n.parentElement.closest('[lang]');\
           if (text) out.push({ text, lang: l ? l.getAttribute('lang') : '',\
             where: n.parentElement.tagName.toLowerCase() + '.' + n.parentElement.className, catalog: false });\
         }\
         return out;",
    )?)?;
    texts.extend(panel);
    assert!(texts.len() > 30, "too few texts collected: {texts:?}");
    let mut wrong = Vec::new();
    for item in &texts {
        let text = item["text"].as_str().unwrap_or_default();
        let lang = item["lang"].as_str().unwrap_or_default();
        if lang != "ru" {
            // Only another transcript's title and date in the catalog may say otherwise.
            if item["catalog"] != true {
                wrong.push(format!("lang={lang:?}: {item}"));
            }
            continue;
        }
        let latin: Vec<&str> = text
            .split(|c: char| !c.is_ascii_alphabetic())
            .filter(|w| !w.is_empty() && !ALLOWED_LATIN.contains(w))
            .collect();
        if !latin.is_empty() {
            wrong.push(format!("Latin {latin:?}: {item}"));
        }
    }
    assert!(
        wrong.is_empty(),
        "not Russian on the Russian page ({}):\n  {}",
        session.browser(),
        wrong.join("\n  ")
    );
    // The words expected are there.
    let all: Vec<&str> = texts.iter().filter_map(|t| t["text"].as_str()).collect();
    for want in [
        "Перейти к стенограмме",
        "Поиск",
        "Выступающие",
        "Настройки отображения",
        "Размер шрифта",
        "Цвета сайта",
    ] {
        assert!(all.contains(&want), "no {want:?} among {all:?}");
    }
    // The speaker panel, opened from its button, which counts in Russian too.
    let panel = session
        .find("button.tv-speakers-toggle")?
        .ok_or("no speaker panel button")?;
    assert_eq!(panel.text()?, "1 выступающий");
    click_in_view(&session, &panel)?;
    let stats = text_of(&session, ".tv-speaker-stats")?;
    let (turns, words) = stats.split_once(", ").ok_or(format!("stats {stats:?}"))?;
    assert_eq!(
        assert_russian_count(turns, ["реплика", "реплики", "реплик"], "turns"),
        1
    );
    assert_russian_count(words, ["слово", "слова", "слов"], "words");
    click_in_view(&session, &toggle)?;

    // Russian search, real key input.
    let search = |query: &str, want: &str| -> TestResult {
        let input = session
            .find("input.tv-search-input")?
            .ok_or("no search box")?;
        session.execute(
            "arguments[0].value = ''; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            vec![input.as_arg()],
        )?;
        click_in_view(&session, &input)?;
        input.send_keys(query)?;
        webdriver::poll(
            RENDER_TIMEOUT,
            &format!("the status {want:?} for {query:?}"),
            || Ok((text_of(&session, ".tv-search-status")? == want).then_some(())),
        )
        .map_err(|e| {
            format!(
                "{e} ({}); the status is {:?}, the box holds {:?}",
                session.browser(),
                text_of(&session, ".tv-search-status").unwrap_or_default(),
                input.property("value").unwrap_or_default()
            )
        })?;
        Ok(())
    };
    // "всё" in the third paragraph, "все" in "всех" at the end: ё = е, both ways.
    search("все", "1 из 2")?;
    assert_eq!(highlighted(&session, "article")?, ["всё", "все"]);
    // The per-speaker counts follow a frame after the highlights: wait for this query's.
    let matches = webdriver::poll(RENDER_TIMEOUT, "the speaker's match count", || {
        let text = text_of(&session, ".tv-speaker-matches")?;
        Ok((text.split(' ').next() == Some("2")).then_some(text))
    })?;
    assert_eq!(
        assert_russian_count(
            &matches,
            ["совпадение", "совпадения", "совпадений"],
            "matches"
        ),
        2
    );
    search("всё", "1 из 2")?;
    assert_eq!(highlighted(&session, "article")?, ["всё", "все"]);
    // й is a letter of its own: "Добрый" and "Дмитрий" are not found by и.
    search("добрыи", "Совпадений нет")?;
    search("дмитрии", "Совпадений нет")?;
    search("добрый", "1 из 1")?;
    assert_eq!(highlighted(&session, "article")?, ["Добрый"]);
    search("ДМИТРИЙ", "1 из 1")?;
    assert_eq!(highlighted(&session, "article")?, ["Дмитрий"]);
    // The status and the matches count in Russian: "думаю" twice.
    search("думаю", "1 из 2")?;
    assert_no_page_errors(&session, &server);
    Ok(())
}

/// Without JavaScript the Russian page's notice that the controls need it is Russian
/// too (the page is otherwise Russian, `<html lang="ru">`).
#[test]
fn the_russian_page_without_javascript_says_so_in_russian() -> TestResult {
    let server = StaticServer::start(&dist_dir())?;
    let driver = start_driver();
    let session = open_with(&driver, |c| driver.engine().disable_javascript(c));
    session.goto(&server.url(&format!("/{RU_ID}/")))?;
    let notice = session.find(".tv-noscript")?.ok_or("no .tv-noscript")?;
    assert!(notice.displayed()?, "the <noscript> notice is not shown");
    let text = notice
        .text()?
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        text,
        "Для поиска, выбора выступающих и настроек отображения нужны JavaScript и WebAssembly.",
        "the Russian page's <noscript> notice ({})",
        session.browser()
    );
    Ok(())
}

/// A timed hearing of four cues over nine seconds: three turns (Ann Lee's first two
/// cues are one).
const HEARING_VTT: &str = "WEBVTT

00:00.500 --> 00:02.000
<v Ann Lee>Good morning, everyone.

00:02.200 --> 00:04.000
<v Ann Lee>Let us begin the hearing.

00:04.500 --> 00:06.000
<v Bo Park>Thank you, chair.

00:06.500 --> 00:09.000
<v Ann Lee>First question: the budget.
";

/// The seek test's host script: `#timed` (the hearing, its own player) is told to seek
/// to 3 s at once, before its transcript has arrived; `#plain` has no recording.
const SEEK_SCRIPT: &str = r#"import init, { mount } from "./transcript-viewer.js";
await init();
const el = (id) => document.getElementById(id);
window.__timed = mount(el("timed"), { src: "hearing.viewer.json", idPrefix: "timed-", lang: "ru" });
window.__timed.seek(3);
window.__plain = mount(el("plain"), {
  src: "transcripts/russian-belarusian-talks-2022-02-18.json", idPrefix: "plain-",
});
window.__seekReady = true;
"#;

/// `handle.seek(seconds)` moves a timed transcript's recording there (asked before the
/// transcript has arrived, and again once it shows: the turn of that time is marked),
/// does nothing to a transcript without one, and refuses what is not a time.
#[test]
fn seek_moves_a_timed_transcripts_recording() -> TestResult {
    let dir = site_with_files(
        "e2e-seek",
        &[
            (
                "seek.html",
                host_page(
                    "Seeking from the host",
                    "<div id=\"timed\"></div><div id=\"plain\"></div>",
                    "seek.js",
                ),
            ),
            ("seek.js", SEEK_SCRIPT.to_owned()),
            ("hearing.vtt", HEARING_VTT.to_owned()),
        ],
    )?;
    std::fs::write(dir.join("tone.wav"), wav::tone(10.0, 8000))?;
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_transcript2json"))
        .args(["--media", "tone.wav"])
        .arg(dir.join("hearing.vtt"))
        .output()?;
    assert!(
        out.status.success(),
        "transcript2json: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::write(dir.join("hearing.viewer.json"), &out.stdout)?;
    let server = serve_with_probe(&dir)?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/seek.html"))?;
    wait_js(
        &session,
        &server,
        "both viewers shown",
        "return window.__seekReady === true\
           && document.querySelectorAll('#timed .tv-root[data-ready] h1, #plain .tv-root[data-ready] h1').length === 2;",
    )?;
    let media = "#timed audio";
    let playback = |session: &Session| {
        session.execute(
            "const m = document.querySelector(arguments[0]);\
             const turn = document.querySelector('#timed [data-playing]');\
             return m ? { time: m.currentTime, ready: m.readyState, paused: m.paused,\
                          turn: turn ? turn.id : null, error: m.error ? m.error.code : null } : null;",
            vec![json!(media)],
        )
    };
    let wait_time = |at: f64, turn: Option<&str>| -> Result<Value, String> {
        let mut last = Value::Null;
        webdriver::poll(RENDER_TIMEOUT, &format!("the recording at {at} s"), || {
            last = playback(&session)?;
            let near = (last["time"].as_f64().unwrap_or(-1.0) - at).abs() < 0.1;
            let marked = turn.is_none_or(|t| last["turn"] == t);
            Ok((near && marked).then_some(last.clone()))
        })
        .map_err(|e| format!("{e} ({}): last {last}", session.browser()))
    };
    let p = wait_time(3.0, None)?;
    assert_eq!(p["paused"], true, "seek does not start playing: {p}");
    // Once shown: the turn of that time is marked (the first two cues are one turn:
    // 7.2 s is in the third, Ann Lee's from 6.5 s; 4.75 s in Bo Park's).
    js(&session, "window.__timed.seek(7.2);")?;
    wait_time(7.2, Some("timed-t3"))?;
    js(&session, "window.__timed.seek(4.75);")?;
    wait_time(4.75, Some("timed-t2"))?;
    // No recording: nothing happens, nothing breaks.
    js(&session, "window.__plain.seek(3);")?;
    assert_eq!(
        js(
            &session,
            "return document.querySelectorAll('#plain audio, #plain video').length;"
        )?,
        json!(0)
    );
    let thrown = js(
        &session,
        "const r = [];\
         for (const v of [-1, 'soon', NaN]) {\
           try { window.__timed.seek(v); r.push('no error'); }\
           catch (e) { r.push(Object.prototype.toString.call(e) === '[object Error]' ? e.message : 'not an Error: ' + e); }\
         }\
         return r;",
    )?;
    for message in thrown.as_array().ok_or("no answers")? {
        assert!(
            message
                .as_str()
                .unwrap_or_default()
                .contains("seek takes a number of seconds"),
            "a bad seek: {thrown}"
        );
    }
    let p = playback(&session)?;
    assert!(
        (p["time"].as_f64().unwrap_or(-1.0) - 4.75).abs() < 0.1,
        "a refused seek moved the recording: {p}"
    );
    assert_no_page_errors(&session, &server);
    drop(session);
    drop(server);
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}
