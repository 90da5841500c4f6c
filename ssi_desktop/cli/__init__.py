"""The `ssi` command line: the same store and score model as the window."""
