// Property: parsing a rendered report gives its figures back, in every layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinPages, layoutPage } from '../lib/formats/pdf-layout';
import { parseReportBytes } from '../lib/parse/file';
import { parseReportText } from '../lib/parse/report';
import { renderDocx } from '../lib/render/docx';
import { renderHtml } from '../lib/render/html';
import { renderPdfLike } from '../lib/render/pdf-lines';
import { mirrorText, seededPick } from '../lib/render/mirror';
import { renderText, type TextLayout } from '../lib/render/report';
import type { Report } from '../lib/report/contract';
import { arbitraryReport } from './support/arbitrary';

const RUNS = Number(process.env.ROUNDTRIP_RUNS ?? 60);

function expectSameFigures(parsed: Report, original: Report) {
  expect(parsed.template).toBe(original.template);
  expect(parsed.year).toBe(original.year);
  expect(parsed.proactive).toEqual(original.proactive);
  expect(parsed.applications).toEqual(original.applications);
  expect(parsed.appeals).toEqual(original.appeals);
}

const LAYOUTS: [TextLayout, boolean][] = [
  ['cellPerLine', false],
  ['cellBar', true],
  ['pipe', true],
  ['spaced', false],
];

describe.each(LAYOUTS)('round trip through the %s layout', (layout, blanks) => {
  it('returns the same figures', () => {
    fc.assert(
      fc.property(arbitraryReport({ blanks }), (report) => {
        expectSameFigures(parseReportText(renderText(report, layout)), report);
      }),
      { numRuns: RUNS },
    );
  });

  it('returns the same figures from a mirror copy in traditional characters with pinyin glosses', () => {
    fc.assert(
      fc.property(arbitraryReport({ blanks }), fc.integer(), (report, seed) => {
        expectSameFigures(parseReportText(mirrorText(renderText(report, layout), seededPick(seed))), report);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('round trip through PDF-like positioned text', () => {
  it('returns the same figures, with wrapped labels, vertical merged-cell labels and page breaks', () => {
    fc.assert(
      fc.property(
        arbitraryReport({ blanks: false }),
        fc.constantFrom('last' as const, 'middle' as const),
        fc.integer({ min: 18, max: 32 }),
        (report, valuesOn, linesPerPage) => {
          const { pages, pageHeight } = renderPdfLike(report, { valuesOn, linesPerPage });
          const text = joinPages(pages.map((fragments) => layoutPage(fragments, pageHeight))).join('\n');
          expectSameFigures(parseReportText(text), report);
        },
      ),
      { numRuns: RUNS },
    );
  });
});

describe('round trip through files', () => {
  const FILE_RUNS = Math.max(10, Math.floor(RUNS / 3));

  it('an HTML page (colspan, rowspan, &nbsp; blanks, a layout table around the article)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport({ blanks: true }), async (report) => {
        const { report: parsed } = await parseReportBytes(new TextEncoder().encode(renderHtml(report)), 'report.html');
        expectSameFigures(parsed, report);
      }),
      { numRuns: FILE_RUNS },
    );
  });

  it('a Word file (gridSpan, vMerge, empty cells)', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryReport({ blanks: true }), async (report) => {
        const { report: parsed } = await parseReportBytes(await renderDocx(report), 'report.docx');
        expectSameFigures(parsed, report);
      }),
      { numRuns: FILE_RUNS },
    );
  });
});
