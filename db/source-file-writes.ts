// The insert of a parsed file's source_files row. The row holds the file's bytes and the text the
// parser read. For a UTF-8 text file they are the same characters, and the bytes sent as bytea
// would go out hex-encoded besides the text: such a row is sent with its text only, and the
// server stores the text's UTF-8 encoding as its bytes.

import { sql, type SQL } from 'drizzle-orm';
import type { IdentityAssignment } from '../lib/upload/assign';

export interface ParsedSourceFile {
  sha256: string;
  bytes: Uint8Array;
  name: string;
  url: string | null;
  format: string;
  encoding: string | null;
  text: string;
  status: 'parsed' | 'checks_failed';
  parserVersion: string;
  reportId: number;
  role: 'original' | 'copy';
  uploadedBy: number | null;
  assigned: IdentityAssignment | null;
}

/** Whether `text` encoded as UTF-8 is exactly `bytes` (no byte order mark, line ends as they were). */
export function isUtf8Of(text: string, bytes: Uint8Array): boolean {
  // a UTF-16 code unit takes one to three bytes: any other length cannot match
  if (bytes.length < text.length || bytes.length > 3 * text.length) return false;
  return Buffer.from(text, 'utf8').equals(bytes);
}

export function parsedSourceFileStatement(file: ParsedSourceFile): SQL {
  const bytes = isUtf8Of(file.text, file.bytes) ? null : file.bytes;
  return sql`insert into source_files (sha256, bytes, name, size, url, format, encoding, text, status, error, parser_version, report_id, role, uploaded_by, assigned)
    values (${file.sha256}, coalesce(${bytes}::bytea, convert_to(${bytes ? null : file.text}::text, 'UTF8')), ${file.name}, ${file.bytes.length}, ${file.url},
            ${file.format}, ${file.encoding}, ${file.text}, ${file.status}, null, ${file.parserVersion}, ${file.reportId}, ${file.role},
            ${file.uploadedBy}, ${file.assigned === null ? null : JSON.stringify(file.assigned)}::jsonb)`;
}
