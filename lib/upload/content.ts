// The check of an upload's type, by its content (lib/formats/detect.ts, as the parser reads it),
// before it is parsed: a file that is none of the four formats we read is refused with a reason
// staff can act on. A name's extension is trusted only as a claim: a file named .pdf or .docx
// that is something else is refused (most often a web page or an error page saved under the
// report's name), while a readable file under another or no extension is taken by its content.

import { detectFormat, isZip, isOle2, type SourceFormat } from '../formats/detect';

export type UploadContentCheck = { format: SourceFormat } | { error: string };

export const UNSUPPORTED_TYPE = '不支持的文件类型：只接受 txt、html、pdf、docx';

const SAVE_AS_DOCX = '请用 Word 或 WPS 另存为 .docx 后再上传';

function startsWith(bytes: Uint8Array, magic: (number | string)[], at = 0): boolean {
  let i = at;
  for (const part of magic) {
    const codes = typeof part === 'number' ? [part] : Array.from(part, (c) => c.charCodeAt(0));
    for (const code of codes) if (bytes[i++] !== code) return false;
  }
  return true;
}

/** Whether an ASCII (latin1) string occurs in the bytes. */
function contains(bytes: Uint8Array, needle: string): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, 0, 'latin1') !== -1;
}

const utf16 = (s: string) => Array.from(s, (c) => `${c}\0`).join('');

/** What a file of the legacy Office format (OLE2) holds, by the names of its streams. */
function describeOle2(bytes: Uint8Array): string {
  if (contains(bytes, utf16('WordDocument'))) return '旧版 Word 文档（.doc）';
  if (contains(bytes, utf16('Workbook')) || contains(bytes, utf16('Book'))) return '旧版 Excel 表格（.xls）';
  if (contains(bytes, utf16('PowerPoint Document'))) return '旧版 PowerPoint 演示文稿（.ppt）';
  return '旧版 Office 文件（.doc、.xls 或 .ppt）';
}

function describeZip(bytes: Uint8Array): string {
  if (contains(bytes, 'word/document.xml')) return 'Word 文档（.docx）';
  if (contains(bytes, 'xl/')) return 'Excel 表格（.xlsx）';
  if (contains(bytes, 'ppt/')) return 'PowerPoint 演示文稿（.pptx）';
  if (contains(bytes, 'application/vnd.oasis.opendocument')) return 'OpenDocument 文档（.odt 等）';
  return 'ZIP 压缩包，其中没有 Word 正文（word/document.xml）';
}

/** A binary file's kind, by its leading bytes; a general word when it is none we know. */
function describeBinary(bytes: Uint8Array): string {
  if (isOle2(bytes)) return describeOle2(bytes);
  if (isZip(bytes)) return describeZip(bytes);
  if (startsWith(bytes, [0x89, 'PNG\r\n', 0x1a, '\n'])) return 'PNG 图片';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'JPEG 图片';
  if (startsWith(bytes, ['GIF8'])) return 'GIF 图片';
  if (startsWith(bytes, ['RIFF']) && startsWith(bytes, ['WEBP'], 8)) return 'WebP 图片';
  if (startsWith(bytes, ['II*', 0]) || startsWith(bytes, ['MM', 0, '*'])) return 'TIFF 图片';
  if (startsWith(bytes, ['BM'])) return 'BMP 图片';
  if (startsWith(bytes, ['MZ']) || startsWith(bytes, [0x7f, 'ELF'])) return '可执行程序';
  if (startsWith(bytes, ['Rar!', 0x1a, 0x07])) return 'RAR 压缩包';
  if (startsWith(bytes, ['7z', 0xbc, 0xaf, 0x27, 0x1c])) return '7z 压缩包';
  if (startsWith(bytes, [0x1f, 0x8b])) return 'gzip 压缩文件';
  if (startsWith(bytes, [0xfd, '7zXZ', 0])) return 'xz 压缩文件';
  if (startsWith(bytes, ['BZh'])) return 'bzip2 压缩文件';
  return '二进制数据';
}

const READABLE: Record<SourceFormat, string> = {
  pdf: 'PDF 文件',
  docx: 'Word 文档（.docx）',
  html: 'HTML 网页',
  text: '纯文本',
};

/** What the bytes look like, for a message: "HTML 网页", "PNG 图片", "ZIP 压缩包…". */
export function describeContent(bytes: Uint8Array, name?: string): string {
  const format = detectFormat(bytes, name);
  if (format === 'empty') return '空文件';
  if (format === 'binary' || format === 'unknown') return describeBinary(bytes);
  if (format === 'text' && isRtf(bytes)) return 'RTF 文档';
  return READABLE[format];
}

/** Rich Text Format: text to detectFormat, but control words to the parser. */
function isRtf(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return startsWith(bytes, ['{\\rtf'], start);
}

/** The extension of a name, lower case, without the dot: "pdf"; "" when it has none. */
function extensionOf(name: string): string {
  return /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? '';
}

/**
 * The format an upload will be read as, or why it is refused (in Chinese, for staff): an empty
 * file; a .pdf or .docx whose content is not that; a legacy .doc (or RTF) that must be saved as
 * .docx; a file of no format we read. A readable file under another or no extension is taken by
 * its content, as the parser reads it.
 */
export function checkUploadContent(bytes: Uint8Array, name: string): UploadContentCheck {
  const format = detectFormat(bytes, name);
  if (format === 'empty') return { error: '文件是空的（0 字节）' };
  const extension = extensionOf(name);
  if (extension === 'pdf' && format !== 'pdf') {
    return { error: `文件名是 .pdf，但内容不是 PDF（看起来是${describeContent(bytes, name)}）` };
  }
  if (extension === 'docx' && format !== 'docx') {
    return { error: `文件名是 .docx，但内容不是 Word 文档（看起来是${describeContent(bytes, name)}）` };
  }
  if (format === 'binary' || format === 'unknown') {
    const what = describeBinary(bytes);
    if (isOle2(bytes) && what.includes('.doc')) return { error: `不支持${what}：${SAVE_AS_DOCX}` };
    return { error: `${UNSUPPORTED_TYPE}（这个文件看起来是${what}）` };
  }
  if (format === 'text' && isRtf(bytes)) return { error: `不支持 RTF 文档：${SAVE_AS_DOCX}` };
  return { format };
}
