//! The archive search in the browser: a thin layer over
//! [`transcript_viewer::archive`], the index reader, for `www/archive-search.js`.
//!
//! The page's script fetches `meta.bin`, then loops: [`Session::plan`] names the files a
//! query still needs, the script fetches them and hands them back
//! ([`Session::add`]), until the plan is empty; then [`Session::results`] returns the
//! results as JSON ([`ResultsView`]): transcripts newest first, each matching turn with
//! its speaker, its link (`<id>/?q=…#t12`, where the page opens its own search on that
//! match) and its sentence as text and marked pieces, which the script writes as text
//! nodes and `<mark>` elements (never as HTML). The fragments a snippet needs are named
//! by the plan too, so a result is shown whole or not at all.
//!
//! Everything here is plain Rust, tested natively; the `wasm_bindgen` wrapper at the end
//! only moves bytes and strings.

use serde::Serialize;
use std::collections::BTreeSet;
use transcript_viewer::archive::{self, Fetched, Meta, Page, Query, Results};
use transcript_viewer::site::query_escape;

/// A reader's session: the index's meta and every file fetched so far.
pub struct Session {
    meta: Meta,
    fetched: Fetched,
}

/// What a query asks for, as the page's controls give it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// The query's text form ([`Query::parse`]: words, phrases, `speaker:`, `year:`).
    pub text: String,
    /// The first document of the page asked for (0, or a previous result's `next`).
    pub from: u32,
    /// How many transcripts a page shows.
    pub limit: usize,
}

/// The results as the page shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Default)]
pub struct ResultsView {
    /// The matching transcripts, newest first.
    pub transcripts: Vec<TranscriptView>,
    /// Where the next page starts (`from`), when there may be more.
    pub next: Option<u32>,
    /// How many matching turns the transcripts shown have.
    pub turns: usize,
    /// True when the query has no word to look for.
    pub empty: bool,
}

/// A matching transcript.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TranscriptView {
    pub id: String,
    pub title: String,
    pub date: Option<String>,
    pub place: Option<String>,
    pub lang: String,
    /// Its page, relative to the site's root (`<id>/`).
    pub href: String,
    pub hits: Vec<HitView>,
    /// How many more of its turns match (not shown).
    pub more: usize,
    /// Its page with its own search on the first match shown, for the "more" link.
    pub more_href: Option<String>,
}

/// A matching turn.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct HitView {
    pub turn_id: String,
    /// The speaker's name.
    pub speaker: Option<String>,
    /// The turn on its page with the page's own search on this match, relative to the
    /// site's root: `<id>/?q=<the matched words>#<turn id>`.
    pub href: String,
    /// The sentence, in pieces: text, and marked matches.
    pub pieces: Vec<Piece>,
}

/// A piece of a snippet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Piece {
    pub text: String,
    pub mark: bool,
}

/// The most turns shown per transcript, each with its sentence (each costs its fragment,
/// about 0.5 KB gzip); the others are counted ([`TranscriptView::more`]) and found by the
/// transcript's page, which the result opens with its own search on.
pub const HITS_PER_TRANSCRIPT: usize = 1;

impl Session {
    /// A session on the index whose `meta.bin` is `meta`.
    pub fn new(meta: &[u8]) -> Result<Session, String> {
        Ok(Session {
            meta: Meta::decode(meta).map_err(|e| e.to_string())?,
            fetched: Fetched::new(),
        })
    }

    /// Keeps a fetched file.
    pub fn add(&mut self, path: String, bytes: Vec<u8>) {
        self.fetched.insert(path, bytes);
    }

    /// The years the archive's transcripts are from, newest first (the year filter's
    /// choices).
    pub fn years(&self) -> Vec<u16> {
        let mut years: Vec<u16> = self.meta.years.iter().map(|y| y.year).collect();
        years.sort_unstable_by(|a, b| b.cmp(a));
        years.dedup();
        years
    }

    /// The files still to fetch for `ask`: term shards, then big terms' chunks and the
    /// results' document shards, then the fragments of the snippets shown. Empty once
    /// [`Session::results`] can answer.
    pub fn plan(&self, ask: &Ask) -> Result<Vec<String>, String> {
        let query = Query::parse(&ask.text);
        if query.is_empty() {
            return Ok(Vec::new());
        }
        let page = page_of(ask);
        let mut missing =
            archive::plan(&self.meta, &query, &self.fetched, page).map_err(|e| e.to_string())?;
        if missing.is_empty() {
            let results = self.run(&query, page)?;
            let needed: BTreeSet<String> = shown(&results)
                .map(|hit| hit.fragment.clone())
                .filter(|path| !self.fetched.contains_key(path))
                .collect();
            missing.extend(needed);
        }
        Ok(missing)
    }

    /// The results of `ask`, once [`Session::plan`] is empty.
    pub fn results(&self, ask: &Ask) -> Result<ResultsView, String> {
        let query = Query::parse(&ask.text);
        if query.is_empty() {
            return Ok(ResultsView {
                empty: true,
                ..ResultsView::default()
            });
        }
        let results = self.run(&query, page_of(ask))?;
        let mut view = ResultsView {
            next: results.next.map(|p| p.from),
            ..ResultsView::default()
        };
        for t in &results.transcripts {
            let page = transcript_viewer::site::page_path(&t.info.id);
            let mut hits = Vec::new();
            for hit in t.hits.iter().take(HITS_PER_TRANSCRIPT) {
                let Some(bytes) = self.fetched.get(&hit.fragment) else {
                    return Err(format!("{}: not fetched", hit.fragment));
                };
                let snippet = archive::snippet(bytes, hit, &query).map_err(|e| e.to_string())?;
                let pieces = pieces(&snippet.text, &snippet.marks);
                // The page's own search looks for what matched here, as written.
                let words = link_words(&pieces).unwrap_or_else(|| first_clause(&query));
                hits.push(HitView {
                    turn_id: hit.turn_id.clone(),
                    speaker: snippet.speaker.clone(),
                    href: format!("{page}?q={}#{}", query_escape(&words), hit.turn_id),
                    pieces,
                });
            }
            view.turns += t.hits.len();
            let more = t.hits.len() - hits.len();
            let more_href = (more > 0)
                .then(|| hits.first().map(|h| h.href.clone()))
                .flatten();
            view.transcripts.push(TranscriptView {
                id: t.info.id.clone(),
                title: t.info.title.clone(),
                date: t.info.date.clone(),
                place: t.info.place.clone(),
                lang: t.info.lang.clone(),
                href: page,
                hits,
                more,
                more_href,
            });
        }
        Ok(view)
    }

    fn run(&self, query: &Query, page: Page) -> Result<Results, String> {
        archive::run(&self.meta, query, &self.fetched, page).map_err(|e| e.to_string())
    }
}

fn page_of(ask: &Ask) -> Page {
    Page {
        from: ask.from,
        limit: ask.limit.max(1),
    }
}

/// The hits a results page shows.
fn shown(results: &Results) -> impl Iterator<Item = &archive::Hit> {
    results
        .transcripts
        .iter()
        .flat_map(|t| t.hits.iter().take(HITS_PER_TRANSCRIPT))
}

/// What the page's own search should look for to land on this match: the first marked
/// piece, with the marked pieces right after it that only white space separates (the
/// words of `thank you` found side by side: "Thank you").
pub fn link_words(pieces: &[Piece]) -> Option<String> {
    let first = pieces.iter().position(|p| p.mark)?;
    let mut words = pieces[first].text.clone();
    let mut rest = pieces[first + 1..].chunks(2);
    while let Some([gap, next]) = rest.next() {
        if gap.mark || !next.mark || !gap.text.chars().all(char::is_whitespace) {
            break;
        }
        words.push_str(&gap.text);
        words.push_str(&next.text);
    }
    Some(words)
}

/// The first clause's words, for a link when no match is marked.
fn first_clause(query: &Query) -> String {
    query
        .clauses
        .first()
        .map(|c| c.join(" "))
        .unwrap_or_default()
}

/// `text` cut at the `marks` (sorted byte ranges), each piece marked or not; ranges that
/// do not fit the text or overlap the previous one are skipped.
pub fn pieces(text: &str, marks: &[std::ops::Range<usize>]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut push = |s: &str, mark: bool| {
        if !s.is_empty() {
            out.push(Piece {
                text: s.to_string(),
                mark,
            });
        }
    };
    for r in marks {
        let fits = r.start >= at
            && r.start < r.end
            && r.end <= text.len()
            && text.is_char_boundary(r.start)
            && text.is_char_boundary(r.end);
        if !fits {
            continue;
        }
        push(&text[at..r.start], false);
        push(&text[r.clone()], true);
        at = r.end;
    }
    push(&text[at..], false);
    out
}

#[cfg(target_arch = "wasm32")]
mod browser {
    use super::{Ask, Session};
    use wasm_bindgen::prelude::*;

    /// [`Session`] for JavaScript.
    #[wasm_bindgen(js_name = ArchiveSearch)]
    pub struct ArchiveSearch(Session);

    #[wasm_bindgen(js_class = ArchiveSearch)]
    impl ArchiveSearch {
        /// A session on the index whose `meta.bin` is `meta`; throws on a bad file.
        #[wasm_bindgen(constructor)]
        pub fn new(meta: &[u8]) -> Result<ArchiveSearch, JsError> {
            Session::new(meta)
                .map(ArchiveSearch)
                .map_err(|e| JsError::new(&e))
        }

        /// Keeps a fetched file.
        pub fn add(&mut self, path: String, bytes: Vec<u8>) {
            self.0.add(path, bytes);
        }

        /// The archive's years, newest first, as a JSON array.
        pub fn years(&self) -> String {
            serde_json::to_string(&self.0.years()).unwrap_or_else(|_| "[]".into())
        }

        /// The paths still to fetch for the query.
        pub fn plan(&self, text: String, from: u32, limit: usize) -> Result<Vec<String>, JsError> {
            self.0
                .plan(&Ask { text, from, limit })
                .map_err(|e| JsError::new(&e))
        }

        /// The results as JSON (`ResultsView`).
        pub fn results(&self, text: String, from: u32, limit: usize) -> Result<String, JsError> {
            let view = self
                .0
                .results(&Ask { text, from, limit })
                .map_err(|e| JsError::new(&e))?;
            serde_json::to_string(&view).map_err(|e| JsError::new(&e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests;
