import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { defineConfig } from 'vitest/config'

const alias = { '@shared': resolve('src-main/shared'), '@': resolve('src-renderer/src') }

// Three projects: the backend and shared code on real SQLite files under Node; renderer stores
// and components in happy-dom (talking to a real in-process backend); and E2E, which drives
// the built app in Debian's Chromium through the browser door.
export default defineConfig({
  test: {
    // Each run in its own TMPDIR, which must be empty again at the end (test/setup/).
    globalSetup: ['test/setup/temp-folders.ts'],
    // What tests and the backend print is shown for a failing test only: a passing run is quiet.
    silent: 'passed-only',
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'backend',
          setupFiles: ['test/setup/clean-temp.ts', 'test/setup/shared-process.ts'],
          // One process for all files: each file still gets its own temp folders and backends,
          // and test/setup/shared-process.ts fails a file that leaves global state behind.
          isolate: false,
          environment: 'node',
          // A hang guard, not a speed check (speed is `npm run bench`): the default 5 s failed
          // sound tests when the other projects loaded both cores.
          testTimeout: 30_000,
          hookTimeout: 30_000,
          include: ['test/backend/**/*.test.ts', 'test/shared/**/*.test.ts'],
        },
      },
      {
        resolve: { alias },
        plugins: [
          vue(),
          Components({
            dirs: [],
            resolvers: [ElementPlusResolver({ importStyle: false })],
            dts: false,
          }),
        ],
        test: {
          name: 'renderer',
          setupFiles: ['test/setup/clean-temp.ts', 'test/setup/shared-process.ts'],
          // Same as the backend: one process and one happy-dom document for all files.
          isolate: false,
          environment: 'happy-dom',
          testTimeout: 30_000,
          hookTimeout: 30_000,
          // Tests wait for what the user would see with expect.poll, never a fixed sleep; a
          // loaded machine can take more than the default 1 s to answer and re-render.
          expect: { poll: { timeout: 10_000 } },
          include: ['test/renderer/**/*.test.ts'],
          server: { deps: { inline: ['element-plus'] } },
        },
      },
      // `npm run bench` only: never part of `npm test`.
      ...(process.env['LIANJIAN_BENCH'] === '1'
        ? [
            {
              resolve: { alias },
              test: {
                name: 'bench',
                environment: 'node',
                include: ['bench/**/*.run.ts'],
                testTimeout: 3 * 60 * 60_000,
                // One measurement at a time: two runs side by side would time each other.
                fileParallelism: false,
              },
            },
          ]
        : []),
      {
        resolve: { alias },
        test: {
          name: 'e2e',
          globalSetup: ['test/setup/e2e-demo.ts'],
          setupFiles: ['test/setup/clean-temp.ts', 'test/setup/shared-process.ts'],
          // One test process for all files (each still starts its own door and browser).
          isolate: false,
          environment: 'node',
          // A loaded CI machine can take more than the default 1 s to re-render after a click.
          expect: { poll: { timeout: 10_000 } },
          include: ['test/e2e/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
          // Its own group after backend and renderer: vitest refuses one group whose projects
          // have different worker counts (E2E has one, the others one per core but one).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
