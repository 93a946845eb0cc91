//! The archive search index: a static, sharded full-text index over many transcripts
//! that a browser queries without a server, fetching only the files a query needs.
//!
//! Build time ([`IndexBuilder`]) turns transcripts into a set of small binary files;
//! writing them (and compressing them for HTTP) is the caller's job. Query time
//! ([`Query::parse`], [`plan`], [`run`], [`snippet`]) is pure: the client fetches the
//! paths [`plan`] names, hands the bytes back, and gets results and snippets.
//!
//! # Terms
//!
//! Text is folded as the in-page search folds it ([`crate::search::fold`] with the
//! default [`crate::search::FoldMode`]: case, Latin and Greek diacritics dropped, `ё` as
//! `е`, `й` kept, quotes and spaces alike). A *term* is a maximal run of letters, digits
//! and combining marks of the folded text. Everything else separates terms, apostrophes
//! and hyphens included: `don't` is `don` `t`, `что-то` is `что` `то`. A query word that
//! folds to several terms is a phrase of them, so `don’t` finds `don't` and `что-то`
//! finds `что-то` (and, as a cost, `что то`). Terms are counted per turn: the *position*
//! of a term is its number in the turn, paragraphs one position apart so that a phrase
//! never spans two paragraphs.
//!
//! # Documents
//!
//! Document numbers run newest first: by date (descending), undated last, ties by id.
//! Every list in the index is in document order, so the first results read are the
//! newest, and every year is one range of documents (kept in the meta file).
//!
//! # Files
//!
//! All numbers are unsigned LEB128 varints unless said otherwise; strings are a varint
//! byte length and UTF-8. Every file starts with four magic bytes and the format
//! version ([`FORMAT_VERSION`]). Lists of increasing numbers store the first number and
//! then each gap minus one.
//!
//! | path | what | fetched |
//! |---|---|---|
//! | `meta.bin` | version, build id, counts, years, shard boundaries | first, by every query |
//! | `t/{build}-{n}.bin` | term shard `n`: consecutive terms, each with its postings or the list of its chunks | one per query term |
//! | `p/{hash}.bin` | a chunk of a big term's postings: a range of documents | the newest chunk first, more on demand |
//! | `d/{build}-{n}.bin` | documents `n × per_shard ..`: id, title, date, place, speakers, turn ids and speakers, fragments | for the results shown |
//! | `f/{hash}.bin` | a fragment: the text of consecutive turns of one transcript (about 4 KB) | for the snippets shown |
//!
//! `meta.bin` is the only file at a fixed address (serve it with `Cache-Control:
//! no-cache`); every other path is versioned by the build id (`{build}`, a hash of all
//! the other files) or content-addressed (`{hash}`, a hash of the file), so it can be
//! cached forever. Hashes are 64-bit FNV-1a, written as 16 hex digits.
//!
//! - **meta** (`TVAM`): build id (8 bytes LE), document count, turn count; years (count,
//!   then year, first document, document count each); documents per document shard and
//!   the number of document shards; the number of term shards and, for shards 1.., the
//!   shortest prefix of their first term that sorts after the previous shard's last
//!   term (shared-prefix length with the previous boundary, then the rest as a string).
//! - **term shard** (`TVAT`): term count; per term: shared-prefix length with the
//!   previous term and the rest as a string, a flags byte (bit 0: with positions), the
//!   number of documents, the number of chunks; with no chunks the postings follow (byte
//!   length, then a postings block); otherwise one entry per chunk: first document
//!   (a gap from the previous chunk's), byte length, hash (8 bytes LE).
//! - **postings block** (inline, or a chunk file `TVAP` after its header): document
//!   count; per document: the document, gap-coded, shifted left one bit with the low
//!   bit set when it has one turn, and otherwise its turn count − 2; per turn: the turn,
//!   gap-coded (with positions also shifted, the low bit set for a single position, and
//!   otherwise the count − 2), then the positions, gap-coded.
//! - **document shard** (`TVAD`): first document, count; per document: id, title,
//!   date (`YYYY-MM-DD` or empty), place, lang; speakers (count, then id and name);
//!   turn count; turn ids (0 = `t1`, `t2`, … in order, 1 = a list of strings); each
//!   turn's speaker (its number + 1, 0 for none); fragments (count; per fragment its
//!   first turn, gap-coded, and its hash).
//! - **fragment** (`TVAF`): first turn, turn count; per turn: paragraph count and the
//!   paragraphs.
//!
//! Speakers are a field of the same dictionary: the terms of a speaker's name and id,
//! prefixed with `@` (which no text term contains), with turn postings and no positions.
//!
//! Every decoder checks every length and count against the bytes it has and returns an
//! [`Error`] naming the file and the byte offset; nothing in here panics on bad data.

mod build;
mod coding;
mod format;
mod query;
#[cfg(not(target_arch = "wasm32"))]
pub mod site;
mod tokens;

#[cfg(test)]
mod tests;

pub use build::{BuildOptions, IndexBuilder};
pub use format::{DocInfo, Meta, YearRange};
pub use query::{
    plan, run, snippet, Hit, Page, Query, Results, Snippet, TranscriptHits, SNIPPET_BYTES,
};
pub use tokens::{terms, tokens, Token};

/// The version of the file format; a reader refuses other versions.
pub const FORMAT_VERSION: u8 = 1;

/// The one file at a fixed address, which every query fetches first.
pub const META_PATH: &str = "meta.bin";

/// What went wrong reading the index.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Error {
    /// A file's bytes do not decode.
    Corrupt {
        /// The file's path.
        file: String,
        /// The byte offset where decoding failed.
        offset: usize,
        /// What was wrong there.
        message: String,
    },
    /// A file the call needs is not among the fetched ones ([`plan`] names it).
    Missing {
        /// The file's path.
        file: String,
    },
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Error::Corrupt {
                file,
                offset,
                message,
            } => write!(f, "{file}: byte {offset}: {message}"),
            Error::Missing { file } => write!(f, "{file}: not fetched"),
        }
    }
}

impl std::error::Error for Error {}

/// The fetched files: path → bytes (as [`plan`] named them, decompressed).
pub type Fetched = std::collections::HashMap<String, Vec<u8>>;
