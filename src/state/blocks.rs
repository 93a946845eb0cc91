//! The transcript's list of turns as shown: [`Block`]s (a turn, or a marker standing for
//! consecutive hidden turns), the block that shows a turn, and how many turns a viewer
//! that renders a long transcript in batches renders.

use super::stats::turn_speakers;
use super::view::ViewState;
use crate::model::Transcript;

/// One thing in the transcript's list of turns, as shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The turn at this index.
    Turn(usize),
    /// Consecutive hidden turns, by index, with the indices of their speakers (each once,
    /// in order of appearance).
    Hidden {
        /// The hidden turns.
        turns: Vec<usize>,
        /// Their speakers, as indices into `Transcript::speakers`.
        speakers: Vec<usize>,
    },
}

/// The turns and hidden-turn markers, in order.
pub fn blocks(transcript: &Transcript, state: &ViewState) -> Vec<Block> {
    blocks_with(transcript, state, &turn_speakers(transcript))
}

/// [`blocks`] with each turn's speaker index at hand (`turn_speakers`, which a viewer
/// keeps: looking 15,000 turns' speakers up again costs a toggle ~1.5 ms).
pub fn blocks_with(
    transcript: &Transcript,
    state: &ViewState,
    speakers: &[Option<usize>],
) -> Vec<Block> {
    let mut out: Vec<Block> = Vec::new();
    for i in 0..transcript.turns.len() {
        let speaker = speakers.get(i).copied().flatten();
        if state.shows(transcript, i) {
            out.push(Block::Turn(i));
            continue;
        }
        if let Some(Block::Hidden { turns, speakers }) = out.last_mut() {
            turns.push(i);
            if let Some(sp) = speaker.filter(|sp| !speakers.contains(sp)) {
                speakers.push(sp);
            }
        } else {
            out.push(Block::Hidden {
                turns: vec![i],
                speakers: speaker.into_iter().collect(),
            });
        }
    }
    out
}

/// The position in `blocks` of the block that shows (or stands for) turn `turn`.
pub fn block_of_turn(blocks: &[Block], turn: usize) -> Option<usize> {
    let last_turn = |b: &Block| match b {
        Block::Turn(i) => *i,
        Block::Hidden { turns, .. } => turns.last().copied().unwrap_or(0),
    };
    let at = blocks.partition_point(|b| last_turn(b) < turn);
    blocks.get(at).filter(|b| match b {
        Block::Turn(i) => *i == turn,
        Block::Hidden { turns, .. } => turns.first().is_some_and(|&first| first <= turn),
    })?;
    Some(at)
}

/// How many of the transcript's `turns` a viewer that renders a long transcript `batch`
/// turns at a time renders now (shown and hidden ones alike: a hidden turn is in the
/// page too, `hidden`): `rendered` so far, but at least up to `needed` (the current
/// match's turn, the URL's target turn), and all of them when `batch` is 0.
pub fn turns_to_render(
    turns: usize,
    batch: usize,
    rendered: usize,
    needed: &[Option<usize>],
) -> usize {
    if batch == 0 {
        return turns;
    }
    needed
        .iter()
        .flatten()
        .filter(|&&turn| turn < turns)
        .map(|turn| turn + 1)
        .fold(rendered.max(batch), usize::max)
        .min(turns)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::fixture::transcript;
    use crate::state::view::Action;

    #[test]
    fn blocks_are_found_by_turn_and_rendered_in_batches() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        // t1, [t2], t3, [t4], t5, t6
        let b = blocks(&t, &s);
        let found: Vec<Option<usize>> = (0..7).map(|turn| block_of_turn(&b, turn)).collect();
        assert_eq!(
            found,
            [Some(0), Some(1), Some(2), Some(3), Some(4), Some(5), None]
        );
        let all = blocks(&t, &ViewState::default());
        assert_eq!(block_of_turn(&all, 3), Some(3));
        // Two turns at a time; what is needed comes first; never more than there is.
        assert_eq!(turns_to_render(6, 2, 0, &[]), 2);
        assert_eq!(turns_to_render(6, 2, 4, &[None]), 4);
        assert_eq!(turns_to_render(6, 2, 2, &[Some(4), Some(1)]), 5);
        assert_eq!(turns_to_render(6, 2, 99, &[]), 6);
        assert_eq!(turns_to_render(6, 0, 0, &[]), 6);
        assert_eq!(turns_to_render(6, 2, 0, &[Some(99)]), 2);
    }

    #[test]
    fn blocks_with_speakers_at_hand_are_the_same_blocks() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        let speakers = turn_speakers(&t);
        assert_eq!(blocks_with(&t, &s, &speakers), blocks(&t, &s));
        // Too few speaker indices (a caller's mistake): every turn is still there.
        let few = blocks_with(&t, &s, &speakers[..2]);
        let turns: usize = few
            .iter()
            .map(|b| match b {
                Block::Turn(_) => 1,
                Block::Hidden { turns, .. } => turns.len(),
            })
            .sum();
        assert_eq!(turns, t.turns.len());
    }

    #[test]
    fn blocks_group_consecutive_hidden_turns() {
        let t = transcript();
        let s = ViewState::default().apply(Action::ToggleSpeaker("l".into()));
        assert_eq!(
            blocks(&t, &s),
            vec![
                Block::Turn(0),
                Block::Hidden {
                    turns: vec![1],
                    speakers: vec![1]
                },
                Block::Turn(2),
                Block::Hidden {
                    turns: vec![3],
                    speakers: vec![1]
                },
                Block::Turn(4),
                Block::Turn(5),
            ]
        );
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert_eq!(
            blocks(&t, &s)[1],
            Block::Hidden {
                turns: vec![1, 2, 3],
                speakers: vec![1, 2]
            }
        );
        // Revealing shows those turns only, until the filter changes.
        let s = s.apply(Action::Reveal(vec!["t2".into()]));
        assert_eq!(blocks(&t, &s)[1], Block::Turn(1));
        assert!(!s.shows(&t, 3));
        let s = s.apply(Action::ToggleSpeaker("q".into()));
        assert!(!s.shows(&t, 1) && s.shows(&t, 2));
    }
}
