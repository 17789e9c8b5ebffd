// What the doors (the desktop window, the browser door, the command line) share, so none of them
// imports another: the page's Content-Security-Policy and the start-up failure sentence.
import { AppError } from '../shared/result'

// No 'unsafe-inline' for styles: the build extracts all CSS to files, and Element Plus and Vue
// set styles through the CSSOM (el.style…), which style-src does not govern — dialogs, poppers
// and fixed table columns were checked in Chromium with no violation reported.
export const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
  "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

/** Why the app could not start, for the person starting it (an AppError already says so). */
export function startupFailure(e: unknown): string {
  return e instanceof AppError
    ? e.message
    : `启动失败：${e instanceof Error ? e.message : String(e)}。请重新启动联建通；如果反复出现，请联系技术支持。`
}
