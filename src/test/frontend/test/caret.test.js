// Pure caret logic: word and sentence stops, key moves, the sentence at the caret (frontend/annotator/caret.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { after, before, clip, computeStops, extend, firstAbove, move, sentenceIndexAt, wordAt } from '../../../../frontend/annotator/caret.js';
import { splitParagraphs } from '../../../../frontend/annotator/layout.js';

const TEXT = 'Talks 😀 stall\nOfficials said it. Mr. Merz left early.';
const ps = splitParagraphs(TEXT);

test('binary searches over sorted stops', () => {
  const list = [2, 5, 9];
  assert.equal(firstAbove(list, 5), 2);
  assert.equal(firstAbove(list, 1), 0);
  assert.equal(firstAbove(list, 9), 3);
  assert.equal(after(list, 5), 9);
  assert.equal(after(list, 9), null);
  assert.equal(before(list, 5), 2);
  assert.equal(before(list, 2), null);
});

test('words are Intl.Segmenter words, in UTF-16 offsets (the emoji counts two)', () => {
  const stops = computeStops(TEXT, ps);
  const words = stops.ws.map((s, i) => TEXT.substring(s, stops.we[i]));
  assert.deepEqual(words.slice(0, 4), ['Talks', 'stall', 'Officials', 'said']);
  assert.equal(stops.ws[1], 9); // "Talks " is 6, the emoji 2, the space 1
});

test("the server's sentences replace the browser's own", () => {
  const own = computeStops(TEXT, ps);
  // Intl.Segmenter ends a sentence after "Mr."; the server (ICU with abbreviations) does not
  assert.ok(own.ss.map((s) => TEXT.substring(s, s + 4)).includes('Merz'));
  const server = [[0, 14], [15, 33], [34, 54]];
  const stops = computeStops(TEXT, ps, server);
  assert.deepEqual(stops.ss, [0, 15, 34]);
  assert.deepEqual(stops.se, [14, 33, 54]);
  assert.equal(TEXT.substring(34, 54), 'Mr. Merz left early.');
});

test('arrows move by word and sentence, Home and End to the paragraph ends, Shift selects', () => {
  const stops = computeStops(TEXT, ps, [[0, 14], [15, 33], [34, 54]]);
  const at = (focus) => ({ anchor: focus, focus });
  assert.deepEqual(move(at(0), 'ArrowRight', false, stops, ps), at(9));
  assert.deepEqual(move(at(9), 'ArrowLeft', false, stops, ps), at(0));
  assert.deepEqual(move(at(0), 'ArrowDown', false, stops, ps), at(15));
  assert.deepEqual(move(at(20), 'ArrowUp', false, stops, ps), at(15)); // mid-sentence: to its start
  assert.deepEqual(move(at(20), 'End', false, stops, ps), at(54));
  assert.deepEqual(move(at(20), 'Home', false, stops, ps), at(15));
  const sel = move(at(15), 'ArrowRight', true, stops, ps);
  assert.deepEqual(sel, { anchor: 15, focus: 24 }); // "Officials" selected
  assert.deepEqual(move(sel, 'ArrowRight', true, stops, ps), { anchor: 15, focus: 29 });
  assert.deepEqual(move(sel, 'ArrowRight', false, stops, ps), at(24)); // collapses to its end
  assert.deepEqual(move(sel, 'ArrowLeft', false, stops, ps), at(15));
  assert.deepEqual(move(at(3), 'x', false, stops, ps), at(3));
});

test('Shift+arrow back over the anchor shrinks the selection word by word', () => {
  const stops = computeStops(TEXT, ps);
  assert.equal(extend({ anchor: 15, focus: 29 }, stops.ws, stops.we, false), 24);
  assert.equal(extend({ anchor: 29, focus: 15 }, stops.ws, stops.we, true), 25);
});

test('the sentence at the caret: the one it is in, or the next after white space', () => {
  const stops = computeStops(TEXT, ps, [[0, 14], [15, 33], [34, 54]]);
  assert.equal(sentenceIndexAt(stops, 0), 0);
  assert.equal(sentenceIndexAt(stops, 20), 1);
  assert.equal(sentenceIndexAt(stops, 33), 1); // at its end
  assert.equal(sentenceIndexAt(stops, 34), 2); // after the space: the next
  assert.equal(sentenceIndexAt({ ws: [], we: [], ss: [], se: [] }, 3), -1);
});

test('the word at an offset, but not past the paragraph', () => {
  const stops = computeStops(TEXT, ps);
  assert.deepEqual(wordAt(stops, 16, 54), [15, 24]);
  assert.deepEqual(wordAt(stops, 14, 54), [15, 24]); // the next word
  assert.equal(wordAt(stops, 14, 14), null); // but not past the paragraph
});

test('a long selection is read out as its start and end', () => {
  assert.equal(clip('short'), 'short');
  const long = 'a'.repeat(100) + 'b'.repeat(100);
  assert.equal(clip(long), `${'a'.repeat(70)} … ${'b'.repeat(70)}`);
});
