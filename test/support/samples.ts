// Reports invented for tests: figures chosen to exercise every row, sign and unit.
import type { Report } from '../../lib/report/contract';
import { applicationRowsFor } from '../../lib/report/labels';

const rows = (keys: string[], seed: number) =>
  Object.fromEntries(
    keys.map((k, i) => {
      const first = (seed * (i + 3)) % 17;
      const second = i % 3;
      return [k, [first, second, 0, i % 2, 0, 1, first + second + (i % 2) + 1]];
    }),
  );

export function sampleV2019(): Report {
  return {
    schema: 'nianbao.report/1',
    region: { name: '示例县', city: null, province: null },
    issuer: '示例县人民政府',
    scope: 'jurisdiction',
    year: 2020,
    template: '2019',
    proactive: {
      regulations: { newlyMade: 0, newlyPublished: 0, totalPublished: 3 },
      normativeDocuments: { newlyMade: 12, newlyPublished: 12, totalPublished: 140 },
      licensing: { priorItems: 300, itemChange: 41, decisions: 12000 },
      otherServices: { priorItems: 400, itemChange: -25, decisions: 50001 },
      penalties: { priorItems: 1700, itemChange: -170, decisions: 999 },
      enforcement: { priorItems: 90, itemChange: 15, decisions: 2100 },
      fees: { priorItems: 20, itemChange: 1 },
      procurement: { projects: 150, amountWan: 12345.67 },
    },
    applications: rows(applicationRowsFor('otherSingle'), 5),
    appeals: { review: [1, 2, 0, 1, 4], litigationDirect: [0, 1, 0, 0, 1], litigationAfterReview: [2, 0, 0, 0, 2] },
    checks: [],
    tables: ['proactive', 'applications', 'appeals'],
    warnings: [],
    sources: {},
  };
}

export function sampleV2021(): Report {
  return {
    ...sampleV2019(),
    year: 2023,
    template: '2021',
    proactive: {
      regulations: { issued: 1, repealed: 0, inForce: 11 },
      normativeDocuments: { issued: 8, repealed: 26, inForce: 66 },
      licensing: { decisions: 447000 },
      penalties: { decisions: 3900000 },
      enforcement: { decisions: 88000 },
      fees: { amountWan: 9617.16 },
    },
    applications: rows(applicationRowsFor('otherSplit'), 7),
  };
}
