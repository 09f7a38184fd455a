// What every download answers with: a file name a Chinese reader recognises (RFC 5987
// filename*, with an ASCII fallback for old clients), and errors as plain text with a status.

/** RFC 5987 value characters: encodeURIComponent leaves ' ( ) * ! as they are, which it does not allow */
const rfc5987 = (text: string) => encodeURIComponent(text).replace(/['()*!]/gu, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="chart.png"; filename*=UTF-8''%E4%BC%9A…` */
export function contentDisposition(fileName: string, fallback: string, inline = false): string {
  const ascii = fallback.replace(/[^\x20-\x7e]|["\\]/gu, '_');
  return `${inline ? 'inline' : 'attachment'}; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

const MAX_STEM = 100;

/** A file name without characters that file systems refuse, its stem cut by whole characters, its extension kept. */
export function safeFileName(name: string): string {
  const clean = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/gu, '_');
  const dot = clean.lastIndexOf('.');
  const [stem, extension] = dot > 0 && clean.length - dot <= 6 ? [clean.slice(0, dot), clean.slice(dot)] : [clean, ''];
  return [...stem].slice(0, MAX_STEM).join('') + extension;
}

/** 20261129, in Beijing time */
export function dateStamp(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
  return parts.replace(/-/gu, '');
}

export function textError(status: number, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
