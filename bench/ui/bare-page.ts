// Builds the bare page (bench/ui/bare) with the app's own Vite plugins and serves it on its
// own port, passing /api/invoke through to the browser door with the door's token, so the
// bare page asks the same backend for the same rows.
import vue from '@vitejs/plugin-vue'
import { createReadStream, existsSync, readFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, resolve } from 'node:path'
import { ElementPlusResolver } from 'unplugin-vue-components/resolvers'
import Components from 'unplugin-vue-components/vite'
import { build } from 'vite'

const OUT = resolve('out/bench-bare')

export async function buildBarePage(): Promise<void> {
  await build({
    root: resolve('bench/ui/bare'),
    base: './',
    logLevel: 'warn',
    resolve: {
      alias: { '@shared': resolve('src-main/shared'), '@': resolve('src-renderer/src') },
    },
    build: { outDir: OUT, emptyOutDir: true, minify: true, chunkSizeWarningLimit: 2000 },
    plugins: [
      vue(),
      Components({
        dirs: [],
        resolvers: [ElementPlusResolver({ importStyle: 'css' })],
        dts: false,
      }),
    ],
  })
}

const TYPES: Record<string, string> = {
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.html': 'text/html; charset=utf-8',
}

export async function serveBarePage(
  doorUrl: string,
  openUrl: () => Promise<string>,
): Promise<{ url: string; stop(): void }> {
  const door = new URL(doorUrl)
  // The door lets in only a browser that came through a one-time start-up address: this proxy
  // does the same once and forwards the session cookie with every call.
  const entered = await fetch(await openUrl(), { redirect: 'manual' })
  const cookie = (entered.headers.get('set-cookie') ?? '').split(';')[0] ?? ''
  const appHtml = await (await fetch(doorUrl, { headers: { cookie } })).text()
  const token = /name="lianjian-token" content="([0-9a-f]+)"/.exec(appHtml)?.[1] ?? ''
  const index = readFileSync(join(OUT, 'index.html'), 'utf8').replace(
    '</head>',
    `<meta name="lianjian-token" content="${token}"></head>`,
  )
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/'
    if (path === '/api/invoke') {
      const up = request(
        {
          host: door.hostname,
          port: door.port,
          path,
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-lianjian-token': token, cookie },
        },
        (r) => {
          res.writeHead(r.statusCode ?? 500, { 'content-type': 'application/json' })
          r.pipe(res)
        },
      )
      req.pipe(up)
      return
    }
    const file = join(OUT, path)
    if (path !== '/' && file.startsWith(OUT) && existsSync(file)) {
      // Kept by the browser as the door keeps the app's hashed files, so the floor is fair.
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        ...(path.startsWith('/assets/')
          ? { 'cache-control': 'public, max-age=31536000, immutable' }
          : {}),
      })
      createReadStream(file).pipe(res)
    } else {
      res.writeHead(200, { 'content-type': TYPES['.html'] })
      res.end(index)
    }
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () => {
      server.closeAllConnections()
      server.close()
    },
  }
}
