"""迎检汇报材料 (``report report``): the county's report to the inspection team, read out at the 汇报会.

Five parts, as such reports are written: 一、基本情况 二、主要做法和成效 三、特色亮点 四、存在问题
五、下步打算. What the archive knows it says with the evidence's own facts, each cited
（见《…》）, and the figures of the one summary; what only the county knows (its 县情: area,
population, townships) is left as 【待补充：…】 for the editor — never invented. The wording lives in
``[huibao]`` of the phrase file, like every other report.
"""

from __future__ import annotations

from typing import Any

from . import factwords
from .reports import (
    MEASURE_TITLE,
    Numbering,
    Phrases,
    ReportData,
    _common,
    _frameworks_sentence,
    cn_date,
    load_phrases,
    problems_and_next_steps,
    score_key,
)

CATEGORY_FACTS = 4  # statements quoted per 大类 in 主要做法和成效
HIGHLIGHTS = 3


def huibao_model(data: ReportData, phrases: Phrases | None = None) -> dict[str, Any]:
    """The model of the 汇报材料 (the same shape as the 讲话稿's: title, speaker and date lines, greeting)."""
    ph = phrases or load_phrases(data.ws)
    ctx = data.context()
    fig = data.figures
    m = _common(data, ph, ctx, "huibao")
    m["speaker"] = m["unit"]
    m["byline"] = f"（{cn_date(data.today)}）"
    m["greeting"] = ph.fill("huibao", "greeting", ctx)
    m["opening"] = ph.fill("huibao", "opening", ctx)
    num_ = Numbering()

    # 一、基本情况
    section = num_.heading(1, ph.fill("huibao", "basic_heading", ctx))
    section["paragraphs"].append(ph.fill("huibao", "basic_county", ctx))
    frameworks = _frameworks_sentence(data, ph, ctx)
    key = "basic_archive" if fig.filed else "basic_archive_empty"
    text = ph.fill("huibao", key, ctx, frameworks_sentence=frameworks)
    if score_key(data):
        text += ph.fill("huibao", "basic_score", ctx)
    section["paragraphs"].append(text)
    m["sections"].append(section)

    # 二、主要做法和成效: per 大类 of each framework with points, the evidence's own facts
    section = num_.heading(1, ph.fill("huibao", "work_heading", ctx))
    by_code = {s.code: s for s in data.statuses}
    cited_any = False
    for fw in data.ws.frameworks.frameworks:
        if fw.kind != "scored":
            continue
        for cat in fw.categories:
            statuses = [by_code[i.code] for i in cat.indicators if i.code in by_code and i.kind == "base"]
            if not statuses:
                continue
            items = data.quoted_facts_of(statuses, limit=CATEGORY_FACTS)
            measures = list(dict.fromkeys(
                data.title_of(e.id) for s in statuses for e in s.evidence
                if e.id in data.records and MEASURE_TITLE.search(e.title or "")
                and e.id not in {q.statement.evidence_id for q in items}))[:2]
            body = ""
            if measures:
                body += ph.fill("huibao", "work_measures", ctx, titles="".join(f"《{t}》" for t in measures))
            if items:
                body += factwords.sentence(items)
                cited_any = True
            if not body:
                body = ph.fill("huibao", "work_none", ctx, category=cat.name)
            sub = num_.heading(2, ph.fill("huibao", "work_category", ctx, category=cat.name), body)
            sub["facts"] = [{"text": q.text, "evidence_id": q.statement.evidence_id} for q in items]
            section["subsections"].append(sub)
    if not cited_any:
        section["tail"].append(ph.fill("huibao", "work_fill", ctx))
    m["sections"].append(section)

    # 三、特色亮点: the 加分项 the county has material for, then the fullest indicators' facts
    section = num_.heading(1, ph.fill("huibao", "highlights_heading", ctx))
    bonus = [s for s in data.statuses if s.kind == "bonus" and s.evidence]
    highlights = []
    for s in bonus:
        items = data.quoted_facts(s, limit=2)
        titles = "".join(f"《{data.title_of(e.id)}》" for e in s.evidence[:2] if e.id in data.records)
        body = factwords.sentence(items) if items else ph.fill("huibao", "highlight_titles", ctx, titles=titles)
        highlights.append((s.name, body))
    if len(highlights) < HIGHLIGHTS:
        complete = sorted((s for s in data.statuses if s.kind == "base" and s.state == "complete"
                           and s.framework in {fw.id for fw in data.ws.frameworks.frameworks if fw.kind == "scored"}),
                          key=lambda s: -(s.points or 0))
        for s in complete:
            items = data.quoted_facts(s, limit=2)
            if items:
                highlights.append((s.name, factwords.sentence(items)))
            if len(highlights) >= HIGHLIGHTS:
                break
    for name, body in highlights:
        section["subsections"].append(num_.heading(2, name, body))
    section["paragraphs"].append(ph.fill("huibao", "highlights_fill" if not highlights else "highlights_more", ctx))
    m["sections"].append(section)

    # 四、存在问题 and 五、下步打算 — the same findings as the 自评报告's, in the same words and figures
    m["sections"].extend(problems_and_next_steps(num_, data, ph, ctx, "huibao"))
    m["closing"] = [ph.fill("huibao", "closing", ctx)]
    m["highlights"] = [name for name, _ in highlights]
    return m
