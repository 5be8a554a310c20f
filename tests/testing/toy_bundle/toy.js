// A hand-written UMD bundle, as Dash component libraries ship them: it captures window.React when it runs and
// sets window.toy. Its components take Dash's props (flat, with setProps). Counter uses a hook, which works only
// if React is the very instance that renders the page.
(function (root, factory) {
  if (typeof define === "function" && define.amd) define(["react"], factory);
  else if (typeof module === "object" && module.exports) module.exports = factory(require("react"));
  else root.toy = factory(root.React);
})(window, function (React) {
  var h = React.createElement;

  function Counter(props) {
    var renders = React.useRef(0);
    renders.current += 1;
    return h("button", {
      id: props.id, className: "toy-counter", "data-renders": String(renders.current),
      onClick: function () { props.setProps({ clicks: (props.clicks || 0) + 1 }); },
    }, (props.label || "") + " " + (props.clicks || 0));
  }

  function Field(props) {
    return h("label", { id: props.id }, props.children, h("input", {
      value: props.text || "",
      onChange: function (e) { props.setProps({ text: e.target.value }); },
    }));
  }

  function Picker(props) {
    return h("select", {
      id: props.id, value: props.choice == null ? "" : props.choice,
      onChange: function (e) { props.setProps({ choice: e.target.value }); },
    }, (props.options || []).map(function (o) { return h("option", { key: o, value: o }, o); }));
  }

  function Tags(props) {
    var value = props.value || [];
    return h("div", { id: props.id }, (props.options || []).map(function (o) {
      return h("label", { key: o }, h("input", {
        type: "checkbox", value: o, checked: value.indexOf(o) >= 0,
        onChange: function () {
          props.setProps({ value: value.indexOf(o) >= 0 ? value.filter(function (v) { return v !== o; }) : value.concat([o]) });
        },
      }), o);
    }));
  }

  return { Counter: Counter, Field: Field, Picker: Picker, Tags: Tags };
});
