"""The Qt user interface: main window, docks, dialogs. Only this layer imports widgets.

pyqtgraph (the loss plot) chooses its Qt binding when it is first imported: the one named by
PYQTGRAPH_QT_LIB, else one already imported, else the first it finds (PyQt6 before PySide6).
BP Studio is written for PySide6, so this package names it before any of its modules imports
pyqtgraph, whatever the import order and whichever other bindings are installed.
"""

import os

os.environ["PYQTGRAPH_QT_LIB"] = "PySide6"
