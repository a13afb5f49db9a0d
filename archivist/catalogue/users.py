"""Units and named accounts (team_units, team_users): the rows behind login and roles."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from .journal import now


@dataclass(frozen=True)
class Account:
    """One account row; the password only as its argon2id hash."""

    username: str
    display_name: str
    role: str
    unit: str
    disabled: bool
    session_epoch: int
    password_hash: str


def _account(row: sqlite3.Row) -> Account:
    return Account(row["username"], row["display_name"], row["role"], row["unit"], bool(row["disabled"]),
                   int(row["session_epoch"]), row["password_hash"])


class UserRepository:
    """Accounts and units. Writes go inside the catalogue's transaction(); reads work on a read-only
    connection too (the web's per-request account check)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def get(self, username: str) -> Account | None:
        row = self.db.execute("SELECT * FROM team_users WHERE username=?", (username,)).fetchone()
        return _account(row) if row else None

    def all(self) -> list[Account]:
        """Every account, by role, unit and name."""
        return [_account(r) for r in self.db.execute("SELECT * FROM team_users ORDER BY role, unit, username")]

    def any(self) -> bool:
        return self.db.execute("SELECT 1 FROM team_users LIMIT 1").fetchone() is not None

    def add(self, username: str, display_name: str, role: str, unit: str, password_hash: str) -> None:
        at = now()
        self.db.execute(
            "INSERT INTO team_users(username, display_name, role, unit, password_hash, disabled, session_epoch,"
            " created_at, updated_at) VALUES (?,?,?,?,?,0,0,?,?)",
            (username, display_name, role, unit, password_hash, at, at))

    def set_disabled(self, username: str, disabled: bool) -> None:
        """Also ends the account's open sessions (session_epoch moves on)."""
        self.db.execute("UPDATE team_users SET disabled=?, session_epoch=session_epoch+1, updated_at=?"
                        " WHERE username=?", (int(disabled), now(), username))

    def set_password_hash(self, username: str, password_hash: str) -> None:
        """Also ends the account's open sessions (session_epoch moves on)."""
        self.db.execute("UPDATE team_users SET password_hash=?, session_epoch=session_epoch+1, updated_at=?"
                        " WHERE username=?", (password_hash, now(), username))

    # units ---------------------------------------------------------------------------------------
    def unit_names(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT name FROM team_units ORDER BY name")]

    def has_unit(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM team_units WHERE name=?", (name,)).fetchone() is not None

    def add_unit(self, name: str, contact: str, phone: str) -> None:
        self.db.execute("INSERT INTO team_units(name, contact, phone, created_at) VALUES (?,?,?,?)",
                        (name, contact, phone, now()))
