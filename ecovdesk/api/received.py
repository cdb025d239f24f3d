"""A response body read in its own task, handed on in as few pieces as it arrives in.

httpx passes a chunked body on one chunk at a time, and a relay at full speed sends each
event of a stream as a chunk of its own: tens of thousands a second. Everything after the
network (decoding, cutting into events, passing deltas up) then costs its Python overhead per
chunk, more than the chunk's own content does. Read in a separate task, the chunks that one
network read brought in are taken together the moment the reader has to wait for more, which
delays nothing: a chunk is handed on as soon as nothing else is already there with it.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncGenerator, AsyncIterator
from contextlib import aclosing
from typing import cast


async def received_together(chunks: AsyncIterator[bytes]) -> AsyncGenerator[bytes, None]:
    """``chunks`` joined into one piece for each time their reader had to wait.

    A failure of the reading is raised here after the bytes that came before it. Closing this
    generator stops the reading and closes ``chunks`` in the reader's task, where they ran.
    """
    waiting: list[bytes] = []
    arrived = asyncio.Event()
    failure: Exception | None = None
    ended = False

    async def read() -> None:
        nonlocal ended, failure
        # httpx types its body iterators as iterators; they are async generators, and must
        # be closed in the task that ran them.
        source = cast(AsyncGenerator[bytes, None], chunks)
        try:
            async with aclosing(source):
                async for chunk in source:
                    waiting.append(chunk)
                    arrived.set()
        except Exception as error:
            failure = error
        finally:
            ended = True
            arrived.set()

    reader = asyncio.create_task(read())
    try:
        while True:
            await arrived.wait()
            arrived.clear()
            if waiting:
                piece = b"".join(waiting)
                waiting.clear()
                yield piece
            if ended and not waiting:
                if failure is not None:
                    raise failure
                return
    finally:
        reader.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await reader
