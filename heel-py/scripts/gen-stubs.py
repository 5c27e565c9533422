#!/usr/bin/env python3
"""Writes heel-py/python/heel/_heel.pyi, the types of the native module, and
heel-py/python/heel/_catalog.py, the catalog's TypedDicts, from the JSON
Schemas in schema/ (which heel-core generates from its Rust types), as
heel-wasm/scripts/gen-types.mjs writes the TypeScript types.

    python3 heel-py/scripts/gen-stubs.py           write the file
    python3 heel-py/scripts/gen-stubs.py --check   fail if it is out of date

Every document class gets one read-only property per schema field, typed from
the schema; only what is not a field (the module's functions, a few methods
such as ``Report.condition``) is written here by hand. The catalog is static
data and comes as plain dicts and lists: one TypedDict per schema object
(``AnswerSpec``, a tagged union, is a Union of one TypedDict per variant). The test suite checks
the stubs against the compiled module with ``mypy.stubtest``.
"""

from __future__ import annotations

import json
import keyword
import re
import textwrap
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TARGET = ROOT / "heel-py" / "python" / "heel" / "_heel.pyi"
CATALOG_TARGET = ROOT / "heel-py" / "python" / "heel" / "_catalog.py"

# Enums with a Literal alias in heel/_types.py; other ids are plain `str`.
ALIASES = {"Setting", "TriageLevel", "ReasonKind", "Professional", "StopReason"}

# (class, schema file, $defs name or None for the document itself, extra members)
TO_DICT = "def to_dict(self) -> dict[str, Any]: ..."
TO_JSON = "def to_json(self, *, indent: Optional[int] = None) -> str: ..."
EQ = "def __eq__(self, other: object, /) -> bool: ..."
CLASSES: list[tuple[str, str, str | None, list[str]]] = [
    (
        "Report",
        "report",
        None,
        [
            "@property\n    def top(self) -> ConditionResult: ...",
            "def condition(self, id: str) -> ConditionResult: ...",
            TO_DICT,
            TO_JSON,
            "def _repr_html_(self) -> str: ...",
            "def __reduce__(self) -> tuple[Any, tuple[str]]: ...",
            EQ,
        ],
    ),
    ("ConditionResult", "report", "ConditionResult", [TO_DICT, EQ]),
    ("Contribution", "report", "Contribution", [TO_DICT, EQ]),
    ("Triage", "report", "Triage", [TO_DICT, EQ]),
    ("TriageReason", "report", "TriageReason", [TO_DICT, EQ]),
    ("CarePlan", "report", "CarePlan", [TO_DICT, EQ]),
    ("CareStep", "report", "CareStep", [TO_DICT, EQ]),
    ("NextQuestions", "next-questions", None, [TO_DICT, TO_JSON, EQ]),
    ("Question", "next-questions", "Question", [TO_DICT, EQ]),
    (
        "Parsed",
        "parsed",
        None,
        [TO_DICT, TO_JSON, "def __reduce__(self) -> tuple[Any, tuple[str]]: ...", EQ],
    ),
    ("Finding", "parsed", "Finding", [TO_DICT, EQ]),
    ("Span", "parsed", "Span", [TO_DICT, EQ]),
]
# Schema types the binding hands over as plain Python values: an input
# document again (a dict), or an answer that is an id or a number.
PLAIN_REFS = {"Assessment": "dict[str, Any]", "FoundAnswer": "Union[str, float]"}
CLASS_NAMES = {c[0] for c in CLASSES}

HEADER = '''# Types of the native module heel._heel (heel-py/src/). Generated from
# schema/ by heel-py/scripts/gen-stubs.py: do not edit by hand. Checked
# against the compiled module by `python -m mypy.stubtest heel` in the test
# suite, and against schema/ by `gen-stubs.py --check`.

from typing import Any, Iterable, Mapping, Optional, Union, final

from ._catalog import Catalog
from ._types import (
    AnswerType,
    AssessmentLike,
    Professional,
    ReasonKind,
    Setting,
    StopReason,
    TriageLevel,
)

__all__ = [
{all}
]
__version__: str
NOTICE: str

def assess(assessment: AssessmentLike, /) -> Report: ...
def assess_many(assessments: Iterable[AssessmentLike], /) -> list[Report]: ...
def next_questions(
    assessment: AssessmentLike,
    options: Union[str, Mapping[str, Any], None] = None,
    /,
) -> NextQuestions: ...
# The catalog is static data: plain dicts and lists (see heel._catalog).
def catalog() -> Catalog: ...

# FHIR R4 resources are plain JSON dicts (docs/fhir.md describes them).
def fhir_questionnaire() -> dict[str, Any]: ...
def fhir_bundle(assessment_or_response: AssessmentLike, /) -> dict[str, Any]: ...
def assessment_from_fhir(response: Union[str, Mapping[str, Any]], /) -> dict[str, Any]: ...
def _report_from_json(document: str, /) -> Report: ...
# The batch path behind assess_frame (heel-py/src/batch.rs).
def _score_columns(
    columns: list[tuple[str, bytes, Optional[list[Any]]]], rows: int, /
) -> tuple[bytes, bytes, bytes, bytes, list[str], list[str]]: ...
def parse(text: str, /) -> Parsed: ...
def _parsed_from_json(document: str, /) -> Parsed: ...
'''
FUNCTIONS = [
    "NOTICE",
    "__version__",
    "_parsed_from_json",
    "_report_from_json",
    "_score_columns",
    "assess",
    "assess_many",
    "assessment_from_fhir",
    "catalog",
    "fhir_bundle",
    "fhir_questionnaire",
    "next_questions",
    "parse",
]


def load(name: str) -> dict:
    return json.loads((ROOT / "schema" / f"{name}.schema.json").read_text(encoding="utf-8"))


def python_type(prop: dict, defs: dict, classes: frozenset[str] = frozenset(CLASS_NAMES)) -> str:
    """The Python type of a schema property, as the binding returns it
    (`classes`: the schema objects that have a Python type of their own)."""
    if "$ref" in prop:
        name = prop["$ref"].rsplit("/", 1)[1]
        target = defs[name]
        if name in PLAIN_REFS:
            return PLAIN_REFS[name]
        if name in classes:
            return name
        if "enum" in target or "oneOf" in target and all("const" in o for o in target["oneOf"]):
            return name if name in ALIASES else "str"
        raise SystemExit(f"gen-stubs: no Python type for $ref {name}")
    for key in ("anyOf", "oneOf"):
        if key in prop:
            options = [o for o in prop[key] if o.get("type") != "null"]
            nullable = len(options) < len(prop[key])
            inner = {python_type(o, defs, classes) for o in options}
            if len(inner) != 1:
                raise SystemExit(f"gen-stubs: a union of {sorted(inner)} has no Python type here")
            t = inner.pop()
            return f"Optional[{t}]" if nullable else t
    types = prop.get("type")
    if isinstance(types, list):
        rest = [t for t in types if t != "null"]
        t = python_type({**prop, "type": rest[0]}, defs, classes)
        return f"Optional[{t}]" if "null" in types else t
    if "enum" in prop:
        return "str"
    if types == "string":
        return "str"
    if types == "number":
        return "float"
    if types == "integer":
        return "int"
    if types == "boolean":
        return "bool"
    if types == "array":
        return f"list[{python_type(prop['items'], defs, classes)}]"
    raise SystemExit(f"gen-stubs: no Python type for {json.dumps(prop)[:200]}")


def fields(schema: dict, defs: dict) -> list[tuple[str, str]]:
    """(name, type) of an object's properties: the required ones in the Rust
    declaration order (the schema's `required`), then the others by name."""
    if "oneOf" in schema:
        return variant_fields(schema, defs)
    props = schema["properties"]
    order = list(schema.get("required", [])) + sorted(set(props) - set(schema.get("required", [])))
    return [(name, python_type(props[name], defs)) for name in order]


def variant_fields(schema: dict, defs: dict) -> list[tuple[str, str]]:
    """A tagged union (AnswerSpec) as one class: the tag is the AnswerType
    literal; a list a variant lacks is empty, any other field it lacks None."""
    variants = schema["oneOf"]
    order: list[str] = []
    for v in variants:
        order += [p for p in v.get("required", list(v["properties"])) if p not in order]
    out = []
    for name in order:
        present = [v["properties"][name] for v in variants if name in v["properties"]]
        if name == "type":
            out.append((name, "AnswerType"))
            continue
        t = python_type(present[0], defs)
        if len(present) < len(variants) and not t.startswith(("list[", "Optional[")):
            t = f"Optional[{t}]"
        out.append((name, t))
    return out


def render() -> str:
    schemas = {name: load(name) for name in ("report", "next-questions", "catalog", "parsed")}
    # Classes first, then the module's names, each in code-point order.
    all_names = sorted([c[0] for c in CLASSES] + FUNCTIONS, key=lambda n: (n[0].islower() or n[0] == "_", n))
    out = [HEADER.replace("{all}", "\n".join(f'    "{n}",' for n in all_names))]
    for cls, file, def_name, extras in CLASSES:
        schema = schemas[file]
        defs = schema.get("$defs", {})
        body = defs[def_name] if def_name else schema
        out.append(f"\n@final\nclass {cls}:\n")
        for name, t in fields(body, defs):
            attr = f"{name}_" if keyword.iskeyword(name) else name
            out.append(f"    @property\n    def {attr}(self) -> {t}: ...\n")
        for extra in extras:
            out.append(f"    {extra}\n")
    return "".join(out)


CATALOG_HEADER = '''"""The catalog's types: ``heel.catalog()`` returns plain dicts and lists, typed
by these TypedDicts. Generated from schema/catalog.schema.json by
heel-py/scripts/gen-stubs.py: do not edit by hand (``gen-stubs.py --check`` in
the test suite fails when it drifts from the schema)."""

from __future__ import annotations

from typing import Literal, Optional, TypedDict, Union

from ._types import Professional, Setting, TriageLevel
'''

# The variants of the AnswerSpec union, by their `type` tag.
ANSWER_VARIANTS = {
    "yes_no": "YesNoAnswer",
    "choice": "ChoiceAnswer",
    "locations": "LocationsAnswer",
    "number": "NumberAnswer",
}


def doc_line(node: dict) -> str:
    """A schema description as one line of reStructuredText: Rust doc links
    ([`x`] or [`x`](path)) become plain literals."""
    text = " ".join(node.get("description", "").split())
    text = re.sub(r"\[`([^`]+)`\](\([^)]*\))?", r"`\1`", text)
    return text.replace("`", "``")


def comment(text: str, indent: str) -> str:
    """`text` as `#:` comment lines of at most 100 columns."""
    width = 100 - len(indent) - 3
    return "".join(f"{indent}#: {line}\n" for line in textwrap.wrap(text, width) or [""])


def typed_dict(name: str, body: dict, defs: dict, classes: frozenset[str], tag: str | None = None) -> str:
    """One TypedDict: class syntax, or the functional one when a key is not
    a Python name (CatalogBand's `from`). Keys in the document's order."""
    props = body["properties"]
    order = list(body.get("required", [])) + sorted(set(props) - set(body.get("required", [])))
    pairs = []
    for key in order:
        if key == "type" and tag is not None:
            pairs.append((key, f'Literal["{tag}"]', "The answer type."))
        else:
            pairs.append((key, python_type(props[key], defs, classes), doc_line(props[key])))
    if any(keyword.iskeyword(k) for k, _, _ in pairs):
        entries = "".join(f'        "{k}": {t},\n' for k, t, _ in pairs)
        quoted = ", ".join(f'"{k}"' for k, _, _ in pairs)
        return (
            f"\n\n{comment(f'{doc_line(body)} Keys: {quoted}.', '')}"
            f'{name} = TypedDict(\n    "{name}",\n    {{\n{entries}    }},\n)\n'
            f'{name}.__doc__ = "{doc_line(body)}"\n'
        )
    lines = [f"\n\nclass {name}(TypedDict):\n", f'    """{doc_line(body)}"""\n\n']
    for key, t, doc in pairs:
        lines.append(f"{comment(doc, '    ')}    {key}: {t}\n")
    return "".join(lines)


def render_catalog() -> str:
    schema = load("catalog")
    defs = schema["$defs"]
    objects = [n for n, d in defs.items() if "properties" in d]
    classes = frozenset(objects + ["AnswerSpec"])
    # Dependencies first: the functional form evaluates its types at once.
    done: list[str] = []

    def visit(name: str) -> None:
        if name in done or name not in classes:
            return
        body = defs[name]
        text = json.dumps(body)
        for other in sorted(classes):
            if f'"#/$defs/{other}"' in text:
                visit(other)
        if name == "AnswerSpec":
            for variant in body["oneOf"]:
                text = json.dumps(variant)
                for other in sorted(classes):
                    if f'"#/$defs/{other}"' in text:
                        visit(other)
        done.append(name)

    for name in sorted(objects) + ["AnswerSpec"]:
        visit(name)
    out = [CATALOG_HEADER]
    for name in done:
        body = defs[name]
        if name == "AnswerSpec":
            names = []
            for variant in body["oneOf"]:
                tag = variant["properties"]["type"]["const"]
                names.append(ANSWER_VARIANTS[tag])
                out.append(typed_dict(ANSWER_VARIANTS[tag], variant, defs, classes, tag))
            out.append("\n\n" + comment(f"How a question is answered: one of {', '.join(names)}, told apart by ``type``.", ""))
            out.append(f"AnswerSpec = Union[{', '.join(names)}]\n")
        else:
            out.append(typed_dict(name, body, defs, classes))
    out.append(typed_dict("Catalog", schema, defs, classes))
    exported = sorted(done + list(ANSWER_VARIANTS.values()) + ["Catalog"])
    out.append("\n\n__all__ = [\n" + "".join(f'    "{n}",\n' for n in exported) + "]\n")
    return "".join(out)


def main() -> int:
    outputs = [(TARGET, render()), (CATALOG_TARGET, render_catalog())]
    if "--check" in sys.argv[1:]:
        stale = [t for t, text in outputs if not t.exists() or t.read_text(encoding="utf-8") != text]
        for t in stale:
            print(
                f"{t.relative_to(ROOT)} is out of date with schema/: "
                "run python3 heel-py/scripts/gen-stubs.py",
                file=sys.stderr,
            )
        if stale:
            return 1
        for t, _ in outputs:
            print(f"ok  {t.relative_to(ROOT)} matches schema/")
        return 0
    for t, text in outputs:
        t.write_text(text, encoding="utf-8")
        print(f"wrote {t.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
