"""SSI Desktop: an offline tracker of the LinkedIn social-selling habits behind your SSI."""

__version__ = "0.1.0"
