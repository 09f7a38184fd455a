import { describe, it, expect } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractActivity, type ActivityResult } from '../lib/parse/activity';
import { normaliseText } from '../lib/text/normalise';

// Sentences below are made up for these tests; corpus text is only read from ../shared/corpus.
const run = (...lines: string[]): ActivityResult => extractActivity(normaliseText(lines.join('\n')).lines);
const codes = (r: ActivityResult) => r.warnings.map((w) => w.code).sort();

describe('publishedItems', () => {
  it('reads the total of items published', () => {
    const r = run('一、总体情况', '2023年,本县通过政府门户网站共发布各类信息2345条,其中政策文件56条。');
    expect(r.activity.publishedItems).toBe(2345);
    expect(r.sources['activity.publishedItems']).toBe(2);
    expect(r.warnings).toEqual([]);
  });

  it('accepts filler between 信息 and the number, and full-width text', () => {
    expect(run('全年主动公开政府信息共计３２００条。').activity.publishedItems).toBe(3200);
    expect(run('本年度主动公开信息总数 812 条,另发布公告9期。').activity.publishedItems).toBe(812);
    expect(run('主动公开政府信息560篇。').activity.publishedItems).toBe(560);
  });

  it('flags 余 / 多 as approximate and reads 万', () => {
    const r = run('全年主动公开政府信息3200余条。');
    expect(r.activity.publishedItems).toBe(3200);
    expect(codes(r)).toEqual(['approximate']);
    expect(r.warnings[0].line).toBe(1);
    const wan = run('网站发布政务信息1.5万多条。');
    expect(wan.activity.publishedItems).toBe(15000);
    expect(codes(wan)).toEqual(['approximate']);
  });

  it('ignores sub-counts, cumulative figures and category counts', () => {
    expect(run('一是规范公开。其中通过网站公开政府信息300条。').activity).toEqual({});
    expect(run('截至2023年底,累计主动公开政府信息98765条。').activity).toEqual({});
    expect(run('主动公开政务动态信息640条。').activity).toEqual({});
    expect(run('全年受理依申请公开信息12条。').activity).toEqual({});
    expect(run('本年度主动公开政府信息120条,历年累计公开政府信息5400条。').activity.publishedItems).toBe(120);
  });

  it('accepts a qualified head that closes a list with 等', () => {
    expect(run('主动公开财政预决算、重大项目、招标采购等有关民生类信息1500条。').activity.publishedItems).toBe(1500);
  });

  it('keeps a total whose 其中 parts exceed it, as printed', () => {
    expect(run('共计发布各类信息1000条;其中转载上级信息1300条。').activity.publishedItems).toBe(1000);
  });

  it('finds no total in a list of parts where one is larger than the first', () => {
    expect(run('发布各类政务信息800条;专题栏目更新信息1200条,通知公告95条。', '督促乡镇公开信息500条。').activity).toEqual({});
    const marked = run('发布各类政务信息800条;专题栏目更新信息1200条。', '全县共计公开信息2500条。');
    expect(marked.activity.publishedItems).toBe(2500);
  });

  it('does not take a channel figure for the total when channels are listed separately', () => {
    expect(run('通过政府网站公开信息900条,通过政务微博发布信息120条,通过微信公众号推送信息300条。').activity).toEqual({});
    expect(run('通过网站主动发布各类信息900条。', '通过微信公众号公开政府信息300条。').activity).toEqual({});
    expect(run('县政府网站共发布信息900条。微信公众号发布信息300条。').activity.publishedItems).toBe(900);
  });

  it('reads a sum stated after per-channel figures', () => {
    const r = run('2023年,区政府网站发布信息700条,政务微博发布信息80条,政务微信发布信息20条,共计800条。');
    expect(r.activity.publishedItems).toBe(800);
  });

  it('takes a figure over several channels as the total', () => {
    const r = run('全年通过政府网站、政务新媒体等平台,公开各类政府信息1800条;', '政务微博发布信息66条。');
    expect(r.activity.publishedItems).toBe(1800);
  });

  it('tells the year from the cumulative figure after 截至', () => {
    expect(run('截至年底,网站累计发布信息40000条,本年度新增发布信息3100条。').activity.publishedItems).toBe(3100);
    expect(run('截至2023年12月31日,通过门户网站公开政府信息930条。').activity.publishedItems).toBe(930);
  });

  it('takes a WeChat figure only when it is the only one', () => {
    expect(run('通过微信公众号发布政务信息76条。').activity.publishedItems).toBe(76);
  });

  it('joins a sentence wrapped over lines and reports the line of the number', () => {
    const r = run('(一)主动公开情况。2024 年,全年通过网站主动公开各类政', '府信息 4321 条,其中政策解读 12 条。');
    expect(r.activity.publishedItems).toBe(4321);
    expect(r.sources['activity.publishedItems']).toBe(2);
    const footer = run('全年主动公开政府', '', '- 3 -', '', '信息1234条。');
    expect(footer.activity.publishedItems).toBe(1234);
    expect(footer.sources['activity.publishedItems']).toBe(5);
  });

  it('reads nothing from the tables', () => {
    const r = run('一、总体情况', '加强公开工作。', '二、主动公开政府信息情况', '第二十条第(一)项', '发布信息999条。');
    expect(r.activity).toEqual({});
    expect(run('发布信息', '300', '条').activity).toEqual({});
  });
});

describe('hotlines and mailboxes', () => {
  it('reads counts and rates of a hotline', () => {
    const r = run('12345政务服务便民热线全年受理群众来电5210件,办结5198件,办结率99.77%,回访率98%,群众满意度97.5%。');
    expect(r.activity.hotlines).toEqual([
      { name: '12345政务服务便民热线', received: 5210, resolved: 5198, resolutionRate: 99.77, callbackRate: 98, satisfactionRate: 97.5 },
    ]);
    expect(r.sources['activity.hotlines[0].received']).toBe(1);
    expect(r.sources['activity.hotlines[0].satisfactionRate']).toBe(1);
  });

  it('takes a verb before a quoted name, and skips rates without a contract key', () => {
    const r = run('全年共收到“书记信箱”来信45件,办结率和答复率均为100%。');
    expect(r.activity.mailboxes).toEqual([{ name: '书记信箱', received: 45, resolutionRate: 100 }]);
  });

  it('counts 办理 N 件 as received when nothing else is given', () => {
    const r = run('市长信箱共办理群众来信30件,满意率100%。');
    expect(r.activity.mailboxes).toEqual([{ name: '市长信箱', received: 30, satisfactionRate: 100 }]);
  });

  it('leaves out a count written as a percentage, with a warning', () => {
    const r = run('区长热线接听来电600次,办结量100%,满意率99%。');
    expect(r.activity.hotlines).toEqual([{ name: '区长热线', received: 600, satisfactionRate: 99 }]);
    expect(codes(r)).toEqual(['count-is-percent']);
    expect(r.warnings[0].line).toBe(1);
  });

  it('applies one rate stated with 均 to every channel before it', () => {
    const r = run('县长热线受理来电800件,县长信箱收到来信60件,办结率均为100%。');
    expect(r.activity.hotlines).toEqual([{ name: '县长热线', received: 800, resolutionRate: 100 }]);
    expect(r.activity.mailboxes).toEqual([{ name: '县长信箱', received: 60, resolutionRate: 100 }]);
  });

  it('gives a joint count to neither of two channels, but their rates to both', () => {
    const r = run('12345热线和领导信箱共受理诉求900件,满意率均达98%。');
    expect(r.activity.hotlines).toEqual([{ name: '12345热线', satisfactionRate: 98 }]);
    expect(r.activity.mailboxes).toEqual([{ name: '领导信箱', satisfactionRate: 98 }]);
  });

  it('splits counts stated with 分别', () => {
    const r = run('市长热线和市长信箱分别受理1200件、85件。');
    expect(r.activity.hotlines).toEqual([{ name: '市长热线', received: 1200 }]);
    expect(r.activity.mailboxes).toEqual([{ name: '市长信箱', received: 85 }]);
  });

  it('keeps two names joined by 或 as one channel, and reads counts right after a name', () => {
    const r = run('2024年,办理区长信箱或部门信箱(网上留言)40件、12345热线700件、政协提案12件,办结率100%。');
    expect(r.activity.mailboxes).toEqual([{ name: '区长信箱或部门信箱', received: 40 }]);
    expect(r.activity.hotlines).toEqual([{ name: '12345热线', received: 700 }]);
  });

  it('stops at a clause about something else', () => {
    const r = run('县长信箱收到来信20件,人大建议15件,办结率100%。');
    expect(r.activity.mailboxes).toEqual([{ name: '县长信箱', received: 20 }]);
  });

  it('never reads the 12345 of a name as a count', () => {
    expect(run('12345热线办结率98%。').activity.hotlines).toEqual([{ name: '12345热线', resolutionRate: 98 }]);
  });

  it('reads a count stated in a clause after the name', () => {
    expect(run('开通了县长热线,全年共接听来电2100次。').activity.hotlines).toEqual([{ name: '县长热线', received: 2100 }]);
    expect(run('开通了县长热线,全年共收到依申请公开10件。').activity.hotlines).toBeUndefined();
  });

  it('reads 万 counts', () => {
    expect(run('市长热线受理诉求1.3万件。').activity.hotlines).toEqual([{ name: '市长热线', received: 13000 }]);
  });

  it('flags an approximate count', () => {
    const r = run('县长热线受理来电3000余件。');
    expect(r.activity.hotlines).toEqual([{ name: '县长热线', received: 3000 }]);
    expect(codes(r)).toEqual(['approximate']);
  });

  it('lists no channel named without figures, nor phone numbers and e-mail boxes', () => {
    expect(run('畅通12345热线、县长信箱等渠道。').activity).toEqual({});
    expect(run('咨询热线:0745-1234567,电子信箱:abc123@163.com。').activity).toEqual({});
    expect(run('拨打服务热线12345反映诉求。').activity).toEqual({});
  });

  it('does not treat unnamed letters as a mailbox', () => {
    expect(run('全年收到群众来信88件,已全部办结。').activity).toEqual({});
  });
});

describe('applications in prose', () => {
  it('reads received and carried over', () => {
    const r = run('一、总体情况', '(二)依申请公开情况', '本年度共收到政府信息公开申请86件,上年结转4件。');
    expect(r.activity.applications).toEqual({ received: 86, carriedOver: 4 });
    expect(r.sources['activity.applications.received']).toBe(3);
    expect(r.sources['activity.applications.carriedOver']).toBe(3);
  });

  it('accepts the usual wordings', () => {
    expect(run('受理依申请公开事项15件。').activity.applications).toEqual({ received: 15 });
    expect(run('全年收到并按期办结11件政府信息公开申请。').activity.applications).toEqual({ received: 11 });
    expect(run('全市共受理政府信息公开申请 3119 件。').activity.applications).toEqual({ received: 3119 });
    expect(run('上年度结转申请 2 件。').activity.applications).toEqual({ carriedOver: 2 });
    expect(run('收到政府信息依申请公开6件,上年转结2件。').activity.applications).toEqual({ received: 6, carriedOver: 2 });
  });

  it('ignores other kinds of requests and the table rows', () => {
    expect(run('收到行政复议申请3件。').activity).toEqual({});
    const r = run('一、总体情况', '工作有序推进。', '三、收到和处理政府信息公开申请情况', '申请人情况', '一、本年新收政府信息公开申请数量', '7');
    expect(r.activity).toEqual({});
  });
});

describe('input shapes', () => {
  it('returns {} for nothing', () => {
    expect(extractActivity([])).toEqual({ activity: {}, sources: {}, warnings: [] });
    expect(run('').activity).toEqual({});
  });

  it('stays fast on long text without punctuation', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `县长信箱或热线${i}发布信息${i}条收到12345`);
    const t = performance.now();
    extractActivity(lines);
    expect(performance.now() - t).toBeLessThan(1000);
  });
});

// ---------------------------------------------------------------------------------------------

const corpusDir = new URL('../../shared/corpus/', import.meta.url);
const hasCorpus = existsSync(corpusDir);
const SCORED_WARNINGS = new Set(['approximate', 'count-is-percent']);

interface Expected {
  activity?: Record<string, unknown>;
  warnings?: { code: string }[];
}

function figurePaths(activity: Record<string, unknown>): string[] {
  const paths: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'number') paths.push(path);
    else if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${path}[${i}]`));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
  };
  walk(activity, 'activity');
  return paths;
}

describe('corpus (.txt sources)', () => {
  if (!hasCorpus) {
    console.warn(`activity corpus test skipped: ${fileURLToPath(corpusDir)} not found`);
    it.skip('corpus folder absent', () => {});
    return;
  }
  const names = readdirSync(corpusDir)
    .filter((f) => f.endsWith('.expected.json'))
    .map((f) => f.slice(0, -'.expected.json'.length))
    .filter((name) => existsSync(new URL(`${name}.txt`, corpusDir)))
    .sort();

  for (const name of names) {
    it(name, () => {
      const expected = JSON.parse(readFileSync(new URL(`${name}.expected.json`, corpusDir), 'utf8')) as Expected;
      const raw = readFileSync(new URL(`${name}.txt`, corpusDir), 'utf8');
      const result = extractActivity(normaliseText(raw).lines);
      const got = result.activity as Record<string, unknown>;
      for (const [key, value] of Object.entries(expected.activity ?? {})) expect(got[key], `${name} activity.${key}`).toEqual(value);
      const scored = (ws: { code: string }[]) => ws.map((w) => w.code).filter((c) => SCORED_WARNINGS.has(c)).sort();
      expect(scored(result.warnings), `${name} warnings`).toEqual(scored(expected.warnings ?? []));
      for (const path of figurePaths(got)) expect(result.sources[path], `${name} source of ${path}`).toBeGreaterThan(0);
    });
  }
});
