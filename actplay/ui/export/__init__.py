"""Export from the window: pictures of a pane, the data as files, the Export dialog.

``formats`` is the one table of formats and the one way to write each, ``render``
draws a widget into an image, ``vector`` makes SVG and PDF, ``sizes`` parses and
checks picture sizes, ``offscreen`` sets up a headless application and draws a
picture there, ``pane_export`` is what a pane's export draws and writes, ``dialog``
is File -> Export, ``actions`` the export actions of the menus, ``torch_import`` is
File -> Import PyTorch weights, and ``svg_patch`` mends pyqtgraph's SVG exporter.
"""
