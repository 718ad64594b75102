"""The open network as a document: the file format (Qt-free) and, beside it, the undo model.

Only the file format is re-exported here, so `import bpstudio.document` never pulls in Qt; the
command line relies on that.
"""

from bpstudio.document.fileformat import (
    FORMAT,
    VERSION,
    LoadError,
    NetworkFile,
    SaveError,
    default_network,
    dumps,
    example_files,
    load_file,
    loads,
    save_file,
    to_json_dict,
)

__all__ = [
    "FORMAT",
    "VERSION",
    "LoadError",
    "NetworkFile",
    "SaveError",
    "default_network",
    "dumps",
    "example_files",
    "load_file",
    "loads",
    "save_file",
    "to_json_dict",
]
