"""全市推进情况通报: where each county stands, what it lacks, what looks wrong — every figure from the view.

Written as a GB/T 9704 document (generate/gongwen.py) so it can go out under the city office's name after
a clerk's read; no number is typed into it, each is the county's own (CityView, from compute_summary).
"""

from __future__ import annotations

from pathlib import Path

from ..generate.gongwen import GongwenDocument
from .view import CityView, CountyView

GAPS_NAMED = 5  # indicators named per county in the 查漏补缺 part before "等N项"


def _share(view: CountyView) -> str:
    return f"{view.complete_share * 100:.0f}%"


def _county_line(view: CountyView) -> str:
    s = view.summary
    assert s is not None
    days = f"，距迎检{s.days_left}天" if s.days_left is not None and s.days_left >= 0 else ""
    return (f"{view.county}：已归档材料{s.filed}件，{s.indicators}项指标中齐全{s.complete}项、部分{s.partial}项、"
            f"缺失{s.missing}项（齐全率{_share(view)}）；整改问题未销号{s.problems_open}个；"
            f"核查发现待说明{view.findings_open}条（其中严重{view.findings_high}条）{days}。")


def write_city_report(view: CityView, out: Path) -> Path:
    t = view.totals()
    doc = GongwenDocument()
    doc.title(f"关于{view.city.name}各县（市、区）乡村振兴迎检准备工作推进情况的通报")
    doc.recipient("各县（市、区）委农村工作领导小组办公室：")
    doc.paragraph(f"截至{view.today.year}年{view.today.month}月{view.today.day}日，全市{t['counties']}个县（市、区）"
                  f"中{t['readable']}个已汇总，共归档佐证材料{t['filed']}件；{t['indicators']}项次指标中齐全"
                  f"{t['complete']}项次、部分{t['partial']}项次、缺失{t['missing']}项次；整改问题未销号"
                  f"{t['problems_open']}个；材料真实性核查发现待说明{t['findings_open']}条（其中严重{t['findings_high']}条）。"
                  "现将各地推进情况通报如下。")
    doc.heading1("各地推进情况")
    ranked = {name: n for n, name in enumerate(view.ranking, start=1)}
    rows = []
    for c in sorted(view.counties, key=lambda c: ranked.get(c.county, len(ranked) + 1)):
        if c.summary is None:
            rows.append([c.county, "—", "—", "—", "—", "—", "未汇总"])
            continue
        s = c.summary
        rows.append([c.county, s.filed, f"{s.complete}/{s.indicators}", _share(c), s.problems_open, c.findings_open,
                     ranked.get(c.county, "")])
    doc.table(["县（市、区）", "归档材料", "齐全指标", "齐全率", "未销号问题", "待说明核查", "排名"], rows,
              [30, 22, 22, 18, 22, 22, 14], 10.5)
    for c in view.readable:
        doc.paragraph(_county_line(c))
    doc.heading1("查漏补缺")
    for c in view.readable:
        if not c.gaps:
            doc.paragraph(f"{c.county}：各项指标佐证材料均已齐全。")
            continue
        named = "、".join(f"{g.code}{g.name}（{g.lead_unit or '牵头单位未定'}）" for g in c.gaps[:GAPS_NAMED])
        more = f"等{len(c.gaps)}项" if len(c.gaps) > GAPS_NAMED else f"共{len(c.gaps)}项"
        doc.paragraph(f"{c.county}：{named}{more}指标材料尚不齐全，请牵头单位抓紧补齐。")
    unread = [c for c in view.counties if not c.ok]
    if unread:
        doc.heading1("未能汇总的县（市、区）")
        for c in unread:
            doc.paragraph(f"{c.county}：{c.problem}")
    doc.heading1("下一步工作要求")
    doc.paragraph("各地要对照通报逐项查漏补缺，缺失指标的牵头单位要在迎检材料收集截止前补齐佐证材料；"
                  "核查发现的问题要逐条核实说明，不得弄虚作假；整改问题要按期销号，销号须有佐证。")
    doc.signature(f"{view.city.name}委农村工作领导小组办公室", view.today)
    return doc.save(out)
