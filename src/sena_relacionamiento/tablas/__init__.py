"""Los indicadores calculados directamente sobre marcos de datos (issue 8).

`informe_tabular(...)` da las mismas filas que `informe(datos, periodo).filas()`, pero toma una
tabla por tipo de registro (pandas, polars ansioso o perezoso, pyarrow, una relación de
DuckDB, Dask, PySpark o SQLFrame, vía narwhals) y hace la agregación pesada en el motor de esa
tabla. Solo la tabla agregada, pequeña (una fila por ámbito × indicador), pasa por Python, donde
se evalúa con las mismas funciones del núcleo (`Contexto`, `evaluar`, la consolidación de R22):
el estado y el semáforo son exactamente los de `informe()`.

Quien ya tiene los registros (`DatosSeguimiento`) obtiene esas tablas con
``marcos(datos, backend="polars" | "pandas" | "pyarrow")``:
``informe_tabular(**marcos(datos), periodo=p)`` da las filas de ``informe(datos, p)``.

Necesita el extra ``tablas`` (narwhals); sin él, importar este módulo es una
`DependenciaFaltante`. Importar `sena_relacionamiento` no importa este módulo.

>>> import polars as pl
>>> from datetime import date
>>> from sena_relacionamiento import Periodo
>>> gestores = pl.DataFrame({"id": ["g1"], "rol": ["EMPRESARIAL"], "regional": ["41"]})
>>> asignaciones = pl.DataFrame({"gestor": ["g1"] * 30, "nit": [str(800 + i) for i in range(30)]})
>>> contactos = pl.DataFrame({
...     "gestor": ["g1"] * 27, "nit": [str(800 + i) for i in range(27)],
...     "fecha": [date(2012, 3, 1)] * 27, "tipo": ["NUEVO"] * 27, "medio": ["VISITA"] * 27,
... })
>>> resultado = informe_tabular(gestores=gestores, asignaciones=asignaciones,
...                             contactos=contactos, periodo=Periodo(2012, 3))
>>> fila = resultado.filas.filter(pl.col("clave") == "g1", pl.col("indicador") == "EC")
>>> fila.select("valor", "numerador", "denominador", "estado", "semaforo").row(0)
('0.9', 27, 30, 'CUMPLE', 'VERDE')
"""

from __future__ import annotations

try:
    import narwhals  # noqa: F401
except ImportError as _error:  # pragma: no cover - depende del entorno
    from sena_relacionamiento.errores import DependenciaFaltante

    raise DependenciaFaltante("narwhals", "tablas") from _error

from sena_relacionamiento.errores import ErrorMotor
from sena_relacionamiento.tablas._versiones import MINIMOS, exigir_version

exigir_version("narwhals")  # antes de importar el motor, que usa su API reciente

from sena_relacionamiento.tablas._marcos import BACKENDS, marcos  # noqa: E402
from sena_relacionamiento.tablas._motor import MOTIVO_NULO  # noqa: E402
from sena_relacionamiento.tablas._periodo import periodo_de  # noqa: E402
from sena_relacionamiento.tablas._tabular import (  # noqa: E402
    InformeTabular,
    a_filas,
    informe_tabular,
)

__all__ = [
    "BACKENDS",
    "MINIMOS",
    "MOTIVO_NULO",
    "ErrorMotor",
    "InformeTabular",
    "a_filas",
    "informe_tabular",
    "marcos",
    "periodo_de",
]
