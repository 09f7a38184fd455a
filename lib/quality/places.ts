// The provinces and cities a coverage can be asked within, grouped for a select: each
// province, then its cities (GB/T 2260: a city's code starts with its province's two digits).

export interface PlaceLabel {
  code: string | null;
  name: string;
  level: string;
}

export interface PlaceGroup<T extends PlaceLabel> {
  /** null when the database holds cities of a province it does not hold itself */
  province: T | null;
  /** the province's name, or its code's two digits when the province is not held */
  label: string;
  cities: T[];
}

export function groupPlaces<T extends PlaceLabel>(places: readonly T[]): PlaceGroup<T>[] {
  const groups = new Map<string, PlaceGroup<T>>();
  const sorted = places.filter((p) => p.code).sort((a, b) => (a.code! < b.code! ? -1 : a.code! > b.code! ? 1 : 0));
  for (const p of sorted) {
    const key = p.code!.slice(0, 2);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { province: null, label: `${key}`, cities: [] }));
    if (p.level === 'province') Object.assign(group, { province: p, label: p.name });
    else group.cities.push(p);
  }
  return [...groups.values()];
}
