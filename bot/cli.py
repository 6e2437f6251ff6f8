"""The `diplobot` command: ask and console (the same answers as the bot), import, export, run."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from rich.console import Console
from rich.markup import escape

from bot.commands import answer_line
from bot.console import print_payload
from bot.render import fact_embed, review_card
from bot.settings import Settings, SettingsError, load_settings
from facts import catalog_cache, dates
from facts.backups import open_backed_up, opened, restore
from facts.catalog import Catalog
from facts.interchange import InvalidDocument, export_document, import_document
from facts.storage import StoreError, write_atomically
from facts.store import FactStore

PROMPT = "diplobot> "


def _store(args: argparse.Namespace) -> FactStore:
    return opened(Path(args.db or load_settings().db))


def _backed_up_store(args: argparse.Namespace) -> FactStore:
    """For the commands that run long or write much: the store is backed up when it opens, and after."""
    settings = load_settings()
    return open_backed_up(Path(args.db or settings.db), settings.backups)


@contextmanager
def _written_store(args: argparse.Namespace) -> Iterator[FactStore]:
    """The backed-up store for a command that writes it; then, unless the command raised, the global
    catalog cache written again if what it wrote outdated it, so that the bot's next start-up is warm."""
    store = _backed_up_store(args)
    before = store.extent()
    yield store
    catalog_cache.refresh(store, before)


@contextmanager
def _catalog(store: FactStore) -> Iterator[Catalog]:
    """The global catalog as the bot gets one, from its cache when one fits the store; the cache written
    after the command when the catalog had to be built, so that the next one starts warm too."""
    catalog, built_from = catalog_cache.load_or_build(store, None)
    try:
        yield catalog
    finally:
        if built_from is not None:
            catalog_cache.save(store, catalog, None, built_from)


def _print_reply(payload: dict, as_json: bool) -> None:
    if as_json:
        sys.stdout.write(orjson.dumps(payload, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        print_payload(Console(), payload)


def cmd_ask(args: argparse.Namespace) -> int:
    with _catalog(_store(args)) as catalog:
        reply = answer_line(catalog, " ".join(args.line))
        _print_reply(reply.payload, args.json)
    return 0 if reply.ok else 1


def cmd_console(args: argparse.Namespace) -> int:
    import readline  # noqa: F401  (imported for its side effect: line editing and history in input())

    store = _backed_up_store(args)
    console = Console()
    console.print(
        f"diplobot — console locale (base : {escape(str(store.path))}). "
        "Tapez une commande comme sur Discord, par exemple [bold]/accord Japon UE[/], ou [bold]/aide[/]. "
        "Ctrl-D pour quitter."
    )
    with _catalog(store) as catalog:
        while True:
            try:
                line = input(PROMPT)
            except (EOFError, KeyboardInterrupt):
                console.print()
                return 0
            if line.strip() in {"quit", "exit", "/quitter"}:
                return 0
            if line.strip():
                _print_reply(answer_line(catalog, line).payload, args.json)


def cmd_import(args: argparse.Namespace) -> int:
    with _written_store(args) as store:
        try:
            document = orjson.loads(Path(args.file).read_bytes())
        except FileNotFoundError:
            print(f"Fichier introuvable : {args.file}", file=sys.stderr)
            return 1
        except OSError as error:
            print(f"Lecture impossible de {args.file} : {error.strerror}.", file=sys.stderr)
            return 1
        except orjson.JSONDecodeError as error:
            print(f"{args.file} n'est pas du JSON valide ({error}). Rien n'a été importé.", file=sys.stderr)
            return 1
        articles = Path(args.articles) if args.articles else None
        report = import_document(store, document, who=args.who, articles_dir=articles)
    skipped = f", {report.skipped} déjà présent(s) ignoré(s)" if report.skipped else ""
    print(
        f"{len(report.facts)} fait(s) importé(s), {len(report.new_entities)} nouvelle(s) entité(s){skipped} "
        f"dans {store.path}."
    )
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    document = orjson.dumps(export_document(_store(args)), option=orjson.OPT_INDENT_2)
    if args.file in (None, "-"):
        sys.stdout.write(document.decode() + "\n")
    else:
        write_atomically(Path(args.file), document + b"\n")
        print(f"Faits exportés dans {args.file}.", file=sys.stderr)
    return 0


def cmd_run(args: argparse.Namespace) -> int:
    from bot.client import run_bot  # discord.py is imported only when the bot really starts

    return _with_token(run_bot, args)


def cmd_ingest(args: argparse.Namespace) -> int:
    """Proposes the facts of each article; they wait for `diplobot review` unless --approve."""
    from facts.ingestion import ingest_article  # loads spaCy: only for this command

    with _written_store(args) as store:
        console = Console()
        for path in args.paths:
            try:
                report = ingest_article(store, Path(path), who=args.who, approve=args.approve, published=args.date)
            except ValueError as error:
                console.print(f"[red]{escape(str(error))}[/]")
                return 1
            state = "approuvé(s)" if args.approve else "proposé(s), à relire avec `diplobot review`"
            console.print(
                f"[bold]{escape(report.article)}[/] : {len(report.added)} fait(s) {state}, "
                f"{len(report.merged_into)} fait(s) déjà connus complétés ; {report.words} mots en "
                f"{report.seconds:.2f} s ({report.words / max(report.seconds, 1e-9):.0f} mots/s)."
            )
            for fact in report.added:
                when = dates.format_fr(fact.date) if fact.date else "date inconnue"
                console.print(f"  #{fact.id} {fact.kind} · {escape(fact.title)} · {when} · confiance {fact.confidence}")
        return 0


def cmd_review(args: argparse.Namespace) -> int:
    """The review queue in the console: approve, reject, correct or skip each proposal."""
    import readline  # noqa: F401  (line editing in input())

    from facts import editing
    from facts.forms import form_from_fact, record_from_form
    from facts.ingestion import pending

    with _written_store(args) as store:
        console = Console()
        editor = editing.Editor(args.who)
        queue = pending(store)
        if not queue:
            console.print("Aucun fait en attente de relecture.")
            return 0
        console.print(f"{len(queue)} fait(s) à relire. [a]pprouver, [r]ejeter, [m]odifier, [p]asser, [q]uitter.")
        for position, fact in enumerate(queue):
            catalog, _ = catalog_cache.load_or_build(store, None)  # the facts as the last decision left them
            # The card /revue shows: the proposal, its confidence and how many wait.
            print_payload(console, {"embeds": [review_card(catalog, fact, len(queue) - position)]})
            while True:
                try:
                    choice = input("a/r/m/p/q ? ").strip().casefold()[:1]
                except (EOFError, KeyboardInterrupt):
                    return 0
                if choice == "q":
                    return 0
                if choice == "p":
                    break
                if choice in ("a", "r"):
                    editing.review(store, fact.id, editor, approve=choice == "a")
                    console.print("Approuvé." if choice == "a" else "Rejeté.")
                    break
                if choice == "m":
                    form = form_from_fact(fact, catalog.name)
                    for key, label in (("title", "Titre"), ("when_where", "Date, lieu"), ("parties", "Parties")):
                        typed = input(f"{label} [{form[key]}] : ").strip()
                        form[key] = typed or form[key]
                    try:
                        fact = editing.modify(store, fact.id, record_from_form(fact.kind, form), editor, fact.version)
                    except (InvalidDocument, StoreError) as error:
                        console.print(f"[red]{escape(str(error))}[/]")
                        continue
                    print_payload(console, {"embeds": [fact_embed(catalog_cache.load_or_build(store, None)[0], fact)]})
        return 0


def _with_token(action: Callable[[Settings, str | None], int], args: argparse.Namespace) -> int:
    """Runs a command that talks to Discord, or explains in one line how to give it a token."""
    settings = load_settings()
    if not settings.token:
        print(
            "DISCORD_TOKEN n'est pas défini : copiez .env.example en .env et collez-y le jeton du bot "
            "(portail développeur Discord). Sans jeton, `diplobot console` répond en local.",
            file=sys.stderr,
        )
        return 2
    return action(settings, args.db)


def cmd_restore(args: argparse.Namespace) -> int:
    path = Path(args.db or load_settings().db)
    restored = restore(path, Path(args.source) if args.source else None)
    aside = f" L'ancienne base est conservée sous {restored.kept_aside}." if restored.kept_aside else ""
    print(f"Base {path} restaurée depuis {restored.source} ({restored.facts} faits).{aside}")
    # Another file: the caches beside it describe the one put aside and are ignored; the global one is
    # written for this one, so that the bot starts warm on it.
    store = opened(path)
    catalog_cache.refresh(store, None)
    store.close()
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from bot.client import sync_commands

    return _with_token(sync_commands, args)


def cmd_commands(args: argparse.Namespace) -> int:
    from bot.client import command_payloads

    payloads = command_payloads(load_settings(), args.db)
    if args.json:
        sys.stdout.write(orjson.dumps(payloads, option=orjson.OPT_INDENT_2).decode() + "\n")
    else:
        for payload in payloads:
            print(f"/{payload['name']}" if payload.get("type", 1) == 1 else f"[menu] {payload['name']}")
    return 0


def cmd_default(args: argparse.Namespace) -> int:
    """`make run`: the bot when a token is configured, the console otherwise."""
    return cmd_run(args) if load_settings().token else cmd_console(args)


def build_parser() -> argparse.ArgumentParser:
    db_help = "base de faits (défaut : DIPLOBOT_DB ou data/diplobot.json)"
    # Subcommands accept --db too; SUPPRESS keeps their copy from erasing a --db given before the command.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=argparse.SUPPRESS, help=db_help)
    parser = argparse.ArgumentParser(
        prog="diplobot", description="Faits diplomatiques : bot Discord et console locale."
    )
    parser.add_argument("--db", help=db_help)
    parser.set_defaults(handler=cmd_default, json=False)
    commands = parser.add_subparsers(title="commandes", metavar="COMMANDE")

    ask = commands.add_parser("ask", parents=[common], help='répondre à une commande, ex. "/accord Japon UE"')
    ask.add_argument("line", nargs="+", help="la commande telle qu'on la taperait sur Discord")
    ask.add_argument("--json", action="store_true", help="afficher le message exact envoyé à Discord")
    ask.set_defaults(handler=cmd_ask)

    console = commands.add_parser("console", parents=[common], help="invite interactive")
    console.add_argument("--json", action="store_true", help="afficher les messages en JSON")
    console.set_defaults(handler=cmd_console)

    importer = commands.add_parser("import", parents=[common], help="importer des faits (format docs/facts-format.md)")
    importer.add_argument("file")
    importer.add_argument("--articles", help="dossier des articles, pour situer les citations")
    importer.add_argument("--who", default="import", help="auteur inscrit dans l'historique")
    importer.set_defaults(handler=cmd_import)

    exporter = commands.add_parser("export", parents=[common], help="exporter les faits en JSON")
    exporter.add_argument("file", nargs="?", help="fichier de sortie, - ou rien pour la sortie standard")
    exporter.set_defaults(handler=cmd_export)

    ingester = commands.add_parser("ingest", parents=[common], help="proposer les faits d'articles (.txt, .html)")
    ingester.add_argument("paths", nargs="+", metavar="ARTICLE")
    ingester.add_argument("--approve", action="store_true", help="approuver directement, sans relecture")
    ingester.add_argument("--date", help="date de publication (AAAA-MM-JJ), si l'article ne la donne pas")
    ingester.add_argument("--who", default="ingestion", help="auteur inscrit dans l'historique")
    ingester.set_defaults(handler=cmd_ingest)

    reviewer = commands.add_parser("review", parents=[common], help="relire les faits proposés")
    reviewer.add_argument("--who", default="console", help="relecteur inscrit dans l'historique")
    reviewer.set_defaults(handler=cmd_review)

    restorer = commands.add_parser(
        "restore", parents=[common], help="remettre en place une sauvegarde de la base (l'actuelle est gardée)"
    )
    restorer.add_argument(
        "--from", dest="source", metavar="SAUVEGARDE", help="défaut : la plus récente qui se lit sans erreur"
    )
    restorer.set_defaults(handler=cmd_restore)

    run = commands.add_parser("run", parents=[common], help="démarrer le bot Discord")
    run.set_defaults(handler=cmd_run)

    syncer = commands.add_parser("sync", parents=[common], help="enregistrer les commandes auprès de Discord")
    syncer.set_defaults(handler=cmd_sync)

    listing = commands.add_parser("commands", parents=[common], help="les commandes telles qu'enregistrées")
    listing.add_argument("--json", action="store_true", help="les charges utiles exactes envoyées à Discord")
    listing.set_defaults(handler=cmd_commands)
    return parser


def discord_failure() -> tuple[type[Exception], ...]:
    """Failures of the connection to Discord, caught only when discord.py was loaded (bot commands)."""
    discord = sys.modules.get("discord")
    aiohttp = sys.modules.get("aiohttp")
    return tuple(kind for kind in (discord and discord.LoginFailure, aiohttp and aiohttp.ClientError) if kind)


def describe_connection_error(error: Exception) -> str:
    if type(error).__name__ == "LoginFailure":
        return "le jeton DISCORD_TOKEN est refusé ; copiez-en un nouveau depuis le portail développeur."
    return f"réseau injoignable ({error})."


def main(argv: list[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    args = build_parser().parse_args(argv)
    try:
        return args.handler(args)
    except (StoreError, InvalidDocument, SettingsError) as error:
        print(str(error), file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    except discord_failure() as error:
        print(f"Connexion à Discord impossible : {describe_connection_error(error)}", file=sys.stderr)
        return 2
    except OSError as error:
        print(f"Opération impossible sur {error.filename or 'un fichier'} : {error.strerror}.", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
