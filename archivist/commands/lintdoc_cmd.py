"""``archivist lint-doc FILE.docx…``: GB/T 9704 faults and machine artefacts in a Word document.

Exit 0 when nothing is found, 1 when something is (one line per fault: file, paragraph, what), 2 when a
file cannot be read — so it can gate a script that sends documents out.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import typer
from rich.markup import escape as esc

from ..cli_common import console, err_console, fail, print_json


def lint_doc(
    files: list[Path] = typer.Argument(..., metavar="FILE.docx...", help="要检查的 Word 文档（.docx）"),
    as_json: bool = typer.Option(False, "--json", help="输出 JSON"),
) -> None:
    """检查公文格式（GB/T 9704：中文字体、引号字体、行距、页边距）和机器痕迹（路径、编号、ISO 日期、负数、英文）。"""
    from ..generate.lint import lint_docx

    results: dict[str, list] = {}
    for f in files:
        try:
            results[str(f)] = lint_docx(f)
        except FileNotFoundError:
            fail(f"找不到文件 {f}：请检查路径", 2)
        except (zipfile.BadZipFile, KeyError):
            fail(f"{f} 不是 Word 文档（.docx）：请先用 Word/WPS 另存为 .docx 再检查", 2)
    if as_json:
        print_json({name: [vars(x) for x in found] for name, found in results.items()})
    else:
        for name, found in results.items():
            for x in found:
                console.print(esc(x.line(name)), highlight=False, soft_wrap=True)
            if not found:
                err_console.print(esc(f"{name}：未发现问题"), highlight=False)
    if any(results.values()):
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("lint-doc")(lint_doc)
