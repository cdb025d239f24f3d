"""The services the window works with, built once by the composition root."""

from __future__ import annotations

from dataclasses import dataclass

from ecovdesk.core.chat_service import ChatService
from ecovdesk.core.conversation_service import ConversationService
from ecovdesk.core.image_service import ImageService
from ecovdesk.core.job_service import JobService
from ecovdesk.core.library import Library
from ecovdesk.core.model_service import ModelService
from ecovdesk.core.preferences import Preferences
from ecovdesk.core.send_router import SendRouter
from ecovdesk.core.task_scope import TaskScope


@dataclass
class Services:
    chat: ChatService
    conversations: ConversationService
    models: ModelService
    preferences: Preferences
    scope: TaskScope
    library: Library
    images: ImageService
    jobs: JobService
    router: SendRouter
