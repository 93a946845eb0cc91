//! The Yew components that render a transcript; rendering only (the logic lives in
//! [`state`](crate::state) and [`search`](crate::search)).
//!
//! - [`TranscriptViewer`]: the embeddable viewer: skip link, View settings bar, search
//!   bar, speaker filter and the transcript. It owns the viewer's state and settings.
//!   Rendering calls no browser API: the browser-only work (the stored settings, the
//!   URL, scrolling, focus) runs in effects and event handlers, so the first render is
//!   the one a server makes of the same props, and the browser can hydrate that markup.
//! - [`Labels`]: the viewer's own words, for a host to translate.
//! - [`RemoteTranscript`]: fetches a transcript's JSON from a URL, then shows it in a
//!   [`TranscriptViewer`] (with the same loading and error states as [`App`]).
//! - [`App`]: the demo site's entry component. It shows the transcript of a
//!   pre-rendered page (hydrating it), or fetches the bundled catalog and one
//!   transcript with loading and error states around the viewer, and keeps the
//!   viewer's state in the page URL.
//!
//! Submodules: `viewer` (the viewer, composed of the named hooks in `hooks`: URL sync,
//! painting near the view, the search index, waking long pages, …), `settings_bar` (the View settings
//! form), `search_bar` (the search form), `speakers` (the speaker filter), `strip` (the who-spoke-when strip and each speaker's
//! share of the words), `header`
//! (kind, title, dateline), `summary`, `turn` (one speaker's turn), `turn_list` (the
//! turns as shown, in groups), `paint` (matches painted over the text), `highlight` (text
//! with `<mark>`s), `source` (the credit footer), `notes` (what is odd in a transcript
//! that still shows), `labels` (words; pure), `date` (dates in the transcript's
//! language; pure), `dom` (the browser calls, with native stand-ins), `app`
//! (loading, errors, the catalog list) and `embedded` (the root of an embedded viewer).

mod app;
mod cite;
mod control;
mod date;
mod dom;
mod embedded;
mod export_menu;
mod header;
mod highlight;
mod hooks;
mod media;
mod notes;
mod paint;
mod search_bar;
mod settings_bar;
mod source;
mod speakers;
mod strip;
mod summary;
mod turn;
mod turn_list;
mod viewer;

pub use crate::i18n::{camel_case, fill, LabelError, LabelInput, LabelRef, Labels, Plural};
#[cfg(target_arch = "wasm32")]
// Used by the JavaScript API (`embed`), which the `app` feature brings.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "app")),
    allow(unused_imports)
)]
pub(crate) use app::fetch_transcript;
pub use app::{
    parse_catalog, App, AppProps, RemoteTranscript, RemoteTranscriptProps, DEFAULT_BASE,
};
pub use control::{Command, ViewerControl};
// Used by the JavaScript API (`embed`), which the `app` feature brings.
#[cfg_attr(
    all(target_arch = "wasm32", not(feature = "app")),
    allow(unused_imports)
)]
pub(crate) use embedded::{Embedded, EmbeddedProps, Source};
#[cfg(not(target_arch = "wasm32"))]
pub(crate) use turn_list::prerender;
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) use turn_list::WAKE_TURNS;
pub use viewer::{TranscriptViewer, TranscriptViewerProps, DEFAULT_RENDER_BATCH, PAINT_ALL_UP_TO};
