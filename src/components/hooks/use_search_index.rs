//! [`use_search_index`]: the search index of a transcript, built in the background.

use super::SamePointer;
use crate::components::dom;
use crate::model::Transcript;
use crate::search::FoldMode;
use crate::state::{IndexBuilder, SearchIndex};
use std::rc::Rc;
use yew::prelude::*;

/// Turns folded per task while the search index is built in the background.
const INDEX_BATCH: usize = 400;

/// The search index of `t` in fold `mode`, `None` while it is being built. It is folded
/// a batch of turns per task after the transcript shows (so a long one shows at once),
/// or all at once when a search needs it sooner (`now`, e.g. while the query is not
/// empty). Each batch is a zero-delay timeout that renders again when it is done.
#[hook]
pub fn use_search_index(t: &Rc<Transcript>, mode: FoldMode, now: bool) -> Option<Rc<SearchIndex>> {
    let index_cache = use_mut_ref(IndexCache::default);
    let index_steps = use_state_eq(|| 0usize);
    let index = index_cache.borrow_mut().get(t, mode, now);
    {
        let (cache, steps, t) = (index_cache.clone(), index_steps.clone(), t.clone());
        let key = (SamePointer(t.clone()), mode, index.is_none(), *index_steps);
        use_effect_with(key, move |(_, mode, missing, step)| {
            let (mode, step) = (*mode, *step);
            let next = missing
                .then(|| {
                    dom::Timeout::new(0, move || {
                        cache.borrow_mut().fold_some(&t, mode);
                        steps.set(step + 1);
                    })
                })
                .flatten();
            move || drop(next)
        });
    }
    index
}

/// The viewer's search index for one transcript and fold mode: complete, or being built.
#[derive(Default)]
struct IndexCache {
    of: Option<(Rc<Transcript>, FoldMode)>,
    building: Option<IndexBuilder>,
    done: Option<Rc<SearchIndex>>,
}

impl IndexCache {
    /// Starts over when the transcript or the mode changed.
    fn follow(&mut self, t: &Rc<Transcript>, mode: FoldMode) {
        let same = matches!(&self.of, Some((of, m)) if Rc::ptr_eq(of, t) && *m == mode);
        if !same {
            *self = IndexCache {
                of: Some((t.clone(), mode)),
                building: Some(IndexBuilder::new(t, mode)),
                done: None,
            };
        }
    }

    /// The complete index, if it is there; with `now`, finished first.
    fn get(&mut self, t: &Rc<Transcript>, mode: FoldMode, now: bool) -> Option<Rc<SearchIndex>> {
        self.follow(t, mode);
        if now {
            while self.done.is_none() {
                self.fold(t, usize::MAX);
            }
        }
        self.done.clone()
    }

    /// Folds the next batch of turns.
    fn fold_some(&mut self, t: &Rc<Transcript>, mode: FoldMode) {
        self.follow(t, mode);
        self.fold(t, INDEX_BATCH);
    }

    fn fold(&mut self, t: &Transcript, turns: usize) {
        match self.building.take() {
            Some(mut builder) => {
                if builder.fold_turns(t, turns) {
                    self.done = Some(Rc::new(builder.finish()));
                } else {
                    self.building = Some(builder);
                }
            }
            // Nothing being built and nothing done cannot happen after `follow`; start
            // over rather than loop.
            None if self.done.is_none() => {
                let mode = self.of.as_ref().map_or_else(FoldMode::default, |(_, m)| *m);
                self.done = Some(Rc::new(SearchIndex::new(t, mode)));
            }
            None => {}
        }
    }
}
