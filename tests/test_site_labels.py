"""UI labels folded into templates at compile time give the same page as calls."""

from __future__ import annotations

from jinja2 import Environment
from leadreg.sitebuild.i18n import Translator
from leadreg.sitebuild.labels import ConstantLabels

SOURCE = ('{{ t("board") }}|{{ t("share", n=3) }}|{{ o.t("board") }}|{{ t("ev." ~ k) }}'
          '|{{ t("no such key <b>") }}|{% if t("stats") %}yes{% endif %}')


class Other:
    def t(self, key: str) -> str:
        return f"method {key}"


def environment(*extensions: type) -> Environment:
    env = Environment(autoescape=True, extensions=list(extensions))
    env.globals["t"] = Translator("zh-CN")
    return env


def test_folded_labels_render_like_calls() -> None:
    plain = environment().from_string(SOURCE).render(o=Other(), k="activity")
    folded = environment(ConstantLabels).from_string(SOURCE).render(o=Other(), k="activity")
    assert folded == plain
    t = Translator("zh-CN")
    assert folded.split("|") == [t("board"), t("share", n=3), "method board", t("ev.activity"),
                                 "no such key &lt;b&gt;", "yes"]


def test_only_literal_keys_without_values_are_folded() -> None:
    code = environment(ConstantLabels).compile(SOURCE, raw=True)
    t = Translator("zh-CN")
    assert t("board") in code and "'stats'" not in code  # folded (escaped) at compile time
    assert code.count("'board'") == 1  # only the method's argument stays a key
    assert code.count("context.call(") == 3  # with a value, a method, a computed key


def test_a_registry_without_the_translator_global_is_left_alone() -> None:
    env = Environment(extensions=[ConstantLabels])
    env.globals["t"] = lambda key: key.upper()
    assert env.from_string('{{ t("board") }}').render() == "BOARD"
