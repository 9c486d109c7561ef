/* /suche/: starts loading the core part of the index while the page is still being read, so that it is
   downloaded and parsed by the time search.js runs; search.js takes the same promise, or starts it
   itself if this file comes late. */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || window.PraxisSucheKern) return;
  var url = script.dataset.kern;
  window.PraxisSucheKern = fetch(url).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  });
  window.PraxisSucheKern.catch(function () {});  // search.js reports a failure; none goes unhandled here
}());
