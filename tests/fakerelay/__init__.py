"""A fake ecovai relay on a loopback port, for end-to-end tests of the desktop client.

Usage::

    with FakeRelay("sk-test-key", token_delay=0.0, poll_steps=3) as relay:
        relay.queue_fault(Fault.CUT_BEFORE_DONE, path_prefix="/v1/chat")
        ...  # point the app at relay.base_url

Triggers:

* Chat reply shape by model: ``deepseek-reasoner`` (reasoning_content), ``*-thinking``
  (reasoning_content + reasoning), ``deepseek``/``deepseek2.5``/``deepseek-r1``/
  ``deepseek-think`` (``[思考开始]`` markers), ``kimi*`` (search lines unless
  ``use_search: false``), ``concise``/``detail``/``research``/``*-scholar`` (``[[n]]``),
  ``glm4*``, ``qwen``/``spark``/``hailuo`` (usage {1,1,2}), ``gpt-4o-all``; anything
  else gets the OpenAI shape with a Markdown answer quoting the question.
* Drawing in chat: 画/draw/图 for ``glm4``; 画/draw/图/picture for ``gpt-4o-all``.
* Prompt words: "fail" makes a task fail (MJ, Suno, Luma, Runway, Kling); for MJ
  "banned" gives code 24, "queue" code 22, "remix" code 21 (continue with
  ``/mj/submit/modal``, as for Custom Zoom and Vary Region buttons); "banned" is a
  content-policy 400 for image endpoints.
* Tasks advance one step per poll and finish on poll number ``poll_steps``.
"""

from .faults import Fault
from .server import FakeRelay, RecordedRequest

__all__ = ["FakeRelay", "Fault", "RecordedRequest"]
