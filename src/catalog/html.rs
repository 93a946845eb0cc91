//! The catalog pages as HTML: the markup inside the page's body, every text escaped
//! (titles, names and places come from the transcripts, which nobody vouches for), and
//! every link relative to the site's root (the pages keep trunk's `<base href>`).
//! [`crate::page::write_catalog_page`] puts it into trunk's `index.html`.
//!
//! Each list page has a banner with the way back to the whole list, its heading and
//! count, the filter navigation (the years; the places and speakers indexes), the list
//! (`<ol>`: each entry's title linked to its page, its date, place and speakers, the
//! place and speakers linked to their own lists), the pagination and the sources'
//! credits. Navigations are `<nav>`s with names; the page shown, the year or letter
//! chosen are `aria-current`.

use super::slug::initial;
use super::{Filter, Page, Plan, CATALOG_PATH};
use crate::i18n::{language, PluralCategory};
use crate::state::escape_html as esc;
use std::fmt::Write;

/// The words of the catalog pages in one language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Words {
    /// The language's code (`en`, `ru`).
    pub lang: &'static str,
    /// The whole list's heading; the transcripts menu's link to it.
    pub all: &'static str,
    /// The site's name in the banner.
    pub transcripts: &'static str,
    /// A year's heading; `{year}`.
    pub of_year: &'static str,
    /// A speaker's heading; `{name}`.
    pub with_speaker: &'static str,
    /// A place's heading; `{place}`.
    pub at_place: &'static str,
    /// How many a list holds: one, few, many / other, with `{n}`.
    pub count: [&'static str; 3],
    /// How many speakers the index lists.
    pub speaker_count: [&'static str; 3],
    /// How many places the index lists.
    pub place_count: [&'static str; 3],
    /// "Page {n} of {total}".
    pub page_of: &'static str,
    /// The filter navigation's name.
    pub filters: &'static str,
    /// The years' label.
    pub years: &'static str,
    /// Every year (the whole list).
    pub all_years: &'static str,
    /// The places index's heading and link.
    pub places: &'static str,
    /// The speakers index's heading and link.
    pub speakers: &'static str,
    /// The pagination's name.
    pub pages: &'static str,
    /// The link to the previous page.
    pub previous: &'static str,
    /// The link to the next page.
    pub next: &'static str,
    /// The letters' navigation's name, in the speakers index.
    pub letters: &'static str,
    /// Before an entry's speakers.
    pub spoke: &'static str,
    /// An empty list.
    pub none: &'static str,
    /// Before the credits.
    pub source: &'static str,
    /// The skip link to the list.
    pub skip: &'static str,
}

/// English.
pub const EN: Words = Words {
    lang: "en",
    all: "All transcripts",
    transcripts: "Transcripts",
    of_year: "Transcripts of {year}",
    with_speaker: "Transcripts with {name}",
    at_place: "Transcripts: {place}",
    count: ["{n} transcript", "{n} transcripts", "{n} transcripts"],
    speaker_count: ["{n} speaker", "{n} speakers", "{n} speakers"],
    place_count: ["{n} place", "{n} places", "{n} places"],
    page_of: "Page {n} of {total}",
    filters: "Filter the transcripts",
    years: "Year",
    all_years: "All years",
    places: "Places",
    speakers: "Speakers",
    pages: "Pages",
    previous: "Previous",
    next: "Next",
    letters: "Speakers by letter",
    spoke: "Speakers:",
    none: "No transcripts.",
    source: "Source",
    skip: "Skip to the list",
};

/// Russian.
pub const RU: Words = Words {
    lang: "ru",
    all: "Все стенограммы",
    transcripts: "Стенограммы",
    of_year: "Стенограммы {year} года",
    with_speaker: "Стенограммы с участием: {name}",
    at_place: "Стенограммы: {place}",
    count: ["{n} стенограмма", "{n} стенограммы", "{n} стенограмм"],
    speaker_count: ["{n} выступающий", "{n} выступающих", "{n} выступающих"],
    place_count: ["{n} место", "{n} места", "{n} мест"],
    page_of: "Страница {n} из {total}",
    filters: "Отбор стенограмм",
    years: "Год",
    all_years: "Все годы",
    places: "Места",
    speakers: "Выступающие",
    pages: "Страницы",
    previous: "Предыдущая",
    next: "Следующая",
    letters: "Выступающие по буквам",
    spoke: "Выступают:",
    none: "Стенограмм нет.",
    source: "Источник",
    skip: "К списку",
};

impl Words {
    /// The words for a language tag (English for one the catalog lacks).
    pub fn for_lang(tag: &str) -> &'static Words {
        match language(tag).map(|l| l.code) {
            Some("ru") => &RU,
            _ => &EN,
        }
    }

    /// `n` transcripts, the number grouped as the language does.
    pub fn count(&self, n: usize) -> String {
        self.counted(&self.count, n)
    }

    /// `n` speakers.
    pub fn count_speakers(&self, n: usize) -> String {
        self.counted(&self.speaker_count, n)
    }

    /// `n` places.
    pub fn count_places(&self, n: usize) -> String {
        self.counted(&self.place_count, n)
    }

    /// The form of `forms` (one, few, many / other) for `n`.
    fn counted(&self, forms: &[&str; 3], n: usize) -> String {
        let Some(language) = language(self.lang) else {
            return n.to_string();
        };
        let form = match (language.plural)(n as u64) {
            PluralCategory::One => forms[0],
            PluralCategory::Few => forms[1],
            _ => forms[2],
        };
        form.replace("{n}", &language.number(n as u64))
    }
}

/// One catalog page, ready to go into the template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatalogHtml {
    /// The `<title>` (before the site's suffix), not escaped.
    pub title: String,
    /// The page's language.
    pub lang: &'static str,
    /// The markup inside the body's app element.
    pub body: String,
    /// The next page's address, if any (a `<link rel="next">` and a prefetch).
    pub next: Option<String>,
    /// The previous page's address, if any.
    pub prev: Option<String>,
}

/// `page` of `plan` as HTML.
pub fn render(plan: &Plan, page: &Page) -> CatalogHtml {
    match page {
        Page::List {
            filter,
            number,
            entries,
        } => list_page(plan, *filter, *number, entries),
        Page::Speakers => speakers_page(plan),
        Page::Places => places_page(plan),
    }
}

/// The heading of a list.
fn heading(plan: &Plan, filter: Filter, w: &Words) -> String {
    match filter {
        Filter::All => w.all.to_string(),
        Filter::Year(y) => w.of_year.replace("{year}", &y.to_string()),
        Filter::Speaker(i) => w.with_speaker.replace("{name}", &plan.speakers[i].name),
        Filter::Place(i) => w.at_place.replace("{place}", &plan.places[i].name),
    }
}

/// The page's frame: the skip link (with the page's own path: the pages keep the site's
/// `<base href>`), the banner (the way to the whole list, the heading, a line under it),
/// the filters, then `main` with the page's content, then the credits.
fn frame(w: &Words, plan: &Plan, here: &Page, h1: &str, sub: &str, main: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "<div class=\"tv-root tv-archive\" lang=\"{lang}\">\
         <a class=\"tv-archive-skip\" href=\"{here}#tv-archive-main\">{skip}</a>\
         <header class=\"tv-archive-banner\">\
         <p class=\"tv-archive-site\"><a href=\"{CATALOG_PATH}\">{site}</a></p>\
         <h1 class=\"tv-archive-title\" dir=\"auto\">{h1}</h1>\
         <p class=\"tv-archive-sub\">{sub}</p></header>",
        lang = w.lang,
        here = esc(&plan.path(here)),
        skip = esc(w.skip),
        site = esc(w.transcripts),
        h1 = esc(h1),
        sub = esc(sub),
    );
    out.push_str(&filters(w, plan, here));
    let _ = write!(
        out,
        "<main class=\"tv-archive-main\" id=\"tv-archive-main\" tabindex=\"-1\">{main}</main>"
    );
    out.push_str(&credits(w, plan));
    out.push_str("</div>");
    out
}

/// The filter navigation: every year (the current one marked), the places and speakers
/// indexes.
fn filters(w: &Words, plan: &Plan, here: &Page) -> String {
    let current = match here {
        Page::List { filter, .. } => Some(*filter),
        _ => None,
    };
    let mut out = format!(
        "<nav class=\"tv-archive-filters\" aria-label=\"{}\">\
         <h2 class=\"tv-archive-filter-label\" id=\"tv-archive-years\">{}</h2>\
         <ul class=\"tv-archive-years\" aria-labelledby=\"tv-archive-years\">",
        esc(w.filters),
        esc(w.years)
    );
    let item = |out: &mut String, href: &str, text: &str, here: bool| {
        let _ = write!(
            out,
            "<li><a href=\"{}\"{}>{}</a></li>",
            esc(href),
            if here { " aria-current=\"page\"" } else { "" },
            esc(text)
        );
    };
    item(
        &mut out,
        &plan.list_path(Filter::All, 1),
        w.all_years,
        current == Some(Filter::All),
    );
    for &(y, _) in &plan.years {
        item(
            &mut out,
            &plan.list_path(Filter::Year(y), 1),
            &y.to_string(),
            current == Some(Filter::Year(y)),
        );
    }
    out.push_str("</ul><ul class=\"tv-archive-indexes\">");
    let (speakers, places) = match here {
        Page::Speakers
        | Page::List {
            filter: Filter::Speaker(_),
            ..
        } => (true, false),
        Page::Places
        | Page::List {
            filter: Filter::Place(_),
            ..
        } => (false, true),
        _ => (false, false),
    };
    let index = |out: &mut String, href: String, text: &str, here: bool, within: bool| {
        let current = if here {
            " aria-current=\"page\""
        } else if within {
            " aria-current=\"true\""
        } else {
            ""
        };
        let _ = write!(
            out,
            "<li><a href=\"{href}\"{current}>{}</a></li>",
            esc(text)
        );
    };
    index(
        &mut out,
        plan.path(&Page::Places),
        w.places,
        current.is_none() && places,
        places,
    );
    index(
        &mut out,
        plan.path(&Page::Speakers),
        w.speakers,
        current.is_none() && speakers,
        speakers,
    );
    out.push_str("</ul></nav>");
    out
}

/// The footer: each credit of the transcripts listed (the kremlin.ru credit with its
/// CC BY 4.0 licence), once.
fn credits(w: &Words, plan: &Plan) -> String {
    let mut seen: Vec<(&str, Option<&str>)> = Vec::new();
    for e in &plan.entries {
        if let Some(c) = e.credit.as_deref() {
            let pair = (c, e.license.as_deref());
            if !seen.contains(&pair) {
                seen.push(pair);
            }
        }
    }
    if seen.is_empty() {
        return String::new();
    }
    let list: Vec<String> = seen
        .iter()
        .map(|(c, l)| match l {
            Some(l) => format!("{} ({})", esc(c), esc(l)),
            None => esc(c),
        })
        .collect();
    format!(
        "<footer class=\"tv-source tv-archive-source\"><p>{}: {}</p></footer>",
        esc(w.source),
        list.join("; ")
    )
}

fn list_page(plan: &Plan, filter: Filter, number: usize, entries: &[usize]) -> CatalogHtml {
    let lang = plan.lang(filter);
    let w = Words::for_lang(lang);
    let total = plan.page_count(filter);
    let count = w.count(plan.list(filter).len());
    let h1 = heading(plan, filter, w);
    let sub = if total > 1 {
        let page = w
            .page_of
            .replace("{n}", &number.to_string())
            .replace("{total}", &total.to_string());
        format!("{count} · {page}")
    } else {
        count
    };
    let mut main = String::new();
    if entries.is_empty() {
        let _ = write!(main, "<p class=\"tv-archive-none\">{}</p>", esc(w.none));
    } else {
        let start = (number - 1) * plan.per_page + 1;
        let _ = write!(main, "<ol class=\"tv-archive-list\" start=\"{start}\">");
        for &i in entries {
            entry(&mut main, plan, i);
        }
        main.push_str("</ol>");
    }
    main.push_str(&pagination(plan, filter, number, total, w));
    let here = Page::List {
        filter,
        number,
        entries: Vec::new(),
    };
    let title = if number > 1 {
        format!(
            "{h1} ({})",
            w.page_of
                .replace("{n}", &number.to_string())
                .replace("{total}", &total.to_string())
        )
    } else {
        h1.clone()
    };
    CatalogHtml {
        title,
        lang: w.lang,
        body: frame(w, plan, &here, &h1, &sub, &main),
        next: (number < total).then(|| plan.list_path(filter, number + 1)),
        prev: (number > 1).then(|| plan.list_path(filter, number - 1)),
    }
}

/// One entry of a list: its title linked to its page, then its date, place and
/// speakers.
fn entry(out: &mut String, plan: &Plan, i: usize) {
    let e = &plan.entries[i];
    let _ = write!(
        out,
        "<li class=\"tv-archive-entry\" lang=\"{lang}\">\
         <h2 class=\"tv-archive-entry-title\"><a href=\"{href}\" dir=\"auto\">{title}</a></h2>\
         <p class=\"tv-archive-meta\">",
        lang = esc(&e.lang),
        href = esc(&crate::site::page_path(&e.id)),
        title = esc(&e.title),
    );
    let mut parts = Vec::new();
    if let Some(d) = &e.date {
        parts.push(format!(
            "<time datetime=\"{}\">{}</time>",
            esc(d),
            esc(&crate::dates::format(d, &e.lang))
        ));
    }
    if let Some(p) = e.place.as_deref().and_then(|p| plan.place(p)) {
        parts.push(format!(
            "<a class=\"tv-archive-place\" href=\"{}\">{}</a>",
            esc(&plan.list_path(Filter::Place(p), 1)),
            esc(&plan.places[p].name)
        ));
    }
    out.push_str(&parts.join(", "));
    out.push_str("</p>");
    if !e.speakers.is_empty() {
        let speaker_words = Words::for_lang(&e.lang);
        let _ = write!(
            out,
            "<p class=\"tv-archive-speakers\">{} ",
            esc(speaker_words.spoke)
        );
        let links: Vec<String> = e
            .speakers
            .iter()
            .filter_map(|s| plan.speaker(s))
            .map(|s| {
                format!(
                    "<a href=\"{}\">{}</a>",
                    esc(&plan.list_path(Filter::Speaker(s), 1)),
                    esc(&plan.speakers[s].name)
                )
            })
            .collect();
        out.push_str(&links.join(", "));
        out.push_str("</p>");
    }
    out.push_str("</li>");
}

/// The page numbers a pagination shows: the first, the last, and two either side of
/// `number`; `None` for a gap.
pub fn page_window(number: usize, total: usize) -> Vec<Option<usize>> {
    let mut out = Vec::new();
    let mut last = 0;
    for n in 1..=total {
        if n == 1 || n == total || n.abs_diff(number) <= 2 {
            if n > last + 1 {
                out.push(None);
            }
            out.push(Some(n));
            last = n;
        }
    }
    out
}

/// The pagination: previous, the page numbers (the current one marked), next. Nothing
/// for a list of one page.
fn pagination(plan: &Plan, filter: Filter, number: usize, total: usize, w: &Words) -> String {
    if total <= 1 {
        return String::new();
    }
    let mut out = format!(
        "<nav class=\"tv-archive-pages\" aria-label=\"{}\">",
        esc(w.pages)
    );
    if number > 1 {
        let _ = write!(
            out,
            "<a class=\"tv-archive-step\" rel=\"prev\" href=\"{}\">{}</a>",
            esc(&plan.list_path(filter, number - 1)),
            esc(w.previous)
        );
    }
    out.push_str("<ol class=\"tv-archive-numbers\">");
    for n in page_window(number, total) {
        match n {
            None => out.push_str("<li class=\"tv-archive-gap\" aria-hidden=\"true\">…</li>"),
            Some(n) => {
                let label = w
                    .page_of
                    .replace("{n}", &n.to_string())
                    .replace("{total}", &total.to_string());
                let _ = write!(
                    out,
                    "<li><a href=\"{}\" aria-label=\"{}\"{}>{n}</a></li>",
                    esc(&plan.list_path(filter, n)),
                    esc(&label),
                    if n == number {
                        " aria-current=\"page\""
                    } else {
                        ""
                    }
                );
            }
        }
    }
    out.push_str("</ol>");
    if number < total {
        let _ = write!(
            out,
            "<a class=\"tv-archive-step\" rel=\"next\" href=\"{}\">{}</a>",
            esc(&plan.list_path(filter, number + 1)),
            esc(w.next)
        );
    }
    out.push_str("</nav>");
    out
}

/// Every speaker, grouped by letter, with a navigation of the letters.
fn speakers_page(plan: &Plan) -> CatalogHtml {
    let w = &EN;
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    for (i, f) in plan.speakers.iter().enumerate() {
        let letter = initial(&f.name);
        match groups.last_mut() {
            Some((l, list)) if *l == letter => list.push(i),
            _ => groups.push((letter, vec![i])),
        }
    }
    let anchor = |n: usize| format!("tv-archive-letter-{n}");
    let mut main = format!(
        "<nav class=\"tv-archive-letters\" aria-label=\"{}\"><ul>",
        esc(w.letters)
    );
    for (n, (letter, _)) in groups.iter().enumerate() {
        let _ = write!(
            main,
            "<li><a href=\"{}#{}\">{}</a></li>",
            plan.path(&Page::Speakers),
            anchor(n),
            esc(letter)
        );
    }
    main.push_str("</ul></nav>");
    for (n, (letter, list)) in groups.iter().enumerate() {
        let _ = write!(
            main,
            "<section class=\"tv-archive-group\" aria-labelledby=\"{a}\">\
             <h2 class=\"tv-archive-letter\" id=\"{a}\" tabindex=\"-1\">{}</h2>\
             <ul class=\"tv-archive-facets\">",
            esc(letter),
            a = anchor(n),
        );
        for &i in list {
            facet(&mut main, plan, Filter::Speaker(i), &plan.speakers[i], w);
        }
        main.push_str("</ul></section>");
    }
    CatalogHtml {
        title: w.speakers.to_string(),
        lang: w.lang,
        body: frame(
            w,
            plan,
            &Page::Speakers,
            w.speakers,
            &w.count_speakers(plan.speakers.len()),
            &main,
        ),
        next: None,
        prev: None,
    }
}

/// One speaker or place: its name linked to its list, and how many transcripts.
fn facet(out: &mut String, plan: &Plan, filter: Filter, f: &super::Facet, w: &Words) {
    let _ = write!(
        out,
        "<li><a href=\"{}\" dir=\"auto\">{}</a> <span class=\"tv-archive-facet-count\">({})</span></li>",
        esc(&plan.list_path(filter, 1)),
        esc(&f.name),
        esc(&w.count(f.count))
    );
}

/// Every place, by name.
fn places_page(plan: &Plan) -> CatalogHtml {
    let w = &EN;
    let mut main = String::from("<ul class=\"tv-archive-facets\">");
    for (i, f) in plan.places.iter().enumerate() {
        facet(&mut main, plan, Filter::Place(i), f, w);
    }
    main.push_str("</ul>");
    CatalogHtml {
        title: w.places.to_string(),
        lang: w.lang,
        body: frame(
            w,
            plan,
            &Page::Places,
            w.places,
            &w.count_places(plan.places.len()),
            &main,
        ),
        next: None,
        prev: None,
    }
}
