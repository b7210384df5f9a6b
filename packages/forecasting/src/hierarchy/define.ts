import { ValidationError } from '@s2b2b/core';

/** A bottom-level series and the attributes it aggregates by (e.g. sku, region, category). */
export interface BottomSeries {
  id: string;
  keys: Readonly<Record<string, string>>;
}

/** One node of a hierarchy: an aggregate or a bottom series. */
export interface HierarchyNode {
  /** `total`, `category=tea`, `category=tea/region=east`, or the bottom series id. */
  id: string;
  /** The level it belongs to (the key names it groups by; `[]` for the total). */
  level: readonly string[];
  /** Indices (into `bottom`) of the bottom series it sums. */
  members: number[];
}

/** A hierarchy: every node, top levels first and the bottom series last, and the summing matrix. */
export interface Hierarchy {
  nodes: HierarchyNode[];
  bottom: BottomSeries[];
  /** Row i sums the bottom series of node i: `S[i][j] = 1` when bottom j belongs to node i. */
  summing: number[][];
}

/**
 * Defines an aggregation hierarchy over bottom series, e.g. SKU × region × category with
 * levels `[[], ['category'], ['category', 'region']]`: a total, one node per category, one per
 * category × region, then every bottom series. Each level groups by the values of its keys.
 *
 * @throws ValidationError for duplicate ids, a bottom series missing a level key, or a level
 *   repeated
 * @example
 * const h = defineHierarchy(skus, [[], ['category'], ['category', 'region']]);
 * h.nodes.map((n) => n.id) // ['total', 'category=tea', ..., 'TEA-500G/east', ...]
 */
export function defineHierarchy(
  bottom: readonly BottomSeries[],
  levels: readonly (readonly string[])[],
): Hierarchy {
  if (!Array.isArray(bottom) || bottom.length === 0) {
    throw ValidationError.field('bottom', 'Expected at least one bottom series');
  }
  const ids = new Set<string>();
  bottom.forEach((series, index) => {
    if (typeof series?.id !== 'string' || series.id.length === 0) {
      throw ValidationError.field(['bottom', index, 'id'], 'Expected a non-empty id');
    }
    if (ids.has(series.id)) throw ValidationError.field(['bottom', index, 'id'], `Duplicate id ${series.id}`);
    ids.add(series.id);
  });
  const seenLevels = new Set<string>();
  const nodes: HierarchyNode[] = [];
  levels.forEach((level, levelIndex) => {
    const signature = level.join('|');
    if (seenLevels.has(signature)) {
      throw ValidationError.field(['levels', levelIndex], `Level [${level.join(', ')}] is listed twice`);
    }
    seenLevels.add(signature);
    const groups = new Map<string, number[]>();
    bottom.forEach((series, index) => {
      const parts = level.map((key) => {
        const value = series.keys[key];
        if (typeof value !== 'string') {
          throw ValidationError.field(
            ['bottom', index, 'keys', key],
            `Bottom series ${series.id} has no ${key}`,
          );
        }
        return `${key}=${value}`;
      });
      const id = parts.length === 0 ? 'total' : parts.join('/');
      const members = groups.get(id) ?? [];
      members.push(index);
      groups.set(id, members);
    });
    for (const [id, members] of [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      nodes.push({ id, level: [...level], members });
    }
  });
  for (const [index, series] of bottom.entries())
    nodes.push({ id: series.id, level: ['*'], members: [index] });
  const summing = nodes.map((node) => {
    const row = new Array<number>(bottom.length).fill(0);
    for (const member of node.members) row[member] = 1;
    return row;
  });
  return { nodes, bottom: bottom.map((series) => ({ id: series.id, keys: { ...series.keys } })), summing };
}

/**
 * Sums bottom-level values up the hierarchy: one value per node, in node order.
 *
 * @example
 * aggregate(h, [[1, 2], [3, 4]]) // per node: the sum of its members' series
 */
export function aggregate(hierarchy: Hierarchy, bottomValues: readonly (readonly number[])[]): number[][] {
  const length = bottomValues[0]?.length ?? 0;
  return hierarchy.nodes.map((node) =>
    Array.from({ length }, (_, t) =>
      node.members.reduce((total, j) => total + (bottomValues[j]?.[t] ?? 0), 0),
    ),
  );
}
