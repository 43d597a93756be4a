"""Staff inbox: web pages (session login) and JSON API (Bearer token) for hand-off tickets."""
from __future__ import annotations

import logging
from functools import wraps
from pathlib import Path
from typing import Any, Awaitable, Callable, Dict, Optional

from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.handoff import rasa_api
from bot.handoff.config import handoff_config
from bot.handoff.outbox import notify
from bot.handoff.store import get_store
from bot.web.templates import render

logger = logging.getLogger(__name__)

bp = Blueprint("inbox")
COOKIE = "ww_session"
OPENAPI = Path(__file__).resolve().parents[2] / "docs" / "openapi.yml"

CLOSING = "De medewerker heeft het gesprek afgesloten. Je praat weer met Wegwijzer. Je kunt gewoon verder typen."
CALLBACK = "De medewerker belt je terug. Je praat nu weer met Wegwijzer."

Handler = Callable[..., Awaitable[HTTPResponse]]


def _bearer(request: Request) -> Optional[str]:
    header = request.headers.get("authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else None


def api_auth(handler: Handler) -> Handler:
    @wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        staff = get_store().staff_by_token(_bearer(request) or "")
        if staff is None:
            return response.json({"error": "niet ingelogd: stuur 'Authorization: Bearer <token>'"}, status=401)
        request.ctx.staff = staff
        return await handler(request, *args, **kwargs)

    return wrapper


def web_auth(handler: Handler) -> Handler:
    @wraps(handler)
    async def wrapper(request: Request, *args: Any, **kwargs: Any) -> HTTPResponse:
        staff = get_store().staff_by_session(request.cookies.get(COOKIE))
        if staff is None:
            return response.redirect("/login")
        if request.method == "POST" and request.form.get("csrf") != staff["csrf"]:
            return response.text("Ongeldig formulier. Laad de pagina opnieuw.", status=403)
        request.ctx.staff = staff
        return await handler(request, *args, **kwargs)

    return wrapper


def _visible(staff: Dict[str, Any], ticket: Optional[Dict[str, Any]]) -> bool:
    return ticket is not None and ("*" in staff["teams"] or ticket["team"] in staff["teams"])


def _summary_row(t: Dict[str, Any]) -> Dict[str, Any]:
    keys = ("id", "status", "gemeente", "team", "mode", "urgent", "summary", "conversation_id", "created_at", "claimed_by")
    return {k: t[k] for k in keys}


# -- actions shared by web and API -------------------------------------------------------


def do_claim(ticket_id: str, staff: Dict[str, Any]) -> Dict[str, Any]:
    store = get_store()
    ticket = store.claim(ticket_id, staff["username"])
    if ticket and ticket["mode"] == "live":
        store.add_message(ticket_id, "systeem", f"{staff['display_name']} is er nu voor je.", author=staff["display_name"])
        rasa_api.relay(ticket["conversation_id"])
    notify(store, store.get(ticket_id), "ticket_opgepakt")
    return ticket  # type: ignore[return-value]


def do_reply(ticket_id: str, staff: Dict[str, Any], text: str) -> Dict[str, Any]:
    store = get_store()
    message = store.add_message(ticket_id, "medewerker", text, author=staff["display_name"])
    ticket = store.get(ticket_id)
    if ticket and ticket["mode"] == "live":
        rasa_api.relay(ticket["conversation_id"])
    return message


def do_close(ticket_id: str, staff: Dict[str, Any]) -> Dict[str, Any]:
    store = get_store()
    ticket = store.get(ticket_id)
    if ticket and ticket["mode"] == "live" and ticket["status"] != "afgerond":
        store.add_message(ticket_id, "systeem", CLOSING, author=staff["display_name"])
        rasa_api.resume(ticket["conversation_id"])
        rasa_api.relay(ticket["conversation_id"])
    closed = store.close(ticket_id)
    notify(store, store.get(ticket_id), "ticket_afgerond")
    return closed  # type: ignore[return-value]


def do_callback(ticket_id: str, staff: Dict[str, Any]) -> Dict[str, Any]:
    store = get_store()
    ticket = store.get(ticket_id)
    if ticket and ticket["mode"] == "live":
        store.add_message(ticket_id, "systeem", CALLBACK, author=staff["display_name"])
        rasa_api.resume(ticket["conversation_id"])
        rasa_api.relay(ticket["conversation_id"])
    changed = store.to_callback(ticket_id)
    notify(store, store.get(ticket_id), "ticket_terugbellen")
    return changed  # type: ignore[return-value]


ACTIONS = {"claim": do_claim, "close": do_close, "callback": do_callback}


# -- JSON API ------------------------------------------------------------------------------


@bp.get("/api/openapi.yml")
async def openapi(request: Request) -> HTTPResponse:
    return response.text(OPENAPI.read_text(encoding="utf-8"), content_type="application/yaml")


@bp.get("/api/handoffs")
@api_auth
async def api_list(request: Request) -> HTTPResponse:
    staff = request.ctx.staff
    teams = [request.args.get("team")] if request.args.get("team") else staff["teams"]
    if "*" not in staff["teams"]:
        teams = [t for t in teams if t in staff["teams"]]
    rows = get_store().list(teams=teams, status=request.args.get("status"), gemeente=request.args.get("gemeente"))
    return response.json([_summary_row(t) for t in rows])


@bp.get("/api/handoffs/<ticket_id:str>")
@api_auth
async def api_get(request: Request, ticket_id: str) -> HTTPResponse:
    ticket = get_store().get(ticket_id)
    if not _visible(request.ctx.staff, ticket):
        return response.json({"error": "niet gevonden"}, status=404)
    return response.json(ticket)


@bp.post("/api/handoffs/<ticket_id:str>/<action:str>")
@api_auth
async def api_action(request: Request, ticket_id: str, action: str) -> HTTPResponse:
    staff = request.ctx.staff
    if not _visible(staff, get_store().get(ticket_id)):
        return response.json({"error": "niet gevonden"}, status=404)
    if action == "reply":
        body = request.json if isinstance(request.json, dict) else {}
        text = (body.get("text") or "").strip()
        if not text:
            return response.json({"error": "geef een 'text' mee"}, status=400)
        return response.json(do_reply(ticket_id, staff, text[:4000]))
    if action not in ACTIONS:
        return response.json({"error": f"onbekende actie '{action}'"}, status=404)
    return response.json(ACTIONS[action](ticket_id, staff))


# -- web pages -----------------------------------------------------------------------------


@bp.get("/login")
async def login_page(request: Request) -> HTTPResponse:
    return render("login.html", error=None)


@bp.post("/login")
async def login(request: Request) -> HTTPResponse:
    result = get_store().login(request.form.get("username", ""), request.form.get("password", ""))
    if not result:
        return render("login.html", http_status=401, error="Gebruikersnaam of wachtwoord klopt niet.")
    resp = response.redirect("/inbox")
    resp.cookies[COOKIE] = result["session"]
    resp.cookies[COOKIE]["httponly"] = True
    resp.cookies[COOKIE]["samesite"] = "Strict"
    resp.cookies[COOKIE]["path"] = "/"
    return resp


@bp.post("/logout")
@web_auth
async def logout(request: Request) -> HTTPResponse:
    get_store().logout(request.cookies.get(COOKIE, ""))
    resp = response.redirect("/login")
    del resp.cookies[COOKIE]
    return resp


@bp.get("/inbox")
@web_auth
async def inbox(request: Request) -> HTTPResponse:
    staff = request.ctx.staff
    team = request.args.get("team") or None
    teams = [team] if team else staff["teams"]
    status = request.args.get("status") or None
    tickets = get_store().list(teams=teams, status=status)
    all_teams = sorted({(t.id, t.naam) for g in handoff_config().gemeenten.values() for t in g.teams})
    if "*" not in staff["teams"]:
        all_teams = [t for t in all_teams if t[0] in staff["teams"]]
    return render("inbox.html", staff=staff, tickets=tickets, team=team, status=status, teams=all_teams)


@bp.get("/inbox/<ticket_id:str>")
@web_auth
async def ticket_page(request: Request, ticket_id: str) -> HTTPResponse:
    ticket = get_store().get(ticket_id)
    if not _visible(request.ctx.staff, ticket):
        return response.text("Niet gevonden", status=404)
    return render("ticket.html", staff=request.ctx.staff, t=ticket)


@bp.post("/inbox/<ticket_id:str>/<action:str>")
@web_auth
async def ticket_action(request: Request, ticket_id: str, action: str) -> HTTPResponse:
    staff = request.ctx.staff
    if not _visible(staff, get_store().get(ticket_id)):
        return response.text("Niet gevonden", status=404)
    if action == "reply":
        text = (request.form.get("text") or "").strip()
        if text:
            do_reply(ticket_id, staff, text[:4000])
    elif action in ACTIONS:
        ACTIONS[action](ticket_id, staff)
    else:
        return response.text("Onbekende actie", status=404)
    return response.redirect(f"/inbox/{ticket_id}")
