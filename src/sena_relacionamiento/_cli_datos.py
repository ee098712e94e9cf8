"""Lo que ``informe`` y ``serie`` comparten en la línea de comandos (issue 16): leer
``--datos`` (una carpeta de CSV y libros o un libro con una hoja por tipo, con las notas de
``-v``) y deducir ``--formato`` de la extensión de ``--salida``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Final

from sena_relacionamiento.datos import DatosSeguimiento
from sena_relacionamiento.errores import DatoInvalido, ErrorSena
from sena_relacionamiento.informe import Informe
from sena_relacionamiento.parametros import Parametros
from sena_relacionamiento.periodos import Periodo

__all__ = ["EXTENSIONES", "MOTORES", "cargar", "formato_de_salida", "motor_disponible"]

EXTENSIONES: Final[Mapping[str, str]] = MappingProxyType(
    {
        ".txt": "texto",
        ".json": "json",
        ".csv": "csv",
        ".xlsx": "xlsx",
        ".html": "html",
        ".htm": "html",
    }
)
"""Extensión de ``--salida`` → el formato que se escribe si no se da ``--formato``."""

AYUDA_DATOS: Final = (
    "carpeta con un archivo por tipo de registro (gestores.csv o gestores.xlsx, "
    "contactos.csv…) o un libro .xlsx con una hoja por tipo; sin ella se usa el juego de "
    "datos de ejemplo incluido"
)
AYUDA_DETALLE: Final = (
    "dice en la salida de errores cómo se leyó --datos: la codificación de cada CSV, el "
    "título saltado de cada hoja, los archivos y hojas que no se leen"
)


def formato_de_salida(args: argparse.Namespace, formatos: Sequence[str]) -> str:
    """El formato pedido: ``--formato`` si se dio; si no, el de la extensión de ``--salida``
    (`EXTENSIONES`); sin ninguno de los dos, o si ``--salida`` no es un archivo regular
    (``/dev/null``, una tubería), ``texto``. Una extensión desconocida o un formato que la
    orden no escribe es un `DatoInvalido` (un error de uso)."""
    if args.formato is not None:
        return str(args.formato)
    if not args.salida:
        return "texto"
    extension = os.path.splitext(args.salida)[1].lower()
    formato = EXTENSIONES.get(extension)
    if formato is None and os.path.exists(args.salida) and not os.path.isfile(args.salida):
        return "texto"  # /dev/null, una tubería…: texto; una carpeta la rechaza --salida
    if formato is None or formato not in formatos:
        conocidas = ", ".join(e for e, f in EXTENSIONES.items() if f in formatos)
        raise DatoInvalido(
            f"no se sabe qué formato escribir por la extensión «{extension or '(ninguna)'}»: "
            f"use una de {conocidas} o dé --formato ({'|'.join(formatos)})",
            campo="--salida",
            valor=args.salida,
        )
    return formato


def _nota(texto: str) -> None:
    from sena_relacionamiento.cli import PROG

    print(f"{PROG}: nota: {texto}", file=sys.stderr)


AYUDA_SILENCIOSO: Final = (
    "no muestra el progreso (que sale solo si la salida de errores es una terminal)"
)


class _Avance:
    """El progreso de la lectura de --datos, una línea por archivo. Cada archivo se dice una
    vez: si la vía por columnas lee unos archivos y da paso a la vía pura (un error en los
    datos), la vía pura no los vuelve a decir."""

    def __init__(self) -> None:
        self.dichos: set[str] = set()

    def __call__(self, archivo: str, filas: int) -> None:
        from sena_relacionamiento import formato
        from sena_relacionamiento.cli import PROG

        if archivo not in self.dichos:
            self.dichos.add(archivo)
            print(f"{PROG}: {archivo}: {formato.numero(filas)} registros leídos", file=sys.stderr)


def _avance(args: argparse.Namespace) -> _Avance | None:
    """El progreso de la orden: solo si la salida de errores es una terminal y no se pidió
    ``--silencioso`` (issue 15)."""
    if args.silencioso or not sys.stderr.isatty():
        return None
    return _Avance()


def cargar(args: argparse.Namespace, avance: _Avance | None = None) -> DatosSeguimiento:
    """Los datos de ``--datos`` (`leer_datos`; la orden ya comprobó que existe), o los de
    ejemplo sin ella. Un archivo que no es un libro es un error de uso; un error de los datos
    sale con `ERROR_EN_LOS_DATOS`. Muestra el progreso, un archivo por línea, si la salida de
    errores es una terminal y no se pidió ``--silencioso`` (issue 15; `_avance`), con el
    `avance` dado si la vía por columnas ya dijo algunos archivos."""
    from sena_relacionamiento.cli import _ErrorDeDatos

    if not args.datos:
        from sena_relacionamiento.datos_ejemplo import datos_de_ejemplo

        return datos_de_ejemplo()
    from sena_relacionamiento.io.entrada import EXCEL, leer_datos

    if not os.path.isdir(args.datos) and not args.datos.lower().endswith(EXCEL):
        raise DatoInvalido(
            "no es una carpeta ni un libro de Excel (.xlsx)", campo="--datos", valor=args.datos
        )

    try:
        notas = _nota if args.detalle else None
        return leer_datos(args.datos, notas=notas, avance=avance or _avance(args))
    except ErrorSena as error:
        raise _ErrorDeDatos(error) from None


MOTORES: Final = ("auto", "puro", "columnas")
"""Los valores de ``--motor``."""

AYUDA_MOTOR: Final = (
    "cómo se leen y se calculan los datos: puro (registros en Python, siempre instalado), "
    "columnas (polars y tablas, con el extra «tablas») o auto (columnas si el extra está "
    "instalado y la entrada y el formato lo permiten; si no, puro). -v dice cuál corrió"
)

_PAQUETES: Final = ("polars", "narwhals")
INSTALAR_TABLAS: Final = "pip install 'sena-relacionamiento[tablas]'"


def motor_disponible() -> bool:
    """Si el motor por columnas (polars y narwhals, el extra «tablas») está instalado. Lo
    busca sin importarlo: sin ``--motor columnas`` la orden no carga polars."""
    from importlib.util import find_spec

    for paquete in _PAQUETES:
        if paquete in sys.modules:
            if sys.modules[paquete] is None:  # bloqueado (así lo simulan las pruebas)
                return False
        elif find_spec(paquete) is None:
            return False
    return True


def _motor(texto: str) -> None:
    from sena_relacionamiento.cli import PROG

    print(f"{PROG}: motor: {texto}", file=sys.stderr)


def exigir_motor(args: argparse.Namespace) -> None:
    """``--motor columnas`` sin el extra «tablas» es un error de uso que dice qué instalar."""
    if args.motor == "columnas" and not motor_disponible():
        raise DatoInvalido(
            "el motor por columnas necesita polars y narwhals, que no están instalados; "
            f"instálelos con «{INSTALAR_TABLAS}» o use --motor puro",
            campo="--motor",
            valor=args.motor,
        )


def solo_puro(args: argparse.Namespace, por_que: str) -> None:
    """Una orden que solo tiene la vía pura: ``--motor columnas`` es un error de uso; con -v
    dice el motor."""
    exigir_motor(args)
    if args.motor == "columnas":
        raise DatoInvalido(f"{por_que}; use --motor auto o puro", campo="--motor", valor=args.motor)
    if args.detalle:
        _motor("puro (registros en Python)")


def informe_cli(args: argparse.Namespace, periodo: Periodo, parametros: Parametros) -> Informe:
    """El informe de ``--datos`` con el motor de ``--motor`` (issue 15). Por columnas, si se
    pidió o si con ``auto`` el extra está instalado y ``--datos`` es una carpeta de CSV que esa
    vía lee, para todo formato (`lector_columnas.FORMATOS`: los bytes son los de la vía pura);
    si no, por registros. El detalle de cada resultado se calcula solo para los formatos que
    lo dicen y los registros excluidos uno por uno solo para el libro. Con ``--motor
    columnas``, lo que esa vía no lee es un error de uso con el motivo. Un error en los datos
    lo da siempre la vía pura, con su mensaje."""
    from sena_relacionamiento.informe import informe

    exigir_motor(args)
    forzado = args.motor == "columnas"
    avance = _avance(args)  # uno para las dos vías: cada archivo se dice una vez
    motivo = None
    if args.motor == "puro":
        motivo = "se pidió --motor puro"
    elif not motor_disponible():
        motivo = f"el extra «tablas» no está instalado ({INSTALAR_TABLAS})"
    elif not args.datos:
        motivo = "los datos de ejemplo son registros"
    else:
        from sena_relacionamiento.io import lector_columnas

        try:
            inf = lector_columnas.informe_por_columnas(
                args.datos,
                periodo,
                parametros,
                detalle=args.formato not in lector_columnas.SIN_DETALLE,
                excluidos=args.formato in lector_columnas.CON_EXCLUIDOS,
                avance=avance,
            )
        except lector_columnas.NoSoportado as error:
            motivo = f"la vía por columnas no lo lee: {error}"
        except lector_columnas.HayUnError:
            motivo = "hay un error en los datos, que la vía pura dice con su mensaje"
            forzado = False  # el error lo da la vía pura
        else:
            if args.detalle:
                _motor("columnas (polars y tablas)")
            return inf
    if forzado:
        raise DatoInvalido(f"{motivo}; use --motor auto o puro", campo="--motor", valor="columnas")
    if args.detalle:
        _motor(f"puro (registros en Python); {motivo}")
    datos = cargar(args, avance)
    return informe(datos, periodo, parametros=parametros)
