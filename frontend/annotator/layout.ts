import type { Paragraph, Segment, SentenceInfo, SpanInfo } from './types.js';

/**
 * Layout without the DOM: paragraphs, the segments a paragraph is cut into, the lane (underline row)
 * each span draws in, and which spans and sentences fall in which paragraph. Pure functions, so that
 * Node's test runner checks them (src/test/frontend).
 */

/** The text's paragraphs: the runs between line breaks (a CR before the LF is part of the break), empty ones left out. */
export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) {
      nl = text.length;
    }
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > start) {
      out.push({ index: index++, start, end });
    }
    start = nl + 1;
  }
  return out;
}

/** A short line without closing punctuation reads as a heading; the first paragraph is the title. */
export function paragraphClass(text: string, p: Paragraph): string {
  if (p.index === 0) {
    return 'heading title';
  }
  const line = text.substring(p.start, p.end);
  return line.length < 80 && !/[.!?:;,"”]$/.test(line.trim()) ? 'heading' : '';
}

/** The paragraph holding the offset (the last one starting at or before it), or null before the first. */
export function paragraphAt(paragraphs: Paragraph[], offset: number): Paragraph | null {
  let lo = 0;
  let hi = paragraphs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (paragraphs[mid].start <= offset) lo = mid + 1; else hi = mid;
  }
  return lo > 0 ? paragraphs[lo - 1] : null;
}

/**
 * Cuts a paragraph where a span starts or ends (and at the extra offsets: where a sentence's gutter
 * marker goes), each piece with the spans covering it.
 */
export function segment(p: Paragraph, spans: SpanInfo[], extraCuts: number[] = []): Segment[] {
  const cuts = new Set<number>([p.start, p.end]);
  const cut = (x: number) => { if (x > p.start && x < p.end) cuts.add(x); };
  for (const s of spans) {
    cut(s.start);
    cut(s.end);
  }
  extraCuts.forEach(cut);
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({ start, end, spans: spans.filter((s) => s.start < end && s.end > start) });
  }
  return out;
}

/** Document order: by start, the longer first, then by id, so that lanes do not depend on arrival order. */
export function sortSpans(spans: SpanInfo[]): SpanInfo[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
}

/**
 * Greedy interval colouring over spans in document order: each span takes the lowest lane free at its
 * start, so overlapping spans draw their bands in different rows and keep their row across lines. With
 * groups (lane mode) each group has lanes of its own.
 */
export function assignLanes(sorted: SpanInfo[], byGroup: boolean): Map<string, number> {
  const lanes = new Map<string, number>();
  const ends = new Map<string, number[]>();
  for (const s of sorted) {
    const key = byGroup ? s.group ?? '' : '';
    let laneEnds = ends.get(key);
    if (!laneEnds) {
      laneEnds = [];
      ends.set(key, laneEnds);
    }
    let lane = laneEnds.findIndex((end) => end <= s.start);
    if (lane < 0) {
      lane = laneEnds.length;
      laneEnds.push(s.end);
    } else {
      laneEnds[lane] = s.end;
    }
    lanes.set(s.id, lane);
  }
  return lanes;
}

/** Lane mode: the ids of spans that not every group has (same start, end and label), i.e. the disagreements. */
export function differingSpans(spans: SpanInfo[], groupCount: number): Set<string> {
  const differs = new Set<string>();
  if (groupCount < 2) {
    return differs;
  }
  const key = (s: SpanInfo) => `${s.start}:${s.end}:${s.label}`;
  const groupsWith = new Map<string, Set<string>>();
  for (const s of spans) {
    if (!groupsWith.has(key(s))) groupsWith.set(key(s), new Set());
    groupsWith.get(key(s))!.add(s.group ?? '');
  }
  for (const s of spans) {
    if (groupsWith.get(key(s))!.size < groupCount) differs.add(s.id);
  }
  return differs;
}

/** The spans of each paragraph (by paragraph index), a span over a line break in each of its paragraphs. */
export function spansByParagraph(sorted: SpanInfo[], paragraphs: Paragraph[]): Map<number, SpanInfo[]> {
  const byParagraph = new Map<number, SpanInfo[]>();
  let pi = 0;
  for (const s of sorted) {
    while (pi < paragraphs.length && paragraphs[pi].end <= s.start) {
      pi++;
    }
    for (let i = pi; i < paragraphs.length && paragraphs[i].start < s.end; i++) {
      const p = paragraphs[i];
      if (s.end > p.start && s.start < p.end) {
        let list = byParagraph.get(p.index);
        if (!list) {
          list = [];
          byParagraph.set(p.index, list);
        }
        list.push(s);
      }
    }
  }
  return byParagraph;
}

/** The sentences starting in each paragraph (by paragraph index): their gutter markers go there. */
export function sentencesByParagraph(sentences: SentenceInfo[], paragraphs: Paragraph[]): Map<number, SentenceInfo[]> {
  const out = new Map<number, SentenceInfo[]>();
  for (const s of sentences) {
    const p = paragraphAt(paragraphs, s.start);
    if (p && s.start < p.end) {
      let list = out.get(p.index);
      if (!list) {
        list = [];
        out.set(p.index, list);
      }
      list.push(s);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}
