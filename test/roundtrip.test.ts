// Property: parsing a rendered report gives its figures back, in every layout.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseReportText } from '../lib/parse/report';
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
