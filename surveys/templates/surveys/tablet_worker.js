// Service worker of the offline tablet page: every GET goes to the network first and is
// kept in the cache; without a connection the kept copy answers. Answers themselves are
// never cached here: tablet.js keeps them in IndexedDB and POSTs them itself.
"use strict";
var CACHE = "part-tablet-v1";

self.addEventListener("install", function () {
  self.skipWaiting();
});

self.addEventListener("activate", function (event) {
  event.waitUntil(self.clients.claim());
});

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(
    fetch(request)
      .then(function (response) {
        if (response.ok && response.type === "basic") {
          var copy = response.clone();
          event.waitUntil(
            caches.open(CACHE).then(function (cache) {
              return cache.put(request, copy);
            })
          );
        }
        return response;
      })
      .catch(function () {
        return caches.match(request, { ignoreVary: true }).then(function (found) {
          return found || Response.error();
        });
      })
  );
});
