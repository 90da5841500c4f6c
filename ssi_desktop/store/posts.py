"""The seller's posts and the numbers LinkedIn shows for each: views, engagers, comments."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from ssi_desktop.outcomes.engagement import PostRate, average_rate, engagement_rate
from ssi_desktop.store.actions import InvalidEntryError, check_day
from ssi_desktop.store.db import database
from ssi_desktop.store.models import Post
from ssi_desktop.store.pipeline_rows import PostInfo

MAX_VIEWS = 1_000_000_000
MAX_TEXT_CHARS = 500


@dataclass(frozen=True)
class NewPost:
    day: dt.date
    views: int
    engagers: int
    comments: int = 0
    title: str = ""
    link: str = ""


def check_post(post: NewPost, today: dt.date) -> None:
    """Raise InvalidEntryError unless the numbers can belong to one real post."""
    if post.views < 1:
        raise InvalidEntryError(f"views must be at least 1, not {post.views}")
    if post.views > MAX_VIEWS:
        raise InvalidEntryError(f"{post.views} views is more than LinkedIn has members")
    if post.engagers < 0:
        raise InvalidEntryError(f"engagers cannot be negative ({post.engagers})")
    if post.engagers > post.views:
        raise InvalidEntryError(
            f"{post.engagers} engagers is more than the {post.views} views: "
            "everyone who engaged also viewed the post"
        )
    if post.comments < 0:
        raise InvalidEntryError(f"comments cannot be negative ({post.comments})")
    for name, text in (("title", post.title), ("link", post.link)):
        if len(text) > MAX_TEXT_CHARS:
            raise InvalidEntryError(f"the {name} is longer than {MAX_TEXT_CHARS} characters")
    check_day(post.day, today)


def record(post: NewPost, today: dt.date) -> PostInfo:
    check_post(post, today)
    with database.atomic():
        created = Post.create(
            day=post.day,
            views=post.views,
            engagers=post.engagers,
            comments=post.comments,
            title=post.title.strip(),
            link=post.link.strip(),
        )
        return PostInfo.of(created)


def posts() -> list[PostInfo]:
    """Every post, oldest first (the order the engagement chart draws them in)."""
    query = Post.select(
        Post.id, Post.day, Post.title, Post.link, Post.views, Post.engagers, Post.comments
    ).order_by(Post.day, Post.id)
    # Plain rows: a model object per post took most of the time (peewee's types still say Post).
    rows = cast("list[tuple[int, dt.date, str, str, int, int, int]]", list(query.tuples()))
    return [PostInfo(*row) for row in rows]


def rate_of(post: PostInfo) -> float:
    return engagement_rate(post.views, post.engagers)


def rates(newest: int | None = None) -> list[PostRate]:
    """The engagement rate of every post (or of the ``newest`` ones), oldest first."""
    query = (
        Post.select(Post.day, Post.title, Post.views, Post.engagers)
        .order_by(Post.day.desc(), Post.id.desc())
        .limit(newest)
        .tuples()  # plain rows: building a model object per post took most of the time
    )
    # .tuples() yields plain rows, but peewee's types still say Post.
    rows = cast("list[tuple[dt.date, str, int, int]]", list(query))
    return [
        PostRate(day, title, engagement_rate(views, engagers))
        for day, title, views, engagers in reversed(rows)
    ]


def average_rate_90d(today: dt.date) -> float | None:
    """The mean engagement rate of the posts of the last 90 days, in percent."""
    return average_rate(((p.day, rate_of(p)) for p in posts()), today)
