"""Plain words for each kind of failure, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def describe_error(kind: str | None, relay_message: str | None) -> str:
    texts = {
        "bad_key": QCoreApplication.translate(
            "ErrorText", "The relay did not accept the API key. Check it in Settings."
        ),
        # The same refusal as seen from the settings dialog, where the key is being typed.
        "bad_key_in_settings": QCoreApplication.translate(
            "ErrorText", "The relay did not accept this API key."
        ),
        "quota": QCoreApplication.translate(
            "ErrorText", "The key's quota is used up. Top up the balance on the relay."
        ),
        "rate_limited": QCoreApplication.translate(
            "ErrorText", "The relay is busy or rate limiting this key. Wait and try again."
        ),
        "model_not_available": QCoreApplication.translate(
            "ErrorText", "This model is not offered for your key."
        ),
        "model_unavailable": QCoreApplication.translate(
            "ErrorText", "This model is not offered for your key."
        ),
        "upstream": QCoreApplication.translate(
            "ErrorText", "The model's provider reported an error."
        ),
        "network": QCoreApplication.translate(
            "ErrorText", "Could not reach the relay. Check the network, the base URL and the proxy."
        ),
        "timeout": QCoreApplication.translate("ErrorText", "The relay took too long to answer."),
        "bad_proxy": QCoreApplication.translate(
            "ErrorText",
            "The proxy in Settings cannot be used. Write it as http://host:port or "
            "socks5://host:port.",
        ),
        "redirected": QCoreApplication.translate(
            "ErrorText",
            "The relay sent the request on to another address, which ecovdesk does not follow. "
            "Check the base URL in Settings (https:// rather than http://, and no extra path).",
        ),
        "too_long": QCoreApplication.translate(
            "ErrorText",
            "The answer grew far longer than any real reply, so ecovdesk stopped reading it. "
            "The text so far is kept.",
        ),
        "flagged": QCoreApplication.translate(
            "ErrorText",
            "The model's provider withheld the result: its safety check flagged it. "
            "Try wording the prompt differently.",
        ),
        "relay_unavailable": QCoreApplication.translate(
            "ErrorText", "The relay is not answering right now. Try again in a moment."
        ),
        "malformed": QCoreApplication.translate(
            "ErrorText", "The relay sent an answer that could not be read."
        ),
        "interrupted": QCoreApplication.translate(
            "ErrorText", "The answer was cut off before it was complete."
        ),
        "stopped": QCoreApplication.translate("ErrorText", "Stopped."),
        "no_pictures": QCoreApplication.translate(
            "ErrorText", "No picture could be stored from this answer."
        ),
        "uncertain": QCoreApplication.translate(
            "ErrorText",
            "ecovdesk stopped before the relay confirmed this request; it may or may not run.",
        ),
        "expired": QCoreApplication.translate(
            "ErrorText", "The job took more than a day and was given up."
        ),
        "invalid_request": QCoreApplication.translate(
            "ErrorText", "These options cannot be used together for this model."
        ),
        "internal": QCoreApplication.translate(
            "ErrorText", "Something went wrong inside ecovdesk."
        ),
        "not_saved": QCoreApplication.translate(
            "ErrorText", "The reply could not be saved: the profile's disk is full or read-only."
        ),
    }
    text = texts.get(kind or "", QCoreApplication.translate("ErrorText", "The request failed."))
    if relay_message:
        text += "\n" + relay_says(relay_message)
    return text


def relay_says(words: str) -> str:
    """The relay's own words, marked as its own."""
    return QCoreApplication.translate("ErrorText", "Relay says: %s") % words


def describe_storage_error(kind: str) -> str:
    """What the user can do when the profile could not be written (``StorageErrorKind``)."""
    texts = {
        "read_only": QCoreApplication.translate(
            "ErrorText",
            "The profile folder is read-only, so nothing can be saved. Check its permissions.",
        ),
        "disk_full": QCoreApplication.translate(
            "ErrorText", "The disk holding the profile is full. Free some space and try again."
        ),
        "cannot_open": QCoreApplication.translate(
            "ErrorText", "The profile cannot be opened: its folder is missing or not writable."
        ),
        "busy": QCoreApplication.translate(
            "ErrorText", "The profile is in use by another program, perhaps a second ecovdesk."
        ),
    }
    return texts.get(
        kind,
        QCoreApplication.translate(
            "ErrorText", "The profile could not be written; details are in the log."
        ),
    )
