"""bad-credit-code: the 统一社会信用代码 has a valid check digit."""

from collections.abc import Iterator

from leadreg.identity.credit_code import problem
from leadreg.lead import Lead
from leadreg.rules import Finding, lead_rule
from leadreg.settings import Settings


@lead_rule("bad-credit-code",
           passing="customer: {name: 苏州恒达汽车零部件有限公司, credit_code: 91320594MA1W3XY5KK}",
           failing="customer: {name: 苏州恒达汽车零部件有限公司, credit_code: 91320594MA1W3XY5KX}")
def bad_credit_code(lead: Lead, settings: Settings) -> Iterator[Finding]:
    """Format and GB 32100-2015 check digit of ``customer.credit_code``."""
    code = lead.customer.get("credit_code")
    if isinstance(code, str):
        why = problem(code)
        if why:
            yield Finding(f"credit code {code} {why}", ("customer", "credit_code"))
