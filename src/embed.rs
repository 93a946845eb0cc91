//! Embedding in any web page: the JavaScript API (`mount(element, options)`, compiled
//! for `wasm32` only) and the start-up rule of the demo site's entry point. The
//! component `mount` renders is `components::Embedded`, which the build can also render
//! on the server (`page::render_embedded`).
//!
//! From JavaScript (the module `transcript-viewer.js` that the build writes, or the
//! `<transcript-viewer>` element that `transcript-viewer-element.js` defines):
//!
//! ```js
//! import init, { mount } from "./transcript-viewer.js";
//! await init();
//! const viewer = mount(document.querySelector("#talk"), { src: "talk.json", query: "gas" });
//! // … later
//! viewer.destroy();
//! ```
//!
//! `options` (an object; every field optional but one of `src` / `data`):
//!
//! | field | type | meaning |
//! |-------|------|---------|
//! | `src` | string | URL of a transcript JSON, relative to the document's base URL |
//! | `data` | object | a transcript object (the JSON schema), given straight from JS |
//! | `query` | string | the initial search |
//! | `wholeWords`, `matchDiacritics` | boolean | the initial search options |
//! | `hidden` | string[] | speaker ids whose turns start hidden |
//! | `showSettings` | boolean | show the View settings bar (default `true`) |
//! | `storeSettings` | boolean | share the settings through `localStorage` (default `true`) |
//! | `idPrefix` | string | prefix of every `id` the viewer renders; by default a unique `tvN-` |
//! | `hydrate` | boolean | take over the viewer the element already holds (below) |
//! | `mediaFor` | string or element | the host's `<audio>`/`<video>` (or its `id`) that plays a timed transcript's recording; the viewer follows it instead of rendering its own |
//! | `lang` | string | the language of the viewer's words (`"ru"`, `"en-GB"`); by default the transcript's `lang`; built in: English, Russian (others get English words unless `labels` gives them) |
//! | `labels` | object | the host's own words over the built-in ones, by name (`{ search: "Suche", turns: { one: "{n} Beitrag", other: "{n} Beiträge" } }`): a string, or for a count its CLDR plural forms (`zero`, `one`, `two`, `few`, `many`, `other`; `other` required) |
//! | `onChange` | function | called with the reader's state (below) whenever it changes |
//!
//! The reader's state, given to `onChange`, as the `detail` of the
//! `transcript-viewer-change` event the element receives (it bubbles) on every change,
//! and as the handle's `state`: `{ query, wholeWords, matchDiacritics, hidden,
//! matches, currentMatch, shownTurns, totalTurns }` (`currentMatch` from 1, `null`
//! without a match). Not sent on mount, nor per frame of a playing recording (the
//! position is the media element's `currentTime`).
//!
//! The handle drives the viewer: `setQuery(text)`, `setSearchOptions({ wholeWords,
//! matchDiacritics })`, `setHidden([ids])`, `nextMatch()`, `previousMatch()`,
//! `seek(seconds)` (a timed transcript's recording), `destroy()`; a call made before a
//! fetched transcript has arrived waits for it. The options object and the state cross
//! the boundary with serde-wasm-bindgen; `data` goes through `JSON.stringify` and
//! serde_json, faster on a large transcript.
//!
//! With `hydrate: true` the element must already hold a viewer rendered on the server
//! for the same transcript (`render-pages embed`, see docs/embedding.md): `mount` hydrates it
//! (keeps its nodes, adds the behaviour) instead of rendering it again. Give the same
//! `idPrefix` and `showSettings` it was rendered with; `query`, `hidden`, `wholeWords`
//! and `matchDiacritics` cannot be used (they would change the markup). With `src`, the
//! markup stays as it is until the transcript has been fetched.
//!
//! A bad option throws an `Error` whose message names the field's path
//! (`transcript-viewer: options.labels.turns.few: invalid type: floating point `3.0`,
//! expected a string`); an unknown label name is only warned about on the console (a host written for
//! a later version still mounts); nothing panics.

pub use crate::site::APP_MARKER;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub use browser::*;

// The JavaScript API, behind the default `app` feature: another Wasm module built on
// this library (crates/archive-search) leaves it out, and with it the viewer's code.
#[cfg(all(target_arch = "wasm32", feature = "app"))]
mod browser {
    use super::APP_MARKER;
    use crate::components::{
        fetch_transcript, App, AppProps, Command, Embedded, EmbeddedProps, LabelInput, Labels,
        Source, ViewerControl, DEFAULT_RENDER_BATCH,
    };
    use crate::model::{Time, Transcript};
    use crate::site::{
        asks_for_unrendered, legacy_redirect, PageData, CATALOG_MARKER, DATA_MARKER,
    };
    use crate::state::{ReaderState, ViewState};
    use js_sys::Reflect;
    use serde::de::DeserializeOwned;
    use serde::{Deserialize, Serialize};
    use std::cell::{Cell, RefCell};
    use std::collections::BTreeMap;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use yew::{AppHandle, Callback};

    /// The trunk entry's work: installs the panic hook ([`crate::panic_report`]), then, on
    /// a page with a `[data-transcript-viewer-app]` element
    /// (on any other page it does nothing, so loading the module never takes over a host
    /// page: use [`mount`]):
    ///
    /// - a page the build rendered (it holds its [`PageData`]): [`App`] hydrates it,
    ///   unless the URL is an old `?t=<id>` address of another transcript, which is
    ///   replaced by that transcript's page;
    /// - otherwise [`App`] renders into the element and fetches what it shows. So does
    ///   a page whose data cannot be read (after saying why on the console).
    pub fn start_app() {
        // Before anything can go wrong: a panic is shown, not only a dead page.
        crate::panic_report::install();
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(root) = document
            .query_selector(&format!("[{APP_MARKER}]"))
            .ok()
            .flatten()
        else {
            return;
        };
        match page_data(&document) {
            Some(Ok(data)) => {
                if let Some(address) = old_address(&document, &data) {
                    let _ = document.location().map(|l| l.replace(&address));
                    return;
                }
                let search = document
                    .location()
                    .and_then(|l| l.search().ok())
                    .unwrap_or_default();
                if asks_for_unrendered(&data.catalog, data.current, &search) {
                    // Not this page's transcript nor one it knows: load what the
                    // address asks for, as an unrendered page does.
                    while let Some(child) = root.first_child() {
                        let _ = root.remove_child(&child);
                    }
                    yew::Renderer::<App>::with_root(root).render();
                    return;
                }
                let props = AppProps {
                    page: Some(Rc::new(data)),
                    ..AppProps::default()
                };
                // The page's data was read in this task; the speaker filter's counts
                // take the next one, and the hydration the one after, so that none is as
                // long as all three (10 MB of transcript: about 100 ms to read, 50 to
                // count, 100 to hydrate) and the page can answer in between.
                next_task(move || {
                    if let Some(page) = &props.page {
                        let t = &page.transcript;
                        crate::state::speaker_stats_of(t, &crate::state::turn_speakers(t));
                    }
                    next_task(move || {
                        yew::Renderer::<App>::with_root_and_props(root, props).hydrate();
                    });
                });
            }
            Some(Err(e)) => {
                web_sys::console::error_1(
                    &format!("transcript-viewer: the page's data cannot be read ({e}): rendering it again")
                        .into(),
                );
                yew::Renderer::<App>::with_root(root).render();
            }
            None => {
                yew::Renderer::<App>::with_root(root).render();
            }
        }
    }

    /// Calls `f` in a task of its own, after this one (`setTimeout(f, 0)`).
    fn next_task(f: impl FnOnce() + 'static) {
        let f = wasm_bindgen::closure::Closure::once_into_js(f);
        if let Some(window) = web_sys::window() {
            let _ =
                window.set_timeout_with_callback_and_timeout_and_arguments_0(f.unchecked_ref(), 0);
        }
    }

    /// The page's data, if the build rendered it ([`crate::site::data_scripts`]).
    fn page_data(document: &web_sys::Document) -> Option<Result<PageData, String>> {
        let script = |marker: &str| {
            document
                .query_selector(&format!("script[{marker}]"))
                .ok()
                .flatten()
        };
        let page = script(DATA_MARKER)?;
        let text = |script: &web_sys::Element| script.text_content().unwrap_or_default();
        let catalog = script(CATALOG_MARKER).map(|s| text(&s)).unwrap_or_default();
        let attribute = |name: &str| page.get_attribute(name).unwrap_or_default();
        Some(PageData::read(
            &catalog,
            &text(&page),
            &attribute("data-path"),
            &attribute("data-current"),
        ))
    }

    /// Where to go instead of this page: the absolute address [`legacy_redirect`] gives.
    fn old_address(document: &web_sys::Document, data: &PageData) -> Option<String> {
        let location = document.location()?;
        let (search, hash) = (location.search().ok()?, location.hash().ok()?);
        let relative = legacy_redirect(&data.catalog, data.current, &search, &hash)?;
        let base = document.base_uri().ok()??;
        web_sys::Url::new_with_base(&relative, &base)
            .ok()
            .map(|url| url.href())
    }

    thread_local! {
        static MOUNTED: Cell<u32> = const { Cell::new(0) };
    }

    /// Where a mounted viewer is: rendered (or hydrated), waiting for its transcript
    /// Where a mounted viewer is: rendered (or hydrated), waiting for its transcript
    /// before hydrating, or destroyed.
    enum Slot {
        Waiting,
        Running(AppHandle<Embedded>),
        Destroyed,
    }

    /// A mounted viewer, as returned to JavaScript by [`mount`]: destroy it, drive it
    /// (`setQuery`, `setSearchOptions`, `setHidden`, `nextMatch`, `previousMatch`,
    /// `seek`) and read what it shows (`state`). A command given before the transcript
    /// has loaded is carried out once it has; after `destroy` they do nothing.
    #[wasm_bindgen]
    pub struct ViewerHandle {
        app: Rc<RefCell<Slot>>,
        root: web_sys::Element,
        id_prefix: String,
        control: ViewerControl,
    }

    #[wasm_bindgen]
    impl ViewerHandle {
        /// Removes the viewer from its element, with its event listeners and timers.
        /// Calling it again does nothing.
        pub fn destroy(&mut self) {
            let slot = std::mem::replace(&mut *self.app.borrow_mut(), Slot::Destroyed);
            if matches!(slot, Slot::Destroyed) {
                return;
            }
            if let Slot::Running(app) = slot {
                app.destroy();
            }
            // Anything left in the element (Yew removes what it rendered; a viewer
            // waiting to hydrate is still the host's markup) goes too, node by node: no
            // markup is ever parsed here.
            while let Some(child) = self.root.first_child() {
                let _ = self.root.remove_child(&child);
            }
        }

        /// The `id` prefix this viewer uses (`tv1-`, … unless `idPrefix` was given).
        #[wasm_bindgen(getter, js_name = idPrefix)]
        pub fn id_prefix(&self) -> String {
            self.id_prefix.clone()
        }

        /// What the reader sees now, as `onChange` gets it (`{ query, wholeWords,
        /// matchDiacritics, hidden, matches, currentMatch, shownTurns, totalTurns }`);
        /// `null` until the transcript shows.
        #[wasm_bindgen(getter)]
        pub fn state(&self) -> JsValue {
            self.control
                .state()
                .map_or(JsValue::NULL, |state| to_js(&state))
        }

        /// Searches for `query` (a string; empty ends the search), as if the reader had
        /// typed it.
        #[wasm_bindgen(js_name = setQuery)]
        pub fn set_query(&self, query: JsValue) -> Result<(), JsError> {
            let query = query
                .as_string()
                .ok_or_else(|| JsError::new("transcript-viewer: setQuery takes a string"))?;
            self.send(Command::SetQuery(query));
            Ok(())
        }

        /// Sets the search toggles given: `{ wholeWords, matchDiacritics }` (booleans;
        /// a missing one is left as it is).
        #[wasm_bindgen(js_name = setSearchOptions)]
        pub fn set_search_options(&self, options: JsValue) -> Result<(), JsError> {
            #[derive(Deserialize)]
            #[serde(rename_all = "camelCase")]
            struct Toggles {
                whole_words: Option<bool>,
                match_diacritics: Option<bool>,
            }
            let Toggles {
                whole_words,
                match_diacritics,
            } = from_js(options, "setSearchOptions: options")?;
            self.send(Command::SetSearchOptions {
                whole_words,
                match_diacritics,
            });
            Ok(())
        }

        /// Hides exactly these speakers' turns (an array of speaker ids; `[]` shows
        /// every speaker).
        #[wasm_bindgen(js_name = setHidden)]
        pub fn set_hidden(&self, ids: JsValue) -> Result<(), JsError> {
            if !js_sys::Array::is_array(&ids) {
                return Err(JsError::new(
                    "transcript-viewer: setHidden takes an array of speaker ids",
                ));
            }
            let ids: Vec<String> = from_js(ids, "setHidden: ids")?;
            self.send(Command::SetHidden(ids.into_iter().collect()));
            Ok(())
        }

        /// Moves to the next match (after the last, the first).
        #[wasm_bindgen(js_name = nextMatch)]
        pub fn next_match(&self) {
            self.send(Command::Step { forward: true });
        }

        /// Moves to the previous match (before the first, the last).
        #[wasm_bindgen(js_name = previousMatch)]
        pub fn previous_match(&self) {
            self.send(Command::Step { forward: false });
        }

        /// Moves the recording of a timed transcript to `seconds` in (playing on if it
        /// was playing); nothing for a transcript without a recording.
        pub fn seek(&self, seconds: JsValue) -> Result<(), JsError> {
            let at = seconds
                .as_f64()
                .and_then(Time::from_seconds)
                .ok_or_else(|| {
                    JsError::new("transcript-viewer: seek takes a number of seconds, 0 or more")
                })?;
            self.send(Command::Seek(at));
            Ok(())
        }
    }

    impl ViewerHandle {
        fn send(&self, command: Command) {
            if !matches!(*self.app.borrow(), Slot::Destroyed) {
                self.control.send(command);
            }
        }
    }

    fn bad(field: &str, what: &str) -> JsError {
        JsError::new(&format!("transcript-viewer: options.{field} {what}"))
    }

    /// `value` as JavaScript (objects as plain objects, `None` as `null`).
    fn to_js<T: Serialize>(value: &T) -> JsValue {
        value
            .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .unwrap_or(JsValue::NULL)
    }

    /// Reads `value` with serde-wasm-bindgen; the error names `what` and the path of
    /// the bad field in it (`options.labels.turns.few: invalid type: …`).
    fn from_js<T: DeserializeOwned>(value: JsValue, what: &str) -> Result<T, JsError> {
        serde_path_to_error::deserialize(serde_wasm_bindgen::Deserializer::from(value)).map_err(
            |e| {
                let path = e.path().to_string();
                let at = if path == "." {
                    String::new()
                } else {
                    format!(".{path}")
                };
                // serde-wasm-bindgen's errors are JS `Error`s, shown as `Error: …`.
                let inner = e.inner().to_string();
                let inner = inner.strip_prefix("Error: ").unwrap_or(&inner);
                JsError::new(&format!("transcript-viewer: {what}{at}: {inner}"))
            },
        )
    }

    /// `options[field]`, or `None` when missing, `undefined` or `null`.
    fn field(options: &JsValue, name: &str) -> Option<JsValue> {
        Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// The plain options, read with serde-wasm-bindgen. The others (`data`,
    /// `mediaFor`, `onChange`) are JavaScript values read as they are: `data` goes
    /// through `JSON.stringify` and serde_json, faster on a large transcript than
    /// walking it property by property (see docs/benchmark.md).
    #[derive(Deserialize)]
    #[serde(rename_all = "camelCase")]
    struct Options {
        src: Option<String>,
        query: Option<String>,
        whole_words: Option<bool>,
        match_diacritics: Option<bool>,
        hidden: Option<Vec<String>>,
        show_settings: Option<bool>,
        store_settings: Option<bool>,
        id_prefix: Option<String>,
        hydrate: Option<bool>,
        lang: Option<String>,
        labels: Option<BTreeMap<String, LabelInput>>,
    }

    /// Reads `options` into the viewer's properties (and whether to hydrate); the
    /// error names the bad field.
    fn read_options(
        options: &JsValue,
        control: &ViewerControl,
        element: &web_sys::Element,
    ) -> Result<(EmbeddedProps, bool), JsError> {
        if !options.is_object() {
            return Err(JsError::new(
                "transcript-viewer: options must be an object with `src` or `data`",
            ));
        }
        // serde-wasm-bindgen walks a string as if it were an array, and says so badly.
        if field(options, "hidden").is_some_and(|h| !js_sys::Array::is_array(&h)) {
            return Err(bad("hidden", "must be an array of speaker ids"));
        }
        let is_plain_object = |v: &JsValue| v.is_object() && !js_sys::Array::is_array(v);
        if field(options, "labels").is_some_and(|l| !is_plain_object(&l)) {
            return Err(bad("labels", "must be an object of labels by name"));
        }
        let o: Options = from_js(options.clone(), "options")?;
        let source = match (field(options, "data"), o.src) {
            (Some(_), Some(_)) => return Err(bad("data", "and options.src: give only one")),
            (Some(data), None) => {
                if !data.is_object() {
                    return Err(bad("data", "must be a transcript object"));
                }
                // Read as JSON text, like a fetched file: one deserializer for both
                // paths keeps the Wasm small, and JSON.stringify + serde_json is faster
                // than walking a large object property by property.
                let text = js_sys::JSON::stringify(&data)
                    .ok()
                    .and_then(|s| s.as_string())
                    .ok_or_else(|| bad("data", "must be JSON data (no cycles or BigInts)"))?;
                let transcript = Transcript::from_json(&text).map_err(|e| {
                    let at = if e.path == "." {
                        String::new()
                    } else {
                        format!(".{}", e.path)
                    };
                    bad(&format!("data{at}"), &format!("is invalid: {}", e.message))
                })?;
                Source::Data(Rc::new(transcript))
            }
            (None, Some(src)) if !src.is_empty() => Source::Src(src.into()),
            (None, _) => return Err(bad("src", "or options.data is required")),
        };
        let mut state = ViewState {
            query: o.query.unwrap_or_default(),
            hidden: o.hidden.unwrap_or_default().into_iter().collect(),
            ..ViewState::default()
        };
        state.options.whole_words = o.whole_words.unwrap_or(false);
        state.options.match_diacritics = o.match_diacritics.unwrap_or(false);
        let lang = o.lang.unwrap_or_default();
        if !is_language_tag(&lang) {
            return Err(bad(
                "lang",
                "must be a language tag such as \"ru\" or \"en-GB\"",
            ));
        }
        let labels = o.labels.unwrap_or_default();
        // Checked here, on any language's words (the shapes are the same): a label
        // that does not fit throws now, not once the transcript has loaded.
        match Labels::default().apply(&labels) {
            Err(e) => return Err(bad(&format!("labels.{}", e.path), &e.message)),
            Ok(unknown) => {
                for name in unknown {
                    web_sys::console::warn_1(
                        &format!(
                            "transcript-viewer: options.labels.{name} is not a label; ignored"
                        )
                        .into(),
                    );
                }
            }
        }
        let id_prefix = match o.id_prefix {
            Some(prefix) => prefix,
            None => MOUNTED.with(|n| {
                n.set(n.get() + 1);
                format!("tv{}-", n.get())
            }),
        };
        let media_for = match field(options, "mediaFor") {
            None => String::new(),
            Some(v) if v.is_string() => v.as_string().unwrap_or_default(),
            Some(v) => {
                let el = v
                    .dyn_into::<web_sys::Element>()
                    .map_err(|_| bad("mediaFor", "must be an element or its id"))?;
                if el.id().is_empty() {
                    el.set_id(&format!("{id_prefix}media-element"));
                }
                el.id()
            }
        };
        let listener = match field(options, "onChange") {
            None => None,
            Some(f) => Some(
                f.dyn_into::<js_sys::Function>()
                    .map_err(|_| bad("onChange", "must be a function"))?,
            ),
        };
        let on_change = {
            let element = element.clone();
            Callback::from(move |state: ReaderState| report(&element, listener.as_ref(), &state))
        };
        // The page's language where the viewer is, for its loading message.
        let host_lang = element
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("lang"))
            .unwrap_or_default();
        let props = EmbeddedProps {
            host_lang: host_lang.into(),
            media_for: media_for.into(),
            source,
            id_prefix: id_prefix.into(),
            initial_state: state,
            show_settings: o.show_settings.unwrap_or(true),
            store_settings: o.store_settings.unwrap_or(true),
            render_batch: DEFAULT_RENDER_BATCH,
            lang: lang.into(),
            labels: Rc::new(labels),
            on_change,
            control: Some(control.clone()),
        };
        Ok((props, o.hydrate.unwrap_or(false)))
    }

    /// Whether `tag` can be a BCP 47 language tag (`ru`, `en-GB`, `zh-Hant-TW`):
    /// letters, digits and hyphens, starting with 2–8 letters. Empty: the transcript's.
    fn is_language_tag(tag: &str) -> bool {
        if tag.is_empty() {
            return true;
        }
        let mut parts = tag.split('-');
        let primary = parts.next().unwrap_or_default();
        (2..=8).contains(&primary.len())
            && primary.bytes().all(|b| b.is_ascii_alphabetic())
            && parts
                .all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
    }

    /// Tells the host what the reader sees now: `onChange(state)`, then a
    /// `transcript-viewer-change` event (bubbling, `detail` the state) on the element.
    /// A listener that throws is reported on the console; the viewer goes on.
    fn report(
        element: &web_sys::Element,
        listener: Option<&js_sys::Function>,
        state: &ReaderState,
    ) {
        let detail = to_js(state);
        if let Some(f) = listener {
            if let Err(e) = f.call1(&JsValue::NULL, &detail) {
                web_sys::console::error_2(&"transcript-viewer: onChange threw".into(), &e);
            }
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_detail(&detail);
        if let Ok(event) =
            web_sys::CustomEvent::new_with_event_init_dict("transcript-viewer-change", &init)
        {
            let _ = element.dispatch_event(&event);
        }
    }

    /// With `hydrate`: the element must hold a pre-rendered viewer, and the options
    /// that would change its markup are refused.
    fn check_hydratable(element: &web_sys::Element, props: &EmbeddedProps) -> Result<(), JsError> {
        let state = &props.initial_state;
        let refused = [
            ("query", !state.query.is_empty()),
            ("hidden", !state.hidden.is_empty()),
            ("wholeWords", state.options.whole_words),
            ("matchDiacritics", state.options.match_diacritics),
            ("labels", !props.labels.is_empty()),
            ("lang", !props.lang.is_empty()),
        ];
        if let Some((name, _)) = refused.iter().find(|(_, set)| *set) {
            return Err(bad(
                name,
                "cannot be used with hydrate (it would change the pre-rendered markup)",
            ));
        }
        let rendered = element.query_selector(":scope > .tv-root").ok().flatten();
        if rendered.is_none() {
            return Err(bad(
                "hydrate",
                "needs the element to hold a pre-rendered viewer (`render-pages embed`)",
            ));
        }
        Ok(())
    }

    /// Renders a transcript viewer into `element` (replacing its content), or with
    /// `hydrate` takes over the one it holds, and returns its handle; see the
    /// [module](crate::embed) for `options`. Throws an `Error` naming the bad field when
    /// `options` is not usable.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options: JsValue) -> Result<ViewerHandle, JsError> {
        let control = ViewerControl::new();
        let (props, hydrate) = read_options(&options, &control, &element)?;
        let id_prefix = props.id_prefix.to_string();
        let slot = Rc::new(RefCell::new(Slot::Waiting));
        if !hydrate {
            let app =
                yew::Renderer::<Embedded>::with_root_and_props(element.clone(), props).render();
            *slot.borrow_mut() = Slot::Running(app);
        } else {
            check_hydratable(&element, &props)?;
            // The markup holds every turn, and so must the render that hydrates it.
            let props = EmbeddedProps {
                render_batch: 0,
                ..props
            };
            match props.source.clone() {
                Source::Data(_) => hydrate_into(&slot, &element, props),
                Source::Src(src) => {
                    let (slot, element) = (slot.clone(), element.clone());
                    yew::platform::spawn_local(async move {
                        match fetch_transcript(&src).await {
                            Ok(transcript) => {
                                let props = EmbeddedProps {
                                    source: Source::Data(Rc::new(transcript)),
                                    ..props
                                };
                                hydrate_into(&slot, &element, props);
                            }
                            // The pre-rendered markup stays readable, without behaviour.
                            Err((url, kind)) => web_sys::console::error_1(
                                &format!("transcript-viewer: cannot hydrate, {url}: {kind}").into(),
                            ),
                        }
                    });
                }
            }
        }
        Ok(ViewerHandle {
            app: slot,
            root: element,
            id_prefix,
            control,
        })
    }

    /// Hydrates the viewer in `element`, unless its handle was destroyed meanwhile.
    fn hydrate_into(slot: &RefCell<Slot>, element: &web_sys::Element, props: EmbeddedProps) {
        let mut slot = slot.borrow_mut();
        if matches!(*slot, Slot::Waiting) {
            let app =
                yew::Renderer::<Embedded>::with_root_and_props(element.clone(), props).hydrate();
            *slot = Slot::Running(app);
        }
    }
}
