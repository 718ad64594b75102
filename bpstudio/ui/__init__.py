"""The Qt user interface: main window, docks, dialogs. Only this layer imports widgets."""
