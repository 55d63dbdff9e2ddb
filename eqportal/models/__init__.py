"""Typed models of the portal's four content types, with their closed vocabularies."""

from eqportal.models.decision import Decision
from eqportal.models.eqia import Action, Eqia, ScreeningEntry
from eqportal.models.objective import Objective, Progress
from eqportal.models.report import Report
from eqportal.models.vocab import PROTECTED, Characteristic

__all__ = ["Action", "Characteristic", "Decision", "Eqia", "Objective", "PROTECTED", "Progress", "Report", "ScreeningEntry"]
