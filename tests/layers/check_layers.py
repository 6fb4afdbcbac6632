#!/usr/bin/env python3
"""The layers of docs/architecture.md, checked against the code.

The table under "## Layers" says, for each `daybreak::X` target, which other
targets it may use (its last column; a target is named there in backticks,
`daybreak::Y` or `Y`). Every `#include "Y/..."` in src/X/ and every
`daybreak::Y` that src/X/CMakeLists.txt links must be one of them. Prints one
line per arrow the table does not allow, and exits 1 if there is any.

Usage: check_layers.py [ROOT]   (ROOT: the source tree, default: this repo)
       check_layers.py --self-test
"""
import pathlib
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s+"([a-z_]+)/')
LINK = re.compile(r"daybreak::([a-z_]+)")
ROW = re.compile(r"^\|\s*`daybreak::([a-z_]+)`\s*\|.*\|([^|]*)\|\s*$")
NAMED = re.compile(r"`(?:daybreak::)?([a-z_]+)`")


def table(root):
    """{target: set of targets it may use}, from docs/architecture.md."""
    text = (root / "docs" / "architecture.md").read_text(encoding="utf-8")
    section = text.split("## Layers", 1)[1].split("\n## ", 1)[0]
    allowed = {}
    for line in section.splitlines():
        m = ROW.match(line)
        if m:
            allowed[m.group(1)] = set(NAMED.findall(m.group(2)))
    if not allowed:
        raise SystemExit(f"{root}/docs/architecture.md: no layer table under '## Layers'")
    return allowed


def arrows(root, targets):
    """(from, to, where) for every use of one target by another in src/."""
    for folder in sorted((root / "src").iterdir()):
        if not folder.is_dir():
            continue
        source = folder.name
        for path in sorted(folder.rglob("*")):
            if path.suffix in (".cpp", ".hpp", ".h"):
                for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
                    m = INCLUDE.match(line)
                    if m and m.group(1) != source and m.group(1) in targets:
                        yield source, m.group(1), f"{path.relative_to(root)}:{number}"
            elif path.name == "CMakeLists.txt":
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if "target_link_libraries" in line or line.startswith((" ", "\t")):
                        for used in LINK.findall(line.split("#", 1)[0]):
                            if used != source and used in targets:
                                yield source, used, f"{path.relative_to(root)}:{number}"


def check(root):
    allowed = table(root)
    folders = {p.name for p in (root / "src").iterdir() if p.is_dir()}
    problems = [f"src/{f}/: a folder the layer table does not list" for f in sorted(folders - set(allowed))]
    for source, used, where in arrows(root, set(allowed)):
        if source in allowed and used not in allowed[source]:
            problems.append(
                f"{where}: {source} uses {used}, which docs/architecture.md does not allow "
                f"({source} may use: {', '.join(sorted(allowed[source])) or 'nothing'})")
    return problems


def self_test():
    """The checker finds a wrong arrow and passes a right one."""
    with tempfile.TemporaryDirectory() as tmp:
        root = pathlib.Path(tmp)
        (root / "docs").mkdir()
        (root / "docs" / "architecture.md").write_text(
            "# x\n\n## Layers\n\n| target | holds | may use |\n|---|---|---|\n"
            "| `daybreak::domain` | values | the standard library |\n"
            "| `daybreak::app` | use cases | `domain` |\n\n## Next\n", encoding="utf-8")
        for folder in ("domain", "app"):
            (root / "src" / folder).mkdir(parents=True)
        (root / "src" / "app" / "a.cpp").write_text('#include "domain/d.hpp"\n', encoding="utf-8")
        (root / "src" / "domain" / "d.hpp").write_text("#pragma once\n", encoding="utf-8")
        assert check(root) == [], check(root)
        (root / "src" / "domain" / "d.cpp").write_text('#include <vector>\n#include "app/a.hpp"\n', encoding="utf-8")
        (root / "src" / "domain" / "CMakeLists.txt").write_text(
            "target_link_libraries(daybreak_domain PUBLIC daybreak::app)\n", encoding="utf-8")
        found = check(root)
        assert len(found) == 2, found
        assert found[0].startswith("src/domain/CMakeLists.txt:1: domain uses app"), found
        assert found[1].startswith("src/domain/d.cpp:2: domain uses app"), found
        (root / "src" / "extra").mkdir()
        assert "src/extra/: a folder the layer table does not list" in check(root)


def main(argv):
    if argv[1:] == ["--self-test"]:
        self_test()
        print("self-test: a wrong arrow is found, a right one passes")
        return 0
    root = pathlib.Path(argv[1]) if len(argv) > 1 else pathlib.Path(__file__).resolve().parents[2]
    problems = check(root)
    for p in problems:
        print(p)
    if problems:
        return 1
    print(f"layers: every include and link in {root}/src follows docs/architecture.md")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
