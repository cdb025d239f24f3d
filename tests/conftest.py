import os
import sys
from pathlib import Path

# Widgets are tested without a screen; a real one is only needed to look at screenshots.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Tests never see the user's key or keyring.
os.environ.pop("ECOVDESK_API_KEY", None)
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.null.Keyring"

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
