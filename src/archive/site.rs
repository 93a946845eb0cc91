//! Writing an index into a site (natively): [`write_index`] puts the files
//! [`IndexBuilder::build`](super::IndexBuilder::build) made under a directory, writing
//! only what changed and removing what the new index no longer has.

use std::collections::HashSet;
use std::path::Path;

/// What [`write_index`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Written {
    /// Files written (new or changed).
    pub written: usize,
    /// Files left as they were (same name, same bytes).
    pub kept: usize,
    /// Files removed (not in the new index).
    pub removed: usize,
    /// The new index's bytes.
    pub bytes: u64,
}

/// Writes `files` (relative paths, as built) under `dir`, creating it. A file already
/// there with the same bytes is left alone (content-addressed files mostly are, from
/// one build to the next); files under `dir` that the index no longer has are removed,
/// so an old build's shards do not pile up. `meta.bin` is written last, so a reader
/// never sees a meta whose files are not there yet.
pub fn write_index(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Written, String> {
    let mut out = Written::default();
    let keep: HashSet<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    let mut ordered: Vec<&(String, Vec<u8>)> = files.iter().collect();
    ordered.sort_by_key(|(p, _)| p == super::META_PATH);
    for (path, bytes) in ordered {
        if path
            .split('/')
            .any(|part| part.is_empty() || part == "." || part == "..")
        {
            return Err(format!("{path}: not a relative path inside the index"));
        }
        out.bytes += bytes.len() as u64;
        let file = dir.join(path);
        if std::fs::read(&file).is_ok_and(|old| old == *bytes) {
            out.kept += 1;
            continue;
        }
        if let Some(parent) = file.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|e| format!("{}: cannot create: {e}", parent.display()))?;
        }
        std::fs::write(&file, bytes)
            .map_err(|e| format!("{}: cannot write: {e}", file.display()))?;
        out.written += 1;
    }
    remove_others(dir, dir, &keep, &mut out)?;
    Ok(out)
}

fn remove_others(
    root: &Path,
    dir: &Path,
    keep: &HashSet<&str>,
    out: &mut Written,
) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("{}: cannot read: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("{}: cannot read: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            remove_others(root, &path, keep, out)?;
            continue;
        }
        let relative = path
            .strip_prefix(root)
            .ok()
            .and_then(|p| p.to_str())
            .map(|p| p.replace(std::path::MAIN_SEPARATOR, "/"));
        if relative.is_some_and(|r| !keep.contains(r.as_str())) {
            std::fs::remove_file(&path)
                .map_err(|e| format!("{}: cannot remove: {e}", path.display()))?;
            out.removed += 1;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_what_changed_keeps_the_rest_and_removes_what_is_gone() {
        let dir = std::env::temp_dir().join(format!("tv-index-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        let file = |p: &str, b: &[u8]| (p.to_string(), b.to_vec());
        let first = [
            file("meta.bin", b"m1"),
            file("t/a-0.bin", b"x"),
            file("f/1.bin", b"y"),
        ];
        let w = write_index(&dir, &first).unwrap();
        assert_eq!((w.written, w.kept, w.removed, w.bytes), (3, 0, 0, 4));
        let second = [
            file("meta.bin", b"m2"),
            file("t/b-0.bin", b"x"),
            file("f/1.bin", b"y"),
        ];
        let w = write_index(&dir, &second).unwrap();
        assert_eq!((w.written, w.kept, w.removed), (2, 1, 1));
        assert!(!dir.join("t/a-0.bin").exists());
        assert_eq!(std::fs::read(dir.join("meta.bin")).unwrap(), b"m2");
        assert!(write_index(&dir, &[file("../x", b"")]).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
