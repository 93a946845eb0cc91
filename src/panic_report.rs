//! The panic hook. Nothing in the viewer should panic; if something still does (a bug),
//! the reader must not be left with a page that silently stopped working. [`install`]
//! (called by the module's start-up, [`embed::start_app`](crate::embed)) sets a hook
//! that writes the panic to the console (`console.error`) and shows it on the page: a
//! `role="alert"` box at the top of the `<body>`, saying that the viewer stopped and to
//! reload, with the panic's message and place. Then the previous hook runs (e.g. a test
//! harness's). A Yew app embedding the viewer can call [`install`] itself.
//!
//! The release build aborts on panic (`panic = "abort"`): the hook runs first, then the
//! WebAssembly traps.

/// The alert's first line (in English; on a page in another language the viewer
/// speaks, its `panic_stopped` label).
pub const STOPPED: &str = "The transcript viewer stopped working because of an internal error.";
/// The alert's second line.
pub const RELOAD: &str = "Reload the page to try again. The details:";

/// What goes to the console for a panic described by `info` (the hook's
/// `PanicHookInfo` as text: `panicked at src/x.rs:1:2:\nmessage`).
pub fn console_message(info: &str) -> String {
    format!("transcript-viewer: {info}")
}

#[cfg(target_arch = "wasm32")]
pub use browser::{install, report};

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::console_message;
    use std::sync::Once;

    /// Sets the panic hook (once; later calls do nothing).
    pub fn install() {
        static INSTALL: Once = Once::new();
        INSTALL.call_once(|| {
            let previous = std::panic::take_hook();
            std::panic::set_hook(Box::new(move |info| {
                report(&info.to_string());
                previous(info);
            }));
        });
    }

    /// Reports a panic described by `info` to the console and on the page. Never
    /// panics itself (a panic in a panic hook aborts without a word): every browser
    /// call that fails is skipped.
    pub fn report(info: &str) {
        web_sys::console::error_1(&console_message(info).into());
        let _ = show(info);
    }

    /// Adds `<div class="tv-root tv-panic" role="alert">` at the top of the body (or
    /// one more detail to the one already there). Text only: nothing is parsed.
    fn show(info: &str) -> Option<()> {
        let document = web_sys::window()?.document()?;
        let body = document.body()?;
        let detail = document.create_element("p").ok()?;
        let code = document.create_element("code").ok()?;
        code.set_text_content(Some(info));
        detail.append_child(&code).ok()?;
        if let Some(existing) = document.query_selector(".tv-panic").ok().flatten() {
            existing.append_child(&detail).ok()?;
            return Some(());
        }
        let alert = document.create_element("div").ok()?;
        alert.set_class_name("tv-root tv-panic");
        alert.set_attribute("role", "alert").ok()?;
        // In the language of the viewer's words (its root's `lang`), else the page's.
        let lang = document
            .query_selector(".tv-root[lang]")
            .ok()
            .flatten()
            .or_else(|| document.document_element())
            .and_then(|el| el.get_attribute("lang"))
            .unwrap_or_default();
        let labels = crate::components::Labels::for_lang(&lang);
        alert.set_attribute("lang", labels.lang()).ok()?;
        for line in [&labels.panic_stopped, &labels.panic_reload] {
            let p = document.create_element("p").ok()?;
            p.set_text_content(Some(line));
            alert.append_child(&p).ok()?;
        }
        alert.append_child(&detail).ok()?;
        body.insert_before(&alert, body.first_child().as_ref())
            .ok()?;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_english_lines_are_the_labels() {
        let l = crate::components::Labels::default();
        assert_eq!((STOPPED, RELOAD), (&*l.panic_stopped, &*l.panic_reload));
    }

    #[test]
    fn the_console_line_names_the_viewer_and_keeps_the_panic() {
        assert_eq!(
            console_message("panicked at src/x.rs:1:2:\nboom"),
            "transcript-viewer: panicked at src/x.rs:1:2:\nboom"
        );
    }
}
