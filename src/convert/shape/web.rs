//! Any web page: what every copied page carries around its text (skip links, menus,
//! share and print buttons, cookie notices, breadcrumbs, source lines). This is the
//! fallback shape, and its vocabulary is tried after every other shape's own.

use super::super::lines::Line;
use super::super::text::{key, normalize_spaces};
use super::{Foot, HeadLine, Shape};

/// A page of no more specific shape.
pub struct Web;

impl Shape for Web {
    fn name(&self) -> &'static str {
        "web"
    }

    fn detect(&self, _lines: &[Line]) -> u32 {
        0
    }

    fn head_line(&self, line: &str) -> Option<HeadLine> {
        if is_chrome(line) || is_nav_bar(line) || is_source_line(line) {
            return Some(HeadLine::Chrome);
        }
        breadcrumb(line).map(HeadLine::Breadcrumb)
    }

    fn foot_line(&self, line: &str) -> Option<Foot> {
        (is_chrome(line) || is_nav_bar(line) || is_source_line(line)).then_some(Foot::Chrome)
    }

    fn drop(&self, line: &str) -> bool {
        is_chrome(line)
    }
}

/// Whole lines that are a page's furniture, compared by [`key`] without a final colon.
const CHROME: &[&str] = &[
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "skip navigation",
    "jump to content",
    "main menu",
    "menu",
    "open menu",
    "close menu",
    "toggle navigation",
    "navigation",
    "search",
    "close",
    "home",
    "share",
    "share this",
    "share this page",
    "share this article",
    "share on facebook",
    "share on twitter",
    "share on x",
    "tweet",
    "facebook",
    "twitter",
    "linkedin",
    "whatsapp",
    "telegram",
    "email",
    "e-mail",
    "print",
    "print this page",
    "copy link",
    "copy url",
    "copy",
    "link copied",
    "back to top",
    "top",
    "subscribe",
    "sign in",
    "log in",
    "login",
    "register",
    "advertisement",
    "related",
    "related articles",
    "related posts",
    "read more",
    "comments",
    "leave a comment",
    "leave a reply",
    "accept",
    "accept all",
    "reject all",
    "cookie settings",
    "next",
    "previous",
    "next post",
    "previous post",
    "pdf",
    "epub",
    "page images",
    "imagini ale paginilor",
    "sidebilder",
    "view original document",
    "contents",
    "table of contents",
    "on this page",
    "loading",
    "loading…",
    "loading...",
    "содержание",
    "поделиться",
    "печать",
    "версия для печати",
    "главная",
    "поиск",
    "меню",
];

/// Line starts that make a line furniture wherever it is (`We use cookies …`).
const CHROME_STARTS: &[&str] = &[
    "we use cookies",
    "this website uses cookies",
    "this site uses cookies",
    "by continuing to use this site",
    "share this:",
    "like this:",
    "tags:",
    "filed under:",
    "posted in ",
    "categories:",
    "you can skip to the end",
    "click here to",
    "the full text on this page is automatically extracted",
    "an official website of the united states government",
    "official websites use .gov",
    "a .gov website belongs to",
    "secure .gov websites use https",
    "a lock (",
    "this is historical material",
    "national archives this is historical material",
];

fn is_chrome(line: &str) -> bool {
    // This runs on every body line: whole-line chrome is short, and the starts are
    // ASCII, compared without allocating.
    let starts = |s: &&str| {
        line.as_bytes()
            .get(..s.len())
            .is_some_and(|b| b.eq_ignore_ascii_case(s.as_bytes()))
    };
    let bare = line.trim_end_matches([':', '.', '›', '»', ' ']);
    if bare.len() <= 48 && bare.is_ascii() && !bare.contains("  ") {
        return CHROME
            .iter()
            .any(|c| c.len() == bare.len() && c.as_bytes().eq_ignore_ascii_case(bare.as_bytes()))
            || CHROME_STARTS.iter().any(starts);
    }
    if line.len() <= 48 {
        let k = key(line);
        let bare = k.trim_end_matches([':', '.', '›', '»']).trim_end();
        return CHROME.contains(&bare) || CHROME_STARTS.iter().any(|s| k.starts_with(s));
    }
    line.len() <= 400 && CHROME_STARTS.iter().any(starts)
}

/// `Home | News | Transcripts`, `Home • About • Contact`: three or more short items
/// between separators.
fn is_nav_bar(line: &str) -> bool {
    if line.chars().count() > 200 {
        return false;
    }
    for sep in ['|', '•', '·', '»', '›'] {
        let items: Vec<&str> = line.split(sep).map(str::trim).collect();
        if items.len() >= 3
            && items
                .iter()
                .filter(|i| !i.is_empty())
                .all(|i| i.split_whitespace().count() <= 4 && !i.ends_with('.'))
        {
            return true;
        }
    }
    false
}

/// `Source: kremlin.ru`, `The source of information - http://…`, `Attribution: …`,
/// `Read the original at …`: where the text came from, not part of it.
fn is_source_line(line: &str) -> bool {
    let k = key(line);
    [
        "source:",
        "source -",
        "the source of information",
        "attribution:",
        "original source",
        "read the original",
        "view the original",
        "источник:",
    ]
    .iter()
    .any(|p| k.starts_with(p))
        && line.chars().count() <= 300
}

/// `News  /`, `News / Transcripts /`, `Home › News › Transcripts`, `Home > Briefings`:
/// short sections between separators, ending with one (slashes) or not (arrows).
pub fn breadcrumb(line: &str) -> Option<Vec<String>> {
    if line.len() > 320 {
        return None;
    }
    let norm = normalize_spaces(line);
    if norm.chars().count() > 80 {
        return None;
    }
    let (body, sep) = if let Some(b) = norm.strip_suffix('/') {
        (b, '/')
    } else if let Some(sep) = ['›', '»', '>'].into_iter().find(|&s| norm.contains(s)) {
        (norm.as_str(), sep)
    } else {
        return None;
    };
    let parts: Vec<String> = body
        .split(sep)
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let ok = !parts.is_empty()
        && (sep == '/' || parts.len() >= 2)
        && parts.iter().all(|p| {
            p.split(' ').count() <= 4
                && p.chars().any(char::is_alphabetic)
                && super::super::text::starts_upper(p)
                && !p.contains(['.', ':', ',', '!', '?'])
        });
    ok.then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chrome_and_nav_bars() {
        for line in [
            "Skip to content",
            "Share",
            "Print",
            "Menu",
            "Home | News | Briefings",
            "We use cookies to improve your experience.",
        ] {
            assert_eq!(Web.head_line(line), Some(HeadLine::Chrome), "{line}");
        }
        for line in [
            "Russian-Belarusian talks",
            "Home is where the heart is, he said.",
            "Press Briefing by Press Secretary Jen Psaki",
        ] {
            assert_eq!(Web.head_line(line), None, "{line}");
        }
    }

    #[test]
    fn breadcrumbs() {
        assert_eq!(breadcrumb("News\u{a0} /"), Some(vec!["News".into()]));
        assert_eq!(
            breadcrumb("Home › Briefing Room › Press Briefings"),
            Some(vec![
                "Home".into(),
                "Briefing Room".into(),
                "Press Briefings".into()
            ])
        );
        assert_eq!(breadcrumb("Input/output"), None);
        assert_eq!(breadcrumb("He said, and then /"), None);
        assert_eq!(breadcrumb("a > b"), None);
    }

    #[test]
    fn source_lines_are_foot() {
        assert_eq!(
            Web.foot_line(
                "The source of information - http://en.kremlin.ru/events/president/news/57526"
            ),
            Some(Foot::Chrome)
        );
        assert_eq!(Web.foot_line("Thank you."), None);
    }
}
