// Reading an upload's request body within a size limit: the reading stops, and the stream is
// cancelled, as soon as the bytes received pass the limit, so that a client cannot make the
// server hold more than the limit (and one chunk) of an oversized upload.

import { formatBytes } from './limits';

/** The upload is larger than the limit (`limit`, in bytes). */
export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`文件太大：每个文件最大 ${formatBytes(limit)}`);
    this.name = 'UploadTooLargeError';
  }
}

/** The upload has no content. */
export class EmptyUploadError extends Error {
  constructor() {
    super('上传的文件是空的');
    this.name = 'EmptyUploadError';
  }
}

/**
 * The whole body, at most `maxBytes` long. Throws UploadTooLargeError as soon as more arrive
 * (the rest is never read: the stream is cancelled), EmptyUploadError for a missing or empty
 * body; an error of the stream itself (the client went away) is passed on.
 */
export async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (!body) throw new EmptyUploadError();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) throw new UploadTooLargeError(maxBytes);
      chunks.push(value);
    }
  } catch (err) {
    chunks.length = 0;
    // not awaited: a source may take its time to stop, and nothing more is wanted from it
    reader.cancel(err instanceof Error ? err.message : undefined).catch(() => {});
    throw err;
  }
  if (total === 0) throw new EmptyUploadError();
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * Whether the request says (Content-Length) that its body is larger than `maxBytes`: such a
 * request can be refused before any of it is read. A missing or malformed header is no answer
 * (false); readLimited still holds the line. (For a multipart form the length includes the
 * form's own few hundred bytes.)
 */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const raw = headers.get('content-length')?.trim();
  if (!raw || !/^\d+$/.test(raw)) return false;
  return Number(raw) > maxBytes;
}
