/* Loading the site's JSON files (search index parts, filter and compare data, schemas). */

export function fetchJson(url) {
  return fetch(url).then((response) => {
    if (!response.ok) throw new Error(`${url}: ${response.status}`);
    return response.json();
  });
}

const requests = new Map();

/* One request per address for the whole page: /suche/ asks for the core part twice (search-fetch.js
   early, search.js when it runs, in either order), and it must be downloaded and parsed once. Modules
   are evaluated once per page, so every importer shares this map. */
export function fetchJsonOnce(url) {
  if (!requests.has(url)) {
    const request = fetchJson(url);
    request.catch(() => {});  // the caller that uses the result reports a failure; none goes unhandled here
    requests.set(url, request);
  }
  return requests.get(url);
}
