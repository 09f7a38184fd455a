// Drizzle hands postgres.js every query as an unnamed statement. postgres.js then describes a
// statement with parameters before running it: two round trips per query, and the server parses
// and plans it every time. Named (prepared) statements are described once per connection and
// reused, which halves the round trips of an ingest. This wraps a postgres.js client so that
// every query Drizzle sends, inside transactions too, is prepared.
import type { Sql } from 'postgres';

type Unsafe = Sql['unsafe'];

export function preparingStatements<T extends Sql>(client: T): T {
  return new Proxy(client, {
    get(target, property, receiver) {
      if (property === 'unsafe') {
        const unsafe: Unsafe = (query, parameters, options) => target.unsafe(query, parameters, { ...options, prepare: true });
        return unsafe;
      }
      if (property === 'begin') {
        return (...args: unknown[]) => {
          const fn = args.at(-1) as (tx: Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args.slice(0, -1), (tx: Sql) => fn(preparingStatements(tx)));
        };
      }
      if (property === 'savepoint') {
        return (...args: unknown[]) => {
          const fn = args.at(-1) as (tx: Sql) => unknown;
          return ((target as unknown as { savepoint: (...a: unknown[]) => unknown }).savepoint)(...args.slice(0, -1), (tx: Sql) => fn(preparingStatements(tx)));
        };
      }
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
    apply(target, thisArg, args) {
      return Reflect.apply(target as unknown as (...a: unknown[]) => unknown, thisArg, args);
    },
  });
}
