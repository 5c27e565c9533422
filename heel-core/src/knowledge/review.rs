//! Tools for reviewing the knowledge base: a consistency check and a
//! Markdown rendering of every table.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use super::care_policy::{
    CONFLICTS, CareRow, Gives, MAX_CONDITIONS, ROUTINE_PLAN, Trigger, URGENT_PLAN,
};
use super::groups::{CLUSTERS, GROUP_DECAY};
use super::levels::{DIFFUSE_PLACES, ESSENTIAL, LEVELS, MIN_ANSWERS};
use super::likelihoods::resolve_label;
use super::{
    ADVICE, ANSWER_GROUPS, Advice, EvidenceGroup, Grade, LIKELIHOODS, PRIORS, SCREENING, SOURCES,
    Source, TRIAGE_RULES, Test,
};
use crate::condition::Condition;
use crate::item::{AnswerKind, Item};
use crate::knowledge::calibration::EVIDENCE_TEMPERATURE;
use crate::vocab::TriageLevel;

/// A finding whose ratio is at most this makes a condition very unlikely.
const NEGATIVE: f64 = 0.3;

/// Whether a text states the time frame of `level` in words.
fn says_time_frame(text: &str, level: TriageLevel) -> bool {
    match level {
        TriageLevel::Emergency => text.contains("now"),
        TriageLevel::Urgent => text.contains("today"),
        TriageLevel::SeeDoctor => text.contains("within the next few days"),
        TriageLevel::SelfCare => true,
    }
}

/// Whether a test reads an item.
fn test_mentions(test: &Test, item: Item) -> bool {
    let mut items = BTreeSet::new();
    test_items(test, &mut items);
    items.contains(&item)
}

/// Items that take no likelihood ratio on purpose: they feed triage rules
/// or are used to derive another item.
const NOT_SCORED: &[Item] = &[
    Item::Improving,
    Item::UnfamiliarPain,
    Item::HeightCm,
    Item::WeightKg,
];

fn test_items(test: &Test, out: &mut BTreeSet<Item>) {
    match *test {
        Test::Present(i)
        | Test::NotPresent(i)
        | Test::Is(i, _)
        | Test::Above(i, _)
        | Test::Below(i, _) => {
            out.insert(i);
        }
        Test::PainAt(_) => {
            out.insert(Item::PainLocation);
        }
        Test::All(ts) | Test::Any(ts) => ts.iter().for_each(|t| test_items(t, out)),
        Test::Not(t) => test_items(t, out),
    }
}

/// The items any triage rule looks at.
pub(crate) fn triage_items() -> BTreeSet<Item> {
    let mut out = BTreeSet::new();
    for rule in &TRIAGE_RULES {
        test_items(&rule.test, &mut out);
    }
    out
}

/// Checks the knowledge base for mistakes a reviewer could make when editing
/// it: tables out of order, answers an item does not have, non-positive
/// ratios, a graded number without a source, the same ratio given twice,
/// unused sources, advice or items. Returns one line per problem (empty when
/// all is well); the test suite requires it to be empty.
#[must_use]
pub fn problems() -> Vec<String> {
    let mut p = Vec::new();
    let mut order = |what: &str, ok: bool| {
        if !ok {
            p.push(format!("{what} table is not in enum order"));
        }
    };
    order(
        "conditions",
        Condition::ALL.iter().all(|c| c.info().id == *c),
    );
    order("items", Item::ALL.iter().all(|i| i.info().id == *i));
    order("sources", Source::ALL.iter().all(|s| s.info().id == *s));
    order("advice", Advice::ALL.iter().all(|a| a.info().id == *a));
    order(
        "triage rules",
        super::Rule::ALL.iter().all(|r| r.info().id == *r),
    );
    order(
        "priors",
        PRIORS
            .iter()
            .zip(Condition::ALL)
            .all(|(p, c)| p.condition == *c),
    );

    let mut cited: BTreeSet<Source> = BTreeSet::new();
    let mut seen: BTreeSet<(Item, usize, Condition, Option<&str>)> = BTreeSet::new();
    let mut scored: BTreeSet<Item> = BTreeSet::new();
    for row in LIKELIHOODS {
        let at = format!(
            "likelihood {} = {} for {}",
            row.item, row.answer, row.condition
        );
        if !(row.ratio.is_finite() && row.ratio > 0.0) {
            p.push(format!(
                "{at}: ratio {} is not positive and finite",
                row.ratio
            ));
        }
        if row.grade != Grade::ExpertEstimate && row.source.is_none() {
            p.push(format!("{at}: graded {} but has no source", row.grade));
        }
        cited.extend(row.source);
        scored.insert(row.item);
        let rows = if row.item == Item::PainLocation && row.answer == "elsewhere" {
            Some(vec![usize::MAX])
        } else {
            resolve_label(row.item, row.answer)
        };
        match rows {
            None => p.push(format!(
                "{at}: `{}` is not an answer of {}",
                row.answer, row.item
            )),
            Some(rows) => {
                for r in rows {
                    if !seen.insert((
                        row.item,
                        r,
                        row.condition,
                        row.setting.map(crate::vocab::Setting::as_str),
                    )) {
                        p.push(format!(
                            "{at}: this answer already has a ratio for this condition"
                        ));
                    }
                }
            }
        }
    }
    for (item, group, members) in ANSWER_GROUPS {
        if members.iter().any(|m| resolve_label(*item, m).is_none()) {
            p.push(format!(
                "answer group {item} = {group} names an unknown answer"
            ));
        }
    }
    let mut totals = [0.0; 3];
    for prior in &PRIORS {
        for (k, (setting, v)) in [
            ("runners", prior.runners),
            ("general_practice", prior.general_practice),
            ("children", prior.children),
        ]
        .into_iter()
        .enumerate()
        {
            totals[k] += v;
            if !(v > 0.0 && v < 1.0) {
                p.push(format!(
                    "prior of {} in {setting} is {v}, not strictly between 0 and 1",
                    prior.condition
                ));
            }
        }
        cited.extend(prior.sources);
    }
    for (setting, total) in ["runners", "general_practice", "children"]
        .iter()
        .zip(totals)
    {
        if (total - 1.0).abs() > 1e-9 {
            p.push(format!(
                "the prior shares of {setting} sum to {total}, not 1"
            ));
        }
    }
    for c in Condition::ALL {
        let info = c.info();
        cited.extend(info.sources);
        cited.insert(info.who_source);
        if *c == Condition::Other {
            continue;
        }
        if info.self_care.is_empty() {
            p.push(format!("{c}: no self-care advice"));
        }
        if info.who_to_see.is_empty() {
            p.push(format!("{c}: no one to see"));
        }
        let located = LIKELIHOODS
            .iter()
            .any(|l| l.condition == *c && l.item == Item::PainLocation && l.ratio > 1.0);
        if !located {
            p.push(format!("{c}: no pain location points to it"));
        }
        let negative = LIKELIHOODS.iter().any(|l| {
            l.condition == *c
                && l.ratio <= NEGATIVE
                && l.item != Item::PainLocation
                && l.item != Item::Age
        });
        if !negative {
            p.push(format!(
                "{c}: no finding (other than place or age) makes it very unlikely (ratio at most {NEGATIVE})"
            ));
        }
        if info.care_level > TriageLevel::SelfCare
            && !says_time_frame(info.seek_care, info.care_level)
        {
            p.push(format!(
                "{c}: its seek-care text does not say its level's time frame ({})",
                info.care_level.time_frame()
            ));
        }
    }
    for g in EvidenceGroup::ALL {
        let info = g.info();
        if info.id != *g {
            p.push("evidence groups table is not in enum order".to_owned());
        }
        if info.items.len() > super::groups::MAX_GROUP {
            p.push(format!(
                "group {g} has more than {} members",
                super::groups::MAX_GROUP
            ));
        }
        for other in EvidenceGroup::ALL.iter().filter(|o| *o > g) {
            if info.items.iter().any(|i| other.info().items.contains(i)) {
                p.push(format!("groups {g} and {other} share an item"));
            }
        }
    }
    for k in CLUSTERS {
        cited.insert(k.source);
        if k.members.iter().any(|m| !k.group.info().items.contains(m)) {
            p.push(format!(
                "cluster for {} names an item outside group {}",
                k.condition, k.group
            ));
        }
    }
    for rule in &TRIAGE_RULES {
        if rule.level > TriageLevel::SelfCare && !says_time_frame(rule.reason, rule.level) {
            p.push(format!(
                "rule {}: its reason does not say its level's time frame ({})",
                rule.id,
                rule.level.time_frame()
            ));
        }
        if rule.red_flag && !SCREENING.iter().any(|s| test_mentions(&rule.test, s.item)) {
            p.push(format!(
                "red-flag rule {} has no screening question",
                rule.id
            ));
        }
    }
    for rule in &TRIAGE_RULES {
        cited.insert(rule.source);
    }
    for advice in &ADVICE {
        cited.extend(advice.source);
        let used = URGENT_PLAN
            .iter()
            .chain(ROUTINE_PLAN)
            .any(|r| r.gives == Gives::Advice(advice.id))
            || Condition::ALL
                .iter()
                .any(|c| c.info().self_care.contains(&advice.id));
        if !used {
            p.push(format!("advice {} is never given", advice.id));
        }
    }
    for s in Source::ALL {
        if !cited.contains(s) {
            p.push(format!("source {s} is never cited"));
        }
    }
    let triage = triage_items();
    for item in Item::ALL {
        let used = scored.contains(item) || triage.contains(item) || NOT_SCORED.contains(item);
        if !used {
            p.push(format!(
                "item {item} is neither scored nor used by a triage rule"
            ));
        }
        if NOT_SCORED.contains(item) && scored.contains(item) {
            p.push(format!(
                "item {item} is listed as not scored but has ratios"
            ));
        }
    }
    p
}

fn render_test(test: &Test) -> String {
    match *test {
        Test::Present(i) => format!("{i}"),
        Test::NotPresent(i) => format!("not {i}"),
        Test::Is(i, c) => format!("{i} = {c}"),
        Test::Above(i, x) => format!("{i} > {x}"),
        Test::Below(i, x) => format!("{i} < {x}"),
        Test::PainAt(places) => format!(
            "pain at {}",
            places
                .iter()
                .map(|l| l.as_str())
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        Test::All(ts) => format!(
            "({})",
            ts.iter().map(render_test).collect::<Vec<_>>().join(" and ")
        ),
        Test::Any(ts) => format!(
            "({})",
            ts.iter().map(render_test).collect::<Vec<_>>().join(" or ")
        ),
        Test::Not(t) => format!("not {}", render_test(t)),
    }
}

fn render_trigger(t: &Trigger) -> String {
    let list = |ts: &[Trigger], sep: &str| {
        format!(
            "({})",
            ts.iter().map(render_trigger).collect::<Vec<_>>().join(sep)
        )
    };
    match *t {
        Trigger::Always => "always".to_owned(),
        Trigger::RuleFired(rules) => format!(
            "rule {} fired",
            rules
                .iter()
                .map(|r| format!("`{r}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        Trigger::Likely(cs) => format!(
            "{} likely",
            cs.iter()
                .map(|c| format!("`{c}`"))
                .collect::<Vec<_>>()
                .join(" or ")
        ),
        Trigger::Answers(ref test) => render_test(test),
        Trigger::All(ts) => list(ts, " and "),
        Trigger::Any(ts) => list(ts, " or "),
        Trigger::Not(t) => format!("not {}", render_trigger(t)),
    }
}

fn render_plan(o: &mut String, title: &str, rows: &[CareRow]) {
    let _ = writeln!(o, "\n### {title}\n");
    let _ = writeln!(o, "| step | gives | when |");
    let _ = writeln!(o, "|---|---|---|");
    for (i, r) in rows.iter().enumerate() {
        let gives = match r.gives {
            Gives::Advice(a) => format!("`{a}`"),
            Gives::ConditionSelfCare(level) => format!(
                "the self-care of each likely condition whose care level is at least `{level}` (at most {MAX_CONDITIONS}, most likely first)"
            ),
        };
        let _ = writeln!(
            o,
            "| {} | {gives} | {} |",
            i + 1,
            cell(&render_trigger(&r.when))
        );
    }
}

fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn source_name(s: Option<Source>) -> &'static str {
    s.map_or("(expert estimate)", Source::as_str)
}

/// Renders the whole knowledge base as Markdown, for clinical review.
/// `docs/knowledge-base.md` holds its output; a test keeps the two equal.
#[must_use]
pub fn to_markdown() -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# heel knowledge base\n");
    let _ = writeln!(
        o,
        "Generated from `heel-core/src/knowledge/` by `cargo run --example knowledge_base`; do not edit by hand.\n"
    );
    let _ = writeln!(
        o,
        "- {} conditions, {} evidence items, {} likelihood ratios, {} triage rules, {} sources.",
        Condition::COUNT,
        Item::COUNT,
        LIKELIHOODS.len(),
        TRIAGE_RULES.len(),
        SOURCES.len()
    );
    for g in Grade::ALL {
        let n = LIKELIHOODS.iter().filter(|l| l.grade == *g).count();
        let _ = writeln!(o, "- Likelihood ratios graded `{g}`: {n}");
    }

    let _ = writeln!(o, "\n## The model\n");
    let _ = writeln!(
        o,
        "The report is a probability distribution over the main cause of the pain: the named conditions plus `other` (something else), summing to 1. \
For each cause, `score = ln(prior share) + Σ weight × ln(LR)`, and `probability = exp(score) / Σ exp(score)`. \
A ratio compares how often an answer is seen with the cause to how often it is seen in heel pain in general. \
Within an evidence group, the strongest answer in each direction counts in full and each further one at {GROUP_DECAY} times the one before; \
a published cluster replaces its members once all are answered. Every weight is divided by the evidence temperature, T = {EVIDENCE_TEMPERATURE} \
(fitted by the log loss on the clinical vignettes; see `docs/calibration.md`). With several places ticked, `pain_location` takes the mean of their ratios.\n"
    );

    let _ = writeln!(o, "## Triage levels\n");
    let _ = writeln!(
        o,
        "One meaning per level. A condition whose care needs a clinician raises the triage to its level once its probability reaches the level's threshold, \
set at `1 / (1 + m)` where `m` is how much worse missing the condition is judged than an unnecessary visit (expert judgement: 6 for urgent, 2 for see-a-doctor, 1 for an emergency visit now). Below the emergency threshold, an emergency condition from the urgent threshold raises the triage to urgent: possible is today, probable is now.\n"
    );
    let _ = writeln!(
        o,
        "| level | label | time frame | action | who by default | likely threshold |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|");
    for l in &LEVELS {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | {} | {} |",
            l.id,
            l.label,
            l.time_frame,
            cell(l.action),
            l.who
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            l.likely_threshold
        );
    }
    let _ = writeln!(
        o,
        "\nNot enough information: self-care is never advised while any of {} is unanswered, with fewer than {MIN_ANSWERS} answers, or with {DIFFUSE_PLACES} or more places ticked.",
        ESSENTIAL
            .iter()
            .map(|alts| alts
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(" or "))
            .collect::<Vec<_>>()
            .join("; ")
    );

    let _ = writeln!(o, "\n## Conditions\n");
    let _ = writeln!(
        o,
        "| id | name | region | ICD-10-CM | SNOMED CT | care level when likely | likely at | who to see first | source |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|---|---|");
    for c in Condition::ALL {
        let i = c.info();
        let _ = writeln!(
            o,
            "| `{c}` | {} | {} | {} | {} | {} | {} | {} | {} |",
            i.name,
            i.region,
            i.icd10cm.code,
            i.snomed_ct.unwrap_or("-"),
            i.care_level,
            c.likely_at(),
            i.who_to_see
                .iter()
                .map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            i.who_source
        );
    }
    let _ = writeln!(o, "\n### What makes each condition very unlikely\n");
    let _ = writeln!(
        o,
        "Findings with a ratio of at most {NEGATIVE} (place and age aside).\n"
    );
    for c in Condition::NAMED {
        let rows: Vec<String> = LIKELIHOODS
            .iter()
            .filter(|l| {
                l.condition == *c
                    && l.ratio <= NEGATIVE
                    && l.item != Item::PainLocation
                    && l.item != Item::Age
            })
            .map(|l| format!("`{} = {}` ({}, {})", l.item, l.answer, l.ratio, l.grade))
            .collect();
        let _ = writeln!(o, "- `{c}`: {}", rows.join("; "));
    }
    let _ = writeln!(o, "\nICD-10-CM mapping notes:\n");
    for c in Condition::ALL {
        let _ = writeln!(o, "- `{c}`: {}", cell(c.info().icd10cm.note));
    }

    let _ = writeln!(o, "\n## Evidence groups\n");
    let _ = writeln!(o, "| group | items | why they are correlated |");
    let _ = writeln!(o, "|---|---|---|");
    for g in EvidenceGroup::ALL {
        let i = g.info();
        let _ = writeln!(
            o,
            "| `{g}` | {} | {} |",
            i.items
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", "),
            cell(i.note)
        );
    }
    let _ = writeln!(
        o,
        "\nPublished clusters (used once every member is answered):\n"
    );
    let _ = writeln!(
        o,
        "| group | members | applies when | positive when | condition | LR positive | LR negative | grade | source | note |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|---|---|---|");
    for k in CLUSTERS {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | `{}` | {} | {} | {} | {} | {} |",
            k.group,
            k.members
                .iter()
                .map(|i| format!("`{i}`"))
                .collect::<Vec<_>>()
                .join(", "),
            k.applies_when
                .as_ref()
                .map_or_else(|| "always".to_owned(), |t| cell(&render_test(t))),
            cell(&render_test(&k.positive)),
            k.condition,
            k.positive_lr,
            k.negative_lr,
            k.grade,
            k.source,
            cell(k.note)
        );
    }

    let _ = writeln!(o, "\n## Prior shares\n");
    let _ = writeln!(o, "Each column sums to 1.\n");
    let _ = writeln!(
        o,
        "| condition | runners | general practice | children | grade | sources | note |"
    );
    let _ = writeln!(o, "|---|---|---|---|---|---|---|");
    for p in &PRIORS {
        let sources: Vec<&str> = p.sources.iter().map(|s| s.as_str()).collect();
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | {} | {} | {} |",
            p.condition,
            p.runners,
            p.general_practice,
            p.children,
            p.grade,
            if sources.is_empty() {
                "-".to_owned()
            } else {
                sources.join(", ")
            },
            cell(p.note)
        );
    }

    let _ = writeln!(o, "\n## Likelihood ratios\n");
    let _ = writeln!(
        o,
        "`elsewhere` (for `pain_location`) applies to every place not listed for that condition. Answer groups: {}.\n",
        ANSWER_GROUPS
            .iter()
            .map(|(i, g, m)| format!("`{i} = {g}` is {}", m.join(", ")))
            .collect::<Vec<_>>()
            .join("; ")
    );
    for item in Item::ALL {
        let rows: Vec<_> = LIKELIHOODS.iter().filter(|l| l.item == *item).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(o, "### `{item}`\n\n{}\n", cell(item.info().question));
        let _ = writeln!(
            o,
            "| answer | condition | LR | setting | grade | source | note |"
        );
        let _ = writeln!(o, "|---|---|---|---|---|---|---|");
        for l in rows {
            let _ = writeln!(
                o,
                "| {} | `{}` | {} | {} | {} | {} | {} |",
                l.answer,
                l.condition,
                l.ratio,
                l.setting.map_or("all", |s| s.as_str()),
                l.grade,
                source_name(l.source),
                cell(l.note)
            );
        }
        let _ = writeln!(o);
    }

    let _ = writeln!(o, "## Triage rules\n");
    let _ = writeln!(o, "| rule | level | red flag | fires when | source |");
    let _ = writeln!(o, "|---|---|---|---|---|");
    for r in &TRIAGE_RULES {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} | {} |",
            r.id,
            r.level,
            if r.red_flag { "yes" } else { "no" },
            cell(&render_test(&r.test)),
            r.source
        );
    }

    let _ = writeln!(o, "\n## Red-flag screening questions\n");
    let _ = writeln!(
        o,
        "Asked before any other question, in this order, when the condition holds.\n"
    );
    let _ = writeln!(o, "| item | asked when | screens for | rule |");
    let _ = writeln!(o, "|---|---|---|---|");
    for s in SCREENING {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | `{}` |",
            s.item,
            s.when
                .as_ref()
                .map_or_else(|| "always".to_owned(), |t| cell(&render_test(t))),
            s.screens_for,
            s.rule
        );
    }

    let _ = writeln!(o, "\n## Evidence items\n");
    let _ = writeln!(o, "| id | group | answer | clinician only | question |");
    let _ = writeln!(o, "|---|---|---|---|---|");
    for item in Item::ALL {
        let i = item.info();
        let kind = match i.kind {
            AnswerKind::YesNo => "yes/no".to_owned(),
            AnswerKind::Choice { options } => options
                .iter()
                .map(|c| c.as_str())
                .collect::<Vec<_>>()
                .join(" / "),
            AnswerKind::Locations => "locations".to_owned(),
            AnswerKind::Number { min, max, unit, .. } => format!("{min}-{max} {unit}"),
        };
        let _ = writeln!(
            o,
            "| `{item}` | {} | {kind} | {} | {} |",
            i.group,
            if i.clinician_only { "yes" } else { "no" },
            cell(i.question)
        );
    }

    let _ = writeln!(o, "\n## Care policy\n");
    let _ = writeln!(
        o,
        "Which advice the care plan gives, and when (`knowledge/care_policy.rs`). Rows are read in order; advice already given is not repeated."
    );
    render_plan(
        &mut o,
        "At the emergency and urgent levels: get seen, protect the foot",
        URGENT_PLAN,
    );
    render_plan(
        &mut o,
        "At the see-a-doctor and self-care levels",
        ROUTINE_PLAN,
    );
    let _ = writeln!(o, "\nNever shown together:\n");
    for (x, y, why) in CONFLICTS {
        let _ = writeln!(o, "- `{x}` and `{y}`: {}", cell(why));
    }

    let _ = writeln!(o, "\n## Advice\n");
    let _ = writeln!(o, "| id | title | text | source |");
    let _ = writeln!(o, "|---|---|---|---|");
    for a in &ADVICE {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            a.id,
            a.title,
            cell(a.text),
            a.source.map_or("general practice", Source::as_str)
        );
    }

    let _ = writeln!(o, "\n## Sources\n");
    let _ = writeln!(o, "| key | citation | where | read as |");
    let _ = writeln!(o, "|---|---|---|---|");
    for s in &SOURCES {
        let _ = writeln!(
            o,
            "| `{}` | {} | {} | {} |",
            s.id,
            cell(s.citation),
            s.locator.unwrap_or("-"),
            s.quality
        );
    }
    o
}

#[cfg(test)]
mod tests {
    #[test]
    fn knowledge_base_has_no_problems() {
        let problems = super::problems();
        assert!(problems.is_empty(), "{}", problems.join("\n"));
    }
}
