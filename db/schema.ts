// The database: regions, source files, reports (with versions and copies), figures, checks
// and warnings. The same schema and migrations serve PGlite and PostgreSQL.

import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  doublePrecision,
  type PgDoublePrecisionBuilderInitial,
  index,
  integer,
  jsonb,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';
import type { ParsedFile } from '../lib/parse/file';
import type { IdentityAssignment } from '../lib/upload/assign';
import type { UploadDigest } from '../lib/upload/preview';
import type { CheckFailure, Report } from '../lib/report/contract';
import { FACT_COLUMNS, type FactColumn } from '../lib/report/facts';

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => 'bytea' });

/** province → city → county/district → body (department, township). Keyed by GB/T 2260 code where one exists. */
export const regions = pgTable(
  'regions',
  {
    id: serial('id').primaryKey(),
    code: varchar('code', { length: 12 }),
    name: text('name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'body'] }).notNull(),
    /** for bodies: department or township */
    kind: text('kind', { enum: ['department', 'township'] }),
    parentId: integer('parent_id'),
  },
  (t) => [
    uniqueIndex('regions_code_unique').on(t.code),
    uniqueIndex('regions_parent_name_unique').on(sql`coalesce(${t.parentId}, 0)`, t.name),
    index('regions_parent_idx').on(t.parentId),
  ],
);

/** Every name a region is printed under: 会同县, 会同, 會同縣, 会同县人民政府 … */
export const regionAliases = pgTable(
  'region_aliases',
  {
    alias: text('alias').notNull(),
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
  },
  (t) => [uniqueIndex('region_aliases_unique').on(t.alias, t.regionId), index('region_aliases_alias_idx').on(t.alias)],
);

/**
 * One row per version of a report. Reports of the same body, year and scope share an
 * identity key; the latest version is current. Copies of a version are its source files.
 */
export const reports = pgTable(
  'reports',
  {
    id: serial('id').primaryKey(),
    identityKey: text('identity_key').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    year: integer('year'),
    scope: text('scope', { enum: ['jurisdiction', 'government', 'department', 'township', 'unknown'] }).notNull(),
    issuer: text('issuer'),
    template: text('template', { enum: ['2019', '2021', 'pre2019'] }),
    version: integer('version').notNull().default(1),
    isCurrent: boolean('is_current').notNull().default(true),
    supersedesId: integer('supersedes_id'),
    /** hash of the figures: equal hashes under one identity are copies of one version */
    figuresHash: varchar('figures_hash', { length: 64 }).notNull(),
    status: text('status', { enum: ['parsed', 'checks_failed'] }).notNull(),
    /** complete: all three tables; tables: some tables; prose: prose figures only */
    completeness: text('completeness', { enum: ['complete', 'tables', 'prose'] }).notNull(),
    parserVersion: text('parser_version').notNull(),
    /** the parser's whole output, for display and for comparing versions: the figures as printed */
    document: jsonb('document').$type<Report>().notNull(),
    /**
     * The document with staff's corrections applied and its checks run again (db/corrections.ts);
     * null when nothing is corrected. Figures, checks, facts and exports are derived from it.
     */
    effective: jsonb('effective').$type<Report>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('reports_identity_idx').on(t.identityKey),
    // neighbours are looked up by the range `region|` ≤ identity_key < `region}` (with
    // `LIKE 'region|%|scope'`): such a prefix search needs this operator class unless the
    // database collation is C
    index('reports_identity_prefix_idx').on(t.identityKey.op('text_pattern_ops')),
    index('reports_region_year_idx').on(t.regionId, t.year),
    uniqueIndex('reports_identity_version_unique').on(t.identityKey, t.version),
  ],
);

/** Every file ever ingested or bundled, with its bytes: nothing is lost, everything can be re-parsed. */
export const sourceFiles = pgTable(
  'source_files',
  {
    id: serial('id').primaryKey(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    /** null for a bundled report whose text is not shipped: it gains its bytes when the file is ingested */
    bytes: bytea('bytes'),
    name: text('name').notNull(),
    format: text('format', { enum: ['text', 'html', 'pdf', 'docx', 'unknown'] }).notNull(),
    size: integer('size').notNull(),
    url: text('url'),
    encoding: text('encoding'),
    /** the text the parser read (extracted from PDF/HTML/DOCX); figure lines point into it */
    text: text('text'),
    status: text('status', { enum: ['parsed', 'checks_failed', 'failed'] }).notNull(),
    error: text('error'),
    parserVersion: text('parser_version').notNull(),
    reportId: integer('report_id').references(() => reports.id),
    /** how it relates to its report: the file that created the version, or another copy */
    role: text('role', { enum: ['original', 'copy'] }),
    bundled: boolean('bundled').notNull().default(false),
    /** the staff account that uploaded it in the app (null: CLI, bundle or synthetic) */
    uploadedBy: integer('uploaded_by'),
    /** what staff set at upload that the file does not say (region, year, scope): re-parsing applies it again */
    assigned: jsonb('assigned').$type<IdentityAssignment>(),
    ingestedAt: timestamp('ingested_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('source_files_sha256_unique').on(t.sha256), index('source_files_report_idx').on(t.reportId)],
);

/** One row per figure: table 二/三/四 cells and prose figures, with the line they came from. */
export const figures = pgTable(
  'figures',
  {
    /**
     * No foreign key: these ~200 rows per report are derived, written only by writeDerived in the
     * report's own transaction and deleted with it (db/reparse.ts). The key's per-row check was
     * a third of the server's time per ingest.
     */
    reportId: integer('report_id').notNull(),
    /** the contract path, e.g. applications.total[6] */
    path: text('path').notNull(),
    tableName: text('table_name', { enum: ['proactive', 'applications', 'appeals', 'activity'] }).notNull(),
    rowKey: text('row_key').notNull(),
    columnKey: text('column_key').notNull(),
    value: doublePrecision('value'),
    line: integer('line'),
  },
  (t) => [uniqueIndex('figures_report_path_unique').on(t.reportId, t.path)],
);

export const checkResults = pgTable(
  'check_results',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    checkId: text('check_id').notNull(),
    ok: boolean('ok').notNull(),
    severity: text('severity', { enum: ['hard', 'soft'] }).notNull(),
    detail: text('detail'),
    failures: jsonb('failures').$type<CheckFailure[]>(),
    /** checks across years name the other report */
    otherReportId: integer('other_report_id'),
  },
  (t) => [
    index('check_results_report_idx').on(t.reportId),
    index('check_results_check_idx').on(t.checkId, t.ok),
    // failures only (a few per cent of rows), covering what coverage and the failed-checks list read
    index('check_results_failures_idx').on(t.reportId, t.checkId, t.severity, t.id).where(sql`not ${t.ok}`),
  ],
);

export const reportWarnings = pgTable(
  'report_warnings',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    message: text('message').notNull(),
    line: integer('line'),
  },
  (t) => [index('report_warnings_report_idx').on(t.reportId)],
);

const factColumns = Object.fromEntries(FACT_COLUMNS.map((c) => [c, doublePrecision()])) as Record<FactColumn, PgDoublePrecisionBuilderInitial<''>>;

/**
 * One row per current report that has a region and a year: where it sits (its region's level
 * and ancestors), its scope and template, and the figures the dashboard adds up
 * (lib/report/facts.ts). Kept current at ingest (db/facts.ts); the queries of db/queries/ read
 * it instead of figures, so that no query joins 200 figure rows per report or filters versions.
 */
export const reportFacts = pgTable(
  'report_facts',
  {
    reportId: integer('report_id')
      .primaryKey()
      .references(() => reports.id, { onDelete: 'cascade' }),
    identityKey: text('identity_key').notNull(),
    /** the report's figures hash when the row was derived: a row whose report changed in place is stale */
    figuresHash: varchar('figures_hash', { length: 64 }).notNull(),
    regionId: integer('region_id').notNull(),
    level: text('level', { enum: ['province', 'city', 'county', 'body'] }).notNull(),
    kind: text('kind', { enum: ['department', 'township'] }),
    parentId: integer('parent_id'),
    /** nearest ancestors of these levels (never the region itself) */
    cityId: integer('city_id'),
    provinceId: integer('province_id'),
    year: integer('year').notNull(),
    scope: text('scope', { enum: ['jurisdiction', 'government', 'department', 'township', 'unknown'] }).notNull(),
    template: text('template', { enum: ['2019', '2021', 'pre2019'] }),
    completeness: text('completeness', { enum: ['complete', 'tables', 'prose'] }).notNull(),
    ...factColumns,
  },
  (t) => [
    uniqueIndex('report_facts_identity_unique').on(t.identityKey),
    index('report_facts_scope_year_idx').on(t.scope, t.year, t.level),
    index('report_facts_region_idx').on(t.regionId, t.scope, t.year),
    index('report_facts_province_idx').on(t.provinceId, t.scope, t.year),
    index('report_facts_city_idx').on(t.cityId, t.scope, t.year),
    index('report_facts_parent_idx').on(t.parentId, t.scope, t.year),
  ],
);

/**
 * Staff who may upload and publish reports. An account limited to a region may read and write
 * only that region and the regions under it (null: every region).
 */
export const accounts = pgTable(
  'accounts',
  {
    id: serial('id').primaryKey(),
    name: text('name').notNull(),
    /** scrypt, with its parameters and salt (lib/auth/password.ts) */
    passwordHash: text('password_hash').notNull(),
    regionId: integer('region_id').references(() => regions.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('accounts_name_unique').on(t.name)],
);

/** Signed-in sessions. Only a hash of the cookie's token is stored: a copy of the table signs no one in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: varchar('token_hash', { length: 64 }).primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_account_idx').on(t.accountId)],
);

/**
 * Files uploaded in the app and parsed, waiting for their uploader to check the preview and
 * publish them (which stores them through db/ingest.ts) or discard them. Nothing here is
 * shown outside the uploader's own pages.
 */
export const stagedUploads = pgTable(
  'staged_uploads',
  {
    id: serial('id').primaryKey(),
    accountId: integer('account_id')
      .notNull()
      .references(() => accounts.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    bytes: bytea('bytes').notNull(),
    /** the parse: the file as the parser read it, or null with its error */
    parsed: jsonb('parsed').$type<ParsedFile>(),
    error: text('error'),
    /** what the lists show, derived once from the parse */
    digest: jsonb('digest').$type<UploadDigest>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('staged_uploads_account_idx').on(t.accountId, t.id)],
);

/**
 * A figure corrected by staff, with the reason. The printed figure stays in the report's
 * document; an undone correction stays here, marked undone. Only the latest live correction
 * of a figure applies.
 */
export const corrections = pgTable(
  'corrections',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => reports.id, { onDelete: 'cascade' }),
    /** the contract path of the figure, e.g. appeals.review[4] */
    path: text('path').notNull(),
    /** the figure as printed when it was corrected */
    printed: doublePrecision('printed'),
    /** the corrected figure (null: the cell is blank) */
    value: doublePrecision('value'),
    reason: text('reason').notNull(),
    accountId: integer('account_id').references(() => accounts.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    undoneAt: timestamp('undone_at', { withTimezone: true }),
    undoneBy: integer('undone_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [index('corrections_report_idx').on(t.reportId, t.path)],
);

/**
 * The bodies (departments, townships) of a county or city that must publish a report each
 * year: staff list them, so that the missing ones can be named against the legal deadlines.
 */
export const expectedBodies = pgTable(
  'expected_bodies',
  {
    id: serial('id').primaryKey(),
    /** the county (or city) they belong to */
    regionId: integer('region_id')
      .notNull()
      .references(() => regions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['department', 'township'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: integer('created_by').references(() => accounts.id, { onDelete: 'set null' }),
  },
  (t) => [uniqueIndex('expected_bodies_region_name_unique').on(t.regionId, t.name)],
);

export type RegionRow = typeof regions.$inferSelect;
export type ReportRow = typeof reports.$inferSelect;
export type SourceFileRow = typeof sourceFiles.$inferSelect;
