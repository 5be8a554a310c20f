// An outside bundle that adds its component through the renderer's registry rather than window[namespace].
(function () {
  var React = window.React;
  function Badge(props) {
    var state = React.useState(0);  // a hook: only the page's own React instance can run it
    return React.createElement("span", {
      id: props.id, className: "toy-badge", onClick: function () { state[1](state[0] + 1); },
      "data-shared": String(window.ReactDOM && typeof window.ReactDOM.createPortal === "function" && !!window.PropTypes),
    }, props.text, " ", String(state[0]));
  }
  window.propwire.register("toyreg", "Badge", Badge);
})();
