/* /suche/: starts loading the core part of the index while the page is still being read, so that it is
   downloaded and parsed by the time search.js runs; search.js asks for the same address through
   fetchJsonOnce and gets this request, or starts it itself if this file comes late. */
import { fetchJsonOnce } from "./lib/fetch-json.js";

// A module has no document.currentScript; the tag that loads this file carries the address.
const script = document.querySelector("script[data-kern]");
if (script && window.fetch) fetchJsonOnce(script.dataset.kern);
