// A file's parse as ingest sees it: the parsed report, or the one-line reason it is not stored
// as one. Pure, so that it can run in a worker thread (lib/ingest/parse-pool.ts).

import type { EncodedReport } from '../report/encoding';
import { ReportReadError } from '../formats/errors';
import { parseReportBytes, type ParsedFile } from '../parse/file';
import { stripPinyinGlosses } from '../text/normalise';

/**
 * `encoded`: the report as its writes send it, when a bulk load's parse worker computed it
 * beside the parse (lib/ingest/parse-worker.ts).
 */
export type ParseOutcome = { parsed: ParsedFile; error: null; encoded?: EncodedReport } | { parsed: null; error: string };

/**
 * A page that is no annual report (a news item, a portal page) must not become a report: it
 * would take the place of the real report of the place and year it happens to name.
 */
export function notAReport(parsed: ParsedFile): string | null {
  if (parsed.report.tables.length > 0) return null;
  const text = stripPinyinGlosses(parsed.text);
  if (/信息公[开開]/u.test(text) && /[报報]告|年[报報]/u.test(text)) return null;
  return 'not an annual report: no table, and the text never names 信息公开 and 报告';
}

export interface ParseFileOptions {
  /** files above this many bytes are refused unread (lib/formats MAX_FILE_BYTES by default) */
  maxBytes?: number;
}

/** Parses a file; a file that cannot be read, or is no report, gives its one-line error instead. */
export async function parseFile(bytes: Uint8Array, name: string, options: ParseFileOptions = {}): Promise<ParseOutcome> {
  try {
    const parsed = await parseReportBytes(bytes, name, { maxBytes: options.maxBytes });
    const notReport = notAReport(parsed);
    return notReport ? { parsed: null, error: notReport } : { parsed, error: null };
  } catch (err) {
    return { parsed: null, error: err instanceof ReportReadError ? err.message : `parser error: ${err instanceof Error ? err.message : String(err)}` };
  }
}

