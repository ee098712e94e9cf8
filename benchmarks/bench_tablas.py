"""Benchmark de `sena_relacionamiento.tablas` (issue 8): polars vía narwhals contra polars nativo
y contra `informe()` sobre registros.

Genera el año nacional sintético (`sintetico.py`) y lo convierte una vez en tablas polars (fuera
de la medición). Mide, para un periodo: `informe_tabular` sobre polars (ansioso y perezoso), las
mismas cifras escritas a mano en polars nativo, e `informe()` incluido el tiempo de construir
los registros desde las tablas. Comprueba que las tres dan las mismas cifras e imprime tiempos
y razones. No es una prueba: imprime cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_tablas.py              # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_tablas.py --escala 0.05
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import attrs
import polars as pl

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar

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
from sena_relacionamiento.tablas import a_filas, informe_tabular

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
    """Las cifras (numerador, denominador) por gestor y de la nación, en polars nativo."""
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
    resultados = pl.collect_all([ec_num, ec_den, ep, sol, contratos, em, af, pe, logros])
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


def medir(funcion: Callable[[], Any], veces: int) -> tuple[float, Any]:
    mejor, resultado = float("inf"), None
    for _ in range(veces):
        t0 = time.perf_counter()
        resultado = funcion()
        mejor = min(mejor, time.perf_counter() - t0)
    return mejor, resultado


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

    def tablas() -> Cifras:
        return de_filas(a_filas(informe_tabular(periodo=periodo, **marcos).filas))

    def tablas_perezoso() -> Cifras:
        return de_filas(a_filas(informe_tabular(periodo=periodo, **perezosos).filas))

    t_tablas, c_tablas = medir(tablas, opciones.veces)
    t_perezoso, c_perezoso = medir(tablas_perezoso, opciones.veces)
    t_nativo, c_nativo = medir(lambda: nativo(marcos, periodo), opciones.veces)
    t_registros, registros = medir(lambda: a_registros(marcos), 1)
    t_informe, c_informe = medir(lambda: de_filas(informe(registros, periodo).filas()), 1)
    for nombre, cifras in (("perezoso", c_perezoso), ("nativo", c_nativo), ("informe", c_informe)):
        distintas = [k for k in c_tablas if c_tablas[k] != cifras.get(k)]
        if distintas or len(cifras) != len(c_tablas):
            for k in distintas[:10]:
                print("DIFIEREN", nombre, k, c_tablas[k], cifras.get(k))
            raise SystemExit(1)
    print(f"periodo {periodo}: {len(c_tablas)} cifras iguales en los tres cálculos")
    print(f"tablas (polars ansioso):   {t_tablas:.3f} s")
    print(f"tablas (polars perezoso):  {t_perezoso:.3f} s")
    print(f"polars nativo:             {t_nativo:.3f} s")
    print(f"registros desde polars:    {t_registros:.3f} s")
    print(f"informe() sobre registros: {t_informe:.3f} s")
    print(f"razón tablas / nativo:     {t_tablas / t_nativo:.2f}× (meta ≤ 1,2×)")
    print(f"razón perezoso / nativo:   {t_perezoso / t_nativo:.2f}×")
    print(f"razón (registros + informe()) / tablas: {(t_registros + t_informe) / t_tablas:.1f}×")


if __name__ == "__main__":
    main()
