"""Las versiones mínimas de narwhals y de cada motor que `tablas` soporta (uso interno).

Sin dependencias de narwhals: `tablas/__init__.py` revisa la de narwhals antes de importar
el motor, que usa funciones que las versiones viejas no tienen.
"""

from __future__ import annotations

import importlib.metadata
import re
from collections.abc import Mapping
from typing import Final

from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante

__all__ = ["EXTRAS", "MINIMOS", "exigir_motor", "exigir_version"]

MINIMOS: Final[Mapping[str, str]] = {
    "narwhals": "2.27.1",
    "pandas": "2.2",
    "polars": "1.3",
    "pyarrow": "15",
    "duckdb": "1.3",
    "dask": "2025.4.0",
    "pyspark": "3.5.0",
    "sqlframe": "3.45.0",
}
"""La versión mínima de narwhals y de cada motor con que se prueba `tablas` (la de
``pyproject.toml``; ver docs/compatibilidad.md). Con una menor, `informe_tabular` y `a_filas`
lanzan `DependenciaFaltante` con la versión instalada y la necesaria, en vez de dar una cifra
equivocada o un error del motor.

Son también los motores que `tablas` soporta: con cualquier otro que narwhals entienda (modin,
cuDF, Ibis, Spark Connect…) `informe_tabular` y `a_filas` lanzan `DatoInvalido` antes de
calcular nada."""

EXTRAS: Final[Mapping[str, str]] = {
    "dask": "distribuido",
    "pyspark": "distribuido",
    "sqlframe": "distribuido",
}
"""El extra que instala cada motor que no está en ``tablas`` (los demás: ``tablas``)."""


def _numeros(version: str) -> tuple[int, ...]:
    """``"2.2.0rc1"`` → ``(2, 2, 0)``: los números del principio de la versión."""
    encaje = re.match(r"[0-9]+(?:\.[0-9]+)*", version)
    return tuple(int(n) for n in encaje[0].split(".")) if encaje else ()


def exigir_version(paquete: str) -> None:
    """Lanza `DependenciaFaltante` si `paquete` (narwhals o un motor de `MINIMOS`) está
    instalado en una versión menor que la mínima soportada. Un motor que no está en `MINIMOS`
    (narwhals entiende otros: modin, ibis…) no se revisa: no se prueba con él."""
    necesaria = MINIMOS.get(paquete)
    if necesaria is None:
        return
    try:
        encontrada = importlib.metadata.version(paquete)
    except importlib.metadata.PackageNotFoundError:  # importado sin metadatos: no se revisa
        return
    if _numeros(encontrada) < _numeros(necesaria):
        extra = EXTRAS.get(paquete, "tablas")
        raise DependenciaFaltante(paquete, extra, encontrada=encontrada, necesaria=necesaria)


def exigir_motor(motor: str, tabla: str) -> None:
    """Lanza `DatoInvalido` si `motor` (el nombre de la implementación de narwhals de
    `tabla`) no es uno de los soportados (`MINIMOS`), y `DependenciaFaltante` si lo es en una
    versión menor que la mínima: antes de calcular nada."""
    if motor == "narwhals" or motor not in MINIMOS:
        soportados = ", ".join(m for m in MINIMOS if m != "narwhals")
        raise DatoInvalido(
            f"tablas no soporta este motor (soporta {soportados})", campo=tabla, valor=motor
        )
    exigir_version(motor)
