"""Read table rows straight off an SQLite file's leaf pages, for rescuing a damaged journal.

When an interior page of a table is damaged, SQLite can no longer reach the leaves below it,
though they are intact. This reads every table-leaf page of the file (the documented SQLite
file format: page header, cell pointers, varints, record header, overflow chains) and tells
the journal's tables apart by the shape of their rows. Pages that do not parse are skipped.
"""

import struct
from collections.abc import Iterator
from typing import Any

TABLE_LEAF = 0x0D
Value = Any


def _varint(data: bytes, at: int) -> tuple[int, int]:
    """An SQLite varint at `at`: (value, position after it)."""
    value = 0
    for i in range(9):
        byte = data[at + i]
        if i == 8:
            return (value << 8) | byte, at + 9
        value = (value << 7) | (byte & 0x7F)
        if byte < 0x80:
            return value, at + i + 1
    raise ValueError("bad varint")


def _value(serial: int, data: bytes, at: int) -> tuple[Value, int]:
    """One column value of a record and the position after it."""
    sizes = {1: 1, 2: 2, 3: 3, 4: 4, 5: 6, 6: 8}
    if serial == 0:
        return None, at
    if serial in sizes:
        size = sizes[serial]
        return int.from_bytes(data[at : at + size], "big", signed=True), at + size
    if serial == 7:
        return struct.unpack(">d", data[at : at + 8])[0], at + 8
    if serial in (8, 9):
        return serial - 8, at
    size = (serial - 12) // 2 if serial % 2 == 0 else (serial - 13) // 2
    raw = data[at : at + size]
    if len(raw) != size:
        raise ValueError("cut-off value")
    return (raw if serial % 2 == 0 else raw.decode("utf-8")), at + size


def _record(payload: bytes) -> list[Value]:
    header_size, at = _varint(payload, 0)
    serials = []
    while at < header_size:
        serial, at = _varint(payload, at)
        serials.append(serial)
    values, at = [], header_size
    for serial in serials:
        value, at = _value(serial, payload, at)
        values.append(value)
    return values


def _payload(data: bytes, page_size: int, at: int, size: int) -> bytes:
    """A cell's whole payload, following its overflow chain when it spills."""
    usable = page_size
    most, least = usable - 35, ((usable - 12) * 32 // 255) - 23
    if size <= most:
        return data[at : at + size]
    local = least + (size - least) % (usable - 4)
    local = local if local <= most else least
    parts = [data[at : at + local]]
    page = int.from_bytes(data[at + local : at + local + 4], "big")
    seen = set()
    while page and page not in seen and sum(map(len, parts)) < size:
        seen.add(page)
        start = (page - 1) * page_size
        parts.append(data[start + 4 : start + page_size])
        page = int.from_bytes(data[start : start + 4], "big")
    return b"".join(parts)[:size]


def _leaf_rows(data: bytes, page_size: int, number: int) -> Iterator[tuple[int, list[Value]]]:
    base = (number - 1) * page_size
    head = base + (100 if number == 1 else 0)
    if data[head] != TABLE_LEAF:
        return
    cells = int.from_bytes(data[head + 3 : head + 5], "big")
    for index in range(cells):
        try:
            pointer = int.from_bytes(data[head + 8 + 2 * index : head + 10 + 2 * index], "big")
            size, at = _varint(data, base + pointer)
            rowid, at = _varint(data, at)
            yield rowid, _record(_payload(data, page_size, at, size))
        except (ValueError, IndexError, UnicodeDecodeError):
            continue


def leaf_rows(data: bytes) -> Iterator[tuple[int, list[Value]]]:
    """(rowid, column values) of every readable row on every table-leaf page."""
    if len(data) < 100:
        return
    page_size = int.from_bytes(data[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512:
        return
    for number in range(1, len(data) // page_size + 1):
        yield from _leaf_rows(data, page_size, number)


def _table_of(values: list[Value]) -> str | None:
    """Which journal table a row belongs to, by its shape (None: not a journal row)."""
    if not values or values[0] is not None:
        return None  # journal rows keep their id as the rowid, so column 0 is NULL
    kinds = [type(v) for v in values]
    if len(values) == 14 and kinds[1] is int and kinds[3] is str:
        return "turns"
    if len(values) == 6 and kinds[1] is str:
        return "sessions"
    if len(values) == 6 and kinds[1] is int and kinds[2] is int:
        return "follow_ups"
    if len(values) == 5 and kinds[1] is int:
        return "commitments"
    return None


def journal_rows(data: bytes) -> dict[str, dict[int, list[Value]]]:
    """Table → id → column values, for every journal row found on a leaf page."""
    found: dict[str, dict[int, list[Value]]] = {}
    for rowid, values in leaf_rows(data):
        table = _table_of(values)
        if table is not None:
            found.setdefault(table, {}).setdefault(rowid, [rowid, *values[1:]])
    return found
