//! kremlin.ru in all its versions (English and Russian; the ordinary site, the version
//! for the visually impaired, print pages): its settings bar and site name at the top,
//! its breadcrumbs, and its publication footer at the bottom.

use super::super::lines::Line;
use super::super::text::{key, normalize_spaces};
use super::{Foot, HeadLine, Shape};

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

/// Starts of the settings bar's lines, older versions.
const SETTING_STARTS: &[&str] = &[
    "select font",
    "character spacing",
    "line spacing",
    "выберите шрифт",
    "интервал между буквами",
    "межстрочный интервал",
];

/// Lines naming the President of Russia's website (they also tell us the credit line).
const KREMLIN_SITE: &[&str] = &[
    "official website of the president of russia",
    "президент россии",
    "официальный сайт президента россии",
];

/// kremlin.ru.
pub struct Kremlin;

impl Shape for Kremlin {
    fn name(&self) -> &'static str {
        "kremlin"
    }

    fn detect(&self, lines: &[Line]) -> u32 {
        let mut score = 0;
        for line in lines {
            match head(line.text) {
                Some(HeadLine::Site) => score += 4,
                Some(HeadLine::Chrome) => score += 2,
                Some(HeadLine::Breadcrumb(parts))
                    if parts.iter().any(|p| SECTIONS.contains(&key(p).as_str())) =>
                {
                    score += 2
                }
                _ if line.text.contains("kremlin.ru") => score += 3,
                _ => {}
            }
        }
        score
    }

    fn head_line(&self, line: &str) -> Option<HeadLine> {
        head(line)
    }

    fn foot_line(&self, line: &str) -> Option<Foot> {
        foot(line)
    }

    fn credit(&self) -> Option<(&'static str, &'static str)> {
        Some(("President of Russia website, kremlin.ru", "CC BY 4.0"))
    }
}

/// The site's sections, as its breadcrumbs name them.
const SECTIONS: &[&str] = &[
    "news",
    "transcripts",
    "speeches",
    "events",
    "president",
    "новости",
    "стенограммы",
    "выступления",
    "события",
    "президент",
];

/// Classifies a line at the top of the page; `None` for content.
pub fn head(line: &str) -> Option<HeadLine> {
    let k = key(line);
    let bare = k.trim_end_matches(':').trim_end();
    if CHROME.contains(&bare)
        || CHROME.iter().any(|c| {
            // "Font size: A A A", "Site colours: C C C"
            k.strip_prefix(c)
                .is_some_and(|r| r.starts_with(':') && r.len() <= 24)
        })
    {
        return Some(HeadLine::Chrome);
    }
    // The older settings bar: `Select font Arial Times New Roman`, `Character spacing
    // (Kerning): Standard Medium Large`.
    if SETTING_STARTS.iter().any(|p| k.starts_with(p)) && k.chars().count() <= 100 {
        return Some(HeadLine::Chrome);
    }
    if KREMLIN_SITE.contains(&bare)
        || KREMLIN_SITE
            .iter()
            .any(|s| bare.starts_with(&format!("{s} — ")))
    {
        return Some(HeadLine::Site);
    }
    super::web::breadcrumb(line).map(HeadLine::Breadcrumb)
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
        assert_eq!(head("View settings"), Some(HeadLine::Chrome));
        assert_eq!(head("Font size:"), Some(HeadLine::Chrome));
        assert_eq!(head("Site\u{a0}colours:"), Some(HeadLine::Chrome));
        assert_eq!(head("Размер шрифта:"), Some(HeadLine::Chrome));
        assert_eq!(
            head("Official website of\u{a0}the President of\u{a0}Russia"),
            Some(HeadLine::Site)
        );
        assert_eq!(
            head("News\u{a0} /"),
            Some(HeadLine::Breadcrumb(vec!["News".into()]))
        );
        assert_eq!(
            head("Новости\u{a0}\u{a0}/  Стенограммы /"),
            Some(HeadLine::Breadcrumb(vec![
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
