// fast-check arbitraries of contract objects, for round trips through the renderers.
import fc from 'fast-check';
import type { Cell, Report } from '../../lib/report/contract';
import { APPEAL_GROUPS, PROACTIVE_COLUMNS, PROACTIVE_ROWS, applicationRowsFor, proactiveRowLabel } from '../../lib/report/labels';

export interface ArbitraryOptions {
  /** blank cells can only be told apart in layouts that print cell borders */
  blanks: boolean;
}

const count = fc.integer({ min: 0, max: 99999 });
const money = fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100);

function cellOf(base: fc.Arbitrary<number>, { blanks }: ArbitraryOptions): fc.Arbitrary<Cell> {
  return blanks ? fc.oneof({ weight: 9, arbitrary: base }, { weight: 1, arbitrary: fc.constant(null) }) : base;
}

export function arbitraryReport(options: ArbitraryOptions): fc.Arbitrary<Report> {
  return fc.constantFrom('2019' as const, '2021' as const).chain((version) => {
    const proactiveRows = PROACTIVE_ROWS.filter((r) => proactiveRowLabel(r.key, version) !== undefined);
    const proactive = fc.record(
      Object.fromEntries(
        proactiveRows.map((row) => {
          const columns = PROACTIVE_COLUMNS[version][row.article];
          return [
            row.key,
            fc.record(
              Object.fromEntries(
                columns.map((c) => [c.key, cellOf(c.money ? money : c.signed ? fc.integer({ min: -999, max: 9999 }) : count, options)]),
              ),
            ),
          ];
        }),
      ),
    );
    const shape = version === '2019' ? fc.constant('otherSingle' as const) : fc.constantFrom('otherSingle' as const, 'otherSplit' as const);
    const applications = shape.chain((s) =>
      fc.record(Object.fromEntries(applicationRowsFor(s).map((k) => [k, fc.array(cellOf(fc.integer({ min: 0, max: 5000 }), options), { minLength: 7, maxLength: 7 })]))),
    );
    const appeals = fc.record(
      Object.fromEntries(APPEAL_GROUPS.map((g) => [g.key, fc.array(cellOf(fc.integer({ min: 0, max: 400 }), options), { minLength: 5, maxLength: 5 })])),
    );
    return fc.record({ proactive, applications, appeals, year: fc.integer({ min: version === '2019' ? 2019 : 2021, max: version === '2019' ? 2020 : 2025 }) }).map(
      ({ proactive: p, applications: a, appeals: q, year }) =>
        ({
          schema: 'nianbao.report/1',
          region: { name: '示例县', city: null, province: null },
          issuer: '示例县人民政府',
          scope: 'jurisdiction',
          year,
          template: version,
          proactive: p,
          applications: a,
          appeals: q,
          checks: [],
          tables: ['proactive', 'applications', 'appeals'],
          warnings: [],
          sources: {},
        }) as unknown as Report,
    );
  });
}
