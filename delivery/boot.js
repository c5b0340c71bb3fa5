/* gongkai boot script. delivery/build.mjs inlines it into every page, before the app's loader, with
 * BUILD filled in. It starts the wasm app, loads wasm modules on first use (served: fetched; single
 * file: decoded from the page), registers the service worker and offers a new version, and shows a
 * plain-HTML message when the wasm cannot start or the app panics. Written in ES5 on purpose: the
 * message for a browser too old for the app must show in that browser. The strings here are the
 * only user-facing text outside src/text.rs: they must show when no Rust can run. */
(function () {
  'use strict';

  /** Filled in by delivery/build.mjs: page, label, backupKey, sw, modules, files. */
  var BUILD = /*BUILD*/ {} /*END*/;

  var TEXT = {
    failTitle: function (label) { return label + '无法启动'; },
    failBody: '这个浏览器无法运行本页面：它需要 WebAssembly 和较新的 JavaScript。' +
      '请用新版的 Edge、Chrome、Firefox 或 Safari 打开；360、QQ、搜狗等浏览器请切换到“极速模式”。' +
      '已经保存在本机浏览器里的数据不受影响。',
    failFile: '如果是从邮件附件或压缩包里直接打开的，请先把文件保存到电脑上，再双击打开。',
    failServed: '如果是网络问题，请稍后刷新页面重试。',
    detail: '技术信息：',
    fatalTitle: function (label) { return label + '出错了，已停止运行'; },
    fatalBody: '已经保存的数据是安全的：显示“已保存”之前的修改都在本机浏览器里。' +
      '请先下载一份备份文件，再刷新页面继续工作。如果问题反复出现，请把备份文件和下面的技术信息发给维护人员。',
    fatalDownload: '下载备份文件',
    fatalNoData: '本机浏览器里没有已保存的数据。',
    fatalNoStorage: '无法读取本机浏览器的存储，数据只能在页面里导出。',
    backupName: '政务公开年报-恢复备份',
    reload: '刷新页面',
    update: '有新版本',
    updateButton: '刷新使用新版本'
  };

  var started = false;
  var stopped = false;
  /** Set when a lazily loaded module panicked: its trap is that module's failure, not the app's. */
  var moduleTrap = false;
  var modules = {};
  var updateRequested = false;

  function onReady(fn) {
    if (document.body) {
      fn();
    } else {
      document.addEventListener('DOMContentLoaded', fn);
    }
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    var k;
    for (k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) node.setAttribute(k, attrs[k]);
    }
    for (k = 0; k < (children || []).length; k++) {
      var c = children[k];
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return node;
  }

  function describe(error) {
    if (!error) return '';
    if (error.message) return (error.name ? error.name + ': ' : '') + error.message;
    return String(error);
  }

  function reloadButton() {
    var b = el('button', { type: 'button', 'data-testid': 'boot-reload' }, [TEXT.reload]);
    b.onclick = function () { location.reload(); };
    return b;
  }

  /** The app could not start: a plain message replaces the page. */
  function fail(error) {
    if (started || stopped) return;
    stopped = true;
    if (window.console) console.error('gongkai: the app could not start', error);
    onReady(function () {
      var box = el('div', { 'class': 'boot-message', role: 'alert', 'data-testid': 'boot-failure' }, [
        el('h1', {}, [TEXT.failTitle(BUILD.label || '')]),
        el('p', {}, [TEXT.failBody]),
        el('p', {}, [location.protocol === 'file:' ? TEXT.failFile : TEXT.failServed]),
        el('p', { 'class': 'boot-detail' }, [TEXT.detail + describe(error)]),
        el('p', {}, [reloadButton()])
      ]);
      document.body.insertBefore(box, document.body.firstChild);
    });
  }

  function storedText() {
    try {
      return BUILD.backupKey ? window.localStorage.getItem(BUILD.backupKey) : null;
    } catch (e) {
      return undefined;
    }
  }

  function today() {
    var d = new Date();
    function two(n) { return (n < 10 ? '0' : '') + n; }
    return d.getFullYear() + '-' + two(d.getMonth() + 1) + '-' + two(d.getDate());
  }

  /** The stored workspace as a backup file: the envelope's workspace with `exported_at`, as the app
   * exports it (docs/data-formats.md). Unreadable text is offered as it is. */
  function downloadBackup(raw) {
    var text = raw;
    var name = TEXT.backupName + '-' + today();
    try {
      var envelope = JSON.parse(raw);
      if (envelope && typeof envelope.workspace === 'object' && envelope.workspace) {
        var ws = envelope.workspace;
        ws.exported_at = new Date().toISOString();
        text = JSON.stringify(ws, null, 2);
        name += '.gongkai.json';
      } else {
        name += '.txt';
      }
    } catch (e) {
      name += '.txt';
    }
    var url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
    var a = el('a', { href: url, download: name, style: 'display:none' }, []);
    document.body.appendChild(a);
    a.click();
    document.body.removeChild(a);
    setTimeout(function () { URL.revokeObjectURL(url); }, 60000);
  }

  /** The app panicked (or its wasm trapped): it no longer runs. Say that the saved data is safe and
   * offer it as a backup, with plain JS. */
  function fatal(message) {
    if (stopped) return;
    stopped = true;
    onReady(function () {
      var raw = storedText();
      var actions = [];
      var note = [];
      if (raw) {
        var b = el('button', { type: 'button', 'data-testid': 'fatal-download' }, [TEXT.fatalDownload]);
        b.onclick = function () { downloadBackup(raw); };
        actions.push(b);
      } else if (BUILD.backupKey) {
        note.push(el('p', {}, [raw === undefined ? TEXT.fatalNoStorage : TEXT.fatalNoData]));
      }
      actions.push(reloadButton());
      var box = el('div', { 'class': 'boot-message boot-fatal', role: 'alert', 'data-testid': 'fatal' }, [
        el('h1', {}, [TEXT.fatalTitle(BUILD.label || '')]),
        el('p', {}, [TEXT.fatalBody])
      ].concat(note, [
        el('p', { 'class': 'boot-actions' }, actions),
        el('p', { 'class': 'boot-detail' }, [TEXT.detail + String(message)])
      ]));
      // A backdrop over the dead page, so that nothing looks usable behind the message.
      document.body.appendChild(el('div', { 'class': 'boot-backdrop' }, [box]));
    });
  }

  function supported() {
    return typeof WebAssembly === 'object' && typeof WebAssembly.instantiate === 'function' &&
      typeof Promise === 'function' && typeof Uint8Array === 'function';
  }

  /** Bytes embedded in the single file: base64 of the gzip'd wasm, in a non-executed script. */
  function embedded(id) {
    var node = document.getElementById(id);
    if (!node) return Promise.reject(new Error('embedded wasm ' + id + ' is missing'));
    if (typeof DecompressionStream !== 'function') {
      return Promise.reject(new Error('DecompressionStream is not supported'));
    }
    var bin = atob(node.textContent.replace(/\s+/g, ''));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Response(stream).arrayBuffer().then(function (b) { return new Uint8Array(b); });
  }

  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = resolve;
      s.onerror = function () { reject(new Error('cannot load ' + src)); };
      document.head.appendChild(s);
    });
  }

  function loadStyle(href) {
    return new Promise(function (resolve, reject) {
      var l = document.createElement('link');
      l.rel = 'stylesheet';
      l.href = href;
      l.onload = resolve;
      l.onerror = function () { reject(new Error('cannot load ' + href)); };
      document.head.appendChild(l);
    });
  }

  /** The exports of wasm module `name` (delivery/config.mjs), loaded and started on first use. */
  function loadModule(name) {
    if (modules[name]) return modules[name];
    var m = BUILD.modules && BUILD.modules[name];
    if (!m) return Promise.reject(new Error('module ' + name + ' is not part of this page'));
    var p = Promise.all([m.js ? loadScript(m.js) : null, m.css ? loadStyle(m.css) : null]).then(function () {
      var api = window[m.global];
      if (typeof api !== 'function') throw new Error('module ' + name + ' did not load');
      var source = m.embedded ? embedded(m.embedded) : Promise.resolve(m.wasm);
      return source.then(function (src) {
        return api({ module_or_path: src });
      }).then(function () { return api; });
    });
    modules[name] = p;
    // A failed load can be retried (e.g. when the network is back).
    p.then(null, function () { delete modules[name]; });
    return p;
  }

  /** The bytes of `name`, a file of this build the page carries (config.mjs `files`, e.g. another
   * page's single file): fetched when served (and precached), decoded when embedded. */
  function loadFile(name) {
    var f = BUILD.files && BUILD.files[name];
    if (!f) return Promise.reject(new Error('file ' + name + ' is not part of this page'));
    if (f.embedded) return embedded(f.embedded);
    return fetch(f.url).then(function (response) {
      if (!response.ok) throw new Error('cannot load ' + name + ': HTTP ' + response.status);
      return response.arrayBuffer();
    }).then(function (b) { return new Uint8Array(b); });
  }

  function showUpdate(registration) {
    onReady(function () {
      if (document.querySelector('[data-testid="update-available"]')) return;
      var button = el('button', { type: 'button', 'data-testid': 'update-reload' }, [TEXT.updateButton]);
      button.onclick = function () {
        updateRequested = true;
        if (registration.waiting) {
          registration.waiting.postMessage('skip-waiting');
        } else {
          location.reload();
        }
      };
      var bar = el('div', { 'class': 'boot-update', role: 'status', 'data-testid': 'update-available' }, [
        el('span', {}, [TEXT.update]),
        button
      ]);
      document.body.appendChild(bar);
    });
  }

  /** Precaching for offline use, and “有新版本” when a new build's worker is waiting. */
  function registerServiceWorker() {
    if (!BUILD.sw || !('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
    var sw = navigator.serviceWorker;
    sw.addEventListener('controllerchange', function () {
      if (updateRequested) {
        updateRequested = false;
        location.reload();
      }
    });
    var own = new URL(BUILD.sw, location.href).href;
    /** A waiting worker is a new build of this page only when this page's own worker controls it: a
     * page served beneath another page's worker (the lookup page under the workbench's) is controlled
     * by that one until its own takes over, and its own first install is no update. */
    function updating() {
      return !!sw.controller && sw.controller.scriptURL === own;
    }
    sw.register(BUILD.sw).then(function (registration) {
      function watch(worker) {
        if (!worker) return;
        worker.addEventListener('statechange', function () {
          if (worker.state === 'installed' && updating()) showUpdate(registration);
        });
      }
      if (registration.waiting && updating()) showUpdate(registration);
      watch(registration.installing);
      registration.addEventListener('updatefound', function () { watch(registration.installing); });
      // A tab left open for days still learns about a new build.
      setInterval(function () { registration.update().then(null, function () {}); }, 3600 * 1000);
    }, function (e) {
      if (window.console) console.warn('gongkai: no offline cache', e);
    });
  }

  /** Starts the app: `init` is the wasm-bindgen glue's default export, `source` the wasm's URL
   * or a promise of its bytes. */
  function start(init, source, bindings) {
    if (stopped) return;
    if (!supported()) {
      fail(new Error('WebAssembly is not available'));
      return;
    }
    Promise.resolve(source).then(function (src) {
      return init({ module_or_path: src });
    }).then(function () {
      if (stopped) return;
      started = true;
      window.wasmBindings = bindings;
      if (window.performance && performance.mark) performance.mark('gongkai:rendered');
      document.documentElement.setAttribute('data-app-started', '');
      registerServiceWorker();
    }, fail);
  }

  // A wasm trap (a panic already reported by the app, or an abort) stops the app.
  window.addEventListener('error', function (event) {
    var target = event.target;
    if (target && target !== window && target.tagName === 'SCRIPT' && !started) {
      fail(new Error('cannot load ' + (target.src || 'a script')));
      return;
    }
    if (typeof WebAssembly === 'object' && event.error instanceof WebAssembly.RuntimeError) {
      trapped(event.error);
    }
  }, true);
  window.addEventListener('unhandledrejection', function (event) {
    if (typeof WebAssembly === 'object' && event.reason instanceof WebAssembly.RuntimeError) {
      trapped(event.reason);
    }
  });

  function trapped(error) {
    if (moduleTrap) {
      moduleTrap = false;
      return;
    }
    if (started) fatal(describe(error)); else fail(error);
  }

  /** Called by a module's panic hook (src/web/fatal.rs) just before its wasm traps. */
  function moduleFailed(name, message) {
    moduleTrap = true;
    // A trapped instance is not reused; the page must be reloaded to start the module afresh.
    modules[name] = Promise.reject(new Error('module ' + name + ' stopped after an error'));
    modules[name].then(null, function () {});
    if (window.console) console.error('gongkai: module ' + name + ' failed: ' + message);
  }

  window.gongkaiBoot = {
    start: start,
    fail: fail,
    fatal: fatal,
    loadModule: loadModule,
    loadFile: loadFile,
    moduleFailed: moduleFailed,
    embedded: embedded
  };

  if (!supported()) fail(new Error('WebAssembly is not available'));
})();
