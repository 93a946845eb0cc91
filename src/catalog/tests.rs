//! The catalog's plan and pages: ordering, pagination, filters, language, escaping.

use super::html::{page_window, render, Words};
use super::*;

fn entry(id: &str, date: Option<&str>, place: &str, speakers: &[&str], lang: &str) -> ArchiveEntry {
    ArchiveEntry {
        id: id.into(),
        title: format!("Title {id}"),
        date: date.map(String::from),
        place: (!place.is_empty()).then(|| place.to_string()),
        lang: lang.into(),
        speakers: speakers.iter().map(|s| s.to_string()).collect(),
        credit: Some("President of Russia website, kremlin.ru".into()),
        license: Some("CC BY 4.0".into()),
    }
}

/// 7 entries over three years, two places, a Russian speaker.
fn plan(per_page: usize) -> Plan {
    Plan::new(
        vec![
            entry("a", Some("2020-05-01"), "Sochi", &["Ann Lee"], "en"),
            entry(
                "b",
                Some("2022-01-02"),
                "Sochi",
                &["Ann Lee", "Bob Ray"],
                "en",
            ),
            entry("c", None, "", &["Bob Ray"], "en"),
            entry("d", Some("2022-03-04"), "Москва", &["В.Путин"], "ru"),
            entry("e", Some("2021-07-08"), "Kazan", &["Ann Lee"], "en"),
            entry("f", Some("2022-03-04"), "Москва", &["В.Путин"], "ru"),
            entry("g", Some("2020-01-01"), "Kazan", &[], "en"),
        ],
        per_page,
    )
}

fn ids(plan: &Plan, list: &[usize]) -> Vec<String> {
    list.iter().map(|&i| plan.entries[i].id.clone()).collect()
}

#[test]
fn entries_are_newest_first_undated_last() {
    let p = plan(50);
    assert_eq!(
        ids(&p, p.list(Filter::All)),
        ["d", "f", "b", "e", "a", "g", "c"]
    );
    assert_eq!(p.years, [(2022, 3), (2021, 1), (2020, 2)]);
    assert_eq!(catalog_json(&p.entries).transcripts[0].id, "d");
}

#[test]
fn lists_are_paginated() {
    let p = plan(3);
    let pages: Vec<(String, Vec<String>)> = p
        .pages()
        .filter_map(|page| match &page {
            Page::List {
                filter: Filter::All,
                entries,
                ..
            } => Some((p.file(&page), ids(&p, entries))),
            _ => None,
        })
        .collect();
    assert_eq!(
        pages,
        [
            (
                "catalog/index.html".into(),
                vec!["d".into(), "f".into(), "b".into()]
            ),
            (
                "catalog/page/2/index.html".into(),
                vec!["e".into(), "a".into(), "g".into()]
            ),
            ("catalog/page/3/index.html".into(), vec!["c".to_string()]),
        ]
    );
    assert_eq!(p.page_count(Filter::Year(2022)), 1);
    assert_eq!(p.list_path(Filter::Year(2022), 2), "catalog/2022/page/2/");
    assert_eq!(page_window(1, 1), [Some(1)]);
    assert_eq!(
        page_window(10, 200),
        [
            Some(1),
            None,
            Some(8),
            Some(9),
            Some(10),
            Some(11),
            Some(12),
            None,
            Some(200)
        ]
    );
    assert_eq!(page_window(2, 4), [Some(1), Some(2), Some(3), Some(4)]);
}

#[test]
fn every_filter_has_its_pages() {
    let p = plan(50);
    let files: Vec<String> = p.pages().map(|page| p.file(&page)).collect();
    assert_eq!(
        files,
        [
            "catalog/index.html",
            "catalog/2020/index.html",
            "catalog/2021/index.html",
            "catalog/2022/index.html",
            "catalog/speaker/ann-lee/index.html",
            "catalog/speaker/bob-ray/index.html",
            "catalog/speaker/v-putin/index.html",
            "catalog/place/kazan/index.html",
            "catalog/place/sochi/index.html",
            "catalog/place/moskva/index.html",
            "catalog/speaker/index.html",
            "catalog/place/index.html",
        ]
    );
    let ann = p.speaker("Ann Lee").unwrap();
    assert_eq!(ids(&p, p.list(Filter::Speaker(ann))), ["b", "e", "a"]);
    let moscow = p.place("Москва").unwrap();
    assert_eq!(ids(&p, p.list(Filter::Place(moscow))), ["d", "f"]);
    // A list of Russian transcripts only is in Russian; a mixed one in English.
    assert_eq!(p.lang(Filter::Place(moscow)), "ru");
    assert_eq!(p.lang(Filter::Year(2022)), "en");
    assert_eq!(p.lang(Filter::All), "en");
}

#[test]
fn pages_link_and_mark_where_the_reader_is() {
    let p = plan(3);
    let page = p.pages().nth(1).unwrap();
    let html = render(&p, &page);
    assert_eq!(html.title, "All transcripts (Page 2 of 3)");
    assert_eq!(html.prev.as_deref(), Some("catalog/"));
    assert_eq!(html.next.as_deref(), Some("catalog/page/3/"));
    let b = &html.body;
    assert!(
        b.contains("<a class=\"tv-archive-skip\" href=\"catalog/page/2/#tv-archive-main\">"),
        "{b}"
    );
    assert!(
        b.contains("<nav class=\"tv-archive-pages\" aria-label=\"Pages\">"),
        "{b}"
    );
    assert!(
        b.contains(
            "<a href=\"catalog/page/2/\" aria-label=\"Page 2 of 3\" aria-current=\"page\">2</a>"
        ),
        "{b}"
    );
    assert!(
        b.contains("<a href=\"catalog/\" aria-current=\"page\">All years</a>"),
        "{b}"
    );
    assert!(b.contains("<a href=\"catalog/2021/\">2021</a>"), "{b}");
    assert!(b.contains("<a href=\"e/\" dir=\"auto\">Title e</a>"), "{b}");
    assert!(b.contains("<time datetime=\"2021-07-08\">July 8, 2021</time>, <a class=\"tv-archive-place\" href=\"catalog/place/kazan/\">Kazan</a>"), "{b}");
    assert!(
        b.contains("<ol class=\"tv-archive-list\" start=\"4\">"),
        "{b}"
    );
    assert!(b.contains("kremlin.ru (CC BY 4.0)"), "{b}");
    let speakers = render(&p, &Page::Speakers).body;
    assert!(
        speakers.contains("<a href=\"catalog/speaker/\" aria-current=\"page\">Speakers</a>"),
        "{speakers}"
    );
    assert!(
        speakers.contains(">A</h2>") && speakers.contains(">В</h2>"),
        "{speakers}"
    );
    assert!(speakers.contains("<a href=\"catalog/speaker/v-putin/\" dir=\"auto\">В.Путин</a> <span class=\"tv-archive-facet-count\">(2 transcripts)</span>"), "{speakers}");
}

#[test]
fn russian_lists_speak_russian() {
    let p = plan(50);
    let moscow = p.place("Москва").unwrap();
    let page = p
        .pages()
        .find(|page| matches!(page, Page::List { filter: Filter::Place(i), .. } if *i == moscow))
        .unwrap();
    let html = render(&p, &page);
    assert_eq!(html.lang, "ru");
    assert_eq!(html.title, "Стенограммы: Москва");
    assert!(
        html.body
            .contains("<p class=\"tv-archive-sub\">2 стенограммы</p>"),
        "{}",
        html.body
    );
    assert!(html.body.contains("4 марта 2022 г."), "{}", html.body);
    assert_eq!(Words::for_lang("ru-RU").count(5), "5 стенограмм");
    assert_eq!(Words::for_lang("de").count(10_000), "10,000 transcripts");
    assert_eq!(
        Words::for_lang("ru").count(10_000),
        "10\u{a0}000 стенограмм"
    );
}

#[test]
fn untrusted_text_is_escaped() {
    let mut e = entry(
        "x",
        Some("2020-01-01"),
        "<b>Place</b> & \"co\"",
        &["<img src=x onerror=alert(1)>"],
        "en",
    );
    e.title = "</a><script>alert(1)</script>".into();
    e.credit = Some("<i>credit</i>".into());
    let p = Plan::new(vec![e], 50);
    for page in p.pages() {
        let body = render(&p, &page).body;
        assert!(
            !body.contains("<script")
                && !body.contains("<img")
                && !body.contains("<b>")
                && !body.contains("<i>"),
            "{body}"
        );
    }
    let body = render(&p, &p.pages().next().unwrap()).body;
    assert!(
        body.contains("&lt;/a&gt;&lt;script&gt;alert(1)&lt;/script&gt;"),
        "{body}"
    );
    assert!(
        body.contains("&lt;b&gt;Place&lt;/b&gt; &amp; &quot;co&quot;"),
        "{body}"
    );
    assert!(
        body.contains("href=\"catalog/place/b-place-b-co/\""),
        "{body}"
    );
}

#[test]
fn an_entry_comes_from_its_transcript() {
    let t = Transcript::from_json(
        r#"{"schema":2,"lang":"ru","title":"T","date":"2021-12-23","place":"Москва,\u00a0Кремль",
        "speakers":[{"id":"a","name":"В.Путин"},{"id":"q","name":"Вопрос","anonymous":true},
        {"id":"b","name":"В.\u00a0Путин"}],
        "turns":[],"source":{"file":"t.txt","credit":"kremlin.ru","license":"CC BY 4.0"}}"#,
    )
    .unwrap();
    let e = ArchiveEntry::of("t", &t);
    assert_eq!(e.speakers, ["В.Путин", "В. Путин"]);
    assert_eq!(e.place.as_deref(), Some("Москва, Кремль"));
    assert_eq!(e.year(), Some(2021));
    assert_eq!(e.catalog_entry().date.as_deref(), Some("2021-12-23"));
}

#[test]
fn a_large_catalog_is_not_embedded_whole() {
    let of = |n: usize| {
        let entries: Vec<ArchiveEntry> = (0..n)
            .map(|i| entry(&format!("e{i}"), None, "", &[], "en"))
            .collect();
        Rc::new(catalog_json(&entries))
    };
    let small = of(SMALL_CATALOG);
    assert_eq!(archive_catalog(&small, 5), (small.clone(), 5, None));
    let (own, current, pages) = archive_catalog(&of(SMALL_CATALOG + 1), 7);
    assert_eq!(own.transcripts.len(), 1);
    assert_eq!((own.transcripts[0].id.as_str(), current), ("e7", 0));
    assert_eq!(pages.as_deref(), Some("catalog/"));
}
