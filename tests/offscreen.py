"""The virtual screen widgets are tested and measured on: a common desktop's, 1920 × 1080.

Qt's offscreen platform otherwise reports 800 × 800, where the main window shrinks to fit
and would be measured smaller than the bare window it is compared with.
"""

from __future__ import annotations

from pathlib import Path

OFFSCREEN = f"offscreen:configfile={Path(__file__).with_name('offscreen-screen.json')}"
