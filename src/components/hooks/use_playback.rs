//! [`use_playback`]: the transcript follows its recording. While the media element
//! plays, the passage at its time is marked (turn, paragraph and word; see
//! `www/media.js`) and kept in view; a turn's time button seeks there; a `#t=83.2` or
//! `#t=83.2,95` fragment plays from there (to there); "play shown speakers only" skips
//! the turns the speaker filter hides. Which passage is playing is
//! [`Timeline::locate`], a binary search; what this hook adds is only the wiring.

use super::SamePointer;
use crate::components::dom;
use crate::components::dom::media::{Follow, Frames, Marks, Media, On};
use crate::model::{Time, Transcript};
use crate::state::{parse_time_fragment, word_range_utf16, Jump, Spot, Timeline, ViewState};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// What [`use_playback`] returns: the state of its controls and their callbacks.
#[derive(Clone, PartialEq)]
pub struct UsePlaybackHandle {
    /// A recording is there to follow: the transcript is timed and has a media element
    /// (its own, or the host's `media_for`).
    pub active: bool,
    /// The passage being played is kept in view (on by default; off by itself when the
    /// reader scrolls or searches).
    pub follow: bool,
    /// Turns following on (and brings the passage back into view) or off.
    pub on_follow: Callback<bool>,
    /// Playback skips the turns the speaker filter hides.
    pub shown_only: bool,
    /// Turns that on or off.
    pub on_shown_only: Callback<bool>,
    /// Plays from the start of the turn with this index.
    pub on_seek: Callback<usize>,
    /// Moves the recording to this time, playing or not as it was (a host's `seek`).
    pub on_seek_time: Callback<Time>,
    /// The recording failed to load.
    pub failed: bool,
}

/// The media sync's own state, shared by the element's listeners.
struct Sync {
    t: Rc<Transcript>,
    p: AttrValue,
    timeline: Timeline,
    media: Media,
    marks: Option<Marks>,
    follower: Follow,
    /// The passage marked, and its word's UTF-16 range.
    last: Option<(Spot, Option<(u32, u32)>)>,
    follow: bool,
    shown_only: bool,
    /// Per turn, whether the speaker filter shows it.
    shown: Rc<Vec<bool>>,
    /// Where a `#t=start,end` fragment stops playback.
    stop_at: Option<Time>,
    /// A seek asked for before the element knew its duration.
    pending: Option<Time>,
    frames: Option<Frames>,
}

impl Sync {
    /// Marks the passage at the element's time: the work of every time update. A
    /// binary search; the DOM is touched only when the passage or word changed.
    fn tick(&mut self) {
        // A seek asked for before the element could seek: done now that it can, and
        // meanwhile its time is the passage to show.
        if let Some(at) = self.pending {
            if !self.media.has_metadata() {
                return self.show(at);
            }
            self.pending = None;
            self.media.seek(at.seconds());
            return self.show(at);
        }
        let at = Time::from_seconds(self.media.current_time()).unwrap_or_default();
        if self.stop_at.is_some_and(|s| at >= s) {
            self.stop_at = None;
            self.media.pause();
        }
        if self.shown_only && !self.media.paused() {
            let shown = self.shown.clone();
            match self
                .timeline
                .skip_hidden(at, &|i| shown.get(i).copied().unwrap_or(true))
            {
                Some(Jump::To(next)) => return self.media.seek(next.seconds()),
                Some(Jump::End) => return self.media.pause(),
                None => {}
            }
        }
        self.show(at);
    }

    /// Marks the passage at `at` (and follows it when following).
    fn show(&mut self, at: Time) {
        let spot = self.timeline.locate(at);
        let Some(marks) = &self.marks else { return };
        let Some(spot) = spot else {
            if self.last.take().is_some() {
                marks.clear();
            }
            return;
        };
        let Some(turn) = self.t.turns.get(spot.turn) else {
            return;
        };
        let word = match self.last {
            // The same passage and word, still marked: nothing to do (most updates).
            Some((last, _)) if last == spot && marks.intact() => return,
            Some((last, word)) if last == spot => word,
            _ => spot
                .word
                .and_then(|w| word_range_utf16(turn.paragraphs.get(spot.paragraph)?, w)),
        };
        let turn_id = format!("{}{}", self.p, turn.id);
        let para_id = format!("{turn_id}-p{}", spot.paragraph + 1);
        let fresh = marks.mark(&turn_id, &para_id, word);
        if fresh && self.follow {
            self.follower.follow(Some(&para_id));
        }
        self.last = Some((spot, word));
    }

    /// Plays from `at`, now or once the element knows its duration.
    fn seek(&mut self, at: Time, play: bool) {
        if self.media.has_metadata() {
            self.media.seek(at.seconds());
        } else {
            self.pending = Some(at);
        }
        self.show(at);
        if play {
            self.media.play();
        }
    }

    /// The paragraph being played, when there is one.
    fn para_id(&self) -> Option<String> {
        let (spot, _) = self.last?;
        let turn = self.t.turns.get(spot.turn)?;
        Some(format!("{}{}-p{}", self.p, turn.id, spot.paragraph + 1))
    }
}

/// What [`use_playback`] wires together: the recording (the viewer's own element, or
/// the host's) to the transcript (see the module's documentation).
pub struct Playback<'a> {
    /// The viewer's root element.
    pub root: &'a NodeRef,
    /// The viewer's own media element (rendered when the transcript has `media`).
    pub own: &'a NodeRef,
    /// The `id` of the host's media element (`media_for`), or empty.
    pub host_id: &'a AttrValue,
    /// The transcript.
    pub transcript: &'a Rc<Transcript>,
    /// The viewer's id prefix.
    pub id_prefix: &'a AttrValue,
    /// The view state (the speaker filter; the search, which pauses following).
    pub state: &'a UseReducerHandle<ViewState>,
    /// The viewer's announcer.
    pub announce: &'a UseStateSetter<AttrValue>,
    /// What it says when following pauses by itself.
    pub paused_note: &'a AttrValue,
}

#[hook]
pub fn use_playback(wiring: Playback<'_>) -> UsePlaybackHandle {
    let Playback {
        root,
        own,
        host_id,
        transcript: t,
        id_prefix: p,
        state,
        announce,
        paused_note,
    } = wiring;
    let follow = use_state_eq(|| true);
    let shown_only = use_state_eq(|| false);
    let failed = use_state_eq(|| false);
    let active = use_state_eq(|| false);
    let sync: Rc<RefCell<Option<Sync>>> = use_mut_ref(|| None::<Sync>);
    // Per turn, whether the speaker filter shows it (for "shown speakers only").
    let shown = {
        let filter = (state.hidden.clone(), state.revealed.clone());
        use_memo((t.clone(), filter), |(t, (hidden, revealed))| {
            let filter = ViewState {
                hidden: hidden.clone(),
                revealed: revealed.clone(),
                ..ViewState::default()
            };
            turns_shown(t, &filter)
        })
    };

    // The element's listeners, for each transcript and element.
    {
        let (sync, root, own) = (sync.clone(), root.clone(), own.clone());
        let (set_follow, set_failed, set_active) =
            (follow.setter(), failed.setter(), active.setter());
        let (announce, note) = (announce.clone(), paused_note.clone());
        let shown = (*shown).clone();
        let (follow_now, shown_only_now) = (*follow, *shown_only);
        use_effect_with(
            (t.clone(), p.clone(), host_id.clone()),
            move |(t, p, host_id)| {
                let media = t.is_timed().then(|| Media::find(&own, host_id)).flatten();
                set_active.set(media.is_some());
                let mut listeners: Vec<On> = Vec::new();
                if let Some(media) = media {
                    *sync.borrow_mut() = Some(Sync {
                        t: t.clone(),
                        p: p.clone(),
                        timeline: Timeline::new(t),
                        media: media.clone(),
                        marks: Marks::new(&root),
                        follower: Follow::new(),
                        last: None,
                        follow: follow_now,
                        shown_only: shown_only_now,
                        shown,
                        stop_at: None,
                        pending: None,
                        frames: None,
                    });
                    let tick = {
                        let sync = sync.clone();
                        move || {
                            if let Some(s) = sync.borrow_mut().as_mut() {
                                s.tick();
                            }
                        }
                    };
                    for event in ["timeupdate", "seeked"] {
                        listeners.extend(media.on(event, tick.clone()));
                    }
                    // While it plays, every frame: the words follow closely (a
                    // `timeupdate` comes only every 250 ms or so).
                    let on_play = {
                        let (sync, tick) = (sync.clone(), tick.clone());
                        move || {
                            let frames = Frames::start(tick.clone());
                            if let Some(s) = sync.borrow_mut().as_mut() {
                                s.frames = frames;
                            }
                        }
                    };
                    listeners.extend(media.on("play", on_play));
                    for event in ["pause", "ended"] {
                        let (sync, tick) = (sync.clone(), tick.clone());
                        listeners.extend(media.on(event, move || {
                            if let Some(s) = sync.borrow_mut().as_mut() {
                                s.frames = None;
                            }
                            tick();
                        }));
                    }
                    // The element can seek: a seek asked for before is done.
                    for event in ["loadedmetadata", "durationchange", "canplay"] {
                        listeners.extend(media.on(event, tick.clone()));
                    }
                    listeners.extend(media.on("error", move || set_failed.set(true)));
                    // The reader scrolling the page pauses following.
                    let scrolled = {
                        let sync = sync.clone();
                        move || {
                            let was = sync
                                .borrow_mut()
                                .as_mut()
                                .map(|s| std::mem::replace(&mut s.follow, false));
                            if was == Some(true) {
                                set_follow.set(false);
                                announce.set(note.clone());
                            }
                        }
                    };
                    listeners.extend(dom::media::on_reader_scroll(scrolled));
                    // `#t=83.2` / `#t=83.2,95`: play from there (to there).
                    let fragment = {
                        let sync = sync.clone();
                        move || {
                            let hash = dom::location_hash().unwrap_or_default();
                            let Some((start, end)) = parse_time_fragment(&hash) else {
                                return;
                            };
                            if let Some(s) = sync.borrow_mut().as_mut() {
                                s.stop_at = end;
                                s.follow = true;
                                s.seek(start, false);
                                s.follower.follow(s.para_id().as_deref());
                            }
                        }
                    };
                    fragment();
                    let hash_listener = dom::Listener::window("hashchange", fragment);
                    tick();
                    let sync = sync.clone();
                    return Box::new(move || {
                        drop(hash_listener);
                        drop(listeners);
                        if let Some(s) = sync.borrow_mut().take() {
                            if let Some(m) = &s.marks {
                                m.clear();
                            }
                        }
                    }) as Box<dyn FnOnce()>;
                }
                Box::new(|| ()) as Box<dyn FnOnce()>
            },
        );
    }
    // The speaker filter, for "shown speakers only".
    {
        let sync = sync.clone();
        use_effect_with(SamePointer(shown.clone()), move |shown| {
            if let Some(s) = sync.borrow_mut().as_mut() {
                s.shown = (*shown.0).clone();
            }
        });
    }
    // A search pauses following: the reader is looking for something else.
    {
        let (sync, set_follow) = (sync.clone(), follow.setter());
        let (announce, note) = (announce.clone(), paused_note.clone());
        use_effect_with((state.query.clone(), state.current), move |(query, _)| {
            if query.is_empty() {
                return;
            }
            if let Some(s) = sync.borrow_mut().as_mut() {
                if std::mem::replace(&mut s.follow, false) {
                    set_follow.set(false);
                    announce.set(note);
                }
            }
        });
    }
    let on_follow = {
        let (sync, set) = (sync.clone(), follow.setter());
        Callback::from(move |on: bool| {
            if let Some(s) = sync.borrow_mut().as_mut() {
                s.follow = on;
                let id = s.para_id().filter(|_| on);
                s.follower.follow(id.as_deref());
            }
            set.set(on);
        })
    };
    let on_shown_only = {
        let (sync, set) = (sync.clone(), shown_only.setter());
        Callback::from(move |on: bool| {
            if let Some(s) = sync.borrow_mut().as_mut() {
                s.shown_only = on;
            }
            set.set(on);
        })
    };
    let on_seek = {
        let (sync, set) = (sync.clone(), follow.setter());
        Callback::from(move |turn: usize| {
            let mut s = sync.borrow_mut();
            let Some(s) = s.as_mut() else { return };
            let Some(at) = s.timeline.turn_start(turn) else {
                return;
            };
            s.stop_at = None;
            s.follow = true;
            s.seek(at, true);
            set.set(true);
        })
    };
    let on_seek_time = {
        let sync = sync.clone();
        Callback::from(move |at: Time| {
            let mut s = sync.borrow_mut();
            let Some(s) = s.as_mut() else { return };
            s.stop_at = None;
            s.seek(at, false);
        })
    };
    UsePlaybackHandle {
        on_seek_time,
        active: *active,
        follow: *follow,
        on_follow,
        shown_only: *shown_only,
        on_shown_only,
        on_seek,
        failed: *failed,
    }
}

/// Per turn of `t`, whether the speaker filter of `state` shows it (nothing for an
/// untimed transcript, which plays nothing).
fn turns_shown(t: &Transcript, state: &ViewState) -> Rc<Vec<bool>> {
    if !t.is_timed() {
        return Rc::default();
    }
    Rc::new((0..t.turns.len()).map(|i| state.shows(t, i)).collect())
}
