//! The browser calls of media sync: the recording's element (the viewer's own `<audio>`
//! or `<video>`, or the host's), its events, a per-frame loop while it plays, the marks
//! on the passage being played and keeping that passage in view (`www/media.js`), and
//! the reader's own scrolling, which pauses following. Native stand-ins do nothing.

#![cfg_attr(not(target_arch = "wasm32"), allow(unused_variables, dead_code))]

use yew::prelude::*;

#[cfg(target_arch = "wasm32")]
mod imp {
    use super::*;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use web_sys::{Element, HtmlMediaElement};

    #[wasm_bindgen(module = "/www/media.js")]
    extern "C" {
        type NowMarks;
        #[wasm_bindgen(constructor)]
        fn new(root: &Element) -> NowMarks;
        #[wasm_bindgen(method)]
        fn mark(this: &NowMarks, turn: &str, para: &str, start16: u32, end16: u32) -> bool;
        #[wasm_bindgen(method)]
        fn clear(this: &NowMarks);
        #[wasm_bindgen(method)]
        fn intact(this: &NowMarks) -> bool;

        type Follower;
        #[wasm_bindgen(constructor)]
        fn new() -> Follower;
        #[wasm_bindgen(method)]
        fn follow(this: &Follower, el: Option<Element>);
        #[wasm_bindgen(method)]
        fn stop(this: &Follower);
    }

    /// The recording's element.
    #[derive(Clone, PartialEq)]
    pub struct Media(HtmlMediaElement);

    impl Media {
        /// The media element: `own` (the viewer's) when rendered, else the element of
        /// the page with id `host_id` when it is an `<audio>` or `<video>`.
        pub fn find(own: &NodeRef, host_id: &str) -> Option<Media> {
            if let Some(m) = own.cast::<HtmlMediaElement>() {
                return Some(Media(m));
            }
            if host_id.is_empty() {
                return None;
            }
            let el = web_sys::window()?.document()?.get_element_by_id(host_id)?;
            el.dyn_into::<HtmlMediaElement>().ok().map(Media)
        }

        /// Where playback is, in seconds.
        pub fn current_time(&self) -> f64 {
            self.0.current_time()
        }

        /// Moves playback to `seconds` (once the element knows its duration, at once).
        pub fn seek(&self, seconds: f64) {
            self.0.set_current_time(seconds);
        }

        /// True when paused (or not started).
        pub fn paused(&self) -> bool {
            self.0.paused()
        }

        /// True once the element knows the recording's duration (`HAVE_METADATA`, and a
        /// duration: WebKitGTK was seen reporting the first with a duration of 0, when a
        /// seek is clamped to 0).
        pub fn has_metadata(&self) -> bool {
            self.0.ready_state() >= 1 && self.0.duration() > 0.0
        }

        /// Starts playback; a refusal (autoplay rules, no source) is ignored: the
        /// element's own controls still show it is paused.
        pub fn play(&self) {
            if let Ok(p) = self.0.play() {
                let catch = Closure::<dyn FnMut(JsValue)>::new(|_| {});
                let _ = p.catch(&catch);
                catch.forget();
            }
        }

        /// Pauses playback.
        pub fn pause(&self) {
            let _ = self.0.pause();
        }

        /// Calls `f` on every `event` the element fires, until the listener is dropped.
        pub fn on(&self, event: &'static str, mut f: impl FnMut() + 'static) -> Option<On> {
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| f());
            self.0
                .add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
                .ok()?;
            Some(On {
                target: self.0.clone().into(),
                event,
                closure,
            })
        }
    }

    /// An event listener, removed when dropped.
    pub struct On {
        target: web_sys::EventTarget,
        event: &'static str,
        closure: Closure<dyn FnMut(web_sys::Event)>,
    }

    impl Drop for On {
        fn drop(&mut self) {
            let _ = self.target.remove_event_listener_with_callback(
                self.event,
                self.closure.as_ref().unchecked_ref(),
            );
        }
    }

    /// The pending frame's id and the loop's callback.
    type Loop = (i32, Option<Closure<dyn FnMut()>>);

    /// Calls `f` once per animation frame until dropped.
    pub struct Frames {
        state: std::rc::Rc<std::cell::RefCell<Loop>>,
    }

    impl Frames {
        /// Starts the loop.
        pub fn start(f: impl FnMut() + 'static) -> Option<Frames> {
            let window = web_sys::window()?;
            let state: std::rc::Rc<std::cell::RefCell<Loop>> =
                std::rc::Rc::new(std::cell::RefCell::new((0, None)));
            let weak = std::rc::Rc::downgrade(&state);
            let mut f = f;
            let closure = Closure::<dyn FnMut()>::new(move || {
                let Some(state) = weak.upgrade() else { return };
                f();
                let w = web_sys::window();
                let mut s = state.borrow_mut();
                if let (Some(w), Some(c)) = (w, s.1.as_ref()) {
                    s.0 = w
                        .request_animation_frame(c.as_ref().unchecked_ref())
                        .unwrap_or(0);
                }
            });
            let id = window
                .request_animation_frame(closure.as_ref().unchecked_ref())
                .ok()?;
            *state.borrow_mut() = (id, Some(closure));
            Some(Frames { state })
        }
    }

    impl Drop for Frames {
        /// Never dropped from inside its own frame callback (the loop is stopped by
        /// the element's `pause` event, a task of its own).
        fn drop(&mut self) {
            if let Some(w) = web_sys::window() {
                let _ = w.cancel_animation_frame(self.state.borrow().0);
            }
        }
    }

    /// The marks on the passage being played, inside the viewer's root.
    pub struct Marks(NowMarks);

    impl Marks {
        /// Marks for the viewer whose root is `root`.
        pub fn new(root: &NodeRef) -> Option<Marks> {
            root.cast::<Element>().map(|r| Marks(NowMarks::new(&r)))
        }

        /// Marks turn `turn`, paragraph `para` and the word at UTF-16 `word` of its text;
        /// true when the paragraph is newly marked.
        pub fn mark(&self, turn: &str, para: &str, word: Option<(u32, u32)>) -> bool {
            let (a, b) = word.unwrap_or((0, 0));
            self.0.mark(turn, para, a, b)
        }

        /// Takes every mark off.
        pub fn clear(&self) {
            self.0.clear();
        }

        /// True while the marked nodes are still in the page.
        pub fn intact(&self) -> bool {
            self.0.intact()
        }
    }

    /// Keeps the paragraph being played in view.
    pub struct Follow(Follower);

    impl Follow {
        /// A follower, following nothing yet.
        pub fn new() -> Follow {
            Follow(Follower::new())
        }

        /// Follows the element with this id (none: stops following).
        pub fn follow(&self, id: Option<&str>) {
            let el = id.and_then(|id| web_sys::window()?.document()?.get_element_by_id(id));
            self.0.follow(el);
        }
    }

    impl Drop for Follow {
        fn drop(&mut self) {
            self.0.stop();
        }
    }

    /// Offers `text` as a file named `name` of type `mime` (a Blob and a link with
    /// `download`, clicked and let go); false when the browser refused.
    pub fn download(name: &str, mime: &str, text: &str) -> bool {
        let run = || -> Option<()> {
            let document = web_sys::window()?.document()?;
            let parts = js_sys::Array::of1(&JsValue::from_str(text));
            let options = web_sys::BlobPropertyBag::new();
            options.set_type(mime);
            let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
            let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
            let a = document
                .create_element("a")
                .ok()?
                .dyn_into::<web_sys::HtmlElement>()
                .ok()?;
            a.set_attribute("href", &url).ok()?;
            a.set_attribute("download", name).ok()?;
            a.click();
            // Let the download start before the address goes.
            let revoke = Closure::once_into_js(move || {
                let _ = web_sys::Url::revoke_object_url(&url);
            });
            web_sys::window()?
                .set_timeout_with_callback_and_timeout_and_arguments_0(
                    revoke.unchecked_ref(),
                    60_000,
                )
                .ok()?;
            Some(())
        };
        run().is_some()
    }

    /// Listeners that call `f` when the reader scrolls the page themself: the wheel, a
    /// touch that moves, the keys that scroll (outside form fields and the media
    /// element, whose keys are theirs). Scrolls the page makes itself do not count.
    pub fn on_reader_scroll(f: impl Fn() + 'static) -> Vec<On> {
        let Some(window) = web_sys::window() else {
            return Vec::new();
        };
        let f = std::rc::Rc::new(f);
        let mut out = Vec::new();
        for event in ["wheel", "touchmove"] {
            let f = f.clone();
            let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| f());
            let options = web_sys::AddEventListenerOptions::new();
            options.set_passive(true);
            if window
                .add_event_listener_with_callback_and_add_event_listener_options(
                    event,
                    closure.as_ref().unchecked_ref(),
                    &options,
                )
                .is_ok()
            {
                out.push(On {
                    target: window.clone().into(),
                    event,
                    closure,
                });
            }
        }
        let closure = Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let scrolls = matches!(
                k.key().as_str(),
                "PageUp" | "PageDown" | "Home" | "End" | "ArrowUp" | "ArrowDown" | " "
            );
            let in_field = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .is_some_and(|el| {
                    el.closest("input, textarea, select, button, audio, video, [contenteditable]")
                        .ok()
                        .flatten()
                        .is_some()
                });
            if scrolls && !in_field && !k.alt_key() && !k.ctrl_key() && !k.meta_key() {
                f();
            }
        });
        if window
            .add_event_listener_with_callback("keydown", closure.as_ref().unchecked_ref())
            .is_ok()
        {
            out.push(On {
                target: window.into(),
                event: "keydown",
                closure,
            });
        }
        out
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    use super::*;

    /// The recording's element (none natively).
    #[derive(Clone, PartialEq)]
    pub struct Media;

    impl Media {
        pub fn find(own: &NodeRef, host_id: &str) -> Option<Media> {
            None
        }
        pub fn current_time(&self) -> f64 {
            0.0
        }
        pub fn seek(&self, seconds: f64) {}
        pub fn paused(&self) -> bool {
            true
        }
        pub fn has_metadata(&self) -> bool {
            false
        }
        pub fn play(&self) {}
        pub fn pause(&self) {}
        pub fn on(&self, event: &'static str, f: impl FnMut() + 'static) -> Option<On> {
            None
        }
    }

    pub struct On;
    pub struct Frames;
    impl Frames {
        pub fn start(f: impl FnMut() + 'static) -> Option<Frames> {
            None
        }
    }
    pub struct Marks;
    impl Marks {
        pub fn new(root: &NodeRef) -> Option<Marks> {
            None
        }
        pub fn mark(&self, turn: &str, para: &str, word: Option<(u32, u32)>) -> bool {
            false
        }
        pub fn clear(&self) {}
        pub fn intact(&self) -> bool {
            false
        }
    }
    pub struct Follow;
    impl Follow {
        pub fn new() -> Follow {
            Follow
        }
        pub fn follow(&self, id: Option<&str>) {}
    }
    pub fn on_reader_scroll(f: impl Fn() + 'static) -> Vec<On> {
        Vec::new()
    }
    pub fn download(name: &str, mime: &str, text: &str) -> bool {
        false
    }
}

pub use imp::*;
