// CSV as Excel opens it without asking: UTF-8 with a BOM (else Excel reads GBK and the Chinese
// is garbled), CRLF line ends, RFC 4180 quoting, and no cell that Excel would run as a formula.

import type { CellValue, DataTable, Row } from './table';

export type { CellValue, DataTable, Row } from './table';

export const UTF8_BOM = '\uFEFF';
const CRLF = '\r\n';

// A text starting with one of these is run as a formula by Excel and LibreOffice (CSV injection).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A number as plain digits: no thousands separators, no exponent (1e21 → 1000000000000000000000,
 * 1.5e-7 → 0.00000015), the shortest digits that read back as the same number. NaN and ±Infinity
 * are not figures: empty.
 */
export function plainNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const text = String(n);
  const e = text.indexOf('e');
  if (e < 0) return text;
  const sign = n < 0 ? '-' : '';
  const mantissa = text.slice(sign.length, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const point = (dot < 0 ? mantissa.length : dot) + Number(text.slice(e + 1));
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return plainNumber(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One CSV record, without its line end. */
export function csvLine(values: Row): string {
  return values.map(csvField).join(',');
}

/** The whole table as one CSV text: BOM, header, rows, each line ending in CRLF. */
export function toCsv(table: Pick<DataTable, 'columns' | 'rows'>): string {
  const lines = [csvLine(table.columns), ...table.rows.map(csvLine)];
  return UTF8_BOM + lines.map((line) => line + CRLF).join('');
}

function iteratorOf<T>(items: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in items ? items[Symbol.asyncIterator]() : items[Symbol.iterator]();
}

/**
 * The CSV as a web stream (a Next route handler's Response body): BOM and header first, then one
 * chunk per `batchRows` rows. Rows are read only when the consumer pulls (highWaterMark 0), so a
 * slow client holds back the database cursor and memory stays flat; cancelling closes the source.
 */
export function csvStream(
  columns: readonly string[],
  rows: AsyncIterable<Row> | Iterable<Row>,
  { batchRows = 1000 }: { batchRows?: number } = {},
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let iterator: AsyncIterator<Row> | Iterator<Row> | undefined;
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(encoder.encode(UTF8_BOM + csvLine(columns) + CRLF));
      },
      async pull(controller) {
        iterator ??= iteratorOf(rows);
        let text = '';
        for (let n = 0; n < batchRows; n++) {
          const next = await iterator.next();
          if (next.done) {
            if (text) controller.enqueue(encoder.encode(text));
            controller.close();
            return;
          }
          text += csvLine(next.value) + CRLF;
        }
        controller.enqueue(encoder.encode(text));
      },
      async cancel() {
        await iterator?.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
