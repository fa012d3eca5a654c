"""UI labels folded into the templates when they are compiled.

A site's language is fixed for the whole build, so ``{{ t("board") }}`` always
yields the same text; yet calling a global from a template costs Jinja about
2 µs (its ``Context.call`` looks for context-passing markers first), and a
lead page makes some thirty such calls: a sixth of its rendering time, times
100,000 leads.  This extension rewrites ``t("literal")`` with no other
arguments into the translated string while the template is parsed.  Calls
with values (``t("share", n=…)``) or a computed key stay calls; the output
is identical either way, and still autoescaped.
"""

from __future__ import annotations

from collections.abc import Iterator

from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream

from leadreg.sitebuild.i18n import Translator

_CALL = ("name", "lparen", "string", "rparen")


class ConstantLabels(Extension):
    """Replace ``t("key")`` by the label's text in the token stream."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        t = self.environment.globals.get("t")
        if not isinstance(t, Translator):
            yield from stream
            return
        tokens = list(stream)  # one template's tokens: small
        i = 0
        while i < len(tokens):
            if _is_label(tokens, i):
                yield Token(tokens[i].lineno, "string", t(tokens[i + 2].value))
                i += len(_CALL)
            else:
                yield tokens[i]
                i += 1


def _is_label(tokens: list[Token], i: int) -> bool:
    """``t ( "key" )`` at ``i``, and not some object's method ``x.t("key")``."""
    call = tokens[i:i + len(_CALL)]
    return (tuple(token.type for token in call) == _CALL and call[0].value == "t"
            and (i == 0 or tokens[i - 1].type != "dot"))
