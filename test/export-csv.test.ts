// CSV exports: the BOM Excel needs, Chinese text intact, RFC 4180 quoting, no formula
// injection, and a stream that reads its rows only as the consumer pulls.
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, csvLine, csvStream, plainNumber, toCsv } from '../lib/export/csv';
import type { Row } from '../lib/export/table';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

describe('csvLine', () => {
  it('quotes commas, quotes, CR and LF, doubling the quotes', () => {
    expect(csvLine(['a,b', 'say "hi"', 'line\nbreak', 'cr\rhere', 'plain'])).toBe('"a,b","say ""hi""","line\nbreak","cr\rhere",plain');
  });

  it('prints null as empty and numbers plainly', () => {
    expect(csvLine([null, 0, 1234567, -181, 26966.28, 1e21, 1.5e-7, -2e25])).toBe(
      ',0,1234567,-181,26966.28,1000000000000000000000,0.00000015,-20000000000000000000000000',
    );
    expect(plainNumber(Number.NaN)).toBe('');
    expect(plainNumber(Number.POSITIVE_INFINITY)).toBe('');
    expect(Number(plainNumber(123456789012345680000))).toBe(123456789012345680000);
  });

  it('defuses text that Excel would run as a formula, never a number', () => {
    expect(csvLine(['=SUM(A1:A2)', '+1', '-181', '@cmd', '\tx', '\ry', 'a=b'])).toBe(`'=SUM(A1:A2),'+1,'-181,'@cmd,'\tx,"'\ry",a=b`);
    expect(csvLine([-181, -0.5])).toBe('-181,-0.5');
    expect(csvLine(['=1,2'])).toBe(`"'=1,2"`);
  });
});

describe('toCsv', () => {
  const table = { name: '三', columns: ['地区', '本年新收'], rows: [['会同县', 183], ['會同縣（繁体）', null]] as Row[] };

  it('starts with the UTF-8 BOM (EF BB BF) and ends every line in CRLF', () => {
    const bytes = new TextEncoder().encode(toCsv(table));
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(bytes)).toBe(`${UTF8_BOM}地区,本年新收\r\n会同县,183\r\n會同縣（繁体）,\r\n`);
  });

  it('keeps Chinese text intact through encoding and decoding', () => {
    const text = new TextDecoder().decode(new TextEncoder().encode(toCsv(table)));
    expect(text.split('\r\n')[1]).toBe('会同县,183');
    expect(text).toContain('會同縣（繁体）');
  });
});

describe('csvStream', () => {
  async function readAll(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    const reader = stream.getReader();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    return Buffer.concat(chunks);
  }

  it('gives the same bytes as toCsv, from a sync or an async source', async () => {
    const rows: Row[] = Array.from({ length: 2500 }, (_, i) => [`第${i}行`, i, i % 3 === 0 ? null : -i]);
    const expected = toCsv({ columns: ['行', '值', '差'], rows });
    async function* source() {
      yield* rows;
    }
    expect(decode(await readAll(csvStream(['行', '值', '差'], rows, { batchRows: 1000 })))).toBe(expected);
    expect(decode(await readAll(csvStream(['行', '值', '差'], source(), { batchRows: 7 })))).toBe(expected);
  });

  it('emits BOM and header first, then reads rows only as the consumer pulls', async () => {
    let requested = 0;
    let closed = false;
    async function* rows(): AsyncGenerator<Row> {
      try {
        for (let i = 0; i < 1_000_000; i++) {
          requested++;
          yield [i, `行${i}`];
        }
      } finally {
        closed = true;
      }
    }
    const stream = csvStream(['序号', '名称'], rows(), { batchRows: 10 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toBe(0);

    const reader = stream.getReader();
    const head = await reader.read();
    expect([...head.value!.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(decode(head.value!)).toBe(`${UTF8_BOM}序号,名称\r\n`);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toBe(0);

    const first = await reader.read();
    expect(decode(first.value!).split('\r\n').slice(0, 2)).toEqual(['0,行0', '1,行1']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toBe(10);

    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(requested).toBe(20);

    await reader.cancel();
    expect(closed).toBe(true);
  });
});
