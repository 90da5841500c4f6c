"""Tests of the LinkedIn archive importer."""
