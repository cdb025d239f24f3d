"""How often a streaming reply is drawn: live for a slow reply, in few frames of bounded
work for a fast one (times come from a fake clock)."""

from __future__ import annotations

from ecovdesk.ui.render_pacing import (
    BACKOFF,
    FIRST_MS_PER_CHAR,
    FRAME_BUDGET_MS,
    MIN_INTERVAL_MS,
    RenderPacing,
)


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now

    def advance(self, ms: float) -> None:
        self.now += ms / 1000


def test_a_slow_reply_is_drawn_soon_after_each_delta() -> None:
    clock = Clock()
    pacing = RenderPacing(clock)
    assert pacing.delay_ms(3) == 0
    pacing.frame_done(2.0, pacing.take_pending())
    clock.advance(10)
    assert pacing.delay_ms(3) == MIN_INTERVAL_MS - 10
    clock.advance(300)
    # Text arriving long after the last frame waits for nothing.
    assert pacing.delay_ms(3) == 0


def test_a_frame_that_took_long_spaces_the_next_one() -> None:
    clock = Clock()
    pacing = RenderPacing(clock)
    pacing.delay_ms(500)
    pacing.frame_done(20.0, pacing.take_pending())
    assert pacing.delay_ms(10) == 20 * BACKOFF


def test_text_that_would_cost_the_whole_budget_is_drawn_at_once() -> None:
    clock = Clock()
    pacing = RenderPacing(clock)
    pacing.frame_done(20.0, pacing.take_pending())
    budget_chars = int(FRAME_BUDGET_MS / FIRST_MS_PER_CHAR)
    assert pacing.delay_ms(budget_chars - 1) > 0
    assert pacing.delay_ms(1) == 0
    assert pacing.take_pending() == budget_chars


def test_frames_grow_to_the_budget_as_their_cost_is_learnt() -> None:
    clock = Clock()
    pacing = RenderPacing(clock)
    # Drawing turns out to cost 2 µs a character, less than first assumed.
    pacing.frame_done(10.0, 5000)
    budget_chars = int(FRAME_BUDGET_MS / 0.002)
    assert budget_chars > FRAME_BUDGET_MS / FIRST_MS_PER_CHAR
    assert pacing.delay_ms(budget_chars - 500) > 0
    assert pacing.delay_ms(500) == 0


def test_small_frames_do_not_teach_the_cost_of_text() -> None:
    clock = Clock()
    pacing = RenderPacing(clock)
    # Ten characters in 5 ms is the fixed part of a frame, not 0.5 ms a character.
    pacing.frame_done(5.0, 10)
    assert pacing.delay_ms(int(FRAME_BUDGET_MS / FIRST_MS_PER_CHAR) - 1) > 0
