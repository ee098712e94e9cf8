"""Benchmark del trabajo principal: la línea de comandos sobre una carpeta nacional (issue 15).

Escribe el año nacional sintético (`sintetico.py`) como la carpeta de CSV que lee la CLI (como
los escribe Excel en Colombia: `;`, BOM, `DD/MM/AAAA`, `$ 1.000.000`, `sí`/`no`, etiquetas en
español) y mide, como procesos enteros y por vueltas alternadas (mínimo y mediana):

- la CLI (`informe --formato csv`, u otro formato con `--formato`: los dos motores escriben
  los seis), con cada motor que acepte (`--motor puro|columnas` cuando la opción existe; si
  no, la vía única de hoy);
- `csv.reader` sobre los mismos archivos (el piso de la vía pura);
- `polars.read_csv` de los archivos (el piso de la vía por columnas);
- un guion de diez líneas: `polars.read_csv` + `tablas.informe_tabular`.

Imprime tiempos, RSS pico de cada proceso y las razones. No es una prueba: no afirma tiempos.

    .venv/bin/python benchmarks/bench_cli.py                 # escala 1 (≈ 2 millones de contactos)
    .venv/bin/python benchmarks/bench_cli.py --escala 0.25 --veces 3
    .venv/bin/python benchmarks/bench_cli.py --escala 0.25 --formato json
    .venv/bin/python benchmarks/bench_cli.py --carpeta /tmp/nacional   # la escribe una vez
    .venv/bin/python benchmarks/bench_cli.py --carpeta /tmp/nacional --sin-puro --formato json

Con ``--carpeta``, la carpeta se escribe solo si no tiene CSV (la escala es la de la primera
vez) y se reusa en las corridas siguientes.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from sintetico import generar

from sena_relacionamiento import DatosSeguimiento, Regional
from sena_relacionamiento.enumeraciones import EnumSena
from sena_relacionamiento.formato import pesos

TABLAS = (
    "gestores",
    "asignaciones",
    "contactos",
    "servicios",
    "solicitudes",
    "ambientes",
    "contratos",
    "cuotas",
    "eventos",
    "logros",
)


def _celda(valor: Any) -> str:
    """Una celda como la escribe una oficina: etiquetas, fechas y montos a la colombiana."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, EnumSena):
        return valor.etiqueta
    if isinstance(valor, Regional):
        return valor.nombre
    if isinstance(valor, datetime | date):
        return valor.strftime("%d/%m/%Y")
    if isinstance(valor, Decimal):
        return pesos(valor)
    return str(valor)


def escribir_carpeta(datos: DatosSeguimiento, carpeta: Path) -> int:
    """Un CSV por tipo de registro; devuelve cuántas filas escribió."""
    total = 0
    for tabla in TABLAS:
        registros = getattr(datos, tabla)
        if not registros:
            continue
        campos = [a.name for a in attrs.fields(type(registros[0]))]
        lineas = [";".join(campos)]
        lineas.extend(";".join(_celda(getattr(r, c)) for c in campos) for r in registros)
        (carpeta / f"{tabla}.csv").write_text("\ufeff" + "\n".join(lineas) + "\n", "utf-8")
        total += len(registros)
    return total


PISO_CSV = """
import csv, io, pathlib, sys
n = 0
for archivo in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    for fila in csv.reader(io.StringIO(archivo.read_text("utf-8-sig")), delimiter=";"):
        n += 1
print(n)
"""

PISO_POLARS = """
import pathlib, sys
import polars as pl
n = 0
for archivo in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    n += pl.read_csv(archivo, separator=";", infer_schema=False).height
print(n)
"""

# El guion de diez líneas de un usuario: polars lee, la biblioteca calcula.
GUION_POLARS = """
import pathlib, sys
import polars as pl
from sena_relacionamiento import Periodo, REGIONALES
from sena_relacionamiento.registros import MedioContacto, Rol, TipoContacto
from sena_relacionamiento.tablas import informe_tabular
nombres = {e.etiqueta: e.name for enum in (Rol, TipoContacto, MedioContacto) for e in enum}
nombres |= {r.nombre: r.codigo for r in REGIONALES}
fecha = lambda c: pl.col(c).str.to_date("%d/%m/%Y")
pesos = lambda c: (pl.col(c).str.replace_all(r"[$ .]", "").str.replace(",", ".")
                   .cast(pl.Decimal(20, 2)))
si = lambda c: pl.col(c).str.to_lowercase().is_in(["sí", "si"])
conv = {"fecha": fecha, "fecha_gestion": fecha, "valor": pesos, "obligada": si, "monetiza": si}
enteros = {"cantidad", "cuota_regulada", "asistentes", "formados", "empleos"}
marcos = {}
for archivo in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    m = pl.read_csv(archivo, separator=";", infer_schema=False)
    m = m.with_columns(
        conv[c](c) if c in conv else pl.col(c).cast(pl.Int64) if c in enteros
        else pl.col(c).replace(nombres) if c in ("rol", "tipo", "medio", "regional") else pl.col(c)
        for c in m.columns
    )
    marcos[archivo.stem] = m
r = informe_tabular(**marcos, periodo=Periodo.parse(sys.argv[2]))
print(r.filas.height)
"""


def _medir(orden: list[str]) -> tuple[float, float]:
    """Corre un proceso y da (segundos, RSS pico en MiB) de ese proceso solo."""
    t0 = time.perf_counter()
    proceso = subprocess.Popen(orden, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, estado, uso = os.wait4(proceso.pid, 0)
    segundos = time.perf_counter() - t0
    proceso.returncode = os.waitstatus_to_exitcode(estado)
    if proceso.returncode != 0:
        error = proceso.stderr.read().decode() if proceso.stderr else ""
        raise SystemExit(f"falló {' '.join(orden)}:\n{error}")
    return segundos, uso.ru_maxrss / 1024


def _motores(cli: str) -> list[str]:
    ayuda = subprocess.run([cli, "informe", "--help"], capture_output=True, text=True).stdout
    return ["puro", "columnas"] if "--motor" in ayuda else [""]


def main() -> None:
    argumentos = argparse.ArgumentParser(description=__doc__)
    argumentos.add_argument("--escala", type=float, default=1.0)
    argumentos.add_argument("--periodo", default="2012-06")
    argumentos.add_argument("--veces", type=int, default=3)
    argumentos.add_argument(
        "--formato", default="csv", choices=("csv", "csv-excel", "texto", "json", "html", "xlsx")
    )
    argumentos.add_argument(
        "--carpeta", help="carpeta de los CSV: se escribe si no tiene ninguno; si no, se reusa"
    )
    argumentos.add_argument(
        "--sin-puro",
        action="store_true",
        help="no mide la CLI pura ni csv.reader (las más lentas): solo la vía por columnas",
    )
    argumentos.add_argument("--escribir", metavar="CARPETA", help=argparse.SUPPRESS)
    opciones = argumentos.parse_args()
    python = sys.executable
    if opciones.escribir:
        print(escribir_carpeta(generar(opciones.escala), Path(opciones.escribir)))
        return
    cli = str(Path(python).with_name("sena-relacionamiento"))
    with tempfile.TemporaryDirectory() as temporal:
        carpeta = Path(opciones.carpeta) if opciones.carpeta else Path(temporal) / "datos"
        carpeta.mkdir(parents=True, exist_ok=True)
        tamano = sum(a.stat().st_size for a in carpeta.glob("*.csv")) / 2**20
        if tamano:
            print(f"carpeta reusada: {carpeta}, {tamano:.0f} MiB")
        else:
            t0 = time.perf_counter()
            # En otro proceso: un hijo hereda como RSS pico el del padre al nacer (Linux), y el
            # año sintético en memoria pesa cientos de MiB.
            escribir = [python, __file__, "--escala", str(opciones.escala), "--escribir"]
            escribir.append(str(carpeta))
            escrito = subprocess.run(escribir, check=True, capture_output=True, text=True).stdout
            tamano = sum(a.stat().st_size for a in carpeta.iterdir()) / 2**20
            segundos = time.perf_counter() - t0
            print(f"carpeta escrita en {segundos:.1f} s: {int(escrito)} filas, {tamano:.0f} MiB")
        salida = str(Path(temporal) / f"informe.{opciones.formato}")
        base = [cli, "informe", "--datos", str(carpeta), "--periodo", opciones.periodo]
        base += ["--formato", opciones.formato, "--salida", salida]
        ordenes: dict[str, list[str]] = {}
        for motor in _motores(cli):
            if motor != "columnas" and opciones.sin_puro:
                continue
            extra = ["--motor", motor] if motor else []
            ordenes[f"CLI {motor or 'puro'}"] = base + extra
        if not opciones.sin_puro:
            ordenes["csv.reader"] = [python, "-c", PISO_CSV, str(carpeta)]
        ordenes["polars.read_csv"] = [python, "-c", PISO_POLARS, str(carpeta)]
        ordenes["polars + informe_tabular"] = [
            python, "-c", GUION_POLARS, str(carpeta), opciones.periodo,
        ]  # fmt: skip
        medidas: dict[str, list[tuple[float, float]]] = {nombre: [] for nombre in ordenes}
        for _ in range(opciones.veces):
            for nombre, orden in ordenes.items():
                medidas[nombre].append(_medir(orden))
    print(f"vueltas alternadas: {opciones.veces}; formato de la CLI: {opciones.formato}")
    print(f"carga de la máquina al terminar (1, 5, 15 min): {os.getloadavg()}")
    print(f"{'proceso':<26} {'mínimo':>8} {'mediana':>8} {'RSS pico':>9}")
    resumen: dict[str, tuple[float, float, float]] = {}
    for nombre, lista in medidas.items():
        tiempos = [t for t, _ in lista]
        rss = max(r for _, r in lista)
        resumen[nombre] = (min(tiempos), statistics.median(tiempos), rss)
        print(f"{nombre:<26} {min(tiempos):7.2f}s {statistics.median(tiempos):7.2f}s {rss:7.0f}MiB")

    def razon(a: str, b: str, meta: str) -> None:
        if a in resumen and b in resumen:
            (ma, da, ra), (mb, db, rb) = resumen[a], resumen[b]
            print(
                f"{a} / {b}: {ma / mb:.2f}× / {da / db:.2f}× (tiempo mín. / mediana), "
                f"{ra / rb:.2f}× RSS  [meta {meta}]"
            )

    razon("CLI puro", "csv.reader", "≤ 4× en tiempo")
    razon("CLI columnas", "polars + informe_tabular", "≤ 1,5× en tiempo y RSS")
    razon("CLI columnas", "polars.read_csv", "≤ 3× en tiempo")
    razon("CLI puro", "polars + informe_tabular", "referencia")


if __name__ == "__main__":
    main()
