"""Shared fixtures for the bindings' tests, and two guards on the run itself."""
import json
import os
import pathlib

import pytest

import jiuye

DATA_DIR = pathlib.Path(__file__).resolve().parent.parent / "data"


def pytest_configure(config):
    # CTest says which package it built; make sure that is the one imported
    # (not one installed elsewhere on the path).
    expected = os.environ.get("JIUYE_EXPECTED_PACKAGE_DIR")
    if expected:
        found = pathlib.Path(jiuye.__file__).resolve().parent
        if found != pathlib.Path(expected).resolve():
            raise pytest.UsageError(f"imported jiuye from {found}, expected {expected}")


def pytest_sessionfinish(session, exitstatus):
    # A run that collected nothing is a failure, never a pass or "no tests" (5).
    if exitstatus == pytest.ExitCode.NO_TESTS_COLLECTED:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


@pytest.fixture
def county():
    """A fresh default county profile, closed after the test."""
    with jiuye.County.default() as c:
        yield c


@pytest.fixture(scope="session")
def vectors():
    """tests/data/id-vectors.json: ID numbers and credit codes with sources."""
    with open(DATA_DIR / "id-vectors.json", encoding="utf-8") as f:
        return json.load(f)
