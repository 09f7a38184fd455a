// scripts/lighthouse.ts's pure parts: its command line, and how it reads Lighthouse's results
// (medians over runs, failed audits with their first node). Lighthouse itself is too noisy for a
// test: nothing here runs it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_PAGES, failedAudits, medianFigures, parseLighthouseArgs, runFigures, type Lhr } from '../scripts/lighthouse';

describe('lighthouse command line', () => {
  it('defaults to the three public pages, 3 runs, both form factors and a server of its own', () => {
    expect(parseLighthouseArgs([])).toEqual({ url: null, pages: DEFAULT_PAGES, runs: 3, out: null, formFactors: ['mobile', 'desktop'] });
    expect(parseLighthouseArgs(['--'])).toEqual(parseLighthouseArgs([]));
  });

  it('reads every option, with a space or an equals sign', () => {
    expect(parseLighthouseArgs(['--url', 'http://127.0.0.1:3000/', '--pages', '/public/431225, public', '--runs=5', '--out', 'tmp/lh', '--form-factors', 'desktop'])).toEqual({
      url: 'http://127.0.0.1:3000',
      pages: ['/public/431225', '/public'],
      runs: 5,
      out: 'tmp/lh',
      formFactors: ['desktop'],
    });
  });

  it('refuses what it cannot use', () => {
    expect(() => parseLighthouseArgs(['--runs', '0'])).toThrow(/--runs/u);
    expect(() => parseLighthouseArgs(['--runs', '1.5'])).toThrow(/--runs/u);
    expect(() => parseLighthouseArgs(['--pages', ' , '])).toThrow(/--pages/u);
    expect(() => parseLighthouseArgs(['--form-factors', 'tablet'])).toThrow(/tablet/u);
    expect(() => parseLighthouseArgs(['--url', 'ftp://x'])).toThrow(/--url/u);
    expect(() => parseLighthouseArgs(['--url'])).toThrow();
    expect(() => parseLighthouseArgs(['--speed'])).toThrow(/unknown argument --speed/u);
  });
});

function lhr(performance: number, lcp: number, extra: Partial<Lhr['audits']> = {}): Lhr {
  return {
    lighthouseVersion: '12.8.2',
    categories: {
      performance: { score: performance, auditRefs: [] },
      accessibility: { score: 0.9, auditRefs: ['color-contrast', 'image-alt', 'label', 'skip-link'].map((id) => ({ id, weight: 1 })) },
      'best-practices': { score: 1, auditRefs: [] },
      seo: { score: null, auditRefs: [] },
    },
    audits: {
      'largest-contentful-paint': { id: 'largest-contentful-paint', title: 'LCP', score: 1, scoreDisplayMode: 'numeric', numericValue: lcp },
      'total-blocking-time': { id: 'total-blocking-time', title: 'TBT', score: 1, scoreDisplayMode: 'numeric', numericValue: 10 },
      'cumulative-layout-shift': { id: 'cumulative-layout-shift', title: 'CLS', score: 1, scoreDisplayMode: 'numeric', numericValue: 0 },
      'total-byte-weight': { id: 'total-byte-weight', title: 'bytes', score: 1, scoreDisplayMode: 'numeric', numericValue: 1000 },
      ...extra,
    } as Lhr['audits'],
  };
}

describe('reading Lighthouse results', () => {
  it('takes each figure’s median over the runs, and keeps a category no run scored empty', () => {
    const runs = [lhr(0.9, 2000), lhr(0.7, 3000), lhr(0.95, 2500)].map(runFigures);
    const m = medianFigures(runs);
    expect(m.scores).toEqual({ performance: 90, accessibility: 90, 'best-practices': 100, seo: null });
    expect(m.lcpMs).toBe(2500);
    expect(m.transferBytes).toBe(1000);
  });

  it('lists the failed scored audits of a category with their first node, and skips the unscored', () => {
    const result = lhr(1, 1000, {
      'color-contrast': {
        id: 'color-contrast',
        title: 'Background and foreground colors do not have a sufficient contrast ratio.',
        score: 0,
        scoreDisplayMode: 'binary',
        details: {
          type: 'table',
          items: [
            { node: { type: 'node', selector: 'main > p.lede', snippet: '<p class="lede">', explanation: 'contrast of 3.1' } },
            { node: { type: 'node', selector: 'footer > a' } },
          ],
        },
      },
      'image-alt': { id: 'image-alt', title: 'Image elements have [alt] attributes', score: 1, scoreDisplayMode: 'binary' },
      label: { id: 'label', title: 'Form elements have associated labels', score: null, scoreDisplayMode: 'notApplicable' },
      'skip-link': { id: 'skip-link', title: 'Skip links are focusable.', score: 0, scoreDisplayMode: 'binary' },
    });
    expect(failedAudits(result, 'accessibility')).toEqual([
      {
        id: 'color-contrast',
        title: 'Background and foreground colors do not have a sufficient contrast ratio.',
        items: 2,
        node: { type: 'node', selector: 'main > p.lede', snippet: '<p class="lede">', explanation: 'contrast of 3.1' },
      },
      { id: 'skip-link', title: 'Skip links are focusable.', items: 0, node: null },
    ]);
    expect(failedAudits(result, 'seo')).toEqual([]);
  });
});
