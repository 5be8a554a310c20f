// dcc.DatePickerSingle: a text field showing `date` in display_format, a calendar popup to pick a day from, and
// (clearable) an x that unsets it; Dash 4.4.1's DOM names (the <input> carries the id, the wrapper `${id}-wrapper`).
// Typed text is read on Enter or when the field is left: a day outside min..max or disabled, or no day at all, is
// dropped and the field shows `date` again, as Dash's does.
import { useEffect, useRef, useState } from "react";
import type { CSSProperties, KeyboardEvent, ReactNode, RefObject } from "react";
import { toStyle } from "./attrs";
import { allowed, format, iso, parse, parseIso, weeks } from "./dates";
import type { Day } from "./dates";
import type { ComponentProps, Props } from "./types";

const WEEKDAYS = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
/** What a field shows for a date prop: its day in display_format (unset or "" : 'YYYY-MM-DD'), or "". */
export const shown = (date: unknown, fmt: unknown): string => {
  const day = parseIso(date);
  return day ? format(day, typeof fmt === "string" && fmt ? fmt : undefined) : "";
};

/** A date prop's 'YYYY-MM-DD' day, or null: a datetime prop is the same day as the one picked on it. */
export const iso_or_null = (date: unknown): string | null => { const day = parseIso(date); return day ? iso(day) : null; };

export function startMonth(props: Props, first: unknown = props.date): Day {
  const now = new Date();
  return parseIso(props.initial_visible_month) ?? parseIso(first) ?? parseIso(props.min_date_allowed)
    ?? { y: now.getFullYear(), m: now.getMonth() + 1, d: 1 };
}

export const addMonths = (at: Day, n: number): Day => {
  const index = at.y * 12 + at.m - 1 + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1, d: 1 };
};

/** What a calendar marks and allows besides min/max/disabled days: the picked days (a range's span between). */
export interface Marks { picked: string[]; outside: boolean; span?: [string, string]; also?: (day: Day) => boolean }

function Month({ at, props, pick, marks }: { at: Day; props: Props; pick: (day: Day) => void; marks: Marks }) {
  const first = Number(props.first_day_of_week) || 0;
  const outside = marks.outside;
  return (
    <table className="dash-datepicker-calendar">
      <thead><tr>{[0, 1, 2, 3, 4, 5, 6].map((i) => <th key={i}><span>{WEEKDAYS[(first + i) % 7]}</span></th>)}</tr></thead>
      <tbody>
        {weeks(at.y, at.m, first).map((week, w) => (
          <tr key={w} className="dash-datepicker-calendar-week">
            {week.map((day) => {
              const inside = day.m === at.m;
              if (!inside && !outside) return <td key={iso(day)} />;
              const ok = !props.disabled && allowed(day, props) && (!marks.also || marks.also(day));
              const text = iso(day);
              const between = marks.span && text > marks.span[0] && text < marks.span[1];
              const classes = [inside ? "dash-datepicker-calendar-date-inside" : "dash-datepicker-calendar-date-outside",
                ok ? "" : "dash-datepicker-calendar-date-disabled",
                marks.picked.includes(text) ? "dash-datepicker-calendar-date-selected" : "",
                between ? "dash-datepicker-calendar-date-in-range" : ""].filter(Boolean);
              return (
                <td key={iso(day)} className={classes.join(" ")} aria-disabled={!ok} data-date={iso(day)}
                  tabIndex={ok ? 0 : undefined} onClick={ok ? () => pick(day) : undefined}>
                  <span>{day.d}</span>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The month and year tokens of a month_format ('MMM YY': 'MMM', 'YY'), as Dash 4.4.1 splits it for its header. */
export function headerTokens(monthFormat: string): [string, string] {
  return [/M{1,4}/.exec(monthFormat)?.[0] ?? "MMMM", /Y{2,4}/.exec(monthFormat)?.[0] ?? "YYYY"];
}

/** The calendar: a header with the active month (month_format's month token) and its year (its year token, as a
 * number: 'YY' shows 24) between the buttons that move a month, as Dash's; each month titled by the whole
 * month_format when more than one is shown. The months start half the count before the active one. */
export function Calendar({ props, view, setView, pick, marks, months: shownMonths }: { props: Props; view: Day;
  setView: (d: Day) => void; pick: (day: Day) => void; marks: Marks; months: number }) {
  const count = Math.max(1, Math.floor(Number(props.number_of_months_shown) || shownMonths));
  const [first, setFirst] = useState(() => addMonths(view, -Math.floor((count - 1) / 2)));
  const months = Array.from({ length: count }, (_, i) => addMonths(first, i));
  useEffect(() => { // a view moved out of sight (a typed date) shows it first when earlier, last when later
    if (iso(view) < iso(first)) setFirst(view);
    else if (iso(view) > iso(addMonths(first, count - 1))) setFirst(addMonths(view, 1 - count));
  }, [view.y, view.m]); // eslint-disable-line react-hooks/exhaustive-deps
  const monthFmt = typeof props.month_format === "string" ? props.month_format : "MMMM YYYY";
  const [monthToken, yearToken] = headerTokens(monthFmt);
  const vertical = props.calendar_orientation === "vertical";
  const size = Number(props.day_size) || 34;
  // Dash moves a month only when the new month's first day is within min..max allowed.
  const can = (n: number) => allowed(addMonths(view, props.is_RTL ? -n : n), { min_date_allowed: props.min_date_allowed,
    max_date_allowed: props.max_date_allowed });
  const move = (n: number) => { const at = addMonths(view, props.is_RTL ? -n : n); setView(at); setFirst(at); };
  return (
    <div className="dash-datepicker-calendar-wrapper" style={{ "--day-size": `${size}px` } as CSSProperties}>
      <div className="dash-datepicker-controls">
        <button type="button" className="dash-datepicker-month-nav" aria-label="Previous month"
          disabled={!can(-1)} onClick={() => move(-1)}>{vertical ? "↑" : "←"}</button>
        <span className="dash-datepicker-header-month">{format(view, monthToken)}</span>
        <span className="dash-datepicker-header-year">{parseInt(format(view, yearToken), 10)}</span>
        <button type="button" className="dash-datepicker-month-nav" aria-label="Next month"
          disabled={!can(1)} onClick={() => move(1)}>{vertical ? "↓" : "→"}</button>
      </div>
      <div className="dash-datepicker-calendar-container" dir={props.is_RTL ? "rtl" : undefined}
        style={{ display: "flex", flexDirection: vertical ? "column" : "row", gap: 12 }}>
        {months.map((at) => (
          <div key={iso(at)}>
            {count > 1 && <div className="dash-datepicker-calendar-month-header">{format(at, monthFmt)}</div>}
            <Month at={at} props={props} pick={pick} marks={marks} />
          </div>
        ))}
      </div>
    </div>
  );
}

export const CLEAR_ICON = "M3 3l9 9M12 3l-9 9";

export function DatePickerSingle({ props, setProps, id }: ComponentProps) {
  const [text, setText] = useState(() => shown(props.date, props.display_format));
  const [open, setOpen] = useState(false);
  const [view, setView] = useState(() => startMonth(props));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => setText(shown(props.date, props.display_format)), [props.date, props.display_format]);
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => { if (root.current && !root.current.contains(e.target as Node)) setOpen(false); };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [open]);
  const choose = (day: Day) => {
    if (!allowed(day, props)) return;
    if (iso(day) !== iso_or_null(props.date)) setProps({ date: iso(day) });
    setText(shown(iso(day), props.display_format));
    setView({ ...day, d: 1 });
  };
  const commit = () => {
    if (text === "") { // an emptied field unsets the date, as Dash's does
      if (props.date != null) setProps({ date: null });
      return;
    }
    const day = parse(text, props.display_format);
    if (day && allowed(day, props)) choose(day);
    else setText(shown(props.date, props.display_format));
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    // Dash reads the text on Enter and the up/down arrows (which open the calendar) and on Tab, never on a blur.
    if (["Enter", "ArrowUp", "ArrowDown"].includes(e.key)) { e.preventDefault(); if (!open) show(); commit(); }
    else if (e.key === "Tab") commit();
    else if (e.key === "Escape") setOpen(false);
  };
  const clear = () => {
    setProps({ date: null });
    setText("");
    setOpen(!!props.reopen_calendar_on_clear);
  };
  const show = () => { if (!props.disabled) { setView(startMonth(props)); setOpen(true); } };
  const popup = open && (
    <div className="dash-datepicker-content" role="dialog">
      <Calendar props={props} view={view} setView={setView} months={1}
        marks={{ picked: parseIso(props.date) ? [iso(parseIso(props.date) as Day)] : [],
          outside: props.show_outside_days !== false }}
        pick={(day) => { choose(day); if (!props.stay_open_on_select) setOpen(false); }} />
    </div>
  );
  return (
    <PickerShell root={root} props={props} id={id} open={open} close={() => setOpen(false)} popup={popup}
      clear={props.clearable && props.date != null ? { label: "Clear date", onClear: clear } : undefined}>
      <input type="text" id={id} className="dash-datepicker-input dash-datepicker-end-date" value={text}
        placeholder={props.placeholder ?? "Select Date"} aria-label={props.placeholder ?? "Select Date"}
        disabled={!!props.disabled} onChange={(e) => setText(e.target.value)} onKeyDown={onKey} onClick={show} />
    </PickerShell>
  );
}

interface ShellProps {
  root: RefObject<HTMLDivElement>; props: Props; id?: string; open: boolean; close: () => void; popup: ReactNode;
  clear?: { label: string; onClear: () => void }; children: ReactNode;
}

/** What both pickers wrap their fields in: the wrapper Dash's DOM names, the clear x (not on a disabled picker),
 * and the popup, inline or in a portal that closes on a click beside the calendar. */
export function PickerShell({ root, props, id, open, close, popup, clear, children }: ShellProps) {
  const portal = props.with_portal || props.with_full_screen_portal;
  return (
    <div ref={root} className={["dash-datepicker", props.className].filter(Boolean).join(" ")}
      style={toStyle(props.style)} dir={props.is_RTL ? "rtl" : undefined}>
      <div id={id === undefined ? undefined : `${id}-wrapper`} className="dash-datepicker-input-wrapper"
        aria-expanded={open} aria-disabled={!!props.disabled} data-state={open ? "open" : "closed"}>
        {children}
        {clear && !props.disabled && (
          <a className="dash-datepicker-clear" aria-label={clear.label} onClick={clear.onClear}>
            <svg width="15" height="15" viewBox="0 0 15 15" aria-hidden="true">
              <path d={CLEAR_ICON} stroke="currentColor" strokeWidth="1.5" /></svg>
          </a>
        )}
      </div>
      {popup && (portal ? <div className={`dash-datepicker-portal${props.with_full_screen_portal ? " dash-datepicker-portal-full" : ""}`} onMouseDown={(e) => {
        if (e.target === e.currentTarget) close(); }}>{popup}</div> : popup)}
    </div>
  );
}
