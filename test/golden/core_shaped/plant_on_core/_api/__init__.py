from .cognite_3d_model import Cognite3DModelAPI
from .cognite_3d_object import Cognite3DObjectAPI
from .cognite_360_image import Cognite360ImageAPI
from .cognite_activity import CogniteActivityAPI
from .cognite_asset import CogniteAssetAPI
from .cognite_describable import CogniteDescribableAPI
from .cognite_equipment import CogniteEquipmentAPI
from .cognite_file import CogniteFileAPI
from .cognite_schedulable import CogniteSchedulableAPI
from .cognite_source_system import CogniteSourceSystemAPI
from .cognite_sourceable import CogniteSourceableAPI
from .cognite_time_series import CogniteTimeSeriesAPI
from .cognite_visualizable import CogniteVisualizableAPI
from .monitored import MonitoredAPI
from .pump import PumpAPI
from .pump_failure import PumpFailureAPI
from .site import SiteAPI

__all__ = [
    "Cognite360ImageAPI",
    "Cognite3DModelAPI",
    "Cognite3DObjectAPI",
    "CogniteActivityAPI",
    "CogniteAssetAPI",
    "CogniteDescribableAPI",
    "CogniteEquipmentAPI",
    "CogniteFileAPI",
    "CogniteSchedulableAPI",
    "CogniteSourceSystemAPI",
    "CogniteSourceableAPI",
    "CogniteTimeSeriesAPI",
    "CogniteVisualizableAPI",
    "MonitoredAPI",
    "PumpAPI",
    "PumpFailureAPI",
    "SiteAPI",
]
