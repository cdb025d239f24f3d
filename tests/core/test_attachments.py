"""Pictures picked or pasted for a vision model: scaled to a size worth sending, or refused."""

from __future__ import annotations

import base64
import io

import pytest
from PIL import Image

from ecovdesk.core.attachments import AttachmentError, document_attachment, image_attachment
from ecovdesk.core.pillow import open_image
from tests.core.library_helpers import picture, png_declaring
from tests.fresh_imports import modules_loaded


def _sent_picture(url: str) -> Image.Image:
    header, _, payload = url.partition(",")
    assert header.startswith("data:image/") and header.endswith(";base64")
    return Image.open(io.BytesIO(base64.b64decode(payload)))


def test_a_small_picture_is_sent_as_it_is() -> None:
    data = picture("PNG", (320, 200))
    attachment = image_attachment(data, "small.png")
    assert attachment.url == "data:image/png;base64," + base64.b64encode(data).decode()
    assert attachment.name == "small.png"


def test_a_large_picture_is_scaled_to_2048_pixels_on_its_longer_side() -> None:
    attachment = image_attachment(picture("PNG", (4096, 1024)), "wide.png")
    assert _sent_picture(attachment.url).size == (2048, 512)


def test_a_file_that_is_not_a_picture_is_refused() -> None:
    with pytest.raises(AttachmentError) as caught:
        image_attachment(b"<html>not a picture</html>", "page.png")
    assert not caught.value.too_large


def test_a_picture_declaring_a_huge_canvas_is_refused_as_too_large() -> None:
    with pytest.raises(AttachmentError) as caught:
        image_attachment(png_declaring(12_000, 12_000), "bomb.png")
    assert caught.value.too_large  # the user is told the limits, not "not a picture"


@pytest.mark.parametrize(
    ("url", "name"),
    [
        ("https://example.com/年度报告.pdf?download=1", "年度报告.pdf"),
        ("https://example.com/docs/%E6%8A%A5%E5%91%8A.docx", "报告.docx"),
        ("https://example.com/", "example.com"),
    ],
)
def test_a_document_link_is_named_by_its_file(url: str, name: str) -> None:
    assert document_attachment(url).name == name


@pytest.mark.parametrize("url", ["https://", "ftp://example.com/a.pdf", "example.com/a.pdf"])
def test_a_document_link_without_a_web_host_is_refused(url: str) -> None:
    with pytest.raises(AttachmentError):
        document_attachment(url)


def test_the_apps_pixel_limit_holds_from_the_first_picture_opened() -> None:
    # 144 megapixels: within Pillow's own default limit, above the app's; refused from the
    # header alone, before any pixel is decompressed.
    with pytest.raises(Image.DecompressionBombError):
        open_image(png_declaring(12_000, 12_000))
    with open_image(png_declaring(8_000, 8_000)) as within:
        assert within.size == (8_000, 8_000)


def test_the_services_load_without_pillow_or_the_xml_parser() -> None:
    # Both are needed only once a picture arrives; most sessions start without one.
    code = (
        "import pkgutil, importlib\n"
        "import ecovdesk.api, ecovdesk.core\n"
        "for package in (ecovdesk.api, ecovdesk.core):\n"
        "    for module in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        importlib.import_module(module.name)\n"
    )
    assert modules_loaded(code, ["PIL", "xml.etree"]) == []


def test_a_picture_keeps_a_small_copy_for_its_message_to_show() -> None:
    attachment = image_attachment(picture("PNG", (4096, 1024)), "wide.png")
    assert _sent_picture(attachment.thumbnail).size == (160, 40)
