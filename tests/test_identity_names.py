"""Normalising steps, keys and hostile input, in-process (fast)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from leadreg.identity import regions
from leadreg.identity.customer import customer_of
from leadreg.identity.names import normalise_name, parse_name
from leadreg.identity.website import domain_key


@pytest.mark.parametrize("variant", [
    "苏州恒达汽车零部件有限公司", "蘇州恆達汽車零部件有限公司", "恒达汽车零部件（苏州）有限公司",
    "恒达汽车零部件【苏州】股份有限公司", "江苏省苏州市恒达汽车零部件有限责任公司", "恒达汽车零部件 苏州 有限公司",
    "恒达汽车零部件有限公司苏州分公司", "恒达汽车零部件",
])
def test_chinese_variants_share_one_core(variant: str) -> None:
    assert normalise_name(variant) == "恒达汽车零部件"


@pytest.mark.parametrize("variant", [
    "Hengda Auto Parts Co., Ltd.", "HENGDA AUTO PARTS COMPANY LIMITED", "The Hengda Auto Parts Ltd",
    "Ｈｅｎｇｄａ　Ａｕｔｏ　Ｐａｒｔｓ", "Suzhou Hengda Auto Parts Co Ltd", "Hengda Auto Parts (Suzhou) Inc.",
    "Hengda Auto Parts Co., Ltd. Wuxi Branch",
])
def test_english_variants_share_one_core(variant: str) -> None:
    assert normalise_name(variant) == "hengda auto parts"


def test_regions_are_compatible_not_ignored() -> None:
    suzhou, wuxi = parse_name("苏州恒达"), parse_name("无锡恒达")
    bracket, kunshan = parse_name("恒达(苏州)"), parse_name("昆山恒达")
    assert suzhou.core == wuxi.core == bracket.core == "恒达"
    assert regions.compatible(suzhou.regions, bracket.regions)
    assert regions.compatible(suzhou.regions, kunshan.regions)  # 昆山 is in 苏州
    assert not regions.compatible(suzhou.regions, wuxi.regions)
    assert normalise_name("华东恒达") == "华东恒达" and parse_name("华东恒达").regions == ()
    assert normalise_name("吉利汽车") == "吉利汽车"  # a district's name used as a brand
    assert normalise_name("Shanghai Electric") == "shanghai electric"


def test_customer_keys() -> None:
    c = customer_of({"name": "x", "credit_code": " 91320594ma1w3xy5kk ",
                     "website": "HTTPS://WWW.Hengda-Auto.example/about", "distinct_from": ["a", 3]})
    assert (c.credit_code, c.domain, c.distinct_from) == (
        "91320594MA1W3XY5KK", "hengda-auto.example", frozenset({"a"}))
    assert domain_key("恒达.中国") == domain_key("xn--49tp96h.xn--fiqs8s")
    assert domain_key("https://www.linkedin.com/company/hengda") == "linkedin.com/company/hengda"
    for garbage in ("", "http://", "::::", "http://[::1", "a b.com", "http://%%.com", "x" * 5000):
        assert domain_key(garbage) is None


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_no_name_crashes(text: str) -> None:
    parsed = parse_name(text)
    assert isinstance(parsed.core, str)
    customer_of({"name": text, "aliases": [text, 1, None], "website": text,
                 "credit_code": text, "region": text})
