// dcc.Geolocation: draws nothing; asks navigator.geolocation for the position on mount, whenever a callback sets
// update_now (reset to false at once), and when high_accuracy / maximum_age / timeout change, as Dash 4.4.1's.
import { useEffect, useRef } from "react";
import type { ComponentProps, Props } from "./types";

type Send = (partial: Props) => void;

/** The coordinates Dash sends: every key present, null where the device does not know it. */
export function positionOf(coords: GeolocationCoordinates): Props {
  const or = (v: number | null | undefined) => v ?? null;
  return { lat: or(coords.latitude), lon: or(coords.longitude), accuracy: or(coords.accuracy), alt: or(coords.altitude),
    alt_accuracy: or(coords.altitudeAccuracy), speed: or(coords.speed), heading: or(coords.heading) };
}

function failed(err: { code: number; message: string }, alertToo: boolean, send: Send): void {
  if (alertToo) window.alert(`ERROR(${err.code}): ${err.message}`);
  send({ position: null, position_error: { code: err.code, message: err.message } });
}

/** One reading: the position (with its time) or the error, sent through `send`. */
export function readPosition(props: Props, send: Send): void {
  if (props.update_now) send({ update_now: false });
  const geo = typeof navigator === "undefined" ? undefined : navigator.geolocation;
  if (!geo) {
    failed({ code: 999, message: "Your browser does not support Geolocation" }, Boolean(props.show_alert), send);
    return;
  }
  // Dash's defaults; a timeout left unset waits for the position as long as it takes (Infinity).
  const options: PositionOptions = { enableHighAccuracy: Boolean(props.high_accuracy),
    maximumAge: props.maximum_age ?? 0, timeout: props.timeout ?? Infinity };
  geo.getCurrentPosition(
    (pos) => send({ local_date: new Date(pos.timestamp).toLocaleString(), timestamp: pos.timestamp,
      position: positionOf(pos.coords), position_error: null }),
    (err) => failed(err, Boolean(props.show_alert), send),
    options,
  );
}

export default function Geolocation({ props, setProps }: ComponentProps) {
  const latest = useRef(props);
  latest.current = props;
  const send = (partial: Props) => setProps(partial);
  const options = JSON.stringify([props.high_accuracy, props.maximum_age, props.timeout]);
  useEffect(() => readPosition(latest.current, send), [options]); // eslint-disable-line react-hooks/exhaustive-deps
  const mounted = useRef(false);
  useEffect(() => {
    if (mounted.current && props.update_now) readPosition(latest.current, send);
    mounted.current = true; // at mount the reading above was the one
  }, [props.update_now]); // eslint-disable-line react-hooks/exhaustive-deps
  return null;
}
