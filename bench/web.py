"""The office server under load: 20 people at once on dashboard, search, 任务清单 and upload.

    .venv/bin/python bench/web.py                          # 2,000 documents, 20 clients for 60 s
    .venv/bin/python bench/web.py --docs 20000             # the county-sized archive
    .venv/bin/python bench/web.py --docs 500 --seconds 10  # a quick look

A generated archive (bench/gen_text.py: notices, plans, ledgers across every indicator) is written
into a fresh workspace with its search index, 20 资料组 accounts and a served instance started the
way an office starts it (`archivist -w WS serve`, its own process on a loopback port). Each client
is a thread with its own httpx session, logged in through the form, cycling through the four pages
a working day is made of: 总览 (GET /), 检索 (GET /search?q=… with words of the archive's own
vocabulary), 任务清单 (GET /tasks?unit=…) and 报送 (POST /tasks/submit: a text file into a unit's
required item, classified and held for review under the writer lock). Every so many cycles an
upload; the rest reads.

First one client alone for --baseline-seconds (the latency a single user sees on this machine now),
then --clients at once for --seconds. Per page: requests, requests/s, p50/p95 in ms for both runs,
and the ratio of the loaded p95 to the single-client p95 — a ratio, because the machine this runs on
is shared and its absolute speed says little. Refused uploads (the writer lock was busy past the
web's wait) are counted, not hidden. Numbers are printed with the command that produced them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

PAGES = ("dashboard", "search", "tasks", "upload")
PASSWORD = "bench-pass-123"


@dataclass
class Timings:
    """Latencies (seconds) per page and the answers that were not what a user wants."""

    seconds: dict[str, list[float]] = field(default_factory=lambda: {p: [] for p in PAGES})
    failed: dict[str, int] = field(default_factory=lambda: {p: 0 for p in PAGES})
    refused_uploads: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, page: str, took: float, ok: bool) -> None:
        with self.lock:
            self.seconds[page].append(took)
            if not ok:
                self.failed[page] += 1


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


# the workspace ---------------------------------------------------------------------------------
Target = tuple[str, str, int]  # (unit, an indicator it leads, how many required items it has)


def make_workspace(folder: Path, docs: int, clients: int, seed: int) -> tuple[Path, list[str], list[Target]]:
    """A workspace with `docs` generated records indexed for search, `clients` 资料组 accounts;
    returns (root, search words, [(unit, indicator, items)] for the 任务清单 and uploads)."""
    import hashlib

    from gen_text import Generator

    from archivist.catalogue import Catalogue
    from archivist.search import analysis, rebuild_from_catalogue
    from archivist.team.submissions import unit_indicators
    from archivist.team.users import add_user
    from archivist.workspace import init_workspace

    ws = init_workspace(folder / "ws", county="云岭县", year=2024)
    known = {ind.code for ind in ws.frameworks.indicators()}
    gen = Generator(seed)
    catalogue = Catalogue(ws.catalogue_path)
    try:
        for start in range(0, docs, 1000):
            with catalogue.transaction():
                for i in range(start, min(docs, start + 1000)):
                    record = gen.record(i)
                    if record["indicator"] not in known:
                        record["indicator"] = None
                        record["status"] = "unsorted"
                    data = record["text"].encode("utf-8")
                    record |= {"sha256": hashlib.sha256(data + record["id"].encode()).hexdigest(), "size": len(data),
                               "links": [], "confidence": 0.9 if record["indicator"] else 0.1}
                    catalogue.insert(record)
                    catalogue.audit("filed", record["id"], {"name": record["original_name"], "bench": True})
        with ws.writer_lock():
            rebuild_from_catalogue(ws, catalogue)
        with catalogue.transaction():
            for k in range(clients):
                add_user(catalogue, f"zlz{k:02d}", PASSWORD, "资料组", "", f"资料组{k:02d}")
    finally:
        catalogue.close()
    words = sorted({w for t in gen.topics for c in t.clauses for w in analysis.cut(c)
                    if len(w) >= 2 and analysis.has_han(w)})
    words += sorted({v for vs in gen.villages.values() for v in vs})[:50]
    units = sorted({ind.lead_unit for ind in ws.frameworks.indicators() if ind.lead_unit})
    targets = []
    for unit in units:
        owned = [ind for ind in unit_indicators(ws, unit) if ind.evidence]
        if owned:
            targets.append((unit, owned[0].code, len(owned[0].evidence)))
    return ws.root, words, targets


# the server ------------------------------------------------------------------------------------
def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(root: Path, port: int, log: Path) -> subprocess.Popen[bytes]:
    """`archivist -w ROOT serve --port PORT` in its own process group; waits until it answers."""
    import httpx

    out = log.open("wb")
    proc = subprocess.Popen([sys.executable, "-m", "archivist", "-w", str(root), "serve", "--port", str(port)],
                            stdout=out, stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            tail = log.read_text(errors="replace")[-2000:]
            raise SystemExit(f"服务未能启动（退出码 {proc.returncode}）：见 {log}\n{tail}")
        try:
            if httpx.get(f"http://127.0.0.1:{port}/login", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
    stop_server(proc)
    raise SystemExit(f"服务 120 秒内没有应答：见 {log}")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)


# one client ------------------------------------------------------------------------------------
CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class Client:
    """One person at a browser: their own session, their unit to look after, their queries."""

    def __init__(self, base: str, number: int, words: list[str], targets: list[Target],
                 upload_every: int, seed: int) -> None:
        import httpx

        self.http = httpx.Client(base_url=base, timeout=120, follow_redirects=False)
        self.rng = random.Random(seed * 1000 + number)
        self.words = words
        self.unit, self.indicator, self.items = targets[number % len(targets)]
        self.upload_every = upload_every
        self.number = number
        self.cycles = 0
        token = CSRF.search(self.http.get("/login").text)
        assert token, "登录页没有 csrf-token"
        r = self.http.post("/login", data={"user": f"zlz{number:02d}", "password": PASSWORD,
                                           "csrf_token": token.group(1), "next": "/"})
        assert r.status_code == 303, f"登录失败：{r.status_code} {r.text[:200]}"
        token = CSRF.search(self.http.get("/tasks").text)
        assert token
        self.csrf = token.group(1)

    def cycle(self, timings: Timings, folder: Path) -> None:
        self.cycles += 1
        self._get(timings, "dashboard", "/")
        query = " ".join(self.rng.sample(self.words, self.rng.choice((1, 1, 2))))
        self._get(timings, "search", "/search", {"q": query})
        self._get(timings, "tasks", "/tasks", {"unit": self.unit})
        if self.cycles % self.upload_every == 0:
            self._upload(timings, folder)

    def _get(self, timings: Timings, page: str, url: str, params: dict[str, str] | None = None) -> None:
        start = time.perf_counter()
        r = self.http.get(url, params=params)
        timings.add(page, time.perf_counter() - start, r.status_code == 200)

    def _upload(self, timings: Timings, folder: Path) -> None:
        item = 1 + self.rng.randrange(self.items)
        name = f"{self.unit}-{self.indicator}-{item}-{self.number:02d}-{self.cycles:04d}.txt"
        words = " ".join(self.rng.sample(self.words, 40))
        body = f"{self.unit}关于{self.indicator}工作推进情况的报告\n{words}\n{self.unit}\n2024年11月20日\n"
        start = time.perf_counter()
        r = self.http.post("/tasks/submit", headers={"accept": "application/json"},
                           data={"csrf_token": self.csrf, "indicator": self.indicator, "item_no": str(item),
                                 "unit": self.unit},
                           files={"file": (name, body.encode("utf-8"), "text/plain")})
        took = time.perf_counter() - start
        ok = r.status_code == 200 and r.json().get("ok") is True
        timings.add("upload", took, ok)
        if r.status_code == 409:
            with timings.lock:
                timings.refused_uploads += 1

    def close(self) -> None:
        self.http.close()


def run(base: str, clients: int, seconds: float, words: list[str], targets: list[Target],
        upload_every: int, seed: int, folder: Path) -> tuple[Timings, float]:
    """`clients` threads cycling until `seconds` have passed; (timings, wall seconds)."""
    people = [Client(base, k, words, targets, upload_every, seed) for k in range(clients)]
    timings = Timings()
    start_line = threading.Barrier(clients + 1)
    stop_at = [0.0]

    def work(person: Client) -> None:
        start_line.wait()
        while time.monotonic() < stop_at[0]:
            person.cycle(timings, folder)

    threads = [threading.Thread(target=work, args=(p,), daemon=True) for p in people]
    for t in threads:
        t.start()
    stop_at[0] = time.monotonic() + seconds
    began = time.monotonic()
    start_line.wait()
    for t in threads:
        t.join()
    wall = time.monotonic() - began
    for p in people:
        p.close()
    return timings, wall


def summarise(timings: Timings, wall: float) -> dict[str, dict[str, float]]:
    out = {}
    for page in PAGES:
        values = timings.seconds[page]
        out[page] = {"requests": len(values), "per_second": round(len(values) / wall, 2),
                     "p50_ms": round(percentile(values, 0.5) * 1000, 1),
                     "p95_ms": round(percentile(values, 0.95) * 1000, 1), "failed": timings.failed[page]}
    out["upload"]["refused_busy"] = timings.refused_uploads
    out["all"] = {"requests": sum(len(v) for v in timings.seconds.values()),
                  "per_second": round(sum(len(v) for v in timings.seconds.values()) / wall, 2)}
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--baseline-seconds", type=float, default=20)
    parser.add_argument("--upload-every", type=int, default=4, help="one upload every N cycles of a client")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the generated workspace (its path is printed)")
    args = parser.parse_args()
    command = "bench/web.py " + " ".join(sys.argv[1:])

    folder = Path(tempfile.mkdtemp(prefix="archivist-bench-web-"))
    os.environ.setdefault("ARCHIVIST_KEY_DIR", str(folder / "chain-keys"))  # not the user's ~/.config
    proc = None
    try:
        built = time.perf_counter()
        root, words, targets = make_workspace(folder, args.docs, args.clients, args.seed)
        built = time.perf_counter() - built
        port = free_port()
        proc = start_server(root, port, folder / "serve.log")
        base = f"http://127.0.0.1:{port}"
        single = summarise(*run(base, 1, args.baseline_seconds, words, targets, args.upload_every, args.seed,
                                folder))
        loaded = summarise(*run(base, args.clients, args.seconds, words, targets, args.upload_every, args.seed,
                                folder))
        result = {"command": command, "docs": args.docs, "clients": args.clients, "seconds": args.seconds,
                  "build_seconds": round(built, 1), "cpus": os.cpu_count(), "single_client": single,
                  f"{args.clients}_clients": loaded,
                  "p95_ratio_loaded_vs_single": {p: round(loaded[p]["p95_ms"] / single[p]["p95_ms"], 2)
                                                 for p in PAGES if single[p]["requests"] and loaded[p]["requests"]}}
        if args.json:
            print(json.dumps(result, ensure_ascii=False, indent=2))
        else:
            print(f"$ .venv/bin/python {command}")
            print(f"{args.docs} 份材料（生成并建索引 {built:.0f} s），{os.cpu_count()} 个 CPU；"
                  f"单人 {args.baseline_seconds:.0f} s，随后 {args.clients} 人同时 {args.seconds:.0f} s")
            print(f"{'页面':<10}{'单人 次/秒':>10}{'p50':>8}{'p95':>8}   {args.clients}人 次/秒{'p50':>8}{'p95':>8}"
                  f"{'失败':>6}{'p95 比':>8}")
            for page in PAGES:
                s, m = single[page], loaded[page]
                ratio = result["p95_ratio_loaded_vs_single"].get(page, float("nan"))
                print(f"{page:<12}{s['per_second']:>9}{s['p50_ms']:>8}{s['p95_ms']:>8}   {m['per_second']:>10}"
                      f"{m['p50_ms']:>8}{m['p95_ms']:>8}{m['failed']:>6}{ratio:>8}")
            print(f"报送被拒（写入锁忙）：单人 {single['upload']['refused_busy']}，{args.clients} 人 "
                  f"{loaded['upload']['refused_busy']}")
            print(f"合计 单人 {single['all']['per_second']} 次/秒，{args.clients} 人 "
                  f"{loaded['all']['per_second']} 次/秒（延迟单位 ms）")
        if args.keep:
            print(f"工作区保留在 {root}")
    finally:
        if proc is not None:
            stop_server(proc)
        if not args.keep:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
