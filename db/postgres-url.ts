// A PostgreSQL URL as postgres.js takes it. libpq names a Unix socket directory in the URL
// (`postgres://user@localhost:5432/db?host=/var/run/postgresql`); postgres.js would send that
// `host` to the server as a setting, so it becomes the connection's host option instead. A local
// server over its socket saves the TCP loopback's cost on every message.

export interface PostgresTarget {
  url: string;
  /** the socket directory, when the URL names one */
  host?: string;
}

export function postgresTarget(url: string): PostgresTarget {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), host };
}
