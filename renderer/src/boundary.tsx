// An error boundary: keeps one broken component from blanking the page.
import { Component } from "react";
import type { ReactNode } from "react";

/** Keeps one broken component from blanking the page. */
export class Boundary extends Component<{ name: string; children: ReactNode }, { error: string | null }> {
  state = { error: null as string | null };

  static getDerivedStateFromError(error: unknown) {
    return { error: String(error) };
  }

  componentDidCatch(error: unknown) {
    console.error(`propwire: ${this.props.name} failed to render`, error);
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return <div className="pw-broken">{`${this.props.name} failed to render: ${this.state.error}`}</div>;
  }
}
