//! The incremental build's record, `SITE_DIR/.archive-manifest.json`: for each
//! transcript the hash of what its files were made from (its source's bytes and the
//! build's version key) and its catalog entry, and the catalog pages written. A
//! transcript whose hash is unchanged, and whose files are there, is neither converted
//! nor rendered again; one no longer in the sources has its files deleted; a catalog
//! page no longer planned is deleted. Pure but for [`content_hash`]'s SHA-256.

use super::ArchiveEntry;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};

/// The manifest's file name in the site's directory.
pub const MANIFEST_FILE: &str = ".archive-manifest.json";

/// What the last build wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// The build's version key ([`version_key`]) the hashes were made with.
    pub version: String,
    /// Each transcript built, by id.
    pub transcripts: BTreeMap<String, Record>,
    /// Every catalog page written (file paths relative to the site's root).
    #[serde(default)]
    pub catalog_pages: BTreeSet<String>,
}

/// One transcript of the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// [`content_hash`] of its source.
    pub hash: String,
    /// Its catalog entry, so that an unchanged transcript needs no reading.
    pub entry: ArchiveEntry,
}

impl Manifest {
    /// Reads a manifest; `None` for one that cannot be read (the build then starts
    /// afresh, as without one).
    pub fn from_json(text: &str) -> Option<Manifest> {
        serde_json::from_str(text).ok()
    }

    /// The manifest as JSON.
    pub fn to_json(&self) -> String {
        let mut json = serde_json::to_string(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// The entry of `id` if it was built from exactly `hash`: nothing to redo.
    pub fn unchanged(&self, id: &str, hash: &str) -> Option<&ArchiveEntry> {
        self.transcripts
            .get(id)
            .filter(|r| r.hash == hash)
            .map(|r| &r.entry)
    }

    /// The transcripts built before that are not among `ids` now: their files go.
    pub fn removed<'a>(&'a self, ids: &BTreeSet<&str>) -> Vec<&'a str> {
        self.transcripts
            .keys()
            .map(String::as_str)
            .filter(|id| !ids.contains(id))
            .collect()
    }

    /// The catalog pages written before that are not among `pages` now.
    pub fn stale_pages<'a>(&'a self, pages: &BTreeSet<String>) -> Vec<&'a str> {
        self.catalog_pages
            .iter()
            .filter(|p| !pages.contains(*p))
            .map(String::as_str)
            .collect()
    }
}

/// The files the build writes for transcript `id`, relative to the site's root.
pub fn outputs(id: &str) -> [String; 2] {
    [
        format!("transcripts/{id}.json"),
        format!("{}index.html", crate::site::page_path(id)),
    ]
}

/// The build's version key: changes whenever what turns a source into its files
/// changes: the tool (`tool`: its own bytes, or a version string), the template, and
/// anything else the pages depend on (`extra`, e.g. the whole catalog of a small site,
/// whose pages all list it).
pub fn version_key(tool: &[u8], template: &str, extra: &str) -> String {
    let mut h = Sha256::new();
    for part in [tool, template.as_bytes(), extra.as_bytes()] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part);
    }
    hex(&h.finalize())
}

/// The hash of a source: its file name, its bytes and the version key.
pub fn content_hash(version: &str, name: &str, bytes: &[u8]) -> String {
    let mut h = Sha256::new();
    for part in [version.as_bytes(), name.as_bytes(), bytes] {
        h.update((part.len() as u64).to_le_bytes());
        h.update(part);
    }
    hex(&h.finalize()[..16])
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> ArchiveEntry {
        ArchiveEntry {
            id: id.into(),
            title: id.to_uppercase(),
            date: None,
            place: None,
            lang: "en".into(),
            speakers: vec![],
            credit: None,
            license: None,
        }
    }

    fn manifest() -> Manifest {
        let version = version_key(b"tool", "<html>", "");
        let mut m = Manifest {
            version: version.clone(),
            ..Default::default()
        };
        for id in ["a", "b", "c"] {
            m.transcripts.insert(
                id.into(),
                Record {
                    hash: content_hash(&version, id, id.as_bytes()),
                    entry: entry(id),
                },
            );
        }
        m.catalog_pages = ["catalog/index.html", "catalog/2001/index.html"]
            .map(String::from)
            .into();
        m
    }

    #[test]
    fn unchanged_sources_are_skipped_changed_ones_rebuilt() {
        let m = manifest();
        let v = &m.version;
        assert_eq!(
            m.unchanged("a", &content_hash(v, "a", b"a")),
            Some(&entry("a"))
        );
        assert_eq!(m.unchanged("a", &content_hash(v, "a", b"a!")), None);
        assert_eq!(m.unchanged("new", &content_hash(v, "new", b"new")), None);
        // Another template or tool: everything is rebuilt.
        let other = version_key(b"tool", "<html lang=ru>", "");
        assert_ne!(&other, v);
        assert_eq!(m.unchanged("a", &content_hash(&other, "a", b"a")), None);
        assert_ne!(version_key(b"tool2", "<html>", ""), *v);
        assert_ne!(version_key(b"tool", "<html>", "x"), *v);
        // The parts cannot run into each other.
        assert_ne!(content_hash(v, "ab", b"c"), content_hash(v, "a", b"bc"));
    }

    #[test]
    fn removed_transcripts_and_stale_pages_are_found() {
        let m = manifest();
        assert_eq!(m.removed(&["a", "c", "d"].into()), ["b"]);
        assert!(m.removed(&["a", "b", "c"].into()).is_empty());
        let now: BTreeSet<String> = ["catalog/index.html".to_string()].into();
        assert_eq!(m.stale_pages(&now), ["catalog/2001/index.html"]);
        assert_eq!(outputs("a"), ["transcripts/a.json", "a/index.html"]);
    }

    #[test]
    fn reads_back_what_it_writes() {
        let m = manifest();
        assert_eq!(Manifest::from_json(&m.to_json()), Some(m));
        assert_eq!(Manifest::from_json("{"), None);
    }
}
