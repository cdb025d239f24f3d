"""Events cut from received pieces are the events httpx-sse reads from the whole stream,
wherever the pieces are cut and whatever line ends and fields the stream uses."""

from __future__ import annotations

from httpx_sse._decoders import SSEDecoder, SSELineDecoder
from hypothesis import given, settings
from hypothesis import strategies as st

from ecovdesk.api.sse_pieces import EventPieces

VALUES = st.text(alphabet=st.sampled_from(["a", "好", " ", ":", "{", "\u2028", "é"]), max_size=5)
LINES = st.one_of(
    st.builds(lambda v: f"data: {v}", VALUES),
    st.builds(lambda v: f"data:{v}", VALUES),
    st.just("data"),
    st.builds(lambda v: f"event: {v}", VALUES),
    st.builds(lambda v: f"id: {v}", VALUES),
    st.just("retry: 300"),
    st.builds(lambda v: f": {v}", VALUES),
    st.builds(lambda v: f"other{v}", VALUES),
    st.just(""),
)
LINE_ENDS = st.sampled_from(["\n", "\r\n", "\r"])


@st.composite
def streams(draw: st.DrawFn) -> str:
    lines = draw(st.lists(st.tuples(LINES, LINE_ENDS), max_size=14))
    text = "".join(line + end for line, end in lines)
    if draw(st.booleans()):
        text += draw(LINES)  # the body may stop in the middle of a line
    return text


def _whole(text: str) -> list[tuple[str, str]]:
    """What httpx-sse's own reading (``aiter_sse``) gives for the whole text."""
    lines, decoder = SSELineDecoder(), SSEDecoder()
    found = [decoder.decode(line) for line in [*lines.decode(text), *lines.flush()]]
    return [(event.event, event.data) for event in found if event is not None and event.data]


def _in_pieces(text: str, cuts: list[int]) -> list[tuple[str, str]]:
    reader = EventPieces()
    events = []
    start = 0
    for cut in sorted(cuts):
        events += reader.feed(text[start:cut])
        start = cut
    events += reader.feed(text[start:]) + reader.end()
    return [(name, data) for name, data in events if data]


@settings(max_examples=2000, deadline=None)
@given(text=streams(), cuts=st.lists(st.integers(0, 200), max_size=6))
def test_events_read_in_pieces_are_those_of_the_whole_stream(text: str, cuts: list[int]) -> None:
    cuts = [min(cut, len(text)) for cut in cuts]
    assert _in_pieces(text, cuts) == _whole(text)


def test_the_usual_event_keeps_its_data_exactly() -> None:
    reader = EventPieces()
    events = reader.feed('data: {"a": 1}\n\ndata:  two spaces\n\ndata:x\r\n\r')
    events += reader.feed("\ndata: cut ")
    events += reader.feed("here\n\n") + reader.end()
    assert events == [
        ("message", '{"a": 1}'),
        ("message", " two spaces"),
        ("message", "x"),
        ("message", "cut here"),
    ]
