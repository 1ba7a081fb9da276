import type { IncomingMessage, ServerResponse } from "node:http";

/**
 * Answers smaller than this are sent as they are: they fit in one packet either way, and setting up
 * a compressor costs a one-line answer about as much CPU as rendering it (decision 108).
 */
export const COMPRESSION_THRESHOLD = 1400;

type Write = (chunk: unknown, encoding?: unknown, callback?: unknown) => boolean;

/**
 * Holds the start of each answer until it is known to be small or not: an answer that ends within
 * `threshold` bytes goes out whole with its Content-Length, which the compression middleware (mounted
 * before this one, so this one sees the writes first) leaves uncompressed; a larger one, and every
 * event stream, is passed on as written. React Router streams every answer without a length, so
 * without this the compressor is set up for a redirect's body, `/ping` and each small `.data`.
 * No TypeScript beyond erasable types, and no imports: the bench's floors load this file as it is.
 */
export function sendSmallAnswersWhole(threshold = COMPRESSION_THRESHOLD) {
  return (req: IncomingMessage, res: ServerResponse, next: () => void) => {
    // A HEAD answer's length is its GET's, which is not known here.
    if (req.method === "HEAD") return next();
    const write = res.write.bind(res) as Write;
    const end = res.end.bind(res) as (chunk?: unknown, encoding?: unknown, cb?: unknown) => unknown;
    let held: Buffer[] | null = [];
    let size = 0;
    const pass = (callback?: unknown) => {
      const start = held;
      held = null;
      return start && start.length > 0 ? write(Buffer.concat(start), undefined, callback) : true;
    };
    const hold = (chunk: unknown, encoding: unknown) => {
      if (chunk == null) return;
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : Buffer.from(
            chunk as string,
            typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8",
          );
      held!.push(buffer);
      size += buffer.length;
    };
    const streaming = () =>
      /text\/event-stream/i.test(String(res.getHeader("Content-Type") ?? "")) ||
      res.getHeader("Content-Length") !== undefined;

    res.write = function (chunk: unknown, encoding?: unknown, callback?: unknown) {
      if (held && streaming()) pass();
      if (!held) return write(chunk, encoding, callback);
      hold(chunk, encoding);
      const done = typeof encoding === "function" ? encoding : callback;
      if (size > threshold) return pass(done);
      if (typeof done === "function") process.nextTick(done as () => void);
      return true;
    } as ServerResponse["write"];

    res.end = function (chunk?: unknown, encoding?: unknown, callback?: unknown) {
      if (!held) return end(chunk, encoding, callback);
      if (typeof chunk === "function") [chunk, callback] = [undefined, chunk];
      else if (typeof encoding === "function") [encoding, callback] = [undefined, encoding];
      hold(chunk, encoding);
      const whole = Buffer.concat(held);
      held = null;
      if (!res.headersSent && res.statusCode !== 204 && res.statusCode !== 304)
        res.setHeader("Content-Length", whole.length);
      return end(whole, callback);
    } as ServerResponse["end"];
    // React Router flushes after each chunk it writes (compression's flush). A small answer ends in
    // the same turn of the event loop, so the start is passed on only if it has not by the next:
    // what a loader streams later (deferred data) is not held back.
    const flush = (res as { flush?: () => void }).flush;
    if (flush)
      (res as { flush?: () => void }).flush = () => {
        if (!held) return flush.call(res);
        setImmediate(() => {
          if (held && !res.writableEnded) {
            pass();
            flush.call(res);
          }
        });
      };
    next();
  };
}
