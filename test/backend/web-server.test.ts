import { request } from 'node:http'
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  CHUNK_BYTES,
  MAX_REQUEST_BYTES,
  MAX_SHEET_BYTES,
  sheetTooBig,
} from '../../src-main/shared/limits'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'
import { CSP } from '../../src-main/doors/door-common'

let b: TestBackend
let server: WebServer
/** The session cookie of the person who started the door (from the one-time address). */
let cookie = ''

beforeAll(async () => {
  b = testBackend()
  const staticDir = tempDir()
  writeFileSync(
    join(staticDir, 'index.html'),
    '<html><head><title>t</title></head><body></body></html>',
  )
  mkdirSync(join(staticDir, 'assets'))
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(b.dataDir, 'secret.txt'), 'not for the web')
  server = await startWebServer({ invoke: b.invoke, staticDir })
  const entered = await http(new URL(server.openUrl()).search.replace(/^/, '/'))
  cookie =
    String((entered.headers['set-cookie'] as string[] | undefined)?.[0] ?? '').split(';')[0] ?? ''
})
afterAll(async () => {
  await server.close()
  b.dispose()
})

function http(
  path: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        path,
        method: opts.method ?? 'GET',
        headers: opts.headers,
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            headers: res.headers,
          }),
        )
      },
    )
    req.on('error', reject)
    if (opts.body) req.write(opts.body)
    req.end()
  })
}

const api = (
  headers: Record<string, string>,
  body = JSON.stringify({ channel: 'app:info', input: {} }),
) =>
  http('/api/invoke', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, ...headers },
    body,
  })

describe('browser door', () => {
  it('listens on 127.0.0.1 only and prints that URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
  })

  it('serves the page with the per-run token and a strict CSP', async () => {
    const r = await http('/', { headers: { cookie } })
    expect(r.status).toBe(200)
    expect(r.body).toContain(`<meta name="lianjian-token" content="${server.token}">`)
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'")
    // The very policy the desktop window sends (both doors take it from src-main/doors/).
    expect(r.headers['content-security-policy']).toBe(CSP)
    expect((await http('/assets/app.js')).body).toBe('console.log(1)')
  })

  it('lets the browser keep the hashed build files, never the page itself', async () => {
    const asset = await http('/assets/app.js')
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    const page = await http('/', { headers: { cookie } })
    expect(page.headers['cache-control']).toBe('no-store')
    expect((await http('/index.html', { headers: { cookie } })).headers['cache-control']).toBe(
      'no-store',
    )
  })

  it('answers API calls that carry the token from its own origin', async () => {
    const r = await api({
      'x-lianjian-token': server.token,
      origin: `http://127.0.0.1:${server.port}`,
    })
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { dataDir: b.dataDir } })
  })

  it('refuses calls without the token, with a wrong token, from another origin or host', async () => {
    const noToken = await api({})
    expect(noToken.status).toBe(403)
    expect(JSON.parse(noToken.body)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await api({ 'x-lianjian-token': 'x'.repeat(64) })).status).toBe(403)
    const evil = await api({ 'x-lianjian-token': server.token, origin: 'http://evil.example' })
    expect(evil.status).toBe(403)
    const rebound = await api({
      'x-lianjian-token': server.token,
      host: `evil.example:${server.port}`,
    })
    expect(rebound.status).toBe(403)
    const page = await http('/', { headers: { host: 'evil.example' } })
    expect(page.status).toBe(403)
    expect(page.body).not.toContain(server.token)
  })

  it('refuses form posts (non-JSON bodies) even with the token', async () => {
    const r = await http('/api/invoke', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', 'x-lianjian-token': server.token },
      body: JSON.stringify({ channel: 'app:info', input: {} }),
    })
    expect(r.status).toBe(403)
  })

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/../../secret.txt']) {
      const r = await http(path)
      expect(r.body).not.toContain('not for the web')
    }
  })

  it('turns broken JSON into a clear message', async () => {
    const r = await api({ 'x-lianjian-token': server.token }, '{not json')
    expect(r.status).toBe(400)
    expect(JSON.parse(r.body).error.message).toContain('无法解析')
  })
})

describe('only the person who started the door gets in', () => {
  it('turns the one-time address into an HttpOnly, SameSite=Strict cookie, once', async () => {
    const address = new URL(server.openUrl())
    expect(address.search).toMatch(/^\?code=[\w-]{20,}$/)
    const first = await http(`/${address.search}`)
    expect(first.status).toBe(303)
    expect(first.headers.location).toBe('/')
    const set = String((first.headers['set-cookie'] as string[])[0])
    expect(set).toMatch(
      /^lianjian-[0-9a-f]{12}=[\w-]+; Path=\/; Max-Age=\d+; HttpOnly; SameSite=Strict$/,
    )
    const again = await http(`/${address.search}`)
    expect(again.status).toBe(403)
    expect(again.body).toContain('已经用过')
    expect(again.body).not.toContain(server.token)
    expect(again.headers['set-cookie']).toBeUndefined()
  })

  it('gives another local account (no cookie) a page saying how to open it, not the token', async () => {
    for (const path of ['/', '/index.html', '/#/talents', '/?code=guessed']) {
      const r = await http(path)
      expect(r.status).toBe(403)
      expect(r.body).not.toContain(server.token)
      expect(r.body).toContain('启动时显示的地址')
    }
    const forged = await http('/', {
      headers: { cookie: `${cookie.split('=')[0]}=${'a'.repeat(32)}` },
    })
    expect(forged.body).not.toContain(server.token)
  })

  it('refuses API calls with the right token but without the session cookie', async () => {
    const r = await api({ 'x-lianjian-token': server.token, cookie: '' })
    expect(r.status).toBe(403)
    expect(JSON.parse(r.body).error.message).toContain('启动时显示的地址')
  })

  it('keeps a session across a restart (hashed, in a file only the user can read)', async () => {
    const staticDir = tempDir()
    writeFileSync(join(staticDir, 'index.html'), '<html><head></head><body></body></html>')
    const sessionFile = join(b.dataDir, '.web-sessions')
    const first = await startWebServer({ invoke: b.invoke, staticDir, sessionFile })
    const port = server.port
    const entered = await fetch(first.openUrl(), { redirect: 'manual' })
    const jar = String(entered.headers.get('set-cookie')).split(';')[0] ?? ''
    await first.close()
    expect(statSync(sessionFile).mode & 0o777).toBe(0o600)
    expect(readFileSync(sessionFile, 'utf8')).not.toContain(jar.split('=')[1] ?? '?')
    const second = await startWebServer({ invoke: b.invoke, staticDir, sessionFile })
    try {
      const page = await fetch(second.url, { headers: { cookie: jar } })
      expect(page.status).toBe(200)
      expect(await page.text()).toContain(second.token)
      expect((await fetch(second.url)).status).toBe(403)
    } finally {
      await second.close()
    }
    expect(port).toBe(server.port)
  })

  it('answers a body over its cap with a Chinese 413, not a reset connection', async () => {
    const big = JSON.stringify({ channel: 'app:info', input: { x: 'a'.repeat(31 * 1024 * 1024) } })
    const r = await api({ 'x-lianjian-token': server.token }, big)
    expect(r.status).toBe(413)
    expect(JSON.parse(r.body).error.message).toMatch(
      new RegExp(
        `^一次发送的内容太大（超过 ${Math.round(MAX_REQUEST_BYTES / 1048576)} MB），没有处理`,
      ),
    )
  })
})

describe('a big spreadsheet through the browser door (one limit: MAX_SHEET_BYTES)', () => {
  const call = async (channel: string, input: unknown) => {
    const r = await api({ 'x-lianjian-token': server.token }, JSON.stringify({ channel, input }))
    return JSON.parse(r.body) as { ok: boolean; data?: unknown; error?: { message: string } }
  }
  /** The way the import dialog sends a file: CHUNK_BYTES pieces, then the checks name it. */
  async function preview(data: Buffer) {
    const uploadId = `door-${data.length}`
    for (let offset = 0; offset < data.length; offset += CHUNK_BYTES) {
      const piece = data.subarray(offset, offset + CHUNK_BYTES).toString('base64')
      expect((await call('safety:upload', { uploadId, offset, base64: piece })).ok).toBe(true)
    }
    return call('exchange:preview', { register: 'talents', fileName: '台账.csv', uploadId })
  }
  const csv = (mb: number) => {
    const rows = ['姓名,联系电话,备注']
    for (let i = 0, size = 0; size < mb * 1024 * 1024; i++) {
      rows.push(`居民${i},139${String(10_000_000 + i)},${'x'.repeat(1000)}`)
      size += Buffer.byteLength(rows.at(-1) ?? '') + 1
    }
    return Buffer.from(rows.join('\n'))
  }

  it('a 16 MB CSV (once a reset connection) is checked', async () => {
    const r = await preview(csv(16))
    expect(r.ok, r.error?.message).toBe(true)
    expect((r.data as { total: number }).total).toBeGreaterThan(15_000)
  }, 60_000)

  it('a 25 MB CSV is uploaded, then refused with the one limit, in Chinese', async () => {
    const data = csv(25)
    expect(data.length).toBeGreaterThan(MAX_SHEET_BYTES)
    const r = await preview(data)
    expect(r).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: sheetTooBig(data.length) },
    })
    expect(r.error?.message).toMatch(
      /^文件太大（25\.0 MB），导入的表格最大 20 MB。请把表格分成几个文件/,
    )
  }, 60_000)
})
