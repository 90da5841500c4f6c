"""The mailbox that carries values between threads while the signals carry only tickets."""

from __future__ import annotations

import threading

from ssi_desktop.workers.mailbox import Mailbox


def test_a_value_is_taken_once_and_by_its_ticket_only() -> None:
    box: Mailbox[str] = Mailbox()
    first, second = box.put("score"), box.put("details")
    assert first != second
    assert box.take(second) == "details"
    assert box.take(second) is None  # taken already
    assert box.take(first) == "score"


def test_clear_drops_what_nobody_took() -> None:
    box: Mailbox[int] = Mailbox()
    ticket = box.put(1)
    box.clear()
    assert box.take(ticket) is None


def test_tickets_stay_unique_across_threads() -> None:
    box: Mailbox[int] = Mailbox()
    tickets: list[int] = []
    lock = threading.Lock()

    def put_many() -> None:
        mine = [box.put(n) for n in range(500)]
        with lock:
            tickets.extend(mine)

    threads = [threading.Thread(target=put_many) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(tickets)) == 2000
    assert all(box.take(t) is not None for t in tickets)
