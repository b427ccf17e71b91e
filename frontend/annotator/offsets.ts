import type { Paragraph } from './types.js';
import { paragraphAt } from './layout.js';

/**
 * Text offsets <-> DOM points. The article is drawn as paragraphs (`p[data-o]`) of segments
 * (`span[data-o]`, one text node each) with markers between them that hold no article text: label tags
 * (`.tag`) and sentence markers (`.sent`). Every offset is a UTF-16 index into the text; code points are
 * the Java wrapper's business (SpanAnnotator, through CodePointIndex), so nothing here converts.
 */

/** A tag or a sentence marker: drawn between segments, holding no article text. */
export function isMarker(el: Element | null): boolean {
  return !!el && (el.classList.contains('tag') || el.classList.contains('sent'));
}

/** The offset where the first segment at or after the element starts (markers skipped), or null. */
export function elementStart(el: Element | null): number | null {
  let e = el;
  while (e && isMarker(e)) {
    e = e.nextElementSibling;
  }
  return e && e.hasAttribute('data-o') ? Number(e.getAttribute('data-o')) : null;
}

/**
 * The text offset of a DOM point (node, offset) inside `root`, from the data-o of its segment; null
 * outside the article. A point on a marker counts as the start of the segment after it.
 */
export function offsetOf(root: Element, textLength: number, node: Node | null, offset: number): number | null {
  if (!node) {
    return null;
  }
  if (node === root) {
    return offset === 0 ? 0 : textLength;
  }
  if (!root.contains(node)) {
    return null;
  }
  if (node.nodeType === Node.TEXT_NODE) {
    const owner = node.parentElement;
    const marker = owner?.closest('.tag, .sent') ?? null;
    if (marker && root.contains(marker)) {
      return elementStart(marker.nextElementSibling);
    }
    const base = owner?.getAttribute('data-o');
    return base == null ? null : Number(base) + Math.min(offset, (node as Text).length);
  }
  const el = node as Element;
  if (isMarker(el)) {
    return elementStart(el.nextElementSibling);
  }
  if (el.hasAttribute('data-o') && el.tagName === 'SPAN') {
    return Number(el.getAttribute('data-o')) + (offset > 0 ? (el.textContent?.length ?? 0) : 0);
  }
  if (el.tagName === 'P' || el.classList.contains('article')) {
    // children also include Lit's comment markers, tags and sentence markers: take the next element with an offset
    const want = el.tagName === 'P' ? 'span[data-o]' : 'p[data-o]';
    for (let i = offset; i < el.childNodes.length; i++) {
      const c = el.childNodes[i];
      if (c.nodeType === Node.ELEMENT_NODE && (c as Element).matches(want)) {
        return Number((c as Element).getAttribute('data-o'));
      }
    }
    return el.tagName === 'P' ? Number(el.getAttribute('data-end')) : textLength;
  }
  return null;
}

/** The paragraph element drawn for a paragraph; none in lane mode, where each is drawn once per lane. */
export function paragraphElement(root: Element, p: Paragraph): HTMLElement | null {
  return root.querySelector(`.article > p[data-o="${p.start}"]`);
}

/** The DOM point (text node, offset) of a text offset: the inverse of offsetOf. */
export function pointAt(root: Element, paragraphs: Paragraph[], offset: number): { node: Text; offset: number } | null {
  const p = paragraphAt(paragraphs, offset);
  const el = p ? paragraphElement(root, p) : null;
  let last: { node: Text; base: number } | null = null;
  for (const c of el ? [...el.children] : []) {
    const t = c.firstChild;
    if (isMarker(c) || !(t instanceof Text)) continue;
    const base = Number(c.getAttribute('data-o'));
    if (offset < base + t.length) return { node: t, offset: Math.max(0, offset - base) };
    last = { node: t, base };
  }
  return last ? { node: last.node, offset: Math.min(last.node.length, offset - last.base) } : null;
}

/** A DOM range over [start, end) of the text, or null when either end is not drawn. */
export function rangeOf(root: Element, paragraphs: Paragraph[], start: number, end: number): Range | null {
  const a = pointAt(root, paragraphs, start);
  const b = pointAt(root, paragraphs, end);
  if (!a || !b) return null;
  const r = document.createRange();
  r.setStart(a.node, a.offset);
  r.setEnd(b.node, b.offset);
  return r;
}

/** The window's selection inside `root` as [start, end) offsets, or null when there is none there. */
export function selectionRange(root: Element, textLength: number): [number, number] | null {
  const sel = window.getSelection();
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
    return null;
  }
  const range = sel.getRangeAt(0);
  const a = offsetOf(root, textLength, range.startContainer, range.startOffset);
  const b = offsetOf(root, textLength, range.endContainer, range.endOffset);
  if (a === null || b === null || a === b) {
    return null;
  }
  return [Math.min(a, b), Math.max(a, b)];
}
