import type { Decoration, LabelInfo, Paragraph, Segment, SentenceInfo, SpanInfo } from './types.js';
import { paragraphClass, segment } from './layout.js';

/**
 * Builds a paragraph's DOM: segments with their highlights, a label tag (with the span's badge and a
 * "!" when it is incomplete) before each span, and the gutter markers of the sentences starting there.
 * Plain DOM rather than Lit templates, because a 100,000-character article is thousands of nodes: the
 * element builds each paragraph once and keeps it while the paragraph's signature stays the same.
 *
 * Article text goes in through textContent only, never parsed as HTML, so an imported article cannot
 * inject markup. Tags, badges and markers are aria-hidden: screen readers hear spans through the live
 * region and the span's title instead.
 */

/** What the drawing of a paragraph depends on besides its spans. */
export interface RenderContext {
  text: string;
  labelById: Map<string, LabelInfo>;
  /** Underline row of each span. */
  lanes: Map<string, number>;
  /** Lane mode: spans not every lane has. */
  differs: Set<string>;
  selectedId: string | null;
  /** Spans joined by a link to the selected one: drawn with a dotted ring. */
  linked: Set<string>;
  /** The badge and incomplete mark of a span. */
  decoration(s: SpanInfo): Decoration;
  /** Start of the sentence whose gutter marker is selected, or null. */
  selectedSentence: number | null;
}

/** A string that changes whenever the paragraph's drawing would: it is rebuilt only then. */
export function signature(ctx: RenderContext, spans: SpanInfo[], sentences: SentenceInfo[] = []): string {
  let sig = '';
  for (const s of spans) {
    const d = ctx.decoration(s);
    sig += `${s.id}:${s.label}:${s.start}:${s.end}:${ctx.lanes.get(s.id)}:${ctx.differs.has(s.id)}:${s.note ?? ''}`
      + `:${s.tag ?? ''}:${d.badge ?? ''}:${d.incomplete ? '!' : ''}:${ctx.linked.has(s.id) ? '~' : ''}|`;
  }
  if (ctx.selectedId && spans.some((s) => s.id === ctx.selectedId)) {
    sig += `#${ctx.selectedId}`;
  }
  for (const s of sentences) {
    sig += `/${s.start}-${s.end}:${s.tag ?? ''}:${s.title ?? ''}${s.start === ctx.selectedSentence ? '*' : ''}`;
  }
  return sig;
}

/** A paragraph: `p[data-o][data-end]` of segments, tags and (with a gutter) sentence markers. */
export function buildParagraph(ctx: RenderContext, p: Paragraph, spans: SpanInfo[], sentences: SentenceInfo[] = []): HTMLElement {
  const el = document.createElement('p');
  el.className = paragraphClass(ctx.text, p);
  el.dataset.o = String(p.start);
  el.dataset.end = String(p.end);
  const marks = new Map(sentences.map((s) => [s.start, s]));
  for (const seg of segment(p, spans, [...marks.keys()])) {
    const sentence = marks.get(seg.start);
    if (sentence) el.append(buildSentenceMarker(ctx, sentence));
    el.append(...buildSegment(ctx, seg));
  }
  return el;
}

/**
 * The gutter marker of a sentence: an absolutely placed box whose top stays at the line the sentence
 * starts on (its static position), showing the sentence's tag through CSS so that it adds no text.
 */
export function buildSentenceMarker(ctx: RenderContext, s: SentenceInfo): HTMLElement {
  const el = document.createElement('span');
  el.className = s.start === ctx.selectedSentence ? 'sent selected' : 'sent';
  el.setAttribute('aria-hidden', 'true');
  el.dataset.s = String(s.start);
  el.dataset.e = String(s.end);
  el.dataset.tag = s.tag ?? '';
  el.title = s.title || 'Sentence: click to label it (or S with the caret in it)';
  return el;
}

/** One segment, after the tags of the spans starting there. */
export function buildSegment(ctx: RenderContext, seg: Segment): HTMLElement[] {
  const out: HTMLElement[] = [];
  const el = document.createElement('span');
  el.dataset.o = String(seg.start);
  el.textContent = ctx.text.substring(seg.start, seg.end);
  if (seg.spans.length === 0) {
    el.className = 'plain';
    return [el];
  }
  for (const s of seg.spans) {
    if (s.start === seg.start) {
      const tag = buildTag(ctx, s);
      if (tag) out.push(tag);
    }
  }
  // innermost (shortest) span decides tint and underline style (a class per label); every span
  // also draws its own band below the text, in its lane, so overlapping spans all stay visible
  let inner = seg.spans[0];
  let maxLane = 0;
  let selected = false;
  let linked = false;
  for (const s of seg.spans) {
    if (s.end - s.start < inner.end - inner.start) inner = s;
    maxLane = Math.max(maxLane, ctx.lanes.get(s.id) ?? 0);
    selected ||= s.id === ctx.selectedId;
    linked ||= ctx.linked.has(s.id);
  }
  el.className = `seg l-${inner.label}${selected ? ' selected' : ''}${linked && !selected ? ' linked' : ''}`;
  el.dataset.ids = seg.spans.map((s) => s.id).join(' ');
  el.dataset.labels = seg.spans.map((s) => s.label).join(' ');
  el.title = seg.spans.map((s) => describe(ctx, s)).join('\n');
  if (seg.spans.length > 1 || maxLane > 0) {
    el.style.boxShadow = [...seg.spans]
      .sort((a, b) => (ctx.lanes.get(a.id) ?? 0) - (ctx.lanes.get(b.id) ?? 0))
      .map((s) => `inset 0 -${3 * ((ctx.lanes.get(s.id) ?? 0) + 1)}px 0 0 ${ctx.labelById.get(s.label)?.color ?? '#888888'}`)
      .join(', ');
    el.style.setProperty('--pad', `${3 * (maxLane + 1)}px`);
  }
  out.push(el);
  return out;
}

/** A span in words: its tag, label, badge, whether it is incomplete, and its note. */
export function describe(ctx: RenderContext, s: SpanInfo): string {
  const d = ctx.decoration(s);
  return (s.tag ? `${s.tag}: ` : '') + (ctx.labelById.get(s.label)?.name ?? s.label)
    + (d.badge ? ` (${d.badge})` : '') + (d.incomplete ? ' — incomplete: a required attribute or role is missing' : '')
    + (s.note ? ` — ${s.note}` : '');
}

/**
 * The small tag before a span's first character: tells labels apart without relying on colour. It
 * carries the span's badge after the label, and a "!" when the span is incomplete.
 */
export function buildTag(ctx: RenderContext, s: SpanInfo): HTMLElement | null {
  const label = ctx.labelById.get(s.label);
  if (!label) {
    return null;
  }
  const tag = document.createElement('span');
  tag.className = `tag t-${label.id}`;
  tag.setAttribute('aria-hidden', 'true');
  tag.dataset.tagFor = s.id;
  tag.textContent = s.tag ? `${s.tag} ${label.tag.replace(/^\S+ /, '')}` : label.tag;
  if (ctx.differs.has(s.id)) {
    // a shape, not only a colour: a dashed ring and a mark on the tag of every span the lanes do not share
    tag.classList.add('differs');
    tag.textContent += ' ≠';
  }
  const d = ctx.decoration(s);
  if (d.badge) {
    const badge = document.createElement('span');
    badge.className = 'badge';
    badge.textContent = d.badge;
    tag.append(badge);
  }
  if (d.incomplete) {
    const mark = document.createElement('span');
    mark.className = 'incomplete';
    mark.textContent = '!';
    mark.title = 'Incomplete: a required attribute or role is missing';
    tag.append(mark);
  }
  return tag;
}

/** Colours and underline styles per label, as classes: cheaper than a style attribute per segment. */
export function labelStyles(labels: LabelInfo[]): string {
  let css = '';
  for (const l of labels) {
    css += `slant-annotator .seg.l-${l.id} { background-color: ${tint(l.color, 0.16)}; text-decoration-color: ${l.color};`
      + ` text-decoration-style: ${cssDecoration(l.mark)}; box-shadow: inset 0 -3px 0 0 ${l.color}; }\n`
      + `slant-annotator .tag.t-${l.id} { background: ${l.color}; }\n`;
  }
  return css;
}

/** #rrggbb at the given opacity. */
export function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

/** A label's mark as a CSS text-decoration-style (solid for anything unknown). */
export function cssDecoration(mark?: string): string {
  return mark === 'double' || mark === 'dashed' || mark === 'dotted' || mark === 'wavy' ? mark : 'solid';
}
