"""The README's API example runs as written and prints the PHYSICS.md case-5 numbers."""

import re
import subprocess
import sys
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_api_example_runs_and_prints_the_switching_time():
    blocks = re.findall(r"```python\n(.*?)```", README.read_text(), flags=re.S)
    assert len(blocks) == 1
    result = subprocess.run([sys.executable, "-c", blocks[0]], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "J_c0 = 1.738e+10 A/m^2" in result.stdout
    assert "switching time = 18.925 ns" in result.stdout
