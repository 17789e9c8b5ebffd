// The renderer's only way to the backend. It picks the transport: the preload's invoke in the
// desktop window, fetch to the browser door otherwise (tests may install their own).
import type { Channel, Input, Output } from '@shared/contract'
import type { Confirmation, ErrorInfo, FieldIssue, Result } from '@shared/result'
import { validationError } from '@shared/validation'
import type { FormChannel } from './form-inputs'

export type Transport = (channel: string, input: unknown) => Promise<Result<unknown>>

declare global {
  interface Window {
    lianjian?: { invoke: Transport }
  }
}

export class ApiError extends Error {
  readonly code: ErrorInfo['code']
  readonly details: FieldIssue[]
  /** Set with NEEDS_CONFIRMATION: what the user is asked to accept before the call is repeated. */
  readonly confirm: Confirmation | undefined

  constructor(info: ErrorInfo) {
    super(info.message)
    this.name = 'ApiError'
    this.code = info.code
    this.details = info.details ?? []
    this.confirm = info.confirm
  }
}

const UNREACHABLE: Result<unknown> = {
  ok: false,
  error: { code: 'INTERNAL', message: '无法连接联建通后台。请确认联建通仍在运行，然后刷新页面。' },
}

function httpTransport(base = './api/invoke'): Transport {
  const token = document.querySelector('meta[name="lianjian-token"]')?.getAttribute('content') ?? ''
  return async (channel, input) => {
    try {
      const res = await fetch(base, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lianjian-Token': token },
        body: JSON.stringify({ channel, input }),
      })
      return (await res.json()) as Result<unknown>
    } catch {
      return UNREACHABLE
    }
  }
}

let transport: Transport | undefined

export function setTransport(t: Transport | undefined): void {
  transport = t
}

function current(): Transport {
  transport ??= window.lianjian ? window.lianjian.invoke : httpTransport()
  return transport
}

let pending = 0

/** How many calls are waiting for the backend (work that can wait, waits for them). */
export const pendingCalls = (): number => pending

async function send<C extends Channel>(channel: C, input: unknown): Promise<Output<C>> {
  pending++
  const r = await current()(channel, input).finally(() => pending--)
  if (!r.ok) throw new ApiError(r.error)
  // The backend checked the answer against this channel's output schema (outside packaged builds).
  return r.data as Output<C>
}

/** Calls a channel with an input its type checks at compile time. */
export function invoke<C extends Channel>(channel: C, input: Input<C>): Promise<Output<C>> {
  return send(channel, input)
}

/** Starts loading the form schemas early (a page with forms calls it), so a save never waits. */
export function preloadForms(): void {
  void import('./form-inputs').catch(() => undefined)
}

/**
 * Sends what a generic form holds (a field map built from field definitions at run time) to a
 * channel: checked first by the channel's own input schema, so the call is typed by that check
 * rather than by a cast, and a mistake reads exactly as the backend's VALIDATION answer would.
 */
export async function submit<C extends FormChannel>(
  channel: C,
  values: unknown,
): Promise<Output<C>> {
  const { FORMS } = await import('./form-inputs')
  const checked = FORMS[channel].input.safeParse(values)
  if (!checked.success) throw new ApiError(validationError(checked.error).toInfo())
  return send(channel, values)
}

export function errorMessage(e: unknown): string {
  return e instanceof Error ? e.message : '操作失败，请重试'
}

/** True in the desktop window (Electron's preload), false in the browser door and tests. */
export function isDesktop(): boolean {
  return typeof window !== 'undefined' && window.lianjian !== undefined
}
