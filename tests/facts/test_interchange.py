"""The JSON exchange format: names resolved to entities, all-or-nothing imports, lossless exports, CLI."""

import json
import os
from pathlib import Path

import orjson
import pytest

from bot.cli import main
from facts.interchange import InvalidDocument, export_document, import_document
from facts.store import FactStore


def record(title: str = "Accord de test", **fields) -> dict:
    return {
        "kind": "accord",
        "title": title,
        "sources": [{"article": "article.txt", "quote": "Une phrase de l'article."}],
        **fields,
    }


def portrait(fact) -> tuple:
    """What a fact says, without its storage identity (id, version)."""
    return (
        fact.kind, fact.title, fact.status, fact.parties, fact.people, fact.place, fact.date,
        fact.date_in_force, fact.topics, fact.nature, fact.summary, fact.sources,
    )  # fmt: skip


def test_import_resolves_names_to_known_entities(seed_store):
    known = seed_store.entities()
    document = {
        "facts": [
            record(
                "Accord Japon–UE",
                parties=["Japon", "UE"],
                people=[{"name": "Iwaya", "role": "ministre", "part": "signataire"}],
                place="Tokyo",
            ),
            record("Accord UE–Japon", status="de principe", parties=["EU", "japon"], date="2025-23"),
        ]
    }
    report = import_document(seed_store, document, who="alice")
    assert report.new_entities == []
    assert [fact.parties for fact in report.facts] == [("pays:JP", "org:ue"), ("org:ue", "pays:JP")]
    assert [person.entity for person in report.facts[0].people] == ["pers:iwaya-takeshi"]
    assert report.facts[0].place == "lieu:tokyo"
    assert [fact.status for fact in report.facts] == ["signé", "de principe"]
    reopened = FactStore(seed_store.path)
    assert reopened.facts()[-2:] == report.facts
    assert reopened.entities() == known
    assert [entry["who"] for entry in reopened.history()[-2:]] == ["alice", "alice"]


def test_import_creates_entities_for_unknown_names(seed_store):
    document = {
        "facts": [
            record(
                parties=["Japon", "Wakanda"],
                people=[{"name": "Jean Dupont", "part": "visiteur"}],
                place="Sakai",
            ),
            record("Second accord", parties=["wakanda"], people=[{"name": "Jean Dupont"}]),
        ]
    }
    report = import_document(seed_store, document, who="alice")
    created = {(entity.id, entity.kind, entity.name) for entity in report.new_entities}
    assert created == {
        ("org:wakanda", "organisation", "Wakanda"),
        ("pers:jean-dupont", "personne", "Jean Dupont"),
        ("lieu:sakai", "lieu", "Sakai"),
    }
    assert [fact.parties for fact in report.facts] == [("pays:JP", "org:wakanda"), ("org:wakanda",)]
    assert FactStore(seed_store.path).entities().keys() >= {"org:wakanda", "pers:jean-dupont", "lieu:sakai"}


def test_import_uses_declared_entities(seed_store):
    document = {
        "entities": [{"id": "pers:jd", "kind": "personne", "name": "Jean Dupont", "aliases": ["Dupont"]}],
        "facts": [record(people=[{"name": "Dupont", "part": "signataire"}])],
    }
    report = import_document(seed_store, document, who="alice")
    assert [person.entity for person in report.facts[0].people] == ["pers:jd"]
    assert FactStore(seed_store.path).entities()["pers:jd"].aliases == ("Dupont",)


def test_import_anchors_quotes_in_articles(seed_store, tmp_path):
    text = "Titre\n\nL’accord entrera  en vigueur le 1er janvier 2025. Suite."
    (tmp_path / "article.txt").write_text(text, encoding="utf-8")
    quote = "L'accord entrera en vigueur le 1er janvier 2025."
    document = {"facts": [record(sources=[{"article": "article.txt", "quote": quote}])]}
    [source] = import_document(seed_store, document, who="alice", articles_dir=tmp_path).facts[0].sources
    assert (source.start, source.end) == (7, 56)
    assert source.quote == text[source.start : source.end]


FAULTS = {
    "date": {"date": "2024-13-01"},
    "date_in_force": {"date_in_force": "hier"},
    "kind": {"kind": "traité"},
    "status": {"status": "annulée"},
    "sources[1].quote": {"sources": [{"article": "article.txt"}]},
    "sources": {"sources": []},
    "people[1].name": {"people": [{"role": "ministre"}]},
    "people[1].part": {"people": [{"name": "Iwaya", "part": "chef"}]},
    "people[1].role": {"people": [{"name": "Iwaya", "role": 5}]},
    "sources[1].start": {"sources": [{"article": "article.txt", "quote": "Une phrase.", "start": "début"}]},
    "parties": {"parties": ["Japon", ""]},
    "title": {"title": " "},
    "lieu": {"lieu": "Tokyo"},
}


@pytest.mark.parametrize(("field", "fault"), FAULTS.items(), ids=FAULTS.keys())
def test_bad_record_refuses_whole_import(seed_store, field, fault):
    content, facts = seed_store.path.read_bytes(), seed_store.facts()
    document = {"facts": [record("Bon accord", parties=["Japon", "Brésil"]), {**record(), **fault}]}
    with pytest.raises(InvalidDocument) as refused:
        import_document(seed_store, document, who="alice")
    message = str(refused.value)
    assert message.startswith("Import refusé, rien n'a été modifié")
    assert "fait n°2" in message
    assert f"champ « {field} »" in message
    assert "fait n°1" not in message
    assert seed_store.facts() == facts
    assert seed_store.path.read_bytes() == content


ENTITY_FAULTS = {
    "aliases as text": ("aliases", "Dupont"),
    "aliases as number": ("aliases", 5),
    "roles as text": ("roles", "diplomate"),
}


@pytest.mark.parametrize(("field", "value"), ENTITY_FAULTS.values(), ids=ENTITY_FAULTS.keys())
def test_bad_entity_refuses_whole_import(seed_store, field, value):
    content = seed_store.path.read_bytes()
    document = {
        "entities": [{"kind": "personne", "name": "Jean Dupont", field: value}],
        "facts": [record(people=[{"name": "Jean Dupont"}])],
    }
    with pytest.raises(InvalidDocument) as refused:
        import_document(seed_store, document, who="alice")
    assert f"entité n°1 (Jean Dupont), champ « {field} »" in str(refused.value)
    assert seed_store.path.read_bytes() == content


@pytest.mark.parametrize("document", [[record()], {"faits": [record()]}, {"facts": record()}])
def test_document_shape_refused(seed_store, document):
    with pytest.raises(InvalidDocument, match=r'\{"facts": \[\.\.\.\]\}'):
        import_document(seed_store, document, who="alice")


def test_import_crash_writes_nothing(seed_store, monkeypatch):
    content, facts = seed_store.path.read_bytes(), seed_store.facts()
    document = {"facts": [record("Premier", parties=["Inconnu"]), record("Second")]}

    def crash(*args):
        raise OSError("disque plein")

    # Whichever way the store writes (a fresh snapshot, or a line appended to its journal), it fails.
    with monkeypatch.context() as patch:
        patch.setattr(os, "replace", crash)
        patch.setattr(os, "fsync", crash)
        with pytest.raises(OSError):
            import_document(seed_store, document, who="alice")
    assert seed_store.path.read_bytes() == content
    assert seed_store.facts() == facts
    assert "org:inconnu" not in seed_store.entities()


def test_export_import_round_trip(seed_store, tmp_path):
    exported = orjson.loads(orjson.dumps(export_document(seed_store)))
    copy = FactStore.create_empty(tmp_path / "copie.json")
    import_document(copy, exported, who="import")
    copy = FactStore(copy.path)
    assert len(copy.facts()) == 14
    assert [portrait(fact) for fact in copy.facts()] == [portrait(fact) for fact in seed_store.facts()]
    assert all(source.start is not None for fact in copy.facts() for source in fact.sources)
    assert copy.entities() == seed_store.entities()
    assert export_document(copy) == export_document(seed_store)


def test_export_leaves_out_deleted_facts(seed_store):
    seed_store.delete_fact(3, who="carol")
    exported = export_document(seed_store)
    assert exported["format"] == "diplobot-facts/1"
    assert [fact["id"] for fact in exported["facts"]] == [1, 2, *range(4, 15)]


def test_reimport_of_export_adds_nothing(seed_store):
    report = import_document(seed_store, export_document(seed_store), who="alice")
    assert report.new_entities == []
    assert (report.facts, report.skipped) == ([], 14)
    assert len(seed_store.facts()) == 14


@pytest.mark.parametrize(
    "entity",
    [{"id": "pays:JP", "kind": "personne", "name": "X"}, {"kind": "pays", "name": "Nouveau pays"},
     {"id": "pers:iwaya-takeshi", "kind": "organisation", "name": "Iwaya SA"}],
)  # fmt: skip
def test_a_file_cannot_hijack_a_known_entity(seed_store, entity):
    before = seed_store.path.read_bytes()
    with pytest.raises(InvalidDocument):
        import_document(seed_store, {"facts": [], "entities": [entity]}, who="mallory")
    assert seed_store.path.read_bytes() == before


def test_a_kind_that_is_not_text_is_refused(seed_store):
    record = {"kind": ["accord"], "status": "signé", "title": "X", "sources": [{"article": "a", "quote": "q"}]}
    with pytest.raises(InvalidDocument, match="kind"):
        import_document(seed_store, {"facts": [record]}, who="mallory")


# The `diplobot` command


@pytest.fixture
def cli(tmp_path, monkeypatch, capsys):
    """Runs `diplobot ARGS`, away from the checkout's data/ and .env; returns (code, stdout, stderr)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DIPLOBOT_DB", str(tmp_path / "par-defaut.json"))

    def run(*args: str) -> tuple[int, str, str]:
        code = main([*args])
        out, err = capsys.readouterr()
        return code, out, err

    return run


@pytest.fixture
def db(tmp_path) -> Path:
    path = tmp_path / "base.json"
    FactStore.open(path).close()
    return path


def write_json(path: Path, document: object) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def test_cli_import(cli, db, tmp_path):
    document = write_json(tmp_path / "faits.json", {"facts": [record(parties=["Japon", "UE"])]})
    code, out, err = cli("import", str(document), "--db", str(db))
    assert (code, err) == (0, "")
    assert f"1 fait(s) importé(s), 0 nouvelle(s) entité(s) dans {db}" in out
    store = FactStore(db)
    [imported] = store.facts()[14:]
    assert (imported.title, imported.parties) == ("Accord de test", ("pays:JP", "org:ue"))
    assert store.history()[-1]["who"] == "import"
    assert not (tmp_path / "par-defaut.json").exists()


def test_cli_export_to_stdout(cli, db):
    code, out, err = cli("export", "-", "--db", str(db))
    assert (code, err) == (0, "")
    exported = json.loads(out)
    assert exported == json.loads(orjson.dumps(export_document(FactStore(db))))
    assert len(exported["facts"]) == 14


def test_cli_export_to_file(cli, db, tmp_path):
    target = tmp_path / "export.json"
    code, out, err = cli("export", str(target), "--db", str(db))
    assert (code, out) == (0, "")
    assert f"Faits exportés dans {target}" in err
    assert len(json.loads(target.read_text(encoding="utf-8"))["facts"]) == 14


BAD_FILES = {
    "invalid record": (json.dumps({"facts": [record(), record(date="2024-02-30")]}), "fait n°2"),
    "not JSON": ('{"facts": [', "n'est pas du JSON valide"),
    "missing": (None, "Fichier introuvable"),
}


@pytest.mark.parametrize(("content", "complaint"), BAD_FILES.values(), ids=BAD_FILES.keys())
def test_cli_import_bad_file_changes_nothing(cli, db, tmp_path, content, complaint):
    document = tmp_path / "faits.json"
    if content is not None:
        document.write_text(content, encoding="utf-8")
    before = db.read_bytes()
    code, out, err = cli("import", str(document), "--db", str(db))
    assert code != 0
    assert complaint in err
    assert "Traceback" not in out + err
    assert db.read_bytes() == before


@pytest.mark.parametrize("command", ["import", "export"])
def test_cli_refuses_corrupt_store(cli, tmp_path, command):
    db = tmp_path / "base.json"
    db.write_bytes(b'{"facts": {"1": ')
    document = write_json(tmp_path / "faits.json", {"facts": [record()]})
    code, out, err = cli(command, str(document) if command == "import" else "-", "--db", str(db))
    assert code != 0
    assert f"La base {db} est illisible" in err
    assert "Traceback" not in out + err
    assert db.read_bytes() == b'{"facts": {"1": '


def test_cli_db_option_before_command(cli, db, tmp_path):
    """`diplobot --help` lists --db before the command: it must not be dropped there."""
    document = write_json(tmp_path / "faits.json", {"facts": [record()]})
    code, out, err = cli("--db", str(db), "import", str(document))
    assert (code, err) == (0, "")
    assert f"dans {db}." in out
    assert len(FactStore(db).facts()) == 15
    assert not (tmp_path / "par-defaut.json").exists()


def test_proposals_keep_their_review_state_and_confidence_through_export(seed_store, tmp_path):
    from dataclasses import replace

    from facts.store import FactStore

    fact = seed_store.add_fact(replace(seed_store.get(1), review="proposé", confidence=0.72, guild_id=42), "test")
    exported = next(record for record in export_document(seed_store)["facts"] if record["id"] == fact.id)
    assert (exported["review"], exported["confidence"], exported["guild_id"]) == ("proposé", 0.72, 42)
    fresh = FactStore.create_empty(tmp_path / "copie.json")
    import_document(fresh, {"facts": [exported]}, who="test")
    (copy,) = fresh.facts()
    assert (copy.review, copy.confidence, copy.guild_id) == ("proposé", 0.72, 42)
