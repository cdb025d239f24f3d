"""A failed task without a reason has no words: the client's own stand-in ("Luma failed")
would be shown to the user as if the relay had said it."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import pytest

from ecovdesk.api.kling import normalise_kling
from ecovdesk.api.luma import normalise_luma
from ecovdesk.api.media import RemoteTask, TaskState
from ecovdesk.api.midjourney import normalise_mj_task
from ecovdesk.api.runway import normalise_runway
from ecovdesk.api.suno import normalise_suno_task

Normalise = Callable[[Mapping[str, Any]], RemoteTask]


@pytest.mark.parametrize(
    ("normalise", "failed"),
    [
        (normalise_luma, {"id": "l1", "state": "failed"}),
        (normalise_kling, {"task_id": "k1", "task_status": "failed"}),
        (normalise_runway, {"task_id": "r1", "status": "2", "msg": None}),
        (normalise_suno_task, {"task_id": "s1", "status": "FAILURE", "fail_reason": ""}),
        (normalise_mj_task, {"id": "m1", "status": "FAILURE", "failReason": ""}),
    ],
)
def test_a_failure_without_a_reason_carries_no_words(
    normalise: Normalise, failed: dict[str, Any]
) -> None:
    task = normalise(failed)
    assert task.state is TaskState.FAILED
    assert task.error == ""
