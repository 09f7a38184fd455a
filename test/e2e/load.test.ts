// Issue 11, end to end: the public region page holds 200 connections (NIANBAO_LOAD_CONNECTIONS)
// for 30 s (autocannon in a second process, loopback) with no error and no non-2xx answer, while staff upload and publish
// the whole corpus through the upload endpoints, batch after batch (scripts/load-test.ts does
// the run; `npm run -s load-test` prints the same figures in full). Each file is published as
// soon as it is parsed, so publishing (and the revalidation of the public pages it triggers)
// happens under the load; the first batch is finished after the load if it takes longer.
// NIANBAO_LOAD_SECONDS shortens the load for a quick local run. That the server accepts 200
// connections at once at all is lib/server/admission.ts's doing (test/admission.test.ts).
import { describe, expect, it } from 'vitest';
import { loadFailures, publishedUnderLoad, report, runLoad, summaryLine } from '../../scripts/load-test';
import { createStaff, PASSWORD } from '../support/admin';
import { serveApp, startBundledApp } from '../support/bundled-app';
import { HAS_CORPUS } from '../support/corpus';

const CONNECTIONS = Number(process.env.NIANBAO_LOAD_CONNECTIONS) || 200;
const SECONDS = Number(process.env.NIANBAO_LOAD_SECONDS) || 30;
const PAGE = '/public/431225';

const describeWithCorpus = HAS_CORPUS ? describe : describe.skip;

describeWithCorpus(`the public page under load while staff upload the corpus (production server, ${CONNECTIONS} connections, ${SECONDS} s)`, () => {
  const served = serveApp(() => startBundledApp({ browser: false, prepare: createStaff }));

  it('answers every request with 2xx while every corpus file is uploaded and published', { timeout: (SECONDS + 180) * 1000 }, async () => {
    const result = await runLoad({ base: served.base, path: PAGE, connections: CONNECTIONS, seconds: SECONDS, account: { name: 'alice', password: PASSWORD }, log: () => {} });
    console.log(summaryLine(result));
    const details = `\n${report(result)}\n`;

    expect(result.load.requests, details).toBeGreaterThan(0);
    expect(result.load.errors, details).toBe(0);
    expect(result.load.timeouts, details).toBe(0);
    expect(result.load.non2xx, details).toBe(0);
    expect(result.uploads.problems, details).toEqual([]);
    expect(publishedUnderLoad(result.uploads), `nothing was published while the load ran${details}`).toBeGreaterThan(0);
    expect(result.uploads.batchesCompleted, `no batch of ${result.uploads.files} files was wholly uploaded and published${details}`).toBeGreaterThanOrEqual(1);
    expect(loadFailures(result), details).toEqual([]);

    // and it still answers afterwards, with the page itself
    expect(result.after.status).toBe(200);
    const res = await fetch(`${served.base}${PAGE}`);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('会同县');
  });
});
