"""Every `--help` of every command and subcommand: exit 0, and each command and argument says
what it is for."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

import pytest

from ssi_desktop.cli.main import build_parser, main


def _subcommands(
    parser: argparse.ArgumentParser,
) -> Iterator[tuple[str, argparse.ArgumentParser, str | None]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            helps = {choice.dest: choice.help for choice in action._choices_actions}
            for name, child in action.choices.items():
                yield name, child, helps.get(name)


def _walk(
    parser: argparse.ArgumentParser, path: tuple[str, ...] = ()
) -> Iterator[tuple[tuple[str, ...], argparse.ArgumentParser, str | None]]:
    for name, child, summary in _subcommands(parser):
        yield (*path, name), child, summary
        yield from _walk(child, (*path, name))


COMMANDS = list(_walk(build_parser()))


def test_the_walk_finds_the_whole_command_tree() -> None:
    paths = {" ".join(path) for path, _, _ in COMMANDS}
    assert {"add", "reading paste", "reading import", "export", "profile set"} <= paths
    assert len(paths) > 40


@pytest.mark.parametrize("path", [(), *(path for path, _, _ in COMMANDS)], ids=" ".join)
def test_every_help_exits_0_and_prints_its_usage(
    path: tuple[str, ...], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([*path, "--help"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith(f"usage: ssi {' '.join(path)}".rstrip()) and err == ""


@pytest.mark.parametrize(("path", "parser", "summary"), COMMANDS, ids=lambda v: repr(v))
def test_every_command_and_argument_says_what_it_is_for(
    path: tuple[str, ...], parser: argparse.ArgumentParser, summary: str | None
) -> None:
    assert summary, f"`ssi {' '.join(path)}` has no one-line description in its parent's help"
    silent = [
        "/".join(action.option_strings) or action.dest
        for action in parser._actions
        if not isinstance(action, argparse._SubParsersAction)
        and action.help in (None, "")
        and action.help is not argparse.SUPPRESS
    ]
    assert silent == [], f"`ssi {' '.join(path)}` has arguments without help: {silent}"
