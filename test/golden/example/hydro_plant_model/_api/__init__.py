from .asset import AssetAPI
from .generator import GeneratorAPI
from .hydro_plant import HydroPlantAPI
from .inspector import InspectorAPI
from .reservoir import ReservoirAPI

__all__ = ["AssetAPI", "GeneratorAPI", "HydroPlantAPI", "InspectorAPI", "ReservoirAPI"]
