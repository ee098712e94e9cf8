"""Pruebas de `sena_relacionamiento.tablas`: las cifras de `informe()` calculadas sobre marcos de
datos (polars ansioso y perezoso, pandas, pyarrow y DuckDB) son exactamente las del núcleo."""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import attrs
import pytest

pl = pytest.importorskip("polars")
pd = pytest.importorskip("pandas")
pa = pytest.importorskip("pyarrow")
duckdb = pytest.importorskip("duckdb")
nw = pytest.importorskip("narwhals.stable.v2")

from _vias import marcos_polars  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from sena_relacionamiento import (  # noqa: E402
    PARAMETROS_2012,
    REGIONALES,
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatoInvalido,
    DatosSeguimiento,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    Periodo,
    RegistroInconsistente,
    ServicioUsado,
    Solicitud,
    informe,
)
from sena_relacionamiento.errores import RegionalDesconocida  # noqa: E402
from sena_relacionamiento.informe import COLUMNAS_FILAS  # noqa: E402
from sena_relacionamiento.tablas import (  # noqa: E402
    MOTIVO_NULO,
    InformeTabular,
    a_filas,
    informe_tabular,
    periodo_de,
)

# -- de registros a marcos (tests/_vias.py) -----------------------------------------------


def a_pandas(marco: Any) -> Any:
    """Como pandas «clásico»: fechas como datetime64 ingenuo (hora de Bogotá, R11)."""
    return marco.with_columns(pl.col(pl.Date).cast(pl.Datetime("ns"))).to_pandas()


CONEXION = duckdb.connect()

CONVERSORES: dict[str, Callable[[Any], Any]] = {
    "polars": lambda m: m,
    "polars-lazy": lambda m: m.lazy(),
    "pandas": a_pandas,
    "pyarrow": lambda m: m.to_arrow(),
    "duckdb": lambda m: CONEXION.from_arrow(m.to_arrow()),
}


@attrs.frozen
class Variante:
    """Lo que solo decide `tablas` (docs/tablas.md): las regionales y los enums por su etiqueta
    en español, el NIT como entero, y filas con un nulo donde el registro no lo admite (una por
    tabla nombrada en `nulos`: se excluyen con `MOTIVO_NULO` y no cambian ninguna cifra)."""

    etiquetas: bool = False
    nit_entero: bool = False
    nulos: tuple[str, ...] = ()


# La columna que se deja nula en la fila añadida de cada tabla.
NULAS: dict[str, str] = {
    "asignaciones": "nit",
    "contactos": "fecha",
    "servicios": "nit",
    "ambientes": "gestor",
    "contratos": "fecha",
    "eventos": "fecha",
    "logros": "fecha",
}


def _marcos(datos: DatosSeguimiento, variante: Variante) -> dict[str, Any]:
    marcos = marcos_polars(datos, etiquetas=variante.etiquetas)
    for tabla in variante.nulos:
        marco = marcos[tabla]
        if len(marco):
            fila = marco.head(1).with_columns(
                pl.lit(None).cast(marco.schema[NULAS[tabla]]).alias(NULAS[tabla])
            )
            marcos[tabla] = pl.concat([marco, fila])
    # NIT enteros en las asignaciones y los contratos, de texto en las demás tablas (los cruces
    # mezclan los dos): no donde hay nulos (un entero con nulos es `float` en pandas clásico,
    # que `tablas` rechaza como NIT, R5).
    if variante.nit_entero:
        marcos |= {
            t: marcos[t].with_columns(pl.col("nit").cast(pl.Int64))
            for t in ("asignaciones", "contratos")
            if not marcos[t]["nit"].null_count()
        }
    return marcos


def tabular(
    datos: DatosSeguimiento,
    periodo: Periodo,
    motor: str = "polars",
    variante: Variante = Variante(),
) -> InformeTabular:
    marcos = {k: CONVERSORES[motor](v) for k, v in _marcos(datos, variante).items()}
    return informe_tabular(periodo=periodo, **marcos)


def comparar(
    datos: DatosSeguimiento,
    periodo: Periodo,
    motor: str,
    variante: Variante = Variante(),
) -> None:
    esperado = informe(datos, periodo)
    obtenido = tabular(datos, periodo, motor, variante)
    filas = a_filas(obtenido.filas)
    assert len(filas) == len(esperado.filas())
    for mia, suya in zip(filas, esperado.filas(), strict=True):
        assert mia == suya
        assert type(mia["valor"]) is type(suya["valor"])
    resumen = dict(esperado.resumen_excluidos())
    nulas = sum(1 for t in variante.nulos if getattr(datos, t))
    if nulas:
        resumen[MOTIVO_NULO] = nulas
    assert dict(obtenido.resumen_excluidos()) == resumen


# -- estrategia de datos ----------------------------------------------------------------------

DESDE, HASTA = date(2011, 11, 20), date(2013, 1, 10)
REGIONES = [REGIONALES[0], REGIONALES[2], REGIONALES[12]]  # Antioquia, D. C., Huila
NITS = [str(900_000_001 + i) for i in range(20)]


def _dias_despues(fecha: date) -> Callable[[int], date]:
    return lambda dias: fecha + timedelta(days=dias)


@st.composite
def datos_seguimiento(draw: st.DrawFn) -> DatosSeguimiento:
    fechas = st.dates(DESDE, HASTA)
    n_gestores = draw(st.integers(1, 8))
    gestores = [
        Gestor(
            id=f"g{i}",
            rol=draw(st.sampled_from(["ESTRATEGICO", "EMPRESARIAL"])),
            regional=draw(st.sampled_from(REGIONES)),
        )
        for i in range(n_gestores)
    ]
    ids = [g.id for g in gestores]
    region_de = {g.id: g.regional for g in gestores}
    dueno = {nit: draw(st.sampled_from([*ids, None, "gx"])) for nit in NITS}
    asignaciones = [Asignacion(gestor=g, nit=n) for n, g in dueno.items() if g is not None]
    asignaciones += (
        draw(st.lists(st.sampled_from(asignaciones), max_size=3)) if asignaciones else []
    )
    con_gestor = [*ids, "gx"]
    nits = st.sampled_from(NITS)
    contactos = draw(
        st.lists(
            st.builds(
                Contacto,
                gestor=st.sampled_from(con_gestor),
                nit=nits,
                fecha=fechas,
                tipo=st.sampled_from(["NUEVO", "MANTENIMIENTO"]),
                medio=st.sampled_from(["TELEFONICO", "VISITA"]),
            ),
            max_size=25,
        )
    )
    servicios = draw(
        st.lists(
            st.builds(ServicioUsado, nit=nits, fecha=fechas, servicio=st.sampled_from("ABC")),
            max_size=15,
        )
    )
    solicitudes = []
    for i in range(draw(st.integers(0, 8))):
        gestor = draw(st.sampled_from([*ids, None, "gx"]))
        recibida = draw(fechas)
        solicitudes.append(
            Solicitud(
                id=f"s{i}",
                fecha=recibida,
                servicio=draw(st.sampled_from("ABC")),
                regional=region_de.get(gestor or "", draw(st.sampled_from(REGIONES))),
                gestor=gestor,
                fecha_gestion=draw(st.none() | st.integers(0, 40).map(_dias_despues(recibida))),
            )
        )
    ambientes = draw(
        st.lists(
            st.builds(
                Ambiente,
                gestor=st.sampled_from(con_gestor),
                fecha=fechas,
                valor=st.integers(0, 10**9),
                cantidad=st.integers(1, 3),
            ),
            max_size=5,
        )
    )
    empresa = {
        nit: (
            region_de.get(dueno[nit] or "", draw(st.sampled_from(REGIONES))),
            draw(st.booleans()),
            draw(st.integers(0, 3)),
        )
        for nit in NITS
    }
    contratos = [
        ContratoAprendizaje(
            nit=nit,
            regional=empresa[nit][0],
            fecha=draw(fechas),
            obligada=empresa[nit][1],
            cuota_regulada=empresa[nit][2] if empresa[nit][1] else 0,
        )
        for nit in draw(st.lists(nits, max_size=12))
    ]
    cuotas = []
    for nit in draw(st.lists(nits, unique=True, max_size=6)):
        cuota = draw(st.integers(0, 3))
        cuotas.append(
            EmpresaCuota(nit=nit, cuota_regulada=cuota, monetiza=cuota > 0 and draw(st.booleans()))
        )
    eventos = []
    for _ in range(draw(st.integers(0, 5))):
        gestor = draw(st.sampled_from([*ids, None, "gx"]))
        eventos.append(
            Evento(
                regional=region_de.get(gestor or "", draw(st.sampled_from(REGIONES))),
                fecha=draw(fechas),
                asistentes=draw(st.integers(0, 50)),
                razon="Convocatoria",
                gestor=gestor,
            )
        )
    logros = draw(
        st.lists(
            st.builds(
                LogroSismeg,
                gestor=st.sampled_from(con_gestor),
                fecha=fechas,
                formados=st.integers(0, 30),
                empleos=st.integers(0, 5),
            ),
            max_size=6,
        )
    )
    return DatosSeguimiento(
        gestores=gestores,
        asignaciones=asignaciones,
        contactos=contactos,
        servicios=servicios,
        solicitudes=solicitudes,
        ambientes=ambientes,
        contratos=contratos,
        cuotas=cuotas,
        eventos=eventos,
        logros=logros,
    )


# -- diferencial ------------------------------------------------------------------------------


VARIANTES = st.builds(
    Variante,
    etiquetas=st.booleans(),
    nit_entero=st.booleans(),
    nulos=st.lists(st.sampled_from(sorted(NULAS)), unique=True, max_size=4).map(tuple),
)


@pytest.mark.parametrize("motor", ["polars", "polars-lazy", "pyarrow"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos=datos_seguimiento(), mes=st.integers(1, 12), variante=VARIANTES)
def test_mismas_cifras_que_informe(
    motor: str, datos: DatosSeguimiento, mes: int, variante: Variante
) -> None:
    """R13–R25: cada fila (valor, meta, numerador, denominador, estado, semáforo) y cada
    exclusión por motivo (R23) son las de `informe()`, en cada motor; también con etiquetas
    en español, NIT enteros y filas con nulos (que solo añaden exclusiones `MOTIVO_NULO`)."""
    comparar(datos, Periodo(2012, mes), motor, variante)


@pytest.mark.parametrize("motor", ["pandas", "duckdb"])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos=datos_seguimiento(), mes=st.integers(1, 12), variante=VARIANTES)
def test_mismas_cifras_que_informe_pandas_duckdb(
    motor: str, datos: DatosSeguimiento, mes: int, variante: Variante
) -> None:
    """Lo mismo en pandas y DuckDB, con menos ejemplos (cada uno tarda más)."""
    comparar(datos, Periodo(2012, mes), motor, variante)


# -- casos trabajados -------------------------------------------------------------------------


def _gestor(id: str = "g1", regional: str = "Huila") -> Gestor:
    return Gestor(id=id, rol="Empresarial", regional=regional)


def _fila(resultado: InformeTabular, clave: str, indicador: str) -> dict[str, Any]:
    filas = [
        f for f in a_filas(resultado.filas) if f["clave"] == clave and f["indicador"] == indicador
    ]
    assert len(filas) == 1
    return filas[0]


def test_27_de_30_es_90_por_ciento_y_cumple() -> None:
    """R14, R24: 27 de 30 empresas es exactamente 0,9 y cumple al cierre de marzo."""
    nits = [str(800_000_001 + i) for i in range(30)]
    datos = DatosSeguimiento(
        gestores=[_gestor()],
        asignaciones=[Asignacion(gestor="g1", nit=n) for n in nits],
        contactos=[
            Contacto(gestor="g1", nit=n, fecha=date(2012, 3, 1), tipo="NUEVO", medio="VISITA")
            for n in nits[:27]
        ],
    )
    for motor in CONVERSORES:
        fila = _fila(tabular(datos, Periodo(2012, 3), motor), "g1", "EC")
        assert (fila["valor"], fila["estado"], fila["semaforo"]) == (
            Decimal("0.9"),
            "CUMPLE",
            "VERDE",
        )
        assert (fila["numerador"], fila["denominador"]) == (27, 30)


def test_solicitud_recibida_antes_del_corte_y_gestionada_despues() -> None:
    """R17: recibida el 20 de marzo y gestionada el 28: no cuenta como gestionada en marzo, y
    en abril queda excluida por ser anterior al mes."""
    datos = DatosSeguimiento(
        gestores=[_gestor()],
        asignaciones=[],
        solicitudes=[
            Solicitud(
                id="s1",
                fecha=date(2012, 3, 20),
                servicio="Asesoría",
                regional="Huila",
                gestor="g1",
                fecha_gestion=date(2012, 3, 28),
            )
        ],
    )
    marzo = tabular(datos, Periodo(2012, 3))
    fila = _fila(marzo, "g1", "EG")
    assert (fila["numerador"], fila["denominador"], fila["valor"], fila["estado"]) == (
        0,
        1,
        Decimal(0),
        "NO_CUMPLE",
    )
    abril = tabular(datos, Periodo(2012, 4))
    assert _fila(abril, "g1", "EG")["estado"] == "SIN_DATOS"
    assert abril.excluidos["solicitudes"] == {"anterior al mes del informe": 1}


def test_empresa_obligada_mas_alla_de_su_cuota() -> None:
    """R19: una obligada con cuota 2 y 5 contratos tiene 3 voluntarios."""
    datos = DatosSeguimiento(
        gestores=[_gestor()],
        asignaciones=[Asignacion(gestor="g1", nit="900000001")],
        contratos=[
            ContratoAprendizaje(
                nit="900000001",
                regional="Huila",
                fecha=date(2012, 1, 10 + i),
                obligada=True,
                cuota_regulada=2,
            )
            for i in range(5)
        ],
    )
    resultado = tabular(datos, Periodo(2012, 3), "duckdb")
    assert _fila(resultado, "g1", "CV")["numerador"] == 3
    assert _fila(resultado, "41", "CV")["valor"] == 3
    assert _fila(resultado, "CO", "CV")["meta"] == 14_200


def test_solicitud_solo_regional() -> None:
    """R17: una solicitud sin gestor cuenta en su regional y en la nación, no en un gestor."""
    datos = DatosSeguimiento(
        gestores=[_gestor()],
        asignaciones=[],
        solicitudes=[
            Solicitud(
                id="s1",
                fecha=date(2012, 3, 1),
                servicio="Asesoría",
                regional="Antioquia",
                fecha_gestion=date(2012, 3, 2),
            )
        ],
    )
    resultado = tabular(datos, Periodo(2012, 3), "pandas")
    assert _fila(resultado, "05", "EG")["denominador"] == 1
    assert _fila(resultado, "CO", "EG")["valor"] == Decimal(1)
    assert _fila(resultado, "g1", "EG")["estado"] == "SIN_DATOS"


# -- tipos, fechas, nulos y errores -----------------------------------------------------------

BASICO = {
    "gestores": pl.DataFrame({"id": ["g1"], "rol": ["EMPRESARIAL"], "regional": ["Huila"]}),
    "asignaciones": pl.DataFrame({"gestor": ["g1", "g1"], "nit": ["900000001", "900000002"]}),
}


def _contactos(fechas: list[Any], **columnas: Any) -> Any:
    datos = {
        "gestor": ["g1"] * len(fechas),
        "nit": ["900000001"] * len(fechas),
        "fecha": fechas,
        "tipo": ["NUEVO"] * len(fechas),
        "medio": ["VISITA"] * len(fechas),
    }
    datos.update(columnas)
    return pl.DataFrame(datos)


def test_fecha_con_zona_se_lee_en_bogota() -> None:
    """R11: 2012-03-26T03:00Z es el 25 de marzo en Bogotá: cuenta en marzo."""
    contactos = _contactos([datetime(2012, 3, 26, 3, tzinfo=UTC)])
    resultado = informe_tabular(periodo=Periodo(2012, 3), contactos=contactos, **BASICO)
    assert _fila(resultado, "g1", "EC")["numerador"] == 1
    ingenua = _contactos([datetime(2012, 3, 26, 3)])
    resultado = informe_tabular(periodo=Periodo(2012, 3), contactos=ingenua, **BASICO)
    assert _fila(resultado, "g1", "EC")["numerador"] == 0
    assert resultado.excluidos["contactos"] == {"posterior al corte del periodo": 1}


def test_nulos_se_excluyen_con_motivo() -> None:
    """R23: una fecha o un NIT nulos nunca cuentan como empresa: se excluyen con motivo."""
    contactos = _contactos(
        [date(2012, 3, 1), None, date(2012, 3, 2)], nit=["900000001", "900000002", None]
    )
    resultado = informe_tabular(periodo=Periodo(2012, 3), contactos=contactos, **BASICO)
    assert _fila(resultado, "g1", "EC")["numerador"] == 1
    assert resultado.excluidos["contactos"] == {MOTIVO_NULO: 2}
    assert resultado.registros["contactos"] == 3
    asignaciones = pl.DataFrame({"gestor": ["g1", None], "nit": ["900000001", "900000002"]})
    resultado = informe_tabular(
        periodo=Periodo(2012, 3), gestores=BASICO["gestores"], asignaciones=asignaciones
    )
    assert resultado.excluidos["asignaciones"] == {MOTIVO_NULO: 1}
    eventos = pl.DataFrame(
        {
            "regional": ["Huila", None],
            "fecha": [date(2012, 3, 1)] * 2,
            "asistentes": [5, 7],
            "razon": ["r", "r"],
        }
    )
    resultado = informe_tabular(periodo=Periodo(2012, 3), eventos=eventos, **BASICO)
    assert _fila(resultado, "41", "PE")["numerador"] == 1
    assert resultado.excluidos["eventos"] == {MOTIVO_NULO: 1}


def test_nit_entero_y_texto_mezclados_en_pyarrow() -> None:
    """Un NIT entero en una tabla y de texto (`large_string`) en otra da las cifras de siempre
    en pyarrow: las claves de los cruces se pasan a un solo tipo de texto (antes, un
    `ArrowInvalid` del cruce de `string` con `large_string`)."""
    asignaciones = pa.table({"gestor": ["g1"], "nit": pa.array([900000001], pa.int64())})
    contactos = _contactos([date(2012, 3, 1)]).to_arrow()
    resultado = informe_tabular(
        periodo=Periodo(2012, 3),
        gestores=BASICO["gestores"].to_arrow(),
        asignaciones=asignaciones,
        contactos=contactos,
    )
    assert _fila(resultado, "g1", "EC")["numerador"] == 1


def test_nit_entero_y_columnas_opcionales() -> None:
    """Un NIT entero se lee como texto; las columnas con valor por defecto pueden faltar."""
    asignaciones = pl.DataFrame({"gestor": ["g1"], "nit": [900000001]})
    logros = pl.DataFrame({"gestor": ["g1"], "fecha": [date(2012, 3, 1)], "formados": [7]})
    resultado = informe_tabular(
        periodo=Periodo(2012, 3),
        gestores=BASICO["gestores"],
        asignaciones=asignaciones,
        contactos=_contactos([date(2012, 3, 1)]),
        logros=logros,
        solicitudes=pl.DataFrame(
            {
                "id": ["s1"],
                "fecha": [date(2012, 3, 1)],
                "servicio": ["A"],
                "regional": ["Huila"],
            }
        ),
    )
    assert _fila(resultado, "g1", "EC")["valor"] == Decimal(1)
    assert _fila(resultado, "g1", "SISMEG_FORMADOS")["valor"] == 7
    assert _fila(resultado, "g1", "SISMEG_EMPLEOS")["valor"] == 0
    assert _fila(resultado, "41", "EG")["valor"] == Decimal(0)


def test_columnas_categoricas_y_todas_nulas() -> None:
    """Un texto categórico se lee como texto; una columna opcional toda nula (tipo `Null` de
    polars) es una columna de nulos."""
    servicios = pl.DataFrame(
        {
            "nit": pl.Series(["900000001"], dtype=pl.Categorical),
            "fecha": [date(2012, 3, 1)],
            "servicio": ["A"],
            "gestor": [None],
        }
    )
    assert servicios.schema["gestor"] == pl.Null
    resultado = informe_tabular(
        periodo=Periodo(2012, 3),
        contactos=_contactos([date(2012, 3, 1)]),
        servicios=servicios,
        **BASICO,
    )
    assert _fila(resultado, "g1", "EP")["valor"] == Decimal(1)


def test_columnas_de_salida_son_las_de_informe_filas() -> None:
    resultado = informe_tabular(periodo=Periodo(2012, 3), **BASICO)
    assert tuple(resultado.filas.columns) == COLUMNAS_FILAS
    assert tuple(
        informe(DatosSeguimiento(gestores=[], asignaciones=[]), Periodo(2012, 3)).filas()[0]
    ) == (COLUMNAS_FILAS)


def test_entrada_perezosa_da_salida_perezosa() -> None:
    perezosas = {k: v.lazy() for k, v in BASICO.items()}
    resultado = informe_tabular(periodo=Periodo(2012, 3), **perezosas)
    assert isinstance(resultado.filas, pl.LazyFrame)
    assert len(resultado.filas.collect()) == 9 * (1 + 2 + 33 + 1)


@pytest.mark.parametrize(
    ("tabla", "marco", "campo"),
    [
        ("contactos", _contactos([date(2012, 3, 1)]).drop("medio"), "contactos.medio"),
        ("contactos", _contactos(["2012-03-01"]), "contactos.fecha"),
        ("contactos", _contactos([date(2012, 3, 1)], nit=[1.5]), "contactos.nit"),
        (
            "ambientes",
            pl.DataFrame({"gestor": ["g1"], "fecha": [date(2012, 3, 1)], "valor": [1.5]}),
            "ambientes.valor",
        ),
        (
            "cuotas",
            pl.DataFrame({"nit": ["1"], "cuota_regulada": [1], "monetiza": [1]}),
            "cuotas.monetiza",
        ),
        (
            "eventos",
            pl.DataFrame(
                {
                    "regional": ["41"],
                    "fecha": [date(2012, 3, 1)],
                    "asistentes": ["x"],
                    "razon": ["r"],
                }
            ),
            "eventos.asistentes",
        ),
    ],
)
def test_columna_que_falta_o_de_tipo_equivocado(tabla: str, marco: Any, campo: str) -> None:
    with pytest.raises(DatoInvalido) as error:
        informe_tabular(periodo=Periodo(2012, 3), **{tabla: marco}, **BASICO)
    assert error.value.campo == campo


def test_errores_de_entrada() -> None:
    with pytest.raises(DatoInvalido, match="falta la tabla"):
        informe_tabular(periodo=Periodo(2012, 3), gestores=BASICO["gestores"], asignaciones=None)
    with pytest.raises(DatoInvalido, match="marco de datos"):
        informe_tabular(periodo=Periodo(2012, 3), gestores=[1], asignaciones=[2])
    with pytest.raises(DatoInvalido, match="mismo tipo"):
        informe_tabular(
            periodo=Periodo(2012, 3),
            gestores=BASICO["gestores"],
            asignaciones=BASICO["asignaciones"].lazy(),
        )
    with pytest.raises(DatoInvalido, match="Periodo"):
        informe_tabular(periodo="2012-03", **BASICO)  # type: ignore[arg-type]
    with pytest.raises(DatoInvalido, match="Parametros"):
        informe_tabular(periodo=Periodo(2012, 3), parametros=None, **BASICO)  # type: ignore[arg-type]
    with pytest.raises(DatoInvalido, match="corta el día 20"):
        informe_tabular(periodo=Periodo(2012, 3, dia_corte=20), **BASICO)
    with pytest.raises(DatoInvalido, match="es de 2013"):
        informe_tabular(periodo=Periodo(2013, 3), **BASICO)
    gestores = pl.DataFrame({"id": ["g1"], "rol": ["JEFE"], "regional": ["Huila"]})
    with pytest.raises(DatoInvalido, match="gestores, fila 0"):
        informe_tabular(
            periodo=Periodo(2012, 3), gestores=gestores, asignaciones=BASICO["asignaciones"]
        )
    eventos = pl.DataFrame(
        {"regional": ["Narnia"], "fecha": [date(2012, 3, 1)], "asistentes": [1], "razon": ["r"]}
    )
    with pytest.raises(RegionalDesconocida, match="eventos"):
        informe_tabular(periodo=Periodo(2012, 3), eventos=eventos, **BASICO)


def _solicitudes(**columnas: Any) -> Any:
    datos: dict[str, Any] = {
        "id": ["s1"],
        "fecha": [date(2012, 3, 10)],
        "servicio": ["A"],
        "regional": ["Huila"],
        "gestor": ["g1"],
        "fecha_gestion": [date(2012, 3, 11)],
    }
    datos.update(columnas)
    return pl.DataFrame(datos)


def _contratos(**columnas: Any) -> Any:
    datos: dict[str, Any] = {
        "nit": ["900000001", "900000001"],
        "regional": ["Huila", "41"],
        "fecha": [date(2012, 3, 1), date(2012, 3, 2)],
        "obligada": [True, True],
        "cuota_regulada": [1, 1],
    }
    datos.update(columnas)
    return pl.DataFrame(datos)


def _cuotas(**columnas: Any) -> Any:
    datos: dict[str, Any] = {
        "nit": ["900000001", "900000002"],
        "cuota_regulada": [1, 2],
        "monetiza": [True, False],
        "gestor": ["g1", None],
    }
    datos.update(columnas)
    return pl.DataFrame(datos)


def test_registros_inconsistentes() -> None:
    """Las contradicciones que revisa `DatosSeguimiento` (R14, R17, R19, R20, R21)."""
    p = Periodo(2012, 3)
    dobles = pl.DataFrame({"gestor": ["g1", "g2"], "nit": ["900000001", "900000001"]})
    with pytest.raises(RegistroInconsistente, match="dos gestores"):
        informe_tabular(periodo=p, gestores=BASICO["gestores"], asignaciones=dobles)
    with pytest.raises(RegistroInconsistente, match="solicitudes"):
        informe_tabular(periodo=p, solicitudes=_solicitudes(regional=["05"]), **BASICO)
    with pytest.raises(DatoInvalido, match="anterior a la de recepción"):
        informe_tabular(
            periodo=p, solicitudes=_solicitudes(fecha_gestion=[date(2012, 3, 1)]), **BASICO
        )
    eventos = pl.DataFrame(
        {
            "regional": ["05"],
            "fecha": [date(2012, 3, 1)],
            "asistentes": [1],
            "razon": ["r"],
            "gestor": ["g1"],
        }
    )
    with pytest.raises(RegistroInconsistente, match="eventos"):
        informe_tabular(periodo=p, eventos=eventos, **BASICO)
    with pytest.raises(RegistroInconsistente, match="no coinciden"):
        informe_tabular(periodo=p, contratos=_contratos(cuota_regulada=[1, 2]), **BASICO)
    with pytest.raises(RegistroInconsistente, match="asignada al gestor"):
        informe_tabular(periodo=p, contratos=_contratos(regional=["05", "05"]), **BASICO)
    with pytest.raises(RegistroInconsistente, match="dos registros"):
        informe_tabular(periodo=p, cuotas=_cuotas(nit=["900000001"] * 2), **BASICO)
    with pytest.raises(DatoInvalido, match="sin cuota"):
        informe_tabular(periodo=p, cuotas=_cuotas(cuota_regulada=[0, 2]), **BASICO)
    with pytest.raises(RegistroInconsistente, match="distinto del asignado"):
        informe_tabular(periodo=p, cuotas=_cuotas(gestor=["g2", None]), **BASICO)
    bien = informe_tabular(periodo=p, contratos=_contratos(), cuotas=_cuotas(), **BASICO)
    assert _fila(bien, "g1", "CV")["valor"] == 1
    assert _fila(bien, "g1", "EM")["valor"] == Decimal("0.5")


def test_servicios_sin_contactos() -> None:
    """EP sin contactos: ninguna empresa contactada, todos los servicios excluidos."""
    servicios = pl.DataFrame({"nit": ["900000001"], "fecha": [date(2012, 3, 1)], "servicio": ["A"]})
    resultado = informe_tabular(periodo=Periodo(2012, 3), servicios=servicios, **BASICO)
    assert _fila(resultado, "g1", "EP")["estado"] == "SIN_DATOS"
    assert resultado.excluidos["servicios"] == {
        "empresa no contactada por su gestor en el trimestre": 1
    }


def test_a_filas_de_pandas_con_nulos() -> None:
    marco = pd.DataFrame(
        {
            "ambito": ["gestor"],
            "clave": ["g1"],
            "indicador": ["EC"],
            "inicio": [pd.Timestamp(2012, 1, 1)],
            "fin": [pd.Timestamp(2012, 3, 25)],
            "valor": [None],
            "meta": ["0.90"],
            "numerador": [0.0],
            "denominador": [float("nan")],
            "estado": ["SIN_DATOS"],
            "semaforo": [None],
        }
    )
    (fila,) = a_filas(marco)
    assert fila["inicio"] == date(2012, 1, 1)
    assert (fila["valor"], fila["meta"], fila["numerador"], fila["denominador"]) == (
        None,
        Decimal("0.90"),
        0,
        None,
    )


# -- la clave del periodo ---------------------------------------------------------------------


@pytest.mark.parametrize("dia_corte", [1, 15, 25, 28])
def test_periodo_de_como_periodo(dia_corte: int) -> None:
    """R8, R10: la expresión da el mismo periodo que `Periodo.de` para cada día, incluidos del
    26 al 31 de diciembre y el 29 de febrero."""
    dias = [date(2011, 12, 1) + timedelta(d) for d in range(430)]
    assert date(2012, 2, 29) in dias
    marco = pl.DataFrame({"fecha": [*dias, None]})
    claves = nw.from_native(marco).select(p=periodo_de("fecha", dia_corte))["p"].to_list()
    esperadas = []
    for d in dias:
        p = Periodo.de(d, dia_corte=dia_corte)
        esperadas.append(p.anio * 100 + p.mes)
    assert claves == [*esperadas, None]
    if dia_corte == 25:
        assert claves[dias.index(date(2011, 12, 26))] == 201201
        assert claves[dias.index(date(2012, 12, 31))] == 201301
        assert claves[dias.index(date(2012, 2, 29))] == 201203


def test_periodo_de_en_pandas_y_duckdb() -> None:
    fechas = [datetime(2012, 12, 26), datetime(2012, 2, 29, 23, 59)]
    marco = pd.DataFrame({"fecha": fechas})
    claves = nw.from_native(marco).select(p=periodo_de(nw.col("fecha")))["p"].to_list()
    assert claves == [201301, 201203]
    relacion = CONEXION.sql("select DATE '2012-12-25' as fecha")
    fila = nw.from_native(relacion).select(p=periodo_de("fecha")).collect()["p"].to_list()
    assert fila == [201212]


@pytest.mark.parametrize("dia_corte", [0, 29, 31, True])
def test_periodo_de_dia_de_corte_invalido(dia_corte: int) -> None:
    """R10: una sola revisión del día de corte (`validar_dia_corte`): el mismo error que
    `Periodo` y `Parametros`."""
    with pytest.raises(DatoInvalido, match="el día de corte va de 1 a 28") as de_tablas:
        periodo_de("fecha", dia_corte)
    with pytest.raises(DatoInvalido) as de_periodo:
        Periodo(2012, 3, dia_corte=dia_corte)
    with pytest.raises(DatoInvalido) as de_parametros:
        attrs.evolve(PARAMETROS_2012, dia_corte=dia_corte)
    assert str(de_tablas.value) == str(de_periodo.value) == str(de_parametros.value)


def test_sin_narwhals_es_dependencia_faltante() -> None:
    """Sin narwhals, importar `tablas` es una `DependenciaFaltante` que nombra el extra."""
    codigo = (
        "import sys; sys.modules['narwhals'] = None\n"
        "from sena_relacionamiento.errores import DependenciaFaltante\n"
        "try:\n"
        "    import sena_relacionamiento.tablas\n"
        "except DependenciaFaltante as e:\n"
        "    print(e.paquete, e.extra)\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    assert salida.stdout.strip() == "narwhals tablas"


def test_importar_la_raiz_no_importa_narwhals() -> None:
    codigo = (
        "import sys, sena_relacionamiento\n"
        "print(sorted(m for m in ('narwhals', 'polars', 'pandas') if m in sys.modules))\n"
    )
    salida = subprocess.run(
        [sys.executable, "-c", codigo], capture_output=True, text=True, check=True
    )
    assert salida.stdout.strip() == "[]"


def test_r31_bandas_por_indicador_mismas_cifras_que_informe() -> None:
    """Las bandas propias de un indicador (R31) llegan igual a la vía por columnas."""
    import attrs

    from sena_relacionamiento import PARAMETROS_2012
    from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

    estricto = attrs.evolve(
        PARAMETROS_2012,
        umbrales_por_indicador={"EC": (Decimal(1), Decimal("0.95")), "CV": (1, 0)},
    )
    datos = datos_de_ejemplo()
    for mes in (2, 3):
        periodo = Periodo(2012, mes)
        esperado = informe(datos, periodo, parametros=estricto).filas()
        obtenido = informe_tabular(periodo=periodo, parametros=estricto, **marcos_polars(datos))
        assert a_filas(obtenido.filas) == esperado
        assert esperado != informe(datos, periodo).filas()


# -- los errores nombran los registros, como los del núcleo -----------------------------------

G1 = Gestor(id="g1", rol="Empresarial", regional="Huila")
G2 = Gestor(id="g2", rol="Empresarial", regional="Antioquia")
NIT1, NIT2 = "900000001", "900000002"
MARZO = date(2012, 3, 1)


def _sin_revisar(**tablas: Any) -> Any:
    """Los registros de cada tabla sin pasar por `DatosSeguimiento` (que no deja armarlos si
    se contradicen), con las tablas que faltan vacías."""
    nombres = [c.name for c in attrs.fields(DatosSeguimiento) if c.init]
    return types.SimpleNamespace(**{n: tuple(tablas.get(n, ())) for n in nombres})


def _solicitud(**campos: Any) -> Solicitud:
    return Solicitud(**{"id": "s1", "fecha": MARZO, "servicio": "A", "regional": "41", **campos})


def _contrato(**campos: Any) -> ContratoAprendizaje:
    valores = {"nit": NIT1, "regional": "41", "fecha": MARZO, "obligada": True, **campos}
    return ContratoAprendizaje(**{"cuota_regulada": 1, **valores})


INCONSISTENTES: dict[str, Any] = {
    "dos gestores de una empresa (R14)": _sin_revisar(
        asignaciones=[Asignacion(gestor="g1", nit=NIT1), Asignacion(gestor="g2", nit=NIT1)]
    ),
    "dos solicitudes con un id": _sin_revisar(solicitudes=[_solicitud(), _solicitud(servicio="B")]),
    "solicitud de otra regional que su gestor (R17)": _sin_revisar(
        solicitudes=[_solicitud(regional="05", gestor="g1")]
    ),
    "evento de otra regional que su gestor (R21)": _sin_revisar(
        eventos=[Evento(regional="05", fecha=MARZO, asistentes=3, razon="r", gestor="g1")]
    ),
    "contratos que no coinciden (R19)": _sin_revisar(
        contratos=[_contrato(), _contrato(cuota_regulada=2)]
    ),
    "contratos de otra regional que el gestor (R19)": _sin_revisar(
        asignaciones=[Asignacion(gestor="g1", nit=NIT1)],
        contratos=[_contrato(regional="05")],
    ),
    "dos registros de cuota (R20)": _sin_revisar(
        cuotas=[
            EmpresaCuota(nit=NIT1, cuota_regulada=1, monetiza=True),
            EmpresaCuota(nit=NIT1, cuota_regulada=2, monetiza=False),
        ]
    ),
    "cuota con otro gestor (R20)": _sin_revisar(
        asignaciones=[Asignacion(gestor="g1", nit=NIT1)],
        cuotas=[EmpresaCuota(nit=NIT1, cuota_regulada=1, monetiza=True, gestor="g2")],
    ),
}


@pytest.mark.parametrize("motor", ["polars", "pandas", "pyarrow", "duckdb"])
@pytest.mark.parametrize("caso", list(INCONSISTENTES))
def test_registro_inconsistente_nombra_los_registros_del_nucleo(motor: str, caso: str) -> None:
    """Un `RegistroInconsistente` de `tablas` lleva en `registros` los mismos registros
    (`Asignacion`, `Solicitud`, `Gestor`…) que el de `DatosSeguimiento`, no diccionarios."""
    registros = INCONSISTENTES[caso]
    registros.gestores = (G1, G2)
    with pytest.raises(RegistroInconsistente) as del_nucleo:
        DatosSeguimiento(**vars(registros))
    with pytest.raises(RegistroInconsistente) as de_tablas:
        tabular(registros, Periodo(2012, 3), motor)
    assert set(de_tablas.value.registros) == set(del_nucleo.value.registros)
    assert all(attrs.has(type(r)) for r in de_tablas.value.registros)


@pytest.mark.parametrize("motor", ["polars", "pandas", "pyarrow", "duckdb"])
@pytest.mark.parametrize(
    ("tabla", "fila", "registro"),
    [
        (
            "solicitudes",
            {"id": ["s1"], "fecha": [date(2012, 3, 2)], "servicio": ["A"], "regional": ["41"]}
            | {"fecha_gestion": [date(2012, 3, 1)]},
            Solicitud,
        ),
        (
            "cuotas",
            {"nit": [NIT1], "cuota_regulada": [0], "monetiza": [True]},
            EmpresaCuota,
        ),
    ],
)
def test_fila_que_no_es_registro_da_el_error_del_registro(
    motor: str, tabla: str, fila: dict[str, list[Any]], registro: Any
) -> None:
    """Una fila que no puede ser un registro (R17: gestionada antes de recibirse; R20: monetiza
    sin cuota) da el `DatoInvalido` del registro, con la tabla como origen."""
    with pytest.raises(DatoInvalido) as del_nucleo:
        registro(**{k: v[0] for k, v in fila.items()})
    marcos = {k: CONVERSORES[motor](v) for k, v in BASICO.items()}
    with pytest.raises(DatoInvalido) as de_tablas:
        informe_tabular(
            periodo=Periodo(2012, 3), **marcos, **{tabla: CONVERSORES[motor](pl.DataFrame(fila))}
        )
    assert str(de_tablas.value) == str(del_nucleo.value.con_origen(tabla))


def test_gestion_el_mismo_dia_con_hora_anterior_no_es_error() -> None:
    """R17: la fecha de gestión se compara por días, como en `Solicitud`: gestionada a las 9
    y recibida a las 10 del mismo día no es anterior."""
    solicitudes = pl.DataFrame(
        {
            "id": ["s1"],
            "fecha": [datetime(2012, 3, 2, 10)],
            "servicio": ["A"],
            "regional": ["41"],
            "fecha_gestion": [datetime(2012, 3, 2, 9)],
        }
    )
    resultado = informe_tabular(periodo=Periodo(2012, 3), solicitudes=solicitudes, **BASICO)
    assert _fila(resultado, "41", "EG")["numerador"] == 1


@pytest.mark.parametrize("motor", ["polars", "pandas", "pyarrow", "duckdb"])
def test_sin_gestores_da_las_filas_de_informe(motor: str) -> None:
    """Sin ningún gestor (tablas vacías con sus tipos), las filas son las de `informe()`: en
    pyarrow, «gestor conocido» era un `is_in` contra una lista vacía de tipo nulo, que Arrow
    no compara con texto (`ErrorMotor`)."""
    datos = DatosSeguimiento(
        gestores=[],
        asignaciones=[],
        eventos=[Evento(regional="41", fecha=date(2012, 3, 1), asistentes=3, razon="Feria")],
    )
    comparar(datos, Periodo(2012, 3), motor)


# -- el detalle en cada motor -----------------------------------------------------------------


def _desgloses(calculos: dict[Any, Any]) -> dict[Any, Any]:
    """Lo que cada `Parcial` lleva (cifras y desgloses del detalle), sin ceros ni orden de las
    listas: lo que de él leen los resultados."""

    def parcial(p: Any) -> tuple[Any, ...]:
        return (
            p.numerador,
            p.denominador,
            {k: v for k, v in (p._cuentas or {}).items() if v},
            dict(p._pesos or {}),
            {k: v for k, v in (p._frecuencias or {}).items() if v},
            {k: sorted(v) for k, v in (p._listas or {}).items()},
        )

    return {
        indicador: (
            {g: parcial(p) for g, p in c.por_gestor.items()},
            {r: parcial(p) for r, p in c.sin_gestor.items()},
        )
        for indicador, c in calculos.items()
    }


@pytest.mark.parametrize("motor", ["pandas", "duckdb"])
@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datos=datos_seguimiento(), mes=st.integers(1, 12), variante=VARIANTES)
def test_detalle_igual_en_cada_motor(
    motor: str, datos: DatosSeguimiento, mes: int, variante: Variante
) -> None:
    """El detalle de los resultados (`Motor.detalle`: contactos por tipo y medio, empresas con
    menos de 3 contactos, solicitudes por servicio, empresas con dos servicios…) es el mismo
    en pandas y DuckDB que en polars, donde la línea de comandos lo compara con la vía pura
    (tests/test_cli_motor.py)."""
    from sena_relacionamiento.tablas._tabular import _calculos

    def calculos(nombre: str) -> dict[Any, Any]:
        marcos = {k: CONVERSORES[nombre](v) for k, v in _marcos(datos, variante).items()}
        _, _, _, por_indicador, _ = _calculos(
            periodo=Periodo(2012, mes), parametros=PARAMETROS_2012, tablas=marcos, detalle=True
        )
        return _desgloses(por_indicador)

    assert calculos(motor) == calculos("polars")
