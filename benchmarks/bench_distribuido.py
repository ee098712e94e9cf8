"""Benchmark de `tablas` más allá de una máquina (issue 18): el año nacional sintético
(`sintetico.py`) escrito en Parquet y leído por `informe_tabular` en cada motor perezoso.

Motores: polars ansioso (la referencia: las tablas leídas en memoria), polars perezoso
(``scan_parquet``), DuckDB sobre Parquet con límite de memoria (fuera de memoria), Dask con un
`LocalCluster` de 2 trabajadores y Spark local (``local[2]``). Cada medición corre en un proceso
propio: el tiempo total (leer, calcular, recoger las filas con `a_filas`) y el pico de memoria
residente (el del proceso y el de su mayor descendiente: los trabajadores de Dask, la JVM de
Spark). Entre paréntesis, la parte del tiempo que fue abrir el motor (arrancar la JVM de
Spark o el clúster de Dask y abrir los Parquet; polars ansioso ya los lee enteros), que quien
tiene la sesión o el clúster abiertos no paga en cada informe; el tiempo total y la razón la
incluyen.
Comprueba que cada motor da las filas de polars ansioso (misma escala) e imprime la razón al
polars ansioso de la primera escala (×1). Las escalas mayores que 1 son copias del año ×1
(`escribir`). No es una prueba: imprime cifras, no afirma tiempos.

    .venv/bin/python benchmarks/bench_distribuido.py --escalas 0.05 0.2
    .venv/bin/python benchmarks/bench_distribuido.py --escalas 1 4 8 --motores polars duckdb
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
    """El año sintético a escala `escala`, una tabla Parquet por tipo de registro.

    Hasta la escala 1 lo genera `sintetico.py`; una escala entera mayor (×4, ×8, ×10) son
    otras tantas copias del año a escala 1 con gestores, NIT e ids de solicitud distintos en
    cada copia (generar registro por registro 16 millones de contactos tardaría demasiado):
    las filas y los gestores crecen juntos, como en la historia nacional."""
    import polars as pl
    from bench_tablas import a_polars
    from sintetico import generar

    veces = int(escala) if escala > 1 else 1
    base = a_polars(generar(escala if veces == 1 else 1.0))
    for tabla, marco in base.items():
        copias = [marco] + [copia(marco, i) for i in range(1, veces)]
        pl.concat(copias).write_parquet(carpeta / f"{tabla}.parquet")


def copia(marco: Any, i: int) -> Any:
    """La copia `i` de una tabla: sus gestores, NIT e ids, distintos de los de las otras."""
    import polars as pl

    cambios = {
        "id": pl.col("id") + f"-{i}",  # gestores y solicitudes
        "gestor": pl.col("gestor") + f"-{i}",
        "nit": (pl.col("nit").cast(pl.Int64) + i * 1_000_000_000).cast(pl.String),
    }
    return marco.with_columns(v for k, v in cambios.items() if k in marco.columns)


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

        # Un Parquet de un archivo es una partición: `tablas` la reparte entre los trabajadores.
        return {t: dd.read_parquet(r) for t, r in rutas.items()}, cerrar
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
    abrir = time.perf_counter() - t0  # arrancar la JVM o el clúster, abrir los Parquet
    try:
        filas = a_filas(informe_tabular(periodo=Periodo(*PERIODO), **entradas).filas)
        vivos = _pico_descendientes()  # la JVM de Spark, los trabajadores de Dask
    finally:
        cerrar()
    segundos = time.perf_counter() - t0
    propio = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    hijos = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return {
        "segundos": segundos,
        "abrir": abrir,
        "rss_mb": max(propio, hijos, vivos) / 1024,
        "filas": repr(filas),
    }


def _pico_descendientes() -> int:
    """El mayor pico de memoria residente (VmHWM, en KiB) de los procesos descendientes vivos
    (Linux, por /proc; 0 si no hay): `ru_maxrss` de los hijos solo cuenta los ya esperados."""
    padres: dict[int, int] = {}
    picos: dict[int, int] = {}
    for estado in Path("/proc").glob("[0-9]*/status"):
        try:
            campos = dict(
                linea.split(":", 1) for linea in estado.read_text().splitlines() if ":" in linea
            )
        except OSError:  # el proceso terminó
            continue
        pid = int(estado.parent.name)
        padres[pid] = int(campos["PPid"])
        picos[pid] = int(campos.get("VmHWM", "0 kB").split()[0])
    mios = {os.getpid()}
    for _ in range(4):  # hijos, nietos…
        mios |= {pid for pid, padre in padres.items() if padre in mios}
    return max((picos[pid] for pid in mios - {os.getpid()}), default=0)


def main() -> None:
    opciones = argparse.ArgumentParser(description=__doc__)
    opciones.add_argument("--escalas", type=float, nargs="+", default=[1.0])
    opciones.add_argument("--motores", nargs="+", default=MOTORES, choices=MOTORES)
    opciones.add_argument("--memoria", default="300MB", help="memory_limit de DuckDB")
    opciones.add_argument("--uno", nargs=2, metavar=("MOTOR", "CARPETA"), help=argparse.SUPPRESS)
    opciones.add_argument("--escribir", nargs=2, help=argparse.SUPPRESS)
    args = opciones.parse_args()
    if args.uno:
        print(json.dumps(una(args.uno[0], Path(args.uno[1]), args.memoria)))
        return
    if args.escribir:
        escribir(float(args.escribir[0]), Path(args.escribir[1]))
        return
    base: float | None = None  # polars ansioso en la primera escala (×1 si se mide)
    for escala in args.escalas:
        with tempfile.TemporaryDirectory(prefix="sena-bench-") as nombre:
            t0 = time.perf_counter()
            # En otro proceso: Linux hereda el pico de memoria del padre en cada hijo (fork),
            # y el padre debe quedar pequeño para que `ru_maxrss` de cada motor sea el suyo.
            orden = [sys.executable, __file__, "--escribir", str(escala), nombre]
            subprocess.run(orden, check=True)
            print(
                f"escala {escala} (periodo {PERIODO[0]}-{PERIODO[1]:02d}; datos escritos en "
                f"{time.perf_counter() - t0:.0f} s); razón al polars ansioso de la escala "
                f"{args.escalas[0]}"
            )
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
                if motor == "polars":
                    referencia = medida
                    base = base or medida["segundos"]
                razon = f"{medida['segundos'] / base:6.1f}×" if base else ""
                # Las filas de cada motor, las de polars ansioso en la misma escala.
                igual = "" if referencia is None or medida["filas"] == referencia["filas"] else "≠"
                print(
                    f"  {motor:16} {medida['segundos']:8.2f} s  {medida['rss_mb']:7.0f} MB  "
                    f"{razon} {igual}  (abrir {medida['abrir']:.2f} s)"
                )


if __name__ == "__main__":
    main()
