"""A real PostgreSQL server for the team tests: one cluster per session, a database per test."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from tests.team import postgres_cluster
from tests.team.postgres_cluster import Cluster

_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    bin_dir = postgres_cluster.binaries()
    if bin_dir is None:
        pytest.skip(
            "PostgreSQL's initdb and pg_ctl are not installed (apt-get install postgresql):"
            " the team tests need a real server"
        )
    with postgres_cluster.running_cluster(bin_dir) as cluster:
        yield cluster


@dataclass(frozen=True)
class TeamServer:
    """An empty database of the test cluster, owned by the team's admin."""

    cluster: Cluster
    database: str

    @property
    def admin_url(self) -> str:
        return self.cluster.admin_url(self.database)

    @property
    def superuser_url(self) -> str:
        return self.cluster.superuser_url(self.database)

    def superuser_sql(self, *statements: str) -> None:
        postgres_cluster.superuser_sql(self.cluster, *statements, database=self.database)


@pytest.fixture
def team_server(pg_cluster: Cluster) -> Iterator[TeamServer]:
    name = f"team{next(_numbers)}"
    postgres_cluster.create_database(pg_cluster, name)
    try:
        yield TeamServer(pg_cluster, name)
    finally:
        postgres_cluster.drop_database(pg_cluster, name)
