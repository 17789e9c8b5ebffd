// A tag for table cells with el-tag's look and none of its cost. el-tag wraps itself in an
// appearing <Transition>, whose enter hook forces a whole-page reflow per tag: a page turn
// of the 能人 list spent most of its time in those reflows (README, 界面速度).
import 'element-plus/es/components/tag/style/css'
import { h, type FunctionalComponent } from 'vue'

type TagType = 'primary' | 'success' | 'info' | 'warning' | 'danger'

export interface CellTagProps {
  type?: TagType | ''
  effect?: 'light' | 'dark' | 'plain'
  size?: 'small' | 'default' | 'large'
}

export const CellTag: FunctionalComponent<CellTagProps> = (props, { slots }) =>
  h(
    'span',
    {
      class: [
        'el-tag',
        `el-tag--${props.type || 'primary'}`,
        `el-tag--${props.size ?? 'small'}`,
        `el-tag--${props.effect ?? 'light'}`,
      ],
    },
    [h('span', { class: 'el-tag__content' }, slots.default?.())],
  )
CellTag.props = ['type', 'effect', 'size']
CellTag.displayName = 'CellTag'
