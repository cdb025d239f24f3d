"""The model list: the catalogue merged with what the relay offers for this key (cached)."""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterable

from ecovdesk.api.models import list_models
from ecovdesk.core.catalogue import Catalogue, Family, ModelInfo
from ecovdesk.core.database import Database
from ecovdesk.core.kv_store import kv_get, kv_set
from ecovdesk.core.relay_session import RelaySession

CACHE_KEY = "relay_models"
CACHE_MAX_AGE = 24 * 3600


class ModelService:
    def __init__(
        self,
        db: Database,
        relay: RelaySession,
        catalogue: Catalogue,
        families: Iterable[Family],
        *,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._db = db
        self._relay = relay
        self.catalogue = catalogue
        self._families = tuple(families)
        self._clock = clock
        self._relay_ids: list[str] = []
        self._fetched_at = 0.0

    @property
    def families(self) -> tuple[Family, ...]:
        return self._families

    def models(self) -> list[ModelInfo]:
        return self.catalogue.merged(self._relay_ids, self._families)

    def info(self, model_id: str) -> ModelInfo:
        return self.catalogue.get(model_id)

    async def load_cached(self) -> list[ModelInfo]:
        raw = await self._db.run(kv_get, CACHE_KEY)
        if raw:
            try:
                data = json.loads(raw)
                self._relay_ids = [str(i) for i in data.get("ids", [])]
                self._fetched_at = float(data.get("fetched_at", 0))
            except (ValueError, TypeError, AttributeError):
                self._relay_ids = []
        return self.models()

    @property
    def cache_is_stale(self) -> bool:
        return self._clock() - self._fetched_at > CACHE_MAX_AGE

    async def refresh(self) -> list[ModelInfo]:
        """Ask the relay again; raises RelayError so the UI can say why it failed."""
        ids = await list_models(self._relay.relay)
        self._relay_ids = ids
        self._fetched_at = self._clock()
        payload = json.dumps({"ids": ids, "fetched_at": self._fetched_at})
        await self._db.run(kv_set, CACHE_KEY, payload)
        return self.models()
