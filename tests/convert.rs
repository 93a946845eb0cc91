//! The converter on the reference transcript and on fixtures covering each page shape it
//! understands, with exact expectations; plus its error reports and its command line.

use std::path::{Path, PathBuf};
use std::process::Command;
use transcript_viewer::convert::{convert, convert_bytes, Diagnostic, Options};
use transcript_viewer::model::{Source, Speaker, Transcript, Turn, SCHEMA_VERSION};

const NBSP: char = '\u{a0}';

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn reference_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("transcripts/russian-belarusian-talks-2022-02-18.txt")
}

fn options(file: &str) -> Options {
    Options {
        file: file.into(),
        ..Options::default()
    }
}

fn load(name: &str) -> (Transcript, Vec<Diagnostic>) {
    let bytes = std::fs::read(fixture(name)).unwrap();
    let c = convert_bytes(&bytes, &options(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    (c.transcript, c.warnings)
}

fn sp(id: &str, name: &str, role: Option<&str>) -> Speaker {
    Speaker {
        id: id.into(),
        name: name.into(),
        role: role.map(Into::into),
        anonymous: false,
    }
}

fn anon(id: &str, name: &str) -> Speaker {
    Speaker {
        anonymous: true,
        ..sp(id, name, None)
    }
}

fn turn(n: usize, speaker: Option<&str>, annotation: Option<&str>, paragraphs: &[&str]) -> Turn {
    Turn {
        id: format!("t{n}"),
        speaker: speaker.map(Into::into),
        annotation: annotation.map(Into::into),
        paragraphs: paragraphs.iter().map(|p| p.to_string()).collect(),
        ..Default::default()
    }
}

/// Turns by speaker only, for the longer fixtures.
fn turn_speakers(t: &Transcript) -> Vec<Option<&str>> {
    t.turns.iter().map(|t| t.speaker.as_deref()).collect()
}

#[test]
fn reference_transcript() {
    let bytes = std::fs::read(reference_path()).unwrap();
    let c = convert_bytes(&bytes, &options("russian-belarusian-talks-2022-02-18.txt")).unwrap();
    let t = &c.transcript;
    assert_eq!(c.warnings, vec![]);
    assert_eq!(t.schema, SCHEMA_VERSION);
    assert_eq!(t.lang, "en");
    assert_eq!(t.title, "Russian-Belarusian talks");
    assert_eq!(t.date.as_deref(), Some("2022-02-18"));
    assert_eq!(t.time, None);
    assert_eq!(t.place.as_deref(), Some("The Kremlin, Moscow"));
    assert_eq!(
        t.dateline.as_deref(),
        Some(format!("February 18, 2022, The{NBSP}Kremlin, Moscow").as_str())
    );
    assert_eq!(t.kind.as_deref(), Some("News"));
    assert_eq!(t.summary.len(), 3);
    assert!(t.summary[0].starts_with(&format!("Vladimir Putin held a{NBSP}meeting")));
    assert!(t.summary[2].ends_with("journalists\u{2019} questions."));
    assert_eq!(
        t.speakers,
        vec![
            sp(
                "vladimir-putin",
                "Vladimir Putin",
                Some("President of Russia")
            ),
            sp(
                "alexander-lukashenko",
                "Alexander Lukashenko",
                Some("President of the Republic of Belarus")
            ),
        ]
    );
    assert_eq!(
        turn_speakers(t),
        [
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin",
            "alexander-lukashenko",
            "vladimir-putin"
        ]
        .map(Some)
    );
    let ids: Vec<&str> = t.turns.iter().map(|t| t.id.as_str()).collect();
    assert_eq!(ids, ["t1", "t2", "t3", "t4", "t5"]);
    assert_eq!(t.turns[4].paragraphs, vec!["Thank you.".to_string()]);
    // Paragraph counts, and text kept byte for byte: NBSPs, typos, colons inside text.
    let counts: Vec<usize> = t.turns.iter().map(|t| t.paragraphs.len()).collect();
    assert_eq!(counts, [9, 7, 1, 2, 1]);
    assert_eq!(t.turns[0].paragraphs[0], "Mr President,");
    assert!(t.turns[0].paragraphs[2].contains(&format!("in{NBSP}person")));
    assert!(t.turns[0].paragraphs[3].contains("Union State: our colleagues"));
    assert!(t.turns[3].paragraphs[0].starts_with("Yes, we willtake part"));
    assert!(t.turns[3].paragraphs[0].contains("events.This is"));
    assert_eq!(
        t.source,
        Source {
            file: "russian-belarusian-talks-2022-02-18.txt".into(),
            credit: Some("President of Russia website, kremlin.ru".into()),
            license: Some("CC BY 4.0".into()),
            url: None,
        }
    );
    // Every byte of text after the header is somewhere in the output.
    let text = String::from_utf8(bytes).unwrap();
    for line in text.lines().skip(14).take(40) {
        let line = line.trim();
        if line.is_empty() || line == "* * *" || line.starts_with("February 18, 2022") {
            continue;
        }
        let found = t.summary.iter().any(|p| p == line)
            || t.turns
                .iter()
                .flat_map(|t| &t.paragraphs)
                .any(|p| line.ends_with(p.as_str()));
        assert!(found, "lost: {line}");
    }
}

#[test]
fn russian_page_with_initials_time_and_footer() {
    let (t, warnings) = load("ru-initials.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.lang, "ru");
    assert_eq!(t.title, "Российско-белорусские переговоры");
    assert_eq!(t.date.as_deref(), Some("2022-02-18"));
    assert_eq!(t.time.as_deref(), Some("15:50"));
    assert_eq!(t.place.as_deref(), Some("Москва, Кремль"));
    assert_eq!(t.kind.as_deref(), Some("Новости"));
    assert_eq!(
        t.summary,
        vec![format!(
            "Владимир Путин провёл встречу с{NBSP}Президентом Белоруссии Александром Лукашенко."
        )]
    );
    assert_eq!(
        t.speakers,
        vec![
            sp("v-putin", "В.Путин", None),
            sp("a-lukashenko", "А.Лукашенко", None),
            anon("vopros", "Вопрос"),
        ]
    );
    assert_eq!(
        t.turns,
        vec![
            turn(
                1,
                Some("v-putin"),
                None,
                &[
                    "Уважаемый Александр Григорьевич!",
                    "Рад Вас видеть. Цель понятна: укрепление Союзного государства."
                ]
            ),
            turn(
                2,
                Some("a-lukashenko"),
                None,
                &["Спасибо, Владимир Владимирович."]
            ),
            turn(3, Some("vopros"), None, &["Когда следующая встреча?"]),
            // `В. Путин` with a no-break space is the same speaker.
            turn(4, Some("v-putin"), None, &["Скоро."]),
        ]
    );
    assert_eq!(
        t.source.credit.as_deref(),
        Some("President of Russia website, kremlin.ru")
    );
    assert_eq!(
        t.source.url.as_deref(),
        Some("kremlin.ru/events/president/news/67811")
    );
}

#[test]
fn retranslated_annotation_and_titled_then_bare_labels() {
    let (t, warnings) = load("retranslated.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.kind.as_deref(), Some("News / Transcripts"));
    assert_eq!(
        t.summary,
        vec![
            "Vladimir Putin and President of France Emmanuel Macron made statements for the press."
        ]
    );
    assert_eq!(
        t.speakers,
        vec![
            sp(
                "vladimir-putin",
                "Vladimir Putin",
                Some("President of Russia")
            ),
            sp(
                "emmanuel-macron",
                "Emmanuel Macron",
                Some("President of France")
            ),
        ]
    );
    assert_eq!(
        t.turns,
        vec![
            turn(
                1,
                Some("vladimir-putin"),
                None,
                &[
                    "Mr President, ladies and gentlemen,",
                    "Our talks were thorough."
                ]
            ),
            turn(
                2,
                Some("emmanuel-macron"),
                Some("retranslated"),
                &["Thank you, Mr President."]
            ),
            turn(3, Some("vladimir-putin"), None, &["Thank you."]),
            turn(
                4,
                Some("emmanuel-macron"),
                Some("retranslated"),
                &["I would like to add one thing."]
            ),
        ]
    );
}

#[test]
fn all_caps_labels_and_anonymous_questions() {
    let (t, warnings) = load("press-briefing-caps.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.kind, None);
    assert_eq!(t.title, "Press Briefing by Press Secretary Jen Psaki");
    assert_eq!(t.date.as_deref(), Some("2022-03-04"));
    assert_eq!(t.time.as_deref(), Some("12:35"));
    assert_eq!(
        t.place.as_deref(),
        Some("James S. Brady Press Briefing Room")
    );
    assert_eq!(t.summary, Vec::<String>::new());
    assert_eq!(
        t.speakers,
        vec![
            sp("ms-psaki", "Ms. Psaki", None),
            anon("q", "Q"),
            sp("mr-price", "Mr. Price", None),
        ]
    );
    assert_eq!(
        turn_speakers(&t),
        ["ms-psaki", "q", "ms-psaki", "q", "mr-price", "ms-psaki"].map(Some)
    );
    // A colon inside a question is not a label; `PSAKI:` alone is Ms. Psaki's surname.
    assert_eq!(
        t.turns[3].paragraphs,
        vec!["On sanctions: what comes next?"]
    );
    assert_eq!(t.turns[5].paragraphs, vec!["Thank you all."]);
    assert_eq!(t.source.credit, None);
}

#[test]
fn colons_that_are_not_labels_continue_the_turn() {
    let (t, warnings) = load("no-separator.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.kind.as_deref(), Some("Transcripts"));
    assert_eq!(t.place.as_deref(), Some("Novo-Ogaryovo, Moscow Region"));
    // No `* * *`: the summary ends at the first label.
    assert_eq!(
        t.summary,
        vec![
            "The President held a meeting with Government members via videoconference.",
            "The agenda: support measures for the economy.",
        ]
    );
    assert_eq!(
        t.speakers,
        vec![
            sp(
                "vladimir-putin",
                "Vladimir Putin",
                Some("President of Russia")
            ),
            sp(
                "mikhail-mishustin",
                "Mikhail Mishustin",
                Some("Prime Minister")
            ),
        ]
    );
    assert_eq!(
        t.turns,
        vec![
            turn(
                1,
                Some("vladimir-putin"),
                None,
                &[
                    "Good afternoon, colleagues.",
                    "First, we made significant progress on one point: our colleagues worked closely.",
                    "Note: the meeting continued behind closed doors.",
                    "The meeting began at 15: 50 and we spoke about it.",
                ]
            ),
            turn(
                2,
                Some("mikhail-mishustin"),
                None,
                &[
                    "Mr President, colleagues.",
                    "Union State: our joint programmes are on track.",
                ]
            ),
            turn(3, Some("vladimir-putin"), None, &["Thank you."]),
        ]
    );
}

#[test]
fn bare_label_first_then_titled_then_surname() {
    let (t, _) = load("bare-then-titled.txt");
    assert_eq!(t.summary, Vec::<String>::new());
    assert_eq!(
        t.speakers,
        vec![
            sp("sergei-lavrov", "Sergei Lavrov", Some("Foreign Minister")),
            sp(
                "sameh-shoukry",
                "Sameh Shoukry",
                Some("Foreign Minister of Egypt")
            ),
        ]
    );
    assert_eq!(
        turn_speakers(&t),
        [
            "sergei-lavrov",
            "sameh-shoukry",
            "sergei-lavrov",
            "sergei-lavrov",
            "sameh-shoukry"
        ]
        .map(Some)
    );
}

#[test]
fn parliamentary_labels_with_office_and_constituency() {
    let (t, _) = load("parliament.txt");
    assert_eq!(t.title, "Engagements");
    assert_eq!(t.date.as_deref(), Some("2022-02-16"));
    assert_eq!(t.place, None);
    assert_eq!(
        t.speakers,
        vec![
            sp("mr-speaker", "Mr Speaker", None),
            sp("boris-johnson", "Boris Johnson", Some("The Prime Minister")),
            sp("sir-keir-starmer", "Sir Keir Starmer", None),
            // Members answering together name no person.
            anon("hon-members", "Hon. Members"),
        ]
    );
    assert_eq!(
        t.turns[2],
        turn(
            3,
            Some("sir-keir-starmer"),
            Some("Holborn and St Pancras; Lab"),
            &["Thank you, Mr Speaker."]
        )
    );
    assert_eq!(
        turn_speakers(&t),
        [
            "mr-speaker",
            "boris-johnson",
            "sir-keir-starmer",
            "boris-johnson",
            "hon-members"
        ]
        .map(Some)
    );
}

#[test]
fn unlabelled_text_is_one_unattributed_turn_per_section() {
    let (t, _) = load("unlabelled-speech.txt");
    assert_eq!(
        t.summary,
        vec!["The President delivered his annual Address."]
    );
    assert_eq!(t.speakers, vec![]);
    assert_eq!(
        t.turns,
        vec![
            turn(
                1,
                None,
                None,
                &[
                    "Good afternoon, members of the Federation Council and State Duma deputies.",
                    "We will talk about the most important things."
                ]
            ),
            turn(2, None, None, &["Thank you for your attention."]),
        ]
    );
}

#[test]
fn unicode_spaces_bom_and_crlf() {
    let (t, _) = load("nbsp-crlf.txt");
    // The title keeps its characters; labels are matched with spaces normalised.
    assert_eq!(t.title, "Meeting\u{a0}with\u{a0}students");
    assert_eq!(t.date.as_deref(), Some("2023-01-25"));
    assert_eq!(
        t.summary,
        vec!["A short summary:\u{a0}students met the President."]
    );
    assert_eq!(
        t.speakers,
        vec![
            sp("vladimir-putin", "Vladimir Putin", None),
            sp("anna-ivanova", "Anna Ivanova", Some("Student")),
        ]
    );
    assert_eq!(
        t.turns,
        vec![
            turn(
                1,
                Some("vladimir-putin"),
                None,
                &["Good afternoon!", "Let\u{2019}s talk."]
            ),
            turn(2, Some("anna-ivanova"), None, &["Thank you."]),
            turn(3, Some("vladimir-putin"), None, &["Please go on."]),
        ]
    );
}

#[test]
fn single_word_used_once_is_text_with_a_warning() {
    let text = "Title\nMay 5, 2022\nVladimir Putin: Hello.\nMoscow: a city of twelve million.\nConclusion: We agree.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(turn_speakers(&c.transcript), [Some("vladimir-putin")]);
    assert_eq!(c.transcript.turns[0].paragraphs.len(), 3);
    assert_eq!(
        c.warnings,
        vec![Diagnostic {
            line: 5,
            column: 11,
            message: "warning: \"Conclusion:\" looks like a speaker label but is a single word used once; kept as text".into()
        }]
    );
}

#[test]
fn errors_name_line_and_column() {
    let cases: &[(&[u8], (usize, usize), &str)] = &[
        (b"", (1, 1), "empty transcript"),
        (b" \n\xc2\xa0\n\t\n", (1, 1), "empty transcript"),
        (
            b"View settings\nFont size:\nNews /\n",
            (3, 1),
            "no transcript found: the text has only site navigation",
        ),
        (
            b"February 1, 2022\n",
            (1, 1),
            "no transcript found: the text has only site navigation",
        ),
    ];
    for (input, (line, column), message) in cases {
        let e = convert_bytes(input, &options("x.txt")).unwrap_err();
        assert_eq!((e.line, e.column), (*line, *column), "{input:?}: {e}");
        assert!(e.message.starts_with(message), "{input:?}: {e}");
    }
    // A text that starts with a label has no title, and says so.
    let c = convert(
        "Vladimir Putin: Hello.\nAlexander Lukashenko: Hi.\n",
        &options("x.txt"),
    )
    .unwrap();
    assert_eq!(c.transcript.title, "");
    assert_eq!(c.transcript.turns.len(), 2);
    assert_eq!(
        c.warnings
            .iter()
            .map(|w| w.render("x.txt"))
            .collect::<Vec<_>>(),
        ["x.txt:1:1: warning: no title line found; the transcript has no title"]
    );
    let bytes = std::fs::read(fixture("invalid-utf8.txt")).unwrap();
    let e = convert_bytes(&bytes, &options("invalid-utf8.txt")).unwrap_err();
    assert_eq!(
        e.render("invalid-utf8.txt"),
        "invalid-utf8.txt:3:20: invalid UTF-8 at byte offset 42"
    );
}

#[test]
fn output_is_deterministic_and_round_trips() {
    let bytes = std::fs::read(reference_path()).unwrap();
    let a = convert_bytes(&bytes, &options("r.txt"))
        .unwrap()
        .transcript
        .to_json();
    let b = convert_bytes(&bytes, &options("r.txt"))
        .unwrap()
        .transcript
        .to_json();
    assert_eq!(a, b);
    assert_eq!(Transcript::from_json(&a).unwrap().to_json(), a);
    for entry in std::fs::read_dir(fixture("")).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            continue; // tests/fixtures/timed: tests/convert_timed.rs
        }
        if let Ok(c) = convert_bytes(&std::fs::read(&path).unwrap(), &options("f.txt")) {
            let json = c.transcript.to_json();
            assert_eq!(
                Transcript::from_json(&json).unwrap(),
                c.transcript,
                "{path:?}"
            );
        }
    }
}

// The command line.

fn cli(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_transcript2json"))
        .args(args)
        .output()
        .unwrap()
}

#[test]
fn cli_prints_json_for_one_input() {
    let out = cli(&[reference_path().to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let t = Transcript::from_json(std::str::from_utf8(&out.stdout).unwrap()).unwrap();
    assert_eq!(t.title, "Russian-Belarusian talks");
    assert_eq!(t.source.file, "russian-belarusian-talks-2022-02-18.txt");
    assert!(out.stderr.is_empty());
}

#[test]
fn cli_writes_a_directory_and_catalog() {
    let dir = std::env::temp_dir().join(format!("t2j-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let reference = reference_path();
    let ru = fixture("ru-initials.txt");
    let out = cli(&[
        "-o",
        dir.to_str().unwrap(),
        reference.to_str().unwrap(),
        ru.to_str().unwrap(),
        reference.to_str().unwrap(),
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let catalog: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("index.json")).unwrap()).unwrap();
    assert_eq!(
        catalog,
        serde_json::json!({"schema": 2, "transcripts": [
            {"id": "russian-belarusian-talks-2022-02-18", "title": "Russian-Belarusian talks", "date": "2022-02-18", "lang": "en"},
            {"id": "ru-initials", "title": "Российско-белорусские переговоры", "date": "2022-02-18", "lang": "ru"},
        ]})
    );
    let written = std::fs::read_to_string(dir.join("ru-initials.json")).unwrap();
    assert_eq!(Transcript::from_json(&written).unwrap().lang, "ru");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn cli_reports_errors_as_file_line_column() {
    let bad = fixture("invalid-utf8.txt");
    let out = cli(&[bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(
        stderr.trim_end(),
        format!("{}:3:20: invalid UTF-8 at byte offset 42", bad.display())
    );
    assert!(out.stdout.is_empty());
    let out = cli(&["/nonexistent/file.txt"]);
    assert_eq!(out.status.code(), Some(1));
    let out = cli(&[]);
    assert_eq!(out.status.code(), Some(2));
    let out = cli(&["--bogus", "x.txt"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn news_conference_with_media_annotations_and_publication_footer() {
    let (t, warnings) = load("news-conference-footer.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.time.as_deref(), Some("17:30"));
    assert_eq!(t.kind.as_deref(), Some("Transcripts"));
    assert_eq!(
        t.source.url.as_deref(),
        Some("http://en.kremlin.ru/d/67811")
    );
    let names: Vec<(&str, Option<&str>, bool)> = t
        .speakers
        .iter()
        .map(|s| (s.name.as_str(), s.role.as_deref(), s.anonymous))
        .collect();
    assert_eq!(
        names,
        [
            ("Vladimir Putin", Some("President of Russia"), false),
            ("Alexander Lukashenko", Some("President of Belarus"), false),
            ("Question", None, true),
            ("Pavel Zarubin", None, false),
            ("Dmitry Peskov", None, false),
            ("Remark", None, true),
        ]
    );
    let annotations: Vec<Option<&str>> = t.turns.iter().map(|t| t.annotation.as_deref()).collect();
    assert_eq!(annotations[4], Some("Rossiya TV channel"));
    assert_eq!(annotations[5], Some("speaking Belarusian"));
    assert_eq!(t.turns.len(), 9);
    // The footer and the repeated dateline are not part of the last turn.
    assert_eq!(t.turns[8].paragraphs, vec!["Thank you."]);
}

#[test]
fn russian_page_without_blank_lines() {
    let (t, warnings) = load("ru-security-council.txt");
    assert_eq!(warnings, vec![]);
    assert_eq!(t.kind.as_deref(), Some("Новости / Стенограммы"));
    assert_eq!(
        (t.date.as_deref(), t.time.as_deref()),
        (Some("2022-02-21"), Some("17:00"))
    );
    assert_eq!(t.place.as_deref(), Some("Москва, Кремль"));
    let ids: Vec<&str> = t.speakers.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        ids,
        ["v-putin", "s-lavrov", "s-shoygu", "s-naryshkin", "replika"]
    );
    assert_eq!(
        turn_speakers(&t),
        [
            "v-putin",
            "s-lavrov",
            "v-putin",
            "s-shoygu",
            "v-putin",
            "s-naryshkin",
            "replika",
            "v-putin"
        ]
        .map(Some)
    );
    assert_eq!(
        t.turns[4].annotation.as_deref(),
        Some("обращаясь к С.Нарышкину")
    );
    assert_eq!(t.turns[0].paragraphs.len(), 2);
}

#[test]
fn a_label_the_text_ends_on_keeps_an_empty_turn() {
    let text = "Title\nMay 5, 2022\nJane Doe: Hello.\nJohn Roe:\nJane Doe: Again.\nJohn Roe:\n";
    let c = convert(text, &options("x.txt")).unwrap();
    let t = &c.transcript;
    assert_eq!(
        turn_speakers(t),
        [Some("jane-doe"), Some("jane-doe"), Some("john-roe")]
    );
    assert!(t.turns[2].paragraphs.is_empty());
    let messages: Vec<(usize, &str)> = c
        .warnings
        .iter()
        .map(|w| (w.line, w.message.as_str()))
        .collect();
    assert_eq!(
        messages,
        [
            (4, "warning: speaker label with no text after it; dropped"),
            (
                6,
                "warning: the text ends after this speaker label; its turn is empty"
            ),
        ]
    );
}

#[test]
fn a_record_that_starts_mid_page_takes_its_date_from_a_column_header() {
    let text = "Lord Annan: To answer the noble Earl, I said so.\n\nLord Rotherwick: One is saluted not\n\n13 May 1999 : Column 1342\n\nfor oneself but for the commission.\n\nLord Lucas: It is important.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(c.transcript.date.as_deref(), Some("1999-05-13"));
    let all: Vec<&str> = c
        .transcript
        .turns
        .iter()
        .flat_map(|t| t.paragraphs.iter().map(|p| p.as_str()))
        .collect();
    assert!(all.iter().all(|p| !p.contains("Column")), "{all:?}");
    assert!(
        c.warnings.iter().all(|w| !w.message.contains("no date")),
        "{:?}",
        c.warnings
    );
}

#[test]
fn image_text_run_into_a_label_is_left_out() {
    let text = "Interview\n\nPutin with FlagLarry King (as translated): Good evening.\n\nVladimir Putin: Good evening.\n\nLarry King: Thank you.\n\nMr McDonald: Yes.\n\nMr McDonald: Again.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(
        turn_speakers(&c.transcript),
        [
            Some("larry-king"),
            Some("vladimir-putin"),
            Some("larry-king"),
            Some("mr-mcdonald"),
            Some("mr-mcdonald")
        ]
    );
    assert_eq!(
        c.transcript.turns[0].annotation.as_deref(),
        Some("as translated")
    );
}

#[test]
fn wrapped_head_lines_are_read_as_one() {
    // A title set in capitals over two lines.
    let text = "April 26, 2019\n\nREMARKS BY PRESIDENT TRUMP\nBEFORE MARINE ONE DEPARTURE\n\n9:21 A.M. EDT\n\nTHE PRESIDENT: So.\n\nQ Mr. President?\n\nTHE PRESIDENT: No.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(
        c.transcript.title,
        "REMARKS BY PRESIDENT TRUMP BEFORE MARINE ONE DEPARTURE"
    );
    // A hard-wrapped sentence is not a title.
    let text = "MARCH 11, 1953\n\nThe committee met, pursuant to call, at 2:05 p. m., Senator Homer\nE. Capehart (chairman) presiding.\nThe CHAIRMAN. The committee will come to order.\nMr. BURNS. Thank you.\nThe CHAIRMAN. Good.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(c.transcript.title, "");
    assert!(c.transcript.summary[0].starts_with("The committee met"));
    // A title straight above a paragraph, with no blank lines, stays the title.
    let text = "Meeting with Government members on the economic situation in the country\nThe President held a meeting, via videoconference, with Government members. The main topic was the economy, the budget and the measures of support.\nVladimir Putin: Good afternoon.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(
        c.transcript.title,
        "Meeting with Government members on the economic situation in the country"
    );
}

#[test]
fn a_date_on_the_title_beats_a_post_date_above_it() {
    let text = "Monday, April 29, 2019\n\nApril 26, 2019 REMARKS BY PRESIDENT TRUMP BEFORE MARINE ONE DEPARTURE\n\nREMARKS BY PRESIDENT TRUMP\nBEFORE MARINE ONE DEPARTURE\n\nSouth Lawn\n\nTHE PRESIDENT: So.\n\nQ Mr. President?\n\nTHE PRESIDENT: No.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(
        c.transcript.title,
        "REMARKS BY PRESIDENT TRUMP BEFORE MARINE ONE DEPARTURE"
    );
    assert_eq!(c.transcript.date.as_deref(), Some("2019-04-26"));
    // The title repeated below, over two lines, is not a summary.
    assert!(
        c.transcript.summary.iter().all(|p| !p.contains("REMARKS")),
        "{:?}",
        c.transcript.summary
    );
}

#[test]
fn a_hearing_page_on_one_line_is_split_at_its_labels() {
    let text = "[H. Res. 263] RESOLUTION Resolved, That the House does not favor the plan. Mrs. CHURCH. If there is no objection, Mr. McCormack, we will waive it. Mr. McCORMACK. I don't think it is necessary to swear the witnesses at all. Mrs. CHURCH. Mr. Smith tells us there is such a provision. Mr. SMITH. As a matter of policy I understood we were to do it. STATEMENT OF ARTHUR F. BURNS, COUNCIL OF ECONOMIC ADVISERS Mrs. CHURCH. Dr. Burns, will you proceed? Mr. BURNS. I hold two positions.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(
        turn_speakers(&c.transcript),
        [
            Some("mrs-church"),
            Some("mr-mccormack"),
            Some("mrs-church"),
            Some("mr-smith"),
            Some("mrs-church"),
            Some("mr-burns")
        ]
    );
    assert!(c.transcript.summary[0].starts_with("[H. Res. 263] RESOLUTION"));
}

#[test]
fn a_record_is_titled_by_its_item_after_the_sitting_date() {
    let text = "Meeting of the Parliament\n\nMeeting date: Thursday, February 23, 2017\n\nContents\n\nPoints of Order\n\nTavish Scott (Shetland Islands) (LD)\n\nOn a point of order, Presiding Officer.\n\nDouglas Ross (Highlands and Islands) (Con)\n\nFurther to that point of order.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(c.transcript.title, "Points of Order");
    assert_eq!(c.transcript.date.as_deref(), Some("2017-02-23"));
    // Elsewhere a heading after the date line is not the title.
    let text = "Daily Press Briefing\n\nOctober 14, 2015\n\nJohn Kirby, Spokesperson\n\nMR KIRBY: Good afternoon.\n\nQUESTION: Thanks.\n";
    let c = convert(text, &options("x.txt")).unwrap();
    assert_eq!(c.transcript.title, "Daily Press Briefing");
}
