// Every page of the app, in one place: [hash, data-testid of the page]. The route tests (shell.test.mjs:
// bookmarkable and reload-safe; layout.test.mjs: fits 1366 px and 360 px, no serious axe violation) iterate
// this list, so a new page joins them by adding one entry here.
export const CATEGORY_KEYS = [
  'policy', 'overview', 'private-schools', 'finance', 'enrollment',
  'students', 'teachers', 'policy-execution', 'supervision', 'safety',
];

export const ROUTES = [
  ['#/', 'page-overview'],
  ['#/settings', 'page-settings'],
  ...CATEGORY_KEYS.map((key) => [`#/category/${key}`, 'page-category']),
  ['#/narrative', 'page-narrative'],
  ['#/tables', 'page-tables'],
  ['#/check', 'page-check'],
  ['#/report', 'page-report'],
  ['#/graphic', 'page-graphic'],
  ['#/schools', 'page-coming'],
  ['#/school', 'page-coming'],
  ['#/districts', 'page-districts'],
  ['#/lookup', 'page-lookup'],
  ['#/data', 'page-data'],
];
