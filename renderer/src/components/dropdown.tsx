// dcc.Dropdown on react-select: single or multi; the value is the option's value, never its label.
import Select from "react-select";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { labelText, normalizeOptions, type Option } from "./options";
import type { ComponentProps } from "./types";

/** react-select needs a string key per option; JSON keeps 1 and "1" apart. */
const keyOf = (o: Option) => JSON.stringify(o.value);

export default function Dropdown({ props, setProps, id }: ComponentProps) {
  const options = normalizeOptions(props.options);
  const multi = Boolean(props.multi);
  const wanted: unknown[] = multi ? (Array.isArray(props.value) ? props.value : []) : [props.value];
  const selected = options.filter((o) => wanted.includes(o.value));
  return (
    <div id={id} className={props.className} style={toStyle(props.style)}>
      <Select<Option, boolean>
        inputId={id === undefined ? undefined : `${id}--input`}
        classNamePrefix="pw-dropdown"
        options={options}
        value={multi ? selected : (selected[0] ?? null)}
        isMulti={multi}
        isSearchable={props.searchable ?? true}
        isClearable={props.clearable ?? true}
        isDisabled={Boolean(props.disabled)}
        isOptionDisabled={(o) => o.disabled}
        placeholder={props.placeholder ?? ""}
        getOptionValue={keyOf}
        getOptionLabel={labelText}
        formatOptionLabel={(o) => renderValue(o.label)}
        onChange={(choice) => {
          if (multi) setProps({ value: ((choice as readonly Option[] | null) ?? []).map((o) => o.value) });
          else setProps({ value: (choice as Option | null)?.value ?? null });
        }}
      />
    </div>
  );
}
