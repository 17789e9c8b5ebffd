// The browser door: the built renderer and the same handlers over HTTP, on 127.0.0.1 only.
// Only the person who started it gets in: a one-time code from the start-up URL becomes an
// HttpOnly session cookie (door-keys.ts), only that session is given the page with the per-run
// API token, and the Host and Origin headers must name this server (other local pages, DNS
// rebinding).
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { extname, join, normalize, resolve, sep } from 'node:path'
import type { Invoke } from '../backend/dispatch'
import { MAX_REQUEST_BYTES, megabytes } from '../shared/limits'
import type { Result } from '../shared/result'
import { CSP } from '../doors/door-common'
import { closedDoorPage, DoorKeys } from './door-keys'

const TOKEN_HEADER = 'x-lianjian-token'
// Files travel in CHUNK_BYTES pieces (shared/limits.ts); no request needs more than this.
const MAX_BODY = MAX_REQUEST_BYTES
// Past this even the rest of an oversized body is not read: the connection is dropped.
const MAX_DRAIN = 8 * MAX_REQUEST_BYTES

class TooLarge extends Error {}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.json': 'application/json',
}

export interface WebServer {
  /** The bare address (no code): opens the app only in a browser that already has a session. */
  url: string
  port: number
  token: string
  /** A start-up address with a fresh one-time code, for the person at the keyboard. */
  openUrl(): string
  close(): Promise<void>
}

export interface WebServerOptions {
  invoke: Invoke
  staticDir: string
  port?: number
  token?: string
  /** Where sessions survive a restart (in the data folder); memory only when absent. */
  sessionFile?: string
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
    ...extra,
  })
  res.end(body)
}

function sendJson(res: ServerResponse, status: number, body: Result<unknown>) {
  send(res, status, JSON.stringify(body), 'application/json; charset=utf-8')
}

function forbidden(res: ServerResponse, message: string) {
  sendJson(res, 403, { ok: false, error: { code: 'FORBIDDEN', message } })
}

/**
 * The body as text. An oversized one is read to its end without being kept, so the browser,
 * still sending, gets the answer (a Result saying why) instead of a reset connection.
 */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > MAX_DRAIN) {
        req.destroy()
        return
      }
      if (size <= MAX_BODY) chunks.push(c)
      else chunks.length = 0
    })
    req.on('end', () =>
      size > MAX_BODY
        ? reject(new TooLarge())
        : resolveBody(Buffer.concat(chunks).toString('utf8')),
    )
    req.on('error', reject)
  })
}

function sameToken(given: string | string[] | undefined, token: string): boolean {
  if (typeof given !== 'string') return false
  const a = Buffer.from(given)
  const b = Buffer.from(token)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const token = opts.token ?? randomBytes(32).toString('hex')
  const root = resolve(opts.staticDir)
  const indexFile = join(root, 'index.html')
  if (!existsSync(indexFile)) {
    return Promise.reject(new Error(`找不到界面文件 ${indexFile}，请先运行 npm run build`))
  }
  const indexHtml = readFileSync(indexFile, 'utf8').replace(
    '</head>',
    `<meta name="lianjian-token" content="${token}"></head>`,
  )
  let port = 0
  // Cookies are not kept apart by port: each data folder names its own, so two doors on one
  // PC (or in one test browser) never overwrite each other's session.
  const keys = new DoorKeys(
    `lianjian-${createHash('sha256')
      .update(opts.sessionFile ?? randomBytes(8))
      .digest('hex')
      .slice(0, 12)}`,
    opts.sessionFile,
  )
  const allowedHosts = () => new Set([`127.0.0.1:${port}`, `localhost:${port}`])

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!allowedHosts().has(req.headers.host ?? ''))
      return forbidden(res, '拒绝访问：请求的主机名不正确')
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname === '/api/invoke') {
      const origin = req.headers.origin
      if (origin !== undefined && !allowedHosts().has(origin.replace(/^http:\/\//, ''))) {
        return forbidden(res, '拒绝访问：请求来源不是联建通页面')
      }
      if (!keys.hasSession(req.headers.cookie))
        return forbidden(
          res,
          '拒绝访问：这个浏览器还没有用启动时显示的地址打开过联建通。请用终端里显示的地址重新打开（在终端按回车键可得到新地址）',
        )
      if (!sameToken(req.headers[TOKEN_HEADER], token))
        return forbidden(res, '拒绝访问：缺少或错误的访问令牌，请刷新页面')
      if (req.method !== 'POST') return forbidden(res, '拒绝访问：只接受 POST 请求')
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return forbidden(res, '拒绝访问：请求格式不正确')
      }
      let body: { channel?: unknown; input?: unknown }
      try {
        body = JSON.parse(await readBody(req)) as typeof body
      } catch (e) {
        if (e instanceof TooLarge)
          return sendJson(res, 413, {
            ok: false,
            error: {
              code: 'VALIDATION',
              message: `一次发送的内容太大（超过 ${megabytes(MAX_BODY)}），没有处理。请刷新页面后重试；如果是在导入文件，请把文件分成几个较小的文件。`,
            },
          })
        return sendJson(res, 400, {
          ok: false,
          error: { code: 'VALIDATION', message: '请求内容无法解析，请刷新页面后重试' },
        })
      }
      return sendJson(res, 200, await opts.invoke(body.channel, body.input))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return forbidden(res, '拒绝访问')
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, '')
    const file = resolve(root, rel)
    const isAsset = file.startsWith(root + sep) && existsSync(file) && statSync(file).isFile()
    if (!isAsset || file === indexFile) {
      const code = url.searchParams.get('code')
      if (code !== null) {
        const session = keys.exchange(code)
        // A used code in a browser that already holds a session (a reload) is harmless.
        if (session === null && !keys.hasSession(req.headers.cookie))
          return send(res, 403, closedDoorPage('used'), TYPES['.html'] ?? 'text/html')
        // Drop the code from the address bar and history; the #/route is kept by the browser.
        res.writeHead(303, {
          Location: url.pathname,
          'Cache-Control': 'no-store',
          'Referrer-Policy': 'no-referrer',
          ...(session ? { 'Set-Cookie': keys.cookie(session) } : {}),
        })
        return res.end()
      }
      if (!keys.hasSession(req.headers.cookie))
        return send(res, 403, closedDoorPage('none'), TYPES['.html'] ?? 'text/html')
      // Unknown paths get the app (history-mode routes); the token rides in the page.
      return send(res, 200, indexHtml, TYPES['.html'] ?? 'text/html', {
        'Content-Security-Policy': CSP,
      })
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      // The build names every file under assets/ by its content's hash, so one is never changed
      // in place: kept, the browser stops fetching the app's 70 files again on every reload and
      // menu click (no-cache without a validator meant a full download each time).
      'Cache-Control': /^assets[\\/]/.test(rel)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    })
    createReadStream(file).pipe(res)
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent)
        sendJson(res, 500, { ok: false, error: { code: 'INTERNAL', message: '服务器内部错误' } })
    })
  })
  return new Promise((resolveStart, reject) => {
    server.once('error', reject)
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port
      resolveStart({
        url: `http://127.0.0.1:${port}/`,
        port,
        token,
        openUrl: () => `http://127.0.0.1:${port}/?code=${keys.newCode()}`,
        close: () =>
          new Promise((done) => {
            server.closeAllConnections()
            server.close(() => done())
          }),
      })
    })
  })
}
