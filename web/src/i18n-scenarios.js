// Menu labels of the scenario workspace (情景推演), zh-CN first, merged into
// i18n.js; the pages' own messages load with them (pages/scenarios/messages.js).
export const zh = {
  'nav.scenarios': '情景推演',
  'sc.title': '情景推演',
};

export const en = {
  'nav.scenarios': 'Scenarios',
  'sc.title': 'Scenario workspace',
};
