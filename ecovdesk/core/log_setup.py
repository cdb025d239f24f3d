"""Logging to a file in the profile, with anything that looks like a key blanked out."""

from __future__ import annotations

import logging
import logging.handlers
import re
from collections.abc import Callable
from pathlib import Path

_KEY_LIKE = re.compile(r"(sk-|Bearer\s+)[A-Za-z0-9._\-]{6,}")


class SecretFilter(logging.Filter):
    def __init__(self, current_key: Callable[[], str]) -> None:
        super().__init__()
        self._current_key = current_key

    def filter(self, record: logging.LogRecord) -> bool:
        text = record.getMessage()
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        key = self._current_key()
        scrubbed = _KEY_LIKE.sub(r"\1***", text)
        exc_text = _KEY_LIKE.sub(r"\1***", record.exc_text or "")
        if key:
            scrubbed = scrubbed.replace(key, "***")
            exc_text = exc_text.replace(key, "***")
        record.msg, record.args = scrubbed, None
        record.exc_text = exc_text or None
        return True


def setup_logging(logs_dir: Path, current_key: Callable[[], str]) -> None:
    handler: logging.Handler
    try:
        if not logs_dir.is_dir():
            logs_dir.mkdir(parents=True)
        handler = logging.handlers.RotatingFileHandler(
            logs_dir / "ecovdesk.log", maxBytes=2_000_000, backupCount=3, encoding="utf-8"
        )
    except OSError as error:
        # A read-only profile must still reach the message that explains it (the database
        # refuses to open next); the log goes to the console meanwhile.
        handler = logging.StreamHandler()
        unwritable = f"could not write the log in {logs_dir} ({error.strerror}); using stderr"
    else:
        unwritable = ""
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler.addFilter(SecretFilter(current_key))
    root = logging.getLogger()
    root.setLevel(logging.INFO)
    root.addHandler(handler)
    # httpx logs every request line at INFO; the URLs are fine but the noise is not.
    logging.getLogger("httpx").setLevel(logging.WARNING)
    logging.getLogger("httpcore").setLevel(logging.WARNING)
    if unwritable:
        logging.getLogger(__name__).warning(unwritable)
