//! The Yew components that render a transcript; rendering only.
//!
//! - [`TranscriptViewer`]: the embeddable viewer. Pure markup from a
//!   [`Transcript`](crate::model::Transcript), no browser-only calls, so it can also be
//!   rendered on the server.
//! - [`App`]: the demo site's entry component. It fetches the bundled catalog and one
//!   transcript, and shows loading and error states around the viewer.
//!
//! Submodules: `viewer` (the article), `header` (kind, title, dateline), `turn` (one
//! speaker's turn), `source` (the credit footer), `date` (dates in the transcript's
//! language; pure) and `app` (loading, errors, the catalog list).

mod app;
mod date;
mod header;
mod source;
mod turn;
mod viewer;

pub use app::{App, AppProps};
pub use viewer::{TranscriptViewer, TranscriptViewerProps};
