//! Reading a free-text description of heel pain into findings and an
//! [`Assessment`].
//!
//! [`parse`] finds what a text says about the evidence items: lay and
//! clinical wording, negation ("no swelling or redness", "denies fever",
//! "Thompson neg"), hedges ("maybe a bit swollen", "?subtle swelling"),
//! numbers with units (ages, durations including clinical shorthand such as
//! `6/52`, pain scores, weekly distance, height and weight), who has the pain
//! ("my 12-year-old son"), which side, and the past versus now ("I broke that
//! heel three years ago" is a previous fracture, not a new injury).
//!
//! It is deterministic and table-driven: the English vocabulary lives in
//! [`crate::knowledge::phrases`], including the small words the rules look
//! for around a finding ("or", "can", "my"), and the reader runs in time
//! linear in the length of the text (one Aho-Corasick pass plus bounded
//! look-arounds). What stays in code is the shape of a few English
//! constructions the number reader knows by their single words ("N out of
//! 10", "N years ago", "for N weeks", "that was N days ago"); another
//! language gives its tables and those few constructions.
//!
//! ```
//! use heel_core::{parse, Answer, Item, Location};
//!
//! let parsed = parse(
//!     "I'm 41 and run about 30 km a week. For ten days I've had a stabbing pain \
//!      under my left heel on the inner side, worst with the first steps in the \
//!      morning. No swelling or redness, and maybe a bit warm.",
//! )?;
//! let a = &parsed.assessment;
//! assert_eq!(a.get(Item::Age), Some(Answer::Number(41.0)));
//! assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(10.0)));
//! assert!(a.locations().contains(Location::PlantarMedialHeel));
//! assert_eq!(a.get(Item::Swelling), Some(Answer::Absent));
//! assert_eq!(a.get(Item::Redness), Some(Answer::Absent));
//! // Hedged: reported, but not answered.
//! assert_eq!(a.get(Item::Warmth), None);
//! let warm = parsed.findings.iter().find(|f| f.item == Item::Warmth).unwrap();
//! assert!(warm.hedged && warm.answer.is_none());
//! // Every finding points back at the words that gave it.
//! let first = &parsed.findings[0];
//! assert_eq!(first.span.text, "I'm 41");
//!
//! // The assessment is ready to score.
//! let report = heel_core::assess(a)?;
//! assert_eq!(report.conditions[0].id, heel_core::Condition::PlantarFasciitis);
//! # Ok::<(), heel_core::Error>(())
//! ```

mod numbers;
mod text;

use std::collections::HashMap;
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use serde::{Deserialize, Serialize};

use crate::Error;
use crate::assessment::{Answer, Assessment, Setting};
use crate::item::{AnswerKind, Choice, Item, Location, Locations};
use crate::knowledge::phrases::{
    ABILITY_WORDS, ABOUT, ADULT_RELATIVES, AFTER_NEGATION_STOPS, ANSWER_LEADS, ANSWER_NO_WORDS,
    ASPECTS, Aspect, BARE_NO, BARE_YES, CHILD_PRONOUNS, CHILD_WORDS, CONTRASTS, CUES, Cue,
    DAY_WORDS, EXAM_CUES, EXAM_ENDS, EXAMINERS, FAMILY, FAMILY_ONLY, FAMILY_WORDS, FOOT_PARTS,
    FORM_LABEL_WORDS, FORM_NO, HISTORY, HISTORY_CUES, IGNORE, IMPLIES, KEEPS_PLACES, LESION_WORDS,
    LIST_JOINERS, LIST_PRONOUNS, LOOSE_DURATIONS, MAX_GAP, NOT_ANSWERS, NOT_PAIN_BY_EVENING,
    NUMBER_WORDS, OPINION_WORDS, OR_WORDS, OTHER_BODY_PARTS, OTHER_PERSON_DETERMINERS,
    OTHERS_AGE_OWNERS, PAIN_ABOVE_THE_LEG, PAIN_WORDS, PARTS, PARTS_BEFORE_SIDE, PAST_HABIT_ITEMS,
    PAST_HABITS, PAST_JOB_WORDS, PER_WEEK, PHRASES, PLACE_JOINERS, PLACE_REACH, PLACE_SPAN, PLACES,
    PLAN_CUES, PRESENT_CUES, PRESS_DENIALS, PRESSED_ITEMS, SEEN_WORDS, SELF_EXAM, SEX_WORDS,
    SIDE_FILLERS, SIDE_OWNERS, SIDE_WORDS, SIGN_WORDS, SOFT_BREAKS, SPOUSE_AGE_LINKS, SUBSUMES,
    Says, THIS_TIME, THIS_TIME_PAST, UNNAMED_PLACES, UNSEEN_RED_FLAGS, VAGUE_PLACES,
    VERB_NEGATIONS, WRITER_INTROS, WRITTEN_FOR,
};
use text::{Kind, Tokens, class, normalize_pattern, tokenize};

/// The longest text [`parse`] reads, in characters. Longer texts are refused
/// with [`Error::TooLarge`] (field `text`): a description of heel pain fits
/// in far less, and the limit keeps the work per call bounded.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// What [`parse`] understood from a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Parsed {
    /// Everything found, in text order: one finding per statement (a place
    /// that hurts is one finding per place).
    pub findings: Vec<Finding>,
    /// The sentences (or pieces of them) that gave no finding.
    pub unused: Vec<Span>,
    /// The assessment built from the findings: hedged findings are left
    /// unanswered; for a yes/no item stated both ways, "present" wins.
    pub assessment: Assessment,
}

/// One thing the text says about one evidence item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Finding {
    /// The evidence item.
    pub item: Item,
    /// The answer it gives; `null` when the statement was hedged.
    pub answer: Option<FoundAnswer>,
    /// The words that gave it.
    pub span: Span,
    /// Whether a negation turned it to "absent" ("no swelling", "Tinel neg").
    pub negated: bool,
    /// Whether it was hedged ("maybe a bit swollen"); a hedged finding has no
    /// answer and is not put into the assessment.
    pub hedged: bool,
    /// Whether the number is the text's loose estimate ("about 3 weeks",
    /// "since last summer") rather than a stated value.
    pub approximate: bool,
}

/// A piece of the input text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Span {
    /// Byte offset where it starts.
    pub start: usize,
    /// Byte offset just past its end.
    pub end: usize,
    /// The text itself.
    pub text: String,
}

/// The answer a finding gives, in the form an assessment document uses.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
#[non_exhaustive]
pub enum FoundAnswer {
    /// A yes/no answer.
    YesNo(YesNo),
    /// A number in the item's unit (days, years, km, cm, kg, points).
    Number(f64),
    /// An option of a choice item.
    Choice(Choice),
    /// One place that hurts (for `pain_location`).
    Location(Location),
}

/// A yes/no answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum YesNo {
    /// The finding is there.
    Present,
    /// The finding is not there.
    Absent,
}

impl Parsed {
    /// The document as JSON.
    #[must_use]
    pub fn to_json(&self) -> String {
        // Plain strings, numbers, bools and lists: this cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The document as indented JSON.
    #[must_use]
    pub fn to_json_pretty(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Reads a free-text description of heel pain.
///
/// See the [module documentation](self) for what it understands.
///
/// # Errors
/// [`Error::TooLarge`] (field `text`) for a text longer than
/// [`MAX_TEXT_CHARS`] characters. Any other text, however odd, parses.
pub fn parse(text: &str) -> Result<Parsed, Error> {
    if text.len() > MAX_TEXT_CHARS && text.chars().count() > MAX_TEXT_CHARS {
        return Err(Error::TooLarge {
            field: "text".to_owned(),
            limit: format!("at most {MAX_TEXT_CHARS} characters"),
        });
    }
    Ok(Reader::new(text).run())
}

// ---------------------------------------------------------------------------
// The compiled vocabulary.

#[derive(Debug, Clone, Copy)]
enum Role {
    Part {
        phrase: u32,
        part: u8,
    },
    Cue(Cue),
    Aspect(Aspect),
    Family,
    History,
    Present,
    Pain,
    Sign,
    PerWeek,
    About,
    Loose(f64),
    Day(f64, bool),
    NumberWord(f64),
    /// The start of a sequence of one of the small tables the rules scan
    /// every token for ([`Seq`]).
    Seq(Seq),
}

/// The word-sequence tables that rules look for at every token. They go
/// into the one automaton pass, which marks where each starts, instead of
/// being tried at every token.
#[derive(Debug, Clone, Copy)]
enum Seq {
    PastHabit = 1,
    PainAbove = 2,
    SelfExam = 4,
    Plan = 8,
    ExamCue = 16,
    ExamEnd = 32,
}

impl Seq {
    const TABLES: [(Seq, &'static [&'static [&'static str]]); 6] = [
        (Seq::PastHabit, PAST_HABITS),
        (Seq::PainAbove, PAIN_ABOVE_THE_LEG),
        (Seq::SelfExam, SELF_EXAM),
        (Seq::Plan, PLAN_CUES),
        (Seq::ExamCue, EXAM_CUES),
        (Seq::ExamEnd, EXAM_ENDS),
    ];
}

struct CompiledPhrase {
    /// `None` for the ignore list.
    target: Option<(Item, Says)>,
    parts: u8,
    /// Words in all parts (the longer phrase wins an overlap).
    words: u16,
}

struct Vocabulary {
    ac: AhoCorasick,
    roles: Vec<Vec<Role>>,
    phrases: Vec<CompiledPhrase>,
}

static VOCABULARY: LazyLock<Vocabulary> = LazyLock::new(Vocabulary::build);

impl Vocabulary {
    fn build() -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::new();
        let mut roles: Vec<Vec<Role>> = Vec::new();
        let mut add = |text: &str, role: Role| {
            let norm = normalize_pattern(text);
            if norm.is_empty() {
                return;
            }
            let key = format!(" {norm} ");
            let id = *index.entry(key.clone()).or_insert_with(|| {
                patterns.push(key);
                roles.push(Vec::new());
                patterns.len() - 1
            });
            roles[id].push(role);
        };
        let mut phrases = Vec::new();
        let mut add_phrase =
            |target: Option<(Item, Says)>, pattern: &str, add: &mut dyn FnMut(&str, Role)| {
                let parts: Vec<&str> = pattern.split("...").map(str::trim).collect();
                let id = phrases.len() as u32;
                let words = parts
                    .iter()
                    .map(|p| normalize_pattern(p).split(' ').count())
                    .sum::<usize>();
                for (k, part) in parts.iter().enumerate() {
                    add(
                        part,
                        Role::Part {
                            phrase: id,
                            part: k as u8,
                        },
                    );
                }
                phrases.push(CompiledPhrase {
                    target,
                    parts: parts.len() as u8,
                    words: words as u16,
                });
            };
        for group in PHRASES {
            for p in group.patterns {
                add_phrase(Some((group.item, group.says)), p, &mut add);
            }
        }
        for p in IGNORE {
            add_phrase(None, p, &mut add);
        }
        for (cue, words) in CUES {
            for w in *words {
                add(w, Role::Cue(*cue));
            }
        }
        for (aspect, words) in ASPECTS {
            for w in *words {
                add(w, Role::Aspect(*aspect));
            }
        }
        for w in FAMILY_WORDS {
            add(w, Role::Family);
        }
        for w in HISTORY_CUES {
            add(w, Role::History);
        }
        for (seq, table) in Seq::TABLES {
            for words in table {
                add(&words.join(" "), Role::Seq(seq));
            }
        }
        for w in PRESENT_CUES {
            add(w, Role::Present);
        }
        for w in PAIN_WORDS {
            add(w, Role::Pain);
        }
        for w in SIGN_WORDS {
            add(w, Role::Sign);
        }
        for w in PER_WEEK {
            add(w, Role::PerWeek);
        }
        for w in ABOUT {
            add(w, Role::About);
        }
        for (w, d) in LOOSE_DURATIONS {
            add(w, Role::Loose(*d));
        }
        for (w, d, rough) in DAY_WORDS {
            add(w, Role::Day(*d, *rough));
        }
        for (w, v) in NUMBER_WORDS {
            add(w, Role::NumberWord(*v));
        }
        // The vocabulary is a fixed table, checked by the tests: building it
        // cannot fail at run time.
        let ac = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            // Measured against the DFA on the bench: as fast for texts of
            // this size, with a fraction of the memory.
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&patterns)
            .unwrap_or_else(|e| unreachable!("phrase table: {e}"));
        Vocabulary { ac, roles, phrases }
    }
}

// ---------------------------------------------------------------------------
// One reading.

/// The kinds of cue one span of words is (a small bit set).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct CueSet(u8);

impl CueSet {
    fn bit(cue: Cue) -> u8 {
        match cue {
            Cue::Negation => 1,
            Cue::NegationAfter => 2,
            Cue::Pseudo => 4,
            Cue::Hedge => 8,
            Cue::HedgeAfter => 16,
            _ => 32,
        }
    }
    fn of(cue: Cue) -> Self {
        CueSet(Self::bit(cue))
    }
    fn insert(&mut self, cue: Cue) {
        self.0 |= Self::bit(cue);
    }
    fn has(self, cue: Cue) -> bool {
        self.0 & Self::bit(cue) != 0
    }
}

/// A phrase found in the text, before negation and hedges are applied.
#[derive(Debug, Clone)]
struct Candidate {
    phrase: u32,
    /// Token range of the whole match (gaps included).
    start: usize,
    end: usize,
    /// The token ranges of its parts.
    parts: Vec<(usize, usize)>,
}

/// A finding in token terms.
#[derive(Debug, Clone)]
#[allow(clippy::struct_excessive_bools)] // independent facts about one finding
struct Raw {
    item: Item,
    answer: Option<FoundAnswer>,
    start: usize,
    end: usize,
    negated: bool,
    hedged: bool,
    approximate: bool,
    /// A place named only with a visible sign ("swelling on the outside of
    /// the ankle"): used only when no place is named with pain.
    sign_only: bool,
}

struct Reader<'a> {
    text: &'a str,
    t: Tokens,
    /// Sentence and clause of each token.
    sentence: Vec<u32>,
    clause: Vec<u32>,
    /// Per-sentence flags.
    sent_history: Vec<bool>,
    sent_present: Vec<bool>,
    sent_family: Vec<bool>,
    sent_pain: Vec<bool>,
    sent_sign: Vec<bool>,
    /// Where pain and sign words are (sentence flags are set once the
    /// ignored words are known).
    pain_at: Vec<usize>,
    sign_at: Vec<usize>,
    /// Token ranges of the selected cues, with the kinds of cue they are.
    cues: Vec<(usize, usize, CueSet)>,
    raw_cues: Vec<(usize, usize, Cue)>,
    /// Cue starting at each token (index into `cues`).
    cue_start: Vec<Option<u32>>,
    cue_end: Vec<Option<u32>>,
    aspects: Vec<(usize, usize, Aspect)>,
    /// Where "a week", "/wk" and the like start, and where "about" and the
    /// like end, by token.
    week_at: Vec<bool>,
    /// Which [`Seq`] tables have a sequence starting at each token (bits).
    seq_at: Vec<u8>,
    about_end: Vec<bool>,
    loose: Vec<(usize, usize, f64)>,
    days: Vec<(usize, usize, f64, bool)>,
    number_words: Vec<(usize, usize, f64)>,
    /// Tokens used by a phrase, and the item of that phrase (`None` for the
    /// ignore list).
    used: Vec<bool>,
    owner: Vec<Option<Item>>,
    raws: Vec<Raw>,
    /// Whether the text is about the writer's child (or partner).
    child: bool,
    /// Whether that person is the writer's partner ([`ADULT_RELATIVES`]).
    spouse: bool,
    /// Tokens in a piece of text about the writer (see `mark_writer`).
    writer: Vec<bool>,
}

impl<'a> Reader<'a> {
    fn new(text: &'a str) -> Self {
        let t = tokenize(text);
        let n = t.list.len();
        Reader {
            text,
            t,
            sentence: vec![0; n],
            clause: vec![0; n],
            sent_history: Vec::new(),
            sent_present: Vec::new(),
            sent_family: Vec::new(),
            sent_pain: Vec::new(),
            sent_sign: Vec::new(),
            pain_at: Vec::new(),
            sign_at: Vec::new(),
            cues: Vec::new(),
            raw_cues: Vec::new(),
            cue_start: vec![None; n],
            cue_end: vec![None; n],
            aspects: Vec::new(),
            week_at: vec![false; n + 1],
            seq_at: vec![0; n + 1],
            about_end: vec![false; n + 1],
            loose: Vec::new(),
            days: Vec::new(),
            number_words: Vec::new(),
            used: vec![false; n],
            owner: vec![None; n],
            raws: Vec::new(),
            child: false,
            spouse: false,
            writer: Vec::new(),
        }
    }

    fn norm(&self, i: usize) -> &str {
        self.t.norm(i)
    }

    /// Whether a sequence of the `seq` table starts at token `i`.
    fn seq_starts(&self, i: usize, seq: Seq) -> bool {
        self.seq_at.get(i).is_some_and(|&b| b & seq as u8 != 0)
    }

    /// Whether the words starting at token `i` are `words`.
    fn words_at(&self, i: usize, words: &[&str]) -> bool {
        words
            .iter()
            .enumerate()
            .all(|(k, w)| i + k < self.len() && self.norm(i + k) == *w)
    }

    /// For each sentence, whether some token of it satisfies `at`.
    fn sentences_where(&self, at: impl Fn(usize) -> bool) -> Vec<bool> {
        let mut hit = vec![false; self.sent_history.len()];
        for i in 0..self.len() {
            if at(i) {
                hit[self.sentence[i] as usize] = true;
            }
        }
        hit
    }

    /// Removes the findings `drop` picks, each judged against the findings
    /// as they were before any is removed.
    fn drop_raws_where(&mut self, drop: impl Fn(&Self, &Raw) -> bool) {
        let gone: Vec<bool> = self.raws.iter().map(|r| drop(self, r)).collect();
        let mut k = 0;
        self.raws.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
    }

    fn len(&self) -> usize {
        self.t.list.len()
    }

    fn run(mut self) -> Parsed {
        let vocab = &*VOCABULARY;
        self.split_sentences();
        let candidates = self.match_all(vocab);
        let selected = self.select(vocab, candidates);
        self.split_clauses();
        self.child = self.detect_child();
        self.mark_writer();
        for c in &selected {
            self.judge(vocab, c);
        }
        self.propagate_lists();
        self.presses_denied();
        self.denials_as_far_as_seen();
        self.places();
        self.signs_elsewhere();
        self.time_of_day_of_other_things();
        self.side();
        self.sex();
        numbers::read(&mut self);
        self.past_habits();
        self.past_jobs();
        self.pain_from_above();
        self.self_examination();
        self.plans();
        self.filter_subject();
        self.finish()
    }

    fn split_sentences(&mut self) {
        let mut s = 0u32;
        for i in 0..self.len() {
            self.sentence[i] = s;
            if self.t.is_sentence_end(i) {
                s += 1;
            }
        }
        let count = s as usize + 1;
        self.sent_history = vec![false; count];
        self.sent_present = vec![false; count];
        self.sent_family = vec![false; count];
        self.sent_pain = vec![false; count];
        self.sent_sign = vec![false; count];
    }

    fn same_sentence(&self, a: usize, b: usize) -> bool {
        self.sentence.get(a) == self.sentence.get(b)
    }

    /// One pass of the automaton; sorts what it finds by role.
    fn match_all(&mut self, vocab: &Vocabulary) -> Vec<Candidate> {
        let mut parts: Vec<(u32, u8, usize, usize)> = Vec::new();
        let mut cues: Vec<(usize, usize, Cue)> = Vec::new();
        let mut aspects = Vec::new();
        for m in vocab.ac.find_overlapping_iter(&self.t.hay) {
            let (Some(s), Some(e)) = (self.t.at_hay(m.start()), self.t.end_at_hay(m.end() - 1))
            else {
                continue;
            };
            if s >= e || !self.same_sentence(s, e - 1) && e - s > 1 {
                // Patterns never run across a sentence end (a full stop
                // inside a pattern is its own sentence end).
                if (s..e - 1).any(|i| self.t.is_sentence_end(i)) {
                    continue;
                }
            }
            let sent = self.sentence[s] as usize;
            for role in &vocab.roles[m.pattern().as_usize()] {
                match *role {
                    Role::Part { phrase, part } => parts.push((phrase, part, s, e)),
                    Role::Cue(c) => cues.push((s, e, c)),
                    Role::Aspect(a) => aspects.push((s, e, a)),
                    Role::Family => self.sent_family[sent] = true,
                    Role::History => self.sent_history[sent] = true,
                    Role::Present => self.sent_present[sent] = true,
                    Role::Pain => self.pain_at.push(s),
                    Role::Sign => self.sign_at.push(s),
                    Role::PerWeek => self.week_at[s] = true,
                    Role::About => self.about_end[e] = true,
                    Role::Loose(d) => self.loose.push((s, e, d)),
                    Role::Day(d, rough) => self.days.push((s, e, d, rough)),
                    Role::NumberWord(v) => self.number_words.push((s, e, v)),
                    Role::Seq(q) => self.seq_at[s] |= q as u8,
                }
            }
        }
        // A year ("in 1998") marks the sentence as history.
        for i in 0..self.len() {
            if let Kind::Number(v) = self.t.list[i].kind {
                if (1900.0..=2100.0).contains(&v) && v.fract() == 0.0 {
                    let s = self.sentence[i] as usize;
                    self.sent_history[s] = true;
                }
            }
        }
        self.aspects = aspects;
        self.raw_cues = cues;
        self.chain(vocab, &parts)
    }

    /// Joins the parts of gapped patterns into candidates.
    fn chain(&self, vocab: &Vocabulary, parts: &[(u32, u8, usize, usize)]) -> Vec<Candidate> {
        let n = self.len();
        let mut by_start: Vec<Vec<u32>> = vec![Vec::new(); n + 1];
        for (k, &(_, part, s, _)) in parts.iter().enumerate() {
            if part > 0 {
                by_start[s].push(k as u32);
            }
        }
        let mut out = Vec::new();
        for &(phrase, part, s, e) in parts {
            if part != 0 {
                continue;
            }
            let total = vocab.phrases[phrase as usize].parts;
            let mut spans = vec![(s, e)];
            let mut end = e;
            let mut ok = true;
            for next in 1..total {
                let mut found = None;
                let last = (end + MAX_GAP).min(n);
                'gap: for (start, here) in by_start.iter().enumerate().take(last + 1).skip(end) {
                    if start > end && self.t.is_sentence_end(start - 1) {
                        break;
                    }
                    for &k in here {
                        let (p, q, s2, e2) = parts[k as usize];
                        if p == phrase && q == next {
                            found = Some((s2, e2));
                            break 'gap;
                        }
                    }
                }
                let Some((s2, e2)) = found else {
                    ok = false;
                    break;
                };
                spans.push((s2, e2));
                end = e2;
            }
            if ok {
                out.push(Candidate {
                    phrase,
                    start: s,
                    end,
                    parts: spans,
                });
            }
        }
        out
    }

    /// Keeps the longest phrases where they overlap (several answers for the
    /// very same words are all kept), then the cues not inside a phrase.
    fn select(&mut self, vocab: &Vocabulary, mut candidates: Vec<Candidate>) -> Vec<Candidate> {
        candidates.sort_by(|a, b| {
            let wa = vocab.phrases[a.phrase as usize].words;
            let wb = vocab.phrases[b.phrase as usize].words;
            wb.cmp(&wa)
                .then(a.start.cmp(&b.start))
                .then(a.phrase.cmp(&b.phrase))
        });
        // Two layers: places, and everything else. A phrase loses to a
        // longer one of its own layer that overlaps it; across layers only
        // when it lies wholly inside the other ("bony bump" inside "bony
        // bump on the inside"). The ignore list belongs to both.
        let layer = |c: &Candidate| match vocab.phrases[c.phrase as usize].target {
            None => 0u8,
            Some((_, Says::Place(_))) => 1,
            Some(_) => 2,
        };
        let mut chosen: Vec<Candidate> = Vec::new();
        // The first phrase chosen on each token, per layer (`none` if none;
        // a phrase with the very same words as the chosen one rides along).
        let none = u32::MAX;
        let mut owner: Vec<[u32; 3]> = vec![[none; 3]; self.len()];
        for c in candidates {
            let mine = layer(&c);
            let mut ok = true;
            'check: for &(s, e) in &c.parts {
                for here in &owner[s..e] {
                    for &k in here.iter().filter(|&&k| k != none) {
                        let other = &chosen[k as usize];
                        if other.parts == c.parts {
                            continue;
                        }
                        let theirs = layer(other);
                        let inside = c.parts.iter().all(|&(s2, e2)| {
                            other.parts.iter().any(|&(s3, e3)| s3 <= s2 && e2 <= e3)
                        });
                        if theirs == mine || theirs == 0 || mine == 0 || (inside && mine == 2) {
                            ok = false;
                            break 'check;
                        }
                    }
                }
            }
            if ok {
                let k = chosen.len() as u32;
                for &(s, e) in &c.parts {
                    for o in &mut owner[s..e] {
                        if o[mine as usize] == none {
                            o[mine as usize] = k;
                        }
                    }
                }
                chosen.push(c);
            }
        }
        for (i, o) in owner.iter().enumerate() {
            self.used[i] = o.iter().any(|&k| k != none);
            // The finding's item first, then a place.
            self.owner[i] = [o[2], o[1]].iter().find_map(|&k| {
                (k != none)
                    .then(|| vocab.phrases[chosen[k as usize].phrase as usize].target)
                    .flatten()
                    .map(|(item, _)| item)
            });
        }
        // Pain and sign words count unless the ignore list took them
        // ("a bruised feeling" is no bruise).
        for &i in &self.pain_at {
            if self.owner[i].is_some() || !self.used[i] {
                self.sent_pain[self.sentence[i] as usize] = true;
            }
        }
        for &i in &self.sign_at {
            if self.owner[i].is_some() || !self.used[i] {
                self.sent_sign[self.sentence[i] as usize] = true;
            }
        }
        // Cues: longest first, never inside a chosen phrase.
        let mut cues = std::mem::take(&mut self.raw_cues);
        cues.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut taken: Vec<Option<(usize, usize)>> = vec![None; self.len()];
        let mut kept: Vec<(usize, usize, CueSet)> = Vec::new();
        // Kept cues never overlap unless they are the very same words, so
        // one index per start token finds a span kept before.
        let mut span_index: Vec<Option<usize>> = vec![None; self.len()];
        for (s, e, cue) in cues {
            if (s..e).any(|i| self.used[i]) {
                continue;
            }
            let free = (s..e).all(|i| taken[i].is_none_or(|span| span == (s, e)));
            if !free {
                continue;
            }
            for slot in &mut taken[s..e] {
                *slot = Some((s, e));
            }
            // `taken` holds this very span: the same words, another kind.
            if let Some(k) = span_index[s].filter(|&k| kept[k].1 == e) {
                kept[k].2.insert(cue);
            } else {
                span_index[s] = Some(kept.len());
                kept.push((s, e, CueSet::of(cue)));
            }
        }
        kept.sort_by_key(|&(s, e, _)| (s, e));
        for (k, &(s, e, _)) in kept.iter().enumerate() {
            if self.cue_start[s].is_none() {
                self.cue_start[s] = Some(k as u32);
            }
            self.cue_end[e - 1] = Some(k as u32);
        }
        self.cues = kept;
        chosen.sort_by_key(|c| (c.start, c.phrase));
        chosen
    }

    /// Clause numbers: a clause ends at a sentence end, a colon, a spaced
    /// dash, or a boundary cue ("but", "though").
    fn split_clauses(&mut self) {
        let mut c = 0u32;
        for i in 0..self.len() {
            let boundary_cue =
                self.cue_start[i].is_some_and(|k| self.cues[k as usize].2.has(Cue::Boundary));
            if boundary_cue {
                c += 1;
            }
            self.clause[i] = c;
            let dash = self.norm(i) == "-" && self.t.list[i].space_before;
            if self.t.is_sentence_end(i) || self.norm(i) == ":" || dash {
                c += 1;
            }
        }
    }

    /// Whether a negation reaching back from `to` stops at token `i`: a new
    /// clause starts after a comma, "and" or a dash.
    fn soft_break(&self, i: usize) -> bool {
        SOFT_BREAKS.contains(&self.norm(i)) && self.t.is(i + 1, class::CLAUSE_STARTER)
    }

    fn cue_kind_ending_at(&self, i: usize) -> Option<(usize, CueSet)> {
        self.cue_end[i].map(|k| {
            let (s, _, c) = self.cues[k as usize];
            (s, c)
        })
    }

    /// Looks back from `start` for a negation cue within the clause.
    fn negated_before(&self, start: usize, item: Item) -> Option<usize> {
        let lo = start.saturating_sub(8);
        let mut i = start;
        while i > lo {
            i -= 1;
            if self.t.is_sentence_end(i) || self.clause[i] != self.clause[start] {
                return None;
            }
            if let Some((s, cue)) = self.cue_kind_ending_at(i) {
                // "don't hurt when she's sitting": a negation after a verb
                // reaches forward too.
                let verb_negation =
                    cue.has(Cue::NegationAfter) && VERB_NEGATIONS.contains(&self.norm(s));
                if cue.has(Cue::Negation) || verb_negation {
                    return Some(s);
                }
                if cue.has(Cue::Boundary) {
                    return None;
                }
                i = s;
                continue;
            }
            if self.soft_break(i) {
                return None;
            }
            // Another finding in between ends the reach ("doesn't warm up
            // when I run"); lists are handled by `propagate_lists`.
            if self.owner[i].is_some_and(|o| o != Item::PainLocation && o != item) {
                return None;
            }
        }
        None
    }

    /// Whether a negation cue ends right before `start` (at most one free
    /// word between, as in "isn't really fine"), in the same clause.
    fn negation_right_before(&self, start: usize) -> bool {
        (1..=2).any(|back| {
            let Some(i) = start.checked_sub(back) else {
                return false;
            };
            if self.clause[i] != self.clause[start] || self.t.is_sentence_end(i) {
                return false;
            }
            if back == 2
                && (self.used[start - 1]
                    || self.cue_end[start - 1].is_some()
                    || self.t.list[start - 1].kind == Kind::Punct)
            {
                return false;
            }
            self.cue_kind_ending_at(i)
                .is_some_and(|(_, cue)| cue.has(Cue::Negation))
        })
    }

    /// Looks after `end` for a cue that negates what came before ("neg", "is
    /// normal", "doesn't hurt").
    fn negated_after(&self, end: usize) -> bool {
        // A form's answer: "Fever: no", "Swelling - none", and with a label
        // word between ("FQ exposure: nil").
        let form_no = |at: usize| {
            matches!(self.norm(at), ":" | "-" | "=") && FORM_NO.contains(&self.norm(at + 1))
        };
        if form_no(end) || (FORM_LABEL_WORDS.contains(&self.norm(end)) && form_no(end + 1)) {
            return true;
        }
        // A question and its answer: "Fever? No."
        if let Some(q) = (end..self.len().min(end + 12)).find(|&i| self.t.is_sentence_end(i)) {
            if self.norm(q) == "?" && self.answered_no(q + 1) {
                return true;
            }
        }
        let hi = (end + 6).min(self.len());
        let mut i = end;
        while i < hi {
            if self.t.is_sentence_end(i) || self.clause[i] != self.clause[end - 1] {
                return false;
            }
            if let Some(k) = self.cue_start[i] {
                let (s, e, cue) = self.cues[k as usize];
                if cue.has(Cue::NegationAfter) {
                    // A bare dash only negates at the end of a clause ("Tinel -").
                    if self.norm(s) == "-" && e == s + 1 {
                        let next = self.norm(e);
                        return e >= self.len() || matches!(next, "," | "." | ";" | ")" | "\n");
                    }
                    return true;
                }
                if cue.has(Cue::Negation) || cue.has(Cue::Boundary) {
                    return false;
                }
                i = e;
                continue;
            }
            if self.used[i] || AFTER_NEGATION_STOPS.contains(&self.norm(i)) {
                return false;
            }
            i += 1;
        }
        false
    }

    /// Whether a hedge reaches the span `start..end`.
    fn hedged(&self, start: usize, end: usize) -> bool {
        // Before: up to 10 words back in the clause.
        let lo = start.saturating_sub(10);
        let mut i = start;
        while i > lo {
            i -= 1;
            if self.t.is_sentence_end(i) {
                break;
            }
            if let Some((s, cue)) = self.cue_kind_ending_at(i) {
                if cue.has(Cue::Hedge) {
                    return true;
                }
                if cue.has(Cue::Boundary) {
                    break;
                }
                i = s;
                continue;
            }
            if self.t.is_prefix_query(i) {
                return true;
            }
            // A hedge reaches to the end of its own piece of the sentence:
            // "I'm not sure why, but no injury" and "not sure why, no injury"
            // are both denials.
            if self.norm(i) == "," {
                break;
            }
        }
        // After: a tag right behind the finding ("no injury that we know
        // of"), a tag closing the sentence (", I'm not sure."), or a question
        // mark ending it.
        let mut i = end;
        let mut near = true;
        while i < self.len() && i < end + 14 {
            if self.t.is_sentence_end(i) {
                // "Fever? No." is an answer, not a doubt.
                let answered = self.answered_no(i + 1)
                    || (BARE_YES.contains(&self.norm(i + 1))
                        && (i + 2 >= self.len() || self.t.is_sentence_end(i + 2)));
                return self.norm(i) == "?" && !answered;
            }
            if let Some(k) = self.cue_start[i] {
                let (s, e, cue) = self.cues[k as usize];
                if cue.has(Cue::HedgeAfter) {
                    let closes = (e >= self.len() || self.t.is_sentence_end(e))
                        && self.norm(s.wrapping_sub(1)) == ",";
                    if near || closes {
                        return true;
                    }
                }
                if cue.has(Cue::Boundary) {
                    return false;
                }
                i = e;
                continue;
            }
            if self.norm(i) == "," || self.used[i] {
                near = false;
            }
            i += 1;
        }
        false
    }

    /// Whether the words at `i` are a bare "no" answering a question.
    fn answered_no(&self, i: usize) -> bool {
        let mut i = i;
        // "Also no.", "Definitely not."
        if ANSWER_LEADS.contains(&self.norm(i)) {
            i += 1;
        }
        let no = BARE_NO.contains(&self.norm(i))
            || (self.norm(i) == "not" && NOT_ANSWERS.contains(&self.norm(i + 1)));
        if !no {
            return false;
        }
        // The answer is short and says only no: "Never had one.", "Not
        // really.", "Not at all." ("No idea." is not a no.)
        let mut j = i + 1;
        while j < self.len() && !self.t.is_sentence_end(j) && self.norm(j) != "," {
            if j > i + 4 || !ANSWER_NO_WORDS.contains(&self.norm(j)) {
                return false;
            }
            j += 1;
        }
        true
    }

    /// Decides what one phrase says, given negation, hedges, the past and
    /// the family.
    fn judge(&mut self, vocab: &Vocabulary, c: &Candidate) {
        let Some((item, says)) = vocab.phrases[c.phrase as usize].target else {
            return;
        };
        let sent = self.sentence[c.start] as usize;
        let mut item = item;
        if self.sent_family[sent] {
            if let Some(&(_, to)) = FAMILY.iter().find(|(from, _)| *from == item) {
                match to {
                    Some(to) => item = to,
                    None => return,
                }
            }
        } else if FAMILY_ONLY.contains(&item) {
            return;
        }
        // A phrase that states an absence whole ("no history of trauma") is
        // about now as well as the past, so the past does not redirect it.
        // "Rolled this ankle 3 yrs ago but didn't roll it this time": a
        // clause with a phrase of [`THIS_TIME`] is about now.
        let clause = self.clause[c.start];
        let this_time = || {
            (c.start.saturating_sub(12)..self.len().min(c.end + 12))
                .filter(|&i| self.clause[i] == clause)
                .any(|i| {
                    THIS_TIME.iter().any(|p| {
                        // Not "this time last year".
                        self.words_at(i, p) && !THIS_TIME_PAST.contains(&self.norm(i + p.len()))
                    })
                })
        };
        if self.sent_history[sent]
            && !self.sent_present[sent]
            && says != Says::Absent
            && !this_time()
        {
            if let Some(&(_, to)) = HISTORY.iter().find(|(from, _)| *from == item) {
                match to {
                    Some(to) => item = to,
                    None => return,
                }
            }
        }
        let gap_negation = c.parts.windows(2).any(|w| {
            (w[0].1..w[1].0).any(|i| {
                self.cue_start[i].is_some_and(|k| self.cues[k as usize].2.has(Cue::Negation))
            })
        });
        let negated = match says {
            Says::Absent => false,
            _ => {
                gap_negation
                    || self.negated_before(c.start, item).is_some()
                    || self.negated_after(c.end)
            }
        };
        // A phrase that states an absence, itself negated ("it doesn't go
        // away with rest", "isn't fine at rest", "not otherwise well"), says
        // nothing: the absence is what is denied.
        if says == Says::Absent && self.negation_right_before(c.start) {
            return;
        }
        let hedged = self.hedged(c.start, c.end);
        let answer = match says {
            Says::Present | Says::AbsentIfNegated if negated => FoundAnswer::YesNo(YesNo::Absent),
            Says::Present => FoundAnswer::YesNo(YesNo::Present),
            Says::PresentIfAffirmed if !negated => FoundAnswer::YesNo(YesNo::Present),
            Says::Absent => FoundAnswer::YesNo(YesNo::Absent),
            Says::Choice(ch) if !negated => FoundAnswer::Choice(ch),
            Says::Place(l) if !negated => FoundAnswer::Location(l),
            Says::AbsentIfNegated | Says::PresentIfAffirmed | Says::Choice(_) | Says::Place(_) => {
                return;
            }
        };
        let sign_only = matches!(answer, FoundAnswer::Location(_))
            && self.sent_sign[sent]
            && !self.sent_pain[sent];
        self.raws.push(Raw {
            item,
            answer: (!hedged).then_some(answer),
            start: c.start,
            end: c.end,
            negated,
            hedged,
            approximate: false,
            sign_only,
        });
        if answer == FoundAnswer::YesNo(YesNo::Present) && !hedged {
            for &(from, to) in IMPLIES {
                if from == item {
                    self.raws.push(Raw {
                        item: to,
                        answer: Some(answer),
                        start: c.start,
                        end: c.end,
                        negated: false,
                        hedged: false,
                        approximate: false,
                        sign_only: false,
                    });
                }
            }
        }
    }

    /// "No swelling, redness or warmth": a finding listed right after a
    /// negated one, joined only by commas, "or" and "and", is negated too.
    fn propagate_lists(&mut self) {
        let mut order: Vec<usize> = (0..self.raws.len()).collect();
        order.sort_by_key(|&k| self.raws[k].start);
        let mut denied: Vec<(Item, usize, usize)> = Vec::new();
        for w in 1..order.len() {
            let (p, k) = (order[w - 1], order[w]);
            let prev = &self.raws[p];
            let cur = &self.raws[k];
            // A phrase that states an absence ("no pain getting up in the
            // morning", "no knock") carries it on to what "or" joins to it
            // ("or after sitting", "or twist").
            let denies_by_phrase = prev.answer == Some(FoundAnswer::YesNo(YesNo::Absent))
                && prev.end < cur.start
                && (prev.end..cur.start).all(|i| OR_WORDS.contains(&self.norm(i)));
            if !(prev.negated || denies_by_phrase)
                || cur.negated
                || cur.hedged
                || prev.end > cur.start
                || self.clause.get(prev.start) != self.clause.get(cur.start)
            {
                continue;
            }
            // "didn't twist it or fall": an object pronoun may come between
            // when "or" joins them (not "and": "no night pain and it swells").
            let gap = prev.end..cur.start;
            let or_joins = gap.clone().any(|i| OR_WORDS.contains(&self.norm(i)));
            let joined = prev.end < cur.start
                && gap.clone().all(|i| {
                    LIST_JOINERS.contains(&self.norm(i))
                        || (or_joins && LIST_PRONOUNS.contains(&self.norm(i)))
                });
            if joined && cur.answer == Some(FoundAnswer::YesNo(YesNo::Present)) {
                let cur = &mut self.raws[k];
                cur.negated = true;
                cur.answer = Some(FoundAnswer::YesNo(YesNo::Absent));
                denied.push((cur.item, cur.start, cur.end));
            }
        }
        // What a finding implied when it was read as present ("twist" is an
        // injury) goes with it once the list denies it ("I didn't fall or
        // twist anything").
        self.raws.retain(|r| {
            !denied.iter().any(|&(from, start, end)| {
                r.start == start
                    && r.end == end
                    && !r.negated
                    && IMPLIES.iter().any(|&(f, t)| f == from && t == r.item)
            })
        });
    }

    /// "Pressed on both ankle bones, and neither is sore": a press read as a
    /// tender finding ([`PRESSED_ITEMS`]) that a denial of
    /// [`PRESS_DENIALS`] later in the same sentence takes back is absent.
    fn presses_denied(&mut self) {
        // How far after the press the denial may start, and how far after
        // the denial its word of tenderness; bounded, so the reading stays
        // linear in the text.
        const AFTER: usize = 12;
        const REACH: usize = 5;
        for k in 0..self.raws.len() {
            let r = &self.raws[k];
            if r.negated
                || r.hedged
                || r.answer != Some(FoundAnswer::YesNo(YesNo::Present))
                || !PRESSED_ITEMS.contains(&r.item)
            {
                continue;
            }
            let (end, sent) = (r.end, self.sentence[r.start]);
            let in_sentence = |j: usize| j < self.len() && self.sentence[j] == sent;
            let mut denied = false;
            let mut j = end;
            while j < end + AFTER && in_sentence(j) && !CONTRASTS.contains(&self.norm(j)) && !denied
            {
                denied = PRESS_DENIALS.0.contains(&self.norm(j))
                    && (j + 1..j + REACH)
                        .take_while(|&m| in_sentence(m))
                        .any(|m| PRESS_DENIALS.1.contains(&self.norm(m)));
                j += 1;
            }
            if denied {
                let r = &mut self.raws[k];
                r.negated = true;
                r.answer = Some(FoundAnswer::YesNo(YesNo::Absent));
            }
        }
    }

    /// "No cut or wound that I can see", "no lump I can feel": for the
    /// red flags a look or a feel cannot rule out ([`UNSEEN_RED_FLAGS`]), a
    /// denial limited to what the person could see, find or feel is a hedge,
    /// and the item is left for the interview to ask.
    fn denials_as_far_as_seen(&mut self) {
        const REACH: usize = 8;
        for k in 0..self.raws.len() {
            let r = &self.raws[k];
            if !r.negated || !UNSEEN_RED_FLAGS.contains(&r.item) {
                continue;
            }
            let sent = self.sentence[r.start];
            let limited = (r.end..self.len().min(r.end + REACH))
                .take_while(|&j| self.sentence[j] == sent && !CONTRASTS.contains(&self.norm(j)))
                .any(|j| {
                    ABILITY_WORDS.contains(&self.norm(j)) && SEEN_WORDS.contains(&self.norm(j + 1))
                });
            if limited {
                let r = &mut self.raws[k];
                r.answer = None;
                r.hedged = true;
            }
        }
    }

    /// Places composed from aspects named close together.
    fn places(&mut self) {
        let mut aspects = std::mem::take(&mut self.aspects);
        aspects.retain(|&(s, e, _)| {
            !(s..e)
                .any(|i| self.used[i] && !self.owner[i].is_some_and(|o| KEEPS_PLACES.contains(&o)))
        });
        // Longest aspect word wins where two overlap ("heel pad" over "heel").
        aspects.sort_by(|a, b| (b.1 - b.0).cmp(&(a.1 - a.0)).then(a.0.cmp(&b.0)));
        let mut taken: Vec<Option<(usize, usize)>> = vec![None; self.len()];
        let mut keep: Vec<(usize, usize, Aspect)> = Vec::new();
        for (s, e, a) in aspects {
            if taken[s..e].iter().any(Option::is_some) {
                // Same words, other aspect ("heel pad" is heel and centre).
                if taken[s..e].iter().all(|&t| t == Some((s, e))) {
                    keep.push((s, e, a));
                }
                continue;
            }
            taken[s..e].iter_mut().for_each(|t| *t = Some((s, e)));
            keep.push((s, e, a));
        }
        keep.sort_by_key(|&(s, _, _)| s);
        let is_part = |a: Aspect| PARTS.contains(&a) || a == Aspect::Other;
        // The body part each direction belongs to: the nearest one named in
        // its clause ("the outer side and the front of the ankle": both
        // belong to the ankle; "posterior thigh" belongs to the thigh).
        // The aspects within `reach` words of position `s` (keep is sorted),
        // so that every search is bounded by the window, not the text.
        let window = |s: usize, reach: usize| {
            let lo = keep.partition_point(|&(s2, _, _)| s2 + reach < s);
            let hi = keep.partition_point(|&(s2, _, _)| s2 <= s + reach);
            lo..hi
        };
        // A direction followed by "of" belongs to the part after it ("my
        // heel and the back of the ankle": the back is the ankle's).
        let part_of: Vec<Option<usize>> = keep
            .iter()
            .map(|&(s, e, a)| {
                if is_part(a) {
                    return None;
                }
                let of_next = self.norm(e) == "of";
                let w = window(s, PLACE_REACH);
                keep[w.clone()]
                    .iter()
                    .zip(w)
                    .map(|(x, j)| (j, x))
                    .filter(|&(_, &(s2, _, a2))| {
                        is_part(a2)
                            && self.clause[s2] == self.clause[s]
                            && s2.abs_diff(s) <= PLACE_REACH
                    })
                    .min_by_key(|&(_, &(s2, _, _))| (of_next && s2 < s, s2.abs_diff(s), s2))
                    .map(|(j, _)| j)
            })
            .collect();
        let mut consumed = vec![false; keep.len()];
        for (need, loc) in PLACES {
            let part: Option<Aspect> = need.iter().copied().find(|&a| is_part(a));
            for k in 0..keep.len() {
                let (s, _, a) = keep[k];
                if consumed[k] || !need.contains(&a) {
                    continue;
                }
                let mut picks = vec![k];
                match part {
                    _ if need.len() == 1 => {}
                    Some(p) => {
                        // k must be a direction whose own body part is `p`.
                        if is_part(a) {
                            continue;
                        }
                        let Some(j) = part_of[k].filter(|&j| keep[j].2 == p) else {
                            continue;
                        };
                        picks.push(j);
                    }
                    None => {
                        if a != need[0] {
                            continue;
                        }
                    }
                }
                // The other directions of the row, close to this one.
                let mut complete = true;
                for &want in need.iter().filter(|&&w| Some(w) != part && w != a) {
                    let w = window(s, PLACE_SPAN);
                    let best = keep[w.clone()]
                        .iter()
                        .zip(w)
                        .map(|(x, j)| (j, x))
                        .filter(|&(j, &(s2, _, a2))| {
                            !consumed[j]
                                && !picks.contains(&j)
                                && a2 == want
                                && self.clause[s2] == self.clause[s]
                                && s2.abs_diff(s) <= PLACE_SPAN
                        })
                        .min_by_key(|&(_, &(s2, _, _))| s2.abs_diff(s));
                    let Some((j, _)) = best else {
                        complete = false;
                        break;
                    };
                    picks.push(j);
                }
                if !complete {
                    continue;
                }
                for &j in &picks {
                    if !is_part(keep[j].2) || need.len() == 1 {
                        consumed[j] = true;
                    }
                }
                let start = picks.iter().map(|&j| keep[j].0).min().unwrap_or(0);
                let end = picks.iter().map(|&j| keep[j].1).max().unwrap_or(0);
                let sent = self.sentence[start] as usize;
                if self.negated_before(start, Item::PainLocation).is_some()
                    || self.negated_after(end)
                {
                    continue;
                }
                let hedged = self.hedged(start, end);
                self.raws.push(Raw {
                    item: Item::PainLocation,
                    answer: (!hedged).then_some(FoundAnswer::Location(*loc)),
                    start,
                    end,
                    negated: false,
                    hedged,
                    approximate: false,
                    sign_only: self.sent_sign[sent] && !self.sent_pain[sent],
                });
            }
        }
        self.settle_places();
    }

    /// Places named only with a sign count when no place is named with
    /// pain; of two places in one sentence where one subsumes the other,
    /// the first is kept.
    fn settle_places(&mut self) {
        let is_place = |r: &Raw| matches!(r.answer, Some(FoundAnswer::Location(_)));
        let with_pain = self.raws.iter().any(|r| is_place(r) && !r.sign_only);
        if with_pain {
            self.raws.retain(|r| !(is_place(r) && r.sign_only));
        }
        let mut negated = vec![false; self.len() + 1];
        let mut named: Vec<Locations> = vec![Locations::new(); self.sent_history.len()];
        for r in &self.raws {
            // Denied, or a phrase that states an absence ("insertion NAD").
            if r.negated || r.answer == Some(FoundAnswer::YesNo(YesNo::Absent)) {
                negated[r.start..r.end.min(self.len())]
                    .iter_mut()
                    .for_each(|n| *n = true);
            }
            if let Some(FoundAnswer::Location(l)) = r.answer {
                named[self.sentence[r.start] as usize].insert(l);
            }
        }
        // A sentence whose pain also runs through a place the list cannot
        // name ("from my buttock down the back of the thigh and calf into
        // the outer heel", "at the back and underneath") does not give the
        // places that hurt: naming only some of them would describe another
        // complaint. Nor does a sentence that names where a lesion is and
        // says nothing of pain ("an ulcer on the back of my heel").
        let mut unnamed = vec![false; self.sent_history.len()];
        // Words that are part of a found phrase ("underneath on the inner
        // side" names a place; "at the back and underneath" does not).
        let mut covered = vec![false; self.len() + 1];
        for r in &self.raws {
            covered[r.start..r.end.min(self.len())]
                .iter_mut()
                .for_each(|c| *c = true);
        }
        let joined = |i: usize| {
            (i > 0 && PLACE_JOINERS.contains(&self.norm(i - 1)))
                || (i + 1 < self.len() && PLACE_JOINERS.contains(&self.norm(i + 1)))
        };
        for (i, &is_covered) in covered.iter().enumerate().take(self.len()) {
            let sent = self.sentence[i] as usize;
            let word = self.norm(i);
            if !self.sent_pain[sent] {
                // A lesion's place, with no word of pain.
                if LESION_WORDS.contains(&word) {
                    unnamed[sent] = true;
                }
                continue;
            }
            if UNNAMED_PLACES.contains(&word)
                || (VAGUE_PLACES.contains(&word) && !is_covered && joined(i))
            {
                unnamed[sent] = true;
            }
        }
        // A clinician's examination ("O/E: TTP medial calcaneal tubercle")
        // tells where it is tender, which its own items hold, not where the
        // complaint is: from an examination cue to an impression or plan.
        let mut exam = vec![false; self.sent_history.len()];
        let mut in_exam = false;
        for i in 0..self.len() {
            if self.seq_starts(i, Seq::ExamCue) {
                in_exam = true;
            } else if self.seq_starts(i, Seq::ExamEnd) {
                in_exam = false;
            }
            exam[self.sentence[i] as usize] |= in_exam;
        }
        self.drop_raws_where(|this, ra| {
            let Some(FoundAnswer::Location(la)) = ra.answer else {
                return false;
            };
            let sent = this.sentence[ra.start] as usize;
            // A place inside a negated finding ("insertion non-tender").
            let in_negated = negated[ra.start..ra.end.min(this.len())].iter().any(|&n| n);
            let subsumed = SUBSUMES
                .iter()
                .any(|&(big, small)| small == la && named[sent].contains(big));
            unnamed[sent] || exam[sent] || in_negated || subsumed
        });
    }

    /// Which foot: a side word just before a body part.
    fn side(&mut self) {
        let mut found: Vec<(usize, usize, Choice)> = Vec::new();
        for i in 0..self.len() {
            if !self.t.is(i, class::SIDE_WORD) {
                continue;
            }
            let w = self.norm(i);
            let Some(&(_, side)) = SIDE_WORDS.iter().find(|(s, _)| *s == w) else {
                continue;
            };
            let tok = self.t.list[i];
            // Single letters only as clinical shorthand: "L heel", "R ankle"
            // ("rt" and "lt" in any case).
            if w.len() == 1 && !tok.upper || w.len() <= 2 && self.norm(i.wrapping_sub(1)) == "/" {
                continue;
            }
            if w.len() <= 2
                && i > 0
                && matches!(self.t.list[i - 1].kind, Kind::Number(_))
                && !tok.space_before
            {
                continue;
            }
            // The healthy side named for comparison.
            let before = |k: usize| i.checked_sub(k).map_or("", |j| self.norm(j));
            let compare = |k: usize| {
                i.checked_sub(k)
                    .is_some_and(|j| self.t.is(j, class::SIDE_COMPARE))
            };
            if compare(1) || compare(2) {
                continue;
            }
            let mut part_at = None;
            for k in 1..=3 {
                let j = i + k;
                if j >= self.len() || self.t.is_sentence_end(j) {
                    break;
                }
                let n = self.norm(j);
                if self.t.is(j, class::SIDE_PART) {
                    part_at = Some(j);
                    break;
                }
                if !SIDE_FILLERS.contains(&n) {
                    break;
                }
            }
            let on_my = SIDE_OWNERS.0.contains(&before(1)) && SIDE_OWNERS.1.contains(&before(2));
            // "heels both hurt", "sore heels, both sides"; a note's "midfoot
            // pain L,".
            let painful_part = |w: &str| PARTS_BEFORE_SIDE.contains(&w);
            let after_part =
                painful_part(before(1)) || (before(1) == "," && painful_part(before(2)));
            let after_pain = w.len() == 1
                && PAIN_WORDS.contains(&before(1))
                && (i + 1 >= self.len() || self.t.list[i + 1].kind == Kind::Punct);
            let end = match part_at {
                Some(j) => j + 1,
                None if on_my && side != Choice::Both => i + 1,
                None if (after_part && side == Choice::Both) || after_pain => i + 1,
                None => continue,
            };
            // "both ankle bones": a check of both sides, not pain in both.
            if side == Choice::Both && (i + 1..=end).any(|j| self.norm(j) == "bone") {
                continue;
            }
            // "landed on both heels": how a fall was taken, not where it
            // hurts (a phrase of the ignore list covers the side word).
            if side == Choice::Both && self.used[i] && self.owner[i].is_none() {
                continue;
            }
            // "my right side is fine".
            if self.negated_after(end) {
                continue;
            }
            if self.child && self.first_person_clause(i) {
                continue;
            }
            found.push((i, end, side));
        }
        let pick = found
            .iter()
            .find(|f| f.2 == Choice::Both)
            .or_else(|| found.first());
        if let Some(&(s, e, side)) = pick {
            self.raws.push(Raw {
                item: Item::Side,
                answer: Some(FoundAnswer::Choice(side)),
                start: s,
                end: e,
                negated: false,
                hedged: false,
                approximate: false,
                sign_only: false,
            });
        }
    }

    /// Whether the text is about the writer's child: a word for a child (or
    /// "my 12-year-old") in the first sentence, or in the second after a
    /// greeting of a few words ("Please help.").
    fn detect_child(&mut self) -> bool {
        // The first sentence, or the second after a short greeting ("Please
        // help.", "Hi all!").
        const GREETING: usize = 4;
        let opening = (0..self.len())
            .take_while(|&i| self.sentence[i] == 0)
            .count();
        let intro = WRITER_INTROS.iter().any(|p| self.words_at(0, p));
        let last = u32::from(opening <= GREETING || intro);
        for i in 0..self.len() {
            if self.sentence[i] > last {
                break;
            }
            if self.t.is(i, class::CHILD_WORD) {
                if !ADULT_RELATIVES.contains(&self.norm(i)) {
                    return true;
                }
                // "my husband (70)", "my wife, 45", "my husband is 70",
                // "posting for my wife".
                let number_at =
                    |j: usize| matches!(self.t.list.get(j).map(|t| t.kind), Some(Kind::Number(_)));
                let aged = SPOUSE_AGE_LINKS.contains(&self.norm(i + 1)) && number_at(i + 2);
                let for_them = WRITTEN_FOR
                    .iter()
                    .any(|p| i > p.len() && self.words_at(i - 1 - p.len(), p));
                if aged || for_them {
                    self.spouse = true;
                    return true;
                }
            }
            let w = self.norm(i);
            if OTHERS_AGE_OWNERS.contains(&w)
                && matches!(
                    self.t.list.get(i + 1).map(|t| t.kind),
                    Some(Kind::Number(_))
                )
                && self.norm(i + 2) == "year"
                && self.norm(i + 3) == "old"
            {
                return true;
            }
        }
        false
    }

    /// Whether the clause of token `i` is about the writer (in a text about
    /// their child).
    fn first_person_clause(&self, i: usize) -> bool {
        self.writer.get(i).copied().unwrap_or(false)
    }

    /// Marks the pieces of clauses (split at commas too) that are about the
    /// writer: a first-person word and no word for the child.
    fn mark_writer(&mut self) {
        let n = self.len();
        let mut writer = vec![false; n];
        let mut lo = 0;
        while lo < n {
            let mut hi = lo;
            while hi + 1 < n && self.clause[hi + 1] == self.clause[lo] && self.norm(hi + 1) != "," {
                hi += 1;
            }
            let about_writer = self.writer_piece(lo, hi);
            writer[lo..=hi].iter_mut().for_each(|w| *w = about_writer);
            lo = hi + 1;
        }
        self.writer = writer;
    }

    fn writer_piece(&self, lo: usize, hi: usize) -> bool {
        let mut first = false;
        let mut child = false;
        for j in lo..=hi {
            if self.t.is(j, class::FIRST_PERSON) {
                let child_next = self.t.is(j + 1, class::CHILD_WORD)
                    || matches!(
                        self.t.list.get(j + 1).map(|t| t.kind),
                        Some(Kind::Number(_))
                    );
                // "I don't think it's swollen", "I'm not sure": the writer's
                // opinion of the child's foot.
                let opinion =
                    (j + 1..(j + 4).min(hi + 1)).any(|k| OPINION_WORDS.contains(&self.norm(k)));
                if !child_next && !opinion {
                    first = true;
                }
            }
            // A partner in a text about a child is another person, as the
            // writer is ("my husband had gout once").
            if !self.spouse && ADULT_RELATIVES.contains(&self.norm(j)) {
                first = true;
                continue;
            }
            if self.t.is(j, class::CHILD_WORD | class::CHILD_PRONOUN) {
                child = true;
            }
        }
        first && !child
    }

    /// Sex: the child's (son, daughter, his, her) or the writer's (woman, M/F
    /// after the age is read with the numbers).
    fn sex(&mut self) {
        let mut pick: Option<(usize, Choice)> = None;
        if self.child {
            for i in (0..self.len()).filter(|&i| self.t.is(i, class::CHILD_WORD)) {
                let w = self.norm(i);
                if ADULT_RELATIVES.contains(&w) != self.spouse {
                    continue;
                }
                if let Some(&(_, Some(c))) = CHILD_WORDS.iter().find(|(x, _)| *x == w) {
                    pick = Some((i, c));
                    break;
                }
            }
            if pick.is_none() {
                for i in (0..self.len()).filter(|&i| self.t.is(i, class::CHILD_PRONOUN)) {
                    let w = self.norm(i);
                    if let Some(&(_, c)) = CHILD_PRONOUNS.iter().find(|(x, _)| *x == w) {
                        pick = Some((i, c));
                        break;
                    }
                }
            }
        } else {
            for i in (0..self.len()).filter(|&i| self.t.is(i, class::SEX_WORD)) {
                let w = self.norm(i);
                if let Some(&(_, c)) = SEX_WORDS.iter().find(|(x, _)| *x == w) {
                    // "the running shop guy", "that man": someone else.
                    let other = (1..=3).any(|k| {
                        i.checked_sub(k)
                            .is_some_and(|j| OTHER_PERSON_DETERMINERS.contains(&self.norm(j)))
                    });
                    if self.used[i] || other {
                        continue;
                    }
                    pick = Some((i, c));
                    break;
                }
            }
        }
        if let Some((i, c)) = pick {
            self.raws.push(Raw {
                item: Item::Sex,
                answer: Some(FoundAnswer::Choice(c)),
                start: i,
                end: i + 1,
                negated: false,
                hedged: false,
                approximate: false,
                sign_only: false,
            });
        }
    }

    /// A sign told of another part of the body ("my wrists and knuckles are
    /// swollen too", "a swollen right knee") is not a sign at the foot: a word
    /// of [`OTHER_BODY_PARTS`] within a few words of it, in its piece of the
    /// sentence, with no word of [`FOOT_PARTS`] there.
    fn signs_elsewhere(&mut self) {
        const BACK: usize = 6;
        const AHEAD: usize = 3;
        self.drop_raws_where(|this, r| {
            if !matches!(
                r.item,
                Item::Swelling | Item::Redness | Item::Warmth | Item::Bruising
            ) || r.negated
            {
                return false;
            }
            // The piece of the sentence around the sign, up to a comma or
            // "but".
            let sent = this.sentence[r.start];
            let stop =
                |j: usize| this.sentence[j] != sent || matches!(this.norm(j), "," | ";" | "but");
            let mut lo = r.start;
            while lo > 0 && r.start - lo < BACK && !stop(lo - 1) {
                lo -= 1;
            }
            let mut hi = r.end;
            while hi < this.len() && hi - r.end < AHEAD && !stop(hi) {
                hi += 1;
            }
            (lo..hi).any(|j| OTHER_BODY_PARTS.contains(&this.norm(j)))
                && !(lo..hi).any(|j| FOOT_PARTS.contains(&this.norm(j)))
        });
    }

    /// A sport given up is not the person's sport now: in a sentence with
    /// a phrase of [`PAST_HABITS`] ("I used to run 40 miles a week"), the
    /// items of [`PAST_HABIT_ITEMS`] are not read as present.
    fn past_habits(&mut self) {
        let past = self.sentences_where(|i| self.seq_starts(i, Seq::PastHabit));
        if !past.iter().any(|&p| p) {
            return;
        }
        self.drop_raws_where(|this, r| {
            past[this.sentence[r.start] as usize]
                && PAST_HABIT_ITEMS.contains(&r.item)
                && !r.negated
                && r.answer != Some(FoundAnswer::YesNo(YesNo::Absent))
        });
    }

    /// Pain that runs down from the buttock or thigh ("from my buttock down
    /// the back of the leg into the heel") has no place on the foot's list:
    /// the places it reaches are left out, for the person to choose, when
    /// one of the words or sequences of [`PAIN_ABOVE_THE_LEG`] is named and
    /// not denied ("nothing in the buttock" keeps them).
    fn pain_from_above(&mut self) {
        let above = (0..self.len()).any(|i| {
            self.seq_starts(i, Seq::PainAbove)
                && self.negated_before(i, Item::PainLocation).is_none()
        });
        if above {
            self.drop_raws_where(|_, r| r.item == Item::PainLocation);
        }
    }

    /// A clinician's test done by the person on themselves ("pressing the
    /// centre of the heel pad with my thumb") is not the clinician's finding:
    /// clinician-only items in a sentence with a phrase of [`SELF_EXAM`] and
    /// no word of [`EXAMINERS`] are dropped.
    fn self_examination(&mut self) {
        let own = self.sentences_where(|i| self.seq_starts(i, Seq::SelfExam));
        if !own.iter().any(|&o| o) {
            return;
        }
        let examiner = self.sentences_where(|i| EXAMINERS.contains(&self.norm(i)));
        self.drop_raws_where(|this, r| {
            let sent = this.sentence[r.start] as usize;
            r.item.info().clinician_only && own[sent] && !examiner[sent]
        });
    }

    /// Findings in a note's plan ("Plan: boot, NWB, vit D") are what is to be
    /// done, not what was found: from a cue of [`PLAN_CUES`] to the end of
    /// its line.
    fn plans(&mut self) {
        let mut on = false;
        let in_plan: Vec<bool> = (0..self.len())
            .map(|i| {
                // A plan runs to the end of its line: "Plan: colchicine, r/v
                // 48h; if fever or systemically unwell, same day."
                if i > 0 && self.norm(i - 1) == "\n" {
                    on = false;
                }
                on |= self.seq_starts(i, Seq::Plan);
                on
            })
            .collect();
        self.drop_raws_where(|_, r| in_plan[r.start]);
    }

    /// "Retired postman", "a former nurse": a job left is not a job now.
    fn past_jobs(&mut self) {
        self.drop_raws_where(|this, r| {
            r.item == Item::StandingJob
                && r.start > 0
                && PAST_JOB_WORDS.contains(&this.norm(r.start - 1))
        });
    }

    /// "It swells up by the evening", "goes numb by the evening", "eases as
    /// the day goes on": the time of day is told of something other than
    /// worse pain. A word of [`NOT_PAIN_BY_EVENING`] within a few words before
    /// the `worse_end_of_day` phrase, with no pain word among them ("hurts
    /// and swells by teatime" keeps it), takes it away.
    fn time_of_day_of_other_things(&mut self) {
        const BACK: usize = 4;
        self.drop_raws_where(|this, r| {
            if r.item != Item::WorseEndOfDay || r.negated {
                return false;
            }
            let sent = this.sentence[r.start];
            let window = || {
                (r.start.saturating_sub(BACK)..r.start)
                    .filter(move |&j| this.sentence[j] == sent)
                    .map(|j| this.norm(j))
            };
            window().any(|w| NOT_PAIN_BY_EVENING.contains(&w))
                && !window().any(|w| PAIN_WORDS.contains(&w))
        });
    }

    /// In a text about the writer's child, drops what the writer says about
    /// themselves.
    fn filter_subject(&mut self) {
        if !self.child {
            return;
        }
        let raws = std::mem::take(&mut self.raws);
        self.raws = raws
            .into_iter()
            .filter(|r| {
                matches!(r.item, Item::Sex | Item::Side) || !self.first_person_clause(r.start)
            })
            .collect();
    }

    fn span(&self, start: usize, end: usize) -> Span {
        let s = self.t.list.get(start).map_or(0, |t| t.start);
        let e = end
            .checked_sub(1)
            .and_then(|k| self.t.list.get(k))
            .map_or(s, |t| t.end)
            .max(s);
        Span {
            start: s,
            end: e,
            text: self.text[s..e].to_owned(),
        }
    }

    /// Builds the document: findings in text order, unused sentences, and
    /// the assessment.
    fn finish(mut self) -> Parsed {
        self.raws.sort_by_key(|r| (r.start, r.end, r.item));
        self.raws.dedup_by(|a, b| {
            a.item == b.item && a.start == b.start && a.end == b.end && a.answer == b.answer
        });
        let mut covered = vec![false; self.len()];
        for r in &self.raws {
            for c in &mut covered[r.start..r.end.min(self.len())] {
                *c = true;
            }
        }
        // Unused: sentences with no finding at all.
        let mut unused = Vec::new();
        let mut s = 0;
        while s < self.len() {
            let mut e = s;
            while e < self.len() && self.sentence[e] == self.sentence[s] {
                e += 1;
            }
            let words = (s..e)
                .filter(|&i| self.t.list[i].kind != Kind::Punct)
                .count();
            if words > 0 && !(s..e).any(|i| covered[i]) {
                let mut last = e;
                while last > s && self.t.list[last - 1].kind == Kind::Punct {
                    last -= 1;
                }
                unused.push(self.span(s, last.max(s + 1)));
            }
            s = e;
        }
        let assessment = self.assessment();
        let findings = self
            .raws
            .iter()
            .map(|r| Finding {
                item: r.item,
                answer: r.answer,
                span: self.span(r.start, r.end),
                negated: r.negated,
                hedged: r.hedged,
                approximate: r.approximate,
            })
            .collect();
        Parsed {
            findings,
            unused,
            assessment,
        }
    }

    fn assessment(&self) -> Assessment {
        let mut a = Assessment::new();
        let mut places = Locations::new();
        let mut numbers: Vec<Option<(f64, bool)>> = vec![None; Item::COUNT];
        let mut yes_no: Vec<Option<bool>> = vec![None; Item::COUNT];
        let mut choices: Vec<Option<Choice>> = vec![None; Item::COUNT];
        for r in &self.raws {
            let Some(answer) = r.answer else { continue };
            let k = r.item.index();
            match answer {
                FoundAnswer::YesNo(v) => {
                    let present = v == YesNo::Present;
                    yes_no[k] = Some(yes_no[k].unwrap_or(false) || present);
                }
                FoundAnswer::Number(v) => {
                    // A stated value beats an estimate; otherwise the first.
                    if numbers[k].is_none_or(|(_, approx)| approx && !r.approximate) {
                        numbers[k] = Some((v, r.approximate));
                    }
                }
                FoundAnswer::Choice(c) => {
                    if choices[k].is_none() {
                        choices[k] = Some(c);
                    }
                }
                FoundAnswer::Location(l) => {
                    places.insert(l);
                }
            }
        }
        for &item in Item::ALL {
            let k = item.index();
            let answer = match item.info().kind {
                AnswerKind::YesNo => {
                    yes_no[k].map(|p| if p { Answer::Present } else { Answer::Absent })
                }
                AnswerKind::Number { .. } => numbers[k].map(|(v, _)| Answer::Number(v)),
                AnswerKind::Choice { .. } => choices[k].map(Answer::Choice),
                _ => (!places.is_empty()).then_some(Answer::Locations(places)),
            };
            if let Some(answer) = answer {
                // A value out of the item's range is left out.
                let _ = a.set(item, answer);
            }
        }
        if a.validate().is_err() {
            a.clear(Item::HeightCm).clear(Item::WeightKg);
            if a.validate().is_err() {
                a.clear(Item::Bmi);
            }
        }
        let setting = match a.number(Item::Age) {
            Some(age) if age < 18.0 => Setting::Children,
            None if self.child => Setting::Children,
            _ if a.is_present(Item::Runner) => Setting::Runners,
            _ => Setting::GeneralPractice,
        };
        a.set_setting(Some(setting));
        a
    }
}

#[cfg(test)]
mod tests;
