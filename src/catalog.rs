//! The archive's catalog: what a large site lists, and how its static catalog pages are
//! laid out. Pure: plain values and string work, no file system, tested natively.
//!
//! - [`ArchiveEntry`]: one transcript as the catalog lists it (title, date, place,
//!   speakers, credit), taken from its [`Transcript`].
//! - [`Plan`]: every catalog page of an archive: the whole list newest first
//!   (`catalog/`, `catalog/page/2/`, …), the same list filtered by year
//!   (`catalog/2022/`), speaker (`catalog/speaker/<slug>/`) and place
//!   (`catalog/place/<slug>/`), each paginated, and the indexes of the speakers (A–Z)
//!   and places.
//! - [`slug`]: names as path segments (Cyrillic transliterated), unique per facet.
//! - [`html`]: each page as escaped HTML, in English or Russian.
//! - `manifest` (native only): the incremental build's record of content hashes.
//!
//! A site of at most [`SMALL_CATALOG`] transcripts embeds its whole catalog in every
//! page (the transcripts' menu); a larger one embeds only the page's own entry and links
//! to these pages instead ([`crate::site::PageData::catalog_pages`]).

pub mod html;
#[cfg(not(target_arch = "wasm32"))]
pub mod manifest;
pub mod slug;

use crate::model::{Catalog, CatalogEntry, Transcript, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The most transcripts a site lists in every page's menu; above it, each page embeds
/// only its own entry and links to the catalog pages.
pub const SMALL_CATALOG: usize = 12;

/// Entries on one catalog page.
pub const PER_PAGE: usize = 50;

/// Where the catalog pages live, relative to the site's root.
pub const CATALOG_PATH: &str = "catalog/";

/// One transcript as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArchiveEntry {
    /// The transcript's id: its page is `<id>/`, its JSON `transcripts/<id>.json`.
    pub id: String,
    /// Its title ([`Transcript::display_title`]).
    pub title: String,
    /// ISO `YYYY-MM-DD`, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where it took place, as the source wrote it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Its language tag.
    pub lang: String,
    /// The names of the people who speak (not anonymous voices), in order of first
    /// appearance, each once.
    #[serde(default)]
    pub speakers: Vec<String>,
    /// The credit line of its source, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub credit: Option<String>,
    /// The licence of its text, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub license: Option<String>,
}

impl ArchiveEntry {
    /// The entry of transcript `id`.
    pub fn of(id: &str, t: &Transcript) -> ArchiveEntry {
        let mut speakers: Vec<String> = Vec::new();
        for s in t.speakers.iter().filter(|s| !s.anonymous) {
            let name = tidy(&s.name);
            if !name.is_empty() && !speakers.contains(&name) {
                speakers.push(name);
            }
        }
        ArchiveEntry {
            id: id.to_string(),
            title: t.display_title(),
            date: t.date.clone(),
            place: t.place.as_deref().map(tidy).filter(|p| !p.is_empty()),
            lang: t.lang.clone(),
            speakers,
            credit: t.source.credit.clone(),
            license: t.source.license.clone(),
        }
    }

    /// The year of its date.
    pub fn year(&self) -> Option<u32> {
        self.date
            .as_deref()
            .and_then(crate::dates::parse_iso)
            .map(|(y, _, _)| y)
    }

    /// The entry as the transcripts' `index.json` lists it.
    pub fn catalog_entry(&self) -> CatalogEntry {
        CatalogEntry {
            id: self.id.clone(),
            title: self.title.clone(),
            date: self.date.clone(),
            lang: self.lang.clone(),
        }
    }
}

/// `s` with runs of white space (no-break spaces too) as one space, trimmed: one name
/// whichever spaces the source set.
fn tidy(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a page of a site with `catalog` embeds when it shows entry `current`: the
/// whole catalog and `current`, while it has at most
/// [`SMALL_CATALOG`] entries; above that only the entry
/// shown (index 0), with the address of the catalog pages. So a page's size does not
/// grow with the archive, and an unchanged transcript's page stays the same when others
/// are added.
pub fn archive_catalog(
    catalog: &Rc<Catalog>,
    current: usize,
) -> (Rc<Catalog>, usize, Option<String>) {
    if catalog.transcripts.len() <= SMALL_CATALOG {
        return (catalog.clone(), current, None);
    }
    let own = Catalog {
        schema: catalog.schema,
        transcripts: catalog.transcripts[current..=current].to_vec(),
    };
    (Rc::new(own), 0, Some(CATALOG_PATH.to_string()))
}

/// Newest first: by date, latest first, undated last; then by title and id, so that
/// the order never depends on the order the files were read in.
pub fn sort_newest_first(entries: &mut [ArchiveEntry]) {
    entries.sort_by(|a, b| {
        let date = match (&a.date, &b.date) {
            (Some(x), Some(y)) => y.cmp(x),
            (Some(_), None) => std::cmp::Ordering::Less,
            (None, Some(_)) => std::cmp::Ordering::Greater,
            (None, None) => std::cmp::Ordering::Equal,
        };
        date.then_with(|| a.title.cmp(&b.title))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// The transcripts' `index.json` of an archive: every entry, newest first (the first is
/// the home page's).
pub fn catalog_json(entries: &[ArchiveEntry]) -> Catalog {
    Catalog {
        schema: SCHEMA_VERSION,
        transcripts: entries.iter().map(ArchiveEntry::catalog_entry).collect(),
    }
}

/// A value a list can be filtered by, with its path segment and how many entries have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facet {
    /// As shown (a speaker's name, a place).
    pub name: String,
    /// Its unique path segment ([`slug::unique_slugs`]).
    pub slug: String,
    /// How many entries have it.
    pub count: usize,
}

/// Which entries a list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Filter {
    /// Every entry.
    All,
    /// Those of a year.
    Year(u32),
    /// Those where the speaker of this index of [`Plan::speakers`] speaks.
    Speaker(usize),
    /// Those at the place of this index of [`Plan::places`].
    Place(usize),
}

/// One catalog page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Page {
    /// Page `number` (from 1) of the list `filter`, with these entries (indices into
    /// [`Plan::entries`]).
    List {
        filter: Filter,
        number: usize,
        entries: Vec<usize>,
    },
    /// Every speaker, A–Z.
    Speakers,
    /// Every place.
    Places,
}

/// Every catalog page of an archive, and what they are made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// The entries, newest first.
    pub entries: Vec<ArchiveEntry>,
    /// The years, latest first, with their counts.
    pub years: Vec<(u32, usize)>,
    /// The speakers, by name.
    pub speakers: Vec<Facet>,
    /// The places, by name.
    pub places: Vec<Facet>,
    /// Entries on a page.
    pub per_page: usize,
    /// Each list's entries, newest first (indices into `entries`).
    lists: BTreeMap<Filter, Vec<usize>>,
}

impl Plan {
    /// The plan of `entries` (in any order), `per_page` entries a page (at least 1).
    pub fn new(mut entries: Vec<ArchiveEntry>, per_page: usize) -> Plan {
        sort_newest_first(&mut entries);
        let per_page = per_page.max(1);
        let collect = |names: &mut dyn Iterator<Item = &str>| -> Vec<Facet> {
            let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
            for n in names {
                *counts.entry(n).or_default() += 1;
            }
            let names: Vec<&str> = counts.keys().copied().collect();
            let slugs = slug::unique_slugs(&names);
            let mut facets: Vec<Facet> = counts
                .iter()
                .zip(slugs)
                .map(|((name, count), slug)| Facet {
                    name: name.to_string(),
                    slug,
                    count: *count,
                })
                .collect();
            facets.sort_by_cached_key(|f| slug::sort_key(&f.name));
            facets
        };
        let speakers = collect(
            &mut entries
                .iter()
                .flat_map(|e| e.speakers.iter().map(String::as_str)),
        );
        let places = collect(&mut entries.iter().filter_map(|e| e.place.as_deref()));
        let speaker_at: BTreeMap<&str, usize> = speakers
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.as_str(), i))
            .collect();
        let place_at: BTreeMap<&str, usize> = places
            .iter()
            .enumerate()
            .map(|(i, f)| (f.name.as_str(), i))
            .collect();
        let mut lists: BTreeMap<Filter, Vec<usize>> = BTreeMap::new();
        lists.insert(Filter::All, (0..entries.len()).collect());
        for (i, e) in entries.iter().enumerate() {
            if let Some(y) = e.year() {
                lists.entry(Filter::Year(y)).or_default().push(i);
            }
            for s in &e.speakers {
                lists
                    .entry(Filter::Speaker(speaker_at[s.as_str()]))
                    .or_default()
                    .push(i);
            }
            if let Some(p) = &e.place {
                lists
                    .entry(Filter::Place(place_at[p.as_str()]))
                    .or_default()
                    .push(i);
            }
        }
        let mut years: Vec<(u32, usize)> = lists
            .iter()
            .filter_map(|(f, l)| match f {
                Filter::Year(y) => Some((*y, l.len())),
                _ => None,
            })
            .collect();
        years.reverse();
        Plan {
            entries,
            years,
            speakers,
            places,
            per_page,
            lists,
        }
    }

    /// The entries of a list, newest first.
    pub fn list(&self, filter: Filter) -> &[usize] {
        self.lists.get(&filter).map_or(&[], Vec::as_slice)
    }

    /// How many pages a list has (an empty list has one, saying so).
    pub fn page_count(&self, filter: Filter) -> usize {
        self.list(filter).len().div_ceil(self.per_page).max(1)
    }

    /// Every page, the lists' pages first (the whole list, then the years, speakers and
    /// places), then the two indexes.
    pub fn pages(&self) -> impl Iterator<Item = Page> + '_ {
        self.lists
            .keys()
            .flat_map(move |&filter| {
                let list = self.list(filter);
                (1..=self.page_count(filter)).map(move |number| Page::List {
                    filter,
                    number,
                    entries: list
                        .iter()
                        .skip((number - 1) * self.per_page)
                        .take(self.per_page)
                        .copied()
                        .collect(),
                })
            })
            .chain([Page::Speakers, Page::Places])
    }

    /// The address of a list's page `number`, relative to the site's root, ending in `/`.
    pub fn list_path(&self, filter: Filter, number: usize) -> String {
        let base = match filter {
            Filter::All => CATALOG_PATH.to_string(),
            Filter::Year(y) => format!("{CATALOG_PATH}{y}/"),
            Filter::Speaker(i) => format!("{CATALOG_PATH}speaker/{}/", self.speakers[i].slug),
            Filter::Place(i) => format!("{CATALOG_PATH}place/{}/", self.places[i].slug),
        };
        if number <= 1 {
            base
        } else {
            format!("{base}page/{number}/")
        }
    }

    /// The address of `page`, relative to the site's root, ending in `/`.
    pub fn path(&self, page: &Page) -> String {
        match page {
            Page::List { filter, number, .. } => self.list_path(*filter, *number),
            Page::Speakers => format!("{CATALOG_PATH}speaker/"),
            Page::Places => format!("{CATALOG_PATH}place/"),
        }
    }

    /// The file `page` is written to, relative to the site's root.
    pub fn file(&self, page: &Page) -> String {
        format!("{}index.html", self.path(page))
    }

    /// The index of the speaker named `name`.
    pub fn speaker(&self, name: &str) -> Option<usize> {
        self.speakers.iter().position(|f| f.name == name)
    }

    /// The index of the place named `name`.
    pub fn place(&self, name: &str) -> Option<usize> {
        self.places.iter().position(|f| f.name == name)
    }

    /// The language of a list's pages: that of every entry it lists when they share one,
    /// else English.
    pub fn lang(&self, filter: Filter) -> &str {
        let mut langs = self.list(filter).iter().map(|&i| {
            let lang = self.entries[i].lang.as_str();
            lang.split(['-', '_']).next().unwrap_or_default()
        });
        match langs.next() {
            Some(first) if crate::i18n::language(first).is_some() && langs.all(|l| l == first) => {
                first
            }
            _ => "en",
        }
    }
}

#[cfg(test)]
mod tests;
