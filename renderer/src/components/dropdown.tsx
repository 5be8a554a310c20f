// dcc.Dropdown on react-select: single or multi; the value is the option's value, never its label.
import Select, { components, type IndicatorsContainerProps } from "react-select";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { chosenOptions, labelText, normalizeOptions, selectedCountText, type Option } from "./options";
import type { ComponentProps } from "./types";

/** react-select needs a string key per option; JSON keeps 1 and "1" apart. */
const keyOf = (o: Option) => JSON.stringify(o.value);

export default function Dropdown({ props, setProps, id }: ComponentProps) {
  const options = normalizeOptions(props.options);
  const multi = Boolean(props.multi);
  const selected = chosenOptions(options, props.value, multi);
  const count = selectedCountText(props.value, props.labels);
  // The count sits before the clear and caret indicators, where Dash 4.4.1 draws it.
  const Indicators = (p: IndicatorsContainerProps<Option, boolean>) => (
    <components.IndicatorsContainer {...p}>
      {count !== null && <span className="pw-dropdown__count">{count}</span>}
      {p.children}
    </components.IndicatorsContainer>
  );
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
        components={{ IndicatorsContainer: Indicators }}
        onChange={(choice) => {
          if (multi) setProps({ value: ((choice as readonly Option[] | null) ?? []).map((o) => o.value) });
          else setProps({ value: (choice as Option | null)?.value ?? null });
        }}
      />
    </div>
  );
}
