from .pump import PumpAPI

__all__ = ["PumpAPI"]
