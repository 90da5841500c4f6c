"""The currency of deal values: the seller's choice, else their locale's, shown the locale's way.

Values are stored as plain numbers; the currency is one setting (``store.settings``), so the
CLI and the window agree and changing it never rewrites a record.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QInputDialog, QWidget

from ssi_desktop.store import settings

FALLBACK = "USD"
"""For a locale without a currency (the "C" locale of a bare system)."""

COMMON = ("USD", "EUR", "GBP", "CHF", "CAD", "AUD", "INR", "JPY", "CNY", "BRL", "SEK", "PLN")


def money_locale() -> QLocale:
    """The seller's locale; the C locale of a bare system has no money format ("114000$"),
    so amounts are then written as in the US."""
    locale = QLocale()
    if locale.language() == QLocale.Language.C:
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return locale


def locale_currency() -> str:
    code = QLocale().currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode)
    return code or FALLBACK


def currency_code() -> str:
    return settings.currency() or locale_currency()


@cache
def symbol_of(code: str) -> str:
    """The currency's own sign (€ for EUR) from a locale that uses it, else the code."""
    for locale in QLocale.matchingLocales(
        QLocale.Language.AnyLanguage, QLocale.Script.AnyScript, QLocale.Country.AnyCountry
    ):
        if locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencyIsoCode) == code:
            return locale.currencySymbol(QLocale.CurrencySymbolFormat.CurrencySymbol) or code
    return code


def money_text(value: float, decimals: int = 0) -> str:
    """E.g. "$114,000" in the US, "114.000 €" in Germany, for the chosen currency."""
    return money_locale().toCurrencyString(value, symbol_of(currency_code()), decimals)


def compact_money(text: str) -> str:
    """A short amount ("32k") with the currency's sign: "$32k"."""
    return f"{symbol_of(currency_code())}{text}"


def ask_currency(parent: QWidget) -> str | None:
    """Let the seller pick or type a currency code; returns what was saved, or None."""
    current = currency_code()
    choices = [current, *(code for code in COMMON if code != current)]
    code, accepted = QInputDialog.getItem(
        parent,
        "Currency",
        "Deal and opportunity values are in:",
        choices,
        0,
        True,
    )
    if not accepted:
        return None
    settings.set_currency(code)
    return code.strip().upper()
