// Element Plus tables with server-side paging (see ../list.js).
import 'element-plus/es/components/table/style/css';
import 'element-plus/es/components/table-column/style/css';
import 'element-plus/es/components/pagination/style/css';
import 'element-plus/es/components/input/style/css';
import 'element-plus/es/components/tag/style/css';
import 'element-plus/es/components/tabs/style/css';
import 'element-plus/es/components/tab-pane/style/css';
export { ElTable, ElTableColumn, ElPagination, ElInput, ElTag, ElTabs, ElTabPane } from 'element-plus';
import 'element-plus/es/components/loading/style/css';
export { vLoading } from 'element-plus';
