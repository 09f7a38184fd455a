// Numbers as the commands print them.

/** `1 row`, `2,000 rows` */
export const plural = (n: number, word: string) => `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;

/** `512 B`, `1.5 KB`, `20.0 MB` (lib/upload/limits.ts has the app's own, in Chinese) */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
