"""Which job titles make a connection a decision-maker, in the languages archives come in.

A decision-maker here is someone who signs or steers a purchase: an owner, a founder, a partner,
a chief, a vice president, a director, a head of something. Titles are matched on whole words,
case-insensitively; an assistant to such a person is not one.
"""

from __future__ import annotations

import re

_SENIOR_WORDS = (
    # English
    r"vp|svp|evp|vice[ -]president|president|director|head of|chief|ceo|cto|cfo|coo|cmo|cro"
    r"|cio|ciso|cpo|founder|co-?founder|owner|partner|managing director|general manager"
    # German
    r"|geschäftsführer(?:in)?|vorstand|inhaber(?:in)?|gründer(?:in)?|direktor(?:in)?|leiter(?:in)?"
    # French
    r"|directeur|directrice|fondateur|fondatrice|gérant(?:e)?|pdg|président(?:e)?|associé(?:e)?"
    # Spanish and Portuguese
    r"|director(?:a)?|diretor(?:a)?|fundador(?:a)?|socio|sócio|sócia|dueño|dueña|propietario"
    r"|proprietário|presidente|gerente general|gerente geral"
    # Italian and Dutch
    r"|direttore|fondatore|titolare|amministratore delegato|eigenaar|oprichter|directeur"
)
_SENIOR = re.compile(rf"(?<!\w)(?:{_SENIOR_WORDS})(?!\w)", re.IGNORECASE)
_SUPPORTING = re.compile(r"(?<!\w)(?:assistant|assistent(?:in)?|assistente)(?!\w)", re.IGNORECASE)


def is_decision_maker(title: str) -> bool:
    """True for a title that names a decision-maker (see the module's docstring)."""
    return bool(_SENIOR.search(title)) and not _SUPPORTING.search(title)
