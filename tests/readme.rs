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

/// Every relative link in README.md, docs/ and the other READMEs leads to a file that
/// exists (anchors are not checked), so "one click" to a doc stays one click.
#[test]
fn every_relative_link_in_the_docs_leads_to_a_file() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = vec![
        root.join("README.md"),
        root.join("bench/README.md"),
        root.join("tests/a11y/README.md"),
    ];
    for entry in std::fs::read_dir(root.join("docs")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path);
        }
    }
    let mut broken = Vec::new();
    let mut links = 0;
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        let dir = page.parent().unwrap();
        for (at, _) in text.match_indices("](") {
            let rest = &text[at + 2..];
            let Some(end) = rest.find(')') else { continue };
            let target = rest[..end].split('#').next().unwrap();
            if target.is_empty() || target.contains("://") || target.starts_with("mailto:") {
                continue;
            }
            links += 1;
            if !dir.join(target).exists() {
                broken.push(format!("{}: {target}", page.display()));
            }
        }
    }
    assert!(links >= 10, "the scan found only {links} relative links");
    assert!(broken.is_empty(), "links to missing files: {broken:?}");
}

/// The README stays a front door: what it is, the two commands, embedding, schema,
/// options, where to read more; everything else lives in docs/.
#[test]
fn the_readme_is_short_and_starts_with_the_two_commands() {
    let root = env!("CARGO_MANIFEST_DIR");
    let readme = std::fs::read_to_string(format!("{root}/README.md")).unwrap();
    let lines = readme.lines().count();
    assert!(lines <= 250, "README.md has {lines} lines");
    let serve = readme
        .find("bash tools/serve.sh")
        .expect("the serve command");
    let test = readme.find("bash tools/test.sh").expect("the test command");
    let embedding = readme.find("## Embedding").expect("an Embedding section");
    assert!(
        serve < test && test < embedding,
        "the two commands come first"
    );
}
