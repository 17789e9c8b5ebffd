// Starts the built browser door on a temp data dir and a headless Debian Chromium for E2E tests.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
// @ts-expect-error plain .mjs helper shared with the scripts
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs'

export interface Door {
  url: string
  process: ChildProcess
  stop(): Promise<void>
}

export async function startDoor(dataDir: string): Promise<Door> {
  if (!existsSync('out/main/web.js') || !existsSync('out/renderer/index.html')) {
    throw new Error('E2E needs the built app: run `npm run build` (npm test does it for you)')
  }
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => (stderr += String(b)))
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`web door did not start: ${stderr}`)), 20_000)
    child.stdout?.on('data', (b: Buffer) => {
      const m = /http:\/\/127\.0\.0\.1:\d+\//.exec(String(b))
      if (m) {
        clearTimeout(timer)
        resolve(m[0])
      }
    })
    child.on('exit', (code) => reject(new Error(`web door exited with ${String(code)}: ${stderr}`)))
  })
  return {
    url,
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath() as string | undefined
  if (!executablePath) {
    throw new Error('Chromium not found. Install it: apt-get install -y chromium fonts-noto-cjk')
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[] })
}

export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } })
  await page.goto(url)
  return page
}
