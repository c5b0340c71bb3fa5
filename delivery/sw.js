/* gongkai service worker of one page, written by delivery/build.mjs with the page's name, the build's
 * version and its assets filled in. It precaches every asset of the build into a versioned cache,
 * serves them from there (so the page loads with the network off after one visit), removes the
 * caches of older builds when it takes over, and waits for the page's “刷新使用新版本” before doing
 * so while an older build is open. */
'use strict';

var PAGE = /*PAGE*/ '' /*END*/;
var VERSION = /*VERSION*/ '' /*END*/;
/** Paths relative to this worker's folder; `index.html` also answers the folder itself. */
var ASSETS = /*ASSETS*/ [] /*END*/;
/** Data files the site may replace without a new build (the lookup page's districts.json): asked
 * from the network first, the last copy kept for offline use. */
var DATA = /*DATA*/ [] /*END*/;

var PREFIX = 'gongkai-' + PAGE + '-';
var CACHE = PREFIX + VERSION;
var BASE = new URL('./', self.location.href);

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) {
    return cache.addAll(ASSETS.map(function (path) {
      return new Request(new URL(path, BASE).href, { cache: 'reload' });
    })).then(function () {
      // Data is kept when it can be had; a missing data file does not stop the install.
      return Promise.all(DATA.map(function (path) {
        return cache.add(new Request(new URL(path, BASE).href, { cache: 'reload' })).then(null, function () {});
      }));
    });
  }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (key) {
      return key.indexOf(PREFIX) === 0 && key !== CACHE;
    }).map(function (key) { return caches.delete(key); }));
  }).then(function () {
    // The page of the first visit is served from the cache from now on, without a reload.
    return self.clients.claim();
  }));
});

self.addEventListener('message', function (event) {
  if (event.data === 'skip-waiting') self.skipWaiting();
});

/** The precached path a request asks for, or null. */
function assetPath(request) {
  if (request.method !== 'GET') return null;
  var url = new URL(request.url);
  if (url.origin !== BASE.origin || url.pathname.indexOf(BASE.pathname) !== 0) return null;
  var path = decodeURIComponent(url.pathname.slice(BASE.pathname.length));
  if (path === '' && request.mode === 'navigate') path = 'index.html';
  return ASSETS.indexOf(path) >= 0 ? path : null;
}

/** The data path a request asks for, or null. */
function dataPath(request) {
  if (request.method !== 'GET') return null;
  var url = new URL(request.url);
  if (url.origin !== BASE.origin || url.pathname.indexOf(BASE.pathname) !== 0) return null;
  var path = decodeURIComponent(url.pathname.slice(BASE.pathname.length));
  return DATA.indexOf(path) >= 0 ? path : null;
}

self.addEventListener('fetch', function (event) {
  var data = dataPath(event.request);
  if (data !== null) {
    var key = new URL(data, BASE).href;
    event.respondWith(fetch(event.request, { cache: 'no-cache' }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      var copy = response.clone();
      return caches.open(CACHE).then(function (cache) {
        return cache.put(key, copy);
      }).then(function () { return response; });
    }).catch(function () {
      return caches.open(CACHE).then(function (cache) {
        return cache.match(key);
      }).then(function (hit) {
        return hit || new Response('', { status: 504, statusText: 'offline' });
      });
    }));
    return;
  }
  var path = assetPath(event.request);
  if (path === null) return;
  event.respondWith(caches.open(CACHE).then(function (cache) {
    return cache.match(new URL(path, BASE).href).then(function (hit) {
      return hit || fetch(event.request);
    });
  }));
});
