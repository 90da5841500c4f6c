"""Entry point of `ssi`: builds the parser from the command modules and runs one command."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from ssi_desktop import __version__
from ssi_desktop.catalog import UnknownActionError
from ssi_desktop.cli import (
    backup_commands,
    contacts_commands,
    data_commands,
    import_commands,
    log_commands,
    network_commands,
    outcomes_commands,
    plan_commands,
    profile_commands,
    reading_commands,
    score_commands,
    target_commands,
    team_commands,
)
from ssi_desktop.cli.common import CliError, database_option, os_error_text, terminal_safe
from ssi_desktop.store.actions import InvalidEntryError
from ssi_desktop.store.db import FAILURES_IN_USE, write_failure

COMMAND_MODULES = (
    log_commands,
    score_commands,
    profile_commands,
    network_commands,
    data_commands,
    reading_commands,
    contacts_commands,
    outcomes_commands,
    import_commands,
    target_commands,
    plan_commands,
    backup_commands,
    team_commands,  # the opt-in team leaderboard (issue 20)
)
EXIT_BAD_INPUT = 2


class OneLineParser(argparse.ArgumentParser):
    """argparse, but a usage error is one clear line on stderr."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    db_option = OneLineParser(add_help=False)
    db_option.add_argument(
        "--db",
        metavar="PATH",
        type=database_option,
        default=argparse.SUPPRESS,
        help="database file (default: $SSI_DESKTOP_DB, else your data folder)",
    )
    parser = OneLineParser(
        prog="ssi",
        description="Log LinkedIn social-selling actions and see your estimated SSI.",
        parents=[db_option],
    )
    parser.add_argument("--version", action="version", version=f"ssi {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)
    for module in COMMAND_MODULES:
        module.register(commands, db_option)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors
        return exit_.code if isinstance(exit_.code, int) else EXIT_BAD_INPUT
    try:
        result: int = args.run(args)
        sys.stdout.flush()  # here, so a full disk behind a redirection is one line too
    except (CliError, InvalidEntryError, UnknownActionError) as error:
        print(f"ssi: error: {terminal_safe(str(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except FAILURES_IN_USE as error:
        cause = write_failure(error)
        if cause is not None:
            print(f"ssi: error: {cause}; nothing was changed", file=sys.stderr)
            return EXIT_BAD_INPUT
        # Damage that the check at opening could not see: the transaction was rolled back.
        print(
            f"ssi: error: the database failed while in use ({error}); nothing was changed; "
            "`ssi backup list` shows the backups to restore",
            file=sys.stderr,
        )
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        return 0
    except OSError as error:  # a full disk, a read-only folder...: the cause, never a traceback
        print(f"ssi: error: {terminal_safe(os_error_text(error))}", file=sys.stderr)
        return EXIT_BAD_INPUT
    return result


if __name__ == "__main__":
    sys.exit(main())
