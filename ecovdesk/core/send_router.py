"""What Send does for the picked model: a chat reply, a picture generation or a media job."""

from __future__ import annotations

from dataclasses import dataclass, field

from ecovdesk.core.catalogue import Catalogue, Family
from ecovdesk.core.chat_service import ChatService
from ecovdesk.core.domain import Attachment, ChatOptions, Conversation, ImageOptions
from ecovdesk.core.image_service import ImageService
from ecovdesk.core.job_service import JobService

PICTURE_FAMILIES = (Family.OPENAI_IMAGES, Family.IDEOGRAM)


@dataclass
class Outgoing:
    """The options panel's part of a message; each family reads its own."""

    chat: ChatOptions = field(default_factory=ChatOptions)
    picture: ImageOptions = field(default_factory=ImageOptions)
    params: dict[str, object] = field(default_factory=dict)


class SendRouter:
    def __init__(
        self, catalogue: Catalogue, chat: ChatService, images: ImageService, jobs: JobService
    ) -> None:
        self._catalogue = catalogue
        self._chat = chat
        self._images = images
        self._jobs = jobs

    def runs_as_job(self, model: str) -> bool:
        family = self._catalogue.get(model).family
        return not family.is_chat and family not in PICTURE_FAMILIES

    async def send(
        self,
        conversation: Conversation | None,
        model: str,
        text: str,
        attachments: list[Attachment],
        outgoing: Outgoing,
    ) -> Conversation:
        family = self._catalogue.get(model).family
        if family.is_chat:
            return await self._chat.send(conversation, model, text, attachments, outgoing.chat)
        if family in PICTURE_FAMILIES:
            return await self._images.generate(
                conversation, model, text, outgoing.picture, attachments
            )
        return await self._jobs.submit(conversation, model, text, outgoing.params, attachments)

    async def regenerate(
        self, conversation: Conversation, message_id: int, model: str, outgoing: Outgoing
    ) -> None:
        """Retry or Regenerate of a reply by ``model``, with the family that made it.

        A media job's card has its own Retry, so jobs are left alone here.
        """
        family = self._catalogue.get(model).family
        if family.is_chat:
            await self._chat.regenerate(conversation, message_id)
        elif family in PICTURE_FAMILIES:
            await self._images.regenerate(conversation, message_id, outgoing.picture)
