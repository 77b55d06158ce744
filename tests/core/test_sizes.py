"""The one size formatter: the window, the CLI and the file check all print sizes with it."""

from __future__ import annotations

import pytest

from desktop_app.core.sizes import human_size

GB = 1024**3


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 bytes"), (1, "1 byte"), (512, "512 bytes"), (1536, "1.5 KB"),
     (5 * 1024**2, "5 MB"), (int(12.4 * GB), "12.4 GB"), (4 * GB, "4 GB"), (3 * 1024**4, "3 TB")],
)  # fmt: skip
def test_human_size(n, text):
    assert human_size(n) == text
