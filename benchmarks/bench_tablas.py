"""Benchmark de `sena_relacionamiento.tablas` (issue 8): polars vía narwhals contra polars nativo
y contra `informe()` sobre registros.

Genera el año nacional sintético (`sintetico.py`) y lo convierte una vez en tablas polars (fuera
de la medición). Mide, para un periodo: `informe_tabular` sobre polars (ansioso y perezoso); lo
mismo escrito a mano en polars nativo de dos maneras: completo (las cifras y los conteos de
exclusión por tabla y motivo, R23, que `informe_tabular` también da) y solo las cifras; e
`informe()` incluido el tiempo de construir los registros desde las tablas. Y un nativo
afinado (issue 18): gestor y NIT como enteros en contactos y servicios, los contactos cruzados
una sola vez con la cartera por NIT, las mismas filas y excluidos (meta: `tablas` ≤ 1,1× él).
Comprueba que todos dan las mismas cifras (y los nativos completos las mismas filas y los
mismos excluidos que `informe_tabular`) e imprime tiempos y razones. No es una prueba: imprime
cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_tablas.py              # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_tablas.py --escala 0.05
"""

from __future__ import annotations

import argparse
import gc
import statistics
import sys
import time
from collections.abc import Callable, Mapping
from fractions import Fraction
from pathlib import Path
from typing import Any

import attrs
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar, medir, medir_alternando

from sena_relacionamiento import (
    PARAMETROS_2012,
    REGIONALES,
    Ambiente,
    Asignacion,
    Contacto,
    ContratoAprendizaje,
    DatosSeguimiento,
    EmpresaCuota,
    Evento,
    Gestor,
    LogroSismeg,
    Periodo,
    Rol,
    ServicioUsado,
    Solicitud,
    informe,
)
from sena_relacionamiento.datos import Motivo
from sena_relacionamiento.tablas import MOTIVO_NULO, a_filas, informe_tabular

Cifras = dict[tuple[str, str], tuple[int, int | None]]

CLASES: dict[str, type[Any]] = {
    "gestores": Gestor,
    "asignaciones": Asignacion,
    "contactos": Contacto,
    "servicios": ServicioUsado,
    "solicitudes": Solicitud,
    "ambientes": Ambiente,
    "contratos": ContratoAprendizaje,
    "cuotas": EmpresaCuota,
    "eventos": Evento,
    "logros": LogroSismeg,
}


def _plano(valor: Any) -> Any:
    if hasattr(valor, "codigo"):
        return valor.codigo
    if hasattr(valor, "etiqueta"):
        return valor.name
    return valor


def a_polars(datos: DatosSeguimiento) -> dict[str, pl.DataFrame]:
    """Una tabla polars por tipo de registro (columnas de API.md)."""
    marcos = {}
    for tabla, clase in CLASES.items():
        campos = [a.name for a in attrs.fields(clase)]
        registros = getattr(datos, tabla)
        columnas = {c: [_plano(getattr(r, c)) for r in registros] for c in campos}
        marcos[tabla] = pl.DataFrame(columnas, infer_schema_length=None)
        for c in campos:  # columnas todas nulas (gestor de servicios y cuotas, nit)
            if marcos[tabla].schema[c] == pl.Null:
                marcos[tabla] = marcos[tabla].with_columns(pl.col(c).cast(pl.String))
    return marcos


def a_registros(marcos: dict[str, pl.DataFrame]) -> DatosSeguimiento:
    """Los registros del núcleo construidos desde las tablas (lo que haría un usuario)."""
    colecciones = {
        tabla: [clase(**fila) for fila in marcos[tabla].iter_rows(named=True)]
        for tabla, clase in CLASES.items()
    }
    return DatosSeguimiento(**colecciones)


def nativo(m: dict[str, pl.DataFrame], periodo: Periodo) -> Cifras:
    """Las cifras (numerador, denominador) por gestor y de la nación, en polars nativo (solo las
    cifras: sin los conteos de exclusión por motivo que `informe_tabular` también da)."""
    consultas = consultas_cifras(m, periodo)
    return cifras_de(m, pl.collect_all(consultas))


def _codigo(condiciones: list[pl.Expr]) -> pl.Expr:
    """El número (desde 1) de la primera condición verdadera, o 0 si la fila cuenta."""
    codigo = pl.lit(0)
    for posicion in reversed(range(len(condiciones))):
        codigo = pl.when(condiciones[posicion]).then(posicion + 1).otherwise(codigo)
    return codigo.alias("_m")


OBLIGATORIAS: dict[str, list[str]] = {
    "asignaciones": ["gestor", "nit"],
    "contactos": ["gestor", "nit", "fecha", "tipo", "medio"],
    "servicios": ["nit", "fecha", "servicio"],
    "solicitudes": ["id", "fecha", "servicio", "regional"],
    "ambientes": ["gestor", "fecha", "valor", "cantidad"],
    "contratos": ["nit", "regional", "fecha", "obligada", "cuota_regulada"],
    "cuotas": ["nit", "cuota_regulada", "monetiza"],
    "eventos": ["regional", "fecha", "asistentes", "razon"],
    "logros": ["gestor", "fecha", "formados", "empleos"],
}


Excluidos = dict[str, dict[str, int]]


def nativo_completo(m: dict[str, pl.DataFrame], periodo: Periodo) -> tuple[Cifras, Excluidos]:
    """Las cifras de `nativo` y además las filas excluidas de cada tabla por motivo (R23)."""
    por_tabla, excluidos = _completo(m, periodo)
    return cifras_de(m, por_tabla), excluidos


def _completo(
    m: dict[str, pl.DataFrame], periodo: Periodo, *, entero: bool = False
) -> tuple[list[pl.DataFrame], Excluidos]:
    """Las cifras por gestor (o regional, sin gestor) de cada tabla y las filas excluidas de
    cada tabla por motivo (R23), en polars nativo. Cada tabla se clasifica una vez (columna
    ``_m``: 0 si la fila cuenta, si no el número de su motivo) y se agrupa por gestor y motivo
    en la misma consulta que da sus cifras; todo en un solo `pl.collect_all`.

    Con `entero` (el nativo afinado, issue 18): en contactos y servicios, el gestor y el NIT
    como enteros (el gestor por un cruce con la tabla de gestores, el NIT convertido) y los
    contactos cruzados una sola vez con la cartera, por NIT (una empresa tiene a lo sumo un
    gestor, R14); las cifras se cruzan de vuelta con el id del gestor ya agregadas."""
    ini_m, ini_q, ini_y = periodo.inicio, periodo.trimestre.inicio, periodo.vigencia.inicio
    fin = periodo.fin
    conocido = pl.col("gestor").is_in(m["gestores"]["id"].implode())
    con_gestor = pl.col("gestor").is_not_null()
    fecha = [pl.col("fecha") > fin, pl.col("fecha") < ini_y]
    de_fecha = [Motivo.POSTERIOR_AL_CORTE, Motivo.FUERA_DE_VIGENCIA]
    cuenta = pl.col("_m") == 0

    def nula(tabla: str) -> pl.Expr:
        return pl.any_horizontal(pl.col(c).is_null() for c in OBLIGATORIAS[tabla])

    def clasificar(tabla: str, condiciones: list[pl.Expr]) -> pl.LazyFrame:
        return m[tabla].lazy().with_columns(_codigo([nula(tabla), *condiciones]))

    asignaciones = m["asignaciones"].lazy()
    pares = asignaciones.filter(~nula("asignaciones")).select("nit", "gestor").unique()
    cartera = pares.filter(conocido)
    contactos = clasificar("contactos", [~conocido, *fecha])
    contactadas = cartera.join(
        contactos.filter(cuenta & (pl.col("fecha") >= ini_q)).select("gestor", "nit"),
        on=["gestor", "nit"],
        how="semi",
    )
    servicios = (
        m["servicios"]
        .lazy()
        .select("nit", "fecha", "servicio", _nula=nula("servicios"))
        .with_columns(_codigo([pl.col("_nula"), *fecha, pl.col("fecha") < ini_q]))
    )
    # Solo las filas del trimestre se cruzan con la cartera y las empresas contactadas.
    cruzadas = (
        servicios.filter(cuenta)
        .join(cartera, on="nit", how="left")
        .join(contactadas.with_columns(_c=pl.lit(1)), on=["gestor", "nit"], how="left")
        .with_columns(
            pl.when(pl.col("gestor").is_null())
            .then(5)
            .when(pl.col("_c").is_null())
            .then(6)
            .otherwise(0)
            .alias("_m")
        )
    )
    contratos = clasificar("contratos", fecha)
    cuotas = (
        m["cuotas"]
        .lazy()
        .drop("gestor")
        .join(cartera, on="nit", how="left")
        .with_columns(
            _codigo([nula("cuotas"), pl.col("gestor").is_null(), pl.col("cuota_regulada") == 0])
        )
    )
    motivos: dict[str, list[str]] = {
        "contactos": [MOTIVO_NULO, Motivo.GESTOR_DESCONOCIDO, *de_fecha],
        "servicios": [
            MOTIVO_NULO,
            *de_fecha,
            Motivo.FUERA_DEL_TRIMESTRE_EP,
            Motivo.EMPRESA_NO_ASIGNADA,
            Motivo.EMPRESA_NO_CONTACTADA,
        ],
        "solicitudes": [MOTIVO_NULO, Motivo.GESTOR_DESCONOCIDO, *de_fecha, Motivo.FUERA_DEL_MES],
        "ambientes": [MOTIVO_NULO, Motivo.GESTOR_DESCONOCIDO, *de_fecha],
        "contratos": [MOTIVO_NULO, *de_fecha],
        "cuotas": [MOTIVO_NULO, Motivo.EMPRESA_NO_ASIGNADA, Motivo.SIN_CUOTA],
        "eventos": [MOTIVO_NULO, Motivo.GESTOR_DESCONOCIDO, *de_fecha],
        "logros": [MOTIVO_NULO, Motivo.GESTOR_DESCONOCIDO, *de_fecha],
    }
    if entero:
        contactos, cruzadas, servicios, otras_entero = _afinado(m, periodo, pares, nula)
    # Una consulta por tabla con los conteos por motivo (columna "n") y, en las filas que
    # cuentan (_m = 0), las sumas de sus cifras.
    mes = pl.col("fecha") >= ini_m
    consultas = {
        "contactos": contactos.group_by("_m").agg(n=pl.len()),
        "servicios": pl.concat(
            [
                servicios.filter(~cuenta).group_by("_m").agg(n=pl.len()),
                cruzadas.group_by("_m").agg(n=pl.len()),
            ]
        ),
        "solicitudes": clasificar(
            "solicitudes", [con_gestor & ~conocido, *fecha, pl.col("fecha") < ini_m]
        )
        .group_by("gestor", "regional", "_m")
        .agg(n=pl.len(), EG=(pl.col("fecha_gestion") <= fin).sum()),
        "ambientes": clasificar("ambientes", [~conocido, *fecha])
        .group_by("gestor", "_m")
        .agg(n=pl.len(), AF=pl.col("cantidad").filter(mes).sum()),
        "contratos": contratos.group_by("_m").agg(n=pl.len()),
        "cuotas": cuotas.group_by("gestor", "_m").agg(n=pl.len(), EM=pl.col("monetiza").sum()),
        "eventos": clasificar("eventos", [con_gestor & ~conocido, *fecha])
        .group_by("gestor", "regional", "_m")
        .agg(n=pl.len(), PE=mes.sum()),
        "logros": clasificar("logros", [~conocido, *fecha])
        .group_by("gestor", "_m")
        .agg(
            n=pl.len(),
            SISMEG_FORMADOS=pl.col("formados").sum(),
            SISMEG_EMPLEOS=pl.col("empleos").sum(),
        ),
    }
    otras = [
        asignaciones.select(pl.len().alias("total"), nula("asignaciones").sum().alias("nulas")),
        pares.select(pl.len().alias("pares"), conocido.sum().alias("buenos")),
        contactos.filter(cuenta & (pl.col("fecha") < ini_q))
        .select("gestor", "nit")
        .join(cartera, on=["gestor", "nit"], how="anti")
        .select(pl.len()),
        contactadas.group_by("gestor").agg(pl.len().alias("EC")),
        cartera.group_by("gestor").agg(pl.len().alias("EC_d")),
        cruzadas.filter(cuenta)
        .group_by("gestor")
        .agg(pl.struct("nit", "servicio").n_unique().alias("EP")),
        _voluntarios(contratos.filter(cuenta), cartera),
    ]
    if entero:
        otras[2:6] = otras_entero
    resultados = pl.collect_all([*consultas.values(), *otras])
    grupos = dict(zip(consultas, resultados, strict=False))
    asignadas, distintas, fuera, ec, ec_d, ep, cv = resultados[len(consultas) :]
    total, nulas = asignadas.row(0)
    n_pares, buenos = distintas.row(0)
    excluidos: dict[str, dict[str, int]] = {
        "gestores": {},
        "asignaciones": {
            MOTIVO_NULO: nulas,
            Motivo.ASIGNACION_REPETIDA: total - nulas - n_pares,
            Motivo.GESTOR_DESCONOCIDO: n_pares - buenos,
        },
    }
    for tabla, lista in motivos.items():
        excluidos[tabla] = {}
        por_motivo = grupos[tabla].group_by("_m").agg(pl.col("n").sum())
        for codigo, n in por_motivo.iter_rows():
            if codigo:
                motivo = lista[codigo - 1]
                excluidos[tabla][motivo] = excluidos[tabla].get(motivo, 0) + n
    excluidos["contactos"][Motivo.FUERA_DEL_TRIMESTRE] = fuera.item()
    contadas = int(grupos["servicios"].filter(cuenta)["n"].sum())
    excluidos["servicios"][Motivo.SERVICIO_REPETIDO] = contadas - int(ep["EP"].sum())

    def cifras(tabla: str, **columnas: pl.Expr) -> pl.DataFrame:
        claves = [c for c in ("gestor", "regional") if c in grupos[tabla].columns]
        return grupos[tabla].filter(cuenta).select(*claves, **columnas)

    n = pl.col("n")
    por_tabla = [
        ec,
        ec_d,
        ep,
        cifras("solicitudes", EG_d=n, EG=pl.col("EG")),
        cv,
        cifras("cuotas", EM=pl.col("EM"), EM_d=n),
        cifras("ambientes", AF=pl.col("AF")),
        cifras("eventos", PE=pl.col("PE")),
        cifras(
            "logros",
            SISMEG_FORMADOS=pl.col("SISMEG_FORMADOS"),
            SISMEG_EMPLEOS=pl.col("SISMEG_EMPLEOS"),
        ),
    ]
    excluidos = {t: {k: v for k, v in sorted(e.items()) if v} for t, e in excluidos.items()}
    return por_tabla, excluidos


def _afinado(
    m: dict[str, pl.DataFrame], periodo: Periodo, pares: pl.LazyFrame, nula: Callable[[str], Any]
) -> tuple[pl.LazyFrame, pl.LazyFrame, pl.LazyFrame, list[pl.LazyFrame]]:
    """Contactos y servicios con claves enteras: los contactos clasificados, los servicios
    cruzados y sin cruzar, y las consultas de fuera del trimestre, EC, su denominador y EP."""
    ini_q, ini_y, fin = periodo.trimestre.inicio, periodo.vigencia.inicio, periodo.fin
    fecha = [pl.col("fecha") > fin, pl.col("fecha") < ini_y]
    cuenta = pl.col("_m") == 0
    # El gestor como entero (su posición entre los ids; nulo si no es un gestor conocido).
    nombres = m["gestores"]["id"].unique(maintain_order=True)
    ids = pl.LazyFrame(
        {"gestor": nombres, "g": range(len(nombres))}, schema_overrides={"g": pl.UInt32}
    )
    g = pl.col("gestor").replace_strict(
        nombres, range(len(nombres)), default=None, return_dtype=pl.UInt32
    )
    nit = pl.col("nit").cast(pl.Int64)
    # La cartera: NIT (entero) → gestor (entero); una fila por empresa (R14).
    cartera = pares.select(nit, g_c=g).drop_nulls("g_c")
    contactos = (
        m["contactos"]
        .lazy()
        .select(nit, "fecha", g=g, _nula=nula("contactos"))
        .join(cartera, on="nit", how="left")  # el único cruce con la cartera
        .with_columns(_codigo([pl.col("_nula"), pl.col("g").is_null(), *fecha]))
        .with_columns(
            propia=(pl.col("g") == pl.col("g_c")).fill_null(value=False),
            trimestre=pl.col("fecha") >= ini_q,
        )
        .cache()  # una vez para sus tres usos
    )
    # Una empresa de la cartera tiene un solo gestor: las contactadas son NIT distintos.
    contactadas = (
        contactos.filter(cuenta & pl.col("propia") & pl.col("trimestre"))
        .select("nit", "g_c")
        .unique("nit")
    )
    servicios = (
        m["servicios"]
        .lazy()
        .select(nit, "fecha", "servicio", _nula=nula("servicios"))
        .with_columns(_codigo([pl.col("_nula"), *fecha, pl.col("fecha") < ini_q]))
    )
    cruzadas = (
        servicios.filter(cuenta)
        .join(cartera, on="nit", how="left")
        .join(contactadas.select("nit", _c=pl.lit(1)), on="nit", how="left")
        .with_columns(
            pl.when(pl.col("g_c").is_null())
            .then(5)
            .when(pl.col("_c").is_null())
            .then(6)
            .otherwise(0)
            .alias("_m")
        )
    )

    def con_id(marco: pl.LazyFrame) -> pl.LazyFrame:
        """Un resultado ya agregado por gestor entero, con el id del gestor."""
        return marco.join(ids, left_on="g_c", right_on="g").select(
            "gestor", pl.exclude("g_c", "gestor")
        )

    consultas = [
        contactos.filter(cuenta & ~pl.col("trimestre") & ~pl.col("propia")).select(pl.len()),
        con_id(contactadas.group_by("g_c").agg(pl.len().alias("EC"))),
        con_id(cartera.group_by("g_c").agg(pl.len().alias("EC_d"))),
        con_id(
            cruzadas.filter(cuenta)
            .select("g_c", "nit", "servicio")
            .unique()
            .group_by("g_c")
            .agg(pl.len().cast(pl.UInt32).alias("EP"))
        ),
    ]
    return contactos, cruzadas, servicios, consultas


INDICADORES = ("SISMEG_FORMADOS", "SISMEG_EMPLEOS", "EC", "EP", "EG", "AF", "CV", "EM", "PE")


def _criterios(periodo: Periodo) -> pl.DataFrame:
    """La meta y el horizonte de cada (ámbito, clave, indicador), escritos a mano desde la
    circular y los parámetros de 2012 (R13–R21, R24); la clave ``*`` vale para todo gestor."""
    p = PARAMETROS_2012
    mes = periodo.mes
    anio = (periodo.vigencia.inicio, mes == 12, mes, 12)
    trimestre = (periodo.trimestre.inicio, mes % 3 == 0, (mes - 1) % 3 + 1, 3)
    del_mes = (periodo.inicio, True, 1, 1)
    corte = (periodo.fin, True, 1, 1)
    # indicador → (ventana, tope, razón, meta por ámbito)
    sismeg = {"nacional": {"CO": 0}, "rol": {r.name: 0 for r in Rol}}
    especie: dict[str, tuple[tuple[Any, ...], bool, bool]] = {
        "SISMEG_FORMADOS": (anio, False, False),
        "SISMEG_EMPLEOS": (anio, False, False),
        "EC": (trimestre, False, True),
        "EP": (trimestre, False, True),
        "EG": (del_mes, False, True),
        "AF": (del_mes, False, False),
        "CV": (anio, False, False),
        "EM": (corte, True, True),
        "PE": (del_mes, False, False),
    }
    claves = {
        "nacional": ["CO"],
        "rol": [r.name for r in Rol],
        "regional": [r.codigo for r in REGIONALES],
        "gestor": ["*"],
    }

    def meta(indicador: str, ambito: str, clave: Any) -> Any:
        if indicador.startswith("SISMEG") and ambito in sismeg:
            formados = indicador == "SISMEG_FORMADOS"
            if ambito == "nacional":
                return p.sismeg_formados if formados else p.sismeg_empleos
            return p.meta_sismeg(Rol[clave])[0 if formados else 1]
        if indicador == "CV":
            if ambito == "regional":
                return p.metas_cv[clave]
            return sum(p.metas_cv.values()) if ambito == "nacional" else None
        return {"EC": p.meta_ec, "EP": p.meta_ep, "EG": p.meta_eg, "EM": p.tope_em}.get(indicador)

    filas = []
    for ambito, lista in claves.items():
        for clave in lista:
            for indicador, ((inicio, cerrado, av_n, av_d), tope, razon) in especie.items():
                m = meta(indicador, ambito, clave)
                mn, md = (None, None) if m is None else m.as_integer_ratio()
                filas.append(
                    (ambito, clave, indicador, inicio, cerrado, av_n, av_d, tope, razon, mn, md)
                )
    nombres = ["ambito", "clave", "indicador", "inicio", "cerrado", "av_n", "av_d", "tope"]
    return pl.DataFrame(
        filas,
        schema=[*nombres, "razon", "meta_n", "meta_d"],
        orient="row",
        infer_schema_length=None,
    )


def nativo_filas(
    m: dict[str, pl.DataFrame], periodo: Periodo, *, entero: bool = False
) -> tuple[pl.DataFrame, Excluidos]:
    """Las mismas filas que `informe_tabular`, escritas a mano en polars nativo: las cifras y
    excluidos de `_completo` (con claves enteras si `entero`), consolidadas por gestor, rol,
    regional y nación (R22) y evaluadas contra su meta con aritmética entera: valor, estado y
    semáforo (R24–R25)."""
    por_tabla, excluidos = _completo(m, periodo, entero=entero)
    p = PARAMETROS_2012
    partes = [*por_tabla, por_tabla[0].rename({"EC": "EP_d"})]  # R16: el denominador de EP
    largo = pl.concat(
        [
            f.lazy()
            .with_columns(
                pl.lit(None, pl.String).alias("regional") if "regional" not in f.columns else []
            )
            .unpivot(index=["gestor", "regional"], variable_name="col", value_name="v")
            .with_columns(pl.col("v").cast(pl.Int64))
            for f in partes
        ]
    )
    gestores = m["gestores"].lazy().select(gestor="id", rol="rol", g_regional="regional")
    cifras = (
        largo.join(gestores, on="gestor", how="left")
        .with_columns(
            regional=pl.coalesce("g_regional", "regional"),
            indicador=pl.col("col").str.strip_suffix("_d"),
            den=pl.col("col").str.ends_with("_d"),
        )
        .group_by("gestor", "rol", "regional", "indicador")
        .agg(
            num=pl.col("v").filter(~pl.col("den")).sum(),
            den=pl.col("v").filter(pl.col("den")).sum(),
        )
    )
    sumas = cifras.collect().lazy()  # pequeña: se recoge una vez y se reutiliza
    indicadores = pl.LazyFrame({"indicador": INDICADORES})

    def ambito(nombre: str, claves: list[str] | pl.Series, por: str | None) -> pl.LazyFrame:
        grupo = sumas.filter(pl.col(por).is_not_null()).rename({por: "clave"}) if por else sumas
        return (
            pl.LazyFrame({"clave": claves})
            .join(indicadores, how="cross")
            .join(
                grupo.group_by("clave" if por else [], "indicador").agg(
                    pl.col("num").sum(), pl.col("den").sum()
                ),
                on=["clave", "indicador"] if por else "indicador",
                how="left",
            )
            .select(
                pl.lit(nombre).alias("ambito"),
                "clave",
                "indicador",
                pl.col("num").fill_null(0),
                pl.col("den").fill_null(0),
            )
        )

    filas = pl.concat(
        [
            ambito("nacional", ["CO"], None),
            ambito("rol", [r.name for r in Rol], "rol"),
            ambito("regional", [r.codigo for r in REGIONALES], "regional"),
            ambito("gestor", m["gestores"]["id"], "gestor"),
        ]
    ).with_columns(
        _c=pl.when(pl.col("ambito") == "gestor").then(pl.lit("*")).otherwise(pl.col("clave"))
    )
    filas = filas.join(
        _criterios(periodo).lazy(),
        left_on=["ambito", "_c", "indicador"],
        right_on=["ambito", "clave", "indicador"],
    )
    a, mn, md = pl.col("num"), pl.col("meta_n"), pl.col("meta_d")
    b = pl.when(pl.col("razon")).then(pl.col("den")).otherwise(1)
    e, f = mn * pl.col("av_n"), md * pl.col("av_d")
    sin_datos = pl.col("razon") & (pl.col("den") == 0)
    cumple = pl.when(pl.col("tope")).then(a * md <= mn * b).otherwise(a * md >= mn * b)
    (u, v), (w, x) = p.umbral_verde.as_integer_ratio(), p.umbral_amarillo.as_integer_ratio()
    resultado = filas.select(
        "ambito",
        "clave",
        "indicador",
        "inicio",
        fin=pl.lit(periodo.fin),
        valor=pl.when(sin_datos)
        .then(None)
        .when(pl.col("razon"))
        .then(a / pl.col("den"))
        .otherwise(a),
        meta_n=mn,
        meta_d=md,
        numerador=a,
        denominador=pl.when(pl.col("razon")).then(pl.col("den")),
        estado=pl.when(sin_datos)
        .then(pl.lit("SIN_DATOS"))
        .when(mn.is_null())
        .then(pl.lit("SIN_META"))
        .when(~pl.col("cerrado"))
        .then(pl.lit("EN_CURSO"))
        .when(cumple)
        .then(pl.lit("CUMPLE"))
        .otherwise(pl.lit("NO_CUMPLE")),
        semaforo=pl.when(sin_datos | mn.is_null())
        .then(None)
        .when(pl.col("tope"))
        .then(pl.when(cumple).then(pl.lit("VERDE")).otherwise(pl.lit("ROJO")))
        .when(e == 0)
        .then(pl.lit("VERDE"))
        .when(a * f * v >= u * e * b)
        .then(pl.lit("VERDE"))
        .when(a * f * x >= w * e * b)
        .then(pl.lit("AMARILLO"))
        .otherwise(pl.lit("ROJO")),
    )
    return resultado.collect(), excluidos


Fila = tuple[Any, ...]


def de_marco_nativo(marco: pl.DataFrame) -> dict[tuple[str, str, str], Fila]:
    """(ámbito, clave, indicador) → (numerador, denominador, estado, semáforo, meta, valor)
    de `nativo_filas`; la meta como fracción exacta, el valor como float."""
    filas = {}
    for f in marco.iter_rows(named=True):
        meta = None if f["meta_n"] is None else Fraction(f["meta_n"], f["meta_d"])
        valor = None if f["valor"] is None else float(f["valor"])
        filas[f["ambito"], f["clave"], f["indicador"]] = (
            f["numerador"],
            f["denominador"],
            f["estado"],
            f["semaforo"],
            meta,
            valor,
        )
    return filas


def de_filas_completas(filas: list[dict[str, Any]]) -> dict[tuple[str, str, str], Fila]:
    """Lo mismo desde `a_filas` (o `Informe.filas()`)."""
    return {
        (f["ambito"], f["clave"], f["indicador"]): (
            f["numerador"],
            f["denominador"],
            f["estado"],
            f["semaforo"],
            None if f["meta"] is None else Fraction(f["meta"]),
            None if f["valor"] is None else float(f["valor"]),
        )
        for f in filas
    }


def _voluntarios(contratos: pl.LazyFrame, cartera: pl.LazyFrame) -> pl.LazyFrame:
    """CV (R19) por gestor (nulo: sin gestor) y regional, desde los contratos del año que
    cuentan: los de cada empresa más allá de su cuota regulada, si está obligada."""
    return (
        contratos.group_by("nit")
        .agg(pl.len().alias("n"), pl.first("obligada", "cuota_regulada", "regional"))
        .with_columns(
            v=pl.when(pl.col("obligada"))
            .then((pl.col("n") - pl.col("cuota_regulada")).clip(0))
            .otherwise(pl.col("n"))
        )
        .join(cartera, on="nit", how="left")
        .group_by("gestor", "regional")
        .agg(pl.col("v").sum().alias("CV"))
    )


def consultas_cifras(m: dict[str, pl.DataFrame], periodo: Periodo) -> list[pl.LazyFrame]:
    """Las consultas de las cifras (numerador, denominador) por gestor y regional."""
    ini_m, ini_q, ini_y = periodo.inicio, periodo.trimestre.inicio, periodo.vigencia.inicio
    fin = periodo.fin
    ids = m["gestores"]["id"]
    conocido = pl.col("gestor").is_in(ids.implode())
    cartera = (
        m["asignaciones"].lazy().filter(conocido).unique(["nit", "gestor"]).select("nit", "gestor")
    )
    anio = pl.col("fecha").is_between(ini_y, fin)
    c = (
        m["contactos"]
        .lazy()
        .filter(conocido & pl.col("fecha").is_between(ini_q, fin))
        .join(cartera, on=["nit", "gestor"], how="semi")
        .select("gestor", "nit")
        .unique()
    )
    ec_num = c.group_by("gestor").agg(pl.len().alias("EC"))
    ec_den = cartera.group_by("gestor").agg(pl.len().alias("EC_d"))
    ep = (
        m["servicios"]
        .lazy()
        .filter(pl.col("fecha").is_between(ini_q, fin))
        .select("nit", "servicio")
        .join(cartera, on="nit")
        .join(c, on=["gestor", "nit"], how="semi")
        .select("gestor", "nit", "servicio")
        .unique()
        .group_by("gestor")
        .agg(pl.len().alias("EP"))
    )
    sol = (
        m["solicitudes"]
        .lazy()
        .filter((pl.col("gestor").is_null() | conocido) & pl.col("fecha").is_between(ini_m, fin))
        .group_by("gestor", "regional")
        .agg(pl.len().alias("EG_d"), (pl.col("fecha_gestion") <= fin).sum().alias("EG"))
    )
    contratos = _voluntarios(m["contratos"].lazy().filter(anio), cartera)
    em = (
        m["cuotas"]
        .lazy()
        .filter(pl.col("cuota_regulada") > 0)
        .select("nit", "monetiza")
        .join(cartera, on="nit")
        .group_by("gestor")
        .agg(pl.col("monetiza").sum().alias("EM"), pl.len().alias("EM_d"))
    )
    af = (
        m["ambientes"]
        .lazy()
        .filter(conocido & pl.col("fecha").is_between(ini_m, fin))
        .group_by("gestor")
        .agg(pl.col("cantidad").sum().alias("AF"))
    )
    pe = (
        m["eventos"]
        .lazy()
        .filter((pl.col("gestor").is_null() | conocido) & pl.col("fecha").is_between(ini_m, fin))
        .group_by("gestor", "regional")
        .agg(pl.len().alias("PE"))
    )
    logros = (
        m["logros"]
        .lazy()
        .filter(conocido & anio)
        .group_by("gestor")
        .agg(pl.col("formados").sum().alias("SISMEG_FORMADOS"))
    )
    return [ec_num, ec_den, ep, sol, contratos, em, af, pe, logros]


def cifras_de(m: dict[str, pl.DataFrame], resultados: list[pl.DataFrame]) -> Cifras:
    """Las cifras por gestor y de la nación, sumadas desde los resultados de `consultas_cifras`."""
    ids = m["gestores"]["id"]
    cifras: Cifras = {}
    totales: dict[str, list[int]] = {}
    por_gestor: dict[str, dict[str, int]] = {g: {} for g in ids}
    for marco in resultados:
        for fila in marco.iter_rows(named=True):
            g = fila.pop("gestor")
            fila.pop("regional", None)
            for k, v in fila.items():
                totales.setdefault(k, []).append(int(v))
                if g is not None:
                    por_gestor[g][k] = por_gestor[g].get(k, 0) + int(v)
    for g, valores in por_gestor.items():
        for ind in ("EC", "EP", "EG", "EM"):
            den = valores.get(f"{ind}_d", 0) if ind != "EP" else valores.get("EC", 0)
            cifras[g, ind] = (valores.get(ind, 0), den)
        for ind in ("AF", "CV", "PE", "SISMEG_FORMADOS"):
            cifras[g, ind] = (valores.get(ind, 0), None)
    for ind in ("EC", "EG", "EM"):
        cifras["CO", ind] = (sum(totales.get(ind, [])), sum(totales.get(f"{ind}_d", [])))
    cifras["CO", "EP"] = (sum(totales.get("EP", [])), sum(totales.get("EC", [])))
    for ind in ("AF", "CV", "PE", "SISMEG_FORMADOS"):
        cifras["CO", ind] = (sum(totales.get(ind, [])), None)
    return cifras


def de_filas(filas: list[dict[str, Any]]) -> Cifras:
    cifras: Cifras = {}
    for f in filas:
        if f["ambito"] in ("gestor", "nacional") and f["indicador"] != "SISMEG_EMPLEOS":
            cifras[f["clave"], f["indicador"]] = (f["numerador"], f["denominador"])
    return cifras


def _comparar(nombre: str, esperado: Mapping[Any, Any], obtenido: Mapping[Any, Any]) -> None:
    distintas = [k for k in esperado if esperado[k] != obtenido.get(k)]
    if distintas or len(esperado) != len(obtenido):
        for k in distintas[:10]:
            print("DIFIEREN", nombre, k, esperado[k], obtenido.get(k))
        raise SystemExit(f"{nombre}: {len(distintas)} cifras distintas")


def _cerca(fila: Fila) -> Fila:
    """La fila con el valor redondeado: el nativo lo calcula en float, `tablas` exacto."""
    return (*fila[:5], None if fila[5] is None else round(fila[5], 12))


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escala", type=float, default=1.0)
    argumentos.add_argument("--periodo", default="2012-06")
    argumentos.add_argument("--veces", type=int, default=9)
    argumentos.add_argument(
        "--copias",
        type=int,
        default=1,
        help="tantas copias del año (gestores y NIT distintos en cada una: ×4, ×8); sin "
        "informe() sobre registros",
    )
    opciones = argumentos.parse_args()
    periodo = Periodo.parse(opciones.periodo)
    t0 = time.perf_counter()
    marcos: dict[str, Any] = a_polars(generar(opciones.escala))
    if opciones.copias > 1:
        from bench_distribuido import copia

        marcos = {
            t: pl.concat([m, *(copia(m, i) for i in range(1, opciones.copias))])
            for t, m in marcos.items()
        }
    # Los 2,7 millones de registros ya no existen: no pesan en la recolección de basura de lo
    # que se mide (un analista con sus tablas tampoco los tendría).
    gc.collect()
    perezosos: dict[str, Any] = {k: v.lazy() for k, v in marcos.items()}
    print(
        f"datos generados y convertidos a polars en {time.perf_counter() - t0:.1f} s: "
        f"{len(marcos['contactos'])} contactos, {len(marcos['servicios'])} servicios, "
        f"{len(marcos['solicitudes'])} solicitudes"
    )
    candidatos: dict[str, Callable[[], Any]] = {
        "tablas (polars ansioso)": lambda: informe_tabular(periodo=periodo, **marcos),
        "tablas (polars perezoso)": lambda: informe_tabular(periodo=periodo, **perezosos),
        "nativo afinado, mismas filas": lambda: nativo_filas(marcos, periodo, entero=True),
        "nativo, mismas filas": lambda: nativo_filas(marcos, periodo),
        "nativo, cifras y excluidos": lambda: nativo_completo(marcos, periodo),
        "nativo, solo cifras": lambda: nativo(marcos, periodo),
    }
    tiempos, resultados = medir_alternando(candidatos, opciones.veces)
    tablas, perezoso, afinado, filas, completo, cifras = resultados.values()
    t_registros = t_informe = 0.0
    del_informe: list[dict[str, Any]] | None = None
    if opciones.copias == 1:
        t_registros, registros = medir(lambda: a_registros(marcos), 1)
        t_informe, informe_registros = medir(lambda: informe(registros, periodo), 1)
        del_informe = informe_registros.filas()

    # Todos dan lo mismo: `tablas` exactamente las filas de `informe()` (ansioso y perezoso);
    # el nativo, las mismas filas (valor en float) y los mismos excluidos.
    filas_tablas = a_filas(tablas.filas)
    if a_filas(perezoso.filas) != filas_tablas or del_informe not in (None, filas_tablas):
        raise SystemExit("tablas (perezoso) o informe() dan otras filas")
    excluidos = {t: dict(e) for t, e in tablas.excluidos.items()}
    completas = {k: _cerca(v) for k, v in de_filas_completas(filas_tablas).items()}
    _comparar(
        "nativo, mismas filas",
        completas,
        {k: _cerca(v) for k, v in de_marco_nativo(filas[0]).items()},
    )
    _comparar(
        "nativo afinado, mismas filas",
        completas,
        {k: _cerca(v) for k, v in de_marco_nativo(afinado[0]).items()},
    )
    _comparar("nativo, cifras y excluidos", de_filas(filas_tablas), completo[0])
    _comparar("nativo, solo cifras", de_filas(filas_tablas), cifras)
    for nombre, (_, e) in (
        ("nativo afinado, mismas filas", afinado),
        ("nativo, mismas filas", filas),
        ("nativo, cifras y excluidos", completo),
    ):
        if e != excluidos:
            raise SystemExit(f"{nombre}: otros excluidos\n{e}\n{excluidos}")
    n_excluidos = sum(len(e) for e in excluidos.values())
    print(
        f"periodo {periodo}: las {len(filas_tablas)} filas de tablas son las "
        f"{'' if del_informe is None else 'de informe() y las '}de los nativos; {n_excluidos} "
        "conteos de exclusión (tabla, motivo) iguales"
    )
    minimo = {k: min(v) for k, v in tiempos.items()}
    mediana = {k: statistics.median(v) for k, v in tiempos.items()}
    print(f"{opciones.veces} vueltas alternadas; tiempos: mínimo / mediana")
    for nombre in candidatos:
        print(f"  {nombre:28} {minimo[nombre]:.3f} s / {mediana[nombre]:.3f} s")
    if del_informe is not None:
        print(f"  {'registros desde polars':28} {t_registros:.3f} s")
        print(f"  {'informe() sobre registros':28} {t_informe:.3f} s")
    print(
        "razones (meta ≤ 1,1× contra el nativo afinado, ≤ 1,2× contra los demás): mínimo / mediana"
    )
    for tabular in list(candidatos)[:2]:
        for base in list(candidatos)[2:]:
            print(
                f"  {tabular} / {base}: {minimo[tabular] / minimo[base]:.2f}× / "
                f"{mediana[tabular] / mediana[base]:.2f}×"
            )
    if del_informe is not None:
        ansioso = minimo["tablas (polars ansioso)"]
        print(f"  (registros + informe()) / tablas: {(t_registros + t_informe) / ansioso:.0f}×")


if __name__ == "__main__":
    main()
