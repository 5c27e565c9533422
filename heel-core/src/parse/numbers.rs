//! Numbers with units: age, duration, pain score, weekly distance, height,
//! weight, BMI and temperature.

use super::text::Kind;
use super::{FoundAnswer, Raw, Reader, YesNo};
use crate::item::{Choice, Item};
use crate::knowledge::phrases::{
    ACTIVITY_LINKS, ADULT_RELATIVES, AGE_BEFORE, AGE_SEX_CLOSERS, AND_A_HALF,
    ARTICLE_DURATION_LEADS, ARTICLES, AT_MOST, BMI_LINKS, CHILD_AGE_LINKS, CHILD_PRONOUNS,
    CHILD_WORDS, DATING_PRONOUNS, DEGREE_SCALES, DISEASE_DURATION_LINKS, DISEASE_DURATION_WORDS,
    EPISODE_COUNTS, FALL_WORDS, FREQUENCY_BEFORE, INCH_WORDS, MORNING_STIFFNESS_REACH,
    MORNING_STIFFNESS_WORDS, Measure, NOT_AGE_AFTER, NOT_DURATION_AFTER, NOT_DURATION_BEFORE,
    NOT_RUNNING, NUMBER_HEDGE_FILLERS, NUMBER_HEDGES, NUMBER_LABELS, OFF_TOPIC_DURATION,
    ONSET_WORDS, ORDINAL_NOUNS, OTHER_DURATION_WORDS, PREGNANCY_WORDS, PRONOUN_AGE_LEADS,
    RECENT_WORDS, ROUGH_NUMBER_WORDS, SEX_LETTERS, SEX_WORDS, SHORTHAND_DURATIONS, STIFFNESS_UNITS,
    STONE_POUNDS, TEMPERATURE_WORDS, UNITS, WEIGHT_CHANGES, YEAR_OLD,
};

/// A number in the text: digits, or number words ("seventy-two", "a couple of").
#[derive(Debug, Clone, Copy)]
struct Num {
    start: usize,
    end: usize,
    value: f64,
    /// "a" or "an": a number only right before a unit.
    article: bool,
    /// "a few", "several": a rough count.
    rough: bool,
    word: bool,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum When {
    /// "for 3 weeks", "6/52".
    Stated,
    /// "4 days ago", "yesterday": counts when the sentence tells of the onset.
    Event,
    /// "since last summer".
    Loose,
}

#[derive(Debug, Clone, Copy)]
struct Duration {
    when: When,
    days: f64,
    approximate: bool,
    start: usize,
    end: usize,
}

fn round1(v: f64) -> f64 {
    (v * 10.0).round() / 10.0
}

/// Reads every number and adds what it states to the reader's findings.
pub(super) fn read(r: &mut Reader<'_>) {
    let nums = numbers(r);
    let mut out: Vec<Raw> = Vec::new();
    let mut durations: Vec<Duration> = Vec::new();
    let mut ages: Vec<(usize, usize, f64, bool)> = Vec::new();
    let mut consumed_to = 0;
    // Where a measured normal temperature starts: the word "temperature"
    // right before it then names the reading, not a fever.
    let mut normal_readings: Vec<usize> = Vec::new();
    // Sentences about walking, cycling and the like, found once when needed.
    let mut not_running: Option<Vec<bool>> = None;
    for (k, n) in nums.iter().enumerate() {
        if n.start < consumed_to {
            continue;
        }
        let e = n.end;
        let next = r.norm(e);
        let v = n.value;
        // Shorthand and scores: 7/10, 6/52, 3/12, 10/7.
        if next == "/" && !n.word {
            if let Some(Kind::Number(d)) = r.t.list.get(e + 1).map(|t| t.kind) {
                if (d - 10.0).abs() < f64::EPSILON && v <= 10.0 {
                    push(
                        &mut out,
                        r.len(),
                        Item::Severity,
                        FoundAnswer::Number(v),
                        n.start,
                        e + 2,
                        false,
                    );
                    consumed_to = e + 2;
                    continue;
                }
                if let Some(&(_, factor)) = SHORTHAND_DURATIONS
                    .iter()
                    .find(|(den, _)| (den - d).abs() < f64::EPSILON)
                {
                    let ago = r.norm(e + 2) == "ago";
                    durations.push(Duration {
                        when: if ago { When::Event } else { When::Stated },
                        days: v * factor,
                        approximate: false,
                        start: n.start,
                        end: e + 2 + usize::from(ago),
                    });
                    consumed_to = e + 2;
                    continue;
                }
            }
        }
        // "4 out of 10", "4 of 10".
        let of_ten = |at: usize| {
            r.norm(at) == "of"
                && nums
                    .get(k + 1)
                    .is_some_and(|m| m.start == at + 1 && (m.value - 10.0).abs() < f64::EPSILON)
        };
        if v <= 10.0 && (of_ten(e) || (next == "out" && of_ten(e + 1))) {
            let end = if next == "out" { e + 3 } else { e + 2 };
            push(
                &mut out,
                r.len(),
                Item::Severity,
                FoundAnswer::Number(v),
                n.start,
                end,
                false,
            );
            consumed_to = end;
            continue;
        }
        // Age: "62-year-old", "38 y/o", "45M", "52 M,".
        let year_old = YEAR_OLD.0.contains(&next) && YEAR_OLD.1.contains(&r.norm(e + 1));
        let y_o = next == "y" && r.norm(e + 1) == "/" && r.norm(e + 2) == "o";
        if (year_old || y_o || next == "yo") && !n.article {
            let end = if year_old {
                e + 2
            } else if y_o {
                e + 3
            } else {
                e + 1
            };
            ages.push((n.start, end, v, true));
            consumed_to = end;
            continue;
        }
        // Not "F2F": a number inside a word.
        let inside_word = n.start > 0
            && !r.t.list[n.start].space_before
            && r.t.list[n.start - 1].kind == Kind::Word;
        if sex_letter(r, e).is_some() && !n.word && whole_age(v) && !inside_word {
            let tok = r.t.list[e];
            let after = r.norm(e + 1);
            let closes = !tok.space_before || e + 1 >= r.len() || AGE_SEX_CLOSERS.contains(&after);
            if let Some(sex) = sex_letter(r, e).filter(|_| closes) {
                ages.push((n.start, e + 1, v, true));
                push_sex(&mut out, r, sex, e);
                consumed_to = e + 1;
                continue;
            }
        }
        // "M31", "F23,": the letter joined to the front of the age.
        if let Some(sex) = sex_letter(r, n.start.wrapping_sub(1)) {
            let joined = !r.t.list[n.start].space_before;
            let opens =
                n.start == 1 || matches!(r.norm(n.start - 2), "," | "." | "(" | ";" | ":" | "\n");
            let closes = e >= r.len() || matches!(next, "," | "." | ";" | ")" | "\n");
            if joined && opens && closes && !n.word && whole_age(v) {
                ages.push((n.start - 1, e, v, true));
                push_sex(&mut out, r, sex, n.start - 1);
                consumed_to = e;
                continue;
            }
        }
        // Temperature: "T 38.7", "temp of 38.5", "38.5C".
        let before = r.norm(n.start.wrapping_sub(1));
        let before2 = r.norm(n.start.wrapping_sub(2));
        let temp_word = |w: &str| TEMPERATURE_WORDS.0.contains(&w);
        // A bare degree sign after a whole number is an angle ("SLR +ve at
        // 40°"), not a temperature ("38.5°", "39°C").
        let angle = next == "°" && v.fract() == 0.0 && !DEGREE_SCALES.contains(&r.norm(e + 1));
        if temp_word(before)
            || (before == "of" && temp_word(before2))
            || (TEMPERATURE_WORDS.1.contains(&next) && !angle)
        {
            let fever = (38.0..43.0).contains(&v) || (100.4..110.0).contains(&v);
            // A measured normal temperature states that there is no fever.
            let normal = (35.0..37.5).contains(&v) || (95.0..99.5).contains(&v);
            if fever || normal {
                if normal {
                    normal_readings.push(n.start);
                }
                let answer = if fever { YesNo::Present } else { YesNo::Absent };
                push(
                    &mut out,
                    r.len(),
                    Item::Fever,
                    FoundAnswer::YesNo(answer),
                    n.start,
                    e,
                    false,
                );
                consumed_to = e + usize::from(TEMPERATURE_WORDS.1.contains(&next));
                continue;
            }
        }
        // BMI: "BMI 31", "BMI is 31", "(BMI of 34)".
        let bmi = (1..=3).any(|b| {
            n.start >= b
                && r.norm(n.start - b) == "bmi"
                && (n.start - b + 1..n.start).all(|j| BMI_LINKS.contains(&r.norm(j)))
        });
        if bmi && !n.word {
            push(
                &mut out,
                r.len(),
                Item::Bmi,
                FoundAnswer::Number(v),
                n.start,
                e,
                false,
            );
            consumed_to = e;
            continue;
        }
        // Units.
        if let Some(&(_, measure, factor)) = UNITS.iter().find(|(u, _, _)| *u == next) {
            let approx = approximate_before(r, n) || n.rough || matches!(r.norm(e + 1), "ish");
            match measure {
                Measure::Days => {
                    if let Some(d) = duration(r, n, e, factor, approx) {
                        consumed_to = d.end;
                        durations.push(d);
                        continue;
                    }
                }
                Measure::Km if weekly(r, n.start, e + 1) && !n.article => {
                    push(
                        &mut out,
                        r.len(),
                        Item::WeeklyDistanceKm,
                        FoundAnswer::Number(round1(v * factor)),
                        n.start,
                        e + 1,
                        approx,
                    );
                    let sent = r.sentence[n.start] as usize;
                    let other = not_running.get_or_insert_with(|| {
                        r.sentences_where(|j| NOT_RUNNING.contains(&r.norm(j)))
                    });
                    if !other[sent] {
                        push(
                            &mut out,
                            r.len(),
                            Item::Runner,
                            FoundAnswer::YesNo(YesNo::Present),
                            n.start,
                            e + 1,
                            false,
                        );
                    }
                    consumed_to = e + 1;
                    continue;
                }
                Measure::Cm => {
                    let cm = v * factor;
                    let plausible = if factor > 1.0 {
                        (1.0..=2.5).contains(&v) && v.fract() != 0.0
                    } else {
                        (40.0..=250.0).contains(&v)
                    };
                    // "jumped off a wall, about 50 cm": a height fallen.
                    let fallen = (1..=10).any(|b| {
                        n.start >= b
                            && r.sentence.get(n.start - b) == r.sentence.get(n.start)
                            && FALL_WORDS.contains(&r.norm(n.start - b))
                    });
                    if plausible && !n.article && !fallen {
                        push(
                            &mut out,
                            r.len(),
                            Item::HeightCm,
                            FoundAnswer::Number(round1(cm)),
                            n.start,
                            e + 1,
                            approx,
                        );
                        consumed_to = e + 1;
                        continue;
                    }
                }
                Measure::Inch if factor > 1.0 && (3.0..=7.0).contains(&v) && !n.article => {
                    // Feet, then inches: 5'5", 5 ft 4, six foot two.
                    let mut inches = 0.0;
                    let mut end = e + 1;
                    if let Some(m) = nums.get(k + 1).filter(|m| m.start == e + 1 && !m.article) {
                        if m.value < 12.0 {
                            inches = m.value;
                            end = m.end;
                            if INCH_WORDS.contains(&r.norm(end)) {
                                end += 1;
                            }
                        }
                    }
                    let cm = (v * 12.0 + inches) * 2.54;
                    push(
                        &mut out,
                        r.len(),
                        Item::HeightCm,
                        FoundAnswer::Number(round1(cm)),
                        n.start,
                        end,
                        approx,
                    );
                    consumed_to = end;
                    continue;
                }
                Measure::Kg
                    if !n.article
                        && !ORDINAL_NOUNS.contains(&r.norm(e + 1))
                        && !ordinal_first(r, n, e) =>
                {
                    let lost =
                        (1..=3).any(|b| WEIGHT_CHANGES.contains(&r.norm(n.start.wrapping_sub(b))));
                    if !lost {
                        let mut kg = v * factor;
                        let mut end = e + 1;
                        // "13 st 4 (lb)".
                        if STONE_POUNDS.0.contains(&next) {
                            if let Some(m) = nums
                                .get(k + 1)
                                .filter(|m| m.start == e + 1 && m.value < 14.0)
                            {
                                kg += m.value * 0.453_592_37;
                                end = m.end;
                                if STONE_POUNDS.1.contains(&r.norm(end)) {
                                    end += 1;
                                }
                            }
                        }
                        if (2.0..=350.0).contains(&kg) {
                            push(
                                &mut out,
                                r.len(),
                                Item::WeightKg,
                                FoundAnswer::Number(round1(kg)),
                                n.start,
                                end,
                                approx,
                            );
                        }
                        consumed_to = end;
                        continue;
                    }
                }
                _ => {}
            }
        }
        // Ages with no unit: "I'm 41", "aged 62", "son is 9", "daughter (9)",
        // "Male, 44,", "73, retired nurse", "Now, at 67,".
        if n.article || n.rough || v.fract() != 0.0 || !(1.0..=110.0).contains(&v) {
            continue;
        }
        let unit_next = UNITS.iter().any(|(u, _, _)| *u == next)
            || NOT_AGE_AFTER.contains(&next)
            // "3:30" is a time; "my son, 12: he ..." is an age.
            || (next == ":" && matches!(r.t.list.get(e + 1).map(|t| t.kind), Some(Kind::Number(_))));
        if unit_next {
            continue;
        }
        let first = r.child && r.first_person_clause(n.start);
        let i_am = before == "i'm" || (before == "am" && before2 == "i");
        // "I am 52": the table's "i am" is two tokens, so it is checked here.
        let lead_word = AGE_BEFORE.contains(&before) || (before == "am" && before2 == "i");
        if lead_word && before != "is" && !(r.child && i_am) && !first {
            let lead = if before == "am" { 2 } else { 1 };
            ages.push((n.start - lead, e, v, true));
            continue;
        }
        // The person written about: a child, or a partner when the text is
        // about them.
        let child_word = |w: &str| {
            CHILD_WORDS.iter().any(|(c, _)| *c == w) && ADULT_RELATIVES.contains(&w) == r.spouse
        };
        if child_word(before)
            || (CHILD_AGE_LINKS.contains(&before) && child_word(before2))
            // "on behalf of my dad, he's 74", "she is 9".
            || (r.child && PRONOUN_AGE_LEADS.contains(&before))
            || (r.child
                && before == "is"
                && CHILD_PRONOUNS.iter().any(|(p, _)| *p == before2))
            // "My grandson Alfie is twelve": a name between.
            || (CHILD_AGE_LINKS.contains(&before)
                && r.t.list[n.start.wrapping_sub(2).min(r.len() - 1)].upper
                && child_word(r.norm(n.start.wrapping_sub(3))))
            || (before == "(" && child_word(before2) && next == ")")
        {
            ages.push((n.start, e + usize::from(next == ")"), v, true));
            continue;
        }
        let closing = e >= r.len() || matches!(next, "," | "." | ")" | ";" | "\n" | "and");
        if before == "at" && closing && v >= 16.0 && !first {
            ages.push((n.start, e, v, true));
            continue;
        }
        let opening = n.start == 0 || matches!(before, "," | "." | "(" | "\n" | ";");
        let label = NUMBER_LABELS.contains(&before2);
        let sex_next = next == "," && SEX_WORDS.iter().any(|(w, _)| *w == r.norm(e + 1));
        if opening && closing && !label && !first && (r.sentence[n.start] <= 2 || sex_next) {
            ages.push((n.start, e, v, sex_next));
        }
    }
    if let Some(&(s, e, v, _)) = ages.iter().find(|a| a.3).or_else(|| ages.first()) {
        push(
            &mut out,
            r.len(),
            Item::Age,
            FoundAnswer::Number(v),
            s,
            e,
            false,
        );
        // "52 (F)", "50, F,": the letter set off just after the age.
        let set_off = matches!(
            (r.norm(e), r.norm(e + 2)),
            ("(", ")") | (",", "," | "." | ";")
        );
        if let Some(sex) = sex_letter(r, e + 1).filter(|_| set_off) {
            if !out.iter().any(|f| f.item == Item::Sex) {
                push_sex(&mut out, r, sex, e + 1);
            }
        }
    }
    r.raws.retain(|f| {
        let names_reading = (f.end..f.end + 2).any(|j| normal_readings.contains(&j));
        !(f.item == Item::Fever
            && f.answer == Some(FoundAnswer::YesNo(YesNo::Present))
            && names_reading)
    });
    loose_and_days(r, &mut durations);
    durations.retain(|d| !off_topic(r, d));
    if let Some(d) = choose_duration(r, &durations) {
        push(
            &mut out,
            r.len(),
            Item::DurationDays,
            FoundAnswer::Number(d.days.round()),
            d.start,
            d.end,
            d.approximate,
        );
    }
    stiffness_length(r, &nums, &mut out);
    // A guessed number is hedged ("probably 7/10", "maybe a 4/10", "I think
    // it's been about six weeks"): a word of [`NUMBER_HEDGES`] a few words
    // before it, with only words of [`NUMBER_HEDGE_FILLERS`] between.
    for f in &mut out {
        if !matches!(
            f.item,
            Item::Severity
                | Item::MorningStiffnessLong
                | Item::DurationDays
                | Item::WeeklyDistanceKm
        ) {
            continue;
        }
        let sent = r.sentence[f.start];
        let mut j = f.start;
        while j > 0 && r.sentence[j - 1] == sent && NUMBER_HEDGE_FILLERS.contains(&r.norm(j - 1)) {
            j -= 1;
        }
        if j > 0 && r.sentence[j - 1] == sent && NUMBER_HEDGES.contains(&r.norm(j - 1)) {
            f.answer = None;
            f.hedged = true;
        }
    }
    // The severity item asks how bad the pain is at its worst: of several
    // scores ("3/10 most days, 6/10 after spin"), the highest.
    let worst = out
        .iter()
        .filter(|f| f.item == Item::Severity)
        .filter_map(|f| match f.answer {
            Some(FoundAnswer::Number(v)) => Some(v),
            _ => None,
        })
        .fold(f64::NEG_INFINITY, f64::max);
    out.retain(|f| {
        f.item != Item::Severity || !matches!(f.answer, Some(FoundAnswer::Number(v)) if v < worst)
    });
    r.raws.extend(out);
}

/// Morning stiffness with its length in minutes or hours ("AM stiffness
/// ~45 min", "stiff in the mornings but loosens within 20 minutes", "AM
/// stiffness <15 min"): the number decides `morning_stiffness_long` against
/// its threshold of 30 minutes, in place of what the words alone said in that
/// sentence.
fn stiffness_length(r: &mut Reader<'_>, nums: &[Num], out: &mut Vec<Raw>) {
    // (sentence, long, start, end) for each length read; one pass over the
    // findings afterwards keeps the whole reading linear in the text.
    let mut decided: Vec<(u32, bool, usize, usize)> = Vec::new();
    for n in nums {
        let unit = r.norm(n.end);
        let minutes = if STIFFNESS_UNITS.0.contains(&unit) {
            n.value
        } else if STIFFNESS_UNITS.1.contains(&unit) {
            n.value * 60.0
        } else {
            continue;
        };
        // "half an hour".
        let half = n.start > 0 && r.norm(n.start - 1) == "half";
        let minutes = if half { minutes / 2.0 } else { minutes };
        let from = n.start - usize::from(half);
        let sent = r.sentence[n.start];
        let same = |j: usize| r.sentence.get(j) == Some(&sent);
        let lo = n.start.saturating_sub(MORNING_STIFFNESS_REACH);
        let stiff =
            (lo..n.start).any(|j| same(j) && MORNING_STIFFNESS_WORDS.0.contains(&r.norm(j)));
        let morning = (lo..(n.end + MORNING_STIFFNESS_REACH).min(r.len()))
            .any(|j| same(j) && MORNING_STIFFNESS_WORDS.1.contains(&r.norm(j)));
        if !stiff || !morning {
            continue;
        }
        // "< 15 min", "under 20 minutes", "within 20 minutes", "less than".
        let at_most = (from.saturating_sub(2)..from).any(|j| AT_MOST.contains(&r.norm(j)));
        let long = minutes >= 30.0 && !(at_most && minutes <= 30.0);
        decided.push((sent, long, from, n.end + 1));
    }
    if decided.is_empty() {
        return;
    }
    let here = |s: u32| decided.iter().any(|d| d.0 == s);
    // A sentence about how long the stiffness lasts, with no word of pain
    // in it ("First thing in the morning it's stiff for five or ten
    // minutes"), does not tell of pain with the first steps.
    r.raws.retain(|f| {
        let s = r.sentence[f.start];
        !(here(s)
            && (f.item == Item::MorningStiffnessLong
                || (f.item == Item::FirstStepPain && !r.sent_pain[s as usize])))
    });
    out.retain(|f| !(f.item == Item::MorningStiffnessLong && here(r.sentence[f.start])));
    for (k, &(sent, long, start, end)) in decided.iter().enumerate() {
        // The last length read in a sentence decides it.
        if decided[k + 1..].iter().any(|d| d.0 == sent) {
            continue;
        }
        push(
            out,
            r.len(),
            Item::MorningStiffnessLong,
            FoundAnswer::YesNo(if long { YesNo::Present } else { YesNo::Absent }),
            start,
            end,
            false,
        );
    }
}

fn push(
    out: &mut Vec<Raw>,
    len: usize,
    item: Item,
    answer: FoundAnswer,
    start: usize,
    end: usize,
    approximate: bool,
) {
    out.push(Raw {
        item,
        answer: Some(answer),
        start,
        end: end.min(len).max(start + 1),
        negated: false,
        hedged: false,
        approximate,
        sign_only: false,
    });
}

/// The numbers in the text, in order, longest reading first at each start.
#[allow(clippy::many_single_char_names)] // token positions: s, e, i, w, v
fn numbers(r: &Reader<'_>) -> Vec<Num> {
    let mut out: Vec<Num> = Vec::new();
    let mut words = r.number_words.clone();
    words.sort_by(|a, b| a.0.cmp(&b.0).then((b.1 - b.0).cmp(&(a.1 - a.0))));
    let mut w = 0;
    let mut i = 0;
    while i < r.len() {
        while w < words.len() && words[w].0 < i {
            w += 1;
        }
        if let Kind::Number(v) = r.t.list[i].kind {
            out.push(Num {
                start: i,
                end: i + 1,
                value: v,
                article: false,
                rough: false,
                word: false,
            });
            i += 1;
            continue;
        }
        if w < words.len() && words[w].0 == i {
            let (s, e, v) = words[w];
            let text = r.t.hay[r.t.list[s].nstart..r.t.list[e - 1].nend].to_owned();
            let article = ARTICLES.contains(&text.as_str());
            let rough = ROUGH_NUMBER_WORDS.contains(&text.as_str());
            let mut num = Num {
                start: s,
                end: e,
                value: v,
                article,
                rough,
                word: true,
            };
            // "seventy two", "twenty-one".
            if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                let next_word = words[w..]
                    .iter()
                    .take_while(|x| x.0 <= e)
                    .find(|x| x.0 == e);
                if let Some(&(s2, e2, v2)) = next_word {
                    if (1.0..10.0).contains(&v2) && e2 == s2 + 1 {
                        num.value += v2;
                        num.end = e2;
                    }
                }
            }
            // "one and a half", "two and a half".
            if r.words_at(num.end, AND_A_HALF) {
                num.value += 0.5;
                num.end += AND_A_HALF.len();
            }
            i = num.end;
            out.push(num);
            continue;
        }
        i += 1;
    }
    out
}

/// Whether the number is marked as rough ("about 3 weeks", "~40 km").
fn approximate_before(r: &Reader<'_>, n: &Num) -> bool {
    r.about_end.get(n.start).copied().unwrap_or(false)
}

/// Whether a distance is a weekly volume: "a week" (or "/wk", "weekly") right
/// after it, or close by in the same sentence ("6 days a week, 70 km").
fn weekly(r: &Reader<'_>, start: usize, end: usize) -> bool {
    let at = |p: usize| r.week_at.get(p).copied().unwrap_or(false);
    at(end)
        || (start.saturating_sub(6)..=start + 6)
            .any(|p| at(p) && r.sentence.get(p) == r.sentence.get(start))
}

fn duration(
    r: &Reader<'_>,
    n: &Num,
    unit: usize,
    factor: f64,
    approximate: bool,
) -> Option<Duration> {
    // "a year and a half", "two years and a half".
    let half = r.words_at(unit + 1, AND_A_HALF);
    let end = unit + 1 + if half { AND_A_HALF.len() } else { 0 };
    let after = r.norm(end);
    let before = r.norm(n.start.wrapping_sub(1));
    let before2 = r.norm(n.start.wrapping_sub(2));
    if NOT_DURATION_AFTER.contains(&after) {
        return None;
    }
    // "25 yrs of running", "ten years of diabetes": how long something else
    // has gone on (not "over the last 2 months of running").
    if after == "of"
        && OTHER_DURATION_WORDS.contains(&r.norm(end + 1))
        && !RECENT_WORDS.contains(&before)
    {
        return None;
    }
    // "3x a week", "three runs a week": how often, not how long.
    if n.article && FREQUENCY_BEFORE.contains(&before) {
        return None;
    }
    // "6 days a week", "12 hours a week": a frequency, not a duration.
    if r.week_at.get(end).copied().unwrap_or(false) {
        return None;
    }
    // "running for 20 years", "every 2 weeks", "after 4 weeks of heel cups".
    // "running on and off for twenty years": the words between may be
    // fillers only.
    let activity = (2..=6).any(|b| {
        OTHER_DURATION_WORDS.contains(&r.norm(n.start.wrapping_sub(b)))
            && (1..b).any(|c| r.norm(n.start.wrapping_sub(c)) == "for")
            && (b <= 4 || (1..b).all(|c| ACTIVITY_LINKS.contains(&r.norm(n.start.wrapping_sub(c)))))
    });
    // "twice in the last few years": how often, not how long.
    let how_often = RECENT_WORDS.contains(&before)
        && before2 == "the"
        && r.norm(n.start.wrapping_sub(3)) == "in"
        && EPISODE_COUNTS.contains(&r.norm(n.start.wrapping_sub(4)));
    if activity
        || how_often
        || NOT_DURATION_BEFORE.contains(&before)
        || (before == "after" && after == "of")
    {
        return None;
    }
    let ago = after == "ago";
    if factor == 0.0 && !ago {
        return None;
    }
    if n.article && !ago {
        let lead = ARTICLE_DURATION_LEADS.contains(&before);
        if !lead && after != "now" {
            return None;
        }
    }
    Some(Duration {
        when: if ago { When::Event } else { When::Stated },
        days: (n.value + if half { 0.5 } else { 0.0 }) * factor,
        approximate,
        start: n.start,
        end: end + usize::from(ago),
    })
}

/// "since last summer", "for the last month", "yesterday".
fn loose_and_days(r: &Reader<'_>, out: &mut Vec<Duration>) {
    for &(s, e, d) in &r.loose {
        out.push(Duration {
            when: When::Loose,
            days: d,
            approximate: true,
            start: s,
            end: e,
        });
    }
    for &(s, e, d, rough) in &r.days {
        out.push(Duration {
            when: When::Event,
            days: d,
            approximate: rough,
            start: s,
            end: e,
        });
    }
    out.sort_by_key(|d| d.start);
}

/// "1st marathon", "my 21st birthday": "st" joined to a number ending in one
/// (not eleven) and followed by a word is an ordinal, not stones ("21st 4lb"
/// and "13 st" stay weights).
fn ordinal_first(r: &Reader<'_>, n: &Num, unit: usize) -> bool {
    let joined = !r.t.list[unit].space_before && r.norm(unit) == "st";
    // Whole numbers only: 1, 21, 31, but not 11.
    let whole = n.value.fract() == 0.0 && (1.0..1000.0).contains(&n.value);
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let k = n.value as u32;
    let last = whole && k % 10 == 1 && k % 100 != 11;
    let word_next = r.t.list.get(unit + 1).is_some_and(|t| t.kind == Kind::Word);
    joined && last && word_next
}

/// Whether the sentence of token `i` tells how the pain began: a current
/// injury, or words such as "started".
fn onset_sentences(r: &Reader<'_>) -> Vec<bool> {
    let mut onset = vec![false; r.sent_history.len()];
    for f in &r.raws {
        let injury = f.answer == Some(FoundAnswer::YesNo(YesNo::Present))
            && matches!(
                f.item,
                Item::Trauma
                    | Item::RolledAnkle
                    | Item::PopAtOnset
                    | Item::HighEnergyInjury
                    | Item::UnableToBearWeightAtInjury
                    | Item::PunctureWound
            );
        if injury {
            onset[r.sentence[f.start] as usize] = true;
        }
    }
    for j in 0..r.len() {
        if ONSET_WORDS.contains(&r.norm(j)) {
            onset[r.sentence[j] as usize] = true;
        }
    }
    // "Landed on my heel on a rock. Immediate pain. That was four days ago.":
    // a sentence that dates one of the two before it.
    for j in 1..r.len() {
        let sent = r.sentence[j] as usize;
        let opens = r.sentence[j - 1] as usize + 1 == sent;
        if opens && DATING_PRONOUNS.contains(&r.norm(j)) && r.norm(j + 1) == "was" {
            onset[sent] = onset[sent.saturating_sub(2)..sent].contains(&true);
        }
    }
    onset
}

/// Whether a duration is told of something other than the pain: words of
/// [`OFF_TOPIC_DURATION`] close before it in its clause ("a growth spurt over
/// the last few months", "35 miles a week over about a month"; a comma with
/// "and" ends the look back), a condition's name right before it ("T2DM 15
/// yrs", [`DISEASE_DURATION_WORDS`]), or "pregnant" right after it ("32 weeks
/// pregnant").
fn off_topic(r: &Reader<'_>, d: &Duration) -> bool {
    let mut lo = d.start;
    while lo > 0 && d.start - lo < 10 {
        let j = lo - 1;
        if r.clause[j] != r.clause[d.start]
            || r.norm(j) == ";"
            || (r.norm(j) == "," && r.norm(j + 1) == "and")
        {
            break;
        }
        lo = j;
    }
    let before = (lo..d.start).any(|j| OFF_TOPIC_DURATION.iter().any(|w| r.words_at(j, w)));
    // A condition's own length, right before it ("T2DM 15 yrs").
    let mut j = d.start;
    let mut links = 0;
    while j > 0 && links <= 2 && DISEASE_DURATION_LINKS.contains(&r.norm(j - 1)) {
        j -= 1;
        links += 1;
    }
    let disease = j > 0 && DISEASE_DURATION_WORDS.contains(&r.norm(j - 1));
    before || disease || PREGNANCY_WORDS.contains(&r.norm(d.end))
}

fn choose_duration(r: &Reader<'_>, all: &[Duration]) -> Option<Duration> {
    if let Some(d) = all.iter().find(|d| d.when == When::Stated) {
        return Some(*d);
    }
    let onset = onset_sentences(r);
    for d in all.iter().filter(|d| d.when == When::Event) {
        let sent = r.sentence[d.start];
        let history = r.sent_history[sent as usize] && !r.sent_present[sent as usize];
        if !history && onset[sent as usize] {
            return Some(*d);
        }
        // "Three weeks ago I finished ... and since then": an estimate.
        let since_then = (d.end..r.len().min(d.end + 30))
            .take_while(|&j| r.sentence[j] == sent)
            .any(|j| r.norm(j) == "since" && r.norm(j + 1) == "then");
        if since_then {
            return Some(Duration {
                approximate: true,
                ..*d
            });
        }
    }
    all.iter().find(|d| d.when == When::Loose).copied()
}

/// The sex a capital "M" or "F" at token `i` stands for (in "M31", "52 (F)").
fn sex_letter(r: &Reader<'_>, i: usize) -> Option<Choice> {
    let tok = r.t.list.get(i)?;
    if !tok.upper {
        return None;
    }
    SEX_LETTERS
        .iter()
        .find(|(w, _)| *w == r.norm(i))
        .map(|&(_, c)| c)
}

/// The sex read from the letter at token `at`.
fn push_sex(out: &mut Vec<Raw>, r: &Reader<'_>, sex: Choice, at: usize) {
    push(
        out,
        r.len(),
        Item::Sex,
        FoundAnswer::Choice(sex),
        at,
        at + 1,
        false,
    );
}

/// Whether a number can be an age in years.
fn whole_age(v: f64) -> bool {
    v.fract() == 0.0 && (1.0..=110.0).contains(&v)
}
