//! Shapes of transcript pages. Each shape is one module that knows its own page: the
//! evidence that a text has its shape ([`Shape::detect`]), the lines at the top that
//! are chrome or metadata ([`Shape::head_line`]), the lines in the body that are not
//! content ([`Shape::drop`]) and any label grammar beyond the shared colon form
//! ([`Shape::label`]). Everything else (the head reader, the label and turn engine) is
//! shared, so a new shape is a new module and a line in [`SHAPES`].

mod briefing;
pub use briefing::time_line;
mod hansard;
mod hearing;
mod kremlin;
mod web;

use super::dateline::Dateline;
use super::label::Candidate;
use super::lines::Line;

/// What a line at the top of a page is, when it is not the title or text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeadLine {
    /// Menus, settings bars, share buttons: dropped.
    Chrome,
    /// The publisher's name (`Official website of the President of Russia`): dropped,
    /// and the page is the shape's site (for its credit line).
    Site,
    /// A breadcrumb (`News  /`, `Home › Briefing Room`): its sections.
    Breadcrumb(Vec<String>),
    /// A date line this shape writes its own way.
    Date(Dateline),
    /// Where it took place (`James S. Brady Press Briefing Room`, `House of Commons`).
    Place(String),
    /// When it started (`12:34 P.M. EDT`), as `HH:MM`.
    Time(String),
}

/// What a line at the bottom of a page is, when it is not content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Foot {
    /// Publication details, share buttons: dropped.
    Chrome,
    /// `Direct link: http://en.kremlin.ru/d/67811`: the page's address.
    Link(String),
}

/// A shape of page. See the module documentation.
pub trait Shape: Sync {
    /// Short name, for messages and the corpus table.
    fn name(&self) -> &'static str;
    /// How strongly the text's first lines say it has this shape; 0 for not at all.
    fn detect(&self, lines: &[Line]) -> u32;
    /// A line near the top that this shape knows.
    fn head_line(&self, _line: &str) -> Option<HeadLine> {
        None
    }
    /// A line at the bottom of the page that this shape knows.
    fn foot_line(&self, _line: &str) -> Option<Foot> {
        None
    }
    /// A body line that is not content: time stamps, `END`, page furniture.
    fn drop(&self, _line: &str) -> bool {
        false
    }
    /// The date a body line gives as the record's own furniture (`13 May 1999 : Column
    /// 1342`, a page's column header): the date when the head has none. Such lines
    /// are dropped from the body.
    fn body_date(&self, _line: &str) -> Option<String> {
        None
    }
    /// A speaker label in this shape's own grammar; the shared colon grammar is tried
    /// when this gives none.
    fn label(&self, _line: &str) -> Option<Candidate> {
        None
    }
    /// Byte offsets at which `line` holds the start of another paragraph (a label whose
    /// line break was lost); empty for none.
    fn splits(&self, _line: &str) -> Vec<usize> {
        Vec::new()
    }
    /// The record's item heading after the sitting's date is the title: a heading
    /// after the date line (or a heading carrying the date), with no paragraph before
    /// the first speech, names what the excerpt is (`Meeting of the Parliament` /
    /// `Meeting date: …` / `Points of Order`).
    fn title_after_date(&self) -> bool {
        false
    }
    /// The credit line and licence of the shape's site, for pages that are its own.
    fn credit(&self) -> Option<(&'static str, &'static str)> {
        None
    }
}

/// Every shape, most specific first; [`web::Web`] (any page) is the fallback.
static SHAPES: &[&dyn Shape] = &[
    &kremlin::Kremlin,
    &briefing::Briefing,
    &hansard::Hansard,
    &hearing::Hearing,
    &web::Web,
];

/// How many lines from the top the detectors look at.
pub const DETECT_LINES: usize = 80;

/// The shape with the strongest evidence in the text's first lines; ties go to the one
/// listed first, and a text with no evidence at all is a plain web page.
pub fn detect(lines: &[Line]) -> &'static dyn Shape {
    let top = &lines[..lines.len().min(DETECT_LINES)];
    let mut best: (&'static dyn Shape, u32) = (&web::Web, 0);
    for &shape in SHAPES {
        let score = shape.detect(top);
        if score > best.1 {
            best = (shape, score);
        }
    }
    best.0
}

/// Classifies a head line: the shape's vocabulary first, then what every web page has.
pub fn head_line(shape: &dyn Shape, line: &str) -> Option<HeadLine> {
    shape.head_line(line).or_else(|| web::Web.head_line(line))
}

/// Classifies a foot line: the shape's vocabulary first, then every web page's.
pub fn foot_line(shape: &dyn Shape, line: &str) -> Option<Foot> {
    shape.foot_line(line).or_else(|| web::Web.foot_line(line))
}

/// A body line to drop: the shape's own, or furniture of any web page.
pub fn drop(shape: &dyn Shape, line: &str) -> bool {
    shape.drop(line) || shape.body_date(line).is_some() || web::Web.drop(line)
}
