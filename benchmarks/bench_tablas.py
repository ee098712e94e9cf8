"""Benchmark de `sena_relacionamiento.tablas` (issue 8): polars vía narwhals contra polars nativo
y contra `informe()` sobre registros.

Genera el año nacional sintético (`sintetico.py`) y lo convierte una vez en tablas polars (fuera
de la medición). Mide, para un periodo: `informe_tabular` sobre polars (ansioso y perezoso); lo
mismo escrito a mano en polars nativo de dos maneras: completo (las cifras y los conteos de
exclusión por tabla y motivo, R23, que `informe_tabular` también da) y solo las cifras; e
`informe()` incluido el tiempo de construir los registros desde las tablas. Comprueba que todos
dan las mismas cifras (y el nativo completo los mismos excluidos que `informe_tabular`) e
imprime tiempos y razones. No es una prueba: imprime cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_tablas.py              # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_tablas.py --escala 0.05
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

import attrs
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar, medir

from sena_relacionamiento import (
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


def nativo_completo(
    m: dict[str, pl.DataFrame], periodo: Periodo
) -> tuple[Cifras, dict[str, dict[str, int]]]:
    """Lo mismo que da `informe_tabular`, en polars nativo: las cifras de `nativo` y además las
    filas excluidas de cada tabla por motivo (R23). Cada tabla se clasifica una vez (columna
    ``_m``: 0 si la fila cuenta, si no el número de su motivo) y se agrupa por gestor y motivo
    en la misma consulta que da sus cifras; todo en un solo `pl.collect_all`."""
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
        .agg(n=pl.len(), SISMEG_FORMADOS=pl.col("formados").sum()),
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
        contratos.filter(cuenta)
        .group_by("nit")
        .agg(pl.len().alias("n"), pl.first("obligada", "cuota_regulada", "regional"))
        .with_columns(
            v=pl.when(pl.col("obligada"))
            .then((pl.col("n") - pl.col("cuota_regulada")).clip(0))
            .otherwise(pl.col("n"))
        )
        .join(cartera, on="nit", how="left")
        .group_by("gestor", "regional")
        .agg(pl.col("v").sum().alias("CV")),
    ]
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
        cifras("logros", SISMEG_FORMADOS=pl.col("SISMEG_FORMADOS")),
    ]
    excluidos = {t: {k: v for k, v in sorted(e.items()) if v} for t, e in excluidos.items()}
    return cifras_de(m, por_tabla), excluidos


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
    contratos = (
        m["contratos"]
        .lazy()
        .filter(anio)
        .group_by("nit")
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


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escala", type=float, default=1.0)
    argumentos.add_argument("--periodo", default="2012-06")
    argumentos.add_argument("--veces", type=int, default=3)
    opciones = argumentos.parse_args()
    periodo = Periodo.parse(opciones.periodo)
    t0 = time.perf_counter()
    datos = generar(opciones.escala)
    marcos: dict[str, Any] = a_polars(datos)
    perezosos: dict[str, Any] = {k: v.lazy() for k, v in marcos.items()}
    print(
        f"datos generados y convertidos a polars en {time.perf_counter() - t0:.1f} s: "
        f"{len(marcos['contactos'])} contactos, {len(marcos['servicios'])} servicios, "
        f"{len(marcos['solicitudes'])} solicitudes"
    )

    def tablas() -> tuple[Cifras, dict[str, dict[str, int]]]:
        resultado = informe_tabular(periodo=periodo, **marcos)
        excluidos = {t: dict(e) for t, e in resultado.excluidos.items()}
        return de_filas(a_filas(resultado.filas)), excluidos

    def tablas_perezoso() -> Cifras:
        return de_filas(a_filas(informe_tabular(periodo=periodo, **perezosos).filas))

    t_tablas, (c_tablas, e_tablas) = medir(tablas, opciones.veces)
    t_perezoso, c_perezoso = medir(tablas_perezoso, opciones.veces)
    t_completo, (c_completo, e_completo) = medir(
        lambda: nativo_completo(marcos, periodo), opciones.veces
    )
    t_nativo, c_nativo = medir(lambda: nativo(marcos, periodo), opciones.veces)
    t_registros, registros = medir(lambda: a_registros(marcos), 1)
    t_informe, c_informe = medir(lambda: de_filas(informe(registros, periodo).filas()), 1)
    comparadas = (
        ("perezoso", c_perezoso),
        ("nativo completo", c_completo),
        ("nativo", c_nativo),
        ("informe", c_informe),
    )
    for nombre, cifras in comparadas:
        distintas = [k for k in c_tablas if c_tablas[k] != cifras.get(k)]
        if distintas or len(cifras) != len(c_tablas):
            for k in distintas[:10]:
                print("DIFIEREN", nombre, k, c_tablas[k], cifras.get(k))
            raise SystemExit(1)
    if e_tablas != e_completo:
        print("DIFIEREN los excluidos:", e_tablas, e_completo, sep="\n")
        raise SystemExit(1)
    n_excluidos = sum(len(e) for e in e_tablas.values())
    print(
        f"periodo {periodo}: {len(c_tablas)} cifras iguales en los cuatro cálculos y "
        f"{n_excluidos} conteos de exclusión (tabla, motivo) iguales en tablas y nativo completo"
    )
    print(f"tablas (polars ansioso):   {t_tablas:.3f} s")
    print(f"tablas (polars perezoso):  {t_perezoso:.3f} s")
    print(f"polars nativo, completo:   {t_completo:.3f} s  (cifras y excluidos por motivo)")
    print(f"polars nativo, cifras:     {t_nativo:.3f} s  (solo cifras)")
    print(f"registros desde polars:    {t_registros:.3f} s")
    print(f"informe() sobre registros: {t_informe:.3f} s")
    print(f"razón tablas / nativo completo:   {t_tablas / t_completo:.2f}× (meta ≤ 1,2×)")
    print(f"razón tablas / nativo cifras:     {t_tablas / t_nativo:.2f}× (meta ≤ 1,2×)")
    print(f"razón perezoso / nativo completo: {t_perezoso / t_completo:.2f}×")
    print(f"razón perezoso / nativo cifras:   {t_perezoso / t_nativo:.2f}×")
    print(f"razón (registros + informe()) / tablas: {(t_registros + t_informe) / t_tablas:.1f}×")


if __name__ == "__main__":
    main()
