"""Benchmarks: scripts that print figures (`bash build/dev.sh bench`); not part of the tests."""
