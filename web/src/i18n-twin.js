// Menu labels of the digital twin's dispatch (调度) and 3D view (三维) pages,
// zh-CN first, merged into i18n.js; the pages' own messages load with them
// (pages/twin3d/messages.js).
export const zh = {
  'nav.dispatch': '调度',
  'nav.twin3d': '三维',
};

export const en = {
  'nav.dispatch': 'Dispatch',
  'nav.twin3d': '3D',
};
