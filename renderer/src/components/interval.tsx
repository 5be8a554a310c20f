// dcc.Interval: renders nothing; counts n_intervals every `interval` ms until disabled or max_intervals.
import { useEffect, useRef } from "react";
import type { ComponentProps } from "./types";

export function Interval({ props, setProps }: ComponentProps) {
  const interval = Math.max(Number(props.interval ?? 1000), 1);
  const max = props.max_intervals ?? -1;
  const count = Number(props.n_intervals) || 0;
  const running = !props.disabled && (max === -1 || count < max);
  // The timer reads the latest count without restarting on every tick.
  const latest = useRef(count);
  latest.current = count;

  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      latest.current += 1;
      setProps({ n_intervals: latest.current });
    }, interval);
    return () => clearInterval(timer);
  }, [running, interval, setProps]);

  return null;
}
