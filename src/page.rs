//! The site's pre-rendered pages, written at build time (natively): every bundled
//! transcript's page is rendered to static HTML with the same components (Yew's
//! server-side rendering), so a reader sees the whole transcript before the Wasm
//! arrives, or without JavaScript at all; in the browser the app then hydrates that
//! HTML instead of rendering it again. What a page holds and how the browser reads it
//! back is [`site`](crate::site)'s.
//!
//! - [`write_page`]: trunk's `index.html` with the rendered markup inside its
//!   `[data-transcript-viewer-app]` element, the page's data scripts after it, the
//!   `<title>` and `<html lang>`; [`unrendered`]: a written page taken back to its
//!   template.
//! - [`render_site`], [`render_app`], [`render_embedded`]: the components as HTML.

use crate::site::{escape_html, APP_MARKER, CATALOG_MARKER, DATA_MARKER};
use lol_html::html_content::{ContentType, Element};
use lol_html::{element, end_tag, rewrite_str, text, RewriteStrSettings};
use std::borrow::Cow;
use std::cell::Cell;
use std::rc::Rc;

/// One page to write: what goes into trunk's `index.html`.
#[derive(Debug, Clone, Copy)]
pub struct PageParts<'a> {
    /// The `<title>` (then the language's `site_title_suffix`).
    pub title: &'a str,
    /// The `<html lang>`.
    pub lang: &'a str,
    /// The rendered app, put inside the `[data-transcript-viewer-app]` element.
    pub markup: &'a str,
    /// Put right after that element: the [`data_scripts`](crate::site::data_scripts).
    pub after: &'a str,
}

/// What [`write_page`] found of an element it fills: how many there are, and (`closed`,
/// set at the first one's end tag) whether that one was empty.
#[derive(Default)]
struct Found {
    count: Cell<usize>,
    closed: Rc<Cell<Option<bool>>>,
}

impl Found {
    /// Counts `el`; for the first one, records at its end tag whether it was empty, and
    /// returns `true` (the one to fill).
    fn first(&self, el: &mut Element) -> bool {
        self.count.set(self.count.get() + 1);
        if self.count.get() > 1 {
            return false;
        }
        let start = el.source_location().bytes().end;
        let closed = self.closed.clone();
        // An element without an end tag (`<div/>`, a template cut short) never sets it.
        let _ = el.on_end_tag(end_tag!(move |end| {
            closed.set(Some(end.source_location().bytes().start == start));
            Ok(())
        }));
        true
    }
}

/// `template` (trunk's `index.html`, minified or not) with `parts`: the title, the
/// language, the markup inside the empty `<div data-transcript-viewer-app>` and the data
/// after it. Fails, saying why, when the template does not have exactly one such empty
/// element, a `<title>` or an `<html>` tag (a page rendered twice has no empty one).
///
/// The template goes through [`lol_html`]'s streaming rewriter: every byte it does not
/// change is written as it was (comments, attribute quoting, letter case); the `<html>`
/// tag, whose `lang` it sets, is written again with its other attributes as they were.
pub fn write_page(template: &str, parts: &PageParts) -> Result<String, String> {
    let (app, title, html) = (Found::default(), Found::default(), Found::default());
    let app_selector = format!("div[{APP_MARKER}]");
    // The page's own words are in its language (English for one the viewer lacks).
    let labels = crate::components::Labels::for_lang(parts.lang);
    let title_text = escape_html(&format!("{}{}", parts.title, labels.site_title_suffix));
    let noscript_lang = crate::i18n::language(parts.lang)
        .is_none()
        .then_some(labels.lang());
    let noscript = std::cell::RefCell::new(String::new());
    let settings = settings()
        .append_element_content_handler(element!(app_selector, |el| {
            if app.first(el) {
                el.set_inner_content(parts.markup, ContentType::Html);
                el.after(parts.after, ContentType::Html);
            }
            Ok(())
        }))
        // A `<noscript>`'s content is raw text to the rewriter (as to a browser that
        // runs scripts): its chunks are gathered, and the note in it translated.
        .append_element_content_handler(text!("noscript", |chunk| {
            noscript.borrow_mut().push_str(chunk.as_str());
            if chunk.last_in_text_node() {
                let raw = noscript.take();
                let translated = translate_noscript(&raw, &labels.noscript, noscript_lang);
                chunk.replace(translated.as_deref().unwrap_or(&raw), ContentType::Html);
            } else {
                chunk.remove();
            }
            Ok(())
        }))
        .append_element_content_handler(element!("title", |el| {
            if title.first(el) {
                el.set_inner_content(&title_text, ContentType::Html);
            }
            Ok(())
        }))
        .append_element_content_handler(element!("html", |el| {
            if html.first(el) {
                el.set_attribute("lang", parts.lang)?;
            }
            Ok(())
        }));
    let page = rewrite_str(template, settings)
        .map_err(|e| format!("the template cannot be read as HTML: {e}"))?;
    // An unclosed `<title>` holds the rest of the page as its text.
    if title.count.get() > 0 && title.closed.get().is_none() {
        return Err("the template's <title> is not closed".into());
    }
    match (app.count.get(), app.closed.get()) {
        (0, _) => return Err(format!("the template has no <div {APP_MARKER}>")),
        (1, Some(true)) => {}
        (1, Some(false)) => {
            return Err(format!(
                "the template's <div {APP_MARKER}> is not empty (rendered already?)"
            ))
        }
        (1, None) => return Err(format!("the template's <div {APP_MARKER}> is not closed")),
        _ => return Err(format!("the template has several <div {APP_MARKER}>")),
    }
    if title.count.get() == 0 {
        return Err("the template has no <title>".into());
    }
    if html.count.get() == 0 {
        return Err("the template has no <html> tag".into());
    }
    Ok(page)
}

/// The raw content of a `<noscript>` with the text of its `<p class="tv-noscript">` (if
/// it has one) replaced by `text` (escaped), with `lang` when given; `None` without one.
fn translate_noscript(raw: &str, text: &str, lang: Option<&str>) -> Option<String> {
    let class = raw.find("class=\"tv-noscript\"")?;
    let open_end = class + raw[class..].find('>')?;
    let close = open_end + raw[open_end..].find("</p>")?;
    let lang = lang
        .map(|l| format!(" lang=\"{}\"", escape_html(l)))
        .unwrap_or_default();
    Some(format!(
        "{}{lang}>{}{}",
        &raw[..open_end],
        escape_html(text),
        &raw[close..]
    ))
}

/// `html` as it was before [`write_page`] filled it: a page rendered already (found by
/// its two data scripts) has its markup and data taken out again, so that a built site
/// can be rendered anew (after transcripts were added); any other page is returned as
/// it is. Title and `lang` are left: writing sets them.
pub fn unrendered(html: &str) -> Cow<'_, str> {
    let scripts = Cell::new(0);
    let settings = settings()
        .append_element_content_handler(element!(format!("div[{APP_MARKER}]"), |el| {
            el.set_inner_content("", ContentType::Text);
            Ok(())
        }))
        .append_element_content_handler(element!(
            format!("script[{CATALOG_MARKER}], script[{DATA_MARKER}]"),
            |el| {
                scripts.set(scripts.get() + 1);
                el.remove();
                Ok(())
            }
        ));
    match rewrite_str(html, settings) {
        Ok(page) if scripts.get() == 2 => page.into(),
        _ => html.into(),
    }
}

/// The rewriter's settings for a page: plain HTML (no ESI tags), and markup it cannot
/// read unambiguously is an error rather than a guess.
fn settings<'h>() -> RewriteStrSettings<'h, 'static> {
    RewriteStrSettings::new()
        .with_enable_esi_tags(false)
        .with_strict(true)
}

pub use render::{bad_id, render_app, render_embedded, render_page, render_site, render_site_to};

/// A catalog page ([`crate::catalog::html`]) in `template` (trunk's `index.html`): its
/// body inside the app element (which loses its marker: no app starts on a catalog
/// page), its title and language, `catalog.css` and the `rel=prev`/`next` links (which
/// browsers may prefetch) in the head; without the template's scripts, their preloads
/// and its `<noscript>` (a catalog page needs no JavaScript).
pub fn write_catalog_page(
    template: &str,
    page: &crate::catalog::html::CatalogHtml,
) -> Result<String, String> {
    let parts = PageParts {
        title: &page.title,
        lang: page.lang,
        markup: &page.body,
        after: "",
    };
    let filled = write_page(template, &parts)?;
    // The only script: prefetching the link pointed at (www/catalog.js); the page works
    // without it.
    let mut head = String::from(
        "<link rel=\"stylesheet\" href=\"catalog.css\" />\
         <script type=\"module\" src=\"catalog.js\"></script>",
    );
    for (rel, href) in [("prev", &page.prev), ("next", &page.next)] {
        if let Some(href) = href {
            head.push_str(&format!(
                "<link rel=\"{rel}\" href=\"{}\" />",
                escape_html(href)
            ));
        }
    }
    if let Some(next) = &page.next {
        head.push_str(&format!(
            "<link rel=\"prefetch\" href=\"{}\" />",
            escape_html(next)
        ));
    }
    let settings = settings()
        .append_element_content_handler(element!(
            "script, noscript, link[rel=modulepreload], link[rel=preload]",
            |el| {
                el.remove();
                Ok(())
            }
        ))
        .append_element_content_handler(element!(format!("div[{APP_MARKER}]"), |el| {
            el.remove_attribute(APP_MARKER);
            Ok(())
        }))
        .append_element_content_handler(element!("head", |el| {
            el.append(&head, ContentType::Html);
            Ok(())
        }));
    rewrite_str(&filled, settings).map_err(|e| format!("the template cannot be read as HTML: {e}"))
}

/// The components rendered to HTML (Yew's `ssr`).
mod render {
    use super::{write_page, PageParts};
    use crate::catalog::archive_catalog;
    use crate::components::prerender;
    use crate::components::{App, AppProps, Embedded, EmbeddedProps, Source, DEFAULT_BASE};
    use crate::model::{Catalog, Transcript};
    use crate::site::{data_scripts, is_page_id, page_path, PageData};
    use std::rc::Rc;
    use yew::{AttrValue, BaseComponent};

    thread_local! {
        /// Each thread's runtime for Yew's server-side rendering: made once per
        /// thread (the archive build renders on every core, one runtime per worker).
        static RUNTIME: std::cell::OnceCell<tokio::runtime::Runtime> =
            const { std::cell::OnceCell::new() };
    }

    /// Renders `C` with `props()` as hydratable HTML, each group of turns as raw markup
    /// (`TranscriptViewerProps::prerendered`), on this thread's current-thread runtime.
    fn render<C: BaseComponent>(props: impl Fn() -> C::Properties) -> std::io::Result<String> {
        RUNTIME.with(|cell| {
            let runtime = match cell.get() {
                Some(runtime) => runtime,
                None => {
                    let runtime = tokio::runtime::Builder::new_current_thread().build()?;
                    cell.get_or_init(|| runtime)
                }
            };
            let local = tokio::task::LocalSet::new();
            Ok(runtime.block_on(local.run_until(prerender::render::<C>(props))))
        })
    }

    /// The site's app showing `data`, as the page's `[data-transcript-viewer-app]`
    /// content: what the browser's `App` with the same data hydrates.
    pub fn render_app(data: Rc<PageData>) -> std::io::Result<String> {
        render::<App>(|| AppProps {
            base: AttrValue::Static(DEFAULT_BASE),
            page: Some(data.clone()),
        })
    }

    /// One page of the site: `template` (trunk's `index.html`, not rendered yet) with
    /// the app rendered from `data`, its data scripts, title and language. Errors say
    /// why, not which file.
    pub fn render_page(template: &str, data: Rc<PageData>) -> Result<String, String> {
        let markup = render_app(data.clone()).map_err(|e| e.to_string())?;
        let title = data.transcript.display_title();
        let parts = PageParts {
            title: &title,
            lang: &data.transcript.lang,
            markup: &markup,
            after: &data_scripts(&data),
        };
        write_page(template, &parts)
    }

    /// The error for an id that cannot name a page's directory.
    pub fn bad_id(id: &str) -> String {
        format!(
            "the transcript id {id:?} cannot name a page's directory (use ASCII \
             letters, digits, `-`, `_` and `.`)"
        )
    }

    /// The site's pages, as `(file path relative to the site's root, HTML)`: for every
    /// transcript of `catalog`, `<id>/index.html`, and first `index.html`, the home page,
    /// with the catalog's first (default) transcript. Each is `template` (trunk's
    /// `index.html`) with the rendered app, its [`PageData`], title and language;
    /// `load` reads a transcript by id. Fails on the first id that cannot name a
    /// directory ([`is_page_id`]), transcript that cannot be read, or template that
    /// cannot be filled ([`write_page`]). A template that is a rendered page already is
    /// taken back to what it was ([`unrendered`](super::unrendered)), so a built site
    /// can be rendered again, e.g. after transcripts were added to it. Holds every page
    /// in memory: [`render_site_to`] hands each on as it is rendered.
    pub fn render_site(
        template: &str,
        catalog: &Catalog,
        load: impl FnMut(&str) -> Result<Transcript, String>,
    ) -> Result<Vec<(String, String)>, String> {
        let mut pages = Vec::new();
        render_site_to(template, catalog, load, |file, html| {
            pages.push((file.to_string(), html));
            Ok(())
        })?;
        Ok(pages)
    }

    /// As [`render_site`], handing each page to `write` (file path, HTML) as soon as it
    /// is rendered, so that only one page is in memory at a time. A catalog of more
    /// than [`SMALL_CATALOG`](crate::catalog::SMALL_CATALOG) transcripts is not
    /// embedded whole in each page ([`archive_catalog`]).
    pub fn render_site_to(
        template: &str,
        catalog: &Catalog,
        mut load: impl FnMut(&str) -> Result<Transcript, String>,
        mut write: impl FnMut(&str, String) -> Result<(), String>,
    ) -> Result<(), String> {
        let template = &*super::unrendered(template);
        let shared = Rc::new(catalog.clone());
        for (current, entry) in catalog.transcripts.iter().enumerate() {
            if !is_page_id(&entry.id) {
                return Err(bad_id(&entry.id));
            }
            let transcript = Rc::new(load(&entry.id)?);
            let paths = if current == 0 {
                vec![String::new(), page_path(&entry.id)]
            } else {
                vec![page_path(&entry.id)]
            };
            let (catalog, current, catalog_pages) = archive_catalog(&shared, current);
            for path in paths {
                let file = format!("{path}index.html");
                let data = Rc::new(PageData {
                    path,
                    catalog: catalog.clone(),
                    current,
                    transcript: transcript.clone(),
                    catalog_pages: catalog_pages.clone(),
                });
                let html = render_page(template, data).map_err(|e| format!("{file}: {e}"))?;
                write(&file, html)?;
            }
        }
        Ok(())
    }

    /// A viewer as the JavaScript API's `mount(element, { data, idPrefix, showSettings,
    /// hydrate: true })` hydrates it: put this markup inside `element`. Its words are in
    /// the transcript's language (as `mount` without `lang` or `labels`).
    pub fn render_embedded(
        transcript: Transcript,
        id_prefix: &str,
        show_settings: bool,
    ) -> std::io::Result<String> {
        let transcript = Rc::new(transcript);
        render::<Embedded>(|| EmbeddedProps {
            source: Source::Data(transcript.clone()),
            id_prefix: AttrValue::from(id_prefix.to_string()),
            initial_state: Default::default(),
            show_settings,
            store_settings: true,
            render_batch: 0,
            media_for: AttrValue::default(),
            lang: AttrValue::default(),
            labels: Default::default(),
            host_lang: Default::default(),
            on_change: Default::default(),
            control: None,
        })
    }
}

/// Reads a page's data back from its HTML, as the app does from the DOM.
#[cfg(test)]
fn read_back(html: &str) -> Result<crate::site::PageData, String> {
    use lol_html::text;
    use std::cell::RefCell;
    let (catalog, transcript) = (RefCell::new(None), RefCell::new(None));
    let attributes = RefCell::new(None);
    let append = |to: &RefCell<Option<String>>, text: &str| {
        to.borrow_mut().get_or_insert_default().push_str(text);
    };
    let settings = settings()
        .append_element_content_handler(text!(format!("script[{CATALOG_MARKER}]"), |t| {
            append(&catalog, t.as_str());
            Ok(())
        }))
        .append_element_content_handler(text!(format!("script[{DATA_MARKER}]"), |t| {
            append(&transcript, t.as_str());
            Ok(())
        }))
        .append_element_content_handler(element!(format!("script[{DATA_MARKER}]"), |el| {
            let attribute = |name: &str| el.get_attribute(name).expect(name);
            *attributes.borrow_mut() = Some((attribute("data-path"), attribute("data-current")));
            Ok(())
        }));
    rewrite_str(html, settings).expect("HTML");
    let missing = |marker: &str| format!("no script[{marker}] in {html}");
    let catalog = catalog
        .take()
        .unwrap_or_else(|| panic!("{}", missing(CATALOG_MARKER)));
    let transcript = transcript
        .take()
        .unwrap_or_else(|| panic!("{}", missing(DATA_MARKER)));
    let (path, current) = attributes.take().expect("the page's data attributes");
    crate::site::PageData::read(&catalog, &transcript, &path, &current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Catalog, Transcript};
    use crate::site::{data_scripts, PageData};

    const TEMPLATE: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
        <title>Transcript viewer</title><base href=/talks/>\
        <link href=/talks/viewer.css rel=stylesheet></head><body>\
        <!-- <div data-transcript-viewer-app> in a comment -->\
        <div data-transcript-viewer-app></div><noscript>x</noscript></body></html>";

    #[test]
    fn the_noscript_note_is_in_the_pages_language() {
        let template = format!(
            "<html lang=en><title></title><noscript><link rel=stylesheet href=n.css></noscript>\
             <div {APP_MARKER}></div><noscript>\n  <p class=\"tv-noscript\">Search needs\n \
             JavaScript.</p>\n</noscript>"
        );
        let page = |lang| {
            write_page(
                &template,
                &PageParts {
                    lang,
                    ..parts("", "")
                },
            )
            .unwrap()
        };
        let ru = page("ru");
        assert!(
            ru.contains(
                "<noscript>\n  <p class=\"tv-noscript\">Для поиска, выбора выступающих и \
                 настроек отображения нужны JavaScript и WebAssembly.</p>\n</noscript>"
            ),
            "{ru}"
        );
        assert!(ru.contains("<noscript><link rel=stylesheet href=n.css></noscript>"));
        let de = page("de");
        assert!(
            de.contains("<p class=\"tv-noscript\" lang=\"en\">Search, the speaker filter"),
            "{de}"
        );
        assert_eq!(
            translate_noscript("<p class=\"tv-noscript\">a</p>", "<b>&", None).as_deref(),
            Some("<p class=\"tv-noscript\">&lt;b&gt;&amp;</p>")
        );
        assert_eq!(translate_noscript("<p>a</p>", "b", None), None);
    }

    fn parts<'a>(markup: &'a str, after: &'a str) -> PageParts<'a> {
        PageParts {
            title: "Talks <&> \"quotes\"",
            lang: "ru",
            markup,
            after,
        }
    }

    #[test]
    fn writes_markup_data_title_and_lang_into_the_template() {
        let page = write_page(TEMPLATE, &parts("<main>M</main>", "<script>D</script>")).unwrap();
        assert_eq!(
            page,
            "<!doctype html><html lang=\"ru\"><meta charset=utf-8>\
             <title>Talks &lt;&amp;&gt; &quot;quotes&quot; — Просмотр стенограмм</title>\
             <base href=/talks/><link href=/talks/viewer.css rel=stylesheet></head><body>\
             <!-- <div data-transcript-viewer-app> in a comment -->\
             <div data-transcript-viewer-app><main>M</main></div><script>D</script>\
             <noscript>x</noscript></body></html>"
        );
    }

    #[test]
    fn reads_unminified_templates_too() {
        let template = "<!doctype html>\n<HTML class=\"x\">\n<head><TITLE>Old</TITLE></head>\n\
            <body><div class='a' data-transcript-viewer-app id=\"x>y\"></DIV></body></HTML>";
        let page = write_page(template, &parts("M", "D")).unwrap();
        assert_eq!(
            page,
            "<!doctype html>\n<HTML class=\"x\" lang=\"ru\">\n<head><TITLE>Talks &lt;&amp;&gt; \
             &quot;quotes&quot; — Просмотр стенограмм</TITLE></head>\n<body><div class='a' \
             data-transcript-viewer-app id=\"x>y\">M</DIV>D</body></HTML>"
        );
    }

    #[test]
    fn replaces_lang_in_every_form() {
        let page = |html: &str, lang: &str| {
            let template = format!("{html}<title></title><div {APP_MARKER}></div>");
            let parts = PageParts {
                lang,
                ..parts("", "")
            };
            let page = write_page(&template, &parts).unwrap();
            page[..page.find("<title>").unwrap()].to_string()
        };
        // The other attributes as they were; `lang` where it was, or after them.
        for (tag, want) in [
            ("<html lang=en>", "<html lang=\"ru\">"),
            ("<html lang=\"en\" dir=ltr>", "<html lang=\"ru\" dir=ltr>"),
            ("<html dir=ltr lang='en-GB'>", "<html dir=ltr lang=\"ru\">"),
            ("<html LANG>", "<html LANG=\"ru\">"),
            ("<html>", "<html lang=\"ru\">"),
            ("<html/>", "<html lang=\"ru\" />"),
            ("<HTML class=\"x\">", "<HTML class=\"x\" lang=\"ru\">"),
        ] {
            assert_eq!(page(tag, "ru"), want, "{tag}");
        }
        // A quote cannot end the value (inside it `<` and `>` are text).
        assert_eq!(
            page("<html lang=en>", "x\"><script>"),
            "<html lang=\"x&quot;><script>\">"
        );
    }

    #[test]
    fn refuses_templates_it_cannot_fill() {
        let p = parts("M", "D");
        let no_app = TEMPLATE.replace("<div data-transcript-viewer-app></div>", "");
        assert!(write_page(&no_app, &p).unwrap_err().contains("no <div"));
        let rendered = write_page(TEMPLATE, &p).unwrap();
        assert!(write_page(&rendered, &p)
            .unwrap_err()
            .contains("not empty (rendered already?)"));
        let two = TEMPLATE.replace(
            "<noscript>",
            "<div data-transcript-viewer-app></div><noscript>",
        );
        assert!(write_page(&two, &p).unwrap_err().contains("several"));
        let no_title = TEMPLATE.replace("<title>Transcript viewer</title>", "");
        assert!(write_page(&no_title, &p).unwrap_err().contains("<title>"));
        // `data-transcript-viewer-application` is another attribute.
        let other = TEMPLATE.replace("viewer-app>", "viewer-application>");
        assert!(write_page(&other, &p).unwrap_err().contains("no <div"));
    }

    #[test]
    fn odd_templates_get_errors_that_say_why() {
        let p = parts("M", "D");
        let err = |template: &str| write_page(template, &p).unwrap_err();
        let app = "<div data-transcript-viewer-app></div>";
        let cases = [
            (
                "<html><title>x</title><div data-transcript-viewer-app>",
                "is not closed",
            ),
            (
                "<html><title>x</title><div data-transcript-viewer-app/>",
                "is not closed",
            ),
            (&format!("<html><title>x{app}"), "<title> is not closed"),
            (&format!("<title>x</title>{app}"), "no <html> tag"),
            (&format!("<html><title>x</title><!-- {app} -->"), "no <div"),
            (
                &format!("<html><title>x</title><textarea>{app}</textarea>"),
                "no <div",
            ),
            (
                "<html><title>x</title><div data-transcript-viewer-app> </div>",
                "not empty",
            ),
            ("", "no <div"),
            ("<", "no <div"),
            ("<html lang=\"", "no <div"),
        ];
        for (template, want) in cases {
            assert!(
                err(template).contains(want),
                "{template}: {}",
                err(template)
            );
        }
        // Only the first `<title>` is the page's.
        let page = write_page(
            &format!("<html><title>x</title><svg><title>s</title></svg>{app}"),
            &p,
        )
        .unwrap();
        assert!(page.contains("<svg><title>s</title></svg>"), "{page}");
    }

    fn transcript(title: &str) -> Transcript {
        Transcript::from_json(&format!(
            r#"{{"schema":1,"lang":"en","title":{},"source":{{"file":"a.txt"}},
              "speakers":[{{"id":"s","name":"S"}}],
              "turns":[{{"id":"t1","speaker":"s","paragraphs":["</script> <!-- & ok"]}}]}}"#,
            serde_json::to_string(title).unwrap()
        ))
        .unwrap()
    }
    #[test]
    fn page_data_round_trips_through_its_script() {
        let data = PageData {
            path: "b/".into(),
            catalog: Catalog::of_ids(&["a", "b"]).into(),
            current: 1,
            transcript: transcript("T </script>").into(),
            catalog_pages: None,
        };
        let scripts = data_scripts(&data);
        // Two elements, and nothing in them that could end one.
        assert_eq!(scripts.matches("</script>").count(), 2, "{scripts}");
        assert_eq!(scripts.matches('<').count(), 4, "{scripts}");
        assert!(scripts.contains(" data-path=\"b/\" data-current=\"1\">{"));
        assert_eq!(read_back(&scripts), Ok(data.clone()));
        assert_eq!(data.id(), "b");
        let (catalog, transcript) = (
            serde_json::to_string(&*data.catalog).unwrap(),
            data.transcript.to_json(),
        );
        let read = |current: &str| PageData::read(&catalog, &transcript, "b/", current);
        assert_eq!(read("1"), Ok(data.clone()));
        for bad in ["2", "-1", "", "x"] {
            assert!(read(bad).unwrap_err().contains("data-current"), "{bad}");
        }
        // An archive's page: its catalog says where the catalog pages are.
        let archive = PageData {
            catalog_pages: Some("catalog/".into()),
            ..data.clone()
        };
        let scripts = data_scripts(&archive);
        assert!(
            scripts.contains(r#","pages":"catalog/"}</script>"#),
            "{scripts}"
        );
        assert_eq!(read_back(&scripts), Ok(archive));
        let err = PageData::read("{", &transcript, "", "0").unwrap_err();
        assert!(err.starts_with("catalog: "), "{err}");
        let err = PageData::read(&catalog, r#"{"schema":2}"#, "", "0").unwrap_err();
        assert!(err.starts_with("transcript: "), "{err}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests;
