"""`tablas` ante versiones no soportadas y fallas del motor: siempre un `ErrorSena` que nombra
el paquete y las versiones, o la tabla y la etapa (issue 13)."""

from __future__ import annotations

import importlib
import importlib.metadata
import pickle
import sys
import types
from datetime import date
from typing import Any

import duckdb
import narwhals.stable.v2 as nw
import pandas as pd  # type: ignore[import-untyped]
import polars as pl
import pyarrow as pa  # type: ignore[import-untyped]
import pytest

from sena_relacionamiento import Periodo
from sena_relacionamiento.errores import DatoInvalido, DependenciaFaltante, ErrorMotor, ErrorSena
from sena_relacionamiento.tablas import MINIMOS, a_filas, informe_tabular
from sena_relacionamiento.tablas._versiones import EXTRAS, exigir_motor, exigir_version

GESTORES = {"id": ["g1"], "rol": ["EMPRESARIAL"], "regional": ["41"]}
ASIGNACIONES = {"gestor": ["g1"] * 3, "nit": ["800", "801", "802"]}
CONTACTOS = {
    "gestor": ["g1"],
    "nit": ["800"],
    "fecha": [date(2012, 3, 1)],
    "tipo": ["NUEVO"],
    "medio": ["VISITA"],
}

CONSTRUCTORES: dict[str, Any] = {
    "polars": pl.DataFrame,
    "pandas": pd.DataFrame,
    "pyarrow": pa.table,
    "duckdb": lambda d: duckdb.from_arrow(pa.table(d)),
}


def _version_falsa(paquete: str, version: str) -> Any:
    real = importlib.metadata.version

    def version_de(nombre: str) -> str:
        return version if nombre == paquete else real(nombre)

    return version_de


@pytest.mark.parametrize("motor", sorted(CONSTRUCTORES))
def test_motor_viejo_es_dependencia_faltante_con_las_versiones(
    motor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa(motor, "0.9.1"))
    hacer = CONSTRUCTORES[motor]
    with pytest.raises(DependenciaFaltante) as info:
        informe_tabular(
            gestores=hacer(GESTORES), asignaciones=hacer(ASIGNACIONES), periodo=Periodo(2012, 3)
        )
    error = info.value
    assert (error.paquete, error.encontrada, error.necesaria) == (motor, "0.9.1", MINIMOS[motor])
    assert f"{motor} >= {MINIMOS[motor]}" in str(error)
    assert "0.9.1" in str(error)
    assert f"pip install -U '{motor}>={MINIMOS[motor]}'" in str(error)
    # a_filas revisa lo mismo antes de leer
    with pytest.raises(DependenciaFaltante, match=r"0\.9\.1"):
        a_filas(hacer({"ambito": ["nacion"]}))


@pytest.mark.parametrize("version", ["2.2.0", "2.2.0rc1", "3.0.0", "2.10"])
def test_version_suficiente_no_molesta(version: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa("pandas", version))
    resultado = informe_tabular(
        gestores=pd.DataFrame(GESTORES),
        asignaciones=pd.DataFrame(ASIGNACIONES),
        periodo=Periodo(2012, 3),
    )
    assert len(a_filas(resultado.filas)) > 0


def test_version_desconocida_no_se_revisa(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.metadata.version

    def sin_metadatos(nombre: str) -> str:
        if nombre == "polars":
            raise importlib.metadata.PackageNotFoundError(nombre)
        return real(nombre)

    monkeypatch.setattr(importlib.metadata, "version", sin_metadatos)
    resultado = informe_tabular(
        gestores=pl.DataFrame(GESTORES),
        asignaciones=pl.DataFrame(ASIGNACIONES),
        periodo=Periodo(2012, 3),
    )
    assert resultado.registros["asignaciones"] == 3


def test_motor_sin_minimo_no_se_revisa(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa("modin", "0.1"))
    exigir_version("modin")  # narwhals lo entiende, pero la biblioteca no se prueba con él


@pytest.mark.parametrize("motor", ["modin", "cudf", "ibis", "pyspark[connect]", "narwhals"])
def test_motor_no_soportado_es_dato_invalido(motor: str) -> None:
    """Issue 18: un motor que narwhals entiende pero con el que `tablas` no se prueba es un
    `DatoInvalido` que lo nombra, con los soportados, antes de calcular nada."""
    with pytest.raises(DatoInvalido, match="no soporta este motor") as info:
        exigir_motor(motor, "contactos")
    assert (info.value.campo, info.value.valor) == ("contactos", motor)
    assert "dask, pyspark, sqlframe" in str(info.value)


def test_motor_no_soportado_antes_de_calcular(monkeypatch: pytest.MonkeyPatch) -> None:
    """`informe_tabular` y `a_filas` revisan el motor de cada tabla antes de leer nada."""
    real = nw.from_native

    class Ibis:
        value = "ibis"

    def como_ibis(nativo: Any, **opciones: Any) -> Any:
        marco = real(nativo, **opciones)
        return types.SimpleNamespace(implementation=Ibis()) if "nit" in marco.columns else marco

    monkeypatch.setattr(nw, "from_native", como_ibis)
    with pytest.raises(DatoInvalido, match="ibis") as info:
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame(ASIGNACIONES),
            periodo=Periodo(2012, 3),
        )
    assert info.value.campo == "asignaciones"


@pytest.mark.parametrize("motor", sorted(EXTRAS))
def test_motor_distribuido_viejo_nombra_el_extra(
    motor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: Dask, PySpark o SQLFrame por debajo de su mínima es una `DependenciaFaltante`
    con la versión instalada, la necesaria y el extra ``distribuido``."""
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa(motor, "0.9.1"))
    with pytest.raises(DependenciaFaltante) as info:
        exigir_motor(motor, "contactos")
    error = info.value
    assert (error.paquete, error.extra, error.encontrada) == (motor, "distribuido", "0.9.1")
    assert error.necesaria == MINIMOS[motor]
    assert "sena-relacionamiento[distribuido]" in str(error)


def test_version_sin_numeros_se_toma_como_vieja(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa("polars", "dev"))
    with pytest.raises(DependenciaFaltante, match="versión dev"):
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame(ASIGNACIONES),
            periodo=Periodo(2012, 3),
        )


def test_narwhals_viejo_al_importar_tablas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importlib.metadata, "version", _version_falsa("narwhals", "2.0.0"))
    for nombre in [m for m in sys.modules if m.startswith("sena_relacionamiento.tablas")]:
        monkeypatch.delitem(sys.modules, nombre)
    with pytest.raises(DependenciaFaltante) as info:
        importlib.import_module("sena_relacionamiento.tablas")
    error = info.value
    assert (error.paquete, error.encontrada, error.necesaria) == (
        "narwhals",
        "2.0.0",
        MINIMOS["narwhals"],
    )


def test_dependencia_faltante_con_versiones_se_copia() -> None:
    error = DependenciaFaltante("duckdb", "tablas", encontrada="1.1.0", necesaria="1.3")
    copia = pickle.loads(pickle.dumps(error))
    assert (copia.paquete, copia.encontrada, copia.necesaria) == ("duckdb", "1.1.0", "1.3")
    assert str(copia) == str(error)


# -- las fallas del motor salen como ErrorMotor ------------------------------------------------


@pytest.mark.parametrize(
    ("metodo", "tabla", "etapa"),
    [
        ("cartera", "asignaciones", "armar la consulta de la cartera"),
        ("ec", "contactos", "armar la consulta de EC"),
        ("em", "cuotas", "armar la consulta de EM"),
    ],
)
def test_falla_del_motor_nombra_tabla_y_etapa(
    metodo: str, tabla: str, etapa: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    causa = nw.exceptions.ShapeError("Expected object of length 1, got 0.")

    def fallar(*args: Any, **kwargs: Any) -> Any:
        raise causa

    # Cada paso vive en su módulo gemelo (tablas/<x>.py, issue 14).
    monkeypatch.setattr(
        importlib.import_module(f"sena_relacionamiento.tablas.{metodo}"), "paso", fallar
    )
    cuotas = pl.DataFrame(
        {"nit": ["800"], "cuota_regulada": [1], "monetiza": [False]},
    )
    with pytest.raises(ErrorMotor) as info:
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame(ASIGNACIONES),
            contactos=pl.DataFrame(CONTACTOS),
            cuotas=cuotas,
            periodo=Periodo(2012, 3),
        )
    error = info.value
    assert isinstance(error, ErrorSena)
    assert (error.tabla, error.etapa, error.causa) == (tabla, etapa, causa)
    assert error.__cause__ is causa
    assert str(error).startswith(f"{tabla}: el motor de la tabla falló al {etapa} (ShapeError: ")


def test_falla_al_recoger_nombra_las_tablas(monkeypatch: pytest.MonkeyPatch) -> None:
    import sena_relacionamiento.tablas._tabular as tabular

    def fallar(*args: Any, **kwargs: Any) -> Any:
        raise duckdb.BinderException("Binder Error: No function matches 'contains'")

    monkeypatch.setattr(tabular, "ejecutar", fallar)
    with pytest.raises(ErrorMotor) as info:
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame(ASIGNACIONES),
            periodo=Periodo(2012, 3),
        )
    assert info.value.tabla == "gestores, asignaciones"
    assert info.value.etapa == "recoger las consultas"
    assert "BinderException" in str(info.value)


def test_mensaje_largo_del_motor_se_recorta() -> None:
    error = ErrorMotor("contactos", "recoger las consultas", ValueError("x" * 1000))
    assert str(error).endswith("x…)")
    assert len(str(error)) < 400


def test_los_errores_de_la_biblioteca_pasan_tal_cual() -> None:
    # Una columna que falta sigue siendo el DatoInvalido que nombra tabla y columna.
    with pytest.raises(DatoInvalido) as info:
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame({"gestor": ["g1"]}),
            periodo=Periodo(2012, 3),
        )
    assert info.value.campo == "asignaciones.nit"


def test_a_filas_de_algo_que_no_es_marco() -> None:
    with pytest.raises(DatoInvalido, match="marco de datos") as info:
        a_filas([{"ambito": "nacion"}])
    assert info.value.campo == "filas"


def test_a_filas_con_columnas_que_faltan_es_error_del_motor() -> None:
    with pytest.raises(ErrorMotor) as info:
        a_filas(pl.DataFrame({"ambito": ["nacion"]}))
    assert (info.value.tabla, info.value.etapa) == ("filas", "leer las filas")


@pytest.mark.parametrize("motor", ["pandas", "pandas-arrow"])
def test_a_filas_de_pandas_da_fechas_y_nulos(motor: str) -> None:
    # pandas 2.2.0: `DataFrame.to_dict` daba las fechas como enteros en nanosegundos.
    resultado = informe_tabular(
        gestores=pd.DataFrame(GESTORES),
        asignaciones=pd.DataFrame(ASIGNACIONES),
        periodo=Periodo(2012, 3),
    )
    filas = resultado.filas
    if motor == "pandas":
        filas = pd.DataFrame({c: filas[c].to_list() for c in filas.columns})
    leidas = a_filas(filas)
    de_polars = a_filas(
        informe_tabular(
            gestores=pl.DataFrame(GESTORES),
            asignaciones=pl.DataFrame(ASIGNACIONES),
            periodo=Periodo(2012, 3),
        ).filas
    )
    assert leidas == de_polars
    assert all(type(f["inicio"]) is date and type(f["fin"]) is date for f in leidas)
