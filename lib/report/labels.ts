// One source of truth for the national format's labels and the contract's keys
// (../shared/spec/template.md, Appendix A). Parsers, checks, renderers and the UI all read
// these lists; nothing else spells a row key or a canonical label.

/** Table 三 value columns, in printed order. */
export const APPLICANT_COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'] as const;
export const APPLICANT_TOTAL_INDEX = 6;

/** Table 四 groups and columns, in printed order. */
export const APPEAL_GROUPS = [
  { key: 'review', label: '行政复议' },
  { key: 'litigationDirect', label: '行政诉讼·未经复议直接起诉' },
  { key: 'litigationAfterReview', label: '行政诉讼·复议后起诉' },
] as const;
export type AppealGroupKey = (typeof APPEAL_GROUPS)[number]['key'];
export const APPEAL_COLUMNS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'] as const;
export const APPEAL_TOTAL_INDEX = 4;

export interface ApplicationRowDef {
  key: string;
  /** canonical label as the 2021 template prints it (group prefix included for leaves) */
  label: string;
  /** what identifies the row's label once normalised; tested against the label with spaces removed */
  pattern: RegExp;
  /** rows that only some template shapes have */
  shape?: 'otherSingle' | 'otherSplit';
  /** outcome leaves sum to （七）总计 */
  outcome: boolean;
}

export const APPLICATION_ROWS = [
  { key: 'newReceived', label: '一、本年新收政府信息公开申请数量', pattern: /本年新收/, outcome: false },
  { key: 'carriedOver', label: '二、上年结转政府信息公开申请数量', pattern: /上年结转/, outcome: false },
  { key: 'granted', label: '（一）予以公开', pattern: /予以公开/, outcome: true },
  { key: 'partiallyGranted', label: '（二）部分公开', pattern: /部分公开/, outcome: true },
  { key: 'denied.stateSecret', label: '（三）1.属于国家秘密', pattern: /国家秘密/, outcome: true },
  { key: 'denied.prohibitedByLaw', label: '（三）2.其他法律行政法规禁止公开', pattern: /法律行政|行政法规|禁止公开|行政止公开/, outcome: true },
  { key: 'denied.securityStability', label: '（三）3.危及“三安全一稳定”', pattern: /三安全|一稳定/, outcome: true },
  { key: 'denied.thirdPartyRights', label: '（三）4.保护第三方合法权益', pattern: /第三方/, outcome: true },
  { key: 'denied.internalAffairs', label: '（三）5.属于三类内部事务信息', pattern: /内部事务/, outcome: true },
  { key: 'denied.processInformation', label: '（三）6.属于四类过程性信息', pattern: /过程性/, outcome: true },
  { key: 'denied.enforcementFiles', label: '（三）7.属于行政执法案卷', pattern: /执法案卷/, outcome: true },
  { key: 'denied.administrativeQuery', label: '（三）8.属于行政查询事项', pattern: /行政查询/, outcome: true },
  { key: 'unavailable.notHeld', label: '（四）1.本机关不掌握相关政府信息', pattern: /不掌握/, outcome: true },
  { key: 'unavailable.needsCreation', label: '（四）2.没有现成信息需要另行制作', pattern: /另行制作|没有现成/, outcome: true },
  { key: 'unavailable.stillUnclear', label: '（四）3.补正后申请内容仍不明确', pattern: /仍不明确|补正后/, outcome: true },
  { key: 'notProcessed.petition', label: '（五）1.信访举报投诉类申请', pattern: /信访|举报投诉/, outcome: true },
  { key: 'notProcessed.duplicate', label: '（五）2.重复申请', pattern: /^\D{0,8}重复申请$|\d[.、]重复申请/, outcome: true },
  { key: 'notProcessed.publication', label: '（五）3.要求提供公开出版物', pattern: /出版物/, outcome: true },
  { key: 'notProcessed.massRepeated', label: '（五）4.无正当理由大量反复申请', pattern: /大量反复/, outcome: true },
  { key: 'notProcessed.confirmation', label: '（五）5.要求行政机关确认或重新出具已获取信息', pattern: /重新出具|确认或/, outcome: true },
  { key: 'other', label: '（六）其他处理', pattern: /其他处理$|其他处理[(（]|^[(（]六[)）]其他$/, shape: 'otherSingle', outcome: true },
  { key: 'other.overdueCorrection', label: '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', pattern: /逾期不补正|不补正/, shape: 'otherSplit', outcome: true },
  { key: 'other.overdueFee', label: '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', pattern: /缴纳费用|收费通知/, shape: 'otherSplit', outcome: true },
  { key: 'other.other', label: '（六）3.其他', pattern: /(?:^|\d[.、])其他$/, shape: 'otherSplit', outcome: true },
  { key: 'total', label: '（七）总计', pattern: /总计$/, outcome: false },
  { key: 'carriedForward', label: '四、结转下年度继续办理', pattern: /结转下年/, outcome: false },
] as const satisfies readonly ApplicationRowDef[];

export type ApplicationRowKey = (typeof APPLICATION_ROWS)[number]['key'];
export const APPLICATION_ROW_KEYS: readonly ApplicationRowKey[] = APPLICATION_ROWS.map((r) => r.key);

/** Rows of each template shape of table 三, in printed order. */
export function applicationRowsFor(shape: 'otherSingle' | 'otherSplit'): ApplicationRowKey[] {
  return APPLICATION_ROWS.filter((r) => !('shape' in r) || r.shape === shape).map((r) => r.key);
}

export function applicationRowLabel(key: ApplicationRowKey): string {
  return APPLICATION_ROWS.find((r) => r.key === key)!.label;
}

// ---- Table 二 -------------------------------------------------------------------------

export interface ProactiveColumnDef {
  key: string;
  label: string;
  /** money in 万元 */
  money?: boolean;
  /** may carry a sign (本年增/减) */
  signed?: boolean;
}

export interface ProactiveRowDef {
  key: string;
  /** article 20 item: （一）（五）（六）（八）（九） */
  article: '一' | '五' | '六' | '八' | '九';
  labels: { '2019'?: string; '2021'?: string };
  pattern: RegExp;
}

export const PROACTIVE_ROWS = [
  { key: 'regulations', article: '一', labels: { '2019': '规章', '2021': '规章' }, pattern: /规章/ },
  { key: 'normativeDocuments', article: '一', labels: { '2019': '规范性文件', '2021': '行政规范性文件' }, pattern: /规范性文件/ },
  { key: 'licensing', article: '五', labels: { '2019': '行政许可', '2021': '行政许可' }, pattern: /行政许可/ },
  { key: 'otherServices', article: '五', labels: { '2019': '其他对外管理服务事项' }, pattern: /对外管理服务/ },
  { key: 'penalties', article: '六', labels: { '2019': '行政处罚', '2021': '行政处罚' }, pattern: /行政处罚/ },
  { key: 'enforcement', article: '六', labels: { '2019': '行政强制', '2021': '行政强制' }, pattern: /行政强制/ },
  { key: 'fees', article: '八', labels: { '2019': '行政事业性收费', '2021': '行政事业性收费' }, pattern: /事业性收费/ },
  { key: 'procurement', article: '九', labels: { '2019': '政府集中采购' }, pattern: /集中采购/ },
] as const satisfies readonly ProactiveRowDef[];

export type ProactiveRowKey = (typeof PROACTIVE_ROWS)[number]['key'];

/** The row's label in one version's table, or undefined when that version has no such row. */
export function proactiveRowLabel(key: ProactiveRowKey, version: '2019' | '2021'): string | undefined {
  const labels: ProactiveRowDef['labels'] = PROACTIVE_ROWS.find((r) => r.key === key)!.labels;
  return labels[version];
}

/** Columns of each table-二 block, per template version. */
export const PROACTIVE_COLUMNS: Record<'2019' | '2021', Record<ProactiveRowDef['article'], ProactiveColumnDef[]>> = {
  '2019': {
    一: [
      { key: 'newlyMade', label: '本年新制作数量' },
      { key: 'newlyPublished', label: '本年新公开数量' },
      { key: 'totalPublished', label: '对外公开总数量' },
    ],
    五: [
      { key: 'priorItems', label: '上一年项目数量' },
      { key: 'itemChange', label: '本年增/减', signed: true },
      { key: 'decisions', label: '处理决定数量' },
    ],
    六: [
      { key: 'priorItems', label: '上一年项目数量' },
      { key: 'itemChange', label: '本年增/减', signed: true },
      { key: 'decisions', label: '处理决定数量' },
    ],
    八: [
      { key: 'priorItems', label: '上一年项目数量' },
      { key: 'itemChange', label: '本年增/减', signed: true },
    ],
    九: [
      { key: 'projects', label: '采购项目数量' },
      { key: 'amountWan', label: '采购总金额', money: true },
    ],
  },
  '2021': {
    一: [
      { key: 'issued', label: '本年制发件数' },
      { key: 'repealed', label: '本年废止件数' },
      { key: 'inForce', label: '现行有效件数' },
    ],
    五: [{ key: 'decisions', label: '本年处理决定数量' }],
    六: [{ key: 'decisions', label: '本年处理决定数量' }],
    八: [{ key: 'amountWan', label: '本年收费金额（单位：万元）', money: true }],
    九: [],
  },
};

/** Header words that only one version's table 二 prints. */
export const PROACTIVE_VERSION_MARKERS: Record<'2019' | '2021', RegExp> = {
  '2019': /新制作|新公开|对外公开总数|上一年项目|本年增|采购项目|采购总金额|其他对外管理服务/,
  '2021': /制发件|废止件|现行有效|本年处理决定|收费金额|行政规范性文件/,
};

export const ARTICLE_LABEL: Record<ProactiveRowDef['article'], string> = {
  一: '第二十条第（一）项',
  五: '第二十条第（五）项',
  六: '第二十条第（六）项',
  八: '第二十条第（八）项',
  九: '第二十条第（九）项',
};

/** The six section titles, identical in both versions (template.md §1.2). */
export const SECTION_TITLES = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;
