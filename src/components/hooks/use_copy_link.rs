//! [`use_copy_link`]: the turns' "copy link" action.

use super::UseUrlSyncHandle;
use crate::components::dom;
use crate::components::Labels;
use std::rc::Rc;
use yew::prelude::*;

/// The callback a turn calls with its fragment (`#t3`) to copy a link to it: the URL
/// changes that wait are written first (through `url`), then the page's address with the
/// fragment goes to the clipboard (or, where that fails, into the address bar), and
/// `announce` says which, in `labels`' words.
#[hook]
pub fn use_copy_link(
    labels: &Rc<Labels>,
    url: &UseUrlSyncHandle,
    announce: &UseStateSetter<AttrValue>,
) -> Callback<String> {
    use_callback((labels.clone(), announce.clone()), {
        let url = url.clone();
        move |fragment: String, (labels, announce)| {
            // The link holds the view as it is, the search as typed.
            url.write_pending();
            let (labels, announce) = (labels.clone(), announce.clone());
            dom::copy_link(fragment, move |copied| {
                announce.set(match copied {
                    dom::Copied::Clipboard => labels.link_copied.clone(),
                    dom::Copied::AddressBar => labels.link_in_address_bar.clone(),
                });
            });
        }
    })
}
