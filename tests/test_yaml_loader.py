"""The bundled YAML files read by libyaml's loader (svrules._yaml) give the same data as PyYAML's
pure-Python safe loader."""
from pathlib import Path

import pytest
import yaml

from svrules import _yaml

ROOT = Path(__file__).resolve().parents[1]
FILES = sorted(p for p in (ROOT / "rules").rglob("*.yaml"))


def test_there_are_files():
    assert len(FILES) > 5
    assert any(p.name == "relevance.yaml" and p.parent.name == "data" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_same_data_as_the_python_loader(path):
    text = path.read_text(encoding="utf-8")
    assert _yaml.safe_load(text) == yaml.safe_load(text)


@pytest.mark.parametrize("text", [
    "a: 1\nb: [1.5, 'x', null, true, 2024-01-31]\nc: {d: -0x1f}\n",
    "- 'it''s'\n- \"\\u00e9\"\n- |\n  two\n  lines\n",
    "key: 1_000\nother: .inf\nyes_no: [yes, no, on, off]\n",
])
def test_same_scalars(text):
    assert _yaml.safe_load(text) == yaml.safe_load(text)


def test_refuses_object_tags():
    with pytest.raises(yaml.YAMLError):
        _yaml.safe_load("!!python/object/apply:os.system ['true']")
