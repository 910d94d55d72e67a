"""The web application: Starlette routes, Jinja2 pages, and the checking behind them.

Routes: `GET /` the upload page; `POST /check` uploaded files, pasted text, or one document sent
back by the page with the facts a person gave; `POST /download` the reviewed .docx or a report
(SARIF, JSON, HTML) for one document; `GET /explain/RULE` a rule's explanation; `POST /example`
one of the example tenders (`--examples`). Checking runs in a worker thread under a lock: the
rule engine's sessions belong to one `Checker`, so uploads arriving together are checked one
after another and never share a session.
"""
from __future__ import annotations

import base64
import binascii
import re
import tempfile
import threading
import unicodedata
from pathlib import Path
from typing import Any, Optional
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..check import Checker
from ..load import ADAPTERS
from ..report.docx_review import ReviewError
from ..review import Reviewed, review_path
from .view import FACT_FIELDS, facts_from_form, file_view

HERE = Path(__file__).resolve().parent
MAX_FILES = 20
MAX_PASTE_CHARS = 2_000_000
DOWNLOADS = {"docx": ("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                      ".reviewed.docx"),
             "sarif": ("application/sarif+json", ".sarif"),
             "json": ("application/json", ".svrules.json"),
             "html": ("text/html; charset=utf-8", ".svrules.html")}
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; "
                               "img-src 'self'; form-action 'self'; base-uri 'none'; "
                               "frame-ancestors 'none'",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


class SecurityHeaders:
    """Adds the security headers to every response (a pure ASGI middleware)."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def sending(message) -> None:
            if message["type"] == "http.response.start":
                have = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k.lower().encode(), v.encode()) for k, v in SECURITY_HEADERS.items()
                         if k.lower().encode() not in have]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, sending)


def safe_name(name: Optional[str], fallback: str = "tender.txt") -> str:
    """A file name to show and to offer for download: the last path part, printable, short."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in unicodedata.normalize("NFC", name)
                   if unicodedata.category(ch)[0] not in "CZ" or ch == " ").strip(" .")
    return name[:120] or fallback


def _ascii_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name) or "tender"


class Service:
    """What the page checks with, built once: the checker, the report context, the limits."""

    def __init__(self, config, pack, lawbook, version: str,
                 examples: Optional[Path] = None) -> None:
        self.config = config
        self.pack = pack
        self.version = version
        self.checker = Checker(pack, config, engine=config.engine, lawbook=lawbook)
        self.max_bytes = config.load_limits().max_file_bytes
        self.lock = threading.Lock()
        self.examples = examples

    def example_names(self) -> list[str]:
        if self.examples is None or not self.examples.is_dir():
            return []
        return sorted(p.name for p in self.examples.iterdir()
                      if p.is_file() and p.suffix.lower() in ADAPTERS
                      and not p.name.endswith(".svrules.yaml"))

    def check(self, name: str, data: bytes, facts: Optional[dict[str, Any]] = None,
              word_copy: bool = False) -> tuple[Reviewed, bytes]:
        """Review one document in a temporary folder that is gone when this returns; with
        `word_copy`, also the reviewed .docx (raises ReviewError when it cannot be made)."""
        from ..report import ReportContext
        from ..report.docx_review import reviewed_docx
        with tempfile.TemporaryDirectory(prefix="svrules-serve-") as folder:
            path = Path(folder) / f"upload{Path(name).suffix.lower()}"
            path.write_bytes(data)
            with self.lock:
                reviewed = review_path(self.checker, path, name, facts=facts)
            if not word_copy or reviewed.result.errors:
                return reviewed, b""
            ctx = ReportContext(pack=self.pack, version=self.version)
            return reviewed, reviewed_docx(path, reviewed, ctx)

    def report(self, fmt: str, reviewed: Reviewed) -> str:
        from ..report import ReportContext, formatter
        ctx = ReportContext(pack=self.pack, version=self.version)
        return formatter(fmt)([reviewed.result], ctx)


def _problem(name: str, message: str) -> dict:
    return {"name": name, "error": message}


def create_app(config, pack, lawbook, version: str, examples: Optional[str] = None) -> Starlette:
    service = Service(config, pack, lawbook, version, Path(examples) if examples else None)
    import jinja2
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(HERE / "templates")),
                             autoescape=True)
    templates = Jinja2Templates(env=env)
    templates.env.globals["fact_fields"] = FACT_FIELDS

    def page(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
        base = request.scope.get("root_path", "").rstrip("/")
        return templates.TemplateResponse(request, name, {"base": base, "version": version,
                                                          **context}, status_code=status)

    def check_one(name: str, data: bytes, facts=None) -> dict:
        name = safe_name(name)
        if Path(name).suffix.lower() not in ADAPTERS:
            return _problem(name, "svrules cannot read this kind of file: give a .docx, .pdf, "
                                  ".odt, .html, .md or .txt file")
        if len(data) > service.max_bytes:
            return _problem(name, f"the file is larger than the limit of "
                                  f"{service.max_bytes / 2**20:g} MB")
        reviewed, _ = service.check(name, data, facts)
        return file_view(reviewed, name, data, service.pack)

    async def read_form(request: Request):
        origin = request.headers.get("origin")
        if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
            raise HTTPException(403, "a form from another site cannot use this page")
        length = request.headers.get("content-length")
        budget = MAX_FILES * (service.max_bytes * 4 // 3 + 4096)
        if length and length.isdigit() and int(length) > budget:
            raise HTTPException(413, "the upload is larger than the limits allow")
        return request.form(max_files=MAX_FILES, max_fields=100,
                            max_part_size=service.max_bytes * 4 // 3 + 4096)

    async def index(request: Request) -> HTMLResponse:
        return page(request, "index.html", examples=service.example_names(),
                    max_mb=service.max_bytes / 2**20, max_files=MAX_FILES)

    async def check(request: Request) -> HTMLResponse:
        files: list[dict] = []
        async with await read_form(request) as form:
            uploads = [u for u in form.getlist("files") if isinstance(u, UploadFile) and u.filename]
            if len(uploads) > MAX_FILES:
                raise HTTPException(413, f"at most {MAX_FILES} files at once")
            for upload in uploads:
                data = await upload.read(service.max_bytes + 1)
                files.append(await run_in_threadpool(check_one, upload.filename, data))
            pasted = str(form.get("text") or "")
            if pasted.strip():
                if len(pasted) > MAX_PASTE_CHARS:
                    files.append(_problem("pasted text", "the pasted text is too long"))
                else:
                    name = safe_name(str(form.get("text_name") or ""), "pasted-text.md")
                    if Path(name).suffix.lower() not in (".md", ".txt"):
                        name += ".md"
                    files.append(await run_in_threadpool(check_one, name, pasted.encode()))
            payload = form.get("payload")
            if isinstance(payload, str) and payload:
                name, data = _payload(form)
                facts, problem = facts_from_form(form)
                if problem:
                    view = await run_in_threadpool(check_one, name, data)
                    view["form_error"] = problem
                    files.append(view)
                else:
                    files.append(await run_in_threadpool(check_one, name, data, facts))
        if not files:
            return page(request, "index.html", status=400, examples=service.example_names(),
                        max_mb=service.max_bytes / 2**20, max_files=MAX_FILES,
                        message="Choose a file, drop one on the page, or paste the text first.")
        return page(request, "result.html", files=files)

    async def example(request: Request) -> HTMLResponse:
        async with await read_form(request) as form:
            wanted = str(form.get("name") or "")
        if wanted not in service.example_names():
            raise HTTPException(404, "no such example")
        data = (service.examples / wanted).read_bytes()
        view = await run_in_threadpool(check_one, wanted, data)
        return page(request, "result.html", files=[view])

    async def download(request: Request) -> Response:
        async with await read_form(request) as form:
            fmt = str(form.get("format") or "")
            if fmt not in DOWNLOADS:
                raise HTTPException(400, "unknown download format")
            name, data = _payload(form)
            facts, problem = facts_from_form(form)
        if problem:
            raise HTTPException(400, f"the facts given: {problem}")
        try:
            reviewed, body = await run_in_threadpool(service.check, name, data, facts,
                                                     fmt == "docx")
        except ReviewError as exc:
            raise HTTPException(422, f"{name}: {exc}") from None
        if reviewed.result.errors:
            e = reviewed.result.errors[0]
            raise HTTPException(422, f"{name}: {e.message}")
        if fmt != "docx":
            body = (await run_in_threadpool(service.report, fmt, reviewed)).encode()
        media, ending = DOWNLOADS[fmt]
        filename = _ascii_name(Path(name).stem) + ending
        return Response(body, media_type=media,
                        headers={"Content-Disposition": f'attachment; filename="{filename}"'})

    async def explain(request: Request) -> HTMLResponse:
        from ..docs import explain_text
        rule = service.pack.by_id.get(request.path_params["rule"].upper())
        if rule is None:
            raise HTTPException(404, "no such rule")
        return page(request, "explain.html", rule=rule, text=explain_text(service.pack, rule))

    async def problem(request: Request, exc: HTTPException) -> HTMLResponse:
        return page(request, "error.html", status=exc.status_code, message=exc.detail)

    def _payload(form) -> tuple[str, bytes]:
        name = safe_name(str(form.get("filename") or ""))
        try:
            data = base64.b64decode(str(form.get("payload") or ""), validate=True)
        except (binascii.Error, ValueError):
            raise HTTPException(400, "the document sent back by the page is damaged") from None
        if len(data) > service.max_bytes:
            raise HTTPException(413, "the file is larger than the limit")
        return name, data

    app = Starlette(routes=[
        Route("/", index),
        Route("/check", check, methods=["POST"]),
        Route("/example", example, methods=["POST"]),
        Route("/download", download, methods=["POST"]),
        Route("/explain/{rule}", explain),
        Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static"),
    ], exception_handlers={HTTPException: problem},
        middleware=[Middleware(SecurityHeaders)])

    return app


def run(host: str, port: int, config, pack, lawbook, examples: Optional[str] = None,
        root_path: str = "") -> None:
    """Serve until interrupted (uvicorn; behind a reverse proxy see docs/serve.md)."""
    import uvicorn

    from .. import __version__
    app = create_app(config, pack, lawbook, __version__, examples)
    print(f"svrules serve: http://{host}:{port}{root_path}/ (Ctrl+C stops it)", flush=True)
    uvicorn.run(app, host=host, port=port, root_path=root_path, log_level="warning",
                server_header=False)
