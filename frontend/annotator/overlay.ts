import type { LinkInfo, Paragraph, Point, SpanInfo } from './types.js';
import { arc, inSight, linksToDraw, MAX_FAINT_LABELS, placeLabels } from './links.js';
import type { LabelBox } from './links.js';

/**
 * What is drawn over the text after layout, for the part of the article in sight only: the links (an
 * SVG of arcs laid over the article) and the spacing of sentence markers that share a line. Run after
 * each render and, throttled to one per frame, on scroll and resize; it measures only the paragraphs
 * near the viewport, so a long article's skipped paragraphs (content-visibility) are never laid out.
 */

export interface OverlayInput {
  host: HTMLElement;
  svg: SVGSVGElement;
  paragraphs: Paragraph[];
  /** The drawn paragraph elements, in the order of `paragraphs`. */
  paragraphEls: HTMLElement[];
  byParagraph: Map<number, SpanInfo[]>;
  bySpan: Map<string, LinkInfo[]>;
  /** Index (into paragraphs) of the paragraph each span starts in. */
  paragraphOfSpan: Map<string, number>;
  selectedId: string | null;
  /** Pick mode: the link being made, to the span under the caret or pointer (or none yet). */
  preview: { from: string; to: string | null } | null;
  /** Prefix of the arrowheads' ids, unique per element on the page. */
  idPrefix: string;
  /** Whether sentence markers are drawn (their spacing is fixed up here). */
  gutter: boolean;
}

export interface OverlayResult { first: number; last: number; strong: number; faint: number; }

const SVG = 'http://www.w3.org/2000/svg';
const LABEL_H = 13;

/**
 * Draws the overlay; returns the paragraphs in sight and how many links were drawn. Everything is measured
 * first and written after, so that the drawing costs one layout, not one per measurement.
 */
export function drawOverlay(input: OverlayInput): OverlayResult | null {
  const { host, svg, paragraphEls } = input;
  const hostRect = host.getBoundingClientRect();
  const viewTop = Math.max(0, hostRect.top);
  const viewBottom = Math.min(window.innerHeight, hostRect.bottom);
  const margin = Math.max(200, (viewBottom - viewTop) / 2);
  const rects = new Map<number, DOMRect>();
  const rectOf = (i: number) => {
    let r = rects.get(i);
    if (!r) {
      r = paragraphEls[i].getBoundingClientRect();
      rects.set(i, r);
    }
    return r;
  };
  const range = paragraphEls.length === 0 ? null
    : inSight(paragraphEls.length, (i) => [rectOf(i).top, rectOf(i).bottom], viewTop - margin, viewBottom + margin);
  const size = [host.offsetWidth, host.offsetHeight];
  const write = () => {
    svg.replaceChildren();
    svg.style.width = `${size[0]}px`;
    svg.style.height = `${size[1]}px`;
  };
  if (!range) {
    write();
    return null;
  }
  const [first, last] = range;
  const markerMoves = input.gutter ? sentenceMarkerMoves(paragraphEls.slice(first, last + 1)) : [];

  const inSightIds: string[] = [];
  for (let i = first; i <= last; i++) {
    for (const s of input.byParagraph.get(input.paragraphs[i].index) ?? []) inSightIds.push(s.id);
  }
  const { strong, faint } = linksToDraw(input.bySpan, inSightIds, input.selectedId);
  if (strong.length + faint.length === 0 && !input.preview) {
    write();
    applyMarkerMoves(markerMoves);
    return { first, last, strong: 0, faint: 0 };
  }

  const anchors = new Map<string, Point | null>();
  const anchor = (id: string): Point | null => {
    if (anchors.has(id)) return anchors.get(id)!;
    const pi = input.paragraphOfSpan.get(id);
    let point: Point | null = null;
    if (pi !== undefined && pi >= first && pi <= last) {
      const p = paragraphEls[pi];
      const el = p.querySelector(`[data-tag-for="${CSS.escape(id)}"]`) ?? p.querySelector(`.seg[data-ids~="${CSS.escape(id)}"]`);
      if (el) {
        const r = el.getBoundingClientRect();
        point = { x: r.left + Math.min(r.width / 2, 14) - hostRect.left, y: r.top - hostRect.top };
      }
    } else if (pi !== undefined && paragraphEls[pi]) {
      // out of sight: its paragraph's top edge is near enough, and reading it lays out nothing inside
      const r = paragraphEls[pi].getBoundingClientRect();
      point = { x: r.left + 24 - hostRect.left, y: r.top - hostRect.top };
    }
    anchors.set(id, point);
    return point;
  };

  type Drawn = { link: { id: string; from: string; to: string; name?: string | null }; kind: 'strong' | 'faint' | 'preview'; a: Point; b: Point };
  const drawn: Drawn[] = [];
  const measure = (link: Drawn['link'], kind: Drawn['kind']) => {
    const a = anchor(link.from);
    const b = anchor(link.to);
    if (a && b) drawn.push({ link, kind, a, b });
  };
  for (const l of faint) measure(l, 'faint');
  for (const l of strong) measure(l, 'strong');
  if (input.preview?.to) measure({ id: 'preview', from: input.preview.from, to: input.preview.to }, 'preview');

  // measured: now the writes
  write();
  applyMarkerMoves(markerMoves);
  const defs = document.createElementNS(SVG, 'defs');
  defs.append(arrowhead(`${input.idPrefix}-strong`), arrowhead(`${input.idPrefix}-faint`));
  svg.append(defs);
  const labels: Array<{ box: LabelBox; text: string; strong: boolean; id: string }> = [];
  for (const { link: l, kind, a, b } of drawn) {
    const { d, apex } = arc(a, b);
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('class', `link ${kind}`);
    path.setAttribute('marker-end', `url(#${input.idPrefix}-${kind === 'faint' ? 'faint' : 'strong'})`);
    path.dataset.link = l.id;
    path.dataset.from = l.from;
    path.dataset.to = l.to;
    svg.append(path);
    const name = l.name ?? '';
    if (name && (kind !== 'faint' || faint.length <= MAX_FAINT_LABELS)) {
      labels.push({ box: { x: apex.x, y: apex.y, w: name.length * 5.6 + 8, h: LABEL_H }, text: name, strong: kind !== 'faint', id: l.id });
    }
  }

  // names: the strong links' first, so that theirs keep their place when names would overlap
  labels.sort((x, y) => Number(y.strong) - Number(x.strong));
  const placed = placeLabels(labels.map((l) => l.box));
  labels.forEach((l, i) => {
    const box = placed[i];
    const g = document.createElementNS(SVG, 'g');
    g.setAttribute('class', `link-label ${l.strong ? 'strong' : 'faint'}`);
    g.dataset.link = l.id;
    const rect = document.createElementNS(SVG, 'rect');
    rect.setAttribute('x', String(box.x - box.w / 2));
    rect.setAttribute('y', String(box.y - box.h / 2));
    rect.setAttribute('width', String(box.w));
    rect.setAttribute('height', String(box.h));
    rect.setAttribute('rx', '3');
    const text = document.createElementNS(SVG, 'text');
    text.setAttribute('x', String(box.x));
    text.setAttribute('y', String(box.y + 3.5));
    text.textContent = l.text;
    g.append(rect, text);
    svg.append(g);
  });
  return { first, last, strong: strong.length, faint: faint.length };
}

function arrowhead(id: string): SVGMarkerElement {
  const marker = document.createElementNS(SVG, 'marker');
  marker.setAttribute('id', id);
  marker.setAttribute('viewBox', '0 0 10 10');
  marker.setAttribute('refX', '9');
  marker.setAttribute('refY', '5');
  marker.setAttribute('markerUnits', 'userSpaceOnUse'); // the same size on thick and thin links
  marker.setAttribute('markerWidth', '8');
  marker.setAttribute('markerHeight', '8');
  marker.setAttribute('orient', 'auto-start-reverse');
  const tip = document.createElementNS(SVG, 'path');
  tip.setAttribute('d', 'M0 0 L10 5 L0 10 z');
  marker.append(tip);
  return marker;
}

/**
 * Sentence markers sit in the gutter at the height of the line their sentence starts on; several
 * sentences starting on one line would cover each other, so each one after the first on its line moves
 * one place to the right (`--n`). This measures where each goes; applyMarkerMoves puts them there.
 */
export function sentenceMarkerMoves(paragraphEls: HTMLElement[]): Array<[HTMLElement, number]> {
  const moves: Array<[HTMLElement, number]> = [];
  for (const p of paragraphEls) {
    let lastTop = Number.NaN;
    let n = 0;
    for (const m of p.querySelectorAll<HTMLElement>(':scope > .sent')) {
      const top = m.offsetTop;
      n = Math.abs(top - lastTop) < 2 ? n + 1 : 0;
      lastTop = top;
      moves.push([m, n]);
    }
  }
  return moves;
}

export function applyMarkerMoves(moves: Array<[HTMLElement, number]>) {
  for (const [m, n] of moves) {
    if (m.style.getPropertyValue('--n') !== String(n)) m.style.setProperty('--n', String(n));
  }
}
