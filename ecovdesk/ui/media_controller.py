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
from ecovdesk.core.library import Library, length_measured
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


def track_for(asset: Asset) -> Track:
    return Track(
        title=media_title(asset),
        source=asset.path,
        lyrics=str(asset.provenance.params.get("lyrics") or ""),
        cover=asset.thumbnail,
        asset_id=asset.id,
        job_id=asset.provenance.job_id,
        clip_id=str(asset.provenance.params.get("clip_id") or ""),
    )


def _song_for(track: Track, ordinal: int, songs: list[Asset]) -> Asset | None:
    """The library song a track plays: itself, its clip, the clip named in its stream's URL
    (Suno's are), or else the job's song in the same place as the stream."""
    if track.asset_id is not None:
        return next((s for s in songs if s.id == track.asset_id), None)
    clips = {str(s.provenance.params.get("clip_id") or ""): s for s in songs}
    clips.pop("", None)
    if track.clip_id:
        return clips.get(track.clip_id)
    named = next((s for c, s in clips.items() if c in str(track.source)), None)
    if named is not None:
        return named
    return songs[ordinal] if ordinal < len(songs) else None


def _streams(job: Job) -> list[tuple[str, str]]:
    """Each clip's stream URL and clip id; live streams come without ids."""
    clips = job.params.get("clips")
    found: list[tuple[str, str]] = []
    if isinstance(clips, list):
        found = [
            (str(c.get("audio_url") or ""), str(c.get("clip_id") or ""))
            for c in clips
            if isinstance(c, dict)
        ]
    streams = job.params.get("stream_urls")
    if not any(url for url, _ in found) and isinstance(streams, list):
        found = [(str(u), "") for u in streams]
    return found


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
        self._video_asset: Asset | None = None
        self.audio = audio
        self.video = video
        # The player takes room above the list only while it holds a video.
        video.setVisible(video.has_media())
        video.loadedChanged.connect(self._video_loaded)
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
        """A still from each video shown without a poster (Kling sends none), and its length
        read from the file, each made once and kept in the library; one video at a time,
        since each is decoded in this thread."""
        async with self._stills_lock:
            for asset in list(page.model.assets):
                if asset.id in self._stills_tried:
                    continue
                self._stills_tried.add(asset.id)
                shown = asset
                if cover_path(asset) is None:
                    kept = await self._keep_still(asset)
                    if kept is not None:
                        shown = replace(shown, thumbnail=kept.thumbnail)
                if not length_measured(asset):
                    kept = await self._keep_length(asset)
                    if kept is not None:
                        shown = replace(shown, duration=kept.duration, provenance=kept.provenance)
                if shown != asset:
                    page.model.replace(shown)

    async def _keep_length(self, asset: Asset) -> Asset | None:
        from ecovdesk.ui.media_length import media_length

        seconds = await media_length(asset.path)
        if seconds is None:
            return None
        return await self._library.keep_duration(asset, seconds)

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
        elif asset.provenance.params.get("role") in COVER_ROLES:
            # A cover arrives after its song: the rows already drawn without it get it.
            for kind in self._loaded:
                self._run(self.reload(kind))
        job = asset.provenance.job_id
        if job is not None and any(t.job_id == job for t in self.audio.tracks):
            self._run(self._refresh_tracks(job, asset.provenance.message_id))

    async def _refresh_tracks(self, job_id: int, message_id: int | None) -> None:
        """The bar's songs of this job as the library now has them: a stream becomes the
        kept song (its title, cover, lyrics, a file to save), a song gets its cover."""
        if message_id is None:
            return
        found = (await self._library.for_messages([message_id])).get(message_id, [])
        songs = [a for a in found if a.kind is AssetKind.AUDIO and a.provenance.job_id == job_id]
        songs = await self._with_covers(songs)
        ordinal = 0
        for index, track in enumerate(list(self.audio.tracks)):
            if track.job_id != job_id:
                continue
            song = _song_for(track, ordinal, songs)
            if track.asset_id is None:
                ordinal += 1
            if song is not None and track_for(song) != track:
                self.audio.replace_track(index, track_for(song))

    def play(self, asset: Asset, assets: list[Asset]) -> None:
        if asset.kind is AssetKind.VIDEO:
            self.video.load(asset.path, media_title(asset), play=True)
            self._video_asset = asset
            return
        playlist = assets or [asset]
        start = next((i for i, a in enumerate(playlist) if a.id == asset.id), 0)
        self.audio.set_playlist([track_for(a) for a in playlist], start, play=True)
        self.audio.setVisible(True)

    def _video_loaded(self, loaded: bool) -> None:
        if not loaded:
            self._video_asset = None
        self.video.setVisible(loaded)

    def play_stream(self, job: Job) -> None:
        """A song still being made plays from its stream as soon as the relay has one."""
        streams = [(url, clip) for url, clip in _streams(job) if url]
        if not streams or job.state is JobState.SUCCEEDED:
            return
        title = job.prompt[:60]
        # The job is remembered, so that its songs replace the streams once they are kept.
        tracks = [Track(title=title, source=u, job_id=job.id, clip_id=c) for u, c in streams]
        self.audio.set_playlist(tracks, 0, play=True)
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
        # The players let go first: a file open in a player cannot be removed everywhere.
        self._forget_in_players({a.id for a in assets})
        await self._library.delete([a.id for a in assets])
        for kind in {a.kind for a in assets}:
            await self.reload(kind)

    def _forget_in_players(self, ids: set[int]) -> None:
        self.audio.forget(ids)
        if not self.audio.tracks:
            self.audio.setVisible(False)
        if self._video_asset is not None and self._video_asset.id in ids:
            self.video.clear()

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
