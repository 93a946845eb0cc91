//! The footer that credits where the text comes from and under which licence.

use crate::model::Source;
use yew::prelude::*;

/// Properties of [`SourceFooter`].
#[derive(Properties, PartialEq)]
pub struct SourceFooterProps {
    /// Provenance of the transcript.
    pub source: Source,
    /// The word before the credit line (default "Source").
    #[prop_or(AttrValue::Static("Source"))]
    pub label: AttrValue,
    /// The label's `lang`, where it is not the transcript's.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
}

/// `<footer class="tv-source">`: "Source: credit (licence)", the credit linked to the
/// original page when the transcript names one with an `http(s)` address.
#[function_component]
pub fn SourceFooter(props: &SourceFooterProps) -> Html {
    let source = &props.source;
    let href = source.url.as_deref().and_then(safe_href);
    let credit = source
        .credit
        .clone()
        .or_else(|| href.map(str::to_string))
        .unwrap_or_else(|| source.file.clone());
    html! {
        <footer class="tv-source">
            <p>
                if let Some(lang) = &props.lang {
                    <span lang={lang.clone()}>{ format!("{}: ", props.label) }</span>
                } else {
                    { format!("{}: ", props.label) }
                }
                if let Some(href) = href {
                    <a href={href.to_string()}>{ credit }</a>
                } else {
                    { credit }
                }
                if let Some(license) = &source.license {
                    { format!(" ({license})") }
                }
            </p>
        </footer>
    }
}

/// `url` if it is an absolute `http:` or `https:` address, the only ones the viewer
/// links to: a transcript file must not be able to plant a `javascript:` link.
pub fn safe_href(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme_end = url.find("://")?;
    let scheme = &url[..scheme_end];
    let ok = scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http");
    (ok && url.len() > scheme_end + 3).then_some(url)
}

#[cfg(test)]
mod tests {
    use super::safe_href;

    #[test]
    fn links_only_http_addresses() {
        let cases = [
            (
                "http://kremlin.ru/events/1",
                Some("http://kremlin.ru/events/1"),
            ),
            (" HTTPS://en.kremlin.ru/ ", Some("HTTPS://en.kremlin.ru/")),
            ("javascript:alert(1)", None),
            ("javascript://%0aalert(1)", None),
            ("data:text/html,<b>x</b>", None),
            ("//kremlin.ru", None),
            ("kremlin.ru", None),
            ("https://", None),
            ("", None),
        ];
        for (url, want) in cases {
            assert_eq!(safe_href(url), want, "{url:?}");
        }
    }
}
