from tests.parity.apps._shim import html, register_page

register_page(__name__, path_template="/report/<report_id>", name="Report",
              title=lambda report_id=None: f"Report {report_id}")


def layout(report_id=None, **query):
    return html.Div(f"report {report_id} with {sorted(query.items())}", id="report-body")
