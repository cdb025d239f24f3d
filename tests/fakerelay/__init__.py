"""A fake ecovai relay on a loopback port, for end-to-end tests of the desktop client."""

from .faults import Fault
from .server import FakeRelay, RecordedRequest

__all__ = ["FakeRelay", "Fault", "RecordedRequest"]
