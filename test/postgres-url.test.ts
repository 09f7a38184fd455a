import { describe, expect, it } from 'vitest';
import { postgresTarget } from '../db/postgres-url';

describe('postgresTarget', () => {
  it('leaves a TCP URL as it is', () => {
    expect(postgresTarget('postgres://app:secret@db.example:5432/nianbao?sslmode=require')).toEqual({ url: 'postgres://app:secret@db.example:5432/nianbao?sslmode=require' });
  });

  it('takes a socket directory (libpq’s ?host=/dir) out of the URL as the host', () => {
    expect(postgresTarget('postgres://postgres@localhost:55500/nianbao?host=/var/run/postgresql')).toEqual({
      url: 'postgres://postgres@localhost:55500/nianbao',
      host: '/var/run/postgresql',
    });
  });

  it('keeps a host parameter that is not a directory for the server to judge', () => {
    expect(postgresTarget('postgres://postgres@localhost/nianbao?host=other')).toEqual({ url: 'postgres://postgres@localhost/nianbao?host=other' });
  });
});
