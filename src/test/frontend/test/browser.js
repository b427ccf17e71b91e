// Runs the annotator's modules and the element in Debian's Chromium (CHROME_PATH, default /usr/bin/chromium)
// through puppeteer-core, which never downloads a browser. esbuild bundles the TypeScript as Vite would
// (legacy decorators, no class-field semantics), with lit from this folder's node_modules.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as esbuild from 'esbuild';
import puppeteer from 'puppeteer-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const frontend = path.resolve(here, '../../../../frontend');
export const CHROME = process.env.CHROME_PATH || '/usr/bin/chromium';

/** Why the browser tests cannot run here, or null. With SLANT_REQUIRE_BROWSER=1 a missing browser is a failure instead. */
export function noBrowser() {
  if (existsSync(CHROME)) return null;
  if (process.env.SLANT_REQUIRE_BROWSER === '1') throw new Error(`No Chromium at ${CHROME} (set CHROME_PATH)`);
  return `no Chromium at ${CHROME}: install Debian's chromium, or set CHROME_PATH`;
}

let bundled;
/** The element and its modules as one script: the modules on window.slant, <slant-annotator> defined. */
export async function bundle() {
  bundled ??= esbuild.build({
    stdin: {
      contents: ['layout', 'caret', 'links', 'offsets', 'render', 'overlay']
        .map((m) => `export * as ${m} from './annotator/${m}.ts';`).join('\n') + "\nimport './slant-annotator.ts';",
      resolveDir: frontend, loader: 'ts', sourcefile: 'test-entry.ts',
    },
    bundle: true, format: 'iife', globalName: 'slant', write: false, target: 'es2022',
    tsconfigRaw: { compilerOptions: { experimentalDecorators: true, useDefineForClassFields: false } },
    plugins: [{
      name: 'lit-from-here',
      setup(build) {
        // the element's imports of lit resolve from here (frontend/ has no node_modules of its own)
        build.onResolve({ filter: /^lit(\/.*)?$/ }, (args) => args.pluginData?.fromHere ? undefined
          : build.resolve(args.path, { resolveDir: here, kind: args.kind, pluginData: { fromHere: true } }));
      },
    }],
  }).then((r) => r.outputFiles[0].text);
  return bundled;
}

/** A headless Chromium with a page of the given size holding the bundle; close it with browser.close(). */
export async function openPage({ width = 1000, height = 700 } = {}) {
  const browser = await puppeteer.launch({
    executablePath: CHROME, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run', `--window-size=${width},${height}`],
  });
  const page = await browser.newPage();
  await page.setViewport({ width, height });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.setContent('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body style="margin:0;font-family:sans-serif"></body></html>');
  await page.addScriptTag({ content: await bundle() });
  return { browser, page, errors };
}
