<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>curve</name>
    <message>
        <location filename="../../actplay/ui/curve/legend.py"/>
        <source>+{count} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>About this function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/compare_box.py"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Back to x from -6 to 6 and fit the y axis to the curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/legend.py"/>
        <source>Click to remove this curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Compare</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/compare_box.py"/>
        <source>Comparison curves; select one to edit its parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Edit this custom function's formula and parameters (every place that uses it follows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Lower end of the x axis (drag the plot to pan, wheel to zoom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Move the mouse over the plot to read f, f′ and f″ at any x.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Neuron's function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/compare_box.py"/>
        <source>Overlay the picked function on the plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/compare_box.py"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/compare_box.py"/>
        <source>Remove the selected comparison curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Show {kind} of every function ({style} lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>Upper end of the x axis (drag the plot to pan, wheel to zoom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Values under the mouse for every visible curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>When on, this curve is the neuron's activation function and shows the neuron's z as a point with its tangent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>dash-dotted, lightest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>dashed, lighter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot_content.py"/>
        <source>dead (f = f′ = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot_content.py"/>
        <source>f′ = 0 almost everywhere (not shaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot_content.py"/>
        <source>saturated (|f′| &lt; {threshold:g})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>solid, heavy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot.py"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>x axis from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane_controls.py"/>
        <source>x axis to</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>export</name>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>&amp;Browse...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>&amp;Copy Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>&amp;Export...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>&amp;Pane:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>&amp;Scale:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>CSV data of the curve pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>Copy &amp;Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>Copy the whole window to the clipboard as an image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>Copy {title} Image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/pane_export.py"/>
        <source>Curve plot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>Export a pane as PNG, SVG or PDF, or the data as CSV or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/actions.py"/>
        <source>Export {title}...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Exported to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Exported {pane} to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>F&amp;ile:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>Import PyTorch &amp;Weights...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>Import PyTorch weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>Imported the network from {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>JSON session with the plotted data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>Load a network's weights from a PyTorch state_dict file (needs torch)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/pane_export.py"/>
        <source>Network canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/pane_export.py"/>
        <source>Neuron chart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Not exported: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>Not imported: {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>NumPy script of the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>PDF vector document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>PNG image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Pixels per screen point: 2 is crisp on a high-DPI screen or in print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>PyTorch script of the network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/torch_import.py"/>
        <source>PyTorch state_dict (*.pt *.pth);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>SVG vector image (plots only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>Size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/pane_export.py"/>
        <source>Whole window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>{pane} copied to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/export/dialog.py"/>
        <source>{width} x {height} pixels</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>lessons</name>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>&amp;Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>&lt;p&gt;&lt;b&gt;Your task:&lt;/b&gt; {task}&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Cannot export the lesson: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Cannot open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Cannot open lesson: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Choose a lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Continue at step {step}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Export lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Finish</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Go on without doing this task</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson finished: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Lesson saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson step: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson: no place called {place} in this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson: this window has no {layout} layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Lesson: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Lessons that walk you through the ideas, step by step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>No lessons found in this installation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Not done yet: the app checks as you go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Open a lesson a teacher wrote (*.lesson.toml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Open lesson</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>Open lesson file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Put the app back the way this step started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Save a copy of this lesson's file, to change it or hand it out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Set up again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Skip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Start changes the app's settings step by step (Edit → Undo takes each back).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>Step {step} of {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>The previous step (its set-up runs again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/dock.py"/>
        <source>actplay lessons (*.lesson.toml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>{count} steps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/lessons/panel.py"/>
        <source>{mark} Done!</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>network</name>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Activation of layer {layer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Activation of layer {layer}: {function}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>Activation of {_name}: {activation}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>Activation of {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>Add a hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Arch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Architecture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Diag.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Diagnostics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Drag the weight picked on the canvas (Esc on the canvas lets it go)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas.py"/>
        <source>Each unit drawn as its output over the input plane; links by weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_interaction.py"/>
        <source>Feature {title}, off: click to feed it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_interaction.py"/>
        <source>Feature {title}, on: click to switch it off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas.py"/>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Hidden {layer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Hover a tile to enlarge it, a link for its weight. Click a link to edit it, a unit to open it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>How weights are drawn when the network is (re)initialised</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Input plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_interaction.py"/>
        <source>Input {title} = {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <location filename="../../actplay/ui/network/canvas.py"/>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Left and bottom edge of the input plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas.py"/>
        <source>Network canvas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/panel.py"/>
        <source>Network input x{n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Number of hidden layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Number of network inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>One unit fewer in {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>One unit more in {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/diagnostics.py"/>
        <source>Over a grid of inputs spanning the input plane. ∏ |f′|: the running product of the mean slopes, how much gradient reaches this layer's inputs. Dead: the unit outputs 0 with zero slope for every input. Sat. (saturated): |f′| below the threshold for every input.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Pick a new seed and draw fresh weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Random seed of the initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Randomise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>Remove the last hidden layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Right and top edge of the input plane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Units in {layer} layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>Weight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/architecture.py"/>
        <source>Weight initialisation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_interaction.py"/>
        <source>Weight {name} is {value}.
Click to edit it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_view.py"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/bars.py"/>
        <source>z (grey) and a (coloured) of every unit for the current input:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>{hidden} hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>{hidden} hidden layer{plural}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_headers.py"/>
        <source>{size} unit{plural} (- and + beside it when the canvas is wider, or the Architecture tab)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/canvas_interaction.py"/>
        <source>{unit}: bias {bias}
at the current input: z = {z}, a = {a}
Click to open it in the neuron builder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/network/diagnostics.py"/>
        <source>|f′| (grey) and ∏ |f′| (dark), log scale</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>neuron</name>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>&amp;Add input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>&amp;Back to standalone neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/activation.py"/>
        <source>&amp;Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>&amp;Remove input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>&amp;Yes/no inputs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Activation f</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Add an input (with weight 0); at most {MAX_INPUTS}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Bias b: added to the weighted sum; it shifts where the neuron switches on. Right-click for the slider's range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Binary mode: every input is 0 (no) or 1 (yes), as for a perceptron, and a truth table lists every combination.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Blue pushes the neuron on, orange holds it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/equation_label.py"/>
        <source>Copy equation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/bars.py"/>
        <source>Each input's contribution w·x, the bias b and their sum z. Blue bars push the neuron on (positive), orange bars hold it back (negative).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Equation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/truth_table.py"/>
        <source>Every yes (1) / no (0) combination of the inputs with the neuron's sum z and output a. The highlighted row is the combination set now; rows where the output is at least {FIRE_LEVEL:g} (the neuron fires) are tinted blue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Input x{n}: the value arriving at the neuron. Drag, or type an exact value in the box. Right-click for the slider's range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Input x{n}: ticked is yes (1), unticked no (0). Space toggles it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Inputs, weights and bias</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Load a ready-made example: the film-decision perceptron, a sigmoid neuron, a dead ReLU, or a network.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Network examples</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Network neuron &lt;b&gt;{unit}&lt;/b&gt; ({kind})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/equation_label.py"/>
        <source>Neuron equation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Range of every input and weight slider (the bias gets twice this). The boxes next to the sliders accept any value up to ±{VALUE_LIMIT:g}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Remove the last input and its weight.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Sli&amp;der range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Slider range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Stop editing the network unit and show the standalone neuron again (the network keeps its values).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/activation.py"/>
        <source>The activation function f that turns the sum z into the output a = f(z). While the curve pane is linked it shows this same function.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/activation.py"/>
        <source>The formula of the chosen function.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/equation_label.py"/>
        <source>The neuron's sum z = w·x + b with the current numbers, then its output a = f(z) and the slope f′(z) (the tangent on the curve). Positive terms are blue, negative terms orange, as in the bar chart. Right-click or Ctrl+C copies it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>This input is an output of the previous network layer, so it is read here; change the network input in the network panel instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>This panel edits a neuron of the network (picked in the network panel): its weights, bias and activation are the network's, its input count is the layer's.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>Truth table</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/inputs.py"/>
        <source>Weight w{n}: how strongly input {n} counts; negative weights hold the neuron back. Right-click for the slider's range.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/panel.py"/>
        <source>What moves z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/neuron/bars.py"/>
        <source>contribution to z</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>race</name>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>&amp;Close window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>&amp;Export race…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Accuracy as a share (0.9 = 90 %) or a loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>Activation &amp;race…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>Activation race — actplay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Add contestant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Back to epoch 0: the same start, the same batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Bias init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>Cannot export the race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Contestant {n} activation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Contestant {n} {key}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Contestant {n}: one function per layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Contestants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Curves show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/table.py"/>
        <source>Epochs to reach {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Every hidden unit's starting bias (negative: ReLUs start dead)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>Export race</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>Exported the race to {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>First seed: weights and batch order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Hidden</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Hidden layer sizes, e.g. 8, 8, 4 or 6x8 (1-6 layers of 1-16)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Init</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Keep results in the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>L2 penalty on the weights</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Layers…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Length of the race in epochs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Losses on a log axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Noise of the points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Optimiser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>PNG picture (*.png);;SVG picture (*.svg);;CSV curves (*.csv);;JSON session with the race's data (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Pick a preset, or set up your own race on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Points in the set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Points per step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Race one more activation (at most six)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Race preset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/table.py"/>
        <source>Race results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>Remove contestant {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Run the race from this many seeds; curves show median and range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Seeds</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Set</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Target metric</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Target value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>The same network, the same start, the same batches: only the activation differs.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Train every contestant one more epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>Train every contestant together / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/window.py"/>
        <source>Train one network with several activations side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/setup_form.py"/>
        <source>Training (the same for all)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>Write the race's figure (PNG, SVG) or its data (CSV, JSON)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/curves.py"/>
        <source>accuracy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/export.py"/>
        <source>actplay-race.png</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/curves.py"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/controls.py"/>
        <source>epoch {done:,} / {total:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/table.py"/>
        <source>epochs to target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/flow.py"/>
        <source>layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/curves.py"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/flow.py"/>
        <source>mean |∂L/∂W|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/table_text.py"/>
        <source>not reached</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/race/contestants.py"/>
        <source>{key} of contestant {n}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>shell</name>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>&amp;About actplay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>&amp;Activation functions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>&amp;Clear list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/preferences.py"/>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>&amp;Find command or function…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>&amp;Keyboard shortcuts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/preferences.py"/>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>&amp;New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>&amp;Open session…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Presets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Reset layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>&amp;Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>&amp;What is an activation function?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>. where(x &gt; 0, a, b) picks a or b. Derivatives are exact; where the function is undefined (log of x &lt;= 0, ...) the curve has a gap.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>About actplay</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Activation functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Add parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Arrow keys (small), Page Up/Down (large)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Cannot open the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Cannot save the session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>Change settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>Change {count} settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>Change {field}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>Curves</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Custom activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Drag a slider: every curve and number follows.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Edit custom activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Editing keeps the name: every use of it follows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>Find a command or function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/preferences.py"/>
        <source>Follow &amp;system</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>Function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Home, End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Move between controls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Neuron</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>Neuron, curves and network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>New session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Nudge a focused slider</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Open session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Open {file}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Preset {preset}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Preset: {preset}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Remove parameter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/undo.py"/>
        <source>Run</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Save session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Save session &amp;as…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Save the changes to “{name}” before closing?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Saved {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Slider to its ends</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Start the lessons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Step-by-step lessons inside the app: it checks what you do as you go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>Tab, Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>The curve pane in the centre</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>The network canvas in the centre, with training around it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>Type to search commands and functions…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Untitled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/custom_dialog.py"/>
        <source>Use x, your parameters, numbers, + - * / **, pi, e and the functions </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/help_dialogs.py"/>
        <source>What is an activation function?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>actplay — activation playground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>{layout} layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>{name}[*] - {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>{title} ({name}, custom)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>training</name>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Batch size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>CSV files (*.csv *.txt);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/dock.py"/>
        <source>Cannot export: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Class (or value) of a point added by clicking the map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Class of a clicked point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Click adds class 1 (orange)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Click adds class 2 (blue)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Click adds value +1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Click adds value -1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/thumbnails.py"/>
        <source>Data set {dataset}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/decision_map.py"/>
        <source>Decision map: the network's output over the data, with the points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Discretise output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Draw new points with the next seed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>Epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Epoch {epoch:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/dock.py"/>
        <source>Export decision surface as PNG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/dock.py"/>
        <source>Export decision surface as SVG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/dock.py"/>
        <source>Export loss history as CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Feed {value} to the network (changes the input layer and resets the weights)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>How many of the points are trained on; the rest are held out for testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>How many points to draw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Inputs the network sees</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Jitter of each point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Jitter of each point (1 = half the data radius)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Learning rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Load CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Load points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/loss_sparkline.py"/>
        <source>Loss chart: test loss (dark) and train loss (grey) by epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>New weights from the init scheme and seed; epoch 0</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Noise</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>Pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>Play</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Points per step (1..{MAX_BATCH_SIZE})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Press Play to train.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Regenerate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Rows of x1, x2, label (or x1, label); a header row is allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Share of the points held out for testing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Show test data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Test accuracy {accuracy:.1%}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Test loss &lt;b&gt;{test}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Test loss –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Test share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>The network canvas appears here in the network layout.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>Train continuously / pause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>Train continuously / pause (the training runs beside the window)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <location filename="../../actplay/ui/training/workspace_bar.py"/>
        <source>Train one epoch (a pass over the training points)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/controls.py"/>
        <source>Training</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Training loss {train}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Training loss –</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/workspace.py"/>
        <source>Training share %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>dead units per hidden layer {counts}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>epoch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>layer {n}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>loss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>mean |∂L/∂W|</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>output</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>test accuracy {accuracy}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>test loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/plots.py"/>
        <source>train</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/panel.py"/>
        <source>train loss {loss}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/training/thumbnails.py"/>
        <source>{dataset}: choose it (proposes settings that learn it)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>widgets</name>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Choose an activation function</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/collapsible.py"/>
        <source>Click to fold or unfold this part</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/diverging.py"/>
        <source>Colour scale: orange is negative, grey zero, blue positive (clamped at ±1). An output that is a probability p (sigmoid, softmax) is drawn as 2p − 1: p = 0 orange, 0.5 grey, 1 blue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Filter the list by name or title; Enter picks the first match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/param_sliders.py"/>
        <source>No parameters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/param_sliders.py"/>
        <source>Reset {name} to its default, {default:g}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Search activation functions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Search…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/function_picker.py"/>
        <source>Type your own function as a formula</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/diverging.py"/>
        <source>value
output p: 0 … ½ … 1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/widgets/float_slider.py"/>
        <source>{name} is beyond the slider's range ({lo} … {hi}): the slider stops at its end; the box shows the value</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
