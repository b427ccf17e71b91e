import { LitElement, html, css, PropertyValues } from 'lit';

import { customElement, property, state } from 'lit/decorators.js';
import { guard } from 'lit/directives/guard.js';

/**
 * <slant-annotator>: shows an article as paragraphs with highlighted spans and turns mouse and
 * keyboard gestures into intents (create, select, relabel, delete, undo). It never decides anything:
 * the server validates each intent, stores it and pushes the new state back.
 *
 * Offsets here are UTF-16 units (JavaScript string indices); the Java wrapper converts them to and
 * from the code point offsets Slant stores. Article text is only ever rendered as text nodes, never
 * as HTML, so an imported article cannot inject markup.
 */

export interface LabelInfo { id: string; name: string; color: string; hotkey?: string; mark: string; tag: string; }
export interface SpanInfo { id: string; start: number; end: number; label: string; note?: string; tag?: string; group?: string; }

interface Paragraph { index: number; start: number; end: number; }
interface Segment { start: number; end: number; spans: SpanInfo[]; }

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
   * spans stacked in one text.
   */
  @property({ attribute: false }) groups: string[] = [];
  @state() private paragraphs: Paragraph[] = [];

  /** Spans by paragraph index, rebuilt when spans change. */
  private byParagraph = new Map<number, SpanInfo[]>();
  /** Stable lane (underline row) per span, so an overlapping span keeps its row across lines. */
  private lanes = new Map<string, number>();
  /** Lane mode: ids of spans that not every lane has (same start, end and label): the disagreements. */
  private differs = new Set<string>();
  private labelById = new Map<string, LabelInfo>();
  private clickCycle: { offset: number; index: number } | null = null;
  private labelSheet = new CSSStyleSheet();
  /** Keyboard caret (UTF-16 offsets): focus is where the caret is drawn; anchor !== focus is a selection. */
  private kb: { anchor: number; focus: number } | null = null;
  /** Word and sentence starts and ends, sorted; built on first keyboard use, per text. */
  private stops: { ws: number[]; we: number[]; ss: number[]; se: number[] } | null = null;
  private helpId = `slant-kb-help-${++instances}`;
  /** A label key was pressed with the keyboard caret: show the caret again after the next render. */
  private kbAfterRender = false;
  /** The caret is hidden only until that answer is drawn: keys pressed meanwhile go on from where it was. */
  private kbWaiting = false;

  /** Light DOM: selections in a shadow root are reported differently by each browser; here they are not. */
  protected createRenderRoot() {
    adoptStyles();
    return this;
  }

  static sheet = css`
    slant-annotator { display: block; outline: none; position: relative; border-radius: 4px; }
    slant-annotator:focus-visible { outline: 3px solid var(--lumo-primary-color, #1a73e8); outline-offset: 6px; }
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
    slant-annotator .tag { font-family: var(--lumo-font-family, system-ui, sans-serif); font-size: 0.62rem; font-weight: 700;
      letter-spacing: 0.02em; vertical-align: 0.55em; line-height: 1; padding: 0 3px; margin-right: 1px;
      border-radius: 3px; color: #fff; white-space: nowrap; user-select: none; -webkit-user-select: none; }
    slant-annotator .empty { color: var(--lumo-secondary-text-color, #666); font-style: italic; }
    slant-annotator .lane-block { border-left: 3px solid var(--lumo-contrast-10pct, #e6e8eb); padding-left: 0.5rem; margin-bottom: 1.1em; }
    slant-annotator .lane-row { display: grid; grid-template-columns: 6.5rem 1fr; column-gap: 0.6rem; align-items: baseline; }
    slant-annotator .lane-row + .lane-row { border-top: 1px dashed var(--lumo-contrast-10pct, #e6e8eb); }
    slant-annotator .lane-row p { margin: 0.1em 0; content-visibility: visible; } /* contained boxes lose their baseline */
    slant-annotator .tag.differs { outline: 2px dashed var(--lumo-error-color, #c62828); outline-offset: 1px; }
    slant-annotator .lane-name { font-family: var(--lumo-font-family, system-ui, sans-serif); font-size: 0.75rem; font-weight: 600;
      color: var(--lumo-secondary-text-color, #666); overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `;

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('text')) {
      this.paragraphs = splitParagraphs(this.text);
      this.stops = null;
      this.kb = null;
    }
    if (changed.has('labels')) {
      this.labelById = new Map(this.labels.map((l) => [l.id, l]));
      this.labelSheet.replaceSync(this.labelStyles());
    }
    if (changed.has('spans') || changed.has('text') || changed.has('groups')) {
      this.indexSpans();
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

  /** Brings a span into view and selects it (from the side panel). */
  reveal(id: string) {
    const el = this.querySelector(`[data-ids~="${CSS.escape(id)}"]`) as HTMLElement | null;
    el?.scrollIntoView({ block: 'center', behavior: 'instant' as ScrollBehavior });
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
    this.addEventListener('focus', this.onFocus);
    this.addEventListener('blur', this.onBlur);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, this.labelSheet];
  }

  disconnectedCallback() {
    this.removeEventListener('keydown', this.onKeyDown);
    this.removeEventListener('mouseup', this.onMouseUp);
    this.removeEventListener('mousedown', this.onMouseDown);
    this.removeEventListener('focus', this.onFocus);
    this.removeEventListener('blur', this.onBlur);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== this.labelSheet);
    super.disconnectedCallback();
  }

  render() {
    if (!this.text) {
      return html`<div class="article empty">No text.</div>`;
    }
    // Each paragraph is built as plain DOM and reused while its spans are unchanged (guard): a
    // 100,000-character article with 5,000 spans renders once, and an edit rebuilds one paragraph.
    return html`<div class="article" part="article">${this.paragraphs.map((p) => {
      const spans = this.byParagraph.get(p.index) ?? [];
      if (this.groups.length === 0) {
        return guard([this.signature(spans), this.labels], () => this.buildParagraph(p, spans));
      }
      return html`<div class="lane-block">${this.groups.map((g) => {
        const mine = spans.filter((s) => s.group === g);
        return html`<div class="lane-row" data-group=${g}><span class="lane-name" title=${g}>${g}</span>${
          guard([this.signature(mine), this.labels, g], () => this.buildParagraph(p, mine))}</div>`;
      })}</div>`;
    })}</div><div class="kb-caret" aria-hidden="true" hidden></div><div class="kb-status" role="status" aria-live="polite"></div>
    <p id=${this.helpId} hidden>Arrow keys move a caret by word, Up and Down by sentence, Home and End to the ends of the paragraph.
    Hold Shift to select. S selects the sentence. A label's key labels the selection. Enter selects the highlight at the caret.
    Escape clears.</p>`;
  }

  /** What a paragraph's drawing depends on: it is rebuilt only when this changes. */
  private signature(spans: SpanInfo[]): string {
    let sig = '';
    for (const s of spans) {
      sig += `${s.id}:${s.label}:${s.start}:${s.end}:${this.lanes.get(s.id)}:${this.differs.has(s.id)}:${s.note ?? ''}|`;
    }
    if (this.selectedId && spans.some((s) => s.id === this.selectedId)) {
      sig += `#${this.selectedId}`;
    }
    return sig;
  }

  /** Redrawn paragraphs lose the DOM selection and move text: put the keyboard caret and selection back. */
  protected updated() {
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

  private buildParagraph(p: Paragraph, spans: SpanInfo[]): HTMLElement {
    const el = document.createElement('p');
    const line = this.text.substring(p.start, p.end);
    const isHeading = line.length > 0 && line.length < 80 && !/[.!?:;,"”]$/.test(line.trim());
    el.className = p.index === 0 ? 'heading title' : isHeading ? 'heading' : '';
    el.dataset.o = String(p.start);
    el.dataset.end = String(p.end);
    for (const seg of segment(p, spans)) {
      el.append(...this.buildSegment(seg));
    }
    return el;
  }

  /** Text goes in through textContent only: article text is never parsed as HTML. */
  private buildSegment(seg: Segment): HTMLElement[] {
    const out: HTMLElement[] = [];
    const el = document.createElement('span');
    el.dataset.o = String(seg.start);
    el.textContent = this.text.substring(seg.start, seg.end);
    if (seg.spans.length === 0) {
      el.className = 'plain';
      return [el];
    }
    for (const s of seg.spans) {
      if (s.start === seg.start) {
        const tag = this.buildTag(s);
        if (tag) out.push(tag);
      }
    }
    // innermost (shortest) span decides tint and underline style (a class per label); every span
    // also draws its own band below the text, in its lane, so overlapping spans all stay visible
    let inner = seg.spans[0];
    let maxLane = 0;
    let selected = false;
    for (const s of seg.spans) {
      if (s.end - s.start < inner.end - inner.start) inner = s;
      maxLane = Math.max(maxLane, this.lanes.get(s.id) ?? 0);
      selected ||= s.id === this.selectedId;
    }
    el.className = `seg l-${inner.label}${selected ? ' selected' : ''}`;
    el.dataset.ids = seg.spans.map((s) => s.id).join(' ');
    el.dataset.labels = seg.spans.map((s) => s.label).join(' ');
    el.title = seg.spans.map((s) => (s.tag ? `${s.tag}: ` : '') + (this.labelById.get(s.label)?.name ?? s.label)
      + (s.note ? ` — ${s.note}` : '')).join('\n');
    if (seg.spans.length > 1 || maxLane > 0) {
      el.style.boxShadow = [...seg.spans]
        .sort((a, b) => (this.lanes.get(a.id) ?? 0) - (this.lanes.get(b.id) ?? 0))
        .map((s) => `inset 0 -${3 * ((this.lanes.get(s.id) ?? 0) + 1)}px 0 0 ${this.labelById.get(s.label)?.color ?? '#888888'}`)
        .join(', ');
      el.style.setProperty('--pad', `${3 * (maxLane + 1)}px`);
    }
    out.push(el);
    return out;
  }

  /** A small label tag before a span's first character: tells labels apart without relying on colour. */
  private buildTag(s: SpanInfo): HTMLElement | null {
    const label = this.labelById.get(s.label);
    if (!label) {
      return null;
    }
    const tag = document.createElement('span');
    tag.className = `tag t-${label.id}`;
    tag.setAttribute('aria-hidden', 'true');
    tag.dataset.tagFor = s.id;
    tag.textContent = s.tag ? `${s.tag} ${label.tag.replace(/^\S+ /, '')}` : label.tag;
    if (this.differs.has(s.id)) {
      // a shape, not only a colour: a dashed ring and a mark on the tag of every span the lanes do not share
      tag.classList.add('differs');
      tag.textContent += ' ≠';
    }
    return tag;
  }

  /** Colours and underline styles per label, as classes: cheaper than a style attribute per segment. */
  private labelStyles() {
    let css = '';
    for (const l of this.labels) {
      css += `slant-annotator .seg.l-${l.id} { background-color: ${tint(l.color, 0.16)}; text-decoration-color: ${l.color};`
        + ` text-decoration-style: ${cssDecoration(l.mark)}; box-shadow: inset 0 -3px 0 0 ${l.color}; }\n`
        + `slant-annotator .tag.t-${l.id} { background: ${l.color}; }\n`;
    }
    return css;
  }

  private indexSpans() {
    this.byParagraph = new Map();
    this.differs = new Set();
    if (this.groups.length > 1) {
      const lanesWith = new Map<string, Set<string>>();
      for (const s of this.spans) {
        const key = `${s.start}:${s.end}:${s.label}`;
        if (!lanesWith.has(key)) lanesWith.set(key, new Set());
        lanesWith.get(key)!.add(s.group ?? '');
      }
      for (const s of this.spans) {
        if (lanesWith.get(`${s.start}:${s.end}:${s.label}`)!.size < this.groups.length) this.differs.add(s.id);
      }
    }
    const sorted = [...this.spans].sort((a, b) => a.start - b.start || b.end - a.end || a.id.localeCompare(b.id));
    // greedy interval colouring: each span takes the lowest lane free at its start
    this.lanes = new Map();
    const ends = new Map<string, number[]>(); // per group in lane mode: a lane holds one group's spans only
    for (const s of sorted) {
      const key = this.groups.length > 0 ? s.group ?? '' : '';
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
      this.lanes.set(s.id, lane);
    }
    let pi = 0;
    for (const s of sorted) {
      while (pi < this.paragraphs.length && this.paragraphs[pi].end <= s.start) {
        pi++;
      }
      for (let i = pi; i < this.paragraphs.length && this.paragraphs[i].start < s.end; i++) {
        const p = this.paragraphs[i];
        if (s.end > p.start && s.start < p.end) {
          let list = this.byParagraph.get(p.index);
          if (!list) {
            list = [];
            this.byParagraph.set(p.index, list);
          }
          list.push(s);
        }
      }
    }
  }

  // ---- gestures -> intents ----

  private onKeyDown = (e: KeyboardEvent) => {
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
    const nav = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End'].includes(e.key);
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
    const { ws, we, ss, se } = this.kbStops();
    const p = this.paragraphAt(kb.focus);
    const collapsed = kb.anchor === kb.focus;
    let focus = kb.focus;
    switch (e.key) {
      case 'ArrowRight': focus = e.shiftKey ? this.extend(ws, we, true) : !collapsed ? Math.max(kb.anchor, focus) : after(ws, focus) ?? focus; break;
      case 'ArrowLeft': focus = e.shiftKey ? this.extend(ws, we, false) : !collapsed ? Math.min(kb.anchor, focus) : before(ws, focus) ?? focus; break;
      case 'ArrowDown': focus = e.shiftKey ? this.extend(ss, se, true) : after(ss, focus) ?? focus; break;
      case 'ArrowUp': focus = e.shiftKey ? this.extend(ss, se, false) : before(ss, focus) ?? focus; break;
      case 'Home': focus = p ? p.start : focus; break;
      case 'End': focus = p ? p.end : focus; break;
      case 'Enter':
        this.selectAt(focus);
        return true;
      default: { // s: the sentence at the caret
        let i = ss.length - 1;
        while (i > 0 && ss[i] > focus) i--;
        if (i >= 0 && se[i] < focus && i + 1 < ss.length) i++;
        if (i < 0) return true;
        this.kb = { anchor: ss[i], focus: se[i] };
        this.kbShow(true);
        return true;
      }
    }
    this.kb = { anchor: e.shiftKey ? kb.anchor : focus, focus };
    this.kbShow(true);
    return true;
  }

  /** Shift+movement: the focus grows or shrinks the selection by whole words (or sentences). */
  private extend(starts: number[], ends: number[], forward: boolean): number {
    const { anchor, focus } = this.kb!;
    if (forward) {
      const s = after(starts, focus);
      return focus < anchor && s !== null && s <= anchor ? s : after(ends, focus) ?? focus;
    }
    const e = before(ends, focus);
    return focus > anchor && e !== null && e >= anchor ? e : before(starts, focus) ?? focus;
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
    const at = kb ? this.pointAt(kb.focus) : null;
    if (!kb || !caret || !at) {
      return;
    }
    const sel = window.getSelection();
    if (kb.anchor === kb.focus) {
      if (sel && sel.rangeCount > 0 && this.contains(sel.anchorNode)) sel.removeAllRanges();
    } else {
      const from = this.pointAt(kb.anchor);
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
      const w = word && kb.anchor === kb.focus ? this.rangeOf(word[0], word[1]) : null;
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
    this.kb = null;
    this.kbWaiting = false;
    this.kbHide();
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
  };

  private announce(message: string) {
    const status = this.querySelector('.kb-status');
    if (status) status.textContent = message;
  }

  private kbStops() {
    if (!this.stops) {
      const ws: number[] = [], we: number[] = [], ss: number[] = [], se: number[] = [];
      const Segmenter = (Intl as unknown as { Segmenter?: new (l?: string, o?: object) => { segment(t: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }> } }).Segmenter;
      const words = Segmenter ? new Segmenter(undefined, { granularity: 'word' }) : null;
      const sentences = Segmenter ? new Segmenter(undefined, { granularity: 'sentence' }) : null;
      for (const p of this.paragraphs) {
        const t = this.text.substring(p.start, p.end);
        const wordList = words ? [...words.segment(t)].filter((w) => w.isWordLike)
          : [...t.matchAll(/[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu)].map((m) => ({ segment: m[0], index: m.index! }));
        for (const w of wordList) {
          ws.push(p.start + w.index);
          we.push(p.start + w.index + w.segment.length);
        }
        const sentenceList = sentences ? [...sentences.segment(t)]
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
      this.stops = { ws, we, ss, se };
    }
    return this.stops;
  }

  /** The word at the offset, or the next one in the same paragraph. */
  private wordAt(offset: number): [number, number] | null {
    const { ws, we } = this.kbStops();
    const i = firstAbove(we, offset);
    const p = this.paragraphAt(offset);
    return i < ws.length && p && ws[i] < p.end ? [ws[i], we[i]] : null;
  }

  private paragraphAt(offset: number): Paragraph | null {
    let found: Paragraph | null = null;
    for (const p of this.paragraphs) {
      if (p.start > offset) break;
      found = p;
    }
    return found;
  }

  /** The DOM point (text node, offset) of a text offset: the inverse of offsetOf. */
  private pointAt(offset: number): { node: Text; offset: number } | null {
    const p = this.paragraphAt(offset);
    const el = p ? this.querySelector(`.article > p[data-o="${p.start}"]`) : null;
    let last: { node: Text; base: number } | null = null;
    for (const c of el ? [...el.children] : []) {
      const t = c.firstChild;
      if (c.classList.contains('tag') || !(t instanceof Text)) continue;
      const base = Number(c.getAttribute('data-o'));
      if (offset < base + t.length) return { node: t, offset: Math.max(0, offset - base) };
      last = { node: t, base };
    }
    return last ? { node: last.node, offset: Math.min(last.node.length, offset - last.base) } : null;
  }

  private rangeOf(start: number, end: number): Range | null {
    const a = this.pointAt(start);
    const b = this.pointAt(end);
    if (!a || !b) return null;
    const r = document.createRange();
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset);
    return r;
  }

  private onMouseUp = () => {
    const sel = window.getSelection();
    if (!sel || !sel.isCollapsed || sel.rangeCount === 0) {
      return; // a drag selection: wait for a hotkey or a label button
    }
    const offset = this.offsetOf(sel.anchorNode, sel.anchorOffset);
    if (offset !== null) {
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
    this.fire('select-span', { id: here[index].id });
    this.announce(`Selected span: ${this.labelById.get(here[index].label)?.name ?? here[index].label}`);
  }

  /** The current selection inside this element as [start, end) UTF-16 offsets, or null. */
  selectedRange(): [number, number] | null {
    const sel = window.getSelection();
    if (!sel || sel.rangeCount === 0 || sel.isCollapsed) {
      return null;
    }
    const range = sel.getRangeAt(0);
    const a = this.offsetOf(range.startContainer, range.startOffset);
    const b = this.offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null || a === b) {
      return null;
    }
    return [Math.min(a, b), Math.max(a, b)];
  }

  /** Maps a DOM point (node, offset) to a text offset, using the data-o of the enclosing segment. */
  private offsetOf(node: Node | null, offset: number): number | null {
    if (!node) {
      return null;
    }
    if (node === this) {
      return offset === 0 ? 0 : this.text.length;
    }
    if (!this.contains(node)) {
      return null;
    }
    if (node.nodeType === Node.TEXT_NODE) {
      const owner = node.parentElement;
      if (owner?.classList.contains('tag')) {
        return this.elementStart(owner.nextElementSibling);
      }
      const base = owner?.getAttribute('data-o');
      return base == null ? null : Number(base) + Math.min(offset, (node as Text).length);
    }
    const el = node as Element;
    if (el.classList.contains('tag')) {
      return this.elementStart(el.nextElementSibling);
    }
    if (el.hasAttribute('data-o') && el.tagName === 'SPAN') {
      return Number(el.getAttribute('data-o')) + (offset > 0 ? (el.textContent?.length ?? 0) : 0);
    }
    if (el.tagName === 'P' || el.classList.contains('article')) {
      // children also include Lit's comment markers and label tags: take the next element with an offset
      const want = el.tagName === 'P' ? '[data-o]' : 'p[data-o]';
      for (let i = offset; i < el.childNodes.length; i++) {
        const c = el.childNodes[i];
        if (c.nodeType === Node.ELEMENT_NODE && (c as Element).matches(want)) {
          return Number((c as Element).getAttribute('data-o'));
        }
      }
      return el.tagName === 'P' ? Number(el.getAttribute('data-end')) : this.text.length;
    }
    return null;
  }

  private elementStart(el: Element | null): number | null {
    let e = el;
    while (e && e.classList.contains('tag')) {
      e = e.nextElementSibling;
    }
    return e && e.hasAttribute('data-o') ? Number(e.getAttribute('data-o')) : null;
  }

  private fire(name: string, detail: object) {
    this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true }));
  }
}

let stylesAdopted = false;
let instances = 0;

/** The index of the first value in the sorted list above x (list.length when none is). */
function firstAbove(list: number[], x: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] <= x) lo = mid + 1; else hi = mid;
  }
  return lo;
}

/** The first value in the sorted list after x, or null. */
function after(list: number[], x: number): number | null {
  const i = firstAbove(list, x);
  return i < list.length ? list[i] : null;
}

/** The last value in the sorted list before x, or null. */
function before(list: number[], x: number): number | null {
  const i = firstAbove(list, x - 1);
  return i > 0 ? list[i - 1] : null;
}

function clip(s: string): string {
  return s.length <= 160 ? s : `${s.slice(0, 70)} … ${s.slice(-70)}`;
}
function adoptStyles() {
  if (!stylesAdopted && SlantAnnotator.sheet.styleSheet) {
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, SlantAnnotator.sheet.styleSheet];
    stylesAdopted = true;
  }
}

function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let start = 0;
  let index = 0;
  while (start <= text.length) {
    let nl = text.indexOf('\n', start);
    if (nl < 0) {
      nl = text.length;
    }
    // a CR before the LF belongs to the line break, not to the paragraph
    const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
    if (end > start) {
      out.push({ index: index++, start, end });
    }
    start = nl + 1;
  }
  return out;
}

function segment(p: Paragraph, spans: SpanInfo[]): Segment[] {
  const cuts = new Set<number>([p.start, p.end]);
  for (const s of spans) {
    if (s.start > p.start && s.start < p.end) cuts.add(s.start);
    if (s.end > p.start && s.end < p.end) cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i];
    const end = points[i + 1];
    out.push({ start, end, spans: spans.filter((s) => s.start < end && s.end > start) });
  }
  return out;
}

function tint(hex: string, alpha: number): string {
  const n = parseInt(hex.slice(1), 16);
  return `rgba(${(n >> 16) & 255}, ${(n >> 8) & 255}, ${n & 255}, ${alpha})`;
}

function cssDecoration(mark?: string): string {
  return mark === 'double' || mark === 'dashed' || mark === 'dotted' || mark === 'wavy' ? mark : 'solid';
}

declare global {
  interface HTMLElementTagNameMap { 'slant-annotator': SlantAnnotator; }
}
