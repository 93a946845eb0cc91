//! An accessible, embeddable transcript viewer (Yew + WebAssembly) and the build-time
//! converter that turns plain-text transcripts into its JSON.
//!
//! - [`model`]: the JSON schema, shared by converter and viewer.
//! - [`convert`]: plain text → [`model::Transcript`].
//! - [`components`]: the Yew components that render a transcript.

pub mod components;
pub mod convert;
pub mod model;

pub use components::{App, TranscriptViewer, TranscriptViewerProps};
pub use model::Transcript;
