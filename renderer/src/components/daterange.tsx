// dcc.DatePickerRange: two fields (start, end) and one calendar, Dash 4.4.1's DOM: the start <input> carries the
// id (or start_date_id), the end one `${id}-end-date` (or end_date_id). A calendar click picks the start, the
// next the end (at least minimum_nights later). updatemode "singledate" sends each date as it is picked,
// "bothdates" only once both are. Typed text is read on Enter or blur, field by field, as Dash's: min/max and
// disabled days hold, the order of the two does not.
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { Calendar, PickerShell, iso_or_null, shown, startMonth } from "./datepicker";
import { allowed, iso, parse, parseIso } from "./dates";
import type { Day } from "./dates";
import type { ComponentProps, Props } from "./types";

type End = "start_date" | "end_date";

const plusDays = (text: string, n: number): string => {
  const d = new Date(`${text}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

function usePending(props: Props) {
  // What the user picked but bothdates holds back until both dates are there.
  const [pending, setPending] = useState<Props>({});
  useEffect(() => setPending({}), [props.start_date, props.end_date]);
  return [pending, setPending] as const;
}

export function DatePickerRange({ props, setProps, id }: ComponentProps) {
  const fmt = props.display_format;
  const [pending, setPending] = usePending(props);
  const value = (end: End) => (end in pending ? pending[end] : props[end]);
  const [texts, setTexts] = useState({ start_date: shown(props.start_date, fmt), end_date: shown(props.end_date, fmt) });
  const [open, setOpen] = useState<End | null>(null);
  const [view, setView] = useState(() => startMonth(props, props.start_date));
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => setTexts({ start_date: shown(value("start_date"), fmt), end_date: shown(value("end_date"), fmt) }),
    [props.start_date, props.end_date, pending, fmt]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    if (!open) return;
    const away = (e: MouseEvent) => { if (root.current && !root.current.contains(e.target as Node)) setOpen(null); };
    document.addEventListener("mousedown", away);
    return () => document.removeEventListener("mousedown", away);
  }, [open]);
  const send = (change: Props) => {
    const next = { ...pending, ...change };
    const changed = Object.keys(next).filter((k) => iso_or_null(next[k]) !== iso_or_null(props[k])); // the same day is no change
    if (props.updatemode === "bothdates") {
      const both = { start_date: value("start_date"), end_date: value("end_date"), ...change };
      if (both.start_date == null || both.end_date == null) return setPending(next);
      if (iso_or_null(both.start_date) !== iso_or_null(props.start_date) || iso_or_null(both.end_date) !== iso_or_null(props.end_date)) setProps(both);
      return setPending({});
    }
    if (changed.length) setProps(Object.fromEntries(changed.map((k) => [k, next[k]])));
  };
  const commit = (end: End) => {
    if (end === "end_date" && texts.end_date === "") { // an emptied end field unsets the end (Dash's; not the start)
      if (value("end_date") != null) send({ end_date: null });
      return;
    }
    const day = parse(texts[end], fmt);
    if (day && allowed(day, props)) send({ [end]: iso(day) });
    else setTexts({ ...texts, [end]: shown(value(end), fmt) });
  };
  // Dash reads a field's text on Enter and the up/down arrows (which open the calendar) and on Tab, never on a blur.
  const onKey = (end: End) => (e: KeyboardEvent<HTMLInputElement>) => {
    if (["Enter", "ArrowUp", "ArrowDown"].includes(e.key)) { e.preventDefault(); if (!open) show(end); commit(end); }
    else if (e.key === "Tab") commit(end);
    else if (e.key === "Escape") setOpen(null);
  };
  const nights = Math.max(0, Number(props.minimum_nights) || 0);
  const pick = (day: Day) => {
    const text = iso(day);
    if (open === "end_date" && value("start_date") != null) {
      send({ end_date: text });
      setOpen(props.stay_open_on_select ? "start_date" : null);
    } else {
      const end = value("end_date");
      send(end != null && end < plusDays(text, nights) ? { start_date: text, end_date: null } : { start_date: text });
      setOpen("end_date");
    }
  };
  const clear = () => {
    setPending({});
    if (props.start_date != null || props.end_date != null) setProps({ start_date: null, end_date: null });
    setOpen(props.reopen_calendar_on_clear ? "start_date" : null);
  };
  const show = (end: End) => { if (!props.disabled) { setView(startMonth(props, value(end) ?? value("start_date"))); setOpen(end); } };
  const start = value("start_date");
  const stop = value("end_date");
  const marks = {
    picked: [start, stop].map(parseIso).filter((d): d is Day => d !== null).map(iso),
    outside: props.show_outside_days === true,
    span: start != null && stop != null ? [String(start).slice(0, 10), String(stop).slice(0, 10)] as [string, string] : undefined,
    also: open === "end_date" && start != null ? (d: Day) => iso(d) >= plusDays(String(start).slice(0, 10), nights) : undefined,
  };
  const field = (end: End, fieldId: string | undefined, placeholder: string, cls: string) => (
    <input type="text" id={fieldId} className={`dash-datepicker-input ${cls}`} value={texts[end]}
      placeholder={placeholder} aria-label={placeholder} disabled={!!props.disabled}
      onChange={(e) => setTexts({ ...texts, [end]: e.target.value })} onKeyDown={onKey(end)} onClick={() => show(end)} />
  );
  const popup = open && (
    <div className="dash-datepicker-content" role="dialog">
      <Calendar props={props} view={view} setView={setView} months={2} marks={marks} pick={pick} />
    </div>
  );
  return (
    <PickerShell root={root} props={props} id={id} open={!!open} close={() => setOpen(null)} popup={popup}
      clear={props.clearable && (start != null || stop != null) ? { label: "Clear dates", onClear: clear } : undefined}>
      {field("start_date", props.start_date_id ?? id, props.start_date_placeholder_text ?? "Start Date",
        "dash-datepicker-start-date")}
      <span className="dash-datepicker-range-arrow" aria-hidden="true">→</span>
      {field("end_date", props.end_date_id ?? (id === undefined ? undefined : `${id}-end-date`),
        props.end_date_placeholder_text ?? "End Date", "dash-datepicker-end-date")}
    </PickerShell>
  );
}
