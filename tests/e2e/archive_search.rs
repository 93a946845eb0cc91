//! The archive search page on the built site (`search/`), in the engine `E2E_BROWSER`
//! names: a phrase typed into the form finds the transcripts that have it, newest first,
//! each matching turn's sentence with the phrase marked; Enter on a result opens its page
//! with the page's own search on that match, in that turn; Back returns to the results
//! with the query still in the field (WebKit clears `autocomplete="off"` fields of a page
//! it restores from its cache, so the fields do not say that); the year filter narrows
//! them. Without JavaScript the page says so and its link leads
//! to the catalog, which lists every transcript.

use super::*;
use serde_json::Value;

/// What the search page shows: its status, and per result the title, the date line
/// and each turn link's href, speaker and marked words.
fn results(session: &Session) -> webdriver::Result<Value> {
    session.execute(
        "const status = document.querySelector('.tv-find-status');
         if (!status) return { status: '', results: [] };
         return {
           fields: ['q', 'speaker', 'year'].map((f) => document.querySelector('#tv-find-' + f).value),
           url: location.href,
           status: status.textContent,
           results: [...document.querySelectorAll('.tv-find-result')].map((r) => ({
             title: r.querySelector('.tv-find-title').textContent,
             where: (r.querySelector('.tv-find-where') || {}).textContent || '',
             turns: [...r.querySelectorAll('a.tv-find-turn')].map((a) => ({
               href: a.href,
               speaker: (a.querySelector('.tv-find-speaker') || {}).textContent || '',
               marks: [...a.querySelectorAll('mark')].map((m) => m.textContent),
             })),
           })),
         };",
        vec![],
    )
}

fn wait_results(
    session: &Session,
    what: &str,
    ok: impl Fn(&Value) -> bool,
) -> Result<Value, String> {
    let mut last = Value::Null;
    webdriver::poll(RENDER_TIMEOUT, what, || {
        last = results(session)?;
        Ok(ok(&last).then(|| last.clone()))
    })
    .map_err(|e| format!("{e} ({}): last {last}", session.browser()))
}

fn titles(view: &Value) -> Vec<String> {
    view["results"]
        .as_array()
        .map(|r| {
            r.iter()
                .map(|t| t["title"].as_str().unwrap_or_default().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_phrase_found_across_transcripts_opens_on_its_match() -> TestResult {
    let server = serve_with_probe(&dist_dir())?;
    let driver = start_driver();
    let session = open(&driver);
    session.goto(&server.url("/search/"))?;
    let input = session.wait_for("#tv-find-q", RENDER_TIMEOUT)?;
    input.click()?;
    input.send_keys("\"thank you\"")?;
    let view = wait_results(&session, "the results", |v| {
        v["status"].as_str().is_some_and(|s| s.contains("turn"))
    })?;
    // Newest first: the 2024 briefing, then the 2022 talks (the 2021 press conference
    // is in Russian).
    assert_eq!(
        titles(&view),
        [
            "Demo press briefing on the city library's new reading rooms",
            "Russian-Belarusian talks"
        ],
        "{view}"
    );
    for result in view["results"].as_array().ok_or("no results")? {
        for turn in result["turns"].as_array().ok_or("no turns")? {
            let marks: Vec<String> = serde_json::from_value(turn["marks"].clone())?;
            assert!(
                !marks.is_empty() && marks.iter().all(|m| m.to_lowercase() == "thank you"),
                "{turn}"
            );
            assert!(
                !turn["speaker"].as_str().unwrap_or_default().is_empty(),
                "{turn}"
            );
        }
    }
    assert!(
        session.current_url()?.contains("q=%22thank+you%22"),
        "the address holds the query: {}",
        session.current_url()?
    );
    assert_no_page_errors(&session, &server);

    // The talks' first matching turn, by keyboard: its page opens on that match.
    let talks = &view["results"][1]["turns"][0];
    let href = talks["href"].as_str().ok_or("no href")?.to_string();
    let turn_id = href.rsplit('#').next().unwrap_or_default().to_string();
    let link = session
        .find_all("a.tv-find-turn")?
        .into_iter()
        .find(|a| a.property("href").is_ok_and(|h| h == href))
        .ok_or("no link to the talks' turn")?;
    link.send_keys("\u{E007}")?;
    wait_for_transcript(&session, &server)?;
    let landed = webdriver::poll(
        RENDER_TIMEOUT,
        "the current match in the linked turn",
        || {
            let v = session.execute(
                "const m = document.querySelector('mark.tv-current');
             const s = document.querySelector('.tv-search-status');
             return m ? { turn: m.closest('section.tv-turn').id, text: m.textContent,
                          status: s ? s.textContent : '',
                          input: document.querySelector('.tv-search-input').value } : null;",
                vec![],
            )?;
            Ok((!v.is_null()).then_some(v))
        },
    )?;
    assert_eq!(landed["turn"].as_str(), Some(turn_id.as_str()), "{landed}");
    assert_eq!(
        landed["text"].as_str().map(str::to_lowercase).as_deref(),
        Some("thank you")
    );
    assert_eq!(
        landed["input"].as_str().map(str::to_lowercase).as_deref(),
        Some("thank you")
    );
    assert_no_page_errors(&session, &server);

    // Back: the results again, from the address.
    session.execute("history.back();", vec![])?;
    let again = wait_results(&session, "the results after Back", |v| titles(v).len() == 2)?;
    assert_eq!(titles(&again), titles(&view));

    // The year filter: 2022 only.
    session.execute(
        "const y = document.querySelector('#tv-find-year');
         y.value = '2022';
         y.dispatchEvent(new Event('change'));",
        vec![],
    )?;
    let narrowed = wait_results(&session, "the 2022 results", |v| titles(v).len() == 1)?;
    assert_eq!(titles(&narrowed), ["Russian-Belarusian talks"]);
    assert!(session.current_url()?.contains("year=2022"));
    assert_no_page_errors(&session, &server);
    Ok(())
}

#[test]
fn without_javascript_the_search_page_sends_the_reader_to_the_catalog() -> TestResult {
    let dist = dist_dir();
    let server = StaticServer::start(&dist)?;
    let driver = start_driver();
    let session = open_with(&driver, |c| driver.engine().disable_javascript(c));
    session.goto(&server.url("/search/?q=thank"))?;
    let notes = session.find_all(".tv-find-note")?;
    let shown: Vec<_> = notes
        .iter()
        .filter(|n| n.displayed().unwrap_or(false))
        .collect();
    assert_eq!(shown.len(), 1, "one note shows ({})", session.browser());
    let text = shown[0].text()?;
    assert!(text.contains("needs JavaScript"), "{text}");
    let link = session
        .find(".tv-find-note a[href='../catalog/']")?
        .ok_or("the note links to the catalog")?;
    link.click()?;
    let list = session.wait_for(".tv-archive-list", RENDER_TIMEOUT)?;
    let entries = session.find_all(".tv-archive-entry")?;
    assert_eq!(entries.len(), 3, "{} ({})", list.text()?, session.browser());
    Ok(())
}
