#!/usr/bin/env node
// A tiny static file server for the self-check page: it serves the
// repository root on 127.0.0.1 only, so the page can load the package from
// heel-wasm/pkg/. Build the package first (heel-wasm/build.sh).
//
//   node examples/web/serve.mjs [--port 8000]
//   then open http://127.0.0.1:8000/examples/web/
//
// The browser test imports `serve` and starts it on a free port.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/**
 * Serves `root` on 127.0.0.1 and resolves to the running server once it
 * listens (port 0 picks a free port; read it from `server.address().port`).
 * GET and HEAD only; nothing outside `root` is reachable.
 */
export function serve({ root = repositoryRoot, port = 8000, log = false } = {}) {
  const server = createServer(async (req, res) => {
    const reply = (status, text, headers = {}) => {
      res.writeHead(status, { "content-type": "text/plain; charset=utf-8", ...headers });
      res.end(req.method === "HEAD" ? undefined : text);
    };
    if (req.method !== "GET" && req.method !== "HEAD") {
      reply(405, "method not allowed\n", { allow: "GET, HEAD" });
      return;
    }
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    } catch {
      reply(400, "bad request\n");
      return;
    }
    if (path === "/") {
      reply(302, "see /examples/web/\n", { location: "/examples/web/" });
      return;
    }
    const file = normalize(join(root, path));
    if (file !== root && !file.startsWith(root + sep)) {
      reply(403, "forbidden\n");
      return;
    }
    try {
      let target = file;
      let info = await stat(target);
      if (info.isDirectory()) {
        if (!path.endsWith("/")) {
          reply(301, "moved\n", { location: `${path}/` });
          return;
        }
        target = join(target, "index.html");
        info = await stat(target);
      }
      res.writeHead(200, {
        "content-type": TYPES[extname(target)] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-store",
        "x-content-type-options": "nosniff",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(target).pipe(res);
      if (log) console.log(`200 ${path}`);
    } catch {
      reply(404, "not found\n");
      if (log) console.log(`404 ${path}`);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf("--port");
  const port = i > 0 ? Number(process.argv[i + 1]) : 8000;
  const server = await serve({ port, log: true });
  const { port: actual } = server.address();
  console.log(`Serving ${repositoryRoot} on http://127.0.0.1:${actual}/`);
  console.log(`Open http://127.0.0.1:${actual}/examples/web/ (Ctrl-C to stop)`);
}
