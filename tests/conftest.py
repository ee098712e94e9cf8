"""Fixtures comunes de las pruebas."""

from __future__ import annotations

import pytest
from _vias import VIAS, Via
from hypothesis import settings

# Sin plazo por ejemplo: la velocidad se mide en benchmarks, no se afirma en pruebas (un plazo
# de 200 ms falla en una máquina cargada sin que nada esté mal).
settings.register_profile("sena", deadline=None)
settings.load_profile("sena")


@pytest.fixture(params=VIAS)
def via(request: pytest.FixtureRequest) -> Via:
    """Cada caso trabajado de un indicador, por las dos vías: `informe()` (registros) e
    `informe_tabular` sobre polars (columnas). Ver tests/_vias.py."""
    if request.param == "tablas":
        pytest.importorskip("narwhals")
        pytest.importorskip("polars")
    return Via(request.param)
