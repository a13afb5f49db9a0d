"""Scheme tables in the shapes provinces publish, made by code for the scheme tests.

- `kaohe_xlsx`: 实绩考核 over three levels with merged cells, a title row, a two-line header
  (责任分工 over 牵头单位 | 责任单位), 评分标准/考核方式/佐证材料 columns, a 加分项 and a 扣分项 block and
  注 rows under the table. `year=2025` gives next year's version (renamed, merged, split, new, removed,
  points changed) for diff and migrate.
- `pinggu_docx`: a 后评估 Word table graded 好/较好/一般/较差 with no points.
- `numbered_xlsx`: one name column nested by its own numbering （一） 1. （1）.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

HEADER_1 = ["一级指标", "二级指标", "三级指标", "分值", "评分标准", "考核方式", "佐证材料", "责任分工", None]
HEADER_2 = [None, None, None, None, None, None, None, "牵头单位", "责任单位"]

# (一级, 二级, 三级, 分值, 评分标准, 考核方式, 佐证材料, 牵头, 责任)
KAOHE_2024: list[tuple[Any, ...]] = [
    ("产业振兴（30分）", "粮食安全（12分）", "粮食播种面积和产量", 6,
     "完成省下达播种面积目标得满分，每低1%扣0.5分，扣完为止", "日常监督",
     "1.粮食播种面积统计表；2.粮食产量调查报告", "农业农村局", "统计局、各乡镇"),
    (None, None, "高标准农田建设", 6, "未完成年度建设任务的，每少1万亩扣1分", "实地评估",
     "1.高标准农田建设项目验收报告\n2.耕地保护目标责任书", "农业农村局", "自然资源局"),
    (None, "乡村产业（18分）", "特色产业发展", 10, "特色产业产值增速低于全省平均的扣2分", "评议评分",
     "1.特色产业发展规划；2.产业园区认定文件；3.龙头企业名单", "农业农村局", "发展改革局"),
    (None, None, "农产品加工和品牌建设", 8, "每发现一例质量安全事件扣0.5分，扣完为止", "日常监督",
     "1.农产品加工企业统计表；2.地理标志认证材料", "农业农村局", "市场监管局"),
    ("生态振兴（40分）", "人居环境整治（25分）", "农村厕所革命", 10, "户厕问题摸排整改不到位的，每发现一例扣0.5分",
     "实地评估", "1.农村户厕改造实施方案；2.改厕验收报告；3.问题摸排整改台账", "农业农村局", "卫生健康局、各乡镇"),
    (None, None, "农村生活垃圾治理", 8, "垃圾收运处置体系未覆盖的行政村每个扣0.5分", "实地评估",
     "1.生活垃圾收运处置台账；2.保洁员聘用花名册", "住房城乡建设局", "各乡镇"),
    (None, None, "农村生活污水治理", 7, "污水治理率未达目标的扣2分", "实地评估",
     "1.生活污水治理项目清单；2.污水处理设施运行记录", "生态环境局", "各乡镇"),
    (None, "绿色发展（15分）", "化肥农药减量增效", 8, "化肥农药使用量未实现负增长的扣3分", "日常监督",
     "1.化肥农药减量增效工作方案；2.化肥使用量统计表", "农业农村局", None),
    (None, None, "秸秆综合利用", 7, "秸秆综合利用率低于90%的扣2分", "日常监督",
     "1.秸秆综合利用台账；2.秸秆禁烧巡查记录", "农业农村局", "生态环境局"),
    ("组织振兴（30分）", "基层党建（30分）", "村党组织建设", 15, "软弱涣散村党组织整顿不到位的每个扣1分", "评议评分",
     "1.软弱涣散村党组织整顿方案；2.村党组织书记培训记录", "组织部", "各乡镇党委"),
    (None, None, "驻村帮扶", 15, "驻村第一书记在岗履职不到位的每人次扣0.5分", "日常监督",
     "1.驻村第一书记选派文件；2.驻村考勤和工作日志；3.定点帮扶年度计划和总结；4.消费帮扶统计",
     "组织部", "乡村振兴局"),
]
BONUS_2024 = [("改革创新经验被省级以上推广", "最高加2分", "被省委省政府发文推广的加2分", "1.推广文件；2.经验做法总结"),
              ("获得国家级表彰", "最高加1分", "获国家级表彰的加1分", "1.表彰文件")]
PENALTY_2024 = [("发生重大安全事故或负面舆情", "最多扣5分", "每发生一起扣2分", "1.事件情况说明；2.整改报告")]

KAOHE_2025: list[tuple[Any, ...]] = [
    # renamed (粮食播种面积和产量 → 粮食生产和播种面积)
    ("产业振兴（30分）", "粮食安全（11分）", "粮食生产和播种面积", 6,
     "完成省下达播种面积目标得满分，每低1%扣0.5分，扣完为止", "日常监督",
     "1.粮食播种面积统计表；2.粮食产量调查报告", "农业农村局", "统计局"),
    # points changed 6 → 5
    (None, None, "高标准农田建设", 5, "未完成年度建设任务的，每少1万亩扣1分", "实地评估",
     "1.高标准农田建设项目验收报告\n2.耕地保护目标责任书", "农业农村局", "自然资源局"),
    (None, "乡村产业（19分）", "特色产业发展", 10, "特色产业产值增速低于全省平均的扣2分", "评议评分",
     "1.特色产业发展规划；2.产业园区认定文件；3.龙头企业名单", "农业农村局", "发展改革局"),
    (None, None, "农产品加工和品牌建设", 9, "每发现一例质量安全事件扣0.5分，扣完为止", "日常监督",
     "1.农产品加工企业统计表；2.地理标志认证材料", "农业农村局", "市场监管局"),
    ("生态振兴（40分）", "人居环境整治（25分）", "农村厕所革命", 10, "户厕问题摸排整改不到位的，每发现一例扣0.5分",
     "实地评估", "1.农村户厕改造实施方案；2.改厕验收报告；3.问题摸排整改台账", "农业农村局", "卫生健康局"),
    # merged: 生活垃圾治理 + 生活污水治理
    (None, None, "农村生活垃圾和生活污水治理", 15, "垃圾收运和污水治理未达目标的各扣2分", "实地评估",
     "1.生活垃圾收运处置台账；2.保洁员聘用花名册；3.生活污水治理项目清单；4.污水处理设施运行记录",
     "住房城乡建设局", "生态环境局"),
    # 秸秆综合利用 removed; new 农村电商
    (None, "绿色发展（15分）", "化肥农药减量增效", 8, "化肥农药使用量未实现负增长的扣3分", "日常监督",
     "1.化肥农药减量增效工作方案；2.化肥使用量统计表", "农业农村局", None),
    (None, None, "数字乡村和农村电商", 7, "电商服务站点未覆盖的乡镇每个扣1分", "评议评分",
     "1.电子商务进农村项目材料；2.快递物流站点清单", "商务局", "邮政管理局"),
    ("组织振兴（30分）", "基层党建（30分）", "村党组织建设", 15, "软弱涣散村党组织整顿不到位的每个扣1分", "评议评分",
     "1.软弱涣散村党组织整顿方案；2.村党组织书记培训记录", "组织部", "各乡镇党委"),
    # split: 驻村帮扶 → 驻村第一书记管理 + 定点帮扶和消费帮扶
    (None, None, "驻村第一书记和工作队管理", 8, "驻村第一书记在岗履职不到位的每人次扣0.5分", "日常监督",
     "1.驻村第一书记选派文件；2.驻村考勤和工作日志", "组织部", None),
    (None, None, "定点帮扶和消费帮扶", 7, "定点帮扶计划未落实的扣2分", "评议评分",
     "1.定点帮扶年度计划和总结；2.消费帮扶统计", "乡村振兴局", None),
]


def kaohe_xlsx(path: Path, year: int = 2024, rows: list[tuple[Any, ...]] | None = None,
               merge: bool = True) -> Path:
    """The 实绩考核 workbook. `rows` replaces the data rows (for malformed variants); `merge=False` writes the
    level cells without merges (each level written once, blanks below meaning "same as above")."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment

    data = rows if rows is not None else (KAOHE_2024 if year == 2024 else KAOHE_2025)
    wb = Workbook()
    ws = wb.active
    ws.title = "考核细则"
    ws.append([f"青山市{year}年度推进乡村振兴战略实绩考核细则（100分）"] + [None] * 8)
    ws.merge_cells("A1:I1")
    ws.append(HEADER_1)
    ws.append(HEADER_2)
    for col in "ABCDEFG":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("H2:I2")
    first = 4
    for offset, row in enumerate(data):
        ws.append(list(row))
        ws.cell(first + offset, 7).alignment = Alignment(wrap_text=True)
    if merge:
        for col in (1, 2):
            start = None
            for r in range(first, first + len(data) + 1):
                value = ws.cell(r, col).value if r < first + len(data) else "END"
                if value is not None:
                    if start is not None and r - 1 > start:
                        ws.merge_cells(start_row=start, start_column=col, end_row=r - 1, end_column=col)
                    start = r
    r = first + len(data)
    ws.append(["加分项（最高加3分）"] + [None] * 8)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
    for name, points, scoring, evidence in BONUS_2024:
        ws.append([None, None, name, points, scoring, "评议评分", evidence, "县委农办", None])
    r = ws.max_row + 1
    ws.append(["扣分项（最多扣5分）"] + [None] * 8)
    ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=9)
    for name, points, scoring, evidence in PENALTY_2024:
        ws.append([None, None, name, points, scoring, "日常监督", evidence, "县委农办", "应急管理局"])
    ws.append(["注：1.加分项和扣分项不计入100分；2.数据统计时间截至当年12月31日。"] + [None] * 8)
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=9)
    ws.append(["注2：佐证材料须加盖单位公章。"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path


PINGGU_ROWS = [
    ("责任落实", "党委政府主体责任", "查阅资料、座谈访谈",
     "好：五级书记抓巩固，主要负责同志专题研究；较好：……；一般：……；较差：未研究部署",
     "1.党委常委会研究巩固脱贫成果的会议纪要\n2.过渡期工作方案", "县委办、县政府办"),
    ("责任落实", "帮扶责任落实", "入户核查", "好/较好/一般/较差：按帮扶责任人履职情况评定",
     "1.帮扶责任人名册\n2.入户走访记录", "组织部"),
    ("政策落实", "防止返贫监测帮扶政策", "数据比对、入户核查", "按监测对象应纳尽纳和风险消除规范程度评定",
     "1.监测对象台账\n2.风险消除审批材料", "乡村振兴局、民政局"),
    ("政策落实", "就业帮扶政策", "查阅资料", "按脱贫劳动力务工规模稳定情况评定",
     "1.脱贫劳动力务工就业统计\n2.公益性岗位聘用台账", "人力资源和社会保障局"),
    ("工作成效", "群众认可度", "入户核查、座谈访谈", "按群众满意度调查结果评定",
     "1.群众满意度调查问卷\n2.座谈记录", "县委农办"),
]


def pinggu_docx(path: Path) -> Path:
    """A 后评估 Word table: 评估内容 merged down over its 评估要点, no points, graded 好/较好/一般/较差."""
    from docx import Document

    doc = Document()
    doc.add_paragraph("青山市2025年巩固脱贫攻坚成果后评估实施细则")
    doc.add_paragraph("评估结果分为好、较好、一般、较差四个等次。")
    header = ["评估内容", "评估要点", "评估方式", "评价标准", "佐证材料", "责任单位"]
    table = doc.add_table(rows=1 + len(PINGGU_ROWS), cols=len(header))
    for c, name in enumerate(header):
        table.cell(0, c).text = name
    for r, row in enumerate(PINGGU_ROWS, start=1):
        for c, value in enumerate(row):
            if c == 0 and r > 1 and PINGGU_ROWS[r - 2][0] == value:
                continue
            table.cell(r, c).text = value
    start = 1
    for r in range(2, len(PINGGU_ROWS) + 2):
        if r == len(PINGGU_ROWS) + 1 or PINGGU_ROWS[r - 1][0] != PINGGU_ROWS[start - 1][0]:
            if r - 1 > start:
                merged = table.cell(start, 0).merge(table.cell(r - 1, 0))
                merged.text = PINGGU_ROWS[start - 1][0]
            start = r
    doc.add_paragraph("注：评估要点的评定以实地核查为准。")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


# (序号, 考核内容, 分值, 评分标准, 佐证材料, 牵头单位)
NUMBERED_ROWS: list[tuple[Any, ...]] = [
    ("（一）", "产业发展", 60, None, None, None),
    ("1.", "粮食生产", 30, None, None, None),
    ("（1）", "粮食播种面积", 15, "未完成目标扣5分", "1.播种面积统计表；2.农业普查台账", "农业农村局"),
    ("（2）", "粮食单产提升", 15, "单产下降扣5分", "1.单产测产报告", "农业农村局"),
    ("2.", "产业融合", 30, None, None, None),
    ("（1）", "农村一二三产业融合", 30, "融合项目未落地扣10分", "1.产业融合项目清单；2.项目验收材料", "发展改革局"),
    ("（二）", "乡村治理", 40, None, None, None),
    ("1.", "村民自治", 40, None, None, None),
    ("（1）", "村规民约修订", 20, "未修订的村每个扣1分", "1.村规民约文本", "民政局"),
    ("（2）", "积分制推广", 20, "未推广的乡镇每个扣2分", "1.积分制实施方案；2.积分台账", "组织部"),
]


def numbered_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["青山市2025年乡村振兴考核评分表"])
    ws.append(["序号", "考核内容", "分值", "评分标准", "佐证材料", "牵头单位"])
    for row in NUMBERED_ROWS:
        ws.append(list(row))
    ws.append(["合计", None, 100])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path


def malformed_kaohe_xlsx(path: Path) -> Path:
    """The 2024 workbook with three faults a clerk makes: 高标准农田建设 given 7 points (粮食安全 no longer adds
    up to 12), 驻村帮扶's row taken out of the 组织振兴/基层党建 merges (a row without a parent), and an empty
    佐证材料 cell for 秸秆综合利用."""
    from openpyxl import load_workbook

    rows = [list(r) for r in KAOHE_2024]
    rows[1][3] = 7
    rows[8][6] = None
    kaohe_xlsx(path, rows=[tuple(r) for r in rows])
    wb = load_workbook(path)
    ws = wb.active
    orphan = 4 + len(rows) - 1  # the last data row (驻村帮扶)
    for rng in list(ws.merged_cells.ranges):
        if rng.min_col <= 2 and rng.min_row <= orphan <= rng.max_row and rng.max_row > rng.min_row:
            ws.unmerge_cells(str(rng))
            if orphan - 1 > rng.min_row:
                ws.merge_cells(start_row=rng.min_row, start_column=rng.min_col, end_row=orphan - 1,
                               end_column=rng.max_col)
            ws.cell(orphan, rng.min_col).value = None
            ws.cell(rng.min_row, rng.min_col).value = ws.cell(rng.min_row, rng.min_col).value or "组织振兴（30分）"
    wb.save(str(path))
    return path


# (序号, 考核指标, 考核内容, 佐证材料, 责任单位): one level, points written in the names, no 分值 column
FLAT_ROWS = [
    ("1", "党建引领（20分）", "村党组织书记专题培训全覆盖，软弱涣散村整顿到位。", "1.培训通知\n2.整顿方案", "组织部"),
    ("2", "产业发展（40分）", "特色产业覆盖脱贫村，联农带农机制健全。", "1.产业项目清单；2.联农带农协议", "农业农村局"),
    ("3", "乡村治理（40分）", "村规民约修订完善，积分制管理推广。", "1.村规民约文本；2.积分台账", "民政局、司法局"),
]


def flat_xlsx(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["序号", "考核指标", "考核内容", "佐证材料", "责任单位"])
    for row in FLAT_ROWS:
        ws.append(list(row))
    ws.append(["注：各项分值已含在指标名称中。"])
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(str(path))
    return path
