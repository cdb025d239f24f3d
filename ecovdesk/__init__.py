"""ecovdesk: a native desktop client for the ecovai AI relay."""

__version__ = "0.1.0"
