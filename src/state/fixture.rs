//! The small transcript the state modules' tests share (six turns, three speakers, one
//! unattributed turn), and a search of it as a state asks.

use super::{find, Matches, SearchIndex, ViewState};
use crate::model::{Source, Speaker, Time, Timing, Transcript, Turn, SCHEMA_VERSION};

/// "Talks on trade": speakers `p`, `l` and `q`, turns `t1` to `t6` (`t6` unattributed).
pub(super) fn transcript() -> Transcript {
    let sp = |id: &str| Speaker {
        id: id.into(),
        name: id.to_uppercase(),
        role: None,
        anonymous: false,
    };
    let turn = |n: usize, sp: Option<&str>, text: &str| Turn {
        id: format!("t{n}"),
        speaker: sp.map(Into::into),
        annotation: None,
        paragraphs: text.split('|').map(str::to_string).collect(),
        ..Default::default()
    };
    Transcript {
        schema: SCHEMA_VERSION,
        lang: "en".into(),
        title: "Talks on trade".into(),
        date: None,
        time: None,
        place: None,
        dateline: None,
        kind: None,
        summary: vec!["They discussed trade.".into()],
        speakers: vec![sp("p"), sp("l"), sp("q")],
        turns: vec![
            turn(1, Some("p"), "Mr President, trade.|More trade talk."),
            turn(2, Some("l"), "Thank you, Mr President."),
            turn(3, Some("q"), "A question on trade?"),
            turn(4, Some("l"), "Yes, trade."),
            turn(5, Some("p"), "Thank you."),
            turn(6, None, "Narration about trade."),
        ],
        source: Source {
            file: "x".into(),
            credit: None,
            license: None,
            url: None,
        },
        ..Default::default()
    }
}

/// The visible matches of `state`'s search in `t`.
pub(super) fn search(t: &Transcript, state: &ViewState) -> Matches {
    find(t, &SearchIndex::new(t, state.options.fold_mode()), state)
}

/// A turn `t` of `speaker` whose paragraphs are `text` split at `|`, timed by `times`:
/// per paragraph (start, end, word starts), all in ms (none: untimed).
pub(super) fn timed_turn(speaker: Option<&str>, text: &str, times: &[(u64, u64, &[u64])]) -> Turn {
    Turn {
        id: "t".into(),
        speaker: speaker.map(Into::into),
        paragraphs: text.split('|').map(str::to_string).collect(),
        times: times
            .iter()
            .map(|&(a, b, w)| {
                let w: Vec<Time> = w.iter().map(|&w| Time(w)).collect();
                Timing::with_word_starts(Time(a), Time(b), &w)
            })
            .collect(),
        ..Default::default()
    }
}
