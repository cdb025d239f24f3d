"""Plain words for each kind of failure, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("ErrorText", text)


def describe_error(kind: str | None, relay_message: str | None) -> str:
    texts = {
        "bad_key": _t("The relay did not accept the API key. Check it in Settings."),
        "quota": _t("The key's quota is used up. Top up the balance on the relay."),
        "rate_limited": _t("The relay is busy or rate limiting this key. Wait and try again."),
        "model_not_available": _t("This model is not offered for your key."),
        "model_unavailable": _t("This model is not offered for your key."),
        "upstream": _t("The model's provider reported an error."),
        "network": _t("Could not reach the relay. Check the network, the base URL and the proxy."),
        "timeout": _t("The relay took too long to answer."),
        "malformed": _t("The relay sent an answer that could not be read."),
        "interrupted": _t("The answer was cut off before it was complete."),
        "stopped": _t("Stopped."),
        "internal": _t("Something went wrong inside ecovdesk."),
    }
    text = texts.get(kind or "", _t("The request failed."))
    if relay_message:
        text += "\n" + _t("Relay says: %s") % relay_message
    return text
