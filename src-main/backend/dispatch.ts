// The single entry every door calls: check the channel, validate the input against the
// contract, run the handler, and always answer with a Result (never a raw throw).
import { storageFailure } from './errors'
import { contract, isChannel, type Channel, type Output } from '../shared/contract'
import { AppError, type Result } from '../shared/result'
import { validationError } from '../shared/validation'
import type { AppContext } from './app/context'
import { handlers } from './handlers'
import { log, stackFrames } from './log'
import { safetyGate } from './safety/gate'

export type Invoke = (channel: unknown, input: unknown) => Promise<Result<unknown>>

export function createInvoke(ctx: AppContext): Invoke {
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
      const handler = handlers[channel] as (
        i: unknown,
        c: AppContext,
      ) => Output<Channel> | Promise<Output<Channel>>
      const data = await handler(parsed.data, ctx)
      return { ok: true, data }
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toInfo() }
      const known = storageFailure(e)
      if (known) return { ok: false, error: known.toInfo() }
      // Log the channel and the error class only: messages may quote user data.
      const ref = Date.now().toString(36).toUpperCase()
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
