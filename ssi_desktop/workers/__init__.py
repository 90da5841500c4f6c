"""Background work: the score recompute and the thread that runs it. No widgets here."""
