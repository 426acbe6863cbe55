<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>curve</name>
    <message>
        <location filename="../../actplay/ui/curve/legend.py"/>
        <source>+{value} more</source>
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
        <location filename="../../actplay/ui/curve/pane.py"/>
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
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Edit this custom function's formula and parameters (every place that uses it follows)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Lower end of the x axis (drag the plot to pan, wheel to zoom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Move the mouse over the plot to read f, f′ and f″ at any x.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
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
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Show {kind} of every function ({style} lines)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Upper end of the x axis (drag the plot to pan, wheel to zoom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>Values under the mouse for every visible curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>When on, this curve is the neuron's activation function and shows the neuron's z as a point with its tangent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>dash-dotted, lightest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>dashed, lighter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot.py"/>
        <source>dead (f = f′ = 0)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot.py"/>
        <source>f′ = 0 almost everywhere (not shaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot.py"/>
        <source>saturated (|f′| &lt; {threshold:g})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>solid, heavy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/plot.py"/>
        <source>value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>x axis from</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/curve/pane.py"/>
        <source>x axis to</source>
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
        <source>Neuron and curves</source>
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
        <source>Open {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/file_actions.py"/>
        <source>Opened {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Preset {value}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/main_window.py"/>
        <source>Preset: {value}</source>
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
        <location filename="../../actplay/ui/shell/command_palette.py"/>
        <source>{title} ({name}, custom)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../actplay/ui/shell/layouts.py"/>
        <source>{value} layout</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
