// A report file (bytes of any supported format) to the canonical report.

import { extractText, type ExtractOptions, type SourceFormat } from '../formats/index';
import type { Report } from '../report/contract';
import { parseReportText, type ParseOptions } from './report';

export interface ParsedFile {
  format: SourceFormat;
  encoding?: string;
  /** the text the parser read; line numbers in the report point into it */
  text: string;
  report: Report;
}

/** How a file's bytes are read and parsed: the text parser's options, and extractText's size limit. */
export type ParseBytesOptions = ParseOptions & ExtractOptions;

export async function parseReportBytes(bytes: Uint8Array, fileName?: string, options: ParseBytesOptions = {}): Promise<ParsedFile> {
  const { maxBytes, ...parseOptions } = options;
  const { format, text, encoding } = await extractText(bytes, fileName, { maxBytes });
  const report = parseReportText(text, { ...parseOptions, file: parseOptions.file ?? fileName });
  return { format, encoding, text, report };
}
