// Screenshots of every screen with demo data, for looking at what we build:
//   node scripts/screenshots.mjs [outDir]   (needs `npm run build` first)
import { spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs'

const outDir = process.argv[2] ?? 'screenshots'
mkdirSync(outDir, { recursive: true })
const dataDir = mkdtempSync(join(tmpdir(), 'lianjian-shots-'))
spawnSync(process.execPath, ['out/main/cli.js', 'demo', '--data-dir', dataDir], {
  stdio: 'inherit',
})
const web = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0'])
const url = await new Promise((resolve, reject) => {
  web.stdout.on('data', (b) => {
    // The start-up address carries a one-time code; the first visit turns it into a cookie.
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+/.exec(String(b))
    if (m) resolve(m[0])
  })
  web.on('exit', () => reject(new Error('web door exited')))
})
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1366, height: 800 } })
await page.goto(url)
const base = url.replace(/\?code=.*$/, '')
const routes = process.argv.slice(3).length
  ? process.argv.slice(3)
  : ['dashboard', 'settings/basic', 'settings/grids', 'talents']
for (const r of routes) {
  await page.goto(`${base}#/${r}`)
  await page.waitForLoadState('networkidle')
  await page.waitForTimeout(400)
  const file = join(outDir, `${r.replace(/\//g, '-')}.png`)
  await page.screenshot({ path: file })
  console.log(file)
}
await browser.close()
web.kill()
