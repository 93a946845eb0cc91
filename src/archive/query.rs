//! Queries: parsing, planning the fetches, running, and snippets.

use super::format::{
    chunk_path, decode_chunk, decode_docs, decode_fragment, decode_inline, decode_terms, ChunkRef,
    DocInfo, DocPostings, Meta, Postings, TermEntry,
};
use super::tokens::{for_each_term, tokens};
use super::{Error, Fetched};
use std::collections::{BTreeSet, HashMap};
use std::ops::Range;

/// A parsed query.
///
/// The text form ([`Query::parse`]): words, `"quoted phrases"` (straight or curly
/// quotes, `«»`), `speaker:putin` or `speaker:"vladimir putin"`, `year:2022` or
/// `year:2020-2022` (also `2020..2022`). A hit is a turn that has every word and every
/// phrase (AND), said by a speaker whose name or id has every speaker term, in a
/// transcript of those years. The fields are public, so a client can also set the
/// filters from its own controls.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    /// Each clause is a phrase of folded terms (one term for a plain word).
    pub clauses: Vec<Vec<String>>,
    /// Folded terms the speaker's name or id must all have.
    pub speaker: Vec<String>,
    /// The years (inclusive), when filtered.
    pub years: Option<(u16, u16)>,
}

fn is_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn fold_terms(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut buf = String::new();
    for_each_term(s, &mut buf, |t, _| out.push(t.to_string()));
    out
}

/// The length of `prefix` (ASCII) when `word` starts with it, in any case.
fn prefix_len(word: &str, prefix: &str) -> Option<usize> {
    word.get(..prefix.len())
        .filter(|p| p.eq_ignore_ascii_case(prefix))
        .map(|p| p.len())
}

fn parse_years(v: &str) -> Option<(u16, u16)> {
    let (a, b) = match v.split_once("..").or_else(|| v.split_once('-')) {
        Some((a, b)) => (a.parse().ok()?, b.parse().ok()?),
        None => {
            let y = v.parse().ok()?;
            (y, y)
        }
    };
    Some(if a <= b { (a, b) } else { (b, a) })
}

impl Query {
    /// Parses the text form (see [`Query`]).
    pub fn parse(s: &str) -> Query {
        let mut q = Query::default();
        let mut rest = s;
        // Reads a quoted string at the start of `t` (after its opening quote).
        fn quoted(t: &str) -> (&str, &str) {
            match t.char_indices().find(|(_, c)| is_quote(*c)) {
                Some((i, c)) => (&t[..i], &t[i + c.len_utf8()..]),
                None => (t, ""),
            }
        }
        loop {
            rest = rest.trim_start();
            let Some(first) = rest.chars().next() else {
                break;
            };
            if is_quote(first) {
                let (inner, after) = quoted(&rest[first.len_utf8()..]);
                q.push_clause(fold_terms(inner));
                rest = after;
                continue;
            }
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let word = &rest[..end];
            if let Some(value_at) = prefix_len(word, "speaker:") {
                let value = &rest[value_at..];
                match value.chars().next() {
                    Some(c) if is_quote(c) => {
                        let (inner, after) = quoted(&value[c.len_utf8()..]);
                        q.speaker.extend(fold_terms(inner));
                        rest = after;
                    }
                    _ => {
                        q.speaker.extend(fold_terms(&word[value_at..]));
                        rest = &rest[end..];
                    }
                }
                continue;
            }
            if let Some(years) = prefix_len(word, "year:").and_then(|n| parse_years(&word[n..])) {
                q.years = Some(years);
                rest = &rest[end..];
                continue;
            }
            q.push_clause(fold_terms(word));
            rest = &rest[end..];
        }
        q.speaker.sort();
        q.speaker.dedup();
        q
    }

    fn push_clause(&mut self, terms: Vec<String>) {
        if !terms.is_empty() && !self.clauses.contains(&terms) {
            self.clauses.push(terms);
        }
    }

    /// Whether the query can match anything at all (it has words, phrases or a speaker).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty() && self.speaker.is_empty()
    }

    /// The dictionary keys the query looks up.
    fn keys(&self) -> Vec<String> {
        let mut keys: Vec<String> = self.clauses.iter().flatten().cloned().collect();
        keys.extend(self.speaker.iter().map(|s| format!("@{s}")));
        keys.sort();
        keys.dedup();
        keys
    }
}

/// Which results to compute: transcripts from document `from` on, at most `limit`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Page {
    /// The first document to consider (0 for the first page; [`Results::next`] after).
    pub from: u32,
    /// The most transcripts to return.
    pub limit: usize,
}

impl Default for Page {
    fn default() -> Self {
        Page { from: 0, limit: 10 }
    }
}

/// One matching turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// The transcript's document number.
    pub doc: u32,
    /// The turn's index in the transcript.
    pub turn: u32,
    /// The turn's id (`t12`), for its link.
    pub turn_id: String,
    /// The speaker's id and name, when the turn has a speaker.
    pub speaker: Option<(String, String)>,
    /// The path of the fragment that holds the turn's text.
    pub fragment: String,
    /// The position (term number in the turn) of the first match.
    pub position: u32,
}

/// A matching transcript and its matching turns, in turn order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranscriptHits {
    /// What the document shard says of the transcript.
    pub info: DocInfo,
    /// The matching turns.
    pub hits: Vec<Hit>,
}

/// What [`run`] found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Results {
    /// The matching transcripts, newest first.
    pub transcripts: Vec<TranscriptHits>,
    /// Where the next page starts, when there may be more.
    pub next: Option<Page>,
    /// True when the results stop early because postings were not fetched: [`plan`]
    /// for [`Results::next`] names them.
    pub incomplete: bool,
}

/// The parts of one term the fetched files give.
struct Term {
    docs: Vec<DocPostings>,
    /// For a chunked term: each chunk and whether it was fetched.
    chunks: Option<Vec<(ChunkRef, bool)>>,
}

impl Term {
    /// `Err(path)` when the postings of `doc` are in a chunk not fetched.
    fn covers(&self, doc: u32) -> Result<(), String> {
        let Some(chunks) = &self.chunks else {
            return Ok(());
        };
        let i = chunks.partition_point(|(c, _)| c.first_doc <= doc);
        match i.checked_sub(1).and_then(|i| chunks.get(i)) {
            Some((c, false)) => Err(chunk_path(c.hash)),
            _ => Ok(()),
        }
    }

    fn get(&self, doc: u32) -> Option<&DocPostings> {
        self.docs
            .binary_search_by_key(&doc, |d| d.doc)
            .ok()
            .and_then(|i| self.docs.get(i))
    }

    /// Documents known to have the term, for an inline term.
    fn inline_docs(&self) -> Option<impl Iterator<Item = u32> + '_> {
        self.chunks
            .is_none()
            .then(|| self.docs.iter().map(|d| d.doc))
    }
}

enum Loaded {
    /// Term shards to fetch first.
    Missing(Vec<String>),
    /// A term is in no transcript: nothing matches.
    Nothing,
    /// Every term, by key.
    Terms(HashMap<String, Term>),
}

fn load(meta: &Meta, query: &Query, fetched: &Fetched) -> Result<Loaded, Error> {
    let keys = query.keys();
    let mut missing: BTreeSet<String> = BTreeSet::new();
    for k in &keys {
        let path = meta.term_shard_for(k);
        if !fetched.contains_key(&path) {
            missing.insert(path);
        }
    }
    if !missing.is_empty() {
        return Ok(Loaded::Missing(missing.into_iter().collect()));
    }
    let mut shards: HashMap<String, Vec<TermEntry>> = HashMap::new();
    let mut out = HashMap::new();
    for k in keys {
        let path = meta.term_shard_for(&k);
        let Some(bytes) = fetched.get(&path) else {
            return Err(Error::Missing { file: path });
        };
        if !shards.contains_key(&path) {
            shards.insert(path.clone(), decode_terms(&path, bytes)?);
        }
        let entries = shards.get(&path).map_or(&[][..], Vec::as_slice);
        let Ok(i) = entries.binary_search_by(|e| e.key.as_str().cmp(&k)) else {
            return Ok(Loaded::Nothing);
        };
        let Some(e) = entries.get(i) else {
            return Ok(Loaded::Nothing);
        };
        let mut docs = Vec::new();
        let chunks = match &e.postings {
            Postings::Inline(range) => {
                decode_inline(&path, bytes, range.clone(), e.positions, &mut docs)?;
                None
            }
            Postings::Chunks(list) => {
                let mut flags = Vec::with_capacity(list.len());
                for c in list {
                    let p = chunk_path(c.hash);
                    let got = fetched.get(&p);
                    if let Some(b) = got {
                        decode_chunk(&p, b, e.positions, &mut docs)?;
                    }
                    flags.push((c.clone(), got.is_some()));
                }
                Some(flags)
            }
        };
        out.insert(k, Term { docs, chunks });
    }
    Ok(Loaded::Terms(out))
}

/// The matching turns of `doc` with the first match's position, in turn order.
fn match_doc(query: &Query, terms: &HashMap<String, Term>, doc: u32) -> Vec<(u32, u32)> {
    let mut result: Option<Vec<(u32, u32)>> = None;
    for clause in &query.clauses {
        let mut lists = Vec::with_capacity(clause.len());
        for t in clause {
            match terms.get(t).and_then(|t| t.get(doc)) {
                Some(p) => lists.push(p),
                None => return Vec::new(),
            }
        }
        let Some(first) = lists.first() else {
            continue;
        };
        let mut turns = Vec::new();
        'turn: for (turn, pos0) in &first.turns {
            let mut rest = Vec::with_capacity(lists.len());
            for l in &lists[1..] {
                match l.turns.binary_search_by_key(turn, |(t, _)| *t) {
                    Ok(i) => rest.push(&l.turns[i].1),
                    Err(_) => continue 'turn,
                }
            }
            let found = pos0.iter().find(|p| {
                rest.iter().enumerate().all(|(k, ps)| {
                    p.checked_add(k as u32 + 1)
                        .is_some_and(|want| ps.binary_search(&want).is_ok())
                })
            });
            if let Some(p) = found {
                turns.push((*turn, *p));
            }
        }
        result = Some(match result {
            None => turns,
            Some(prev) => intersect(&prev, &turns),
        });
    }
    for s in &query.speaker {
        let Some(p) = terms.get(&format!("@{s}")).and_then(|t| t.get(doc)) else {
            return Vec::new();
        };
        result = Some(match result {
            None => p.turns.iter().map(|(t, _)| (*t, 0)).collect(),
            Some(prev) => prev
                .into_iter()
                .filter(|(t, _)| p.turns.binary_search_by_key(t, |(x, _)| *x).is_ok())
                .collect(),
        });
    }
    result.unwrap_or_default()
}

/// The turns in both, each with the smaller position.
fn intersect(a: &[(u32, u32)], b: &[(u32, u32)]) -> Vec<(u32, u32)> {
    let mut out = Vec::new();
    let (mut i, mut j) = (0, 0);
    while let (Some(x), Some(y)) = (a.get(i), b.get(j)) {
        match x.0.cmp(&y.0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push((x.0, x.1.min(y.1)));
                i += 1;
                j += 1;
            }
        }
    }
    out
}

/// What one pass over the candidate documents found.
struct Pass {
    /// Matching documents before the first one whose postings are missing.
    ready: Vec<(u32, Vec<(u32, u32)>)>,
    /// Files still needed for the page.
    missing: BTreeSet<String>,
    next: Option<Page>,
    incomplete: bool,
}

fn pass(meta: &Meta, query: &Query, fetched: &Fetched, page: Page) -> Result<Pass, Error> {
    let mut out = Pass {
        ready: Vec::new(),
        missing: BTreeSet::new(),
        next: None,
        incomplete: false,
    };
    if query.is_empty() || page.limit == 0 {
        return Ok(out);
    }
    let terms = match load(meta, query, fetched)? {
        Loaded::Missing(paths) => {
            out.missing.extend(paths);
            out.incomplete = true;
            return Ok(out);
        }
        Loaded::Nothing => return Ok(out),
        Loaded::Terms(t) => t,
    };
    let docs = match query.years {
        Some((a, b)) => meta.year_docs(a, b),
        None => 0..meta.doc_count,
    };
    let lo = page.from.max(docs.start);
    let hi = docs.end;
    // The candidates: the documents of the rarest inline term, or every document.
    let driver = terms
        .values()
        .filter(|t| t.chunks.is_none())
        .min_by_key(|t| t.docs.len());
    let candidates: Box<dyn Iterator<Item = u32> + '_> = match driver.and_then(|t| t.inline_docs())
    {
        Some(docs) => Box::new(docs.filter(move |d| (lo..hi).contains(d))),
        None => Box::new(lo..hi),
    };
    // Matches count one each; a document not yet readable counts as the share of the
    // readable ones that matched (at least a tenth), so that a rarely matching phrase
    // asks for several chunks a round and a common word only for the first.
    let mut counted = 0.0f64;
    let (mut evaluated, mut matched) = (0u32, 0u32);
    let mut gap: Option<u32> = None;
    for doc in candidates {
        if counted >= page.limit as f64 {
            out.next = Some(Page {
                from: doc,
                limit: page.limit,
            });
            break;
        }
        let mut covered = true;
        for t in terms.values() {
            if let Err(path) = t.covers(doc) {
                out.missing.insert(path);
                covered = false;
            }
        }
        if !covered {
            gap.get_or_insert(doc);
            counted += if evaluated == 0 {
                1.0
            } else {
                (f64::from(matched) / f64::from(evaluated)).max(0.1)
            };
            continue;
        }
        evaluated += 1;
        let turns = match_doc(query, &terms, doc);
        if turns.is_empty() {
            continue;
        }
        matched += 1;
        counted += 1.0;
        let shard = meta.doc_shard_for(doc);
        if !fetched.contains_key(&shard) {
            out.missing.insert(shard);
        }
        if gap.is_none() {
            out.ready.push((doc, turns));
        }
    }
    if let Some(from) = gap {
        // The page resumes at the first document not yet readable.
        out.incomplete = true;
        out.next = Some(Page {
            from,
            limit: page.limit,
        });
    }
    Ok(out)
}

/// The files still needed to answer `query` for `page`, given those `fetched`; empty
/// when [`run`] can answer. Call it again after fetching: the first call names term
/// shards, the next the chunks of big terms and the document shards of the results.
/// `fetched` holds the files fetched so far (`meta.bin` need not be among them).
pub fn plan(
    meta: &Meta,
    query: &Query,
    fetched: &Fetched,
    page: Page,
) -> Result<Vec<String>, Error> {
    Ok(pass(meta, query, fetched, page)?
        .missing
        .into_iter()
        .collect())
}

/// The results of `query` for `page` from the `fetched` files. Results stop before
/// the first document whose postings are not fetched ([`Results::incomplete`]); a
/// result's document shard must be fetched ([`Error::Missing`] otherwise).
pub fn run(meta: &Meta, query: &Query, fetched: &Fetched, page: Page) -> Result<Results, Error> {
    let p = pass(meta, query, fetched, page)?;
    let mut shards: HashMap<String, Vec<DocInfo>> = HashMap::new();
    let mut transcripts = Vec::with_capacity(p.ready.len());
    for (doc, turns) in p.ready {
        let path = meta.doc_shard_for(doc);
        if !shards.contains_key(&path) {
            let Some(bytes) = fetched.get(&path) else {
                return Err(Error::Missing { file: path });
            };
            shards.insert(path.clone(), decode_docs(&path, bytes)?);
        }
        let info = shards
            .get(&path)
            .and_then(|docs| docs.iter().find(|d| d.doc == doc))
            .cloned()
            .ok_or_else(|| corrupt(&path, format!("document {doc} is not in this shard")))?;
        let mut hits = Vec::with_capacity(turns.len());
        for (turn, position) in turns {
            let t = turn as usize;
            let (Some(turn_id), Some(fragment)) = (info.turn_ids.get(t), info.fragment_for(turn))
            else {
                return Err(corrupt(
                    &path,
                    format!("document {doc} has no turn {turn} or no fragment for it"),
                ));
            };
            let speaker = info
                .turn_speakers
                .get(t)
                .copied()
                .flatten()
                .and_then(|s| info.speakers.get(s as usize))
                .cloned();
            hits.push(Hit {
                doc,
                turn,
                turn_id: turn_id.clone(),
                speaker,
                fragment,
                position,
            });
        }
        transcripts.push(TranscriptHits { info, hits });
    }
    Ok(Results {
        transcripts,
        next: p.next,
        incomplete: p.incomplete,
    })
}

fn corrupt(file: &str, message: String) -> Error {
    Error::Corrupt {
        file: file.to_string(),
        offset: 0,
        message,
    }
}

/// A result's sentence with the matches marked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Snippet {
    /// The speaker's name, when the turn has a speaker.
    pub speaker: Option<String>,
    /// The sentence (cut to about [`SNIPPET_BYTES`] around the match, with `…`).
    pub text: String,
    /// The matches, as sorted byte ranges of `text`.
    pub marks: Vec<Range<usize>>,
}

/// The longest snippet text before it is cut around the match.
pub const SNIPPET_BYTES: usize = 320;

/// The sentence of `hit` from its fragment's bytes (`hit.fragment`'s), with every
/// occurrence of the query's words and phrases in it marked.
pub fn snippet(fragment: &[u8], hit: &Hit, query: &Query) -> Result<Snippet, Error> {
    let f = decode_fragment(&hit.fragment, fragment)?;
    let paragraphs = hit
        .turn
        .checked_sub(f.first_turn)
        .and_then(|i| f.turns.get(i as usize))
        .ok_or_else(|| corrupt(&hit.fragment, format!("turn {} is not here", hit.turn)))?;
    // Find the paragraph and the byte offset of the term at `hit.position`.
    let mut pos = 0u32;
    let mut at: Option<(usize, usize)> = None;
    let mut buf = String::new();
    'find: for (p, text) in paragraphs.iter().enumerate() {
        if p > 0 {
            pos += 1;
        }
        let mut found = None;
        for_each_term(text, &mut buf, |_, range| {
            if found.is_none() && pos == hit.position {
                found = Some(range.start);
            }
            pos += 1;
        });
        if let Some(offset) = found {
            at = Some((p, offset));
            break 'find;
        }
    }
    let (p, offset) = at.unwrap_or((0, 0));
    let text = paragraphs.get(p).map_or("", String::as_str);
    let sentence = sentence_at(text, offset);
    let toks: Vec<_> = tokens(text)
        .into_iter()
        .filter(|t| t.range.start >= sentence.start && t.range.end <= sentence.end)
        .collect();
    let mut marks: Vec<Range<usize>> = Vec::new();
    for clause in &query.clauses {
        if clause.is_empty() || clause.len() > toks.len() {
            continue;
        }
        for i in 0..=toks.len() - clause.len() {
            let here = &toks[i..i + clause.len()];
            if here.iter().zip(clause).all(|(t, c)| t.term == *c) {
                if let (Some(a), Some(b)) = (here.first(), here.last()) {
                    marks.push(a.range.start..b.range.end);
                }
            }
        }
    }
    marks.sort_by_key(|r| (r.start, r.end));
    let mut merged: Vec<Range<usize>> = Vec::new();
    for m in marks {
        match merged.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => merged.push(m),
        }
    }
    let (text, marks) = cut(text, sentence, offset, &merged);
    Ok(Snippet {
        speaker: hit.speaker.as_ref().map(|(_, name)| name.clone()),
        text,
        marks,
    })
}

/// The sentence of `text` around byte `at`: ends after `.`, `!`, `?` or `…` (and any
/// closing quotes or brackets) followed by white space.
fn sentence_at(text: &str, at: usize) -> Range<usize> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let ends = |c: char| matches!(c, '.' | '!' | '?' | '…');
    let closes = |c: char| ends(c) || matches!(c, '"' | '\'' | ')' | '”' | '»' | '’');
    let mut start = 0;
    let mut k = 0;
    while let Some(&(_, c)) = chars.get(k) {
        if !ends(c) {
            k += 1;
            continue;
        }
        let mut m = k + 1;
        while chars.get(m).is_some_and(|(_, c)| closes(*c)) {
            m += 1;
        }
        match chars.get(m) {
            None => break,
            Some((end, c)) if c.is_whitespace() => {
                if at < *end {
                    return start..*end;
                }
                while chars.get(m).is_some_and(|(_, c)| c.is_whitespace()) {
                    m += 1;
                }
                start = chars.get(m).map_or(text.len(), |(i, _)| *i);
            }
            _ => {}
        }
        k = m;
    }
    start..text.len()
}

/// The text of `sentence`, cut to about [`SNIPPET_BYTES`] around byte `at`, and the
/// marks moved into it.
fn cut(
    text: &str,
    sentence: Range<usize>,
    at: usize,
    marks: &[Range<usize>],
) -> (String, Vec<Range<usize>>) {
    let floor = |mut i: usize| {
        while i > 0 && !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let (mut a, mut b) = (sentence.start, sentence.end);
    if b - a > SNIPPET_BYTES {
        a = floor(at.saturating_sub(SNIPPET_BYTES / 3).max(a));
        // Start at a word.
        if a > sentence.start {
            if let Some(sp) = text.get(a..at).and_then(|s| s.find(' ')) {
                a += sp + 1;
            }
        }
        b = floor((a + SNIPPET_BYTES).min(b));
        if b < sentence.end {
            if let Some(sp) = text.get(at.max(a)..b).and_then(|s| s.rfind(' ')) {
                b = at.max(a) + sp;
            }
        }
    }
    let body = text.get(a..b).unwrap_or("");
    let lead = if a > sentence.start { "…" } else { "" };
    let tail = if b < sentence.end { "…" } else { "" };
    let out = format!("{lead}{body}{tail}");
    let shift = lead.len();
    let marks = marks
        .iter()
        .filter(|m| m.start >= a && m.end <= b)
        .map(|m| m.start - a + shift..m.end - a + shift)
        .collect();
    (out, marks)
}
