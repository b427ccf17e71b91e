import type { Caret, Paragraph } from './types.js';
import { paragraphAt } from './layout.js';

/**
 * The keyboard caret's stops and moves, without the DOM: where words and sentences start and end, and
 * where each key takes the caret. Sentences are the server's (the one source of sentence boundaries,
 * ICU4J) when it sent them; only without them does the browser find its own (Intl.Segmenter).
 */

/** Word starts and ends (ws, we) and sentence starts and ends (ss, se), each sorted. */
export interface Stops { ws: number[]; we: number[]; ss: number[]; se: number[]; }

interface SegmentData { segment: string; index: number; isWordLike?: boolean; }
type SegmenterClass = new (l?: string, o?: object) => { segment(t: string): Iterable<SegmentData> };
const Segmenter = (Intl as unknown as { Segmenter?: SegmenterClass }).Segmenter;

/**
 * The stops of a text: words from Intl.Segmenter (letter and digit runs without it), sentences from
 * `sentences` ([start, end) pairs, sorted) when given, else from Intl.Segmenter per paragraph.
 */
export function computeStops(text: string, paragraphs: Paragraph[], sentences?: Array<[number, number]>): Stops {
  const ws: number[] = [], we: number[] = [], ss: number[] = [], se: number[] = [];
  const words = Segmenter ? new Segmenter(undefined, { granularity: 'word' }) : null;
  const sentenceSegmenter = Segmenter && !sentences ? new Segmenter(undefined, { granularity: 'sentence' }) : null;
  for (const p of paragraphs) {
    const t = text.substring(p.start, p.end);
    const wordList = words ? [...words.segment(t)].filter((w) => w.isWordLike)
      : [...t.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({ segment: m[0], index: m.index! }));
    for (const w of wordList) {
      ws.push(p.start + w.index);
      we.push(p.start + w.index + w.segment.length);
    }
    if (sentences) continue;
    const sentenceList = sentenceSegmenter ? [...sentenceSegmenter.segment(t)]
      : [...t.matchAll(/[^.!?…]+(?:[.!?…]+["”’)\]]*|$)/g)].map((m) => ({ segment: m[0], index: m.index! }));
    for (const s of sentenceList) {
      const lead = s.segment.length - s.segment.trimStart().length;
      const end = s.segment.trimEnd().length;
      if (end > lead) {
        ss.push(p.start + s.index + lead);
        se.push(p.start + s.index + end);
      }
    }
  }
  for (const [start, end] of sentences ?? []) {
    ss.push(start);
    se.push(end);
  }
  return { ws, we, ss, se };
}

/** The index of the first value in the sorted list above x (list.length when none is). */
export function firstAbove(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The first value in the sorted list after x, or null. */
export function after(list: number[], x: number): number | null {
  const i = firstAbove(list, x);
  return i < list.length ? list[i] : null;
}

/** The last value in the sorted list before x, or null. */
export function before(list: number[], x: number): number | null {
  const i = firstAbove(list, x - 1);
  return i > 0 ? list[i - 1] : null;
}

/** Shift+movement: the focus grows or shrinks the selection by whole words (or sentences). */
export function extend(kb: Caret, starts: number[], ends: number[], forward: boolean): number {
  const { anchor, focus } = kb;
  if (forward) {
    const s = after(starts, focus);
    return focus < anchor && s !== null && s <= anchor ? s : after(ends, focus) ?? focus;
  }
  const e = before(ends, focus);
  return focus > anchor && e !== null && e >= anchor ? e : before(starts, focus) ?? focus;
}

/** The keys that move the caret. */
export const MOVES = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'];

/**
 * Where a movement key takes the caret: ←/→ by word, ↑/↓ by sentence start, Home/End to the paragraph's
 * ends; with Shift the anchor stays and the selection grows or shrinks by whole words or sentences. A
 * plain ←/→ on a selection collapses it to that side.
 */
export function move(kb: Caret, key: string, shift: boolean, stops: Stops, paragraphs: Paragraph[]): Caret {
  const { ws, we, ss, se } = stops;
  const p = paragraphAt(paragraphs, kb.focus);
  const collapsed = kb.anchor === kb.focus;
  let focus = kb.focus;
  switch (key) {
    case 'ArrowRight': focus = shift ? extend(kb, ws, we, true) : !collapsed ? Math.max(kb.anchor, focus) : after(ws, focus) ?? focus; break;
    case 'ArrowLeft': focus = shift ? extend(kb, ws, we, false) : !collapsed ? Math.min(kb.anchor, focus) : before(ws, focus) ?? focus; break;
    case 'ArrowDown': focus = shift ? extend(kb, ss, se, true) : after(ss, focus) ?? focus; break;
    case 'ArrowUp': focus = shift ? extend(kb, ss, se, false) : before(ss, focus) ?? focus; break;
    case 'Home': focus = p ? p.start : focus; break;
    case 'End': focus = p ? p.end : focus; break;
    default: return kb;
  }
  return { anchor: shift ? kb.anchor : focus, focus };
}

/**
 * The index of the sentence at the caret: the one it is in, or, in the white space after a sentence, the
 * next one; -1 when there is none.
 */
export function sentenceIndexAt(stops: Stops, focus: number): number {
  const { ss, se } = stops;
  let i = firstAbove(ss, focus) - 1;
  if (i < 0) return ss.length > 0 ? 0 : -1;
  if (se[i] < focus && i + 1 < ss.length) i++;
  return i;
}

/** The word at the offset, or the next one before the paragraph's end, as [start, end). */
export function wordAt(stops: Stops, offset: number, paragraphEnd: number): [number, number] | null {
  const { ws, we } = stops;
  const i = firstAbove(we, offset);
  return i < ws.length && ws[i] < paragraphEnd ? [ws[i], we[i]] : null;
}

/** A long selection read out as its start and end. */
export function clip(s: string): string {
  return s.length <= 160 ? s : `${s.slice(0, 70)} … ${s.slice(-70)}`;
}
