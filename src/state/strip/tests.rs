//! Native tests of the strip's layout, runs, outlines, ticks, keys and view.

use super::*;
use crate::model::{Speaker, Turn};
use crate::state::fixture::{timed_turn, transcript};
use crate::state::{blocks_with, turn_speakers, Match, ViewState};

fn strip_of(t: &Transcript) -> Strip {
    Strip::new(t, &turn_speakers(t))
}

fn spans(s: &Strip) -> Vec<Range<u64>> {
    (0..s.len()).filter_map(|i| s.span(i)).collect()
}

#[test]
fn untimed_turns_are_placed_by_their_words() {
    let t = transcript();
    let s = strip_of(&t);
    assert_eq!(s.measure, Measure::Words);
    // 3 + 3, 4, 4, 2, 2, 3 words.
    assert_eq!(spans(&s), [0..6, 6..10, 10..14, 14..16, 16..18, 18..21]);
    assert_eq!(s.total, 21);
    assert_eq!(s.speaker(0), Some(0));
    assert_eq!(s.speaker(5), None);
    assert_eq!(s.words(0), 6);
    assert_eq!(s.percent(21), "100%");
    assert_eq!(s.percent(99), "100%");
    assert_eq!(s.percent(0), "0%");
    assert_eq!(s.percent(6), "28.571%");
    assert_eq!(s.time(3), None);
}

#[test]
fn no_turns_one_turn_and_wordless_turns_still_have_a_strip() {
    let mut t = transcript();
    t.turns.clear();
    let s = strip_of(&t);
    assert!(s.is_empty());
    assert_eq!(s.total, 1, "never a division by zero");
    assert!(s.runs(&[], true).is_empty());
    assert_eq!(s.turn_at(0.5), None);
    assert_eq!(s.tick(0), None);
    assert_eq!(step(0, StripKey::Next, 0), None);

    let mut one = transcript();
    one.turns.truncate(1);
    let s = strip_of(&one);
    assert_eq!((s.len(), s.span(0)), (1, Some(0..6)));
    assert_eq!(s.turn_at(0.0), Some(0));
    assert_eq!(s.turn_at(1.0), Some(0));
    assert_eq!(s.tick(0), Some(500));
    assert_eq!(step(0, StripKey::Next, 1), Some(0));
    assert_eq!(step(0, StripKey::PageBack, 1), Some(0));

    // Turns of no words (a dash, an empty paragraph) count one each.
    let mut t = transcript();
    t.turns[1].paragraphs = vec!["\u{2014}".into()];
    t.turns[2].paragraphs = vec![];
    let s = strip_of(&t);
    assert_eq!(s.span(1), Some(6..7));
    assert_eq!(s.span(2), Some(7..8));
    assert_eq!(s.words(1), 0);
    assert_eq!(s.turn_at(6.5 / s.total as f64), Some(1));
}

fn timed(times: &[(Option<u64>, Option<u64>)]) -> Transcript {
    let mut t = transcript();
    t.turns = times
        .iter()
        .enumerate()
        .map(|(i, &(start, end))| Turn {
            id: format!("t{}", i + 1),
            speaker: Some(["p", "l"][i % 2].into()),
            start: start.map(Time),
            end: end.map(Time),
            ..timed_turn(None, "a b", &[])
        })
        .collect();
    t
}

#[test]
fn timed_turns_are_placed_by_time_with_gaps_and_overlaps_cut() {
    // From 10 s: a gap after the first turn, the second runs into the third, the
    // third has no end (it ends where the fourth starts), the last none either.
    let t = timed(&[
        (Some(10_000), Some(12_000)),
        (Some(15_000), Some(19_000)),
        (Some(18_000), None),
        (Some(20_000), Some(26_000)),
        (Some(26_000), None),
    ]);
    let s = strip_of(&t);
    assert_eq!(s.measure, Measure::Time);
    assert_eq!(
        spans(&s),
        [
            0..2_000,
            5_000..8_000,
            8_000..10_000,
            10_000..16_000,
            16_000..16_000
        ]
    );
    assert_eq!(s.total, 16_000);
    assert_eq!(s.time(5_000), Some(Time(15_000)));
    // In the gap, the turn after it.
    assert_eq!(s.turn_at(3_000.0 / 16_000.0), Some(1));
    assert_eq!(s.turn_at(1.0), Some(4));
    assert_eq!(s.turn_at(f64::NAN), Some(0));
    // Drawn runs end at the gap; listed ones do not (all alternate speakers here,
    // so give two turns one speaker).
    let mut t = t;
    t.turns[1].speaker = Some("p".into());
    let s = strip_of(&t);
    let none = vec![false; 5];
    // p, p, p, l, p: the first turn's run ends at the gap.
    let drawn: Vec<Range<usize>> = s.runs(&none, true).into_iter().map(|r| r.turns).collect();
    assert_eq!(drawn, [0..1, 1..3, 3..4, 4..5]);
    let listed = s.runs(&none, false);
    assert_eq!(listed[0].turns, 0..3);
    assert_eq!(listed[0].span, 0..10_000);
    assert_eq!(listed[0].words, 6);
}

#[test]
fn partly_timed_or_unordered_turns_fall_back_to_words() {
    let t = timed(&[(Some(1_000), Some(2_000)), (None, None)]);
    assert_eq!(strip_of(&t).measure, Measure::Words);
    let t = timed(&[(Some(5_000), None), (Some(1_000), None)]);
    assert_eq!(strip_of(&t).measure, Measure::Words);
    // Times from the paragraphs when the turn has none of its own.
    let mut t = transcript();
    t.turns = vec![
        timed_turn(Some("p"), "a b", &[(1_000, 3_000, &[])]),
        timed_turn(Some("l"), "c", &[(3_000, 4_000, &[])]),
    ];
    let s = strip_of(&t);
    assert_eq!(s.measure, Measure::Time);
    assert_eq!(spans(&s), [0..2_000, 2_000..3_000]);
}

#[test]
fn runs_join_a_speakers_consecutive_turns_and_keep_hidden_ones_apart() {
    let mut t = transcript();
    // p, p, l, l, l(revealed), unattributed.
    t.turns[1].speaker = Some("p".into());
    t.turns[2].speaker = Some("l".into());
    t.turns[4].speaker = Some("l".into());
    let state = ViewState {
        hidden: ["l".to_string()].into(),
        revealed: ["t5".to_string()].into(),
        ..ViewState::default()
    };
    let blocks = blocks_with(&t, &state, &turn_speakers(&t));
    let hidden = hidden_turns(&blocks, t.turns.len());
    assert_eq!(hidden, [false, false, true, true, false, false]);
    let s = strip_of(&t);
    let runs = s.runs(&hidden, true);
    let shape: Vec<(Option<usize>, Range<usize>, bool)> = runs
        .iter()
        .map(|r| (r.speaker, r.turns.clone(), r.hidden))
        .collect();
    assert_eq!(
        shape,
        [
            (Some(0), 0..2, false),
            (Some(1), 2..4, true),
            (Some(1), 4..5, false),
            (None, 5..6, false),
        ]
    );
    assert_eq!(runs[0].span, 0..10);
    assert_eq!(runs[0].words, 10);
    // The runs cover the strip end to end.
    assert_eq!(runs.last().unwrap().span.end, s.total);
    // A short `hidden` hides nothing past its end: p, l and the unattributed turn.
    assert_eq!(s.runs(&[], true).len(), 3);
}

#[test]
fn ticks_are_one_per_turn_and_thousandth_in_order() {
    let t = transcript();
    let s = strip_of(&t);
    let at = |place| Match { place, range: 0..1 };
    let matches = Matches {
        all: vec![
            at(Place::Title),
            at(Place::Summary(0)),
            at(Place::Turn(0, 0)),
            at(Place::Turn(0, 1)),
            at(Place::Turn(3, 0)),
            at(Place::Turn(5, 0)),
        ],
        ..Matches::default()
    };
    // Middles of 0..6, 14..16, 18..21 of 21.
    assert_eq!(s.ticks(&matches), [143, 714, 929]);
    assert!(s.ticks(&Matches::default()).is_empty());
    assert_eq!(s.tick(99), None);
}

#[test]
fn fifteen_hundred_turns_give_at_most_a_thousand_and_one_ticks() {
    let mut t = transcript();
    let turn = t.turns[0].clone();
    t.turns = (0..1_500)
        .map(|i| Turn {
            id: format!("t{i}"),
            speaker: Some(["p", "l", "q"][i % 3].into()),
            ..turn.clone()
        })
        .collect();
    let s = strip_of(&t);
    assert_eq!(s.len(), 1_500);
    assert_eq!(s.total, 9_000);
    assert_eq!(s.runs(&vec![false; 1_500], true).len(), 1_500);
    let matches = Matches {
        all: (0..1_500)
            .map(|i| Match {
                place: Place::Turn(i, 0),
                range: 0..1,
            })
            .collect(),
        ..Matches::default()
    };
    let ticks = s.ticks(&matches);
    assert!(ticks.len() <= 1_001 && ticks.len() > 900, "{}", ticks.len());
    assert!(ticks.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(s.turn_at(0.5), Some(750));
    assert_eq!(step(700, StripKey::PageForward, 1_500), Some(850));
    assert_eq!(step(100, StripKey::PageBack, 1_500), Some(0));
}

#[test]
fn percentages_and_shares_are_exact_without_floats() {
    assert_eq!(percent_of(1, 3), "33.333%");
    assert_eq!(percent_of(2, 3), "66.667%");
    assert_eq!(percent_of(1, 2), "50%");
    assert_eq!(percent_of(1, 200_000), "0.001%");
    assert_eq!(percent_of(1, 300_000), "0%");
    assert_eq!(percent_of(5, 0), "0%");
    assert_eq!(percent_of(u64::MAX, u64::MAX), "100%");
    assert_eq!(word_share(43, 100), (43, false));
    assert_eq!(word_share(1, 3), (33, false));
    assert_eq!(word_share(2, 3), (67, false));
    assert_eq!(word_share(1, 1_000), (0, true));
    assert_eq!(word_share(0, 1_000), (0, false));
    assert_eq!(word_share(0, 0), (0, false));
    assert_eq!(word_share(5, 5), (100, false));
}

#[test]
fn bands_draw_a_rectangle_per_run_one_path_per_colour_pattern_and_state() {
    let mut t = transcript();
    // p, p, l, l(hidden), p, unattributed: 6, 4, 4, 2, 2, 3 words of 21.
    t.turns[1].speaker = Some("p".into());
    t.turns[2].speaker = Some("l".into());
    let s = strip_of(&t);
    let hidden = [false, false, false, true, false, false];
    let bands = s.bands(&s.runs(&hidden, true));
    let keys: Vec<Layer<Option<usize>>> = bands.colours.iter().map(|(k, _)| *k).collect();
    // Speaker 0 is colour 0, speaker 1 colour 1; the unattributed turn has none.
    assert_eq!(
        keys,
        [
            (Some(0), false),
            (Some(1), false),
            (Some(1), true),
            (None, false)
        ]
    );
    assert_eq!(
        bands.colours[0].1,
        "M0 0h47619v1h-47619zM76190 0h9524v1h-9524z"
    );
    assert_eq!(bands.colours[3].1, "M85714 0h14286v1h-14286z");
    // Neighbours abut exactly: each ends where the next starts.
    assert_eq!(bands.colours[1].1, "M47619 0h19048v1h-19048z");
    // Speaker 0's pattern is plain (no marks to draw); speaker 1's is pattern 1, its
    // marks over the same runs as its colour.
    let patterns: Vec<&(Layer<usize>, String)> = bands.patterns.iter().collect();
    assert_eq!(patterns.len(), 2);
    assert_eq!(patterns[0].0, (1, false));
    assert_eq!(patterns[0].1, bands.colours[1].1);
    assert_eq!(patterns[1].0, (1, true));
    assert_eq!(patterns[1].1, bands.colours[2].1);
    // A run of no time is not drawn.
    let t = timed(&[(Some(0), Some(1_000)), (Some(1_000), Some(1_000))]);
    let s = strip_of(&t);
    assert_eq!(s.bands(&s.runs(&[], true)).colours.len(), 1);
}

#[test]
fn speakers_who_share_a_colour_share_its_outline_and_patterns_tell_them_apart() {
    // Speakers 0 and 8 share colour 0 (8 colours); their patterns are 0 and 1.
    let mut t = transcript();
    let base = t.speakers[0].clone();
    t.speakers = (0..9)
        .map(|i| Speaker {
            id: format!("s{i}"),
            name: format!("Speaker {i}"),
            ..base.clone()
        })
        .collect();
    for (turn, speaker) in t.turns.iter_mut().zip(["s0", "s8", "s0", "s8", "s0", "s8"]) {
        turn.speaker = Some(speaker.into());
    }
    let s = strip_of(&t);
    let bands = s.bands(&s.runs(&[], true));
    assert_eq!(bands.colours.len(), 1);
    assert_eq!(bands.colours[0].1.matches('M').count(), 6);
    assert_eq!(bands.patterns.len(), 1);
    assert_eq!(bands.patterns[0].0, (Style::of(8).pattern, false));
    assert_eq!(bands.patterns[0].1.matches('M').count(), 3);
}

#[test]
fn keys_step_the_slider() {
    assert_eq!(StripKey::from_key("ArrowRight"), Some(StripKey::Next));
    assert_eq!(StripKey::from_key("ArrowDown"), Some(StripKey::Next));
    assert_eq!(StripKey::from_key("ArrowUp"), Some(StripKey::Previous));
    assert_eq!(StripKey::from_key("Home"), Some(StripKey::First));
    assert_eq!(StripKey::from_key("Tab"), None);
    assert_eq!(StripKey::from_key("a"), None);
    let cases = [
        (5, StripKey::Previous, 4),
        (0, StripKey::Previous, 0),
        (5, StripKey::Next, 6),
        (47, StripKey::Next, 47),
        (10, StripKey::PageForward, 15),
        (45, StripKey::PageForward, 47),
        (3, StripKey::PageBack, 0),
        (30, StripKey::First, 0),
        (3, StripKey::Last, 47),
        (12, StripKey::Enter, 12),
        (99, StripKey::Previous, 46),
    ];
    for (from, key, to) in cases {
        assert_eq!(step(from, key, 48), Some(to), "{from} {key:?}");
    }
}

#[test]
fn the_view_is_the_turns_whose_boxes_cross_the_band() {
    let boxes: Vec<TurnBox> = [
        (2, -300.0, -10.0),
        (3, -10.0, 200.0),
        (5, 200.0, 900.0),
        (6, 900.0, 1400.0),
    ]
    .iter()
    .map(|&(turn, top, bottom)| TurnBox { turn, top, bottom })
    .collect();
    assert_eq!(turns_in_view(&boxes, (0.0, 800.0)), Some((3, 5)));
    assert_eq!(turns_in_view(&boxes, (80.0, 1000.0)), Some((3, 6)));
    // A box that just touches the band's edge is not in it.
    assert_eq!(turns_in_view(&boxes, (200.0, 900.0)), Some((5, 5)));
    assert_eq!(turns_in_view(&boxes, (2000.0, 2800.0)), None);
    assert_eq!(turns_in_view(&[], (0.0, 800.0)), None);
    // A turn of no height (hidden) is never in view.
    let flat = [TurnBox {
        turn: 1,
        top: 100.0,
        bottom: 100.0,
    }];
    assert_eq!(turns_in_view(&flat, (0.0, 800.0)), None);
}

#[test]
fn the_slider_keeps_the_keyed_turn_while_it_is_in_view() {
    assert_eq!(slider_value(Some(7), Some((5, 9)), 48), 7);
    assert_eq!(slider_value(Some(2), Some((5, 9)), 48), 5);
    assert_eq!(slider_value(None, Some((5, 9)), 48), 5);
    assert_eq!(slider_value(Some(47), None, 48), 47);
    assert_eq!(slider_value(None, None, 48), 0);
    assert_eq!(slider_value(Some(60), None, 48), 47);
    assert_eq!(slider_value(None, None, 0), 0);
}

#[test]
fn speakers_past_the_palette_cycle_colour_and_pattern() {
    let styles: Vec<Style> = (0..COLOURS * PATTERNS).map(Style::of).collect();
    let mut keys: Vec<usize> = styles.iter().map(|s| s.key()).collect();
    keys.sort_unstable();
    keys.dedup();
    assert_eq!(keys.len(), 56, "every pair once");
    assert!(keys.iter().all(|&k| k < COLOURS * PATTERNS));
    assert_eq!(Style::of(56), Style::of(0));
    // Neighbours in the speaker list differ in both.
    for i in 0..60 {
        let (a, b) = (Style::of(i), Style::of(i + 1));
        assert!(a.colour != b.colour && a.pattern != b.pattern, "{i}");
    }
}

#[test]
fn patterns_mark_their_tile_and_a_whole_bar() {
    assert_eq!(pattern_marks(0, 8, 8), "");
    assert_eq!(pattern_marks(3, 8, 8), "M0 4h8");
    assert_eq!(pattern_marks(4, 16, 8), "M4 0v8M12 0v8");
    for p in 1..PATTERNS {
        let tile = pattern_marks(p, TILE, TILE);
        assert!(tile.starts_with('M'), "{p}: {tile}");
        assert!(!tile.contains("NaN"));
        // A bar of 5 × 2 tiles holds ten of them.
        let bar = pattern_marks(p, 40, 16);
        assert_eq!(
            bar.matches('M').count(),
            tile.matches('M').count() * 10,
            "{p}"
        );
    }
    assert_eq!(pattern_marks(3, 0, 0), "");
}

#[test]
fn outline_numbers_are_written_and_scaled_like_fmt_and_128_bits() {
    for n in [0, 7, 10, 99_999, 100_000, u64::MAX] {
        let mut s = String::from("x");
        push_number(&mut s, n);
        assert_eq!(s, format!("x{n}"));
    }
    let mut t = transcript();
    t.turns.truncate(1);
    let mut s = strip_of(&t);
    for total in [1, 3, 21, 1 << 40, u64::MAX / 3, u64::MAX] {
        s.total = total;
        let scale = s.scale_to(OUTLINE_UNITS);
        for at in [0, 1, total / 3, total / 2, total - 1, total] {
            let wide = (u128::from(at) * u128::from(OUTLINE_UNITS) + u128::from(total) / 2)
                / u128::from(total);
            assert_eq!(u128::from(scale(at)), wide, "{at} of {total}");
        }
    }
}
