"""Songs and videos in the window: their library pages, the players, continue and extend."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from ecovdesk.core.attachments import AttachmentError, image_attachment
from ecovdesk.core.domain import Asset, AssetKind, Attachment, Job, JobState
from ecovdesk.core.library import Library
from ecovdesk.ui.audio_player import AudioPlayerBar, Track
from ecovdesk.ui.media_library import MediaLibraryPage, media_title
from ecovdesk.ui.media_library_model import cover_path
from ecovdesk.ui.video_player import VideoPlayer

COVER_ROLES = ("cover", "poster")


def _same_source(picture: Asset, media: Asset) -> bool:
    if picture.provenance.job_id != media.provenance.job_id:
        return False
    clip = media.provenance.params.get("clip_id")
    return not clip or picture.provenance.params.get("clip_id") in (None, clip)


class MediaController(QObject):
    openConversationRequested = Signal(int)
    continueSong = Signal(object)  # Asset: pick its Suno model and fill the Continue panel
    extendVideo = Signal(object)  # Asset: a Luma extend of this video
    startFrameReady = Signal(object, str)  # Attachment, the video's model
    notice = Signal(str)

    def __init__(
        self,
        library: Library,
        music: MediaLibraryPage,
        videos: MediaLibraryPage,
        audio: AudioPlayerBar,
        video: VideoPlayer,
        run: Callable[[Coroutine[Any, Any, Any]], None],
        parent: QWidget,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._pages = {AssetKind.AUDIO: music, AssetKind.VIDEO: videos}
        self._loaded: set[AssetKind] = set()
        self._stills_tried: set[int] = set()
        self._stills_lock = asyncio.Lock()
        self.audio = audio
        self.video = video
        self._run = run
        self._parent = parent
        for kind, page in self._pages.items():
            page.filtersChanged.connect(lambda k=kind: self._run(self.reload(k)))
            page.playRequested.connect(self.play)
            page.deleteRequested.connect(self._confirm_delete)
            page.openConversationRequested.connect(self.openConversationRequested)
        music.continueRequested.connect(self.continueSong)
        videos.extendRequested.connect(self.extendVideo)
        videos.useLastFrameRequested.connect(lambda a: self._run(self._use_last_frame(a)))

    async def reload(self, kind: AssetKind) -> None:
        page = self._pages[kind]
        model, text = page.filter.values()
        page.filter.set_models(await self._library.models(kind))
        assets = await self._library.list_kind(kind, model=model, text=text)
        page.set_assets(await self._with_covers(assets))
        self._loaded.add(kind)
        if kind is AssetKind.VIDEO:
            self._run(self._make_stills(page))

    async def _make_stills(self, page: MediaLibraryPage) -> None:
        """A still from each video shown without a poster (Kling sends none), made once and
        kept in the library; one video at a time, since each is decoded in this thread."""
        async with self._stills_lock:
            for asset in list(page.model.assets):
                if cover_path(asset) is not None or asset.id in self._stills_tried:
                    continue
                self._stills_tried.add(asset.id)
                kept = await self._keep_still(asset)
                if kept is not None:
                    page.model.replace(kept)

    async def _keep_still(self, asset: Asset) -> Asset | None:
        from ecovdesk.ui.last_frame import still_frame
        from ecovdesk.ui.pictures import png_bytes

        if not asset.path.is_file():
            return None
        image = await still_frame(asset.path)
        if image is None:
            return None
        return await self._library.keep_still(asset, png_bytes(image))

    async def _with_covers(self, assets: list[Asset]) -> list[Asset]:
        """Songs and videos show the cover or poster that came with them."""
        messages = {a.provenance.message_id for a in assets if a.provenance.message_id}
        if not messages:
            return assets
        found = await self._library.for_messages([m for m in messages if m is not None])
        pictures = [
            p
            for group in found.values()
            for p in group
            if p.kind is AssetKind.IMAGE and p.provenance.params.get("role") in COVER_ROLES
        ]
        result = []
        for asset in assets:
            cover = next((p for p in pictures if _same_source(p, asset)), None)
            if cover is not None and asset.thumbnail is None:
                asset = replace(asset, thumbnail=cover.thumbnail or cover.path)
            result.append(asset)
        return result

    def asset_ready(self, asset: Asset) -> None:
        if asset.kind in self._loaded:
            self._run(self.reload(asset.kind))

    def play(self, asset: Asset, assets: list[Asset]) -> None:
        if asset.kind is AssetKind.VIDEO:
            self.video.load(asset.path, media_title(asset), play=True)
            return
        playlist = assets or [asset]
        tracks = [
            Track(
                title=media_title(a),
                source=a.path,
                lyrics=str(a.provenance.params.get("lyrics") or ""),
                cover=a.thumbnail,
                asset_id=a.id,
            )
            for a in playlist
        ]
        start = next((i for i, a in enumerate(playlist) if a.id == asset.id), 0)
        self.audio.set_playlist(tracks, start, play=True)
        self.audio.setVisible(True)

    def play_stream(self, job: Job) -> None:
        """A song still being made plays from its stream as soon as the relay has one."""
        clips = job.params.get("clips")
        streams = job.params.get("stream_urls")
        urls: list[str] = []
        if isinstance(clips, list):
            urls = [str(c.get("audio_url") or "") for c in clips if isinstance(c, dict)]
        if not any(urls) and isinstance(streams, list):
            urls = [str(u) for u in streams]
        urls = [u for u in urls if u]
        if not urls or job.state is JobState.SUCCEEDED:
            return
        title = job.prompt[:60]
        self.audio.set_playlist([Track(title=title, source=u) for u in urls], 0, play=True)
        self.audio.setVisible(True)

    def _confirm_delete(self, assets: list[Asset]) -> None:
        answer = QMessageBox.question(
            self._parent,
            self.tr("Delete"),
            self.tr("Delete %n file(s) from the library? This cannot be undone.", "", len(assets)),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(self._delete(assets))

    async def _delete(self, assets: list[Asset]) -> None:
        await self._library.delete([a.id for a in assets])
        for kind in {a.kind for a in assets}:
            await self.reload(kind)

    async def _use_last_frame(self, video: Asset) -> None:
        message_id = video.provenance.message_id
        if message_id is None:
            return
        found = (await self._library.for_messages([message_id])).get(message_id, [])
        frames = [p for p in found if p.provenance.params.get("role") == "last_frame"]
        # Library files are named by their hash; the chip shows what the picture is instead.
        name = self.tr("Last frame of the video") + ".png"
        try:
            if frames:
                data = await asyncio.to_thread(frames[0].path.read_bytes)
            else:
                # The relay sent none (Kling never does): it is read from the video itself.
                data = await self._frame_from_video(video)
            attachment: Attachment = await asyncio.to_thread(image_attachment, data, name)
        except (OSError, AttachmentError):
            self.notice.emit(self.tr("The last frame could not be attached."))
            return
        self.startFrameReady.emit(attachment, video.provenance.model)

    async def _frame_from_video(self, video: Asset) -> bytes:
        from ecovdesk.ui.last_frame import last_frame
        from ecovdesk.ui.pictures import png_bytes

        if not video.path.is_file():
            raise FileNotFoundError(video.path)
        image = await last_frame(video.path)
        if image is None:
            raise AttachmentError("no frame could be read from the video")
        return png_bytes(image)
