"""What the app needs from the system: paths, the clock, logs, resources, locks.

No Qt, nothing of the app's own layers."""
