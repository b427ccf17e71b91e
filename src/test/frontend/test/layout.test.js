// Pure layout: paragraphs, segments, lanes, spans and sentences per paragraph (frontend/annotator/layout.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assignLanes, differingSpans, paragraphAt, paragraphClass, segment, sentencesByParagraph, sortSpans,
  spansByParagraph, splitParagraphs } from '../../../../frontend/annotator/layout.js';

const span = (id, start, end, label = 'opinion', extra = {}) => ({ id, start, end, label, ...extra });

test('paragraphs are the lines between breaks; empty lines and the CR of CRLF are left out', () => {
  const text = 'Title\r\n\r\nFirst one.\nSecond.\n';
  assert.deepEqual(splitParagraphs(text), [
    { index: 0, start: 0, end: 5 },
    { index: 1, start: 9, end: 19 },
    { index: 2, start: 20, end: 27 },
  ]);
  assert.equal(text.substring(9, 19), 'First one.');
  assert.deepEqual(splitParagraphs(''), []);
});

test('the first paragraph is the title, a short line without closing punctuation a heading', () => {
  const text = 'Talks stall\nA heading\nA sentence that ends.';
  const ps = splitParagraphs(text);
  assert.deepEqual(ps.map((p) => paragraphClass(text, p)), ['heading title', 'heading', '']);
});

test('paragraphAt finds the paragraph holding an offset by binary search', () => {
  const ps = splitParagraphs('aa\nbb\n\ncc');
  assert.equal(paragraphAt(ps, 0).index, 0);
  assert.equal(paragraphAt(ps, 2).index, 0); // the line break belongs to the paragraph before
  assert.equal(paragraphAt(ps, 3).index, 1);
  assert.equal(paragraphAt(ps, 8).index, 2);
  assert.equal(paragraphAt(ps, 99).index, 2);
  assert.equal(paragraphAt([], 0), null);
});

test('a paragraph is cut where spans start and end and at extra cuts, each piece with its spans', () => {
  const p = { index: 0, start: 10, end: 30 };
  const a = span('a', 12, 20);
  const b = span('b', 15, 40); // runs on into the next paragraph
  const segs = segment(p, [a, b], [25, 10, 99]);
  assert.deepEqual(segs.map((s) => [s.start, s.end, s.spans.map((x) => x.id).join('')]),
    [[10, 12, ''], [12, 15, 'a'], [15, 20, 'ab'], [20, 25, 'b'], [25, 30, 'b']]);
});

test('overlapping spans get different lanes and a span keeps the lowest free lane', () => {
  const spans = sortSpans([span('c', 30, 35), span('b', 5, 12), span('a', 0, 10), span('d', 11, 20)]);
  assert.deepEqual(spans.map((s) => s.id), ['a', 'b', 'd', 'c']);
  const lanes = assignLanes(spans, false);
  assert.deepEqual(Object.fromEntries(lanes), { a: 0, b: 1, d: 0, c: 0 });
});

test('in lane mode each group has lanes of its own', () => {
  const spans = sortSpans([span('x', 0, 10, 'o', { group: 'ann' }), span('y', 2, 8, 'o', { group: 'ben' })]);
  assert.deepEqual(Object.fromEntries(assignLanes(spans, true)), { x: 0, y: 0 });
  assert.deepEqual(Object.fromEntries(assignLanes(spans, false)), { x: 0, y: 1 });
});

test('differing spans are those not every group marked the same', () => {
  const spans = [span('a1', 0, 5, 'fact', { group: 'a' }), span('b1', 0, 5, 'fact', { group: 'b' }),
    span('a2', 6, 9, 'fact', { group: 'a' }), span('b2', 6, 9, 'opinion', { group: 'b' })];
  assert.deepEqual([...differingSpans(spans, 2)].sort(), ['a2', 'b2']);
  assert.equal(differingSpans(spans, 1).size, 0);
});

test('a span over a line break is in both paragraphs; spans between paragraphs in none', () => {
  const ps = splitParagraphs('one two\nthree four\nfive');
  const by = spansByParagraph(sortSpans([span('long', 4, 13), span('last', 19, 23)]), ps);
  assert.deepEqual(by.get(0).map((s) => s.id), ['long']);
  assert.deepEqual(by.get(1).map((s) => s.id), ['long']);
  assert.deepEqual(by.get(2).map((s) => s.id), ['last']);
});

test('sentences are listed under the paragraph they start in, in order', () => {
  const ps = splitParagraphs('One. Two.\nThree.');
  const by = sentencesByParagraph([{ start: 10, end: 16 }, { start: 5, end: 9 }, { start: 0, end: 4 }], ps);
  assert.deepEqual(by.get(0).map((s) => s.start), [0, 5]);
  assert.deepEqual(by.get(1).map((s) => s.start), [10]);
});
