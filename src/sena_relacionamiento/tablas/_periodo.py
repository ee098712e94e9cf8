"""La clave del periodo de una columna de fechas, como expresión de narwhals (R8, R10).

Una fecha con día menor o igual al de corte es de su propio mes; una posterior es del mes
siguiente (del 26 al 31 de diciembre, con corte 25, es enero del año siguiente).
"""

from __future__ import annotations

import narwhals.stable.v2 as nw

from sena_relacionamiento.parametros import PARAMETROS_2012, validar_dia_corte
from sena_relacionamiento.periodos import indice_de_mes

__all__ = ["periodo_de"]


def periodo_de(columna: str | nw.Expr, dia_corte: int = PARAMETROS_2012.dia_corte) -> nw.Expr:
    """La clave ``AAAAMM`` (entero: ``201203`` es el periodo de marzo de 2012) del periodo al
    que pertenece cada fecha de `columna` con día de corte `dia_corte` (R8, R10).

    `columna` es un nombre o una expresión de tipo `Date` o `Datetime` ingenuo en hora de
    Bogotá; una columna con zona horaria se pasa antes a Bogotá (R11), por ejemplo con
    ``nw.col("fecha").dt.convert_time_zone("America/Bogota")``. Una fecha nula da una clave
    nula (`informe_tabular` excluye esas filas con `MOTIVO_NULO`). Un día de corte fuera de
    1…28 es un `DatoInvalido` (R10, `validar_dia_corte`); la fórmula es la de `Periodo.de`
    (`indice_de_mes`).

    >>> import polars as pl
    >>> from datetime import date
    >>> marco = pl.DataFrame({"fecha": [date(2012, 3, 25), date(2012, 3, 26),
    ...                                 date(2011, 12, 31), None]})
    >>> nw.from_native(marco).select(p=periodo_de("fecha")).to_native()["p"].to_list()
    [201203, 201204, 201201, None]
    """
    validar_dia_corte(dia_corte)
    fecha = nw.col(columna) if isinstance(columna, str) else columna
    despues = nw.when(fecha.dt.day() > dia_corte).then(nw.lit(1)).otherwise(nw.lit(0))
    mes: nw.Expr = indice_de_mes(
        fecha.dt.year().cast(nw.Int64), fecha.dt.month().cast(nw.Int64), despues.cast(nw.Int64)
    )
    return (mes // 12) * 100 + mes % 12 + 1
