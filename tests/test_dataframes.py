"""Vistas de DataFrame de `Informe` y `Serie` con tipos reales (issue 17)."""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from sena_relacionamiento import DatoInvalido, DependenciaFaltante, Informe, Periodo, informe, serie
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo
from sena_relacionamiento.io.dataframes import a_pandas, a_polars


@cache
def _informe() -> Informe:
    return informe(datos_de_ejemplo(), Periodo(2012, 3))


def _de_pandas(valor: Any) -> Any:
    # Un nulo de pandas: NA en enteros y decimales, NaN en una categoría.
    return None if pd.isna(valor) else valor


def test_pandas_tipos_reales_y_mismos_valores_que_filas() -> None:
    inf = _informe()
    df = inf.a_pandas()
    assert list(df.columns) == list(inf.filas()[0])
    assert df["inicio"].dtype == pd.ArrowDtype(pa.date32())
    assert df["numerador"].dtype == pd.Int64Dtype()
    assert df["denominador"].dtype == pd.Int64Dtype()
    assert pa.types.is_decimal(df["valor"].dtype.pyarrow_dtype)
    assert isinstance(df["estado"].dtype, pd.CategoricalDtype)
    assert df["clave"].dtype == pd.StringDtype()
    filas = [{k: _de_pandas(v) for k, v in fila.items()} for fila in df.to_dict("records")]
    assert filas == inf.filas()


def test_polars_tipos_reales_y_mismos_valores_que_filas() -> None:
    inf = _informe()
    df = inf.a_polars()
    assert df.schema["inicio"] == pl.Date
    assert df.schema["numerador"] == pl.Int64
    assert isinstance(df.schema["valor"], pl.Decimal)
    assert isinstance(df.schema["indicador"], pl.Enum)
    assert df.to_dicts() == inf.filas()


def test_serie_a_pandas_y_a_polars_con_periodo() -> None:
    s = serie(datos_de_ejemplo(), Periodo(2012, 1), Periodo(2012, 3))
    pdf, plf = s.a_pandas(), s.a_polars()
    assert next(iter(pdf.columns)) == "periodo" == plf.columns[0]
    assert plf.to_dicts() == s.filas()
    assert pdf["periodo"].dtype == pd.StringDtype()
    assert len(pdf) == len(s.filas())


def test_valores_exactos_decimales() -> None:
    filas = [dict(_informe().filas()[0], valor=Decimal("0.1234567890123456789012345678901"))]
    assert a_polars(filas)["valor"][0] == Decimal("0.1234567890123456789012345678901")
    assert a_pandas(filas)["valor"][0] == Decimal("0.1234567890123456789012345678901")


def test_decimal_que_no_cabe_es_dato_invalido() -> None:
    filas = [dict(_informe().filas()[0], valor=Decimal("1" * 30 + ".123456789"))]
    with pytest.raises(DatoInvalido, match="valor: la columna no cabe en un decimal de 38"):
        a_polars(filas)


def test_numerador_no_entero_es_dato_invalido() -> None:
    filas = [dict(_informe().filas()[0], numerador=Decimal("1.5"))]
    with pytest.raises(DatoInvalido, match="numerador: se esperaba un entero"):
        a_pandas(filas)
    entero = [dict(_informe().filas()[0], numerador=Decimal(7), inicio=date(2012, 1, 1))]
    assert a_polars(entero)["numerador"][0] == 7


@pytest.mark.parametrize(
    ("modulo", "metodo"), [("pandas", "a_pandas"), ("pyarrow", "a_pandas"), ("polars", "a_polars")]
)
def test_sin_la_biblioteca_es_dependencia_faltante(
    monkeypatch: pytest.MonkeyPatch, modulo: str, metodo: str
) -> None:
    monkeypatch.setitem(sys.modules, modulo, None)
    with pytest.raises(DependenciaFaltante, match=repr(modulo)) as error:
        getattr(_informe(), metodo)()
    assert error.value.paquete == modulo
