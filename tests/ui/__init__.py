"""Tests of the window features."""
