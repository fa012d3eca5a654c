"""The ``fake_github`` pytest fixture: a started :class:`FakeGitHub`, stopped afterwards."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fakegithub.server import FakeGitHub


@pytest.fixture
def fake_github() -> Iterator[FakeGitHub]:
    gh = FakeGitHub().start()
    try:
        yield gh
    finally:
        gh.stop()
