"""The application layer: loads the log, scores it and assembles what views show.

No Qt: the window's workers and the command line call it alike."""
