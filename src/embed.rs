//! Embedding in any web page: the JavaScript API (`mount(element, options)`, compiled
//! for `wasm32` only) and the start-up rule of the demo site's entry point.
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
//!
//! A bad option throws an `Error` whose message names the field
//! (`transcript-viewer: options.query must be a string`); nothing panics.

#[cfg(target_arch = "wasm32")]
pub use browser::*;

#[cfg(target_arch = "wasm32")]
mod browser {
    use crate::components::{App, RemoteTranscript, TranscriptViewer};
    use crate::model::Transcript;
    use crate::state::ViewState;
    use js_sys::{Array, Reflect};
    use std::cell::Cell;
    use std::rc::Rc;
    use wasm_bindgen::prelude::*;
    use yew::prelude::*;
    use yew::AppHandle;

    /// The page element the demo site's [`App`] renders into: `index.html` has one.
    pub const APP_MARKER: &str = "data-transcript-viewer-app";

    /// The trunk entry's work: installs the panic hook ([`crate::panic_report`]) and
    /// renders [`App`] into the page's `[data-transcript-viewer-app]` element, if there
    /// is one; on any other page it renders nothing, so loading the module never takes
    /// over a host page (use [`mount`]).
    pub fn start_app() {
        // Before anything can go wrong: a panic is shown, not only a dead page.
        crate::panic_report::install();
        let root = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector(&format!("[{APP_MARKER}]")).ok().flatten());
        if let Some(root) = root {
            yew::Renderer::<App>::with_root(root).render();
        }
    }

    /// Where an embedded viewer's transcript comes from.
    #[derive(Clone, PartialEq)]
    enum Source {
        Data(Rc<Transcript>),
        Src(AttrValue),
    }

    /// Properties of [`Embedded`]: the parsed `options`.
    #[derive(Properties, Clone, PartialEq)]
    struct EmbeddedProps {
        source: Source,
        id_prefix: AttrValue,
        initial_state: ViewState,
        show_settings: bool,
        store_settings: bool,
    }

    /// The root component [`mount`] renders.
    #[function_component]
    fn Embedded(props: &EmbeddedProps) -> Html {
        let state = Some(props.initial_state.clone());
        match &props.source {
            Source::Data(transcript) => html! {
                <TranscriptViewer transcript={transcript.clone()}
                    id_prefix={props.id_prefix.clone()} initial_state={state}
                    show_settings={props.show_settings}
                    store_settings={props.store_settings} />
            },
            Source::Src(src) => html! {
                <RemoteTranscript src={src.clone()} id_prefix={props.id_prefix.clone()}
                    initial_state={state} show_settings={props.show_settings}
                    store_settings={props.store_settings} />
            },
        }
    }

    thread_local! {
        static MOUNTED: Cell<u32> = const { Cell::new(0) };
    }

    /// A mounted viewer, as returned to JavaScript by [`mount`].
    #[wasm_bindgen]
    pub struct ViewerHandle {
        app: Option<AppHandle<Embedded>>,
        root: web_sys::Element,
        id_prefix: String,
    }

    #[wasm_bindgen]
    impl ViewerHandle {
        /// Removes the viewer from its element, with its event listeners and timers.
        /// Calling it again does nothing.
        pub fn destroy(&mut self) {
            if let Some(app) = self.app.take() {
                app.destroy();
                // Anything left in the element (Yew removes what it rendered) goes too,
                // node by node: no markup is ever parsed here.
                while let Some(child) = self.root.first_child() {
                    let _ = self.root.remove_child(&child);
                }
            }
        }

        /// The `id` prefix this viewer uses (`tv1-`, … unless `idPrefix` was given).
        #[wasm_bindgen(getter, js_name = idPrefix)]
        pub fn id_prefix(&self) -> String {
            self.id_prefix.clone()
        }
    }

    fn bad(field: &str, what: &str) -> JsError {
        JsError::new(&format!("transcript-viewer: options.{field} {what}"))
    }

    /// `options[field]`, or `None` when missing, `undefined` or `null`.
    fn field(options: &JsValue, name: &str) -> Option<JsValue> {
        Reflect::get(options, &JsValue::from_str(name))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    }

    fn string(options: &JsValue, name: &str) -> Result<Option<String>, JsError> {
        field(options, name)
            .map(|v| v.as_string().ok_or_else(|| bad(name, "must be a string")))
            .transpose()
    }

    fn boolean(options: &JsValue, name: &str) -> Result<Option<bool>, JsError> {
        field(options, name)
            .map(|v| {
                v.as_bool()
                    .ok_or_else(|| bad(name, "must be true or false"))
            })
            .transpose()
    }

    /// Reads `options` into the viewer's properties; the error names the bad field.
    fn read_options(options: &JsValue) -> Result<EmbeddedProps, JsError> {
        if !options.is_object() {
            return Err(JsError::new(
                "transcript-viewer: options must be an object with `src` or `data`",
            ));
        }
        let source = match (field(options, "data"), string(options, "src")?) {
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
            query: string(options, "query")?.unwrap_or_default(),
            ..ViewState::default()
        };
        state.options.whole_words = boolean(options, "wholeWords")?.unwrap_or(false);
        state.options.match_diacritics = boolean(options, "matchDiacritics")?.unwrap_or(false);
        if let Some(hidden) = field(options, "hidden") {
            let list = hidden
                .dyn_into::<Array>()
                .map_err(|_| bad("hidden", "must be an array of speaker ids"))?;
            for id in list.iter() {
                let id = id
                    .as_string()
                    .ok_or_else(|| bad("hidden", "must be an array of speaker ids"))?;
                state.hidden.insert(id);
            }
        }
        let id_prefix = match string(options, "idPrefix")? {
            Some(prefix) => prefix,
            None => MOUNTED.with(|n| {
                n.set(n.get() + 1);
                format!("tv{}-", n.get())
            }),
        };
        Ok(EmbeddedProps {
            source,
            id_prefix: id_prefix.into(),
            initial_state: state,
            show_settings: boolean(options, "showSettings")?.unwrap_or(true),
            store_settings: boolean(options, "storeSettings")?.unwrap_or(true),
        })
    }

    /// Renders a transcript viewer into `element` (replacing its content) and returns
    /// its handle; see the [module](crate::embed) for `options`. Throws an `Error`
    /// naming the bad field when `options` is not usable.
    #[wasm_bindgen]
    pub fn mount(element: web_sys::Element, options: JsValue) -> Result<ViewerHandle, JsError> {
        let props = read_options(&options)?;
        let id_prefix = props.id_prefix.to_string();
        let app = yew::Renderer::<Embedded>::with_root_and_props(element.clone(), props).render();
        Ok(ViewerHandle {
            app: Some(app),
            root: element,
            id_prefix,
        })
    }
}
