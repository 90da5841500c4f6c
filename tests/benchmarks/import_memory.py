"""Peak memory of `ssi import linkedin` on the worst archives of the adversarial review.

Each archive is written at full size (tests/importers/hostile_archives.py: 150 MB of
continuation lines, a 100 MB line, 150 MB without a line break, an unclosed quote over 190 MB,
3 million short rows, 2 million messages), then imported into a new database by a process of
its own, whose peak RSS (resource.getrusage) is printed with the time and what was skipped.
A realistic big archive (100,000 messages) and a bare `ssi types` give the reference points.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path

from tests.benchmarks.importing import write_big_archive
from tests.importers.hostile_archives import WORST, run_ssi

LIMIT_MB = 300


def _import(archive: Path, db: Path) -> dict[str, object]:
    started = time.perf_counter()
    code, out, err, peak = run_ssi(
        "import", "linkedin", str(archive), "--json", "--db", str(db), timeout=1800
    )
    seconds = time.perf_counter() - started
    summary = json.loads(out) if code == 0 else {}
    skipped = summary.get("skipped", {}) if isinstance(summary, dict) else {}
    return {
        "exit": code,
        "peak_mb": peak,
        "seconds": seconds,
        "entries": summary.get("entries", 0) if isinstance(summary, dict) else 0,
        "skipped": sum(skipped.values()) if isinstance(skipped, dict) else 0,
        "error": err.strip()[:120],
    }


def run() -> list[dict[str, object]]:
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        code, _out, _err, peak = run_ssi("types", "--db", str(root / "empty.db"))
        rows.append(
            {
                "archive": "(no import: ssi types)",
                "exit": code,
                "peak_mb": peak,
                "seconds": 0.0,
                "entries": 0,
                "skipped": 0,
                "zip_kb": 0,
            }
        )
        big = root / "big.zip"
        write_big_archive(big)
        rows.append(
            {
                "archive": "real-shaped, 100,000 messages",
                "zip_kb": big.stat().st_size // 1024,
                **_import(big, root / "big.db"),
            }
        )
        big.unlink()
        for name, write in WORST.items():
            archive = root / "attack.zip"
            write(archive, 1.0)
            row = {"archive": name, "zip_kb": archive.stat().st_size // 1024}
            row.update(_import(archive, root / f"{len(rows)}.db"))
            rows.append(row)
            archive.unlink()
    return rows


def report(rows: list[dict[str, object]]) -> str:
    lines = [
        f"Import memory: peak RSS of one `ssi import linkedin` process (limit {LIMIT_MB} MB)",
        f"  {'archive':<32} {'zip':>9} {'peak':>8} {'time':>8} {'entries':>9} {'skipped':>10}",
    ]
    for row in rows:
        flag = "" if row["exit"] == 0 and int(str(row["peak_mb"])) <= LIMIT_MB else "  OVER"
        lines.append(
            f"  {row['archive']!s:<32} {int(str(row['zip_kb'])):>6} KB"
            f" {row['peak_mb']!s:>5} MB {float(str(row['seconds'])):>6.1f} s"
            f" {int(str(row['entries'])):>9,} {int(str(row['skipped'])):>10,}{flag}"
        )
    return "\n".join(lines)


if __name__ == "__main__":
    print(report(run()))
