"""A small OpenID Connect provider on localhost, for the single sign-on tests.

It does what a council's provider (Microsoft Entra ID, say) does for the portal:
publishes its metadata and signing key, shows a sign-in page listing its test
people, and swaps the code it hands back for an id token signed with RS256
(authorization code flow with PKCE). Keys and tokens are made with joserfc,
which Authlib (the client Streamlit uses) is built on; the server is the
standard library's.
"""

import base64
import hashlib
import html
import json
import secrets
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlparse

from joserfc import jwt
from joserfc.jwk import RSAKey

CLIENT_ID = "supervision-portal"
CLIENT_SECRET = "test-client-secret-" + "x" * 16


class Provider:
    """`people` maps a sign-in name to the claims its id token carries."""

    def __init__(self, people: dict[str, dict]):
        self.people = people
        self.key = RSAKey.generate_key(2048, parameters={"kid": "test-key", "use": "sig"})
        self._requests: dict[str, dict] = {}   # sign-in page id -> the authorize request
        self._codes: dict[str, dict] = {}      # code -> what the token call must match
        self.tokens_issued: list[dict] = []
        self.sessions_ended = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.issuer = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def start(self) -> "Provider":
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def metadata_url(self) -> str:
        return self.issuer + "/.well-known/openid-configuration"

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.issuer + "/authorize",
            "token_endpoint": self.issuer + "/token",
            "jwks_uri": self.issuer + "/jwks",
            "end_session_endpoint": self.issuer + "/logout",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "code_challenge_methods_supported": ["S256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic",
                                                      "client_secret_post"],
            "scopes_supported": ["openid", "email", "profile"],
        }

    # ---- the flow -----------------------------------------------------------

    def sign_in_page(self, query: dict) -> tuple[int, dict, bytes]:
        if query.get("client_id") != CLIENT_ID or query.get("response_type") != "code":
            return _text(400, "unknown client or response type")
        request_id = secrets.token_urlsafe(16)
        self._requests[request_id] = query
        links = "".join(
            f'<li><a href="/approve?{urlencode({"request": request_id, "person": name})}">'
            f"Sign in as {html.escape(name)}</a></li>"
            for name in self.people
        )
        page = (f'<!doctype html><html lang="en"><head><title>Test provider</title></head>'
                f"<body><main><h1>Test council sign-in</h1><ul>{links}</ul></main></body></html>")
        return 200, {"Content-Type": "text/html; charset=utf-8"}, page.encode()

    def approve(self, query: dict) -> tuple[int, dict, bytes]:
        request = self._requests.pop(query.get("request", ""), None)
        person = query.get("person")
        if request is None or person not in self.people:
            return _text(400, "no such sign-in request")
        code = secrets.token_urlsafe(24)
        self._codes[code] = {"request": request, "person": person}
        back = request["redirect_uri"] + "?" + urlencode({"code": code,
                                                          "state": request.get("state", "")})
        return 302, {"Location": back}, b""

    def token(self, form: dict, headers) -> tuple[int, dict, bytes]:
        client_id, client_secret = form.get("client_id"), form.get("client_secret")
        basic = headers.get("Authorization", "")
        if basic.startswith("Basic "):
            client_id, _, client_secret = base64.b64decode(basic[6:]).decode().partition(":")
        if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
            return _json(401, {"error": "invalid_client"})
        grant = self._codes.pop(form.get("code", ""), None)
        if grant is None or form.get("grant_type") != "authorization_code":
            return _json(400, {"error": "invalid_grant"})
        request = grant["request"]
        if form.get("redirect_uri") != request["redirect_uri"]:
            return _json(400, {"error": "invalid_grant"})
        challenge = request.get("code_challenge")
        if challenge:
            verifier = form.get("code_verifier", "")
            digest = base64.urlsafe_b64encode(hashlib.sha256(verifier.encode()).digest())
            if digest.rstrip(b"=").decode() != challenge:
                return _json(400, {"error": "invalid_grant"})
        now = int(time.time())
        claims = {
            "iss": self.issuer, "aud": CLIENT_ID, "sub": "sub-" + grant["person"],
            "iat": now, "exp": now + 3600, **self.people[grant["person"]],
        }
        if request.get("nonce"):
            claims["nonce"] = request["nonce"]
        self.tokens_issued.append(claims)
        id_token = jwt.encode({"alg": "RS256", "kid": "test-key"}, claims, self.key)
        return _json(200, {"access_token": secrets.token_urlsafe(24), "token_type": "Bearer",
                           "expires_in": 3600, "id_token": id_token})

    def end_session(self, query: dict) -> tuple[int, dict, bytes]:
        self.sessions_ended += 1
        back = query.get("post_logout_redirect_uri")
        if back:
            return 302, {"Location": back}, b""
        return _text(200, "signed out")

    # ---- HTTP ---------------------------------------------------------------

    def _handler(self):
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                url = urlparse(self.path)
                query = {k: v[0] for k, v in parse_qs(url.query).items()}
                routes = {
                    "/.well-known/openid-configuration": lambda: _json(200, provider.metadata()),
                    "/jwks": lambda: _json(200, {"keys": [
                        {**provider.key.as_dict(private=False), "use": "sig", "alg": "RS256"}]}),
                    "/authorize": lambda: provider.sign_in_page(query),
                    "/approve": lambda: provider.approve(query),
                    "/logout": lambda: provider.end_session(query),
                }
                self._answer(*(routes[url.path]() if url.path in routes else _text(404, "")))

            def do_POST(self):
                if urlparse(self.path).path != "/token":
                    return self._answer(*_text(404, ""))
                body = self.rfile.read(int(self.headers.get("Content-Length", 0))).decode()
                form = {k: v[0] for k, v in parse_qs(body).items()}
                self._answer(*provider.token(form, self.headers))

            def _answer(self, status, headers, body):
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):  # keep the test output quiet
                pass

        return Handler


def _json(status: int, data: dict) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "application/json", "Cache-Control": "no-store"}, \
        json.dumps(data).encode()


def _text(status: int, text: str) -> tuple[int, dict, bytes]:
    return status, {"Content-Type": "text/plain; charset=utf-8"}, text.encode()


def secrets_toml(app_url: str, provider: Provider, *, provider_name: str = "Test council",
                 claim: str = "email") -> str:
    """The [auth] and [single_sign_on] sections of .streamlit/secrets.toml for this provider."""
    return f"""
[auth]
redirect_uri = "{app_url}/oauth2callback"
cookie_secret = "{secrets.token_urlsafe(32)}"
client_id = "{CLIENT_ID}"
client_secret = "{CLIENT_SECRET}"
server_metadata_url = "{provider.metadata_url}"

[single_sign_on]
provider_name = "{provider_name}"
claim = "{claim}"
"""
