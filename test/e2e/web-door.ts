// Starts the built browser door on a temp data dir and a headless Debian Chromium for E2E tests.
// The door lets in only the person who started it: each new browser page is opened with a fresh
// one-time address, asked for the way a user does (Enter in the door's terminal).
import { spawn, type ChildProcess } from 'node:child_process'
import { cpSync, existsSync } from 'node:fs'
import { chromium, type Browser, type Page } from 'playwright-core'
import { inject } from 'vitest'
// @ts-expect-error plain .mjs helper shared with the scripts
import { CHROMIUM_ARGS, chromiumPath } from '../../scripts/chromium.mjs'

export interface Door {
  /** The bare address; `${url}#/route` works in any page opened with openPage. */
  url: string
  process: ChildProcess
  /** A fresh one-time start-up address (with ?code=). */
  openUrl(): Promise<string>
  stop(): Promise<void>
}

const OPEN_URL = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+/g
const doors = new Map<string, Door>()

/** A copy of the demo community, made once per run by test/setup/e2e-demo.ts, in `dataDir`. */
export function demoCopy(dataDir: string): void {
  cpSync(inject('demoDataDir'), dataDir, { recursive: true })
}

export async function startDoor(dataDir: string): Promise<Door> {
  if (!existsSync('out/main/web.js') || !existsSync('out/renderer/index.html')) {
    throw new Error('E2E needs the built app: run `npm run build` (npm test does it for you)')
  }
  const child = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  })
  let stderr = ''
  child.stderr?.on('data', (b: Buffer) => (stderr += String(b)))
  const ready: string[] = []
  const waiting: ((u: string) => void)[] = []
  let out = ''
  child.stdout?.on('data', (b: Buffer) => {
    out += String(b)
    const lines = out.split('\n')
    out = lines.pop() ?? ''
    for (const line of lines)
      for (const m of line.matchAll(OPEN_URL)) {
        const next = waiting.shift()
        if (next) next(m[0])
        else ready.push(m[0])
      }
  })
  const nextUrl = () =>
    new Promise<string>((resolve, reject) => {
      const first = ready.shift()
      if (first) return resolve(first)
      const timer = setTimeout(
        () => reject(new Error(`web door gave no address: ${stderr}`)),
        20_000,
      )
      waiting.push((u) => {
        clearTimeout(timer)
        resolve(u)
      })
    })
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) =>
      reject(new Error(`web door exited with ${String(code)}: ${stderr}`)),
    ),
  )
  exited.catch(() => undefined)
  const startUrl = await Promise.race([nextUrl(), exited])
  // The start-up address is kept for the first page; later pages ask for new ones.
  ready.unshift(startUrl)
  const door: Door = {
    url: startUrl.replace(/\?code=.*$/, ''),
    process: child,
    openUrl: () => {
      if (ready.length === 0) child.stdin?.write('\n')
      return nextUrl()
    },
    stop: () =>
      new Promise((resolve) => {
        doors.delete(door.url)
        if (child.exitCode !== null) return resolve()
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
  doors.set(door.url, door)
  return door
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = chromiumPath() as string | undefined
  if (!executablePath) {
    throw new Error('Chromium not found. Install it: apt-get install -y chromium fonts-noto-cjk')
  }
  return chromium.launch({ executablePath, args: CHROMIUM_ARGS as string[] })
}

/** `url` is a door's address, optionally with `#/route`: opened through a one-time address. */
export async function openPage(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 860 } })
  const door = [...doors.values()].find((d) => url.startsWith(d.url))
  await page.goto(door ? `${await door.openUrl()}${url.slice(door.url.length)}` : url)
  return page
}

/**
 * Waits until every finite CSS transition and animation on the page has ended, so a screenshot
 * shows the still picture and not a dialog half faded in (a fixed sleep only guessed at that).
 */
export async function settled(page: Page): Promise<void> {
  await page.evaluate(async () => {
    // Runs in the page; the tests' own TypeScript has no DOM types.
    interface Anim {
      finished: Promise<unknown>
      effect: { getComputedTiming(): { iterations?: number } } | null
    }
    const doc = (globalThis as unknown as { document: { getAnimations(): Anim[] } }).document
    const running = doc
      .getAnimations()
      .filter((a) => a.effect?.getComputedTiming().iterations !== Infinity)
    await Promise.allSettled(running.map((a) => a.finished))
  })
}
