// A value built from the database and kept until the database changes: each use first reads a
// cheap fingerprint (counts and highest ids), and only a new fingerprint builds the value
// again. Callers that arrive during a build share it; a failed build is not kept.

export interface Refreshing<T> {
  get(): Promise<T>;
  /** builds so far (for tests and diagnostics) */
  builds(): number;
}

export function refreshing<T>(fingerprint: () => Promise<string>, build: () => Promise<T>): Refreshing<T> {
  let key: string | null = null;
  let value: Promise<T> | null = null;
  let count = 0;
  return {
    async get() {
      // the fingerprint is read before the build reads its rows: a change in between at worst
      // builds once more on the next use, never keeps a stale value under a new fingerprint
      const now = await fingerprint();
      if (value && key === now) return value;
      key = now;
      count++;
      const building = build();
      value = building;
      building.catch(() => {
        if (value === building) {
          key = null;
          value = null;
        }
      });
      return building;
    },
    builds: () => count,
  };
}
