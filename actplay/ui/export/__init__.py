"""Export from the window: images of a pane (PNG, SVG) and the Export dialog.

``render`` draws a widget into an image, ``formats`` writes each file format,
``dialog`` is File -> Export, ``svg_patch`` mends pyqtgraph's SVG exporter.
"""
