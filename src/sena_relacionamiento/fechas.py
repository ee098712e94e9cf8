"""Fechas y horas en Bogotá (R11).

Un `datetime` ingenuo es hora local de Bogotá; uno con zona se convierte a America/Bogota
antes de tomar su fecha. La zona sale de los datos IANA de `zoneinfo`, que en una máquina sin
base de zonas del sistema (Windows) usa el paquete `tzdata`, dependencia de la biblioteca.

>>> from datetime import datetime, timezone
>>> fecha_bogota(datetime(2012, 3, 26, 3, 0, tzinfo=timezone.utc))
datetime.date(2012, 3, 25)
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

from sena_relacionamiento.errores import DatoInvalido

__all__ = ["BOGOTA", "fecha_bogota"]


def _vacia(valor: date) -> bool:
    """Si la fecha es un valor vacío como el `NaT` de pandas (distinto de sí mismo), sin
    importar pandas."""
    return bool(valor != valor)


BOGOTA: Final = ZoneInfo("America/Bogota")
"""La zona horaria America/Bogota (UTC−5, sin horario de verano desde 1993)."""


def fecha_bogota(valor: object, campo: str = "fecha") -> date:
    """La fecha de Bogotá de una `date` o un `datetime` (R11). Otra cosa (texto, `None`,
    un número) es un `DatoInvalido` que nombra el campo, y también una fecha vacía: el `NaT` de
    pandas (lo que queda donde falta una fecha) es un `datetime` distinto de sí mismo."""
    if isinstance(valor, date) and _vacia(valor):
        raise DatoInvalido(
            "la fecha está vacía (NaT: lo que pandas pone donde falta una fecha)",
            campo=campo,
            valor=valor,
        )
    if isinstance(valor, datetime):
        try:
            # Una `tzinfo` ajena puede dar un desfase inválido: `ValueError` o `TypeError`.
            if valor.tzinfo is None or valor.utcoffset() is None:
                return valor.date()
            return valor.astimezone(BOGOTA).date()
        except (ValueError, TypeError):
            raise DatoInvalido(
                "la zona horaria del datetime da un desfase inválido", campo=campo, valor=valor
            ) from None
        except OverflowError:
            raise DatoInvalido(
                "la fecha queda fuera del calendario al pasarla a Bogotá", campo=campo, valor=valor
            ) from None
    if isinstance(valor, date):
        return valor
    raise DatoInvalido("se esperaba una date o un datetime", campo=campo, valor=valor)
