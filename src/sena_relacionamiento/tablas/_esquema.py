"""Las columnas de cada tabla de entrada y su revisión (uso interno de `tablas`).

Cada tabla tiene las columnas del registro del mismo nombre (API.md, «Records»), leídas de los
campos attrs del registro (nombre, tipo anotado, valor por defecto): no hay una segunda copia.
Una columna que falta o de un tipo equivocado es un `DatoInvalido` que nombra la tabla y la
columna. Las columnas con valor por defecto en el registro (``cantidad=1``, ``formados=0``,
``gestor=None``…) pueden faltar: se llenan con ese valor.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from typing import Any, Final, get_args

import attrs
import narwhals.stable.v2 as nw

from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.errores import DatoInvalido

__all__ = ["ESQUEMAS", "FILA", "REGISTROS", "Columna", "Tipo", "preparar"]

ZONA_BOGOTA: Final = "America/Bogota"


class Tipo(enum.Enum):
    """El tipo lógico de una columna de entrada."""

    TEXTO = "texto"
    FECHA = "fecha (date o datetime)"
    ENTERO = "entero"
    BOOLEANO = "booleano"
    PESOS = "entero o decimal (pesos, R5: nunca float)"


@attrs.frozen
class Columna:
    """Una columna: su tipo, si admite nulos (campos ``= None`` del registro), si es
    obligatoria y, si no lo es, el valor con que se llena cuando falta."""

    tipo: Tipo
    nula: bool = False
    defecto: Any = None
    obligatoria: bool = True


def _registros() -> dict[str, type[Any]]:
    """Tabla → el registro cuyas columnas tiene: los campos de `DatosSeguimiento` (API.md,
    «Records»), cada uno una tupla de registros."""
    return {
        campo.name: get_args(campo.type)[0]
        for campo in attrs.fields(attrs.resolve_types(DatosSeguimiento))
        if campo.init
    }


# El tipo anotado de un campo del registro → el tipo de su columna (los demás son texto:
# `str`, los enums y `Regional`, que se leen de su nombre, etiqueta o código).
_TIPOS: Final[Mapping[str, Tipo]] = {
    "date": Tipo.FECHA,
    "int": Tipo.ENTERO,
    "bool": Tipo.BOOLEANO,
    "Pesos": Tipo.PESOS,
}


def _esquema(registro: type[Any]) -> dict[str, Columna]:
    """Las columnas de un registro, de sus campos attrs: una anotada ``X | None`` admite
    nulos; una con valor por defecto puede faltar y se llena con ese valor (como las columnas
    opcionales de `io.csv_lector.columnas`)."""
    esquema = {}
    for campo in attrs.fields(registro):
        anotacion = str(campo.type)
        base = anotacion.removesuffix(" | None")
        obligatoria = campo.default is attrs.NOTHING
        esquema[campo.name] = Columna(
            _TIPOS.get(base, Tipo.TEXTO),
            nula=base != anotacion,
            defecto=None if obligatoria else campo.default,
            obligatoria=obligatoria,
        )
    return esquema


REGISTROS: Final[Mapping[str, type[Any]]] = _registros()
"""Tabla → el registro (attrs) cuyas columnas tiene."""

ESQUEMAS: Final[Mapping[str, Mapping[str, Columna]]] = {
    tabla: _esquema(registro) for tabla, registro in REGISTROS.items()
}
"""Tabla → columna → `Columna`: las columnas de los registros de API.md, leídas de sus campos."""


_CLAVES: Final = frozenset({"nit", "gestor"})

_TIPO_VACIO: Final[Mapping[Tipo, Any]] = {Tipo.TEXTO: nw.String, Tipo.FECHA: nw.Date}


def _revisar_tipo(tabla: str, nombre: str, columna: Columna, dtype: Any) -> nw.Expr:
    """La expresión que lee la columna ya normalizada, o un `DatoInvalido`."""
    expr = nw.col(nombre)
    tipo = columna.tipo
    if columna.nula and dtype == nw.Unknown:  # una columna toda nula (tipo Null de polars)
        return nw.lit(None, dtype=_TIPO_VACIO.get(tipo, nw.Int64))
    if tipo is Tipo.TEXTO:
        if dtype == nw.String:
            # Las claves de los cruces, a un solo tipo de texto: pyarrow tiene dos (`string`
            # y `large_string`) y no cruza uno con otro.
            return expr.cast(nw.String) if nombre in _CLAVES else expr
        if dtype == nw.Categorical or dtype == nw.Enum:
            return expr.cast(nw.String)
        if nombre == "nit" and dtype.is_integer():
            return expr.cast(nw.String)
    elif tipo is Tipo.FECHA:
        if dtype == nw.Date:
            return expr
        if isinstance(dtype, nw.Datetime):
            # R11: un datetime con zona se pasa a Bogotá; uno ingenuo ya es hora de Bogotá.
            if dtype.time_zone is not None:
                expr = expr.dt.convert_time_zone(ZONA_BOGOTA).dt.replace_time_zone(None)
            return expr
    elif tipo is Tipo.ENTERO:
        if dtype.is_integer():
            return expr
    elif tipo is Tipo.BOOLEANO:
        if dtype == nw.Boolean:
            return expr
    elif dtype.is_integer() or dtype == nw.Decimal:
        return expr
    raise DatoInvalido(
        f"la columna debe ser de tipo {tipo.value} y es {dtype}",
        campo=f"{tabla}.{nombre}",
    )


@attrs.frozen
class Tabla:
    """Una tabla de entrada ya revisada: el marco (siempre perezoso) con las columnas
    normalizadas más la columna booleana ``_nula`` (un nulo donde el registro no lo admite), y
    si sus fechas son `datetime`."""

    marco: Any  # nw.DataFrame | nw.LazyFrame
    fecha_hora: Mapping[str, bool]


FILA: Final = "_fila"
"""La columna opcional que identifica cada fila de entrada (su línea en el archivo)."""


def preparar(tabla: str, nativo: Any) -> Tabla:
    """Revisa las columnas de `nativo` contra `ESQUEMAS[tabla]` y las normaliza (R11, R5)."""
    marco = nw.from_native(nativo)  # `informe_tabular` ya revisó que es un marco
    if isinstance(marco, nw.DataFrame):  # perezoso: cada tabla se recorre en una consulta
        marco = marco.lazy()
    if marco.implementation is nw.Implementation.DASK and tabla not in _PEQUENAS:
        marco = _repartir(marco)
    esquema = marco.collect_schema()
    columnas: list[nw.Expr] = []
    nulos: list[nw.Expr] = []
    fecha_hora: dict[str, bool] = {}
    for nombre, columna in ESQUEMAS[tabla].items():
        if nombre not in esquema:
            if columna.obligatoria:
                raise DatoInvalido("falta la columna", campo=f"{tabla}.{nombre}")
            dtype = _TIPO_VACIO.get(columna.tipo, nw.Int64)
            columnas.append(nw.lit(columna.defecto, dtype=dtype).alias(nombre))
            fecha_hora[nombre] = False
            continue
        dtype = esquema[nombre]
        columnas.append(_revisar_tipo(tabla, nombre, columna, dtype).alias(nombre))
        fecha_hora[nombre] = isinstance(dtype, nw.Datetime)
        if not columna.nula:
            nulos.append(nw.col(nombre).is_null())
    nula = nw.any_horizontal(*nulos, ignore_nulls=True) if nulos else nw.lit(value=False)
    # ``_fila`` (la línea de cada fila en su archivo, de la lectura por columnas de la línea de
    # comandos) sigue a la fila: con ella se rehacen los registros excluidos (`Motor`).
    fila = [FILA] if FILA in esquema else []
    return Tabla(marco.select(*columnas, nula.alias("_nula"), *fila), fecha_hora)


_PEQUENAS: Final = frozenset({"gestores", "asignaciones"})
"""Las tablas con que se cruzan las demás: en Dask quedan en una partición, que se copia a cada
partición de la otra tabla (sin redistribuir las dos por la clave)."""


def particiones_dask() -> int:
    """En cuántas partes se reparte en Dask una tabla de una sola partición: los hilos de los
    trabajadores del clúster de `distributed` en uso, o 2 si no lo hay."""
    try:
        from distributed import default_client

        hilos = sum(default_client().nthreads().values())  # type: ignore[no-untyped-call]
    except (ImportError, ValueError):  # sin `distributed`, o sin un clúster en uso
        return 2
    return max(2, hilos)


def _repartir(marco: Any) -> Any:
    """Un marco de Dask de una sola partición (un Parquet de un archivo) repartido para que
    los trabajadores compartan el trabajo (`particiones_dask`). Las tablas pequeñas con que se
    cruzan las demás (`_PEQUENAS`) no se reparten."""
    nativo = marco.to_native()
    if nativo.npartitions > 1:
        return marco
    return nw.from_native(nativo.repartition(npartitions=particiones_dask()))


def limite(fecha_hora: bool, dia: date) -> Any:
    """El literal del comienzo del día `dia`, como `date` o como `datetime` ingenuo según la
    columna con que se compara."""
    return datetime(dia.year, dia.month, dia.day) if fecha_hora else dia


def desde(nombre: str, fecha_hora: bool, dia: date) -> nw.Expr:
    """``columna >= dia`` (el día completo incluido)."""
    return nw.col(nombre) >= nw.lit(limite(fecha_hora, dia))


def hasta(nombre: str, fecha_hora: bool, dia: date) -> nw.Expr:
    """``fecha(columna) <= dia``: antes del comienzo del día siguiente."""
    return nw.col(nombre) < nw.lit(limite(fecha_hora, dia + timedelta(days=1)))


def dia(nombre: str, fecha_hora: bool) -> nw.Expr:
    """La columna por días: un `datetime` ingenuo (ya en hora de Bogotá) truncado al comienzo
    de su día, para comparar fechas como los registros."""
    return nw.col(nombre).dt.truncate("1d") if fecha_hora else nw.col(nombre)
