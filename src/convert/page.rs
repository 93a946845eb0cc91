//! The parts of a copied web page that are not the transcript: the settings bar and site
//! name at the top, the breadcrumb, and the publication footer at the bottom.

use super::text::{key, normalize_spaces};

/// Top-of-page lines of kremlin.ru's version for the visually impaired (English and
/// Russian) and of its ordinary version. Compared by [`key`], trailing colon dropped.
const CHROME: &[&str] = &[
    "view settings",
    "settings",
    "font size",
    "site colours",
    "site colors",
    "images",
    "images off",
    "images on",
    "version for the visually impaired",
    "regular version of the site",
    "regular version",
    "text version",
    "настройки",
    "настройки отображения",
    "размер шрифта",
    "цвета сайта",
    "цвет сайта",
    "изображения",
    "версия для слабовидящих",
    "обычная версия сайта",
    "обычная версия",
    "текстовая версия",
];

/// Lines naming the President of Russia's website (they also tell us the credit line).
const KREMLIN_SITE: &[&str] = &[
    "official website of the president of russia",
    "президент россии",
    "официальный сайт президента россии",
];

/// What a top-of-page line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Head {
    /// Settings bar and similar: drop it.
    Chrome,
    /// The site's name: drop it, but remember whose site it is.
    KremlinSite,
    /// A breadcrumb (`News  /`, `News / Transcripts /`): its sections.
    Breadcrumb(Vec<String>),
}

/// Classifies a line at the top of the page; `None` for content.
pub fn head(line: &str) -> Option<Head> {
    let k = key(line);
    let bare = k.trim_end_matches(':').trim_end();
    if CHROME.contains(&bare)
        || CHROME.iter().any(|c| {
            // "Font size: A A A", "Site colours: C C C"
            k.strip_prefix(c)
                .is_some_and(|r| r.starts_with(':') && r.len() <= 24)
        })
    {
        return Some(Head::Chrome);
    }
    if KREMLIN_SITE.contains(&bare) {
        return Some(Head::KremlinSite);
    }
    breadcrumb(line).map(Head::Breadcrumb)
}

/// `News  /` or `News / Transcripts /`: short sections each ended by a slash.
fn breadcrumb(line: &str) -> Option<Vec<String>> {
    let norm = normalize_spaces(line);
    let body = norm.strip_suffix('/')?;
    if norm.chars().count() > 80 {
        return None;
    }
    let parts: Vec<String> = body
        .split('/')
        .map(|p| p.trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    let ok = !parts.is_empty()
        && parts.iter().all(|p| {
            p.split(' ').count() <= 4
                && p.chars().any(char::is_alphabetic)
                && !p.contains(['.', ':', ',', '!', '?'])
        });
    ok.then_some(parts)
}

/// What a bottom-of-page line is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Foot {
    /// Publication details: drop it.
    Chrome,
    /// `Direct link: http://en.kremlin.ru/d/67811`: the page's address.
    Link(String),
}

const FOOTER_PREFIXES: &[&str] = &[
    "publication status",
    "published in sections",
    "publication date",
    "publication time",
    "text version",
    "опубликован в разделах",
    "дата публикации",
    "статус материала",
    "текстовая версия",
];

const LINK_PREFIXES: &[&str] = &[
    "direct link",
    "permanent link",
    "прямая ссылка на материал",
    "прямая ссылка",
    "постоянный адрес материала",
];

/// Classifies a line at the bottom of the page; `None` for content.
pub fn foot(line: &str) -> Option<Foot> {
    let k = key(line);
    for p in LINK_PREFIXES {
        if let Some(r) = k.strip_prefix(p) {
            let r = r.trim_start_matches(':').trim();
            let url = normalize_spaces(line)
                .split(' ')
                .rev()
                .find(|w| w.contains('.') && w.contains('/'))
                .map(str::to_string);
            if r.is_empty() || url.is_some() {
                return Some(url.map(Foot::Link).unwrap_or(Foot::Chrome));
            }
        }
    }
    let bare = k.trim_end_matches(':');
    FOOTER_PREFIXES
        .iter()
        .any(|p| bare == *p || k.strip_prefix(p).is_some_and(|r| r.starts_with(':')))
        .then_some(Foot::Chrome)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads() {
        assert_eq!(head("View settings"), Some(Head::Chrome));
        assert_eq!(head("Font size:"), Some(Head::Chrome));
        assert_eq!(head("Site\u{a0}colours:"), Some(Head::Chrome));
        assert_eq!(head("Размер шрифта:"), Some(Head::Chrome));
        assert_eq!(
            head("Official website of\u{a0}the President of\u{a0}Russia"),
            Some(Head::KremlinSite)
        );
        assert_eq!(
            head("News\u{a0} /"),
            Some(Head::Breadcrumb(vec!["News".into()]))
        );
        assert_eq!(
            head("Новости\u{a0}\u{a0}/  Стенограммы /"),
            Some(Head::Breadcrumb(vec![
                "Новости".into(),
                "Стенограммы".into()
            ]))
        );
        assert_eq!(head("Russian-Belarusian talks"), None);
        assert_eq!(head("Settings of the meeting: we"), None);
        assert_eq!(head("Input/output"), None);
        assert_eq!(head("He said, and then /"), None);
    }

    #[test]
    fn feet() {
        assert_eq!(
            foot("Direct link: http://en.kremlin.ru/d/67811"),
            Some(Foot::Link("http://en.kremlin.ru/d/67811".into()))
        );
        assert_eq!(
            foot("Прямая ссылка на материал: kremlin.ru/d/67811"),
            Some(Foot::Link("kremlin.ru/d/67811".into()))
        );
        assert_eq!(
            foot("Published in sections: News, Transcripts"),
            Some(Foot::Chrome)
        );
        assert_eq!(
            foot("Publication date:  February 18, 2022, 17:00"),
            Some(Foot::Chrome)
        );
        assert_eq!(foot("Thank you."), None);
        assert_eq!(foot("Direct links between our economies matter."), None);
    }
}
