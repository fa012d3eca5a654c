"""Legal forms and branch words: what a registrar adds to a company's name.

Chinese forms (有限公司, 股份有限公司, 集团, …) are stripped from the end;
English ones with a fast table of the common forms ("Co., Ltd.", "Company
Limited", …) and then ``cleanco`` until nothing changes.  cleanco scans all
its 300 terms on every call, so it runs only when the name's last word can end
one of its terms: the result is the same, at a fraction of the cost.
"""

from __future__ import annotations

from functools import lru_cache

from cleanco import basename
from cleanco.clean import prepare_default_terms

CHINESE_FORMS = ("股份有限公司", "有限责任公司", "股份合作公司", "有限公司", "股份公司",
                 "合伙企业", "有限合伙", "普通合伙", "个人独资企业", "独资企业", "总公司",
                 "公司", "集团", "股份", "有限", "总厂", "厂")
CHINESE_BRANCHES = ("分公司", "分厂", "办事处", "分部", "营业部", "分店", "分行", "支行",
                    "分支机构", "分所")
# Bracketed words that are a legal form, not part of the name: 恒达(集团)
CHINESE_BRACKETED = frozenset(CHINESE_FORMS) | {"普通合伙", "有限合伙", "特殊普通合伙"}

# Token sequences, longest first.  Only forms, never business words.
_ENGLISH_FORMS: tuple[tuple[str, ...], ...] = tuple(sorted((tuple(f.split()) for f in (
    "co ltd", "company ltd", "company limited", "co limited", "corp ltd", "pte ltd",
    "pvt ltd", "gmbh and co kg", "and co kg", "and co", "and company", "private limited", "pty ltd", "sdn bhd", "gmbh co kg", "co kg", "limited",
    "ltd", "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "llp",
    "plc", "gmbh", "ag", "kg", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "as",
    "oy", "kk", "kabushiki kaisha", "group", "limited liability company")), key=lambda t: -len(t)))
ENGLISH_BRANCHES = ("branch", "branch office", "representative office", "rep office")


@lru_cache(maxsize=1)
def _cleanco_last_words() -> frozenset[str]:
    return frozenset(parts[-1] for _, parts in prepare_default_terms())


_ENGLISH_BY_LAST: dict[str, list[tuple[str, ...]]] = {}
for _form in _ENGLISH_FORMS:
    _ENGLISH_BY_LAST.setdefault(_form[-1], []).append(_form)
_BRANCH_FORMS = tuple(sorted((tuple(w.split()) for w in ENGLISH_BRANCHES), key=lambda t: -len(t)))


def strip_chinese(text: str) -> str:
    """恒达汽车零部件股份有限公司 → 恒达汽车零部件 (repeatedly, never to nothing)."""
    while text.endswith(CHINESE_FORMS):
        for form in CHINESE_FORMS:
            if text.endswith(form):
                break
        if len(text) <= len(form):
            break
        text = text[: -len(form)]
    return text


def split_chinese_branch(text: str) -> tuple[str, bool]:
    """恒达汽配有限公司无锡分公司 → (恒达汽配有限公司无锡, True)."""
    if text.endswith(CHINESE_BRANCHES):
        for word in CHINESE_BRANCHES:
            if text.endswith(word) and len(text) > len(word) + 1:
                return text[: -len(word)], True
    return text, False


def split_english_branch(tokens: list[str]) -> tuple[list[str], bool]:
    if tokens and tokens[-1] in ("branch", "office"):
        for parts in _BRANCH_FORMS:
            if len(tokens) > len(parts) and tuple(tokens[-len(parts):]) == parts:
                return tokens[: -len(parts)], True
    return tokens, False


def strip_english(tokens: list[str]) -> list[str]:
    """["the", "acme", "co", "ltd"] → ["acme"]: a leading "the", then legal forms."""
    if len(tokens) > 1 and tokens[0] == "the":
        tokens = tokens[1:]
    while len(tokens) > 1:
        for form in _ENGLISH_BY_LAST.get(tokens[-1], ()):
            if len(tokens) > len(form) and tuple(tokens[-len(form):]) == form:
                tokens = tokens[: -len(form)]
                break
        else:
            break
    if len(tokens) > 1 and tokens[-1] in _cleanco_last_words():
        return _cleanco_until_stable(tuple(tokens))
    return tokens


@lru_cache(maxsize=4096)
def _cleanco_until_stable(tokens: tuple[str, ...]) -> list[str]:
    last_words = _cleanco_last_words()
    while len(tokens) > 1 and tokens[-1] in last_words:
        cleaned = tuple(basename(" ".join(tokens)).split())
        if not cleaned or cleaned == tokens:
            break
        tokens = cleaned
    return list(tokens)
