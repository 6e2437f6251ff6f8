"""Check payloads the bot sends to Discord against Discord's published OpenAPI spec.

The spec (``shared/discord/openapi.json`` beside the repo checkout) is Discord's own description of
the v10 HTTP API, so a payload that passes here is one Discord's request validation accepts, not
merely one that looks right to us. On top of the spec, the helpers enforce the documented limits
the spec leaves out (embed totals, non-empty fields, command naming rules...).

Every public ``validate_*`` function returns None or raises ``AssertionError`` listing every
problem found, each with a JSON path and the rule it comes from, so a failing test says what to fix.

Two deliberate departures from the raw spec, both applied when it is loaded:

* Request schemas are made closed-world (``unevaluatedProperties: false``). Discord silently drops
  keys it does not know, so a typo such as ``"colour"`` would otherwise pass here and vanish in
  production; the spec itself only closes one schema (``InnerErrors``).
* Properties Discord documents and discord.py sends but the spec omits are added back (see
  ``_SPEC_GAPS``), otherwise closing the schemas would reject what the library produces.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import jsonschema
import referencing
from jsonschema.exceptions import ValidationError
from referencing.jsonschema import DRAFT202012

__all__ = [
    "SPEC_PATH",
    "load_spec",
    "validate_autocomplete",
    "validate_command",
    "validate_embed",
    "validate_message",
    "validate_schema",
]

SPEC_PATH = Path(__file__).resolve().parents[2] / "shared" / "discord" / "openapi.json"
# Only an identifier for the registry: nothing is ever fetched from it, hence the reserved TLD.
SPEC_URI = "https://discord-openapi.invalid/openapi.json"

CALLBACK_PATH = "/interactions/{interaction_id}/{interaction_token}/callback"
MESSAGE_CREATE_PATH = "/channels/{channel_id}/messages"

# Limits from https://discord.com/developers/docs/resources/message#embed-object-embed-limits and
# the interaction/application-command pages; several are absent from the spec, all are checked
# here so a looser spec revision cannot hide a regression.
EMBED_TITLE_MAX = 256
EMBED_DESCRIPTION_MAX = 4096
EMBED_FIELDS_MAX = 25
EMBED_FIELD_NAME_MAX = 256
EMBED_FIELD_VALUE_MAX = 1024
EMBED_FOOTER_MAX = 2048
EMBED_AUTHOR_MAX = 256
EMBED_TOTAL_MAX = 6000
MESSAGE_CONTENT_MAX = 2000
MESSAGE_EMBEDS_MAX = 10
CHOICES_MAX = 25
CHOICE_NAME_MAX = 100
CHOICE_VALUE_MAX = 100
COMMAND_NAME_MAX = 32
COMMAND_DESCRIPTION_MAX = 100

EPHEMERAL = 1 << 6
# Flags Discord accepts on messages an app sends; anything else is rejected with a 400.
SENDABLE_FLAGS = (1 << 2) | EPHEMERAL | (1 << 12) | (1 << 15)
MESSAGE_KEYS = frozenset({"content", "embeds", "allowed_mentions", "flags", "components"})
CHAT_INPUT = 1
SUBCOMMAND_TYPES = frozenset({1, 2})
STRING_OPTION = 3

# Documented request properties missing from the spec. discord.py 2.x puts ``flags`` in every
# Embed.to_dict(), ``nsfw`` in every command payload and ``tts`` in message edits;
# Discord accepts all three (an interaction response's data is a message, ``tts`` included).
_SPEC_GAPS: dict[str, dict[str, Any]] = {
    "RichEmbed": {"flags": {"type": ["integer", "null"], "format": "int32"}},
    "ApplicationCommandCreateRequest": {"nsfw": {"type": ["boolean", "null"]}},
    "ApplicationCommandPatchRequestPartial": {"nsfw": {"type": ["boolean", "null"]}},
    "ApplicationCommandUpdateRequest": {"nsfw": {"type": ["boolean", "null"]}},
    "IncomingWebhookUpdateForInteractionCallbackRequestPartial": {"tts": {"type": ["boolean", "null"]}},
    "IncomingWebhookUpdateRequestPartial": {"tts": {"type": ["boolean", "null"]}},
}

_OPEN_KEYWORDS = ("additionalProperties", "patternProperties", "unevaluatedProperties")
_SINGLE_SUBSCHEMAS = ("items", "additionalProperties", "not", "contains", "propertyNames")
_LIST_SUBSCHEMAS = ("allOf", "anyOf", "oneOf", "prefixItems")


# --------------------------------------------------------------------------- spec loading


def _close_schema(schema: Any) -> None:
    """Forbid undeclared properties in ``schema`` and every subschema, in place."""
    if not isinstance(schema, dict):
        return
    properties = schema.get("properties")
    if isinstance(properties, dict):
        for sub in properties.values():
            _close_schema(sub)
        # unevaluatedProperties rather than additionalProperties so that properties contributed
        # by allOf/anyOf branches of the same schema still count as declared.
        if not any(key in schema for key in _OPEN_KEYWORDS):
            schema["unevaluatedProperties"] = False
    for key in _SINGLE_SUBSCHEMAS:
        _close_schema(schema.get(key))
    for key in _LIST_SUBSCHEMAS:
        for sub in schema.get(key) or ():
            _close_schema(sub)


@functools.cache
def load_spec() -> dict[str, Any]:
    """The spec as validated against: the file's contents plus the gap fixes, closed-world."""
    try:
        raw = SPEC_PATH.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise FileNotFoundError(
            f"Discord OpenAPI spec not found at {SPEC_PATH}; it is expected in the shared/ "
            "directory that sits beside the repository checkout"
        ) from exc
    spec = json.loads(raw)
    schemas = spec["components"]["schemas"]
    for name, extra in _SPEC_GAPS.items():
        properties = schemas[name].setdefault("properties", {})
        for prop, prop_schema in extra.items():
            # setdefault: once Discord adds the property, its own definition wins.
            properties.setdefault(prop, copy.deepcopy(prop_schema))
    for schema in schemas.values():
        _close_schema(schema)
    for path_item in spec["paths"].values():
        for operation in path_item.values():
            content = (operation.get("requestBody") or {}).get("content", {}) if isinstance(operation, dict) else {}
            for media in content.values():
                _close_schema(media.get("schema"))
    return spec


@functools.cache
def _registry() -> referencing.Registry:
    resource = DRAFT202012.create_resource(load_spec())
    return referencing.Registry().with_resource(SPEC_URI, resource)


def _pointer_ref(*parts: str) -> str:
    pointer = "".join("/" + part.replace("~", "~0").replace("/", "~1") for part in parts)
    # Path templates contain braces, which are not legal in a URI fragment unescaped.
    return f"{SPEC_URI}#{quote(pointer, safe='/~')}"


def _schema_ref(name: str) -> str:
    schemas = load_spec()["components"]["schemas"]
    if name not in schemas:
        close = difflib.get_close_matches(name, schemas, n=3)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        raise KeyError(f"no schema named {name!r} in the Discord spec{hint}")
    return _pointer_ref("components", "schemas", name)


def _request_body_ref(path: str, method: str = "post") -> str:
    operation = load_spec()["paths"][path][method]
    if "application/json" not in operation["requestBody"]["content"]:
        raise KeyError(f"{method.upper()} {path} has no JSON request body in the Discord spec")
    return _pointer_ref("paths", path, method, "requestBody", "content", "application/json", "schema")


# --------------------------------------------------------------------------- formats

# Only formats with a meaning for requests are checked; jsonschema's defaults would also assert
# formats such as "email" whose checkers depend on optional packages being installed.
_FORMATS = jsonschema.FormatChecker(formats=())
_RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$")
_URI_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


def _is_int(instance: object) -> bool:
    return isinstance(instance, int) and not isinstance(instance, bool)


@_FORMATS.checks("int32")
def _check_int32(instance: object) -> bool:
    return not _is_int(instance) or -(2**31) <= instance < 2**31


@_FORMATS.checks("int64")
def _check_int64(instance: object) -> bool:
    return not _is_int(instance) or -(2**63) <= instance < 2**63


@_FORMATS.checks("date-time")
def _check_date_time(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    # fromisoformat alone accepts date-only and offset-less strings, which Discord reads ambiguously.
    if not _RFC3339.match(instance):
        return False
    try:
        datetime.fromisoformat(instance.replace("z", "Z"))
    except ValueError:
        return False
    return True


@_FORMATS.checks("uri")
def _check_uri(instance: object) -> bool:
    if not isinstance(instance, str):
        return True
    if not _URI_SCHEME.match(instance):
        return False
    parts = urlsplit(instance)
    return parts.scheme.lower() not in {"http", "https"} or bool(parts.netloc)


@functools.cache
def _validator(ref: str) -> jsonschema.Draft202012Validator:
    return jsonschema.Draft202012Validator({"$ref": ref}, registry=_registry(), format_checker=_FORMATS)


# --------------------------------------------------------------------------- error reporting

_JsonPath = tuple[str | int, ...]


def _format_path(path: Iterable[str | int], root: str = "$") -> str:
    out = root
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", part):
            out += f".{part}"
        else:
            out += f"[{part!r}]"
    return out


def _short(value: object, limit: int = 60) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _too_long(length: int, limit: int) -> str:
    return f"{length} characters, more than the {limit} allowed"


def _too_short(length: int, limit: int) -> str:
    return "must not be empty" if length == 0 else f"{length} characters, fewer than the {limit} required"


def _too_many(count: int, limit: int) -> str:
    return f"{count} items, more than the {limit} allowed"


def _json_type(value: object) -> str:
    for name, kind in (("null", type(None)), ("boolean", bool), ("integer", int), ("number", float)):
        if isinstance(value, kind):
            return name
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)


class _Report:
    """Collects problems; the same problem found through two schemas is listed once."""

    def __init__(self, subject: str) -> None:
        self.subject = subject
        self._problems: dict[tuple[str, str], list[str]] = {}

    def add(self, path: Iterable[str | int], message: str, source: str, root: str = "$") -> None:
        sources = self._problems.setdefault((_format_path(path, root), message), [])
        if source not in sources:
            sources.append(source)

    def raise_if_any(self) -> None:
        if not self._problems:
            return
        count = len(self._problems)
        lines = [f"{self.subject} would be rejected by Discord ({count} problem{'s' * (count > 1)}):"]
        for (path, message), sources in self._problems.items():
            lines.append(f"  - {path}: {message}  [{', '.join(sources)}]")
        raise AssertionError("\n".join(lines))


def _is_discriminator_miss(leaf: ValidationError, union_path: _JsonPath) -> bool:
    # Discord's unions are tagged by a sibling "type" field; a branch whose tag does not match is
    # the wrong branch, however few other errors it has.
    return tuple(leaf.absolute_path) == (*union_path, "type")


def _leaves(error: ValidationError) -> list[ValidationError]:
    """Replace anyOf/oneOf failures with the errors of the branch the instance was aiming at.

    jsonschema reports a failed union as one opaque error; the useful errors are inside the branch
    that got furthest, i.e. the one whose tag matches and whose errors sit deepest in the instance.
    """
    if error.validator not in ("anyOf", "oneOf") or not error.context:
        return [error]
    union_path = tuple(error.absolute_path)
    branches: dict[int, list[ValidationError]] = {}
    for sub in error.context:
        branches.setdefault(sub.relative_schema_path[0], []).extend(_leaves(sub))

    def rank(leaves: list[ValidationError]) -> tuple[bool, int, int]:
        missed = any(_is_discriminator_miss(leaf, union_path) for leaf in leaves)
        return missed, -min(len(leaf.absolute_path) for leaf in leaves), len(leaves)

    best = min(branches.values(), key=rank)
    if all(len(leaf.absolute_path) == len(union_path) for leaf in best):
        # No branch matched even the outer shape: the union itself is the clearest thing to report.
        return [error]
    return best


def _union_message(error: ValidationError) -> str:
    depth = len(error.absolute_path)
    expected: list[str] = []
    for sub in error.context:
        if len(sub.absolute_path) != depth:
            break
        if sub.validator == "type":
            kinds = sub.validator_value
            expected.extend([kinds] if isinstance(kinds, str) else kinds)
        elif sub.validator == "const":
            expected.append(json.dumps(sub.validator_value))
        elif sub.validator == "enum":
            expected.extend(json.dumps(value) for value in sub.validator_value)
        else:
            break
    else:
        unique = list(dict.fromkeys(expected))
        return f"expected {' or '.join(unique)}, got {_short(error.instance)}"
    return f"{_short(error.instance)} matches none of the {len(error.validator_value)} allowed shapes"


def _message(error: ValidationError) -> str:
    instance, value = error.instance, error.validator_value
    match error.validator:
        case "maxLength":
            return _too_long(len(instance), value)
        case "minLength":
            return _too_short(len(instance), value)
        case "maxItems":
            return _too_many(len(instance), value)
        case "minItems":
            return f"{len(instance)} items, fewer than the {value} required"
        case "type":
            kinds = [value] if isinstance(value, str) else value
            return f"expected {' or '.join(kinds)}, got {_json_type(instance)} {_short(instance)}"
        case "anyOf" | "oneOf" if error.context:
            return _union_message(error)
        case "oneOf":
            return f"{_short(instance)} matches more than one of the allowed shapes"
        case "unevaluatedProperties":
            # jsonschema's wording ("Unevaluated properties...") leaks the closed-world trick.
            declared = set(error.schema.get("properties", {}))
            extra = sorted(key for key in instance if key not in declared) if isinstance(instance, dict) else []
            if extra:
                return f"unknown propert{'ies' if len(extra) > 1 else 'y'} {', '.join(map(repr, extra))}"
    message = error.message
    return message if len(message) <= 300 else message[:299] + "…"


def _check_schema(
    report: _Report,
    instance: Any,
    ref: str,
    source: str,
    *,
    prefix: _JsonPath = (),
    strip: _JsonPath = (),
    root: str = "$",
) -> None:
    """Validate ``instance`` against ``ref`` and file the errors under ``prefix``.

    ``strip`` removes a wrapper from error paths (``("data",)`` for an interaction response) so
    the problem is reported where it is in the caller's own payload and merges with other checks.
    """
    for error in _validator(ref).iter_errors(instance):
        for leaf in _leaves(error):
            path = tuple(leaf.absolute_path)
            if strip and path[: len(strip)] == strip:
                report.add((*prefix, *path[len(strip) :]), _message(leaf), source)
            else:
                report.add((*prefix, *path), _message(leaf), source, root=root)


# --------------------------------------------------------------------------- public API


def validate_schema(instance: Any, schema_name: str) -> None:
    """Validate ``instance`` against ``#/components/schemas/<schema_name>`` of the spec.

    Raises KeyError for a schema name the spec does not define (a bug in the test, not the payload).
    """
    ref = _schema_ref(schema_name)
    report = _Report(f"{schema_name} payload")
    _check_schema(report, instance, ref, f"spec {schema_name}")
    report.raise_if_any()


def _embed_length(embed: Mapping[str, Any]) -> int:
    """Characters Discord counts towards the 6000 budget of an embed."""

    def text(value: object) -> int:
        return len(value) if isinstance(value, str) else 0

    total = text(embed.get("title")) + text(embed.get("description"))
    for field in embed.get("fields") or ():
        if isinstance(field, Mapping):
            total += text(field.get("name")) + text(field.get("value"))
    for key, sub in (("footer", "text"), ("author", "name")):
        if isinstance(embed.get(key), Mapping):
            total += text(embed[key].get(sub))
    return total


def _check_embed(report: _Report, embed: Any, prefix: _JsonPath = ()) -> None:
    _check_schema(report, embed, _schema_ref("RichEmbed"), "spec RichEmbed", prefix=prefix)
    if not isinstance(embed, Mapping):
        return
    limit = "Discord embed limit"

    def check_length(path: _JsonPath, value: object, maximum: int) -> None:
        if isinstance(value, str) and len(value) > maximum:
            report.add((*prefix, *path), _too_long(len(value), maximum), limit)

    check_length(("title",), embed.get("title"), EMBED_TITLE_MAX)
    check_length(("description",), embed.get("description"), EMBED_DESCRIPTION_MAX)
    for key, sub, maximum in (("footer", "text", EMBED_FOOTER_MAX), ("author", "name", EMBED_AUTHOR_MAX)):
        if isinstance(embed.get(key), Mapping):
            check_length((key, sub), embed[key].get(sub), maximum)
    fields = embed.get("fields") or []
    if isinstance(fields, Sequence) and not isinstance(fields, str):
        if len(fields) > EMBED_FIELDS_MAX:
            report.add((*prefix, "fields"), _too_many(len(fields), EMBED_FIELDS_MAX), limit)
        for index, field in enumerate(fields):
            if not isinstance(field, Mapping):
                continue
            for key, maximum in (("name", EMBED_FIELD_NAME_MAX), ("value", EMBED_FIELD_VALUE_MAX)):
                value = field.get(key)
                check_length(("fields", index, key), value, maximum)
                # Discord strips field text before checking it is present, so blanks fail too.
                if isinstance(value, str) and not value.strip():
                    report.add((*prefix, "fields", index, key), "must not be empty or blank", limit)
    total = _embed_length(embed)
    if total > EMBED_TOTAL_MAX:
        report.add(prefix, f"embed text totals {total} characters, more than the {EMBED_TOTAL_MAX} allowed", limit)


def validate_embed(embed: dict) -> None:
    """Validate one embed (``RichEmbed`` plus Discord's documented embed limits)."""
    report = _Report("Embed")
    _check_embed(report, embed)
    report.raise_if_any()


def validate_message(payload: dict) -> None:
    """Validate a message payload as the bot's answer functions build it.

    Checks the bot's own invariants (known keys only, mentions disabled), Discord's message and
    embed limits, then the payload both as an interaction response (type 4) and as a channel
    message, since the same answer may be sent either way.
    """
    report = _Report("Message payload")
    if not isinstance(payload, Mapping):
        report.add((), f"expected object, got {_json_type(payload)}", "diplobot")
        report.raise_if_any()
    own = "diplobot"
    limit = "Discord message limit"
    for key in sorted(set(payload) - MESSAGE_KEYS):
        report.add((key,), f"unexpected key; answers only use {', '.join(sorted(MESSAGE_KEYS))}", own)
    if "allowed_mentions" not in payload:
        report.add((), "missing allowed_mentions; it must be {'parse': []} so facts never ping anyone", own)
    elif payload["allowed_mentions"] != {"parse": []}:
        report.add(("allowed_mentions",), f"must be {{'parse': []}}, got {_short(payload['allowed_mentions'])}", own)

    content = payload.get("content")
    if isinstance(content, str) and len(content) > MESSAGE_CONTENT_MAX:
        report.add(("content",), _too_long(len(content), MESSAGE_CONTENT_MAX), limit)
    embeds = payload.get("embeds")
    components = payload.get("components")
    if not (content or embeds or components):
        report.add((), "empty message: needs content, embeds or components", limit)
    if isinstance(embeds, list):
        if len(embeds) > MESSAGE_EMBEDS_MAX:
            report.add(("embeds",), _too_many(len(embeds), MESSAGE_EMBEDS_MAX), limit)
        for index, embed in enumerate(embeds):
            _check_embed(report, embed, ("embeds", index))
        total = sum(_embed_length(embed) for embed in embeds if isinstance(embed, Mapping))
        if total > EMBED_TOTAL_MAX:
            message = f"embeds total {total} characters, more than the {EMBED_TOTAL_MAX} allowed per message"
            report.add(("embeds",), message, limit)
    flags = payload.get("flags")
    if _is_int(flags) and flags & ~SENDABLE_FLAGS:
        report.add(("flags",), f"bits {flags & ~SENDABLE_FLAGS:#x} cannot be set when sending", limit)

    callback = {"type": 4, "data": payload}
    _check_schema(
        report,
        callback,
        _request_body_ref(CALLBACK_PATH),
        "spec interaction callback",
        strip=("data",),
        root="<interaction response>",
    )
    channel_message = dict(payload)
    if _is_int(flags):
        # Ephemeral only exists for interaction responses; channel messages reject the bit.
        channel_message["flags"] = flags & ~EPHEMERAL
    _check_schema(report, channel_message, _request_body_ref(MESSAGE_CREATE_PATH), "spec message create")
    report.raise_if_any()


def validate_autocomplete(choices: list[dict]) -> None:
    """Validate the choices of an autocomplete answer, then the type-8 response carrying them."""
    report = _Report("Autocomplete choices")
    limit = "Discord autocomplete limit"
    if isinstance(choices, list):
        if len(choices) > CHOICES_MAX:
            report.add((), _too_many(len(choices), CHOICES_MAX), limit)
        for index, choice in enumerate(choices):
            if not isinstance(choice, Mapping):
                continue
            name, value = choice.get("name"), choice.get("value")
            if isinstance(name, str) and not 1 <= len(name) <= CHOICE_NAME_MAX:
                bad = _too_short(0, 1) if not name else _too_long(len(name), CHOICE_NAME_MAX)
                report.add((index, "name"), bad, limit)
            if not isinstance(value, str):
                report.add((index, "value"), f"expected string, got {_json_type(value)} {_short(value)}", limit)
            elif len(value) > CHOICE_VALUE_MAX:
                # The spec allows 6000 here; Discord's documented (and enforced) limit is 100.
                report.add((index, "value"), _too_long(len(value), CHOICE_VALUE_MAX), limit)
    response = {"type": 8, "data": {"choices": choices}}
    _check_schema(
        report,
        response,
        _request_body_ref(CALLBACK_PATH),
        "spec interaction callback",
        strip=("data", "choices"),
        root="<interaction response>",
    )
    report.raise_if_any()


@functools.cache
def _locales() -> frozenset[str]:
    # The spec defines the locale list but does not apply it to *_localizations keys.
    enum = load_spec()["components"]["schemas"]["AvailableLocalesEnum"]
    return frozenset(branch["const"] for branch in enum["oneOf"])


def _unknown_locale(locale: str) -> str:
    # The usual mistake is a region-qualified tag ("fr-FR") where Discord only knows "fr".
    locales = _locales()
    base = locale.split("-")[0]
    close = [base] if base in locales else difflib.get_close_matches(locale, locales, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown locale {locale!r}{hint}"


def _name_problem(name: str) -> str | None:
    """Python approximation of ``^[-_\\p{L}\\p{N}\\p{sc=Deva}\\p{sc=Thai}]{1,32}$`` plus lowercase."""
    if not 1 <= len(name) <= COMMAND_NAME_MAX:
        return _too_short(0, 1) if not name else _too_long(len(name), COMMAND_NAME_MAX)
    # Devanagari and Thai vowel signs are combining marks, not letters, hence the script test.
    bad = [
        ch
        for ch in name
        if not (ch in "-_" or ch.isalnum() or unicodedata.name(ch, "").startswith(("DEVANAGARI", "THAI")))
    ]
    if bad:
        return f"{name!r} has characters not allowed in names: {''.join(dict.fromkeys(bad))!r}"
    if name != name.lower():
        return f"{name!r} must be lowercase"
    return None


def _check_texts(report: _Report, node: Mapping[str, Any], path: _JsonPath, *, chat_input: bool) -> None:
    """Name, description and their localizations, shared by commands, options and (names of) choices."""
    rule = "Discord command rule"
    locales = _locales()
    name = node.get("name")
    if chat_input and isinstance(name, str) and (problem := _name_problem(name)):
        report.add((*path, "name"), problem, rule)
    description = node.get("description")
    if chat_input:
        if not isinstance(description, str):
            report.add((*path, "description"), "required for chat input commands and options", rule)
        elif not 1 <= len(description) <= COMMAND_DESCRIPTION_MAX:
            bad = _too_short(0, 1) if not description else _too_long(len(description), COMMAND_DESCRIPTION_MAX)
            report.add((*path, "description"), bad, rule)
    elif description:
        report.add((*path, "description"), "must be empty for user and message commands", rule)
    for key, check in (("name_localizations", "name"), ("description_localizations", "description")):
        localizations = node.get(key)
        if not isinstance(localizations, Mapping):
            continue
        for locale, text in localizations.items():
            if locale not in locales:
                report.add((*path, key), _unknown_locale(locale), rule)
            if not isinstance(text, str):
                continue
            if check == "name" and chat_input and (problem := _name_problem(text)):
                report.add((*path, key, locale), problem, rule)
            if check == "description" and not 1 <= len(text) <= COMMAND_DESCRIPTION_MAX:
                bad = _too_short(0, 1) if not text else _too_long(len(text), COMMAND_DESCRIPTION_MAX)
                report.add((*path, key, locale), bad, rule)


def _check_options(report: _Report, options: Any, path: _JsonPath) -> None:
    if not isinstance(options, list):
        return
    rule = "Discord command rule"
    options_ok = [(index, option) for index, option in enumerate(options) if isinstance(option, Mapping)]
    kinds = {option.get("type") in SUBCOMMAND_TYPES for _, option in options_ok}
    if len(kinds) > 1:
        report.add(path, "cannot mix subcommands or groups with other options", rule)
    seen: set[str] = set()
    optional_seen = False
    for index, option in options_ok:
        here = (*path, index)
        _check_texts(report, option, here, chat_input=True)
        name = option.get("name")
        if name in seen:
            report.add((*here, "name"), f"duplicate option name {name!r}", rule)
        seen.add(name)
        if option.get("type") not in SUBCOMMAND_TYPES:
            if option.get("required"):
                if optional_seen:
                    report.add(here, "required options must come before optional ones", rule)
            else:
                optional_seen = True
        choices = option.get("choices")
        if option.get("autocomplete") and choices:
            report.add(here, "autocomplete cannot be combined with choices", rule)
        for choice_index, choice in enumerate(choices or ()):
            if not isinstance(choice, Mapping):
                continue
            value = choice.get("value")
            if option.get("type") == STRING_OPTION and isinstance(value, str) and len(value) > CHOICE_VALUE_MAX:
                # The spec allows 6000 characters; Discord documents and enforces 100.
                report.add((*here, "choices", choice_index, "value"), _too_long(len(value), CHOICE_VALUE_MAX), rule)
            for locale in choice.get("name_localizations") or ():
                if locale not in _locales():
                    report.add((*here, "choices", choice_index, "name_localizations"), _unknown_locale(locale), rule)
        _check_options(report, option.get("options"), (*here, "options"))


def validate_command(command: dict) -> None:
    """Validate an application command as registered (``ApplicationCommandCreateRequest``) plus
    Discord's naming and description rules, applied recursively to options."""
    report = _Report(f"Command {command.get('name')!r}" if isinstance(command, Mapping) else "Command")
    _check_schema(
        report,
        command,
        _schema_ref("ApplicationCommandCreateRequest"),
        "spec ApplicationCommandCreateRequest",
    )
    if isinstance(command, Mapping):
        chat_input = command.get("type") in (None, CHAT_INPUT)
        _check_texts(report, command, (), chat_input=chat_input)
        if chat_input:
            _check_options(report, command.get("options"), ("options",))
        elif command.get("options"):
            report.add(("options",), "only chat input commands take options", "Discord command rule")
    report.raise_if_any()


# --------------------------------------------------------------------------- requests on the wire


@functools.cache
def _templates() -> tuple[tuple[re.Pattern[str], str], ...]:
    # Literal segments ("@original", "@me") must win over parameters, so the most literal path comes first.
    paths = sorted(load_spec()["paths"], key=lambda path: path.count("{"))
    return tuple((re.compile("^" + re.sub(r"\\\{[^/]+?\\\}", "[^/]+", re.escape(p)) + "$"), p) for p in paths)


def match_route(method: str, path: str) -> str | None:
    """The spec's path template for a concrete request path, if the spec has that method there."""
    for pattern, template in _templates():
        if pattern.match(path) and method.lower() in load_spec()["paths"][template]:
            return template
    return None


def validate_request(method: str, template: str, body: Any) -> None:
    """A request body as discord.py puts it on the wire: the spec's schema for that route, plus the
    limits it does not encode and the bot's own rule that no message may ping anyone."""
    report = _Report(f"{method.upper()} {template}")
    _check_schema(report, body, _request_body_ref(template, method.lower()), "spec request body")
    message = body.get("data") if template == CALLBACK_PATH and isinstance(body, Mapping) else body
    prefix: _JsonPath = ("data",) if message is not body else ()
    if template == CALLBACK_PATH and isinstance(body, Mapping) and body.get("type") == 8:
        choices = (message or {}).get("choices") or []
        if len(choices) > CHOICES_MAX:
            report.add((*prefix, "choices"), _too_many(len(choices), CHOICES_MAX), "Discord autocomplete limit")
        for index, choice in enumerate(choices):
            for key in ("name", "value"):
                value = choice.get(key)
                if isinstance(value, str) and not 1 <= len(value) <= CHOICE_NAME_MAX:
                    report.add((*prefix, "choices", index, key), _too_long(len(value), 100), "Discord limit")
    elif isinstance(message, Mapping) and ("embeds" in message or "content" in message):
        mentions = message.get("allowed_mentions")
        if (
            not isinstance(mentions, Mapping)
            or mentions.get("parse") != []
            or mentions.get("users")
            or mentions.get("roles")
        ):
            report.add((*prefix, "allowed_mentions"), f"must ping nobody, got {_short(mentions)}", "diplobot")
        for index, embed in enumerate(message.get("embeds") or ()):
            _check_embed(report, embed, (*prefix, "embeds", index))
        content = message.get("content")
        if isinstance(content, str) and len(content) > MESSAGE_CONTENT_MAX:
            report.add((*prefix, "content"), _too_long(len(content), MESSAGE_CONTENT_MAX), "Discord message limit")
    report.raise_if_any()
