//! Hostile input to the viewer's pure logic, natively (the same in the browser suites
//! `tests/browser_hostile.rs`): transcript JSON that must be refused with its place,
//! the hostile fixture (`tests/support/hostile.rs`) read and searched, and queries no
//! one should type: 10,000 characters, regular-expression syntax, only spaces, the
//! replacement character a lone surrogate from JavaScript becomes.

#![cfg(not(target_arch = "wasm32"))]

#[path = "support/hostile.rs"]
#[allow(dead_code)]
mod hostile;

use transcript_viewer::model::{Transcript, Warning};
use transcript_viewer::state::{find, Action, SearchIndex, SearchStatus, ViewState};

fn status(t: &Transcript, query: &str) -> SearchStatus {
    let state = ViewState::default().apply(Action::SetQuery(query.into()));
    let index = SearchIndex::new(t, state.options.fold_mode());
    find(t, &index, &state).status(0)
}

fn matches(n: usize) -> SearchStatus {
    SearchStatus::Position {
        number: 1,
        total: n,
    }
}

#[test]
fn broken_json_is_refused_with_its_place() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let nested_object = format!(
        r#"{{"schema":1,"lang":"en","title":"T","source":{{"file":"x"}},"extra":{}1{}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    let cases: Vec<(String, &str)> = vec![
        (deep, "line 1, column 1: expected a transcript object, found an array"),
        (
            r#"{"schema":1e400,"lang":"en"}"#.into(),
            "line 1, column 15: at schema: number out of range",
        ),
        (
            r#"{"schema":1,"lang":"en","title":"T","source":{"file":"x"}} trailing"#.into(),
            "line 1, column 60: trailing characters",
        ),
        ("\u{feff}{}".into(), "line 1, column 1: expected value"),
        (
            r#"{"schema":1,"lang":"en","title":"T","turns":[{"id":"","paragraphs":[]}],"source":{"file":"x"}}"#.into(),
            "at turns[0].id: turn id \"\" is empty or used twice",
        ),
    ];
    // An unknown field is skipped, however deep (without recursing: no stack overflow).
    assert_eq!(Transcript::from_json(&nested_object).unwrap().title, "T");
    let deep_title = format!(
        r#"{{"schema":1,"lang":"en","title":{}"x"{},"source":{{"file":"x"}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    assert_eq!(
        Transcript::from_json(&deep_title).unwrap_err().to_string(),
        "line 1, column 32: at title: invalid type: sequence, expected a string"
    );
    let got: Vec<String> = cases
        .iter()
        .map(|(json, want)| Transcript::from_json(json).expect_err(want).to_string())
        .collect();
    let want: Vec<&str> = cases.iter().map(|(_, want)| *want).collect();
    assert_eq!(got, want);
}

#[test]
fn the_hostile_fixture_reads_without_warnings_and_searches_as_text() {
    let t = Transcript::from_json(&hostile::json()).expect("the fixture reads");
    assert_eq!(t.speakers.len(), hostile::SPEAKERS);
    assert_eq!(t.turns.len(), hostile::SPEAKERS);
    assert_eq!(t.warnings(), Vec::<Warning>::new());
    assert_eq!(
        t.turns[0].paragraphs[10].chars().count(),
        hostile::LONG_PARAGRAPH
    );
    for (query, want) in [
        ("<script>", matches(2)),
        ("&lt;b&gt;", matches(2)),
        ("needle-at-the-end", matches(1)),
        ("Turn 9999.", matches(1)),
        ("לשיחות", matches(2)),
    ] {
        assert_eq!(status(&t, query), want, "{query:?}");
    }
}

#[test]
fn hostile_queries_get_a_sensible_status() {
    let t = Transcript::from_json(
        r#"{"schema":1,"lang":"en","title":"Q","speakers":[],
        "turns":[{"id":"t1","paragraphs":["Price: $5 (or 10%) [sic] a.b ^x$ back\\slash \ufffd here"]}],
        "source":{"file":"q.txt"}}"#,
    )
    .unwrap();
    for (query, want) in [
        ("", SearchStatus::Inactive),
        ("      ", SearchStatus::Inactive),
        ("\u{a0}\t\n\u{3000}", SearchStatus::Inactive),
        (".*", SearchStatus::NothingToSearch),
        ("\\", SearchStatus::NothingToSearch),
        ("(or 10%)", matches(1)),
        ("[sic]", matches(1)),
        ("a.b", matches(1)),
        ("^x$", matches(1)),
        ("back\\slash", matches(1)),
        ("a.*b", SearchStatus::NoMatches),
        ("$5", matches(1)),
        // What a lone surrogate typed or set from JavaScript arrives as.
        ("\u{fffd}", SearchStatus::NothingToSearch),
        ("\u{fffd} here", matches(1)),
        ("price\u{fffd}", SearchStatus::NoMatches),
    ] {
        assert_eq!(status(&t, query), want, "{query:?}");
    }
    let long = "price ".repeat(1_700);
    assert!(long.len() > 10_000);
    let start = std::time::Instant::now();
    assert_eq!(status(&t, &long), SearchStatus::NoMatches);
    assert_eq!(status(&t, &"x".repeat(10_000)), SearchStatus::NoMatches);
    assert_eq!(
        status(&t, &"%".repeat(10_000)),
        SearchStatus::NothingToSearch
    );
    assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
}
