"""Derive the attribute table of EPUBCheck's XHTML schema (``checks/rules/xhtml_attributes.json``).

EPUBCheck validates XHTML content documents with the Nu Html Checker's RELAX NG
schemas, patched for EPUB (``src/main/resources/com/adobe/epubcheck/schema/30/mod``:
``epub-xhtml-inc.rnc``, ``html5/*.rnc``, ``datatypes.rnc`` and ``epub-shared-inc.rnc``).
This script converts them to RELAX NG's XML syntax with ``rnc2rng`` and lists, for
every HTML (and EPUB) element, the attributes any of its patterns allows and the value
patterns each may take. The union over an element's patterns (an ``input`` of any
type, an ``a`` with or without ``href``) is what the table keeps, so a check built on
it never rejects an attribute that some pattern of the element accepts.

Run it outside the project (``rnc2rng`` is not a dependency)::

    python -m venv /tmp/rnc && /tmp/rnc/bin/pip install rnc2rng==2.7.0 lxml
    /tmp/rnc/bin/python scripts/derive_xhtml_attributes.py \\
        EPUBCHECK/src/main/resources/com/adobe/epubcheck/schema/30 \\
        > src/newsformats/checks/rules/xhtml_attributes.json
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from lxml import etree

RNG = "{http://relaxng.org/ns/structure/1.0}"
XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
NAMESPACE = re.compile(r'^\s*(default\s+)?namespace\s+(\w*)\s*=\s*"([^"]*)"\s*$', re.M)
# the element namespaces whose attributes the table keeps, by the prefix the check uses
ELEMENT_NAMESPACES = {XHTML: "", EPUB: "epub:"}


def convert(schema_dir: Path) -> list[etree._Element]:
    """The XHTML grammar and EPUB's shared definitions, as RELAX NG XML."""
    work = Path(tempfile.mkdtemp())
    try:
        shutil.copytree(schema_dir / "mod", work / "mod")
        files = list((work / "mod").rglob("*.rnc"))
        declarations: dict[str, str] = {}
        for file in files:
            for default, prefix, uri in NAMESPACE.findall(file.read_text()):
                if not default and prefix:
                    declarations[prefix] = uri
        header = "".join(f'namespace {p} = "{u}"\n' for p, u in sorted(declarations.items()))
        for file in files:
            # rnc2rng 2.7 reads neither single-quoted literals nor included files that
            # declare namespaces of their own: quote with ", declare every prefix everywhere
            text = re.sub(r"'([^'\"]*)'", r'"\1"', NAMESPACE.sub("", file.read_text()))
            file.write_text(f'default namespace = "{XHTML}"\n{header}{text}')
        grammars = []
        for top in ("epub-xhtml-inc.rnc", "epub-shared-inc.rnc"):
            xml = subprocess.run(
                [sys.executable, "-m", "rnc2rng", top],
                cwd=work / "mod",
                check=True,
                capture_output=True,
            ).stdout
            # XML cannot bind a prefix to no namespace; "local:" names resolve to "" below
            grammars.append(etree.fromstring(re.sub(rb'\s+xmlns:\w+=""', b"", xml)))
        return grammars
    finally:
        shutil.rmtree(work)


def defines(grammars: list[etree._Element]) -> dict[str, list[etree._Element]]:
    """Every define by name; overrides and ``&=``/``|=`` combinations are all kept (a union)."""
    found: dict[str, list[etree._Element]] = {}
    for grammar in grammars:
        for define in grammar.iter(f"{RNG}define"):
            found.setdefault(str(define.get("name")), []).append(define)
    return found


def _name(node: etree._Element) -> tuple[str, str] | None:
    """The (namespace, local name) of an element or attribute pattern, or None for a class."""
    name = node.get("name")
    if name is not None:
        if ":" in name:
            prefix, local = name.split(":", 1)
            return str(node.nsmap.get(prefix, "")), local
        if node.tag == f"{RNG}attribute":
            return "", name
        ns = next((a.get("ns") for a in node.iterancestors() if a.get("ns") is not None), "")
        return str(node.get("ns", ns)), name
    first = next((c for c in node if isinstance(c.tag, str)), None)
    if first is not None and first.tag == f"{RNG}name":
        return str(first.get("ns", "")), str(first.text).strip()
    return None


class Deriver:
    """Walks element patterns to their attributes, and attribute patterns to value specs."""

    def __init__(self, grammars: list[etree._Element]) -> None:
        self.defines = defines(grammars)

    def attributes(self, pattern: etree._Element) -> tuple[dict[str, list[Any]], bool]:
        """The attributes an element pattern allows (qualified name -> value specs), and
        whether it allows any attribute (a name class)."""
        found: dict[str, list[Any]] = {}
        seen: set[str] = set()
        open_ = False

        def walk(node: etree._Element) -> None:
            nonlocal open_
            for child in node:
                if not isinstance(child.tag, str) or not child.tag.startswith(RNG):
                    continue
                kind = child.tag[len(RNG) :]
                if kind in ("element", "notAllowed"):
                    continue
                if kind == "attribute":
                    name = _name(child)
                    if name is None:
                        open_ = True
                        continue
                    key = f"{{{name[0]}}}{name[1]}" if name[0] else name[1]
                    value = [c for c in child if isinstance(c.tag, str) and c.tag != f"{RNG}name"]
                    spec = self.value(value[0]) if value else ["any"]
                    if spec not in found.setdefault(key, []):
                        found[key].append(spec)
                elif kind == "ref":
                    ref = str(child.get("name"))
                    if ref not in seen:
                        seen.add(ref)
                        for define in self.defines.get(ref, []):
                            walk(define)
                else:
                    walk(child)

        walk(pattern)
        return found, open_

    def value(self, node: etree._Element) -> Any:
        """A value pattern as a small JSON spec the check interprets (``any`` when unsure)."""
        kind = node.tag[len(RNG) :] if isinstance(node.tag, str) else ""
        parts = [c for c in node if isinstance(c.tag, str) and c.tag.startswith(RNG)]
        if kind in ("text",):
            return ["any"]
        if kind == "empty":
            return ["value", "", "token"]
        if kind == "value":
            return ["value", node.text or "", node.get("type", "token")]
        if kind == "data":
            params = {str(p.get("name")): str(p.text) for p in parts if p.tag == f"{RNG}param"}
            if any(p.tag == f"{RNG}except" for p in parts):
                return ["any"]
            return ["data", node.get("type", "string"), params]
        if kind == "ref":
            found = self.defines.get(str(node.get("name")), [])
            options = [self.value(self._body(d)) for d in found]
            return options[0] if len(options) == 1 else ["choice", options]
        if kind == "choice":
            return ["choice", [self.value(p) for p in parts]]
        if kind == "list":
            return ["list", self._items(node)]
        if kind in ("optional", "zeroOrMore", "oneOrMore", "group") and len(parts) == 1:
            if kind == "optional":
                return ["choice", [["value", "", "token"], self.value(parts[0])]]
            return self.value(parts[0])
        return ["any"]

    def _body(self, define: etree._Element) -> etree._Element:
        parts = [c for c in define if isinstance(c.tag, str) and c.tag.startswith(RNG)]
        if len(parts) == 1:
            return parts[0]
        group = etree.Element(f"{RNG}group")
        group.extend(parts)
        return group

    def _items(self, node: etree._Element) -> list[Any]:
        """The specs a token of a list may match (order and counts are not kept)."""
        items: list[Any] = []
        for child in node:
            if not isinstance(child.tag, str) or not child.tag.startswith(RNG):
                continue
            kind = child.tag[len(RNG) :]
            if kind in ("optional", "zeroOrMore", "oneOrMore", "group", "interleave"):
                items += self._items(child)
            elif kind == "ref":
                for define in self.defines.get(str(child.get("name")), []):
                    body = self._body(define)
                    items += self._items(body) if body.tag == f"{RNG}group" else [self.value(body)]
            else:
                items.append(self.value(child))
        return items


def xsd_to_python(pattern: str) -> str | None:
    """An XML Schema regular expression as a Python one for ``re.fullmatch``, or None.

    XML Schema's ``\\s`` is four characters, ``^`` and ``$`` are literals outside a
    class; name classes (``\\i``, ``\\c``), class subtraction and Unicode blocks have
    no Python twin, so such a pattern is not kept (the check then accepts any value).
    """
    if re.search(r"\\[icIC]|-\[|\\[pP]\{", pattern):
        return None
    out, in_class, i = [], False, 0
    while i < len(pattern):
        char = pattern[i]
        if char == "\\" and i + 1 < len(pattern):
            pair = pattern[i : i + 2]
            hexa = re.match(r"\\x\{([0-9A-Fa-f]+)\}", pattern[i:])
            if hexa:
                out.append(f"\\U{int(hexa.group(1), 16):08X}")
                i += len(hexa.group(0))
                continue
            if pair in ("\\s", "\\S"):
                space = " \\t\\n\\r"
                if in_class and pair == "\\s":
                    out.append(space)
                elif pair == "\\s":
                    out.append(f"[{space}]")
                elif not in_class:
                    out.append(f"[^{space}]")
                else:
                    return None
            else:
                out.append(pair)
            i += 2
            continue
        if char == "[" and not in_class:
            in_class = True
        elif char == "]" and in_class:
            in_class = False
        elif char in "^$" and not in_class:
            char = "\\" + char
        out.append(char)
        i += 1
    python = "".join(out)
    try:
        re.compile(python)
    except re.error:
        return None
    return python


def compact(spec: Any) -> Any:
    """A spec with XML Schema patterns made Python's, and choices holding ``any`` made ``any``."""
    kind = spec[0]
    if kind == "data":
        params = dict(spec[2])
        if "pattern" in params:
            python = xsd_to_python(params["pattern"])
            if python is None:
                return ["any"]
            params["pattern"] = python
        return ["data", spec[1], params]
    if kind == "choice":
        options: list[Any] = []
        for option in (compact(o) for o in spec[1]):
            if option == ["any"]:
                return ["any"]
            for flat in option[1] if option[0] == "choice" else [option]:
                if flat not in options:
                    options.append(flat)
        return options[0] if len(options) == 1 else ["choice", options]
    if kind == "list":
        items = [compact(i) for i in spec[1]]
        return ["any"] if ["any"] in items else ["list", items]
    return spec


def table(grammars: list[etree._Element]) -> dict[str, Any]:
    """Value specs, the attributes every element allows, and each element's differences."""
    deriver = Deriver(grammars)
    elements: dict[str, dict[str, Any]] = {}
    open_elements: set[str] = set()
    for grammar in grammars:
        for pattern in grammar.iter(f"{RNG}element"):
            name = _name(pattern)
            if name is None or name[0] not in ELEMENT_NAMESPACES:
                continue
            key = ELEMENT_NAMESPACES[name[0]] + name[1]
            found, open_ = deriver.attributes(pattern)
            if open_:
                open_elements.add(key)
            merged = elements.setdefault(key, {})
            for attribute, specs in found.items():
                old = merged.get(attribute)
                merged[attribute] = compact(["choice", ([old] if old else []) + specs])
    specs: list[Any] = []

    def intern(spec: Any) -> int:
        if spec not in specs:
            specs.append(spec)
        return specs.index(spec)

    by_element = {e: {a: intern(s) for a, s in attrs.items()} for e, attrs in elements.items()}
    html = [e for e in by_element if not e.startswith("epub:")]
    shared = {
        a: i
        for a, i in by_element["div"].items()
        if sum(by_element[e].get(a) == i for e in html) > len(html) // 2
    }
    return {
        "source": SOURCE,
        "specs": specs,
        "global": shared,
        "elements": {
            e: {
                "more": {a: i for a, i in sorted(attrs.items()) if shared.get(a) != i},
                "not": sorted(a for a in shared if a not in attrs),
            }
            for e, attrs in sorted(by_element.items())
        },
        "open": sorted(open_elements),
    }


SOURCE = (
    "Derived by scripts/derive_xhtml_attributes.py from EPUBCheck's XHTML schema "
    "(https://github.com/w3c/epubcheck, src/main/resources/com/adobe/epubcheck/schema/30/mod: "
    "epub-xhtml-inc.rnc, epub-shared-inc.rnc, datatypes.rnc and html5/*.rnc). EPUBCheck is "
    "Copyright (c) 2007 Adobe Systems Incorporated, 2008 IDPF, 2017 W3C, under the BSD 3-Clause "
    "licence; its html5 schemas are the Nu Html Checker's, Copyright (c) 2005-2007 Elika J. "
    "Etemad (fantasai) and Henri Sivonen (hsivonen), Copyright (c) 2007-2012 Mozilla "
    "Foundation, under the MIT licence. Both licences are in xhtml_attributes.NOTICE."
)


def main() -> None:
    schema_dir = Path(sys.argv[1])
    derived = table(convert(schema_dir))
    json.dump(derived, sys.stdout, indent=0, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
