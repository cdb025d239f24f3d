"""Taking a song, a video or a described prompt back to the composer for the next request."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QTabWidget, QWidget

from ecovdesk.core.domain import Asset, AssetKind, Attachment
from ecovdesk.core.model_service import ModelService
from ecovdesk.ui.composer import Composer
from ecovdesk.ui.family_panels import FamilyPanels
from ecovdesk.ui.media_controller import MediaController
from ecovdesk.ui.pending_attachments import PendingAttachments

DEFAULT_VIDEO_MODEL = "luma"


class MediaHandoff(QObject):
    def __init__(
        self,
        *,
        use_model: Callable[[str], None],
        notice: Callable[[str], None],
        panels: FamilyPanels,
        composer: Composer,
        attachments: PendingAttachments,
        tabs: QTabWidget,
        videos_tab: QWidget,
        media: MediaController,
        models: ModelService,
        current_model: Callable[[], str],
    ) -> None:
        super().__init__(tabs)
        self._use_model = use_model
        self._notice = notice
        self._panels = panels
        self._composer = composer
        self._attachments = attachments
        self._tabs = tabs
        self._videos_tab = videos_tab
        self._media = media
        self._models = models
        self._current_model = current_model
        media.continueSong.connect(self.continue_song)
        media.extendVideo.connect(self.extend_video)
        media.startFrameReady.connect(self.start_from_frame)

    def reuse_prompt(self, prompt: str) -> None:
        self._panels.midjourney.task.setCurrentIndex(0)
        self._composer.edit.setPlainText(prompt)
        self._composer.edit.setFocus()

    def play(self, asset: Asset, assets: list[Asset]) -> None:
        if asset.kind is AssetKind.VIDEO:
            self._tabs.setCurrentWidget(self._videos_tab)
        self._media.play(asset, assets)

    def continue_song(self, asset: Asset) -> None:
        params = asset.provenance.params
        self._use_model(asset.provenance.model or "chirp-v4")
        self._panels.suno.set_continuation(
            str(params.get("clip_id") or ""),
            str(params.get("title") or ""),
            asset.duration,
            # The song's own Suno task, which the relay reads the song being continued from.
            task_id=str(params.get("remote_id") or ""),
            tags=str(params.get("tags") or ""),
        )
        self._notice(self.tr("Write the lyrics that follow, then press Generate."))

    def extend_video(self, asset: Asset) -> None:
        self._use_model(asset.provenance.model or DEFAULT_VIDEO_MODEL)
        remote = str(asset.provenance.params.get("remote_id") or "")
        self._panels.extra = {"task": "extend", "extend_id": remote}
        self._notice(self.tr("Describe how the video goes on, then press Generate."))

    def start_from_frame(self, attachment: Attachment, model: str) -> None:
        """The frame goes to the model that made the video; a Suno song's video goes to the
        video model in use, or Luma."""
        if not self._models.info(model).family.makes_videos_from_frames:
            current = self._current_model()
            video = self._models.info(current).family.makes_videos_from_frames
            model = current if video else DEFAULT_VIDEO_MODEL
        self._use_model(model)
        self._attachments.add(attachment)
