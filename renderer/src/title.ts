// Dash's update_title: while callbacks run the tab shows it ("Updating..."), then the page's own title again.

/** What this needs of `document`: its title (a plain object stands in for it in the unit tests). */
export interface Titled {
  title: string;
}

/**
 * The busy hook's title half: on busy, the current title is kept and `update` shown; when no longer busy, the
 * kept title comes back, unless something else set the title meanwhile (a callback's own title wins, as in
 * Dash). An empty or missing `update` (Dash's `update_title=None` or "") leaves the title alone.
 */
export function titleWhileBusy(update: string | undefined, doc: Titled): (busy: boolean) => void {
  if (!update) return () => {};
  let kept = doc.title;
  return (busy) => {
    if (busy) {
      if (doc.title === update) return;
      kept = doc.title;
      doc.title = update;
    } else if (doc.title === update) {
      doc.title = kept;
    }
  };
}
