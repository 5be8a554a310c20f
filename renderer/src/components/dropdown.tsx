// dcc.Dropdown on react-select: single or multi; the value is the option's value, never its label.
import Select, { components, type IndicatorsContainerProps, type ValueContainerProps } from "react-select";
import { renderValue } from "../render";
import { toStyle } from "./attrs";
import { chosenOptions, labelText, normalizeOptions, selectedCountText, type Option } from "./options";
import type { ComponentProps } from "./types";

/** react-select needs a string key per option; JSON keeps 1 and "1" apart. */
const keyOf = (o: Option) => JSON.stringify(o.value);

// react-select hides the chosen value while a search is typed; Dash 4.4.1 keeps showing it (its search field is
// in the popover), so it stays here too, faded at the end of the field. Defined once, outside the component:
// a new component type each render would remount the search input and lose its focus mid-typing.
function Values(p: ValueContainerProps<Option, boolean>) {
  const chosen = p.isMulti || !p.selectProps.inputValue ? undefined : p.getValue()[0];
  return (
    <components.ValueContainer {...p}>
      {p.children}
      {chosen && (
        <span className="pw-dropdown__single-value pw-dropdown__single-value--searching"
          style={{ gridArea: "1 / 1 / 2 / 3", justifySelf: "end", opacity: 0.5, pointerEvents: "none" }}>
          {renderValue(chosen.label)}
        </span>
      )}
    </components.ValueContainer>
  );
}

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
        components={{ IndicatorsContainer: Indicators, ValueContainer: Values }}
        // The open menu lives at the end of <body>, as Dash 4.4.1's popover does: what the component shows
        // (its text) is its chosen value, never the list a search has open.
        menuPortalTarget={typeof document === "undefined" ? null : document.body}
        styles={{ menuPortal: (base) => ({ ...base, zIndex: 1000 }) }}
        // search_value follows what the user types (callbacks may load options from it, as in Dash's docs);
        // it is unset again when the menu closes or an option is picked, as Dash 4.4.1 does.
        onInputChange={(text, { action }) => {
          if (action === "input-change") setProps({ search_value: text });
          else if (props.search_value != null) setProps({ search_value: null });
        }}
        onChange={(choice) => {
          if (multi) setProps({ value: ((choice as readonly Option[] | null) ?? []).map((o) => o.value) });
          else setProps({ value: (choice as Option | null)?.value ?? null });
        }}
      />
    </div>
  );
}
