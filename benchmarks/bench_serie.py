"""Benchmark de `serie()` contra doce llamadas a `informe()` (issue 17).

Mide un año (2012-01 a 2012-12) sobre los datos de ejemplo y sobre el año nacional sintético
(`sintetico.py`): `serie()` y la lista de `informe()` de cada mes, por turnos; comprueba que
dan las mismas filas e imprime los tiempos y su razón. No es una prueba: no afirma tiempos.

    .venv/bin/python benchmarks/bench_serie.py              # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_serie.py --escala 0.05
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar, medir_alternando

from sena_relacionamiento import DatosSeguimiento, Periodo, informe, serie
from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

ANIO = [Periodo(2012, mes) for mes in range(1, 13)]


def comparar(nombre: str, datos: DatosSeguimiento, veces: int) -> None:
    tiempos, resultados = medir_alternando(
        {
            "serie()": lambda: serie(datos, ANIO[0], ANIO[-1]),
            "12 × informe()": lambda: [informe(datos, p) for p in ANIO],
        },
        veces,
    )
    filas_serie = resultados["serie()"].filas()
    filas_informes = [
        {"periodo": str(inf.periodo), **fila}
        for inf in resultados["12 × informe()"]
        for fila in inf.filas()
    ]
    assert filas_serie == filas_informes, "serie() y los informes no dan las mismas filas"
    mediana = {k: statistics.median(v) for k, v in tiempos.items()}
    print(f"{nombre}: {len(filas_serie):,} filas, {veces} vueltas (mediana, mejor)")
    for k, v in tiempos.items():
        print(f"  {k:<16} {mediana[k]:8.3f} s  {min(v):8.3f} s")
    print(f"  razón serie / informes: {mediana['serie()'] / mediana['12 × informe()']:.2f}")


def main() -> None:
    analizador = argparse.ArgumentParser(description=__doc__)
    analizador.add_argument("--escala", type=float, default=1.0)
    analizador.add_argument("--veces", type=int, default=3)
    args = analizador.parse_args()
    comparar("datos de ejemplo", datos_de_ejemplo(), max(args.veces, 5))
    t0 = time.perf_counter()
    datos = generar(args.escala)
    segundos = time.perf_counter() - t0
    print(f"sintético escala {args.escala}: generado y revisado en {segundos:.1f} s")
    comparar(f"sintético escala {args.escala}", datos, args.veces)


if __name__ == "__main__":
    main()
