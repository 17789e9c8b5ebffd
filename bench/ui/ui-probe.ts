// Times one interaction inside the page: from the browser's own timestamp of the triggering
// event (a click, a keystroke) until the condition holds and the next frame has been drawn.
// Timed in the page, so Playwright's round trips are not counted.
import type { Page } from 'playwright-core'

// Runs in the page: arms a one-shot listener for the trigger, then watches the DOM for the
// condition and resolves window.__benchDone after the frame that shows it.
const ARM = `(trigger, cond) => {
  const holds = new Function('return (' + cond + ')')
  window.__benchDone = new Promise((resolve) => {
    document.addEventListener(trigger, (e) => {
      const t0 = e.timeStamp
      let done = false
      const check = () => {
        if (done || !holds()) return
        done = true
        obs.disconnect()
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)))
      }
      const obs = new MutationObserver(check)
      obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true })
      setTimeout(check)
    }, { capture: true, once: true })
  })
}`

/** `cond` is a JavaScript expression evaluated in the page (the bench's contexts bypass CSP). */
export async function timedEvent(
  page: Page,
  trigger: 'click' | 'keydown' | 'input',
  cond: string,
  act: () => Promise<unknown>,
): Promise<number> {
  await page.evaluate(`(${ARM})(${JSON.stringify(trigger)}, ${JSON.stringify(cond)})`)
  await act()
  const ms = await page.evaluate<number>(
    'Promise.race([window.__benchDone, new Promise((r) => setTimeout(() => r(-1), 20000))])',
  )
  if (ms < 0) throw new Error(`界面测量超时：${cond}`)
  return ms
}

// Installed before the page's own code, for every document the page loads: watches the DOM
// from the start and resolves window.__loadDone after the frame that first shows `cond`, the
// same probe as ARM's (the answer used to wait for a round trip from here and the frame after
// it, which counted whatever work the page queued in between, such as code fetched when idle).
const WATCH = `(cond) => {
  const holds = new Function('return (' + cond + ')')
  window.__loadDone = new Promise((resolve) => {
    let done = false
    const check = () => {
      if (done || !document.body || !holds()) return
      done = true
      obs.disconnect()
      requestAnimationFrame(() => setTimeout(() => resolve(performance.now())))
    }
    const obs = new MutationObserver(check)
    obs.observe(document, { subtree: true, childList: true, characterData: true, attributes: true })
  })
}`
const watching = new WeakMap<Page, Set<string>>()

/** From a fresh navigation until `cond` holds and a frame is drawn (ms since navigation start). */
export async function timedLoad(page: Page, url: string, cond: string): Promise<number> {
  const conds = watching.get(page) ?? new Set<string>()
  watching.set(page, conds)
  if (!conds.has(cond)) {
    await page.addInitScript(`(${WATCH})(${JSON.stringify(cond)})`)
    conds.add(cond)
  }
  await page.goto('about:blank')
  await page.goto(url)
  const ms = await page.evaluate<number>(
    'Promise.race([window.__loadDone, new Promise((r) => setTimeout(() => r(-1), 20000))])',
  )
  if (ms < 0) throw new Error(`界面测量超时：${cond}`)
  return ms
}

export interface Stats {
  median: number
  p95: number
}

export function stats(ms: number[]): Stats {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) =>
    s[Math.max(0, Math.min(s.length - 1, Math.ceil(q * s.length) - 1))] ?? NaN
  return { median: at(0.5), p95: at(0.95) }
}
