"""Run the fake relay by hand: ``python -m tests.fakerelay --port 8787``."""

from __future__ import annotations

import argparse
import signal
import threading

from .server import FakeRelay


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m tests.fakerelay", description=__doc__)
    parser.add_argument("--port", type=int, default=8787, help="port on 127.0.0.1 (0 = any)")
    parser.add_argument("--key", default="sk-test-key", help="API key the relay accepts")
    parser.add_argument("--token-delay", type=float, default=0.02, help="seconds between events")
    parser.add_argument("--poll-steps", type=int, default=3, help="polls until a task finishes")
    parser.add_argument("--image-delay", type=float, default=0.4, help="image generation delay")
    parser.add_argument("--quiet", action="store_true", help="do not log requests")
    args = parser.parse_args(argv)
    relay = FakeRelay(args.key, token_delay=args.token_delay, poll_steps=args.poll_steps)
    relay.image_delay = args.image_delay
    relay.log_requests = not args.quiet
    stopped = threading.Event()
    signal.signal(signal.SIGINT, lambda *_: stopped.set())
    signal.signal(signal.SIGTERM, lambda *_: stopped.set())
    relay.start(args.port)
    print(relay.base_url, flush=True)
    try:
        while not stopped.wait(0.5):
            pass
    finally:
        relay.stop()


if __name__ == "__main__":
    main()
