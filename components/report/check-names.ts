// What each check verifies, in words a reader of the report understands (lib/checks/).

const NAMES: Record<string, string> = {
  'applications.balance': '申请数量平衡：一 + 二 = （七）总计 + 四（每一列）',
  'applications.total': '办理结果合计：（七）总计 = 各项办理结果之和（每一列）',
  'applications.rowSums': '申请人合计：总计 = 六类申请人之和（每一行）',
  'appeals.review.total': '行政复议合计：总计 = 维持 + 纠正 + 其他 + 尚未审结',
  'appeals.litigationDirect.total': '行政诉讼（未经复议直接起诉）合计',
  'appeals.litigationAfterReview.total': '行政诉讼（复议后起诉）合计',
  'hotline.rates': '热线、信箱办结率与受理、办结数量相符',
  'prose.applications': '正文所述申请数量（收到、答复、结转）与表三相符',
  'prose.appeals': '正文所述行政复议、行政诉讼件数与表四相符',
  'prose.proactive': '正文所述本年制发规章、规范性文件件数与表二相符',
  'crossYear.carriedOver': '跨年度：本年“上年结转” = 上一年“结转下年度继续办理”',
  'crossYear.inForce': '跨年度：现行有效 = 上年现行有效 + 本年制发 − 本年废止',
};

export function checkName(id: string): string {
  return NAMES[id] ?? id;
}

export const SEVERITY_LABELS = { hard: '勾稽关系', soft: '参考核对' } as const;

/** How a failure's `expected` reads: what an identity requires (应为), or what the prose states (正文为). */
export function claimWord(checkIds: readonly string[]): string {
  return checkIds.length > 0 && checkIds.every((id) => id.startsWith('prose.')) ? '正文为' : '应为';
}
