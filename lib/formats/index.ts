// Reading report files of any supported format into the text lines the text parser reads.
// The line layout of tables is described in the module comments of html.ts and pdf-layout.ts.

import { detectFormat, type SourceFormat } from './detect';
import { docxToText } from './docx';
import { ReportReadError } from './errors';
import { decodeHtml, htmlToText } from './html';
import { pdfToText } from './pdf';
import { decodeText } from './text';

export { detectFormat, type DetectedFormat, type SourceFormat } from './detect';
export { ReportReadError } from './errors';

/** Files above this size are refused before any parsing (reports are a few MB at most). */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface ExtractOptions {
  /** files above this many bytes are refused before any parsing; MAX_FILE_BYTES by default */
  maxBytes?: number;
}

export interface ExtractedText {
  format: SourceFormat;
  text: string;
  /** the character encoding, for text and HTML */
  encoding?: string;
}

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}

/**
 * Detects the format of a report file by its content and extracts its text lines.
 * Throws ReportReadError (one-line message) for empty, oversized, binary, unknown,
 * undecodable or damaged files.
 */
export async function extractText(bytes: Uint8Array, fileName?: string, options: ExtractOptions = {}): Promise<ExtractedText> {
  const maxBytes = options.maxBytes ?? MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    throw new ReportReadError(`the file is too large (${megabytes(bytes.length)}; the limit is ${megabytes(maxBytes)})`, fileName);
  }
  const format = detectFormat(bytes, fileName);
  switch (format) {
    case 'empty':
      throw new ReportReadError('the file is empty', fileName);
    case 'binary':
      throw new ReportReadError('this is a binary file, not a report (expected text, HTML, PDF or DOCX)', fileName);
    case 'unknown':
      throw new ReportReadError('unsupported file format (expected text, HTML, PDF or DOCX; save .doc files as .docx)', fileName);
    case 'pdf':
      return nonEmpty({ format, text: await pdfToText(bytes, fileName) }, fileName);
    case 'docx':
      return nonEmpty({ format, text: await docxToText(bytes, fileName) }, fileName);
    case 'html': {
      // (detectFormat found no binary data)
      const { text, encoding } = decodeHtml(bytes, fileName, true);
      return nonEmpty({ format, text: htmlToText(text, { file: fileName }), encoding }, fileName);
    }
    case 'text': {
      const { text, encoding } = decodeText(bytes, fileName);
      return nonEmpty({ format, text: text.replace(/^\ufeff/, ''), encoding }, fileName);
    }
  }
}

function nonEmpty(result: ExtractedText, fileName?: string): ExtractedText {
  if (!/\S/.test(result.text)) {
    const why = result.format === 'pdf' ? ' (a scanned PDF without a text layer?)' : '';
    throw new ReportReadError(`no text found in this ${result.format.toUpperCase()} file${why}`, fileName);
  }
  return result;
}
