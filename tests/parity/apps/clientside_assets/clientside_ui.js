// Functions of the clientside_* parity apps that use ClientsideFunction (both frameworks load this file).
window.dash_clientside = Object.assign({}, window.dash_clientside, {
  ui: {
    shout: function (value) {
      return (value || "").toUpperCase() + "!";
    },
    count_and_note: function (n, note) {
      return ["clicks " + (n || 0), note + " seen " + (n || 0)];
    },
  },
});
