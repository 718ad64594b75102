"""Only regular files are read, and an output never replaces a device, a FIFO or a folder.

Each reader is tried on a real FIFO (os.mkfifo) inside `within`, so a reader that blocks fails the
test instead of hanging the suite; /dev/null stands for every device node.
"""

from __future__ import annotations

import os
import socket
import stat
from pathlib import Path

import pytest

from bpstudio.document.fileformat import (
    LoadError,
    NotRegularFileError,
    SaveError,
    default_network,
    dumps,
    load_file,
    open_regular,
    output_target,
    read_regular,
    save_file,
)
from tests.support.guards import within

posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs and /dev/null are POSIX")


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs on this system")
    path = tmp_path / "pipe.json"
    os.mkfifo(path)
    return path


@pytest.fixture
def network(tmp_path: Path) -> Path:
    path = tmp_path / "net.json"
    path.write_text(dumps(default_network()), encoding="utf-8")
    return path


def test_a_regular_file_and_a_link_to_one_are_read(network: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(network)
    assert read_regular(link) == network.read_bytes()
    with open_regular(network) as stream:
        assert stream.read(1) == b"{"
    assert read_regular(network, limit=3) == network.read_bytes()[:4]  # one more than the limit


def test_a_fifo_is_refused_at_once(fifo: Path) -> None:
    with pytest.raises(NotRegularFileError) as caught:
        within(5, lambda: open_regular(fifo), fifo)
    assert caught.value.strerror == "this is a named pipe (FIFO), not a regular file"


def test_loading_a_fifo_says_what_it_is(fifo: Path) -> None:
    with pytest.raises(LoadError) as caught:
        within(5, lambda: load_file(fifo), fifo)
    assert (
        str(caught.value) == f"{fifo}: cannot read the file: this is a named pipe (FIFO), not a regular file"
    )


def test_a_link_to_a_fifo_is_refused_too(fifo: Path, tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(fifo)
    with pytest.raises(LoadError, match="named pipe"):
        within(5, lambda: load_file(link), fifo)


@posix_only
def test_a_device_and_a_folder_are_refused(tmp_path: Path) -> None:
    with pytest.raises(LoadError, match="character device, not a regular file"):
        within(5, lambda: load_file("/dev/zero"))
    with pytest.raises(LoadError, match="this is a folder, not a network file"):
        load_file(tmp_path)


# -- output ---------------------------------------------------------------------------------------
def test_an_output_onto_a_fifo_is_refused_and_the_fifo_stays(fifo: Path) -> None:
    with pytest.raises(SaveError) as caught:
        within(10, lambda: save_file(fifo, default_network()), fifo)
    assert "named pipe (FIFO), not a regular file" in caught.value.problem
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert os.listdir(fifo.parent) == [fifo.name]  # no temporary file left either


@posix_only
def test_an_output_onto_a_device_is_refused_before_anything_is_written() -> None:
    with pytest.raises(NotRegularFileError, match="character device"):
        output_target(os.devnull)
    with pytest.raises(SaveError, match="character device"):
        save_file(os.devnull, default_network())
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_an_output_through_a_link_replaces_the_target_and_keeps_the_link(
    network: Path, tmp_path: Path
) -> None:
    link = tmp_path / "current.json"
    link.symlink_to(network.name)  # a relative link, as people make them
    nf = default_network()
    nf.stepper.train(steps=2)
    assert output_target(link) == network.resolve()
    save_file(link, nf)
    assert link.is_symlink() and os.readlink(link) == network.name
    assert load_file(network).stepper.steps_done == 2
    assert sorted(os.listdir(tmp_path)) == ["current.json", "net.json"]


def test_a_dangling_link_is_written_through_to_its_target(tmp_path: Path) -> None:
    link = tmp_path / "link.json"
    link.symlink_to(tmp_path / "new.json")
    save_file(link, default_network())
    assert link.is_symlink() and (tmp_path / "new.json").is_file()


def test_a_link_loop_and_a_file_in_the_way_are_refused(tmp_path: Path) -> None:
    loop = tmp_path / "loop.json"
    loop.symlink_to(loop)
    with pytest.raises(SaveError):
        save_file(loop, default_network())
    afile = tmp_path / "afile"
    afile.write_text("x")
    with pytest.raises(SaveError) as caught:
        save_file(afile / "out.json", default_network())
    assert caught.value.problem == f"{afile} is a file, not a folder"
    with pytest.raises(SaveError, match="does not exist"):
        save_file(tmp_path / "no" / "out.json", default_network())


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="needs Unix sockets")
def test_a_socket_says_it_is_one(tmp_path: Path) -> None:
    path = tmp_path / "s.json"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
        with pytest.raises(LoadError, match="this is a socket, not a regular file"):
            within(5, lambda: load_file(path))
        with pytest.raises(SaveError, match="this is a socket"):
            save_file(path, default_network())
    finally:
        server.close()
