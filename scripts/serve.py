#!/usr/bin/env python3
"""Static server for the demo and the end-to-end tests, loopback only.

Serves the repository root on two origins at once, so the demo proves a partner page can load the
bundle from another origin:
  * the page origin   http://127.0.0.1:PORT/        (index.html, examples/…)
  * the asset origin  http://127.0.0.1:ASSET_PORT/  (same files; pkg/ is sent with CORS headers)
In served .html files the marker __VITRINE_ASSET_ORIGIN__ is replaced by the asset origin.

Prints one JSON line {"page": url, "assets": url} when ready. Ports 0 pick free ports.
"""
import argparse
import http.server
import json
import os
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MARKER = b"__VITRINE_ASSET_ORIGIN__"


def make_handler(asset_origin_ref):
    class Handler(http.server.SimpleHTTPRequestHandler):
        extensions_map = {
            **http.server.SimpleHTTPRequestHandler.extensions_map,
            ".wasm": "application/wasm",
            ".js": "text/javascript",
            ".json": "application/json",
            ".html": "text/html; charset=utf-8",
        }

        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=ROOT, **kwargs)

        def end_headers(self):
            self.send_header("Access-Control-Allow-Origin", "*")
            self.send_header("Cache-Control", "no-cache")
            super().end_headers()

        def do_GET(self):
            path = self.translate_path(self.path)
            if os.path.isdir(path):
                path = os.path.join(path, "index.html")
            if path.endswith(".html") and os.path.isfile(path):
                with open(path, "rb") as f:
                    body = f.read().replace(MARKER, asset_origin_ref[0].encode())
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            super().do_GET()

        def log_message(self, fmt, *args):
            if os.environ.get("VITRINE_SERVE_LOG"):
                sys.stderr.write("serve: " + fmt % args + "\n")

    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=8000)
    ap.add_argument("--asset-port", type=int, default=8001)
    args = ap.parse_args()
    origin_ref = [""]
    handler = make_handler(origin_ref)
    http.server.ThreadingHTTPServer.allow_reuse_address = True
    page = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    assets = http.server.ThreadingHTTPServer(("127.0.0.1", args.asset_port), handler)
    origin_ref[0] = f"http://127.0.0.1:{assets.server_address[1]}"
    threading.Thread(target=assets.serve_forever, daemon=True).start()
    print(json.dumps({"page": f"http://127.0.0.1:{page.server_address[1]}/", "assets": origin_ref[0] + "/"}), flush=True)
    try:
        page.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
