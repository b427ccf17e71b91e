/**
 * What the server sends the <slant-annotator> element, and the shapes its modules share. Every offset
 * here is a UTF-16 unit (a JavaScript string index): the Java wrapper (SpanAnnotator) converts them from
 * and to the code points Slant stores, in one place, so nothing in the browser converts offsets.
 */

export interface LabelInfo { id: string; name: string; color: string; hotkey?: string; mark: string; tag: string; }

/**
 * One span. `tag` replaces the label's tag text (compare view: an annotator's initials); `group` is its
 * lane in lane mode; `badge` is short text drawn after the tag (attribute values, e.g. "neg · Putin");
 * `incomplete` marks a span whose required attribute or role is missing (drawn as a "!").
 */
export interface SpanInfo {
  id: string; start: number; end: number; label: string; note?: string | null; tag?: string | null;
  group?: string | null; badge?: string | null; incomplete?: boolean;
}

/** What is drawn on a span besides its label; sent apart from the spans (setDecorations), keyed by span id. */
export interface Decoration { badge?: string | null; incomplete?: boolean; }

/** A directed link between two spans (ids); `name` is the short label drawn on it (its type's name). */
export interface LinkInfo { id: string; type: string; from: string; to: string; name?: string | null; }

/** A sentence of the gutter: [start, end) and the short tag its marker shows ("B"), with a tooltip. */
export interface SentenceInfo { start: number; end: number; tag?: string | null; title?: string | null; }

/** A paragraph: a line of the text between line breaks, never empty. */
export interface Paragraph { index: number; start: number; end: number; }

/** A run of a paragraph covered by the same spans. */
export interface Segment { start: number; end: number; spans: SpanInfo[]; }

/** Keyboard caret: focus is where the caret is drawn; anchor !== focus is a selection. */
export interface Caret { anchor: number; focus: number; }

export interface Point { x: number; y: number; }
