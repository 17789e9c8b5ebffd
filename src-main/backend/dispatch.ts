// The single entry every door calls: check the channel, validate the input against the
// contract, run the handler, and always answer with a Result (never a raw throw). Outside a
// packaged desktop build the answer is checked against the output schema too, so every test,
// E2E run and development session catches a handler that breaks the contract.
import { storageFailure } from './errors'
import { contract, isChannel, type Channel } from '../shared/contract'
import { AppError, type Result } from '../shared/result'
import { validationError } from '../shared/validation'
import type { AppContext } from './app/context'
import { handlers } from './handlers'
import { log, stackFrames } from './log'
import { safetyGate } from './safety/gate'

export type Invoke = (channel: unknown, input: unknown) => Promise<Result<unknown>>

export interface InvokeOptions {
  /** Check every answer against the contract's output schema (off only in a packaged build). */
  checkOutputs?: boolean
}

/** Runs the channel's handler: the table is keyed by channel, so the pair always matches. */
function run<C extends Channel>(channel: C, input: unknown, ctx: AppContext): Promise<unknown> {
  const handler: (i: never, c: AppContext) => unknown = handlers[channel]
  return Promise.resolve(handler(input as never, ctx))
}

function errorRef(): string {
  return Date.now().toString(36).toUpperCase()
}

/** An answer that breaks the contract: a bug, said as one (paths and codes only, no values). */
function contractBreach(channel: Channel, data: unknown): Result<unknown> | null {
  const checked = contract[channel].output.safeParse(data)
  if (checked.success) return null
  const ref = errorRef()
  const issues = checked.error.issues.slice(0, 5)
  log.error(
    `output breaks the contract: channel=${channel} ref=${ref} at ${issues.map((i) => `${i.path.join('.') || '(root)'} ${i.code}`).join('; ')}`,
  )
  return {
    ok: false,
    error: {
      code: 'INTERNAL',
      message: `程序内部错误：「${channel}」返回的数据与约定不符（错误编号 ${ref}）。请重试；如果反复出现，请联系技术支持。`,
      details: issues.map((i) => ({ field: i.path.join('.'), message: i.message })),
    },
  }
}

export function createInvoke(ctx: AppContext, options: InvokeOptions = {}): Invoke {
  const checkOutputs = options.checkOutputs ?? true
  return async (channel, input) => {
    if (!isChannel(channel)) {
      return {
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: '程序请求了不存在的功能，请升级或重启联建通。' },
      }
    }
    const blocked = await safetyGate(ctx, channel)
    if (blocked) return { ok: false, error: blocked }
    const parsed = contract[channel].input.safeParse(input ?? {})
    if (!parsed.success) return { ok: false, error: validationError(parsed.error).toInfo() }
    try {
      // The input was parsed by this channel's own schema just above.
      const data = await run(channel, parsed.data, ctx)
      return (checkOutputs && contractBreach(channel, data)) || { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toInfo() }
      const known = storageFailure(e)
      if (known) return { ok: false, error: known.toInfo() }
      // Log the channel and the error class only: messages may quote user data.
      const ref = errorRef()
      log.error(
        `handler failed: channel=${channel} ref=${ref} type=${e instanceof Error ? e.name : typeof e} at ${stackFrames(e)}`,
      )
      return {
        ok: false,
        error: {
          code: 'INTERNAL',
          message: `程序内部错误，本次操作没有完成（错误编号 ${ref}）。请重试；如果反复出现，请联系技术支持。`,
        },
      }
    }
  }
}
