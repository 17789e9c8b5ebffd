import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'electron-vite'
import { resolve } from 'node:path'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'

// One build for everything: out/main holds the Electron main process *and* the plain-Node
// doors (cli.js, web.js) that share the backend; out/preload the sandboxed preload (CJS,
// self-contained); out/renderer the Vue app served by both the window and the browser door.
export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve('src-main/electron/main.ts'),
          cli: resolve('src-main/cli/main.ts'),
          web: resolve('src-main/web/main.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/electron/preload.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    resolve: {
      alias: {
        '@shared': resolve('src-main/shared'),
        '@': resolve('src-renderer/src'),
      },
    },
    build: {
      outDir: resolve('out/renderer'),
      rollupOptions: { input: resolve('src-renderer/index.html') },
      chunkSizeWarningLimit: 900,
      // The register page must show in < 1 s on an old office PC; minified code parses faster.
      minify: true,
    },
    plugins: [
      vue(),
      Components({
        dirs: [],
        resolvers: [ElementPlusResolver({ importStyle: 'css' })],
        // An absolute path: a relative one is taken from the renderer root (src-renderer/).
        dts: resolve('src-renderer/components.d.ts'),
      }),
    ],
  },
})
