// The parts of frontend/annotator/render.ts that need no DOM: signatures, label styles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cssDecoration, describe, labelStyles, signature, tint } from '../../../../frontend/annotator/render.js';

const label = { id: 'attribution', name: 'Attribution', color: '#1971c2', hotkey: '2', mark: 'double', tag: '2 ATTR' };
const ctx = (over = {}) => ({
  text: 'x', labelById: new Map([[label.id, label]]), lanes: new Map(), differs: new Set(), selectedId: null,
  linked: new Set(), selectedSentence: null, decoration: (s) => s, ...over,
});
const s = { id: 's1', start: 0, end: 4, label: 'attribution' };

test("a paragraph's signature changes with everything its drawing shows", () => {
  const base = signature(ctx(), [s]);
  assert.equal(signature(ctx(), [s]), base);
  assert.notEqual(signature(ctx(), [{ ...s, badge: 'neg' }]), base, 'badge');
  assert.notEqual(signature(ctx(), [{ ...s, incomplete: true }]), base, 'incomplete');
  assert.notEqual(signature(ctx({ linked: new Set(['s1']) }), [s]), base, 'linked to the selected span');
  assert.notEqual(signature(ctx({ selectedId: 's1' }), [s]), base, 'selected');
  assert.equal(signature(ctx({ selectedId: 'other' }), [s]), base, 'another span selected: no redraw');
  assert.notEqual(signature(ctx({ decoration: () => ({ badge: 'pos' }) }), [s]), base, 'decorations from the map');
  const withSentence = signature(ctx(), [s], [{ start: 0, end: 4, tag: 'B' }]);
  assert.notEqual(withSentence, base, 'a sentence marker');
  assert.notEqual(signature(ctx(), [s], [{ start: 0, end: 4, tag: '' }]), withSentence, 'its tag');
  assert.notEqual(signature(ctx({ selectedSentence: 0 }), [s], [{ start: 0, end: 4, tag: 'B' }]), withSentence, 'selected sentence');
});

test('a span described in words names its label, badge, incompleteness and note', () => {
  assert.equal(describe(ctx(), { ...s, badge: 'neg · Putin', incomplete: true, note: 'check' }),
    'Attribution (neg · Putin) — incomplete: a required attribute or role is missing — check');
  assert.equal(describe(ctx(), s), 'Attribution');
});

test('label styles give each label a tint, its colour and its underline style', () => {
  const css = labelStyles([label, { ...label, id: 'odd', mark: 'zigzag' }]);
  assert.match(css, /\.seg\.l-attribution \{ background-color: rgba\(25, 113, 194, 0\.16\); text-decoration-color: #1971c2; text-decoration-style: double;/);
  assert.match(css, /\.tag\.t-attribution \{ background: #1971c2; \}/);
  assert.match(css, /\.seg\.l-odd [^}]*text-decoration-style: solid;/);
  assert.equal(tint('#ff0080', 0.5), 'rgba(255, 0, 128, 0.5)');
  assert.equal(cssDecoration('wavy'), 'wavy');
  assert.equal(cssDecoration(undefined), 'solid');
});
