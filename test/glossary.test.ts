// The public glossary (lib/public/glossary.ts): well-formed entries, links that resolve, and a
// term for every label the public charts and tables print.
import { describe, it, expect } from 'vitest';
import { METRICS } from '../db/queries/metrics';
import { GLOSSARY, glossaryHref, termById, termFor, type GlossaryTerm } from '../lib/public/glossary';
import { APPLICANT_LABELS, OUTCOME_GROUPS } from '../lib/region/outcomes';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROWS, PROACTIVE_ROWS } from '../lib/report/labels';

const ids = GLOSSARY.map((t) => t.id);
const id = (label: string): string | undefined => termFor(label)?.id;

describe('glossary entries', () => {
  it('has about 30–40 terms with unique, URL-safe ids', () => {
    expect(GLOSSARY.length).toBeGreaterThanOrEqual(30);
    expect(GLOSSARY.length).toBeLessThanOrEqual(45);
    expect(new Set(ids).size).toBe(ids.length);
    for (const i of ids) {
      expect(i).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      expect(encodeURIComponent(i)).toBe(i);
    }
  });

  it('keeps the ids the brief names', () => {
    expect(termById('withheld')?.term).toBe('不予公开');
    expect(termById('unable')?.term).toBe('无法提供');
    expect(termById('not-processed')?.term).toBe('不予处理');
    expect(termById('review')?.term).toBe('行政复议');
    expect(termById('corrected')?.term).toBe('纠正');
    expect(termById('nope')).toBeUndefined();
  });

  it('relates only to terms that exist, never to itself, without duplicates', () => {
    for (const t of GLOSSARY) {
      expect(new Set(t.related).size, t.id).toBe(t.related.length);
      expect(t.related, t.id).not.toContain(t.id);
      for (const r of t.related) expect(termById(r), `${t.id} → ${r}`).toBeDefined();
    }
  });

  it('gives every term a one-sentence short and a detail of one to three sentences', () => {
    const sentences = (s: string) => (s.match(/[。！？]/gu) ?? []).length;
    for (const t of GLOSSARY) {
      expect(t.term.trim(), t.id).not.toBe('');
      expect(t.short.trim(), t.id).toBe(t.short);
      expect(t.short.endsWith('。'), t.id).toBe(true);
      expect(sentences(t.short), `${t.id}: ${t.short}`).toBe(1);
      expect(t.detail.endsWith('。'), t.id).toBe(true);
      expect(sentences(t.detail), `${t.id}: ${t.detail}`).toBeGreaterThanOrEqual(1);
      expect(sentences(t.detail), `${t.id}: ${t.detail}`).toBeLessThanOrEqual(3);
      // simplified Chinese prose, no unexplained Latin abbreviations
      expect(t.short + t.detail, t.id).not.toMatch(/[A-Za-z]/);
      for (const a of t.aliases) expect(a.trim(), t.id).not.toBe('');
    }
  });

  it('cites the 2019 Regulations or the format notices, with article numbers in Chinese', () => {
    for (const t of GLOSSARY) {
      if (t.basis === undefined) continue;
      expect(t.basis, t.id).toMatch(
        /^(?:《中华人民共和国政府信息公开条例》第[一二三四五六七八九十]+条(?:第（[一二三四五六七八九十]+）项)?(?:、第[一二三四五六七八九十]+条)*|国办公开办函〔20(?:19|21)〕\d+号)$/u,
      );
    }
    expect(termById('mass-repeated')?.basis).toContain('第三十五条');
    expect(termById('review')?.basis).toContain('第五十一条');
    expect(termById('withheld')?.basis).toContain('第十四条');
  });

  it('reads in the order a newcomer needs', () => {
    const at = (i: string) => ids.indexOf(i);
    expect(ids.slice(0, 2)).toEqual(['proactive', 'on-request']);
    const outcomes = ['granted', 'partial', 'withheld', 'unable', 'not-processed', 'other-handling', 'carried-forward'];
    expect(outcomes.map(at)).toEqual([...outcomes.map(at)].sort((a, b) => a - b));
    const sequence = ['carried-forward', 'natural-person', 'organisation', 'review', 'litigation', 'upheld', 'corrected', 'other-result', 'pending', 'hotline', 'resolved-rate', 'satisfaction-rate', 'mailbox', 'regulation', 'normative-document', 'licensing', 'penalty', 'coercion', 'fees', 'template-2019', 'template-2021', 'check'];
    expect(sequence.map(at)).toEqual([...sequence.map(at)].sort((a, b) => a - b));
  });

  it('is frozen data', () => {
    expect(Object.isFrozen(GLOSSARY)).toBe(true);
    expect(Object.isFrozen(GLOSSARY[0])).toBe(true);
    expect(Object.isFrozen(GLOSSARY[0].aliases)).toBe(true);
  });
});

describe('glossaryHref', () => {
  it('points at the term on the glossary page', () => {
    expect(glossaryHref('withheld')).toBe('/public/glossary#withheld');
    for (const t of GLOSSARY) expect(glossaryHref(t.id)).toBe(`/public/glossary#${t.id}`);
  });
});

describe('termFor: labels the public pages show', () => {
  it('maps each outcome group of table 三', () => {
    expect(OUTCOME_GROUPS.map((g) => id(g.label))).toEqual(['granted', 'partial', 'withheld', 'unable', 'not-processed', 'other-handling']);
    for (const g of OUTCOME_GROUPS) expect(id(`${g.number}${g.label}`)).toBe(id(g.label));
  });

  it('maps each column of table 四 and its groups', () => {
    expect(APPEAL_COLUMNS.map(id)).toEqual(['upheld', 'corrected', 'other-result', 'pending', 'total']);
    expect(APPEAL_GROUPS.map((g) => id(g.label))).toEqual(['review', 'litigation', 'litigation']);
    expect(id('行政复议')).toBe('review');
    expect(id('行政诉讼')).toBe('litigation');
  });

  it('maps each applicant column of table 三', () => {
    expect(APPLICANT_COLUMNS.map(id)).toEqual(['natural-person', 'business', 'research', 'public-interest', 'legal-services', 'other-applicant', 'total']);
    expect(APPLICANT_LABELS.every((l) => termFor(l) !== undefined)).toBe(true);
    expect(id('法人或其他组织')).toBe('organisation');
  });

  it('maps the head and tail rows of table 三 as printed', () => {
    const printed = (key: string) => APPLICATION_ROWS.find((r) => r.key === key)!.label;
    expect(id(printed('newReceived'))).toBe('on-request');
    expect(id(printed('carriedOver'))).toBe('carried-over');
    expect(id(printed('total'))).toBe('total');
    expect(id(printed('carriedForward'))).toBe('carried-forward');
    expect(id(printed('notProcessed.massRepeated'))).toBe('mass-repeated');
    expect(id('（二）部分公开（区分处理的，只计这一情形，不计其他情形）')).toBe('partial');
  });

  it('maps the rows of table 二 in both versions', () => {
    const expected: Record<string, string> = { regulations: 'regulation', normativeDocuments: 'normative-document', licensing: 'licensing', penalties: 'penalty', enforcement: 'coercion', fees: 'fees' };
    for (const row of PROACTIVE_ROWS) {
      if (!(row.key in expected)) continue;
      for (const label of Object.values(row.labels)) expect(id(label), label).toBe(expected[row.key]);
    }
  });

  it('maps the prose figures and the words of the two ways to disclose', () => {
    expect(id('主动公开')).toBe('proactive');
    expect(id('依申请公开')).toBe('on-request');
    expect(id('政务热线')).toBe('hotline');
    expect(id('12345')).toBe('hotline');
    expect(id('热线')).toBe('hotline');
    expect(id('办结率')).toBe('resolved-rate');
    expect(id('满意率')).toBe('satisfaction-rate');
    expect(id('县长信箱')).toBe('mailbox');
    expect(id('政府信箱')).toBe('mailbox');
    expect(id('尚未办结')).toBe('carried-forward');
    expect(id('结果纠正')).toBe('corrected');
  });

  it('maps the template versions and the checks as the UI prints them', () => {
    expect(id('2019年版')).toBe('template-2019');
    expect(id('2021年版格式')).toBe('template-2021');
    expect(id('2019年以前格式')).toBe('template-pre2019');
    expect(id('核对未通过')).toBe('check');
    expect(id('参考核对')).toBe('check');
  });

  it('maps the dashboard metrics the public pages chart', () => {
    const wanted: Record<string, string> = {
      'applications.newReceived': 'on-request',
      'applications.carriedOver': 'carried-over',
      'applications.total': 'total',
      'applications.carriedForward': 'carried-forward',
      'applications.granted': 'granted',
      'applications.denied': 'withheld',
      'applications.grantedRate': 'disclosure-rate',
      'applications.disclosedRate': 'disclosure-rate',
      'appeals.review.total': 'review',
      'appeals.review.corrected': 'corrected',
      'appeals.review.correctedRate': 'correction-rate',
      'appeals.litigation.total': 'litigation',
      'appeals.litigation.correctedRate': 'correction-rate',
      'proactive.licensing.decisions': 'licensing',
      'proactive.penalties.decisions': 'penalty',
      'proactive.enforcement.decisions': 'coercion',
      'activity.publishedItems': 'proactive',
      'hotline.received': 'hotline',
      'hotline.resolvedRate': 'resolved-rate',
      'hotline.satisfactionRate': 'satisfaction-rate',
      'mailbox.received': 'mailbox',
      'mailbox.resolvedRate': 'resolved-rate',
      'mailbox.satisfactionRate': 'satisfaction-rate',
    };
    for (const [metric, term] of Object.entries(wanted)) {
      const label = METRICS.find((m) => m.id === metric)!.label;
      expect(id(label), `${metric} ${label}`).toBe(term);
    }
  });

  it('maps every term and alias to its own entry, also with spaces around it', () => {
    for (const t of GLOSSARY) {
      expect(termFor(t.term)).toBe(t);
      expect(termFor(`  ${t.term}\n`)).toBe(t);
      for (const a of t.aliases) expect(termFor(a), a).toBe(t);
    }
  });
});

describe('termFor: numbering and strictness', () => {
  it('strips the numbering tables print', () => {
    expect(id('（三）不予公开')).toBe('withheld');
    expect(id('(三)不予公开')).toBe('withheld');
    expect(id('（四）无法提供')).toBe('unable');
    expect(id('四、结转下年度继续办理')).toBe('carried-forward');
    expect(id('（七）总计')).toBe('total');
    expect(id('（五）4.无正当理由大量反复申请')).toBe('mass-repeated');
    expect(id('4.无正当理由大量反复申请')).toBe('mass-repeated');
    expect(id('4、无正当理由大量反复申请')).toBe('mass-repeated');
    expect(id('（六）其他处理')).toBe('other-handling');
  });

  it('leaves rows without a term alone', () => {
    expect(termFor('（三）1.属于国家秘密')).toBeUndefined();
    expect(termFor('三、本年度办理结果')).toBeUndefined();
    expect(termFor('')).toBeUndefined();
    expect(termFor('   ')).toBeUndefined();
    expect(termFor('（三）')).toBeUndefined();
  });

  it('keeps the bare applicant column 其他 apart from the numbered cause 3.其他', () => {
    expect(id('其他')).toBe('other-applicant');
    expect(termFor('（六）3.其他')).toBeUndefined();
    expect(termFor('3.其他')).toBeUndefined();
    expect(termFor('（六）其他')).toBeUndefined();
  });

  it('never matches by substring', () => {
    expect(termFor('不予纠正')).toBeUndefined();
    expect(termFor('纠正率')).toBeUndefined();
    expect(termFor('公开')).toBeUndefined();
    expect(termFor('不予公开决定书')).toBeUndefined();
    expect(termFor('热线电话')).toBeUndefined();
    expect(termFor('行政复议案件')).toBeUndefined();
    expect(termFor('复议机关')).toBeUndefined();
    expect(termFor('其他处理情况')).toBeUndefined();
    expect(id('结果纠正')).toBe('corrected');
    expect(id('予以公开率')).toBe('disclosure-rate');
    for (const t of GLOSSARY) {
      for (const label of [t.term, ...t.aliases]) {
        expect(termFor(`某${label}`), `某${label}`).toBeUndefined();
        expect(termFor(`${label}某`), `${label}某`).toBeUndefined();
        if ([...label].length > 1) expect(termFor([...label].slice(1).join('')), label).not.toBe(t);
      }
    }
  });

  it('gives each label to one term only', () => {
    const owners = new Map<string, GlossaryTerm>();
    for (const t of GLOSSARY) {
      for (const label of [t.term, ...t.aliases]) {
        const k = label.normalize('NFKC').replace(/\s+/gu, '');
        expect(owners.get(k)?.id ?? t.id, label).toBe(t.id);
        owners.set(k, t);
      }
    }
  });
});
