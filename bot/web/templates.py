"""Jinja2 templates for the web app (autoescaped; no assets from the internet)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape
from sanic import response


@lru_cache(maxsize=1)
def env() -> Environment:
    return Environment(loader=PackageLoader("bot.web", "templates"), autoescape=select_autoescape(["html"]))


def render(name: str, http_status: int = 200, **context: Any) -> response.HTTPResponse:
    return response.html(env().get_template(name).render(**context), status=http_status)
