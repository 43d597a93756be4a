"""The handoff store (SQLAlchemy): tickets, their messages, staff accounts, sessions, and the outbox.

SQLite file under var/ by default (`WEGWIJZER_HANDOFF_DB`), PostgreSQL in production
(`postgresql://user@host/db`). Tables are created on first use.

Privacy: only the minimum is stored. A BSN is removed before anything reaches Rasa; resident
texts stored here are redacted again (BSN, IBAN, e-mail, phone). Contact details are kept
only in the ticket's contact field, after consent, and only what the resident chose.
"""
from __future__ import annotations

import hashlib
import hmac
import json
import secrets
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone
from typing import Any, Dict, Iterator, List, Optional

from sqlalchemy import Boolean, Column, DateTime, ForeignKey, Integer, String, Text, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, declarative_base, relationship, sessionmaker

from bot.privacy.redact import redact, redact_bsn

Base = declarative_base()

STATUSES = ("nieuw", "opgepakt", "afgerond")
MODES = ("live", "terugbellen", "email", "whatsapp")


def utcnow() -> datetime:
    return datetime.now(timezone.utc).replace(tzinfo=None)


def new_reference() -> str:
    """A short reference a resident can read out on the phone: WW-7K3F9Q (no 0/O/1/I)."""
    alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"
    return "WW-" + "".join(secrets.choice(alphabet) for _ in range(6))


class Ticket(Base):
    __tablename__ = "handoff_tickets"

    id = Column(String(12), primary_key=True)
    gemeente = Column(String(64), nullable=False, index=True)
    team = Column(String(64), nullable=False, index=True)
    dienst = Column(String(128))  # recommended service id
    summary = Column(Text, nullable=False)  # JSON: the structured summary (intake, advice)
    transcript = Column(Text, nullable=False)  # JSON list of {van, tekst}, redacted
    contact = Column(Text, nullable=False)  # JSON: kanaal, telefoon/e-mail, tijd, naam (all optional)
    mode = Column(String(16), nullable=False)
    conversation_id = Column(String(128), nullable=False, index=True)
    channel = Column(String(32))
    status = Column(String(16), nullable=False, default="nieuw", index=True)
    urgent = Column(Boolean, nullable=False, default=False)
    claimed_by = Column(String(64))
    created_at = Column(DateTime, nullable=False, default=utcnow)
    updated_at = Column(DateTime, nullable=False, default=utcnow)
    closed_at = Column(DateTime)
    messages = relationship("TicketMessage", order_by="TicketMessage.id", back_populates="ticket")

    def as_dict(self, with_messages: bool = False) -> Dict[str, Any]:
        data = {
            "id": self.id,
            "gemeente": self.gemeente,
            "team": self.team,
            "dienst": self.dienst,
            "status": self.status,
            "mode": self.mode,
            "urgent": self.urgent,
            "summary": json.loads(self.summary),
            "transcript": json.loads(self.transcript),
            "contact": json.loads(self.contact),
            "conversation_id": self.conversation_id,
            "channel": self.channel,
            "claimed_by": self.claimed_by,
            "created_at": _iso(self.created_at),
            "updated_at": _iso(self.updated_at),
            "closed_at": _iso(self.closed_at),
        }
        if with_messages:
            data["messages"] = [m.as_dict() for m in self.messages]
        return data


class TicketMessage(Base):
    __tablename__ = "handoff_messages"

    id = Column(Integer, primary_key=True, autoincrement=True)
    ticket_id = Column(String(12), ForeignKey("handoff_tickets.id"), nullable=False, index=True)
    direction = Column(String(16), nullable=False)  # inwoner, medewerker, systeem (to the resident), notitie (staff only)
    author = Column(String(64))
    text = Column(Text, nullable=False)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    delivered_at = Column(DateTime)  # for messages to the resident
    ticket = relationship("Ticket", back_populates="messages")

    def as_dict(self) -> Dict[str, Any]:
        return {
            "id": self.id,
            "direction": self.direction,
            "author": self.author,
            "text": self.text,
            "created_at": _iso(self.created_at),
            "delivered_at": _iso(self.delivered_at),
        }


class StaffUser(Base):
    __tablename__ = "staff_users"

    username = Column(String(64), primary_key=True)
    display_name = Column(String(128), nullable=False)
    teams = Column(Text, nullable=False)  # JSON list of team ids; ["*"] = all teams
    password_hash = Column(String(256), nullable=False)
    token_hash = Column(String(128), index=True)
    created_at = Column(DateTime, nullable=False, default=utcnow)

    def team_list(self) -> List[str]:
        return json.loads(self.teams)


class StaffSession(Base):
    __tablename__ = "staff_sessions"

    id_hash = Column(String(128), primary_key=True)
    username = Column(String(64), ForeignKey("staff_users.username"), nullable=False)
    csrf = Column(String(64), nullable=False)
    expires_at = Column(DateTime, nullable=False)


class OutboxEvent(Base):
    __tablename__ = "handoff_outbox"

    id = Column(String(40), primary_key=True)  # also the Idempotency-Key
    ticket_id = Column(String(12), nullable=False, index=True)
    event = Column(String(32), nullable=False)
    url = Column(Text, nullable=False)
    payload = Column(Text, nullable=False)
    attempts = Column(Integer, nullable=False, default=0)
    next_attempt_at = Column(DateTime, nullable=False, default=utcnow, index=True)
    status = Column(String(16), nullable=False, default="wachtend", index=True)  # wachtend, verzonden
    last_error = Column(Text)
    created_at = Column(DateTime, nullable=False, default=utcnow)
    sent_at = Column(DateTime)


def _iso(value: Optional[datetime]) -> Optional[str]:
    return value.replace(tzinfo=timezone.utc).isoformat() if value else None


# -- password and token hashing (stdlib scrypt; constant-time comparison) ------------------


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode(), salt=salt, n=2**14, r=8, p=1)
    return f"scrypt${salt.hex()}${digest.hex()}"


def check_password(password: str, stored: str) -> bool:
    try:
        _, salt, digest = stored.split("$")
    except ValueError:
        return False
    candidate = hashlib.scrypt(password.encode(), salt=bytes.fromhex(salt), n=2**14, r=8, p=1)
    return hmac.compare_digest(candidate.hex(), digest)


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


# -- the store ----------------------------------------------------------------------------


class HandoffStore:
    def __init__(self, url: str):
        kwargs: Dict[str, Any] = {"future": True, "pool_pre_ping": True}
        if url.startswith("sqlite"):
            kwargs["connect_args"] = {"check_same_thread": False, "timeout": 30}
        self.engine: Engine = create_engine(url, **kwargs)
        Base.metadata.create_all(self.engine)
        self._session = sessionmaker(self.engine, expire_on_commit=False, future=True)

    @contextmanager
    def session(self) -> Iterator[Session]:
        with self._session() as s:
            with s.begin():
                yield s

    # tickets ------------------------------------------------------------------------------

    def create_ticket(
        self,
        *,
        gemeente: str,
        team: str,
        dienst: Optional[str],
        summary: Dict[str, Any],
        transcript: List[Dict[str, str]],
        contact: Dict[str, Any],
        mode: str,
        conversation_id: str,
        channel: Optional[str],
        urgent: bool = False,
    ) -> Ticket:
        if mode not in MODES:
            raise ValueError(f"unknown mode {mode}")
        clean_transcript = [{"van": t["van"], "tekst": redact(t["tekst"])[:500]} for t in transcript]
        with self.session() as s:
            ref = new_reference()
            while s.get(Ticket, ref) is not None:
                ref = new_reference()
            ticket = Ticket(
                id=ref,
                gemeente=gemeente,
                team=team,
                dienst=dienst,
                summary=json.dumps(_redact_tree(summary), ensure_ascii=False),
                transcript=json.dumps(clean_transcript, ensure_ascii=False),
                contact=json.dumps({k: v for k, v in contact.items() if v not in (None, "")}, ensure_ascii=False),
                mode=mode,
                conversation_id=conversation_id,
                channel=channel,
                urgent=urgent,
            )
            s.add(ticket)
        return ticket

    def get(self, ticket_id: str) -> Optional[Dict[str, Any]]:
        with self.session() as s:
            ticket = s.get(Ticket, ticket_id)
            return ticket.as_dict(with_messages=True) if ticket else None

    def list(self, teams: Optional[List[str]] = None, status: Optional[str] = None, gemeente: Optional[str] = None) -> List[Dict[str, Any]]:
        with self.session() as s:
            query = select(Ticket).order_by(Ticket.urgent.desc(), Ticket.created_at.asc())
            if teams and "*" not in teams:
                query = query.where(Ticket.team.in_(teams))
            if status:
                query = query.where(Ticket.status == status)
            if gemeente:
                query = query.where(Ticket.gemeente == gemeente)
            return [t.as_dict() for t in s.execute(query).scalars()]

    def _change(self, ticket_id: str, **values: Any) -> Optional[Dict[str, Any]]:
        with self.session() as s:
            ticket = s.get(Ticket, ticket_id)
            if ticket is None:
                return None
            for key, value in values.items():
                setattr(ticket, key, value)
            ticket.updated_at = utcnow()
            return ticket.as_dict()

    def claim(self, ticket_id: str, username: str) -> Optional[Dict[str, Any]]:
        return self._change(ticket_id, status="opgepakt", claimed_by=username)

    def close(self, ticket_id: str) -> Optional[Dict[str, Any]]:
        return self._change(ticket_id, status="afgerond", closed_at=utcnow())

    def to_callback(self, ticket_id: str) -> Optional[Dict[str, Any]]:
        return self._change(ticket_id, mode="terugbellen")

    def mark_urgent(self, ticket_id: str) -> None:
        self._change(ticket_id, urgent=True)

    def live_ticket_for(self, conversation_id: str) -> Optional[Dict[str, Any]]:
        """The open live-chat ticket of a conversation, if a person is (to be) chatting."""
        with self.session() as s:
            query = (
                select(Ticket)
                .where(Ticket.conversation_id == conversation_id, Ticket.mode == "live", Ticket.status != "afgerond")
                .order_by(Ticket.created_at.desc())
            )
            ticket = s.execute(query).scalars().first()
            return ticket.as_dict() if ticket else None

    # messages -----------------------------------------------------------------------------

    def add_message(self, ticket_id: str, direction: str, text: str, author: Optional[str] = None) -> Dict[str, Any]:
        # resident texts lose all personal identifiers; staff texts only a BSN (they may give a phone number)
        clean = redact(text) if direction == "inwoner" else redact_bsn(text)
        with self.session() as s:
            message = TicketMessage(ticket_id=ticket_id, direction=direction, author=author, text=clean[:4000])
            if direction == "inwoner":
                message.delivered_at = utcnow()
            s.add(message)
            ticket = s.get(Ticket, ticket_id)
            if ticket:
                ticket.updated_at = utcnow()
            s.flush()
            return message.as_dict()

    def pending_for_resident(self, conversation_id: str, mark: bool = True) -> List[Dict[str, Any]]:
        """Staff and system messages not yet delivered to the resident (oldest first)."""
        with self.session() as s:
            query = (
                select(TicketMessage)
                .join(Ticket)
                .where(
                    Ticket.conversation_id == conversation_id,
                    TicketMessage.direction.in_(("medewerker", "systeem")),
                    TicketMessage.delivered_at.is_(None),
                )
                .order_by(TicketMessage.id)
            )
            messages = list(s.execute(query).scalars())
            if mark:
                for m in messages:
                    m.delivered_at = utcnow()
            return [m.as_dict() for m in messages]

    # staff --------------------------------------------------------------------------------

    def upsert_staff(self, username: str, password: str, display_name: str, teams: List[str], token: Optional[str] = None) -> None:
        with self.session() as s:
            user = s.get(StaffUser, username) or StaffUser(username=username)
            user.display_name = display_name
            user.teams = json.dumps(teams)
            user.password_hash = hash_password(password)
            if token:
                user.token_hash = hash_token(token)
            s.merge(user)

    def staff_by_token(self, token: str) -> Optional[Dict[str, Any]]:
        if not token:
            return None
        with self.session() as s:
            user = s.execute(select(StaffUser).where(StaffUser.token_hash == hash_token(token))).scalars().first()
            return _staff_dict(user) if user else None

    def login(self, username: str, password: str, hours: int = 8) -> Optional[Dict[str, str]]:
        with self.session() as s:
            user = s.get(StaffUser, username)
            if user is None or not check_password(password, user.password_hash):
                return None
            session_id, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(16)
            s.add(StaffSession(id_hash=hash_token(session_id), username=username, csrf=csrf, expires_at=utcnow() + timedelta(hours=hours)))
            return {"session": session_id, "csrf": csrf}

    def staff_by_session(self, session_id: Optional[str]) -> Optional[Dict[str, Any]]:
        if not session_id:
            return None
        with self.session() as s:
            row = s.get(StaffSession, hash_token(session_id))
            if row is None or row.expires_at < utcnow():
                return None
            user = s.get(StaffUser, row.username)
            return {**_staff_dict(user), "csrf": row.csrf} if user else None

    def logout(self, session_id: str) -> None:
        with self.session() as s:
            row = s.get(StaffSession, hash_token(session_id))
            if row:
                s.delete(row)

    # outbox -------------------------------------------------------------------------------

    def enqueue(self, ticket_id: str, event: str, url: str, payload: Dict[str, Any]) -> str:
        event_id = f"{ticket_id}-{event}-{secrets.token_hex(6)}"
        with self.session() as s:
            s.add(OutboxEvent(id=event_id, ticket_id=ticket_id, event=event, url=url, payload=json.dumps(payload, ensure_ascii=False)))
        return event_id

    def due_events(self, limit: int = 20) -> List[OutboxEvent]:
        with self.session() as s:
            query = (
                select(OutboxEvent)
                .where(OutboxEvent.status == "wachtend", OutboxEvent.next_attempt_at <= utcnow())
                .order_by(OutboxEvent.created_at)
                .limit(limit)
            )
            return list(s.execute(query).scalars())

    def mark_sent(self, event_id: str) -> None:
        with self.session() as s:
            event = s.get(OutboxEvent, event_id)
            if event:
                event.status, event.sent_at, event.attempts = "verzonden", utcnow(), event.attempts + 1

    def mark_failed(self, event_id: str, error: str, delay_seconds: float) -> None:
        with self.session() as s:
            event = s.get(OutboxEvent, event_id)
            if event:
                event.attempts += 1
                event.last_error = error[:500]
                event.next_attempt_at = utcnow() + timedelta(seconds=delay_seconds)

    def outbox(self, ticket_id: Optional[str] = None) -> List[Dict[str, Any]]:
        with self.session() as s:
            query = select(OutboxEvent).order_by(OutboxEvent.created_at)
            if ticket_id:
                query = query.where(OutboxEvent.ticket_id == ticket_id)
            return [
                {"id": e.id, "event": e.event, "status": e.status, "attempts": e.attempts, "last_error": e.last_error}
                for e in s.execute(query).scalars()
            ]


def _staff_dict(user: StaffUser) -> Dict[str, Any]:
    return {"username": user.username, "display_name": user.display_name, "teams": user.team_list()}


def _redact_tree(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {k: _redact_tree(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_tree(v) for v in value]
    return value


_STORES: Dict[str, HandoffStore] = {}


def get_store(url: Optional[str] = None) -> HandoffStore:
    """One store per database URL per process."""
    from bot.config import settings

    url = url or settings().handoff_db_url
    if url not in _STORES:
        _STORES[url] = HandoffStore(url)
    return _STORES[url]
