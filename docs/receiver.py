#!/usr/bin/env python3
"""A stand-in webhook receiver for THADS (standard library only; see docs/integrator.md).

    python3 docs/receiver.py 3421 whsec_ZGVtby1kZWJ0b3ItZGF0YWJhc2Utc2lnbmluZy1rZXk=

Verifies each Standard Webhooks signature, refuses stale timestamps, answers 200 and ignores a webhook-id it
has already processed (THADS delivers at least once).
"""
import base64, hashlib, hmac, json, sys, time
from http.server import BaseHTTPRequestHandler, HTTPServer

TOLERANCE = 5 * 60
PORT = int(sys.argv[1]) if len(sys.argv) > 1 else 3421
SECRETS = sys.argv[2:]  # during a rotation, pass both secrets
seen = set()


def verify(secrets, msg_id, timestamp, body, signatures):
    if abs(time.time() - int(timestamp)) > TOLERANCE:
        return False
    signed = f"{msg_id}.{timestamp}.".encode() + body
    for secret in secrets:
        key = base64.b64decode(secret.removeprefix("whsec_"))
        expected = base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
        for sig in signatures.split(" "):
            version, _, value = sig.partition(",")
            if version == "v1" and hmac.compare_digest(value, expected):
                return True
    return False


class Handler(BaseHTTPRequestHandler):
    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("content-length", 0)))
        msg_id = self.headers.get("webhook-id", "")
        ok = verify(SECRETS, msg_id, self.headers.get("webhook-timestamp", "0"), body,
                    self.headers.get("webhook-signature", ""))
        if not ok:
            self.send_response(401)
            self.end_headers()
            return
        if msg_id not in seen:  # idempotency: process each webhook-id once
            seen.add(msg_id)
            message = json.loads(body)
            print(msg_id, message["type"], json.dumps(message["data"], ensure_ascii=False), flush=True)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"ok")


HTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
