"""Benchmark de `informe()` contra un cálculo escrito a mano con dicts y sets (issue 5).

Genera el año nacional sintético (`sintetico.py`), mide `informe()` para un periodo y el mismo
cálculo escrito a mano, comprueba que dan las mismas cifras e imprime los tiempos, su razón y
la memoria pico. No es una prueba: imprime cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_informe.py            # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_informe.py --escala 0.05
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
import tracemalloc
from collections import Counter, defaultdict
from datetime import date
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar, medir_alternando

from sena_relacionamiento import DatosSeguimiento, Periodo, informe
from sena_relacionamiento.indicadores.cv import voluntarios

Cifras = dict[tuple[str, str], tuple[Any, Any]]


def a_mano(datos: DatosSeguimiento, periodo: Periodo) -> Cifras:
    """Las cifras (numerador, denominador) por gestor y por indicador, con dicts y sets."""
    ini_m, ini_q, ini_y = periodo.inicio, periodo.trimestre.inicio, periodo.vigencia.inicio
    fin = periodo.fin
    fin_ant: date | None = periodo.anterior().fin if periodo.mes > 1 else None
    gest = {g.id: g for g in datos.gestores}
    dueno: dict[str, str] = {}
    cartera: dict[str, set[str]] = {g: set() for g in gest}
    for a in datos.asignaciones:
        if a.gestor in gest and a.nit not in dueno:
            dueno[a.nit] = a.gestor
            cartera[a.gestor].add(a.nit)
    contactadas: dict[str, set[str]] = {g: set() for g in gest}
    tipo_medio: Counter[tuple[str, Any, Any]] = Counter()
    fuera: Counter[str] = Counter()
    anual: Counter[tuple[str, str]] = Counter()
    for c in datos.contactos:
        g = c.gestor
        if g in gest and ini_y <= c.fecha <= fin:
            if c.nit in cartera[g]:
                anual[g, c.nit] += 1
                if c.fecha >= ini_q:
                    contactadas[g].add(c.nit)
                    tipo_medio[g, c.tipo, c.medio] += 1
            elif c.fecha >= ini_q:
                fuera[g] += 1
    menos_de_3 = {g: sorted(n for n in cartera[g] if anual[g, n] < 3) for g in gest}
    pares: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for s in datos.servicios:
        g2 = dueno.get(s.nit)
        if g2 is not None and ini_q <= s.fecha <= fin and s.nit in contactadas[g2]:
            pares[g2].add((s.nit, s.servicio))
    recibidas: Counter[str] = Counter()
    gestionadas: Counter[str] = Counter()
    for q in datos.solicitudes:
        clave = q.gestor if q.gestor is not None else "regional:" + q.regional.codigo
        if (q.gestor is None or q.gestor in gest) and ini_m <= q.fecha <= fin:
            recibidas[clave] += 1
            if q.fecha_gestion is not None and q.fecha_gestion <= fin:
                gestionadas[clave] += 1
    n_anio: Counter[str] = Counter()
    n_ant: Counter[str] = Counter()
    info: dict[str, Any] = {}
    for k in datos.contratos:
        if ini_y <= k.fecha <= fin:
            n_anio[k.nit] += 1
            info.setdefault(k.nit, k)
            if fin_ant is not None and k.fecha <= fin_ant:
                n_ant[k.nit] += 1
    cv: Counter[str] = Counter()
    for nit, n in n_anio.items():
        k = info[nit]
        cv[dueno.get(nit, "regional:" + k.regional.codigo)] += voluntarios(
            n, k.obligada, k.cuota_regulada
        )
    em_num: Counter[str] = Counter()
    em_den: Counter[str] = Counter()
    for e in datos.cuotas:
        g3 = dueno.get(e.nit)
        if g3 is not None and e.cuota_regulada > 0:
            em_den[g3] += 1
            em_num[g3] += e.monetiza
    af: Counter[str] = Counter()
    for amb in datos.ambientes:
        if amb.gestor in gest and ini_m <= amb.fecha <= fin:
            af[amb.gestor] += amb.cantidad
    pe: Counter[str] = Counter()
    for ev in datos.eventos:
        if (ev.gestor is None or ev.gestor in gest) and ini_m <= ev.fecha <= fin:
            pe[ev.gestor if ev.gestor is not None else "regional:" + ev.regional.codigo] += 1
    formados: Counter[str] = Counter()
    for lo in datos.logros:
        if lo.gestor in gest and ini_y <= lo.fecha <= fin:
            formados[lo.gestor] += lo.formados
    cifras: Cifras = {}
    for g in gest:
        cifras[g, "EC"] = (len(contactadas[g]), len(cartera[g]))
        cifras[g, "EP"] = (len(pares[g]), len(contactadas[g]))
        cifras[g, "EG"] = (gestionadas[g], recibidas[g])
        cifras[g, "CV"] = (cv[g], None)
        cifras[g, "EM"] = (em_num[g], em_den[g])
        cifras[g, "AF"] = (af[g], None)
        cifras[g, "PE"] = (pe[g], None)
        cifras[g, "SISMEG_FORMADOS"] = (formados[g], None)
        cifras[g, "EC_MENOS_DE_3"] = (len(menos_de_3[g]), fuera[g])
    cifras["CO", "EC"] = (
        sum(len(s) for s in contactadas.values()),
        sum(len(s) for s in cartera.values()),
    )
    cifras["CO", "EG"] = (sum(gestionadas.values()), sum(recibidas.values()))
    cifras["CO", "CV"] = (sum(cv.values()), None)
    cifras["CO", "PE"] = (sum(pe.values()), None)
    cifras["CO", "TIPO_MEDIO"] = (sum(tipo_medio.values()), None)
    return cifras


def de_informe(datos: DatosSeguimiento, periodo: Periodo) -> Cifras:
    inf = informe(datos, periodo)
    cifras: Cifras = {}
    for g, t in inf.gestores.items():
        for nombre in ("EC", "EP", "EG", "CV", "EM", "AF", "PE", "SISMEG_FORMADOS"):
            r = getattr(t, nombre.lower())
            cifras[g, nombre] = (r.numerador, r.denominador)
        cifras[g, "EC_MENOS_DE_3"] = (
            len(t.ec.detalle["empresas_con_menos_de_3_contactos"]),
            t.ec.detalle["fuera_de_cartera"],
        )
    n = inf.nacional
    for nombre in ("EC", "EG", "CV", "PE"):
        r = getattr(n, nombre.lower())
        cifras["CO", nombre] = (r.numerador, r.denominador)
    por_tipo = n.ec.detalle["por_tipo_y_medio"]
    cifras["CO", "TIPO_MEDIO"] = (sum(sum(m.values()) for m in por_tipo.values()), None)
    return cifras


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escala", type=float, default=1.0)
    argumentos.add_argument("--periodo", default="2012-06")
    argumentos.add_argument("--veces", type=int, default=5)
    opciones = argumentos.parse_args()
    periodo = Periodo.parse(opciones.periodo)
    t0 = time.perf_counter()
    datos = generar(opciones.escala)
    print(
        f"datos generados en {time.perf_counter() - t0:.1f} s: "
        f"{len(datos.gestores)} gestores, {len(datos.asignaciones)} asignaciones, "
        f"{len(datos.contactos)} contactos, {len(datos.servicios)} servicios, "
        f"{len(datos.solicitudes)} solicitudes, {len(datos.contratos)} contratos, "
        f"{len(datos.cuotas)} cuotas"
    )
    tiempos, resultados = medir_alternando(
        {"informe": lambda: de_informe(datos, periodo), "mano": lambda: a_mano(datos, periodo)},
        opciones.veces,
    )
    cifras_informe, cifras_mano = resultados["informe"], resultados["mano"]
    distintas = [k for k in cifras_mano if cifras_mano[k] != cifras_informe.get(k)]
    if distintas:
        for k in distintas[:10]:
            print("DIFIEREN", k, cifras_mano[k], cifras_informe.get(k))
        raise SystemExit(1)
    tracemalloc.start()
    informe(datos, periodo)
    _, pico = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"periodo {periodo}: {len(cifras_mano)} cifras iguales")
    mi, mm = min(tiempos["informe"]), min(tiempos["mano"])
    di, dm = statistics.median(tiempos["informe"]), statistics.median(tiempos["mano"])
    print(f"vueltas alternadas: {opciones.veces}; mínimo / mediana")
    print(f"informe():  {mi:.3f} s / {di:.3f} s")
    print(f"a mano:     {mm:.3f} s / {dm:.3f} s")
    print(f"razón:      {mi / mm:.2f}× / {di / dm:.2f}× (meta ≤ 1,5×)")
    print(
        f"memoria pico de informe() (tracemalloc): {pico / 2**20:.1f} MiB; "
        f"RSS máximo del proceso: {rss:.0f} MiB"
    )


if __name__ == "__main__":
    main()
