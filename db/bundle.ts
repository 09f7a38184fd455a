// The bundled data (data/): the figures of every corpus report the parser reads, shipped without
// the reports' text, plus the seed report with its text. `npm run bundle` writes it from
// ../shared/corpus; `npm run prepare-db` loads it into the database.
//
// Layout: data/reports/<file name>.json, one report per file, in a stable pretty-printed form;
// data/sources/ holds the only shipped text (the seed report).

import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { count, eq, isNotNull, sql } from 'drizzle-orm';
import { parseReportBytes } from '../lib/parse/file';
import { PARSER_VERSION } from '../lib/parse/report';
import type { Report } from '../lib/report/contract';
import type { Db } from './client';
import { ingestBundled, ingestFile, reportStatus, type BundledInput, type IngestResult } from './ingest';
import { reparseVersion, rewriteVersion, type ReparseOutcome } from './reparse';
import { reports, sourceFiles } from './schema';

export const BUNDLE_SCHEMA = 'nianbao.bundle/1' as const;
export const DATA_DIR = fileURLToPath(new URL('../data/', import.meta.url));
export const REPORTS_SUBDIR = 'reports';
export const SOURCES_SUBDIR = 'sources';

/** The seed report: the only report whose text is shipped (copied from the golden test's fixture). */
export const SEED_FILE = 'huitong-2020.txt';
export const SEED_SOURCE = fileURLToPath(new URL(`../test/fixtures/${SEED_FILE}`, import.meta.url));

const SOURCE = /\.(txt|html?|pdf|docx)$/iu;

export interface BundleEntry extends BundledInput {
  schema: typeof BUNDLE_SCHEMA;
  /** the shipped text, relative to data/ (only the seed); loading ingests it with ingestFile */
  text: string | null;
  parserVersion: string;
}

export interface Skipped {
  name: string;
  error: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/**
 * Warnings about prose quote the sentence they read ('…发布各类信息6900多条'). That is report text,
 * which is not shipped: the quote is cut, the warning's code and line stay.
 */
export function withoutQuotedText(report: Report): Report {
  return { ...report, warnings: report.warnings.map((w) => ({ ...w, message: w.message.replace(/'[^'\n]*'/gu, "'…'") })) };
}

/** The sources of a corpus folder: every source with an expected file, and any other source file. */
export function corpusSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isFile() && SOURCE.test(d.name))
    .map((d) => d.name)
    .sort();
}

function sourceUrl(dir: string, file: string): string | null {
  const expected = join(dir, `${file.replace(SOURCE, '')}.expected.json`);
  if (!existsSync(expected)) return null;
  const url = (JSON.parse(readFileSync(expected, 'utf8')) as { _source?: { url?: unknown } })._source?.url;
  return typeof url === 'string' && url.length > 0 ? url : null;
}

/**
 * Parses every source of a corpus folder into bundle entries, in file name order (files the
 * parser cannot read are skipped). The seed is always included, from its fixture when the
 * corpus does not hold it.
 */
export async function buildBundle(corpusDir: string, seedSource = SEED_SOURCE): Promise<{ entries: BundleEntry[]; skipped: Skipped[] }> {
  const entries: BundleEntry[] = [];
  const skipped: Skipped[] = [];
  const names = corpusSources(corpusDir);
  const files = names.map((name) => ({ name, path: join(corpusDir, name) }));
  if (!names.includes(SEED_FILE)) files.push({ name: SEED_FILE, path: seedSource });
  files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const { name, path } of files) {
    const bytes = new Uint8Array(readFileSync(path));
    try {
      const { format, report } = await parseReportBytes(bytes, name);
      entries.push({
        schema: BUNDLE_SCHEMA,
        name,
        sha256: sha256(bytes),
        size: bytes.length,
        format,
        url: sourceUrl(corpusDir, name),
        text: name === SEED_FILE ? `${SOURCES_SUBDIR}/${SEED_FILE}` : null,
        parserVersion: PARSER_VERSION,
        report: withoutQuotedText(report),
      });
    } catch (err) {
      skipped.push({ name, error: err instanceof Error ? err.message : String(err) });
    }
  }
  return { entries, skipped };
}

/**
 * Pretty-printed JSON with arrays of plain values on one line ([0, 3, null, 1]): a changed
 * figure is a one-line diff, and a report stays short enough to read.
 */
export function formatJson(value: unknown, indent = ''): string {
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    if (value.every((v) => v === null || typeof v !== 'object')) return `[${value.map((v) => JSON.stringify(v)).join(', ')}]`;
    const inner = indent + '  ';
    return `[\n${value.map((v) => inner + formatJson(v, inner)).join(',\n')}\n${indent}]`;
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.entries(value).filter(([, v]) => v !== undefined);
    if (keys.length === 0) return '{}';
    const inner = indent + '  ';
    return `{\n${keys.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${formatJson(v, inner)}`).join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

export const entryFileName = (entry: Pick<BundleEntry, 'name'>) => `${entry.name}.json`;
export const formatEntry = (entry: BundleEntry) => formatJson(entry) + '\n';

/** Writes data/reports/ (removing reports no longer bundled) and the seed's text. */
export function writeBundle(entries: BundleEntry[], dataDir = DATA_DIR, seedSource = SEED_SOURCE): { written: string[]; removed: string[] } {
  const dir = join(dataDir, REPORTS_SUBDIR);
  mkdirSync(dir, { recursive: true });
  const wanted = new Map(entries.map((e) => [entryFileName(e), formatEntry(e)]));
  const removed: string[] = [];
  for (const file of readdirSync(dir)) {
    if (file.endsWith('.json') && !wanted.has(file)) {
      rmSync(join(dir, file));
      removed.push(file);
    }
  }
  const written: string[] = [];
  for (const [file, content] of wanted) {
    const path = join(dir, file);
    if (existsSync(path) && readFileSync(path, 'utf8') === content) continue;
    writeFileSync(path, content);
    written.push(file);
  }
  for (const entry of entries) {
    if (!entry.text) continue;
    const target = join(dataDir, entry.text);
    const bytes = readFileSync(seedSource);
    if (sha256(bytes) !== entry.sha256) throw new Error(`${seedSource} is not the bundled ${entry.name} (sha256 differs)`);
    if (existsSync(target) && sha256(readFileSync(target)) === entry.sha256) continue;
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    written.push(entry.text);
  }
  return { written, removed };
}

/** The bundle as shipped, in file name order. */
export function readBundle(dataDir = DATA_DIR): BundleEntry[] {
  const dir = join(dataDir, REPORTS_SUBDIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => {
      const entry = JSON.parse(readFileSync(join(dir, f), 'utf8')) as BundleEntry;
      if (entry.schema !== BUNDLE_SCHEMA) throw new Error(`${join(dir, f)}: not a ${BUNDLE_SCHEMA} file`);
      return entry;
    });
}

export interface LoadSummary {
  results: IngestResult[];
  /** reports created by this load (new reports and new versions) */
  created: number;
  /** stored reports brought up to date with a bundle (or parser) newer than the one they came from */
  updated: number;
  /** current reports in the database */
  reports: number;
  /** regions that have a current report */
  regions: number;
}

/**
 * Loads the bundle: the seed with its text (ingestFile), every other report as figures only
 * (ingestBundled). Idempotent: files already known are left alone.
 */
export async function loadBundle(db: Db, dataDir = DATA_DIR, entries = readBundle(dataDir)): Promise<LoadSummary> {
  const results: IngestResult[] = [];
  const updates: ReparseOutcome[] = [];
  // the seed first, so that it is the original of its report and any bundled copy attaches to it
  const ordered = [...entries.filter((e) => e.text), ...entries.filter((e) => !e.text)];
  for (const entry of ordered) {
    let result: IngestResult;
    if (entry.text) {
      const bytes = new Uint8Array(readFileSync(join(dataDir, entry.text)));
      if (sha256(bytes) !== entry.sha256) throw new Error(`${join(dataDir, entry.text)} does not match its bundle entry ${entry.name}; run npm run bundle`);
      result = await ingestFile(db, { bytes, name: entry.name, url: entry.url });
    } else {
      const { name, sha256: sha, size, format, url, report } = entry;
      result = await ingestBundled(db, { name, sha256: sha, size, format, url, report });
    }
    results.push(result);
    if (result.kind === 'unchanged') {
      const update = await refreshKnown(db, entry);
      if (update) updates.push(update);
    }
  }
  const failed = results.filter((r) => r.kind === 'failed');
  if (failed.length) throw new Error(`bundled reports could not be loaded: ${failed.map((r) => `${r.file} (${r.error})`).join(', ')}`);
  const [{ n: reportCount }] = await db.select({ n: count() }).from(reports).where(eq(reports.isCurrent, true));
  const [{ n: regionCount }] = await db
    .select({ n: sql<number>`count(distinct ${reports.regionId})`.mapWith(Number) })
    .from(reports)
    .where(sql`${reports.isCurrent} and ${isNotNull(reports.regionId)}`);
  return {
    results,
    created: results.filter((r) => r.kind === 'stored' || r.kind === 'version').length,
    updated: updates.filter((u) => u.kind === 'changed').length,
    reports: reportCount,
    regions: regionCount,
  };
}

/**
 * A bundle entry already in the database may come from an older parser. A report stored from
 * the bundle (figures without text) takes the bundle's figures; one stored with its text (the
 * seed, or a file ingested later) is parsed again. Either way a report that already matches is
 * left alone.
 */
async function refreshKnown(db: Db, entry: BundleEntry): Promise<ReparseOutcome | null> {
  const [file] = await db
    .select({ id: sourceFiles.id, name: sourceFiles.name, sha256: sourceFiles.sha256, reportId: sourceFiles.reportId, role: sourceFiles.role, hasBytes: sql<boolean>`${sourceFiles.bytes} is not null` })
    .from(sourceFiles)
    .where(eq(sourceFiles.sha256, entry.sha256));
  if (!file || file.reportId === null || file.role !== 'original') return null;
  if (file.hasBytes) return reparseVersion(db, file.reportId);
  return rewriteVersion(db, file.reportId, file, entry.report, { status: reportStatus(entry.report), parserVersion: PARSER_VERSION, error: null });
}
