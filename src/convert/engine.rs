//! The label and turn engine every text shape shares: which label-shaped lines are
//! speaker labels, who each speaker is (a titled label, a bare name, a surname and
//! initials are one person), and how the body splits into summary and turns.
//!
//! A shape module only says which lines are labels in its own grammar
//! ([`Shape::label`]); the decisions that need the whole document are made here.

use super::label::{self, Candidate};
use super::lines::{is_separator, Line};
use super::shape::Shape;
use super::text::{self, key, trim};
use super::Diagnostic;
use crate::model::{Speaker, Turn};
use std::collections::{HashMap, HashSet};

/// The body read: summary paragraphs, speakers in order of appearance, turns with ids.
#[derive(Debug, Default)]
pub struct Read {
    pub summary: Vec<String>,
    pub speakers: Vec<Speaker>,
    pub turns: Vec<Turn>,
}

/// A label line that was taken, resolved to its speaker.
#[derive(Debug, Clone)]
struct Taken {
    speaker: usize,
    annotation: Option<String>,
    rest_start: usize,
}

/// A speaker while the document is read.
#[derive(Debug, Clone)]
struct Person {
    key: String,
    name: String,
    role: Option<String>,
    anonymous: bool,
    first_seen: usize,
}

/// The speaker labels of a whole text, decided once: the head reader stops at the
/// first, and [`read`] splits the body at them.
#[derive(Debug, Default)]
pub struct Labels {
    taken: Vec<Option<Taken>>,
    people: Vec<Person>,
}

impl Labels {
    /// Decides the labels of `lines` for `shape`.
    pub fn read(lines: &[Line], shape: &dyn Shape, warnings: &mut Vec<Diagnostic>) -> Labels {
        let (taken, people) = read_labels(lines, shape, &[], warnings);
        Labels { taken, people }
    }

    /// Decides the labels again with the lines at `not` read as text: label-shaped
    /// headings the head reader found (`Lord Speaker: Baroness Hayman` above its date).
    pub fn read_without(
        lines: &[Line],
        shape: &dyn Shape,
        not: &[usize],
        warnings: &mut Vec<Diagnostic>,
    ) -> Labels {
        let (taken, people) = read_labels(lines, shape, not, warnings);
        Labels { taken, people }
    }

    /// Whether line `i` is a speaker label.
    pub fn is_label(&self, i: usize) -> bool {
        self.taken.get(i).is_some_and(Option::is_some)
    }
}

/// Reads the body: the lines of `all` at `body` (in order), with their labels.
pub fn read(all: &[Line], body: &[usize], labels: &Labels, warnings: &mut Vec<Diagnostic>) -> Read {
    let people = &labels.people;
    let labels: Vec<&Option<Taken>> = body.iter().map(|&i| &labels.taken[i]).collect();
    let body: Vec<Line> = body.iter().map(|&i| all[i]).collect();

    // Summary: up to `* * *` when it comes before the first label, else up to the
    // first label; with neither, there is no summary and the text is one turn.
    let first_label = labels.iter().position(|t| t.is_some());
    let first_sep = body.iter().position(|l| is_separator(l.text));
    let summary_end = match (first_sep, first_label) {
        (Some(s), Some(l)) if s < l => s,
        (Some(s), None) => s,
        (_, Some(l)) => l,
        (None, None) => 0,
    };
    let summary: Vec<String> = body[..summary_end]
        .iter()
        .filter(|l| !is_separator(l.text))
        .map(|l| l.text.to_string())
        .collect();

    // Each turn with its person (index into `people`) and its line number.
    let mut turns: Vec<(Turn, Option<usize>, usize)> = Vec::new();
    let mut open = false;
    for (line, taken) in body.iter().zip(&labels).skip(summary_end) {
        if is_separator(line.text) {
            open = false;
            continue;
        }
        match taken {
            Some(t) => {
                let rest = trim(&line.text[t.rest_start..]);
                turns.push((
                    Turn {
                        id: String::new(),
                        speaker: None,
                        annotation: t.annotation.clone(),
                        paragraphs: (!rest.is_empty())
                            .then(|| rest.to_string())
                            .into_iter()
                            .collect(),
                        ..Default::default()
                    },
                    Some(t.speaker),
                    line.no,
                ));
                open = true;
            }
            None if open => {
                if let Some((turn, _, _)) = turns.last_mut() {
                    turn.paragraphs.push(line.text.to_string());
                }
            }
            None => {
                turns.push((
                    Turn {
                        id: String::new(),
                        speaker: None,
                        annotation: None,
                        paragraphs: vec![line.text.to_string()],
                        ..Default::default()
                    },
                    None,
                    line.no,
                ));
                open = true;
            }
        }
    }
    // A label with nothing before the next label is dropped; the last one is kept
    // empty: the text was cut after it, and its speaker still spoke.
    let last = turns.len().saturating_sub(1);
    let mut n = 0;
    turns.retain(|(turn, _, no)| {
        let at = n;
        n += 1;
        if !turn.paragraphs.is_empty() {
            return true;
        }
        let keep = at == last;
        warnings.push(Diagnostic::new(
            *no,
            1,
            if keep {
                "warning: the text ends after this speaker label; its turn is empty"
            } else {
                "warning: speaker label with no text after it; dropped"
            },
        ));
        keep
    });
    let (speakers, ids) = speakers(people, |p| turns.iter().any(|(_, who, _)| *who == Some(p)));
    let turns = turns
        .into_iter()
        .enumerate()
        .map(|(n, (mut turn, who, _))| {
            turn.id = format!("t{}", n + 1);
            turn.speaker = who.and_then(|p| ids[p].clone());
            turn
        })
        .collect();
    Read {
        summary,
        speakers,
        turns,
    }
}

/// Speakers in order of first appearance with unique slug ids, only those `used`; and
/// each person's id (`None` for the unused).
fn speakers(
    people: &[Person],
    used: impl Fn(usize) -> bool,
) -> (Vec<Speaker>, Vec<Option<String>>) {
    let mut order: Vec<usize> = (0..people.len()).filter(|&p| used(p)).collect();
    order.sort_by_key(|&p| people[p].first_seen);
    let mut ids: Vec<Option<String>> = vec![None; people.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    for &p in &order {
        let person = &people[p];
        let id = speaker_id(&speakers, &person.name);
        ids[p] = Some(id.clone());
        speakers.push(Speaker {
            id,
            name: person.name.clone(),
            role: person.role.clone(),
            anonymous: person.anonymous,
        });
    }
    (speakers, ids)
}

/// A new speaker's id: the slug of `name` (`speaker` when it has none), made unique
/// among `speakers` with `-2`, `-3`, ….
pub fn speaker_id(speakers: &[Speaker], name: &str) -> String {
    let base = match text::slug(name) {
        s if s.is_empty() => "speaker".to_string(),
        s => s,
    };
    let mut id = base.clone();
    let mut n = 2;
    while speakers.iter().any(|s| s.id == id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

/// The label a line starts with: the shape's own grammar first, then the shared one.
fn candidate(shape: &dyn Shape, line: &str) -> Option<Candidate> {
    if super::shape::drop(shape, line) {
        // Page furniture (`Full Debate: Read Full Debate`) is never a label.
        return None;
    }
    shape.label(line).or_else(|| label::scan(line))
}

/// `Vladimir Putin with Russian FlagLarry King`: an image's text run into a label when
/// the page was copied. Where a word turns from lower case to a capital and what
/// follows is a label met elsewhere in the text, the label is that.
fn unglue(candidates: &mut [Option<Candidate>]) {
    let glued = |label: &str| -> Vec<usize> {
        label
            .char_indices()
            .zip(label.chars().skip(1))
            .filter(|((_, a), b)| a.is_lowercase() && b.is_uppercase())
            .map(|((i, a), _)| i + a.len_utf8())
            .collect()
    };
    if !candidates
        .iter()
        .flatten()
        .any(|c| !glued(&c.label).is_empty())
    {
        return;
    }
    let known: HashSet<String> = candidates
        .iter()
        .flatten()
        .filter(|c| glued(&c.label).is_empty())
        .map(|c| key(&c.label))
        .collect();
    for c in candidates.iter_mut().flatten() {
        let Some(at) = glued(&c.label)
            .into_iter()
            .find(|&at| known.contains(&key(&c.label[at..])))
        else {
            continue;
        };
        c.label = c.label[at..].to_string();
        c.words = c.label.split(' ').map(str::to_string).collect();
    }
}

/// Decides which label-shaped lines of the body are speaker labels and who speaks.
fn read_labels(
    body: &[Line],
    shape: &dyn Shape,
    not: &[usize],
    warnings: &mut Vec<Diagnostic>,
) -> (Vec<Option<Taken>>, Vec<Person>) {
    let mut candidates: Vec<Option<Candidate>> = body
        .iter()
        .enumerate()
        .map(|(i, l)| {
            (!not.contains(&i))
                .then(|| candidate(shape, l.text))
                .flatten()
        })
        .collect();
    unglue(&mut candidates);
    let is_single = |c: &Candidate| {
        !c.sure
            && c.words.len() == 1
            && !c.anonymous
            && !c.role_only
            && !label::is_initials_form(&c.words[0])
    };
    // Labels several words long (or otherwise unmistakable) followed by a capital are
    // taken; the same label is then taken wherever it appears.
    let mut sure: Vec<String> = Vec::new();
    let mut seen: HashSet<String> = HashSet::new();
    for c in candidates.iter().flatten() {
        if !is_single(c) && (c.sure || !c.lowercase_rest) {
            let k = key(&c.label);
            if seen.insert(k.clone()) {
                sure.push(k);
            }
        }
    }
    let sure_set: HashSet<&str> = sure.iter().map(String::as_str).collect();
    let mut resolved: HashMap<(String, Option<String>), (usize, Option<String>)> = HashMap::new();
    let mut people: Vec<Person> = Vec::new();
    let mut taken: Vec<Option<Taken>> = vec![None; body.len()];
    for (n, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        let label_key = key(&c.label);
        if is_single(c) || !sure_set.contains(label_key.as_str()) {
            continue;
        }
        // The same label (and note) is the same person wherever it appears.
        let memo_key = (label_key, c.annotation.clone());
        if let Some((speaker, annotation)) = resolved.get(&memo_key) {
            taken[n] = Some(Taken {
                speaker: *speaker,
                annotation: annotation.clone(),
                rest_start: c.rest_start,
            });
            continue;
        }
        let (role, name, annotation) = if c.anonymous || c.role_only {
            (None, label::display_name(&c.label), c.annotation.clone())
        } else {
            let (role, name) = label::split_role(&c.words, &sure);
            match (&role, &c.annotation) {
                // `The Prime Minister (Boris Johnson)`: the note is the name.
                (None, Some(note)) if label::is_title(&c.words) && label::is_name(note) => (
                    Some(label::display_name(&name)),
                    label::display_name(note),
                    None,
                ),
                _ => (
                    role.map(|r| label::display_name(&r)),
                    label::display_name(&name),
                    c.annotation.clone(),
                ),
            }
        };
        // `The Prime Minister` after `The Prime Minister (Boris Johnson)`: the office
        // names the one person who held it here.
        let name_key = key(&name);
        let office = people
            .iter()
            .position(|p| p.role.as_deref().is_some_and(|r| key(r) == name_key));
        let p = office
            .or_else(|| find_person(&people, &name_key, c.anonymous))
            .unwrap_or_else(|| {
                people.push(Person {
                    key: name_key.clone(),
                    name: name.clone(),
                    role: None,
                    anonymous: c.anonymous,
                    first_seen: n,
                });
                people.len() - 1
            });
        if people[p].role.is_none() {
            people[p].role = role;
        }
        resolved.insert(memo_key, (p, annotation.clone()));
        taken[n] = Some(Taken {
            speaker: p,
            annotation,
            rest_start: c.rest_start,
        });
    }
    // Single capitalised words (`Putin:`, `PSAKI:`, `Note:`) are taken when they are a
    // known speaker's surname, written in capitals, or used as a label more than once.
    let mut singles: Vec<(String, usize)> = Vec::new();
    for c in candidates
        .iter()
        .flatten()
        .filter(|c| is_single(c) && !c.lowercase_rest)
    {
        let k = key(&c.label);
        match singles.iter_mut().find(|(s, _)| *s == k) {
            Some((_, count)) => *count += 1,
            None => singles.push((k, 1)),
        }
    }
    for (n, c) in candidates.iter().enumerate() {
        let Some(c) = c else { continue };
        if !is_single(c) {
            continue;
        }
        let k = key(&c.label);
        let known = find_person(&people, &k, false);
        let repeated = singles.iter().any(|(s, count)| *s == k && *count > 1);
        let caps = text::is_all_caps(&c.label) && c.label.chars().count() > 1;
        if c.lowercase_rest && known.is_none() {
            continue;
        }
        if known.is_none() && !repeated && !caps {
            warnings.push(Diagnostic::new(
                body[n].no,
                c.colon_column,
                format!(
                    "warning: \"{}:\" looks like a speaker label but is a single word used once; kept as text",
                    c.label
                ),
            ));
            continue;
        }
        let p = known.unwrap_or_else(|| {
            people.push(Person {
                key: k.clone(),
                name: label::display_name(&c.label),
                role: None,
                anonymous: false,
                first_seen: n,
            });
            people.len() - 1
        });
        people[p].first_seen = people[p].first_seen.min(n);
        taken[n] = Some(Taken {
            speaker: p,
            annotation: c.annotation.clone(),
            rest_start: c.rest_start,
        });
    }
    (taken, people)
}

/// The speaker a name key refers to: the same key; a surname alone (`putin`) that
/// fits exactly one speaker; or initials and surname (`в.путин`) against a full name.
fn find_person(people: &[Person], k: &str, anonymous: bool) -> Option<usize> {
    if let Some(p) = people.iter().position(|p| p.key == k) {
        return Some(p);
    }
    if anonymous {
        return None;
    }
    let unique = |f: &dyn Fn(&Person) -> bool| {
        let mut hits = people
            .iter()
            .enumerate()
            .filter(|(_, p)| !p.anonymous && f(p));
        match (hits.next(), hits.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    };
    if !k.contains([' ', '.']) {
        return unique(&|p| surname(&p.key) == k);
    }
    // `Mr Lansley` after `Mr Andrew Lansley`, `Mr. Dalyell` after `Mr. Tam Dalyell`.
    if let Some((honorific, sur)) = k.split_once(' ').or_else(|| k.split_once('.')) {
        let honorific = honorific.trim_end_matches('.');
        if matches!(
            honorific,
            "mr" | "mrs" | "ms" | "miss" | "dr" | "sir" | "dame" | "senator" | "president"
        ) && !sur.contains(' ')
        {
            return unique(&|p| {
                surname(&p.key) == sur && p.key.starts_with(honorific) && p.key != k
            })
            .or_else(|| {
                unique(&|p| surname(&p.key) == sur && p.key != k && !p.key.starts_with(honorific))
            });
        }
    }
    let (initials, sur) = split_initials(k)?;
    unique(&|p| {
        surname(&p.key) == sur
            && p.key
                .split([' ', '.'])
                .next()
                .and_then(|f| f.chars().next())
                == initials.chars().next()
    })
}

fn surname(k: &str) -> &str {
    k.rsplit([' ', '.']).next().unwrap_or(k)
}

/// `в.путин` → (`в`, `путин`).
fn split_initials(k: &str) -> Option<(&str, &str)> {
    let dot = k.rfind('.')?;
    let (init, sur) = (&k[..dot], &k[dot + 1..]);
    (!sur.is_empty() && !sur.contains(' ') && !init.contains(' ')).then_some((init, sur))
}
