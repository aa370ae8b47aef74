/**
 * A URL safe to put in an <img src>: https, http on loopback, same-origin relative paths, and data: images of the
 * usual raster/vector types. Anything else (javascript:, data:text/html, other schemes) gives undefined.
 */
export function safeImageUrl(value: string | null | undefined): string | undefined {
  const raw = value?.trim();
  if (!raw) return undefined;
  if (/^data:image\/(png|jpeg|gif|webp|avif|svg\+xml)[;,]/i.test(raw)) return raw;
  let url: URL;
  try {
    url = new URL(raw, globalThis.location?.href ?? 'https://invalid.example/');
  } catch {
    return undefined;
  }
  if (url.protocol === 'https:') return url.href;
  if (url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.origin === globalThis.location?.origin)) {
    return url.href;
  }
  return undefined;
}
