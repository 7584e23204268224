"""Stands for your own code: it sends through Notify's API v2 with an API key.

Yours would use notifications-python-client; this stand-in signs Notify's JWT with the standard
library, because the repository that runs this recipe cannot install Python packages.
"""
import base64
import hashlib
import hmac
import json
import time

import requests

SIGN_IN_CODE = "7e6d5c4b-3a29-4180-8f7e-6d5c4b3a2918"


def _b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def _token(api_key):
    service_id, secret = api_key[-73:-37], api_key[-36:]
    header = _b64(json.dumps({"typ": "JWT", "alg": "HS256"}).encode())
    claims = _b64(json.dumps({"iss": service_id, "iat": int(time.time())}).encode())
    signature = hmac.new(secret.encode(), f"{header}.{claims}".encode(), hashlib.sha256).digest()
    return f"{header}.{claims}.{_b64(signature)}"


class NotifyApp:
    def __init__(self, base_url, api_key):
        self.base_url = base_url
        self.api_key = api_key

    def send_sign_in_code(self, phone_number, code):
        response = requests.post(
            f"{self.base_url}/v2/notifications/sms",
            headers={"Authorization": f"Bearer {_token(self.api_key)}"},
            json={
                "phone_number": phone_number,
                "template_id": SIGN_IN_CODE,
                "personalisation": {"code": code},
                "reference": "sign-in",
            },
        )
        response.raise_for_status()
        return response.json()["id"]
