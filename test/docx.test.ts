import { describe, expect, it } from 'vitest';
import { docxToText, MAX_UNPACKED_BYTES, wordXmlNests } from '../lib/formats/docx';
import { ReportReadError } from '../lib/formats/errors';
import { renderDocx } from '../lib/render/docx';
import JSZip from 'jszip';
import { sampleV2021 } from './support/samples';

describe('damaged Word documents', () => {
  it('checks that document.xml nests, in linear time', () => {
    expect(wordXmlNests('<?xml version="1.0"?><w:document><w:body><w:p><w:r><w:t>规章</w:t></w:r></w:p><w:p/></w:body></w:document>')).toBe(true);
    expect(wordXmlNests('<w:document><w:body><w:p></w:body></w:document>')).toBe(false);
    expect(wordXmlNests('<w:document><::pbody></::pbody></w:document>')).toBe(false);
    expect(wordXmlNests('<w:document><w:body>')).toBe(false);
  });

  it('refuses a document whose XML was damaged, with the reader error', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sampleV2021()));
    const xml = await zip.file('word/document.xml')!.async('string');
    zip.file('word/document.xml', xml.replace('</w:tbl>', ''));
    const damaged = await zip.generateAsync({ type: 'uint8array' });
    await expect(docxToText(damaged, 'x.docx')).rejects.toThrow(ReportReadError);
  });

  it('refuses a "zip bomb" (parts that unpack to more than the limit) before unpacking it all', async () => {
    const zip = await JSZip.loadAsync(await renderDocx(sampleV2021()));
    // (a limit of 4 MB here, 100 MB in use)
    const limit = 4 * 1024 * 1024;
    expect(MAX_UNPACKED_BYTES).toBe(100 * 1024 * 1024);
    const reads = await docxToText(await zip.generateAsync({ type: 'uint8array' }), 'x.docx', limit);
    zip.file('word/media/filler.bin', new Uint8Array(limit), { compression: 'DEFLATE' });
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(bomb.length).toBeLessThan(limit / 50);
    await expect(docxToText(bomb, 'bomb.docx', limit)).rejects.toThrow(/unpacks to more than 4 MB/);
    expect(reads).toMatch(/政府信息公开/);
  });
});
