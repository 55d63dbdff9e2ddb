"""Building blocks shared by every content type."""

from __future__ import annotations

import datetime as dt
import re
import typing
from typing import Annotated

from eqportal.render.urls import link_problem
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, ValidationInfo, field_validator
from pydantic_core import PydanticCustomError

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"

Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=80)]
# An address, nothing after it: "equality@kent.gov.uk?bcc=someone@else" would copy every resident's email.
EMAIL_PATTERN = r"^[A-Za-z0-9._%+'-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
# A name the portal makes an address from (a directorate's index page): a folder name may hold 255 bytes.
AddressName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=100)]


def _browser_reading(url: str) -> str:
    """A link must go where it looks like it goes: ``/\\host`` is another website to a browser (WHATWG URL rules)."""
    problem = link_problem(url)
    if problem:
        raise ValueError(problem)
    return url


Url = Annotated[str, StringConstraints(pattern=r"^(https?://|/|mailto:)\S+$"), AfterValidator(_browser_reading)]


def _text_from_scalar(value: object) -> object:
    """Front matter keeps scalars as text, but numbers written in Python tests should pass too."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value


Version = Annotated[str, BeforeValidator(_text_from_scalar), StringConstraints(strip_whitespace=True, min_length=1)]


ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Dates outside these years are typing mistakes (0202 for 2020), and 9999 would date the news feed:
# the first equality duties date from 2000 and no review is planned a lifetime ahead.
FIRST_YEAR, LAST_YEAR = 1990, 2099


def _takes_date(annotation: object) -> bool:
    return annotation is dt.date or any(_takes_date(arg) for arg in typing.get_args(annotation))


class Model(BaseModel):
    """Base for content models: misspelt fields are errors, values are validated on assignment."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_enum_values=False, str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _dates_written_as_dates(cls, value: object, info: ValidationInfo) -> object:
        """A date is written YYYY-MM-DD: pydantic would take ``0`` or ``1700000000`` as seconds since 1970."""
        field = cls.model_fields.get(info.field_name or "")
        if field is not None and _takes_date(field.annotation) and isinstance(value, (str, int, float)) \
                and not isinstance(value, bool) and not ISO_DATE.fullmatch(str(value).strip()):
            raise PydanticCustomError("date_parsing", "must be a date written YYYY-MM-DD")
        if field is not None and _takes_date(field.annotation):
            year = value.year if isinstance(value, dt.date) else int(value.strip()[:4]) if isinstance(value, str) and ISO_DATE.fullmatch(value.strip()) else None
            if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
                raise PydanticCustomError("value_error", "{error}", {"error": (
                    f"must be a date from {FIRST_YEAR} to {LAST_YEAR} (got {str(value).strip()}): check the year for a typing mistake")})
        return value


class Link(Model):
    title: Text
    url: Url


class Contact(Model):
    """How to ask a question or for another format (large print, easy read, audio, Braille, another language)."""

    team: Text | None = None
    email: Annotated[str, StringConstraints(pattern=EMAIL_PATTERN)] | None = None
    phone: Annotated[str, StringConstraints(pattern=r"^[0-9 +()]{6,20}$")] | None = None
    text_relay: Annotated[str, StringConstraints(pattern=r"^[0-9 +()]{6,20}$")] | None = None
    address: Text | None = None


class EasyRead(Model):
    """Author-written easy-read text; the generator fills anything not given from the structured data."""

    about: Text | None = Field(None, description="What is this about? Short sentences, 15 words or fewer each.")
    affects: list[Text] = Field(default_factory=list, description="Who could this affect? One point each.")
    actions: list[Text] = Field(default_factory=list, description="What will we do? One point each.")
    reviewed_by: Text | None = Field(None, description="Who checked this easy-read version (a group of people with learning disabilities).")
    reviewed_on: dt.date | None = None


DEFAULT_CONTACT = Contact(team="Equality and Diversity Team", email="diversity@kent.gov.uk", phone="03000 41 41 41")


def contact_or_default(contact: Contact | None) -> Contact:
    """The item's own contact when it gives a way to reach someone, else the equality team."""
    if contact is None or not (contact.email or contact.phone or contact.address):
        return DEFAULT_CONTACT
    return contact
