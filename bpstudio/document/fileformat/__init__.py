"""The network file (`*.json`, format "bpstudio-network", version 1): load, validate, save.

Loading runs in three stages, each refusing with a `LoadError` that names the JSON path and the
problem in plain words: `parse` (text to JSON data), `validate` (the JSON Schema and the shape
checks) and `build` (JSON data to engine objects, with the engine's refusals given a path;
`state` reads the training state). `write` turns a NetworkFile back into JSON data and text,
`save` writes it atomically, `examples` lists the built-in examples, `files` decides which files
may be read (regular files only) and replaced (not devices, FIFOs or folders; links are followed).

No Qt here: the command line imports this package and must start without Qt.
"""

from bpstudio.document.fileformat.build import load_file, loads
from bpstudio.document.fileformat.common import (
    FORMAT,
    TOP_LEVEL_KEYS,
    VERSION,
    LoadError,
    NetworkFile,
    Position,
    SaveError,
    json_path,
)
from bpstudio.document.fileformat.examples import (
    EXAMPLE_ORDER,
    Example,
    default_network,
    example_files,
    examples,
    in_language,
)
from bpstudio.document.fileformat.files import NotRegularFileError, open_regular, output_target, read_regular
from bpstudio.document.fileformat.parse import MAX_FILE_BYTES
from bpstudio.document.fileformat.save import remove_stale_temporaries, save_file, write_atomically
from bpstudio.document.fileformat.validate import schema
from bpstudio.document.fileformat.write import UNTITLED, dumps, format_json, to_json_dict

__all__ = [
    "EXAMPLE_ORDER",
    "FORMAT",
    "MAX_FILE_BYTES",
    "TOP_LEVEL_KEYS",
    "UNTITLED",
    "VERSION",
    "Example",
    "LoadError",
    "NetworkFile",
    "NotRegularFileError",
    "Position",
    "SaveError",
    "default_network",
    "dumps",
    "example_files",
    "examples",
    "format_json",
    "in_language",
    "json_path",
    "load_file",
    "loads",
    "open_regular",
    "output_target",
    "read_regular",
    "remove_stale_temporaries",
    "save_file",
    "schema",
    "to_json_dict",
    "write_atomically",
]
