"""`wegwijzer` command line: serve, catalogue check/report/export, zoek."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import List, Optional

from bot.config import settings


def _cmd_check(args: argparse.Namespace) -> int:
    from bot.catalogue.check import check_catalogue

    seeds: Optional[Path] = None
    if args.seeds:
        seeds = Path(args.seeds)
    elif not args.no_seeds and settings().seeds_dir and Path(settings().seeds_dir).is_dir():
        seeds = Path(settings().seeds_dir)
    problems = check_catalogue(Path(args.dir) if args.dir else None, seeds)
    for problem in problems:
        print(f"FOUT {problem}")
    if seeds is None:
        print("let op: bronregels niet gecontroleerd (geen seeds-map; geef --seeds DIR)")
    if problems:
        print(f"{len(problems)} probleem/problemen gevonden")
        return 1
    from bot.catalogue.loader import load_with_problems

    catalogue, _ = load_with_problems(Path(args.dir) if args.dir else None)
    counts = ", ".join(f"{g}: {len(d.diensten)} diensten" for g, d in sorted(catalogue.gemeenten.items()))
    print(f"catalogus in orde ({counts})" + ("; bronregels gecontroleerd" if seeds else ""))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from bot.catalogue.check import open_facts
    from bot.catalogue.loader import load_catalogue

    catalogue = load_catalogue(Path(args.dir) if args.dir else None)
    report = open_facts(catalogue)
    if args.json:
        print(json.dumps({g: [{"id": i, "naam": n, "te_controleren": f} for i, n, f in rows] for g, rows in report.items()}, ensure_ascii=False, indent=2))
        return 0
    for gemeente, rows in report.items():
        if args.gemeente and gemeente != args.gemeente:
            continue
        print(f"\n== {catalogue.gemeenten[gemeente].gemeente.naam}: {len(rows)} items te controleren")
        for ident, name, facts in rows:
            print(f"- {name} ({ident}): {', '.join(facts)}")
    return 0


def _cmd_export(args: argparse.Namespace) -> int:
    from bot.catalogue.hsds import export_hsds
    from bot.catalogue.loader import load_catalogue

    catalogue = load_catalogue(Path(args.dir) if args.dir else None)
    data = export_hsds(catalogue, args.gemeente)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"HSDS geschreven naar {args.output}")
    else:
        print(text)
    return 0


def _cmd_zoek(args: argparse.Namespace) -> int:
    from bot.catalogue.search import get_index

    index = get_index(args.gemeente)
    hits = index.search(
        args.query, limit=args.limit, leefgebied=args.leefgebied, zonder_afspraak=args.zonder_afspraak, front_door_fallback=True
    )
    if args.json:
        print(json.dumps([h.as_dict() for h in hits], ensure_ascii=False, indent=2))
        return 0
    if not hits:
        print("Niets gevonden. Probeer andere woorden, of verwijs naar de algemene voordeur.")
        return 0
    for rank, hit in enumerate(hits, 1):
        print(f"{rank}. {hit.name} ({hit.organisation}) [{hit.id}]  score {hit.score:.2f}")
        print(f"   {hit.summary}")
        print(f"   gevonden op: {', '.join(hit.why)}")
    return 0


def _cmd_serve(args: argparse.Namespace) -> int:
    from bot.serve import serve

    return serve(train_first=not args.no_train, web=not args.no_web)


def _cmd_train(args: argparse.Namespace) -> int:
    from bot.serve import train

    return train(force=args.force)


def _cmd_status(args: argparse.Namespace) -> int:
    from bot.status import collect_status

    print(json.dumps(collect_status(), ensure_ascii=False, indent=2))
    return 0


def _cmd_staff_add(args: argparse.Namespace) -> int:
    from bot.handoff.staff import add_staff

    account = add_staff(args.username, args.name or args.username, args.teams.split(","))
    print(f"account {account['username']}: password {account['password']}  API token {account['token']}")
    print("Bewaar het token nu: het wordt alleen gehasht opgeslagen.")
    return 0


def _cmd_lookups(args: argparse.Namespace) -> int:
    from bot.nlp.lookups import write

    print(f"geschreven: {write()}")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="wegwijzer", description="Wegwijzer: de weg in het sociaal domein.")
    sub = parser.add_subparsers(dest="command", required=True)

    serve = sub.add_parser("serve", help="train als het nodig is en start alle servers")
    serve.add_argument("--no-train", action="store_true", help="niet trainen, gebruik het laatste model")
    serve.add_argument("--no-web", action="store_true", help="start de medewerkers- en baliepagina niet")
    serve.set_defaults(func=_cmd_serve)

    train = sub.add_parser("train", help="train het model (alleen als data, config of domain veranderd is)")
    train.add_argument("--force", action="store_true")
    train.set_defaults(func=_cmd_train)

    status = sub.add_parser("status", help="toon welke onderdelen en welke spaCy-pipeline in gebruik zijn")
    status.set_defaults(func=_cmd_status)

    nlu = sub.add_parser("nlu", help="NLU-hulpmiddelen")
    nlu_sub = nlu.add_subparsers(dest="nlu_command", required=True)
    lookups = nlu_sub.add_parser("lookups", help="schrijf data/nlu/lookups.yml uit de catalogus")
    lookups.set_defaults(func=_cmd_lookups)

    staff = sub.add_parser("staff", help="medewerkers-accounts voor de inbox")
    staff_sub = staff.add_subparsers(dest="staff_command", required=True)
    staff_add = staff_sub.add_parser("add", help="account toevoegen (wachtwoord en token worden getoond)")
    staff_add.add_argument("username")
    staff_add.add_argument("--name")
    staff_add.add_argument("--teams", default="*", help="team-ids, komma-gescheiden; * = alle teams")
    staff_add.set_defaults(func=_cmd_staff_add)

    cat = sub.add_parser("catalogue", help="de sociale kaart controleren en exporteren")
    cat_sub = cat.add_subparsers(dest="catalogue_command", required=True)
    check = cat_sub.add_parser("check", help="controleer alle bestanden")
    check.add_argument("--dir", help="map van de catalogus (standaard data/catalogue)")
    check.add_argument("--seeds", help="map met seed-documenten om bronregels te controleren")
    check.add_argument("--no-seeds", action="store_true", help="bronregels niet controleren")
    check.set_defaults(func=_cmd_check)
    report = cat_sub.add_parser("report", help="wat elke gemeente nog moet controleren")
    report.add_argument("--dir")
    report.add_argument("--gemeente")
    report.add_argument("--json", action="store_true")
    report.set_defaults(func=_cmd_report)
    export = cat_sub.add_parser("export", help="exporteer naar HSDS-JSON")
    export.add_argument("--format", choices=["hsds"], default="hsds")
    export.add_argument("--gemeente", help="alleen deze gemeente (plus landelijke diensten)")
    export.add_argument("--dir")
    export.add_argument("-o", "--output")
    export.set_defaults(func=_cmd_export)

    zoek = sub.add_parser("zoek", help="zoek diensten voor een vraag in vrije tekst")
    zoek.add_argument("query")
    zoek.add_argument("--gemeente", default=None)
    zoek.add_argument("--leefgebied")
    zoek.add_argument("--zonder-afspraak", action="store_true")
    zoek.add_argument("--limit", type=int, default=5)
    zoek.add_argument("--json", action="store_true")
    zoek.set_defaults(func=_cmd_zoek)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    args = build_parser().parse_args(argv)
    if getattr(args, "gemeente", None) is None and args.command == "zoek":
        args.gemeente = settings().default_gemeente
    try:
        return int(args.func(args) or 0)
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
