"""Pasted SSI pages and payloads read into readings (reading_formats, no database)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ssi_desktop.catalog import Pillar
from ssi_desktop.reading_formats.page_text import PILLAR_NAMES
from ssi_desktop.reading_formats.paste import NoReadingError, parse_pasted
from ssi_desktop.reading_formats.values import ReadingValues
from tests.reading_formats import pages

B, P, IN, R = Pillar.BRAND, Pillar.PEOPLE, Pillar.INSIGHTS, Pillar.RELATIONSHIPS


def test_a_page_copied_from_chrome_gives_every_number() -> None:
    assert parse_pasted(pages.PAGE_CHROME) == ReadingValues(
        53, {B: 21.01, P: 6.4, IN: 10.25, R: 15}, 9, 12, 27, 34
    )


def test_decimal_commas_split_lines_padding_and_capitals_are_read() -> None:
    assert parse_pasted(pages.PAGE_DECIMAL_COMMAS) == ReadingValues(
        73, {B: 20.998, P: 17.5, IN: 14.125, R: 20.4}, 4, 1.5, 31.5, 29
    )


def test_numbers_before_labels_are_read_and_the_industrys_numbers_are_not_taken() -> None:
    reading = parse_pasted(pages.PAGE_NUMBERS_FIRST)

    assert reading.total == 20
    assert dict(reading.pillars) == {B: 13.118, P: 3.68, IN: 0.3, R: 2.608}
    assert (reading.industry_rank, reading.network_rank) == (75, 81)


def test_labels_and_numbers_on_one_line_with_separators() -> None:
    reading = parse_pasted(pages.PAGE_ONE_LINE_EACH)

    assert reading == ReadingValues(55, {B: 21.0, P: 6.4, IN: 2.2, R: 25})


def test_the_payload_keeps_every_decimal_and_leaves_the_team_out() -> None:
    reading = parse_pasted(pages.as_json(pages.PAYLOAD))

    assert reading == ReadingValues(
        19.706,
        {B: 13.118002, P: 3.6800003, IN: 0.29999998, R: 2.6077502},
        industry_rank=75,
        network_rank=81,
        industry_avg=31.435,
        network_avg=24.110351,
    )


def test_a_payload_wrapped_under_data_or_after_other_text_reads_the_same() -> None:
    expected = parse_pasted(pages.as_json(pages.PAYLOAD))

    assert parse_pasted(pages.as_json(pages.PAYLOAD_WRAPPED)) == expected
    assert parse_pasted(json.dumps([{"elements": [pages.PAYLOAD]}])) == expected
    copied = "Response of salesApiSsi:\n" + pages.as_json(pages.PAYLOAD_WRAPPED) + "\n(200 OK)"
    assert parse_pasted(copied) == expected


def test_a_payload_without_groups_has_no_benchmarks() -> None:
    reading = parse_pasted(json.dumps({"memberScore": pages.MEMBER}))

    assert reading.industry_rank is reading.network_avg is None


@pytest.mark.parametrize(
    ("pasted", "named"),
    [
        ("", "nothing was pasted"),
        ("Your Social Selling Index\nLearn more", 'the total ("N out of 100")'),
        ("53 out of 100\nEstablish your professional brand 21.01", '"Find the right people"'),
        ("Establish your professional brand 21\nFind the right people 6", "the total"),
        ("Build relationships\n\nEngage with insights 3\n40 out of 100", '"Build relationships"'),
        ('{"memberScore": {"subScores": []}}', "memberScore.overall (the total)"),
        ('{"data": {"score": 5}}', "no memberScore"),
        ('{"memberScore": {"overall": 40, "subScores": [', "cut off or broken"),
    ],
)
def test_what_is_missing_is_named(pasted: str, named: str) -> None:
    with pytest.raises(NoReadingError, match=None) as caught:
        parse_pasted(pasted)

    assert named in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_payload_missing_a_pillar_names_it() -> None:
    member = {**pages.MEMBER, "subScores": pages.MEMBER["subScores"][:3]}  # type: ignore[index]

    with pytest.raises(NoReadingError, match=r"Build relationships.*STRONG_RELATIONSHIP"):
        parse_pasted(json.dumps({"memberScore": member}))


pillar_value = st.decimals(min_value=0, max_value=25, places=3).map(float)


@given(
    values=st.fixed_dictionaries(dict.fromkeys(Pillar, pillar_value)),
    numbers_first=st.booleans(),
    comma=st.booleans(),
    split=st.sampled_from([" ", "\n", "\n\n  ", "\t"]),
    ranks=st.tuples(st.integers(1, 100), st.integers(1, 100)),
)
def test_any_reading_survives_a_round_trip_through_a_page(
    values: dict[Pillar, float],
    numbers_first: bool,
    comma: bool,
    split: str,
    ranks: tuple[int, int],
) -> None:
    """Whatever the layout, separator and line breaks, the page's numbers come back."""

    def shown(value: float) -> str:
        text = f"{value:g}"
        return text.replace(".", ",") if comma else text

    total = round(sum(values.values()))
    lines = ["Your Social Selling Index"]
    for label, rank in zip(("Industry SSI rank", "Network SSI rank"), ranks, strict=True):
        pair = [f"Top {rank}%", label] if numbers_first else [label, f"Top {rank}%"]
        lines.extend(pair)
    lines += ["Current Social Selling Index", f"{total}", "out of 100"]
    for pillar, value in values.items():
        name = split.join(PILLAR_NAMES[pillar].split())
        lines.extend([shown(value), name] if numbers_first else [name, shown(value)])
    lines.append("People in your network have an average SSI of 30.")

    reading = parse_pasted(split.join(lines))

    assert reading.total == total
    assert dict(reading.pillars) == pytest.approx({p: float(f"{v:g}") for p, v in values.items()})
    assert (reading.industry_rank, reading.network_rank) == ranks
    assert reading.network_avg == 30


def test_a_rank_a_line_below_its_label_is_found() -> None:
    page = pages.PAGE_CHROME.replace(
        "Industry SSI rank\nTop 9%",
        "Industry SSI rank\nYour SSI ranking in the Software Development industry\nTop 9%",
    )

    assert parse_pasted(page).industry_rank == 9


def test_groups_wrapped_apart_from_the_member_score_are_found() -> None:
    payload = {
        "data": {"member": {"memberScore": pages.MEMBER}},
        "groups": {"groupScore": pages.GROUPS},
    }

    reading = parse_pasted(json.dumps(payload))

    assert (reading.industry_rank, reading.network_avg) == (75, 24.110351)


def test_pillar_names_in_the_pages_tips_do_not_shift_the_numbers() -> None:
    page = (
        "Tip: Build relationships with decision-makers, and Engage with insights every week.\n"
        + pages.PAGE_CHROME
    )

    assert parse_pasted(page) == parse_pasted(pages.PAGE_CHROME)


def test_a_stray_number_after_a_pillar_name_elsewhere_is_not_taken() -> None:
    page = "Tip: Build relationships 3 times a week.\n" + pages.PAGE_CHROME

    assert parse_pasted(page) == parse_pasted(pages.PAGE_CHROME)


def test_ranks_told_in_the_comparison_sentences() -> None:
    assert parse_pasted(pages.PAGE_RANKS_IN_SENTENCES) == ReadingValues(
        74, {B: 21.45, P: 17.16, IN: 15.96, R: 19.21}, 7, 3, 24, 29
    )


json_values = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=True) | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "memberScore",
                    "overall",
                    "subScores",
                    "pillar",
                    "score",
                    "groupScore",
                    "groupType",
                    "rank",
                    "data",
                    "x",
                ]
            ),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@given(st.text(alphabet=st.sampled_from("0123456789.,% \nTopoutf1ESfindrlBuEngage"), max_size=300))
def test_any_text_gives_a_reading_or_says_what_is_missing(text: str) -> None:
    try:
        parse_pasted(text)
    except NoReadingError as error:
        assert "\n" not in str(error)


@given(json_values)
def test_any_json_gives_a_reading_or_says_what_is_missing(value: object) -> None:
    try:
        reading = parse_pasted(json.dumps(value))
    except NoReadingError as error:
        assert "\n" not in str(error)
    else:
        assert set(reading.pillars) == set(Pillar)
