"""Not a page: files starting with "_" are not imported (this one would fail if it were)."""
raise RuntimeError("register_page: pages_basic_pages/_helper.py must not be imported")
