from notify_app import NotifyApp


def test_sends_the_code_to_the_number_typed(notify_sandbox):
    app = NotifyApp(notify_sandbox.url, notify_sandbox.api_key())
    notification_id = app.send_sign_in_code("07700 900123", "123456")

    [sent] = notify_sandbox.notifications(recipient="+447700900123")
    assert sent["id"] == notification_id
    assert sent["reference"] == "sign-in"
    assert notify_sandbox.rendered(notification_id).text == (
        "Example service: Your sign-in code is 123456. It expires in 10 minutes."
    )
    delivered = notify_sandbox.wait_for_status(notification_id, "delivered")
    assert [h["status"] for h in delivered["history"]] == ["created", "sending", "delivered"]


def test_a_failed_text_is_reported(notify_sandbox):
    app = NotifyApp(notify_sandbox.url, notify_sandbox.api_key())
    notification_id = app.send_sign_in_code("07700900123", "654321")
    notify_sandbox.control("POST", f"/notifications/{notification_id}/status", status="permanent-failure")
    [failed] = notify_sandbox.notifications(status="permanent-failure")
    assert failed["id"] == notification_id


def test_each_test_starts_empty(notify_sandbox):
    assert notify_sandbox.notifications() == []
