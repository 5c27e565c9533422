use super::*;

fn answers(text: &str) -> Assessment {
    parse(text).unwrap().assessment
}

/// Every text gives its item this answer.
fn each_says(cases: &[(&str, Item)], answer: Answer) {
    for (text, item) in cases {
        assert_eq!(answers(text).get(*item), Some(answer), "{text}");
    }
}

/// No text answers `item`.
fn each_leaves(texts: &[&str], item: Item) {
    for text in texts {
        assert_eq!(answers(text).get(item), None, "{text}");
    }
}

fn finding(p: &Parsed, item: Item) -> &Finding {
    p.findings
        .iter()
        .find(|f| f.item == item)
        .unwrap_or_else(|| panic!("no {item} in {:#?}", p.findings))
}

#[test]
fn negation_covers_a_list_and_stops_at_but() {
    let a = answers("No swelling or redness. No numbness or tingling, but it does burn.");
    assert_eq!(a.get(Item::Swelling), Some(Answer::Absent));
    assert_eq!(a.get(Item::Redness), Some(Answer::Absent));
    assert_eq!(a.get(Item::Numbness), Some(Answer::Absent));
    assert_eq!(a.get(Item::Tingling), Some(Answer::Absent));
    assert_eq!(a.get(Item::Burning), Some(Answer::Present));
}

#[test]
fn denials_in_many_forms() {
    let a = answers(
        "Denies fever, night pain or weight loss. He hasn't had any injections. \
         It started without an injury. Thompson neg. Afebrile.",
    );
    for item in [
        Item::Fever,
        Item::NightPain,
        Item::UnexplainedWeightLoss,
        Item::HeelSteroidInjection,
        Item::Trauma,
        Item::ThompsonTest,
    ] {
        assert_eq!(a.get(item), Some(Answer::Absent), "{item}");
    }
}

#[test]
fn pseudo_negations_are_not_negations() {
    let a =
        answers("Not only the heel but also the arch hurts. There's no doubt it's worse barefoot.");
    assert!(a.locations().contains(Location::Arch));
    assert_eq!(a.get(Item::WorseBarefootHardFloor), Some(Answer::Present));
}

#[test]
fn hedges_give_no_answer() {
    let p = parse("Maybe a bit swollen. ?subtle redness. No injury that we know of.").unwrap();
    for item in [Item::Swelling, Item::Redness, Item::Trauma] {
        let f = finding(&p, item);
        assert!(f.hedged && f.answer.is_none(), "{item}");
        assert_eq!(p.assessment.get(item), None, "{item}");
    }
}

#[test]
fn red_flags_are_only_absent_when_negated() {
    let a = answers("My heel hurts when I run. I feel fine otherwise.");
    for item in [Item::Fever, Item::Trauma, Item::NightPain, Item::PainAtRest] {
        assert_eq!(a.get(item), None, "{item}");
    }
    // Relief with rest is not "no pain at rest".
    for text in [
        "Worse after games, better with rest.",
        "It eases with rest.",
        "Relieved by rest and ice.",
    ] {
        assert_eq!(answers(text).get(Item::PainAtRest), None, "{text}");
    }
    assert_eq!(
        answers("It's fine at rest.").get(Item::PainAtRest),
        Some(Answer::Absent)
    );
}

#[test]
fn numbers_with_units() {
    let a = answers(
        "62-year-old woman. Pain for 2.5 years, 7/10 at worst. Runs about 20 miles a week. \
         5'5\" and 13 stone.",
    );
    assert_eq!(a.get(Item::Age), Some(Answer::Number(62.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
    assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(913.0)));
    assert_eq!(a.get(Item::Severity), Some(Answer::Number(7.0)));
    assert_eq!(a.get(Item::WeeklyDistanceKm), Some(Answer::Number(32.2)));
    assert_eq!(a.get(Item::HeightCm), Some(Answer::Number(165.1)));
    assert_eq!(a.get(Item::WeightKg), Some(Answer::Number(82.6)));
}

#[test]
fn clinical_shorthand() {
    let a = answers("62F, 3/12 R heel pain.");
    assert_eq!(a.get(Item::Age), Some(Answer::Number(62.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
    assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(90.0)));
    assert_eq!(a.get(Item::Side), Some(Answer::Choice(Choice::Right)));
    let b = answers("L achilles pain 6/52, 4 out of 10.");
    assert_eq!(b.get(Item::DurationDays), Some(Answer::Number(42.0)));
    assert_eq!(b.get(Item::Severity), Some(Answer::Number(4.0)));
}

#[test]
fn number_words_and_loose_times() {
    let p = parse("I'm forty-one. Ten days of pain.").unwrap();
    assert_eq!(p.assessment.get(Item::Age), Some(Answer::Number(41.0)));
    assert_eq!(
        p.assessment.get(Item::DurationDays),
        Some(Answer::Number(10.0))
    );
    let p = parse("It has hurt under my heel since last summer.").unwrap();
    let d = finding(&p, Item::DurationDays);
    assert!(d.approximate);
    assert_eq!(d.answer, Some(FoundAnswer::Number(270.0)));
}

#[test]
fn the_childs_details_not_the_writers() {
    let a = answers(
        "My 18-year-old son has pain at the back of both heels. I'm 47 and I run marathons myself.",
    );
    assert_eq!(a.get(Item::Age), Some(Answer::Number(18.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
    assert_eq!(a.get(Item::Runner), None);
    assert_eq!(a.get(Item::Side), Some(Answer::Choice(Choice::Both)));
    assert!(a.locations().contains(Location::AchillesInsertion));
}

#[test]
fn the_past_is_not_the_present() {
    let a = answers("I broke that heel three years ago. Now it aches all over the heel.");
    assert_eq!(a.get(Item::PreviousFracture), Some(Answer::Present));
    assert_eq!(a.get(Item::Trauma), None);
    assert_eq!(a.get(Item::DurationDays), None);
}

#[test]
fn misspellings_and_spelling_variants() {
    let a = answers("My achillies tendon is swolen, and my heal is sore with oedema.");
    assert_eq!(a.get(Item::Swelling), Some(Answer::Present));
    let b = answers("Dx plantar fasciitus, pain centre of the heel.");
    assert!(b.locations().contains(Location::HeelPadCentre));
}

#[test]
fn spans_point_into_the_text() {
    let text = "Sharp pain, no fever.";
    let p = parse(text).unwrap();
    for f in &p.findings {
        assert_eq!(&text[f.span.start..f.span.end], f.span.text);
    }
    let fever = finding(&p, Item::Fever);
    assert!(fever.negated);
    assert_eq!(fever.span.text, "fever");
}

#[test]
fn unused_text_is_reported() {
    let p = parse("The weather was lovely. My heel hurts when I run.").unwrap();
    assert_eq!(p.unused.len(), 1);
    assert_eq!(p.unused[0].text, "The weather was lovely");
}

#[test]
fn too_long_a_text_is_refused() {
    let text = "a ".repeat(MAX_TEXT_CHARS);
    let err = parse(&text).unwrap_err();
    assert_eq!(err.code(), "too_large");
    assert_eq!(err.field(), "text");
    assert!(parse(&"é".repeat(MAX_TEXT_CHARS)).is_ok());
}

#[test]
fn empty_and_odd_texts() {
    for text in [
        "",
        " ",
        "\n\n",
        "???",
        "-",
        "10/",
        "/10",
        "5'",
        "é",
        "😀 heel",
        "no no no",
    ] {
        let p = parse(text).unwrap();
        assert!(p.assessment.validate().is_ok());
    }
}

#[test]
fn long_adversarial_texts_stay_fast() {
    // Every piece of the reader is bounded by a window or a single pass; a
    // quadratic step would take seconds on these.
    let pieces = [
        "a ",
        "no ",
        "yesterday ",
        "heel inner ",
        "twenty a ",
        "about 3 weeks ",
        "my son ",
        "left right both heel ",
        "not ",
        "maybe ",
        "6/52 ",
        "pain, ",
        "x",
        "? ",
        "I ",
    ];
    for piece in pieces {
        let text = piece.repeat(MAX_TEXT_CHARS / piece.len());
        let started = std::time::Instant::now();
        let p = parse(&text).unwrap();
        assert!(p.assessment.validate().is_ok());
        let took = started.elapsed();
        assert!(took.as_secs_f64() < 3.0, "{piece:?}: {took:?}");
    }
}

#[test]
fn a_denied_absence_says_nothing() {
    // A phrase that states an absence, negated, is no absence.
    for (text, item) in [
        ("It's not fine at night.", Item::NightPain),
        ("It isn't fine at rest.", Item::PainAtRest),
        ("I'm not sleeping fine.", Item::NightPain),
        ("He isn't otherwise well.", Item::FeelingUnwell),
    ] {
        assert_eq!(answers(text).get(item), None, "{text}");
    }
    // A bare "no" answering a question is not such a negation.
    assert_eq!(
        answers("Any limp? No, walking fine.").get(Item::DifficultyWalking),
        Some(Answer::Absent)
    );
}

#[test]
fn injuries_signs_and_red_flags_in_more_words() {
    let present = [
        ("I slipped on a wet floor at work yesterday.", Item::Trauma),
        ("Got stamped on in a tackle today.", Item::Trauma),
        ("Fell off a ladder this morning.", Item::HighEnergyInjury),
        ("I turned my ankle on a kerb.", Item::RolledAnkle),
        ("It ballooned within the hour.", Item::Swelling),
        ("A purplish mark came out on the side.", Item::Bruising),
        ("The skin is reddish.", Item::Redness),
        ("That heel feels warmer than the other one.", Item::Warmth),
        (
            "She has been burning up and having night sweats.",
            Item::Fever,
        ),
        ("The pain stops me sleeping.", Item::NightPain),
        ("I can't sleep through the night with it.", Item::NightPain),
        ("It isn't relieved by rest.", Item::PainAtRest),
    ];
    each_says(&present, Answer::Present);
    let absent = [
        (
            "No inciting event that I know of, I didn't do anything to it.",
            Item::Trauma,
        ),
        ("No knocks or bangs.", Item::Trauma),
        ("No temp.", Item::Fever),
        ("I sleep through fine.", Item::NightPain),
        ("Nights are fine.", Item::NightPain),
        ("It's fine when I sit down.", Item::PainAtRest),
        ("It only hurts when I walk on it.", Item::PainAtRest),
    ];
    each_says(&absent, Answer::Absent);
    // Not an injury, a fever or a night: a slipped disc, contrast baths, a
    // runner's distance.
    let a = answers(
        "Slipped disc years ago. Hot and cold foot baths help. I run over 20 miles a week.",
    );
    assert_eq!(a.get(Item::Trauma), None);
    assert_eq!(a.get(Item::Fever), None);
}

#[test]
fn no_pattern_is_listed_twice_for_the_same_answer() {
    // Two patterns that normalise alike would give two findings for the same
    // words, and the second one breaks list negation ("nil numbness /
    // paraesthesia").
    let mut seen = std::collections::HashSet::new();
    for group in crate::knowledge::phrases::PHRASES {
        for p in group.patterns {
            let key = format!("{:?} {:?} {}", group.item, group.says, normalize_pattern(p));
            assert!(seen.insert(key.clone()), "listed twice: {key}");
        }
    }
}

#[test]
fn nerves_weight_bearing_and_walking_in_more_words() {
    let present = [
        ("My sole feels like cotton wool.", Item::Numbness),
        ("Diminished sensation to monofilament.", Item::Numbness),
        ("A fizzy, buzzing feeling in the toes.", Item::Tingling),
        ("A searing pain under the heel.", Item::Burning),
        ("It travels into my toes.", Item::RadiatingPain),
        (
            "She's not putting any weight on it.",
            Item::UnableToBearWeight,
        ),
        ("Unable to weightbear since.", Item::UnableToBearWeight),
        (
            "He can't put his foot to the floor.",
            Item::UnableToBearWeight,
        ),
        ("I can't put weight through it.", Item::UnableToBearWeight),
        (
            "He's been walking funny for a week.",
            Item::DifficultyWalking,
        ),
        ("She uses a walking stick now.", Item::DifficultyWalking),
    ];
    each_says(&present, Answer::Present);
    let absent = [
        ("SILT. NVI.", Item::Numbness),
        ("It stays in the heel.", Item::RadiatingPain),
        ("Ambulant, mobilising well.", Item::UnableToBearWeight),
        (
            "I can still put weight through it.",
            Item::UnableToBearWeight,
        ),
        ("Gait unremarkable.", Item::DifficultyWalking),
        ("Nil numbness/paraesthesia.", Item::Tingling),
    ];
    each_says(&absent, Answer::Absent);
    // Pain from the back that runs down the leg is not the heel pain
    // spreading; a first step onto the floor is not being unable to stand; a
    // keen walker walks.
    let a = answers(
        "LBP radiating down the thigh. It hurts when I first put my foot to the floor. \
         I'm a keen walker.",
    );
    assert_eq!(a.get(Item::RadiatingPain), None);
    assert_eq!(a.get(Item::UnableToBearWeight), None);
    assert_eq!(a.get(Item::DifficultyWalking), None);
}

#[test]
fn story_activity_history_and_bedside_tests_in_more_words() {
    let present = [
        (
            "Felt something go at the back of my ankle.",
            Item::PopAtOnset,
        ),
        ("SLHR reproduces his pain.", Item::HeelRaisePainful),
        (
            "Unable to perform a single leg heel rise.",
            Item::HeelRaiseUnable,
        ),
        ("Activity makes it worse.", Item::WorseWithActivity),
        ("Aggravated by exercise.", Item::WorseWithActivity),
        (
            "It loosens off once I get going.",
            Item::WarmsUpWithActivity,
        ),
        (
            "I've been doing a lot more walking lately.",
            Item::TrainingIncrease,
        ),
        ("My trainers are knackered.", Item::WornShoes),
        ("She does parkour.", Item::JumpingSport),
        (
            "I work on my feet all day as a care assistant.",
            Item::StandingJob,
        ),
        ("Hx of breast ca.", Item::CancerHistory),
        ("T2DM.", Item::Diabetes),
    ];
    each_says(&present, Answer::Present);
    let absent = [
        ("Heel raises pain free.", Item::HeelRaisePainful),
        ("Mornings are no worse.", Item::FirstStepPain),
        ("It's not improving.", Item::Improving),
        ("My training hasn't changed.", Item::TrainingIncrease),
        ("Sedentary job.", Item::StandingJob),
        ("Not diabetic.", Item::Diabetes),
        // "-ve" with more words after it still negates.
        ("SLR -ve bilat.", Item::StraightLegRaise),
    ];
    each_says(&absent, Answer::Absent);
    let a = answers("It came on bit by bit. Then it all went at once.");
    assert_eq!(a.get(Item::Onset), Some(Answer::Choice(Choice::Gradual)));
    // Walking uphill is the hill, not activity in general.
    let a = answers("Worse when I walk uphill.");
    assert_eq!(a.get(Item::WorseStairsUphill), Some(Answer::Present));
    assert_eq!(a.get(Item::WorseWithActivity), None);
}

#[test]
fn a_denied_list_item_takes_its_implication_with_it() {
    // "twist" alone implies an injury; denied in the list, it implies nothing.
    let a = answers("No swelling, and I didn't fall or twist anything.");
    assert_eq!(a.get(Item::Trauma), Some(Answer::Absent));
    assert_eq!(a.get(Item::RolledAnkle), Some(Answer::Absent));
    assert_eq!(
        answers("I twisted it on a kerb.").get(Item::Trauma),
        Some(Answer::Present)
    );
}

#[test]
fn a_weekly_running_distance_says_the_person_runs() {
    assert_eq!(
        answers("Male, 39, about 70 km/week.").get(Item::Runner),
        Some(Answer::Present)
    );
    let walker = answers("I walk 20 km a week with the dog.");
    assert_eq!(walker.get(Item::Runner), None);
}

#[test]
fn a_short_no_answers_a_question() {
    let a = answers("Steroid injection? Never had one. Swollen? Not really. Numbness? Also no.");
    assert_eq!(a.get(Item::HeelSteroidInjection), Some(Answer::Absent));
    assert_eq!(a.get(Item::Swelling), Some(Answer::Absent));
    assert_eq!(a.get(Item::Numbness), Some(Answer::Absent));
    // "No idea" is not a no: the question stays a doubt.
    assert_eq!(answers("Fever? No idea.").get(Item::Fever), None);
}

#[test]
fn the_length_of_morning_stiffness_decides_against_thirty_minutes() {
    let cases = [
        ("AM stiffness <15 min.", Answer::Absent),
        (
            "It's stiff in the mornings but loosens within 20 minutes.",
            Answer::Absent,
        ),
        ("Morning stiffness, but under half an hour.", Answer::Absent),
        ("AM stiffness ~45 min.", Answer::Present),
        ("Stiff for about 45 minutes every morning.", Answer::Present),
        (
            "Mornings it's stiff for well over half an hour.",
            Answer::Present,
        ),
    ];
    for (text, answer) in cases {
        assert_eq!(
            answers(text).get(Item::MorningStiffnessLong),
            Some(answer),
            "{text}"
        );
    }
}

#[test]
fn pain_running_through_the_thigh_gives_no_places() {
    let a = answers(
        "A burning ache runs from my buttock down the back of the thigh and calf into the outer heel.",
    );
    assert_eq!(a.get(Item::PainLocation), None);
    let b = answers("Pain on the outer edge of my heel.");
    assert!(b.get(Item::PainLocation).is_some());
}

#[test]
fn a_place_the_list_cannot_name_joined_to_one_it_can_gives_no_places() {
    each_leaves(
        &[
            "Both heels hurt, at the back and underneath.",
            "24M, bilat heel pain (insertion + plantar) x 5/12.",
            "His heels have hurt at the back and sides after matches.",
        ],
        Item::PainLocation,
    );
    // The same words inside a place that is named still name it.
    for (text, place) in [
        (
            "Right heel, underneath on the inner edge.",
            Location::PlantarMedialHeel,
        ),
        (
            "Pain under my heel, towards the inside.",
            Location::PlantarMedialHeel,
        ),
    ] {
        assert!(answers(text).locations().contains(place), "{text}");
    }
}

#[test]
fn where_a_lesion_is_is_not_where_it_hurts() {
    let a = answers("I've had an ulcer on the back of my right heel for two months.");
    assert_eq!(a.get(Item::PainLocation), None);
    // A lump at the back of the heel is the bump there, whose place is its
    // own (the pain may be beside it).
    let b = answers("A sore lump on the back of my heel where the shoe rubs.");
    assert_eq!(b.get(Item::PosteriorHeelBump), Some(Answer::Present));
    assert_eq!(b.get(Item::PainLocation), None);
    let b2 = answers("A sore spot on the back of my heel where the shoe rubs.");
    assert!(b2.locations().contains(Location::AchillesInsertion));
    // "a while back" is a time, not the back of the heel.
    let c = answers(
        "He had a splinter in that heel a while back. Now the back of the heel is swollen.",
    );
    assert_eq!(
        c.locations().iter().collect::<Vec<_>>(),
        [Location::AchillesInsertion]
    );
}

#[test]
fn someone_elses_name_for_it_is_not_what_happened() {
    let a = answers("His coach thought it was an ankle sprain, but he's never rolled it.");
    assert_eq!(a.get(Item::Trauma), None);
    assert_eq!(a.get(Item::RolledAnkle), Some(Answer::Absent));
}

#[test]
fn short_denials_of_this_rounds_items() {
    let a = answers(
        "Didn't roll it. No history of ankle injuries. It's getting worse, not better. \
         Her toe doesn't click. She doesn't do any sport. I still walk on it every day.",
    );
    for item in [
        Item::RolledAnkle,
        Item::PreviousAnkleInjury,
        Item::Improving,
        Item::BigToeClicking,
        Item::Runner,
        Item::JumpingSport,
        Item::UnableToBearWeight,
    ] {
        assert_eq!(a.get(item), Some(Answer::Absent), "{item}");
    }
    // Rolling a frozen bottle under the foot is not a rolled ankle.
    assert_eq!(
        answers("I roll it on a frozen bottle.").get(Item::RolledAnkle),
        None
    );
}

#[test]
fn guessed_numbers_are_hedged_and_the_worst_score_counts() {
    let p =
        parse("First steps are awful, probably 7/10. Morning stiffness lasts maybe 45 minutes.")
            .unwrap();
    assert!(finding(&p, Item::Severity).hedged);
    assert!(finding(&p, Item::MorningStiffnessLong).hedged);
    assert_eq!(p.assessment.get(Item::Severity), None);
    let a = answers("I'd say 3/10 most days, 6/10 after spin.");
    assert_eq!(a.get(Item::Severity), Some(Answer::Number(6.0)));
}

#[test]
fn a_conditions_own_length_is_not_the_pains() {
    let a = answers("57F, seropositive RA x8 yrs. c/o bilat hindfoot pain 3/12.");
    assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(90.0)));
    let b = answers("Diabetic for 40 years, aged 66.");
    assert_eq!(b.get(Item::DurationDays), None);
    let c = answers("I'm diabetic, 3 weeks of heel pain.");
    assert_eq!(c.get(Item::DurationDays), Some(Answer::Number(21.0)));
}

#[test]
fn the_inner_ankle_bone_is_the_malleolus_and_behind_it_is_the_medial_ankle() {
    for (text, place) in [
        (
            "Pain over the inside ankle bone.",
            Location::MedialMalleolus,
        ),
        (
            "It aches behind and below the inner ankle bone.",
            Location::MedialAnkle,
        ),
        (
            "Sore on the outside below the ankle bone.",
            Location::LateralAnkle,
        ),
    ] {
        assert_eq!(
            answers(text).locations().iter().collect::<Vec<_>>(),
            [place],
            "{text}"
        );
    }
}

#[test]
fn a_sign_of_another_part_of_the_body_is_not_the_foots() {
    each_leaves(
        &[
            "My wrists and knuckles are swollen too.",
            "He's also had a swollen right knee on and off.",
        ],
        Item::Swelling,
    );
    let a = answers("The heel is swollen and my knee hurts.");
    assert_eq!(a.get(Item::Swelling), Some(Answer::Present));
}

#[test]
fn walking_flat_footed_is_a_gait_not_flat_feet() {
    each_leaves(
        &[
            "I can walk, sort of a flat-footed shuffle.",
            "I can walk but only flat-footed.",
        ],
        Item::FlatFeet,
    );
    assert_eq!(
        answers("Flat-footed runner.").get(Item::FlatFeet),
        Some(Answer::Present)
    );
}

#[test]
fn saddle_numbness_in_other_words_is_the_red_flag_not_foot_numbness() {
    let a = answers("New urinary retention since yesterday and numbness around the perineum.");
    assert_eq!(a.get(Item::SaddleNumbnessBladder), Some(Answer::Present));
    assert_eq!(a.get(Item::Numbness), None);
    let b = answers("No problems with bladder or bowels, no numbness between my legs.");
    assert_eq!(b.get(Item::SaddleNumbnessBladder), Some(Answer::Absent));
    assert_eq!(b.get(Item::Numbness), None);
}

#[test]
fn a_sport_given_up_is_not_the_persons_sport_now() {
    for text in [
        "I used to run 40 miles a week but stopped years ago.",
        "Former marathon runner, gave up running in 2015.",
    ] {
        let a = answers(text);
        assert_eq!(a.get(Item::Runner), None, "{text}");
        assert_eq!(a.get(Item::WeeklyDistanceKm), None, "{text}");
    }
    // Kept from running by the pain, still a runner.
    let a = answers("I run 30 km a week. I'm no longer able to run at all.");
    assert_eq!(a.get(Item::Runner), Some(Answer::Present));
}

#[test]
fn going_on_three_years_is_a_loose_duration() {
    let p = parse("Going on three years now.").unwrap();
    let d = finding(&p, Item::DurationDays);
    assert!(d.approximate);
    assert_eq!(d.answer, Some(FoundAnswer::Number(1096.0)));
}

#[test]
fn a_forms_answer_after_a_label_word_and_rest_denied_in_other_words() {
    let a = answers("FQ exposure: nil. It doesn't hurt when he's sitting down.");
    assert_eq!(a.get(Item::RecentFluoroquinolone), Some(Answer::Absent));
    assert_eq!(a.get(Item::PainAtRest), Some(Answer::Absent));
    // Said without a denial, sitting is no answer about rest pain here.
    let b = answers("It hurts when he runs and is fine sitting.");
    assert_eq!(b.get(Item::WorseWithActivity), Some(Answer::Present));
    let c = answers("Able to WB 4 steps at scene and in dept.");
    assert_eq!(c.get(Item::UnableToBearWeight), Some(Answer::Absent));
    assert_eq!(
        c.get(Item::UnableToBearWeightAtInjury),
        Some(Answer::Absent)
    );
}

#[test]
fn landing_on_both_heels_is_how_a_fall_was_taken() {
    let a =
        answers("He jumped off the wall and landed on both heels. His left heel is really sore.");
    assert_eq!(a.get(Item::Side), Some(Answer::Choice(Choice::Left)));
    let b = answers("Both heels hurt.");
    assert_eq!(b.get(Item::Side), Some(Answer::Choice(Choice::Both)));
}

#[test]
fn what_happens_by_the_evening_is_worse_pain_only_when_pain_is_said() {
    each_leaves(
        &[
            "It swells up by the evening.",
            "The inside of the heel goes numb by the evening.",
            "The stiffness eases as the day goes on.",
        ],
        Item::WorseEndOfDay,
    );
    each_says(
        &[
            ("It hurts and swells by teatime.", Item::WorseEndOfDay),
            ("It's throbbing again by the evening.", Item::WorseEndOfDay),
        ],
        Answer::Present,
    );
}

#[test]
fn an_examination_tells_tenderness_not_where_the_complaint_is() {
    let p = parse("46F. L plantar heel pain 8/52. O/E: TTP medial calcaneal tubercle L. Imp: PF.")
        .unwrap();
    assert_eq!(p.assessment.get(Item::PainLocation), None);
    assert_eq!(
        p.assessment.get(Item::MedialTubercleTenderness),
        Some(Answer::Present)
    );
    // The complaint's own place still counts.
    let a = answers("52F, 3/12 R medial plantar heel pain. O/E TTP medial calcaneal tubercle.");
    assert!(a.locations().contains(Location::PlantarMedialHeel));
}

#[test]
fn progressive_alone_is_not_the_numbness_red_flag() {
    each_leaves(
        &[
            "Progressive flattening of the arch.",
            "3/52 diffuse R heel pain, progressive, now at rest.",
        ],
        Item::ProgressiveNumbnessWeakness,
    );
    each_says(
        &[
            (
                "The numbness is getting worse.",
                Item::ProgressiveNumbnessWeakness,
            ),
            (
                "Numbness, progressive over 2 weeks.",
                Item::ProgressiveNumbnessWeakness,
            ),
            (
                "Progressive weakness of the foot.",
                Item::ProgressiveNumbnessWeakness,
            ),
        ],
        Answer::Present,
    );
}

#[test]
fn a_lump_in_the_tendon_is_thickening_not_a_mass_in_the_heel() {
    let a = answers("My achilles has a tender lump in the tendon.");
    assert_eq!(a.get(Item::TendonThickening), Some(Answer::Present));
    assert_eq!(a.get(Item::PalpableMass), None);
    let b = answers("Now there's a soft lump on the inside of my heel.");
    assert_eq!(b.get(Item::PalpableMass), Some(Answer::Present));
}

#[test]
fn taking_up_a_sport_is_not_the_pain_starting() {
    let a = answers("I started padel 3 months ago and now my achilles is tender.");
    assert_eq!(a.get(Item::DurationDays), None);
    let b = answers("The pain started 3 weeks ago.");
    assert_eq!(b.get(Item::DurationDays), Some(Answer::Number(21.0)));
}

#[test]
fn a_partner_written_about_is_the_patient_only_when_the_post_is_about_them() {
    let a = answers("My husband (70) has heel pain. I'm 65 and I walk a lot.");
    assert_eq!(a.get(Item::Age), Some(Answer::Number(70.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
    // Quoted, the partner is not the patient.
    let b = answers("My husband says I should get this checked. I'm 80, female.");
    assert_eq!(b.get(Item::Age), Some(Answer::Number(80.0)));
    assert_eq!(b.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
    // In a post about a child, the partner is another person, as the writer is.
    let c = answers(
        "My son is 11. I've never had foot trouble myself, though my husband had gout once.",
    );
    assert_eq!(c.get(Item::PreviousJointAttacks), None);
    assert_eq!(c.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
}

#[test]
fn the_sex_letter_before_or_after_the_age() {
    for (text, age, sex) in [
        ("M31, marathoner, right achilles.", 31.0, Choice::Male),
        ("F23. Uni cross-country.", 23.0, Choice::Female),
        ("I'm 52 (F) and came back to running.", 52.0, Choice::Female),
        ("50, F, slow runner.", 50.0, Choice::Female),
    ] {
        let a = answers(text);
        assert_eq!(a.get(Item::Age), Some(Answer::Number(age)), "{text}");
        assert_eq!(a.get(Item::Sex), Some(Answer::Choice(sex)), "{text}");
    }
    // A lower-case letter, or one not set off, is a word or a unit.
    let a = answers("I'm 52 (m) and run.");
    assert_eq!(a.get(Item::Sex), None);
    let b = answers("Scan done, MRI 31, normal.");
    assert_eq!(b.get(Item::Age), None);
}

#[test]
fn a_child_named_after_a_short_greeting() {
    let a = answers("Please help. My daughter is 7. Her left heel is hot. I have diabetes.");
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Female)));
    assert_eq!(a.get(Item::Diabetes), None);
    // The writer's opinion of the child's foot is about the child.
    let b =
        parse("Worried mum here. My boy (8) has sore heels. I don't think it's swollen.").unwrap();
    assert!(finding(&b, Item::Swelling).hedged);
    assert_eq!(b.assessment.get(Item::Swelling), None);
}

#[test]
fn a_denied_verb_with_its_object_denies_what_or_adds() {
    let a = answers("Didn't twist it or fall.");
    assert_eq!(a.get(Item::RolledAnkle), Some(Answer::Absent));
    assert_eq!(a.get(Item::Trauma), Some(Answer::Absent));
    // "and" does not carry the denial on.
    let b = answers("No night pain and it swells.");
    assert_eq!(b.get(Item::Swelling), Some(Answer::Present));
}

#[test]
fn a_dropped_arch_is_not_an_injury_nor_a_painful_place() {
    for text in [
        "The arch on that foot has dropped.",
        "The arch looks like it's dropped.",
        "O/E loss of arch height vs R.",
    ] {
        let a = answers(text);
        assert_eq!(a.get(Item::ArchCollapsing), Some(Answer::Present), "{text}");
        assert_eq!(a.get(Item::Trauma), None, "{text}");
        assert!(a.locations().is_empty(), "{text}");
    }
    assert_eq!(
        answers("I dropped a tin on my heel.").get(Item::Trauma),
        Some(Answer::Present)
    );
    each_leaves(
        &["Mostly fell running and trails, 30 miles a week."],
        Item::Trauma,
    );
}

#[test]
fn when_the_pain_began() {
    for (text, days) in [
        (
            "35F, been running about 6 years. For the last three weeks my heel hurts.",
            21.0,
        ),
        (
            "Six weeks ago I noticed an ache on the inner ankle bone.",
            42.0,
        ),
        ("The pain woke me at 3am two days ago.", 2.0),
        (
            "Landed hard on my heel. Immediate pain. That was four days ago.",
            4.0,
        ),
    ] {
        assert_eq!(
            answers(text).get(Item::DurationDays),
            Some(Answer::Number(days)),
            "{text}"
        );
    }
    each_leaves(
        &["I've had three steroid injections over two years."],
        Item::DurationDays,
    );
}

#[test]
fn a_red_flag_denied_only_as_far_as_seen_is_left_to_ask() {
    each_leaves(
        &[
            "No wound or ulcer that I or my wife can see.",
            "No cuts on the foot that I can find.",
        ],
        Item::PunctureWound,
    );
    each_leaves(&["There's no lump I can feel."], Item::PalpableMass);
    let p = parse("No cuts that I can see.").unwrap();
    assert!(finding(&p, Item::PunctureWound).hedged);
    // Other items take it as a denial, and a plain denial stands.
    each_says(
        &[
            ("No swelling that I can see.", Item::Swelling),
            ("No wound. I can see the heel is red.", Item::PunctureWound),
        ],
        Answer::Absent,
    );
}

#[test]
fn more_ways_of_saying_no() {
    each_says(
        &[
            (
                "O/E: Achilles NT throughout.",
                Item::AchillesMidportionTenderness,
            ),
            (
                "O/E: Achilles NT throughout.",
                Item::AchillesInsertionTenderness,
            ),
            (
                "The tendon higher up wasn't sore when she pressed it.",
                Item::AchillesMidportionTenderness,
            ),
            (
                "Ankle: malleoli NT, ATFL NT.",
                Item::MedialMalleolusTenderness,
            ),
            (
                "Nothing tender on the bony bits of the ankle when I press.",
                Item::MalleolarBoneTenderness,
            ),
            ("Don't feel ill or anything.", Item::FeelingUnwell),
            ("He's not ill in himself.", Item::FeelingUnwell),
            ("No cut, no fever, and I feel well.", Item::FeelingUnwell),
            (
                "DHx: salbutamol inhaler only, no recent abx.",
                Item::RecentFluoroquinolone,
            ),
            (
                "No antibiotics recently, a friend mentioned cipro.",
                Item::RecentFluoroquinolone,
            ),
            ("My knees and hips are fine.", Item::OtherJointsPainful),
            (
                "Nothing sets it off, no mileage jump.",
                Item::TrainingIncrease,
            ),
            (
                "No injury and I haven't changed my exercise.",
                Item::TrainingIncrease,
            ),
            ("Heard no crack.", Item::PopAtOnset),
            ("Gradual onset, no hx of pop.", Item::PopAtOnset),
            ("Can WB but limping.", Item::UnableToBearWeight),
            (
                "Hobbled back, so I could walk on it.",
                Item::UnableToBearWeightAtInjury,
            ),
        ],
        Answer::Absent,
    );
}

#[test]
fn someone_elses_job_a_job_left_and_pain_that_eases_with_exercise() {
    each_leaves(
        &[
            "Sixty-year-old retired postman here.",
            "My diabetic nurse says it's warm.",
            "The first aid nurse pressed along the ankle bones.",
            "Even walking to work it niggles.",
        ],
        Item::StandingJob,
    );
    each_says(
        &[("I'm a nurse doing 12-hour shifts.", Item::StandingJob)],
        Answer::Present,
    );
    each_leaves(
        &[
            "Low back pain for a year, better with exercise.",
            "Stiff for an hour, improves with activity.",
            "She's running about otherwise.",
            "I upped the long run from 14 to 28 km.",
        ],
        Item::WorseWithActivity,
    );
}

#[test]
fn a_guessed_number_is_hedged() {
    for (text, item) in [
        ("Pain's maybe a 4/10 at worst.", Item::Severity),
        ("I think it's been about six weeks.", Item::DurationDays),
        (
            "Slow runner, maybe 15 miles a week.",
            Item::WeeklyDistanceKm,
        ),
    ] {
        let p = parse(text).unwrap();
        assert!(finding(&p, item).hedged, "{text}");
        assert_eq!(p.assessment.get(item), None, "{text}");
    }
    // A hedge in another sentence does not reach.
    let a = answers("He used to do maybe 20. Three weeks ago it started.");
    assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(21.0)));
}

#[test]
fn pain_coming_down_from_the_buttock_has_no_place_on_the_foot() {
    let a = answers(
        "The pain runs from my left buttock down the back of my leg to the heel and the outside of the foot.",
    );
    assert!(a.locations().is_empty());
    // Denied, the buttock does not take the places away.
    let b = answers(
        "Burning along the sole, starting behind the inner ankle bone. Nothing in the buttock.",
    );
    assert!(b.locations().contains(Location::MedialAnkle));
}

#[test]
fn a_direction_followed_by_of_belongs_to_the_part_after_it() {
    let a = answers("My left heel and the back of the ankle are throbbing.");
    assert!(!a.locations().contains(Location::AchillesInsertion));
    let b = answers("Pain at the back of the heel.");
    assert!(b.locations().contains(Location::AchillesInsertion));
    each_leaves(
        &["Three months of calf stretches and no better."],
        Item::PainLocation,
    );
}

#[test]
fn a_hedge_after_the_finding_and_activities_that_are_not_aggravations() {
    for text in [
        "The ankle's a touch puffy maybe.",
        "Ankle's a bit puffy I guess.",
    ] {
        let p = parse(text).unwrap();
        assert!(finding(&p, Item::Swelling).hedged, "{text}");
        assert_eq!(p.assessment.get(Item::Swelling), None, "{text}");
    }
    // A hedge after a comma belongs to what follows.
    let a = answers("No swelling, maybe a bit of redness.");
    assert_eq!(a.get(Item::Swelling), Some(Answer::Absent));
    assert_eq!(a.get(Item::Redness), None);
    each_says(
        &[("58, walker rather than runner.", Item::Runner)],
        Answer::Absent,
    );
    each_leaves(
        &["Rolled my ankle on a root on a trail run."],
        Item::WorseUnevenGround,
    );
    each_leaves(
        &["He rolled his ankle on the trampoline."],
        Item::JumpingSport,
    );
}

#[test]
fn an_age_before_a_colon() {
    let a = answers("Posting for my son, 12: he has heel pain at the back.");
    assert_eq!(a.get(Item::Age), Some(Answer::Number(12.0)));
    // A time is not an age.
    let b = answers("Woke at 3:30 with heel pain.");
    assert_eq!(b.get(Item::Age), None);
}

#[test]
fn sides_in_more_forms() {
    for (text, side) in [
        (
            "Achilles trouble in both legs, worse on the left.",
            Choice::Both,
        ),
        (
            "Our lad has sore heels, both sides, since the season.",
            Choice::Both,
        ),
        ("My 10yo's heels both hurt after football.", Choice::Both),
        ("My left achilies has been creaky.", Choice::Left),
        ("Right inner ankle pain.", Choice::Right),
        (
            "2/12 vague dorsal midfoot pain L, medial side.",
            Choice::Left,
        ),
        ("19F, 2/12 L posteromedial ankle pain.", Choice::Left),
        ("rt heel, underneath on the inner side.", Choice::Right),
    ] {
        assert_eq!(
            answers(text).get(Item::Side),
            Some(Answer::Choice(side)),
            "{text}"
        );
    }
    // The two sides of one heel, and a clinician's "bilat" about the calves.
    each_leaves(
        &["Swollen on both sides of the heel.", "Tight calves bilat."],
        Item::Side,
    );
}

#[test]
fn a_heel_squeezed_by_someone_else_and_easing_after_a_few_minutes() {
    each_says(
        &[
            (
                "The GP squeezed both sides of his heel and it hurt.",
                Item::CalcanealSqueeze,
            ),
            (
                "Squeezing the heel from both sides hurts, the physio did that.",
                Item::CalcanealSqueeze,
            ),
            (
                "It loosens up after five minutes or so.",
                Item::EasesAfterFewMinutes,
            ),
            (
                "First steps are brutal, loosens within a few minutes.",
                Item::EasesAfterFewMinutes,
            ),
        ],
        Answer::Present,
    );
    // Self-palpation is not the clinician's test.
    each_leaves(
        &["Squeezing the sides of my heel is really sore."],
        Item::CalcanealSqueeze,
    );
}

#[test]
fn neurovascularly_intact_leaves_the_cold_pale_foot_to_ask() {
    // Like palpable pulses, "NVI" sums up an examination: it does not say
    // the foot is neither cold nor pale.
    each_leaves(
        &["O/E: mild swelling. NVI.", "Foot neurovascularly intact."],
        Item::ColdPaleFoot,
    );
    each_says(
        &[("Foot pink and warm.", Item::ColdPaleFoot)],
        Answer::Absent,
    );
}

#[test]
fn a_sprain_someone_else_named_and_pain_getting_worse() {
    each_leaves(
        &[
            "Her PE teacher said it was a sprain.",
            "The first doctor said ankle sprain.",
            "A&E discharged me with a 'sprained ankle' and no X-ray.",
            "She thinks peroneal tendinopathy rather than another sprain.",
        ],
        Item::RolledAnkle,
    );
    each_leaves(&["Her PE teacher said it was a sprain."], Item::StandingJob);
    each_says(
        &[
            ("It's getting worse every week.", Item::Improving),
            ("R heel pain ~6/12, gradually worsening.", Item::Improving),
        ],
        Answer::Absent,
    );
    // An old sprain is history, not the injury now.
    let a = answers("He badly sprained that ankle playing football in his thirties.");
    assert_eq!(a.get(Item::PreviousAnkleInjury), Some(Answer::Present));
    assert_eq!(a.get(Item::RolledAnkle), None);
}

#[test]
fn self_examination_plans_and_other_peoples_durations() {
    // A clinician's test done by the person on themselves.
    each_leaves(
        &["Pressing the centre of the heel pad with my thumb reproduces it."],
        Item::CentralHeelPressurePain,
    );
    // A note's plan is what is to be done.
    let a = answers("Imp: ?calcaneal stress #. Plan: MRI, boot, NWB, vit D.");
    assert_eq!(a.get(Item::UnableToBearWeight), None);
    assert_eq!(a.get(Item::LowVitaminDCalcium), None);
    // Earlier attacks, a known diagnosis and a friend's injury do not date
    // this pain.
    each_leaves(
        &[
            "I've had the same in my big toe twice over the last five years.",
            "A mate of mine ruptured his and was in a boot for 10 weeks.",
        ],
        Item::DurationDays,
    );
    assert_eq!(
        answers("Known R PF 1 yr; yesterday felt a pop.").get(Item::DurationDays),
        Some(Answer::Number(1.0))
    );
    each_says(
        &[
            ("No crack or pop.", Item::PopAtOnset),
            ("Not on any tablets.", Item::OralCorticosteroids),
            ("It's not bad first thing.", Item::FirstStepPain),
        ],
        Answer::Absent,
    );
}

#[test]
fn a_stated_absence_carries_on_through_or() {
    let a = answers("No pain on getting up in the morning or after sitting.");
    assert_eq!(a.get(Item::FirstStepPain), Some(Answer::Absent));
    each_says(
        &[
            ("Morning is fine.", Item::FirstStepPain),
            (
                "First thing in the morning is actually OK.",
                Item::FirstStepPain,
            ),
        ],
        Answer::Absent,
    );
    // Not through "and", and not to another item.
    let b = answers("No crack or pop, and it swelled at once.");
    assert_eq!(b.get(Item::Swelling), Some(Answer::Present));
}

#[test]
fn this_time_is_now_in_a_sentence_about_the_past() {
    let a = answers("Rolled this ankle badly 3 yrs ago but didn't roll it this time.");
    assert_eq!(a.get(Item::PreviousAnkleInjury), Some(Answer::Present));
    assert_eq!(a.get(Item::RolledAnkle), Some(Answer::Absent));
    // "This time last year" is still the past.
    let b = answers("I rolled my ankle this time last year.");
    assert_eq!(b.get(Item::PreviousAnkleInjury), Some(Answer::Present));
    assert_eq!(b.get(Item::RolledAnkle), None);
}

#[test]
fn the_fall_season_and_a_dropped_mileage_are_not_injuries() {
    each_leaves(
        &[
            "Ramped up to 45 miles a week for a fall marathon.",
            "Getting better since I dropped from 40 to 25 miles a week.",
        ],
        Item::Trauma,
    );
    each_says(
        &[
            ("I had a fall last week.", Item::Trauma),
            ("I dropped a weight on my heel.", Item::Trauma),
        ],
        Answer::Present,
    );
}

#[test]
fn an_examiners_squeeze_deep_inside_and_just_in_front_of_the_ankle() {
    each_leaves(
        &[
            "Today the A&E nurse squeezed his calf and the foot didn't move at all.",
            "Vague ache on the top of my right foot, inner side, just in front of the ankle.",
        ],
        Item::PainLocation,
    );
    each_leaves(
        &["Today the A&E nurse squeezed his calf."],
        Item::StandingJob,
    );
    let a = answers("For 10 weeks my left heel has ached deep inside, the whole heel.");
    assert!(!a.locations().contains(Location::PlantarMedialHeel));
    assert!(a.locations().contains(Location::WholeHeel));
}

#[test]
fn a_nurse_who_is_the_patient() {
    each_says(&[("I'm an A&E nurse.", Item::StandingJob)], Answer::Present);
}

#[test]
fn a_press_the_sentence_then_denies_is_no_tenderness() {
    each_says(
        &[
            (
                "I pressed on both ankle bones, back edge and tip, and neither is sore.",
                Item::MalleolarBoneTenderness,
            ),
            (
                "The nurse pressed on her ankle bones and the bones of her midfoot and \
                 said none of it was tender.",
                Item::MidfootBoneTenderness,
            ),
            (
                "The bony bits of the ankle aren't sore to press.",
                Item::MalleolarBoneTenderness,
            ),
        ],
        Answer::Absent,
    );
    // Only tenderness is taken back: a lump that isn't sore is still a lump,
    // and a press that hurt stays tender.
    let a = answers(
        "There is a lump on my heel that isn't sore. Pressing on the ankle bone hurts \
         but not the midfoot.",
    );
    assert_eq!(a.get(Item::PalpableMass), Some(Answer::Present));
    assert_eq!(a.get(Item::MalleolarBoneTenderness), Some(Answer::Present));
}

#[test]
fn a_denying_phrase_carries_through_or_to_another_item() {
    let a = answers("No knock or twist. Never had a steroid jab there, or an injection.");
    assert_eq!(a.get(Item::Trauma), Some(Answer::Absent));
    assert_eq!(a.get(Item::RolledAnkle), Some(Answer::Absent));
    assert_eq!(a.get(Item::HeelSteroidInjection), Some(Answer::Absent));
    // A phrase that states an absence does not deny what "and" or a comma
    // joins to it.
    let b = answers("Afebrile, swollen heel.");
    assert_eq!(b.get(Item::Swelling), Some(Answer::Present));
}

#[test]
fn numbers_that_are_not_ages_weights_or_temperatures() {
    // "F2F" is no 2-year-old woman; "40°" of straight leg raise is no fever;
    // a "1st marathon" weighs nothing.
    let a = answers("GP tel to F2F. 58M. SLR +ve R at 40°. Ran my 1st marathon in May.");
    assert_eq!(a.get(Item::Age), Some(Answer::Number(58.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
    assert_eq!(a.get(Item::Fever), None);
    assert_eq!(a.get(Item::WeightKg), None);
    each_says(
        &[
            ("Temp 38.5°.", Item::Fever),
            ("Temp was 39°C.", Item::Fever),
        ],
        Answer::Present,
    );
    assert_eq!(
        answers("I weigh 13st 4lb.").get(Item::WeightKg),
        Some(Answer::Number(84.4))
    );
}

#[test]
fn a_year_and_a_half_and_years_of_running() {
    // 1.5 x 365.25 days, rounded to whole days as every duration is.
    let a = answers("Been grumbling for a year and a half.");
    assert_eq!(a.get(Item::DurationDays), Some(Answer::Number(548.0)));
    // How long someone has run is not how long it has hurt; the last months
    // of running are.
    let b = answers(
        "52M, 25 yrs of running, mainly road. Pain at the back of both heels. 8 months now.",
    );
    assert_eq!(b.get(Item::DurationDays), Some(Answer::Number(240.0)));
    let c = answers("It came on gradually over the last 2 months of running on roads.");
    assert_eq!(c.get(Item::DurationDays), Some(Answer::Number(60.0)));
}

#[test]
fn rather_than_denies_what_follows() {
    let a = answers("It's a grinding ache rather than anything sharp.");
    assert_eq!(a.get(Item::SharpStabbing), Some(Answer::Absent));
}

#[test]
fn a_plan_runs_to_the_end_of_its_line() {
    let a = answers(
        "58M. Red hot swollen heel.\nPlan: colchicine, r/v 48h; if fever or systemically \
         unwell, same day.",
    );
    assert_eq!(a.get(Item::FeelingUnwell), None);
    assert_eq!(a.get(Item::Fever), None);
    assert_eq!(a.get(Item::Redness), Some(Answer::Present));
}

#[test]
fn a_parent_written_about_by_a_grown_up_child() {
    let a = answers(
        "Posting on behalf of my dad, he's 74. He has pain under his left heel. \
         I've had back trouble myself for years.",
    );
    assert_eq!(a.get(Item::Age), Some(Answer::Number(74.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
    assert_eq!(a.get(Item::BackPainRadiating), None);
    let b = answers("My father is 72. For three weeks he's had pain in his right heel.");
    assert_eq!(b.get(Item::Age), Some(Answer::Number(72.0)));
    // A parent's illness is family history, and the writer is the patient.
    let c = answers("My dad has psoriasis. I'm 40 and my heel hurts.");
    assert_eq!(c.get(Item::Age), Some(Answer::Number(40.0)));
    assert_eq!(
        c.get(Item::FamilyHistoryInflammatory),
        Some(Answer::Present)
    );
}

#[test]
fn a_grandparent_who_introduces_themselves() {
    let a = answers(
        "Grandmother here (I'm 71 and on my feet all day). My grandson Alfie is twelve \
         and both his heels hurt after basketball.",
    );
    assert_eq!(a.get(Item::Age), Some(Answer::Number(12.0)));
    assert_eq!(a.get(Item::Sex), Some(Answer::Choice(Choice::Male)));
    assert_eq!(a.get(Item::StandingJob), None);
}

#[test]
fn someone_else_named_by_sex_and_a_bruise_that_is_a_feeling() {
    let a = answers(
        "High arches, said the running shop guy. No bruising at all, it just feels like a deep bruise.",
    );
    assert_eq!(a.get(Item::Sex), None);
    assert_eq!(a.get(Item::Bruising), Some(Answer::Absent));
    assert_eq!(
        answers("I'm a 40 year old guy.").get(Item::Sex),
        Some(Answer::Choice(Choice::Male))
    );
}

#[test]
fn a_squeeze_that_did_not_hurt_and_rest_that_is_fine() {
    let a = answers(
        "My physio squeezed the heel from both sides and that didn't hurt. Sitting down \
         it's fine. He's fine in the mornings, with no stiffness then.",
    );
    assert_eq!(a.get(Item::CalcanealSqueeze), Some(Answer::Absent));
    assert_eq!(a.get(Item::PainAtRest), Some(Answer::Absent));
    assert_eq!(a.get(Item::MorningStiffnessLong), Some(Answer::Absent));
    // Better with rest is not free of pain at rest (a red-flag screen).
    assert_eq!(
        answers("It's better with rest.").get(Item::PainAtRest),
        None
    );
}

#[test]
fn i_am_and_a_number_is_an_age() {
    assert_eq!(
        answers("I am 52 and my heel hurts.").get(Item::Age),
        Some(Answer::Number(52.0))
    );
    // Not the writer's age in a text about their child, and not a height.
    let a = answers("My son is 12. I am 45 and worried.");
    assert_eq!(a.get(Item::Age), Some(Answer::Number(12.0)));
    assert_eq!(answers("I am 5 foot 9.").get(Item::Age), None);
}
