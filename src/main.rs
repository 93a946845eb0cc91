//! The trunk entry point: mounts the viewer app on the page, nothing else.

fn main() {
    #[cfg(target_arch = "wasm32")]
    yew::Renderer::<transcript_viewer::App>::new().render();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("transcript-viewer is a WebAssembly app: build it with `trunk build`.");
}
