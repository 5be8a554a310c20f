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

/**
 * Dash Pages: the tab's title follows the `title` in the data of the page container's store (`_pages_store`),
 * which the routing callback writes on every navigation (Dash sets document.title from it in a clientside
 * callback). A title written while busy is kept when the busy title goes (titleWhileBusy). Returns the
 * function to call when the store's props change.
 */
export function titleFromStore(read: () => unknown, doc: Titled): () => void {
  return () => {
    const data = read();
    if (data && typeof data === "object" && "title" in data) {
      const title = (data as { title: unknown }).title;
      if (title !== null && title !== undefined) doc.title = String(title);
    }
  };
}
