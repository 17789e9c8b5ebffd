// The typed per-register API: every register K answers `${K}:list`, `${K}:get`, … and every
// child list `${K}:list` … with rows of its own contract schema. Code that is generic over the
// register (the register store, child lists, the register handlers) names channels and rows
// through these types, so a channel it builds is checked against the contract.
import type { Channel, Input, Output } from './contract'
import type { AnyRegisterKey, ChildKey } from './registers/registers'
import type { childChannels, registerChannels } from './schemas/registers.schema'

/** The operations every register offers, as the contract's register table names them. */
export type RegisterOp = keyof ReturnType<typeof registerChannels>
/** The operations every child list offers. */
export type ChildOp = keyof ReturnType<typeof childChannels>

/** One register operation's channel, e.g. `talents:list`. */
export type RegisterChannel<K extends AnyRegisterKey, O extends RegisterOp> = `${K}:${O}` & Channel
/** One child-list operation's channel, e.g. `talent_services:create`. */
export type ChildChannel<K extends ChildKey, O extends ChildOp> = `${K}:${O}` & Channel

/** A stored record of register K as the contract describes it. */
export type RegisterRow<K extends AnyRegisterKey> = Output<`${K}:create`>
/** What a form sends to create or update a record of register K. */
export type RegisterData<K extends AnyRegisterKey> = Input<`${K}:create`>
/** A row of child list K (服务记录 …) as the contract describes it. */
export type ChildRow<K extends ChildKey> = Output<`${K}:create`>
/** What a form sends to add or change a row of child list K. */
export type ChildData<K extends ChildKey> = Input<`${K}:create`>['data']

export function registerChannel<K extends AnyRegisterKey, O extends RegisterOp>(
  key: K,
  op: O,
): `${K}:${O}` {
  return `${key}:${op}`
}

export function childChannel<K extends ChildKey, O extends ChildOp>(key: K, op: O): `${K}:${O}` {
  return `${key}:${op}`
}
