// What the 参会人员 / 议题 / 议定事项 panels share: the add/edit dialog, delete with
// confirmation, moving a row up or down, and quick inline changes, all through the store.
import type { FieldDef } from '@shared/registers/field-def'
import { ElMessage, ElMessageBox } from 'element-plus'
import { errorMessage } from '../../api/client'
import { useMeetingDetailStore, type ChildList } from '../../stores/meetings.store'
import { editable, type Values } from '../../utils/field-form'
import { useRecordDialog } from '../register/use-record-dialog'

export function useChildPanel(list: ChildList, fields: readonly FieldDef[], label: string) {
  const store = useMeetingDetailStore()
  const dialog = useRecordDialog(() => fields)

  async function save(): Promise<void> {
    await dialog.submit(
      (values, id) => store.saveChild(list, id, values),
      dialog.editingId.value === null ? `已添加${label}` : '已保存修改',
    )
  }

  /** Saves one changed value of a row at once (出席情况, 已签到 …). */
  async function patch(row: Values, changes: Values): Promise<void> {
    try {
      await store.saveChild(list, Number(row.id), { ...editable(fields, row), ...changes })
    } catch (e) {
      ElMessage.error(errorMessage(e))
      await store.refresh(list)
    }
  }

  async function remove(row: Values, name: string): Promise<void> {
    try {
      await ElMessageBox.confirm(`确定删除${label}「${name}」吗？`, `删除${label}`, {
        type: 'warning',
        confirmButtonText: '删除',
        cancelButtonText: '取消',
      })
    } catch {
      return
    }
    try {
      await store.removeChild(list, Number(row.id))
      ElMessage.success('已删除')
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  async function move(row: Values, direction: 'up' | 'down'): Promise<void> {
    try {
      await store.move(list, Number(row.id), direction)
    } catch (e) {
      ElMessage.error(errorMessage(e))
    }
  }

  return { store, dialog, save, patch, remove, move }
}

const DIGITS = '零一二三四五六七八九'

/** 1 → 一, 12 → 十二, 23 → 二十三: how 议题 and 议定事项 are numbered on paper. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] ?? String(n)
  if (n < 100) {
    const tens = Math.floor(n / 10)
    const ones = n % 10
    return `${tens === 1 ? '' : (DIGITS[tens] ?? '')}十${ones ? (DIGITS[ones] ?? '') : ''}`
  }
  return String(n)
}
