// The bench's bare page: Vue + Element Plus doing the same jobs as our screens in the plainest
// way (one el-table, el-pagination, el-dialog with an el-form), the floor of this stack.
import { createApp } from 'vue'
import BareApp from './BareApp.vue'

createApp(BareApp).mount('#app')
