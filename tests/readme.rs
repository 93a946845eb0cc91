//! The README's "In a Yew app" code is `examples/embed_in_yew.rs`, verbatim, so the code
//! readers copy is the code CI compiles.

#[test]
fn readme_shows_the_compiled_embedding_example() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let example = std::fs::read_to_string(format!("{root}/examples/embed_in_yew.rs")).unwrap();
    assert!(
        readme.contains(&format!("```rust\n{example}```")),
        "README.md must show examples/embed_in_yew.rs verbatim in a ```rust block"
    );
}
