import express, { type RequestHandler } from "express";
import { readdirSync } from "node:fs";
import path from "node:path";

/** The encodings the build writes beside each script and stylesheet (vite.config.ts), best first. */
export const PRECOMPRESSED = [
  { encoding: "br", suffix: ".br" },
  { encoding: "gzip", suffix: ".gz" },
] as const;

/** What the build compresses: scripts and stylesheets. */
const COMPRESSED_KINDS = [".js", ".css"];

/**
 * Serves the build's hashed assets (`dir`), never changing, for a year: a script or stylesheet the
 * browser accepts in brotli or gzip is sent as the build compressed it once, at the best quality
 * (decision 131), instead of being compressed again for each request at the quality a page can
 * afford; the compression middleware leaves an answer already encoded as it is.
 */
export function serveAssets(dir: string): RequestHandler {
  const files = new Set(readdirSync(dir));
  const encoded = (file: string, suffix: string) => files.has(`${file}${suffix}`);
  const assets = express.static(dir, {
    immutable: true,
    maxAge: "1y",
    setHeaders(res, filePath) {
      const kind = PRECOMPRESSED.find(({ suffix }) => filePath.endsWith(suffix));
      if (!kind) return;
      // The type of the file it encodes, as express.static gives the file itself.
      const { mime } = express.static;
      const type = mime.lookup(filePath.slice(0, -kind.suffix.length));
      const charset = mime.charsets.lookup(type, "");
      res.setHeader("Content-Type", charset ? `${type}; charset=${charset}` : type);
      res.setHeader("Content-Encoding", kind.encoding);
    },
  });
  return (req, res, next) => {
    const file = req.path.slice(1);
    if (
      (req.method === "GET" || req.method === "HEAD") &&
      COMPRESSED_KINDS.includes(path.extname(file))
    ) {
      // Every script and stylesheet answer differs by what the client accepts, whichever it gets.
      res.vary("Accept-Encoding");
      const offered = PRECOMPRESSED.filter(({ suffix }) => encoded(file, suffix));
      const chosen = offered.length
        ? req.acceptsEncodings(...offered.map(({ encoding }) => encoding), "identity")
        : false;
      const kind = offered.find(({ encoding }) => encoding === chosen);
      if (kind) req.url = `/${file}${kind.suffix}`;
    }
    assets(req, res, next);
  };
}
