import type { LinkInfo, Point } from './types.js';

/**
 * Link geometry without the DOM: which links to draw for the part of the article in sight, the arc
 * each one takes over the text, and where its name goes. A long article can carry thousands of links:
 * only those with an end near the viewport are drawn, the selected span's strongly, the rest faintly.
 */

/** The links at each span (as either end), by span id. */
export function linksBySpan(links: LinkInfo[]): Map<string, LinkInfo[]> {
  const out = new Map<string, LinkInfo[]>();
  const add = (id: string, l: LinkInfo) => {
    let list = out.get(id);
    if (!list) {
      list = [];
      out.set(id, list);
    }
    list.push(l);
  };
  for (const l of links) {
    add(l.from, l);
    if (l.to !== l.from) add(l.to, l);
  }
  return out;
}

/** The spans joined to the span by a link, either way. */
export function linkedSpans(bySpan: Map<string, LinkInfo[]>, spanId: string | null): Set<string> {
  const out = new Set<string>();
  for (const l of (spanId ? bySpan.get(spanId) : undefined) ?? []) {
    out.add(l.from === spanId ? l.to : l.from);
  }
  return out;
}

/** At most this many faint links are drawn at once; beyond it the view would be a tangle anyway. */
export const MAX_FAINT = 400;
/** Faint links carry their names only while this few are drawn. */
export const MAX_FAINT_LABELS = 60;

/**
 * The links to draw: every link of the selected span (strong), then those with an end among the spans
 * in sight (faint), each once, in the order met, at most `maxFaint` of them.
 */
export function linksToDraw(bySpan: Map<string, LinkInfo[]>, spansInSight: Iterable<string>, selectedId: string | null,
  maxFaint = MAX_FAINT): { strong: LinkInfo[]; faint: LinkInfo[] } {
  const seen = new Set<string>();
  const strong: LinkInfo[] = [];
  const faint: LinkInfo[] = [];
  for (const l of (selectedId ? bySpan.get(selectedId) : undefined) ?? []) {
    if (!seen.has(l.id)) {
      seen.add(l.id);
      strong.push(l);
    }
  }
  for (const id of spansInSight) {
    for (const l of bySpan.get(id) ?? []) {
      if (seen.has(l.id)) continue;
      if (faint.length >= maxFaint) return { strong, faint };
      seen.add(l.id);
      faint.push(l);
    }
  }
  return { strong, faint };
}

/** An arc from a to b (the tops of the two spans' tags) and the point at its top, where its name goes. */
export interface Arc { d: string; apex: Point; }

/**
 * The arc over the text from a to b: it rises above both ends (more for ends further apart, within
 * limits, so that it stays in the space between the lines) and comes down on each end from above. A
 * link from a span to itself is a small loop.
 */
export function arc(a: Point, b: Point): Arc {
  const dx = Math.abs(b.x - a.x);
  const dy = Math.abs(b.y - a.y);
  if (dx < 1 && dy < 1) {
    const r = 9;
    return { d: `M${f(a.x - 3)} ${f(a.y)} C${f(a.x - r)} ${f(a.y - 2 * r)} ${f(a.x + r)} ${f(a.y - 2 * r)} ${f(a.x + 3)} ${f(a.y)}`,
      apex: { x: a.x, y: a.y - 1.5 * r } };
  }
  // high enough that the name at the top clears the tags, low enough to stay between the lines
  const h = Math.min(34, 17 + dx * 0.06 + dy * 0.02);
  const top = Math.min(a.y, b.y) - h;
  // cubic Bézier whose control points sit at `top` above each end: its highest point is 3/4 of the way up
  const d = `M${f(a.x)} ${f(a.y)} C${f(a.x)} ${f(top)} ${f(b.x)} ${f(top)} ${f(b.x)} ${f(b.y)}`;
  return { d, apex: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 8 + (3 * top) / 4 } };
}

/** A box for a link's name (its centre and size). */
export interface LabelBox { x: number; y: number; w: number; h: number; }

/**
 * Moves names up (by whole label heights) until none overlaps one placed before it: the strong links'
 * names go first, so they keep their place.
 */
export function placeLabels(boxes: LabelBox[]): LabelBox[] {
  const placed: LabelBox[] = [];
  for (const box of boxes) {
    let y = box.y;
    for (let tries = 0; tries < 6 && placed.some((p) => overlaps(p, { ...box, y })); tries++) {
      y -= box.h + 1;
    }
    placed.push({ ...box, y });
  }
  return placed;
}

function overlaps(a: LabelBox, b: LabelBox): boolean {
  return Math.abs(a.x - b.x) * 2 < a.w + b.w && Math.abs(a.y - b.y) * 2 < a.h + b.h;
}

/**
 * The first and last of a run of boxes sorted top to bottom (paragraphs) that meet [top, bottom], by
 * binary search over `edges(i)` = [top, bottom] of box i; null when none does.
 */
export function inSight(count: number, edges: (i: number) => [number, number], top: number, bottom: number): [number, number] | null {
  let lo = 0;
  let hi = count;
  while (lo < hi) { // first box whose bottom is below the top of the window
    const mid = (lo + hi) >> 1;
    if (edges(mid)[1] < top) lo = mid + 1; else hi = mid;
  }
  const first = lo;
  hi = count;
  while (lo < hi) { // first box whose top is below the bottom of the window
    const mid = (lo + hi) >> 1;
    if (edges(mid)[0] <= bottom) lo = mid + 1; else hi = mid;
  }
  return lo - 1 >= first ? [first, lo - 1] : null;
}

function f(n: number): string {
  return String(Math.round(n * 10) / 10);
}
