// The 工作台's figures, asked for as soon as the app starts on the 工作台 (main.ts) alongside the
// app's own start-up calls, instead of after the router has resolved and the page is built:
// one round trip less before the first numbers (at city scale the first answer takes 0.1 s).
import type { DashboardSummary } from '@shared/schemas/dashboard.schema'
import { invoke } from '../../api/client'

let early: Promise<DashboardSummary> | null = null

/** Starts the request if the app opens on the 工作台 ('', '#/' or '#/dashboard'). */
export function startSummaryEarly(hash: string): void {
  if (!/^(#\/?(dashboard)?)?$/.test(hash.split('?')[0] ?? '')) return
  early = invoke('dashboard:summary', {})
  // Whoever takes it handles a failure; until then it must not count as unhandled.
  early.catch(() => undefined)
}

/** The early request the first time (once only: later visits ask afresh), else a new one. */
export function summaryRequest(): Promise<DashboardSummary> {
  const p = early ?? invoke('dashboard:summary', {})
  early = null
  return p
}
