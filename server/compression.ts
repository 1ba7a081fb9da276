import compression from "compression";
import zlib from "node:zlib";
import { COMPRESSION_THRESHOLD } from "./small-answers.ts";

/**
 * How answers are compressed for clients that accept brotli (decisions 072 and 095): quality 5, the
 * lowest with context modelling of literals, which text in a script of two bytes a letter needs
 * (the Arabic self-assessment: 17.4 KB on the wire at quality 4, 15.7 at 5), with a 256 KB window
 * instead of 4 MB (pages are at most 96 KB, so the output is the same, and each answer's
 * compressor costs less CPU). The bench's floors are served with the same parameters.
 */
export const BROTLI_PARAMS: Record<number, number> = {
  [zlib.constants.BROTLI_PARAM_QUALITY]: 5,
  [zlib.constants.BROTLI_PARAM_LGWIN]: 18,
};

/**
 * Compression for every answer of at least COMPRESSION_THRESHOLD bytes (brotli, else gzip), except
 * event streams (decision 108): their events are a dozen bytes each, flushed alone, which gzip makes
 * larger (a heartbeat's 13 bytes become 19) and brotli saves 3 of, for about 30 µs of CPU an event
 * and a compressor held open with each viewer. Mount `sendSmallAnswersWhole()` after it.
 */
export function compressAnswers() {
  return compression({
    brotli: { params: BROTLI_PARAMS },
    threshold: COMPRESSION_THRESHOLD,
    filter: (req, res) =>
      !/^text\/event-stream/i.test(String(res.getHeader("Content-Type") ?? "")) &&
      compression.filter(req, res),
  });
}
