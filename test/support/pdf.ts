// PDF files written by the tests themselves: pages of Helvetica text at given positions.

export interface PdfText {
  x: number;
  y: number;
  size?: number;
  text: string;
  /** rotated to run down the page */
  down?: boolean;
}

/** A minimal PDF with Helvetica text at given positions (PDF coordinates, y up), as its source. */
export function pdfSource(pages: PdfText[][]): string {
  const objects: string[] = [];
  const pageIds: number[] = [];
  let next = 4;
  for (const items of pages) {
    const esc = (t: string) => t.replace(/[\\()]/g, (c) => `\\${c}`);
    const matrix = (i: { down?: boolean }) => (i.down ? '0 -1 1 0' : '1 0 0 1');
    const content = items.map((i) => `BT /F1 ${i.size ?? 10} Tf ${matrix(i)} ${i.x} ${i.y} Tm (${esc(i.text)}) Tj ET`).join('\n');
    const pageId = next++;
    const contentId = next++;
    pageIds.push(pageId);
    objects[pageId] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  }
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((i) => `${i} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>';
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  for (let i = 1; i < objects.length; i++) {
    offsets[i] = out.length;
    out += `${i} 0 obj\n${objects[i]}\nendobj\n`;
  }
  const xref = out.length;
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  out += offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  return `${out}trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
}

export const makePdf = (pages: PdfText[][]): Uint8Array => new TextEncoder().encode(pdfSource(pages));
