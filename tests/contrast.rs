//! Colour contrast of every colour scheme, read from the stylesheet itself
//! (`www/viewer.css`), so the values checked are the values the browser uses.
//!
//! Every rule that sets one of the scheme colour properties is a scheme block: it must
//! set all of them (a scheme missing a property fails), in hex, and every pair a
//! reader depends on (text, links, highlights, focus rings, controls) must keep a WCAG
//! contrast ratio of at least 7:1 (AAA); separators, which are not controls, 3:1.
//! Every scheme the settings offer (`settings::Scheme::ALL`) must have its block, and
//! "system" must have one per system preference, equal to the scheme it stands for.
//!
//! Run with `cargo test --test contrast`.

use std::collections::BTreeMap;
use transcript_viewer::settings::{Choice, Scheme};

const CSS: &str = include_str!("../www/viewer.css");

/// The colour properties every scheme block sets.
const COLOURS: [&str; 12] = [
    "--tv-bg",
    "--tv-fg",
    "--tv-muted",
    "--tv-accent",
    "--tv-border",
    "--tv-rule",
    "--tv-focus",
    "--tv-mark-bg",
    "--tv-mark-fg",
    "--tv-current-bg",
    "--tv-current-fg",
    "--tv-current-outline",
];

/// The viewer's other custom properties (type, spacing, layout): not colours.
const NOT_COLOURS: [&str; 8] = [
    "--tv-font-family",
    "--tv-font-size",
    "--tv-line-height",
    "--tv-letter-spacing",
    "--tv-word-spacing",
    "--tv-paragraph-spacing",
    "--tv-measure",
    "--tv-sticky-top",
];

/// The who-spoke-when strip's speaker colours (`src/state/strip.rs`: `COLOURS`), set
/// per scheme in rules of their own: non-text contrast, at least 3:1 against the
/// scheme's background (WCAG 1.4.11), and the scheme's text colour only in black on
/// white and white on black (where patterns tell speakers apart).
const SPEAKER_COLOURS: [&str; 8] = [
    "--tv-speaker-0",
    "--tv-speaker-1",
    "--tv-speaker-2",
    "--tv-speaker-3",
    "--tv-speaker-4",
    "--tv-speaker-5",
    "--tv-speaker-6",
    "--tv-speaker-7",
];

/// (foreground, background, minimum ratio, what it is).
const PAIRS: [(&str, &str, f64, &str); 11] = [
    ("--tv-fg", "--tv-bg", 7.0, "text"),
    (
        "--tv-muted",
        "--tv-bg",
        7.0,
        "secondary text (roles, stats, dateline)",
    ),
    (
        "--tv-accent",
        "--tv-bg",
        7.0,
        "links, checked radios and checkboxes",
    ),
    ("--tv-bg", "--tv-accent", 7.0, "text of a pressed toggle"),
    (
        "--tv-bg",
        "--tv-fg",
        7.0,
        "the announcement (inverted text)",
    ),
    ("--tv-border", "--tv-bg", 7.0, "control borders"),
    ("--tv-focus", "--tv-bg", 7.0, "focus rings"),
    ("--tv-mark-fg", "--tv-mark-bg", 7.0, "text in a match"),
    (
        "--tv-current-fg",
        "--tv-current-bg",
        7.0,
        "text in the current match",
    ),
    (
        "--tv-current-outline",
        "--tv-bg",
        7.0,
        "the current match's outline",
    ),
    ("--tv-rule", "--tv-bg", 3.0, "separators (not controls)"),
];

/// One style rule: the `@media` conditions around it, its selectors and declarations.
#[derive(Debug, Clone)]
struct Rule {
    media: String,
    selectors: Vec<String>,
    declarations: Vec<(String, String)>,
}

fn strip_comments(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        match rest[start + 2..].find("*/") {
            Some(end) => rest = &rest[start + 2 + end + 2..],
            None => panic!("unterminated comment in viewer.css"),
        }
    }
    out.push_str(rest);
    out
}

/// The index of the `}` closing the block whose `{` is just before `from`.
fn block_end(css: &str, from: usize) -> usize {
    let mut depth = 1;
    for (i, c) in css[from..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return from + i;
                }
            }
            _ => {}
        }
    }
    panic!("unbalanced braces in viewer.css");
}

fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every style rule of `css`, with the conditions of the `@media` blocks it is in
/// (joined by " / "); `@font-face` and other at-rules without rules are skipped.
fn parse(css: &str, media: &str, out: &mut Vec<Rule>) {
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let prelude = normalise(&rest[..open]);
        let end = block_end(rest, open + 1);
        let body = &rest[open + 1..end];
        if let Some(condition) = prelude.strip_prefix("@media ") {
            let inner = if media.is_empty() {
                condition.to_string()
            } else {
                format!("{media} / {condition}")
            };
            parse(body, &inner, out);
        } else if !prelude.starts_with('@') {
            out.push(Rule {
                media: media.to_string(),
                selectors: prelude.split(',').map(normalise).collect(),
                declarations: body
                    .split(';')
                    .filter_map(|d| d.split_once(':'))
                    .map(|(k, v)| (k.trim().to_string(), normalise(v)))
                    .collect(),
            });
        }
        rest = &rest[end + 1..];
    }
}

fn rules() -> Vec<Rule> {
    let mut out = Vec::new();
    parse(&strip_comments(CSS), "", &mut out);
    assert!(out.len() > 50, "parsed only {} rules", out.len());
    out
}

/// A `#rgb` or `#rrggbb` colour as (r, g, b).
fn hex(value: &str) -> Option<(u8, u8, u8)> {
    let h = value.strip_prefix('#')?;
    let digits: Vec<u8> = h
        .chars()
        .map(|c| c.to_digit(16).map(|d| d as u8))
        .collect::<Option<_>>()?;
    match digits[..] {
        [r, g, b] => Some((r * 17, g * 17, b * 17)),
        [r1, r2, g1, g2, b1, b2] => Some((r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
        _ => None,
    }
}

/// WCAG 2 relative luminance.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio, 1 to 21.
fn ratio(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The rule's colours, `var(--tv-…)` resolved within the rule; panics naming the rule
/// when one is missing or not a hex colour.
fn colours(rule: &Rule) -> BTreeMap<&'static str, (u8, u8, u8)> {
    let declared: BTreeMap<&str, &str> = rule
        .declarations
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    let mut out = BTreeMap::new();
    for name in COLOURS {
        let mut value = *declared
            .get(name)
            .unwrap_or_else(|| panic!("{} sets no {name}", describe(rule)));
        for _ in 0..4 {
            match value.strip_prefix("var(").and_then(|v| v.strip_suffix(')')) {
                Some(other) => {
                    value = declared.get(other.trim()).unwrap_or_else(|| {
                        panic!("{}: {name} refers to {other}, not set here", describe(rule))
                    })
                }
                None => break,
            }
        }
        let colour = hex(value).unwrap_or_else(|| {
            panic!(
                "{}: {name} is {value:?}, not a #rgb or #rrggbb colour",
                describe(rule)
            )
        });
        out.insert(name, colour);
    }
    out
}

fn describe(rule: &Rule) -> String {
    if rule.media.is_empty() {
        format!("`{}`", rule.selectors.join(", "))
    } else {
        format!("`{}` in @media {}", rule.selectors.join(", "), rule.media)
    }
}

fn sets_a_colour(rule: &Rule) -> bool {
    rule.declarations
        .iter()
        .any(|(k, _)| COLOURS.contains(&k.as_str()))
}

fn scheme_rules() -> Vec<Rule> {
    rules().into_iter().filter(sets_a_colour).collect()
}

/// The scheme block for `selector` under exactly these `media` conditions.
fn block(media: &str, selector: &str) -> Rule {
    let found: Vec<Rule> = scheme_rules()
        .into_iter()
        .filter(|r| r.media == media && r.selectors.iter().any(|s| s == selector))
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one scheme block with `{selector}` under @media {media:?}, found {}",
        found.len()
    );
    found.into_iter().next().unwrap()
}

#[test]
fn the_contrast_formula_matches_wcag() {
    let white = (255, 255, 255);
    let black = (0, 0, 0);
    assert!((ratio(white, black) - 21.0).abs() < 1e-9);
    assert!((ratio(black, white) - 21.0).abs() < 1e-9);
    assert!((ratio(white, white) - 1.0).abs() < 1e-9);
    // #767676 is the classic lightest grey at 4.5:1 on white; #595959 at 7:1.
    assert!((ratio(hex("#767676").unwrap(), white) - 4.54).abs() < 0.01);
    assert!((ratio(hex("#595959").unwrap(), white) - 7.0).abs() < 0.01);
    assert_eq!(hex("#fff"), Some(white));
    assert_eq!(hex("#0A4a80"), Some((10, 74, 128)));
    assert_eq!(hex("red"), None);
    assert_eq!(hex("#12345"), None);
}

#[test]
fn every_scheme_block_is_complete_and_keeps_aaa_contrast() {
    let blocks = scheme_rules();
    // The named schemes (light also serves "system"), three more for "system" under
    // the device's preferences, and print.
    let expected = Scheme::ALL.len() - 1 + 3 + 1;
    assert_eq!(blocks.len(), expected, "scheme blocks: {blocks:#?}");
    let mut failures = Vec::new();
    for rule in &blocks {
        let c = colours(rule);
        for (fg, bg, min, what) in PAIRS {
            let r = ratio(c[fg], c[bg]);
            if r < min {
                failures.push(format!(
                    "{}: {fg} on {bg} ({what}) is {r:.2}:1, needs {min}:1",
                    describe(rule)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn every_offered_scheme_has_its_block_and_sample() {
    for scheme in Scheme::ALL {
        let v = scheme.value();
        let root = format!(".tv-root[data-scheme=\"{v}\"]");
        let sample = format!(".tv-root [data-swatch=\"{v}\"]");
        let rule = block("", &root);
        assert!(
            rule.selectors.contains(&sample),
            "{} does not style the sample {sample}",
            describe(&rule)
        );
        colours(&rule);
    }
    // A root without the attribute gets the light scheme (the default).
    assert_eq!(
        colours(&block("", ".tv-root")),
        colours(&block("", ".tv-root[data-scheme=\"light\"]"))
    );
}

#[test]
fn system_follows_the_device_with_the_named_schemes_values() {
    let named = |v: &str| colours(&block("", &format!(".tv-root[data-scheme=\"{v}\"]")));
    let system = ".tv-root[data-scheme=\"system\"]";
    let cases = [
        ("", "light"),
        ("(prefers-color-scheme: dark)", "dark"),
        ("(prefers-contrast: more)", "black-on-white"),
        (
            "(prefers-contrast: more) and (prefers-color-scheme: dark)",
            "white-on-black",
        ),
    ];
    for (media, same_as) in cases {
        let rule = block(media, system);
        assert!(
            rule.selectors
                .contains(&".tv-root [data-swatch=\"system\"]".to_string()),
            "{} does not style the system sample",
            describe(&rule)
        );
        assert_eq!(
            colours(&rule),
            named(same_as),
            "{} differs from {same_as}",
            describe(&rule)
        );
        // The later blocks also cover a root without the attribute.
        if !media.is_empty() {
            assert!(
                rule.selectors
                    .contains(&".tv-root:not([data-scheme])".to_string()),
                "{}",
                describe(&rule)
            );
        }
    }
}

#[test]
fn print_uses_a_complete_black_on_white_scheme() {
    let rule = block("print", ".tv-root[data-scheme]");
    let c = colours(&rule);
    assert_eq!(c["--tv-bg"], (255, 255, 255));
    assert_eq!(c["--tv-fg"], (0, 0, 0));
}

#[test]
fn every_custom_property_used_is_known() {
    let css = strip_comments(CSS);
    let mut unknown = Vec::new();
    for (i, _) in css.match_indices("--tv-") {
        let name: String = css[i..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if !COLOURS.contains(&name.as_str())
            && !NOT_COLOURS.contains(&name.as_str())
            && !SPEAKER_COLOURS.contains(&name.as_str())
        {
            unknown.push(name);
        }
    }
    unknown.dedup();
    assert!(
        unknown.is_empty(),
        "custom properties not listed here (a new colour must be added to COLOURS and \
         PAIRS): {unknown:?}"
    );
}

/// The speaker palette set for `selector` under exactly these `media` conditions (one
/// rule, every colour in hex).
fn palette(media: &str, selector: &str) -> Vec<(u8, u8, u8)> {
    let found: Vec<Rule> = rules()
        .into_iter()
        .filter(|r| r.media == media && r.selectors.iter().any(|s| s == selector))
        .filter(|r| {
            r.declarations
                .iter()
                .any(|(k, _)| k.starts_with("--tv-speaker-"))
        })
        .collect();
    assert_eq!(
        found.len(),
        1,
        "expected one speaker palette for `{selector}` under @media {media:?}"
    );
    let rule = &found[0];
    SPEAKER_COLOURS
        .iter()
        .map(|name| {
            let value = rule
                .declarations
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_str())
                .unwrap_or_else(|| panic!("{} sets no {name}", describe(rule)));
            hex(value).unwrap_or_else(|| panic!("{}: {name} is {value:?}", describe(rule)))
        })
        .collect()
}

#[test]
fn every_scheme_gives_the_speakers_colours_of_three_to_one() {
    let system = ".tv-root[data-scheme=\"system\"]";
    let mut cases: Vec<(String, String, String)> = Scheme::ALL
        .iter()
        .filter(|s| s.value() != "system")
        .map(|s| {
            let sel = format!(".tv-root[data-scheme=\"{}\"]", s.value());
            (String::new(), sel.clone(), sel)
        })
        .collect();
    cases.push((String::new(), system.into(), system.into()));
    for media in [
        "(prefers-color-scheme: dark)",
        "(prefers-contrast: more)",
        "(prefers-contrast: more) and (prefers-color-scheme: dark)",
    ] {
        cases.push((media.into(), system.into(), system.into()));
    }
    let mut failures = Vec::new();
    for (media, selector, scheme) in &cases {
        let scheme_colours = colours(&block(media, scheme));
        let (bg, fg) = (scheme_colours["--tv-bg"], scheme_colours["--tv-fg"]);
        let two_colours = scheme.contains("black-on-white")
            || scheme.contains("white-on-black")
            || media.contains("prefers-contrast");
        for (name, colour) in SPEAKER_COLOURS.iter().zip(palette(media, selector)) {
            let r = ratio(colour, bg);
            if r < 3.0 {
                failures.push(format!("{selector} {media}: {name} is {r:.2}:1 on --tv-bg"));
            }
            if two_colours && colour != fg {
                failures.push(format!("{selector} {media}: {name} is not the text colour"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // A root without the attribute gets the light palette.
    assert_eq!(
        palette("", ".tv-root"),
        palette("", ".tv-root[data-scheme=\"light\"]")
    );
    // "system" under each preference is the named scheme's palette.
    let named = |v: &str| palette("", &format!(".tv-root[data-scheme=\"{v}\"]"));
    assert_eq!(
        palette("(prefers-color-scheme: dark)", system),
        named("dark")
    );
    assert_eq!(
        palette("(prefers-contrast: more)", system),
        named("black-on-white")
    );
    assert_eq!(
        palette(
            "(prefers-contrast: more) and (prefers-color-scheme: dark)",
            system
        ),
        named("white-on-black")
    );
}
