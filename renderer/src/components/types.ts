// What every component receives from its Node.
import type { ComponentType } from "react";
import type { LayoutPath } from "../children_props";

export type Props = Record<string, any>;

export interface ComponentProps {
  type: string;
  namespace: string;
  /** The props as the layout and callbacks set them. */
  props: Props;
  /** A user change: applied at once, sent with the other changes of the same tick. */
  setProps: (partial: Props) => void;
  /** A change the component makes to its own props that is no user action (a Graph's figure grown by
   * extendData, as plotly.js grows Dash's in place): stored, so callbacks reading it as State see it; no callback fires. */
  keepProps?: (partial: Props) => void;
  /** The id string, for the DOM `id` attribute. */
  id?: string;
  /** Where it is in the layout, as Dash spells it (`["props", "children", 0]`): outside components' DashContext. */
  path?: LayoutPath;
  /** Props a parent added by cloning the element (a library's `cloneElement(child, {...})`): passed on. */
  extras?: Props;
}

export type PwComponent = ComponentType<ComponentProps>;
