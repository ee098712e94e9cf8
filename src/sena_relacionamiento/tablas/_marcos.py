"""De registros a marcos: las tablas que toma `informe_tabular`, desde un `DatosSeguimiento`.

Las tablas y sus columnas son las de `_esquema.ESQUEMAS`, leídas de los campos attrs de cada
registro: aquí solo se decide cómo se escribe cada valor y el tipo de su columna en cada motor.

- texto: ``str``; una regional por su código (``"41"``) y un enum por su nombre
  (``"EMPRESARIAL"``), como los lee `informe_tabular`;
- fecha: ``Date``;
- entero: ``Int64``; booleano: ``Boolean``;
- pesos (R5): ``Int64`` si todos los valores son enteros; si alguno tiene centavos, decimal
  exacto de 38 cifras con la escala justa (nunca ``float``).

En pandas las columnas usan tipos de Arrow (``string[pyarrow]``, ``date32[pyarrow]``,
``int64[pyarrow]``…), como la salida de `informe_tabular`: una fecha sigue siendo fecha y un
entero con nulos no pasa a ``float``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping, Sequence
from decimal import Decimal
from typing import Any, Final

from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante
from sena_relacionamiento.regionales import Regional
from sena_relacionamiento.tablas._esquema import ESQUEMAS, Tipo
from sena_relacionamiento.tablas._versiones import exigir_version

__all__ = ["BACKENDS", "marcos"]

BACKENDS: Final = ("polars", "pandas", "pyarrow")
"""Los motores en que `marcos` construye las tablas."""

# El paquete que necesita cada motor y el extra que lo instala.
_PAQUETES: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    "polars": (("polars", "polars"),),
    "pandas": (("pandas", "pandas"), ("pyarrow", "pandas")),
    "pyarrow": (("pyarrow", "pandas"),),
}

_PRECISION: Final = 38
_MAX_INT64: Final = 2**63 - 1


def _texto(valor: object) -> str | None:
    if isinstance(valor, Regional):
        return valor.codigo
    if isinstance(valor, EnumSena):
        return valor.name
    return None if valor is None else str(valor)


def _entero(campo: str, valores: Sequence[Any]) -> list[Any]:
    for v in valores:
        if v is not None and not -_MAX_INT64 - 1 <= v <= _MAX_INT64:
            raise DatoInvalido("el entero no cabe en una columna de 64 bits", campo=campo, valor=v)
    return list(valores)


def _escala(campo: str, valores: Sequence[Any]) -> int | None:
    """`None` si todos los pesos son enteros de 64 bits; si no, la escala justa de un decimal
    de 38 cifras (si no caben, `DatoInvalido`: nunca se redondea), la de `Informe.a_polars`."""
    if all(int(v) == v and -_MAX_INT64 - 1 <= v <= _MAX_INT64 for v in valores):
        return None
    from sena_relacionamiento.io.dataframes import escala_decimal

    return escala_decimal(campo, valores)


def _columnas(datos: DatosSeguimiento) -> dict[str, dict[str, tuple[Tipo, int | None, list[Any]]]]:
    """Tabla → columna → (tipo, escala de los pesos decimales, valores)."""
    tablas: dict[str, dict[str, tuple[Tipo, int | None, list[Any]]]] = {}
    for tabla, esquema in ESQUEMAS.items():
        registros = getattr(datos, tabla)
        columnas: dict[str, tuple[Tipo, int | None, list[Any]]] = {}
        for nombre, columna in esquema.items():
            campo = f"{tabla}.{nombre}"
            valores = [getattr(r, nombre) for r in registros]
            escala = None
            if columna.tipo is Tipo.TEXTO:
                valores = [_texto(v) for v in valores]
            elif columna.tipo is Tipo.ENTERO:
                valores = _entero(campo, valores)
            elif columna.tipo is Tipo.PESOS:
                escala = _escala(campo, valores)
                valores = [int(v) if escala is None else Decimal(v) for v in valores]
            columnas[nombre] = (columna.tipo, escala, valores)
        tablas[tabla] = columnas
    return tablas


def _importar(backend: str) -> list[Any]:
    modulos = []
    for paquete, extra in _PAQUETES[backend]:
        try:
            modulos.append(importlib.import_module(paquete))
        except ImportError:
            raise DependenciaFaltante(paquete, extra) from None
        exigir_version(paquete)
    return modulos


def _polars(tablas: Mapping[str, Mapping[str, tuple[Tipo, int | None, list[Any]]]]) -> Any:
    (pl,) = _importar("polars")
    tipos = {
        Tipo.TEXTO: pl.String,
        Tipo.FECHA: pl.Date,
        Tipo.ENTERO: pl.Int64,
        Tipo.BOOLEANO: pl.Boolean,
    }

    def tipo(t: Tipo, escala: int | None) -> Any:
        if t is Tipo.PESOS:
            return pl.Int64 if escala is None else pl.Decimal(_PRECISION, escala)
        return tipos[t]

    return {
        tabla: pl.DataFrame(
            {nombre: valores for nombre, (_, _, valores) in columnas.items()},
            schema={nombre: tipo(t, escala) for nombre, (t, escala, _) in columnas.items()},
        )
        for tabla, columnas in tablas.items()
    }


def _arrow(
    pa: Any, tablas: Mapping[str, Mapping[str, tuple[Tipo, int | None, list[Any]]]]
) -> dict[str, Any]:
    tipos = {
        Tipo.TEXTO: pa.string(),
        Tipo.FECHA: pa.date32(),
        Tipo.ENTERO: pa.int64(),
        Tipo.BOOLEANO: pa.bool_(),
    }

    def tipo(t: Tipo, escala: int | None) -> Any:
        if t is Tipo.PESOS:
            return pa.int64() if escala is None else pa.decimal128(_PRECISION, escala)
        return tipos[t]

    return {
        tabla: pa.table(
            {nombre: valores for nombre, (_, _, valores) in columnas.items()},
            schema=pa.schema(
                [(nombre, tipo(t, escala)) for nombre, (t, escala, _) in columnas.items()]
            ),
        )
        for tabla, columnas in tablas.items()
    }


def _pyarrow(tablas: Mapping[str, Mapping[str, tuple[Tipo, int | None, list[Any]]]]) -> Any:
    (pa,) = _importar("pyarrow")
    return _arrow(pa, tablas)


def _pandas(tablas: Mapping[str, Mapping[str, tuple[Tipo, int | None, list[Any]]]]) -> Any:
    pd, pa = _importar("pandas")
    return {
        tabla: marco.to_pandas(types_mapper=pd.ArrowDtype)
        for tabla, marco in _arrow(pa, tablas).items()
    }


_CONSTRUCTORES: Final[Mapping[str, Callable[[Any], dict[str, Any]]]] = {
    "polars": _polars,
    "pandas": _pandas,
    "pyarrow": _pyarrow,
}


def marcos(datos: DatosSeguimiento, *, backend: str = "polars") -> dict[str, Any]:
    """Las tablas que toma `informe_tabular`, una por tipo de registro, con los registros de
    `datos`: ``informe_tabular(**marcos(datos), periodo=p)`` da las filas de
    ``informe(datos, p).filas()``.

    `backend` es ``"polars"`` (``polars.DataFrame``), ``"pandas"`` (``pandas.DataFrame`` con
    tipos de Arrow) o ``"pyarrow"`` (``pyarrow.Table``). Otro motor es un `DatoInvalido`; uno
    que no está instalado, una `DependenciaFaltante` que dice qué extra instalar.

    >>> from sena_relacionamiento import Periodo, informe
    >>> from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
    >>> from sena_relacionamiento.tablas import a_filas, informe_tabular
    >>> datos = datos_de_ejemplo()
    >>> tablas = marcos(datos)
    >>> sorted(tablas) == sorted(ESQUEMAS)
    True
    >>> tablas["gestores"].columns
    ['id', 'rol', 'regional', 'nombre']
    >>> r = informe_tabular(**tablas, periodo=Periodo(2012, 3))
    >>> a_filas(r.filas) == informe(datos, Periodo(2012, 3)).filas()
    True
    >>> marcos(datos, backend="spark")
    Traceback (most recent call last):
    ...
    sena_relacionamiento.errores.DatoInvalido: backend: motor desconocido; ... (se recibió 'spark')
    """
    if not isinstance(datos, DatosSeguimiento):
        raise DatoInvalido("se esperaba un DatosSeguimiento", campo="datos", valor=datos)
    constructor = _CONSTRUCTORES.get(backend) if isinstance(backend, str) else None
    if constructor is None:
        raise DatoInvalido(
            f"motor desconocido; los soportados son {', '.join(BACKENDS)}",
            campo="backend",
            valor=backend,
        )
    return constructor(_columnas(datos))
