"""The model catalogue: what each model id is, which vendor group it belongs to."""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any


class Family(enum.StrEnum):
    CHAT = "chat"
    CHAT_IMAGES = "chat_images"
    OPENAI_IMAGES = "openai_images"
    IDEOGRAM = "ideogram"
    MIDJOURNEY = "midjourney"
    SUNO = "suno"
    LUMA = "luma"
    RUNWAY = "runway"
    KLING = "kling"

    @property
    def is_chat(self) -> bool:
        return self in (Family.CHAT, Family.CHAT_IMAGES)

    @property
    def makes_videos_from_frames(self) -> bool:
        return self in (Family.LUMA, Family.RUNWAY, Family.KLING)


OTHER_GROUP = "other"


@dataclass(frozen=True)
class ModelInfo:
    id: str
    family: Family
    group: str
    vision: bool = False
    documents: bool = False
    search: bool = False
    from_relay: bool = False
    in_catalogue: bool = True


# Names that say what an unknown relay id is; everything else is treated as chat.
_FAMILY_HINTS: tuple[tuple[re.Pattern[str], Family, str], ...] = (
    (
        re.compile(r"^(dall-e|flux|recraft|gpt-image|wanxiang)", re.I),
        Family.OPENAI_IMAGES,
        "images",
    ),
    (re.compile(r"^ideogram", re.I), Family.IDEOGRAM, "images"),
    (re.compile(r"^(chirp-|suno)", re.I), Family.SUNO, "suno"),
    (re.compile(r"^kling", re.I), Family.KLING, "video"),
    (re.compile(r"^runway", re.I), Family.RUNWAY, "video"),
)


# Chat models whose names say they take pictures (qwen-vl-max, glm-4v-plus, the Claude and
# Gemini families, gpt-4o and later): they get the Image… button.
_SEES_PICTURES = re.compile(
    r"(^|[-_.])vl([-_.]|$)|vision|(^|-)4v|^claude|^gemini|^gpt-4o|^gpt-4\.1|^gpt-5|^qvq", re.I
)


class Catalogue:
    def __init__(
        self,
        models: Sequence[ModelInfo],
        group_order: Sequence[str],
        relay_only: Sequence[re.Pattern[str]] = (),
    ) -> None:
        self._models = {m.id: m for m in models}
        self._group_order = [*group_order, OTHER_GROUP]
        self._relay_only = tuple(relay_only)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Catalogue:
        models: list[ModelInfo] = []
        order: list[str] = []
        for group in data["groups"]:
            order.append(group["id"])
            for entry in group["models"]:
                models.append(
                    ModelInfo(
                        id=entry["id"],
                        family=Family(entry["family"]),
                        group=group["id"],
                        vision=bool(entry.get("vision", False)),
                        documents=bool(entry.get("documents", False)),
                        search=bool(entry.get("search", False)),
                    )
                )
        relay_only = [re.compile(p) for p in data.get("relay_only_ids", [])]
        return cls(models, order, relay_only)

    @classmethod
    def load_default(cls) -> Catalogue:
        text = resources.files("ecovdesk.resources").joinpath("catalogue.json").read_text("utf-8")
        return cls.from_json(json.loads(text))

    @property
    def group_order(self) -> list[str]:
        return list(self._group_order)

    def get(self, model_id: str) -> ModelInfo:
        """The model's entry; an id the catalogue does not know is described by its name."""
        known = self._models.get(model_id)
        if known is not None:
            return known
        for pattern, family, group in _FAMILY_HINTS:
            if pattern.search(model_id):
                return ModelInfo(model_id, family, group, in_catalogue=False)
        vision = bool(_SEES_PICTURES.search(model_id))
        return ModelInfo(model_id, Family.CHAT, OTHER_GROUP, vision=vision, in_catalogue=False)

    def models(self) -> list[ModelInfo]:
        return list(self._models.values())

    def merged(self, relay_ids: Iterable[str], families: Iterable[Family]) -> list[ModelInfo]:
        """Catalogue models plus the relay's own ids, limited to the families the app serves.

        Ids the relay lists are marked, so the picker can show which ones this key can use.
        Billing names such as ``mj_imagine`` are not models one can pick and are left out.
        """
        allowed = set(families)
        relay = [i for i in dict.fromkeys(relay_ids) if not self._is_relay_only(i)]
        relay_set = set(relay)
        result = [
            _with_relay_flag(m, m.id in relay_set)
            for m in self._models.values()
            if m.family in allowed
        ]
        for model_id in relay:
            if model_id not in self._models:
                info = self.get(model_id)
                if info.family in allowed:
                    result.append(_with_relay_flag(info, True))
        order = {g: i for i, g in enumerate(self._group_order)}
        result.sort(key=lambda m: order.get(m.group, len(order)))
        return result

    def _is_relay_only(self, model_id: str) -> bool:
        return any(p.search(model_id) for p in self._relay_only)


def _with_relay_flag(info: ModelInfo, from_relay: bool) -> ModelInfo:
    return ModelInfo(
        info.id,
        info.family,
        info.group,
        info.vision,
        info.documents,
        info.search,
        from_relay=from_relay,
        in_catalogue=info.in_catalogue,
    )
