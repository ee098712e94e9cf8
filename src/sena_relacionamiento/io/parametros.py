"""Leer los parámetros de una vigencia de un archivo TOML (R30): el borde de `desde_toml`.

>>> from importlib.resources import files
>>> from sena_relacionamiento import PARAMETROS_2012
>>> cargar_parametros(files("sena_relacionamiento") / "vigencias" / "2012.toml") == PARAMETROS_2012
True
"""

from __future__ import annotations

import os
from importlib.resources.abc import Traversable

from sena_relacionamiento.errores import DatoInvalido
from sena_relacionamiento.io._archivos import motivo_de_sistema
from sena_relacionamiento.parametros import Parametros

__all__ = ["cargar_parametros"]


def cargar_parametros(ruta: str | os.PathLike[str] | Traversable) -> Parametros:
    """Los `Parametros` del documento TOML en `ruta` (R30), validados como en
    `Parametros.desde_toml`: cada error es un `DatoInvalido` que nombra el archivo, la clave y
    la línea. El archivo va en UTF-8 (con o sin BOM). Un archivo que no se puede leer también
    es un `DatoInvalido`, con la razón que da el sistema.

    Para escribir el de otra vigencia: ``sena-relacionamiento parametros --vigencia AAAA``
    da una plantilla con los números de 2012 para confirmar uno por uno.
    """
    if isinstance(ruta, Traversable):
        origen = str(ruta)
    elif isinstance(ruta, str | os.PathLike):
        origen = os.fsdecode(ruta)
    else:
        raise DatoInvalido("se esperaba la ruta de un archivo TOML", campo="ruta", valor=ruta)
    try:
        contenido = ruta.read_bytes() if isinstance(ruta, Traversable) else _leer(origen)
    except (OSError, ValueError) as error:  # ValueError: una ruta con un carácter nulo
        detalle = (
            motivo_de_sistema(error)
            if isinstance(error, OSError)
            else "la ruta tiene un carácter nulo"
        )
        raise DatoInvalido(
            f"no se pudo leer el archivo de parámetros: {detalle}", origen=origen or "''"
        ) from None
    try:
        texto = contenido.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        linea = contenido[: error.start].count(b"\n") + 1
        raise DatoInvalido(
            "el documento de parámetros debe estar en UTF-8 (guárdelo como «UTF-8» en su editor)",
            valor=contenido[error.start : error.end],
            origen=f"{origen}, línea {linea}",
        ) from None
    return Parametros.desde_toml(texto, origen=origen)


def _leer(ruta: str) -> bytes:
    with open(ruta, "rb") as archivo:
        return archivo.read()
