"""`propwire.background_callback`: where Dash keeps its background-callback managers (`dash.background_callback`),
so `from dash.background_callback import DiskcacheManager, CeleryManager` runs after the import change.

>>> from propwire.background_callback import DiskcacheManager
>>> DiskcacheManager.__name__
'DiskcacheManager'
"""

from propwire.background_celery import CeleryManager
from propwire.background_jobs import DiskcacheManager

__all__ = ["DiskcacheManager", "CeleryManager"]
