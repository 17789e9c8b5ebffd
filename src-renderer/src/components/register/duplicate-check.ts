// Before a register form saves: is this person or unit already on file (the same test the
// import uses)? Then say who, and let her open the existing record, go back, or — where the
// backend allows two — save anyway on purpose.
import type { RegisterSpec } from '@shared/registers/registers'
import { ElMessageBox } from 'element-plus'
import { invoke } from '../../api/client'
import type { Values } from '../../utils/field-form'

export type DuplicateChoice =
  { action: 'save' } | { action: 'back' } | { action: 'open'; id: number }

export async function checkDuplicates(
  spec: RegisterSpec,
  values: Values,
  id: number | null,
): Promise<DuplicateChoice> {
  // 会议 are not people or units; a 共建单位's name is unique and the backend says so itself.
  if (
    spec.key !== 'talents' &&
    spec.key !== 'committee' &&
    spec.key !== 'households' &&
    spec.key !== 'reported_members'
  )
    return { action: 'save' }
  const found = await invoke('registers:duplicates', { register: spec.key, values, id })
  const first = found[0]
  if (!first) return { action: 'save' }
  // The same 身份证号 can never be saved twice: only open the other one or go back.
  const blocked = found.some((f) => f.reason.includes('身份证号'))
  const who = found.map((f) => `「${f.name}」（${f.reason}）`).join('、')
  const message = blocked
    ? `已登记的${spec.noun}${who}与正在填写的是同一人，不能重复登记。要打开已有的记录吗？`
    : `已登记的${spec.noun}${who}可能与正在填写的是同一人。确实是另一人时再选「仍然保存」。`
  // 打开已有记录 is the default button: a second record only on a deliberate 仍然保存.
  try {
    await ElMessageBox.confirm(message, `可能重复：${spec.noun}已在册`, {
      type: 'warning',
      confirmButtonText: '打开已有记录',
      cancelButtonText: blocked ? '返回修改' : '仍然保存',
      distinguishCancelAndClose: true,
    })
    return { action: 'open', id: first.id }
  } catch (reason) {
    return reason === 'cancel' && !blocked ? { action: 'save' } : { action: 'back' }
  }
}
