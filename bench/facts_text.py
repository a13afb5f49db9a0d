"""Fact extraction from text (archivist/assess/facts.py) on synthetic documents, against a bare scan
for numbers over the same texts in the same run (the least any figure finder must do).

Run: .venv/bin/python bench/facts_text.py [--docs 20000]
"""

from __future__ import annotations

import argparse
import random
import re
import resource
import sys
import time

from archivist.assess.facts import statements_in_text

BASE = ("截至6月底，全县脱贫劳动力务工就业12,860人，完成年度目标的102%。"
        "开发乡村公益性岗位1,150个，帮扶车间吸纳脱贫劳动力就业{n}人。"
        "根据工作需要，对全县驻村第一书记和工作队进行轮换调整。"
        "各乡镇要落实公厕管护专人，旱厕应拆尽拆，做好粪污无害化处理和资源化利用。")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--docs", type=int, default=20000)
    args = parser.parse_args()
    rng = random.Random(1)
    texts = ["".join(BASE.format(n=rng.randint(10, 999)) for _ in range(8)) for _ in range(args.docs)]
    t0 = time.perf_counter()
    numbers = sum(len(re.findall(r"\d+", text)) for text in texts)
    bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    statements = sum(len(statements_in_text(text, "e")) for text in texts)
    facts = time.perf_counter() - t0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"$ {' '.join([sys.executable, *sys.argv])}")
    print(f"{args.docs} documents of {len(texts[0])} characters")
    print(f"bare number scan : {bare:6.2f} s ({numbers} numbers)")
    print(f"facts extraction : {facts:6.2f} s ({statements} statements), {facts / bare:.0f}x the bare scan")
    print(f"peak RSS {peak:.0f} MB; results are cached by sha256 in index/cache/facts.json after the first report")


if __name__ == "__main__":
    main()
