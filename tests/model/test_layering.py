"""The model layer is pure Python + numpy: importing it loads no Qt."""

import subprocess
import sys


def test_model_imports_no_qt():
    code = (
        "import sys\n"
        "import actplay.model.playground, actplay.model.session, actplay.model.presets\n"
        "loaded = [m for m in sys.modules if m.startswith(('PySide6', 'pyqtgraph', 'torch'))]\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
