/* The rules of the /massnahmen/ filters, apart from the page: which measures a choice shows (OR within
   a filter, AND across filters), how many each value would show, their order, and the state in the URL.
   A state is {q, sort, selected: {param: [value, …]}}; a measure is an entry of the filter data
   ({url, ref, values: {param: [value, …]}, cost, newest}). */

export const SORT_PARAM = "sortierung";

/* Relevance while there is a query, the page's (title) order otherwise. */
export function defaultSort(state) {
  return state.q ? "relevanz" : "titel";
}

export function stateFromParams(params, filters) {
  const selected = {};
  for (const filter of filters) {
    const values = params.getAll(filter.param);
    if (values.length) selected[filter.param] = values;
  }
  return { q: params.get("q") || "", sort: params.get(SORT_PARAM) || "", selected };
}

/* The query string of a state ("" for the unfiltered list); the default sort is left out, so the
   plain list keeps its plain address. */
export function queryOfState(state, filters) {
  const params = new URLSearchParams();
  if (state.q) params.append("q", state.q);
  for (const filter of filters) {
    for (const value of state.selected[filter.param] || []) params.append(filter.param, value);
  }
  if (state.sort && state.sort !== defaultSort(state)) params.append(SORT_PARAM, state.sort);
  return params.toString();
}

/* Whether a measure has one of the chosen values in every filter, leaving out the filter `except`. */
export function passes(measure, selected, except = null) {
  return Object.keys(selected).every((param) => {
    if (param === except) return true;
    const wanted = selected[param];
    return (measure.values[param] || []).some((value) => wanted.includes(value));
  });
}

/* For each filter and value: how many of `candidates` it would show together with the other filters'
   choices (so a count is what ticking that box adds, not what the current list happens to hold). */
export function facetCounts(candidates, filters, selected) {
  const counts = {};
  for (const filter of filters) {
    const perValue = {};
    for (const measure of candidates) {
      if (!passes(measure, selected, filter.param)) continue;
      for (const value of measure.values[filter.param] || []) perValue[value] = (perValue[value] || 0) + 1;
    }
    counts[filter.param] = perValue;
  }
  return counts;
}

/* A sorted copy. `titleOrder` lists the urls in the page's order, which also breaks every tie;
   `scores` (ref -> search score) orders by relevance. Unknown costs come last. */
export function sortMeasures(measures, sort, titleOrder, scores = null) {
  const position = new Map(titleOrder.map((url, index) => [url, index]));
  const byTitle = (a, b) => position.get(a.url) - position.get(b.url);
  const compare = {
    relevanz: (a, b) => (scores ? scores[b.ref] - scores[a.ref] : 0) || byTitle(a, b),
    kosten: (a, b) => {
      if (a.cost === null || b.cost === null) return (a.cost === null) - (b.cost === null) || byTitle(a, b);
      return a.cost - b.cost || byTitle(a, b);
    },
    neueste: (a, b) => (a.newest < b.newest) - (a.newest > b.newest) || byTitle(a, b),
  }[sort] || byTitle;
  return measures.slice().sort(compare);
}

/* The whole answer to a state: the measures shown, in order, and the counts next to each value.
   `scores` is null without a query; with one, only measures it found are candidates. */
export function applyState(state, data, titleOrder, scores = null) {
  const candidates = data.measures.filter((measure) => !scores || measure.ref in scores);
  const counts = facetCounts(candidates, data.filters, state.selected);
  const matching = candidates.filter((measure) => passes(measure, state.selected));
  const shown = sortMeasures(matching, state.sort || defaultSort(state), titleOrder, scores);
  return { shown, counts };
}

export function statusText(shownCount, total, q) {
  return shownCount === total && !q
    ? `Alle ${total} Maßnahmen und Programme werden gezeigt.`
    : `${shownCount} von ${total} Maßnahmen und Programmen passen zur Auswahl.`;
}
