"""Generate realistic Chinese evidence documents for the search benchmarks.

Why generated: the speed benchmark needs tens of thousands of documents shaped like a county's
rural-revitalisation archive (notices, plans, minutes, ledgers, summaries, acceptance reports),
with the things that make Chinese search hard: place names no dictionary knows, counts with units
(1460户, 186.4亩), 文号 (清农办〔2024〕12号), dates, people's names in ledgers, and the policy
vocabulary of the indicator frameworks. The policy sentences come from the project's own framework
files (templates/frameworks/*.toml), so topics follow the real indicators; everything else is drawn
from pools with a seeded random generator, so a run is repeatable.

    .venv/bin/python bench/gen_text.py --docs 5 --seed 1          # print 5 documents as JSONL
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORKS = ROOT / "templates" / "frameworks"

# Characters for place names: common in southern Chinese toponyms, mostly unknown to jieba in pairs.
PLACE_CHARS = (
    "河口石桥溪凤凰梅岭竹坞松樟云峰水杏花界炮上坪下塘新田沙坝龙泉白马青山黄土柳湾桃源金鸡"
    "岩背坑头塅垄陂洲埠圳铺寨坳岗冲湖洞泷湴畲滩垅渡东西南北大小中高长安和平福兴隆昌盛丰"
    "禾谷麦茶桑榕柏枫桂兰荷莲芦苇蓬石板井泉潭湾塘堰坝堡营屯庄集市铺店亭桥关岔涌沥围江"
)
TOWN_SUFFIX = ["镇", "镇", "镇", "乡"]
VILLAGE_SUFFIX = ["村", "村", "村", "社区"]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蔡蒋余杜叶程魏苏吕丁"
GIVEN = "建国华明红军伟芳秀英桂兰志强德福金凤春梅玉林海平文军永庆光荣小燕国庆宝珍爱民有才水生"
DEPARTMENTS = [
    ("县农业农村局", "农"),
    ("县乡村振兴局", "乡振"),
    ("县人力资源和社会保障局", "人社"),
    ("县财政局", "财"),
    ("县住房和城乡建设局", "建"),
    ("县自然资源局", "自然资"),
    ("县生态环境局", "环"),
    ("县卫生健康局", "卫健"),
    ("县教育局", "教"),
    ("县民政局", "民"),
    ("县文化广电旅游体育局", "文旅"),
    ("县水利局", "水"),
    ("县委组织部", "组"),
    ("县委宣传部", "宣"),
    ("县人民政府办公室", "政办"),
]
KINDS = ["通知", "方案", "纪要", "台账", "总结", "报告", "简报", "验收"]
UNITS_OF_COUNT = ["户", "人", "个", "处", "座", "亩", "公里", "万元", "场", "次", "名", "所"]
GENERIC = [
    "坚持以习近平新时代中国特色社会主义思想为指导，全面贯彻党的二十大精神，深入落实中央和省委、市委关于全面推进乡村振兴的决策部署。",
    "各地要进一步提高政治站位，压实工作责任，细化工作措施，确保各项任务按时保质完成。",
    "要加强统筹协调，建立工作专班，实行周调度、月通报制度，对工作滞后的乡镇进行约谈。",
    "坚持问题导向，对排查发现的问题建立台账，明确整改责任人和整改时限，实行销号管理。",
    "加强宣传引导，通过村村响、微信群、入户走访等方式宣传政策，提高群众知晓率和满意度。",
    "严格落实资金管理制度，专款专用，任何单位和个人不得截留、挤占、挪用。",
    "各乡镇于每月25日前将工作进展情况报送县领导小组办公室，联系电话见附件。",
    "县纪委监委将对工作落实情况开展专项监督检查，对敷衍塞责、弄虚作假的严肃追责问责。",
    "下一步，我们将继续巩固提升工作成效，补齐短板弱项，推动各项工作再上新台阶。",
    "存在的主要问题：一是部分村干部对政策理解不深不透；二是资金到位较慢；三是群众参与度不高。",
]


@dataclass
class Topic:
    code: str
    name: str
    lead_unit: str
    clauses: list[str]
    evidence: list[str]


def load_topics() -> list[Topic]:
    """Indicator topics from the framework files: name, lead unit, policy clauses, evidence names."""
    topics = []
    for path in sorted(FRAMEWORKS.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for cat in data.get("category", []):
            for ind in cat.get("indicator", []):
                clauses = [c for c in re.split(r"[，；。]", ind.get("content", "")) if len(c) >= 4]
                topics.append(
                    Topic(ind["code"], ind["name"], ind.get("lead_unit", ""), clauses or [ind["name"]],
                          list(ind.get("evidence", [])) or [ind["name"] + "工作材料"])
                )
    if not topics:
        raise SystemExit(f"no framework files under {FRAMEWORKS}")
    return topics


class Generator:
    """A seeded source of documents; `record(i)` returns a catalogue-shaped record dict."""

    def __init__(self, seed: int = 2024, county: str = "云岭县", towns: int = 18, villages_per_town: int = 14) -> None:
        self.rng = random.Random(seed)
        self.county = county
        self.topics = load_topics()
        self.focus: tuple[str, list[str]] | None = None
        names: set[str] = set()
        self.towns: list[str] = []
        while len(self.towns) < towns:
            name = self._place() + self.rng.choice(TOWN_SUFFIX)
            if name not in names:
                names.add(name)
                self.towns.append(name)
        self.villages: dict[str, list[str]] = {}
        for town in self.towns:
            vs: list[str] = []
            while len(vs) < villages_per_town:
                name = self._place() + self.rng.choice(VILLAGE_SUFFIX)
                if name not in names:
                    names.add(name)
                    vs.append(name)
            self.villages[town] = vs

    # pieces ------------------------------------------------------------------------------------
    def _place(self) -> str:
        return "".join(self.rng.choice(PLACE_CHARS) for _ in range(2))

    def person(self) -> str:
        return self.rng.choice(SURNAMES) + "".join(self.rng.choice(GIVEN) for _ in range(self.rng.choice((1, 2))))

    def count(self) -> str:
        unit = self.rng.choice(UNITS_OF_COUNT)
        if unit in ("亩", "公里", "万元"):
            return f"{self.rng.uniform(1, 3000):.1f}{unit}"
        n = self.rng.choice((self.rng.randint(1, 99), self.rng.randint(100, 999), self.rng.randint(1000, 40000)))
        text = f"{n:,}" if n >= 1000 and self.rng.random() < 0.3 else str(n)  # 1,460 as typists write it
        return text + unit

    def date(self, year: int = 2024) -> tuple[str, str]:
        m, d = self.rng.randint(1, 12), self.rng.randint(1, 28)
        return f"{year}-{m:02d}-{d:02d}", f"{year}年{m}月{d}日"

    def village(self) -> tuple[str, str]:
        """A place the current document is about: mostly its own town and a few of its villages
        (a town's paper names its own villages), sometimes anywhere in the county."""
        if self.focus and self.rng.random() < 0.85:
            town, villages = self.focus
            return town, self.rng.choice(villages)
        town = self.rng.choice(self.towns)
        return town, self.rng.choice(self.villages[town])

    def sentence(self, topic: Topic) -> str:
        town, village = self.village()
        clause = self.rng.choice(topic.clauses)
        forms = [
            f"{town}{village}{clause}，累计完成{self.count()}，投入资金{self.rng.uniform(5, 900):.1f}万元。",
            f"截至{self.rng.randint(1, 12)}月底，全县{clause}，涉及{self.rng.randint(3, 18)}个乡镇{self.count()}。",
            f"{town}结合实际，{clause}，{village}等{self.rng.randint(2, 30)}个村完成{self.count()}。",
            f"围绕{topic.name}，{clause}，全年共完成{self.count()}，占年度任务的{self.rng.randint(60, 130)}%。",
            f"经核查，{village}{self.person()}户{clause}，已录入系统并建立{self.rng.choice(topic.evidence)}。",
            f"{self.rng.choice(GENERIC)}",
        ]
        return self.rng.choice(forms)

    # documents ---------------------------------------------------------------------------------
    def record(self, i: int, target_chars: int = 1500) -> dict:
        rng = self.rng
        topic = rng.choice(self.topics)
        self.focus = None
        if rng.random() < 0.7:  # most papers come from, or are about, one town
            town = rng.choice(self.towns)
            self.focus = (town, rng.sample(self.villages[town], rng.randint(2, 5)))
        kind = rng.choice(KINDS)
        dept, short = rng.choice(DEPARTMENTS)
        if rng.random() < 0.3:
            town, _ = self.village()
            dept, short = f"{town}人民政府", town[:1]
        iso, written = self.date()
        number = f"云{short}{'发' if kind == '通知' else '办'}〔2024〕{rng.randint(1, 180)}号"
        year = iso[:4]
        titles = {
            "通知": f"关于印发《{self.county}{year}年{topic.name}工作方案》的通知",
            "方案": f"{self.county}{year}年{topic.name}实施方案",
            "纪要": f"{topic.name}工作推进会会议纪要",
            "台账": f"{rng.choice(topic.evidence)}（{year}年）",
            "总结": f"{dept}{year}年{topic.name}工作总结",
            "报告": f"关于{topic.name}工作情况的报告",
            "简报": f"{topic.name}工作简报（第{rng.randint(1, 60)}期）",
            "验收": f"{self.village()[1]}{rng.choice(topic.evidence)}验收报告",
        }
        title = titles[kind]
        lines = [title]
        if kind in ("通知", "纪要"):
            lines.append(number)
        if kind == "通知":
            lines.append("各乡镇人民政府，县直各有关单位：")
            lines.append(f"现将《{self.county}{year}年{topic.name}工作方案》印发给你们，请结合实际认真贯彻落实。")
        if kind == "纪要":
            lines.append(f"{written}，{self.person()}同志主持召开{topic.name}工作推进会，{dept}、各乡镇分管负责同志参加。会议听取了各地工作进展汇报，研究部署下一阶段重点工作。")
        if kind == "台账":
            lines.append("序号 乡镇 村 户主姓名 家庭人口 措施 完成情况 备注")
            while sum(len(x) for x in lines) < target_chars:
                town, village = self.village()
                state = rng.choice(["已完成", "推进中", "已验收", "已销号"])
                lines.append(
                    f"{len(lines) - 1} {town} {village} {self.person()} {rng.randint(1, 8)} "
                    f"{rng.choice(topic.clauses)[:12]} {state} {self.count()}"
                )
        headings = ["一、基本情况", "二、主要做法", "三、取得成效", "四、存在问题", "五、下一步工作打算"]
        h = 0
        while sum(len(x) for x in lines) < target_chars:
            if rng.random() < 0.15 and h < len(headings):
                lines.append(headings[h])
                h += 1
            lines.append("".join(self.sentence(topic) for _ in range(rng.randint(2, 4))))
        lines += [dept, written]
        return {
            "id": f"g{i:06d}",
            "status": "filed",
            "indicator": topic.code,
            "links": None,
            "archive_path": f"archive/{topic.code}/{iso.replace('-', '')}-{dept}-{title[:30]}.docx",
            "original_name": f"{title[:40]}.docx",
            "title": title,
            "unit": dept,
            "doc_date": iso,
            "doc_number": number if kind in ("通知", "纪要") else "",
            "kind": kind,
            "file_type": "docx",
            "text": "\n".join(lines),
            "meta": {},
        }


def generate(n: int, seed: int = 2024, target_chars: int = 1500) -> Iterator[dict]:
    gen = Generator(seed)
    for i in range(n):
        yield gen.record(i, target_chars)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=2024)
    parser.add_argument("--chars", type=int, default=1500)
    args = parser.parse_args(argv)
    for record in generate(args.docs, args.seed, args.chars):
        sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
