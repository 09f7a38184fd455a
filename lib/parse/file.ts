// A report file (bytes of any supported format) to the canonical report.

import { extractText, type SourceFormat } from '../formats/index';
import type { Report } from '../report/contract';
import { parseReportText, type ParseOptions } from './report';

export interface ParsedFile {
  format: SourceFormat;
  encoding?: string;
  /** the text the parser read; line numbers in the report point into it */
  text: string;
  report: Report;
}

export async function parseReportBytes(bytes: Uint8Array, fileName?: string, options: ParseOptions = {}): Promise<ParsedFile> {
  const { format, text, encoding } = await extractText(bytes, fileName);
  const report = parseReportText(text, { ...options, file: options.file ?? fileName });
  return { format, encoding, text, report };
}
