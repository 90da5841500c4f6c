"""Importers of data from outside SSI Desktop."""
