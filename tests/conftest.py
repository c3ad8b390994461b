"""Shared fixtures: the repository's seeds and their hand annotations (copied from the project's
gold file into tests/data so the tests need nothing outside the repository)."""

from __future__ import annotations

from pathlib import Path

import pytest

import congress_corpus as cc
from congress_corpus import evaluate

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
GOLD = Path(__file__).with_name("data") / "gold_seeds.jsonl"


def load_gold() -> dict[str, dict]:
    return evaluate.load_gold(GOLD)


@pytest.fixture(scope="session")
def gold() -> dict[str, dict]:
    return load_gold()


@pytest.fixture(scope="session")
def seeds_corpus() -> cc.Corpus:
    return cc.load(SEEDS)
