//! The binary files: their paths, and each file's encoder and checked decoder.

use super::coding::{put_next, Reader, Writer};
use super::Error;
use std::ops::Range;

pub(super) const MAGIC_META: &[u8; 4] = b"TVAM";
pub(super) const MAGIC_TERMS: &[u8; 4] = b"TVAT";
pub(super) const MAGIC_POSTINGS: &[u8; 4] = b"TVAP";
pub(super) const MAGIC_DOCS: &[u8; 4] = b"TVAD";
pub(super) const MAGIC_FRAGMENT: &[u8; 4] = b"TVAF";

pub(super) fn term_shard_path(build: u64, n: usize) -> String {
    format!("t/{build:016x}-{n}.bin")
}
pub(super) fn doc_shard_path(build: u64, n: usize) -> String {
    format!("d/{build:016x}-{n}.bin")
}
pub(super) fn chunk_path(hash: u64) -> String {
    format!("p/{hash:016x}.bin")
}
pub(super) fn fragment_path(hash: u64) -> String {
    format!("f/{hash:016x}.bin")
}

/// The years of the archive, each a range of documents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearRange {
    /// The year.
    pub year: u16,
    /// Its documents (newest first, so a year's range precedes the previous year's).
    pub docs: Range<u32>,
}

/// The meta file: what every query reads first.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meta {
    /// A hash of every other file; part of the versioned paths.
    pub build: u64,
    /// The number of transcripts.
    pub doc_count: u32,
    /// The number of turns of all transcripts.
    pub turn_count: u64,
    /// The dated documents by year, newest year first.
    pub years: Vec<YearRange>,
    /// Documents per document shard.
    pub docs_per_shard: u32,
    /// The number of document shards.
    pub doc_shards: u32,
    /// For term shards 1.., the least key that shard holds (shard 0 starts at "").
    pub term_bounds: Vec<String>,
}

impl Meta {
    /// Decodes `meta.bin`.
    pub fn decode(bytes: &[u8]) -> Result<Meta, Error> {
        let mut r = Reader::new(super::META_PATH, bytes);
        r.header(MAGIC_META)?;
        let build = r.u64()?;
        let doc_count = r.u32()?;
        let turn_count = r.varint()?;
        let n = r.count(3)?;
        let mut years = Vec::with_capacity(n);
        for _ in 0..n {
            let at = r.pos();
            let year = u16::try_from(r.varint()?).map_err(|_| r.err("year too large"))?;
            let start = r.u32()?;
            let count = r.u32()?;
            let end = start
                .checked_add(count)
                .filter(|e| *e <= doc_count)
                .ok_or_else(|| Error::Corrupt {
                    file: super::META_PATH.into(),
                    offset: at,
                    message: "year's documents out of range".into(),
                })?;
            years.push(YearRange {
                year,
                docs: start..end,
            });
        }
        let docs_per_shard = r.u32()?;
        let doc_shards = r.u32()?;
        if docs_per_shard == 0 && doc_count > 0
            || u64::from(doc_shards) * u64::from(docs_per_shard) < u64::from(doc_count)
        {
            return Err(r.err("document shards do not cover the documents"));
        }
        let n = r.count(0)?;
        let mut term_bounds: Vec<String> = Vec::with_capacity(n.min(r.remaining()));
        let mut prev = String::new();
        for i in 0..n {
            if i == 0 {
                continue;
            }
            let at = r.pos();
            let shared = r.count(0)?;
            let rest = r.str()?;
            let Some(head) = prev.get(..shared) else {
                return Err(Error::Corrupt {
                    file: super::META_PATH.into(),
                    offset: at,
                    message: "bad shared prefix".into(),
                });
            };
            let bound = format!("{head}{rest}");
            prev.clone_from(&bound);
            term_bounds.push(bound);
        }
        if !r.at_end() {
            return Err(r.err("trailing bytes"));
        }
        Ok(Meta {
            build,
            doc_count,
            turn_count,
            years,
            docs_per_shard,
            doc_shards,
            term_bounds,
        })
    }

    pub(super) fn encode(&self) -> Vec<u8> {
        let mut w = Writer::header(MAGIC_META);
        w.u64(self.build);
        w.varint(u64::from(self.doc_count));
        w.varint(self.turn_count);
        w.varint(self.years.len() as u64);
        for y in &self.years {
            w.varint(u64::from(y.year));
            w.varint(u64::from(y.docs.start));
            w.varint(u64::from(y.docs.end - y.docs.start));
        }
        w.varint(u64::from(self.docs_per_shard));
        w.varint(u64::from(self.doc_shards));
        w.varint(self.term_bounds.len() as u64 + 1);
        let mut prev = "";
        for b in &self.term_bounds {
            let shared = shared_prefix(prev, b);
            w.varint(shared as u64);
            w.str(&b[shared..]);
            prev = b;
        }
        w.0
    }

    /// The number of term shards.
    pub fn term_shards(&self) -> usize {
        self.term_bounds.len() + 1
    }

    /// The path of the term shard that holds `key` (a term, or `@` and a speaker term).
    pub fn term_shard_for(&self, key: &str) -> String {
        let n = self.term_bounds.partition_point(|b| b.as_str() <= key);
        term_shard_path(self.build, n)
    }

    /// The path of the document shard that holds document `doc`.
    pub fn doc_shard_for(&self, doc: u32) -> String {
        let n = doc.checked_div(self.docs_per_shard).unwrap_or(0);
        doc_shard_path(self.build, n as usize)
    }

    /// The documents of `years` (inclusive), as one range; an empty range when none.
    pub fn year_docs(&self, first: u16, last: u16) -> Range<u32> {
        let mut out: Option<Range<u32>> = None;
        for y in &self.years {
            if y.year >= first && y.year <= last && !y.docs.is_empty() {
                out = Some(match out {
                    None => y.docs.clone(),
                    Some(r) => r.start.min(y.docs.start)..r.end.max(y.docs.end),
                });
            }
        }
        out.unwrap_or(0..0)
    }
}

/// The length of the longest common prefix of `a` and `b`, on a character boundary.
pub(super) fn shared_prefix(a: &str, b: &str) -> usize {
    let mut n = 0;
    for ((i, ca), cb) in a.char_indices().zip(b.chars()) {
        if ca != cb {
            return i;
        }
        n = i + ca.len_utf8();
    }
    n
}

/// One document's postings: its turns, each with its positions (empty without).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct DocPostings {
    pub doc: u32,
    pub turns: Vec<(u32, Vec<u32>)>,
}

/// Decodes a postings block (from `r`'s position to the end of its data).
pub(super) fn decode_postings(
    r: &mut Reader<'_>,
    positions: bool,
    out: &mut Vec<DocPostings>,
) -> Result<(), Error> {
    let docs = r.count(1)?;
    let mut prev_doc = None;
    for _ in 0..docs {
        let (doc, single) = r.next_flagged(prev_doc)?;
        prev_doc = Some(doc);
        let n_turns = if single {
            1
        } else {
            r.count(1)?.saturating_add(2)
        };
        let mut turns = Vec::with_capacity(n_turns.min(r.remaining()));
        let mut prev_turn = None;
        for _ in 0..n_turns {
            let mut pos = Vec::new();
            let turn = if positions {
                let (turn, single) = r.next_flagged(prev_turn)?;
                let n = if single {
                    1
                } else {
                    r.count(1)?.saturating_add(2)
                };
                pos.reserve(n.min(r.remaining()));
                let mut prev = None;
                for _ in 0..n {
                    let p = r.next_in(prev)?;
                    prev = Some(p);
                    pos.push(p);
                }
                turn
            } else {
                r.next_in(prev_turn)?
            };
            prev_turn = Some(turn);
            turns.push((turn, pos));
        }
        if let Some(last) = out.last() {
            if last.doc >= doc {
                return Err(r.err("documents out of order"));
            }
        }
        out.push(DocPostings { doc, turns });
    }
    Ok(())
}

/// Where a term's postings are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Postings {
    /// In the term shard: the byte range of the block in the shard.
    Inline(Range<usize>),
    /// In chunk files, newest documents first.
    Chunks(Vec<ChunkRef>),
}

/// One chunk of a big term's postings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct ChunkRef {
    /// Its first document; it holds the documents up to the next chunk's first.
    pub first_doc: u32,
    pub hash: u64,
    pub len: u32,
}

/// A term of a term shard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TermEntry {
    pub key: String,
    pub positions: bool,
    pub doc_count: u32,
    pub postings: Postings,
}

/// Decodes a term shard's dictionary (postings stay in the bytes, by range).
pub(super) fn decode_terms(file: &str, bytes: &[u8]) -> Result<Vec<TermEntry>, Error> {
    let mut r = Reader::new(file, bytes);
    r.header(MAGIC_TERMS)?;
    let n = r.count(4)?;
    let mut out: Vec<TermEntry> = Vec::with_capacity(n);
    for _ in 0..n {
        let at = r.pos();
        let shared = r.count(0)?;
        let rest = r.str()?;
        let prev = out.last().map_or("", |e| e.key.as_str());
        let Some(head) = prev.get(..shared) else {
            return Err(Error::Corrupt {
                file: file.into(),
                offset: at,
                message: "bad shared prefix".into(),
            });
        };
        let key = format!("{head}{rest}");
        if out.last().is_some_and(|e| e.key >= key) {
            return Err(Error::Corrupt {
                file: file.into(),
                offset: at,
                message: "terms out of order".into(),
            });
        }
        let flags = r.u8()?;
        let doc_count = r.u32()?;
        let chunks = r.count(10)?;
        let postings = if chunks == 0 {
            let len = r.count(1)?;
            let start = r.pos();
            r.bytes(len)?;
            Postings::Inline(start..start + len)
        } else {
            let mut list = Vec::with_capacity(chunks);
            let mut prev = None;
            for _ in 0..chunks {
                let first_doc = r.next_in(prev)?;
                prev = Some(first_doc);
                let len = r.u32()?;
                let hash = r.u64()?;
                list.push(ChunkRef {
                    first_doc,
                    hash,
                    len,
                });
            }
            Postings::Chunks(list)
        };
        out.push(TermEntry {
            key,
            positions: flags & 1 == 1,
            doc_count,
            postings,
        });
    }
    if !r.at_end() {
        return Err(r.err("trailing bytes"));
    }
    Ok(out)
}

/// Decodes an inline postings block of a term shard.
pub(super) fn decode_inline(
    file: &str,
    shard: &[u8],
    range: Range<usize>,
    positions: bool,
    out: &mut Vec<DocPostings>,
) -> Result<(), Error> {
    let Some(block) = shard.get(range.clone()) else {
        return Err(Error::Corrupt {
            file: file.into(),
            offset: range.start,
            message: "postings outside the file".into(),
        });
    };
    let mut r = Reader::new(file, block);
    decode_postings(&mut r, positions, out).map_err(|e| shift(e, range.start))?;
    if !r.at_end() {
        return Err(shift(r.err("trailing bytes in postings"), range.start));
    }
    Ok(())
}

/// Decodes a chunk file.
pub(super) fn decode_chunk(
    file: &str,
    bytes: &[u8],
    positions: bool,
    out: &mut Vec<DocPostings>,
) -> Result<(), Error> {
    let mut r = Reader::new(file, bytes);
    r.header(MAGIC_POSTINGS)?;
    decode_postings(&mut r, positions, out)?;
    if !r.at_end() {
        return Err(r.err("trailing bytes"));
    }
    Ok(())
}

fn shift(e: Error, by: usize) -> Error {
    match e {
        Error::Corrupt {
            file,
            offset,
            message,
        } => Error::Corrupt {
            file,
            offset: offset + by,
            message,
        },
        e => e,
    }
}

/// A transcript's entry in a document shard: what a result shows without its text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocInfo {
    /// The document number (newest first).
    pub doc: u32,
    /// The transcript's id, as given to the builder.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `YYYY-MM-DD`, when dated.
    pub date: Option<String>,
    /// Where it took place.
    pub place: Option<String>,
    /// Its language tag.
    pub lang: String,
    /// Its speakers: (id, name).
    pub speakers: Vec<(String, String)>,
    /// Each turn's id.
    pub turn_ids: Vec<String>,
    /// Each turn's speaker, as an index of `speakers`.
    pub turn_speakers: Vec<Option<u32>>,
    /// Its fragments: (first turn, hash), in turn order.
    pub(super) fragments: Vec<(u32, u64)>,
}

impl DocInfo {
    /// The path of the fragment holding turn `turn`.
    pub fn fragment_for(&self, turn: u32) -> Option<String> {
        let i = self.fragments.partition_point(|(first, _)| *first <= turn);
        let (_, hash) = self.fragments.get(i.checked_sub(1)?)?;
        Some(fragment_path(*hash))
    }
}

pub(super) fn encode_docs(first: u32, docs: &[DocInfo]) -> Vec<u8> {
    let mut w = Writer::header(MAGIC_DOCS);
    w.varint(u64::from(first));
    w.varint(docs.len() as u64);
    for d in docs {
        w.str(&d.id);
        w.str(&d.title);
        w.str(d.date.as_deref().unwrap_or(""));
        w.str(d.place.as_deref().unwrap_or(""));
        w.str(&d.lang);
        w.varint(d.speakers.len() as u64);
        for (id, name) in &d.speakers {
            w.str(id);
            w.str(name);
        }
        w.varint(d.turn_ids.len() as u64);
        let regular = d
            .turn_ids
            .iter()
            .enumerate()
            .all(|(i, id)| *id == format!("t{}", i + 1));
        if regular {
            w.varint(0);
        } else {
            w.varint(1);
            for id in &d.turn_ids {
                w.str(id);
            }
        }
        for s in &d.turn_speakers {
            w.varint(s.map_or(0, |s| u64::from(s) + 1));
        }
        w.varint(d.fragments.len() as u64);
        let mut prev = None;
        for (first, hash) in &d.fragments {
            put_next(&mut w.0, prev, *first);
            prev = Some(*first);
            w.u64(*hash);
        }
    }
    w.0
}

/// Decodes a document shard.
pub(super) fn decode_docs(file: &str, bytes: &[u8]) -> Result<Vec<DocInfo>, Error> {
    let mut r = Reader::new(file, bytes);
    r.header(MAGIC_DOCS)?;
    let first = r.u32()?;
    let n = r.count(8)?;
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let doc = first
            .checked_add(i as u32)
            .ok_or_else(|| r.err("document number overflows"))?;
        let id = r.str()?.to_string();
        let title = r.str()?.to_string();
        let date = Some(r.str()?.to_string()).filter(|s| !s.is_empty());
        let place = Some(r.str()?.to_string()).filter(|s| !s.is_empty());
        let lang = r.str()?.to_string();
        let ns = r.count(2)?;
        let mut speakers = Vec::with_capacity(ns);
        for _ in 0..ns {
            let id = r.str()?.to_string();
            let name = r.str()?.to_string();
            speakers.push((id, name));
        }
        let nt = r.count(1)?;
        let turn_ids = match r.u8()? {
            0 => (1..=nt).map(|i| format!("t{i}")).collect(),
            1 => {
                let mut ids = Vec::with_capacity(nt);
                for _ in 0..nt {
                    ids.push(r.str()?.to_string());
                }
                ids
            }
            _ => return Err(r.err("bad turn id kind")),
        };
        let mut turn_speakers = Vec::with_capacity(nt);
        for _ in 0..nt {
            let at = r.pos();
            let s = r.u32()?;
            turn_speakers.push(match s {
                0 => None,
                s if (s as usize) <= speakers.len() => Some(s - 1),
                _ => {
                    return Err(Error::Corrupt {
                        file: file.into(),
                        offset: at,
                        message: "turn's speaker out of range".into(),
                    })
                }
            });
        }
        let nf = r.count(9)?;
        let mut fragments = Vec::with_capacity(nf);
        let mut prev = None;
        for _ in 0..nf {
            let t = r.next_in(prev)?;
            prev = Some(t);
            fragments.push((t, r.u64()?));
        }
        out.push(DocInfo {
            doc,
            id,
            title,
            date,
            place,
            lang,
            speakers,
            turn_ids,
            turn_speakers,
            fragments,
        });
    }
    if !r.at_end() {
        return Err(r.err("trailing bytes"));
    }
    Ok(out)
}

/// A decoded fragment: the paragraphs of turns `first_turn..`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Fragment {
    pub first_turn: u32,
    pub turns: Vec<Vec<String>>,
}

pub(super) fn encode_fragment(first_turn: u32, turns: &[&[String]]) -> Vec<u8> {
    let mut w = Writer::header(MAGIC_FRAGMENT);
    w.varint(u64::from(first_turn));
    w.varint(turns.len() as u64);
    for t in turns {
        w.varint(t.len() as u64);
        for p in t.iter() {
            w.str(p);
        }
    }
    w.0
}

pub(super) fn decode_fragment(file: &str, bytes: &[u8]) -> Result<Fragment, Error> {
    let mut r = Reader::new(file, bytes);
    r.header(MAGIC_FRAGMENT)?;
    let first_turn = r.u32()?;
    let n = r.count(1)?;
    let mut turns = Vec::with_capacity(n);
    for _ in 0..n {
        let np = r.count(1)?;
        let mut ps = Vec::with_capacity(np);
        for _ in 0..np {
            ps.push(r.str()?.to_string());
        }
        turns.push(ps);
    }
    if !r.at_end() {
        return Err(r.err("trailing bytes"));
    }
    Ok(Fragment { first_turn, turns })
}
