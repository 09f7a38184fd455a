// Which version of the national format a report's tables follow (template.md §2–3, §5.3).
// Version is told by the labels, never by the year, except where only table 四 (identical
// in both versions) is printed.

import type { TemplateVersion, Warning } from '../report/contract';
import { NO_DEADLINE, type Deadline } from './deadline';
import type { ApplicationsParse } from './tables/applications';
import type { ProactiveParse } from './tables/proactive';

/** Old seven-part reports (概述 / 主动公开 / 依申请公开 / 收费及减免 / 复议诉讼 / 问题 / 附表). */
const PRE2019_HEADINGS = /^[\s|]*[一二三四五六七八][、.]\s*(?:政府信息公开的?)?(?:收费及减免|收费和减免|依申请公开政府信息(?:的)?情况|因政府信息公开申请(?:提起)?行政复议)/u;

export interface TemplateVerdict {
  template: TemplateVersion | null;
  warnings: Warning[];
}

export function detectTemplate(
  lines: readonly string[],
  proactive: ProactiveParse | null,
  applications: ApplicationsParse | null,
  hasAppeals: boolean,
  year: number | null,
  deadline: Deadline = NO_DEADLINE,
): TemplateVerdict {
  const warnings: Warning[] = [];
  const fromApplications = applications?.otherShape === 'otherSplit' ? '2021' : applications?.otherShape === 'otherSingle' ? '2019' : null;
  const fromProactive = proactive?.version ?? null;

  if (proactive?.mixedBlocks.length) {
    warnings.push({ code: 'template-mixed', message: `表二以${fromProactive}版为主，但${proactive.mixedBlocks.join('、')}用了另一版的表头`, line: null });
  }
  if (fromProactive && fromApplications && fromProactive !== fromApplications) {
    const shape = fromApplications === '2019' ? '（六）其他处理印为一行（2019版）' : '（六）其他处理分为三行（2021版）';
    warnings.push({ code: 'template-mixed', message: `表二为${fromProactive}版，表三${shape}`, line: null });
  }
  if (fromProactive || fromApplications) return { template: fromProactive ?? fromApplications, warnings };

  if (hasAppeals) {
    const guess = year !== null && year >= 2021 ? '2021' : '2019';
    warnings.push({ code: 'template-guessed', message: `只有表四（两版相同），按年份推定为${guess}版`, line: null });
    return { template: guess, warnings };
  }
  const oldHeading = lines.findIndex((l) => {
    deadline.tick('telling the template version');
    return PRE2019_HEADINGS.test(l);
  });
  if (oldHeading >= 0) {
    warnings.push({ code: 'pre2019-format', message: '报告沿用2019年以前的七部分格式，其表格不按国家格式提取', line: oldHeading + 1 });
    return { template: 'pre2019', warnings };
  }
  return { template: null, warnings };
}
