//! Citing a passage on the built site by keyboard only (real key input through
//! WebDriver's actions, on whatever has the focus): Tab from the skip link's target to
//! the first turn's "Cite" button, Enter, and the citation reaches the clipboard (a stub
//! that records it: a headless browser's own clipboard needs a permission prompt) with
//! the credit and the link, and is announced; a selection in a turn, Alt+Shift+C, and
//! its quote is cited. In the engine `E2E_BROWSER` names.

use super::{
    assert_no_page_errors, dist_dir, open, serve_with_probe, start_driver, wait_for_transcript,
    TestResult, ENTER, RENDER_TIMEOUT,
};
use crate::webdriver::{self, Session};
use serde_json::Value;

const TAB: &str = "\u{E004}";
/// Alt, Shift and C, held together.
const CITE_SHORTCUT: &str = "\u{E00A}\u{E008}c";

/// Replaces `navigator.clipboard` with one that records what is written, as
/// `window.__tvClip` entries `{text, html}` (also for `prerender`'s long page).
pub(crate) const STUB: &str = "window.__tvClip = [];
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: {
      writeText: (text) => { window.__tvClip.push({ text, html: null }); return Promise.resolve(); },
      write: async (items) => {
        const read = async (type) => (await items[0].getType(type)).text();
        window.__tvClip.push({ text: await read('text/plain'), html: await read('text/html') });
      },
    } });";

/// The focused element, as `class#id` of it and of its turn (`section.tv-turn`).
fn focused(session: &Session) -> webdriver::Result<String> {
    let v = session.execute(
        "const e = document.activeElement;\
         const turn = e && e.closest('section.tv-turn');\
         return (e ? e.className + '#' + e.id : '') + (turn ? ' in ' + turn.id : '');",
        vec![],
    )?;
    Ok(v.as_str().unwrap_or_default().to_string())
}

/// The `n`th citation the stub recorded (from 0), once there is one: (text, html).
fn citation(session: &Session, n: usize) -> webdriver::Result<(String, Value)> {
    webdriver::poll(RENDER_TIMEOUT, "a citation on the clipboard", || {
        let all = session.execute("return window.__tvClip;", vec![])?;
        Ok(all.get(n).map(|c| {
            (
                c["text"].as_str().unwrap_or_default().to_string(),
                c["html"].clone(),
            )
        }))
    })
}

#[test]
fn a_turn_is_cited_by_keyboard() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/"))?;
    wait_for_transcript(&session, &server)?;
    session.execute(STUB, vec![])?;
    let browser = session.browser();

    // The skip link first, then to the title, then Tab along to the first turn's
    // buttons: its link, then "Cite".
    session.press(&[TAB])?;
    assert!(
        focused(&session)?.starts_with("tv-skip-link"),
        "{} ({browser})",
        focused(&session)?
    );
    session.press(&[ENTER])?;
    webdriver::poll(RENDER_TIMEOUT, "the title focused", || {
        Ok(focused(&session)?.ends_with("#title").then_some(()))
    })?;
    let mut path = Vec::new();
    for _ in 0..12 {
        session.press(&[TAB])?;
        path.push(focused(&session)?);
        if path.last().is_some_and(|f| f.starts_with("tv-turn-cite")) {
            break;
        }
    }
    let n = path.len();
    assert!(
        n >= 2 && path[n - 1] == "tv-turn-cite# in t1" && path[n - 2] == "tv-turn-link# in t1",
        "Tab from the title went {path:?} ({browser})"
    );
    let name = session.execute(
        "return document.activeElement.getAttribute('aria-label');",
        vec![],
    )?;
    assert_eq!(name, "Cite turn 1 (Vladimir Putin)", "{browser}");

    session.press(&[ENTER])?;
    let (text, html) = citation(&session, 0)?;
    let first_line = text.lines().next().unwrap_or_default();
    assert!(
        first_line.starts_with("“Mr President,") && first_line.ends_with('”'),
        "{text} ({browser})"
    );
    assert!(
        text.contains("\n— Vladimir Putin, President of Russia\n")
            && text.contains("\nRussian-Belarusian talks, February 18, 2022\n")
            && text.contains("\nSource: President of Russia website, kremlin.ru (CC BY 4.0)"),
        "{text} ({browser})"
    );
    let link = text.lines().last().unwrap_or_default();
    let page = server.url("/");
    let directives = session.execute("return 'fragmentDirective' in document;", vec![])?;
    if directives == Value::Bool(true) {
        assert!(
            link.starts_with(&format!("{page}#t1:~:text=Mr%20President")),
            "{link} ({browser})"
        );
    } else {
        assert_eq!(link, format!("{page}#t1"), "{browser}");
    }
    let items = session.execute("return typeof ClipboardItem === 'function';", vec![])?;
    assert_eq!(
        html.is_string(),
        items == Value::Bool(true),
        "HTML beside the text where ClipboardItem exists: {html} ({browser})"
    );
    webdriver::poll(RENDER_TIMEOUT, "the citation announced", || {
        let said = session.execute(
            "return document.querySelector('.tv-announcement').textContent;",
            vec![],
        )?;
        Ok((said == "Citation copied").then_some(()))
    })?;
    // The focus stays on the button.
    assert_eq!(focused(&session)?, "tv-turn-cite# in t1", "{browser}");

    // A selection in the second turn (made by script: caret browsing differs per
    // engine), then Alt+Shift+C: its words are cited, and the selection's button shows.
    session.execute(
        "const p = document.getElementById('t2-p1');\
         const r = document.createRange();\
         r.setStart(p.firstChild, 0); r.setEnd(p.firstChild, 9);\
         const s = getSelection(); s.removeAllRanges(); s.addRange(r);",
        vec![],
    )?;
    webdriver::poll(RENDER_TIMEOUT, "the selection's button", || {
        Ok(session
            .find("button.tv-cite-selection:not([hidden])")?
            .map(|_| ()))
    })?;
    session.press(&[CITE_SHORTCUT])?;
    let (text, _) = citation(&session, 1)?;
    let quoted = session.execute(
        "const t = document.getElementById('t2-p1').textContent;\
         return t.slice(0, t.indexOf(' ', 9) < 0 ? t.length : t.indexOf(' ', 9));",
        vec![],
    )?;
    assert_eq!(
        text.lines().next().unwrap_or_default(),
        format!("“{}”", quoted.as_str().unwrap_or_default()),
        "{text} ({browser})"
    );
    assert!(
        text.contains("\n— Alexander Lukashenko"),
        "{text} ({browser})"
    );
    assert_no_page_errors(&session, &server);
    Ok(())
}
