"""One accessibility problem on one built page, printed as ``url: rule: message (selector)``."""

from __future__ import annotations

from dataclasses import asdict, dataclass


class CheckerError(RuntimeError):
    """The site could not be checked at all (no such folder, no browser): one line for the user."""


@dataclass(frozen=True, order=True)
class PageProblem:
    url: str  # site-relative, e.g. ``/eqias/foo/``
    rule: str  # axe rule id or one of ours (``table-caption``, ``reflow``...)
    message: str
    selector: str = ""

    def __str__(self) -> str:
        where = f" ({self.selector})" if self.selector else ""
        return f"{self.url}: {self.rule}: {self.message}{where}"

    def as_dict(self) -> dict[str, str]:
        return asdict(self)
