"""The build step pyproject.toml cannot say: put the top-level templates/ into the wheel.

A wheel installs packages only, and templates/ (frameworks, concepts, phrases, Word templates) sits
beside the package, where the design keeps it. The copy lands in archivist/_shipped/, where
archivist/shipped.py looks first. Editable installs read templates/ in place and skip the copy.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithTemplates(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "archivist" / "_shipped"
        shutil.copytree(Path(__file__).parent / "templates", target, dirs_exist_ok=True)


setup(cmdclass={"build_py": BuildWithTemplates})
