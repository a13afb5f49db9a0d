"""Generated sample evidence for `archivist demo` and the benchmarks (a fictional county, 青山县).

Real files of every common kind — Word plans, Excel ledgers, a phone photo with EXIF, GB18030
text, a zip from a town, a scanned page — plus the bad inputs an evidence group really receives
(a zero-byte file, a truncated PDF, a JPEG named .pdf, an exact duplicate).
"""

from __future__ import annotations

import datetime as dt
import random
import subprocess
import zipfile
from pathlib import Path

COUNTY = "青山县"
TOWNS = ["河口镇", "石门乡", "柳溪镇", "白沙镇", "龙泉乡", "桃源镇"]
VILLAGES = ["杏花村", "上湾村", "枫林村", "大坪村", "水口村", "竹园村", "新桥村", "岭下村"]

# (folder the unit sent, file name, title, unit, date, paragraphs)
DOCUMENTS: list[tuple[str, str, str, str, str, list[str]]] = [
    (
        "县乡村振兴局",
        "青山县2024年防止返贫动态监测和帮扶工作方案.docx",
        "青山县2024年防止返贫动态监测和帮扶工作方案",
        "青山县乡村振兴局",
        "2024-03-12",
        [
            "为健全防止返贫动态监测和帮扶机制，对脱贫不稳定户、边缘易致贫户、突发严重困难户应纳尽纳，制定本方案。",
            "一、监测对象。重点监测脱贫不稳定户、边缘易致贫户和突发严重困难户，做到早发现、早干预、早帮扶。",
            "二、帮扶措施。对识别纳入的监测对象落实一户一策帮扶计划，风险消除规范，坚决守住不发生规模性返贫底线。",
        ],
    ),
    (
        "县农业农村局",
        "关于印发青山县2024年农村户厕改造实施方案的通知.docx",
        "青山县2024年农村户厕改造实施方案",
        "青山县农业农村局",
        "2024-04-02",
        [
            "各乡镇人民政府：现将《青山县2024年农村户厕改造实施方案》印发给你们，请认真贯彻落实。",
            "2024年全县计划完成农村户厕改造1,320户，其中河口镇320户，推广三格式化粪池，问题厕所排查整改到位。",
            "各乡镇要落实公厕管护专人，旱厕应拆尽拆，做好粪污无害化处理和资源化利用。",
        ],
    ),
    (
        "河口镇",
        "河口镇改厕验收报告.docx",
        "河口镇2024年农村户厕改造验收报告",
        "河口镇人民政府",
        "2024-10-15",
        [
            "根据县农业农村局部署，我镇于2024年10月组织对杏花村、上湾村等7个村的改厕户开展验收。",
            "全镇完成户厕改造320户，验收合格318户，合格率99.4%，问题厕所2户已列入整改台账。",
        ],
    ),
    (
        "县人社局",
        "2024年上半年脱贫劳动力务工就业情况.docx",
        "关于2024年上半年脱贫劳动力务工就业情况的报告",
        "青山县人力资源和社会保障局",
        "2024-07-08",
        [
            "截至6月底，全县脱贫劳动力务工就业12,860人，完成年度目标的102%。",
            "开发乡村公益性岗位1,150个，帮扶车间吸纳脱贫劳动力就业436人，开展技能培训28期。",
        ],
    ),
    (
        "县财政局",
        "衔接资金支出进度通报.docx",
        "2024年度衔接推进乡村振兴补助资金支出进度通报",
        "青山县财政局",
        "2024-09-30",
        [
            "截至9月30日，全县衔接推进乡村振兴补助资金支出进度为78.6%，用于产业发展的比例为61%。",
            "项目库入库项目136个，帮扶项目资产确权登记工作有序推进。",
        ],
    ),
    (
        "县住建局",
        "村庄清洁行动简报第5期.docx",
        "青山县村庄清洁行动工作简报（第5期）",
        "青山县住房和城乡建设局",
        "2024-06-20",
        ["全县开展村庄清洁行动和三清三拆三整治，拆除危旧房和乱搭乱建213处，建设四小园460个。"],
    ),
    (
        "县委组织部",
        "关于调整充实驻村第一书记和工作队的通知.docx",
        "关于调整充实驻村第一书记和工作队的通知",
        "中共青山县委组织部",
        "2024-02-26",
        ["根据工作需要，对全县驻村第一书记和工作队进行轮换调整，新选派驻村第一书记42名，驻村工作队员96名。"],
    ),
    (
        "县文广旅体局",
        "送戏下乡和电影放映统计.docx",
        "2024年送戏下乡和农村公益电影放映情况",
        "青山县文化广电旅游体育局",
        "2024-12-10",
        ["全年完成送戏下乡演出126场，农村公益电影放映2,760场，农家书屋正常开放。"],
    ),
    (
        "县委政法委",
        "矛盾纠纷排查调处情况.docx",
        "2024年第三季度矛盾纠纷排查调处情况",
        "中共青山县委政法委员会",
        "2024-10-09",
        ["第三季度全县排查矛盾纠纷412件，调处化解405件，化解率98.3%，网格员巡查记录完整。"],
    ),
    (
        "县统计局",
        "农村居民收入情况.docx",
        "2024年前三季度农村居民人均可支配收入情况",
        "青山县统计局",
        "2024-10-25",
        ["前三季度全县农村居民人均可支配收入14,236元，同比增长7.9%，增速高于城镇居民。"],
    ),
    (
        "柳溪镇",
        "会议通知.docx",
        "关于召开有关工作会议的通知",
        "柳溪镇人民政府",
        "2025-01-05",
        ["定于下周一上午召开有关工作会议，请各村党支部书记准时参加。"],
    ),
]

LEDGERS = [
    (
        "县人社局",
        "公益性岗位考勤台账（2024年6月）.xlsx",
        "石门乡2024年6月乡村公益性岗位考勤台账",
        ["序号", "姓名", "岗位", "应出勤天数", "实出勤天数"],
        [[i + 1, f"张{i}", "保洁员", 22, 22 - (i % 3)] for i in range(12)],
        None,
    ),
    (
        "县农业农村局",
        "户厕改造验收台账.xlsx",
        "2024年农村户厕改造验收台账",
        ["乡镇", "任务数（户）", "完成数（户）", "验收合格（户）"],
        [[t, 200 + 20 * i, 200 + 20 * i, 198 + 20 * i] for i, t in enumerate(TOWNS)],
        ["合计", 1320, 1320, 1300],
    ),  # the true total of the last column is 1488: a 数字逻辑错误 to catch
]


def _save_docx(path: Path, title: str, unit: str, date: str, paragraphs: list[str]) -> None:
    from docx import Document

    doc = Document()
    doc.add_heading(title, level=1)
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.add_paragraph("")
    doc.add_paragraph(unit)
    d = dt.date.fromisoformat(date)
    doc.add_paragraph(f"{d.year}年{d.month}月{d.day}日")
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(path)


def _save_xlsx(path: Path, title: str, header: list[str], rows: list[list], total: list | None) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append([title])
    ws.append(header)
    for row in rows:
        ws.append(row)
    if total:
        ws.append(total)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)


def cjk_font_path() -> str | None:
    """A font file that has Simplified Chinese glyphs (fonts-noto-cjk), found with fc-list."""
    try:
        out = subprocess.run(["fc-list", ":lang=zh-cn", "file"], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    files = sorted(line.split(":")[0].strip() for line in out.splitlines() if line.strip())
    preferred = [f for f in files if "NotoSansCJK-Regular" in f or "NotoSerifCJK-Regular" in f]
    return (preferred or files or [None])[0]


def _save_photo(path: Path, title: str, when: str, caption: str) -> None:
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("RGB", (1200, 800), (120, 150, 110))
    draw = ImageDraw.Draw(img)
    font_file = cjk_font_path()
    font = ImageFont.truetype(font_file, 40) if font_file else ImageFont.load_default()
    draw.rectangle([0, 700, 1200, 800], fill=(20, 20, 20))
    draw.text((20, 720), caption, fill=(255, 255, 255), font=font)
    exif = Image.Exif()
    exif[0x9C9B] = title.encode("utf-16-le") + b"\x00\x00"  # XPTitle
    exif[0x0132] = when.replace("-", ":") + " 10:30:00"
    exif.get_ifd(0x8769)[0x9003] = when.replace("-", ":") + " 10:30:00"  # DateTimeOriginal
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "JPEG", exif=exif.tobytes(), quality=85)


def _save_scan(path: Path, lines: list[str]) -> None:
    """A page of text rendered to an image and saved as an image-only PDF (needs OCR)."""
    from PIL import Image, ImageDraw, ImageFont

    img = Image.new("L", (1654, 2339), 255)
    draw = ImageDraw.Draw(img)
    font_file = cjk_font_path()
    font = ImageFont.truetype(font_file, 48) if font_file else ImageFont.load_default()
    y = 200
    for line in lines:
        draw.text((160, y), line, fill=0, font=font)
        y += 90
    path.parent.mkdir(parents=True, exist_ok=True)
    img.save(path, "PDF", resolution=200.0)


def make_sample_evidence(target: Path) -> Path:
    """Write the sample set as the units would send it: one folder per unit, some loose files."""
    target.mkdir(parents=True, exist_ok=True)
    for folder, name, title, unit, date, paragraphs in DOCUMENTS:
        _save_docx(target / folder / name, title, unit, date, paragraphs)
    for folder, name, title, header, rows, total in LEDGERS:
        _save_xlsx(target / folder / name, title, header, rows, total)
    _save_photo(
        target / "河口镇" / "IMG_20240918_103000.jpg",
        "杏花村改厕后三格式化粪池照片",
        "2024-09-18",
        "河口镇杏花村 户厕改造 2024-09-18",
    )
    _save_scan(
        target / "白沙镇" / "scan_0003.pdf",
        [
            "白沙镇农村生活垃圾收运处置情况",
            "全镇生活垃圾收运处置体系覆盖全部行政村",
            "垃圾中转站规范运行，第三方保洁合同已签订。",
            "白沙镇人民政府",
            "2024年8月20日",
        ],
    )
    gb = (
        "龙泉乡2024年土地流转情况\n全乡承包地规范流转面积3260亩，签订土地流转合同和备案台账。\n"
        "龙泉乡人民政府\n2024年9月3日\n"
    )
    (target / "龙泉乡").mkdir(exist_ok=True)
    (target / "龙泉乡" / "土地流转情况说明.txt").write_bytes(gb.encode("gb18030"))
    # A town zips its material; member names are UTF-8 flagged.
    zip_path = target / "桃源镇" / "桃源镇迎检材料.zip"
    zip_path.parent.mkdir(exist_ok=True)
    inner = target / ".tmp-zip"
    _save_docx(
        inner / "新时代文明实践站活动记录.docx",
        "桃源镇新时代文明实践站2024年志愿服务活动记录",
        "桃源镇人民政府",
        "2024-11-06",
        ["全年开展志愿服务活动86场，修订村规民约，红白理事会发挥作用。"],
    )
    with zipfile.ZipFile(zip_path, "w") as zf:
        for f in inner.iterdir():
            zf.write(f, f"文明实践/{f.name}")
    for f in inner.iterdir():
        f.unlink()
    inner.rmdir()
    # What really arrives too: an exact duplicate, an empty file, a broken PDF, a photo named .pdf.
    dup = target / "县农业农村局" / "户厕改造实施方案（转发）.docx"
    dup.write_bytes((target / "县农业农村局" / DOCUMENTS[1][1]).read_bytes())
    (target / "石门乡").mkdir(exist_ok=True)
    (target / "石门乡" / "新建文本文档.txt").write_bytes(b"")
    (target / "石门乡" / "验收报告.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    _save_photo(
        target / "柳溪镇" / "整改照片.pdf",
        "柳溪镇水口村黑臭水体整治后照片",
        "2024-08-02",
        "柳溪镇水口村 黑臭水体整治 2024-08-02",
    )
    return target


def make_text_corpus(target: Path, count: int, seed: int = 7) -> list[Path]:
    """`count` plain-text documents (~1,000 characters) on random indicators, for throughput benchmarks."""
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    topics = [d for d in DOCUMENTS if d[0] != "柳溪镇"]
    paths = []
    for i in range(count):
        _folder, _name, title, unit, date, paragraphs = rng.choice(topics)
        town, village = rng.choice(TOWNS), rng.choice(VILLAGES)
        body = "\n".join(
            p.replace("全县", f"{town}{village}") + f"（第{i}号记录，涉及{rng.randint(10, 999)}户。）"
            for p in paragraphs * 3
        )
        text = f"{town}{title}\n{body}\n{unit}\n{date[:4]}年{int(date[5:7])}月{int(date[8:])}日\n"
        path = target / f"{i:05d}-{town}{title[:12]}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
