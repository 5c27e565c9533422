use super::*;

fn answers(text: &str) -> Assessment {
    parse(text).unwrap().assessment
}

#[test]
fn negation_covers_a_list() {
    let a = answers("No swelling or redness.");
    assert_eq!(a.get(Item::Swelling), Some(Answer::Absent));
    assert_eq!(a.get(Item::Redness), Some(Answer::Absent));
}
