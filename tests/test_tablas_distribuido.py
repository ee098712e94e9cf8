"""`tablas` en los motores perezosos «grandes» (issue 18): relaciones de DuckDB sobre Parquet,
Dask, PySpark (modo local) y SQLFrame (sobre DuckDB) dan exactamente las filas de `informe()`,
con las regionales por nombre o por código, etiquetas en español y nulos; la salida es un marco
del mismo motor (en la sesión de la entrada, en Spark y SQLFrame).

Cada tabla se escribe en Parquet y se abre como la abriría quien ya no cabe en memoria. Spark
tarda (una JVM, varias etapas por consulta): pocos ejemplos. Un motor que no está instalado se
salta con su razón.
"""

from __future__ import annotations

import functools
import importlib.util
import itertools
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from datetime import date
from typing import Any

import pytest

pl = pytest.importorskip("polars")
duckdb = pytest.importorskip("duckdb")
nw = pytest.importorskip("narwhals.stable.v2")

from hypothesis import HealthCheck, example, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_tablas import VARIANTES, Variante, _marcos, datos_seguimiento  # noqa: E402

from sena_relacionamiento import (  # noqa: E402
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatosSeguimiento,
    Evento,
    Gestor,
    Periodo,
    Solicitud,
    informe,
)
from sena_relacionamiento.tablas import MOTIVO_NULO, a_filas, informe_tabular  # noqa: E402

_DIRECTORIO = tempfile.TemporaryDirectory(prefix="sena-tablas-")
_NUMERO = itertools.count()


def _parquet(marco: Any) -> str:
    ruta = f"{_DIRECTORIO.name}/{next(_NUMERO)}.parquet"
    marco.write_parquet(ruta)
    return ruta


@functools.cache
def _duckdb() -> Any:
    return duckdb.connect()


@functools.cache
def _spark() -> Any:
    from pyspark.sql import SparkSession

    # Los trabajadores de Python, con el intérprete de este proceso (no el python3 del PATH,
    # que puede ser otra versión menor: Spark se niega a mezclarlas).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    return (
        SparkSession.builder.master("local[2]")
        .appName("sena-relacionamiento-pruebas")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.sql.session.timeZone", "America/Bogota")
        .getOrCreate()
    )


@functools.cache
def _sqlframe() -> Any:
    from sqlframe.duckdb import DuckDBSession

    return DuckDBSession()


def _dask(ruta: str) -> Any:
    import dask.dataframe as dd

    return dd.read_parquet(ruta)


ABRIR: dict[str, Callable[[str], Any]] = {
    "duckdb-parquet": lambda ruta: _duckdb().read_parquet(ruta),
    "dask": _dask,
    "spark": lambda ruta: _spark().read.parquet(ruta),
    "sqlframe": lambda ruta: _sqlframe().read.parquet(ruta),
}

_PAQUETES = {"duckdb-parquet": "duckdb", "dask": "dask", "spark": "pyspark", "sqlframe": "sqlframe"}


def _motor(nombre: str) -> Any:
    paquete = _PAQUETES[nombre]
    razon = f"{paquete} no está instalado (extra «distribuido»)"
    instalado = importlib.util.find_spec(paquete) is not None
    return pytest.param(nombre, marks=pytest.mark.skipif(not instalado, reason=razon))


MOTORES = [_motor(nombre) for nombre in ABRIR]


def comparar(datos: DatosSeguimiento, periodo: Periodo, motor: str, variante: Variante) -> Any:
    """Las filas y exclusiones de `informe_tabular` sobre Parquet en `motor` son las de
    `informe()`; da el marco de salida."""
    entradas = {
        tabla: ABRIR[motor](_parquet(marco)) for tabla, marco in _marcos(datos, variante).items()
    }
    esperado = informe(datos, periodo)
    obtenido = informe_tabular(periodo=periodo, **entradas)
    filas = a_filas(obtenido.filas)
    assert filas == esperado.filas()
    for mia, suya in zip(filas, esperado.filas(), strict=True):
        assert type(mia["valor"]) is type(suya["valor"])
    resumen = dict(esperado.resumen_excluidos())
    nulas = sum(1 for t in variante.nulos if getattr(datos, t))
    if nulas:
        resumen[MOTIVO_NULO] = nulas
    assert dict(obtenido.resumen_excluidos()) == resumen
    return obtenido.filas


def _con_nombres() -> DatosSeguimiento:
    """Regionales que DuckDB y Dask no sabían leer por nombre (issue 18): «Meta», «Antioquia»."""
    gestores = [
        Gestor(id="g1", rol="Empresarial", regional="Meta"),
        Gestor(id="g2", rol="Estratégico", regional="Antioquia"),
    ]
    nits = [str(900_000_001 + i) for i in range(6)]
    return DatosSeguimiento(
        gestores=gestores,
        asignaciones=[Asignacion(gestor=f"g{1 + i % 2}", nit=n) for i, n in enumerate(nits)],
        contactos=[
            Contacto(gestor=g, nit=nits[i], fecha=f, tipo="NUEVO", medio="Telefónico")
            for i, (g, f) in enumerate(
                [("g1", date(2012, 3, 2)), ("g2", date(2012, 2, 2)), ("gx", date(2012, 3, 2))]
            )
        ],
        solicitudes=[
            Solicitud(
                id="s1",
                fecha=date(2012, 3, 1),
                servicio="Asesoría",
                regional="Meta",
                gestor="g1",
                fecha_gestion=date(2012, 3, 3),
            ),
            Solicitud(id="s2", fecha=date(2012, 3, 4), servicio="Asesoría", regional="Antioquia"),
        ],
        contratos=[
            ContratoAprendizaje(
                nit=nits[1], regional="Antioquia", fecha=date(2012, 2, 1), obligada=False
            )
        ],
        eventos=[
            Evento(regional="Meta", fecha=date(2012, 3, 5), asistentes=20, razon="Convocatoria")
        ],
    )


@pytest.mark.parametrize("motor", MOTORES)
def test_regionales_por_nombre_en_cada_motor(motor: str) -> None:
    """Issue 18, R1–R2: con las regionales por nombre («Meta», «Antioquia») y etiquetas en
    español, cada motor da las filas de `informe()`; la salida es un marco del mismo motor."""
    filas = comparar(_con_nombres(), Periodo(2012, 3), motor, Variante(etiquetas=True))
    entrada = nw.from_native(ABRIR[motor](_parquet(pl.DataFrame({"a": [1]}))))
    assert nw.from_native(filas).implementation is entrada.implementation


@pytest.mark.parametrize("motor", [m for m in MOTORES if m.values[0] != "spark"])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos=datos_seguimiento(), mes=st.integers(1, 12), variante=VARIANTES)
def test_mismas_cifras_que_informe_distribuido(
    motor: str, datos: DatosSeguimiento, mes: int, variante: Variante
) -> None:
    """R13–R25 en DuckDB sobre Parquet, Dask y SQLFrame: las filas y exclusiones (R23) de
    `informe()`, con regionales por nombre o código, NIT enteros y nulos."""
    comparar(datos, Periodo(2012, mes), motor, variante)


@pytest.mark.parametrize("motor", [m for m in MOTORES if m.values[0] == "spark"])
@settings(max_examples=2, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos=datos_seguimiento(), mes=st.integers(1, 12), variante=VARIANTES)
@example(datos=_con_nombres(), mes=6, variante=Variante(etiquetas=True, nit_entero=True))
def test_mismas_cifras_que_informe_spark(
    motor: str, datos: DatosSeguimiento, mes: int, variante: Variante
) -> None:
    """Lo mismo en Spark local, con pocos ejemplos (cada uno corre decenas de etapas)."""
    comparar(datos, Periodo(2012, mes), motor, variante)


@pytest.fixture(scope="module", autouse=True)
def _cerrar() -> Iterator[None]:
    yield
    if _spark.cache_info().currsize:
        _spark().stop()
    _DIRECTORIO.cleanup()


def _temporales() -> list[str]:
    """Las tablas temporales de la conexión de DuckDB de las pruebas."""
    filas = _duckdb().sql("select table_name from duckdb_tables() where temporary").fetchall()
    return [nombre for (nombre,) in filas]


@pytest.fixture
def temporales_creadas(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Anota cada tabla temporal que `Motor.compartir` crea en DuckDB."""
    from sena_relacionamiento.tablas._motor import Motor

    creadas: list[str] = []
    original = Motor._tabla_temporal

    def anotar(self: Any, relacion: Any) -> Any:
        marco = original(self, relacion)
        creadas.extend(n for n in _temporales() if n not in creadas)
        return marco

    monkeypatch.setattr(Motor, "_tabla_temporal", anotar)
    return creadas


def _entradas_duckdb(datos: DatosSeguimiento, **cambios: Any) -> dict[str, Any]:
    entradas = {
        tabla: ABRIR["duckdb-parquet"](_parquet(marco))
        for tabla, marco in _marcos(datos, Variante()).items()
    }
    return entradas | cambios


def test_duckdb_comparte_en_tablas_temporales_y_las_borra(temporales_creadas: list[str]) -> None:
    """Issue 18: en DuckDB lo común (la cartera, las empresas contactadas) se calcula una vez
    en tablas temporales de la conexión de la entrada, borradas al terminar."""
    comparar(_con_nombres(), Periodo(2012, 3), "duckdb-parquet", Variante(etiquetas=True))
    assert len(temporales_creadas) == 2
    assert _temporales() == []


def test_duckdb_borra_las_temporales_si_armar_falla(temporales_creadas: list[str]) -> None:
    """Un error al armar una consulta después de materializar la cartera (a los contactos les
    falta una columna) no deja tablas temporales en la conexión."""
    from sena_relacionamiento.errores import DatoInvalido

    contactos = _duckdb().sql("select 'g1' as gestor, '900000001' as nit")
    entradas = _entradas_duckdb(_con_nombres(), contactos=contactos)
    with pytest.raises(DatoInvalido, match=r"contactos\.fecha"):
        informe_tabular(periodo=Periodo(2012, 3), **entradas)
    assert temporales_creadas
    assert _temporales() == []


def test_duckdb_borra_las_temporales_si_recoger_falla(temporales_creadas: list[str]) -> None:
    """Lo mismo si el error sale al recoger las consultas (una empresa con dos gestores)."""
    from sena_relacionamiento.errores import RegistroInconsistente

    doble = _duckdb().sql("select * from (values ('g1', '1'), ('g2', '1')) t(gestor, nit)")
    entradas = _entradas_duckdb(_con_nombres(), asignaciones=doble)
    with pytest.raises(RegistroInconsistente, match="dos gestores"):
        informe_tabular(periodo=Periodo(2012, 3), **entradas)
    assert temporales_creadas
    assert _temporales() == []


def test_dask_recoge_todo_en_un_compute(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 18: Dask recoge las consultas de todos los indicadores en un solo `dask.compute`
    (no una por consulta); la salida tiene fechas como fechas y enteros como enteros."""
    dask = pytest.importorskip("dask")
    llamadas: list[int] = []
    original = dask.compute

    def contar(*args: Any, **kwargs: Any) -> Any:
        llamadas.append(len(args))
        return original(*args, **kwargs)

    monkeypatch.setattr(dask, "compute", contar)
    filas = comparar(_con_nombres(), Periodo(2012, 3), "dask", Variante(etiquetas=True))
    assert len(llamadas) == 1
    assert llamadas[0] > 10
    esquema = nw.from_native(filas).collect_schema()
    assert esquema["inicio"] == nw.Date
    assert esquema["fin"] == nw.Date
    assert esquema["denominador"] == nw.Int64
    assert esquema["numerador"] == nw.Int64


def test_dask_reparte_una_tabla_de_una_particion(monkeypatch: pytest.MonkeyPatch) -> None:
    """Un Parquet de un archivo es una partición en Dask: se reparte en 2 sin clúster, o en
    tantas como hilos tenga el clúster en uso; una tabla ya repartida queda igual."""
    distributed = pytest.importorskip("distributed")
    from sena_relacionamiento.tablas._esquema import preparar

    ruta = _parquet(pl.DataFrame({"regional": ["Meta"] * 2, "fecha": [date(2012, 3, 1)] * 2}))
    marco = ABRIR["dask"](ruta).assign(asistentes=20, razon="Convocatoria")
    assert marco.npartitions == 1
    assert preparar("eventos", marco).marco.to_native().npartitions == 2
    # Las tablas con que se cruzan las demás quedan en una partición.
    gestores = ABRIR["dask"](
        _parquet(pl.DataFrame({"id": ["g1"], "rol": ["E"], "regional": ["M"]}))
    )
    assert preparar("gestores", gestores).marco.to_native().npartitions == 1

    class Cliente:
        def nthreads(self) -> dict[str, int]:
            return {"a": 3, "b": 2}

    monkeypatch.setattr(distributed, "default_client", Cliente)
    assert preparar("eventos", marco).marco.to_native().npartitions == 5
    cuatro = marco.repartition(npartitions=4)
    assert preparar("eventos", cuatro).marco.to_native().npartitions == 4


@pytest.mark.parametrize("motor", [m for m in MOTORES if m.values[0] == "spark"])
def test_spark_persiste_lo_que_reusan_varias_consultas_y_lo_suelta(
    motor: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 18: en Spark, lo que usan varias consultas (la cartera, las empresas contactadas,
    los contactos clasificados, las solicitudes únicas, las empresas de los contratos) se
    persiste una vez y se suelta al terminar; las consultas se recogen en varios hilos a la vez
    y cada una da su tabla, en orden."""
    from sena_relacionamiento.tablas import _motor

    persistidos: list[Any] = []
    original = _motor.Motor.compartir

    def anotar(self: Any, marco: Any) -> Any:
        compartido = original(self, marco)
        persistidos.append(compartido.to_native())
        return compartido

    monkeypatch.setattr(_motor.Motor, "compartir", anotar)
    hilos: set[int] = set()
    recoger_una = _motor._recoger_una

    def en_hilo(consulta: Any) -> Any:
        hilos.add(threading.get_ident())
        return recoger_una(consulta)

    monkeypatch.setattr(_motor, "_recoger_una", en_hilo)
    comparar(_con_nombres(), Periodo(2012, 3), motor, Variante(etiquetas=True))
    assert len(persistidos) == 5
    assert all(not marco.is_cached for marco in persistidos)
    assert hilos
    assert threading.main_thread().ident not in hilos
