// Mutation fuzzing of the whole parse, from bytes to report. A case passes when the parse
// either returns a report that satisfies the contract's schema or rejects with the parser's
// own error, ReportReadError, and in both cases finishes within the time bound.
// Shared by the bounded CI test (test/fuzz.test.ts) and the long run (scripts/fuzz.ts).

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ReportReadError } from '../../lib/formats/errors';
import { parseReportBytes } from '../../lib/parse/file';
import { renderHtml } from '../../lib/render/html';
import { mirrorText, seededPick } from '../../lib/render/mirror';
import { renderText } from '../../lib/render/report';
import { reportSchema } from '../../lib/report/schema';
import { sampleV2019, sampleV2021 } from './samples';

export interface Seed {
  name: string;
  bytes: Uint8Array;
}

type Pick = (n: number) => number;

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });
const NOISE = ['|', ' | ', '\n', '0', '-1', '+', '99999999999999999999', '1.5万元', '元', '?', '\ufffd', '（', ')', '(huì)', '會', '第二十条第(一)项', '总计', '四、政府信息公开行政复议、行政诉讼情况', '三、收到和处理政府信息公开申请情况', '一、本年新收政府信息公开申请数量', '\u0000', '\ud800', '<td colspan="9999">', '</table>', '%PDF-'];

export function seeds(corpusDir: string | null): Seed[] {
  const out: Seed[] = [];
  for (const [name, report] of [['v2019', sampleV2019()], ['v2021', sampleV2021()]] as const) {
    for (const layout of ['cellPerLine', 'cellBar', 'pipe', 'spaced'] as const) out.push({ name: `rendered-${name}-${layout}`, bytes: encoder.encode(renderText(report, layout)) });
    out.push({ name: `rendered-${name}-mirror`, bytes: encoder.encode(mirrorText(renderText(report, 'cellPerLine'), seededPick(7))) });
    out.push({ name: `rendered-${name}-html`, bytes: encoder.encode(renderHtml(report)) });
  }
  if (corpusDir) {
    for (const f of readdirSync(corpusDir).filter((n) => /\.(txt|html|pdf|docx)$/u.test(n)).sort()) {
      out.push({ name: f, bytes: new Uint8Array(readFileSync(join(corpusDir, f))) });
    }
  }
  return out;
}

const isText = (bytes: Uint8Array) => !(bytes[0] === 0x25 && bytes[1] === 0x50) && !(bytes[0] === 0x50 && bytes[1] === 0x4b);

/** One random mutation: text mutations on text seeds, byte mutations on binary ones. */
export function mutate(bytes: Uint8Array, pick: Pick): Uint8Array {
  if (!isText(bytes) || pick(10) === 0) return mutateBytes(bytes, pick);
  const lines = decoder.decode(bytes).split('\n');
  const rounds = 1 + pick(4);
  for (let r = 0; r < rounds; r++) mutateLines(lines, pick);
  return encoder.encode(lines.join('\n'));
}

function mutateLines(lines: string[], pick: Pick): void {
  const i = pick(Math.max(lines.length, 1));
  switch (pick(9)) {
    case 0: // truncate
      lines.length = Math.max(1, i);
      break;
    case 1: // delete a run of lines
      lines.splice(i, 1 + pick(20));
      break;
    case 2: // duplicate a run
      lines.splice(i, 0, ...lines.slice(i, i + 1 + pick(30)));
      break;
    case 3: {
      // shuffle a window
      const w = lines.slice(i, i + 2 + pick(30));
      for (let k = w.length - 1; k > 0; k--) {
        const j = pick(k + 1);
        [w[k], w[j]] = [w[j], w[k]];
      }
      lines.splice(i, w.length, ...w);
      break;
    }
    case 4: // insert noise into a line
      lines[i] = insertAt(lines[i] ?? '', NOISE[pick(NOISE.length)], pick);
      break;
    case 5: // replace digits
      lines[i] = (lines[i] ?? '').replace(/\d/gu, () => String(pick(10)));
      break;
    case 6: // cut a line in two
      {
        const s = lines[i] ?? '';
        const at = pick(s.length + 1);
        lines.splice(i, 1, s.slice(0, at), s.slice(at));
      }
      break;
    case 7: {
      // a very long line (of at most about 4 MB: a page may be one line already)
      const line = lines[i] ?? '数';
      lines.splice(i, 0, line.repeat(Math.min(1 + pick(400), Math.ceil(4_000_000 / Math.max(line.length, 1)))));
      break;
    }
    default: // remove characters
      lines[i] = (lines[i] ?? '').slice(0, pick(8)) + (lines[i] ?? '').slice(pick(8) + pick(20));
  }
}

function insertAt(s: string, piece: string, pick: Pick): string {
  const at = pick(s.length + 1);
  return s.slice(0, at) + piece + s.slice(at);
}

function mutateBytes(bytes: Uint8Array, pick: Pick): Uint8Array {
  const out = bytes.slice(0, pick(3) === 0 ? Math.max(1, pick(bytes.length)) : bytes.length);
  const flips = 1 + pick(32);
  for (let k = 0; k < flips && out.length; k++) out[pick(out.length)] = pick(256);
  return out;
}

export interface CaseResult {
  outcome: 'report' | 'read-error';
  ms: number;
}

/** Runs one case; throws (failing the run) on anything but a valid report or a ReportReadError. */
export async function runCase(bytes: Uint8Array, name: string, timeLimitMs: number): Promise<CaseResult> {
  const t0 = performance.now();
  try {
    const { report } = await parseReportBytes(bytes, name, { timeLimitMs });
    const valid = reportSchema.safeParse(report);
    if (!valid.success) throw new Error(`${name}: output breaks the contract: ${valid.error.issues[0]?.path.join('.')}: ${valid.error.issues[0]?.message}`);
    return { outcome: 'report', ms: performance.now() - t0 };
  } catch (err) {
    if (err instanceof ReportReadError) return { outcome: 'read-error', ms: performance.now() - t0 };
    throw err;
  }
}

export interface FuzzSummary {
  cases: number;
  reports: number;
  readErrors: number;
  slowestMs: number;
  slowestCase: string;
}

/** `onCase` hears each case's label before it runs (to name the case of a crash). */
export async function fuzz(
  allSeeds: Seed[],
  cases: number,
  seed: number,
  timeLimitMs: number,
  onProgress?: (done: number) => void,
  onCase?: (label: string) => void,
): Promise<FuzzSummary> {
  // one untimed run per kind of seed first: the first PDF loads pdf.js (seconds on a busy
  // machine), which is no slowness of any case
  const kinds = new Set<string>();
  for (const s of allSeeds) {
    const kind = isText(s.bytes) ? 'text' : s.name.slice(-4);
    if (kinds.has(kind)) continue;
    kinds.add(kind);
    await runCase(s.bytes, s.name, timeLimitMs);
  }
  const pick = seededPick(seed);
  const summary: FuzzSummary = { cases: 0, reports: 0, readErrors: 0, slowestMs: 0, slowestCase: '' };
  for (let c = 0; c < cases; c++) {
    const s = allSeeds[pick(allSeeds.length)];
    const bytes = mutate(s.bytes, pick);
    const label = `${s.name}#${c} (seed ${seed})`;
    onCase?.(label);
    const { outcome, ms } = await runCase(bytes, s.name, timeLimitMs);
    summary.cases++;
    if (outcome === 'report') summary.reports++;
    else summary.readErrors++;
    if (ms > summary.slowestMs) Object.assign(summary, { slowestMs: ms, slowestCase: label });
    if (onProgress && c % 1000 === 999) onProgress(c + 1);
  }
  return summary;
}
