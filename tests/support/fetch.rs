//! A stand-in `window.fetch` for the browser suites that load transcripts through the
//! app (include with `#[path = "support/fetch.rs"] mod fetch;`).

use wasm_bindgen::{JsCast, JsValue};

/// What the stand-in answers for a path.
pub enum Reply<'a> {
    /// 200 with this body.
    Body(&'a str),
    /// The request fails as a network error does (`fetch` rejects with a `TypeError`).
    NetworkError,
}

/// Replaces `window.fetch` with a function answering the URLs that end with `/<path>`
/// as `files` says, and 404 otherwise; the original comes back when the guard drops.
pub struct FakeFetch {
    original: JsValue,
}

impl FakeFetch {
    pub fn install(files: &[(&str, Reply)]) -> FakeFetch {
        let window = web_sys::window().unwrap();
        let original = js_sys::Reflect::get(&window, &"fetch".into()).unwrap();
        let map = js_sys::Object::new();
        for (path, reply) in files {
            let value = match reply {
                Reply::Body(body) => JsValue::from_str(body),
                Reply::NetworkError => JsValue::NULL,
            };
            js_sys::Reflect::set(&map, &(*path).into(), &value).unwrap();
        }
        let make = js_sys::Function::new_with_args(
            "files",
            "return (input) => {
                const url = String(input);
                for (const path of Object.keys(files)) {
                    if (url.endsWith('/' + path)) {
                        if (files[path] === null) {
                            return Promise.reject(new TypeError('Failed to fetch (stand-in)'));
                        }
                        return Promise.resolve(new Response(files[path], {
                            status: 200, headers: { 'Content-Type': 'application/json' } }));
                    }
                }
                return Promise.resolve(new Response('missing',
                    { status: 404, statusText: 'Not Found' }));
            };",
        );
        let fake = make.call1(&JsValue::NULL, &map).unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &fake).unwrap();
        FakeFetch { original }
    }
}

impl Drop for FakeFetch {
    fn drop(&mut self) {
        let window = web_sys::window().unwrap();
        js_sys::Reflect::set(&window, &"fetch".into(), &self.original).unwrap();
    }
}

/// Sets the page's query string (without navigating); restores it when dropped.
pub struct QueryString {
    original: String,
}

impl QueryString {
    pub fn set(query: &str) -> QueryString {
        let original = web_sys::window().unwrap().location().href().unwrap();
        replace_state(query);
        QueryString { original }
    }
}

impl Drop for QueryString {
    fn drop(&mut self) {
        replace_state(&self.original);
    }
}

fn replace_state(url: &str) {
    let window = web_sys::window().unwrap();
    let history = js_sys::Reflect::get(&window, &"history".into()).unwrap();
    let replace: js_sys::Function = js_sys::Reflect::get(&history, &"replaceState".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    replace
        .call3(&history, &JsValue::NULL, &"".into(), &url.into())
        .unwrap();
}
