//! The site's pages as data, shared by the build that writes them
//! (`page`, natively) and the browser that reads them
//! ([`embed`](crate::embed)'s start-up, [`App`](crate::components::App)): plain values
//! and string work, no DOM and no HTML parsing, tested natively.
//!
//! - The `data-*` markers of the page's elements ([`APP_MARKER`], [`DATA_MARKER`],
//!   [`CATALOG_MARKER`]).
//! - [`PageData`]: what a page was rendered from (the catalog, which entry, the
//!   transcript, the page's path). It travels in the page as the JSON files' text in two
//!   `<script type="application/json">` elements ([`data_scripts`]): not executed (so no
//!   CSP `script-src` rule concerns them), and read back by the app with the readers it
//!   has for the fetched files ([`PageData::read`]), so that it renders exactly what the
//!   server rendered.
//! - Addresses: [`page_path`] (where a transcript's page lives), [`is_page_id`],
//!   [`query_escape`], [`legacy_redirect`] (where an old `?t=<id>` address now lives)
//!   and [`asks_for_unrendered`].

use crate::model::{Catalog, Transcript};
use crate::state::parse_query;
use std::rc::Rc;

/// The attribute of the page element the site's app renders into (and hydrates).
pub const APP_MARKER: &str = "data-transcript-viewer-app";
/// The attribute of the `<script type="application/json">` element holding the page's
/// transcript, with the page's `data-path` and `data-current` (see [`PageData`]).
pub const DATA_MARKER: &str = "data-transcript-viewer-page";
/// The attribute of the `<script type="application/json">` element holding the catalog.
pub const CATALOG_MARKER: &str = "data-transcript-viewer-catalog";

/// What a pre-rendered page shows, as the build rendered it and the app hydrates it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageData {
    /// The page's address relative to the site's base URL: empty for the home page,
    /// `<id>/` for a transcript's page ([`page_path`]).
    pub path: String,
    /// The bundled transcripts (shared with the app, not copied: a transcript can be
    /// megabytes).
    pub catalog: Rc<Catalog>,
    /// The index in the catalog of the transcript shown.
    pub current: usize,
    /// The transcript shown.
    pub transcript: Rc<Transcript>,
    /// Where the archive's catalog pages are (`catalog/`), when `catalog` holds only
    /// this page's entry of a larger archive ([`crate::catalog::archive_catalog`]): the
    /// transcripts'
    /// menu links there instead of listing them. It travels in the catalog's JSON as
    /// `"pages"`, which the catalog's reader ignores.
    pub catalog_pages: Option<String>,
}

/// A page's catalog JSON: the catalog with [`PageData::catalog_pages`] as `"pages"`.
#[derive(serde::Serialize)]
struct EmbeddedCatalog<'a> {
    #[serde(flatten)]
    catalog: &'a Catalog,
    #[serde(skip_serializing_if = "Option::is_none")]
    pages: Option<&'a str>,
}

/// The `"pages"` of a page's catalog JSON (the rest is [`Catalog::from_json`]'s).
#[derive(serde::Deserialize)]
struct CatalogPages {
    #[serde(default)]
    pages: Option<String>,
}

impl PageData {
    /// Reads what [`data_scripts`] wrote: the catalog's JSON (as
    /// [`Catalog::from_json`] reads `index.json`), the transcript's (as
    /// [`Transcript::from_json`] reads `<id>.json`: the Wasm has one reader for each),
    /// and the page's `data-path` and `data-current`, which must be inside the catalog.
    pub fn read(
        catalog: &str,
        transcript: &str,
        path: &str,
        current: &str,
    ) -> Result<PageData, String> {
        let catalog_json = catalog;
        let catalog = Catalog::from_json(catalog).map_err(|e| format!("catalog: {e}"))?;
        let transcript =
            Transcript::from_json(transcript).map_err(|e| format!("transcript: {e}"))?;
        let current = current
            .parse::<usize>()
            .ok()
            .filter(|&i| i < catalog.transcripts.len())
            .ok_or_else(|| format!("data-current {current:?} is not an entry of the catalog"))?;
        let catalog_pages = serde_json::from_str::<CatalogPages>(catalog_json)
            .ok()
            .and_then(|e| e.pages);
        Ok(PageData {
            path: path.to_string(),
            catalog: Rc::new(catalog),
            current,
            transcript: Rc::new(transcript),
            catalog_pages,
        })
    }

    /// The id of the transcript shown.
    pub fn id(&self) -> &str {
        &self.catalog.transcripts[self.current].id
    }
}

/// The page of the transcript `id`, relative to the site's base URL: `<id>/`, the id
/// percent-encoded as a path segment.
pub fn page_path(id: &str) -> String {
    format!("{}/", query_escape(id))
}

/// Whether `id` can name a page's directory as it is: ASCII letters, digits, `-`, `_`
/// and `.`, not starting with a dot (so never `.`, `..` or a hidden file), at most 200
/// bytes. The converter's ids (file stems) normally are.
pub fn is_page_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// `json` made safe inside a `<script>` element: every `<`, `>` and `&` as a JSON
/// `\u` escape, so that no `</script`, `<!--` or `]]>` can end or change the element.
/// In JSON text these characters only occur inside strings, where the escape reads back
/// as the same character.
pub fn json_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            c => out.push(c),
        }
    }
    out
}

/// `data` as two `<script type="application/json">` elements: the catalog
/// (`[data-transcript-viewer-catalog]`, as `index.json`) and the transcript
/// (`[data-transcript-viewer-page]`, as `<id>.json`, with the page's `data-path` and
/// `data-current`); [`PageData::read`] reads them back.
pub fn data_scripts(data: &PageData) -> String {
    // Plain strings, numbers and vectors always serialise.
    let catalog = serde_json::to_string(&EmbeddedCatalog {
        catalog: &data.catalog,
        pages: data.catalog_pages.as_deref(),
    })
    .unwrap_or_default();
    format!(
        "<script type=\"application/json\" {CATALOG_MARKER}>{}</script>\
         <script type=\"application/json\" {DATA_MARKER} data-path=\"{}\" \
         data-current=\"{}\">{}</script>",
        json_for_script(&catalog),
        escape_html(&data.path),
        data.current,
        json_for_script(data.transcript.to_json().trim_end()),
    )
}

/// `text` escaped for HTML text and quoted attribute values (the build writes the
/// page's markup with it; the export's HTML too).
pub use crate::state::escape_html;

/// Percent-encodes everything but RFC 3986 unreserved characters, for a query value
/// or a path segment.
pub fn query_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Where an old address of the site's home page, `?t=<id>` (the catalog's links before
/// the pages were pre-rendered), now lives: `<id>/` with the rest of the query string
/// (without `t`) and the fragment, relative to the base URL. `None` when `search` names
/// no other transcript of the catalog than `current`.
pub fn legacy_redirect(
    catalog: &Catalog,
    current: usize,
    search: &str,
    hash: &str,
) -> Option<String> {
    let (_, id) = parse_query(search).into_iter().find(|(k, _)| k == "t")?;
    let index = catalog.transcripts.iter().position(|e| e.id == id)?;
    if index == current {
        return None;
    }
    let rest: Vec<&str> = search
        .strip_prefix('?')
        .unwrap_or(search)
        .split('&')
        .filter(|part| {
            let key = part.split('=').next().unwrap_or_default();
            !part.is_empty() && parse_query(key).first().is_none_or(|(k, _)| k != "t")
        })
        .collect();
    let query = if rest.is_empty() {
        String::new()
    } else {
        format!("?{}", rest.join("&"))
    };
    Some(format!("{}{query}{hash}", page_path(&id)))
}

/// Whether `search` asks (`?t=<id>`) for a transcript that is neither the page's own nor
/// in the catalog the page was rendered with: one added to the site after its pages were
/// rendered, or one that does not exist. The page then loads what the address asks for
/// as an unrendered page does (and says so if it cannot), rather than show another
/// transcript.
pub fn asks_for_unrendered(catalog: &Catalog, current: usize, search: &str) -> bool {
    let Some((_, id)) = parse_query(search).into_iter().find(|(k, _)| k == "t") else {
        return false;
    };
    let own = catalog.transcripts.get(current).is_some_and(|e| e.id == id);
    !own && !catalog.transcripts.iter().any(|e| e.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_in_a_script_cannot_end_it() {
        let json = r#"{"a":"</script><!-- <b> & ]]>","b":"</SCRIPT"}"#;
        let safe = json_for_script(json);
        assert!(!safe.contains('<') && !safe.contains('>') && !safe.contains('&'));
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&safe).unwrap(),
            serde_json::from_str::<serde_json::Value>(json).unwrap()
        );
    }

    #[test]
    fn page_paths_and_ids() {
        assert_eq!(
            page_path("russian-belarusian-talks-2022-02-18"),
            "russian-belarusian-talks-2022-02-18/"
        );
        assert_eq!(page_path("a b/é"), "a%20b%2F%C3%A9/");
        for ok in ["a", "talks-2022_02.18", "A1"] {
            assert!(is_page_id(ok), "{ok}");
        }
        for bad in [
            "",
            ".",
            "..",
            ".hidden",
            "a/b",
            "a\\b",
            "a b",
            "é",
            &"x".repeat(201),
        ] {
            assert!(!is_page_id(bad), "{bad}");
        }
    }

    #[test]
    fn old_addresses_lead_to_the_transcripts_page() {
        let c = Catalog::of_ids(&["a", "b", "c d"]);
        let go = |search: &str, hash: &str| legacy_redirect(&c, 0, search, hash);
        assert_eq!(go("?t=b", ""), Some("b/".into()));
        assert_eq!(go("?t=b", "#t3"), Some("b/#t3".into()));
        assert_eq!(
            go("?q=mr+president&t=b&hide=x", "#t3"),
            Some("b/?q=mr+president&hide=x#t3".into())
        );
        assert_eq!(go("?%74=c%20d", ""), Some("c%20d/".into()));
        // The one shown, an unknown id, no `t`: stay.
        assert_eq!(go("?t=a", ""), None);
        assert_eq!(go("?t=zzz", ""), None);
        assert_eq!(go("?q=b", ""), None);
        assert_eq!(go("", "#t1"), None);
        assert_eq!(legacy_redirect(&c, 1, "?t=a", ""), Some("a/".into()));
    }

    #[test]
    fn an_address_for_a_transcript_the_page_does_not_know_is_loaded() {
        let c = Catalog::of_ids(&["a", "b"]);
        let unrendered = |search: &str| asks_for_unrendered(&c, 0, search);
        assert!(unrendered("?t=zzz"));
        assert!(unrendered("?q=x&t=new"));
        // Its own, another it knows (redirected instead), none asked for: not that.
        assert!(!unrendered("?t=a"));
        assert!(!unrendered("?t=b"));
        assert!(!unrendered("?q=b"));
        assert!(!unrendered(""));
    }

    #[test]
    fn escapes_query_values() {
        assert_eq!(
            query_escape("russian-belarusian-talks-2022-02-18"),
            "russian-belarusian-talks-2022-02-18"
        );
        assert_eq!(query_escape("a b&c=d/../é"), "a%20b%26c%3Dd%2F..%2F%C3%A9");
    }
}
