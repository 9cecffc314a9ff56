//! Figure rules checked on real news sentences.

use super::find_figures;
use crate::analysis::{Figure, FigureKind, FigureValue};

fn figs(text: &str) -> Vec<Figure> {
    let found = find_figures(text);
    for f in &found {
        let between: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(between, f.text, "span text of {f:?}");
    }
    found
}

/// The figure whose text is exactly `span`.
fn get<'a>(found: &'a [Figure], span: &str) -> &'a Figure {
    found
        .iter()
        .find(|f| f.text == span)
        .unwrap_or_else(|| panic!("no figure {span:?} in {:?}", texts(found)))
}

fn texts(found: &[Figure]) -> Vec<&str> {
    found.iter().map(|f| f.text.as_str()).collect()
}

fn num(f: &Figure) -> f64 {
    match f.value {
        Some(FigureValue::Number(n)) => n,
        ref other => panic!("{:?} has value {other:?}", f.text),
    }
}

fn date(f: &Figure) -> Option<&str> {
    match &f.value {
        Some(FigureValue::Date(d)) => Some(d),
        None => None,
        other => panic!("{:?} has value {other:?}", f.text),
    }
}

fn check(text: &str, span: &str, kind: FigureKind, value: f64) {
    let found = figs(text);
    let f = get(&found, span);
    assert_eq!(f.kind, kind, "{span}");
    assert!(
        (num(f) - value).abs() <= 1e-6 * value.abs().max(1.0),
        "{span}: {:?}",
        f.value
    );
}

#[test]
fn cardinals_in_digits_and_words() {
    let t = "Ruto confirmed that an additional 600 officers are completing training, and 600,000 \
             people remain displaced. Three judges dismissed it after two dry summers.";
    check(t, "600", FigureKind::Cardinal, 600.0);
    check(t, "600,000", FigureKind::Cardinal, 600_000.0);
    check(t, "Three", FigureKind::Cardinal, 3.0);
    check(t, "two", FigureKind::Cardinal, 2.0);
    check(
        "Aerovia Sul agreed to buy two dozen jets.",
        "two dozen",
        FigureKind::Cardinal,
        24.0,
    );
    check(
        "It carried 6.2 million passengers.",
        "6.2 million",
        FigureKind::Cardinal,
        6_200_000.0,
    );
    check(
        "A total of three hundred and forty homes.",
        "three hundred and forty",
        FigureKind::Cardinal,
        340.0,
    );
    check(
        "The twenty-five members met.",
        "twenty-five",
        FigureKind::Cardinal,
        25.0,
    );
    check(
        "Half a million people live there.",
        "Half a million",
        FigureKind::Cardinal,
        500_000.0,
    );
    check(
        "It took two and a half years.",
        "two and a half years",
        FigureKind::Quantity,
        2.5,
    );
}

#[test]
fn one_and_a_are_not_figures() {
    let found =
        figs("Nobody wanted to cut a single hour, one of the main obstacles, from day one.");
    assert!(found.is_empty(), "{:?}", texts(&found));
}

#[test]
fn percentages() {
    check("Prices rose 3.5% in May.", "3.5%", FigureKind::Percent, 3.5);
    check(
        "Fuel spending fell by about 70 percent.",
        "about 70 percent",
        FigureKind::Percent,
        70.0,
    );
    check(
        "An increase of 7.2 per cent.",
        "7.2 per cent",
        FigureKind::Percent,
        7.2,
    );
    check(
        "Shares rose 0.4pc on the day.",
        "0.4pc",
        FigureKind::Percent,
        0.4,
    );
}

#[test]
fn money_in_every_currency_style() {
    let t = "A $1.2 billion deal, €450m in grants, £3 a week, US$5 a dose, KSh 2 billion \
             from Nairobi, a fee of £38.50, and shares at 5 cents.";
    check(t, "$1.2 billion", FigureKind::Money, 1.2e9);
    check(t, "€450m", FigureKind::Money, 450e6);
    check(t, "£3", FigureKind::Money, 3.0);
    check(t, "US$5", FigureKind::Money, 5.0);
    check(t, "KSh 2 billion", FigureKind::Money, 2e9);
    check(t, "£38.50", FigureKind::Money, 38.5);
    check(t, "5 cents", FigureKind::Money, 0.05);
    check(
        "The pledge of 120 billion dirhams.",
        "120 billion dirhams",
        FigureKind::Money,
        120e9,
    );
    check(
        "It closed an $8.2 billion gap.",
        "$8.2 billion",
        FigureKind::Money,
        8.2e9,
    );
}

#[test]
fn quantities_with_units() {
    check("A 19km pipeline.", "19km", FigureKind::Quantity, 19.0);
    check("It stretches 12 km.", "12 km", FigureKind::Quantity, 12.0);
    check(
        "Exports of 4.5 tonnes.",
        "4.5 tonnes",
        FigureKind::Quantity,
        4.5,
    );
    check(
        "Temperatures reached 30 °C.",
        "30 °C",
        FigureKind::Quantity,
        30.0,
    );
    check(
        "Temperatures reached 30°C.",
        "30°C",
        FigureKind::Quantity,
        30.0,
    );
    check(
        "Stable at temperatures as low as minus 20 degrees Celsius.",
        "as low as minus 20 degrees Celsius",
        FigureKind::Quantity,
        -20.0,
    );
    check(
        "A 6.8 magnitude quake.",
        "6.8 magnitude",
        FigureKind::Quantity,
        6.8,
    );
    check(
        "A magnitude 6.8 quake.",
        "magnitude 6.8",
        FigureKind::Quantity,
        6.8,
    );
    check(
        "It cut rates by 25 basis points.",
        "25 basis points",
        FigureKind::Quantity,
        25.0,
    );
    check(
        "Cells store 450 watt-hours per kilogram.",
        "450 watt-hours per kilogram",
        FigureKind::Quantity,
        450.0,
    );
    check(
        "A capacity of 1.8 megawatts.",
        "1.8 megawatts",
        FigureKind::Quantity,
        1.8,
    );
    check(
        "Up to 300 millimetres of rain.",
        "Up to 300 millimetres",
        FigureKind::Quantity,
        300.0,
    );
    check(
        "Winds of 193 km/h.",
        "193 km/h",
        FigureKind::Quantity,
        193.0,
    );
}

#[test]
fn fractions() {
    let t = "According to the Prime Minister, nearly half of Haiti’s population faces food \
             insecurity; about one in four payers moved; two-thirds fled, a quarter stayed.";
    check(t, "nearly half", FigureKind::Fraction, 0.5);
    check(t, "about one in four", FigureKind::Fraction, 0.25);
    check(t, "two-thirds", FigureKind::Fraction, 2.0 / 3.0);
    check(t, "a quarter", FigureKind::Fraction, 0.25);
    check(
        "A third of its staff are women.",
        "A third",
        FigureKind::Fraction,
        1.0 / 3.0,
    );
    check(
        "Four in 10 voters agreed.",
        "Four in 10",
        FigureKind::Fraction,
        0.4,
    );
    check(
        "Nine out of ten backed it.",
        "Nine out of ten",
        FigureKind::Fraction,
        0.9,
    );
}

#[test]
fn half_time_and_first_half_are_not_fractions() {
    let found = figs("At half-time they led; in the first half they waited.");
    assert!(
        found.iter().all(|f| f.kind != FigureKind::Fraction),
        "{:?}",
        texts(&found)
    );
}

#[test]
fn ordinals() {
    let t = "Ashgrove clinched their third league title after a 12th-minute goal and the \
             38th-minute equaliser, leaving the second-placed side behind.";
    check(t, "third", FigureKind::Ordinal, 3.0);
    check(t, "12th", FigureKind::Ordinal, 12.0);
    check(t, "38th", FigureKind::Ordinal, 38.0);
    check(t, "second", FigureKind::Ordinal, 2.0);
    check(
        "The twenty-first game.",
        "twenty-first",
        FigureKind::Ordinal,
        21.0,
    );
    let found = figs("A second later, the first customers arrived.");
    assert!(found.is_empty(), "{:?}", texts(&found));
}

#[test]
fn absolute_dates_get_iso_prefixes() {
    let t = "In June 2024, Kenya sent officers. On March 3, 2025 and 3 March 2025 the court \
             sat; the ruling of 14 May 2025 cited a letter from Sept. 17, 2024. Founded in \
             2019, it ships in mid-2026 and 2027-03-04.";
    let found = figs(t);
    assert_eq!(date(get(&found, "June 2024")), Some("2024-06"));
    assert_eq!(date(get(&found, "March 3, 2025")), Some("2025-03-03"));
    assert_eq!(date(get(&found, "3 March 2025")), Some("2025-03-03"));
    assert_eq!(date(get(&found, "14 May 2025")), Some("2025-05-14"));
    assert_eq!(date(get(&found, "Sept. 17, 2024")), Some("2024-09-17"));
    assert_eq!(date(get(&found, "2019")), Some("2019"));
    assert_eq!(date(get(&found, "mid-2026")), Some("2026"));
    assert_eq!(date(get(&found, "2027-03-04")), Some("2027-03-04"));
}

#[test]
fn relative_dates_have_no_value() {
    let found = figs("The vote came on Wednesday, after last year's rally, and in April.");
    for span in ["Wednesday", "last year", "April"] {
        let f = get(&found, span);
        assert_eq!(f.kind, FigureKind::Date);
        assert_eq!(f.value, None);
    }
}

#[test]
fn years_count_when_they_count_something() {
    let found = figs("Toyota plans cars in 2027 or 2028; whose 2021 book; about 1500 soldiers.");
    assert_eq!(date(get(&found, "2028")), Some("2028"));
    assert_eq!(date(get(&found, "2021")), Some("2021"));
    assert_eq!(get(&found, "about 1500").kind, FigureKind::Cardinal);
}

#[test]
fn approximators_are_in_the_span() {
    let t = "Nearly 400 officers, more than £310 million, at least 27 people, almost 2.4 \
             million households, some 72 km away, roughly $3.2 million.";
    let found = figs(t);
    for span in [
        "Nearly 400",
        "more than £310 million",
        "at least 27",
        "almost 2.4 million",
        "some 72 km",
        "roughly $3.2 million",
    ] {
        assert!(get(&found, span).approximate, "{span}");
    }
    assert!((num(get(&found, "almost 2.4 million")) - 2_400_000.0).abs() < 1e-3);
}

#[test]
fn ranges_are_two_figures() {
    let found = figs("A household is owed between £95 and £140, charged from 10% to 80%.");
    assert_eq!(texts(&found), ["£95", "£140", "10%", "80%"]);
    let found = figs("Damages of $5-10 million and between 200 and 300 million doses.");
    assert!((num(get(&found, "$5")) - 5e6).abs() < 1e-3);
    assert_eq!(get(&found, "10 million").kind, FigureKind::Money);
    assert!((num(get(&found, "200")) - 200e6).abs() < 1e-3);
    let found = figs("Inflation of 1 to 3% was expected.");
    assert_eq!(get(&found, "1").kind, FigureKind::Percent);
}

#[test]
fn numbers_inside_names_are_not_figures() {
    let t = "The G7 met over COVID-19 on Route 66 while E195-E2 jets, the Boeing 737, the \
             FTSE 100, Chapter 11 and No. 10 Downing Street drew AP4 funds.";
    let found = figs(t);
    assert!(found.is_empty(), "{:?}", texts(&found));
}

#[test]
fn ages_are_the_number_alone() {
    let found =
        figs("Margaret Doyle, a 71-year-old retired teacher, and her son, 38, aged 7 years old.");
    let f = get(&found, "71");
    assert_eq!(f.kind, FigureKind::Cardinal);
    assert_eq!(num(f), 71.0);
    assert_eq!(num(get(&found, "38")), 38.0);
}

#[test]
fn scores_and_times() {
    let found = figs("Ashgrove beat Lindenfield 3-1 on Saturday; kick-off at 6 p.m. and 10:30.");
    assert_eq!(get(&found, "3-1").kind, FigureKind::Cardinal);
    assert_eq!(get(&found, "6 p.m.").kind, FigureKind::Date);
    assert_eq!(get(&found, "10:30").kind, FigureKind::Date);
}

#[test]
fn counted_nouns() {
    let found = figs(
        "Ruto said 600 officers would go; 27 clinics and hospitals; 60 new officers; \
         all three title-winning sides; 4,000 people.",
    );
    assert_eq!(get(&found, "600").counted.as_deref(), Some("officers"));
    assert_eq!(get(&found, "27").counted.as_deref(), Some("clinics"));
    assert_eq!(get(&found, "60").counted.as_deref(), Some("officers"));
    assert_eq!(get(&found, "three").counted.as_deref(), Some("sides"));
    assert_eq!(get(&found, "4,000").counted.as_deref(), Some("people"));
}

#[test]
fn vague_amounts_have_no_value() {
    let found = figs("Tens of thousands of people marched and dozens of officers were hurt.");
    assert_eq!(get(&found, "Tens of thousands").value, None);
    assert_eq!(get(&found, "dozens").value, None);
}

#[test]
fn offsets_are_code_points_in_non_ascii_text() {
    let t = "Nadège Joseph, at Hôpital Albert Schweitzer — “we need €5 million” — said 38 sites.";
    let found = figs(t);
    let f = get(&found, "€5 million");
    let chars: Vec<char> = t.chars().collect();
    let s: String = chars[f.start..f.end].iter().collect();
    assert_eq!(s, "€5 million");
    assert_eq!(f.start, t[..t.find('€').unwrap()].chars().count());
}

#[test]
fn headline_numbers_count() {
    let found =
        figs("Swedish Start-Up Says Its Solid-State Battery Survives 1,000 Charge Cycles\nBy Lena");
    assert_eq!(num(get(&found, "1,000")), 1000.0);
}

#[test]
fn figures_do_not_cross_lines() {
    let found = figs("Java Floods Kill 27\nmillion reasons");
    assert_eq!(num(get(&found, "27")), 27.0);
}

#[test]
fn odd_input_does_not_panic() {
    for t in [
        "",
        "$",
        "-",
        "1,",
        "1.",
        "£.5",
        "5-",
        "3:",
        "a.m.",
        "Sept.",
        "½ ¾ ²",
        "9/11 24/7",
        "1e9",
    ] {
        let _ = figs(t);
    }
}

#[test]
fn seasons_decades_and_codes() {
    let found =
        figs("Pay fell 26% since 2008/09; in the 1990s and the 90s; new 5G masts and 4K sets.");
    assert_eq!(date(get(&found, "2008/09")), Some("2008"));
    assert_eq!(date(get(&found, "1990s")), Some("1990"));
    assert_eq!(get(&found, "90s").kind, FigureKind::Date);
    assert!(
        found.iter().all(|f| f.text != "5G" && f.text != "5"),
        "{:?}",
        texts(&found)
    );
}

#[test]
fn spelled_numbers_in_names_and_one_alone() {
    let found = figs("After World War Two he signed a one-year deal and a quarter-final place.");
    assert!(found.is_empty(), "{:?}", texts(&found));
    check(
        "Growth of one percent.",
        "one percent",
        FigureKind::Percent,
        1.0,
    );
}

#[test]
fn more_fraction_forms() {
    let t =
        "A one-in-five chance; profits fell by a third, more than a fifth; they won a third title.";
    check(t, "one-in-five", FigureKind::Fraction, 0.2);
    check(t, "a third", FigureKind::Fraction, 1.0 / 3.0);
    check(t, "more than a fifth", FigureKind::Fraction, 0.2);
    check(t, "third", FigureKind::Ordinal, 3.0);
    check("Output was cut by half.", "half", FigureKind::Fraction, 0.5);
    check(
        "It cut migraine days by about a third in a trial.",
        "about a third",
        FigureKind::Fraction,
        1.0 / 3.0,
    );
}

#[test]
fn money_after_the_number_and_short_scales() {
    check(
        "A loan of 1.2 trillion yen.",
        "1.2 trillion yen",
        FigureKind::Money,
        1.2e12,
    );
    check(
        "It has 1.2m residents.",
        "1.2m",
        FigureKind::Cardinal,
        1.2e6,
    );
    check("Tickets at 50p each.", "50p", FigureKind::Money, 0.5);
    check(
        "A 120 billion dirhams ($11.7bn) plan.",
        "$11.7bn",
        FigureKind::Money,
        11.7e9,
    );
}

#[test]
fn slashed_fractions_and_codes() {
    let found =
        figs("About 1/3 of voters and 3/4 of members agreed; the service runs 24/7 since 9/11.");
    assert_eq!(texts(&found), ["About 1/3", "3/4"]);
    assert!((num(&found[1]) - 0.75).abs() < 1e-9);
}

#[test]
fn currency_prefixes_with_compact_scales() {
    let t = "Safari Telecom reported a net profit of KSh48.7bn for the year, while Cape Mobile \
             swung to a small profit of R310m. Pacific Freight will spend A$2.5bn, Nordhafen \
             raised €4bn and the club lost £1.2m.";
    check(t, "KSh48.7bn", FigureKind::Money, 48.7e9);
    check(t, "R310m", FigureKind::Money, 310e6);
    check(t, "A$2.5bn", FigureKind::Money, 2.5e9);
    check(t, "€4bn", FigureKind::Money, 4e9);
    check(t, "£1.2m", FigureKind::Money, 1.2e6);
    check(
        "Rand revenue rose to R9.4 billion.",
        "R9.4 billion",
        FigureKind::Money,
        9.4e9,
    );
}

#[test]
fn road_and_route_codes_are_not_figures() {
    let t = "Police said the A40 road was closed near Witney, the M4 was shut between junctions, \
             the bus lane scheme on the A65 was approved, traffic on I-95 slowed, the N7 flooded \
             and the R445 reopened.";
    let found = figs(t);
    for code in [
        "40", "A40", "4", "M4", "65", "A65", "95", "I-95", "7", "N7", "445", "R445",
    ] {
        assert!(
            found.iter().all(|f| f.text != code),
            "{code} in {:?}",
            texts(&found)
        );
    }
}

#[test]
fn motorway_junctions_and_highways_are_names() {
    let found = figs(
        "Junction 12 of the M6 closed, traffic on Interstate 95 and Highway 401 slowed and the \
         B4009 flooded.",
    );
    assert!(found.is_empty(), "{:?}", texts(&found));
}

#[test]
fn asian_currencies_before_and_after_the_amount() {
    let t = "The city will spend Rp 500 billion, or 2 million ringgit, and 40,000 baht on pumps.";
    check(t, "Rp 500 billion", FigureKind::Money, 500e9);
    check(t, "2 million ringgit", FigureKind::Money, 2e6);
    check(t, "40,000 baht", FigureKind::Money, 40_000.0);
}

#[test]
fn a_hyphenated_scale_word() {
    check(
        "Ontario tabled a $232-billion budget.",
        "$232-billion",
        FigureKind::Money,
        232e9,
    );
    check(
        "A 1.5-million-strong crowd gathered.",
        "1.5-million",
        FigureKind::Cardinal,
        1.5e6,
    );
}

#[test]
fn margins_rand_with_separators_and_half_as_a_subject() {
    check(
        "A margin of error of plus or minus 2.8 percentage points.",
        "2.8 percentage points",
        FigureKind::Quantity,
        2.8,
    );
    check(
        "He carried more than R140,000 in cash along the R101.",
        "more than R140,000",
        FigureKind::Money,
        140_000.0,
    );
    let found = figs("He carried cash along the R101.");
    assert!(
        found.iter().all(|f| f.text != "R101"),
        "{:?}",
        texts(&found)
    );
    check(
        "Half were given the drug.",
        "Half",
        FigureKind::Fraction,
        0.5,
    );
}

#[test]
fn vulgar_fractions_and_one_in_every() {
    let t = "Growth of 2¼ per cent is forecast. One in every four dollars goes to health. \
             About 1½ million people.";
    check(t, "2¼ per cent", FigureKind::Percent, 2.25);
    check(t, "One in every four", FigureKind::Fraction, 0.25);
    check(t, "About 1½ million", FigureKind::Cardinal, 1_500_000.0);
}

#[test]
fn a_long_text_read_in_blocks_finds_what_each_paragraph_finds() {
    // Paragraphs with multi-byte letters, separated by blank lines of several kinds, run over
    // many blocks; every paragraph must give the figures it gives alone, at its own offsets.
    let paragraphs = [
        "Nadège Dupont said the fund paid €450m, up 12% on 2023.",
        "About 1,200 officers, a third of them women, arrived on 25 June 2024.",
        "Ça coûte 3,5 millions — nearly half of the budget of KSh48.7bn.",
    ];
    let seps = ["\n\n", "\r\n\r\n", "\n \n"];
    let mut text = String::new();
    let mut expected = Vec::new();
    for i in 0..1500 {
        let p = paragraphs[i % paragraphs.len()];
        let base = text.chars().count();
        for f in figs(p) {
            expected.push((f.start + base, f.end + base, f.text));
        }
        text.push_str(p);
        text.push_str(seps[i % seps.len()]);
    }
    assert!(
        text.len() > 4 * super::BLOCK_BYTES,
        "the text spans several blocks"
    );
    let found: Vec<_> = find_figures(&text)
        .into_iter()
        .map(|f| (f.start, f.end, f.text))
        .collect();
    assert_eq!(found.len(), expected.len());
    assert_eq!(found, expected);
}
