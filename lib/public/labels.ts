// Words the public pages use for what is not there: never a 0, never a blank.

/** the report of that year does not state the figure */
export const NOT_STATED_TEXT = '未载明';
/** no report of that year is in the database */
export const NO_REPORT_TEXT = '无报告';
