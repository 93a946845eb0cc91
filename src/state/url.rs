//! The state in the page's URL: the query-string keys the state owns, read from and
//! merged into a page's query string (a host's own parameters left alone), how a change
//! goes into the browser history ([`HistoryEntry`], [`PendingUrl`]), a turn's link and
//! the turn a fragment points at, and the percent-encoding they use.

use super::view::ViewState;
use crate::model::Transcript;

/// The query-string keys the state owns (see [`ViewState::to_query_pairs`]); every other
/// parameter of a page's URL (`t`, a host's own) is left alone.
pub const QUERY_KEYS: [&str; 4] = ["q", "words", "diacritics", "hide"];

/// The `key=value` pairs of a query string (with or without its `?`), decoded as a
/// browser's `URLSearchParams` does (`+` is a space, `%XX` a byte, bad UTF-8 replaced).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    let search = search.strip_prefix('?').unwrap_or(search);
    search
        .split('&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (k, v) = part.split_once('=').unwrap_or((part, ""));
            (percent_decode(k, true), percent_decode(v, true))
        })
        .collect()
}

impl ViewState {
    /// What of the state the URL holds, and a host hears of through `on_change`: the
    /// query, the search options and the hidden speakers (not the revealed turns or the
    /// current match).
    pub fn in_url(&self) -> ViewState {
        ViewState {
            query: self.query.clone(),
            options: self.options.clone(),
            hidden: self.hidden.clone(),
            ..ViewState::default()
        }
    }

    /// The state as URL query pairs (only what differs from the default), in a fixed
    /// order: `q`, `words`, `diacritics`, `hide`.
    pub fn to_query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if !self.query.is_empty() {
            out.push(("q", self.query.clone()));
        }
        if self.options.whole_words {
            out.push(("words", "1".into()));
        }
        if self.options.match_diacritics {
            out.push(("diacritics", "1".into()));
        }
        if !self.hidden.is_empty() {
            out.push((
                "hide",
                self.hidden.iter().cloned().collect::<Vec<_>>().join(","),
            ));
        }
        out
    }

    /// Reads the state back from URL query pairs; unknown keys are ignored and bad values
    /// fall back to defaults.
    pub fn from_query_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = ViewState::default();
        for (k, v) in pairs {
            match k {
                "q" => s.query = v.to_string(),
                "words" => s.options.whole_words = v == "1",
                "diacritics" => s.options.match_diacritics = v == "1",
                "hide" => {
                    s.hidden = v
                        .split(',')
                        .map(str::trim)
                        .filter(|id| !id.is_empty())
                        .map(str::to_string)
                        .collect()
                }
                _ => {}
            }
        }
        s
    }

    /// The state a query string describes (see [`ViewState::from_query_pairs`]).
    pub fn from_query_string(search: &str) -> Self {
        let pairs = parse_query(search);
        ViewState::from_query_pairs(pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    /// True when the query string `search` describes this state's URL part (query,
    /// toggles, hidden speakers), whatever else it holds and however it is encoded.
    pub fn is_in_query(&self, search: &str) -> bool {
        ViewState::from_query_string(search).to_query_pairs() == self.to_query_pairs()
    }

    /// The state after the page's URL changed to the query string `search` (Back,
    /// Forward): `None` when the URL still describes this state (a fragment change),
    /// else the URL's state.
    pub fn after_url_change(&self, search: &str) -> Option<ViewState> {
        (!self.is_in_query(search)).then(|| ViewState::from_query_string(search))
    }
}

/// True when the query string sets any part of the state.
pub fn has_view_params(search: &str) -> bool {
    parse_query(search)
        .iter()
        .any(|(k, _)| QUERY_KEYS.contains(&k.as_str()))
}

/// The query string (`?…`, or empty) that keeps every parameter of `search` the state
/// does not own, byte for byte and in order, followed by the state's own.
pub fn merge_query(search: &str, state: &ViewState) -> String {
    let search = search.strip_prefix('?').unwrap_or(search);
    let mut parts: Vec<String> = search
        .split('&')
        .filter(|part| !part.is_empty())
        .filter(|part| {
            let key = part.split_once('=').map_or(*part, |(k, _)| k);
            !QUERY_KEYS.contains(&percent_decode(key, true).as_str())
        })
        .map(str::to_string)
        .collect();
    for (k, v) in state.to_query_pairs() {
        parts.push(format!("{k}={}", percent_encode(&v, true)));
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!("?{}", parts.join("&"))
    }
}

/// How the browser history should record a change of state.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HistoryEntry {
    /// The URL does not change.
    Keep,
    /// Rewrite the current entry (typing in the search box).
    Replace,
    /// Add an entry, so Back undoes the change (toggles, the speaker filter).
    Push,
}

/// How the change from `old` to `new` goes into the history: only the query changed →
/// [`HistoryEntry::Replace`]; a toggle or the filter changed → [`HistoryEntry::Push`].
pub fn history_entry(old: &ViewState, new: &ViewState) -> HistoryEntry {
    let (a, b) = (old.to_query_pairs(), new.to_query_pairs());
    if a == b {
        return HistoryEntry::Keep;
    }
    let without_query = |pairs: Vec<(&'static str, String)>| {
        pairs
            .into_iter()
            .filter(|(k, _)| *k != "q")
            .collect::<Vec<_>>()
    };
    if without_query(a) == without_query(b) {
        HistoryEntry::Replace
    } else {
        HistoryEntry::Push
    }
}

/// Changes of the page's URL not written yet, in order: a viewer writes them after the
/// frame that shows the change (toggles), or once typing pauses (a typed search). A run
/// of typed searches is one write, and so is typing after a toggle (it rewrites the
/// entry the toggle adds).
#[derive(Debug, Default, Clone, PartialEq)]
pub struct PendingUrl {
    writes: Vec<(HistoryEntry, ViewState)>,
    /// The URL's query as last read or written (`None` before either).
    seen: Option<String>,
}

impl PendingUrl {
    /// Adds a change to `state`, written as `entry` (`Keep` counts as `Replace`: the URL
    /// differs from a state that has not changed).
    pub fn add(&mut self, entry: HistoryEntry, state: ViewState) {
        let entry = match entry {
            HistoryEntry::Keep => HistoryEntry::Replace,
            entry => entry,
        };
        match (entry, self.writes.last_mut()) {
            (HistoryEntry::Replace, Some((_, last))) => *last = state,
            _ => self.writes.push((entry, state)),
        }
    }

    /// True when nothing is waiting.
    pub fn is_empty(&self) -> bool {
        self.writes.is_empty()
    }

    /// True when only typing is waiting (it waits for a pause; a toggle does not).
    pub fn waits_for_pause(&self) -> bool {
        self.writes.iter().all(|(e, _)| *e == HistoryEntry::Replace)
    }

    /// The writes, in order, leaving none.
    pub fn take(&mut self) -> Vec<(HistoryEntry, ViewState)> {
        std::mem::take(&mut self.writes)
    }

    /// Forgets every write (the reader went Back or Forward: the URL is the state now).
    pub fn clear(&mut self) {
        self.writes.clear();
    }

    /// Notes the URL's query (`location.search`) as read or just written.
    pub fn saw(&mut self, search: &str) {
        self.seen = Some(search.to_owned());
    }

    /// The current history entry changed (`popstate`) to one whose query is `search`.
    /// When only the fragment changed (a turn's link followed, or Back and Forward
    /// between such entries), the view is still the reader's: what waits stays, to be
    /// written into the new entry, and this is true. Otherwise the URL is the state now:
    /// the writes are forgotten, and this is false.
    pub fn history_changed(&mut self, search: &str) -> bool {
        let same = self.seen.as_deref() == Some(search);
        if !same {
            self.clear();
        }
        self.saw(search);
        same && !self.is_empty()
    }
}

/// The address of a turn: `href` (a page's URL) with its fragment replaced by
/// `fragment` (the turn's element id, percent-encoded where needed).
pub fn turn_link(href: &str, fragment: &str) -> String {
    let base = href.split_once('#').map_or(href, |(b, _)| b);
    format!("{base}#{}", percent_encode(fragment, false))
}

/// The turn a URL fragment (`#t3`, `#a-t3`, with or without `#`) points at, for a viewer
/// whose ids start with `id_prefix`.
pub fn turn_for_fragment(
    transcript: &Transcript,
    id_prefix: &str,
    fragment: &str,
) -> Option<usize> {
    let fragment = percent_decode(fragment.strip_prefix('#').unwrap_or(fragment), false);
    let id = fragment.strip_prefix(id_prefix)?;
    transcript.turns.iter().position(|t| t.id == id)
}

// Ours: the percent-encoding crate made the release Wasm +2,210 B (gzip -9 +1,329 B).
/// `%XX` (and, for a query, `+`) decoded; invalid UTF-8 becomes U+FFFD.
fn percent_decode(s: &str, plus_is_space: bool) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match bytes[i] {
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push((h * 16 + l) as u8);
                    i += 3;
                    continue;
                }
                _ => out.push(b'%'),
            },
            b'+' if plus_is_space => out.push(b' '),
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Everything but RFC 3986 unreserved characters (and `,`, which reads well in a list of
/// speakers) percent-encoded; in a query, a space is `+`.
fn percent_encode(s: &str, query: bool) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        match b {
            b' ' if query => out.push('+'),
            b if b.is_ascii_alphanumeric() || b"-._~,".contains(&b) => out.push(char::from(b)),
            // Legal in a fragment as they are, and what a time link says (`#t=1:23,95`).
            b'=' | b':' if !query => out.push(char::from(b)),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::SearchOptions;
    use crate::state::fixture::transcript;
    use crate::state::view::Action;
    use std::collections::BTreeSet;

    #[test]
    fn url_round_trip() {
        let s = ViewState {
            query: "mr president & co".into(),
            options: SearchOptions {
                match_diacritics: true,
                whole_words: true,
            },
            hidden: ["b".to_string(), "a".to_string()].into_iter().collect(),
            revealed: BTreeSet::new(),
            current: 0,
        };
        let pairs = s.to_query_pairs();
        assert_eq!(
            pairs,
            vec![
                ("q", "mr president & co".to_string()),
                ("words", "1".into()),
                ("diacritics", "1".into()),
                ("hide", "a,b".into()),
            ]
        );
        let back = ViewState::from_query_pairs(pairs.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, s);
        assert_eq!(ViewState::default().to_query_pairs(), vec![]);
        let junk = ViewState::from_query_pairs([("hide", ",,"), ("words", "yes"), ("x", "1")]);
        assert_eq!(junk, ViewState::default());
    }

    #[test]
    fn the_url_part_is_what_the_query_string_holds() {
        let mut s = ViewState::from_query_pairs([("q", "gas"), ("words", "1"), ("hide", "a,b")]);
        s.revealed.insert("t3".into());
        s.current = 4;
        let part = s.in_url();
        assert_eq!(part.to_query_pairs(), s.to_query_pairs());
        assert!(part.revealed.is_empty() && part.current == 0);
        assert_eq!(
            ViewState::from_query_pairs([("q", "gas"), ("words", "1"), ("hide", "a,b")]),
            part
        );
    }

    #[test]
    fn query_strings_parse_like_url_search_params() {
        let cases: Vec<(&str, Vec<(&str, &str)>)> = vec![
            ("", vec![]),
            ("?", vec![]),
            (
                "?t=talks&q=mr+president",
                vec![("t", "talks"), ("q", "mr president")],
            ),
            ("q=a%20b%2Bc&&x", vec![("q", "a b+c"), ("x", "")]),
            ("q=%D0%9F%D1%83%D1%82%D0%B8%D0%BD", vec![("q", "Путин")]),
            ("q=100%&r=%zz%4", vec![("q", "100%"), ("r", "%zz%4")]),
            ("q=%FF", vec![("q", "\u{FFFD}")]),
            ("a=b=c", vec![("a", "b=c")]),
        ];
        for (search, want) in cases {
            let got = parse_query(search);
            let got: Vec<(&str, &str)> =
                got.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            assert_eq!(got, want, "{search:?}");
        }
        let s = ViewState::from_query_string("?t=x&q=mr+president&hide=l,q&words=1");
        assert_eq!(s.query, "mr president");
        assert!(s.options.whole_words && !s.options.match_diacritics);
        assert_eq!(s.hidden.iter().collect::<Vec<_>>(), ["l", "q"]);
        assert!(has_view_params("?t=x&hide="));
        assert!(!has_view_params("?t=x&query=1"));
    }

    #[test]
    fn merged_query_keeps_other_params() {
        let searching = ViewState::default().apply(Action::SetQuery("mr president & co".into()));
        let filtered = searching
            .apply(Action::ToggleSpeaker("l".into()))
            .apply(Action::ToggleSpeaker("q".into()))
            .apply(Action::SetWholeWords(true));
        let default = ViewState::default();
        let cases: Vec<(&str, &ViewState, &str)> = vec![
            ("", &searching, "?q=mr+president+%26+co"),
            ("?t=talks", &searching, "?t=talks&q=mr+president+%26+co"),
            // Other parameters stay byte for byte, ours are rewritten.
            (
                "?x=a%20b&q=old&t=talks&hide=z",
                &filtered,
                "?x=a%20b&t=talks&q=mr+president+%26+co&words=1&hide=l,q",
            ),
            ("?t=talks&q=old", &default, "?t=talks"),
            ("?q=old", &default, ""),
            ("?%71=old", &default, ""),
        ];
        for (search, state, want) in cases {
            let got = merge_query(search, state);
            assert_eq!(got, want, "{search:?}");
            // What is written reads back as the same state.
            assert!(state.is_in_query(&got), "{got}");
        }
        assert!(searching.is_in_query("?q=mr%20president%20%26%20co&t=1"));
        assert!(!searching.is_in_query("?q=mr"));
    }

    #[test]
    fn pending_url_writes_keep_their_order_and_fold_typing() {
        let q = |query: &str| ViewState {
            query: query.into(),
            ..ViewState::default()
        };
        let mut p = PendingUrl::default();
        assert!(p.waits_for_pause() && p.is_empty());
        // A run of typing: one write, the last.
        for query in ["t", "th", "the"] {
            p.add(HistoryEntry::Replace, q(query));
        }
        assert!(p.waits_for_pause());
        assert_eq!(p.clone().take(), [(HistoryEntry::Replace, q("the"))]);
        // A toggle: the typing goes into the entry left, the toggle adds one, and what is
        // typed after it rewrites that new entry.
        p.add(HistoryEntry::Push, q("the "));
        assert!(!p.waits_for_pause());
        p.add(HistoryEntry::Keep, q("the w"));
        p.add(HistoryEntry::Replace, q("the wo"));
        assert_eq!(
            p.clone().take(),
            [
                (HistoryEntry::Replace, q("the")),
                (HistoryEntry::Push, q("the wo"))
            ]
        );
        // Two toggles are two entries.
        p.add(HistoryEntry::Push, q("x"));
        assert_eq!(p.take().len(), 3);
        assert!(p.take().is_empty());
        p.add(HistoryEntry::Push, q("y"));
        p.clear();
        assert_eq!(p, PendingUrl::default());
    }

    #[test]
    fn pending_url_writes_outlive_a_fragments_navigation_only() {
        let q = ViewState {
            query: "belarus".into(),
            ..ViewState::default()
        };
        let mut p = PendingUrl::default();
        p.saw("?t=talks");
        p.add(HistoryEntry::Replace, q.clone());
        // `#t4` followed: the same query, the typed search still to be written.
        assert!(p.history_changed("?t=talks"));
        assert_eq!(p.clone().take(), [(HistoryEntry::Replace, q.clone())]);
        // Back to an entry with another query: the URL wins.
        assert!(!p.history_changed("?t=talks&hide=vp"));
        assert!(p.is_empty());
        // Nothing waiting: nothing to keep.
        assert!(!p.history_changed("?t=talks&hide=vp"));
        // Never read: a change of entry is not known to keep the query.
        let mut fresh = PendingUrl::default();
        fresh.add(HistoryEntry::Replace, q);
        assert!(!fresh.history_changed(""));
        assert!(fresh.is_empty());
    }

    #[test]
    fn history_entries() {
        let base = ViewState::default();
        let typed = base.apply(Action::SetQuery("mr".into()));
        let cases: Vec<(&ViewState, ViewState, HistoryEntry)> = vec![
            (&base, base.clone(), HistoryEntry::Keep),
            (
                &base,
                base.apply(Action::Next { total: 3 }),
                HistoryEntry::Keep,
            ),
            (
                &base,
                base.apply(Action::Reveal(vec!["t2".into()])),
                HistoryEntry::Keep,
            ),
            (&base, typed.clone(), HistoryEntry::Replace),
            (
                &typed,
                typed.apply(Action::SetQuery("mr p".into())),
                HistoryEntry::Replace,
            ),
            (
                &typed,
                typed.apply(Action::ClearQuery),
                HistoryEntry::Replace,
            ),
            (
                &typed,
                typed.apply(Action::SetWholeWords(true)),
                HistoryEntry::Push,
            ),
            (
                &typed,
                typed.apply(Action::SetMatchDiacritics(true)),
                HistoryEntry::Push,
            ),
            (
                &typed,
                typed.apply(Action::ToggleSpeaker("l".into())),
                HistoryEntry::Push,
            ),
            (&typed, typed.apply(Action::ShowAll), HistoryEntry::Keep),
        ];
        for (i, (old, new, want)) in cases.into_iter().enumerate() {
            assert_eq!(history_entry(old, &new), want, "case {i}");
        }
    }

    #[test]
    fn url_changes_replace_the_state_only_when_it_differs() {
        let s = ViewState::default()
            .apply(Action::SetQuery("trade".into()))
            .apply(Action::Reveal(vec!["t2".into()]));
        // A fragment change keeps the state (revealed turns too).
        assert_eq!(s.after_url_change("?q=trade&t=x"), None);
        assert_eq!(
            s.after_url_change("?q=talks"),
            Some(ViewState::default().apply(Action::SetQuery("talks".into())))
        );
        assert_eq!(s.after_url_change(""), Some(ViewState::default()));
    }

    #[test]
    fn turn_links_and_fragments() {
        let cases = [
            ("http://x/p?q=a+b", "t3", "http://x/p?q=a+b#t3"),
            ("http://x/p?q=a#t1", "t3", "http://x/p?q=a#t3"),
            ("http://x/p#", "a-t3", "http://x/p#a-t3"),
            ("http://x/", "b c#", "http://x/#b%20c%23"),
        ];
        for (href, fragment, want) in cases {
            assert_eq!(turn_link(href, fragment), want);
        }
        let t = transcript();
        let cases: Vec<(&str, &str, Option<usize>)> = vec![
            ("", "#t3", Some(2)),
            ("", "t6", Some(5)),
            ("", "#t7", None),
            ("", "#", None),
            ("", "", None),
            ("", "#title", None),
            ("a-", "#a-t1", Some(0)),
            ("a-", "#t1", None),
            ("b c#", "#b%20c%23t2", Some(1)),
        ];
        for (prefix, fragment, want) in cases {
            assert_eq!(
                turn_for_fragment(&t, prefix, fragment),
                want,
                "{prefix:?} {fragment:?}"
            );
        }
    }

    #[test]
    fn percent_encoding_and_decoding_of_every_ascii_character() {
        // Kept: letters, digits, `-._~` and `,` (and in a fragment `=` and `:`, as time
        // links have them); a space is `+` in the query and `%20` in a fragment; anything
        // else is `%XX` (upper case), non-ASCII byte by byte.
        let text: String = (' '..='~').chain(['\u{1}', '\u{7f}', 'é']).collect();
        let rest = "%21%22%23%24%25%26%27%28%29%2A%2B,-.%2F0123456789%3A%3B%3C%3D%3E%3F%40\
            ABCDEFGHIJKLMNOPQRSTUVWXYZ%5B%5C%5D%5E_%60abcdefghijklmnopqrstuvwxyz%7B%7C%7D~\
            %01%7F%C3%A9";
        let state = ViewState {
            query: text.clone(),
            ..ViewState::default()
        };
        let search = merge_query("", &state);
        assert_eq!(search, format!("?q=+{rest}"));
        assert_eq!(ViewState::from_query_string(&search), state);
        assert_eq!(
            turn_link("http://x/", &text),
            format!(
                "http://x/#%20{}",
                rest.replace("%3A", ":").replace("%3D", "=")
            )
        );
        assert_eq!(
            turn_link("http://x/a#t2", "t=83.2,95"),
            "http://x/a#t=83.2,95"
        );
        // In a fragment `+` is itself; a bad escape stays as it is, a good one at the very
        // end is decoded, and bytes that are not UTF-8 become U+FFFD.
        let t = transcript();
        let cases: Vec<(&str, &str, Option<usize>)> = vec![
            ("a+ b", "#a+%20bt1", Some(0)),
            ("a+ b", "#a%2B%20bt1", Some(0)),
            ("a+ b", "#a++bt1", None),
            ("100%", "#100%t2", Some(1)),
            ("%zz%4", "#%zz%4t2", Some(1)),
            ("", "#t%31", Some(0)),
            ("\u{FFFD}", "#%FFt3", Some(2)),
        ];
        for (prefix, fragment, want) in cases {
            let got = turn_for_fragment(&t, prefix, fragment);
            assert_eq!(got, want, "{prefix:?} {fragment:?}");
        }
        // In the query, a `%` at the very end is itself too.
        assert_eq!(
            parse_query("q=%&%"),
            [("q".into(), "%".into()), ("%".into(), "".into())]
        );
    }
}
