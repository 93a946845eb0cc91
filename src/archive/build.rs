//! Building the index: transcripts in, files (path, bytes) out.

use super::coding::{fnv1a, put_flagged, put_next, put_varint, Writer};
use super::format::{
    chunk_path, doc_shard_path, encode_docs, encode_fragment, fragment_path, shared_prefix,
    term_shard_path, DocInfo, Meta, YearRange, MAGIC_POSTINGS, MAGIC_TERMS,
};
use super::tokens::for_each_term;
use super::META_PATH;
use crate::model::Transcript;
use std::collections::HashMap;

/// Sizes the builder aims at (bytes before HTTP compression).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildOptions {
    /// A term shard is closed once it reaches this size.
    pub term_shard_bytes: usize,
    /// A term's postings longer than this are cut into chunk files of about this size,
    /// at document boundaries.
    pub chunk_bytes: usize,
    /// A fragment is closed once its turns' text reaches this size (a longer turn is
    /// one fragment by itself).
    pub fragment_bytes: usize,
    /// Documents per document shard.
    pub docs_per_shard: u32,
}

impl Default for BuildOptions {
    fn default() -> Self {
        BuildOptions {
            // 4 KB (about 3 KB gzip) each, fragments of 1 KB and 2 documents a shard: a
            // later query's files fit in 20 KB (docs/archive-search.md, "Figures").
            term_shard_bytes: 4 * 1024,
            chunk_bytes: 4 * 1024,
            fragment_bytes: 1024,
            docs_per_shard: 2,
        }
    }
}

/// What the builder keeps of a transcript.
struct Input {
    id: String,
    title: String,
    date: Option<String>,
    place: Option<String>,
    lang: String,
    speakers: Vec<(String, String)>,
    turns: Vec<(String, Option<u32>, Vec<String>)>,
}

/// Collects transcripts, then writes the index ([`IndexBuilder::build`]).
#[derive(Default)]
pub struct IndexBuilder {
    options: BuildOptions,
    inputs: Vec<Input>,
}

/// One block of a term's postings: consecutive documents, encoded as they come.
struct Block {
    first_doc: u32,
    last_doc: u32,
    docs: u32,
    bytes: Vec<u8>,
}

struct TermBuf {
    positions: bool,
    doc_count: u32,
    blocks: Vec<Block>,
}

impl IndexBuilder {
    /// A builder with the default sizes.
    pub fn new() -> IndexBuilder {
        IndexBuilder::default()
    }

    /// A builder with the given sizes.
    pub fn with_options(options: BuildOptions) -> IndexBuilder {
        IndexBuilder {
            options,
            inputs: Vec::new(),
        }
    }

    /// The number of transcripts added.
    pub fn len(&self) -> usize {
        self.inputs.len()
    }

    /// Whether none was added.
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty()
    }

    /// Adds a transcript under `id` (the site's name for it, returned with results).
    pub fn add(&mut self, id: &str, t: &Transcript) {
        let index = t.speaker_index();
        self.inputs.push(Input {
            id: id.to_string(),
            title: t.display_title(),
            date: t.date.clone(),
            place: t.place.clone(),
            lang: t.lang.clone(),
            speakers: t
                .speakers
                .iter()
                .map(|s| (s.id.clone(), s.name.clone()))
                .collect(),
            turns: t
                .turns
                .iter()
                .map(|turn| {
                    let speaker = turn
                        .speaker
                        .as_deref()
                        .and_then(|s| index.get(s))
                        .map(|i| i as u32);
                    (turn.id.clone(), speaker, turn.paragraphs.clone())
                })
                .collect(),
        });
    }

    /// Writes the index: every file as (path relative to the index root, bytes).
    pub fn build(mut self) -> Vec<(String, Vec<u8>)> {
        let o = self.options.clone();
        let docs_per_shard = o.docs_per_shard.max(1);
        self.inputs.sort_by(|a, b| match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x).then_with(|| a.id.cmp(&b.id)),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => a.id.cmp(&b.id),
        });

        let mut years: Vec<YearRange> = Vec::new();
        let mut keys: HashMap<String, u32> = HashMap::new();
        let mut terms: Vec<TermBuf> = Vec::new();
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
        // Content-addressed files already written (fragments, chunks).
        let mut seen: HashMap<u64, ()> = HashMap::new();
        let mut infos: Vec<DocInfo> = Vec::with_capacity(self.inputs.len());
        let mut turn_count = 0u64;
        let mut buf = String::new();
        let mut occurrences: Vec<Occurrence> = Vec::new();

        let mut intern = |key: &str, positions: bool, terms: &mut Vec<TermBuf>| -> u32 {
            if let Some(id) = keys.get(key) {
                return *id;
            }
            let id = terms.len() as u32;
            terms.push(TermBuf {
                positions,
                doc_count: 0,
                blocks: Vec::new(),
            });
            keys.insert(key.to_string(), id);
            id
        };

        for (doc, input) in self.inputs.iter().enumerate() {
            let doc = doc as u32;
            if let Some(year) = input
                .date
                .as_deref()
                .and_then(|d| d.get(..4))
                .and_then(|y| y.parse::<u16>().ok())
            {
                match years.last_mut() {
                    Some(last) if last.year == year && last.docs.end == doc => last.docs.end += 1,
                    _ => years.push(YearRange {
                        year,
                        docs: doc..doc + 1,
                    }),
                }
            }
            turn_count += input.turns.len() as u64;

            // The speakers' field terms.
            let speaker_terms: Vec<Vec<u32>> = input
                .speakers
                .iter()
                .map(|(id, name)| {
                    let mut ids = Vec::new();
                    for text in [name.as_str(), id.as_str()] {
                        for_each_term(text, &mut buf, |t, _| {
                            ids.push(intern(&format!("@{t}"), false, &mut terms));
                        });
                    }
                    ids.sort_unstable();
                    ids.dedup();
                    ids
                })
                .collect();

            occurrences.clear();
            for (turn, (_, speaker, paragraphs)) in input.turns.iter().enumerate() {
                let turn = turn as u32;
                let mut pos = 0u32;
                for (p, text) in paragraphs.iter().enumerate() {
                    if p > 0 {
                        pos += 1;
                    }
                    for_each_term(text, &mut buf, |t, _| {
                        let id = intern(t, true, &mut terms);
                        occurrences.push((id, turn, pos));
                        pos += 1;
                    });
                }
                if let Some(ids) = speaker.and_then(|s| speaker_terms.get(s as usize)) {
                    for id in ids {
                        occurrences.push((*id, turn, 0));
                    }
                }
            }
            occurrences.sort_unstable();
            let mut i = 0;
            while i < occurrences.len() {
                let term = occurrences[i].0;
                let mut j = i;
                while j < occurrences.len() && occurrences[j].0 == term {
                    j += 1;
                }
                append_doc(
                    &mut terms[term as usize],
                    doc,
                    &occurrences[i..j],
                    o.chunk_bytes,
                );
                i = j;
            }

            // Fragments.
            let mut fragments = Vec::new();
            let mut start = 0usize;
            let mut size = 0usize;
            for (t, (_, _, paragraphs)) in input.turns.iter().enumerate() {
                size += paragraphs.iter().map(String::len).sum::<usize>();
                let last = t + 1 == input.turns.len();
                if size >= o.fragment_bytes || last {
                    let turns: Vec<&[String]> = input.turns[start..=t]
                        .iter()
                        .map(|(_, _, p)| p.as_slice())
                        .collect();
                    let bytes = encode_fragment(start as u32, &turns);
                    let hash = fnv1a(&bytes);
                    fragments.push((start as u32, hash));
                    if seen.insert(hash, ()).is_none() {
                        files.push((fragment_path(hash), bytes));
                    }
                    start = t + 1;
                    size = 0;
                }
            }
            infos.push(DocInfo {
                doc,
                id: input.id.clone(),
                title: input.title.clone(),
                date: input.date.clone(),
                place: input.place.clone(),
                lang: input.lang.clone(),
                speakers: input.speakers.clone(),
                turn_ids: input.turns.iter().map(|(id, _, _)| id.clone()).collect(),
                turn_speakers: input.turns.iter().map(|(_, s, _)| *s).collect(),
                fragments,
            });
        }

        // Term shards (named once the build id is known) and chunk files.
        let mut sorted: Vec<(String, u32)> = keys.into_iter().collect();
        sorted.sort_unstable();
        let mut shards: Vec<Vec<u8>> = Vec::new();
        let mut bounds: Vec<String> = Vec::new();
        let mut shard = Writer::default();
        let mut shard_terms = 0u64;
        let mut prev_key = String::new();
        let mut last_key = String::new();
        let close = |shard: &mut Writer, n: &mut u64, shards: &mut Vec<Vec<u8>>| {
            let mut w = Writer::header(MAGIC_TERMS);
            w.varint(*n);
            w.0.extend_from_slice(&shard.0);
            shards.push(w.0);
            shard.0.clear();
            *n = 0;
        };
        for (key, id) in &sorted {
            let t = &terms[*id as usize];
            if shard_terms == 0 {
                if !shards.is_empty() {
                    bounds.push(separator(&last_key, key));
                }
                prev_key.clear();
            }
            let shared = shared_prefix(&prev_key, key);
            shard.varint(shared as u64);
            shard.str(&key[shared..]);
            shard.0.push(u8::from(t.positions));
            shard.varint(u64::from(t.doc_count));
            if t.blocks.len() <= 1 {
                shard.varint(0);
                let mut block = Vec::new();
                match t.blocks.first() {
                    Some(b) => {
                        put_varint(&mut block, u64::from(b.docs));
                        block.extend_from_slice(&b.bytes);
                    }
                    None => put_varint(&mut block, 0),
                }
                shard.varint(block.len() as u64);
                shard.0.extend_from_slice(&block);
            } else {
                shard.varint(t.blocks.len() as u64);
                let mut prev = None;
                for b in &t.blocks {
                    let mut w = Writer::header(MAGIC_POSTINGS);
                    w.varint(u64::from(b.docs));
                    w.0.extend_from_slice(&b.bytes);
                    let hash = fnv1a(&w.0);
                    put_next(&mut shard.0, prev, b.first_doc);
                    prev = Some(b.first_doc);
                    shard.varint(w.0.len() as u64);
                    shard.u64(hash);
                    // Equal postings (`@anna`, `@ivanova`) share one file.
                    if seen.insert(hash, ()).is_none() {
                        files.push((chunk_path(hash), w.0));
                    }
                }
            }
            shard_terms += 1;
            prev_key.clone_from(key);
            last_key.clone_from(key);
            if shard.0.len() >= o.term_shard_bytes {
                close(&mut shard, &mut shard_terms, &mut shards);
            }
        }
        if shard_terms > 0 || shards.is_empty() {
            close(&mut shard, &mut shard_terms, &mut shards);
        }

        let doc_shards: Vec<Vec<u8>> = infos
            .chunks(docs_per_shard as usize)
            .enumerate()
            .map(|(n, docs)| encode_docs(n as u32 * docs_per_shard, docs))
            .collect();

        // The build id: a hash of every file's hash, in a fixed order.
        let mut all = Vec::new();
        for (_, bytes) in &files {
            all.extend_from_slice(&fnv1a(bytes).to_le_bytes());
        }
        for bytes in shards.iter().chain(&doc_shards) {
            all.extend_from_slice(&fnv1a(bytes).to_le_bytes());
        }
        let build = fnv1a(&all);
        let meta = Meta {
            build,
            doc_count: infos.len() as u32,
            turn_count,
            years,
            docs_per_shard,
            doc_shards: doc_shards.len() as u32,
            term_bounds: bounds,
        };
        let mut out = vec![(META_PATH.to_string(), meta.encode())];
        out.extend(
            shards
                .into_iter()
                .enumerate()
                .map(|(n, b)| (term_shard_path(build, n), b)),
        );
        out.extend(
            doc_shards
                .into_iter()
                .enumerate()
                .map(|(n, b)| (doc_shard_path(build, n), b)),
        );
        out.extend(files);
        out
    }
}

/// An occurrence while building: (term, turn, position).
type Occurrence = (u32, u32, u32);

/// Appends one document's occurrences of a term, sorted.
fn append_doc(t: &mut TermBuf, doc: u32, occ: &[Occurrence], chunk_bytes: usize) {
    t.doc_count += 1;
    let full = t.blocks.last().is_none_or(|b| b.bytes.len() >= chunk_bytes);
    if full {
        t.blocks.push(Block {
            first_doc: doc,
            last_doc: doc,
            docs: 0,
            bytes: Vec::new(),
        });
    }
    let Some(b) = t.blocks.last_mut() else {
        return;
    };
    // Turns and their positions.
    let mut turns: Vec<(u32, &[Occurrence])> = Vec::new();
    let mut i = 0;
    while i < occ.len() {
        let turn = occ[i].1;
        let mut j = i;
        while j < occ.len() && occ[j].1 == turn {
            j += 1;
        }
        turns.push((turn, &occ[i..j]));
        i = j;
    }
    let prev_doc = (b.docs > 0).then_some(b.last_doc);
    put_flagged(&mut b.bytes, prev_doc, doc, turns.len() == 1);
    if turns.len() != 1 {
        put_varint(&mut b.bytes, turns.len() as u64 - 2);
    }
    b.last_doc = doc;
    b.docs += 1;
    let mut prev_turn = None;
    for (turn, occ) in turns {
        if t.positions {
            put_flagged(&mut b.bytes, prev_turn, turn, occ.len() == 1);
            if occ.len() != 1 {
                put_varint(&mut b.bytes, occ.len() as u64 - 2);
            }
            let mut prev = None;
            for (_, _, p) in occ {
                put_next(&mut b.bytes, prev, *p);
                prev = Some(*p);
            }
        } else {
            put_next(&mut b.bytes, prev_turn, turn);
        }
        prev_turn = Some(turn);
    }
}

/// The shortest prefix of `next` that sorts after `prev` (`prev` < `next`).
fn separator(prev: &str, next: &str) -> String {
    for (i, c) in next.char_indices() {
        let p = &next[..i + c.len_utf8()];
        if p > prev {
            return p.to_string();
        }
    }
    next.to_string()
}
