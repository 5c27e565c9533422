//! Splitting text into tokens, with byte offsets into the original text and a
//! normalised form for matching.

use std::sync::LazyLock;

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::knowledge::phrases::{
    CHILD_PRONOUNS, CHILD_WORDS, CLAUSE_STARTERS, FIRST_PERSON, KEEPS_APOSTROPHE_S, SEX_WORDS,
    SIDE_COMPARE, SIDE_PARTS, SIDE_WORDS, WORD_FORMS,
};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) enum Kind {
    Word,
    Number(f64),
    Punct,
}

/// One token: a word, a number or a punctuation mark.
#[derive(Debug, Clone, Copy)]
pub(super) struct Token {
    /// Byte range in the original text.
    pub start: usize,
    pub end: usize,
    /// Byte range of the normalised form in [`Tokens::hay`].
    pub nstart: usize,
    pub nend: usize,
    pub kind: Kind,
    /// Whether white space (or a joining hyphen) comes before it.
    pub space_before: bool,
    /// Whether its first letter was upper case in the original.
    pub upper: bool,
}

/// The tokens of a text and the haystack the phrase matcher runs over: the
/// normalised tokens joined by single spaces, with a space at each end.
pub(super) struct Tokens {
    pub list: Vec<Token>,
    pub hay: String,
    /// Whether each token ends a sentence.
    ends: Vec<bool>,
    /// The roles each token's word can play (bits of [`class`]).
    classes: Vec<u16>,
}

impl Tokens {
    /// The normalised form of token `i`.
    pub(super) fn norm(&self, i: usize) -> &str {
        self.list.get(i).map_or("", |t| &self.hay[t.nstart..t.nend])
    }

    /// The token that starts at haystack offset `pos` (the space before it).
    pub(super) fn at_hay(&self, pos: usize) -> Option<usize> {
        self.list
            .binary_search_by(|t| (t.nstart - 1).cmp(&pos))
            .ok()
    }

    /// The token whose normalised form ends at haystack offset `pos` (the
    /// space after it), as an exclusive index.
    pub(super) fn end_at_hay(&self, pos: usize) -> Option<usize> {
        self.list
            .binary_search_by(|t| t.nend.cmp(&pos))
            .ok()
            .map(|i| i + 1)
    }

    /// Whether token `i` can play the role `bit` (from [`class`]).
    pub(super) fn is(&self, i: usize, bit: u16) -> bool {
        self.classes.get(i).is_some_and(|c| c & bit != 0)
    }

    /// Whether token `i` ends a sentence.
    pub(super) fn is_sentence_end(&self, i: usize) -> bool {
        self.ends.get(i).copied().unwrap_or(false)
    }

    fn compute_sentence_end(&self, i: usize) -> bool {
        self.list.get(i).is_some_and(|t| {
            t.kind == Kind::Punct
                && matches!(self.norm(i), "." | "!" | "?" | ";" | "\n")
                && !self.is_prefix_query(i)
        })
    }

    /// Whether token `i` is a "?" written straight before a word, as in
    /// "?subtle swelling" (a hedge, not the end of a question).
    pub(super) fn is_prefix_query(&self, i: usize) -> bool {
        self.norm(i) == "?"
            && self
                .list
                .get(i + 1)
                .is_some_and(|n| !n.space_before && n.kind != Kind::Punct)
    }
}

/// FNV-1a: a fast hash for the short words looked up once per token (the
/// keys are the crate's own tables, so flooding is no concern).
#[derive(Default)]
pub(super) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FastMap<V> = HashMap<&'static str, V, BuildHasherDefault<Fnv>>;

static FORMS: LazyLock<FastMap<&'static str>> =
    LazyLock::new(|| WORD_FORMS.iter().copied().collect());

fn base_form(word: &str) -> &str {
    FORMS.get(word).copied().unwrap_or(word)
}

/// Roles a single word can play, as bits (see [`Tokens::class`]).
pub(super) mod class {
    /// Starts a new clause after a comma or "and".
    pub(crate) const CLAUSE_STARTER: u16 = 1;
    /// Names the writer ("I", "my").
    pub(crate) const FIRST_PERSON: u16 = 2;
    /// Names a child ("son", "daughter").
    pub(crate) const CHILD_WORD: u16 = 4;
    /// A pronoun for the child ("he", "her").
    pub(crate) const CHILD_PRONOUN: u16 = 8;
    /// States the writer's sex ("woman").
    pub(crate) const SEX_WORD: u16 = 16;
    /// A side ("left", "bilat").
    pub(crate) const SIDE_WORD: u16 = 32;
    /// A body part a side word can name.
    pub(crate) const SIDE_PART: u16 = 64;
    /// Marks the healthy side named for comparison ("than").
    pub(crate) const SIDE_COMPARE: u16 = 128;
}

static CLASSES: LazyLock<FastMap<u16>> = LazyLock::new(|| {
    let mut map: FastMap<u16> = HashMap::default();
    let mut add = |words: &mut dyn Iterator<Item = &'static str>, bit: u16| {
        for w in words {
            *map.entry(w).or_insert(0) |= bit;
        }
    };
    add(&mut CLAUSE_STARTERS.iter().copied(), class::CLAUSE_STARTER);
    add(&mut FIRST_PERSON.iter().copied(), class::FIRST_PERSON);
    add(&mut CHILD_WORDS.iter().map(|&(w, _)| w), class::CHILD_WORD);
    add(
        &mut CHILD_PRONOUNS.iter().map(|&(w, _)| w),
        class::CHILD_PRONOUN,
    );
    add(&mut SEX_WORDS.iter().map(|&(w, _)| w), class::SEX_WORD);
    add(&mut SIDE_WORDS.iter().map(|&(w, _)| w), class::SIDE_WORD);
    add(&mut SIDE_PARTS.iter().copied(), class::SIDE_PART);
    add(&mut SIDE_COMPARE.iter().copied(), class::SIDE_COMPARE);
    map
});

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{2018}')
}

/// Splits `text` into tokens. Linear in the length of the text.
pub(super) fn tokenize(text: &str) -> Tokens {
    let mut list = Vec::with_capacity(text.len() / 4 + 1);
    let mut hay = String::with_capacity(text.len() + 8);
    hay.push(' ');
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    let mut space = true;
    let mut word = String::new();
    while i < chars.len() {
        let (start, c) = chars[i];
        let end_of = |j: usize| chars.get(j).map_or(text.len(), |&(b, _)| b);
        // A line break inside a paragraph is a space; a blank line ends a
        // sentence.
        let blank_line = c == '\n'
            && chars[i + 1..]
                .iter()
                .take_while(|&&(_, n)| n.is_whitespace())
                .any(|&(_, n)| n == '\n');
        if c == '\n' && !blank_line {
            space = true;
            i += 1;
            continue;
        }
        if c == '\n' {
            push(
                &mut list,
                &mut hay,
                start,
                end_of(i + 1),
                "\n",
                Kind::Punct,
                true,
                false,
            );
            space = true;
            i += 1;
            continue;
        }
        if c.is_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i;
            while j < chars.len() && chars[j].1.is_ascii_digit() {
                j += 1;
            }
            if j + 1 < chars.len() && chars[j].1 == '.' && chars[j + 1].1.is_ascii_digit() {
                j += 1;
                while j < chars.len() && chars[j].1.is_ascii_digit() {
                    j += 1;
                }
            }
            let end = end_of(j);
            let digits = &text[start..end];
            let value = digits.parse::<f64>().unwrap_or(0.0);
            push(
                &mut list,
                &mut hay,
                start,
                end,
                digits,
                Kind::Number(value),
                space,
                false,
            );
            space = false;
            i = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i;
            word.clear();
            while j < chars.len() {
                let ch = chars[j].1;
                if ch.is_ascii_alphabetic() {
                    word.push(ch.to_ascii_lowercase());
                    j += 1;
                } else if ch.is_alphabetic() {
                    word.extend(ch.to_lowercase());
                    j += 1;
                } else if is_apostrophe(ch)
                    && chars.get(j + 1).is_some_and(|&(_, n)| n.is_alphabetic())
                {
                    word.push('\'');
                    j += 1;
                } else {
                    break;
                }
            }
            let end = end_of(j);
            // "heel's", "temperature's": the word, then "'s" on its own, so
            // that patterns see "heel" (pronouns keep theirs: "it's", "he's").
            let possessive = word.len() > 3
                && word.ends_with("'s")
                && !KEEPS_APOSTROPHE_S.contains(&word.as_str());
            let (base, base_end) = if possessive {
                (&word[..word.len() - 2], end_of(j - 2))
            } else {
                (word.as_str(), end)
            };
            let form = base_form(base);
            push(
                &mut list,
                &mut hay,
                start,
                base_end,
                form,
                Kind::Word,
                space,
                c.is_uppercase(),
            );
            if possessive {
                push(
                    &mut list,
                    &mut hay,
                    base_end,
                    end,
                    "'s",
                    Kind::Word,
                    false,
                    false,
                );
            }
            space = false;
            i = j;
            continue;
        }
        // A hyphen or slash-free joiner inside a word ("62-year-old", "non-tender").
        if c == '-'
            && !space
            && chars.get(i + 1).is_some_and(|&(_, n)| n.is_alphanumeric())
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            space = true;
            i += 1;
            continue;
        }
        let norm = match c {
            '\u{2019}' | '\u{2018}' | '`' | '\u{2032}' => "'",
            '\u{201c}' | '\u{201d}' | '\u{2033}' => "\"",
            '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
            _ => "",
        };
        let end = end_of(i + 1);
        if norm.is_empty() {
            let s = &text[start..end];
            let lower = s.to_lowercase();
            push(
                &mut list,
                &mut hay,
                start,
                end,
                &lower,
                Kind::Punct,
                space,
                false,
            );
        } else {
            push(
                &mut list,
                &mut hay,
                start,
                end,
                norm,
                Kind::Punct,
                space,
                false,
            );
        }
        space = false;
        i += 1;
    }
    hay.push(' ');
    let mut tokens = Tokens {
        list,
        hay,
        ends: Vec::new(),
        classes: Vec::new(),
    };
    tokens.ends = (0..tokens.list.len())
        .map(|i| tokens.compute_sentence_end(i))
        .collect();
    tokens.classes = (0..tokens.list.len())
        .map(|i| CLASSES.get(tokens.norm(i)).copied().unwrap_or(0))
        .collect();
    tokens
}

#[allow(clippy::too_many_arguments)] // one token's fields, in order
fn push(
    list: &mut Vec<Token>,
    hay: &mut String,
    start: usize,
    end: usize,
    norm: &str,
    kind: Kind,
    space_before: bool,
    upper: bool,
) {
    if list.last().is_some() {
        hay.push(' ');
    }
    let nstart = hay.len();
    hay.push_str(norm);
    let nend = hay.len();
    list.push(Token {
        start,
        end,
        nstart,
        nend,
        kind,
        space_before,
        upper,
    });
}

/// Normalises a pattern from the knowledge base the way [`tokenize`]
/// normalises text: the normalised tokens joined by single spaces.
pub(super) fn normalize_pattern(pattern: &str) -> String {
    let t = tokenize(pattern);
    t.hay.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_words_numbers_and_marks() {
        let text = "I'm 41, 62-year-old; 2.5 yrs 45M heal’s";
        let t = tokenize(text);
        let norms: Vec<&str> = (0..t.list.len()).map(|i| t.norm(i)).collect();
        assert_eq!(
            norms,
            [
                "i'm", "41", ",", "62", "year", "old", ";", "2.5", "yrs", "45", "m", "heel", "'s"
            ]
        );
        assert_eq!(t.list[7].kind, Kind::Number(2.5));
        assert!(t.list[10].upper && !t.list[10].space_before);
        assert_eq!(&text[t.list[11].start..t.list[11].end], "heal");
        assert_eq!(&text[t.list[12].start..t.list[12].end], "’s");
    }

    #[test]
    fn word_forms_are_applied() {
        assert_eq!(
            normalize_pattern("Both HEELS, achillies"),
            "both heel , achilles"
        );
    }

    #[test]
    fn offsets_map_back() {
        let t = tokenize("  no  swelling ");
        assert_eq!(t.hay, " no swelling ");
        assert_eq!(t.at_hay(0), Some(0));
        assert_eq!(t.at_hay(3), Some(1));
        assert_eq!(t.end_at_hay(3), Some(1));
    }
}
