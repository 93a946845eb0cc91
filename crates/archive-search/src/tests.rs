//! The session against a small archive built here: plan until nothing is missing,
//! then results, as the page's script does.

use super::*;
use transcript_viewer::archive::{IndexBuilder, META_PATH};
use transcript_viewer::model::Transcript;

fn transcript(title: &str, date: &str, turns: &[(&str, &str)]) -> Transcript {
    let speakers: BTreeSet<&str> = turns.iter().map(|(s, _)| *s).collect();
    let json = serde_json::json!({
        "schema": 1,
        "lang": "en",
        "title": title,
        "date": date,
        "place": "Moscow",
        "speakers": speakers.iter().map(|s| serde_json::json!({
            "id": s.to_lowercase().replace(' ', "-"), "name": s
        })).collect::<Vec<_>>(),
        "turns": turns.iter().enumerate().map(|(i, (s, text))| serde_json::json!({
            "id": format!("t{}", i + 1),
            "speaker": s.to_lowercase().replace(' ', "-"),
            "paragraphs": [text]
        })).collect::<Vec<_>>(),
        "source": {"file": "x.txt"}
    });
    Transcript::from_json(&json.to_string()).expect("a transcript")
}

/// An archive of three transcripts, and a session with its meta.
fn archive() -> (Vec<(String, Vec<u8>)>, Session) {
    let mut b = IndexBuilder::new();
    b.add(
        "talks-2021",
        &transcript(
            "Talks in 2021",
            "2021-03-01",
            &[
                ("Ann Lee", "Gas prices rose. We talked about the weather."),
                ("Bo Park", "Nothing about that here."),
            ],
        ),
    );
    b.add(
        "briefing-2022",
        &transcript(
            "Briefing in 2022",
            "2022-05-06",
            &[
                ("Bo Park", "Good morning. Let us begin."),
                (
                    "Ann Lee",
                    "Were gas prices discussed? I think “gas prices” were, yes.",
                ),
            ],
        ),
    );
    b.add(
        "ru-2023",
        &transcript(
            "Встреча",
            "2023-01-10",
            &[("Ann Lee", "Цены на ГАЗ выросли. Ёлка стоит.")],
        ),
    );
    let files = b.build();
    let meta = files
        .iter()
        .find(|(p, _)| p == META_PATH)
        .map(|(_, b)| b.clone())
        .expect("meta.bin");
    let session = Session::new(&meta).expect("meta reads");
    (files, session)
}

/// Plans and fetches until nothing is missing; returns how many rounds and files.
fn answer(files: &[(String, Vec<u8>)], s: &mut Session, ask: &Ask) -> (usize, usize) {
    let (mut rounds, mut fetched) = (0, 0);
    loop {
        let missing = s.plan(ask).expect("plans");
        if missing.is_empty() {
            return (rounds, fetched);
        }
        rounds += 1;
        assert!(rounds < 10, "the plan converges");
        for path in missing {
            let bytes = files
                .iter()
                .find(|(p, _)| *p == path)
                .map(|(_, b)| b.clone())
                .unwrap_or_else(|| panic!("{path} is a built file"));
            s.add(path, bytes);
            fetched += 1;
        }
    }
}

fn ask(text: &str) -> Ask {
    Ask {
        text: text.to_string(),
        from: 0,
        limit: 10,
    }
}

fn marked(hit: &HitView) -> Vec<&str> {
    hit.pieces
        .iter()
        .filter(|p| p.mark)
        .map(|p| p.text.as_str())
        .collect()
}

#[test]
fn a_phrase_is_found_newest_first_with_its_sentence_marked_and_linked() {
    let (files, mut s) = archive();
    let q = ask("\"gas prices\"");
    answer(&files, &mut s, &q);
    let view = s.results(&q).expect("results");
    let ids: Vec<&str> = view.transcripts.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["briefing-2022", "talks-2021"]);
    let newest = &view.transcripts[0];
    assert_eq!(newest.href, "briefing-2022/");
    assert_eq!(newest.date.as_deref(), Some("2022-05-06"));
    let hit = &newest.hits[0];
    assert_eq!(hit.turn_id, "t2");
    assert_eq!(hit.speaker.as_deref(), Some("Ann Lee"));
    assert_eq!(marked(hit), ["gas prices"], "{:?}", hit.pieces);
    // The sentence, not the whole turn.
    let sentence: String = hit.pieces.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(sentence, "Were gas prices discussed?");
    assert_eq!(hit.href, "briefing-2022/?q=gas%20prices#t2");
    assert_eq!(view.turns, 2);
    assert_eq!(view.next, None);
    // One sentence per transcript; the others are counted.
    assert!(view
        .transcripts
        .iter()
        .all(|t| t.hits.len() == 1 && t.more == 0));
}

#[test]
fn words_are_all_needed_and_russian_folds_as_the_page_does() {
    let (files, mut s) = archive();
    let q = ask("weather gas");
    answer(&files, &mut s, &q);
    let view = s.results(&q).unwrap();
    assert_eq!(view.transcripts.len(), 1);
    assert_eq!(view.transcripts[0].id, "talks-2021");
    let q = ask("газ елка");
    answer(&files, &mut s, &q);
    let view = s.results(&q).unwrap();
    assert_eq!(view.transcripts.len(), 1);
    let hit = &view.transcripts[0].hits[0];
    assert_eq!(marked(hit), ["ГАЗ"]);
    assert_eq!(hit.href, format!("ru-2023/?q={}#t1", query_escape("ГАЗ")));
}

#[test]
fn turns_beyond_the_first_are_counted_and_linked() {
    let mut b = IndexBuilder::new();
    b.add(
        "many",
        &transcript(
            "Many",
            "2020-01-01",
            &[
                ("Ann Lee", "Gas first."),
                ("Bo Park", "No."),
                ("Ann Lee", "Gas again."),
                ("Bo Park", "Gas, third."),
            ],
        ),
    );
    let files = b.build();
    let meta = files
        .iter()
        .find(|(p, _)| p == META_PATH)
        .unwrap()
        .1
        .clone();
    let mut s = Session::new(&meta).unwrap();
    let q = ask("gas");
    answer(&files, &mut s, &q);
    let view = s.results(&q).unwrap();
    let t = &view.transcripts[0];
    assert_eq!((t.hits.len(), t.more, view.turns), (1, 2, 3));
    assert_eq!(t.more_href.as_deref(), Some("many/?q=Gas#t1"));
}

#[test]
fn filters_narrow_the_results() {
    let (files, mut s) = archive();
    for (text, ids) in [
        ("gas year:2021", vec!["talks-2021"]),
        ("gas year:2022-2023", vec!["briefing-2022"]),
        ("газ year:2020-2023", vec!["ru-2023"]),
        ("газ year:2022", vec![]),
        (
            "prices speaker:\"ann lee\"",
            vec!["briefing-2022", "talks-2021"],
        ),
        ("prices speaker:bo", vec![]),
    ] {
        let q = ask(text);
        answer(&files, &mut s, &q);
        let view = s.results(&q).unwrap();
        let got: Vec<&str> = view.transcripts.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(got, ids, "{text}");
    }
}

#[test]
fn a_later_query_fetches_only_what_it_lacks_and_pages_go_on() {
    let (files, mut s) = archive();
    let first = ask("gas");
    let (_, fetched_first) = answer(&files, &mut s, &first);
    assert!(fetched_first > 0);
    let (_, again) = answer(&files, &mut s, &first);
    assert_eq!(again, 0, "nothing new for the same query");
    let paged = Ask { limit: 1, ..first };
    answer(&files, &mut s, &paged);
    let one = s.results(&paged).unwrap();
    assert_eq!(one.transcripts.len(), 1);
    let next = one.next.expect("more after the first");
    let rest = Ask {
        from: next,
        ..paged
    };
    answer(&files, &mut s, &rest);
    let two = s.results(&rest).unwrap();
    assert_eq!(two.transcripts.len(), 1);
    assert_ne!(two.transcripts[0].id, one.transcripts[0].id);
}

#[test]
fn an_empty_query_asks_for_nothing_and_bad_bytes_are_an_error() {
    let (_, s) = archive();
    assert!(s.plan(&ask("  ")).unwrap().is_empty());
    assert!(s.results(&ask("\"\"")).unwrap().empty);
    assert!(Session::new(b"not an index").is_err());
    assert_eq!(s.years(), [2023, 2022, 2021]);
    let (files, mut s) = archive();
    let q = ask("gas");
    for path in s.plan(&q).unwrap() {
        s.add(path, b"TVAT garbage".to_vec());
    }
    // A corrupt shard is an error naming the file, not a panic.
    let e = s.plan(&q).and_then(|_| s.results(&q).map(|_| ()));
    assert!(e.is_err(), "{e:?}");
    drop(files);
}

#[test]
fn pieces_cut_at_the_marks_and_skip_what_does_not_fit() {
    let p = pieces("Gas, gas and «gas»", &[0..3, 5..8, 5..8, 100..200, 16..19]);
    let texts: Vec<(&str, bool)> = p.iter().map(|p| (p.text.as_str(), p.mark)).collect();
    assert_eq!(
        texts,
        [
            ("Gas", true),
            (", ", false),
            ("gas", true),
            (" and «gas»", false)
        ]
    );
}

#[test]
fn a_link_searches_for_the_marked_words_found_side_by_side() {
    let p = |text: &str, mark: bool| Piece {
        text: text.into(),
        mark,
    };
    let side_by_side = [
        p("So ", false),
        p("Thank", true),
        p(" ", false),
        p("you", true),
        p(", all", false),
    ];
    assert_eq!(link_words(&side_by_side).as_deref(), Some("Thank you"));
    let apart = [p("Thank", true), p(" them and ", false), p("you", true)];
    assert_eq!(link_words(&apart).as_deref(), Some("Thank"));
    assert_eq!(link_words(&[p("nothing", false)]), None);
}
