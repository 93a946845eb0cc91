//! Citing a passage: [`use_cite`], the action a turn's "cite" button (and the
//! selection's) calls, which puts the citation ([`crate::state::cite`]) on the
//! clipboard, and [`CiteTools`], the viewer's one "Cite selection" button, shown beside
//! text selected in a turn (by mouse, touch or the keyboard's caret browsing; Alt+Shift+C
//! cites it too), and the box that shows the citation to copy by hand where there is no
//! clipboard.

use super::date::{dateline_parts, DatelinePart};
use super::dom;
use super::hooks::UseUrlSyncHandle;
use crate::i18n::Labels;
use crate::model::Transcript;
use crate::state::{cite, CiteLink, CiteWords};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use yew::prelude::*;

/// What [`use_cite`] returns.
pub struct UseCiteHandle {
    /// Cites the turn with this element id: the selection's part in it when the
    /// selection touches it, else the whole turn.
    pub on_cite: Callback<String>,
    /// The citation to show for copying by hand (the clipboard failed), if any.
    pub fallback: Option<AttrValue>,
    /// Closes that, and gives the focus back to the cited turn's "cite" button.
    pub on_close: Callback<()>,
}

/// The "cite" action of the viewer of `t` (ids prefixed with `p`): the URL changes that
/// wait are written first (through `url`: the link holds the view), then the citation
/// goes to the clipboard, as text and HTML, and `announce` says so; where there is no
/// clipboard, or writing fails, the citation is offered in a box to copy from.
#[hook]
pub fn use_cite(
    t: &Rc<Transcript>,
    p: &AttrValue,
    labels: &Rc<Labels>,
    url: &UseUrlSyncHandle,
    announce: &UseStateSetter<AttrValue>,
) -> UseCiteHandle {
    // The citation to copy by hand, and the cited turn's element id.
    let fallback = use_state_eq(|| None::<(AttrValue, String)>);
    let on_cite = use_callback(
        (
            t.clone(),
            p.clone(),
            labels.clone(),
            announce.clone(),
            fallback.setter(),
        ),
        {
            let url = url.clone();
            move |id: String, (t, p, labels, announce, fallback)| {
                let index = id
                    .strip_prefix(p.as_str())
                    .and_then(|own| t.turns.iter().position(|turn| turn.id == own));
                let Some(index) = index else {
                    return;
                };
                url.write_pending();
                let passage = dom::selected_passage(&id, t.turns[index].paragraphs.len());
                let date = dateline_parts(t, labels)
                    .into_iter()
                    .find_map(|part| match part {
                        DatelinePart::Date { text, .. } => Some(text),
                        _ => None,
                    });
                let page = dom::page_href().unwrap_or_default();
                let link = CiteLink {
                    page: &page,
                    fragment: &id,
                    text_directive: dom::text_directives(),
                };
                let words = CiteWords {
                    source: &labels.source,
                    date: date.as_deref(),
                };
                let Some(citation) = cite(t, index, passage, link, words) else {
                    return;
                };
                let (announce, fallback, copied) = (
                    announce.clone(),
                    fallback.clone(),
                    labels.citation_copied.clone(),
                );
                let shown = (AttrValue::from(citation.text.clone()), id.clone());
                dom::copy_text(citation.text, Some(citation.html), move |ok| {
                    if ok {
                        fallback.set(None);
                        announce.set(copied);
                    } else {
                        fallback.set(Some(shown));
                    }
                });
            }
        },
    );
    let on_close = {
        let fallback = fallback.clone();
        Callback::from(move |()| {
            if let Some((_, id)) = &*fallback {
                dom::focus_inside(id, ".tv-turn-cite");
            }
            fallback.set(None);
        })
    };
    UseCiteHandle {
        on_cite,
        fallback: fallback.as_ref().map(|(text, _)| text.clone()),
        on_close,
    }
}

/// Properties of [`CiteTools`].
#[derive(Properties, PartialEq)]
pub struct CiteToolsProps {
    /// The viewer's root: only a selection in its turns is offered for citing.
    pub root: NodeRef,
    /// Prefix of the ids rendered.
    #[prop_or_default]
    pub id_prefix: AttrValue,
    /// The viewer's words.
    pub labels: Rc<Labels>,
    /// Cites the turn with this element id (see [`UseCiteHandle::on_cite`]).
    pub on_cite: Callback<String>,
    /// A citation to copy by hand (see [`UseCiteHandle::fallback`]).
    #[prop_or_default]
    pub fallback: Option<AttrValue>,
    /// Closes it.
    pub on_close: Callback<()>,
}

/// The keys that cite the selection, as `aria-keyshortcuts` names them.
const SHORTCUT: &str = "Alt+Shift+C";

/// `<button class="tv-cite-selection">` "Cite selection", `hidden` unless text in one
/// of the viewer's turns is selected, then placed under the selection (its position set
/// through the CSSOM, which the site's CSP allows); it keeps the selection when pressed.
/// Alt+Shift+C cites the selection too (`aria-keyshortcuts`; no `title` says it: the
/// key names are Latin letters in every language, and the words must be the
/// viewer's), wherever the focus is.
/// The selection is looked at once a frame at most (`selectionchange` comes per
/// character while a selection is dragged). Where the clipboard failed, a
/// `<div role="dialog" class="tv-cite-fallback">` shows the citation in a selected,
/// read-only text box with a "Close" button (Escape closes it too).
#[function_component]
pub fn CiteTools(props: &CiteToolsProps) -> Html {
    let l = &props.labels;
    // The selected turn's id, and the selection's box (left, top, bottom, in pixels).
    let selected = use_state_eq(|| None::<(String, [i32; 3])>);
    let button = use_node_ref();
    {
        let (root, selected) = (props.root.clone(), selected.setter());
        use_effect_with((), move |()| {
            // The next look, once asked for (replaced, not dropped, once it has run: a
            // call does not drop itself).
            let next = Rc::new(RefCell::new(None::<dom::AfterPaint>));
            let waiting = Rc::new(Cell::new(false));
            let listener = dom::Listener::document("selectionchange", move |_| {
                if waiting.replace(true) {
                    return;
                }
                let (root, selected, waiting) = (root.clone(), selected.clone(), waiting.clone());
                *next.borrow_mut() = dom::AfterPaint::new(100, move || {
                    waiting.set(false);
                    selected.set(dom::selected_turn(&root).map(|(id, (left, top, bottom))| {
                        (id, [left as i32, top as i32, bottom as i32])
                    }));
                });
            });
            move || drop(listener)
        });
    }
    {
        let (root, on_cite) = (props.root.clone(), props.on_cite.clone());
        use_effect_with(props.on_cite.clone(), move |_| {
            let listener = dom::Listener::document("keydown", move |e| {
                if dom::is_cite_shortcut(&e) {
                    if let Some((id, _)) = dom::selected_turn(&root) {
                        e.prevent_default();
                        on_cite.emit(id);
                    }
                }
            });
            move || drop(listener)
        });
    }
    {
        let button = button.clone();
        use_effect_with((*selected).clone(), move |selected| {
            if let Some((_, [left, _, bottom])) = selected {
                dom::place_at(&button, f64::from(*left), f64::from(*bottom) + 6.0);
            }
        });
    }
    let area = use_node_ref();
    {
        let area = area.clone();
        use_effect_with(props.fallback.is_some(), move |open| {
            if *open {
                dom::select_all(&area);
            }
        });
    }
    // The selection as it is now (the last look may be a frame old).
    let onclick = {
        let (on_cite, root) = (props.on_cite.clone(), props.root.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some((id, _)) = dom::selected_turn(&root) {
                on_cite.emit(id);
            }
        })
    };
    let keep_selection = Callback::from(|e: MouseEvent| e.prevent_default());
    let fallback = props.fallback.as_ref().map(|text| {
        let id = format!("{}cite-fallback", props.id_prefix);
        let close = props.on_close.reform(|_: MouseEvent| ());
        let onkeydown = {
            let on_close = props.on_close.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Escape" {
                    on_close.emit(());
                }
            })
        };
        html! {
            <div class="tv-cite-fallback" role="dialog" aria-labelledby={id.clone()}
                {onkeydown}>
                <p id={id.clone()} class="tv-cite-fallback-title">
                    { l.citation_to_copy.clone() }
                </p>
                <textarea ref={area.clone()} class="tv-cite-text" readonly=true rows="7"
                    aria-labelledby={id} value={text.clone()} />
                <button type="button" class="tv-cite-close" onclick={close}>
                    { l.close.clone() }
                </button>
            </div>
        }
    });
    html! {
        <>
            <button type="button" class="tv-cite-selection" ref={button}
                hidden={selected.is_none()} aria-keyshortcuts={SHORTCUT}
                onmousedown={keep_selection} {onclick}>
                { l.cite_selection.clone() }
            </button>
            { for fallback }
        </>
    }
}
