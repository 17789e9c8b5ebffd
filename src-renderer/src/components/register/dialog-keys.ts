// The keyboard rules every record dialog follows: Enter saves from a one-line field (Ctrl+Enter
// in a multi-line one), but never while a suggestion list or drop-down is open or an input
// method is composing; Esc on a changed form asks before the typing is thrown away.
import { ElMessageBox } from 'element-plus'

/** Whether this Enter press means 保存 (the field's own handling runs first either way). */
export function enterSaves(e: KeyboardEvent): boolean {
  if (e.key !== 'Enter' || e.isComposing || e.keyCode === 229) return false
  const t = e.target as HTMLElement | null
  if (!t) return false
  if (t.tagName === 'TEXTAREA') return e.ctrlKey || e.metaKey
  if (t.tagName !== 'INPUT') return false
  const type = (t as HTMLInputElement).type
  if (type === 'checkbox' || type === 'radio') return false
  // An open list: Enter picks the highlighted entry. A closed select: Enter opens it.
  if (t.closest('[aria-expanded="true"]')) return false
  if (t.closest('.el-select')) return false
  // An open date panel: Enter takes the typed date (the next Enter saves).
  if (t.closest('.el-date-editor.is-focus')) return false
  return true
}

/**
 * Whether this Esc press should close the dialog although it comes from a drop-down: Element
 * Plus's select swallows Esc even when its list is closed, so with the cursor in a first field
 * like 会议类型 the dialog would never hear it. An open list or typed filter text keeps its Esc.
 */
export function escapeFromClosedSelect(e: KeyboardEvent): boolean {
  if (e.key !== 'Escape' || e.isComposing) return false
  const t = e.target as HTMLElement | null
  if (!t?.closest('.el-select') || t.closest('[aria-expanded="true"]')) return false
  return !(t as HTMLInputElement).value
}

/** Asks before a changed form is closed; resolves true when it may close. */
export async function mayDiscard(dirty: boolean): Promise<boolean> {
  if (!dirty) return true
  // 继续填写 is the default button, so a reflex Enter (or Esc) keeps the typing.
  try {
    await ElMessageBox.confirm('填写的内容还没有保存，关闭后将丢失。', '放弃未保存的修改？', {
      type: 'warning',
      confirmButtonText: '继续填写',
      cancelButtonText: '放弃修改',
      distinguishCancelAndClose: true,
    })
    return false
  } catch (reason) {
    return reason === 'cancel'
  }
}
