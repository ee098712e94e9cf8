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

__all__ = ["EXTENSIONES", "cargar", "formato_de_salida"]

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


def _avance(archivo: str, filas: int) -> None:
    """El progreso de la lectura de --datos, una línea por archivo (solo en una terminal)."""
    from sena_relacionamiento import formato
    from sena_relacionamiento.cli import PROG

    print(f"{PROG}: {archivo}: {formato.numero(filas)} registros leídos", file=sys.stderr)


def cargar(args: argparse.Namespace) -> DatosSeguimiento:
    """Los datos de ``--datos`` (`leer_datos`; la orden ya comprobó que existe), o los de
    ejemplo sin ella. Un archivo que no es un libro es un error de uso; un error de los datos
    sale con `ERROR_EN_LOS_DATOS`. Muestra el progreso, un archivo por línea, si la salida de
    errores es una terminal y no se pidió ``--silencioso`` (issue 15)."""
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
        avance = None if args.silencioso or not sys.stderr.isatty() else _avance
        return leer_datos(args.datos, notas=_nota if args.detalle else None, avance=avance)
    except ErrorSena as error:
        raise _ErrorDeDatos(error) from None
