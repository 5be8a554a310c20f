// dcc.Link: an <a> that navigates in-page (no reload) on a plain left click.
import type { MouseEvent } from "react";
import { renderValue } from "../render";
import { navigate, isSameOrigin } from "../navigation";
import { safeUrl, toStyle } from "./attrs";
import type { ComponentProps } from "./types";

export function Link({ props, id }: ComponentProps) {
  const href = safeUrl(props.href);
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    const plain = e.button === 0 && !(e.metaKey || e.altKey || e.ctrlKey || e.shiftKey);
    if (!plain || props.refresh || props.target === "_blank" || !href || !isSameOrigin(href)) return;
    e.preventDefault();
    navigate(href);
    window.scrollTo(0, 0);
  };
  return (
    <a
      id={id}
      href={href}
      className={props.className}
      style={toStyle(props.style)}
      title={props.title}
      target={props.target}
      rel={props.target === "_blank" ? "noopener noreferrer" : undefined}
      onClick={onClick}
    >
      {renderValue(props.children)}
    </a>
  );
}
