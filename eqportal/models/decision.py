"""A key decision in Kent's register, and the equality analyses it relied on."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import Field, StringConstraints

from eqportal.models.common import Model, Slug, Text, Url
from eqportal.models.vocab import DecisionStatus

# [0-9], not \d: the pattern engine takes \d for any script's digits, so "15/0004５" passed beside 15/00045.
DECISION_NUMBER_PATTERN = r"^[0-9]{2}/[0-9]{5}$"
DecisionNumber = Annotated[str, StringConstraints(pattern=DECISION_NUMBER_PATTERN)]


class Decision(Model):
    """The front matter of ``content/decisions/<YY-NNNNN>.md``."""

    number: DecisionNumber = Field(description="Kent's form YY/NNNNN, e.g. 15/00045.")
    title: Text
    decision_maker: Text = Field(description="Who takes the decision, e.g. Cabinet Member for Adult Social Care.")
    date: dt.date = Field(description="Date the decision was (or will be) taken.")
    directorate: Text
    status: DecisionStatus = Field(description="proposed or taken.")
    summary: Text | None = Field(None, description="What was decided, in plain English.")
    eqias: list[Slug] = Field(default_factory=list, description="Ids of the equality analyses the decision relied on.")
    no_eqia_reason: Text | None = Field(None, description="Why no equality analysis was needed.")
    url: Url | None = Field(None, description="Link to the decision record on the council's democracy pages.")
    aliases: list[DecisionNumber] = Field(default_factory=list, description="Numbers this decision was listed under before, in the form YY/NNNNN (a number corrected after it was published); their anchors on the register lead to this decision.")
    illustrative: bool = Field(False, description="True for sample records that are not real council decisions.")

    @property
    def id(self) -> str:
        return self.number.replace("/", "-")
