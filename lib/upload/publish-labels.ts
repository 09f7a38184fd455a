// What publishing an upload did, in the words of the upload page. One source for the labels.
import type { IngestKind } from '../../db/ingest';

export type PublishResultKind = IngestKind;

export const PUBLISH_RESULT_LABELS: Record<PublishResultKind, string> = {
  stored: '已发布为新报告：它现在出现在数据看板和公开页面上',
  version: '已发布为新版本（取代同一报告的上一版）',
  copy: '与已存储的报告相同，已存为其副本',
  unchanged: '这个文件以前已存储过，未作改动',
  'text-attached': '已为内置数据中的同一报告补上原文',
  failed: '无法解析，已保存原文件',
};

/** The kind a report page was sent with after publishing (`?published=stored`), if it is one. */
export const publishedKind = (value: unknown): PublishResultKind | null =>
  typeof value === 'string' && Object.hasOwn(PUBLISH_RESULT_LABELS, value) ? (value as PublishResultKind) : null;
