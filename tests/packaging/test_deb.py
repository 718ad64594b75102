"""The Debian package, end to end: install it, run the installed program, remove it.

Slow (it builds a PyInstaller bundle if none is there) and it installs into the system, so it
runs only under `make package-test` (as root), which sets BPSTUDIO_PACKAGE_TEST=1 and
BPSTUDIO_DEB. The tests run in file order and share one installation; the last one removes it.
Figures (sizes, start-up time) are printed; packaging/README.md records them.
"""

from __future__ import annotations

import os
import select
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import bpstudio

pytestmark = pytest.mark.skipif(
    os.environ.get("BPSTUDIO_PACKAGE_TEST") != "1",
    reason="installs a .deb into the system: run by `make package-test` (as root)",
)

ROOT = Path(__file__).resolve().parents[2]
PREFIX = Path("/usr/lib/bpstudio")
LAUNCHER = Path("/usr/bin/bpstudio")
DESKTOP = Path("/usr/share/applications/bpstudio.desktop")
MIME_TYPE = "application/x-bpstudio-network"
HICOLOR_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
MB = 1_000_000
# The article's figures after the first step (see shared/reference/article-worked-example.md).
ARTICLE_FIGURES = ("0.487503", "0.534943", "0.971451", "0.725409", "0.037700", "-0.054696", "-0.026665")


def sh(
    *args: str | Path, env: dict[str, str] | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], capture_output=True, text=True, env=env, timeout=timeout)


def report(label: str, value: str) -> None:
    """A measured figure, printed so that `make package-test` shows it."""
    print(f"\n[package] {label}: {value}", flush=True)


@pytest.fixture(scope="module")
def deb() -> Path:
    path = Path(os.environ.get("BPSTUDIO_DEB", ""))
    if not path.is_file():
        # Not built yet (the test was started by hand): build it the way `make package` does.
        subprocess.run(["make", "-C", str(ROOT), "package"], check=True)
        path = max((ROOT / "packaging" / "dist").glob("bpstudio_*.deb"), key=lambda p: p.stat().st_mtime)
    return path


@pytest.fixture(scope="module")
def user_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """A throw-away home, so running the app here leaves no settings in root's real one."""
    home = tmp_path_factory.mktemp("home")
    return dict(
        os.environ,
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_RUNTIME_DIR=str(home),
        QT_QPA_PLATFORM="offscreen",
        LANG="C.UTF-8",
        PATH="/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",  # no venv on PATH
    )


@pytest.fixture(scope="module")
def installed(deb: Path) -> Iterator[list[Path]]:
    """Install the package; yield the paths it owns (`dpkg -L`). Purged again at the end."""
    if os.geteuid() != 0:
        pytest.fail("the package test installs a .deb and must run as root (CI does)")
    result = sh("dpkg", "-i", deb)
    assert result.returncode == 0, f"dpkg -i {deb} failed:\n{result.stdout}\n{result.stderr}"
    owned = [Path(line) for line in sh("dpkg", "-L", "bpstudio").stdout.splitlines() if line.startswith("/")]
    yield owned
    sh("dpkg", "--purge", "bpstudio")  # whatever happened in between


def test_the_deb_declares_its_version_depends_and_compression(deb: Path) -> None:
    fields = {
        name: sh("dpkg-deb", "-f", deb, name).stdout.strip() for name in ("Package", "Version", "Depends")
    }
    assert fields["Package"] == "bpstudio"
    assert fields["Version"] == bpstudio.__version__
    depends = {item.split()[0] for item in fields["Depends"].split(", ")}
    for needed in (
        "libegl1",
        "libgl1",
        "libfontconfig1",
        "libxkbcommon0",
        "libdbus-1-3",
        "fonts-dejavu-core",
    ):
        assert needed in depends
    assert {"libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1"} <= depends  # Qt's xcb plugin
    members = sh("ar", "t", deb).stdout.split()
    assert members == ["debian-binary", "control.tar.zst", "data.tar.zst"]
    size = deb.stat().st_size
    report(".deb size", f"{size / MB:.1f} MB ({deb.name})")
    assert size <= 100 * MB


def test_install_puts_files_in_place(installed: list[Path]) -> None:
    assert (PREFIX / "bpstudio").is_file() and os.access(PREFIX / "bpstudio", os.X_OK)
    assert LAUNCHER.resolve() == (PREFIX / "bpstudio").resolve()
    for folder in ("examples", "schema", "icons"):
        assert any((PREFIX / "_internal" / "resources" / folder).iterdir()), folder
    for size in HICOLOR_SIZES:
        assert Path(f"/usr/share/icons/hicolor/{size}x{size}/apps/bpstudio.png").is_file()
    assert Path("/usr/share/icons/hicolor/scalable/apps/bpstudio.svg").is_file()
    assert Path("/usr/share/mime/packages/bpstudio.xml").is_file()
    # Licences: BP Studio's, and those of what the bundle ships, where the copyright file says.
    copyright_text = Path("/usr/share/doc/bpstudio/copyright").read_text(encoding="utf-8")
    assert "License: MIT" in copyright_text and "LGPL-3.0" in copyright_text
    assert (PREFIX / "_internal" / "licenses" / "python" / "LICENSE.txt").is_file()
    for pattern in ("pyqtgraph-*.dist-info/licenses/LICENSE.txt", "jsonschema-*.dist-info/licenses/COPYING"):
        assert list((PREFIX / "_internal").glob(pattern)), pattern
    files = [p for p in installed if p.is_file() and not p.is_symlink()]
    size = sum(p.stat().st_size for p in files)
    report("installed size", f"{size / MB:.1f} MB in {len(files)} files")
    assert size <= 250 * MB


def test_desktop_file_is_valid(installed: list[Path]) -> None:
    if shutil.which("desktop-file-validate") is None:
        pytest.fail("desktop-file-validate is missing: apt-get install desktop-file-utils")
    result = sh("desktop-file-validate", DESKTOP)
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


def exec_line() -> list[str]:
    entries = dict(
        line.split("=", 1) for line in DESKTOP.read_text(encoding="utf-8").splitlines() if "=" in line
    )
    assert entries["MimeType"].rstrip(";").split(";") == [MIME_TYPE]
    return shlex.split(entries["Exec"])


def test_the_menu_entry_opens_a_network_file(
    installed: list[Path], user_env: dict[str, str], tmp_path: Path
) -> None:
    """Run the .desktop Exec line the way a desktop does for a double-clicked file."""
    argv = exec_line()
    program = shutil.which(argv[0], path=user_env["PATH"])
    assert program is not None, f"Exec={argv[0]} is not on PATH"
    assert Path(program).resolve() == (PREFIX / "bpstudio").resolve()
    network = tmp_path / "xor.bpstudio.json"
    shutil.copyfile(PREFIX / "_internal" / "resources" / "examples" / "xor.json", network)
    command = [program] + [str(network) if arg in ("%f", "%F", "%u", "%U") else arg for arg in argv[1:]]
    shot = tmp_path / "menu.png"
    result = sh(*command, "--screenshot", shot, env=user_env)
    assert result.returncode == 0, result.stderr
    check_screenshot(shot)


def test_network_files_get_the_mime_type(installed: list[Path], tmp_path: Path) -> None:
    """*.bpstudio.json and extension-less network files are ours; other JSON stays JSON."""
    if shutil.which("update-mime-database") is None or shutil.which("gio") is None:
        pytest.fail("shared-mime-info and gio are needed: apt-get install shared-mime-info libglib2.0-bin")
    assert Path(f"/usr/share/mime/{MIME_TYPE}.xml").is_file(), "postinst did not update the MIME database"
    article = (PREFIX / "_internal" / "resources" / "examples" / "article.json").read_text(encoding="utf-8")
    samples = {
        "net.bpstudio.json": (article, MIME_TYPE),
        "downloaded-network": (article, MIME_TYPE),
        "plain.json": ('{"format": "something-else", "values": [1, 2]}', "application/json"),
        "article.json": (article, "application/json"),  # a unique *.json glob wins (see README)
    }
    for name, (text, expected) in samples.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        output = sh("gio", "info", "-a", "standard::content-type", tmp_path / name).stdout
        assert f"standard::content-type: {expected}" in output, (name, output)


def check_screenshot(path: Path) -> None:
    from PySide6.QtGui import QImage

    assert path.is_file() and path.stat().st_size > 20_000, "screenshot missing or nearly empty"
    image = QImage(str(path))
    assert not image.isNull() and image.width() >= 800 and image.height() >= 500, image.size()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}
    assert len(colours) >= 200, f"only {len(colours)} distinct colours: the window looks blank"


def test_installed_app_renders_the_window_after_three_phases(
    installed: list[Path], user_env: dict[str, str], tmp_path: Path
) -> None:
    shot = tmp_path / "out.png"
    result = sh(LAUNCHER, "--phases", "3", "--screenshot", shot, env=user_env)
    assert result.returncode == 0, result.stderr
    check_screenshot(shot)
    report("screenshot", f"{shot.stat().st_size} bytes")


@pytest.fixture
def x_display() -> Iterator[str]:
    """A private X server (Xvfb) on a free display, stopped after the test."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.fail("Xvfb is needed to run the installed app on X11: apt-get install xvfb")
    read_end, write_end = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(write_end), "-screen", "0", "1440x900x24", "-nolisten", "tcp"],
        pass_fds=(write_end,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_end)
    try:
        ready, _, _ = select.select([read_end], [], [], 30)
        number = os.read(read_end, 16).decode().strip() if ready else ""
        assert number, "Xvfb did not start within 30 s"
        yield f":{number}"
    finally:
        os.close(read_end)
        server.terminate()
        server.wait(timeout=10)


def test_installed_app_runs_on_x11(
    installed: list[Path], user_env: dict[str, str], x_display: str, tmp_path: Path
) -> None:
    """Qt's xcb plugin loads with the distribution's libraries the package depends on."""
    shot = tmp_path / "x11.png"
    env = dict(user_env, QT_QPA_PLATFORM="xcb", DISPLAY=x_display)
    result = sh(LAUNCHER, "--phases", "3", "--screenshot", shot, env=env)
    assert result.returncode == 0, result.stderr
    check_screenshot(shot)


def test_installed_explain_prints_the_article_figures(
    installed: list[Path], user_env: dict[str, str]
) -> None:
    result = sh(LAUNCHER, "explain", env=user_env)
    assert result.returncode == 0, result.stderr
    for figure in ARTICLE_FIGURES:
        assert figure in result.stdout, figure
    version = sh(LAUNCHER, "--version", env=user_env)
    assert version.stdout.strip() == f"bpstudio {bpstudio.__version__}"


def test_installed_app_starts_and_its_start_time_is_reported(
    installed: list[Path], user_env: dict[str, str], tmp_path: Path
) -> None:
    """Five starts of the installed program to a rendered first window (process start to the PNG
    on disk and exit: an upper bound of start-to-first-window), each rendering its window.

    The time is reported, not asserted: performance targets are measured by the benchmarks
    (`tests/benchmarks/bench_ui.py` measures start to first window against its 1.0 s target),
    never as timed tests; on a shared 2-core machine this median swings between 0.8 and 1.1 s
    for the same bundle."""
    sh(LAUNCHER, "--screenshot", tmp_path / "warm.png", env=user_env)  # page cache, as after a first start
    times = []
    for run in range(5):
        shot = tmp_path / f"start{run}.png"
        start = time.perf_counter()
        result = sh(LAUNCHER, "--screenshot", shot, env=user_env)
        times.append(time.perf_counter() - start)
        assert result.returncode == 0 and shot.is_file(), result.stderr
        check_screenshot(shot)
    median = statistics.median(times)
    report(
        "start to first window (median of 5; target 1.0 s, see bench_ui.py)",
        f"{median:.2f} s  (runs: {', '.join(f'{t:.2f}' for t in times)})",
    )


def test_removal_leaves_nothing_behind(installed: list[Path]) -> None:
    result = sh("dpkg", "-r", "bpstudio")
    assert result.returncode == 0, result.stderr
    result = sh("dpkg", "--purge", "bpstudio")
    assert result.returncode == 0, result.stderr
    assert sh("dpkg", "-s", "bpstudio").returncode != 0, "dpkg still knows the package"
    # Folders shared with other packages (/usr/share/...) stay; everything of ours goes.
    left = [p for p in installed if (p.exists() or p.is_symlink()) and not p.is_dir()]
    assert not left, f"left behind: {left[:10]}"
    assert not PREFIX.exists() and not LAUNCHER.exists() and not LAUNCHER.is_symlink()
    # The caches the maintainer scripts refreshed no longer mention BP Studio.
    assert not Path(f"/usr/share/mime/{MIME_TYPE}.xml").exists()
    for cache in (
        "/usr/share/applications/mimeinfo.cache",
        "/usr/share/mime/globs2",
        "/usr/share/mime/magic",
    ):
        if Path(cache).is_file():
            assert b"bpstudio" not in Path(cache).read_bytes(), cache
    leftovers = sh("find", "/usr", "/etc", "/var/lib/dpkg/info", "-name", "*bpstudio*").stdout.split()
    assert not leftovers, leftovers


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-v", "-s"]))
