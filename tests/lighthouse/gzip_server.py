"""A static file server that gzips text responses, as a production web server would.

Lighthouse simulates a slow mobile network, so whether HTML is compressed decides the first
paint of large pages. Python's http.server never compresses; this handler does, for clients
that accept gzip, and leaves everything else (redirects, 404s, images) to the base class.
Usage: python3 gzip_server.py PORT DIRECTORY
"""
import functools
import gzip
import http.server
import os
import sys

TEXT_TYPES = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path) and self.path.split("?")[0].endswith("/"):
            path = os.path.join(path, "index.html")
        content_type = self.guess_type(path)
        if ("gzip" not in self.headers.get("Accept-Encoding", "") or not os.path.isfile(path)
                or not content_type.startswith(TEXT_TYPES)):
            return super().do_GET()
        with open(path, "rb") as source:
            data = gzip.compress(source.read(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


if __name__ == "__main__":
    port, directory = int(sys.argv[1]), sys.argv[2]
    handler = functools.partial(GzipHandler, directory=directory)
    http.server.ThreadingHTTPServer(("127.0.0.1", port), handler).serve_forever()
