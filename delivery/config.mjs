// What `trunk build` delivers: the pages, the wasm modules they load on first use, and the size
// budgets. Read by delivery/build.mjs (trunk's post-build hook) and delivery/size.mjs (the budget
// check). Adding a page or a module is one entry here: see docs/delivery.md.

export default {
  /**
   * Wasm modules loaded on first use. `bin` is a `[[bin]]` of Cargo.toml whose `#[wasm_bindgen]`
   * exports are the module's API; the app gets them with `gongkaiBoot.loadModule(name)`
   * (src/web/modules.rs). Served, a module is two hashed files; in a single file it is embedded.
   */
  modules: [
    // The report's Word, Markdown and CSV writers: on the first export of one of them.
    { name: 'report-files', bin: 'gongkai-report-files' },
    // XLSX reading and the pinyin table: on the first XLSX import or publish (#/districts).
    { name: 'district-tools', bin: 'gongkai-district-tools' },
    // The parent page's own binary, for the workbench's #/lookup (the same code parents run).
    // Its CSS (`css`) is loaded with it, not in the workbench's first load.
    { name: 'lookup', bin: 'gongkai-lookup', css: 'lookup/lookup.css' },
    // A page of the workbench in a module of its own (#/districts): see docs/delivery.md, “A page in
    // a module”. The page loads the `district-tools` module in turn for XLSX and pinyin.
    { name: 'districts-page', bin: 'gongkai-districts-page' },
    // 图解 (#/graphic, with its PNG export), the overview's trends, the HTML export's graphic and the
    // built-in example (载入内置示例) in a module of their own, out of the first load.
    { name: 'graphic-page', bin: 'gongkai-graphic-page' },
    // The school pages (#/schools: pack, merge preview, dashboard, school list; #/school: the school
    // mode), also in the single file, which is what a school opens offline.
    { name: 'schools-page', bin: 'gongkai-schools-page' },
  ],

  /**
   * Pages. `trunk: true` marks the page trunk builds from index.html; any other page names its
   * `source` HTML (written like index.html: one `data-trunk rel="css"` and one `data-trunk
   * rel="rust" data-bin` link) and is built by the hook. Each page gets, in `dir`, a web app
   * manifest, icons and a service worker that precaches its assets, and a single-file copy
   * (`single`, at the root of dist/) that works from file://.
   */
  pages: [
    {
      name: 'gongkai',
      trunk: true,
      dir: '',
      single: 'gongkai.html',
      title: '政务公开年报工作台',
      shortName: '公开年报',
      description: '义务教育领域政务公开工作年度报告的离线工作台：填报、体检、导出，数据只存在本机。',
      // How the boot messages name the page (“工作台无法启动”).
      label: '工作台',
      themeColor: '#b3261e',
      // The localStorage key the panic message offers as a backup file.
      backupKey: 'gongkai:workspace',
      modules: ['report-files', 'district-tools', 'lookup', 'districts-page', 'graphic-page', 'schools-page'],
      // #/districts hands out the parent page as one file with the bureau's data inside.
      files: ['lookup.html'],
    },
    {
      name: 'lookup',
      source: 'lookup/index.html',
      bin: 'gongkai-lookup',
      dir: 'lookup/',
      single: 'lookup.html',
      title: '义务教育学区查询',
      shortName: '学区查询',
      description: '输入家庭住址，查询对口的小学和初中。地址只在本机查询，不会发送到任何地方。',
      label: '查询页面',
      themeColor: '#b3261e',
      backupKey: null,
      modules: [],
      /**
       * The data the page reads: `file` beside the served page (copied from `source`; the bureau
       * replaces it with its own published file, so the service worker fetches it network-first
       * and keeps the last copy for offline use), and inside the single file in the
       * `<script type="application/json" id="…">` named by `embed`. The build ships the built-in
       * example's data (illustrative, and marked so on the page).
       */
      data: { file: 'districts.json', source: 'lookup/districts.json', embed: 'gongkai-districts' },
    },
  ],

  /** Budgets in bytes of gzip -9, checked by delivery/size.mjs (scripts/test.sh). */
  budgets: {
    /** A page's first load: its HTML, JS, CSS and wasm. A page listed here but not built is reported
     * as such; a built page without a budget fails the check. */
    firstLoadGzip: {
      gongkai: 450_000,
      lookup: 100_000,
    },
    /** Each module: its glue and wasm. */
    moduleGzip: 300_000,
  },

  /** wasm-opt level for the hook's builds, as `data-wasm-opt` in index.html for trunk's (null: no
   * wasm-opt, as the pipeline's own test does to save time). */
  wasmOpt: 'z',
};
