// The contract as a zod schema: validates reports read back from JSON (stored reports,
// uploads, expected files) and every parser output in the fuzz tests.

import { z } from 'zod';
import { APPEAL_COLUMNS, APPEAL_GROUPS, APPLICANT_COLUMNS, APPLICATION_ROW_KEYS, PROACTIVE_ROWS } from './labels';
import { SCHEMA } from './contract';

const cell = z.number().finite().nullable();
const applicantRow = z.array(cell).length(APPLICANT_COLUMNS.length);
const appealRow = z.array(cell).length(APPEAL_COLUMNS.length);

const channel = z.strictObject({
  name: z.string().min(1),
  received: z.number().finite().optional(),
  resolved: z.number().finite().optional(),
  resolutionRate: z.number().finite().optional(),
  callbackRate: z.number().finite().optional(),
  satisfactionRate: z.number().finite().optional(),
});

export const reportSchema = z.strictObject({
  schema: z.literal(SCHEMA),
  region: z.strictObject({ name: z.string().nullable(), city: z.string().nullable(), province: z.string().nullable() }),
  issuer: z.string().nullable(),
  scope: z.enum(['jurisdiction', 'government', 'department', 'township', 'unknown']),
  year: z.number().int().min(2000).max(2099).nullable(),
  template: z.enum(['2019', '2021', 'pre2019']).nullable(),
  proactive: z.partialRecord(z.enum(PROACTIVE_ROWS.map((r) => r.key) as [string, ...string[]]), z.record(z.string(), cell)).optional(),
  applications: z.partialRecord(z.enum(APPLICATION_ROW_KEYS as [string, ...string[]]), applicantRow).optional(),
  appeals: z.strictObject(Object.fromEntries(APPEAL_GROUPS.map((g) => [g.key, appealRow])) as Record<(typeof APPEAL_GROUPS)[number]['key'], typeof appealRow>).optional(),
  activity: z
    .strictObject({
      publishedItems: z.number().finite().optional(),
      hotlines: z.array(channel).optional(),
      mailboxes: z.array(channel).optional(),
      applications: z.strictObject({ received: z.number().finite().optional(), carriedOver: z.number().finite().optional() }).optional(),
    })
    .optional(),
  checks: z.array(
    z.strictObject({
      id: z.string(),
      ok: z.boolean(),
      severity: z.enum(['hard', 'soft']),
      detail: z.string().optional(),
      failures: z
        .array(
          z.strictObject({
            table: z.enum(['二', '三', '四', '正文']),
            row: z.string(),
            column: z.string(),
            expected: z.number().finite(),
            found: cell,
            line: z.number().int().positive().optional(),
          }),
        )
        .optional(),
    }),
  ),
  tables: z.array(z.enum(['proactive', 'applications', 'appeals'])),
  warnings: z.array(z.strictObject({ code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/u), message: z.string().min(1), line: z.number().int().positive().nullable() })),
  sources: z.record(z.string(), z.number().int().positive()),
});
