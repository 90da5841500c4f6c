"""SSI Desktop: an offline tracker of the LinkedIn social-selling habits behind your SSI."""

from ssi_desktop.store.postgres_driver import keep_driver_out_of_peewee

__version__ = "0.1.0"

keep_driver_out_of_peewee()
