"""`ssi reading add|list|delete` and `ssi calibrate`: LinkedIn's own numbers, typed in, and the
estimate fitted to them."""

from __future__ import annotations

import argparse
from collections.abc import Callable

from ssi_desktop.application import estimate
from ssi_desktop.application.estimate import CalibrationState
from ssi_desktop.catalog import Pillar
from ssi_desktop.cli import reading_input_commands
from ssi_desktop.cli.common import (
    CliError,
    not_in_future,
    opened_database,
    parse_day,
    print_json,
)
from ssi_desktop.cli.reading_input_commands import listed_json
from ssi_desktop.reading_formats.values import parse_number, parse_rank
from ssi_desktop.scoring.calibration import MIN_READINGS, TOTAL
from ssi_desktop.store import readings, settings
from ssi_desktop.store.readings import OfficialReading
from ssi_desktop.system import clock

OPTIONAL_FIELDS = (
    # argparse formats help texts with %, so a literal percent sign is written %%.
    ("industry_rank", "--industry-rank", "PCT", 'your rank in your industry: "Top 9%%", 9%% or 9'),
    ("network_rank", "--network-rank", "PCT", 'your rank in your network: "Top 9%%", 9%% or 9'),
    ("industry_avg", "--industry-avg", "A", "your industry's average SSI"),
    ("network_avg", "--network-avg", "A", "your network's average SSI"),
)


def _argument_type(parse: Callable[[str], float]) -> Callable[[str], float]:
    """A parser of reading_formats as an argparse type: its message becomes the usage error."""

    def convert(text: str) -> float:
        try:
            return parse(text)
        except ValueError as error:
            raise argparse.ArgumentTypeError(str(error)) from None

    return convert


number = _argument_type(parse_number)
rank = _argument_type(parse_rank)


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], db: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "reading", parents=[db], help="the official SSI readings you typed in from LinkedIn"
    )
    verbs = parser.add_subparsers(metavar="add|list|delete|paste|import|export", required=True)

    add = verbs.add_parser("add", parents=[db], help="record what LinkedIn's SSI page shows")
    add.add_argument("--date", type=parse_day, metavar="YYYY-MM-DD", help="default: today")
    add.add_argument("--total", type=number, required=True, metavar="T", help="the SSI, 0-100")
    for pillar in Pillar:
        add.add_argument(
            f"--{pillar.value}",
            type=number,
            required=True,
            metavar=pillar.value[0].upper(),
            help=f"{pillar.label}, 0-25",
        )
    for dest, flag, metavar, what in OPTIONAL_FIELDS:
        kind = rank if dest.endswith("rank") else number
        add.add_argument(flag, dest=dest, type=kind, metavar=metavar, help=what)
    add.set_defaults(run=run_add)

    listing = verbs.add_parser("list", parents=[db], help="every reading, oldest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(run=run_list)

    delete = verbs.add_parser("delete", parents=[db], help="remove the reading of a day")
    delete.add_argument(
        "--date", type=parse_day, required=True, metavar="YYYY-MM-DD", help="the reading's day"
    )
    delete.set_defaults(run=run_delete)
    reading_input_commands.register(verbs, db)

    calibrate = commands.add_parser(
        "calibrate", parents=[db], help="fit the estimate to your readings and show how close"
    )
    switch = calibrate.add_mutually_exclusive_group()
    switch.add_argument(
        "--on", dest="enable", action="store_const", const=True, help="use the fitted scales"
    )
    switch.add_argument(
        "--off", dest="enable", action="store_const", const=False, help="use the default scales"
    )
    calibrate.add_argument("--json", action="store_true", help="print JSON")
    calibrate.set_defaults(run=run_calibrate)


def _shown(reading: OfficialReading) -> str:
    return f"SSI {reading.total:g} of {reading.day.isoformat()}"


def run_add(args: argparse.Namespace) -> int:
    day = not_in_future(args.date)
    reading = OfficialReading(
        day,
        args.total,
        {p: getattr(args, p.value) for p in Pillar},
        **{dest: getattr(args, dest) for dest, *_ in OPTIONAL_FIELDS},
    )
    with opened_database(args):
        replaced = readings.record(reading, clock.today())
    if replaced is None:
        print(f"Recorded the official {_shown(reading)}.")
    else:
        print(f"Replaced the official {_shown(replaced)} with SSI {reading.total:g}.")
    return 0


def run_list(args: argparse.Namespace) -> int:
    with opened_database(args):
        found = readings.all_readings()
        estimates = estimate.series(found[0].day, found[-1].day) if found else None
    if args.json:
        print_json(listed_json(found))
        return 0
    if not found:
        print(
            "No official readings yet: `ssi reading paste` saves one copied from LinkedIn's "
            "SSI page, `ssi reading add` one typed in."
        )
        return 0
    print("date         SSI   brand  people  insight  relat.   estimate  industry   network")
    for r in found:
        pillars = "".join(f"{r.pillars[p]:7.2f} " for p in Pillar)
        guess = estimates.on(r.day).total if estimates else 0.0
        line = (
            f"{r.day.isoformat()}  {r.total:4g} {pillars} {guess:7.1f}  "
            f"{_benchmark(r.industry_rank, r.industry_avg)}  "
            f"{_benchmark(r.network_rank, r.network_avg)}"
        )
        print(line.rstrip())
    return 0


def _benchmark(rank: float | None, average: float | None) -> str:
    top = f"top {rank:g}%" if rank is not None else ""
    avg = f"avg {average:g}" if average is not None else ""
    return f"{' '.join(filter(None, (top, avg))) or '-':<18}"


def run_delete(args: argparse.Namespace) -> int:
    with opened_database(args):
        removed = readings.delete(args.date)
    if removed is None:
        raise CliError(f"there is no reading of {args.date.isoformat()}")
    print(f"Deleted the official {_shown(removed)}.")
    return 0


def run_calibrate(args: argparse.Namespace) -> int:
    with opened_database(args):
        if args.enable is not None:
            settings.set_calibration_enabled(args.enable)
        state = estimate.calibration_state()
    if args.json:
        print_json(calibration_json(state))
    else:
        print(describe(state))
    return 0


def calibration_json(state: CalibrationState) -> dict[str, object]:
    fit = state.calibration
    return {
        "enabled": state.enabled,
        "in_use": state.in_use,
        "readings": fit.readings,
        "min_readings": MIN_READINGS,
        "scales": {p.value: fit.sensitivity.of(p) for p in Pillar},
        "standing_scales": {p.value: fit.sensitivity.standing_of(p) for p in Pillar},
        "mae_before": dict(fit.mae_before) if fit.mae_before is not None else None,
        "mae_after": dict(fit.mae_after) if fit.mae_after is not None else None,
        "mae_after_measured_on": "held_out_readings" if fit.held_out else "fitted_readings",
        "status": state.status,
        "at_limit": {p.value: bool(fit.at_limit[p.value]) for p in Pillar},
        "message": estimate.status_sentence(state),
    }


def describe(state: CalibrationState) -> str:
    fit = state.calibration
    switch = "on" if state.enabled else "off"
    lines = [f"Calibration {switch}. {estimate.status_sentence(state)}"]
    if fit.mae_before is None or fit.mae_after is None:
        return lines[0]
    lines.append(
        f"\n{'':<35} {'activity':>8} {'network':>8}  {'error before':>12}  {'error after':>11}"
    )
    for p in Pillar:
        lines.append(
            f"{p.label:<35} {fit.sensitivity.of(p):8.2f} {fit.sensitivity.standing_of(p):8.2f}  "
            f"{fit.mae_before[p.value]:8.2f} pts  {fit.mae_after[p.value]:7.2f} pts"
        )
    lines.append(
        f"{'Total SSI':<35} {'':17}  {fit.mae_before[TOTAL]:8.2f} pts  "
        f"{fit.mae_after[TOTAL]:7.2f} pts"
    )
    measured = "readings each fit did not see (held out)" if fit.held_out else "the fitted readings"
    lines.append(
        "\nErrors are mean absolute differences from your readings, in points; the error "
        f"after the fit is measured on {measured}."
    )
    return "\n".join(lines)
