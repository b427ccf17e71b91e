import { LitElement, html, css, nothing } from 'lit';
import type { PropertyValues } from 'lit';

import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';

import type { Caret, Decoration, LabelInfo, LinkInfo, Paragraph, SentenceInfo, SpanInfo } from './annotator/types.js';
import { assignLanes, differingSpans, paragraphAt, sentencesByParagraph, sortSpans, spansByParagraph, splitParagraphs } from './annotator/layout.js';
import { clip, computeStops, MOVES, move, sentenceIndexAt, wordAt } from './annotator/caret.js';
import type { Stops } from './annotator/caret.js';
import { linkedSpans, linksBySpan } from './annotator/links.js';
import { offsetOf, paragraphElement, pointAt, rangeOf, selectionRange } from './annotator/offsets.js';
import { buildParagraph, describe, labelStyles, signature } from './annotator/render.js';
import type { RenderContext } from './annotator/render.js';
import { drawOverlay } from './annotator/overlay.js';

export type { Decoration, LabelInfo, LinkInfo, SentenceInfo, SpanInfo } from './annotator/types.js';

/**
 * <slant-annotator>: shows an article as paragraphs with highlighted spans and turns mouse and
 * keyboard gestures into intents (create, select, relabel, delete, undo, link, select a sentence). It
 * never decides anything: the server validates each intent, stores it and pushes the new state back.
 *
 * Besides the spans it draws
 * - links (`links`, between span ids) as arcs over the text with their names, only near the viewport:
 *   the selected span's links strong (thick, solid, named), the others faint (thin, dashed), and the
 *   spans at the other end of the selected span's links with a dotted ring;
 * - a gutter (`sentences`): a small box beside the line each sentence starts on, showing its tag;
 * - a badge after a span's label tag (attribute values) and a "!" on an incomplete span.
 *
 * Events (all bubble): `create-span` {start, end, label}, `select-span` {id}, `relabel-span` and
 * `delete-span` {id, seen}, `undo`, `link-pick` {from, to} (span ids), `sentence-select` {start, end}.
 *
 * Offsets here are UTF-16 units (JavaScript string indices); the Java wrapper converts them to and
 * from the code point offsets Slant stores. Article text is only ever rendered as text nodes, never
 * as HTML, so an imported article cannot inject markup. The parts live in ./annotator/: layout
 * (paragraphs, segments, lanes), caret (keyboard stops and moves), offsets (DOM points <-> offsets),
 * links (which links to draw, arcs), render (a paragraph's DOM) and overlay (links and markers after layout).
 */
@customElement('slant-annotator')
export class SlantAnnotator extends LitElement {
  @property({ type: String }) text = '';
  @property({ attribute: false }) labels: LabelInfo[] = [];
  @property({ attribute: false }) spans: SpanInfo[] = [];
  @property({ type: String }) selectedId: string | null = null;
  @property({ type: Boolean }) readonly = false;
  /**
   * Read-only comparison, one lane per group: each paragraph is drawn once per group (an annotator),
   * with only that group's spans, so the readings of one passage sit under each other. Empty: all
   * spans stacked in one text. Lane mode draws no links and no gutter.
   */
  @property({ attribute: false }) groups: string[] = [];
  /** Links between spans, drawn over the text. */
  @property({ attribute: false }) links: LinkInfo[] = [];
  /** Sentences with a gutter marker each; none: no gutter. */
  @property({ attribute: false }) sentences: SentenceInfo[] = [];
  /**
   * The server's sentence boundaries as flat [start, end, start, end, …] pairs: the caret's ↑/↓ and S
   * use them, so the browser's sentences are the server's. Without them, `sentences`, else Intl.Segmenter.
   */
  @property({ attribute: false }) sentenceRanges: number[] = [];
  /** Badge and incomplete mark per span id, applied to whatever spans are shown. */
  @property({ attribute: false }) decorations: Record<string, Decoration> = {};
  /** Start of the sentence whose gutter marker is drawn selected. */
  @property({ type: Number }) selectedSentence: number | null = null;
  @state() private paragraphs: Paragraph[] = [];
  /** Pick mode: a link from this span is being made. */
  @state() private picking: { from: string } | null = null;
  /**
   * Pick mode: the span under the caret or pointer, where the link would go. Not reactive: following the
   * pointer redraws only the overlay and the target's outline, never the paragraphs.
   */
  private pickTarget: string | null = null;

  /** Spans by paragraph index, rebuilt when spans change. */
  private byParagraph = new Map<number, SpanInfo[]>();
  /** Index (into paragraphs) of the paragraph each span starts in. */
  private paragraphOfSpan = new Map<string, number>();
  /** Stable lane (underline row) per span, so an overlapping span keeps its row across lines. */
  private lanes = new Map<string, number>();
  /** Lane mode: ids of spans that not every lane has (same start, end and label): the disagreements. */
  private differs = new Set<string>();
  private labelById = new Map<string, LabelInfo>();
  private linksAt = new Map<string, LinkInfo[]>();
  /** Spans joined to the selected span. */
  private linked = new Set<string>();
  private sentencesIn = new Map<number, SentenceInfo[]>();
  private clickCycle: { offset: number; index: number } | null = null;
  private labelSheet = new CSSStyleSheet();
  /** Keyboard caret (UTF-16 offsets): focus is where the caret is drawn; anchor !== focus is a selection. */
  private kb: Caret | null = null;
  /** Word and sentence starts and ends, sorted; built on first keyboard use, per text. */
  private stops: Stops | null = null;
  private readonly instance = ++instances;
  private helpId = `slant-kb-help-${this.instance}`;
  /** A label key was pressed with the keyboard caret: show the caret again after the next render. */
  private kbAfterRender = false;
  /** The caret is hidden only until that answer is drawn: keys pressed meanwhile go on from where it was. */
  private kbWaiting = false;
  private overlayFrame = 0;
  private paragraphEls: HTMLElement[] | null = null;
  private resizeObserver: ResizeObserver | null = null;

  /** Light DOM: selections in a shadow root are reported differently by each browser; here they are not. */
  protected createRenderRoot() {
    adoptStyles();
    return this;
  }

  static sheet = css`
    slant-annotator { display: block; outline: none; position: relative; border-radius: 4px; }
    slant-annotator:focus-visible { outline: 3px solid var(--lumo-primary-color, #1a73e8); outline-offset: 6px; }
    slant-annotator.picking, slant-annotator.picking:focus-visible { outline: 3px dashed var(--lumo-primary-color, #1a73e8); outline-offset: 6px; cursor: crosshair; }
    slant-annotator.picking .seg { cursor: crosshair; }
    slant-annotator .kb-caret { position: absolute; width: 2px; margin-left: -1px; pointer-events: none;
      background: var(--lumo-primary-color, #1a73e8); box-shadow: 0 0 0 1px #fff; }
    slant-annotator .kb-caret[hidden] { display: none; }
    ::highlight(slant-kb-word) { background-color: rgba(26, 115, 232, 0.22); }
    slant-annotator .kb-status { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    slant-annotator .article { font-family: var(--slant-article-font, Georgia, 'Times New Roman', serif); font-size: 1.08rem;
      line-height: 2.15; color: var(--lumo-body-text-color, #1b1f24); max-width: 46rem; margin: 0 auto; }
    slant-annotator p { margin: 0 0 0.9em 0; white-space: pre-wrap; overflow-wrap: anywhere;
      /* long articles: the browser lays out only the paragraphs near the viewport */
      content-visibility: auto; contain-intrinsic-size: auto 4.5em; }
    slant-annotator p.heading { font-family: var(--lumo-font-family, system-ui, sans-serif); font-weight: 650; font-size: 1.15rem;
      margin-top: 1.2em; line-height: 1.9; }
    slant-annotator p.title { font-size: 1.6rem; line-height: 1.5; }
    slant-annotator .seg { box-decoration-break: clone; -webkit-box-decoration-break: clone; border-radius: 2px; cursor: pointer;
      padding-bottom: var(--pad, 3px); text-decoration-line: underline; text-decoration-thickness: 2px; text-underline-offset: 3px; }
    slant-annotator .seg.selected { outline: 2px solid var(--lumo-primary-color, #1a73e8); outline-offset: 1px; }
    slant-annotator .seg.linked { outline: 2px dotted #3d4852; outline-offset: 1px; }
    slant-annotator .seg.pick-target { outline: 2px dashed var(--lumo-primary-color, #1a73e8); outline-offset: 2px; }
    slant-annotator .tag { font-family: var(--lumo-font-family, system-ui, sans-serif); font-size: 0.62rem; font-weight: 700;
      letter-spacing: 0.02em; vertical-align: 0.55em; line-height: 1; padding: 0 3px; margin-right: 1px;
      border-radius: 3px; color: #fff; white-space: nowrap; user-select: none; -webkit-user-select: none; }
    slant-annotator .tag .badge { margin-left: 4px; padding: 0 3px; border-radius: 2px; background: rgba(255, 255, 255, 0.92);
      color: #1b1f24; font-weight: 600; letter-spacing: 0; }
    slant-annotator .tag .badge:last-child { margin-right: -2px; }
    slant-annotator .tag .incomplete { display: inline-block; margin-left: 3px; min-width: 0.9em; border-radius: 50%;
      background: #fff; color: #b3261e; font-weight: 900; text-align: center; box-shadow: 0 0 0 1.5px #b3261e; }
    slant-annotator .empty { color: var(--lumo-secondary-text-color, #666); font-style: italic; }
    slant-annotator .lane-block { border-left: 3px solid var(--lumo-contrast-10pct, #e6e8eb); padding-left: 0.5rem; margin-bottom: 1.1em; }
    slant-annotator .lane-row { display: grid; grid-template-columns: 6.5rem 1fr; column-gap: 0.6rem; align-items: baseline; }
    slant-annotator .lane-row + .lane-row { border-top: 1px dashed var(--lumo-contrast-10pct, #e6e8eb); }
    slant-annotator .lane-row p { margin: 0.1em 0; content-visibility: visible; } /* contained boxes lose their baseline */
    slant-annotator .tag.differs { outline: 2px dashed var(--lumo-error-color, #c62828); outline-offset: 1px; }
    slant-annotator .lane-name { font-family: var(--lumo-font-family, system-ui, sans-serif); font-size: 0.75rem; font-weight: 600;
      color: var(--lumo-secondary-text-color, #666); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
    /* the gutter: a marker per sentence, kept at the height of the line it starts on (its static position) */
    slant-annotator .article.gutter p { position: relative; padding-left: 2.9rem; }
    slant-annotator .sent { position: absolute; left: calc(0.1rem + var(--n, 0) * 1.35rem); margin-top: 0.42em; box-sizing: border-box;
      min-width: 1.15rem; height: 1.15rem; padding: 0 2px; border: 1.5px solid var(--lumo-contrast-50pct, #8a9099); border-radius: 3px;
      background: #fff; color: #1b1f24; font: 700 0.66rem/0.95rem var(--lumo-font-family, system-ui, sans-serif); text-align: center;
      cursor: pointer; user-select: none; -webkit-user-select: none; z-index: 2; }
    slant-annotator .sent::before { content: attr(data-tag); }
    slant-annotator .sent:hover { border-color: var(--lumo-primary-color, #1a73e8); }
    slant-annotator .sent.selected { border: 2.5px solid var(--lumo-primary-color, #1a73e8); background: var(--lumo-primary-color, #1a73e8);
      color: #fff; line-height: 0.8rem; box-shadow: 0 0 0 2px #fff, 0 0 0 3.5px var(--lumo-primary-color, #1a73e8); }
    /* links: arcs over the text, never in the way of the pointer */
    slant-annotator svg.links { position: absolute; left: 0; top: 0; pointer-events: none; overflow: visible; z-index: 1; }
    slant-annotator svg.links path.link { fill: none; stroke: #3d4852; }
    slant-annotator svg.links path.link.faint { stroke-width: 1; stroke-dasharray: 3 3; opacity: 0.5; }
    slant-annotator svg.links path.link.strong { stroke-width: 2; }
    slant-annotator svg.links path.link.preview { stroke-width: 2; stroke-dasharray: 6 4; stroke: var(--lumo-primary-color, #1a73e8); }
    slant-annotator svg.links marker path { fill: #3d4852; }
    slant-annotator svg.links .link-label rect { fill: #fff; stroke: #3d4852; stroke-width: 0.75; }
    slant-annotator svg.links .link-label text { font: 600 9.5px var(--lumo-font-family, system-ui, sans-serif); text-anchor: middle; fill: #1b1f24; }
    slant-annotator svg.links .link-label.faint { opacity: 0.6; }
    slant-annotator svg.links .link-label.strong text { font-weight: 800; }
    slant-annotator svg.links .link-label.strong rect { stroke-width: 1.5; }
    slant-annotator .pick-banner { position: sticky; top: 0; height: 0; z-index: 3; pointer-events: none; }
    slant-annotator .pick-banner > div { position: absolute; left: 50%; transform: translateX(-50%); top: 4px; max-width: 90%;
      padding: 4px 10px; border-radius: 4px; background: #1b1f24; color: #fff; font: 600 0.8rem/1.3 var(--lumo-font-family, system-ui, sans-serif);
      box-shadow: 0 2px 6px rgba(0, 0, 0, 0.25); white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
  `;

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('text')) {
      this.paragraphs = splitParagraphs(this.text);
      this.stops = null;
      this.kb = null;
      this.picking = null;
    }
    if (changed.has('sentences') || changed.has('sentenceRanges')) {
      this.stops = null;
    }
    if (changed.has('labels')) {
      this.labelById = new Map(this.labels.map((l) => [l.id, l]));
      this.labelSheet.replaceSync(labelStyles(this.labels));
    }
    if (changed.has('spans') || changed.has('text') || changed.has('groups')) {
      this.indexSpans();
    }
    if (changed.has('links')) {
      this.linksAt = linksBySpan(this.links);
    }
    if (changed.has('links') || changed.has('selectedId')) {
      this.linked = linkedSpans(this.linksAt, this.selectedId);
    }
    if (changed.has('sentences') || changed.has('text')) {
      this.sentencesIn = sentencesByParagraph(this.sentences, this.paragraphs);
    }
    if (this.picking && !this.spans.some((s) => s.id === this.picking!.from)) {
      this.picking = null; // the span the link was to start from is gone
    }
  }

  /** Applies a change pushed by the server without resending the whole layer. */
  applyChange(json: string) {
    const change = JSON.parse(json) as { upsert: SpanInfo[]; remove: string[]; selectedId?: string | null };
    const drop = new Set([...change.remove, ...change.upsert.map((s) => s.id)]);
    this.spans = [...this.spans.filter((s) => !drop.has(s.id)), ...change.upsert];
    if (change.selectedId !== undefined) {
      this.selectedId = change.selectedId;
    }
  }

  /**
   * Replaces (`full`) or changes (`upsert`, `remove` by key) the links (key: id), the decorations
   * (key: span id; items {id, badge, incomplete}) or the sentences (key: start), so that one new link
   * does not resend two thousand.
   */
  sync(json: string) {
    const change = JSON.parse(json) as { name: 'links' | 'decorations' | 'sentences'; full?: unknown[]; upsert?: unknown[]; remove?: string[] };
    const merge = <T>(current: T[], key: (t: T) => string): T[] => {
      if (change.full) return change.full as T[];
      const drop = new Set([...(change.remove ?? []), ...((change.upsert ?? []) as T[]).map(key)]);
      return [...current.filter((t) => !drop.has(key(t))), ...((change.upsert ?? []) as T[])];
    };
    if (change.name === 'links') {
      this.links = merge(this.links, (l) => l.id);
    } else if (change.name === 'sentences') {
      this.sentences = merge(this.sentences, (s) => String(s.start)).sort((a, b) => a.start - b.start);
    } else {
      type Item = Decoration & { id: string };
      const items = merge(Object.entries(this.decorations).map(([id, d]) => ({ id, ...d }) as Item), (d) => d.id);
      this.decorations = Object.fromEntries(items.map(({ id, badge, incomplete }) => [id, { badge, incomplete }]));
    }
  }

  /** Brings a span into view and selects it (from the side panel). */
  reveal(id: string) {
    const el = this.querySelector(`[data-ids~="${CSS.escape(id)}"]`) as HTMLElement | null;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
  }

  /**
   * Pick mode (the L key): a link from the selected span to the one picked next, by a click or by the
   * caret and Enter; Esc cancels. Fires `link-pick`; the server asks for the link's type and makes it.
   */
  startLink(): boolean {
    const from = this.selectedId ? this.spans.find((s) => s.id === this.selectedId) : undefined;
    if (this.readonly || !from) {
      this.announce(this.readonly ? 'This text is read-only' : 'Select a span first, then press L to link it');
      return false;
    }
    this.picking = { from: from.id };
    this.pickTarget = null;
    if (!this.kb || this.kb.focus < from.start || this.kb.focus > from.end) {
      this.kb = { anchor: from.start, focus: from.start };
    }
    this.kb.anchor = this.kb.focus;
    if (this.contains(document.activeElement) || document.activeElement === this) this.kbShow(false);
    this.announce(`Linking from ${this.spanWords(from)}. Move the caret to the other span and press Enter, or click it. Escape cancels.`);
    return true;
  }

  /** Leaves pick mode without a link. */
  cancelLink() {
    if (this.picking) {
      this.picking = null;
      this.announce('Link cancelled');
    }
  }

  connectedCallback() {
    super.connectedCallback();
    if (!this.hasAttribute('tabindex')) {
      this.tabIndex = 0;
    }
    this.setAttribute('aria-describedby', this.helpId);
    this.addEventListener('keydown', this.onKeyDown);
    this.addEventListener('mouseup', this.onMouseUp);
    this.addEventListener('mousedown', this.onMouseDown);
    this.addEventListener('mousemove', this.onMouseMove);
    this.addEventListener('click', this.onClick);
    this.addEventListener('focus', this.onFocus);
    this.addEventListener('blur', this.onBlur);
    document.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    this.resizeObserver = new ResizeObserver(() => this.scheduleOverlay());
    this.resizeObserver.observe(this);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.labelSheet];
  }

  disconnectedCallback() {
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('mouseup', this.onMouseUp);
    this.removeEventListener('mousedown', this.onMouseDown);
    this.removeEventListener('mousemove', this.onMouseMove);
    this.removeEventListener('click', this.onClick);
    this.removeEventListener('focus', this.onFocus);
    this.removeEventListener('blur', this.onBlur);
    document.removeEventListener('scroll', this.onScroll, { capture: true });
    this.resizeObserver?.disconnect();
    this.resizeObserver = null;
    cancelAnimationFrame(this.overlayFrame);
    this.overlayFrame = 0;
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.labelSheet);
    super.disconnectedCallback();
  }

  /** What the paragraphs' drawing depends on besides their spans. */
  private context(): RenderContext {
    const decorations = this.decorations;
    return {
      text: this.text, labelById: this.labelById, lanes: this.lanes, differs: this.differs, selectedId: this.selectedId,
      linked: this.linked, selectedSentence: this.selectedSentence,
      decoration: (s) => decorations[s.id] ?? s,
    };
  }

  private get gutter(): boolean {
    return this.sentences.length > 0 && this.groups.length === 0;
  }

  render() {
    if (!this.text) {
      return html`<div class="article empty">No text.</div>`;
    }
    const ctx = this.context();
    const gutter = this.gutter;
    const from = this.picking ? this.spans.find((s) => s.id === this.picking!.from) : undefined;
    // Each paragraph is built as plain DOM and reused while its spans are unchanged (guard): a
    // 100,000-character article with 5,000 spans renders once, and an edit rebuilds one paragraph.
    return html`${from ? html`<div class="pick-banner" aria-hidden="true"><div>Link from ${this.spanWords(from)}: click the other span,
      or move the caret and press Enter · Esc cancels</div></div>` : nothing}<div class="article${gutter ? ' gutter' : ''}" part="article">${
      this.paragraphs.map((p) => {
        const spans = this.byParagraph.get(p.index) ?? [];
        if (this.groups.length === 0) {
          const sentences = gutter ? this.sentencesIn.get(p.index) ?? [] : [];
          return guard([signature(ctx, spans, sentences), this.labels], () => buildParagraph(ctx, p, spans, sentences));
        }
        return html`<div class="lane-block">${this.groups.map((g) => {
          const mine = spans.filter((s) => s.group === g);
          return html`<div class="lane-row" data-group=${g}><span class="lane-name" title=${g}>${g}</span>${
            guard([signature(ctx, mine), this.labels, g], () => buildParagraph(ctx, p, mine))}</div>`;
        })}</div>`;
      })}</div><svg class="links" aria-hidden="true"></svg><div class="kb-caret" aria-hidden="true" hidden></div><div class="kb-status" role="status" aria-live="polite"></div>
    <p id=${this.helpId} hidden>Arrow keys move a caret by word, Up and Down by sentence, Home and End to the ends of the paragraph.
    Hold Shift to select. S selects the sentence. A label's key labels the selection. Enter selects the highlight at the caret.
    L links the selected span to the next one you pick. With sentence labels, S also selects the sentence for them.
    Escape clears.</p>`;
  }

  /** Redrawn paragraphs lose the DOM selection and move text: put the keyboard caret and selection back. */
  protected updated(changed: PropertyValues<this>) {
    this.paragraphEls = null;
    this.classList.toggle('picking', this.picking !== null);
    this.markPickTarget();
    const drawn = ['links', 'selectedId', 'spans', 'decorations', 'sentences', 'selectedSentence'] as const;
    if (drawn.some((k) => changed.has(k)) && this.overlayNeeded()) {
      // in the frame that shows the change: a new link appears with the update, not a frame later
      cancelAnimationFrame(this.overlayFrame);
      this.overlayFrame = 0;
      this.drawOverlayNow();
    } else {
      this.scheduleOverlay();
    }
    const pending = this.kbAfterRender;
    this.kbAfterRender = false;
    if (pending && this.kb) {
      // after the frame that paints the new highlight, so the caret's layout does not hold that frame up
      requestAnimationFrame(() => requestAnimationFrame(() => {
        if (this.kb && this.contains(document.activeElement)) this.kbShow(false);
      }));
    } else if (this.kb && this.contains(document.activeElement) && !this.querySelector('.kb-caret')?.hasAttribute('hidden')) {
      this.kbShow(false);
    }
  }

  private indexSpans() {
    this.differs = differingSpans(this.spans, this.groups.length);
    const sorted = sortSpans(this.spans);
    this.lanes = assignLanes(sorted, this.groups.length > 0);
    this.byParagraph = spansByParagraph(sorted, this.paragraphs);
    this.paragraphOfSpan = new Map();
    let pi = 0;
    for (const s of sorted) {
      while (pi + 1 < this.paragraphs.length && this.paragraphs[pi].end <= s.start) pi++;
      this.paragraphOfSpan.set(s.id, pi);
    }
  }

  // ---- the overlay: links and gutter markers, for what is in sight ----

  private onScroll = () => this.scheduleOverlay();

  private overlayNeeded(): boolean {
    return this.groups.length === 0 && (this.links.length > 0 || this.gutter || this.picking !== null);
  }

  /** Draws the overlay in the next frame (once, however often asked). */
  private scheduleOverlay() {
    if (this.overlayFrame || this.groups.length > 0) return;
    const svg = this.querySelector('svg.links');
    if (!svg) return;
    if (!this.overlayNeeded()) {
      if (svg.firstChild) svg.replaceChildren();
      return;
    }
    this.overlayFrame = requestAnimationFrame(() => {
      this.overlayFrame = 0;
      this.drawOverlayNow();
    });
  }

  /** Draws the links and spaces the sentence markers now (the benchmark and tests call it too). */
  drawOverlayNow() {
    const svg = this.querySelector('svg.links') as SVGSVGElement | null;
    if (!svg || !this.isConnected || this.groups.length > 0) return null;
    this.paragraphEls ??= [...this.querySelectorAll<HTMLElement>(':scope > .article > p')];
    return drawOverlay({
      host: this, svg, paragraphs: this.paragraphs, paragraphEls: this.paragraphEls, byParagraph: this.byParagraph,
      bySpan: this.linksAt, paragraphOfSpan: this.paragraphOfSpan, selectedId: this.selectedId,
      preview: this.picking ? { from: this.picking.from, to: this.pickTarget } : null,
      idPrefix: `slant-link-${this.instance}`, gutter: this.gutter,
    });
  }

  // ---- gestures -> intents ----

  private onKeyDown = (e: KeyboardEvent) => {
    if (this.picking) {
      this.pickKey(e);
      return;
    }
    if (this.kbKey(e)) {
      e.preventDefault();
      return;
    }
    if (this.readonly && !(e.key === 'Escape')) {
      return;
    }
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      e.preventDefault();
      e.stopPropagation();
      this.fire('undo', {});
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) {
      return;
    }
    const label = this.labels.find((l) => l.hotkey && l.hotkey === e.key);
    if (label) {
      e.preventDefault();
      this.applyLabel(label.id);
      return;
    }
    if (e.key.toLowerCase() === 'l' && !this.labels.some((l) => l.hotkey?.toLowerCase() === 'l')) {
      e.preventDefault();
      this.startLink();
      return;
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && this.selectedId) {
      e.preventDefault();
      this.fire('delete-span', { id: this.selectedId, seen: this.seen(this.selectedId) });
      return;
    }
    if (e.key === 'Escape' && this.selectedRange()) {
      window.getSelection()?.removeAllRanges();
      if (this.kb) {
        this.kb.anchor = this.kb.focus;
        this.kbShow(false);
      }
      this.announce('Selection cleared');
    } else if (e.key === 'Escape' && this.selectedId) {
      this.fire('select-span', { id: null });
    }
  };

  /** Pick mode's keys: the caret's moves, Enter picks the span at the caret, Esc cancels; nothing else edits meanwhile. */
  private pickKey(e: KeyboardEvent) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Tab') {
      return;
    }
    e.preventDefault();
    if (e.key === 'Escape') {
      this.cancelLink();
    } else if (e.key === 'Enter') {
      if (this.kb) this.pickAt(this.kb.focus);
    } else if (MOVES.includes(e.key) && this.kb) {
      this.kb = move({ anchor: this.kb.focus, focus: this.kb.focus }, e.key, false, this.kbStops(), this.paragraphs);
      this.kbShow(false);
      const target = this.pickCandidate(this.kb.focus);
      this.showPickTarget(target?.id ?? null);
      const word = this.wordAt(this.kb.focus);
      this.announce((word ? this.text.substring(word[0], word[1]) : 'End of paragraph')
        + (target ? `, in ${this.spanWords(target)}` : ''));
    }
  }

  /** The span a click or Enter at the offset links to: the innermost there other than the one linked from. */
  private pickCandidate(offset: number): SpanInfo | undefined {
    return this.spans
      .filter((s) => s.start <= offset && offset < s.end && s.id !== this.picking?.from)
      .sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
  }

  private pickAt(offset: number) {
    const target = this.pickCandidate(offset);
    if (!target || !this.picking) {
      this.announce('No other span there: pick a highlighted span, or press Escape to cancel');
      return;
    }
    const from = this.picking.from;
    this.picking = null;
    this.announce(`Link to ${this.spanWords(target)}`);
    this.fire('link-pick', { from, to: target.id });
  }

  private showPickTarget(to: string | null) {
    if (to === this.pickTarget) return;
    this.pickTarget = to;
    this.markPickTarget();
    this.scheduleOverlay();
  }

  /** Outlines the span a link would go to in pick mode. */
  private markPickTarget() {
    const to = this.picking ? this.pickTarget : null;
    for (const el of this.querySelectorAll('.seg.pick-target')) {
      if (!to || !(el as HTMLElement).dataset.ids?.split(' ').includes(to)) el.classList.remove('pick-target');
    }
    if (to) {
      for (const el of this.querySelectorAll(`.seg[data-ids~="${CSS.escape(to)}"]`)) el.classList.add('pick-target');
    }
  }

  /** A span in words, for the live region: its label, badge and the start of its text. */
  private spanWords(s: SpanInfo): string {
    return `${describe(this.context(), { ...s, note: null })} “${clip(this.text.substring(s.start, s.end)).slice(0, 60)}”`;
  }

  /** A label's key or button: labels the selection, or else relabels the selected span. */
  applyLabel(labelId: string) {
    const range = this.selectedRange();
    if (range) {
      this.fire('create-span', { start: range[0], end: range[1], label: labelId });
      window.getSelection()?.removeAllRanges();
      if (this.kb) {
        // the caret goes to the span's end once the server's answer is drawn (updated()): placing it now
        // would force a layout of the whole article while the new highlight is on its way
        this.kb = { anchor: range[1], focus: range[1] };
        this.kbHide();
        this.kbAfterRender = true;
        this.kbWaiting = true;
        window.setTimeout(() => { if (this.kbAfterRender) { this.kbAfterRender = false; this.kbShow(false); } }, 1000);
      }
    } else if (this.selectedId) {
      this.fire('relabel-span', { id: this.selectedId, label: labelId, seen: this.seen(this.selectedId) });
    }
  }

  /** The span as this reader sees it, sent with a change so that the server can refuse it if someone changed the span meanwhile. */
  private seen(id: string) {
    const s = this.spans.find((x) => x.id === id);
    return s ? { start: s.start, end: s.end, label: s.label } : null;
  }

  // ---- keyboard caret: select text without a mouse ----

  /** Moves the keyboard caret or selection; true when the key was one of its keys. */
  private kbKey(e: KeyboardEvent): boolean {
    const nav = MOVES.includes(e.key);
    const sentence = e.key.toLowerCase() === 's' && !this.labels.some((l) => l.hotkey?.toLowerCase() === 's');
    const enter = e.key === 'Enter' && this.kb !== null;
    if (!(nav || sentence || enter) || e.ctrlKey || e.metaKey || e.altKey || !this.text) {
      return false;
    }
    if (!this.kb || (!this.kbWaiting && this.querySelector('.kb-caret')?.hasAttribute('hidden'))) {
      // first key: from the mouse selection if there is one (and move), else show the caret where it starts
      if (!this.kbStart() && nav) {
        this.kbShow(true);
        return true;
      }
    }
    const kb = this.kb!;
    if (e.key === 'Enter') {
      this.selectAt(kb.focus);
      return true;
    }
    if (nav) {
      this.kb = move(kb, e.key, e.shiftKey, this.kbStops(), this.paragraphs);
      this.kbShow(true);
      return true;
    }
    // S: the sentence at the caret, selected as text (a label's key then labels it) and, with a gutter, as a sentence
    const stops = this.kbStops();
    const i = sentenceIndexAt(stops, kb.focus);
    if (i < 0) return true;
    this.kb = { anchor: stops.ss[i], focus: stops.se[i] };
    this.kbShow(true);
    if (this.gutter) {
      const s = this.sentences[sentenceIndexAt(gutterStops(this.sentences), kb.focus)];
      if (s) this.fire('sentence-select', { start: s.start, end: s.end });
    }
    return true;
  }

  /** Starts keyboard mode: from the current selection in the article (true), else at the first paragraph in sight. */
  private kbStart(): boolean {
    const sel = window.getSelection();
    if (sel && sel.rangeCount > 0 && this.contains(sel.anchorNode) && this.contains(sel.focusNode)) {
      const a = this.offsetOf(sel.anchorNode, sel.anchorOffset);
      const f = this.offsetOf(sel.focusNode, sel.focusOffset);
      if (a !== null && f !== null) {
        this.kb = { anchor: a, focus: f };
        return true;
      }
    }
    let top = 0; // the top of the scrolling pane the article is in
    for (let a = this.parentElement; a; a = a.parentElement) {
      if (getComputedStyle(a).overflowY !== 'visible') {
        top = Math.max(0, a.getBoundingClientRect().top);
        break;
      }
    }
    const first = [...this.querySelectorAll('.article > p')].find((el) => el.getBoundingClientRect().bottom > top + 4);
    const start = first ? Number(first.getAttribute('data-o')) : 0;
    this.kb = { anchor: start, focus: start };
    return false;
  }

  /** Draws the caret at the focus, makes the DOM selection match, and (when asked) says what is there. */
  private kbShow(speak: boolean) {
    const kb = this.kb;
    const caret = this.querySelector('.kb-caret') as HTMLElement | null;
    const at = kb ? pointAt(this, this.paragraphs, kb.focus) : null;
    if (!kb || !caret || !at) {
      return;
    }
    const sel = window.getSelection();
    if (kb.anchor === kb.focus) {
      if (sel && sel.rangeCount > 0 && this.contains(sel.anchorNode)) sel.removeAllRanges();
    } else {
      const from = pointAt(this, this.paragraphs, kb.anchor);
      if (from && sel) sel.setBaseAndExtent(from.node, from.offset, at.node, at.offset);
    }
    const r = document.createRange();
    r.setStart(at.node, at.offset);
    const box = r.getClientRects()[0] ?? (at.node.parentElement ?? this).getBoundingClientRect();
    const host = this.getBoundingClientRect();
    caret.style.left = `${box.left - host.left}px`;
    caret.style.top = `${box.top - host.top}px`;
    caret.style.height = `${Math.max(box.height, 16)}px`;
    caret.hidden = false;
    this.kbWaiting = false;
    caret.scrollIntoView({ block: 'nearest' });
    const word = this.wordAt(kb.focus);
    const highlights = (CSS as unknown as { highlights?: Map<string, unknown> }).highlights;
    const Highlight = (window as unknown as { Highlight?: new (r: Range) => unknown }).Highlight;
    if (highlights && Highlight) {
      const w = word && kb.anchor === kb.focus ? rangeOf(this, this.paragraphs, word[0], word[1]) : null;
      if (w) highlights.set('slant-kb-word', new Highlight(w)); else highlights.delete('slant-kb-word');
    }
    if (speak) {
      this.announce(kb.anchor !== kb.focus ? `Selected: ${clip(this.text.substring(Math.min(kb.anchor, kb.focus), Math.max(kb.anchor, kb.focus)))}`
        : word ? this.text.substring(word[0], word[1]) : 'End of paragraph');
    }
  }

  private kbHide() {
    const caret = this.querySelector('.kb-caret') as HTMLElement | null;
    if (caret) caret.hidden = true;
    (CSS as unknown as { highlights?: Map<string, unknown> }).highlights?.delete('slant-kb-word');
  }

  private onMouseDown = () => {
    if (this.picking) return; // the caret stays where pick mode put it
    this.kb = null;
    this.kbWaiting = false;
    this.kbHide();
  };

  /** Pick mode: the span under the pointer is where the link would go. */
  private onMouseMove = (e: MouseEvent) => {
    if (!this.picking) return;
    const seg = (e.target as Element | null)?.closest?.('.seg') as HTMLElement | null;
    const ids = seg?.dataset.ids?.split(' ').filter((id) => id !== this.picking!.from) ?? [];
    const inner = this.spans.filter((s) => ids.includes(s.id)).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
    this.showPickTarget(inner?.id ?? null);
  };

  /** A click on a sentence's gutter marker selects that sentence. */
  private onClick = (e: MouseEvent) => {
    const marker = (e.target as Element | null)?.closest?.('.sent') as HTMLElement | null;
    if (marker && this.contains(marker)) {
      this.fire('sentence-select', { start: Number(marker.dataset.s), end: Number(marker.dataset.e) });
      this.announce(`Sentence: ${clip(this.text.substring(Number(marker.dataset.s), Number(marker.dataset.e)))}`);
    }
  };

  private onFocus = () => {
    if (this.kb) {
      // a label button may have used the selection meanwhile
      if (this.kb.anchor !== this.kb.focus && !this.selectedRange()) this.kb.anchor = this.kb.focus;
      this.kbShow(false);
    } else if (this.matches(':focus-visible') && this.text) {
      this.kbStart();
      this.kbShow(true);
    }
  };

  private onBlur = () => {
    this.kbWaiting = false;
    this.kbHide();
    this.cancelLink(); // pick mode lives only while the article has the focus: a later click should not link
  };

  private announce(message: string) {
    const status = this.querySelector('.kb-status');
    if (status) status.textContent = message;
  }

  private kbStops(): Stops {
    if (!this.stops) {
      const ranges: Array<[number, number]> = [];
      for (let i = 0; i + 1 < this.sentenceRanges.length; i += 2) ranges.push([this.sentenceRanges[i], this.sentenceRanges[i + 1]]);
      const sentences = ranges.length > 0 ? ranges
        : this.sentences.length > 0 ? this.sentences.map((s) => [s.start, s.end] as [number, number]) : undefined;
      this.stops = computeStops(this.text, this.paragraphs, sentences);
    }
    return this.stops;
  }

  /** The word at the offset, or the next one in the same paragraph. */
  private wordAt(offset: number): [number, number] | null {
    const p = paragraphAt(this.paragraphs, offset);
    return p ? wordAt(this.kbStops(), offset, p.end) : null;
  }

  private onMouseUp = (e: MouseEvent) => {
    if ((e.target as Element | null)?.closest?.('.sent')) {
      return; // a gutter marker: its click selects the sentence (onClick)
    }
    const sel = window.getSelection();
    if (!sel || !sel.isCollapsed || sel.rangeCount === 0) {
      return; // a drag selection: wait for a hotkey or a label button
    }
    const offset = this.offsetOf(sel.anchorNode, sel.anchorOffset);
    if (offset !== null && this.picking) {
      this.pickAt(offset);
    } else if (offset !== null) {
      // in lane mode the same offset is in every lane: only the clicked lane's spans count
      const lane = (sel.anchorNode?.parentElement?.closest('.lane-row') as HTMLElement | null)?.dataset.group;
      this.selectAt(offset, lane);
    }
  };

  /** Selects the span at the offset; again at the same place, the next one stacked there (innermost first). */
  private selectAt(offset: number, group?: string) {
    const here = this.spans
      .filter((s) => s.start <= offset && offset < s.end && (group === undefined || s.group === group))
      .sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (here.length === 0) {
      if (this.selectedId) {
        this.fire('select-span', { id: null });
      }
      return;
    }
    // repeated clicks on the same place cycle through the spans stacked there, innermost first
    let index = 0;
    if (this.clickCycle && this.clickCycle.offset === offset && here.some((s) => s.id === this.selectedId)) {
      index = (this.clickCycle.index + 1) % here.length;
    }
    this.clickCycle = { offset, index };
    const s = here[index];
    const links = this.linksAt.get(s.id)?.length ?? 0;
    this.fire('select-span', { id: s.id });
    this.announce(`Selected span: ${describe(this.context(), { ...s, note: null })}${links ? `, ${links} link${links > 1 ? 's' : ''}` : ''}`);
  }

  /** The current selection inside this element as [start, end) UTF-16 offsets, or null. */
  selectedRange(): [number, number] | null {
    return selectionRange(this, this.text.length);
  }

  /** Maps a DOM point (node, offset) to a text offset, using the data-o of the enclosing segment. */
  private offsetOf(node: Node | null, offset: number): number | null {
    return offsetOf(this, this.text.length, node, offset);
  }

  /** The paragraph element holding the offset (not in lane mode). */
  paragraphElementAt(offset: number): HTMLElement | null {
    const p = paragraphAt(this.paragraphs, offset);
    return p ? paragraphElement(this, p) : null;
  }

  private fire(name: string, detail: object) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

let stylesAdopted = false;
let instances = 0;

/** Stops over the gutter's sentences, to find the one at the caret the way S finds its text. */
function gutterStops(sentences: SentenceInfo[]): Stops {
  return { ws: [], we: [], ss: sentences.map((s) => s.start), se: sentences.map((s) => s.end) };
}

function adoptStyles() {
  if (!stylesAdopted && SlantAnnotator.sheet.styleSheet) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, SlantAnnotator.sheet.styleSheet];
    stylesAdopted = true;
  }
}

declare global {
  interface HTMLElementTagNameMap { 'slant-annotator': SlantAnnotator; }
}
