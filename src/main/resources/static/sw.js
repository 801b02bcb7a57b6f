// Spotter's service worker: makes the app installable and, without a connection, shows an offline page instead
// of the browser's error. It caches only that page and its styles: sessions always come fresh from the server.
'use strict';
var CACHE = 'spotter-offline-v1';
var OFFLINE = ['/offline.html', '/css/app.css', '/icons/icon.svg'];

self.addEventListener('install', function (event) {
  event.waitUntil(caches.open(CACHE).then(function (cache) { return cache.addAll(OFFLINE); })
    .then(function () { return self.skipWaiting(); }));
});

self.addEventListener('activate', function (event) {
  event.waitUntil(caches.keys().then(function (keys) {
    return Promise.all(keys.filter(function (k) { return k !== CACHE; }).map(function (k) { return caches.delete(k); }));
  }).then(function () { return self.clients.claim(); }));
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET') { return; }
  if (request.mode === 'navigate') {
    event.respondWith(fetch(request).catch(function () { return caches.match('/offline.html'); }));
    return;
  }
  var path = new URL(request.url).pathname;
  if (OFFLINE.indexOf(path) >= 0) {
    event.respondWith(fetch(request).catch(function () { return caches.match(request); }));
  }
});
