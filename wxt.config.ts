import { resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { CATALOG_FILE, catalogFrom, catalogModule } from './lib/node/catalog-plugin';
import { HOSTS, PAPER_PAGES } from './lib/sources/match-patterns';

/** The reading-notes catalog bundled with the extension, in the site's GitBook layout. */
const CATALOG_DIR = process.env.PAPER_NOTES_CATALOG ?? resolve(import.meta.dirname, 'assets/catalog');
/** `npm run bench` builds a copy with the benchmark page, elsewhere; shipped builds never have it. */
const BENCH = process.env.PAPER_NOTES_BENCH === '1';
/** The content script: built by WXT as an unlisted script, declared here (see the entrypoint). */
const CONTENT_SCRIPT = 'paper-detector';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  outDir: BENCH ? '.output/bench' : '.output',
  filterEntrypoints: BENCH ? undefined : ['background', 'paper-detector', 'sidepanel', 'options'],
  imports: false,
  vite: () => ({ plugins: [preact(), catalogModule(CATALOG_DIR)] }),
  manifest: ({ browser }) => ({
    name: 'Paper Notes',
    description: 'Your reading notes on systems papers, beside the USENIX or arXiv page you are reading.',
    // `scripting` (Chrome only): the paper pages open when the extension is installed or updated
    // get the content script (lib/runtime/inject-open-tabs.ts); Firefox runs it there by itself.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    host_permissions: HOSTS,
    action: { default_title: 'Paper Notes' },
    commands:
      browser === 'firefox'
        ? { _execute_sidebar_action: { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open Paper Notes' } }
        : { 'open-panel': { suggested_key: { default: 'Alt+Shift+P' }, description: 'Open Paper Notes for this tab' } },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'paper-notes@paper-notes.dev',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No `gecko_android`: Firefox for Android has no sidebar and no context menus, so the
            // add-on is not offered there (web-ext lint then notes that Android < 142 lacks the
            // data-collection key, which does not apply).
          },
        }
      : { minimum_chrome_version: '148' }),
  }),
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: CATALOG_FILE, contents: JSON.stringify(catalogFrom(CATALOG_DIR)) });
    },
    'build:manifestGenerated': (_wxt, manifest) => {
      // At document_end, not document_idle: Chromium runs idle scripts at the page's load event or
      // 200 ms after its DOM is complete, whichever comes first (Firefox waits for load), and a
      // paper page's images and fonts come after the DOM the script reads.
      manifest.content_scripts = [{ matches: PAPER_PAGES, js: [`${CONTENT_SCRIPT}.js`], run_at: 'document_end' }];
    },
    // The polyfill only matters to the pages and the worker; in the content script it would add
    // about 10 KB to every paper page for nothing (Chrome >= 148 has `browser`).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (!entrypoints.every((entry) => entry.name === CONTENT_SCRIPT)) return;
      const alias = config.resolve?.alias;
      if (Array.isArray(alias)) {
        config.resolve!.alias = alias.filter((entry: { find: unknown }) => entry.find !== 'wxt/browser');
      } else if (alias) {
        delete (alias as Record<string, string>)['wxt/browser'];
      }
    },
  },
});
