// The element's modules import each other as './layout.js', as TypeScript, Vite and esbuild expect (the file is
// layout.ts). Node strips the types of a .ts file but does not look for it under its .js name: this hook does.
// Loaded with `node --import ./test/ts-imports.js`.
import { registerHooks } from 'node:module';

registerHooks({
  resolve(specifier, context, nextResolve) {
    try {
      return nextResolve(specifier, context);
    } catch (e) {
      if (e?.code === 'ERR_MODULE_NOT_FOUND' && /^\.\.?\//.test(specifier) && specifier.endsWith('.js')) {
        return nextResolve(`${specifier.slice(0, -3)}.ts`, context);
      }
      throw e;
    }
  },
});
