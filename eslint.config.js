// Lint adds what the compiler cannot see: which folder may import which, and where raw IPC may live.
// Every message says where the code should go instead (DESIGN.md, "Layout and layer rules").
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

// Exact names only: a gitignore-style group would also catch packages' subpaths like 'date-fns/constants'.
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const nodeBuiltinNames = `(node:)?(${builtinModules.filter((m) => !m.startsWith('_')).map(escapeRegex).join('|')})$|node:`;
const nodeBuiltinRegex = `^(${nodeBuiltinNames})`;

const NODE_ONLY = {
  regex: nodeBuiltinRegex,
  message: 'Node built-ins are not available here: put code that needs Node in electron/core (desk) or server/ (centre).',
};
const ELECTRON_ONLY_IN_MAIN = {
  regex: '^electron(/.*)?$',
  message: "Only electron/main may import 'electron': the core must also run in the web host, tests and benchmarks.",
};
// Matches relative imports that pass through the folder (`../../electron/core/x.js`), not packages.
const noLayer = (folder, message) => ({ regex: `^(\\.\\.?/)+(.+/)?${folder}(/|$)`, message });

const TO_RENDERER = noLayer('renderer', 'The renderer is reached only through the contract (shared/contract), never imported.');
const TO_SERVER = noLayer('server', 'The centre is reached over HTTP (the sync protocol in shared/), never imported.');
const TO_ELECTRON = noLayer('electron', 'shared/ and renderer/ cannot import desk code: call a command of the contract (shared/contract) instead.');
const TO_WEBHOST = noLayer('webhost', 'The web host is a transport: share code through electron/core instead.');
const TO_MAIN = noLayer('main', 'electron/main is the Electron shell: move shared desk logic to electron/core.');
const RAW_IPC_MAIN = {
  name: 'electron',
  importNames: ['ipcMain'],
  message: 'Raw ipcMain is allowed only in electron/main/ipc-wrapper.ts, which checks the sender and schema.',
};
const RAW_IPC_RENDERER = {
  name: 'electron',
  importNames: ['ipcRenderer'],
  message: 'Raw ipcRenderer is allowed only in electron/preload/index.ts; the renderer uses renderer/backend.',
};

const PRELOAD_PATTERNS = [
  NODE_ONLY,
  {
    regex: '^\\.\\./\\.\\./shared/(?!contract/(command-names|event-names)\\.js$)',
    message: 'The preload may import only the contract name lists (command-names, event-names): it runs sandboxed.',
  },
  TO_RENDERER,
  TO_SERVER,
  noLayer('core', 'The preload runs sandboxed in the renderer process: desk logic lives in electron/core behind IPC.'),
];

// A released migration must upgrade a desk the same way forever, so it may not run today's application
// code: anything but its own folder (without climbing out of it), better-sqlite3 and Node built-ins.
const MIGRATION_ONLY_OWN_CODE = {
  regex: `^(?!\\./(?!(.*/)?\\.\\.(/|$))|better-sqlite3$|${nodeBuiltinNames})`,
  message:
    'A migration is frozen: it uses only its own SQL and local types (files beside it in electron/core/db/migrations), never repositories, services, the domain or shared/. Projections are filled by the core after migrating (rebuild-projections.ts).',
};

const restrict = (patterns, paths = []) => ({
  'no-restricted-imports': ['error', { patterns, paths }],
});

export default tseslint.config(
  {
    // bench/.data: generated benchmark data and scratch files; server/dist: the centre's build. Never committed.
    ignores: ['node_modules/', 'out/', 'dist/', 'server/dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'tests/guardrails/fixtures/**', 'bench/.data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict([NODE_ONLY, ELECTRON_ONLY_IN_MAIN, TO_ELECTRON, TO_RENDERER, TO_SERVER, { group: ['react', 'react-dom'], message: 'shared/ is platform-free: UI code goes in renderer/.' }]),
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/vite.config.ts'],
    ...reactHooks.configs.flat['recommended-latest'],
    rules: {
      ...reactHooks.configs.flat['recommended-latest'].rules,
      ...restrict([NODE_ONLY, ELECTRON_ONLY_IN_MAIN, TO_ELECTRON, TO_SERVER]),
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/webhost/**/*.ts'],
    rules: restrict([ELECTRON_ONLY_IN_MAIN, TO_RENDERER, TO_SERVER, TO_MAIN]),
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: restrict([ELECTRON_ONLY_IN_MAIN, TO_RENDERER, TO_SERVER, TO_MAIN, TO_WEBHOST]),
  },
  {
    files: ['electron/core/db/migrations/**/*.ts'],
    rules: restrict([MIGRATION_ONLY_OWN_CODE]),
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/ipc-wrapper.ts'],
    rules: restrict([TO_RENDERER, TO_SERVER, TO_WEBHOST], [RAW_IPC_MAIN, RAW_IPC_RENDERER]),
  },
  {
    files: ['electron/main/ipc-wrapper.ts'],
    rules: restrict([TO_RENDERER, TO_SERVER, TO_WEBHOST], [RAW_IPC_RENDERER]),
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: restrict(PRELOAD_PATTERNS, [RAW_IPC_MAIN, RAW_IPC_RENDERER]),
  },
  {
    files: ['electron/preload/index.ts'],
    rules: restrict(PRELOAD_PATTERNS, [RAW_IPC_MAIN]),
  },
  {
    files: ['server/**/*.ts'],
    rules: restrict([ELECTRON_ONLY_IN_MAIN, TO_ELECTRON, TO_RENDERER]),
  },
);
