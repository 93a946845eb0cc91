//! The trunk entry point: hydrates the demo site's pre-rendered page (or renders the app)
//! in the page's `[data-transcript-viewer-app]` element, if any
//! ([`transcript_viewer::embed::start_app`]); on a host page without it, loading the
//! module only makes `mount` available.

fn main() {
    #[cfg(target_arch = "wasm32")]
    transcript_viewer::embed::start_app();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("transcript-viewer is a WebAssembly app: build it with `trunk build`.");
}
