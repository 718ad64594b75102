"""Build the Debian package from the PyInstaller folder (step 3 of `make package`).

Usage: python packaging/build_deb.py [--bundle packaging/dist/bpstudio] [--icons packaging/build/icons]
                                     [--out packaging/dist]
Lays out the package tree in packaging/build/deb-root, derives Depends from what the bundled
binaries link against (ldd + dpkg -S, so the list matches the bundle), and runs
`dpkg-deb -Zzstd --root-owner-group --build`. Prints the .deb path. Standard library only.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from render_icons import HICOLOR_SIZES  # beside this script (sys.path[0])

ROOT = Path(__file__).resolve().parent.parent
LINUX = ROOT / "packaging" / "linux"

# Always in Depends: a font, which no binary names but without which Qt draws no text, and
# the libraries Qt's GUI needs on every platform (libQt6Gui and libQt6DBus link them, so the
# derivation finds them too; naming them keeps them even if a future bundle changes).
RUNTIME_DEPENDS = ("libegl1", "libgl1", "libdbus-1-3", "libfontconfig1", "libxkbcommon0", "fonts-dejavu-core")
# Libraries that only optional Qt plugins link against and whose absence just disables that
# plugin (Qt then falls back to another one): Wayland sessions have these, X11 ones may not.
RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1")
OPTIONAL_LIBRARIES = re.compile(r"^libwayland-(client|cursor|egl)\.so")


class BuildError(Exception):
    """A problem that stops the build; the message says what and where."""


def version() -> str:
    text = (ROOT / "bpstudio" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if not match:
        raise BuildError("bpstudio/__init__.py has no __version__ line")
    return match[1]


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == b"\x7fELF"


def needed(path: Path) -> list[str]:
    """The libraries an ELF file names directly (DT_NEEDED)."""
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True).stdout
    return re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", dynamic)


def external_libraries(bundle: Path) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Libraries outside the bundle that its ELF files link directly: ({path: users}, {missing: users}).

    Only direct links count, as with dpkg-shlibdeps: what those libraries need in turn comes
    with their own packages' Depends.
    """
    internal = bundle / "_internal"
    env = dict(os.environ, LD_LIBRARY_PATH=str(internal))  # what PyInstaller's bootloader sets
    found: dict[str, set[str]] = {}
    missing: dict[str, set[str]] = {}
    for path in sorted(bundle.rglob("*")):
        if not is_elf(path):
            continue
        user = str(path.relative_to(bundle))
        direct = set(needed(path))
        result = subprocess.run(["ldd", str(path)], capture_output=True, text=True, env=env)
        for line in result.stdout.splitlines():
            match = re.match(r"\s*(\S+) => (not found|(\S+) \(0x)", line)
            if not match or match[1] not in direct:
                continue
            name, target = match[1], match[3]
            if target is None:
                missing.setdefault(name, set()).add(user)
            elif not Path(target).resolve().is_relative_to(bundle.resolve()):
                found.setdefault(target, set()).add(user)
    return found, missing


def owning_package(library: str) -> str:
    """The Debian package that ships `library` (merged /usr: try both spellings of the path)."""
    path = Path(library)
    candidates = {str(path), str(path.resolve())}
    for candidate in list(candidates):
        if candidate.startswith("/usr/lib/"):
            candidates.add(candidate[len("/usr") :])
        elif candidate.startswith("/lib/"):
            candidates.add("/usr" + candidate)
    for candidate in sorted(candidates):
        result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True)
        if result.returncode == 0:
            package = result.stdout.split(":", 1)[0].strip()
            return package.split(",")[0].strip()
    raise BuildError(
        f"{library} is needed by the bundle but no installed Debian package ships it "
        "(bundle it, or install the library from a package)"
    )


def depends(bundle: Path) -> list[str]:
    found, missing = external_libraries(bundle)
    missing = {name: users for name, users in missing.items() if not OPTIONAL_LIBRARIES.match(name)}
    if missing:
        lines = [f"  {name} (needed by {', '.join(sorted(users)[:3])})" for name, users in missing.items()]
        raise BuildError(
            "these libraries are missing on the build machine, install their packages first:\n"
            + "\n".join(lines)
        )
    packages = {
        owning_package(library) for library in found if not OPTIONAL_LIBRARIES.match(Path(library).name)
    }
    return sorted(packages | set(RUNTIME_DEPENDS))


def install_file(source: Path, target: Path, mode: int = 0o644) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, target)
    target.chmod(mode)


def normalise_modes(root: Path) -> None:
    """0755 for folders and executables, 0644 for everything else (Debian policy)."""
    for path in root.rglob("*"):
        if path.is_symlink():
            continue
        if path.is_dir() or os.access(path, os.X_OK):
            path.chmod(0o755)
        else:
            path.chmod(0o644)


def installed_size_kib(root: Path) -> int:
    total = 0
    for path in root.rglob("*"):
        if path.is_relative_to(root / "DEBIAN"):
            continue
        total += 1 if path.is_symlink() or path.is_dir() else (path.stat().st_size + 1023) // 1024
    return total


def md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_symlink() or not path.is_file() or path.is_relative_to(root / "DEBIAN"):
            continue
        digest = hashlib.md5(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(root)}")
    return "\n".join(lines) + "\n"


def control(pkg_version: str, arch: str, size_kib: int, depends_list: list[str]) -> str:
    return (
        "Package: bpstudio\n"
        f"Version: {pkg_version}\n"
        f"Architecture: {arch}\n"
        "Maintainer: BP Studio developers <noreply@bpstudio.invalid>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {', '.join(depends_list)}\n"
        f"Recommends: {', '.join(RECOMMENDS)}\n"
        "Section: education\n"
        "Priority: optional\n"
        "Description: learn backpropagation one phase at a time\n"
        " BP Studio builds a small neural network and trains it by backpropagation one\n"
        " phase at a time (feedforward, error terms, update), showing every number as it\n"
        ' changes. It opens on the 2-2-1 network of the article "Giải thích chi tiết\n'
        ' thuật toán Backpropagation" (Nguyễn Trường Long) and reproduces its figures.\n'
        " .\n"
        " Self-contained: it ships its own Python, Qt and NumPy under /usr/lib/bpstudio.\n"
    )


def copyright_file() -> str:
    licence = (ROOT / "LICENSE").read_text(encoding="utf-8").strip()
    body = "\n".join(" " + (line if line.strip() else ".") for line in licence.splitlines()[2:])
    return (
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        "Upstream-Name: BP Studio\n"
        "\n"
        "Files: *\n"
        "Copyright: BP Studio developers\n"
        "License: MIT\n"
        f"{body}\n"
        "\n"
        "Files: usr/lib/bpstudio/_internal/*\n"
        "Copyright: the Python Software Foundation; The Qt Company Ltd and other contributors;\n"
        " the NumPy, OpenBLAS, pyqtgraph and jsonschema developers\n"
        "License: various\n"
        " The program ships these components, each under its own licence:\n"
        " .\n"
        "  Python 3: PSF License, in _internal/licenses/python/LICENSE.txt\n"
        "  Qt 6 and Qt for Python (PySide6, shiboken6): LGPL-3.0, see\n"
        "   /usr/share/common-licenses/LGPL-3 and GPL-3; _internal/*pyside6*.dist-info\n"
        "  ICU (libicu*, used by Qt): Unicode License v3, https://www.unicode.org/license.txt\n"
        "  NumPy with OpenBLAS: BSD-3-Clause, _internal/numpy-*.dist-info/licenses/\n"
        "  pyqtgraph: MIT, _internal/pyqtgraph-*.dist-info/licenses/LICENSE.txt\n"
        "  jsonschema: MIT, _internal/jsonschema-*.dist-info/licenses/COPYING\n"
        " .\n"
        " The Qt libraries are the unmodified builds of the PySide6 wheels on PyPI and\n"
        " stay separate shared libraries under _internal/PySide6/Qt/lib, replaceable\n"
        " by the user as the LGPL requires.\n"
    )


def build(bundle: Path, icons: Path, out_dir: Path) -> Path:
    if not (bundle / "bpstudio").is_file():
        raise BuildError(f"{bundle}/bpstudio is missing: run PyInstaller first (make package)")
    for size in HICOLOR_SIZES:
        if not (icons / f"{size}x{size}" / "apps" / "bpstudio.png").is_file():
            raise BuildError(f"{icons} lacks the {size}px icon: run packaging/render_icons.py first")
    pkg_version = version()
    arch = run("dpkg", "--print-architecture").strip()
    root = ROOT / "packaging" / "build" / "deb-root"
    if root.exists():
        shutil.rmtree(root)

    shutil.copytree(bundle, root / "usr" / "lib" / "bpstudio", symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / "bpstudio").symlink_to("../lib/bpstudio/bpstudio")
    share = root / "usr" / "share"
    install_file(LINUX / "bpstudio.desktop", share / "applications" / "bpstudio.desktop")
    install_file(LINUX / "bpstudio.xml", share / "mime" / "packages" / "bpstudio.xml")
    for size in HICOLOR_SIZES:
        install_file(
            icons / f"{size}x{size}" / "apps" / "bpstudio.png",
            share / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "bpstudio.png",
        )
    install_file(
        ROOT / "resources" / "icons" / "bpstudio.svg",
        share / "icons" / "hicolor" / "scalable" / "apps" / "bpstudio.svg",
    )
    doc = share / "doc" / "bpstudio"
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(copyright_file(), encoding="utf-8")
    normalise_modes(root)

    debian = root / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "postrm"):
        install_file(LINUX / script, debian / script, 0o755)
    depends_list = depends(root / "usr" / "lib" / "bpstudio")
    (debian / "control").write_text(
        control(pkg_version, arch, installed_size_kib(root), depends_list), encoding="utf-8"
    )
    (debian / "md5sums").write_text(md5sums(root), encoding="utf-8")
    for name in ("control", "md5sums"):
        (debian / name).chmod(0o644)

    out_dir.mkdir(parents=True, exist_ok=True)
    deb = out_dir / f"bpstudio_{pkg_version}_{arch}.deb"
    subprocess.run(
        ["dpkg-deb", "-Zzstd", "-z9", "--root-owner-group", "--build", str(root), str(deb)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return deb


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build bpstudio_<version>_<arch>.deb from the PyInstaller folder."
    )
    parser.add_argument("--bundle", type=Path, default=ROOT / "packaging" / "dist" / "bpstudio")
    parser.add_argument("--icons", type=Path, default=ROOT / "packaging" / "build" / "icons")
    parser.add_argument("--out", type=Path, default=ROOT / "packaging" / "dist")
    args = parser.parse_args(argv)
    try:
        deb = build(args.bundle, args.icons, args.out)
    except BuildError as error:
        print(f"build_deb: {error}", file=sys.stderr)
        return 1
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
