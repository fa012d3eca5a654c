"""Regenerate ``regions.tsv`` from the ``cpca`` package's data (run once, by hand).

leadreg does not depend on cpca at run time: this script turns its table of
administrative divisions into the small file shipped beside it.  Usage::

    pip download --no-deps -d /tmp/cpca cpca==0.5.5 && unzip -q /tmp/cpca/*.whl -d /tmp/cpca
    python generate_regions.py /tmp/cpca/cpca/resources > regions.tsv
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from pypinyin import lazy_pinyin

PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
SUFFIXES = ("特别行政区", "新区", "自治区", "自治州", "自治县", "自治旗", "地区", "省", "市", "盟",
            "县", "区", "旗")


def short_name(name: str, nations: list[str]) -> str:
    """苏州市 → 苏州, 甘南藏族自治州 → 甘南, 内蒙古自治区 → 内蒙古."""
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            name = name[: -len(suffix)]
            break
    changed = True
    while changed:
        changed = False
        for nation in nations:
            for form in (nation, nation.removesuffix("族")):
                if form and name.endswith(form) and len(name) - len(form) >= 2:
                    name, changed = name[: -len(form)], True
    return name


def main(folder: Path) -> None:
    nations = sorted((line.strip() for line in (folder / "56_nations.csv").read_text(
        encoding="utf-8").splitlines() if line.strip()), key=len, reverse=True)
    nations += ["维吾尔", "哈萨克", "柯尔克孜", "蒙古"]
    rows = []
    with open(folder / "adcodes.csv", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name, code = row["name"], row["adcode"][:6]
            if name in PLACEHOLDERS:
                continue
            level = 1 if code[2:] == "0000" else 2 if code[4:] == "00" else 3
            short = short_name(name, nations)
            latin = "".join(lazy_pinyin(short)) if level < 3 else ""
            rows.append((code, str(level), name, short, latin))
    rows.sort()
    out = csv.writer(sys.stdout, delimiter="\t", lineterminator="\n")
    out.writerow(("adcode", "level", "name", "short", "pinyin"))
    out.writerows(rows)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
