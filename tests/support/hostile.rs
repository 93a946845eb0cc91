//! The hostile transcript, shared by the browser suite `tests/browser_hostile.rs` and
//! the end-to-end suite (`tests/e2e.rs`), which include this file with
//! `#[path = "support/hostile.rs"] mod hostile;`. Built in code (a 100,000-character
//! paragraph and 10,000 speakers make a 1 MB file not worth committing).
//!
//! Every text field carries what a careless renderer would turn into markup or a
//! broken layout: `<script>`, `<img onerror>` (both would set `window.__pwned`),
//! `javascript:` text and a `javascript:` source address, HTML entities (which must
//! show as typed), `</article>`, bidi overrides and zero-width characters, Arabic and
//! Hebrew, emoji with zero-width joiners, a 100,000-character paragraph and words far
//! wider than any screen.

use serde_json::{json, Value};

/// How many speakers the fixture has.
pub const SPEAKERS: usize = 10_000;
/// Length of the long paragraph, in characters.
pub const LONG_PARAGRAPH: usize = 100_000;
/// A word of 600 letters and no break opportunity.
pub fn long_word() -> String {
    "Donaudampfschifffahrtsgesellschaftskapitän".repeat(15)
}

pub const SCRIPT: &str = "<script>window.__pwned = 'script'</script>";
pub const IMG: &str = "<img src=x onerror=\"window.__pwned = 'img'\">";
pub const JAVASCRIPT: &str = "javascript:window.__pwned='link'";
pub const ENTITIES: &str = "&amp; &lt;b&gt;not bold&lt;/b&gt; &#x3C;i&#x3E; &nbsp; &copy;";
pub const CLOSE_ARTICLE: &str = "</article></section></main><h1>Fake heading</h1>";
/// A right-to-left override that is never closed, then a left-to-right isolate.
pub const BIDI: &str = "\u{202E}override never closed \u{2066}isolate";
pub const ZERO_WIDTH: &str = "zero\u{200B}width\u{200C}non\u{200D}joiner\u{2060}word\u{FEFF}mark";
pub const ARABIC: &str = "مرحبا بكم في المحادثات الثنائية";
pub const HEBREW: &str = "שלום וברוכים הבאים לשיחות";
/// A family (man, woman, girl, boy joined by ZWJ) and a rainbow flag.
pub const EMOJI: &str = "family \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466} flag \u{1F3F3}\u{FE0F}\u{200D}\u{1F308}";

/// The 100,000-character paragraph: words, with a marker near the end to search for.
pub fn long_paragraph() -> String {
    let mut text = String::with_capacity(LONG_PARAGRAPH + 64);
    let mut i = 0;
    while text.chars().count() < LONG_PARAGRAPH - 40 {
        text.push_str(&format!("word{i} "));
        i += 1;
    }
    text.push_str("needle-at-the-end ");
    while text.chars().count() < LONG_PARAGRAPH {
        text.push('z');
    }
    text
}

/// Speaker `i`'s id (`s1` … `s10000`).
pub fn speaker_id(i: usize) -> String {
    format!("s{i}")
}

/// The hostile transcript as JSON text (schema 1): [`SPEAKERS`] speakers, each with
/// one turn, the first few with hostile names and paragraphs; no warnings.
pub fn json() -> String {
    json_with(SPEAKERS)
}

/// The same with `speakers` speakers (at least 8) and as many turns.
pub fn json_with(speakers: usize) -> String {
    let names = [
        SCRIPT.to_string(),
        IMG.to_string(),
        ARABIC.to_string(),
        HEBREW.to_string(),
        BIDI.to_string(),
        ZERO_WIDTH.to_string(),
        EMOJI.to_string(),
        long_word(),
    ];
    let speaker_list: Vec<Value> = (1..=speakers)
        .map(|i| {
            let name = names
                .get(i - 1)
                .cloned()
                .unwrap_or_else(|| format!("Speaker {i}"));
            match i {
                1 => json!({"id": speaker_id(i), "name": name, "role": CLOSE_ARTICLE}),
                _ => json!({"id": speaker_id(i), "name": name}),
            }
        })
        .collect();
    let hostile_paragraphs = vec![
        SCRIPT.to_string(),
        IMG.to_string(),
        JAVASCRIPT.to_string(),
        ENTITIES.to_string(),
        CLOSE_ARTICLE.to_string(),
        BIDI.to_string(),
        ZERO_WIDTH.to_string(),
        format!("{ARABIC} — {HEBREW} — mixed with English"),
        EMOJI.to_string(),
        long_word(),
        long_paragraph(),
    ];
    let turns: Vec<Value> = (1..=speakers)
        .map(|i| {
            let paragraphs = if i == 1 {
                hostile_paragraphs.clone()
            } else {
                vec![format!("Turn {i}.")]
            };
            json!({"id": format!("t{i}"), "speaker": speaker_id(i), "annotation": if i == 2 { Some(SCRIPT) } else { None }, "paragraphs": paragraphs})
        })
        .collect();
    json!({
        "schema": 1,
        "lang": "en",
        "title": format!("{SCRIPT} {ENTITIES} {BIDI} {ARABIC} {EMOJI} {}", long_word()),
        "dateline": IMG,
        "kind": CLOSE_ARTICLE,
        "summary": [IMG, JAVASCRIPT, format!("{HEBREW} {EMOJI}")],
        "speakers": speaker_list,
        "turns": turns,
        "source": {
            "file": format!("{SCRIPT}.txt"),
            "credit": IMG,
            "license": ENTITIES,
            "url": JAVASCRIPT,
        },
    })
    .to_string()
}
