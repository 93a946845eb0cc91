//! The converter on its corpus (`tests/corpus/`): real excerpts with hand-written
//! expectations. Prints the scorer's table and holds the converter to its floors: every
//! field of every kremlin.ru, briefing, hearing and caption excerpt right, the excerpts listed in `EXACT`
//! read exactly, and no shape nor the total below what was last measured
//! (docs/converter.md has the table and the targets still ahead).

use std::path::Path;
use transcript_viewer::convert::corpus::{self, Score};

/// Excerpts of the other shapes that are read exactly (every field right).
const EXACT: &[&str] = &[
    "briefing/biden-jean-pierre-kirby-press-briefing-2023-04-20.txt",
    "briefing/biden-remarks-before-air-force-one-departure-joint-base-andrews-2023-08-17.txt",
    "briefing/biden-remarks-before-marine-one-departure-2022-12-06.txt",
    "briefing/defense-morrell-news-briefing-2008-03-10.txt",
    "briefing/obama-earnest-daily-press-briefing-2015-06-04.txt",
    "briefing/obama-earnest-press-briefing-2015-06-05.txt",
    "briefing/obama-remarks-bilateral-meeting-premier-wen-jiabao.txt",
    "briefing/state-kirby-daily-press-briefing-2015-10-14.txt",
    "briefing/state-price-department-press-briefing-2023-02-02.txt",
    "briefing/trump-sanders-press-gaggle-aboard-air-force-one-2017-08-23.txt",
    "hansard/commons-hansard-1990-07-10-points-of-order.txt",
    "hansard/historic-hansard-1967-questions-to-ministers.txt",
    "hansard/historic-hansard-1989-points-of-order.txt",
    "hansard/lords-hansard-1999-05-13-peers-title-debate.txt",
    "hansard/parallelparliament-2011-09-05-lords-lord-speaker-baroness-hayman.txt",
    "hansard/parallelparliament-2013-03-06-sittings-of-the-house.txt",
    "hansard/parallelparliament-2018-12-19-points-of-order-ministerial-extracts.txt",
    "hansard/parallelparliament-2024-02-21-speakers-statement-madam-deputy-speaker.txt",
    "hansard/parallelparliament-2025-03-05-prime-ministers-questions.txt",
    "hansard/scottish-parliament-2017-02-23-points-of-order.txt",
    "hansard/scottish-parliament-2019-12-11-portfolio-question-time-justice.txt",
    "hansard/theyworkforyou-2020-03-25-points-of-order.txt",
    "hansard/theyworkforyou-scottish-parliament-2023-02-23-decision-time.txt",
    "mirror/centinel2012-trump-macron-nato-bilat-2018.txt",
    "mirror/goldfishreport-trump-marine-one-departure-2019-04-26.txt",
    "mirror/jrl-archive-putin-larry-king-cnn-interview.txt",
    "mirror/karlof1-substack-spief-news-agencies-2024.txt",
    "mirror/newskitchen-putin-meeting-turkish-speaker-sentop.txt",
    "mirror/russialist-direct-line-2019-concluded.txt",
    "mirror/scorchinghotnews-putin-annual-news-conference-attribution.txt",
    "mirror/voltairenet-direct-line-2016.txt",
];

/// Shapes whose every field must be right.
const WHOLE: &[&str] = &["kremlin", "captions", "briefing", "hearing"];

/// The floors: fields right per shape, in percent (the measured value, rounded down).
const FLOORS: &[(&str, f64)] = &[
    ("briefing", 100.0),
    ("captions", 100.0),
    ("hansard", 97.0),
    ("hearing", 100.0),
    ("kremlin", 100.0),
    ("mirror", 96.0),
];
const TOTAL_FLOOR: f64 = 98.0;

fn percent(scores: &[&Score]) -> f64 {
    let (right, all) = corpus::ratio(scores.iter().copied());
    100.0 * right as f64 / all.max(1) as f64
}

#[test]
fn the_corpus_scores_at_or_above_its_floors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let scores = corpus::run(&dir).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", corpus::table(&scores));
    assert!(
        scores.len() >= 30,
        "the corpus has {} excerpts; at least 30",
        scores.len()
    );
    let mut failures = Vec::new();
    for s in &scores {
        let must = WHOLE.contains(&s.shape.as_str()) || EXACT.contains(&s.file.as_str());
        if must && !s.misses.is_empty() {
            failures.push(format!("{}: {}", s.file, s.misses.join("; ")));
        }
    }
    for name in EXACT {
        if !scores.iter().any(|s| s.file == *name) {
            failures.push(format!("{name}: listed in EXACT but not in the corpus"));
        }
    }
    for (shape, floor) in FLOORS {
        let of: Vec<&Score> = scores.iter().filter(|s| s.shape == *shape).collect();
        assert!(of.len() >= 2, "shape {shape} has {} excerpts", of.len());
        let p = percent(&of);
        if p < *floor {
            failures.push(format!(
                "{shape}: {p:.1} % of fields right, below its floor {floor} %"
            ));
        }
    }
    let all: Vec<&Score> = scores.iter().collect();
    let p = percent(&all);
    if p < TOTAL_FLOOR {
        failures.push(format!(
            "total: {p:.1} % of fields right, below its floor {TOTAL_FLOOR} %"
        ));
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_shape_named_in_the_corpus_has_a_floor() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    for (_, expect) in corpus::excerpts(&dir).unwrap() {
        let shape = expect
            .parent()
            .and_then(Path::file_name)
            .unwrap()
            .to_string_lossy()
            .to_string();
        assert!(
            FLOORS.iter().any(|(s, _)| *s == shape),
            "{shape} has no floor"
        );
        let text = std::fs::read_to_string(&expect).unwrap();
        let e = corpus::parse_expect(&text, &expect.display().to_string()).unwrap();
        assert_eq!(e.shape, shape, "{}: shape is its folder", expect.display());
        assert!(
            !e.licence.is_empty() && !e.source.is_empty(),
            "{}",
            expect.display()
        );
    }
}
