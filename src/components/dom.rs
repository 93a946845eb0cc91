//! The browser calls the viewer makes outside rendering: reading form controls in event
//! handlers, the page URL and history, scrolling, focus, the clipboard, `localStorage`,
//! timers, window and document event listeners, and (in `selection`) the selection.
//! Every function has a native stand-in that does nothing, so the crate (and the pure
//! render path) still builds and renders without a browser. Nothing here panics on a
//! missing element: a lookup that fails does nothing.

#![cfg_attr(not(target_arch = "wasm32"), allow(unused_variables, dead_code))]

pub mod media;
mod selection;

pub use selection::{place_at, select_all, selected_passage, selected_turn};

use crate::settings::{Settings, SettingsMemory, STORAGE_KEY};
use crate::state::{turn_link, HistoryEntry};
use yew::prelude::*;

/// What became of a "copy link" request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The link is on the clipboard.
    Clipboard,
    /// No clipboard: the link is now the page's address (its fragment was set).
    AddressBar,
}

/// The vertical band of the window (top and bottom, in CSS pixels from the window's top)
/// in which a target counts as seen: the window's `view`, cut down to the inside of each
/// clipping ancestor's box in `clips` (a scrolling box that holds the viewer) and, from
/// the top, to below the bottom of a bar `stuck` over the content.
pub fn visible_band(view: (f64, f64), clips: &[(f64, f64)], stuck: Option<f64>) -> (f64, f64) {
    let (mut top, mut bottom) = view;
    for &(t, b) in clips {
        top = top.max(t);
        bottom = bottom.min(b);
    }
    if let Some(bar) = stuck {
        top = top.max(bar);
    }
    (top, bottom)
}

/// Whether a target from `top` to `bottom` is wholly inside `band` (half a pixel of
/// rounding allowed): then it need not be scrolled to.
pub fn wholly_inside(top: f64, bottom: f64, band: (f64, f64)) -> bool {
    top >= band.0 - 0.5 && bottom <= band.1 + 0.5 && band.0 < band.1
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{Element, HtmlElement, HtmlInputElement};

    /// The value of the `<input>` an event came from.
    pub fn input_value(e: &Event) -> Option<String> {
        e.target_dyn_into::<HtmlInputElement>().map(|i| i.value())
    }

    /// Whether the checkbox an event came from is checked.
    pub fn checkbox_checked(e: &Event) -> Option<bool> {
        e.target_dyn_into::<HtmlInputElement>().map(|i| i.checked())
    }

    fn reduced_motion() -> bool {
        web_sys::window()
            .and_then(|w| {
                w.match_media("(prefers-reduced-motion: reduce)")
                    .ok()
                    .flatten()
            })
            .is_some_and(|m| m.matches())
    }

    fn scroll_into_view(el: &Element, block: web_sys::ScrollLogicalPosition) {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(block);
        options.set_behavior(if reduced_motion() {
            web_sys::ScrollBehavior::Auto
        } else {
            web_sys::ScrollBehavior::Smooth
        });
        el.scroll_into_view_with_scroll_into_view_options(&options);
    }

    /// Scrolls the current match (`.tv-current` inside `root`) to the middle of the view,
    /// unless the whole of it is already in view (as a browser's own find does): a
    /// keystroke or "next" whose match the reader can see does not move the page.
    pub fn scroll_to_current_match(root: &NodeRef) {
        let Some(root) = root.cast::<Element>() else {
            return;
        };
        if let Some(el) = root.query_selector(".tv-current").ok().flatten() {
            if !in_view(&root, &el) {
                scroll_into_view(&el, web_sys::ScrollLogicalPosition::Center);
            }
        }
    }

    /// Whether the whole of `el` (inside the viewer `root`) can be seen: inside the
    /// window, inside every scrolling box that holds the viewer, and not under the
    /// viewer's sticky search bar.
    fn in_view(root: &Element, el: &Element) -> bool {
        let Some(window) = web_sys::window() else {
            return false;
        };
        let Some(html) = window.document().and_then(|d| d.document_element()) else {
            return false;
        };
        // The sticky offset (`top`, in pixels) of a bar that is `position: sticky`.
        let sticky_top = |e: &Element| -> Option<f64> {
            let style = window.get_computed_style(e).ok().flatten()?;
            if style.get_property_value("position").ok()? != "sticky" {
                return None;
            }
            // JavaScript's parseFloat ("12px" → 12): Rust's float parsing would add
            // ~20 KB to the Wasm for this one number.
            let top = js_sys::parse_float(&style.get_property_value("top").ok()?);
            Some(if top.is_finite() { top } else { 0.0 })
        };
        let overflows = |e: &Element| -> bool {
            window
                .get_computed_style(e)
                .ok()
                .flatten()
                .and_then(|s| s.get_property_value("overflow-y").ok())
                .is_some_and(|o| o != "visible")
        };
        // Scrolling boxes between the viewer and the page (an embedding host's panel).
        let mut clips = Vec::new();
        let mut at = root.parent_element();
        while let Some(e) = at {
            if e == html {
                break;
            }
            if e.scroll_height() > e.client_height() && overflows(&e) {
                let r = e.get_bounding_client_rect();
                let top = r.top() + f64::from(e.client_top());
                clips.push((top, top + f64::from(e.client_height())));
            }
            at = e.parent_element();
        }
        let view = (0.0, f64::from(html.client_height()));
        let top = visible_band(view, &clips, None).0;
        // The search bar covers what is under it only while it is stuck to the top (in
        // its place in the page, what comes before it is above it, not under it).
        let stuck = root
            .query_selector(".tv-search")
            .ok()
            .flatten()
            .and_then(|bar| {
                let offset = sticky_top(&bar)?;
                let r = bar.get_bounding_client_rect();
                (r.top() <= top + offset + 1.0).then(|| r.bottom())
            });
        let band = visible_band(view, &clips, stuck);
        let r = el.get_bounding_client_rect();
        wholly_inside(r.top(), r.bottom(), band)
    }

    fn element(id: &str) -> Option<Element> {
        web_sys::window()?.document()?.get_element_by_id(id)
    }

    /// Scrolls the element with this id to the top of the view.
    pub fn scroll_to_id(id: &str) {
        if let Some(el) = element(id) {
            scroll_into_view(&el, web_sys::ScrollLogicalPosition::Start);
        }
    }

    /// Moves the focus to the first element matching `selector` inside the element with
    /// this id.
    pub fn focus_inside(id: &str, selector: &str) {
        let target = element(id)
            .and_then(|el| el.query_selector(selector).ok().flatten())
            .and_then(|el| el.dyn_into::<HtmlElement>().ok());
        if let Some(el) = target {
            let _ = el.focus();
        }
    }

    /// Sets or removes the `hidden` attribute of the element with this id.
    pub fn set_hidden(id: &str, hidden: bool) {
        if let Some(el) = element(id) {
            let _ = el.toggle_attribute_with_force("hidden", hidden);
        }
    }

    /// Where the focus is, when it is in a turn (a `section.tv-turn`) whose id `here`
    /// accepts: that id, and whether the focus is on the turn's link button.
    pub fn focused_turn(here: impl Fn(&str) -> bool) -> Option<(String, bool)> {
        let active = web_sys::window()?.document()?.active_element()?;
        let turn = active.closest("section.tv-turn").ok().flatten()?;
        let id = turn.id();
        here(&id).then(|| (id, active.matches(".tv-turn-link").unwrap_or(false)))
    }

    /// The turn whose button matching `button` (`.tv-turn-link`, `.tv-seek`) `event` (a
    /// click) hit, when that button is in a
    /// group of turns still as the server rendered it (`.tv-turn-group[data-dormant]`,
    /// without listeners of its own): the id of its `section.tv-turn`.
    pub fn dormant_link_click(event: &MouseEvent, button: &str) -> Option<String> {
        let target = event.target()?.dyn_into::<Element>().ok()?;
        let button = target.closest(button).ok().flatten()?;
        button
            .closest(".tv-turn-group[data-dormant]")
            .ok()
            .flatten()?;
        let turn = button.closest("section.tv-turn").ok().flatten()?;
        Some(turn.id())
    }

    /// Whether `event` happened in an element matching `selector`.
    pub fn event_in(event: &MouseEvent, selector: &str) -> bool {
        event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|t| t.closest(selector).ok().flatten())
            .is_some()
    }

    /// Whether `event` is the key that cites the selection: Alt+Shift+C (by the key's
    /// place, `KeyC`, so that it is the same in every layout and on a Mac, where
    /// Option+Shift+C types a letter).
    pub fn is_cite_shortcut(event: &Event) -> bool {
        event.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| {
            k.alt_key() && k.shift_key() && !k.ctrl_key() && !k.meta_key() && k.code() == "KeyC"
        })
    }

    /// Moves the focus to the element with this id (which scrolls it into view).
    pub fn focus_id(id: &str) {
        if let Some(el) = element(id).and_then(|el| el.dyn_into::<HtmlElement>().ok()) {
            let _ = el.focus();
        }
    }

    /// `window.localStorage`, if the page may use it. Reading the property throws when
    /// storage is blocked (a `SecurityError` in sandboxed frames or with cookies
    /// disabled): that is `None` too.
    ///
    /// Read as an ordinary property (`Reflect.get`), as page scripts read it, so that
    /// whatever the page sees is what we see: web-sys's getter may be bound to
    /// `Window.prototype` and, in WebKit, bypass an instance-level property.
    fn local_storage() -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        js_sys::Reflect::get(&window, &"localStorage".into())
            .ok()?
            .dyn_into::<web_sys::Storage>()
            .ok()
    }

    /// The value stored under `key`; `None` when there is none or storage cannot be
    /// read.
    pub fn storage_get(key: &str) -> Option<String> {
        local_storage()?.get_item(key).ok().flatten()
    }

    /// Stores `value` under `key`, or removes the key for `None`. False when storage
    /// cannot be used (blocked, disabled, or full: a `QuotaExceededError`); nothing is
    /// thrown or logged.
    pub fn storage_set(key: &str, value: Option<&str>) -> bool {
        let Some(storage) = local_storage() else {
            return false;
        };
        match value {
            Some(value) => storage.set_item(key, value).is_ok(),
            None => storage.remove_item(key).is_ok(),
        }
    }

    /// The page's query string (`?…` or empty).
    pub fn location_search() -> Option<String> {
        web_sys::window()?.location().search().ok()
    }

    /// The page's fragment (`#…` or empty).
    pub fn location_hash() -> Option<String> {
        web_sys::window()?.location().hash().ok()
    }

    /// Puts `search` (a query string from `state::merge_query`) into the page's URL,
    /// keeping path and fragment, as a new history entry or in place of the current one.
    pub fn write_search(entry: HistoryEntry, search: &str) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let location = window.location();
        let (Ok(path), Ok(hash)) = (location.pathname(), location.hash()) else {
            return;
        };
        let url = format!("{path}{search}{hash}");
        let Ok(history) = window.history() else {
            return;
        };
        let _ = match entry {
            HistoryEntry::Keep => Ok(()),
            HistoryEntry::Replace => history.replace_state_with_url(&JsValue::NULL, "", Some(&url)),
            HistoryEntry::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&url)),
        };
    }

    /// Copies the page's URL with `fragment` to the clipboard when the browser offers one;
    /// otherwise (or if writing fails) sets the page's fragment, so the link is in the
    /// address bar. Reports which through `done`.
    pub fn copy_link(fragment: String, done: impl FnOnce(Copied) + 'static) {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(href) = window.location().href() else {
            return;
        };
        let url = turn_link(&href, &fragment);
        let fallback = move |done: Box<dyn FnOnce(Copied)>| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().set_hash(&fragment);
            }
            done(Copied::AddressBar);
        };
        match write_text(&url) {
            Some(promise) => yew::platform::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(promise).await {
                    Ok(_) => done(Copied::Clipboard),
                    Err(_) => fallback(Box::new(done)),
                }
            }),
            None => fallback(Box::new(done)),
        }
    }

    /// `navigator.clipboard`, where the browser has one (secure contexts only).
    fn clipboard() -> Option<JsValue> {
        let window = web_sys::window()?;
        js_sys::Reflect::get(&window.navigator(), &"clipboard".into())
            .ok()
            .filter(|c| c.is_object())
    }

    /// `clipboard[method](arg)`'s promise. Feature detection: called through `Reflect`,
    /// so that a missing or odd method is `None`, not an exception. What it returns is
    /// taken as a promise of this page's (`Promise.resolve`): one made in another realm
    /// (an extension's or a test driver's stand-in clipboard) is not `instanceof` ours.
    fn call_clipboard(method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
        let clipboard = clipboard()?;
        let write = js_sys::Reflect::get(&clipboard, &method.into()).ok()?;
        let write = write.dyn_into::<js_sys::Function>().ok()?;
        Some(js_sys::Promise::resolve(
            &write.call1(&clipboard, arg).ok()?,
        ))
    }

    /// `navigator.clipboard.writeText(text)`'s promise, where there is one.
    fn write_text(text: &str) -> Option<js_sys::Promise> {
        call_clipboard("writeText", &text.into())
    }

    /// `navigator.clipboard.write([new ClipboardItem({text/plain, text/html})])`'s
    /// promise, where the browser has both.
    fn write_rich(plain: &str, html: &str) -> Option<js_sys::Promise> {
        let window = web_sys::window()?;
        let item = js_sys::Reflect::get(&window, &"ClipboardItem".into()).ok()?;
        let item = item.dyn_into::<js_sys::Function>().ok()?;
        let data = js_sys::Object::new();
        for (kind, text) in [("text/plain", plain), ("text/html", html)] {
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(kind);
            let parts = js_sys::Array::of1(&text.into());
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            js_sys::Reflect::set(&data, &kind.into(), &blob).ok()?;
        }
        let item = js_sys::Reflect::construct(&item, &js_sys::Array::of1(&data)).ok()?;
        call_clipboard("write", &js_sys::Array::of1(&item))
    }

    /// Copies `plain` to the clipboard, with `html` beside it where the browser takes
    /// HTML (`ClipboardItem`; else the plain text alone). `done` is told whether it
    /// reached the clipboard: false where there is none or writing fails.
    pub fn copy_text(plain: String, html: Option<String>, done: impl FnOnce(bool) + 'static) {
        let rich = html.as_deref().and_then(|html| write_rich(&plain, html));
        yew::platform::spawn_local(async move {
            let ok = |p: js_sys::Promise| async move {
                wasm_bindgen_futures::JsFuture::from(p).await.is_ok()
            };
            if let Some(p) = rich {
                if ok(p).await {
                    return done(true);
                }
            }
            match write_text(&plain) {
                Some(p) => done(ok(p).await),
                None => done(false),
            }
        });
    }

    /// The page's address.
    pub fn page_href() -> Option<String> {
        web_sys::window()?.location().href().ok()
    }

    /// Whether the browser follows text directives in links (`#t3:~:text=…`): it has
    /// `document.fragmentDirective`.
    pub fn text_directives() -> bool {
        web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| js_sys::Reflect::has(&d, &"fragmentDirective".into()).unwrap_or(false))
    }

    /// A User Timing mark `name` (`performance.mark`), for DevTools and the benchmark.
    pub fn timing_mark(name: &str) {
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(name);
        }
    }

    /// A User Timing measure `name` from mark `start` to now (`performance.measure`).
    pub fn timing_measure(name: &str, start: &str) {
        // Without the mark, `measure` would throw (slowly).
        let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
            return;
        };
        if p.get_entries_by_name(start).length() > 0 {
            let _ = p.measure_with_start_mark(name, start);
        }
    }

    /// A listener for `event` on the window (or the document), removed when dropped.
    pub struct Listener {
        event: &'static str,
        target: web_sys::EventTarget,
        closure: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Listener {
        /// Calls `f` on every `event` the window receives.
        pub fn window(event: &'static str, mut f: impl FnMut() + 'static) -> Option<Self> {
            Self::on(web_sys::window()?.into(), event, move |_| f())
        }

        /// Calls `f` with every `event` the document receives.
        pub fn document(
            event: &'static str,
            f: impl FnMut(web_sys::Event) + 'static,
        ) -> Option<Self> {
            Self::on(web_sys::window()?.document()?.into(), event, f)
        }

        fn on(
            target: web_sys::EventTarget,
            event: &'static str,
            f: impl FnMut(web_sys::Event) + 'static,
        ) -> Option<Self> {
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(f);
            target
                .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
                .ok()?;
            Some(Listener {
                event,
                target,
                closure,
            })
        }
    }

    impl Drop for Listener {
        fn drop(&mut self) {
            let _ = self.target.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }

    /// A `setTimeout`, cancelled when dropped.
    pub struct Timeout {
        id: i32,
        _closure: Closure<dyn FnMut()>,
    }

    impl Timeout {
        /// Calls `f` once after `ms` milliseconds.
        pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Self> {
            let closure = Closure::once(f);
            let id = web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    closure.as_ref().unchecked_ref(),
                    ms,
                )
                .ok()?;
            Some(Timeout {
                id,
                _closure: closure,
            })
        }
    }

    impl Drop for Timeout {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                w.clear_timeout_with_handle(self.id);
            }
        }
    }

    /// A call made once the next frame has been painted (`requestAnimationFrame`, then a
    /// task), for work that must not delay what an interaction shows; or after `ms`
    /// milliseconds if no frame comes sooner (a page out of sight paints none).
    /// Cancelled when dropped.
    pub struct AfterPaint {
        frame: i32,
        _frame_closure: Closure<dyn FnMut()>,
        after: std::rc::Rc<std::cell::RefCell<Option<Timeout>>>,
        _fallback: Option<Timeout>,
    }

    impl AfterPaint {
        /// Calls `f` once, after the next painted frame or after `ms` milliseconds.
        pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Self> {
            let window = web_sys::window()?;
            let f = std::rc::Rc::new(std::cell::RefCell::new(Some(f)));
            let call = {
                let f = f.clone();
                move || {
                    if let Some(f) = f.borrow_mut().take() {
                        f();
                    }
                }
            };
            let after = std::rc::Rc::new(std::cell::RefCell::new(None));
            let frame_closure = {
                let (after, call) = (after.clone(), call.clone());
                Closure::<dyn FnMut()>::new(move || {
                    let call = call.clone();
                    *after.borrow_mut() = Timeout::new(0, call);
                })
            };
            let frame = window
                .request_animation_frame(frame_closure.as_ref().unchecked_ref())
                .ok()?;
            Some(AfterPaint {
                frame,
                _frame_closure: frame_closure,
                after,
                _fallback: Timeout::new(ms, call),
            })
        }
    }

    impl Drop for AfterPaint {
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                let _ = w.cancel_animation_frame(self.frame);
            }
            self.after.borrow_mut().take();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    pub fn input_value(e: &Event) -> Option<String> {
        None
    }
    pub fn checkbox_checked(e: &Event) -> Option<bool> {
        None
    }
    pub fn scroll_to_current_match(root: &NodeRef) {}
    pub fn scroll_to_id(id: &str) {}
    pub fn focus_inside(id: &str, selector: &str) {}
    pub fn focus_id(id: &str) {}
    pub fn set_hidden(id: &str, hidden: bool) {}
    pub fn focused_turn(here: impl Fn(&str) -> bool) -> Option<(String, bool)> {
        None
    }
    pub fn dormant_link_click(event: &MouseEvent, button: &str) -> Option<String> {
        None
    }
    pub fn event_in(event: &MouseEvent, selector: &str) -> bool {
        false
    }
    pub fn is_cite_shortcut(event: &Event) -> bool {
        false
    }
    pub fn storage_get(key: &str) -> Option<String> {
        None
    }
    pub fn storage_set(key: &str, value: Option<&str>) -> bool {
        false
    }
    pub fn location_search() -> Option<String> {
        None
    }
    pub fn location_hash() -> Option<String> {
        None
    }
    pub fn write_search(entry: HistoryEntry, search: &str) {}
    pub fn copy_link(fragment: String, done: impl FnOnce(Copied) + 'static) {
        let _ = turn_link;
    }
    pub fn copy_text(plain: String, html: Option<String>, done: impl FnOnce(bool) + 'static) {}
    pub fn page_href() -> Option<String> {
        None
    }
    pub fn text_directives() -> bool {
        false
    }
    pub fn timing_mark(name: &str) {}
    pub fn timing_measure(name: &str, start: &str) {}
    pub struct Listener;
    impl Listener {
        pub fn window(event: &'static str, f: impl FnMut() + 'static) -> Option<Self> {
            None
        }
        pub fn document(event: &'static str, f: impl FnMut(Event) + 'static) -> Option<Self> {
            None
        }
    }
    impl Drop for Listener {
        fn drop(&mut self) {}
    }
    pub struct Timeout;
    impl Timeout {
        pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Self> {
            None
        }
    }
    impl Drop for Timeout {
        fn drop(&mut self) {}
    }
    pub struct AfterPaint;
    impl AfterPaint {
        pub fn new(ms: i32, f: impl FnOnce() + 'static) -> Option<Self> {
            None
        }
    }
}

pub use imp::*;

thread_local! {
    /// The page's settings that could not be stored ([`SettingsMemory`]).
    static MEMORY: std::cell::RefCell<SettingsMemory> = Default::default();
}

/// The settings a viewer starts from: the reader's last ones in this page if they could
/// not be stored (see [`SettingsMemory`]), else those stored under [`STORAGE_KEY`], or
/// the defaults when there are none, when storage cannot be read, or when what is
/// stored is not valid.
pub fn stored_settings() -> Settings {
    MEMORY.with(|memory| {
        memory.borrow_mut().start(
            || storage_get(STORAGE_KEY),
            |form| storage_set(STORAGE_KEY, form),
        )
    })
}

/// Stores `settings` under [`STORAGE_KEY`] (removing the key when they are all
/// defaults); false when storage cannot be used, in which case the settings still hold
/// for this page, and for viewers mounted later in it.
pub fn store_settings(settings: &Settings) -> bool {
    let stored = storage_set(STORAGE_KEY, settings.stored_form().as_deref());
    MEMORY.with(|memory| memory.borrow_mut().after_store(settings, stored));
    stored
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_band_is_the_window_cut_by_clipping_boxes_and_a_stuck_bar() {
        assert_eq!(visible_band((0.0, 900.0), &[], None), (0.0, 900.0));
        // An embedding host's scrolling panel from 100 to 700, partly off the window.
        assert_eq!(
            visible_band((0.0, 900.0), &[(100.0, 700.0)], None),
            (100.0, 700.0)
        );
        assert_eq!(
            visible_band((0.0, 900.0), &[(-300.0, 2000.0), (50.0, 1200.0)], None),
            (50.0, 900.0)
        );
        // A sticky bar stuck at the top, 80 pixels high.
        assert_eq!(visible_band((0.0, 900.0), &[], Some(80.0)), (80.0, 900.0));
        assert_eq!(
            visible_band((0.0, 900.0), &[(100.0, 700.0)], Some(180.0)),
            (180.0, 700.0)
        );
    }

    #[test]
    fn only_a_target_wholly_in_the_band_is_in_view() {
        let band = (80.0, 900.0);
        assert!(wholly_inside(100.0, 120.0, band));
        assert!(wholly_inside(80.0, 900.0, band));
        // Sub-pixel layout.
        assert!(wholly_inside(79.6, 900.4, band));
        // Under the bar, cut by the bottom, above or below the view.
        assert!(!wholly_inside(70.0, 95.0, band));
        assert!(!wholly_inside(890.0, 910.0, band));
        assert!(!wholly_inside(-40.0, -20.0, band));
        assert!(!wholly_inside(1000.0, 1020.0, band));
        // A box scrolled wholly out of the window leaves no band.
        assert!(!wholly_inside(10.0, 20.0, (900.0, 700.0)));
    }
}
