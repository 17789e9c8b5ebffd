import { request } from 'node:http'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebServer, type WebServer } from '../../src-main/web/web-server'
import { tempDir, testBackend, type TestBackend } from '../helpers/temp-backend'

let b: TestBackend
let server: WebServer

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
    headers: { 'content-type': 'application/json', ...headers },
    body,
  })

describe('browser door', () => {
  it('listens on 127.0.0.1 only and prints that URL', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`)
  })

  it('serves the page with the per-run token and a strict CSP', async () => {
    const r = await http('/')
    expect(r.status).toBe(200)
    expect(r.body).toContain(`<meta name="lianjian-token" content="${server.token}">`)
    expect(String(r.headers['content-security-policy'])).toContain("script-src 'self'")
    expect((await http('/assets/app.js')).body).toBe('console.log(1)')
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
