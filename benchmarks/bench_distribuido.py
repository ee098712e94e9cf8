"""Benchmark de `tablas` más allá de una máquina (issue 18): el año nacional sintético
(`sintetico.py`) escrito en Parquet y leído por `informe_tabular` en cada motor perezoso.

Motores: polars ansioso (la referencia: las tablas leídas en memoria), polars perezoso
(``scan_parquet``), DuckDB sobre Parquet con límite de memoria (fuera de memoria), Dask con un
`LocalCluster` de 2 trabajadores y Spark local (``local[2]``). Cada medición corre en un proceso
propio: el tiempo total (leer, calcular, recoger las filas con `a_filas`) y el pico de memoria
residente (el del proceso y el de su mayor hijo: los trabajadores de Dask, la JVM de Spark).
Comprueba que cada motor da las filas de polars ansioso e imprime la razón a él. No es una
prueba: imprime cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_distribuido.py --escalas 0.05 0.2
    .venv/bin/python benchmarks/bench_distribuido.py --escalas 1 10 --motores duckdb polars-perezoso
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

MOTORES = ["polars", "polars-perezoso", "duckdb", "dask", "spark"]
PERIODO = (2012, 6)


def escribir(escala: float, carpeta: Path) -> None:
    """El año sintético a escala `escala`, una tabla Parquet por tipo de registro."""
    from bench_tablas import a_polars
    from sintetico import generar

    for tabla, marco in a_polars(generar(escala)).items():
        marco.write_parquet(carpeta / f"{tabla}.parquet")


def _entradas(motor: str, carpeta: Path, memoria: str) -> tuple[dict[str, Any], Any]:
    """Las tablas abiertas en `motor` y una función que cierra lo abierto."""
    rutas = {p.stem: str(p) for p in carpeta.glob("*.parquet")}
    if motor in ("polars", "polars-perezoso"):
        import polars as pl

        leer = pl.read_parquet if motor == "polars" else pl.scan_parquet
        return {t: leer(r) for t, r in rutas.items()}, lambda: None
    if motor == "duckdb":
        import duckdb

        con = duckdb.connect(config={"memory_limit": memoria, "threads": 2})
        return {t: con.read_parquet(r) for t, r in rutas.items()}, con.close
    if motor == "dask":
        import dask.dataframe as dd
        from distributed import Client, LocalCluster

        cluster = LocalCluster(  # type: ignore[no-untyped-call]
            n_workers=2, threads_per_worker=1, processes=True
        )
        cliente = Client(cluster)  # type: ignore[no-untyped-call]

        def cerrar() -> None:
            cliente.close()  # type: ignore[no-untyped-call]
            cluster.close()

        # Un Parquet de un archivo es una partición: se reparte para usar los trabajadores.
        return {t: dd.read_parquet(r).repartition(npartitions=4) for t, r in rutas.items()}, cerrar
    from pyspark.sql import SparkSession

    # Los trabajadores de Python, con el intérprete de este proceso (no el python3 del PATH,
    # que puede ser otra versión menor: Spark se niega a mezclarlas).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)

    sesion = (
        SparkSession.builder.master("local[2]")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    return {t: sesion.read.parquet(r) for t, r in rutas.items()}, sesion.stop


def una(motor: str, carpeta: Path, memoria: str) -> dict[str, Any]:
    """Una medición (en el proceso hijo)."""
    from sena_relacionamiento import Periodo
    from sena_relacionamiento.tablas import a_filas, informe_tabular

    t0 = time.perf_counter()
    entradas, cerrar = _entradas(motor, carpeta, memoria)
    try:
        filas = a_filas(informe_tabular(periodo=Periodo(*PERIODO), **entradas).filas)
    finally:
        cerrar()
    segundos = time.perf_counter() - t0
    propio = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hijos = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {"segundos": segundos, "rss_mb": max(propio, hijos) / 1024, "filas": repr(filas)}


def main() -> None:
    opciones = argparse.ArgumentParser(description=__doc__)
    opciones.add_argument("--escalas", type=float, nargs="+", default=[1.0])
    opciones.add_argument("--motores", nargs="+", default=MOTORES, choices=MOTORES)
    opciones.add_argument("--memoria", default="300MB", help="memory_limit de DuckDB")
    opciones.add_argument("--uno", nargs=2, metavar=("MOTOR", "CARPETA"), help=argparse.SUPPRESS)
    args = opciones.parse_args()
    if args.uno:
        print(json.dumps(una(args.uno[0], Path(args.uno[1]), args.memoria)))
        return
    for escala in args.escalas:
        with tempfile.TemporaryDirectory(prefix="sena-bench-") as nombre:
            carpeta = Path(nombre)
            escribir(escala, carpeta)
            print(f"escala {escala} (periodo {PERIODO[0]}-{PERIODO[1]:02d})")
            referencia: dict[str, Any] | None = None
            for motor in args.motores:
                salida = subprocess.run(
                    [sys.executable, __file__, "--uno", motor, nombre, "--memoria", args.memoria],
                    capture_output=True,
                    text=True,
                    check=False,
                )
                if salida.returncode:
                    print(f"  {motor:16} falló: {salida.stderr.strip().splitlines()[-1:]}")
                    continue
                medida = json.loads(salida.stdout.strip().splitlines()[-1])
                referencia = referencia or (medida if motor == "polars" else None)
                razon = f"{medida['segundos'] / referencia['segundos']:5.1f}×" if referencia else ""
                igual = "" if referencia is None or medida["filas"] == referencia["filas"] else "≠"
                print(
                    f"  {motor:16} {medida['segundos']:8.2f} s  {medida['rss_mb']:7.0f} MB  "
                    f"{razon} {igual}"
                )


if __name__ == "__main__":
    main()
