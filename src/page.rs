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

use crate::site::{escape_html, APP_MARKER, CATALOG_MARKER, TITLE_SUFFIX};

/// One page to write: what goes into trunk's `index.html`.
#[derive(Debug, Clone, Copy)]
pub struct PageParts<'a> {
    /// The `<title>` (then [`TITLE_SUFFIX`]).
    pub title: &'a str,
    /// The `<html lang>`.
    pub lang: &'a str,
    /// The rendered app, put inside the `[data-transcript-viewer-app]` element.
    pub markup: &'a str,
    /// Put right after that element: the [`data_scripts`](crate::site::data_scripts).
    pub after: &'a str,
}

/// `template` (trunk's `index.html`, minified or not) with `parts`: the title, the
/// language, the markup inside the empty `<div data-transcript-viewer-app>` and the data
/// after it. Fails, saying why, when the template does not have exactly one such empty
/// element, a `<title>` or an `<html>` tag (a page rendered twice has no empty one).
pub fn write_page(template: &str, parts: &PageParts) -> Result<String, String> {
    let app = find_app_element(template)?;
    let title = find_title(template)?;
    let html = find_tag(template, "html", 0).ok_or("the template has no <html> tag")?;
    let html_tag = set_attribute(&template[html.clone()], "lang", parts.lang);
    let title_text = escape_html(&format!("{}{TITLE_SUFFIX}", parts.title));
    // Edits from the end, so that the earlier positions still hold.
    let mut edits = vec![
        (html, html_tag),
        (title, title_text),
        (app.inside.clone(), parts.markup.to_string()),
        (app.after..app.after, parts.after.to_string()),
    ];
    edits.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    let mut out = template.to_string();
    for (range, text) in edits {
        out.replace_range(range, &text);
    }
    Ok(out)
}

/// `html` as it was before [`write_page`] filled it: a page rendered already (found by
/// its data scripts right after the app element) has its markup and data taken out
/// again, so that a built site can be rendered anew (after transcripts were added);
/// any other page is returned as it is. Title and `lang` are left: writing sets them.
pub fn unrendered(html: &str) -> std::borrow::Cow<'_, str> {
    let mut at = 0;
    while let Some(tag) = find_tag(html, "div", at) {
        at = tag.end;
        if attribute(&html[tag.clone()], APP_MARKER).is_none() {
            continue;
        }
        // The markup's text is escaped, so this first occurrence is what we wrote.
        let end = format!("</div><script type=\"application/json\" {CATALOG_MARKER}>");
        let Some(close) = html[tag.end..].find(&end).map(|i| tag.end + i) else {
            break;
        };
        let after_data = html[close..]
            .match_indices("</script>")
            .nth(1)
            .map(|(i, s)| close + i + s.len());
        if let Some(after) = after_data {
            return format!("{}</div>{}", &html[..tag.end], &html[after..]).into();
        }
        break;
    }
    html.into()
}

/// Where the app element is: its (empty) content and the end of its closing tag.
struct AppElement {
    inside: std::ops::Range<usize>,
    after: usize,
}

fn find_app_element(template: &str) -> Result<AppElement, String> {
    let lower = template.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(tag) = find_tag(template, "div", at) {
        at = tag.end;
        if attribute(&template[tag.clone()], APP_MARKER).is_some() {
            found.push(tag);
        }
    }
    let tag = match found.as_slice() {
        [tag] => tag.clone(),
        [] => return Err(format!("the template has no <div {APP_MARKER}>")),
        _ => return Err(format!("the template has several <div {APP_MARKER}>")),
    };
    if !lower[tag.end..].starts_with("</div>") {
        return Err(format!(
            "the template's <div {APP_MARKER}> is not empty (rendered already?)"
        ));
    }
    Ok(AppElement {
        inside: tag.end..tag.end,
        after: tag.end + "</div>".len(),
    })
}

/// The range of the text between `<title>` and `</title>`.
fn find_title(template: &str) -> Result<std::ops::Range<usize>, String> {
    let tag = find_tag(template, "title", 0).ok_or("the template has no <title>")?;
    let lower = template.to_ascii_lowercase();
    let end = lower[tag.end..]
        .find("</title")
        .ok_or("the template's <title> is not closed")?;
    Ok(tag.end..tag.end + end)
}

/// The first start tag `<name …>` at or after `from` (ASCII case-insensitive), outside
/// comments: the range from `<` to after `>`.
fn find_tag(html: &str, name: &str, from: usize) -> Option<std::ops::Range<usize>> {
    let bytes = html.as_bytes();
    let mut i = from;
    while i < bytes.len() {
        let rest = &html[i..];
        if rest.starts_with("<!--") {
            i += rest.find("-->").map_or(rest.len(), |end| end + 3);
            continue;
        }
        if bytes[i] == b'<'
            && rest.len() > name.len() + 1
            && rest[1..=name.len()].eq_ignore_ascii_case(name)
        {
            let after = bytes[i + 1 + name.len()];
            if after == b'>' || after == b'/' || after.is_ascii_whitespace() {
                let end = tag_end(html, i)?;
                return Some(i..end);
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The end (after `>`) of the tag starting at `start`, skipping quoted values.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, b) in html.bytes().enumerate().skip(start) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return Some(i + 1),
            _ => {}
        }
    }
    None
}

/// The attributes of a start tag: (name range, value range without quotes) in `tag`.
fn attributes(tag: &str) -> Vec<(std::ops::Range<usize>, Option<std::ops::Range<usize>>)> {
    let bytes = tag.as_bytes();
    let mut out = Vec::new();
    // Past `<name`.
    let mut i = 1;
    while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"/>".contains(&bytes[i]) {
        i += 1;
    }
    loop {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        if i >= bytes.len() || bytes[i] == b'>' {
            return out;
        }
        let name_start = i;
        while i < bytes.len() && !bytes[i].is_ascii_whitespace() && !b"=/>".contains(&bytes[i]) {
            i += 1;
        }
        let name = name_start..i;
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_whitespace() {
            j += 1;
        }
        if j < bytes.len() && bytes[j] == b'=' {
            j += 1;
            while j < bytes.len() && bytes[j].is_ascii_whitespace() {
                j += 1;
            }
            let value = match bytes.get(j) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = tag[j + 1..]
                        .find(char::from(q))
                        .map_or(tag.len(), |e| j + 1 + e);
                    i = (end + 1).min(tag.len());
                    j + 1..end
                }
                _ => {
                    let start = j;
                    while j < bytes.len() && !bytes[j].is_ascii_whitespace() && bytes[j] != b'>' {
                        j += 1;
                    }
                    i = j;
                    start..j
                }
            };
            out.push((name, Some(value)));
        } else {
            out.push((name, None));
        }
    }
}

/// The value of the attribute `name` of a start tag (`Some("")` for a bare attribute).
fn attribute<'t>(tag: &'t str, name: &str) -> Option<&'t str> {
    attributes(tag)
        .into_iter()
        .find(|(n, _)| tag[n.clone()].eq_ignore_ascii_case(name))
        .map(|(_, value)| value.map_or("", |v| &tag[v]))
}

/// A start tag with the attribute `name` set to `value` (replaced where it was, or added
/// after the tag name).
fn set_attribute(tag: &str, name: &str, value: &str) -> String {
    let new = format!("{name}=\"{}\"", escape_html(value));
    let found = attributes(tag)
        .into_iter()
        .find(|(n, _)| tag[n.clone()].eq_ignore_ascii_case(name));
    match found {
        Some((n, value)) => {
            let end = value.map_or(n.end, |v| {
                // Past the closing quote, if the value had one.
                let quoted = v.start > 0 && matches!(tag.as_bytes()[v.start - 1], b'"' | b'\'');
                v.end + usize::from(quoted && v.end < tag.len())
            });
            format!("{}{new}{}", &tag[..n.start], &tag[end..])
        }
        None => {
            let name_end = tag[1..]
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .map_or(tag.len(), |i| i + 1);
            format!("{} {new}{}", &tag[..name_end], &tag[name_end..])
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use render::{render_app, render_embedded, render_site};

/// The components rendered to HTML (Yew's `ssr`), natively.
#[cfg(not(target_arch = "wasm32"))]
mod render {
    use super::{write_page, PageParts};
    use crate::components::prerender;
    use crate::components::{App, AppProps, Embedded, EmbeddedProps, Source, DEFAULT_BASE};
    use crate::model::{Catalog, Transcript};
    use crate::site::{data_scripts, is_page_id, page_path, PageData};
    use std::rc::Rc;
    use yew::{AttrValue, BaseComponent};

    /// Renders `C` with `props()` as hydratable HTML, each group of turns as raw markup
    /// (`TranscriptViewerProps::prerendered`), on a current-thread runtime.
    fn render<C: BaseComponent>(props: impl Fn() -> C::Properties) -> std::io::Result<String> {
        let runtime = tokio::runtime::Builder::new_current_thread().build()?;
        let local = tokio::task::LocalSet::new();
        Ok(runtime.block_on(local.run_until(prerender::render::<C>(props))))
    }

    /// The site's app showing `data`, as the page's `[data-transcript-viewer-app]`
    /// content: what the browser's `App` with the same data hydrates.
    pub fn render_app(data: Rc<PageData>) -> std::io::Result<String> {
        render::<App>(|| AppProps {
            base: AttrValue::Static(DEFAULT_BASE),
            page: Some(data.clone()),
        })
    }

    /// The site's pages, as `(file path relative to the site's root, HTML)`: for every
    /// transcript of `catalog`, `<id>/index.html`, and first `index.html`, the home page,
    /// with the catalog's first (default) transcript. Each is `template` (trunk's
    /// `index.html`) with the rendered app, its [`PageData`], title and language;
    /// `load` reads a transcript by id. Fails on the first id that cannot name a
    /// directory ([`is_page_id`]), transcript that cannot be read, or template that
    /// cannot be filled ([`write_page`]). A template that is a rendered page already is
    /// taken back to what it was ([`unrendered`](super::unrendered)), so a built site
    /// can be rendered again, e.g. after transcripts were added to it.
    pub fn render_site(
        template: &str,
        catalog: &Catalog,
        mut load: impl FnMut(&str) -> Result<Transcript, String>,
    ) -> Result<Vec<(String, String)>, String> {
        let template = &*super::unrendered(template);
        let mut pages = Vec::new();
        let shared = Rc::new(catalog.clone());
        for (current, entry) in catalog.transcripts.iter().enumerate() {
            if !is_page_id(&entry.id) {
                return Err(format!(
                    "the transcript id {:?} cannot name a page's directory (use ASCII \
                     letters, digits, `-`, `_` and `.`)",
                    entry.id
                ));
            }
            let transcript = Rc::new(load(&entry.id)?);
            let paths = if current == 0 {
                vec![String::new(), page_path(&entry.id)]
            } else {
                vec![page_path(&entry.id)]
            };
            for path in paths {
                let file = format!("{path}index.html");
                let data = Rc::new(PageData {
                    path,
                    catalog: shared.clone(),
                    current,
                    transcript: transcript.clone(),
                });
                let markup = render_app(data.clone()).map_err(|e| format!("{file}: {e}"))?;
                let parts = PageParts {
                    title: &transcript.title,
                    lang: &transcript.lang,
                    markup: &markup,
                    after: &data_scripts(&data),
                };
                let html = write_page(template, &parts).map_err(|e| format!("{file}: {e}"))?;
                pages.push((file, html));
            }
        }
        Ok(pages)
    }

    /// A viewer as the JavaScript API's `mount(element, { data, idPrefix, showSettings,
    /// hydrate: true })` hydrates it: put this markup inside `element`.
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
        })
    }
}

/// Reads a page's data back from its HTML, as the app does from the DOM.
#[cfg(test)]
fn read_back(html: &str) -> Result<crate::site::PageData, String> {
    let script = |marker: &str| {
        let mut at = 0;
        while let Some(tag) = find_tag(html, "script", at) {
            at = tag.end;
            if attribute(&html[tag.clone()], marker).is_some() {
                let end = tag.end + html[tag.end..].find("</script>").expect("closed");
                return (&html[tag.clone()], &html[tag.end..end]);
            }
        }
        panic!("no script[{marker}] in {html}")
    };
    let (_, catalog) = script(CATALOG_MARKER);
    let (tag, transcript) = script(crate::site::DATA_MARKER);
    let path = attribute(tag, "data-path").expect("data-path");
    let current = attribute(tag, "data-current").expect("data-current");
    crate::site::PageData::read(catalog, transcript, path, current)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Catalog, CatalogEntry, Transcript, SCHEMA_VERSION};
    use crate::site::{data_scripts, PageData};

    const TEMPLATE: &str = "<!doctype html><html lang=en><meta charset=utf-8>\
        <title>Transcript viewer</title><base href=/talks/>\
        <link href=/talks/viewer.css rel=stylesheet></head><body>\
        <!-- <div data-transcript-viewer-app> in a comment -->\
        <div data-transcript-viewer-app></div><noscript>x</noscript></body></html>";

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
             <title>Talks &lt;&amp;&gt; &quot;quotes&quot; — Transcript viewer</title>\
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
            "<!doctype html>\n<HTML lang=\"ru\" class=\"x\">\n<head><TITLE>Talks &lt;&amp;&gt; \
             &quot;quotes&quot; — Transcript viewer</TITLE></head>\n<body><div class='a' \
             data-transcript-viewer-app id=\"x>y\">M</DIV>D</body></HTML>"
        );
    }

    #[test]
    fn replaces_lang_in_every_form() {
        for (tag, want) in [
            ("<html lang=en>", "<html lang=\"ru\">"),
            ("<html lang=\"en\" dir=ltr>", "<html lang=\"ru\" dir=ltr>"),
            ("<html dir=ltr lang='en-GB'>", "<html dir=ltr lang=\"ru\">"),
            ("<html LANG>", "<html lang=\"ru\">"),
            ("<html>", "<html lang=\"ru\">"),
            ("<html/>", "<html lang=\"ru\"/>"),
        ] {
            assert_eq!(set_attribute(tag, "lang", "ru"), want, "{tag}");
        }
        assert_eq!(
            set_attribute("<html lang=en>", "lang", "x\"><script>"),
            "<html lang=\"x&quot;&gt;&lt;script&gt;\">"
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

    fn catalog(ids: &[&str]) -> Catalog {
        Catalog {
            schema: SCHEMA_VERSION,
            transcripts: ids
                .iter()
                .map(|id| CatalogEntry {
                    id: (*id).into(),
                    title: id.to_uppercase(),
                    date: None,
                    lang: "en".into(),
                })
                .collect(),
        }
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
            catalog: catalog(&["a", "b"]).into(),
            current: 1,
            transcript: transcript("T </script>").into(),
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
        let err = PageData::read("{", &transcript, "", "0").unwrap_err();
        assert!(err.starts_with("catalog: "), "{err}");
        let err = PageData::read(&catalog, r#"{"schema":2}"#, "", "0").unwrap_err();
        assert!(err.starts_with("transcript: "), "{err}");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod render_tests {
    use super::*;
    use crate::components::{Embedded, EmbeddedProps, Source};
    use crate::model::{Catalog, CatalogEntry, Transcript, SCHEMA_VERSION};
    use crate::site::PageData;
    use std::rc::Rc;

    fn talk() -> Transcript {
        Transcript::from_json(
            r#"{"schema":1,"lang":"en","title":"Talks <b>bold</b>","date":"2022-02-18",
            "summary":["Intro & more."],
            "speakers":[{"id":"vp","name":"V. P.","role":"President"},{"id":"al","name":"A. L."}],
            "turns":[{"id":"t1","speaker":"vp","paragraphs":["One.","Two </script>."]},
                     {"id":"t2","speaker":"al","paragraphs":["Three."]}],
            "source":{"file":"talks.txt","credit":"kremlin.ru"}}"#,
        )
        .unwrap()
    }

    fn data(path: &str) -> PageData {
        let entry = |id: &str| CatalogEntry {
            id: id.into(),
            title: id.into(),
            date: None,
            lang: "en".into(),
        };
        PageData {
            path: path.into(),
            catalog: Catalog {
                schema: SCHEMA_VERSION,
                transcripts: vec![entry("talks"), entry("other")],
            }
            .into(),
            current: 0,
            transcript: talk().into(),
        }
    }

    fn count(haystack: &str, needle: &str) -> usize {
        haystack.matches(needle).count()
    }

    const TEMPLATE: &str = "<!doctype html><html lang=en><title>Transcript viewer</title>\
        <base href=/><body><div data-transcript-viewer-app></div></body></html>";

    #[test]
    fn the_site_has_a_home_page_and_one_page_per_transcript() {
        let d = data("");
        let mut loaded = Vec::new();
        let pages = render_site(TEMPLATE, &d.catalog, |id| {
            loaded.push(id.to_string());
            let mut t = talk();
            t.title = format!("Title of {id}");
            t.lang = if id == "other" {
                "ru".into()
            } else {
                "en".into()
            };
            Ok(t)
        })
        .unwrap();
        assert_eq!(loaded, ["talks", "other"]);
        let files: Vec<&str> = pages.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            files,
            ["index.html", "talks/index.html", "other/index.html"]
        );
        let page = |i: usize| pages[i].1.as_str();
        for (i, (title, lang, path)) in [
            ("Title of talks", "en", ""),
            ("Title of talks", "en", "talks/"),
            ("Title of other", "ru", "other/"),
        ]
        .into_iter()
        .enumerate()
        {
            assert!(page(i).contains(&format!("<title>{title} — Transcript viewer</title>")));
            assert!(page(i).starts_with(&format!("<!doctype html><html lang=\"{lang}\">")));
            assert!(
                page(i).contains(&format!("href=\"{path}#title\"")),
                "{}",
                page(i)
            );
            assert_eq!(count(page(i), "<h1"), 1);
            assert!(
                page(i).contains(&format!(
                    "<h1 id=\"title\" tabindex=\"-1\" class=\"tv-title\">{title}</h1>"
                )),
                "{}",
                page(i)
            );
            // The page's data follows the app's element and reads back.
            assert!(page(i).contains(
                "</div><script type=\"application/json\" data-transcript-viewer-catalog>"
            ));
            let back = super::read_back(page(i)).unwrap();
            assert_eq!(
                (back.path.as_str(), back.transcript.title.as_str()),
                (path, title)
            );
            assert_eq!(back.id(), if i == 2 { "other" } else { "talks" });
        }
    }

    #[test]
    fn a_rendered_site_renders_again_the_same() {
        let d = data("");
        let load = |id: &str| {
            let mut t = talk();
            t.title = format!("Title of {id}");
            Ok(t)
        };
        let pages = render_site(TEMPLATE, &d.catalog, load).unwrap();
        assert_eq!(
            unrendered(&pages[0].1),
            TEMPLATE.replace(
                "<html lang=en><title>Transcript viewer",
                "<html lang=\"en\"><title>Title of talks — Transcript viewer"
            )
        );
        for (_, html) in &pages {
            assert_eq!(render_site(html, &d.catalog, load).unwrap(), pages);
        }
        // Other pages are left as they are.
        assert_eq!(unrendered(TEMPLATE), TEMPLATE);
        let other = "<div data-transcript-viewer-app><p>x</p></div><script>y</script>";
        assert_eq!(unrendered(other), other);
    }

    #[test]
    fn the_site_fails_on_bad_ids_and_unreadable_transcripts() {
        let mut d = data("");
        let err = render_site(TEMPLATE, &d.catalog, |id| {
            if id == "other" {
                Err("other.json: cannot read".into())
            } else {
                Ok(talk())
            }
        })
        .unwrap_err();
        assert_eq!(err, "other.json: cannot read");
        Rc::make_mut(&mut d.catalog).transcripts[1].id = "../up".into();
        let err = render_site(TEMPLATE, &d.catalog, |_| Ok(talk())).unwrap_err();
        assert!(err.contains("\"../up\" cannot name"), "{err}");
        let err = render_site("<html><title></title>", &d.catalog, |_| Ok(talk())).unwrap_err();
        assert!(
            err.starts_with("index.html: the template has no <div"),
            "{err}"
        );
    }

    #[test]
    fn the_app_renders_the_whole_transcript() {
        let html = render_app(Rc::new(data("talks/"))).unwrap();
        // Escaped text, every turn and paragraph, the speakers, the credit.
        assert!(html.contains("Talks &lt;b&gt;bold&lt;/b&gt;"), "{html}");
        assert!(!html.contains("<b>"));
        assert!(html.contains("Intro &amp; more."));
        assert!(html.contains("Two &lt;/script&gt;."));
        assert_eq!(count(&html, "<h1"), 1);
        assert_eq!(count(&html, "class=\"tv-turn\""), 2);
        assert!(html.contains("id=\"t1-p2\""));
        assert!(html.contains("V. P."));
        assert!(html.contains("kremlin.ru"));
        assert!(html.contains("datetime=\"2022-02-18\""));
        // The catalog links to the pages; the skip link stays on this page.
        assert!(html.contains("href=\"other/\""), "{html}");
        assert!(html.contains("href=\"talks/#title\""), "{html}");
        // The first render: default settings, nothing from the browser, not yet ready.
        assert!(
            html.contains("<div class=\"tv-root tv-page\" data-scheme=\"system\""),
            "{html}"
        );
        assert!(!html.contains("data-ready"));
        assert!(!html.contains("<mark"));
        // Hydratable: Yew's component markers.
        assert!(html.starts_with("<!--<["), "{}", &html[..40]);
    }

    #[test]
    fn the_home_page_links_fragments_bare() {
        let html = render_app(Rc::new(data(""))).unwrap();
        assert!(html.contains("href=\"#title\""), "{html}");
        assert!(
            html.contains("href=\"talks/\" aria-current=\"page\""),
            "{html}"
        );
    }

    /// What is inside each `<div class="tv-turn-group">` of `html` (no group holds a
    /// `<div>`).
    fn groups(html: &str) -> Vec<&str> {
        html.split("<div class=\"tv-turn-group\">")
            .skip(1)
            .map(|rest| &rest[..rest.find("</div>").unwrap()])
            .collect()
    }

    #[test]
    fn each_group_of_turns_is_raw_markup_the_same_as_its_components_render() {
        let mut t = talk();
        t.speakers[1].name = "A. <L>".into();
        let turn = t.turns[0].clone();
        t.turns = (1..=300)
            .map(|i| {
                let mut turn = turn.clone();
                turn.id = format!("t{i}");
                turn.speaker = Some(if i % 3 == 0 { "al" } else { "vp" }.into());
                turn
            })
            .collect();
        let props = || EmbeddedProps {
            source: Source::Data(Rc::new(t.clone())),
            id_prefix: "x-".into(),
            initial_state: Default::default(),
            show_settings: true,
            store_settings: true,
            render_batch: 0,
        };
        let prerendered = render_embedded(t.clone(), "x-", true).unwrap();
        let runtime = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let plain = runtime.block_on(
            yew::LocalServerRenderer::<Embedded>::with_props(props())
                .hydratable(false)
                .render(),
        );
        let (all, plain) = (groups(&prerendered), groups(&plain));
        assert_eq!((all.len(), plain.len()), (19, 19));
        // The first 128 turns (8 groups) are hydrated: Yew's markers in them.
        let first = crate::components::WAKE_TURNS / 16;
        assert_eq!(first, 8);
        for g in &all[..first] {
            assert!(g.starts_with("<!--<[") && !g.contains("<!--<#>"), "{g}");
        }
        // The rest (10 groups of 16 turns and one of 12) raw: between Yew's raw markers,
        // with no hydration marker inside.
        let raw: Vec<&str> = all[first..]
            .iter()
            .map(|g| {
                let inner = g.strip_prefix("<!--<#>-->").expect(g);
                let inner = inner.strip_suffix("<!--</#>-->").expect(g);
                assert!(!inner.contains("<!--"), "{inner}");
                inner
            })
            .collect();
        assert_eq!(raw.len(), 11);
        assert_eq!(count(raw[0], "<section"), 16);
        assert!(raw[0].contains("id=\"x-t129\""), "{}", raw[0]);
        assert!(raw[10].contains("id=\"x-t289\"") && raw[10].contains("id=\"x-t300-p2\""));
        assert!(raw[0].contains("A. &lt;L&gt;"), "{}", raw[0]);
        // What the components render, markup for markup.
        assert_eq!(raw, plain[first..]);
        // Outside the groups the page stays hydratable.
        assert!(prerendered.starts_with("<!--<["));
    }

    #[test]
    fn an_embedded_viewer_renders_with_its_prefix() {
        let html = render_embedded(talk(), "talk-", false).unwrap();
        assert!(html.contains("id=\"talk-t2\""), "{html}");
        assert!(
            html.contains("<section aria-label=\"Transcript: Talks"),
            "{html}"
        );
        assert!(!html.contains("tv-settings"), "{html}");
        let with = render_embedded(talk(), "", true).unwrap();
        assert!(with.contains("tv-settings-toggle"));
        assert!(with.contains("id=\"t2\""));
    }
}
