import zlib from "node:zlib";

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
