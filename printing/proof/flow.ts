/**
 * Page flow: body content is a list of items of known height, placed top to bottom and broken
 * into pages before anything is drawn, so every page knows the page count ("第 1 页 / 共 3 页").
 */

/** A piece of body content of known height. */
export interface FlowItem {
  /** Height in points. */
  readonly height: number;
  /** Space above it, dropped at the top of a page. */
  readonly spaceBefore?: number;
  /** Keep on the same page as the next item (a heading, a table's header row). */
  readonly keepWithNext?: boolean;
  /** For table rows: the header row to repeat at the top of each page the table continues on. */
  readonly repeatHeader?: FlowItem;
  /** For the closing block: how many of the previous table rows should come along to its page. */
  readonly pullRows?: number;
  /** Draws the item with its top at y. */
  draw(y: number): void;
}

/** An item placed on a page. */
export interface PlacedItem {
  /** The item. */
  readonly item: FlowItem;
  /** Its top. */
  readonly y: number;
}

/** Breaks items into pages of [top, bottom]; each page is a list of placed items. */
export function paginate(items: readonly FlowItem[], top: number, bottom: number): PlacedItem[][] {
  const pages: PlacedItem[][] = [[]];
  let page = pages[0] as PlacedItem[];
  let y = top;

  const newPage = () => {
    page = [];
    pages.push(page);
    y = top;
  };
  const place = (item: FlowItem) => {
    if (page.length > 0) y += item.spaceBefore ?? 0;
    page.push({ item, y });
    y += item.height;
  };
  const continueTable = (row: FlowItem) => {
    if (row.repeatHeader) place(row.repeatHeader);
  };

  items.forEach((item, i) => {
    const next = item.keepWithNext ? items[i + 1] : undefined;
    const space = page.length > 0 ? (item.spaceBefore ?? 0) : 0;
    const needed = space + item.height + (next ? (next.spaceBefore ?? 0) + next.height : 0);
    if (y + needed <= bottom || page.length === 0) {
      place(item);
      return;
    }
    // Does not fit: carry some table rows along so the item is not alone on its page.
    const carried: FlowItem[] = [];
    const rowsOnPage = page.filter((p) => p.item.repeatHeader).length;
    for (let n = Math.min(item.pullRows ?? 0, rowsOnPage - 1); n > 0; n--) {
      const last = page[page.length - 1];
      if (!last?.item.repeatHeader) break;
      page.pop();
      carried.unshift(last.item);
    }
    newPage();
    const firstRow = carried[0];
    if (firstRow) continueTable(firstRow);
    else if (item.repeatHeader) continueTable(item);
    for (const row of carried) place(row);
    place(item);
  });
  return pages;
}
