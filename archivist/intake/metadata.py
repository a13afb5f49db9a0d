"""Recognise descriptive metadata (题名, 责任者, 成文日期, 文号, kind) in extracted text.

Chinese official documents (GB/T 9704) put these in fixed places: the 文号 under the red header, the title
above the addressee (主送机关), the issuing body (落款) and the 成文日期 at the end; ledgers carry a title row
and a footer "填报单位：…　填报日期：…"; contracts name 甲方 and a 签订日期; photos carry EXIF and an XPTitle.
This module reads those places in that order of trust, and falls back to the file name only when the
document says nothing. Dates inside the body (截至…, deadlines, meeting days) are not the document date when
a 落款 date exists, so they are used last.

Units are written the way the archive labels them: county departments in short form without the county
name ("县农业农村局"), township offices as their government ("XX镇人民政府"), village bodies in full
("XX镇XX村村民委员会"), and a few fixed contractions ("县委农办").
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePath

from ..model import DocMeta, Extraction
from ..textnorm import fold_width, to_simplified
from .lexicon import (
    KINDS,
    ORG_SUFFIXES,
    TOWN_OWN_BODIES,
    TOWN_SUBOFFICE_SUFFIXES,
    UNIT_ABBREVIATIONS,
    UNIT_CONTRACTIONS,
)

HAN = "\u3400-\u4dbf\u4e00-\u9fff"

# ---------------------------------------------------------------- text form for metadata
# Unlike textnorm.normalize, spaces between Chinese words are KEPT: in a 落款 line they separate two issuers
# ("县农业农村局　县卫生健康局") or a unit from its date. Only the spaces that PDF text layers put between
# digits and Chinese ("2024 年5 月") are removed.
_DIGIT_SPACE = re.compile(rf"(?<=\d) +(?=[{HAN}])|(?<=[年月]) +(?=\d)")  # spaces only: a tab separates cells


def meta_text(text: str) -> str:
    """The text form metadata rules read: NFC, half-width ASCII, Simplified, digits glued to 年月日."""
    if not text:
        return ""
    text = unicodedata.normalize("NFC", text)
    text = fold_width(text)
    text = to_simplified(text)
    return _DIGIT_SPACE.sub("", text)


def _lines(text: str) -> list[str]:
    """Non-empty lines, each also cut after a full stop: extractors that join OCR lines glue the 落款
    ('…确保动态清零。云峰镇人民政府 2024年4月18日') to the last sentence."""
    out = []
    for line in text.splitlines():
        for part in re.split(r"(?<=。)", line):
            part = part.strip(" \t\u3000")
            if part:
                out.append(part)
    return out


# ---------------------------------------------------------------- dates
_CN_NUM = {"〇": 0, "○": 0, "零": 0, "Ｏ": 0, "O": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
           "七": 7, "八": 8, "九": 9}
_AR_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]"
                      r"(?:\s*(?:至|到|—|-|－|~|～)\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*[日号])?")
_SEP_DATE = re.compile(r"(?<![\d.])((?:19|20)\d{2})([-./])(\d{1,2})\2(\d{1,2})(?![\d])")
_CN_DIGIT = "〇○零Ｏ一二三四五六七八九"
# a year of four Chinese digits, or three starting 〇 (OCR lost the leading 二 of 二〇二四)
_CN_DATE = re.compile(rf"((?<![{_CN_DIGIT}])[〇○零Ｏ][{_CN_DIGIT}]{{2}}|[{_CN_DIGIT}]{{4}})\s*年"
                      r"\s*([一二三四五六七八九十]{1,3})\s*月\s*([一二三四五六七八九十]{1,3})\s*[日号]")
# Labels that mark the document date, best first, and labels that mark some other date.
_GOOD_LABELS = (("成文日期", "签发日期", "印发日期", "签订日期", "签署日期", "签约日期", "发文日期"),
                ("填报日期", "制表日期", "报送日期", "填表日期", "统计日期", "编制日期", "落款日期", "日期"))
_BAD_LABELS = ("截至", "截止", "备案日期", "出生", "有效期", "开工", "完工", "期限", "起至", "自", "培训时间",
               "走访时间", "巡河日期", "验收时间", "发放日期", "会议时间", "纳入时间")


def _cn_small(s: str) -> int | None:
    """一..三十一 -> int."""
    if not s:
        return None
    if s == "十":
        return 10
    if s.startswith("十"):
        return 10 + _CN_NUM.get(s[1], 0) if len(s) == 2 else None
    if "十" in s:
        tens, _, ones = s.partition("十")
        value = _CN_NUM.get(tens)
        if value is None:
            return None
        return value * 10 + (_CN_NUM.get(ones, 0) if ones else 0)
    return _CN_NUM.get(s) if len(s) == 1 else None


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Every full date in `text` as (start, end, YYYY-MM-DD), in order. A range 6月17日至28日 yields its end."""
    found: list[tuple[int, int, str]] = []
    for m in _AR_DATE.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if m.group(5):  # a range: the document is dated at its end (training 6月17日至28日)
            mo = int(m.group(4)) if m.group(4) else mo
            d = int(m.group(5))
        iso = _iso(y, mo, d)
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _SEP_DATE.finditer(text):
        iso = _iso(int(m.group(1)), int(m.group(3)), int(m.group(4)))
        if iso:
            found.append((m.start(), m.end(), iso))
    for m in _CN_DATE.finditer(text):
        year_text = m.group(1)
        if len(year_text) == 3:  # OCR lost the leading 二 of 二〇二四: '○二四年' is read as 2024
            year_text = "二" + year_text
        year_digits = [_CN_NUM.get(c) for c in year_text]
        if None in year_digits:
            continue
        y = int("".join(str(x) for x in year_digits))
        mo, d = _cn_small(m.group(2)), _cn_small(m.group(3))
        if mo and d:
            iso = _iso(y, mo, d)
            if iso:
                found.append((m.start(), m.end(), iso))
    found.sort()
    return found


def find_date(text: str) -> str | None:
    """The last full date in `text` (kept for callers of the first version)."""
    dates = find_dates(text)
    return dates[-1][2] if dates else None


# 20240512, 2024-05-12, and phone names that glue the time on: 微信图片_20240418152233 (HHMMSS)
_NAME_DATE = re.compile(r"(?<!\d)(20\d{2})[-._年]?(0[1-9]|1[0-2])[-._月]?(0[1-9]|[12]\d|3[01])"
                        r"(?=\D|$|(?:[01]\d|2[0-3])[0-5]\d(?:[0-5]\d)?(?!\d))")
_NAME_DATE_LOOSE = re.compile(r"(?<!\d)(20\d{2})[-._年](\d{1,2})[-._月](\d{1,2})(?!\d)")
_MM_TIMESTAMP = re.compile(r"mmexport(1\d{12})")


def date_from_name(name: str) -> str | None:
    """Dates people and phones put in file names: 20240512, 2024.5.12, 2024-05-12, IMG_20240512_…, mmexport<ms>."""
    stem = PurePath(name).name
    for rx in (_NAME_DATE_LOOSE, _NAME_DATE):
        m = rx.search(stem)
        if m:
            iso = _iso(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            if iso:
                return iso
    m = _MM_TIMESTAMP.search(stem)
    if m:  # WeChat exports name files by the Unix time in milliseconds (China Standard Time)
        when = dt.datetime.fromtimestamp(int(m.group(1)) / 1000, tz=dt.timezone(dt.timedelta(hours=8)))
        return when.date().isoformat()
    return None


def _label_before(line: str, start: int) -> str:
    return line[max(0, start - 10):start]


def _date_rank(line: str, start: int) -> int:
    """0 best (成文/签订 label), 1 (填报/制表 label), 2 unlabelled, 9 a date that is not the document's."""
    before = _label_before(line, start)
    for bad in _BAD_LABELS:
        if bad in before[-len(bad) - 3:]:
            return 9
    for rank, labels in enumerate(_GOOD_LABELS):
        if any(lbl in before for lbl in labels):
            return rank
    return 2


def is_table_row(line: str) -> bool:
    """A line the extractors made from a table row (cells joined by tabs), except a 2-cell 落款 row
    ('县农业农村局<tab>2024年5月12日'): its dates are data, not the document's."""
    if "\t" not in line:
        return False
    cells = [c for c in line.split("\t") if c.strip()]
    return len(cells) > 2 or (len(cells) == 2 and not looks_like_org(_JUNK.sub("", cells[0])))


def _is_date_line(line: str, start: int, end: int) -> bool:
    """A 落款 or header date: the date ends its line and what precedes it is short and no sentence."""
    tail = line[end:].strip(" )）〉”\"'。.")
    head = line[:start]
    if tail or is_table_row(line):
        return False
    return len(head) <= 48 and "，" not in head and "。" not in head


_AS_OF = re.compile(r"(?:截至|截止|截止到|截止至)\s*(?:((?:19|20)\d{2})\s*年)?\s*(\d{1,2})\s*月"
                    r"\s*(?:(\d{1,2})\s*[日号]|(底|末))")


def title_as_of_date(title: str) -> str | None:
    """The 截至 date a title states ('…台账（截至2024年10月31日）', '2024年…（截至11月底）'), or None.

    A ledger is dated by the day its figures stand at; a later date in one of its cells (a planned
    completion, a 进展 note) is not the ledger's date.
    """
    text = meta_text(title or "")
    m = _AS_OF.search(text)
    if not m:
        return None
    year = m.group(1)
    if not year:
        other = re.search(r"((?:19|20)\d{2})\s*年", text)
        if not other:
            return None
        year = other.group(1)
    month = int(m.group(2))
    if m.group(3):
        return _iso(int(year), month, int(m.group(3)))
    if not 1 <= month <= 12:
        return None
    following = dt.date(int(year) + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).isoformat()


def head_as_of_date(title: str, lines: list[str]) -> str | None:
    """The 截至 date of the title, or of a short line in the title block just under it
    ('（截至2024年12月31日）', '截至2024年11月30日   单位：万元'), before the first table row."""
    if found := title_as_of_date(title):
        return found
    for line in lines[:5]:
        if is_table_row(line):
            break
        short = len(re.sub(r"\s+", "", line)) <= 40  # '填报单位：…          （截至…）' pads with spaces
        if short and "，" not in line and "。" not in line and (found := title_as_of_date(line)):
            if not re.search(r"(?:19|20)\d{2}\s*年", line):  # '（截至11月底）' takes its year from the title
                found = title_as_of_date(f"{title}{line}")
            return found
    return None


DATE_SOURCES = {0: "date_label", 1: "fill_date", 2: "signature_date"}


def ranked_document_date(text: str) -> tuple[str, str] | None:
    """(YYYY-MM-DD, source) of the 成文日期 from the text alone, or None.

    Order of trust: a date labelled 成文/签订日期; a labelled 填报/制表日期; the last 落款-style date line
    (the date alone on its line, or after the unit, never a table row); nothing else — body dates are
    left to the caller's fallbacks because 截至/deadline/meeting dates are not the document date.
    """
    best: tuple[int, int, str] | None = None  # (rank, -line_index, iso) minimised on rank, latest line
    lines = _lines(text)
    for index, line in enumerate(lines):
        for start, end, iso in find_dates(line):
            rank = _date_rank(line, start)
            if rank == 9:
                continue
            if rank == 2 and not _is_date_line(line, start, end):
                continue
            key = (rank, -index, iso)
            if best is None or key[:2] < best[:2]:
                best = key
    return (best[2], DATE_SOURCES[best[0]]) if best else None


def document_date(text: str) -> str | None:
    """The 成文日期 of a document from its text alone, or None (see ranked_document_date)."""
    found = ranked_document_date(text)
    return found[0] if found else None


def _fallback_body_date(text: str) -> str | None:
    """Last resort: the last full date in the text that is not labelled as some other date; a date in
    running text beats one in a table cell (a cell holds a record's date, not the document's)."""
    chosen = None
    in_table = None
    for line in _lines(text):
        for start, _end, iso in find_dates(line):
            if _date_rank(line, start) != 9:
                if is_table_row(line):
                    in_table = iso
                else:
                    chosen = iso
    chosen = chosen or in_table
    if chosen is None:  # OCR often breaks a date across lines: try once with line breaks removed
        joined = re.sub(r"(?<=\d)\n(?=\d|[年月日])|(?<=[年月])\n(?=\d)", "", text)
        if joined != text:
            dates = find_dates(joined)
            chosen = dates[-1][2] if dates else None
    return chosen


# ---------------------------------------------------------------- document numbers
_DOC_NUMBER = re.compile(rf"([{HAN}]{{0,12}})\s*[〔\[［【(（]\s*((?:19|20)\d{{2}})\s*[〕\]］】)）]"
                         r"\s*第?\s*(\d{1,4})\s*号")


def find_doc_number(text: str) -> str:
    """文号 such as 清农办〔2024〕12号, from the header area; [] () 【】 variants normalised to 〔〕."""
    lines = _lines(text)[:14]
    candidates: list[tuple[int, str]] = []
    for index, line in enumerate(lines):
        for m in _DOC_NUMBER.finditer(line):
            issuer = re.sub(r"^.*(?:编号|文号|字号)", "", m.group(1))
            number = f"{issuer}〔{m.group(2)}〕{int(m.group(3))}号"
            rest = len(line) - (m.end() - m.start())
            labelled = bool(re.search(r"(编号|文号)\s*[:：]?\s*$", line[: m.start()]))
            if rest <= 8 or labelled:
                candidates.append((0, number))
            elif len(line) <= 40 and index < 4:
                candidates.append((1, number))
    candidates.sort(key=lambda c: c[0])
    return candidates[0][1] if candidates else ""


# ---------------------------------------------------------------- units
_PLACE = rf"[{HAN}]{{1,5}}?"
_SEAL = re.compile(r"[（(〈<《\[]\s*(?:盖章|公章|签章|章|代章|印章|签字|签名)\s*[)）〉>》\]]|盖章|（?代章）?")
_PARENS = re.compile(r"[（(][^（）()]*[)）]")
_JUNK = re.compile(r"[\"“”‘’'「」『』〈〉<>《》\s:：,，、;；.。!！?？·|]")
# A township: 1-3 characters + 镇/乡/街道, not the 乡 of 城乡建设/乡村振兴/乡村….
_TOWN = re.compile(rf"^((?![县市省区])[{HAN}]{{1,3}}?(?:镇|乡|街道))(?!建设|村振兴|村公益|村医|村教)(.*)$")
_VILLAGE_BODY = re.compile(rf"^[{HAN}]{{1,5}}?(?:村|社区|居)(?:村民委员会|村委会|居民委员会|党支部|党总支|党委|"
                           rf"股份经济合作社|经济合作社|集体经济组织|[{HAN}]*委员会|[{HAN}]*合作社|[{HAN}]*会)$")
_COUNTY_PREFIX = re.compile(rf"^[{HAN}]{{1,4}}?(?:自治县|县)(?=[{HAN}])")
_CITY_PREFIX = re.compile(rf"^[^县区乡镇\W]{{2,4}}?市(?=[{HAN}]{{2}})")
_PROVINCE_PREFIX = re.compile(rf"^[{HAN}]{{2,3}}?省(?=[{HAN}]{{2}})")
_DISTRICT = re.compile(rf"^[{HAN}]{{1,3}}?区(?=[{HAN}]{{2}})")  # 宁波市鄞州区…: another city's district
_DEPT_SUBUNIT = re.compile(rf"^((?:县|市|省)?委?[{HAN}]{{2,14}}?(?:局|委员会|部|厅))([{HAN}]{{2,14}}?"
                           r"(?:股|科|室|中心|站|队|大队|所|处|办公室|组))$")


# Endings of a 责任者 name once normalised: ORG_SUFFIXES plus the places that are units themselves.
UNIT_SUFFIXES: tuple[str, ...] = (*ORG_SUFFIXES, "镇", "乡", "街道", "村", "社区", "村委会", "居委会")
# Words of running text that no unit name contains: a candidate with one of them is a sentence fragment
# ('渗滤液纳管至县污水处理中心') or a caption run together with a name ('…小学开展防溺水教育').
# Words that are part of real unit names (工作领导小组, 人居环境整治办公室, 项目管理中心, 纪律检查委员会,
# 活动中心, 培训学校) are deliberately not listed.
_NOT_IN_UNIT = re.compile(
    r"[的了至把将被向对]|进行|开展|完成|实现|落实|召开|参加|走进|纳管|已经|正在|情况|签约|现场|照片|合影|"
    r"整改|验收|会议|通知|方案|报告|台账|记录|名单"
)


def valid_unit(name: str) -> bool:
    """A normalised 责任者 that reads as a unit name: short, all Chinese, a unit ending, no sentence words.

    A company passes like any unit; that it was not read from a table cell is the caller's part.
    """
    if name in ("县委", "市委", "省委"):  # 中共X县委 once the county's name is dropped
        return True
    if not (3 <= len(name) <= 24):
        return False
    if any(not ("\u4e00" <= ch <= "\u9fff") for ch in name):
        return False
    if not name.endswith(UNIT_SUFFIXES):
        return False
    return not _NOT_IN_UNIT.search(name)


def looks_like_org(name: str) -> bool:
    """A name that ends like an organisation, 3..40 characters of mostly Chinese."""
    if not (3 <= len(name) <= 40):
        return False
    han = sum(1 for ch in name if "\u4e00" <= ch <= "\u9fff")
    if han < len(name) * 0.8:
        return False
    if re.search(r"(组长|主任|书记|人员|管理员|记录人|经办人|调解员|负责人)$", name):
        return False
    return name.endswith(ORG_SUFFIXES)


_UNIT_FIELD_LABEL = re.compile(
    rf"^(?:[{HAN}]{{0,4}}单位|甲方|乙方|发文机关|主办|承办|编印)\s*(?:[（(](?:盖章|公章|签章)[）)])?\s*[:：]?\s*(?=[{HAN}]{{3}})")


def normalize_unit(raw: str) -> str:
    """'中共云岭县委组织部（盖章）' -> '县委组织部'; '凤凰乡社会事务办' -> '凤凰乡人民政府'.

    County (and province, city) names are dropped the way the archive writes units; township sub-offices
    become the township government; village bodies and township bodies with their own standing (人民调解
    委员会…) stay as they are; abbreviations are expanded (人社局 -> 人力资源和社会保障局).
    """
    s = meta_text(raw).strip()
    s = _UNIT_FIELD_LABEL.sub("", s)  # '承办单位：县农业农村局' read whole from a header line
    s = re.sub(r"[（(][^（）()]*(?:代章|盖章|印章)[^（）()]*[)）]?", "", s)  # （县委人才办代章）
    s = _SEAL.sub("", s)
    hosted = re.search(r"[（(]设在([^（）()]+)(?:[)）]|$)", s)  # 领导小组办公室（设在县住建局）: the host files it
    if hosted:
        s = hosted.group(1)
    s = _PARENS.sub("", s)
    s = re.sub(r"[（(][^（）()]*$", "", s)  # a parenthetical left open when its 代章 was cut off
    s = _JUNK.sub("", s)
    s = re.sub(r"\d+", "", s)
    s = re.sub(r"^中国共产党|^中共", "", s)
    for short, full in UNIT_ABBREVIATIONS.items():
        if s.endswith(short) and not s.endswith(full):
            s = s[: -len(short)] + full
    if _PROVINCE_PREFIX.match(s) and not s.startswith(("省委", "省人民")):
        s = "省" + _PROVINCE_PREFIX.sub("", s)
    elif s.endswith("省委") or re.match(rf"^[{HAN}]{{2,3}}省委", s):
        s = "省委" + re.sub(rf"^[{HAN}]{{2,3}}省委", "", s)
    city = _CITY_PREFIX.match(s)
    if city and not _TOWN.match(s[city.end():] or "") and not _DISTRICT.match(s[city.end():]):
        s = "市" + s[city.end():]
    county = _COUNTY_PREFIX.match(s)
    if county:
        rest = s[county.end():]
        town = _TOWN.match(rest)
        s = rest if town and town.group(2) != "" and not rest.startswith("乡村") else "县" + rest
    for long, short in UNIT_CONTRACTIONS:
        if s.endswith(long):
            s = s[: -len(long)] + short
    sub = _DEPT_SUBUNIT.match(s)
    if sub:
        s = sub.group(1)
    s = _normalize_town_unit(s)
    return s


def _normalize_town_unit(s: str) -> str:
    town = _TOWN.match(s)
    if not town or s.startswith(("县", "市", "省")):
        return s
    name, rest = town.group(1), town.group(2)
    if name.endswith("乡") and rest.startswith("村"):  # 乡村… is not a township
        return s
    if rest in ("", "政府", "人民政府") or rest.startswith("人民政府"):
        return name + "人民政府"
    if rest in ("党委", "委员会") or rest.startswith(("党委", "委员会")):
        return name + "党委"
    if _VILLAGE_BODY.match(rest) or rest.endswith(TOWN_OWN_BODIES):
        return s
    if re.match(rf"^(?!乡村|城乡)[{HAN}]{{1,5}}?(?:村|社区)(?!级|民|镇)", rest):  # a village's own (驻村工作队)
        return s
    if rest.endswith(TOWN_SUBOFFICE_SUFFIXES) or rest.endswith(("办公室", "服务中心", "管理站")):
        return name + "人民政府"
    return s


# Labelled unit fields, best first. Contracts: the 甲方 (first party) is the 责任者.
_UNIT_LABELS: tuple[tuple[int, str], ...] = (
    (0, r"(?:填报|报送|制表|编制|发文|责任|申报)单位(?:[（(]盖章[）)])?"),
    (0, r"(?:流出方)?[（(]?甲方[）)]?(?:[（(]盖章[）)])?"),
    (0, r"(?:流入方)?[（(]?乙方[）)]?(?:[（(]盖章[）)])?"),
    (1, r"(?:走访|运维|实施|检查|调查|上报|出具|培训|组织|验收|管护|监测|巡查|核查|核实|排查|承办|主办|建设|派出|牵头)"
        r"单位(?:[（(]盖章[）)])?"),
    (1, r"审核(?:单位)?"),
    (2, r"(?:制表|填报|填表|报送|记录|统计|考勤)(?:人|者)?"),
    (3, r"(?:主办|承办|单位|编印)"),
)
# A label glued to the value before it ('甲方：漳源县人民政府乙方：…'): cut from the value.
_NEXT_LABEL = re.compile(r"(?:[（(]?[甲乙丙]方[）)]?|填报人|制表人|审核人|负责人|联系人|联系电话|电话|日期|代表|签字|"
                         r"户主|姓名|地址|时间|(?:调查|填报|制表|填表|统计|报送|检查|验收|走访|核查|签订|成文|记录|培训)"
                         r"(?:日期|时间|人|员|地点))$")
# where a glued value ends: '中共X县委组织部截至2024年10月31日' (OCR runs the fields of a line together)
_VALUE_END = re.compile(rf"(?:截至|截止|统计时间|填报时间)|(?<=[{HAN}])(?=\d)")
# '本清单由县民政局养老服务股整理': who compiled it (a data source '数据由…提供' is not the author).
_COMPILED_BY = re.compile(rf"由([{HAN}（）()]{{3,30}}?)(?:负责)?(?:整理|编制|制作|填报|汇总|制表|编写|起草|印制)")
_SPLIT = re.compile(r"[\u3000\t]+| {2,}|[”“\"]+|(?<=[）)〉])\s*")


# a numbered heading ('二、产业布局', '（三）工作专班'): a section of the text, never a 落款
_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[)）]"
                      r"|\d+\s*[、.．](?!\d)|第[一二三四五六七八九十\d]+[章条节部分])")


def _org_segments(line: str) -> list[str]:
    """Organisation names in one 落款 line: '县农业农村局　县卫生健康局' -> both, first first."""
    if _HEADING.match(line):
        return []
    cleaned = _SEAL.sub(" ", line)
    for start, end, _iso in reversed(find_dates(cleaned)):
        cleaned = cleaned[:start] + " " + cleaned[end:]
    def org(part: str) -> str:
        part = re.sub(r"^.*[:：]", "", part.strip(" :：,，、;；.。\"“”〈〉")).strip()
        bare = _JUNK.sub("", _PARENS.sub("", part))
        return part if looks_like_org(bare) or looks_like_org(_JUNK.sub("", part)) else ""

    out = []
    for chunk in _SPLIT.split(cleaned):
        pieces = [org(p) for p in chunk.split()]
        if any(pieces):  # '县农业农村局 县卫生健康局': each piece an organisation of its own
            out.extend(p for p in pieces if p)
        elif org(chunk.replace(" ", "")):  # an organisation name broken by a stray space
            out.append(org(chunk.replace(" ", "")))
    return out


def _labelled_units(lines: list[str]) -> list[tuple[int, str]]:
    found = []
    for line in lines:
        for rank, label in _UNIT_LABELS:
            # the label starts a cell or a phrase: '施工单位：XX公司' is not a '单位：' label
            lead = rf"(?<![{HAN}])" if rank >= 2 else ""
            for m in re.finditer(rf"{lead}{label}\s*[:：]\s*([^\s\u3000:：]+(?:[（(][^）)]*[）)])?)", line):
                value = _VALUE_END.split(re.split(r"[\u3000\t ]", m.group(1))[0])[0]
                value = _NEXT_LABEL.sub("", _SEAL.sub("", value)).strip(" ，,;；。")
                if looks_like_org(_JUNK.sub("", _PARENS.sub("", value))):
                    found.append((rank, value))
        for m in _COMPILED_BY.finditer(line):
            if looks_like_org(_JUNK.sub("", _PARENS.sub("", m.group(1)))):
                found.append((1, m.group(1)))
    found.sort(key=lambda f: f[0])
    return found


_RECIPIENT_LINE = re.compile(r"^(?:主送|抄送|抄报|报送|分送|报|送|发|印送|呈)\s*[:：]")


def _whole_org_line(line: str) -> bool:
    """A line that is nothing but organisation names (one line of a joint 落款)."""
    segs = _org_segments(line)
    return bool(segs) and _JUNK.sub("", "".join(segs)) == _JUNK.sub("", _SEAL.sub("", line))


def _signature_unit(lines: list[str]) -> str:
    """The 落款: the organisation on or just above the last date line (or among the last lines).

    A joint 落款 stacks its issuers one per line above the date, the lead issuer first: the topmost of
    those lines is the 责任者. 报：/抄送： lines name the recipients, never the issuer.
    """
    # a name in a table cell is data, not the issuer
    lines = [ln for ln in lines if not is_table_row(ln) and not _RECIPIENT_LINE.match(ln)]
    date_line = None
    for index in range(len(lines) - 1, -1, -1):
        line = lines[index]
        if any(_is_date_line(line, s, e) and _date_rank(line, s) != 9 for s, e, _ in find_dates(line)):
            date_line = index
            break
    if date_line is not None:
        line = lines[date_line]
        bare = _SEAL.sub("", line)
        if date_line > 0 and bare.count("（") + bare.count("(") < bare.count("）") + bare.count(")"):
            line = lines[date_line - 1] + line  # a wrapped 'XX办公室（设在县…' + '…局） 2024年5月20日'
        segs = _org_segments(line)
        if segs:
            return segs[0]
        for back in range(1, 4):
            if date_line - back < 0:
                break
            segs = _org_segments(lines[date_line - back]) if _short_line(lines[date_line - back]) else []
            if segs:
                top = date_line - back
                while top > 0 and date_line - top < 4 and _whole_org_line(lines[top - 1]) \
                        and _whole_org_line(lines[top]):
                    top -= 1
                return _org_segments(lines[top])[0]
    for line in reversed(lines[-5:]):
        segs = _org_segments(line) if _short_line(line) else []
        if segs:
            return segs[0]
    return ""


def _short_line(line: str) -> bool:
    """A line short enough to be a 落款 and no sentence ('…推行“红黑榜”，评选“清洁庭院”…' is running text)."""
    return len(line) <= 40 and not re.search(r"[，。；！？]", line.rstrip("。"))


def _header_unit(lines: list[str]) -> str:
    """Issuer in the header: 'XX局文件' red header, a masthead 'XX统计局　统计快报', 'XX局关于…' titles."""
    for line in lines[:4]:
        if line.rstrip().endswith((":", "：")) or is_table_row(line):  # the addressee, or table data
            continue
        line = re.sub(r"^【[^】]{1,6}】", "", line)
        if _UNIT_FIELD_LABEL.match(line):
            continue  # '承办单位：…' is a labelled field, read by the label rules
        line = re.sub(rf"(?<=[{HAN}])(?:编印|编|主办|印)(?=[\u3000\t ]|$)", "", line)  # '…综治中心编  2024年…'
        m = re.match(rf"^([{HAN}（）()]{{3,40}}?)文件$", line)
        if m and looks_like_org(_PARENS.sub("", m.group(1))):
            return m.group(1)
        parts = re.split(r"[\u3000\t ]+", line)
        if len(parts) >= 2 and looks_like_org(_JUNK.sub("", parts[0])) and len(line) <= 40:
            return parts[0]
        m = re.match(rf"^([{HAN}]{{3,30}}?(?:{'|'.join(ORG_SUFFIXES)}|镇|乡))关于", line)
        if m:
            return m.group(1)
        if looks_like_org(line) and len(line) <= 30 and not line.endswith(("会", "中心", "所")):
            return line
    return ""


def _caption_unit(caption: str) -> str:
    """A site photo captioned 'XX镇XX村…' was taken for the township."""
    caption = meta_text(caption)
    caption = _COUNTY_PREFIX.sub("", caption)
    m = re.match(rf"^((?![县市省区])[{HAN}]{{1,3}}?(?:镇|乡))(?!村)", caption)
    if m:
        return m.group(1) + "人民政府"
    return ""


def _checked(raw: str) -> str:
    """normalize_unit(raw) when the result validates as a unit name, else ''."""
    if not raw:
        return ""
    unit = normalize_unit(raw)
    return unit if valid_unit(unit) else ""


_FOLDER_NOISE = re.compile(r"^[\d\s._\-、（）()]+|(?:报送|上报|提供|佐证|迎检|归档)?(?:材料|资料|文件|佐证)+$"
                           r"|报送$|上报$")


def folder_unit(folders: list[str] | None) -> str:
    """The unit a file came from when its folder is named for one (县农业农村局/, 02-河西镇人民政府/,
    河口镇报送材料/, XX村委会/): nearest folder first; other folder names (C01-农村厕所革命, 照片) say nothing."""
    for name in reversed(folders or []):
        bare = _FOLDER_NOISE.sub("", meta_text(name).strip())
        bare = _FOLDER_NOISE.sub("", bare)
        if re.search(r"[\d\s]", bare):
            continue
        if unit := _checked(bare):
            return unit
    return ""


def author_unit(meta: dict | None) -> str:
    """The document's author property (docx/xlsx/pdf author, photo XPAuthor/Artist) when it is a unit name;
    a person's name, 'Administrator' or '微软用户' says nothing."""
    for key in ("author", "artist", "xp_author", "creator"):
        value = (meta or {}).get(key)
        if value and (unit := _checked(str(value))):
            return unit
    return ""


UNIT_SOURCES = ("fill_unit", "signature", "label", "header", "title", "caption", "author", "folder")


def _own_party(values: list[str], folders: list[str] | None) -> str:
    """Of several stated units (a contract's 甲方 and 乙方, two 填报单位), the one the file came from when its
    folder names it, else the first one of this county (another city's district is the other party)."""
    units = [_checked(v) for v in values]
    sender = folder_unit(folders)
    if sender and sender in units:
        return values[units.index(sender)]
    for value, unit in zip(values, units, strict=True):
        if unit and not unit.startswith(("市", "省")) and not _CITY_PREFIX.match(unit):
            return value
    return values[0]


def find_unit_ranked(
    text: str, file_type: str = "", caption: str = "", title: str = "",
    meta: dict | None = None, folders: list[str] | None = None,
) -> tuple[str, str]:
    """(责任者, source): see _stated_unit; a township office named without its township ('综治中心',
    '党政办') takes the township of the folder it came from."""
    unit, source = _stated_unit(text, file_type, caption, title, meta, folders)
    if unit and source != "folder":
        unit = _with_town(unit, folders)
    return unit, source


def _with_town(unit: str, folders: list[str] | None) -> str:
    if unit.startswith(("县", "市", "省")) or _TOWN.match(unit) or "村" in unit or len(unit) > 8:
        return unit
    town = re.match(r"^(.{1,3}?(?:镇|乡|街道))人民政府$", folder_unit(folders))
    if town and unit.endswith((*TOWN_SUBOFFICE_SUFFIXES, "办公室", "服务中心")):
        return normalize_unit(town.group(1) + unit)
    return unit


def _stated_unit(
    text: str, file_type: str, caption: str, title: str, meta: dict | None, folders: list[str] | None,
) -> tuple[str, str]:
    """(责任者, source) from the places that state it, best first, each validated as a unit name:
    a 填报/报送/制表/编制单位 label, the 落款, another labelled unit, the 发文机关 header, 'XX关于…' in the
    title, a photo caption's township, the author property, the unit folder the file came from."""
    lines = _lines(text)
    labelled = [(rank, value) for rank, value in _labelled_units(lines[-12:]) if _checked(value)]
    # a ledger often states 填报单位 right under its title; a contract names 甲方 and 乙方 at the top and
    # again at the signature: the parties are weighed together (see _own_party)
    if not labelled:  # '承办单位：…' under a roster's title, a long table below it
        labelled = [(rank, value) for rank, value in _labelled_units(lines[:8]) if rank <= 1 and _checked(value)]
    head = [(rank, value) for rank, value in _labelled_units(lines[:8]) if rank == 0 and _checked(value)]
    if head and (not labelled or labelled[0][0] != 0 or len(head) > 1):
        known = {normalize_unit(v) for _, v in head}
        labelled = head + [(rank, v) for rank, v in labelled if normalize_unit(v) not in known]
        labelled.sort(key=lambda f: f[0])
    candidates: list[tuple[str, str]] = []
    if labelled and labelled[0][0] == 0:
        candidates.append(("fill_unit", _own_party([v for r, v in labelled if r == 0], folders)))
    if lines:
        candidates.append(("signature", _signature_unit(lines)))
    if labelled:
        candidates.append(("label", labelled[0][1]))
    candidates.append(("header", _header_unit(lines)))
    if title:
        m = re.match(rf"^([{HAN}]{{2,30}}?(?:局|委|办|部|政府|镇|乡|中心))关于", meta_text(title))
        candidates.append(("title", m.group(1) if m else ""))
    for source, raw in candidates:
        if unit := _checked(raw):
            return unit, source
    if unit := author_unit(meta):  # EXIF Artist / author property states the unit; a caption's town is inferred
        return unit, "author"
    if caption and (unit := _caption_unit(caption)):
        return unit, "caption"
    if unit := folder_unit(folders):
        return unit, "folder"
    return "", ""


def find_unit(text: str, file_type: str = "", caption: str = "", title: str = "") -> str:
    """责任者 of a document, normalised (see normalize_unit and find_unit_ranked)."""
    return find_unit_ranked(text, file_type, caption, title)[0]


# ---------------------------------------------------------------- titles
_USELESS_STEM = re.compile(
    r"^(?:IMG|DSC|DSCN|DCIM|PXL|MVIMG|VID|P|Screenshot|截图|屏幕截图|scan|扫描件?|扫描全能王|微信图片|mmexport|"
    r"wx_camera|新建|文档|附件|未命名|无标题|Untitled|document|Doc|Book|Sheet|工作簿|Microsoft|WPS|图片|照片|"
    r"Image|photo|CamScanner)",
    re.IGNORECASE,
)
_FILLER = re.compile(r"(?:新建|Microsoft|Word|Excel|PowerPoint|WPS|文档|文本文档|工作表|工作簿|演示文稿|附件|"
                     r"扫描件|扫描全能王|微信图片|副本|未命名|无标题|图片|照片|DOCX|XLSX|\d+|[\W_])", re.IGNORECASE)


def meaningful_stem(name: str) -> str:
    """The file name stem when it says something ('情况说明').

    '' for IMG_0012, scan_0019, 新建 Microsoft Excel 工作表: such names would make useless titles.
    """
    stem = PurePath(name).stem if "." in PurePath(name).name else PurePath(name).name
    stem = meta_text(stem).strip()
    left = _FILLER.sub("", stem)
    han = sum(1 for ch in left if "\u4e00" <= ch <= "\u9fff")
    if han < 4 or (_USELESS_STEM.match(stem) and han < 6):
        return ""
    return stem


_BODY_START = re.compile(r"^(?:为|根据|按照|今年|近年|近期|经|现将|一、|（一）|第一条|1[.、]|一是|截至|据|受|"
                         r"[（(]\d{4}年|各乡镇|各村|全县|全镇|全乡)")
_MASTHEAD_TAIL = re.compile(r"(?:简报|快报|动态|专报|信息)$")
_ISSUE_LINE = re.compile(r"^[（(]?(?:\d{4}\s*年\s*)?第\s*\d+\s*期[)）]?$")
_TITLE_END = re.compile(r"(?:方案|报告|通知|纪要|总结|汇报|说明|台账|表|书|约|章程|意见|办法|措施|通报|简报|计划|"
                        r"请示|批复|决定|记录|协议|合同|名单|名册|情况|规划|细则|规定|发言|讲话|[)）])$")


# Lines that label a field and are never a title: '报送单位：…', '附件1', '密级：秘密', '签发人：张三',
# '编号：…', '特急', '(此件公开发布)'.
_LABEL_LINE = re.compile(
    rf"^[{HAN}]{{1,8}}\s*[:：]|^附\s*件\s*[\d一二三四五六七八九十]*\s*[:：]?\s*$|^(?:密级|签发人|紧急程度|编号|文号|"
    r"联系人|联系电话|抄送|印发|主送)|^(?:绝密|机密|秘密|内部(?:资料|文件|材料)?|特急|加急|平急|急件)(?:★.*|\s*(?:注意保存|妥善保管|请勿外传))?$|^[（(]?此件.{0,8}[)）]?$"
)


def is_label_line(line: str) -> bool:
    return bool(_LABEL_LINE.search(line.strip()))


_ODD = re.compile(r"[|_~^\\{}<>=#$%&*@`¦丨]")


_KIND_ONLY_TITLE = re.compile(r"^(?:证明|通知|公告|通告|公示|说明|承诺书|倡议书|协议书|责任书|申请书|决定|批复)$")


def plausible_title(title: str) -> bool:
    """A title a person wrote, not OCR garbage: mostly Chinese, no stray symbols, not a label line.
    A document titled by its kind alone (证明, 公告) is titled so."""
    text = re.sub(r"\s+", "", title or "")
    if len(text) < 2 or is_label_line(title):
        return False
    if _KIND_ONLY_TITLE.match(text):
        return True
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    return han >= 4 and not garbled(title)


def garbled(line: str) -> bool:
    """OCR garbage: stray symbols, less than half Chinese, or single characters between spaces
    ('县 农 业 农 衬 局 文 仵', how OCR reads a letterhead)."""
    text = re.sub(r"\s+", "", line or "")
    if not text:
        return False
    han = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    if han < len(text) * 0.5 or _ODD.search(text):
        return True
    pieces = (line or "").split()
    return len(pieces) >= 4 and sum(1 for p in pieces if len(p) == 1) >= len(pieces) * 0.6


# '…情况统计（报县委组织部人才办）': whom it went to is no part of its title
_ADDRESSEE_NOTE = re.compile(r"[（(](?:报|报送|呈报|送|抄送)[^（）()]{2,30}[)）]$")


def _is_title_line(line: str) -> bool:
    if "\t" in line:  # a table row (the header under a form's title), never part of the title
        return False
    if len(line) > 42 or line.endswith(("：", ":", "。", "；", "，")):
        return False
    if is_label_line(line):
        return False
    if "。" in line or _BODY_START.match(line) or _DOC_NUMBER.search(line):
        return False
    if any(_is_date_line(line, s, e) for s, e, _ in find_dates(line)):
        return False
    return sum(1 for ch in line if "\u4e00" <= ch <= "\u9fff") >= 2


def title_from_lines(lines: list[str]) -> str:
    """The title block at the top of a document: 1–3 short lines joined, red header and masthead skipped."""
    start = 0
    while start < min(len(lines), 8):
        line = lines[start]
        is_red_header = bool(re.match(rf"^[{HAN}（）()\s]{{3,40}}文件$", line))
        is_masthead = bool(re.search(r"[\u3000\t ]", line) and _MASTHEAD_TAIL.search(line)) or (
            start + 1 < len(lines) and _ISSUE_LINE.match(lines[start + 1])
            and (_MASTHEAD_TAIL.search(line) or len(line) <= 12))  # '平安枫林' over '（2024年第5期）'
        is_issuer_only = (looks_like_org(_JUNK.sub("", line)) and start + 1 < len(lines)
                          and (_is_title_line(lines[start + 1]) or bool(_DOC_NUMBER.search(lines[start + 1]))
                               and _whole_org_line(line)))
        # GB/T 9704: the title is 发文机关 + 关于 + 事由 + 文种; the issuer's own line under the 文号 starts it
        # (the line above the 文号 is the 发文机关标志, not the title)
        after_number = any(_DOC_NUMBER.search(ln) and len(ln) < 20 for ln in lines[:start])
        if is_issuer_only and after_number and lines[start + 1].startswith("关于"):
            break
        is_number = bool(_DOC_NUMBER.search(line)) and len(line) < 20
        if is_red_header or is_masthead or is_issuer_only or is_number or _ISSUE_LINE.match(line) \
                or is_label_line(line) or garbled(line):
            start += 1
            continue
        break
    masthead = ""
    if start > 0 and _MASTHEAD_TAIL.search(lines[0].split()[-1] if lines[0].split() else ""):
        masthead = re.sub(r"^\S+[\u3000\t ]+(?=\S)", "", lines[0]) if looks_like_org(
            _JUNK.sub("", lines[0].split()[0])) and len(lines[0].split()) > 1 else lines[0]
    while start < len(lines) and start < 6 and any(
            _is_date_line(lines[start], s, e) for s, e, _ in find_dates(lines[start])):
        start += 1  # the masthead's 'issuer  date' line
    parts: list[str] = []
    for line in lines[start:start + 4]:
        if parts and line.startswith("——"):
            parts.append(line)
            break
        if not _is_title_line(line):
            break
        if parts and _ISSUE_LINE.match(line):
            break
        parts.append(line)
        if _TITLE_END.search(line) and len("".join(parts)) >= 8:
            break
        if len(parts) >= 3:
            break
    title = "".join(re.sub(r"[\u3000\t]+", " ", p) for p in parts).strip()
    title = _ADDRESSEE_NOTE.sub("", title)
    if re.fullmatch(rf"(?:[{HAN}]\s+){{1,4}}[{HAN}]", title):  # '证  明', '通　知': spaced out, not two words
        title = re.sub(r"\s+", "", title)
    if masthead and (not title or _MASTHEAD_TAIL.search(masthead)):
        title = masthead  # the bulletin is titled by its masthead (…工作简报); its first article is content
    return title[:120]


def ledger_title(extraction: Extraction) -> str:
    """The title row of a spreadsheet: the first row with one non-empty cell of Chinese text.

    The xlsx extractor already finds that row (title_hint); the text starts with 【sheet name】
    markers, which are not part of any title.
    """
    hint = extraction.title_hint or ""
    if extraction.file_type == "xlsx" and plausible_title(meta_text(hint)):
        return meta_text(hint)[:120]
    rows: list[list[str]] = []
    for sheet in extraction.meta.get("sheets") or []:
        rows.extend([str(c) for c in r] for r in (sheet.get("rows") or [])[:6])
    if not rows:
        rows = [ln.split("\t") for ln in (extraction.text or "").splitlines()[:6]]
    for row in rows:
        cells = [c.strip() for c in row if c and str(c).strip()]
        if len(cells) == 1 and len(cells[0]) >= 6 and plausible_title(meta_text(cells[0])):
            return meta_text(cells[0])[:120]
    return ""


# ---------------------------------------------------------------- kind
def detect_kind(title: str, name: str = "", file_type: str = "", is_photo: bool = False) -> str:
    """方案/通知/纪要/台账/照片/验收/总结/报告/简报/通报/合同/… from the title, then the file name and type."""
    if is_photo:
        return "照片"
    for source in (meta_text(title), meaningful_stem(name)):
        if not source:
            continue
        best: tuple[int, str] | None = None
        bare = re.sub(r"[（(【\[][^（）()【】\[\]]*[)）】\]]", "", source)  # '…方案（2024—2026年）'
        for kind, words in KINDS:
            for word in words:
                pos = bare.rfind(word)
                if pos >= 0:
                    # the kind word nearest the end of the title wins: '…验收报告' is 验收, '…整改台账' is 台账;
                    # one followed by more words modifies them ('…产权制度改革的实践' is no 制度)
                    end = pos + len(word)
                    tail = re.sub(rf"[^{HAN}]", "", bare[end:])
                    if len(tail) > 2 and not tail.startswith("的"):
                        continue
                    if best is None or end > best[0]:
                        best = (end, kind)
        if best:
            return best[1]
    if file_type == "xlsx":
        return "台账"
    return ""


# ---------------------------------------------------------------- entry point
_WATERMARK = re.compile(rf"^([{HAN}][^\t]{{3,30}}?)\s*(?:20\d{{2}}[./-]\d{{1,2}}[./-]\d{{1,2}})\s*\d{{1,2}}:\d{{2}}")


_STAMP_ONLY = re.compile(r"^\s*20\d{2}[./-]\d{1,2}[./-]\d{1,2}\s*\d{1,2}:\d{2}(?::\d{2})?\s*$")
_PLACE_LINE = re.compile(rf"^[{HAN}][{HAN}\w（）()·-]{{3,30}}$")


def _watermark_caption(lines: list[str]) -> str:
    """The place line a 水印相机 burns into a photo with its time stamp ('龙潭镇新田村高标准农田灌溉渠
    2024.06.12 09:30 晴'): the photo's caption when its EXIF has none."""
    for i, line in enumerate(lines[:3]):
        if m := _WATERMARK.match(line):
            return m.group(1).strip()
        if _STAMP_ONLY.match(line):  # the time on a line of its own, the place on the next (or the one before)
            for other in lines[i + 1:i + 2] + lines[max(i - 1, 0):i]:
                if _PLACE_LINE.match(other.strip()):
                    return other.strip()
    return ""


def _photo_caption(extraction: Extraction) -> str:
    meta = extraction.meta or {}
    for key in ("xp_title", "xp_subject", "xp_comment", "image_description"):
        value = meta.get(key)
        if value and str(value).strip():
            return meta_text(str(value).strip())
    return ""


SOURCE_LABELS: dict[str, str] = {
    # titles
    "caption": "照片标题",
    "sheet_title": "表格标题行",
    "title_block": "文首标题",
    "title_property": "文档标题属性",
    "file_name": "文件名",
    # units
    "fill_unit": "填报/报送/制表单位栏",
    "signature": "落款",
    "label": "单位栏",
    "header": "发文机关（文首）",
    "title": "题名中的发文机关",
    "author": "文档作者属性",
    "folder": "来源文件夹",
    # dates
    "date_label": "成文日期栏",
    "fill_date": "填报日期栏",
    "signature_date": "落款日期",
    "title_as_of": "题名中的截至日期",
    "exif": "照片拍摄时间（EXIF）",
    "name_date": "文件名中的日期",
    "body_date": "正文或表格中的日期（无更可靠来源）",
    "user": "人工更正",
}


def extract_meta(extraction: Extraction, original_name: str, folders: list[str] | None = None) -> DocMeta:
    """题名, 责任者, 成文日期, 文号 and kind of one extracted file, each with where it was read.

    `folders` (parent folder names, nearest last) name the sender: a folder named for a unit is the
    责任者 of last resort, after everything the document itself states.
    """
    text = meta_text(extraction.text or "")
    lines = _lines(text)
    is_image = extraction.file_type == "image"
    caption = (_photo_caption(extraction) or _watermark_caption(lines)) if is_image else ""
    body_lines = lines
    if caption:  # the caption is repeated at the top of `text`; the rest (if any) is OCR of the picture
        body_lines = [ln for ln in lines if ln != caption]
    ocr_body = len("".join(body_lines)) >= 60
    is_photo = is_image and (bool(caption) or not ocr_body)

    # title
    title, title_source = "", ""
    if is_image and caption:
        title, title_source = caption, "caption"
    elif extraction.file_type == "xlsx":
        title, title_source = ledger_title(extraction), "sheet_title"
    if not title or not plausible_title(title):
        title, title_source = title_from_lines(body_lines), "title_block"
    hint = meta_text(extraction.title_hint or "")
    if not plausible_title(title) and hint and meaningful_stem(hint + ".x") and plausible_title(hint) \
            and not re.match(r"^(Microsoft|WPS|Word)", hint):
        title, title_source = hint, "title_property"
    if not plausible_title(title) and (stem := meaningful_stem(original_name)):
        title, title_source = stem, "file_name"
    if not title:
        title_source = ""

    # date
    exif_date = (extraction.meta or {}).get("exif_date")
    body = "\n".join(body_lines)
    ranked = ranked_document_date(body) if body_lines else None
    candidates: list[tuple[str | None, str]]
    if is_photo:
        candidates = [(exif_date, "exif"), *([ranked] if ranked else []), (date_from_name(original_name), "name_date")]
    else:
        candidates = [
            *([ranked] if ranked else []),
            (head_as_of_date(title, body_lines), "title_as_of"),
            (exif_date if is_image else None, "exif"),
            (date_from_name(original_name), "name_date"),
            (_fallback_body_date(body), "body_date"),
        ]
    doc_date, date_source = next(((d, src) for d, src in candidates if d), (None, ""))

    # unit
    unit, unit_source = find_unit_ranked(
        body, extraction.file_type, caption=caption if is_photo else "", title=title,
        meta=extraction.meta, folders=folders,
    )
    if not unit and caption and (unit := _caption_unit(caption)):
        unit_source = "caption"

    return DocMeta(
        title=title,
        unit=unit,
        doc_date=doc_date,
        doc_number=find_doc_number(text) if not is_photo else "",
        kind=detect_kind(title, original_name, extraction.file_type, is_photo=is_photo),
        title_source=title_source,
        unit_source=unit_source,
        date_source=date_source,
    )
