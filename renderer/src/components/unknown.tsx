// A component type this renderer does not know: say so visibly, and once in the console.
import type { ComponentProps } from "./types";

const reported = new Set<string>();

export function Unknown({ type, namespace, id }: ComponentProps) {
  const name = `${namespace}.${type}`;
  if (!reported.has(name)) {
    reported.add(name);
    console.error(`propwire: unknown component type ${name}`);
  }
  return (
    <div id={id} className="pw-unknown">
      {`Unknown component type: ${name}`}
    </div>
  );
}
