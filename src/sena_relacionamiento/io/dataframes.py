"""Las filas de un `Informe` o de una `Serie` como DataFrame con tipos reales (issue 17).

Es un borde: pandas, pyarrow y polars se importan al llamar, nunca al importar el paquete.
Los tipos de cada columna:

| columna | pandas | polars |
|---|---|---|
| ``periodo``, ``clave`` | ``string`` | ``String`` |
| ``ambito``, ``indicador``, ``estado``, ``semaforo`` | ``category`` | ``Enum`` |
| ``inicio``, ``fin`` | ``date32[pyarrow]`` | ``Date`` |
| ``valor``, ``meta`` | ``decimal128(38, e)[pyarrow]`` | ``Decimal(38, e)`` |
| ``numerador``, ``denominador`` | ``Int64`` (entero con nulos) | ``Int64`` |

``valor`` y ``meta`` mezclan razones exactas y conteos según el indicador: van como decimales
exactos, con la escala ``e`` justa para el valor con más decimales (un conteo ``3`` es
``3.000…``). Un valor que no cabe en 38 cifras es un `DatoInvalido`: nunca se redondea.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.indicadores._base import TipoAmbito
from sena_relacionamiento.indicadores.resultado import Estado, Indicador, Semaforo
from sena_relacionamiento.informe import COLUMNAS_FILAS

if TYPE_CHECKING:
    import pandas  # type: ignore[import-untyped]
    import polars

__all__ = ["a_pandas", "a_polars"]

_PRECISION: Final = 38
_TEXTOS: Final = ("periodo", "clave")
_CATEGORIAS: Final[dict[str, tuple[str, ...]]] = {
    "ambito": tuple(t.name.lower() for t in TipoAmbito),
    "indicador": tuple(i.name for i in Indicador),
    "estado": tuple(e.name for e in Estado),
    "semaforo": tuple(s.name for s in Semaforo),
}
_FECHAS: Final = ("inicio", "fin")
_DECIMALES: Final = ("valor", "meta")
_ENTEROS: Final = ("numerador", "denominador")


def _columnas(filas: Sequence[dict[str, Any]], serie: bool) -> dict[str, list[Any]]:
    nombres = ("periodo", *COLUMNAS_FILAS) if serie else COLUMNAS_FILAS
    return {nombre: [fila[nombre] for fila in filas] for nombre in nombres}


def escala_decimal(nombre: str, valores: Sequence[Any]) -> int:
    """Los decimales justos para representar exactos todos los `valores` (enteros, `Decimal`
    o `None`) con 38 cifras; si no caben, `DatoInvalido`."""
    escala = enteras = 0
    for v in valores:
        if v is None:
            continue
        _, digitos, exponente = Decimal(v).as_tuple()  # sin normalize(): redondearía
        assert isinstance(exponente, int)  # las cifras del informe son finitas
        escala = max(escala, -exponente)
        enteras = max(enteras, len(digitos) + exponente)
    if escala + enteras > _PRECISION:
        raise DatoInvalido(
            f"la columna no cabe en un decimal de {_PRECISION} cifras sin redondear",
            campo=nombre,
            valor=escala + enteras,
        )
    return escala


def _enteros(nombre: str, valores: list[Any]) -> list[int | None]:
    """Los valores como enteros (un `Decimal` entero también); otro valor es un
    `DatoInvalido`."""
    enteros: list[int | None] = []
    for v in valores:
        if v is not None and int(v) != v:
            raise DatoInvalido("se esperaba un entero", campo=nombre, valor=v)
        enteros.append(None if v is None else int(v))
    return enteros


def a_pandas(filas: Sequence[dict[str, Any]], *, serie: bool = False) -> pandas.DataFrame:
    """Las `filas` (de `Informe.filas()` o, con `serie`, de `Serie.filas()`) como
    `pandas.DataFrame` con los tipos de la tabla del módulo. Necesita pandas y pyarrow; sin
    ellos, `DependenciaFaltante`."""
    try:
        import pandas as pd
    except ImportError:
        raise DependenciaFaltante("pandas", "pandas") from None
    try:
        import pyarrow as pa  # type: ignore[import-untyped]
    except ImportError:
        raise DependenciaFaltante("pyarrow", "pandas") from None
    arrow = pd.arrays.ArrowExtensionArray
    datos: dict[str, Any] = {}
    for nombre, valores in _columnas(filas, serie).items():
        if nombre in _TEXTOS:
            datos[nombre] = pd.array(valores, dtype=pd.StringDtype())
        elif nombre in _CATEGORIAS:
            datos[nombre] = pd.Categorical(valores, categories=_CATEGORIAS[nombre])
        elif nombre in _FECHAS:
            datos[nombre] = arrow(pa.array(valores, type=pa.date32()))
        elif nombre in _DECIMALES:
            tipo = pa.decimal128(_PRECISION, escala_decimal(nombre, valores))
            datos[nombre] = arrow(pa.array([_decimal(v) for v in valores], type=tipo))
        else:
            datos[nombre] = pd.array(_enteros(nombre, valores), dtype=pd.Int64Dtype())
    return pd.DataFrame(datos)


def a_polars(filas: Sequence[dict[str, Any]], *, serie: bool = False) -> polars.DataFrame:
    """Las `filas` como `polars.DataFrame` con los tipos de la tabla del módulo. Necesita
    polars; sin él, `DependenciaFaltante`."""
    try:
        import polars as pl
    except ImportError:
        raise DependenciaFaltante("polars", "polars") from None
    columnas = _columnas(filas, serie)
    esquema: dict[str, Any] = {}
    for nombre, valores in columnas.items():
        if nombre in _TEXTOS:
            esquema[nombre] = pl.String
        elif nombre in _CATEGORIAS:
            esquema[nombre] = pl.Enum(_CATEGORIAS[nombre])
        elif nombre in _FECHAS:
            esquema[nombre] = pl.Date
        elif nombre in _DECIMALES:
            esquema[nombre] = pl.Decimal(_PRECISION, escala_decimal(nombre, valores))
            columnas[nombre] = [_decimal(v) for v in valores]
        else:
            esquema[nombre] = pl.Int64
            columnas[nombre] = _enteros(nombre, valores)
    return pl.DataFrame(columnas, schema=esquema)


def _decimal(valor: Decimal | int | None) -> Decimal | None:
    return None if valor is None else Decimal(valor)
