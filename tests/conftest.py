"""Fixtures comunes de las pruebas."""

from __future__ import annotations

import pytest
from _vias import VIAS, Via


@pytest.fixture(params=VIAS)
def via(request: pytest.FixtureRequest) -> Via:
    """Cada caso trabajado de un indicador, por las dos vías: `informe()` (registros) e
    `informe_tabular` sobre polars (columnas). Ver tests/_vias.py."""
    if request.param == "tablas":
        pytest.importorskip("narwhals")
        pytest.importorskip("polars")
    return Via(request.param)
