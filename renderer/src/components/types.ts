// What every component receives from its Node.
import type { ComponentType } from "react";

export type Props = Record<string, any>;

export interface ComponentProps {
  type: string;
  namespace: string;
  /** The props as the layout and callbacks set them. */
  props: Props;
  /** A user change: applied at once, sent with the other changes of the same tick. */
  setProps: (partial: Props) => void;
  /** The id string, for the DOM `id` attribute. */
  id?: string;
}

export type PwComponent = ComponentType<ComponentProps>;
