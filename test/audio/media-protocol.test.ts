import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mediaType, parseRange, serveMediaRequest } from '../../electron/main/media-protocol';

const dir = mkdtempSync(join(tmpdir(), 'jiaodui-media-'));
const file = join(dir, 'talk.mp3');
const bytes = Buffer.from(Array.from({ length: 1000 }, (_, i) => i % 251));
writeFileSync(file, bytes);
const resolve = (url: URL) => (url.pathname === '/talk.mp3' ? file : url.pathname === '/missing.mp3' ? join(dir, 'missing.mp3') : null);
const get = (range?: string, method = 'GET', path = '/talk.mp3') =>
  serveMediaRequest(new Request(`http://media${path}`, { method, headers: range ? { Range: range } : {} }), resolve);

describe('serveMediaRequest', () => {
  it('answers a plain GET with 200, the whole file and Accept-Ranges', async () => {
    const res = await get();
    expect(res.status).toBe(200);
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(res.headers.get('content-length')).toBe('1000');
    expect(res.headers.get('content-type')).toBe('audio/mpeg');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it('answers bytes=a-b with 206 and exactly those bytes', async () => {
    const res = await get('bytes=100-199');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 100-199/1000');
    expect(res.headers.get('content-length')).toBe('100');
    expect(Buffer.from(await res.arrayBuffer()).equals(bytes.subarray(100, 200))).toBe(true);
  });

  it('answers an open range and a suffix range', async () => {
    const open = await get('bytes=990-');
    expect(open.status).toBe(206);
    expect(open.headers.get('content-range')).toBe('bytes 990-999/1000');
    expect((await open.arrayBuffer()).byteLength).toBe(10);
    const suffix = await get('bytes=-5');
    expect(suffix.headers.get('content-range')).toBe('bytes 995-999/1000');
    expect(Buffer.from(await suffix.arrayBuffer()).equals(bytes.subarray(995))).toBe(true);
  });

  it('clamps a range that runs past the end', async () => {
    const res = await get('bytes=900-5000');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 900-999/1000');
  });

  it('answers 416 with the size when the range starts past the end', async () => {
    const res = await get('bytes=1000-1001');
    expect(res.status).toBe(416);
    expect(res.headers.get('content-range')).toBe('bytes */1000');
  });

  it('ignores a malformed or multi-part range and sends the whole file', async () => {
    expect((await get('bytes=1-2,5-6')).status).toBe(200);
    expect((await get('items=1-2')).status).toBe(200);
  });

  it('sends headers without a body for HEAD', async () => {
    const res = await get('bytes=0-9', 'HEAD');
    expect(res.status).toBe(206);
    expect(res.headers.get('content-length')).toBe('10');
    expect((await res.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers 404 for paths the resolver refuses or files that do not exist, 405 for POST', async () => {
    expect((await get(undefined, 'GET', '/etc/passwd')).status).toBe(404);
    expect((await get(undefined, 'GET', '/missing.mp3')).status).toBe(404);
    expect((await get(undefined, 'POST')).status).toBe(405);
  });

  it('parses ranges and types on their own', () => {
    expect(parseRange('bytes=0-0', 10)).toEqual({ kind: 'range', start: 0, end: 0 });
    expect(parseRange('bytes=-0', 10)).toEqual({ kind: 'unsatisfiable' });
    expect(parseRange(null, 10)).toEqual({ kind: 'none' });
    expect(mediaType('x.OPUS')).toBe('audio/ogg');
  });
});
