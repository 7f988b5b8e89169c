/**
 * Media over a custom protocol with HTTP Range support. Electron's `protocol.handle` + `net.fetch`
 * on file:// ignores Range (electron#38749), so `<audio>` could not seek in long files. This module is
 * a plain request → response function over a file; the app registers it with
 * `protocol.handle('jiaodui-media', (req) => serveMediaRequest(req, resolvePath))` and tests call it
 * directly, without Electron.
 *
 * Rules (RFC 9110 §14): no Range → 200 with the whole file; one `bytes=a-b`, `bytes=a-` or `bytes=-n`
 * range → 206 with Content-Range; a range starting past the end → 416 with `Content-Range: bytes
 * * /size`; a malformed or multi-range header is ignored (200, whole file), as servers may. HEAD gets
 * the headers without a body. Only files the resolver accepts are served (404 otherwise).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { Readable } from 'node:stream';

const TYPES: Record<string, string> = {
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.aac': 'audio/aac',
  '.mp4': 'video/mp4',
  '.wav': 'audio/wav',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.flac': 'audio/flac',
  '.webm': 'audio/webm',
};

/** Content type for a media path (application/octet-stream when unknown). */
export function mediaType(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** A byte range, inclusive, or the reason there is none. */
export type RangeResult = { kind: 'none' } | { kind: 'range'; start: number; end: number } | { kind: 'unsatisfiable' };

/** Parses a Range header against a file size. */
export function parseRange(header: string | null, size: number): RangeResult {
  if (!header) return { kind: 'none' };
  const m = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (!m || (m[1] === '' && m[2] === '')) return { kind: 'none' };
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0) return { kind: 'unsatisfiable' };
    if (size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'range', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (m[2] !== '' && Number(m[2]) < start) return { kind: 'none' };
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'range', start, end };
}

/** Maps a request URL to a file path the app allows, or null (→ 404). */
export type MediaResolver = (url: URL) => string | null | Promise<string | null>;

function body(path: string, start: number, end: number): ReadableStream<Uint8Array> {
  return Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
}

/** Answers a media request (GET/HEAD) with 200, 206, 404, 405 or 416. */
export async function serveMediaRequest(request: Request, resolve: MediaResolver): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405, headers: { Allow: 'GET, HEAD' } });
  const path = await resolve(new URL(request.url));
  if (!path) return new Response(null, { status: 404 });
  let size: number;
  try {
    const s = await stat(path);
    if (!s.isFile()) return new Response(null, { status: 404 });
    size = s.size;
  } catch {
    return new Response(null, { status: 404 });
  }
  const headers = new Headers({ 'Accept-Ranges': 'bytes', 'Content-Type': mediaType(path), 'Cache-Control': 'no-cache' });
  const range = parseRange(request.headers.get('range'), size);
  const head = request.method === 'HEAD';
  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', `bytes */${size}`);
    return new Response(null, { status: 416, headers });
  }
  if (range.kind === 'range') {
    headers.set('Content-Range', `bytes ${range.start}-${range.end}/${size}`);
    headers.set('Content-Length', String(range.end - range.start + 1));
    return new Response(head ? null : body(path, range.start, range.end), { status: 206, headers });
  }
  headers.set('Content-Length', String(size));
  return new Response(head || size === 0 ? null : body(path, 0, size - 1), { status: 200, headers });
}
