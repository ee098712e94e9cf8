"""Fixtures comunes de las pruebas."""

from __future__ import annotations

import os
from typing import Any

import pytest
from _vias import VIAS, Via
from hypothesis import settings

# Sin plazo por ejemplo: la velocidad se mide en benchmarks, no se afirma en pruebas (un plazo
# de 200 ms falla en una máquina cargada sin que nada esté mal).
settings.register_profile("sena", deadline=None)
# Pruebas de mutación (scripts/mutacion.sh): pocos ejemplos y siempre los mismos, para que cada
# mutante corra las propiedades en segundos (ver docs/mutacion.md).
_EJEMPLOS_MUTACION = 10
settings.register_profile(
    "mutacion", max_examples=_EJEMPLOS_MUTACION, derandomize=True, deadline=None
)
_PERFIL = os.environ.get("SENA_HYPOTHESIS_PERFIL", "sena")
settings.load_profile(_PERFIL)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Con el perfil «mutacion», también las propiedades que piden más ejemplos con su propio
    `@settings(max_examples=…)` corren a lo sumo los del perfil (Hypothesis lee los ajustes de
    la prueba al correrla, del atributo que pone `@settings`)."""
    if _PERFIL != "mutacion":
        return
    for item in items:
        prueba: Any = getattr(item, "obj", None)
        ajustes = getattr(prueba, "_hypothesis_internal_use_settings", None)
        if isinstance(ajustes, settings) and ajustes.max_examples > _EJEMPLOS_MUTACION:
            prueba._hypothesis_internal_use_settings = settings(
                ajustes, max_examples=_EJEMPLOS_MUTACION
            )


@pytest.fixture(params=VIAS)
def via(request: pytest.FixtureRequest) -> Via:
    """Cada caso trabajado de un indicador, por las dos vías: `informe()` (registros) e
    `informe_tabular` sobre polars (columnas). Ver tests/_vias.py."""
    if request.param == "tablas":
        pytest.importorskip("narwhals")
        pytest.importorskip("polars")
    return Via(request.param)
