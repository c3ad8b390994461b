"""The shape of the Rust core: no two modules depend on each other, directly or in a loop."""

from __future__ import annotations

import re
from pathlib import Path

SRC = Path(__file__).resolve().parent.parent / "src"

# Folders whose files still depend on each other, each with the reason. src/names/ is being split
# into modules named for its concerns on another branch (issue 19); remove it from here then.
TANGLED_FOLDERS: set[str] = set()


def _module(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "mod":
        parts.pop()
    return "::".join(parts)


def _library_text(path: Path) -> str:
    """The file without its unit tests: a test may use what the module must not depend on."""
    text = path.read_text(encoding="utf-8")
    cut = re.search(r"^#\[cfg\(test\)\]\s*\nmod tests", text, re.M)
    return text[: cut.start()] if cut else text


def _graph() -> dict[str, set[str]]:
    files = {_module(p): p for p in SRC.rglob("*.rs") if p.name not in ("lib.rs", "python.rs")}
    # Files compiled only for tests (`#[cfg(test)] mod gold;`) are tests too.
    test_only = set()
    for name, path in files.items():
        for child in re.findall(r"^#\[cfg\(test\)\]\s*\nmod (\w+);", path.read_text(encoding="utf-8"), re.M):
            test_only.add(f"{name}::{child}" if name else child)
    graph: dict[str, set[str]] = {}
    for name, path in files.items():
        if name in test_only:
            continue
        text = _library_text(path)
        parent = name.rsplit("::", 1)[0] if "::" in name else ""
        folder = name if path.name == "mod.rs" else parent
        deps = set()
        for first, second in re.findall(r"\bcrate::(\w+)(?:::(\w+))?", text):
            deps.add(f"{first}::{second}" if f"{first}::{second}" in files else first)
        # `super::x` and `use super::{x, y}`: a sibling module, or an item of the parent.
        items = re.findall(r"\bsuper::(\w+)", text)
        for group in re.findall(r"\bsuper::\{([^}]*)\}", text):
            items += re.findall(r"^\s*(\w+)", group) + re.findall(r",\s*(\w+)", group)
        for item in items:
            target = f"{parent}::{item}" if parent else item
            deps.add(target if target in files else parent)
        for group in re.findall(r"\bcrate::\{([^}]*)\}", text):
            deps.update(g for g in re.findall(r"(?:^|,)\s*(\w+)", group) if g in files)
        if path.name == "mod.rs":  # a folder's mod.rs naming its own modules (`evidence::x`)
            deps.update(f"{folder}::{item}" for item in re.findall(r"(?<!::)\b(\w+)::", text) if f"{folder}::{item}" in files)
        graph[name] = {d for d in deps if d in files and d != name and d not in test_only}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def test_the_checker_sees_a_cycle():
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert _cycles({"a": {"b"}, "b": set()}) == []


def test_no_two_modules_depend_on_each_other():
    graph = _graph()
    assert {"extract", "roles", "mention", "numeric::interpret", "numeric::rules"} <= graph.keys()
    assert "mention" in graph["roles"] and "roles" in graph["extract"], "the graph sees `crate::` paths"
    assert "numeric::calendar" in graph["numeric::interpret"], "and `super::` paths"
    assert "html::text" in graph["html::metadata"], "and `use super::{..}` groups"
    cycles = [c for c in _cycles(graph) if not all(m.split("::")[0] in TANGLED_FOLDERS for m in c)]
    assert cycles == [], f"modules that depend on each other: {cycles}"
