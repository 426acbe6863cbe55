"""Export from the window: pictures of a pane, the data as files, the Export dialog.

``formats`` is the one table of formats and the one way to write each, ``render``
draws a widget into an image, ``vector`` makes SVG and PDF, ``sizes`` parses and
checks picture sizes, ``offscreen`` sets up a headless application, ``dialog`` is
File -> Export, ``torch_import`` is File -> Import PyTorch weights, and
``svg_patch`` mends pyqtgraph's SVG exporter.
"""
