// The command line's one way into the backend: every command calls channels through dispatch,
// so the contract's checks and the safety gate apply to it exactly as to the window. A failed
// Result becomes an AppError (code, message and details kept) that runCli prints.
import type { Invoke } from '../backend/dispatch'
import type { Channel, Input, Output } from '../shared/contract'
import { AppError, type Result } from '../shared/result'

export type Call = <C extends Channel>(channel: C, input: Input<C>) => Promise<Output<C>>

/** The data of a Result, or its error thrown as an AppError. */
export function unwrap<T>(r: Result<T>): T {
  if (!r.ok) throw new AppError(r.error.code, r.error.message, r.error.details, r.error.confirm)
  return r.data
}

export function caller(invoke: Invoke): Call {
  return async (channel, input) => unwrap(await invoke(channel, input)) as never
}
