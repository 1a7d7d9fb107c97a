// Element Plus upload and timeline (permit applications' documents and steps).
import 'element-plus/es/components/upload/style/css';
import 'element-plus/es/components/timeline/style/css';
import 'element-plus/es/components/timeline-item/style/css';
export { ElUpload, ElTimeline, ElTimelineItem } from 'element-plus';
