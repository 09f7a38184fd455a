// Bounds shared by the search API, the search page and the header box (which imports only
// this file of lib/search: the rest needs pinyin-pro and opencc, server-side).

/** longer queries are refused: no region name comes near it */
export const MAX_QUERY_LENGTH = 50;
/** suggestions under the header box */
export const SUGGESTION_LIMIT = 10;
/** results listed on the search page */
export const PAGE_LIMIT = 50;
