//! The components rendered to HTML as the build renders them: the app, the site, an
//! embedded viewer.

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
        catalog_pages: None,
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
    for (i, (title, lang, path, suffix, search)) in [
        (
            "Title of talks",
            "en",
            "",
            "Transcript viewer",
            "Search the transcript",
        ),
        (
            "Title of talks",
            "en",
            "talks/",
            "Transcript viewer",
            "Search the transcript",
        ),
        (
            "Title of other",
            "ru",
            "other/",
            "Просмотр стенограмм",
            "Поиск по стенограмме",
        ),
    ]
    .into_iter()
    .enumerate()
    {
        // Each page in its transcript's language: the title's suffix, the words.
        assert!(page(i).contains(&format!("<title>{title} — {suffix}</title>")));
        assert!(
            page(i).contains(&format!("aria-label=\"{search}\"")),
            "{}",
            page(i)
        );
        assert!(page(i).starts_with(&format!("<!doctype html><html lang=\"{lang}\">")));
        assert!(
            page(i).contains(&format!("href=\"{path}#title\"")),
            "{}",
            page(i)
        );
        assert_eq!(count(page(i), "<h1"), 1);
        assert!(
            page(i).contains(&format!(
                "<h1 id=\"title\" tabindex=\"-1\" dir=\"auto\" class=\"tv-title\">{title}</h1>"
            )),
            "{}",
            page(i)
        );
        // The page's data follows the app's element and reads back.
        assert!(page(i)
            .contains("</div><script type=\"application/json\" data-transcript-viewer-catalog>"));
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
        html.contains("<div lang=\"en\" class=\"tv-root tv-page\" data-scheme=\"system\""),
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
        media_for: yew::AttrValue::default(),
        lang: Default::default(),
        labels: Default::default(),
        host_lang: Default::default(),
        on_change: Default::default(),
        control: None,
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
        html.contains("<section lang=\"en\" aria-label=\"Transcript: Talks"),
        "{html}"
    );
    assert!(!html.contains("tv-settings"), "{html}");
    let with = render_embedded(talk(), "", true).unwrap();
    assert!(with.contains("tv-settings-toggle"));
    assert!(with.contains("id=\"t2\""));
}
