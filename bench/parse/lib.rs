//! Two ways to read a transcript's JSON into [`Transcript`] in the browser, for the
//! benchmark to time side by side (bench/run.mjs, `--parse`): both end in the same
//! checked value, so the figures compare only how the text becomes Rust data.

use transcript_viewer::model::Transcript;
use wasm_bindgen::prelude::*;

/// serde_json on the text, as the viewer reads a transcript (`Transcript::from_json`):
/// the JavaScript string is copied into the Wasm as UTF-8 first, as in the viewer.
/// Returns the number of turns.
#[wasm_bindgen]
pub fn read_text(text: &str) -> Result<u32, JsError> {
    let t = Transcript::from_json(text).map_err(|e| JsError::new(&e.to_string()))?;
    Ok(t.turns.len() as u32)
}

/// serde-wasm-bindgen on a value the caller made with `JSON.parse`, then the same
/// checks as `Transcript::from_json` (`Transcript::validate`: the version, the ids).
/// Returns the number of turns.
#[wasm_bindgen]
pub fn read_value(value: JsValue) -> Result<u32, JsError> {
    let t: Transcript =
        serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&e.to_string()))?;
    t.validate().map_err(|e| JsError::new(&e.to_string()))?;
    Ok(t.turns.len() as u32)
}
