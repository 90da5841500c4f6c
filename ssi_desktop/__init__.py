"""SSI Desktop."""
