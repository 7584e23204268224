"""One Notify Sandbox for the test session (the notify-sandbox command), reset before each test."""
import json
import os
import subprocess
import time

import pytest
import requests


class NotifySandbox:
    """The sandbox's base URL and API keys, and its control API (docs/sandbox.md, "Control API")."""

    def __init__(self, info):
        self.url = info["base_url"]
        self.services = info["services"]
        self.http = requests.Session()
        # With NOTIFY_SANDBOX_CONTROL_SECRET set: self.http.headers["X-Sandbox-Secret"] = secret

    def api_key(self, key_type="normal", service=0):
        keys = self.services[service]["api_keys"]
        return next(k["api_key"] for k in keys if k["key_type"] == key_type and not k["revoked"])

    def control(self, method, path, params=None, **body):
        # Calls that change something send JSON ({} when they take no fields); reads send nothing.
        response = self.http.request(
            method, f"{self.url}/_sandbox{path}", params=params, json=None if method == "GET" else body
        )
        response.raise_for_status()
        return response

    def reset(self):
        self.control("POST", "/reset")

    def notifications(self, **filters):
        """Newest first; filters: recipient, template_id, reference, type, status, key_type."""
        return self.control("GET", "/notifications", params=filters).json()["notifications"]

    def rendered(self, notification_id):
        return self.control("GET", f"/notifications/{notification_id}/rendered")

    def wait_for_status(self, notification_id, status, timeout=10):
        """Follows the change feed (a long poll) until the notification has this status."""
        deadline = time.monotonic() + timeout
        cursor = self.control("GET", "/notifications", params={"page_size": 1}).json()["cursor"]
        while True:
            notification = self.control("GET", f"/notifications/{notification_id}").json()
            if status in (notification["status"], notification["api_status"]):
                return notification
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{notification_id} is {notification['status']}, not {status}")
            wait = {"since": cursor, "wait": f"{min(left, 30):.3f}"}
            cursor = self.control("GET", "/notifications/changes", params=wait).json()["cursor"]


@pytest.fixture(scope="session")
def notify_sandbox():
    url = os.environ.get("NOTIFY_SANDBOX_URL")
    if url:  # one already running (a CI step, a container): use it
        yield NotifySandbox(requests.get(f"{url}/_sandbox/info").json())
        return
    # The command itself, not `npx notify-sandbox`: npx would not pass on terminate() below.
    process = subprocess.Popen(
        [
            "node_modules/.bin/notify-sandbox", "--json", "--port", "0",
            "--latency", "none", "--time-scale", "1000",
            "--fixtures", "tests/notify-fixture.json",
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    # The first line is the start-up details: base URL, services, API keys, templates.
    line = process.stdout.readline()
    if not line:
        raise RuntimeError(f"notify-sandbox did not start (exit code {process.wait()}); see its stderr")
    yield NotifySandbox(json.loads(line))
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(autouse=True)
def clean_sandbox(notify_sandbox):
    notify_sandbox.reset()
