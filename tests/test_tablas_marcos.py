"""`tablas.marcos(datos)`: de registros a las tablas de `informe_tabular` (issue 17).

Lo que debe valer: ``informe_tabular(**marcos(datos), periodo=p)`` da las filas de
``informe(datos, p).filas()`` en cada motor (R13–R25), y nada se pierde (R23).
"""

from __future__ import annotations

import sys
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

import pytest

pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
pytest.importorskip("narwhals")

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sena_relacionamiento import (  # noqa: E402
    Ambiente,
    Asignacion,
    DatoInvalido,
    DatosSeguimiento,
    DependenciaFaltante,
    Evento,
    Gestor,
    Periodo,
    informe,
)
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo  # noqa: E402
from sena_relacionamiento.tablas import BACKENDS, a_filas, informe_tabular, marcos  # noqa: E402
from sena_relacionamiento.tablas._esquema import ESQUEMAS  # noqa: E402
from sena_relacionamiento.testing.estrategias import datos_seguimiento  # noqa: E402

ANIO = [Periodo(2012, mes) for mes in range(1, 13)]


@cache
def _datos() -> DatosSeguimiento:
    return datos_de_ejemplo()


@cache
def _marcos(backend: str) -> dict[str, Any]:
    return marcos(_datos(), backend=backend)


def _columnas(marco: Any) -> list[str]:
    return list(marco.column_names if isinstance(marco, pa.Table) else marco.columns)


def _alto(marco: Any) -> int:
    return int(marco.num_rows if isinstance(marco, pa.Table) else len(marco))


@pytest.mark.parametrize("backend", BACKENDS)
def test_r22_marcos_del_anio_de_ejemplo_dan_las_filas_de_informe(backend: str) -> None:
    tablas = _marcos(backend)
    for periodo in ANIO:
        tabular = informe_tabular(**tablas, periodo=periodo)
        nucleo = informe(_datos(), periodo)
        assert a_filas(tabular.filas) == nucleo.filas(), periodo
        assert dict(tabular.resumen_excluidos()) == dict(nucleo.resumen_excluidos()), periodo


@pytest.mark.parametrize("backend", BACKENDS)
def test_r23_una_fila_por_registro_y_las_columnas_de_cada_registro(backend: str) -> None:
    tablas = _marcos(backend)
    assert set(tablas) == set(ESQUEMAS)
    for tabla, marco in tablas.items():
        assert _columnas(marco) == list(ESQUEMAS[tabla]), tabla
        assert _alto(marco) == len(getattr(_datos(), tabla)), tabla


def test_tipos_reales_en_polars_y_pandas() -> None:
    gestores = _marcos("polars")["gestores"]
    assert gestores.schema == {
        "id": pl.String,
        "rol": pl.String,
        "regional": pl.String,
        "nombre": pl.String,
    }
    contactos = _marcos("polars")["contactos"]
    assert contactos.schema["fecha"] == pl.Date
    # Regional por código y enum por nombre, como los lee `informe_tabular`.
    primero = _datos().gestores[0]
    assert gestores.row(0)[:3] == (primero.id, primero.rol.name, primero.regional.codigo)
    contratos = _marcos("pandas")["contratos"]
    assert str(contratos["fecha"].dtype) == "date32[day][pyarrow]"
    assert str(contratos["obligada"].dtype) == "bool[pyarrow]"
    assert str(contratos["cuota_regulada"].dtype) == "int64[pyarrow]"


def _con_ambientes(*valores: Any) -> DatosSeguimiento:
    return DatosSeguimiento(
        gestores=[Gestor(id="g1", rol="EMPRESARIAL", regional="41")],
        asignaciones=[Asignacion(gestor="g1", nit="900000001")],
        ambientes=[Ambiente(gestor="g1", fecha=date(2012, 3, 1), valor=v) for v in valores],
    )


@pytest.mark.parametrize("backend", BACKENDS)
def test_r5_pesos_enteros_son_enteros_y_con_centavos_decimales_exactos(backend: str) -> None:
    enteros = a_filas(
        informe_tabular(
            **marcos(_con_ambientes(5, Decimal("7.00")), backend=backend), periodo=Periodo(2012, 3)
        ).filas
    )
    assert enteros == informe(_con_ambientes(5, Decimal("7.00")), Periodo(2012, 3)).filas()
    datos = _con_ambientes(5, Decimal("7.25"), 2**70)
    tablas = marcos(datos, backend=backend)
    ambientes = tablas["ambientes"]
    valores = (
        ambientes.column("valor").to_pylist() if backend == "pyarrow" else list(ambientes["valor"])
    )
    assert valores == [Decimal(5), Decimal("7.25"), Decimal(2**70)]
    assert a_filas(informe_tabular(**tablas, periodo=Periodo(2012, 3)).filas) == (
        informe(datos, Periodo(2012, 3)).filas()
    )


def test_r5_pesos_que_no_caben_sin_redondear_son_dato_invalido() -> None:
    with pytest.raises(DatoInvalido, match=r"ambientes\.valor: .*38 cifras"):
        marcos(_con_ambientes(Decimal("0.5"), 10**40))


def test_entero_que_no_cabe_en_64_bits_es_dato_invalido() -> None:
    datos = DatosSeguimiento(
        gestores=[Gestor(id="g1", rol="EMPRESARIAL", regional="41")],
        asignaciones=[],
        eventos=[Evento(regional="41", fecha=date(2012, 3, 1), asistentes=2**63, razon="Feria")],
    )
    with pytest.raises(DatoInvalido, match=r"eventos\.asistentes: .*64 bits"):
        marcos(datos)


@pytest.mark.parametrize("backend", ["spark", "POLARS", "", None, 3])
def test_motor_desconocido_es_dato_invalido(backend: Any) -> None:
    with pytest.raises(DatoInvalido, match=r"backend: motor desconocido.*polars, pandas, pyarrow"):
        marcos(_datos(), backend=backend)


def test_datos_que_no_son_datos_seguimiento() -> None:
    with pytest.raises(DatoInvalido, match="datos: se esperaba un DatosSeguimiento"):
        marcos([], backend="polars")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("backend", "falta", "extra"),
    [
        ("polars", "polars", "polars"),
        ("pandas", "pyarrow", "pandas"),
        ("pyarrow", "pyarrow", "pandas"),
    ],
)
def test_motor_no_instalado_es_dependencia_faltante(
    backend: str, falta: str, extra: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, falta, None)  # `import falta` lanza ImportError
    with pytest.raises(DependenciaFaltante, match=rf"sena-relacionamiento\[{extra}\]") as error:
        marcos(_datos(), backend=backend)
    assert error.value.paquete == falta


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    datos=datos_seguimiento(periodo=Periodo(2012, 12), con_huerfanos=True),
    mes=st.integers(1, 12),
    backend=st.sampled_from(BACKENDS),
)
def test_r22_propiedad_marcos_dan_las_filas_de_informe(
    datos: DatosSeguimiento, mes: int, backend: str
) -> None:
    periodo = Periodo(2012, mes)
    tabular = informe_tabular(**marcos(datos, backend=backend), periodo=periodo)
    nucleo = informe(datos, periodo)
    assert a_filas(tabular.filas) == nucleo.filas()
    assert dict(tabular.resumen_excluidos()) == dict(nucleo.resumen_excluidos())
