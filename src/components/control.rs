//! [`ViewerControl`]: how a host drives a mounted viewer (the JavaScript handle's
//! `setQuery`, `setHidden`, `seek`; the same from Yew) and reads what it shows.

use crate::model::Time;
use crate::state::ReaderState;
use std::cell::RefCell;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::Callback;

/// What a host can ask a viewer to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// Search for this text (empty: no search), as if the reader had typed it.
    SetQuery(String),
    /// Set the search toggles given (`None`: leave it).
    SetSearchOptions {
        whole_words: Option<bool>,
        match_diacritics: Option<bool>,
    },
    /// Hide exactly these speakers' turns (ids the transcript does not have are kept
    /// and hide nothing).
    SetHidden(BTreeSet<String>),
    /// Move to the next match (wrapping), or with `false` the previous one.
    Step { forward: bool },
    /// Move the recording of a timed transcript to this time (it does not start
    /// playing); nothing on a transcript without one.
    Seek(Time),
}

#[derive(Default)]
struct Inner {
    /// The mounted viewer's handler of commands, once it has rendered.
    sink: Option<Callback<Command>>,
    /// Commands sent before that, handled in order as soon as it is there.
    queue: Vec<Command>,
    /// What the viewer last reported.
    state: Option<ReaderState>,
}

/// A remote control for one `TranscriptViewer` (its `control` prop): clone it, keep one,
/// and [`send`](Self::send) commands; a command sent before the viewer has mounted (its
/// transcript still loading) waits for it. [`state`](Self::state) is what the viewer
/// shows now. Two controls are equal when they are the same control.
#[derive(Clone, Default)]
pub struct ViewerControl(Rc<RefCell<Inner>>);

impl PartialEq for ViewerControl {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for ViewerControl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ViewerControl")
    }
}

impl ViewerControl {
    /// A control for a viewer not mounted yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the viewer to do `command`, now, or once it has mounted.
    pub fn send(&self, command: Command) {
        let sink = self.0.borrow().sink.clone();
        match sink {
            Some(sink) => sink.emit(command),
            None => self.0.borrow_mut().queue.push(command),
        }
    }

    /// What the viewer shows now; `None` until it has rendered a transcript.
    pub fn state(&self) -> Option<ReaderState> {
        self.0.borrow().state.clone()
    }

    /// The viewer's side: handles commands with `sink` from now on, starting with the
    /// ones waiting.
    pub(crate) fn attach(&self, sink: Callback<Command>) {
        let waiting = {
            let mut inner = self.0.borrow_mut();
            inner.sink = Some(sink.clone());
            std::mem::take(&mut inner.queue)
        };
        for command in waiting {
            sink.emit(command);
        }
    }

    /// The viewer's side: it is gone; commands wait again.
    pub(crate) fn detach(&self) {
        self.0.borrow_mut().sink = None;
    }

    /// The viewer's side: what it shows now.
    pub(crate) fn report(&self, state: &ReaderState) {
        self.0.borrow_mut().state = Some(state.clone());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;

    #[test]
    fn commands_wait_for_the_viewer_then_go_straight_to_it() {
        let control = ViewerControl::new();
        control.send(Command::SetQuery("gas".into()));
        control.send(Command::Step { forward: true });
        let got = Rc::new(RefCell::new(Vec::new()));
        let sink = {
            let got = got.clone();
            Callback::from(move |c: Command| got.borrow_mut().push(c))
        };
        control.attach(sink);
        assert_eq!(
            *got.borrow(),
            [
                Command::SetQuery("gas".into()),
                Command::Step { forward: true }
            ]
        );
        control.send(Command::Seek(Time(1_500)));
        assert_eq!(got.borrow().len(), 3);
        control.detach();
        control.send(Command::SetQuery(String::new()));
        assert_eq!(got.borrow().len(), 3);
        assert_eq!(control.state(), None);
        control.report(&ReaderState::default());
        assert_eq!(control.state(), Some(ReaderState::default()));
        assert_eq!(control.clone(), control);
        assert_ne!(ViewerControl::new(), control);
    }
}
