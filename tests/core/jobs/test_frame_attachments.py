"""Attached pictures become a video's first and last frames."""

from ecovdesk.core.domain import Attachment, AttachmentKind
from ecovdesk.core.job_requests import kling_request, luma_request

FIRST = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,AAAA", "first.png")
LAST = Attachment(AttachmentKind.IMAGE, "data:image/png;base64,BBBB", "last.png")


def test_luma_takes_the_second_attachment_as_the_last_frame() -> None:
    body = luma_request("海浪", {}, [FIRST, LAST])
    assert body["image_url"] == FIRST.url
    assert body["image_end_url"] == LAST.url
    assert "image_end_url" not in luma_request("海浪", {}, [FIRST])


def test_kling_takes_the_second_attachment_as_the_tail_image() -> None:
    kind, body = kling_request("kling-v1-6", "跳舞", {}, [FIRST, LAST])
    assert kind == "image2video"
    assert body["image_tail"] == "BBBB" or body["image_tail"].endswith("BBBB")
    assert body["image"] == "AAAA" or body["image"].endswith("AAAA")
