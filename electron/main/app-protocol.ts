/**
 * Serves the built renderer from `app://jiaodui/…` rather than file://, so the page has a real origin (workers,
 * CSP 'self', sender checks) and cannot read other local files: the path is resolved inside the renderer folder
 * and anything escaping it is refused.
 */
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8', '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.wasm': 'application/wasm',
};

/** The file a request URL maps to, or null when it escapes the root or names another host. */
export function resolveAppPath(root: string, requestUrl: string, host: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.host !== host) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\u0000')) return null;
  const base = resolve(root);
  const file = resolve(base, '.' + (pathname === '/' ? '/index.html' : pathname));
  return file === base || file.startsWith(base + sep) ? file : null;
}

export function contentTypeOf(file: string): string {
  return TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
