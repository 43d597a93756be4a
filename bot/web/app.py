"""The Wegwijzer web app (sanic): health/status now; receptionist look-up and staff inbox mount here."""
from __future__ import annotations

import logging
from pathlib import Path

from sanic import Sanic, response
from sanic.request import Request

from bot.config import settings
from bot.status import collect_status

logger = logging.getLogger(__name__)


STATIC = Path(__file__).resolve().parent / "static"


def create_app(name: str = "wegwijzer_web", outbox: bool = True) -> Sanic:
    from bot.handoff.outbox import OutboxWorker
    from bot.handoff.store import get_store
    from bot.web.balie import bp as balie
    from bot.web.inbox import bp as inbox

    app = Sanic(name)
    app.static("/static", str(STATIC))
    app.blueprint(balie)
    app.blueprint(inbox)

    @app.listener("before_server_start")
    async def local_staff(app: Sanic, loop) -> None:  # type: ignore[no-untyped-def]
        from bot.handoff.staff import ensure_local_staff

        ensure_local_staff()

    if outbox:
        @app.listener("after_server_start")
        async def start_outbox(app: Sanic, loop) -> None:  # type: ignore[no-untyped-def]
            app.ctx.outbox = OutboxWorker(get_store())
            app.ctx.outbox.start()

        @app.listener("before_server_stop")
        async def stop_outbox(app: Sanic, loop) -> None:  # type: ignore[no-untyped-def]
            app.ctx.outbox.stop()

    @app.get("/health")
    async def health(request: Request) -> response.HTTPResponse:
        return response.json(collect_status())

    return app


def main() -> None:
    from bot.privacy.redact import install_log_redaction

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    install_log_redaction()
    cfg = settings()
    app = create_app()
    app.run(host=cfg.web_host, port=cfg.web_port, access_log=False, workers=1, motd=False)


if __name__ == "__main__":
    main()
