"""The hostile set through `archivist ingest` and `verify`: every input accounted for, the peak disk and
memory, the seconds, and proof that nothing outside the workspace was read or written.

    .venv/bin/python bench/hostile.py                       # hostile set + memory at 1,000 files
    .venv/bin/python bench/hostile.py --files 1000,20000    # memory: 1,000 vs 20,000 small text files

The hostile set: the reported nested-zip bomb (3 inner zips x 49 members of 9.9 MB of zeros), a zip of
2,500 members, a zip of many small members that adds up to a bomb, zips nested 5 deep, a zip with a
symlink member, a damaged member and a path too long for the disk, a FIFO, a socket, a symlink loop, a
symlink to /dev/zero, a symlinked folder and a symlink to a file outside, an ESC sequence in a file
name, and titles made of square brackets and of a formula. Outside the workspace sit a sentinel file
(its atime is set in the past, so any read would move it: relatime) and the input folder itself
(hashed before and after: copied, not moved). Peaks are sampled every 0.1 s over the whole process
tree (the CLI and its extraction workers, summed) and over the workspace's bytes on disk.

Memory is reported as a ratio against the 1,000-file run of the same invocation (the baseline).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
MB = 1024 * 1024
LIMIT_MB = 500


# --- measuring a run -------------------------------------------------------------------------------


def _tree_rss(pid: int) -> int:
    """Resident bytes of `pid` and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(entry))
        rss[int(entry)] = int(fields[21]) * os.sysconf("SC_PAGE_SIZE")
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += rss.get(p, 0)
        todo.extend(children.get(p, []))
    return total


def _disk(folder: Path) -> int:
    total = 0
    for base, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(base, name)).st_blocks * 512
            except OSError:
                pass
    return total


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float
    peak_disk_mb: float


def measured(args: list[str], watch_disk: Path | None, disk_every: float = 0.1, timeout: float = 3600) -> Run:
    """Run the CLI, sampling the process tree's memory and the workspace's disk use until it exits."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "archivist", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    peak = {"rss": 0, "disk": 0}
    done = threading.Event()

    def sample() -> None:
        last_disk = 0.0
        while not done.is_set():
            peak["rss"] = max(peak["rss"], _tree_rss(proc.pid))
            if watch_disk is not None and time.monotonic() - last_disk >= disk_every:
                peak["disk"] = max(peak["disk"], _disk(watch_disk))
                last_disk = time.monotonic()
            done.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate(timeout=timeout)
    done.set()
    sampler.join()
    return Run(proc.returncode, out, err, time.perf_counter() - start, peak["rss"] / MB, peak["disk"] / MB)


# --- the hostile set -------------------------------------------------------------------------------


def _zeros(zf: zipfile.ZipFile, name: str, size: int) -> None:
    info = zipfile.ZipInfo(name, date_time=(2024, 5, 12, 9, 30, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    chunk = b"\0" * MB
    with zf.open(info, "w") as out:
        left = size
        while left > 0:
            out.write(chunk[: min(MB, left)])
            left -= MB


def make_hostile_set(base: Path) -> tuple[Path, Path, dict[str, str]]:
    """(input folder, sentinel file, {entry name: what it is}) under `base`."""
    outside = base / "外部"
    (outside / "文件夹").mkdir(parents=True)
    (outside / "文件夹" / "不应读取.txt").write_text("外部文件夹里的文件", encoding="utf-8")
    sentinel = outside / "sentinel.txt"
    sentinel.write_text("哨兵：任何读取都会改变访问时间", encoding="utf-8")
    past = time.time() - 86400 * 3
    os.utime(sentinel, (past, time.time() - 86400))  # atime before mtime: a read under relatime moves it

    src = base / "来件"
    src.mkdir()
    kinds: dict[str, str] = {}

    def add(name: str, what: str) -> Path:
        kinds[name] = what
        return src / name

    add("验收报告.txt", "normal").write_text("河口镇2024年农村户厕改造验收报告，完成改厕320户。", encoding="utf-8")
    add("[题名][bold]方括号[red].txt", "bracket title").write_text("[/]河口镇[red]会议纪要[/red]\n乡村振兴推进会。",
                                                             encoding="utf-8")
    add("=HYPERLINK(公式题名).txt", "formula title").write_text(
        '=HYPERLINK("http://evil.example/","点击")\n关于农村厕所革命的通知。', encoding="utf-8")
    add("ESC\x1b[31m红色\x1b[0m名称.txt", "ESC name").write_text("桃源镇人居环境整治总结。", encoding="utf-8")

    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(49):
            _zeros(zf, f"台账{i:02d}.txt", int(9.9 * MB))
    with zipfile.ZipFile(add("嵌套炸弹.zip", "nested bomb"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(3):
            zf.writestr(f"第{i + 1}批.zip", inner.getvalue())
    with zipfile.ZipFile(add("成员过多.zip", "2,500 members"), "w", zipfile.ZIP_DEFLATED) as zf:
        for i in range(2500):
            zf.writestr(f"{i}.txt", "x")
    with zipfile.ZipFile(add("小成员炸弹.zip", "many small members"), "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        for i in range(200):
            _zeros(zf, f"{i}.txt", 1_000_000)
    payload = "龙泉乡土地流转合同备案台账".encode()
    for level in range(5):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(f"第{level}层.zip" if level else "土地流转.txt", payload)
        payload = buf.getvalue()
    add("套娃.zip", "nested 5 deep").write_bytes(payload)
    mixed = add("坏成员.zip", "symlink + damaged + long path members")
    long_path = "/".join(["很长的文件夹名称" * 10] * 20) + "/深处的验收报告.txt"
    with zipfile.ZipFile(mixed, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("好成员.txt", "龙泉乡乡村振兴工作推进会会议纪要。")
        zf.writestr("损坏.txt", "河口镇户厕改造验收报告原文。" * 50)
        zf.writestr(long_path, "深处的验收报告：完成改厕58户。")
        link = zipfile.ZipInfo("快捷方式")
        link.create_system, link.external_attr = 3, 0o120777 << 16
        zf.writestr(link, str(sentinel))
    data = bytearray(mixed.read_bytes())
    at = data.find("损坏.txt".encode()) + len("损坏.txt".encode())
    data[at + 5 : at + 9] = b"\xff\xff\xff\xff"
    mixed.write_bytes(bytes(data))

    os.mkfifo(add("管道", "FIFO"))
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(add("套接字", "socket")))
    sock.close()
    os.symlink("自己", add("自己", "symlink loop"))
    os.symlink("/dev/zero", add("零设备", "symlink to /dev/zero"))
    os.symlink(outside / "文件夹", add("链接的文件夹", "symlinked folder"))
    os.symlink(sentinel, add("外部文件", "symlink to a file outside"))
    return src, sentinel, kinds


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under `folder`: regular files by sha256, the rest by kind (never opened)."""
    found = {}
    for base, dirs, files in os.walk(folder):
        for name in dirs + files:
            path = Path(base) / name
            if path.is_symlink():
                found[str(path)] = "link:" + os.readlink(path)
            elif path.is_file():
                found[str(path)] = hashlib.sha256(path.read_bytes()).hexdigest()
            elif not path.is_dir():
                found[str(path)] = "special"
    return found


def hostile(base: Path) -> bool:
    from archivist.workspace import init_workspace

    src, sentinel, kinds = make_hostile_set(base)
    before = snapshot(src)
    sentinel_stat = sentinel.stat()
    ws = init_workspace(base / "ws", county="青山县", inspection_date="2025-01-20", year=2024)
    size = sum(p.lstat().st_size for p in src.iterdir() if p.is_file() and not p.is_symlink())
    print(f"hostile set: {len(kinds)} entries, {size / 1024:.0f} KB on disk")

    run = measured(["-w", str(ws.root), "ingest", str(src), "--json"], ws.root)
    records = json.loads(run.stdout) if run.returncode == 0 else []
    print(f"ingest: rc {run.returncode}, {run.seconds:.1f} s, peak memory {run.peak_rss_mb:.0f} MB (process tree), "
          f"peak workspace disk {run.peak_disk_mb:.1f} MB, traceback: {'Traceback' in run.stderr}")
    ok = run.returncode == 0 and "Traceback" not in run.stderr
    print(f"{'entry':<34}{'what':<40}records  states / reason")
    for name, what in kinds.items():
        own = [r for r in records if r["original_name"] == name and not (r.get("provenance") or {}).get("container")]
        members = [r for r in records if (r.get("provenance") or {}).get("container") == name]
        mine = own + members
        states = sorted({r["status"] for r in mine})
        reason = next((r["reason"] for r in mine if r.get("reason")), "")
        shown = name.encode("unicode_escape").decode() if "\x1b" in name else name
        print(f"{shown[:32]:<34}{what:<40}{len(mine):>7}  {','.join(states)} {reason[:60]}")
        ok &= bool(mine)
    members_long = [r for r in records if "深处" in ((r.get("provenance") or {}).get("member") or "")]
    ok &= bool(members_long) and members_long[0]["status"] in ("filed", "unsorted")

    plant = ws.archive / "_隔离"
    plant.mkdir(parents=True, exist_ok=True)
    os.mkfifo(plant / "管道")
    os.symlink("/dev/zero", plant / "零设备")
    os.symlink(sentinel, plant / "外部")
    check = measured(["-w", str(ws.root), "verify", "--json"], None, timeout=120)
    findings = json.loads(check.stdout)["findings"] if check.stdout.strip() else []
    named = {n: sum(f"_隔离/{n}" in f["message"] for f in findings) for n in ("管道", "零设备", "外部")}
    print(f"verify with a FIFO, a /dev/zero link and an outside link planted in archive/: rc {check.returncode}, "
          f"{check.seconds:.1f} s, each reported once: {named}")
    ok &= check.returncode == 1 and set(named.values()) == {1}

    after = snapshot(src)
    now = sentinel.stat()
    untouched = (now.st_atime_ns == sentinel_stat.st_atime_ns and now.st_mtime_ns == sentinel_stat.st_mtime_ns
                 and sentinel.read_text(encoding="utf-8").startswith("哨兵"))
    print(f"outside the workspace: sentinel not read or written: {untouched}; input folder unchanged "
          f"(copied, not moved): {after == before}")
    ok &= untouched and after == before
    print(f"hostile set: {'PASS' if ok else 'FAIL'}")
    return ok


def memory(base: Path, counts: list[int]) -> bool:
    from archivist.samples import make_text_corpus
    from archivist.workspace import init_workspace

    rows = []
    for n in counts:
        corpus = base / f"corpus-{n}"
        make_text_corpus(corpus, n)
        ws = init_workspace(base / f"ws-{n}", county="青山县", year=2024)
        run = measured(["-w", str(ws.root), "ingest", str(corpus), "--json"], ws.root, disk_every=5.0)
        states: dict[str, int] = {}
        for r in json.loads(run.stdout) if run.returncode == 0 else []:
            states[r["status"]] = states.get(r["status"], 0) + 1
        rows.append((n, run, states))
    print(f"{'files':>7}{'seconds':>10}{'files/s':>9}{'peak MB':>9}{'x baseline':>11}  states")
    baseline = rows[0][1].peak_rss_mb
    ok = True
    for n, run, states in rows:
        print(f"{n:>7}{run.seconds:>10.1f}{n / run.seconds:>9.1f}{run.peak_rss_mb:>9.0f}"
              f"{run.peak_rss_mb / baseline:>11.2f}  {states}")
        ok &= run.returncode == 0 and run.peak_rss_mb <= LIMIT_MB and sum(states.values()) == n
    print(f"memory: peak ≤ {LIMIT_MB} MB at every count: {'PASS' if ok else 'FAIL'}")
    return ok


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--files", default="1000", help="comma-separated file counts for the memory phase")
    parser.add_argument("--skip-hostile", action="store_true")
    opts = parser.parse_args()
    print(f"command: .venv/bin/python bench/hostile.py --files {opts.files}"
          + (" --skip-hostile" if opts.skip_hostile else ""))
    with tempfile.TemporaryDirectory(prefix="archivist-hostile-") as tmp:
        ok = True
        if not opts.skip_hostile:
            ok &= hostile(Path(tmp) / "hostile")
        counts = [int(n) for n in opts.files.split(",") if n]
        if counts:
            ok &= memory(Path(tmp) / "memory", counts)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
