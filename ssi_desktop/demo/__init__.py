"""Made-up sample data for `ssi demo`, screenshots and benchmarks."""
