//! [`use_stable_rc`]: one `Rc` for as long as it holds the same value.

use std::rc::Rc;
use yew::prelude::*;

/// `value` as one `Rc` for as long as the value is the same: the `Rc` first given, until
/// one with a different value comes. For what children compare by pointer (turns compare
/// the viewer's words so) and a parent gives as a new `Rc` of the same value each time it
/// renders (a new default `Rc`).
///
/// Takes the `Rc` of this render; returns the one kept.
#[hook]
pub fn use_stable_rc<T: PartialEq + 'static>(value: &Rc<T>) -> Rc<T> {
    let kept = use_mut_ref(|| value.clone());
    let same = {
        let kept = kept.borrow();
        Rc::ptr_eq(&kept, value) || **kept == **value
    };
    if !same {
        *kept.borrow_mut() = value.clone();
    }
    let kept = kept.borrow().clone();
    kept
}
