//! An accessible, embeddable transcript viewer (Yew + WebAssembly) and the build-time
//! converter that turns plain-text transcripts into its JSON.
//!
//! - [`model`]: the JSON schema, shared by converter and viewer.
//! - [`convert`]: plain text → [`model::Transcript`].
//! - [`dates`]: month names, date validity and display, shared by both.
//! - [`search`]: query folding, matching and highlight spans, without the DOM.
//! - [`state`]: viewer state, actions, filtering and URL form, without the DOM.
//! - [`settings`]: view settings, their root attributes and stored form, without the DOM.
//! - [`components`]: the Yew components that render a transcript.
//! - [`embed`]: the JavaScript API (`mount`) and the demo site's start-up rule.
//! - [`panic_report`]: the panic hook that shows a panic on the page and in the console.
//! - [`site`]: the site's pages as data (markers, [`site::PageData`], addresses), shared
//!   by the build and the browser.
//! - `page` (native only): the site's pre-rendered pages: the server-side rendering of
//!   the components and the HTML writing.

pub mod archive;
pub mod catalog;
pub mod components;
pub mod convert;
pub mod dates;
pub mod embed;
pub mod i18n;
pub mod model;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
pub mod panic_report;
pub mod rng;
pub mod search;
pub mod settings;
pub mod site;
pub mod state;

pub use components::{
    App, AppProps, Labels, RemoteTranscript, RemoteTranscriptProps, TranscriptViewer,
    TranscriptViewerProps,
};
pub use model::Transcript;
pub use search::SearchOptions;
pub use settings::Settings;
pub use state::ViewState;
