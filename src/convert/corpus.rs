//! The converter's corpus scorer: hand-written expectations (`NAME.expect`, described
//! in `tests/corpus/README.md`) against what the converter makes of each excerpt, per
//! file and per field. `score-corpus` prints the table; `tests/corpus.rs` holds the
//! converter to it.

use super::text::normalize_spaces;
use super::{convert_bytes, Options};
use crate::model::Transcript;
use std::path::{Path, PathBuf};

/// The fields scored, in table order.
pub const FIELDS: [&str; 5] = ["title", "date", "place", "speakers", "turns"];

/// One excerpt's expectations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Expect {
    /// Where the text was copied from.
    pub source: String,
    /// Its licence and credit.
    pub licence: String,
    /// Its shape (the corpus folder).
    pub shape: String,
    /// `None` for `-`: the page has no title.
    pub title: Option<String>,
    /// ISO date, `None` for `-`.
    pub date: Option<String>,
    /// Place, `None` for `-`.
    pub place: Option<String>,
    /// Each speaker's name and the label variants the text uses.
    pub speakers: Vec<(String, Vec<String>)>,
    /// Each turn's speaker name, `None` for an unlabelled turn.
    pub turns: Vec<Option<String>>,
}

/// Parses a `.expect` file; errors say `file:line: why`.
pub fn parse_expect(text: &str, file: &str) -> Result<Expect, String> {
    let mut e = Expect::default();
    let mut in_turns = false;
    let mut seen: Vec<&str> = Vec::new();
    let opt = |v: &str| (v != "-").then(|| v.to_string());
    for (n, raw) in text.lines().enumerate() {
        let line = raw.trim();
        let fail = |why: &str| Err(format!("{file}:{}: {why}", n + 1));
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if in_turns {
            e.turns.push(opt(line));
            continue;
        }
        if line == "turns:" {
            in_turns = true;
            seen.push("turns");
            continue;
        }
        let Some((k, v)) = line.split_once(':') else {
            return fail("expected `field: value`");
        };
        let v = v.trim();
        match k {
            "source" => e.source = v.to_string(),
            "licence" => e.licence = v.to_string(),
            "shape" => e.shape = v.to_string(),
            "format" => {}
            "title" => e.title = opt(v),
            "date" => e.date = opt(v),
            "place" => e.place = opt(v),
            "speaker" => {
                let (name, labels) = v.split_once('=').unwrap_or((v, ""));
                e.speakers.push((
                    name.trim().to_string(),
                    labels
                        .split('|')
                        .map(|l| l.trim().to_string())
                        .filter(|l| !l.is_empty())
                        .collect(),
                ));
            }
            _ => return fail(&format!("unknown field `{k}`")),
        }
        if k != "speaker" {
            if seen.contains(&k) {
                return fail(&format!("`{k}` given twice"));
            }
            seen.push(match k {
                "source" => "source",
                "licence" => "licence",
                "shape" => "shape",
                "title" => "title",
                "date" => "date",
                "place" => "place",
                _ => "format",
            });
        }
    }
    for required in [
        "source", "licence", "shape", "title", "date", "place", "turns",
    ] {
        if !seen.contains(&required) {
            return Err(format!("{file}: `{required}` is missing"));
        }
    }
    for who in e.turns.iter().flatten() {
        if !e.speakers.iter().any(|(name, _)| name == who) {
            return Err(format!("{file}: turn speaker `{who}` is not a `speaker:`"));
        }
    }
    Ok(e)
}

/// One excerpt's score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    /// The excerpt, relative to the corpus folder.
    pub file: String,
    /// Its shape.
    pub shape: String,
    /// Whether each of [`FIELDS`] is right.
    pub right: [bool; 5],
    /// What was wrong, one line a field.
    pub misses: Vec<String>,
}

fn same(a: &str, b: &str) -> bool {
    let n = |s: &str| normalize_spaces(s).trim_end_matches('.').to_lowercase();
    n(a) == n(b)
}

fn same_opt(want: &Option<String>, got: Option<&str>) -> bool {
    match (want, got.filter(|g| !g.is_empty())) {
        (None, None) => true,
        (Some(w), Some(g)) => same(w, g),
        _ => false,
    }
}

/// Scores a converted transcript against its expectations.
pub fn score(file: &str, e: &Expect, t: &Transcript) -> Score {
    let name_of = |id: &Option<String>| {
        id.as_ref().map(|id| {
            t.speakers
                .iter()
                .find(|s| s.id == *id)
                .map_or(id.clone(), |s| s.name.clone())
        })
    };
    let mut want_names: Vec<String> = e.speakers.iter().map(|(n, _)| n.to_lowercase()).collect();
    let mut got_names: Vec<String> = t
        .speakers
        .iter()
        .map(|s| normalize_spaces(&s.name).to_lowercase())
        .collect();
    want_names.sort();
    got_names.sort();
    let got_turns: Vec<Option<String>> =
        t.turns.iter().map(|turn| name_of(&turn.speaker)).collect();
    let turns_right = got_turns.len() == e.turns.len()
        && got_turns.iter().zip(&e.turns).all(|(g, w)| match (g, w) {
            (None, None) => true,
            (Some(g), Some(w)) => same(g, w),
            _ => false,
        });
    let right = [
        same_opt(&e.title, Some(&t.title)),
        same_opt(&e.date, t.date.as_deref()),
        same_opt(&e.place, t.place.as_deref()),
        want_names
            .iter()
            .map(|n| normalize_spaces(n))
            .eq(got_names.iter().cloned()),
        turns_right,
    ];
    let show = |o: Option<&str>| o.map_or("-".to_string(), |s| format!("{s:?}"));
    let mut misses = Vec::new();
    if !right[0] {
        misses.push(format!(
            "title: want {}, got {}",
            show(e.title.as_deref()),
            show(Some(&t.title).filter(|s| !s.is_empty()).map(|s| s.as_str()))
        ));
    }
    if !right[1] {
        misses.push(format!(
            "date: want {}, got {}",
            show(e.date.as_deref()),
            show(t.date.as_deref())
        ));
    }
    if !right[2] {
        misses.push(format!(
            "place: want {}, got {}",
            show(e.place.as_deref()),
            show(t.place.as_deref())
        ));
    }
    if !right[3] {
        misses.push(format!("speakers: want {want_names:?}, got {got_names:?}"));
    }
    if !right[4] {
        let first = got_turns
            .iter()
            .zip(&e.turns)
            .position(|(g, w)| match (g, w) {
                (None, None) => false,
                (Some(g), Some(w)) => !same(g, w),
                _ => true,
            })
            .unwrap_or(got_turns.len().min(e.turns.len()));
        misses.push(format!(
            "turns: want {} turns, got {}; first difference at turn {}: want {}, got {}",
            e.turns.len(),
            got_turns.len(),
            first + 1,
            show(e.turns.get(first).cloned().flatten().as_deref()),
            show(got_turns.get(first).cloned().flatten().as_deref()),
        ));
    }
    Score {
        file: file.to_string(),
        shape: e.shape.clone(),
        right,
        misses,
    }
}

/// Every excerpt under `dir` (`*/NAME.txt|vtt|srt` with `NAME.expect`), sorted.
pub fn excerpts(dir: &Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let mut out = Vec::new();
    let read = |d: &Path| std::fs::read_dir(d).map_err(|e| format!("{}: {e}", d.display()));
    for shape in read(dir)? {
        let shape = shape.map_err(|e| e.to_string())?.path();
        if !shape.is_dir() {
            continue;
        }
        for f in read(&shape)? {
            let f = f.map_err(|e| e.to_string())?.path();
            if f.extension().is_some_and(|x| x == "expect") {
                let text = ["txt", "vtt", "srt"]
                    .iter()
                    .map(|x| f.with_extension(x))
                    .find(|p| p.exists())
                    .ok_or_else(|| format!("{}: no .txt, .vtt or .srt beside it", f.display()))?;
                out.push((text, f));
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Converts and scores every excerpt under `dir`.
pub fn run(dir: &Path) -> Result<Vec<Score>, String> {
    let mut scores = Vec::new();
    for (text, expect) in excerpts(dir)? {
        let rel = text
            .strip_prefix(dir)
            .unwrap_or(&text)
            .display()
            .to_string();
        let e = std::fs::read_to_string(&expect)
            .map_err(|err| format!("{}: {err}", expect.display()))
            .and_then(|s| parse_expect(&s, &expect.display().to_string()))?;
        let bytes = std::fs::read(&text).map_err(|err| format!("{}: {err}", text.display()))?;
        let options = Options {
            file: rel.clone(),
            ..Options::default()
        };
        match convert_bytes(&bytes, &options) {
            Ok(c) => scores.push(score(&rel, &e, &c.transcript)),
            Err(d) => scores.push(Score {
                file: rel.clone(),
                shape: e.shape.clone(),
                right: [false; 5],
                misses: vec![format!("error: {}", d.render(&rel))],
            }),
        }
    }
    Ok(scores)
}

/// Right fields over all fields, as a fraction.
pub fn ratio<'a>(scores: impl IntoIterator<Item = &'a Score>) -> (usize, usize) {
    scores.into_iter().fold((0, 0), |(r, n), s| {
        (
            r + s.right.iter().filter(|&&b| b).count(),
            n + s.right.len(),
        )
    })
}

/// The markdown table: a row per file, a row per shape, and the total.
pub fn table(scores: &[Score]) -> String {
    let mark = |b: bool| if b { "✓" } else { "✗" };
    let pct = |(r, n): (usize, usize)| {
        if n == 0 {
            "-".to_string()
        } else {
            format!("{:.1} %", 100.0 * r as f64 / n as f64)
        }
    };
    let mut out = format!(
        "| file | {} | fields right |\n|---|{}---|\n",
        FIELDS.join(" | "),
        "---|".repeat(FIELDS.len())
    );
    for s in scores {
        out += &format!(
            "| {} | {} | {} |\n",
            s.file,
            s.right.map(mark).join(" | "),
            pct(ratio([s]))
        );
    }
    let mut shapes: Vec<&str> = scores.iter().map(|s| s.shape.as_str()).collect();
    shapes.dedup();
    shapes.sort();
    shapes.dedup();
    for shape in shapes {
        let of: Vec<&Score> = scores.iter().filter(|s| s.shape == shape).collect();
        let per_field: Vec<String> = (0..FIELDS.len())
            .map(|f| format!("{}/{}", of.iter().filter(|s| s.right[f]).count(), of.len()))
            .collect();
        out += &format!(
            "| **{shape}** ({} files) | {} | **{}** |\n",
            of.len(),
            per_field.join(" | "),
            pct(ratio(of.iter().copied()))
        );
    }
    let per_field: Vec<String> = (0..FIELDS.len())
        .map(|f| {
            format!(
                "{}/{}",
                scores.iter().filter(|s| s.right[f]).count(),
                scores.len()
            )
        })
        .collect();
    out += &format!(
        "| **total** ({} files) | {} | **{}** |\n",
        scores.len(),
        per_field.join(" | "),
        pct(ratio(scores))
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const EXPECT: &str = "# a comment\nsource: http://x\nlicence: CC BY 4.0\nshape: kremlin\ntitle: Talks\ndate: 2022-02-18\nplace: -\nspeaker: Vladimir Putin = President of Russia Vladimir Putin | Vladimir Putin\nspeaker: Question = Question\nturns:\nVladimir Putin\n-\nQuestion\n";

    #[test]
    fn expectations_parse_and_errors_name_the_line() {
        let e = parse_expect(EXPECT, "a.expect").unwrap();
        assert_eq!(e.title.as_deref(), Some("Talks"));
        assert_eq!(e.place, None);
        assert_eq!(
            e.speakers[0].1,
            ["President of Russia Vladimir Putin", "Vladimir Putin"]
        );
        assert_eq!(
            e.turns,
            [Some("Vladimir Putin".into()), None, Some("Question".into())]
        );
        assert_eq!(
            parse_expect("source: x\nnonsense\n", "b.expect").unwrap_err(),
            "b.expect:2: expected `field: value`"
        );
        assert!(parse_expect("source: x\n", "c.expect")
            .unwrap_err()
            .contains("`licence` is missing"));
        let bad = EXPECT.replace("Question\n", "Nobody\n");
        assert!(parse_expect(&bad, "d.expect")
            .unwrap_err()
            .contains("`Nobody`"));
    }

    #[test]
    fn every_field_can_be_wrong() {
        let e = parse_expect(EXPECT, "a.expect").unwrap();
        let text = "Talks\nFebruary 18, 2022\nPresident of Russia Vladimir Putin: Hello.\n* * *\nLater.\nQuestion: Why?\n";
        let t = super::super::convert(text, &Options::default())
            .unwrap()
            .transcript;
        assert_eq!(score("a", &e, &t).right, [true; 5]);
        let mut w = t.clone();
        w.title = "Other".into();
        w.date = None;
        w.place = Some("Moscow".into());
        w.speakers.pop();
        w.turns.swap(0, 2);
        let s = score("a", &e, &w);
        assert_eq!(s.right, [false; 5]);
        assert_eq!(s.misses.len(), 5);
        assert!(table(&[s])
            .contains("| **total** (1 files) | 0/1 | 0/1 | 0/1 | 0/1 | 0/1 | **0.0 %** |"));
    }
}
